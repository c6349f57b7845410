package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// TestStretchesOfTime: figures of one measure over the same stretch of
// time in other words are one quantity; over stretches of different
// length, two.
func TestStretchesOfTime(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		want string
		not  string
	}{
		{"24 hours and a day",
			"The Halden turbine produced 2.1 megawatt-hours in its first 24 hours of operation.",
			"The Halden turbine generated 2.6 megawatt-hours on its first day.",
			"2.1 megawatt-hours vs 2.6 megawatt-hours", ""},
		{"seven days and a week",
			"The Halden solar farm produced 96 megawatt-hours in its first week of operation.",
			"In its first seven days, the Halden solar farm generated 88 megawatt-hours.",
			"96 megawatt-hours vs 88 megawatt-hours", ""},
		{"a week and a month",
			"The Halden solar farm produced 96 megawatt-hours in its first week of operation.",
			"The Halden solar farm generated 180 megawatt-hours in its first month of operation.",
			"", "96 megawatt-hours vs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree,
				passageArticle("a.txt", "2024-06-01", tt.a), passageArticle("b.txt", "2024-06-02", tt.b))
			if tt.want != "" && !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant %q, not %q", a.Text, tt.want, tt.not)
			}
		})
	}
}
