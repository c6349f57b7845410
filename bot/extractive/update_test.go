package extractive

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	e := testAnswerer(Options{})
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
			"2025-03-09", "2025-03-21", "4,800 (2025-03-09) rose to 5,300 (2025-03-21)", "4,800 vs"}, // a change, with both dates
		{"a wire copy and a rewrite of the same day",
			"Authorities evacuated 1,200 residents from the villages of Bellerive and Coste-Haute by Sunday afternoon.",
			"By Sunday, 2,100 people had been moved out of Bellerive and Coste-Haute and were sleeping in schools.",
			"2025-03-02", "2025-03-02", "1,200 residents vs 2,100 people", ""},
		{"an age given differently twelve days apart",
			"The first victim was Henri Lacombe, 81, a retired fisherman from Bellerive.",
			"Henri Lacombe, 84, a retired fisherman, died of a heart attack in Bellerive.",
			"2025-03-09", "2025-03-21", "The sources differ on 1 point:\n- 81 vs 84", "updates"},
		{"a toll that rose overnight",
			"The death toll from the floods in the Halden valley has risen to 45, the civil protection office said on Friday.",
			"The death toll from the floods in the Halden valley has risen to 52, the civil protection office said on Saturday.",
			"2025-05-02", "2025-05-03", "45 (2025-05-02) rose to 52 (2025-05-03)", "45 vs 52"},
		{"a wire story republished the next day with another figure",
			"The cost of the Calder Sound bridge has risen to 465 million dollars, the transport ministry said on Wednesday.",
			"The cost of the Calder Sound bridge has risen to 485 million dollars, the transport ministry said on Wednesday.",
			"2022-06-15", "2022-06-16", "465 million dollars vs 485 million dollars", "updates"},
		{"a toll given differently the same day",
			"The death toll from the floods in the Halden valley has risen to 45, the civil protection office said on Friday.",
			"The death toll from the floods in the Halden valley has risen to 54, the civil protection office said on Friday.",
			"2025-05-02", "2025-05-02", "45 vs 54", "updates"},
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

func TestAsOfDay(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want day
	}{
		{"How many houses had been lost by March 9?", day{time.March, 9}},
		{"How big was the flood on 2 May?", day{time.May, 2}},
		{"How big was the flood on March 9, 2025?", day{}}, // a full date, asked as such
		{"How many were evacuated in March?", day{}},
		{"What was the toll in 2024?", day{}},
	} {
		if got := asOfDay(splitWords(tt.q)); got != tt.want {
			t.Errorf("asOfDay(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestAsksLatest(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"What is the final death toll?", true},
		{"How many houses were destroyed in the end?", true},
		{"How many patients ended up enrolled?", true},
		{"How many houses were destroyed in total?", true},
		{"How many houses were destroyed?", false},
		{"When did the end of the strike come?", false},
	} {
		if got := asksLatest(splitWords(tt.q)); got != tt.want {
			t.Errorf("asksLatest(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// dev5updatesDir holds a volcanic eruption followed from its first day
// to its end and a convention's attendance over three editions.
var dev5updatesDir = filepath.Join("..", "eval", "testdata", "dev5updates")

// TestUpdatesRound5 holds issue 8's fifth round: a figure that changed
// over time is answered as its history, not as a disagreement.
func TestUpdatesRound5(t *testing.T) {
	b := offlineBot(t, dev5updatesDir)
	for _, tt := range []struct {
		q       string
		want    []string
		sources []string
		not     []string
	}{
		// The latest report's figure, then the earlier one, dated.
		{"How many homes did the eruption destroy in the end?",
			[]string{"As of the latest report, of 2025-03-21", "112 homes", "Earlier, on 2025-03-09", "Thirty-seven"},
			[]string{"volcano/2025-03-21-ferrand-eruption-ends.txt"},
			[]string{"differ", "otherwise"}},
		// How things stood on a day: the report of that day.
		{"How many people had been evacuated by March 9?",
			[]string{"4,800"},
			[]string{"volcano/2025-03-09-ferrand-lava-reaches-coast.html"},
			[]string{"differ", "5,300"}},
		// A figure's history, report by report.
		{"How did the area covered by lava grow over the eruption?",
			[]string{"2025-03-02, SIP: 40", "2025-03-09, Saint-Aubin Observer: 310", "The latest report, of 2025-03-21, gives 415"},
			[]string{"volcano/2025-03-02-mount-ferrand-eruption-wire.txt", "volcano/2025-03-09-ferrand-lava-reaches-coast.html", "volcano/2025-03-21-ferrand-eruption-ends.txt"},
			[]string{"differ"}},
		{"How did the number of evacuees evolve?",
			[]string{"1,200 residents", "4,800", "5,300 people"},
			[]string{"volcano/2025-03-09-ferrand-lava-reaches-coast.html", "volcano/2025-03-21-ferrand-eruption-ends.txt"},
			nil},
		// Real disagreements listed, figures revised told as changes
		// with both dates, and what counts another thing ("600
		// residents remain" after "evacuated 1,200") left out.
		{"Where do the reports contradict each other about the eruption?",
			[]string{"2,100 people vs 1,200 residents", "February 28 vs March 1", "81 vs 84", "4,800 (2025-03-09) rose to 5,300 people (2025-03-21)", "310 hectares (2025-03-09) rose to 415 hectares (2025-03-21)"},
			[]string{"volcano/2025-03-02-ferrand-eruption-island-echo.md", "volcano/2025-03-02-mount-ferrand-eruption-wire.txt", "volcano/2025-03-09-ferrand-lava-reaches-coast.html", "volcano/2025-03-21-ferrand-eruption-ends.txt"},
			[]string{"4,800 vs", "310 vs", "Thirty-seven vs", "fell to 600"}},
		{"Do the sources disagree about anything?",
			[]string{"31,200 visitors vs 32,100 visitors"},
			[]string{"convention/starhaven-con-record-gazette.txt"},
			[]string{"18,400 visitors vs"}}, // the 2022 edition and an undated report of 2024
	} {
		t.Run(tt.q, func(t *testing.T) { checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not) })
	}
}

func TestNameConflicts(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		da, db string
		want   string
		not    string
	}{
		{"a surname misspelt by a same-day report",
			"The rescue is led by Gwen Talbot, chief of the regional mine rescue service.",
			"Gwen Tabor, who heads the mine rescue service, said crews would not stop.",
			"2025-06-10", "2025-06-10", "Gwen Talbot vs Gwen Tabor", ""},
		{"two people of one given name",
			"The rescue is led by Gwen Talbot, chief of the regional mine rescue service.",
			"Gwen Morgan, a nurse at the hospital, said two men were in serious condition.",
			"2025-06-10", "2025-06-10", "", "Gwen Morgan"},
		{"the same name a month apart",
			"The rescue is led by Gwen Talbot, chief of the regional mine rescue service.",
			"Gwen Tabor, who heads the mine rescue service, said crews would not stop.",
			"2025-06-10", "2025-07-20", "", "Gwen Talbot vs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree, passageArticle("a.txt", tt.da, tt.a), passageArticle("b.txt", tt.db, tt.b))
			if tt.want != "" && !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant %q, not %q", a.Text, tt.want, tt.not)
			}
		})
	}
}
