package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestCitationLabel(t *testing.T) {
	for _, tc := range []struct {
		lines [2]int
		want  string
	}{
		{[2]int{5, 6}, "a.txt:5-6"},
		{[2]int{5, 5}, "a.txt:5"},
		{[2]int{7, 3}, "a.txt:7"},
		{[2]int{0, 0}, "a.txt"},
	} {
		if got := (Citation{Source: "a.txt", Lines: tc.lines}).Label(); got != tc.want {
			t.Errorf("Label() of lines %v) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

func ExampleFormatAnswer() {
	fmt.Println(FormatAnswer(Answer{
		Text: "Canada will leave Kandahar in 2011 unless NATO sends troops [1].",
		Citations: []Citation{{
			N: 1, Source: "002_6b9d529eae85757d.txt",
			Title: "NATO boss wants Canada to extend Afghan tour: reports",
			Lines: [2]int{5, 6},
		}},
	}))
	// Output:
	// Canada will leave Kandahar in 2011 unless NATO sends troops [1].
	//
	// [1] 002_6b9d529eae85757d.txt:5-6 - NATO boss wants Canada to extend Afghan tour: reports
}

func TestFormatSources(t *testing.T) {
	p := retrieval.Result{Chunk: retrieval.Chunk{ID: "a.txt#0", Source: "a.txt", Title: "Ferries", FirstLine: 1, LastLine: 3,
		Text: "Ferry strike ends\n\nWorkers went back on Monday.\u2029The strike lasted two weeks."}}
	a := Answer{
		Text: "Workers went back on Monday. [1] The strike lasted two weeks. [2]",
		Citations: []Citation{
			{N: 1, Source: "a.txt", Title: "Ferries", Lines: [2]int{3, 3}, Quote: "Workers went back on Monday."},
			{N: 2, Source: "a.txt", Title: "Ferries", Lines: [2]int{3, 3}, Quote: "The strike lasted two weeks."},
		},
		Passages: []retrieval.Result{p},
	}
	got := FormatSources(a)
	for _, want := range []string{"[1] a.txt:3 - Ferries", "    Workers went back on Monday. The strike lasted two weeks.", "[2] a.txt:3 - Ferries\n    (in the passage above) The strike lasted two weeks."} {
		if !strings.Contains(got, want) {
			t.Errorf("FormatSources() =\n%s\nwant it to contain %q", got, want)
		}
	}
	refusal := FormatSources(Answer{Text: RefusalText, Refused: true, Passages: []retrieval.Result{p}})
	if !strings.Contains(refusal, "a.txt:1-3 - Ferries") {
		t.Errorf("FormatSources(refusal) = %q, want the retrieved passage", refusal)
	}
	if got := FormatSources(Answer{}); got != "No passages behind this answer." {
		t.Errorf("FormatSources(empty) = %q", got)
	}
}
