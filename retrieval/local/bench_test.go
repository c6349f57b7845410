package local

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// sotuCorpus is the public-domain corpus used for scale benchmarks; it lives
// beside the checkout and is never copied into the repository.
func sotuCorpus(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "sotu")
	if d := os.Getenv("NEWSBOT_SOTU"); d != "" {
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("scale corpus not found at %s (set NEWSBOT_SOTU): %v", dir, err)
	}
	return dir
}

func benchIndex(b *testing.B, dir string) *retrieval.Index {
	b.Helper()
	st, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

// BenchmarkFullIndex indexes the whole corpus into an empty index.
func BenchmarkFullIndex(b *testing.B) {
	corpus := sotuCorpus(b)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		ix := benchIndex(b, dir)
		rep, err := ix.Sync(context.Background(), corpus, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.Chunks), "chunks")
	}
}

// BenchmarkNoChangeSync reindexes a corpus in which nothing changed.
func BenchmarkNoChangeSync(b *testing.B) {
	corpus := sotuCorpus(b)
	ix := benchIndex(b, b.TempDir())
	if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := ix.Sync(context.Background(), corpus, nil)
		if err != nil || rep.Changed() {
			b.Fatalf("no-change sync: %+v, %v", rep, err)
		}
	}
}

// BenchmarkReopen opens an existing index of the corpus.
func BenchmarkReopen(b *testing.B) {
	corpus := sotuCorpus(b)
	dir := b.TempDir()
	if _, err := benchIndex(b, dir).Sync(context.Background(), corpus, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		ix := benchIndex(b, dir)
		if ix.Stats().Articles == 0 {
			b.Fatal("reopened index is empty")
		}
	}
}

// BenchmarkSearch measures hybrid query latency and reports its p50 and
// p99, with the query expanded by the coverage's word associations (see
// retrieval.Associations) and without.
func BenchmarkSearch(b *testing.B) {
	corpus := sotuCorpus(b)
	dir := b.TempDir()
	if _, err := benchIndex(b, dir).Sync(context.Background(), corpus, nil); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		off  bool
	}{{"expanded", false}, {"plain", true}} {
		b.Run(c.name, func(b *testing.B) {
			st, err := Open(dir, Options{})
			if err != nil {
				b.Fatal(err)
			}
			ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0), NoExpansion: c.off})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
				b.Fatal(err)
			}
			ix.UpdateAssociations(context.Background()) // a sync that changed the index makes them
			benchSearch(b, ix)
		})
	}
}

// benchSearch runs the benchmark's queries on ix.
func benchSearch(b *testing.B, ix *retrieval.Index) {
	queries := []string{
		"Louisiana purchase treaty with France",
		"abolition of slavery amendment",
		"income tax on the wealthy",
		"war with Mexico Texas annexation",
		"atomic energy and the Soviet Union",
		"Social Security trust fund",
		"railroads across the continent",
		"tariff on imported goods",
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := ix.Search(context.Background(), queries[i%len(queries)], retrieval.SearchOptions{K: 5}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkAssociations makes the word associations of the whole corpus
// from scratch (reading every file again), as a server does in the
// background after its first question, and reports the heap they keep.
func BenchmarkAssociations(b *testing.B) {
	corpus := sotuCorpus(b)
	dir := b.TempDir()
	if _, err := benchIndex(b, dir).Sync(context.Background(), corpus, nil); err != nil {
		b.Fatal(err)
	}
	var heap float64
	for b.Loop() {
		ix := benchIndex(b, dir)
		if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
			b.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		as := ix.UpdateAssociations(context.Background())
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		b.ReportMetric(float64(as.Sentences()), "sentences")
		ix.Close()
	}
	b.ReportMetric(heap, "heap-MB")
}

// BenchmarkAssociationsAfterChange syncs a copy of the corpus after one
// article changed, with the word associations (the sync re-reads that
// article for them and remakes the statistics from the others' kept
// terms) and without.
func BenchmarkAssociationsAfterChange(b *testing.B) {
	src := sotuCorpus(b)
	for _, c := range []struct {
		name string
		off  bool
	}{{"associations", false}, {"none", true}} {
		b.Run(c.name, func(b *testing.B) {
			corpus := b.TempDir()
			if err := os.CopyFS(corpus, os.DirFS(src)); err != nil {
				b.Fatal(err)
			}
			var files []string
			filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					files = append(files, p)
				}
				return nil
			})
			sort.Strings(files)
			st, err := Open(b.TempDir(), Options{})
			if err != nil {
				b.Fatal(err)
			}
			ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0), NoExpansion: c.off})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			if _, err := ix.Sync(context.Background(), corpus, nil); err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				f := files[i%len(files)]
				i++
				data, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(f, append(data, []byte("\nThe walkout ended.\n")...), 0o644); err != nil {
					b.Fatal(err)
				}
				if rep, err := ix.Sync(context.Background(), corpus, nil); err != nil || !rep.Changed() {
					b.Fatalf("sync after a change: %+v, %v", rep, err)
				}
			}
		})
	}
}
