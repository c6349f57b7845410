package extractive

import (
	"testing"
	"time"
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
