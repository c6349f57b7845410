package extractive

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

func TestFindNumbersWords(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Fifty-six yachts lined up", []string{"56"}},
		{"Sixty-one yachts started the race", []string{"61"}},
		{"A fleet of 58 yachts took part", []string{"58"}},
		{"three fewer than 2,900", []string{"three", "2900"}},
	} {
		var got []string
		for _, sp := range lx.findNumbers(splitWords(tt.text)) {
			got = append(got, sp.value)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findNumbers(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// dated returns a passage of its own article, dated d.
func dated(src, text string, d time.Time) retrieval.Result {
	return retrieval.Result{Chunk: retrieval.Chunk{ID: src + "#0", Source: src, FirstLine: 1, LastLine: 1, End: len(text), Text: text, Date: d}}
}

// TestSingleConflict: two articles that count the same thing differently
// are both quoted; a figure of something else is no other side.
func TestSingleConflict(t *testing.T) {
	d1, d2 := time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		differ   bool
	}{
		{"How many yachts took part in the 2024 regatta?", []string{
			"Blue Heron won the Kerrow regatta. A fleet of 58 yachts took part, three fewer than a year ago.",
			"Fifty-six yachts lined up on Sunday for the 15th Kerrow regatta, sailed inside the bay.",
		}, true},
		{"How many jobs is Eastmere Ports cutting?", []string{
			"Eastmere Ports confirmed it would cut 480 jobs over two years as it automates its cranes.",
			"Eastmere Ports will spend 300 million pounds on cranes, it said. The company has about 3,900 employees.",
		}, false},
		{"How many jobs is Eastmere Ports cutting?", []string{
			"Eastmere Ports confirmed it would cut 480 jobs over two years as it automates its cranes.",
			"Eastmere Ports will spend 300 million pounds on cranes, cutting jobs.",
		}, false},
		{"How many jobs is Eastmere Ports cutting?", []string{
			"Eastmere Ports confirmed it would cut 480 jobs over two years as it automates its cranes.",
			"Pugh won the union vote in a contest dominated by Eastmere Ports' plan to cut 450 jobs at the port.",
		}, true},
	} {
		a := testAnswerer(Options{}).answer(tt.question, []retrieval.Result{dated("a.txt", tt.texts[0], d1), dated("b.txt", tt.texts[1], d2)})
		if got := strings.HasPrefix(a.Text, "The sources differ"); got != tt.differ {
			t.Errorf("%q: got %q, want differ %v", tt.question, a.Text, tt.differ)
		}
	}
}
