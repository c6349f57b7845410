package local

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	kills := []struct {
		after     time.Duration
		compactAt string // the child compacts at every sync when set
	}{{30 * time.Millisecond, ""}, {120 * time.Millisecond, ""}, {300 * time.Millisecond, ""},
		{1500 * time.Millisecond, "1"}, {2500 * time.Millisecond, "1"}}
	for _, k := range kills {
		after := k.after
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledSyncLeavesAnIndexThatOpens$")
		cmd.Env = append(os.Environ(), "NEWSBOT_SYNC_CHILD=1", "NEWSBOT_CORPUS="+corpus, "NEWSBOT_INDEX="+dir, "NEWSBOT_COMPACT_AT="+k.compactAt)
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
	if got := ix.Stats().Articles; got != n || rep.Unchanged+len(rep.Added)+len(rep.Updated) != n {
		t.Errorf("after resuming: %d articles, report %d unchanged + %d added + %d updated; want %d", got, rep.Unchanged, len(rep.Added), len(rep.Updated), n)
	}
	// Every article is there once, and searchable within its file.
	if arts := ix.Articles(); len(arts) != n {
		t.Errorf("Articles() lists %d, want %d", len(arts), n)
	}
	for _, i := range []int{0, 1, 2, 199, 399} {
		want := fmt.Sprintf("d%d/f%03d.txt", i%7, i)
		res, err := ix.Search(context.Background(), "harbour ferries report", retrieval.SearchOptions{K: 1, SourcePrefix: want})
		if err != nil || len(res) != 1 || res[0].Source != want {
			t.Errorf("search in %s = %v, %v; want a passage of it", want, res, err)
		}
	}
}

// syncChild is the process that gets killed: it syncs until it is.
func syncChild() {
	compactAt, _ := strconv.Atoi(os.Getenv("NEWSBOT_COMPACT_AT"))
	st, err := Open(os.Getenv("NEWSBOT_INDEX"), Options{CompactAt: compactAt})
	if err != nil {
		os.Exit(3)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		os.Exit(3)
	}
	corpus := os.Getenv("NEWSBOT_CORPUS")
	ix.Sync(context.Background(), corpus, nil)
	if compactAt == 0 {
		time.Sleep(time.Minute) // finished early: wait to be killed
		return
	}
	// Change an article at a time, each sync compacting, until killed.
	for i := 0; ; i++ {
		p := filepath.Join(corpus, fmt.Sprintf("d%d/f%03d.txt", i%7, i%400))
		if data, err := os.ReadFile(p); err == nil {
			os.WriteFile(p, append(data, fmt.Sprintf("Update %d.\n", i)...), 0o644)
		}
		ix.Sync(context.Background(), corpus, nil)
	}
}
