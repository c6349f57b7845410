package bot

import (
	"context"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

// seedDir is the default corpus the tests answer from.
const seedDir = "../seeds"

// openIndex builds a real, on-disk index of corpus in a temporary folder,
// as `newsbot` does with its defaults.
func openIndex(t testing.TB, corpus string) *retrieval.Index {
	t.Helper()
	ix, err := retrieval.Open(t.TempDir(), retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		t.Fatalf("opening an index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
		t.Fatalf("indexing %s: %v", corpus, err)
	}
	return ix
}

// offlineBot is the default bot: the real index of corpus and the
// extractive answerer, checking quotes against the files.
func offlineBot(t testing.TB, corpus string) *Bot {
	t.Helper()
	return New(openIndex(t, corpus), NewExtractive(ExtractiveOptions{}), Options{Corpus: corpus})
}
