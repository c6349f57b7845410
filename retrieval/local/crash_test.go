package local

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// TestKilledSyncLeavesAnIndexThatOpens kills a process in the middle of a
// sync, several times at different moments, and checks that the index
// still opens, keeps what was finished and completes on the next sync.
func TestKilledSyncLeavesAnIndexThatOpens(t *testing.T) {
	if os.Getenv("NEWSBOT_SYNC_CHILD") != "" {
		syncChild()
		return
	}
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	corpus := t.TempDir()
	const n = 400
	for i := range n {
		body := fmt.Sprintf("Story %d\n\nHARBOUR (Reuters) - Report number %d about the harbour and its ferries. ", i, i)
		for j := range 40 {
			body += fmt.Sprintf("Sentence %d of the report adds detail %d. ", j, i*j)
		}
		storetest.WriteTree(t, corpus, map[string]string{fmt.Sprintf("d%d/f%03d.txt", i%7, i): body + "\n"})
	}
	dir := t.TempDir()
	for _, after := range []time.Duration{30 * time.Millisecond, 120 * time.Millisecond, 300 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledSyncLeavesAnIndexThatOpens$")
		cmd.Env = append(os.Environ(), "NEWSBOT_SYNC_CHILD=1", "NEWSBOT_CORPUS="+corpus, "NEWSBOT_INDEX="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()

		st, err := Open(dir, Options{})
		if err != nil {
			t.Fatalf("Open after a kill at %v: %v", after, err)
		}
		ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
		if err != nil {
			t.Fatal(err)
		}
		if w := ix.Warnings(); len(w) != 0 {
			t.Errorf("Open after a kill at %v reported damage: %v", after, w)
		}
		t.Logf("killed after %v: %d of %d articles kept", after, ix.Stats().Articles, n)
		ix.Close()
	}
	// The killed writers' lock died with them.
	st, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0), OnWait: func() {
		t.Error("a sync waited for the lock of a killed writer")
		cancel()
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep, err := ix.Sync(ctx, corpus, nil)
	if err != nil {
		t.Fatalf("Sync after the kills: %v", err)
	}
	if got := ix.Stats().Articles; got != n || rep.Unchanged+len(rep.Added) != n {
		t.Errorf("after resuming: %d articles, report %d unchanged + %d added; want %d", got, rep.Unchanged, len(rep.Added), n)
	}
}

// syncChild is the process that gets killed: it syncs until it is.
func syncChild() {
	st, err := Open(os.Getenv("NEWSBOT_INDEX"), Options{})
	if err != nil {
		os.Exit(3)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		os.Exit(3)
	}
	ix.Sync(context.Background(), os.Getenv("NEWSBOT_CORPUS"), nil)
	time.Sleep(time.Minute) // finished early: wait to be killed
}
