package extractive

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// dev5storiesDir holds a salmon farm's story over four years, with an
// undated copy of a wire story, and one article of another story of the
// same place.
var dev5storiesDir = filepath.Join("..", "eval", "testdata", "dev5stories")

func TestCoverageRound5(t *testing.T) {
	b := offlineBot(t, dev5storiesDir)
	const (
		opens  = "salmon/2021-05-11-kelderwick-opens-brannock.txt"
		escape = "salmon/2023-09-18-brannock-escape-wire.txt"
		copied = "salmon/brannock-escape-coast-courier.txt"
		fined  = "salmon/2024-02-27-kelderwick-fined.html"
		second = "salmon/2025-08-12-second-escape.md"
		quits  = "salmon/2025-08-20-solvik-resigns.txt"
	)
	for _, tt := range []struct {
		q                  string
		want, sources, not []string
	}{
		// A summary line of an article is its lede where that is on the
		// topic; the undated copy follows what it copies.
		{"Summarize the reporting on the fish farm in Brannock Sound.",
			[]string{"Kelderwick Salmon stocked the first of 12 net pens",
				"the company said on Monday. [2]\n- Tens of thousands of salmon escape after storm breaks pens (undated copy of the 2023-09-18 Highland Coast Wire report)"},
			[]string{opens, escape, copied, fined, second, quits}, nil},
		// The event's articles: the undated copy of its report, and a
		// later one opening on it ("last September"), but not the
		// report of the later escape that recalls it.
		{"What does the coverage say about the September 2023 escape?",
			[]string{"48,000 vs 52,000", "fined £750,000"},
			[]string{escape, copied, fined}, []string{"9,500"}},
		// One line for each year an article tells of, oldest first.
		{"Trace Ingrid Solvik's history with Kelderwick year by year.",
			[]string{"- 2015 (as Highland Coast Wire, 2021-05-11 reported it): Solvik, a veterinarian, joined Kelderwick in 2015",
				"- 2022 (as Highland Coast Wire, 2023-09-18 reported it):",
				"; so does Highland Coast Wire, undated copy of the 2023-09-18 Highland Coast Wire report"},
			[]string{opens, escape, copied, fined, second, quits}, nil},
		// The undated copy's "Saturday, September 16" is of 2023, told
		// once with its original.
		{"Give me a timeline of the Kelderwick story.",
			[]string{"- September 16, 2023: BRANNOCK", "May 10, 2021", "August 19, 2025"},
			[]string{opens, escape, copied, fined, second, quits}, []string{"September 16, 2021", "September 16, 2022"}},
		// A summary of one report tells who said what in it.
		{"Summarize the coverage of the lifeboat station.",
			[]string{"took delivery of a new all-weather lifeboat", `said coxswain Euan Gillies`},
			[]string{"salmon/2024-11-05-brannock-lifeboat.txt"}, []string{"Kelderwick"}},
		// The roles asked: an analyst by the appositive, and for
		// executives every office-holder (the board's chairman too).
		{"Which executives and analysts are quoted?",
			[]string{"- Priya Natarajan (an analyst at Arbroath Securities):", "- Graham Ostler (the board's chairman):", "- Ingrid Solvik"},
			[]string{escape, quits}, []string{"Duncan Maclaren", "Tomas Hale (", "Euan Gillies"}},
		// A company that "said" something is no person quoted.
		{"Who is quoted in the coverage?",
			[]string{"- Priya Natarajan (an analyst at Arbroath Securities):", "- Tomas Hale (the agency's chief inspector):"},
			[]string{escape, fined, quits}, []string{"- Kelderwick Salmon"}},
	} {
		t.Run(tt.q, func(t *testing.T) { checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not) })
	}
}

// A report that dates only what it recalls has its news told at its own
// date, by its lede.
func TestTimelineTellsEachArticle(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"2023-09-18-escape.txt": "Salmon escape from Brannock farm\n\nAbout 48,000 salmon escaped from the Brannock farm on Saturday, September 16, the company said.\n",
		"2025-08-12-second.txt": "Second escape at Brannock farm\n\nThousands of salmon escaped from the Brannock farm after a supply boat struck a pen in fog.\n\nIt follows the escape of 48,000 fish on September 16, 2023.\n",
	})
	checkCoverage(t, offlineBot(t, dir), "Give me a timeline of the Brannock farm escapes.",
		[]string{"- September 16, 2023: About 48,000 salmon", "- August 12, 2025 (reported): Thousands of salmon escaped"},
		[]string{"2023-09-18-escape.txt", "2025-08-12-second.txt"}, nil)
}

