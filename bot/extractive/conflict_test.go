package extractive

import (
	"path/filepath"
	"testing"
)

// dev4covDir holds a fraud case and a town's elections, with wire copies
// that differ in a sum, a date and a vote count, and differently worded
// reports that differ in a length of time, a date and a sum.
var dev4covDir = filepath.Join("..", "eval", "testdata", "dev4cov")

// TestCoverageRound4 holds issue 8's fourth round: disagreements read
// whole and timelines of events by the dates the articles give.
func TestCoverageRound4(t *testing.T) {
	b := offlineBot(t, dev4covDir)
	for _, tt := range []struct {
		q       string
		want    []string
		sources []string
		not     []string
	}{
		{"What do the sources disagree about?",
			[]string{
				"February 20 vs February 21", // a wire copy's day, read with its month
				"$2.1 million vs $2.4 million",
				"6,812 vs 6,281",
				"C$52,000 vs C$57,000",   // "spent about C$52,000 on her campaign", "Whitcombe's C$57,000 campaign"
				"11 hours vs nine hours", // "deliberating for 11 hours", "after nine hours of deliberation"
			},
			[]string{"court/kessling-charged-ashford-herald.txt", "court/2024-07-09-kessling-sentenced.txt", "election/2024-12-04-whitcombe-sworn-in.md"},
			[]string{
				"20 vs 21",
				"nine years vs six years", // her years in office and her sentence share only her name and title
				"$1.6 million",            // repaid, not embezzled
				"July 8",                  // the dates of two events of the case
				"October 22",
			}},
		{"Where do the reports contradict each other about the Kessling case?",
			[]string{"February 20 vs February 21", "$2.1 million vs $2.4 million", "11 hours vs nine hours"},
			[]string{"court/2024-05-24-kessling-verdict.md", "court/2024-07-09-kessling-sentenced.txt"},
			[]string{"Pellham", "6,812"}},
		{"Give me a timeline of the Kessling case.",
			[]string{
				"February 9, 2024: Kessling, 58, was arrested",
				"February 12, 2024: WEXFORD FALLS", // "charged on Monday" in a report of Monday, February 12
				"April 29, 2024: A jury",
				"May 6, 2024: ASHFORD - The fraud trial",
				"July 8, 2024: Judge Raymond Achebe set sentencing",
				"(Ashford Herald, 2024-05-06)",
				"The reports differ on when:\n- February 20 vs February 21",
				"undated; not before 2024-02-01", // the Herald's copy names February 2024
			},
			[]string{"court/2024-02-12-kessling-charged-wire.txt", "court/kessling-charged-ashford-herald.txt", "court/2024-07-09-kessling-sentenced.txt"},
			[]string{"Pellham", "December 2"}},
	} {
		t.Run(tt.q, func(t *testing.T) { checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not) })
	}
}

func TestDaysBetween(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
		ok   bool
	}{
		{"2024-06-03", "2024-06-04", 1, true},
		{"--06-03", "2024-06-04", 1, true},
		{"--12-31", "--01-02", 2, true}, // across a new year
		{"2024-02-20", "2024-07-08", 139, true},
		{"2024-06", "2024-06-04", 0, false}, // a month is not a day
		{"2011", "--02-01", 0, false},
	} {
		got, ok := daysBetween(tt.a, tt.b)
		if got != tt.want || ok != tt.ok {
			t.Errorf("daysBetween(%q, %q) = %v, %v, want %v, %v", tt.a, tt.b, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSpanMentions(t *testing.T) {
	lx := testLexicon(t)
	e := New(Options{})
	for _, tt := range []struct {
		text, want, unit string
	}{
		{"The jury convicted her after nine hours of deliberation.", "nine hours", "hour"},
		{"She served as treasurer for 9 years.", "9 years", "year"},
	} {
		ms := lx.mentions(sentence(tt.text), e.terms.Terms)
		if len(ms) != 1 || ms[0].kind != qSpan || ms[0].text != tt.want || ms[0].unit != tt.unit {
			t.Errorf("mentions(%q) = %+v, want one span %q of %q", tt.text, ms, tt.want, tt.unit)
		}
	}
}
