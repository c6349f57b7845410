package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// TestRevisions: where the reports disagree lists a figure revised
// between reports as a change, older and newer with their dates; two
// editions' figures and two things counted are no revision.
func TestRevisions(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		da, db string
		want   string
		not    string
	}{
		{"money raised so far, then in all",
			"The online auction of the champion pumpkin's seeds has raised $18,400 for the food bank in its first two days.",
			"The auction of the champion pumpkin's seeds closed on Sunday having raised $23,750 for the food bank.",
			"2026-10-06", "2026-10-20", "$18,400 (2026-10-06) rose to $23,750 (2026-10-20)", "left out"},
		{"a forecast cost revised",
			"The new aquatics centre in Brannock is expected to cost $96 million, the city said.",
			"The new aquatics centre in Brannock has risen in cost to $109 million, the city said.",
			"2025-03-11", "2026-02-17", "$96 million (2025-03-11) rose to $109 million (2026-02-17)", "$96 million vs"},
		{"members sold, fewer later",
			"The club has sold 3,450 memberships since January.",
			"The club has sold 3,100 memberships after refunds, it said.",
			"2026-03-01", "2026-09-30", "3,450 memberships (2026-03-01) fell to 3,100 memberships (2026-09-30)", ""},
		{"a running total at two dates, in other words",
			"The appeal has raised £52,000 for the hospice so far.",
			"The appeal's total for the hospice has now reached £71,300.",
			"2026-05-02", "2026-06-20", "£52,000 (2026-05-02) rose to £71,300 (2026-06-20)", ""},
		{"the newer report first in the coverage",
			"The library now has 7,900 registered readers, the city said.",
			"The library has signed up 4,200 registered readers in its first three months.",
			"2026-11-12", "2026-06-30", "4,200 (2026-06-30) rose to 7,900 (2026-11-12)", ""},
		{"two editions' attendance",
			"Starhaven Con drew 18,400 visitors to the Lindgrave exhibition centre over its three days.",
			"Starhaven Con drew a record 31,200 visitors to the Lindgrave exhibition centre this weekend.",
			"2022-08-15", "2024-08-12", "updates, not disagreements", "rose to"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree, passageArticle("a.txt", tt.da, tt.a), passageArticle("b.txt", tt.db, tt.b))
			if !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant %q, not %q", a.Text, tt.want, tt.not)
			}
			if strings.Contains(tt.want, "to") && len(a.Citations) != 2 {
				t.Errorf("got %d citations, want both reports cited", len(a.Citations))
			}
		})
	}
}

// TestSingleAnswerSides: a single answer over a point the reports give
// differently gives both values with their dates: a figure revised as
// the newest then the earlier, a name spelt two ways as both spellings;
// one sum written at two scales is no disagreement.
func TestSingleAnswerSides(t *testing.T) {
	d1, d2 := time.Date(2026, 10, 6, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question string
		a, b     string
		da, db   time.Time
		want     []string
		not      string
	}{
		{"How much money has the seed auction raised for the food bank?",
			"The online auction of the champion pumpkin's seeds has raised $18,400 for the food bank in its first two days.",
			"The auction of the champion pumpkin's seeds closed on Sunday having raised $23,750 for the food bank.",
			d1, d2, []string{"As of the latest report, of 2026-10-20", "$23,750", "Earlier, on 2026-10-06", "$18,400"}, "differ"},
		{"Who grew the winning pumpkin at the Tarrow fair?",
			"A pumpkin grown by Sven Ellingsen weighed in at 1,012 kilograms on Saturday, winning the weigh-off at the Tarrow fair.",
			"Sven Ellingson grew the winning pumpkin at the Tarrow fair in his back garden on Mill Lane.",
			d1, d1, []string{"Sven Ellingsen", "Sven Ellingson", "Another report spells the name Sven Ell", "(a report of the same day, 2026-10-06)"}, "differ"},
		{"How big is the city of Brannock's yearly budget?",
			"The rest will be borrowed against the city of Brannock's $1.2 billion yearly budget, the finance chief said.",
			"The finance chief said the city of Brannock could carry the cost within a yearly budget of 1,200 million dollars.",
			d1, d1, []string{"1.2 billion"}, "differ"},
	} {
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", tt.a, tt.da), dated("b.txt", tt.b, tt.db)})
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, w)
			}
		}
		if tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, want no %q", tt.question, a.Text, tt.not)
		}
	}
}

// TestForeseenClause: a figure given as an estimate or forecast is one a
// later report revises; "will" and "this time" are no estimate.
func TestForeseenClause(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		text, figure string
		want         bool
	}{
		{"The centre, with a 50-metre pool and a diving tower, is expected to cost $96 million.", "$96 million", true},
		{"The growers' association estimates the losses at 14.2 million euros.", "14.2 million euros", true},
		{"Harrow Water will ban the use of hosepipes for 84,000 households in the Harrow Valley from Friday.", "84,000", false},
		{"Harrow Water will bring back its hosepipe ban on Friday, this time for 91,000 households.", "91,000", false},
		{"The auction closed on Sunday having raised $23,750 for the food bank.", "$23,750", false},
	} {
		s := sentence(tt.text)
		found := false
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.text != tt.figure {
				continue
			}
			found = true
			if got := e.lexicon.foreseenClause(m); got != tt.want {
				t.Errorf("%q in %q: foreseen %v, want %v", tt.figure, tt.text, got, tt.want)
			}
		}
		if !found {
			t.Errorf("%q: no mention %q", tt.text, tt.figure)
		}
	}
}
