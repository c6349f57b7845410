package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

func TestTransposed(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"1,450", "1,540", true},
		{"42,500", "45,200", true},
		{"340", "430", true},
		{"1,450", "1,450", false}, // the same figure
		{"1,450", "1,460", false}, // another digit
		{"12", "21", false},       // too short to tell a slip from a change
		{"3,000", "31,000", false},
	} {
		if got := transposed(mention{text: tt.a}, mention{text: tt.b}); got != tt.want {
			t.Errorf("transposed(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsAge(t *testing.T) {
	lx := testLexicon(t)
	e := New(Options{})
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Henri Lacombe, 81, a retired fisherman, died on Thursday.", true},
		{"The victim was named as Henri Lacombe, 84.", true},
		{"Lava covered 81 hectares by Sunday.", false},
		{"In Bellerive, 81 homes were destroyed.", false}, // a place, and a count
		{"Officials said 81, most of them elderly, were evacuated.", false},
	} {
		got := false
		for _, m := range lx.mentions(sentence(tt.text), e.terms.Terms) {
			got = got || isAge(m)
		}
		if got != tt.want {
			t.Errorf("isAge in %q = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRunning(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The number of people evacuated has risen to 4,800.", true},
		{"Thirty-seven homes have been destroyed so far.", true},
		{"At the height of the crisis, 5,300 people had been evacuated.", true},
		{"In all, lava buried 415 hectares.", true},
		{"The jury deliberated for 11 hours.", false},
		{"The company had 600 employees.", false}, // a possession, not a tally
	} {
		if got := lx.running(sentence(tt.text)); got != tt.want {
			t.Errorf("running(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTimeClauseIsNoByline(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"By Lucie Arnaud, Southern Isles Press", true},
		{"By Sunday, 2,100 people had been moved out of Bellerive and Coste-Haute.", false},
		{"By March 9, Reyes had left Bellerive.", false},
	} {
		if got := lx.isByline(sentence(tt.text)); got != tt.want {
			t.Errorf("isByline(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// Reports of different dates about a quantity that evolves are a
// timeline; the same figure given differently for one moment, or a
// person's age, is a disagreement.
func TestUpdatesAreNoDisagreement(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		da, db string
		want   string // in the answer
		not    string // not in it
	}{
		{"a toll that rose",
			"Lava from Mount Ferrand reached the sea south of Bellerive. The number of people evacuated from Bellerive has risen to 4,800.",
			"Lava from Mount Ferrand buried 415 hectares south of Bellerive. The number of people evacuated from Bellerive reached 5,300 in all.",
			"2025-03-09", "2025-03-21", "updates, not disagreements", "4,800 vs"},
		{"a wire copy and a rewrite of the same day",
			"Authorities evacuated 1,200 residents from the villages of Bellerive and Coste-Haute by Sunday afternoon.",
			"By Sunday, 2,100 people had been moved out of Bellerive and Coste-Haute and were sleeping in schools.",
			"2025-03-02", "2025-03-02", "1,200 residents vs 2,100 people", ""},
		{"an age given differently twelve days apart",
			"The first victim was Henri Lacombe, 81, a retired fisherman from Bellerive.",
			"Henri Lacombe, 84, a retired fisherman, died of a heart attack in Bellerive.",
			"2025-03-09", "2025-03-21", "The sources differ on 1 point:\n- 81 vs 84", "updates"},
		{"two editions a year apart",
			"Starhaven Con drew 18,400 visitors to the Lindgrave exhibition centre over its three days.",
			"Starhaven Con drew a record 31,200 visitors to the Lindgrave exhibition centre this weekend.",
			"2022-08-15", "2024-08-12", "updates, not disagreements", "18,400 visitors vs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree, passageArticle("a.txt", tt.da, tt.a), passageArticle("b.txt", tt.db, tt.b))
			if !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant %q, not %q", a.Text, tt.want, tt.not)
			}
		})
	}
}
