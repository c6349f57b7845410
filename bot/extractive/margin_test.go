package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// TestMargin: "by how much" asks for the difference ("by 42 seconds"),
// not for a sum of money the story also gives.
func TestMargin(t *testing.T) {
	d := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		want     string
	}{
		{"By how much did the winner of the 14th regatta win?", []string{
			"Silver Tern won the 14th Kerrow regatta on Sunday, holding off Blue Heron by 42 seconds.",
			"The prize fund of the 14th regatta was 85,000 euros.",
		}, "42 seconds"},
		{"By how much did sales rise?", []string{
			"Sales at Corvin rose by 4 percent to 310 million euros.",
		}, "4 percent"},
	} {
		var passages []retrieval.Result
		for i, text := range tt.texts {
			passages = append(passages, dated(string(rune('a'+i))+".txt", text, d))
		}
		a := testAnswerer(Options{}).answer(tt.question, passages)
		if !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, "85,000") {
			t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, tt.want)
		}
	}
}
