//go:build linux

package retrieval_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
)

// TestSyncThatCannotSaveKeepsServing changes an article of an index that
// then cannot be written: the sync fails with a SaveError naming the
// article, the index keeps answering as of its last good sync, and the
// next sync that can write catches up.
func TestSyncThatCannotSaveKeepsServing(t *testing.T) {
	open := func(dir string) *retrieval.Index {
		t.Helper()
		st, err := local.Open(dir, local.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		if w := ix.Warnings(); len(w) != 0 {
			t.Errorf("Open warnings = %v, want none", w)
		}
		return ix
	}
	const budget = "Budget passes\n\nOTTAWA (Reuters) - Parliament passed the federal budget on Wednesday after a long debate about taxes.\n"
	if bottest.WithoutWrites(t) {
		corpus, dir := os.Getenv("NEWSBOT_TEST_CORPUS"), os.Getenv("NEWSBOT_TEST_INDEX")
		ix := open(dir)
		rep, err := ix.Sync(context.Background(), corpus, nil)
		var save *retrieval.SaveError
		if !errors.As(err, &save) || save.Source != "budget.txt" || !strings.Contains(err.Error(), "file too large") {
			t.Fatalf("Sync = %v, want a SaveError for budget.txt saying why", err)
		}
		if rep.Articles != 1 || ix.Stats().Articles != 1 {
			t.Errorf("after the failed sync: report %d articles, index %d; want 1 as of the last good sync", rep.Articles, ix.Stats().Articles)
		}
		res, err := ix.Search(context.Background(), "Parliament budget taxes", retrieval.SearchOptions{K: 1})
		if err != nil || len(res) != 1 || !strings.Contains(res[0].Text, "taxes") {
			t.Errorf("search = %v, %v; want budget.txt as of its last good sync", res, err)
		}
		return
	}
	corpus, dir := t.TempDir(), t.TempDir()
	path := filepath.Join(corpus, "budget.txt")
	if err := os.WriteFile(path, []byte(budget), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := open(dir).Sync(context.Background(), corpus, nil); err != nil {
		t.Fatal(err)
	}
	// The article changes while the disk is full.
	if err := os.WriteFile(path, []byte(strings.Replace(budget, "taxes", "pensions", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	bottest.RunWithoutWrites(t, "NEWSBOT_TEST_CORPUS="+corpus, "NEWSBOT_TEST_INDEX="+dir)

	// Space again: the next sync saves what the failed one could not.
	rep, err := open(dir).Sync(context.Background(), corpus, nil)
	if err != nil || len(rep.Updated) != 1 || rep.Updated[0] != "budget.txt" {
		t.Errorf("sync after the disk was freed: updated %v, %v; want [budget.txt]", rep.Updated, err)
	}
}
