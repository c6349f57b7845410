package llm

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// FuzzCitedAnswer turns arbitrary model text into an answer against 0 to
// 3 passages: no marker is left that points at a passage that does not
// exist, citations are numbered 1..n in order, each cited in the text,
// each quoting its passage at lines of it.
func FuzzCitedAnswer(f *testing.F) {
	for _, seed := range []string{
		"Canada wants 1,000 troops [1]. France may help [2][3].",
		"Claim [1, 3] and [2-3] and [3–1] and [ 2 ; 9 ].",
		"[7] Nothing real. [0] [-1] [999] [1000] [2011] [12a].",
		"The coverage doesn't say. [1]",
		"A [ [7] 3] nested [[2]] and [1](http://x.example) link.",
		"Unclosed [1 and [2,] and [,3] and [1-99999999999999999999].",
		"",
	} {
		f.Add(seed, byte(3))
	}
	f.Add("Only passage one [1], not [2].", byte(1))
	f.Add("No passages [1].", byte(0))
	f.Fuzz(func(t *testing.T, raw string, n byte) {
		passages := testPassages()[:int(n)%4]
		a := citedAnswer(bot.Request{Question: "q", Passages: passages}, raw)
		if a.Refused && len(a.Citations) > 0 {
			t.Fatalf("refusal %q with %d citations", a.Text, len(a.Citations))
		}
		for i, c := range a.Citations {
			if c.N != i+1 {
				t.Errorf("citation %d numbered %d", i+1, c.N)
			}
			k := slices.IndexFunc(passages, func(p retrieval.Result) bool { return p.Source == c.Source })
			if k < 0 {
				t.Fatalf("citation [%d] of %s, a source of no passage", c.N, c.Source)
			}
			p := passages[k]
			if !strings.Contains(p.Text, c.Quote) || c.Lines[0] < p.FirstLine || c.Lines[1] > p.LastLine || c.Lines[0] > c.Lines[1] {
				t.Errorf("citation [%d] quotes %q at lines %v, not in its passage (lines %d-%d)", c.N, c.Quote, c.Lines, p.FirstLine, p.LastLine)
			}
			if !strings.Contains(a.Text, fmt.Sprintf("[%d]", c.N)) {
				t.Errorf("citation [%d] has no marker in %q", c.N, a.Text)
			}
		}
		for _, run := range markerRun.FindAllString(a.Text, -1) {
			for _, m := range markerNumbers(run) {
				if m < 1 || m > len(a.Citations) {
					t.Errorf("answer %q (from %q) has marker %d of %d citations", a.Text, raw, m, len(a.Citations))
				}
			}
		}
	})
}
