package extractive

import (
	"testing"
	"time"
)

func TestFigurePeriod(t *testing.T) {
	e := testAnswerer(Options{})
	date := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	def := figPeriod{year: 2024, quarter: 1}
	for _, tt := range []struct {
		text, figure, want string
	}{
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£38.5 million", "Q1 2023"},
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£41.2 million", "Q1 2024"},
		{"The zoo welcomed 212,000 visitors in 2021, up from 118,000 in 2020.", "118,000", "2020"},
		{"Operating profit rose to £4.4 million in the three months to June 30.", "£4.4 million", "Q1 2024"},
		// A change is of the period reported, not of the year before.
		{"Revenue rose 9 percent from a year earlier.", "9 percent", "Q1 2024"},
		// A year in another clause is not the figure's.
		{"The tunnel is budgeted at £1.9 billion and is due to carry its first trains in 2025.", "£1.9 billion", "Q1 2024"},
		{"The budget rose to £2.2 billion last year.", "£2.2 billion", "2023"},
	} {
		s := sentence(tt.text)
		found := false
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.text != tt.figure {
				continue
			}
			found = true
			if p, _ := figurePeriod(s, m, def, date); p.String() != tt.want {
				t.Errorf("figurePeriod(%q, %s) = %s, want %s", tt.text, tt.figure, p, tt.want)
			}
		}
		if !found {
			t.Errorf("no figure %s in %q", tt.figure, tt.text)
		}
	}
}

func TestOtherMeasure(t *testing.T) {
	e := testAnswerer(Options{})
	revenue := map[string]bool{}
	for _, t := range e.terms.Terms("revenue") {
		revenue[t] = true
	}
	for _, tt := range []struct {
		text, figure string
		want         bool
	}{
		{"The brewer made an operating profit of £3.1 million in the quarter.", "£3.1 million", true},
		{"Revenue rose to £41.2 million in the first quarter.", "£41.2 million", false},
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£38.5 million", false},
	} {
		s := sentence(tt.text)
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.text == tt.figure {
				if got := e.otherMeasure(s, m, revenue); got != tt.want {
					t.Errorf("otherMeasure(%q, %s) = %v, want %v", tt.text, tt.figure, got, tt.want)
				}
			}
		}
	}
}
