package extractive

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
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
		// One event: a description with its figures, not the ledes of
		// every article naming its words.
		{"What happened in the Pellham election in 2020?",
			[]string{"412 votes", "38.5 percent"},
			[]string{"election/2020-10-27-pellham-mayor-race.html"},
			[]string{"6,281", "differ"}}, // the undated 2024 copy speaks of 2020 only in passing
		{"What does the coverage say about the 2024 mayoral election?",
			[]string{"winning 6,812 votes", "Participation reached 47 percent", "so does Northern Wire, undated copy of the 2024-10-23 Northern Wire report", "6,812 vs 6,281"},
			[]string{"election/2024-10-23-whitcombe-wins-wire.txt", "election/whitcombe-wins-pellham-courier.txt"},
			[]string{"Celia Brandt"}}, // "Mayor Celia Brandt" is of the fraud case
		{"What happened at the Kessling sentencing?",
			[]string{"sentenced on Monday to six years"},
			[]string{"court/2024-07-09-kessling-sentenced.txt"},
			[]string{"$1.6 million vs", "February 20 vs"}},
		{"Give me a timeline of the Kessling case.",
			[]string{
				"February 9, 2024: Kessling, 58, was arrested",
				"February 12, 2024: WEXFORD FALLS", // "charged on Monday" in a report of Monday, February 12
				"April 29, 2024: A jury",
				"May 6, 2024: ASHFORD - The fraud trial",
				"July 8, 2024: Judge Raymond Achebe set sentencing",
				"(Ashford Herald, 2024-05-06)",
				"The reports differ on when:\n- February 20 vs February 21",
				"undated copy of the 2024-02-12 Lakeshore Press Agency report", // the Herald's copy of the wire story
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
	e := testAnswerer(Options{})
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

// coverageOf answers a question about the whole coverage of articles
// given as text, each one passage, dated when its date is set.
func coverageOf(t *testing.T, kind bot.CoverageKind, articles ...retrieval.ArticlePassages) bot.Answer {
	t.Helper()
	a, err := testAnswerer(Options{}).Answer(t.Context(), bot.Request{Question: "?", Coverage: &bot.Coverage{Kind: kind, Articles: articles}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func passageArticle(source, date, text string) retrieval.ArticlePassages {
	var d time.Time
	if date != "" {
		d, _ = time.Parse(time.DateOnly, date)
	}
	info := retrieval.ArticleInfo{Source: source, Title: source, Date: d}
	return retrieval.ArticlePassages{Info: info, Passages: []retrieval.Chunk{{Source: source, Title: source, Date: d, Text: text, FirstLine: 1, LastLine: 1, End: len(text)}}}
}

// Reports worded differently give different figures for the same thing:
// the shapes the hold-out's conflicts take.
func TestDifferentlyWordedConflicts(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		want string
		not  string
	}{
		{"a date of a strike",
			"Port workers at Halden said the strike begins on Monday, June 3, after talks failed.",
			"Shipping lines prepared for the walkout starting June 4 at the port of Halden.",
			"June 3 vs June 4", ""},
		{"a count of the injured",
			"The blast at the Halden refinery sent 9 people to hospital, the fire service said.",
			"At the Halden refinery, 11 were taken to hospital after the blast.",
			"9 people vs 11", ""},
		{"a weight with a verb and a participle, the animal named two ways",
			"The foal weighed 61 kilograms and stood within an hour, the Halden stud's vet said.",
			"The Halden stud's first foal, a filly weighing 58 kilograms, was born on Sunday.",
			"61 kilograms vs 58 kilograms", ""},
		{"a compound unit, produced and generated, 24 hours and a day",
			"The Halden turbine produced 2.1 megawatt-hours in its first 24 hours of operation.",
			"The Halden turbine generated 2.6 megawatt-hours on its first day.",
			"2.1 megawatt-hours vs 2.6 megawatt-hours", ""},
		{"seven days and a week",
			"The Halden solar farm produced 96 megawatt-hours in its first week of operation.",
			"In its first seven days, the Halden solar farm generated 88 megawatt-hours.",
			"96 megawatt-hours vs 88 megawatt-hours", ""},
		{"a week and a month are two stretches of time",
			"The Halden solar farm produced 96 megawatt-hours in its first week of operation.",
			"The Halden solar farm generated 180 megawatt-hours in its first month of operation.",
			"", "96 megawatt-hours vs"},
		{"debts are not assets",
			"In its filing, the Halden chain listed debts of $31.2 million and assets of $12 million.",
			"The Halden chain has assets of about $40 million, its lawyers said.",
			"", "$31.2 million vs"},
		{"two events a week apart",
			"A jury was chosen on April 29 for the Halden refinery trial.",
			"The Halden refinery trial opened on May 6 with the first witnesses.",
			"", "April 29 vs"},
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

// TestSurerFirst: conflicts whose scores differ only in the last bits
// (sums over maps) are ordered by where they are, so that "where do the
// reports disagree" reads the same every time.
func TestSurerFirst(t *testing.T) {
	sum := func(a, b float64) float64 { return a + b } // in float64, not as constants
	at := func(source string, line int) *passageSentence {
		return &passageSentence{source: source, lines: [2]int{line, line}}
	}
	tests := []struct {
		name string
		in   []conflict
		want []string // a's source:line, in order
	}{
		{"higher score first", []conflict{
			{a: at("a.txt", 1), b: at("c.txt", 1), score: 3},
			{a: at("b.txt", 1), b: at("c.txt", 1), score: 4},
		}, []string{"b.txt:1", "a.txt:1"}},
		{"last bits are a tie, broken by place", []conflict{
			{a: at("b.txt", 1), b: at("c.txt", 1), score: sum(0.1, 0.2)},
			{a: at("a.txt", 9), b: at("c.txt", 1), score: 0.3},
			{a: at("a.txt", 2), b: at("c.txt", 1), score: 0.3},
		}, []string{"a.txt:2", "a.txt:9", "b.txt:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slices.SortFunc(tt.in, surerFirst)
			var got []string
			for _, c := range tt.in {
				got = append(got, fmt.Sprintf("%s:%d", c.a.source, c.a.lines[0]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("order = %v, want %v", got, tt.want)
			}
		})
	}
}
