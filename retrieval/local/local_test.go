package local

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// TestStore runs the conformance suite twice: with the changes in
// segments and chromem-go, and with every commit compacting them into the
// memory-mapped base.
func TestStore(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
	}{{"segments", Options{}}, {"base", Options{CompactAt: 1}}, {"base and segments", Options{CompactAt: 2}}} {
		t.Run(c.name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) func() retrieval.Store {
				dir := t.TempDir()
				return func() retrieval.Store {
					st, err := Open(dir, c.opt)
					if err != nil {
						t.Fatalf("Open(%s): %v", dir, err)
					}
					return st
				}
			}, nil)
		})
	}
}

// openTest opens an index in dir with the hash embedder.
func openTest(t testing.TB, dir string, emb retrieval.Embedder) *retrieval.Index {
	t.Helper()
	if emb == nil {
		emb = retrieval.NewHashEmbedder(256)
	}
	st, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open(%s) error: %v", dir, err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: emb})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestDamagedSegmentIsRebuilt(t *testing.T) {
	cases := []struct {
		name   string
		damage func(path string) error
	}{
		{"truncated", func(p string) error { return os.Truncate(p, 40) }},
		{"empty", func(p string) error { return os.Truncate(p, 0) }},
		{"flipped byte", func(p string) error {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			data[len(data)/2] ^= 0xff
			return os.WriteFile(p, data, 0o644)
		}},
		{"garbage", func(p string) error { return os.WriteFile(p, []byte("not a segment"), 0o644) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			corpus := storetest.CopySeeds(t)
			dir := t.TempDir()
			ix := openTest(t, dir, nil)
			storetest.MustSync(t, ix, corpus)
			seg := filepath.Join(dir, "segments", segmentName("001_b7e1029fb9729208.txt"))
			if err := c.damage(seg); err != nil {
				t.Fatal(err)
			}
			ix2 := openTest(t, dir, nil)
			if len(ix2.Warnings()) != 1 {
				t.Errorf("Warnings() = %v, want one", ix2.Warnings())
			}
			if got := ix2.Stats().Articles; got != 2 {
				t.Errorf("articles after opening with a damaged segment = %d, want 2", got)
			}
			rep := storetest.MustSync(t, ix2, corpus)
			if !slices.Equal(rep.Added, []string{"001_b7e1029fb9729208.txt"}) {
				t.Errorf("Sync re-added %v, want [001_b7e1029fb9729208.txt]", rep.Added)
			}
			if got := storetest.Sources(t, ix2, "Vilnius MacKay", 1); len(got) == 0 || got[0] != "001_b7e1029fb9729208.txt" {
				t.Errorf("Search(Vilnius MacKay) = %v, want 001 first", got)
			}
		})
	}
}

func TestInterruptedSyncLeavesNoTemporaryFiles(t *testing.T) {
	corpus := t.TempDir()
	for i := range 40 {
		storetest.WriteTree(t, corpus, map[string]string{fmt.Sprintf("f%02d.txt", i): fmt.Sprintf("Story %d\n\nReport number %d about the harbour.\n", i, i)})
	}
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	ix.Sync(ctx, corpus, func(done, total int) {
		if done >= 10 {
			once.Do(cancel)
		}
	})
	// A crash mid-write leaves a temporary file behind.
	storetest.WriteTree(t, filepath.Join(dir, "segments"), map[string]string{"." + segmentName("f39.txt") + ".123.tmp": "half a segm"})
	ix2 := openTest(t, dir, nil)
	if n := ix2.Stats().Articles; n < 10 {
		t.Errorf("articles kept = %d, want at least 10", n)
	}
	storetest.MustSync(t, ix2, corpus) // a writer clears what a crash left
	if left, _ := filepath.Glob(filepath.Join(dir, "segments", ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left after reopen: %v", left)
	}
}

func TestThousandsOfSourcesReopenWithoutLoss(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 2000
	corpus := t.TempDir()
	files := make(map[string]string, n)
	for i := range n {
		files[fmt.Sprintf("d%d/item-%04d.txt", i%10, i)] = fmt.Sprintf("Item %d\n\nCode word zq%04d appears once.\n", i, i)
	}
	storetest.WriteTree(t, corpus, files)
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
	storetest.MustSync(t, ix, corpus)
	ix2 := openTest(t, dir, nil)
	if got := ix2.Stats().Articles; got != n {
		t.Fatalf("articles after reopen = %d, want %d", got, n)
	}
	for _, i := range []int{0, 1, 777, 1999} {
		want := fmt.Sprintf("d%d/item-%04d.txt", i%10, i)
		if got := storetest.Sources(t, ix2, fmt.Sprintf("zq%04d", i), 1); len(got) != 1 || got[0] != want {
			t.Errorf("Search(zq%04d) = %v, want [%s]", i, got, want)
		}
	}
}

// TestOpenLeavesAWritersTempFiles opens the store while another process
// holds its writer lock: the temporary file that writer is filling must
// survive (it used to be deleted, failing the writer's rename), and is
// cleaned up by an Open once the writer is gone.
func TestOpenLeavesAWritersTempFiles(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	unlock, err := lockDir(context.Background(), dir, false)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "segments", "."+segmentName("a.txt")+".42.tmp")
	if err := os.WriteFile(tmp, []byte("half a segment"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{}); err != nil {
		t.Fatalf("Open beside a writer: %v", err)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Errorf("Open beside a writer removed its temporary file: %v", err)
	}
	unlock()
	if _, err := Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); err == nil {
		t.Errorf("Open with no writer left a crashed writer's temporary file")
	}
}

func TestDamagedBaseIsRebuilt(t *testing.T) {
	for _, col := range []string{"meta", "vectors", "postdoc"} {
		t.Run(col, func(t *testing.T) {
			corpus := storetest.CopySeeds(t)
			dir := t.TempDir()
			st, err := Open(dir, Options{CompactAt: 1})
			if err != nil {
				t.Fatal(err)
			}
			ix, _ := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(256)})
			storetest.MustSync(t, ix, corpus)
			ix.Close()
			name, err := os.ReadFile(filepath.Join(dir, currentFile))
			if err != nil {
				t.Fatalf("no base after a compacting sync: %v", err)
			}
			path := filepath.Join(dir, strings.TrimSpace(string(name)), col)
			data, _ := os.ReadFile(path)
			if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
				t.Fatal(err)
			}
			ix2 := openTest(t, dir, nil)
			if len(ix2.Warnings()) != 1 {
				t.Errorf("Warnings() = %v, want one", ix2.Warnings())
			}
			if got := ix2.Stats().Articles; got != 0 {
				t.Errorf("articles after opening a damaged base = %d, want 0", got)
			}
			rep := storetest.MustSync(t, ix2, corpus)
			if len(rep.Added) != 3 {
				t.Errorf("Sync re-added %v, want the 3 seeds", rep.Added)
			}
			if len(openTest(t, dir, nil).Warnings()) != 0 {
				t.Errorf("the damage is reported again after the rebuild")
			}
		})
	}
}
