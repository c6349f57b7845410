package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// TestRevisedEstimates: an estimate given again months later, risen or
// simply other, is listed as a revision with both values and dates; two
// sums of different things, and one estimate given differently by
// reports of the same days, are not.
func TestRevisedEstimates(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		da, db string
		want   string
		not    string
	}{
		{"an estimated cost, then a price risen",
			"The new Corran bridge's estimated $212 million cost will be met by the state.",
			"The price of the new Corran bridge has risen to $240 million, the state said.",
			"2022-03-01", "2023-05-01", "$212 million (2022-03-01) rose to $240 million (2023-05-01)", "left out"},
		{"the same verb, another sum a year later",
			"The new Corran bridge will cost $212 million, officials said.",
			"The new Corran bridge will cost $240 million, officials said on Monday.",
			"2022-03-01", "2023-05-01", "$212 million (2022-03-01) rose to $240 million (2023-05-01)", "left out"},
		{"projected, then will now cost, months later",
			"The Delford museum's renovation is projected to cost $27 million.",
			"The museum renovation will now cost $31.5 million, Delford officials said.",
			"2025-01-14", "2025-09-03", "$27 million (2025-01-14) rose to $31.5 million (2025-09-03)", "sources differ"},
		{"a sum set aside and a settlement's are two things",
			"The bank set aside 6.4 million crowns to compensate customers for fees caused by the outage.",
			"A court approved a settlement under which the bank will pay 9 million crowns to customers who sued.",
			"2025-10-22", "2026-02-10", "", "rose to"},
		{"one estimate given differently on the same day",
			"The new Corran bridge will cost $212 million, officials said.",
			"The new Corran bridge will cost $240 million, the state's engineers said.",
			"2023-05-01", "2023-05-01", "$212 million vs $240 million", "rose to"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree, passageArticle("a.txt", tt.da, tt.a), passageArticle("b.txt", tt.db, tt.b))
			if tt.want != "" && !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant %q, not %q", a.Text, tt.want, tt.not)
			}
		})
	}
}

// TestEstimateClause: a figure given as still to come, or as what it is
// expected or projected to come to, is an estimate; a count of what a
// plan will do is not.
func TestEstimateClause(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		text, figure string
		want         bool
	}{
		{"The museum renovation is projected to cost $27 million.", "$27 million", true},
		{"The new bridge will cost $240 million, officials said.", "$240 million", true},
		{"The bridge's estimated $212 million cost will be met by the state.", "$212 million", true},
		{"Harrow Water will ban the use of hosepipes for 84,000 households from Friday.", "84,000", false},
		{"The bridge cost $240 million and opened in May.", "$240 million", false},
	} {
		found := false
		for _, m := range e.lexicon.mentions(sentence(tt.text), e.terms.Terms) {
			if m.text != tt.figure {
				continue
			}
			found = true
			if got := e.lexicon.estimateClause(m); got != tt.want {
				t.Errorf("%q in %q: estimate %v, want %v", tt.figure, tt.text, got, tt.want)
			}
		}
		if !found {
			t.Errorf("%q: no mention %q", tt.text, tt.figure)
		}
	}
}

// TestSingleAnswerOtherShapes: a single answer over a figure two reports
// of the same day give differently, in sentences of other shapes, gives
// both: the measured thing named in the article but not in the sentence
// ("Pebble", then "the animal"), a relative clause in the perfect that
// is no tally ("which rescuers have named Pebble"); an estimate revised
// months later is told as a change, newest first.
func TestSingleAnswerOtherShapes(t *testing.T) {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	later := time.Date(2027, 1, 12, 0, 0, 0, 0, time.UTC)
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question string
		a, b     string
		da, db   time.Time
		want     []string
	}{
		{"How long is Pebble's shell?",
			"The animal, with a shell 94 centimetres long, had a deep cut on one flipper. Twelve people took part in the carry, led by a lifeguard. They reached the trailer just ahead of the tide. Staff at the centre named the turtle Pebble.",
			"The loggerhead Pebble was stranded at Marrow Bay. Its shell measured 91 centimetres from front to back, the vet said.",
			day, day, []string{"94 centimetres", "91 centimetres", "differ"}},
		{"How much did the loggerhead weigh when it was rescued?",
			"The loggerhead, which rescuers have named Pebble, weighed 84 kilograms when it was rescued from the flats on a canvas sling, the centre's senior vet said.",
			"Volunteers carried the injured turtle, a female loggerhead weighing 79 kilograms, to a waiting trailer on Monday afternoon.",
			day, day, []string{"84 kilograms", "79 kilograms", "differ"}},
		{"How heavy was the Halden foal at birth?",
			"The Halden foal weighed 61 kilograms at birth and stood within an hour, the stud's vet said.",
			"The Halden stud's first foal, a filly weighing 58 kilograms at birth, arrived on Sunday.",
			day, day, []string{"61 kilograms", "58 kilograms", "differ"}},
		{"How much will the Corran bridge cost?",
			"The new Corran bridge will cost $212 million, officials said.",
			"The new Corran bridge will cost $240 million, officials said on Monday.",
			day, later, []string{"As of the latest report, of 2027-01-12", "$240 million", "Earlier, on 2026-03-02", "$212 million"}},
	} {
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", tt.a, tt.da), dated("b.txt", tt.b, tt.db)})
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, w)
			}
		}
	}
}