func TestNamedYears(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"Solvik joined Kelderwick in 2015 and took charge in 2021.", []int{2015, 2021}},
		{`Maclaren said the escape was "exactly what we warned the council about in 2021".`, nil},
		{`"We warned them in 2021," said Maclaren, who has fished the sound since 1998.`, []int{1998}},
	} {
		if got := namedYears(sentence(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("namedYears(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// dev6storiesDir holds two stories: a rail tunnel over four years (a
// flood in March 2023, an undated report of the breakthrough) and a
// brewer's three quarterly results of 2024.
var dev6storiesDir = filepath.Join("..", "eval", "testdata", "dev6stories")

func TestCoverageRound6(t *testing.T) {
	b := offlineBot(t, dev6storiesDir)
	const (
		starts  = "tunnel/2021-04-14-skelmore-boring-starts.txt"
		flood   = "tunnel/2023-03-09-skelmore-flood.md"
		cost    = "tunnel/2023-11-20-skelmore-cost.html"
		through = "tunnel/skelmore-breakthrough.txt"
		q1      = "brewery/2024-05-02-halden-q1.txt"
		q2      = "brewery/2024-08-01-halden-q2.txt"
		q3      = "brewery/2024-10-31-halden-q3.md"
	)
	for _, tt := range []struct {
		q                  string
		want, sources, not []string
	}{
		// One event of a story: its facts from the report of it, not
		// the story's ledes.
		{"What happened when the tunnel flooded?",
			[]string{"March 7", "14 workers", "300 metres"},
			[]string{flood}, []string{"Halden", "broke through"}},
		// A figure period by period, each from the figure of the asked
		// measure (profit, not revenue; the cost, not the length).
		{"How did the brewer's operating profit move from quarter to quarter?",
			[]string{"- Q1 2024: £3.1 million", "- Q2 2024: £4.4 million", "- Q3 2024: £3.6 million"},
			[]string{q1, q2, q3}, []string{"£41.2 million"}},
		{"How did Halden's quarterly revenue develop through 2024?",
			[]string{"- Q1 2023: £38.5 million", "- Q1 2024: £41.2 million", "- Q2 2024: £47.8 million", "- Q3 2024: £44.0 million"},
			[]string{q1, q2, q3}, []string{"£3.1 million"}},
		// A person's history: the year an undated report tells of is the
		// year of the latest date it gives.
		{"Trace Agnes Whitlow's career on the project year by year.",
			[]string{"- 2019 (as Ardle Valley Post, 2021-04-14 reported it)", "- 2024 (Estuary Times, undated; not before 2024-06-14)"},
			[]string{starts, flood, through}, nil},
		// Publication dates of one story's articles.
		{"When did the tunnel stories come out?",
			[]string{"2021-04-14", "2023-03-09", "2023-11-20"},
			[]string{starts, flood, cost, through}, []string{"Halden"}},
		// Quoted people of the roles asked: an analyst by the appositive.
		{"Which analysts are quoted?",
			[]string{"Ravi Sethi", "Joanna Kirby"},
			[]string{cost, q1}, []string{"Marcus Feld", "Agnes Whitlow", "Owen Petrie"}},
		{"Which executives are quoted?",
			[]string{"Marcus Feld"},
			[]string{q1}, []string{"Joanna Kirby", "Ravi Sethi"}},
	} {
		t.Run(tt.q, func(t *testing.T) { checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not) })
	}
}

// A history told in one sentence is told at its first year, with every
// year it names; "last spring" in a report of January is the year before.
func TestHistoryYears(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"2022-01-10-okafor-coach.txt": "Okafor leads Harwick Rovers to cup final\n\nHARWICK - Harwick Rovers reached the county cup final on Sunday under Lena Okafor, who became the club's head coach last spring.\n\nOkafor said the squad had trained twice a day since December.\n",
		"okafor-leaves.txt":           "Okafor to leave Harwick Rovers\n\nHARWICK - Lena Okafor will leave Harwick Rovers at the end of the season, the club said.\n\nOkafor started at Harwick as a physiotherapist in 2012, took charge of the youth team in 2017 and was named head coach in 2021.\n",
	})
	checkCoverage(t, offlineBot(t, dir), "Trace Lena Okafor's history with Harwick Rovers year by year.",
		[]string{"- 2012, 2017 and 2021 (as okafor-leaves.txt", "- 2021 (as 2022-01-10-okafor-coach.txt, 2022-01-10 reported it): HARWICK"},
		[]string{"2022-01-10-okafor-coach.txt", "okafor-leaves.txt"}, nil)
}

// writeArticles writes the articles (file name to text) into a new
// folder and returns it.
func writeArticles(t *testing.T, articles map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range articles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
