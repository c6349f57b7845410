package retrieval_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// Deleting the corpus folder keeps the index and is said once; the folder
// coming back (recreated, or a network drive remounted) is synced and
// watched again.
func TestWatchSurvivesTheCorpusFolderGoingAndComingBack(t *testing.T) {
	parent := t.TempDir()
	corpus := filepath.Join(parent, "coverage")
	storetest.WriteTree(t, corpus, map[string]string{"a.txt": "Bridge closes\n\nThe harbour bridge closes in May for repairs.\n"})
	st, err := local.Open(t.TempDir(), local.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(64)})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	storetest.MustSync(t, ix, corpus)

	type outcome struct {
		rep retrieval.SyncReport
		err error
	}
	events := make(chan outcome, 100)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- ix.Watch(ctx, corpus, 20*time.Millisecond, func(r retrieval.SyncReport, err error) { events <- outcome{r, err} })
	}()
	// next waits for an outcome that ok accepts, doing poke (when not nil)
	// again and again meanwhile: a file written before the watcher has
	// started watching a folder is only seen when written again.
	next := func(what string, poke func(i int), ok func(outcome) bool) {
		t.Helper()
		deadline := time.After(20 * time.Second)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			if poke != nil {
				poke(i)
			}
			select {
			case o := <-events:
				if ok(o) {
					return
				}
			case <-tick.C:
			case <-deadline:
				t.Fatalf("no %s within 20s", what)
			}
		}
	}
	write := func(name, text string) func(int) {
		return func(i int) {
			storetest.WriteTree(t, corpus, map[string]string{name: text + strings.Repeat(" More.", i) + "\n"})
		}
	}
	next("sync adding b.txt", write("b.txt", "Ferries run\n\nFerries will run every ten minutes."), func(o outcome) bool {
		return o.err == nil && slices.Contains(o.rep.Added, "b.txt")
	})

	// The folder goes at once, as an unmounted drive does: removing its
	// files one by one would let a sync see some of them gone, which is
	// an ordinary removal of those articles.
	old := filepath.Join(parent, "gone")
	if err := os.Rename(corpus, old); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(old); err != nil {
		t.Fatal(err)
	}
	gone := 0
	next("ErrCorpusGone", nil, func(o outcome) bool {
		if errors.Is(o.err, retrieval.ErrCorpusGone) {
			gone++
			return true
		}
		return false
	})
	if n := ix.Stats().Articles; n != 2 {
		t.Errorf("index holds %d articles while the folder is gone, want the 2 it had", n)
	}

	storetest.WriteTree(t, corpus, map[string]string{"c.txt": "Bridge reopens\n\nThe harbour bridge reopened on Friday.\n"})
	next("sync after the folder came back", nil, func(o outcome) bool {
		if errors.Is(o.err, retrieval.ErrCorpusGone) {
			gone++
		}
		return o.err == nil && o.rep.Changed()
	})
	if got := storetest.Sources(t, ix, "bridge reopened", 1); len(got) != 1 || got[0] != "c.txt" {
		t.Errorf("after the folder came back, search finds %v, want c.txt", got)
	}
	// Watching goes on in the new folder.
	next("sync of a file written to the new folder", write("d.txt", "Zebras escape\n\nThree zebras escaped from the zoo."), func(o outcome) bool {
		return o.err == nil && slices.Contains(o.rep.Added, "d.txt")
	})
	if gone != 1 {
		t.Errorf("ErrCorpusGone reported %d times, want once", gone)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch returned %v, want nil after cancel", err)
	}
}
