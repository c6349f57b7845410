// Package bottest has what newsbot's tests share: a real on-disk index of
// a corpus, the thesaurus loaded once, golden files, and a process in
// which writes fail.
package bottest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// Thesaurus is the word knowledge (WordNet) for the answerers a test
// builds (extractive.Options.Thesaurus), loaded once per test process:
// each load takes a second under the race detector, and the tests build
// dozens of answerers. It is only read, so tests may share it.
func Thesaurus(t testing.TB) *thesaurus.Thesaurus {
	t.Helper()
	th, err := loadThesaurus()
	if err != nil {
		t.Fatalf("loading the thesaurus: %v", err)
	}
	return th
}

var loadThesaurus = sync.OnceValues(thesaurus.Load)

// Index builds a real, on-disk index of corpus in a temporary folder, as
// `newsbot` does with its defaults.
func Index(t testing.TB, corpus string) *retrieval.Index {
	t.Helper()
	st, err := local.Open(t.TempDir(), local.Options{})
	if err != nil {
		t.Fatalf("opening an index: %v", err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		t.Fatalf("opening an index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
		t.Fatalf("indexing %s: %v", corpus, err)
	}
	return ix
}

// Golden compares got with the file at testdata/name, rewriting the file
// instead when update is set (each test package has an -update flag).
func Golden(t testing.TB, name, got string, update bool) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update if intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
