package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// TestTallyAt: a vote's or a match's result is one figure; a range, a
// season, a length of time or a code is none.
func TestTallyAt(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want string // the tally read, "" for none
	}{
		{"The council approved the plan, voting 7-4 after a debate.", "7-4"},
		{"The court ruled 5-4 in favour of the city.", "5-4"},
		{"Halden Rovers won 3-1 at home.", "3-1"},
		{"The sides drew 2-2 on Saturday.", "2-2"},
		{"The survey asked people aged 18-24 about cycling.", ""}, // a range: the smaller first
		{"The 2010-11 season ended early.", ""},                   // a year
		{"Repairs will take 5-4 weeks, oddly put.", ""},           // a length of time
		{"Call 555-1234 for tickets.", ""},
		{"The code 12-4-7 opens the gate.", ""},
	} {
		s := sentence(tt.text)
		got := ""
		for _, m := range lx.mentions(s, testAnswerer(Options{}).terms.Terms) {
			if m.kind == qTally {
				got = m.date
			}
		}
		if got != tt.want {
			t.Errorf("%q: got tally %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTallyConflicts: two reports of the same days that give one vote's
// tally differently disagree, though the words around the two tallies
// differ; tallies of two contests do not.
func TestTallyConflicts(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		want string
		not  string
	}{
		{"one council vote",
			"Brannock city council on Tuesday approved plans for a new aquatics centre on the site of the old baths, voting 7-4 after a three-hour debate.",
			"The city council backed the aquatics centre 8-3 on Tuesday night, to applause from swimming club members.",
			"vs", ""},
		{"two contests of one day",
			"Halden Rovers beat Kesting United 3-1 on Saturday in front of a home crowd.",
			"The city council approved the new library budget 5-2 on Saturday morning.",
			"", "vs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree,
				passageArticle("a.txt", "2025-03-11", tt.a), passageArticle("b.txt", "2025-03-11", tt.b))
			if tt.want != "" && !strings.Contains(a.Text, "8-3 vs 7-4") && !strings.Contains(a.Text, "7-4 vs 8-3") || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant the tallies opposed: %v", a.Text, tt.want != "")
			}
		})
	}
}

func TestIsTallyKey(t *testing.T) {
	for k, want := range map[string]bool{"7-4": true, "12-10": true, "7": false, "sven ellingsen": false, "-4": false, "7-": false, "a-b": false} {
		if got := isTallyKey(k); got != want {
			t.Errorf("isTallyKey(%q) = %v, want %v", k, got, want)
		}
	}
}

// TestNumberAt: numbers in words read whole, "and" included, as reports
// write counts at the start of a sentence.
func TestNumberAt(t *testing.T) {
	for text, want := range map[string]string{
		"Eight hundred and forty runners":             "840",
		"Six hundred and fifty bicycles":              "650",
		"sixty-one thousand pounds":                   "61000",
		"Fifty-six yachts":                            "56",
		"two thousand three hundred":                  "2300",
		"one hundred and twenty-five thousand people": "125000",
		"Four workers":                                "4",
		"one two three":                               "1",
		"three hundred":                               "300",
	} {
		if got, _ := numberAt(splitWords(text), 0); got != want {
			t.Errorf("numberAt(%q) = %s, want %s", text, got, want)
		}
	}
}
