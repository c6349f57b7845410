package extractive

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

func TestRelativeYears(t *testing.T) {
	d := time.Date(2024, 2, 26, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string][]int{
		"the dogs that carried him to victory last year":            {2023},
		"last year's champion is back":                              {2023},
		"entries for this year's trials have reached 92":            {2024},
		"revenue rose 5 percent, up from 31 million a year earlier": nil,
		"the race will move to February next year":                  {2025},
		"a year in which nothing went right":                        nil,
		"revenue of $538 million, up 34% on a year earlier":         nil,
		"A year earlier, she had won the race":                      {2023},
	} {
		if got := relativeYears(splitWords(text), d); !slices.Equal(got, want) {
			t.Errorf("relativeYears(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestYearByDate: a report's date makes its sentences of its year, unless
// a sentence speaks of another ("last year"); a question about who won in
// a year is answered by a sentence that says who won.
func TestYearByDate(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d23, d24 := time.Date(2023, 3, 6, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 26, 0, 0, 0, 0, time.UTC)
	preview := []string{
		"Tomas Varga will start as the defending champion, with the dogs that carried him to victory last year.",
		"Ingrid Solberg has withdrawn from the Harrowfell Derby with a shoulder injury.",
		"Sixty-two teams have entered this year's Harrowfell Derby.",
	}
	for _, tt := range []struct {
		question string
		texts    []string
		d        time.Time
		want     string
	}{
		{"Who won the 2024 Harrowfell Derby?", preview, d24, ""},
		{"Who will start the 2024 Harrowfell Derby as defending champion?", preview, d24, "Tomas Varga"},
		{"Who won the Harrowfell Derby in 2023?", []string{"Tomas Varga won the Harrowfell Derby on Sunday."}, d23, "Tomas Varga"},
		{"Who won the Harrowfell Derby in 2024?", []string{"Aino Lehtinen won on Sunday, an hour ahead of Ingrid Solberg.", "Tomas Varga, who won the Harrowfell Derby last year, was third."}, d24, "Aino Lehtinen"},
	} {
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", strings.Join(tt.texts, "\n\n"), tt.d)})
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}

// TestFullYear: "the full year" in a results report of January to March
// is the year just ended, whose results it reports; in a later report it
// is the year under way, whose outlook it gives.
func TestFullYear(t *testing.T) {
	for _, tt := range []struct {
		text, date string
		want       []int
	}{
		{"For the full year, revenue was $1.62 billion.", "2024-02-07", []int{2023}},
		{"Full-year revenue reached $2.14 billion.", "2025-02-12", []int{2024}},
		{"The brewer repeated its forecast of full-year revenue of about £900 million.", "2024-04-24", []int{2024}},
		{"Its profit for the year rose to $88 million.", "2024-03-01", []int{2023}},
		{"The year began badly.", "2024-02-07", nil},
	} {
		d, _ := time.Parse(time.DateOnly, tt.date)
		if got := relativeYears(splitWords(tt.text), d); !slices.Equal(got, tt.want) {
			t.Errorf("relativeYears(%q, %s) = %v, want %v", tt.text, tt.date, got, tt.want)
		}
	}
}

// TestYearOfResults: the year a question asks about is met by a report of
// the next year's first months that gives the full year's figure, not by
// the same figure of another year, though its report writes this one
// elsewhere, nor by a sentence about another year of an undated article.
func TestYearOfResults(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	passages := []retrieval.Result{
		dated("a.txt", "Corvane said revenue for the three months to Dec. 31 rose 18% to $455 million.\n\nFor the full year, Corvane's revenue was $1.62 billion.\n\nIt expects revenue to grow more slowly in the first half of 2024.", time.Date(2024, 2, 7, 0, 0, 0, 0, time.UTC)),
		dated("c.txt", "The Corvane robot was first sold in 2018, when revenue was $90 million.", time.Time{}),
		dated("b.txt", "Corvane's full-year revenue reached $2.14 billion.", time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)),
	}
	for _, tt := range []struct{ question, want string }{
		{"What was Corvane's revenue for the whole of 2023?", "1.62 billion"},
		{"What was Corvane's revenue in 2024?", "2.14 billion"},
		{"What was Corvane's revenue in 2022?", ""},
	} {
		a := e.answer(tt.question, passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
		for _, other := range []string{"1.62 billion", "2.14 billion", "$90 million"} {
			if other != tt.want && strings.Contains(a.Text, other) {
				t.Errorf("%q: got %q, a figure of another year", tt.question, a.Text)
			}
		}
	}
	profit := []retrieval.Result{
		dated("a.txt", "For the full year, revenue was $1.62 billion and Corvane made a net profit of $88 million.\n\nShares fell after it forecast slower growth in the first half of 2024.", time.Date(2024, 2, 7, 0, 0, 0, 0, time.UTC)),
		dated("b.txt", "Corvane said fourth-quarter revenue rose 27% to $578 million, and its net profit for 2024 doubled to $176 million.", time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)),
	}
	for _, tt := range []struct{ question, want, not string }{
		{"What was Corvane's net profit in 2024?", "$176 million", "$88 million"},
		{"What was Corvane's net profit in 2023?", "$88 million", "$176 million"},
	} {
		a := e.answer(tt.question, profit)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
		if strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, a figure of another year", tt.question, a.Text)
		}
	}
}
