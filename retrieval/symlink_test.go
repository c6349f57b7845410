package retrieval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// TestSyncKeepsToTheCorpus indexes a corpus with links out of it (to a
// file, to a folder, to a hidden file): nothing they lead to is searchable
// or readable through the index, while a link inside the corpus works.
func TestSyncKeepsToTheCorpus(t *testing.T) {
	base := t.TempDir()
	corpus, outside := filepath.Join(base, "corpus"), filepath.Join(base, "outside")
	storetest.WriteTree(t, corpus, map[string]string{
		"budget.txt":  "Budget passes\n\nOTTAWA (Reuters) - Parliament passed the federal budget on Wednesday.\n",
		".secret.txt": "token hunter2 for the bot\n",
	})
	storetest.WriteTree(t, outside, map[string]string{"passwd.txt": "root:x:0:0:hunter2:/root:/bin/bash\n"})
	for link, target := range map[string]string{
		"passwd.txt": filepath.Join(outside, "passwd.txt"),
		"rel.txt":    "../outside/passwd.txt",
		"hidden.txt": ".secret.txt",
		"outdir":     outside,
		"same.txt":   "budget.txt",
	} {
		if err := os.Symlink(target, filepath.Join(corpus, link)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := local.Open(t.TempDir(), local.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep := storetest.MustSync(t, ix, corpus)
	if got := strings.Join(rep.Added, " "); got != "budget.txt same.txt" {
		t.Errorf("indexed %q, want budget.txt and the link inside the corpus, same.txt", got)
	}
	if len(rep.Skipped) != 4 {
		t.Errorf("warnings = %v, want one for each link out", rep.Skipped)
	}
	res, err := ix.Search(context.Background(), "root hunter2 bin bash token", retrieval.SearchOptions{K: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if strings.Contains(r.Text, "hunter2") {
			t.Errorf("search found %s: %q, from outside the corpus", r.Source, r.Text)
		}
	}
	for _, source := range []string{"passwd.txt", "rel.txt", "hidden.txt", "outdir/passwd.txt", "../outside/passwd.txt"} {
		if a, err := retrieval.ReadArticle(corpus, source); err == nil {
			t.Errorf("ReadArticle(%s) = %q, want an error", source, a.Text)
		}
	}
}
