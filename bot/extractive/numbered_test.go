package extractive

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

func TestNumberedIn(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want []string // word#n
	}{
		{"Lumen-2 sells images to 30 governments.", []string{"lumen#2"}},
		{"Unit 3 restarted on June 24.", []string{"unit#3"}},
		{"The TRIAL-2 study enrolled 400 patients.", []string{"trial#2"}},
		{"What changed in version 2?", []string{"version#2"}},
		{"Trains on Line 4 ran late, but Line 5 was on time.", []string{"line#4", "line#5"}},
		{"The lava reached the sea on Monday, May 12.", nil}, // a date
		{"Only 3 teams finished.", nil},                      // a capital that starts the sentence
		{"She scored 94 points in 2021.", nil},               // a count, a year
		{"Sixty-two teams have entered.", nil},               // a number in words
		{"The agency counted 1,850 evacuees.", nil},          // a figure
	} {
		var got []string
		for _, sp := range lx.numberedIn(tt.text, splitWords(tt.text)) {
			got = append(got, sp.word+"#"+itoa(sp.n))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("numberedIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNumberedNames: a question about one of a numbered series is answered
// only by what is said of that one; another of the series is no answer.
func TestNumberedNames(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d := time.Date(2024, 8, 21, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"Kestra-3 cost 95 million euros to build and launch, the company said.",
		"Kestra-2's camera can pick out objects as small as 50 centimetres.",
		"Kestra-3 is expected to work for seven years, against five for Kestra-2.",
		"The rival Orbix satellite cost 120 million euros to build.",
	}
	for _, tt := range []struct {
		question, want string // "" for a refusal
	}{
		{"How much did Kestra-3 cost?", "95 million"},
		{"How much did Kestra-2 cost to build?", ""},
		{"How much did Kestra-5 cost?", ""},
		{"How small an object can Kestra-2 see?", "50 centimetres"},
		// A name the passages never number is no series.
		{"How much did Orbix-9 cost to build?", "120 million"},
	} {
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", strings.Join(texts, "\n\n"), d)})
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}
