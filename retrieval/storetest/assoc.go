package storetest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

// AssocCorpus is a coverage in which "walkout" and "strike" keep company:
// three reports write them in one sentence; a fourth speaks of the strike
// alone, and a fifth, long one of other things.
func AssocCorpus() map[string]string {
	var filler []string
	for i := range 40 {
		filler = append(filler, fmt.Sprintf("Councillor number %d spoke about item %d of the harbour budget.", i+1, i+1))
	}
	return map[string]string{
		"a.txt": "Stagehands stop work\n\nThe union called the strike a walkout of last resort on Tuesday.\n",
		"b.txt": "Arena dispute\n\nThe walkout, the first strike at the arena, entered its third day.\n",
		"c.txt": "Talks resume\n\nMediators said the walkout and the strike could end by Sunday.\n",
		"d.txt": "Stagehands settle\n\nThe strike ended with a 5 percent pay rise for 140 stagehands.\n",
		"e.txt": "Council meeting\n\n" + strings.Join(filler, " ") + "\n",
	}
}

// testAssociationsFollowSync checks that the coverage's word associations
// follow the files as syncs add, change and remove them.
func testAssociationsFollowSync(t *testing.T, open Opener) {
	corpus := t.TempDir()
	ix := openIndex(t, open(t), nil)
	files := AssocCorpus()
	WriteTree(t, corpus, files)
	holds := func() bool {
		return slices.ContainsFunc(ix.Associations().Of("walkout"), func(a retrieval.Associate) bool { return a.Term == "strike" })
	}
	steps := []struct {
		name   string
		change func()
		want   bool
	}{
		{"initial", func() {}, true},
		{"two reports changed: one report is no company", func() {
			WriteTree(t, corpus, map[string]string{
				"b.txt": strings.Replace(files["b.txt"], "strike", "dispute", 1),
				"c.txt": strings.Replace(files["c.txt"], "the strike", "the dispute", 1),
			})
		}, false},
		{"changed back", func() { WriteTree(t, corpus, map[string]string{"b.txt": files["b.txt"], "c.txt": files["c.txt"]}) }, true},
		{"two reports removed", func() {
			os.Remove(filepath.Join(corpus, "a.txt"))
			os.Remove(filepath.Join(corpus, "b.txt"))
		}, false},
		{"one added again", func() { WriteTree(t, corpus, map[string]string{"b.txt": files["b.txt"]}) }, true},
	}
	for _, s := range steps {
		s.change()
		MustSync(t, ix, corpus)
		if got := holds(); got != s.want {
			t.Errorf("%s: strike among walkout's associates %v, want %v (%v)", s.name, got, s.want, ix.Associations().Of("walkout"))
		}
	}
}
