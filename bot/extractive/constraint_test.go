package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

func TestPeriodsIn(t *testing.T) {
	for _, tt := range []struct {
		text    string
		want    []period
		compare bool
	}{
		{"revenue in the fourth quarter of 2023", []period{{quarter: 4, year: 2023}}, false},
		{"its third-quarter revenue rose", []period{{quarter: 3}}, false},
		{"What was the revenue in Q1?", []period{{quarter: 1}}, false},
		{"in the first three months of 2024, from 15.2 million", []period{{quarter: 1, year: 2024}}, false},
		{"for the last three months of the year", []period{{quarter: 4}}, false},
		{"earning 21.6 million euros between April and June", []period{{quarter: 2}}, false},
		{"from July to September", []period{{quarter: 3}}, false},
		{"up from $33 million in the fourth quarter of 2022", []period{{quarter: 4, year: 2022}}, true},
		{"from April to July", nil, false},
		{"the first time in a quarter century", nil, false},
	} {
		got := periodsIn(splitWords(tt.text))
		if len(got) != len(tt.want) {
			t.Errorf("periodsIn(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for i, sp := range got {
			if sp.period.quarter != tt.want[i].quarter || sp.period.year != tt.want[i].year || sp.compared != tt.compare {
				t.Errorf("periodsIn(%q)[%d] = %+v, want %+v (compared %v)", tt.text, i, sp, tt.want[i], tt.compare)
			}
		}
	}
}

func TestReportedYear(t *testing.T) {
	for _, tt := range []struct {
		quarter int
		date    string
		want    int
	}{
		{4, "2024-02-08", 2023},
		{1, "2024-05-08", 2024},
		{3, "2023-10-26", 2023},
		{2, "2024-06-30", 2023}, // not over yet: last year's
	} {
		d, _ := time.Parse(time.DateOnly, tt.date)
		if got := reportedYear(tt.quarter, d); got != tt.want {
			t.Errorf("reportedYear(%d, %s) = %d, want %d", tt.quarter, tt.date, got, tt.want)
		}
	}
	if got := reportedYear(4, time.Time{}); got != 0 {
		t.Errorf("reportedYear of an undated article = %d, want 0", got)
	}
}

func TestOrdinalValue(t *testing.T) {
	for w, want := range map[string]int{"13th": 13, "thirteenth": 13, "2nd": 2, "21st": 21, "first": 1, "tenth": 10, "month": 0, "th": 0, "4x4th": 0} {
		if got := ordinalValue(w); got != want {
			t.Errorf("ordinalValue(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestEditionYears: an edition numbered in one report ("the 15th
// regatta", June 2024) is the one another report of that year tells of
// without its number; a report that numbers editions itself says which.
func TestEditionYears(t *testing.T) {
	d23, d24 := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		dates    []time.Time
		want     string // in the answer; "" for a refusal
	}{
		{"How many yachts took part in the 15th Kerrow regatta?", []string{
			"Blue Heron won the 15th Kerrow regatta by three minutes on Sunday.",
			"A fleet of 58 yachts took part in the Kerrow regatta, on a course cut to 31 nautical miles.",
			"Sixty-one yachts took part in the 14th Kerrow regatta.",
		}, []time.Time{d24, d24, d23}, "58 yachts"},
		{"How many yachts took part in the 16th Kerrow regatta?", []string{
			"Blue Heron won the 15th Kerrow regatta by three minutes on Sunday.",
			"A fleet of 58 yachts took part in the Kerrow regatta, on a course cut to 31 nautical miles.",
		}, []time.Time{d24, d24}, ""},
	} {
		var passages []retrieval.Result
		for i, text := range tt.texts {
			passages = append(passages, dated(string(rune('a'+i))+".txt", text, tt.dates[i]))
		}
		a := New(Options{}).answer(tt.question, passages)
		switch {
		case tt.want == "" && !a.Refused:
			t.Errorf("%q: got %q, want a refusal", tt.question, a.Text)
		case tt.want != "" && !strings.Contains(a.Text, tt.want):
			t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, tt.want)
		}
	}
}
