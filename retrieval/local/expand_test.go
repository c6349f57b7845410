package local

import (
	"context"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// TestSearchExpandsByCompany checks that a search for "walkout" also
// scores, by BM25, the report that writes only "strike", since the
// coverage writes the two together, and that it does not without the
// expansion. The coverage is tiny: its least size for expansion is
// lowered.
func TestSearchExpandsByCompany(t *testing.T) {
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, storetest.AssocCorpus())
	for _, tt := range []struct {
		noExpansion bool
		want        bool
	}{{false, true}, {true, false}} {
		st, err := Open(t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(64), NoExpansion: tt.noExpansion, ExpandMinSentences: 1})
		if err != nil {
			t.Fatal(err)
		}
		storetest.MustSync(t, ix, corpus)
		res, err := ix.Search(context.Background(), "walkout", retrieval.SearchOptions{K: 5})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, r := range res {
			if r.Source == "d.txt" && r.KeywordScore > 0 {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("NoExpansion %v: the strike-only report scored by keywords %v, want %v (%v)", tt.noExpansion, got, tt.want, res)
		}
		ix.Close()
	}
}
