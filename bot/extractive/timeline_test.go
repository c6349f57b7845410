package extractive

import (
	"testing"
	"time"
)

func TestResolveDate(t *testing.T) {
	ref := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		date  string
		want  string
		exact bool
		ok    bool
	}{
		{"2024-03-05", "2024-03-05", true, true},
		{"--01-20", "2025-01-20", true, true},
		{"--12-28", "2024-12-28", true, true}, // a report of January speaks of the December before
		{"2009-02", "2009-02-01", false, true},
		{"--02", "", false, false}, // a month alone
		{"2011", "", false, false}, // a year alone
	} {
		got, exact, ok := resolveDate(tt.date, ref)
		if ok != tt.ok || ok && (got.Format(time.DateOnly) != tt.want || exact != tt.exact) {
			t.Errorf("resolveDate(%q) = %v, %v, %v, want %s, %v, %v", tt.date, got.Format(time.DateOnly), exact, ok, tt.want, tt.exact, tt.ok)
		}
	}
}

func TestWeekdayDate(t *testing.T) {
	wed := time.Date(2024, 10, 23, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, tt := range []struct {
		text, want string
		ok         bool
	}{
		{"Dana Whitcombe was elected mayor on Tuesday.", "2024-10-22", true},
		{"The company said on Wednesday it would appeal.", "2024-10-23", true},
		{"The council will vote on Monday.", "2024-10-28", true},
		{"Tuesday was a quiet day.", "", false},
	} {
		got, ok := weekdayDate(sentence(tt.text), wed)
		if ok != tt.ok || ok && got.Format(time.DateOnly) != tt.want {
			t.Errorf("weekdayDate(%q) = %s, %v, want %s, %v", tt.text, got.Format(time.DateOnly), ok, tt.want, tt.ok)
		}
	}
}

func TestTextBounds(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		sents []string
		want  string
	}{
		{[]string{"A soldier sits in an armoured vehicle in Kandahar city, June 13 2009."}, "undated; not before 2009-06-13"},
		{[]string{"Canada will end its combat role in February 2009."}, "undated; before 2009-02-01"},
		{[]string{"The fair closed on April 13, 2025.", "Organisers will open a new hall on May 1, 2026."}, "undated; between 2025-04-13 and 2026-05-01"},
		{[]string{"The fair closed on Sunday."}, "undated"},
	} {
		var a coverageArticle
		for _, s := range tt.sents {
			a.sents = append(a.sents, sentence(s))
		}
		if got := textBounds(e.lexicon, e.terms.Terms, a).label(); got != tt.want {
			t.Errorf("textBounds(%q) = %q, want %q", tt.sents, got, tt.want)
		}
	}
}

// The seeds are undated, but one article's caption is dated June 13 2009
// and another speaks of February 2009 as to come: the later report is
// known.
func TestDisagreementSaysWhichIsLater(t *testing.T) {
	checkCoverage(t, offlineBot(t, seedDir), "What do the sources disagree about?",
		[]string{"February 2009 vs 2011", "(undated; before 2009-02-01)", "(undated; not before 2009-06-13)", "The later report gives 2011."}, nil, nil)
}

func TestOnWeekday(t *testing.T) {
	for _, tt := range []struct {
		when string
		wd   time.Weekday
		want string
	}{
		// An undated report dated "not before 2022-01-01" by its text puts
		// September 16 in 2021; the Saturday beside it says 2023.
		{"2021-09-16", time.Saturday, "2023-09-16"},
		{"2023-09-16", time.Saturday, "2023-09-16"}, // already right
		{"2024-03-05", time.Friday, "2024-03-05"},   // no year near falls on it: left as it is
	} {
		when, _ := time.Parse(time.DateOnly, tt.when)
		if got := onWeekday(when, tt.wd).Format(time.DateOnly); got != tt.want {
			t.Errorf("onWeekday(%s, %s) = %s, want %s", tt.when, tt.wd, got, tt.want)
		}
	}
}
