// Package storetest checks that a retrieval.Store behaves as an Index
// needs: the same syncs, searches, filters and article descriptions from
// every implementation. A store's tests call Run with a way to open it.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/pdftest"
)

// Opener returns a fresh, empty store location and a function that opens
// it; each call of the function opens the same location again, as a new
// process would.
type Opener func(t *testing.T) func() retrieval.Store

// Run runs the conformance tests against the stores open makes, except
// those named in skip, which are skipped with the reason given.
func Run(t *testing.T, open Opener, skip map[string]string) {
	tests := []struct {
		name string
		f    func(*testing.T, Opener)
	}{
		{"SyncAddChangeDeleteRename", testSyncAddChangeDeleteRename},
		{"TouchedFileIsUnchanged", testTouchedFileIsUnchanged},
		{"ReopenKeepsEverything", testReopenKeepsEverything},
		{"InterruptedSyncKeepsProgress", testInterruptedSyncKeepsProgress},
		{"EmbedderChangeReembedsEverything", testEmbedderChangeReembedsEverything},
		{"SearchFindsRareWordsAndNumbers", testSearchFindsRareWordsAndNumbers},
		{"SearchResultsCiteLines", testSearchResultsCiteLines},
		{"SearchDropsNearDuplicates", testSearchDropsNearDuplicates},
		{"SearchFilters", testSearchFilters},
		{"SearchEmptyIndexAndSmallCollections", testSearchEmptyIndexAndSmallCollections},
		{"SearchWhileSyncing", testSearchWhileSyncing},
		{"WatchPicksUpNewFiles", testWatchPicksUpNewFiles},
		{"WritersTakeTurns", testWritersTakeTurns},
		{"SecondWriterWaits", testSecondWriterWaits},
		{"ReaderSeesWriter", testReaderSeesWriter},
		{"Articles", testArticles},
		{"Knows", testKnows},
		{"PDFPages", testPDFPages},
		{"AssociationsFollowSync", testAssociationsFollowSync},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if why, ok := skip[tc.name]; ok {
				t.Skip(why)
			}
			tc.f(t, open)
		})
	}
}

// Seeds returns the folder of the seed articles.
func Seeds() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "seeds")
}

// WriteTree creates files (path -> content) under dir.
func WriteTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// CopySeeds copies the seed articles into a fresh corpus folder.
func CopySeeds(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(Seeds())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(Seeds(), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		WriteTree(t, dir, map[string]string{e.Name(): string(data)})
	}
	return dir
}

func openIndex(t *testing.T, open func() retrieval.Store, emb retrieval.Embedder) *retrieval.Index {
	t.Helper()
	if emb == nil {
		emb = retrieval.NewHashEmbedder(256)
	}
	ix, err := retrieval.New(open(), retrieval.Options{Embedder: emb})
	if err != nil {
		t.Fatalf("New error: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// MustSync syncs ix with corpus, failing t on an error.
func MustSync(t testing.TB, ix *retrieval.Index, corpus string) retrieval.SyncReport {
	t.Helper()
	rep, err := ix.Sync(context.Background(), corpus, nil)
	if err != nil {
		t.Fatalf("Sync(%s) error: %v", corpus, err)
	}
	return rep
}

// Sources returns the sources of the top k results for query.
func Sources(t testing.TB, ix *retrieval.Index, query string, k int) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), query, retrieval.SearchOptions{K: k})
	if err != nil {
		t.Fatalf("Search(%q) error: %v", query, err)
	}
	var out []string
	for _, r := range res {
		out = append(out, r.Source)
	}
	return out
}

const (
	storyA = "Troops arrive\n\nKABUL (Reuters) - The first battalion of marines arrived in Helmand province on Tuesday, officials said.\nThey will stay for seven months.\n"
	storyB = "Budget passes\n\nOTTAWA (Reuters) - Parliament passed the federal budget on Wednesday after a long debate about taxes.\n"
	storyC = "Storm warning\n\nMIAMI (AP) - Forecasters warned of a hurricane approaching the coast of Florida with strong winds.\n"
)

func testSyncAddChangeDeleteRename(t *testing.T, open Opener) {
	corpus := t.TempDir()
	ix := openIndex(t, open(t), nil)
	WriteTree(t, corpus, map[string]string{"a.txt": storyA, "b.txt": storyB, "sub/c.md": storyC})

	type step struct {
		name                    string
		change                  func()
		added, updated, removed []string
		unchanged               int
	}
	steps := []step{
		{name: "initial", change: func() {}, added: []string{"a.txt", "b.txt", "sub/c.md"}},
		{name: "no change", change: func() {}, unchanged: 3},
		{name: "change", change: func() {
			WriteTree(t, corpus, map[string]string{"b.txt": strings.Replace(storyB, "taxes", "pensions", 1)})
		}, updated: []string{"b.txt"}, unchanged: 2},
		{name: "delete", change: func() { os.Remove(filepath.Join(corpus, "a.txt")) }, removed: []string{"a.txt"}, unchanged: 2},
		{name: "rename", change: func() {
			os.Rename(filepath.Join(corpus, "sub/c.md"), filepath.Join(corpus, "sub/storm.md"))
		}, added: []string{"sub/storm.md"}, removed: []string{"sub/c.md"}, unchanged: 1},
	}
	for _, s := range steps {
		s.change()
		rep := MustSync(t, ix, corpus)
		if !slices.Equal(rep.Added, s.added) || !slices.Equal(rep.Updated, s.updated) ||
			!slices.Equal(rep.Removed, s.removed) || rep.Unchanged != s.unchanged {
			t.Errorf("%s: got added %v updated %v removed %v unchanged %d, want %v %v %v %d", s.name,
				rep.Added, rep.Updated, rep.Removed, rep.Unchanged, s.added, s.updated, s.removed, s.unchanged)
		}
	}
	// No stale citation: the removed and renamed-away sources are gone.
	for _, q := range []string{"marines Helmand", "hurricane Florida", "budget pensions"} {
		for _, src := range Sources(t, ix, q, 5) {
			if src == "a.txt" || src == "sub/c.md" {
				t.Errorf("Search(%q) returned removed source %s", q, src)
			}
		}
	}
	if got := Sources(t, ix, "budget pensions", 1); len(got) != 1 || got[0] != "b.txt" {
		t.Errorf("Search(budget pensions) = %v, want [b.txt]", got)
	}
}

func testReopenKeepsEverything(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	loc := open(t)
	ix := openIndex(t, loc, nil)
	MustSync(t, ix, corpus)
	before := ix.Stats()
	want := Sources(t, ix, "Appathurai", 3)

	ix2 := openIndex(t, loc, nil)
	if got := ix2.Stats(); got != before {
		t.Errorf("Stats after reopen = %+v, want %+v", got, before)
	}
	if got := Sources(t, ix2, "Appathurai", 3); !slices.Equal(got, want) {
		t.Errorf("Search after reopen = %v, want %v", got, want)
	}
	if rep := MustSync(t, ix2, corpus); rep.Changed() || rep.Unchanged != 3 {
		t.Errorf("Sync after reopen = %+v, want 3 unchanged", rep)
	}
}

func testEmbedderChangeReembedsEverything(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	loc := open(t)
	MustSync(t, openIndex(t, loc, retrieval.NewHashEmbedder(128)), corpus)
	ix := openIndex(t, loc, retrieval.NewHashEmbedder(64))
	if got := ix.Stats().Chunks; got != 0 {
		t.Errorf("chunks visible from another embedder = %d, want 0 (vectors never mixed)", got)
	}
	rep := MustSync(t, ix, corpus)
	if rep.Reembed == "" || len(rep.Updated) != 3 {
		t.Errorf("Sync after embedder change: Reembed %q, Updated %v; want a message and 3 updated", rep.Reembed, rep.Updated)
	}
	if got := Sources(t, ix, "Appathurai", 1); len(got) != 1 {
		t.Errorf("Search after re-embedding = %v, want a result", got)
	}
}

func testSearchFindsRareWordsAndNumbers(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	cases := []struct{ query, want string }{
		{"Appathurai", "000_7b664699113ac3fb.txt"},
		{"43,000", "001_b7e1029fb9729208.txt"},
		{"Rasmussen", "002_6b9d529eae85757d.txt"},
		{"How many soldiers has Canada lost?", "002_6b9d529eae85757d.txt"},
		{"French Foreign Minister Kouchner", "000_7b664699113ac3fb.txt"},
		{"peacekeeping mission", "001_b7e1029fb9729208.txt"},
	}
	for _, c := range cases {
		if got := Sources(t, ix, c.query, 1); len(got) != 1 || got[0] != c.want {
			t.Errorf("Search(%q) top = %v, want %s", c.query, got, c.want)
		}
	}
}

func testSearchResultsCiteLines(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	res, err := ix.Search(context.Background(), "Appathurai Canada AM", retrieval.SearchOptions{K: 3})
	if err != nil || len(res) == 0 {
		t.Fatalf("Search error %v, results %d", err, len(res))
	}
	for _, r := range res {
		data, _ := os.ReadFile(filepath.Join(corpus, r.Source))
		lines := strings.Split(string(data), "\n")
		if r.FirstLine < 1 || r.LastLine > len(lines) || r.FirstLine > r.LastLine {
			t.Fatalf("%s lines %d-%d out of range", r.Source, r.FirstLine, r.LastLine)
		}
		span := strings.Join(lines[r.FirstLine-1:r.LastLine], "\n")
		if !strings.Contains(span, strings.TrimSpace(r.Text)) {
			t.Errorf("%s:%d-%d does not contain the passage %q", r.Source, r.FirstLine, r.LastLine, r.Text)
		}
	}
}

func testSearchDropsNearDuplicates(t *testing.T, open Opener) {
	corpus := t.TempDir()
	wire := "Quake hits\n\nTOKYO (Reuters) - A strong earthquake shook northern Japan on Monday, damaging roads and cutting power to thousands of homes, officials said.\n"
	WriteTree(t, corpus, map[string]string{"reuters.txt": wire, "copy/yahoo.txt": wire, "other.txt": storyB})
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	got := Sources(t, ix, "earthquake Japan", 5)
	n := 0
	for _, s := range got {
		if s == "reuters.txt" || s == "copy/yahoo.txt" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Search(earthquake Japan) = %v, want exactly one copy of the wire story", got)
	}
}

func testSearchFilters(t *testing.T, open Opener) {
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{
		"2008/a.md":   "---\ntitle: Troops A\ndate: 2008-02-22\n---\nCanada wants more troops in Kandahar.\n",
		"2009/b.md":   "---\ntitle: Troops B\ndate: 2009-06-13\n---\nCanada troops Kandahar mission ends in 2011.\n",
		"undated.txt": "Canada troops in Kandahar, undated.\n",
	})
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	cases := []struct {
		name string
		opt  retrieval.SearchOptions
		want []string
	}{
		{"prefix", retrieval.SearchOptions{SourcePrefix: "2009/"}, []string{"2009/b.md"}},
		{"after", retrieval.SearchOptions{After: day("2009-01-01")}, []string{"2009/b.md"}},
		{"before", retrieval.SearchOptions{Before: day("2009-01-01")}, []string{"2008/a.md"}},
		{"none", retrieval.SearchOptions{SourcePrefix: "1999/"}, nil},
		{"part of the path", retrieval.SearchOptions{Source: "B.MD"}, []string{"2009/b.md"}},
		{"glob", retrieval.SearchOptions{Source: "*.md"}, []string{"2008/a.md", "2009/b.md"}},
		{"glob in a folder", retrieval.SearchOptions{Source: "2008/*"}, []string{"2008/a.md"}},
		{"glob and date", retrieval.SearchOptions{Source: "*.md", Before: day("2009-01-01")}, []string{"2008/a.md"}},
		{"no source matches", retrieval.SearchOptions{Source: "reuters"}, nil},
	}
	for _, c := range cases {
		res, err := ix.Search(context.Background(), "Canada troops Kandahar", c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res {
			got = append(got, r.Source)
		}
		slices.Sort(got) // which sources, not their rank
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func testSearchEmptyIndexAndSmallCollections(t *testing.T, open Opener) {
	ix := openIndex(t, open(t), nil)
	if res, err := ix.Search(context.Background(), "anything", retrieval.SearchOptions{K: 10}); err != nil || len(res) != 0 {
		t.Errorf("Search on an empty index = %v, %v; want nothing, no error", res, err)
	}
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{"one.txt": "Only one short article about ferries.\n"})
	MustSync(t, ix, corpus)
	// chromem-go errors when asked for more results than it holds.
	if got := Sources(t, ix, "ferries", 50); !slices.Equal(got, []string{"one.txt"}) {
		t.Errorf("Search(k=50) on one chunk = %v, want [one.txt]", got)
	}
}

func testSearchWhileSyncing(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			WriteTree(t, corpus, map[string]string{"extra.txt": fmt.Sprintf("Extra %d\n\nA note about Appathurai number %d.\n", i, i)})
			ix.Sync(ctx, corpus, nil)
		}
	}()
	for range 200 {
		res, err := ix.Search(context.Background(), "Appathurai", retrieval.SearchOptions{K: 5})
		if err != nil {
			t.Fatalf("Search during sync: %v", err)
		}
		seen := map[string]bool{}
		for _, r := range res {
			if seen[r.ID] {
				t.Fatalf("Search during sync returned %s twice", r.ID)
			}
			seen[r.ID] = true
		}
	}
	cancel()
	wg.Wait()
}

func testWatchPicksUpNewFiles(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	synced := make(chan retrieval.SyncReport, 10)
	go ix.Watch(ctx, corpus, 50*time.Millisecond, func(r retrieval.SyncReport, err error) {
		if err == nil {
			synced <- r
		}
	})
	time.Sleep(100 * time.Millisecond) // let the watcher start
	WriteTree(t, corpus, map[string]string{"new/zebra.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the zoo.\n"})
	deadline := time.After(10 * time.Second)
	for {
		select {
		case <-synced:
			if got := Sources(t, ix, "zebras escaped", 1); len(got) == 1 && got[0] == "new/zebra.txt" {
				return
			}
		case <-deadline:
			t.Fatal("new file not searchable within 10s of being written")
		}
	}
}

func testArticles(t *testing.T, open Opener) {
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{
		"a.txt":           storyA,
		"2009-06-13-c.md": "---\ntitle: Storm warning\ndate: 2009-06-13\n---\n\nMIAMI (AP) - Forecasters warned of a hurricane approaching the coast of Florida.\n",
	})
	loc := open(t)
	ix := openIndex(t, loc, nil)
	if got := ix.Articles(); len(got) != 0 {
		t.Errorf("Articles() of an empty index = %+v, want none", got)
	}
	MustSync(t, ix, corpus)
	want := []retrieval.ArticleInfo{
		{Source: "2009-06-13-c.md", Title: "Storm warning", Date: time.Date(2009, 6, 13, 0, 0, 0, 0, time.UTC), Dateline: "MIAMI", Agency: "AP", Passages: 1},
		{Source: "a.txt", Title: "Troops arrive", Dateline: "KABUL", Agency: "Reuters", Passages: 1},
	}
	check := func(ix *retrieval.Index) {
		t.Helper()
		got := ix.Articles()
		if len(got) != len(want) {
			t.Fatalf("Articles() = %+v, want %+v", got, want)
		}
		for i := range want {
			if g, w := fmt.Sprintf("%+v", got[i]), fmt.Sprintf("%+v", want[i]); g != w {
				t.Errorf("Articles()[%d] = %s, want %s", i, g, w)
			}
		}
	}
	check(ix)
	check(openIndex(t, loc, nil)) // the description survives a reopen
}

func testTouchedFileIsUnchanged(t *testing.T, open Opener) {
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{"a.txt": storyA, "b.txt": storyB})
	loc := open(t)
	ix := openIndex(t, loc, nil)
	MustSync(t, ix, corpus)
	// A new modification time with the same content (a copy, a checkout)
	// re-indexes nothing, now or after a reopen.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(corpus, "a.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	if rep := MustSync(t, ix, corpus); rep.Changed() || rep.Unchanged != 2 {
		t.Errorf("Sync after touching a.txt = %+v, want 2 unchanged", rep)
	}
	if rep := MustSync(t, openIndex(t, loc, nil), corpus); rep.Changed() || rep.Unchanged != 2 {
		t.Errorf("Sync after reopening = %+v, want 2 unchanged", rep)
	}
	// The same size and a new time with new content is a change.
	WriteTree(t, corpus, map[string]string{"a.txt": strings.Replace(storyA, "seven", "eleven", 1)[:len(storyA)]})
	if rep := MustSync(t, ix, corpus); !slices.Equal(rep.Updated, []string{"a.txt"}) {
		t.Errorf("Sync after rewriting a.txt = %+v, want a.txt updated", rep)
	}
}

func testInterruptedSyncKeepsProgress(t *testing.T, open Opener) {
	corpus := t.TempDir()
	for i := range 40 {
		WriteTree(t, corpus, map[string]string{fmt.Sprintf("f%02d.txt", i): fmt.Sprintf("Story %d\n\nReport number %d about the harbour.\n", i, i)})
	}
	loc := open(t)
	ix := openIndex(t, loc, nil)
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	_, err := ix.Sync(ctx, corpus, func(done, total int) {
		if done >= 10 {
			once.Do(cancel)
		}
	})
	if err == nil {
		t.Fatalf("Sync with a cancelled context: want an error")
	}
	ix.Close()
	ix2 := openIndex(t, loc, nil)
	partial := ix2.Stats().Articles
	if partial < 10 || partial >= 40 {
		t.Errorf("articles kept by an interrupted sync = %d, want 10..39", partial)
	}
	rep := MustSync(t, ix2, corpus)
	if len(rep.Added) != 40-partial || rep.Unchanged != partial {
		t.Errorf("resumed sync added %d, unchanged %d; want %d and %d", len(rep.Added), rep.Unchanged, 40-partial, partial)
	}
}

// testWritersTakeTurns runs a one-off sync beside a watcher of the same
// store, as `newsbot index` beside a watching bot: neither fails, and an
// article that appears is indexed by one of them only, the other finding
// it done.
func testWritersTakeTurns(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	loc := open(t)
	writer := openIndex(t, loc, nil)
	MustSync(t, writer, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	reports := make(chan retrieval.SyncReport, 100)
	done := make(chan error, 1)
	go func() {
		done <- writer.Watch(ctx, corpus, 20*time.Millisecond, func(rep retrieval.SyncReport, err error) {
			if err != nil {
				t.Errorf("watcher's sync: %v", err)
			}
			reports <- rep
		})
	}()
	stop := sync.OnceValue(func() error { cancel(); return <-done })
	t.Cleanup(func() { stop() }) // before the indexes close
	other := openIndex(t, loc, nil)
	MustSync(t, other, corpus)
	WriteTree(t, corpus, map[string]string{"zebra.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the zoo.\n"})
	rep := MustSync(t, other, corpus)
	added := len(rep.Added)
	// The watcher syncs after the new file too: it finds the article done,
	// or indexed it first.
	// A file written before the watcher watches its folder is seen only
	// when written again: rewrite it, same content, until the watcher syncs.
	timeout := time.After(20 * time.Second)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for seen := false; !seen; {
		select {
		case r := <-reports:
			added += len(r.Added)
			seen = r.Unchanged+len(r.Added) == 4
		case <-tick.C:
			WriteTree(t, corpus, map[string]string{"zebra.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the zoo.\n"})
		case <-timeout:
			t.Fatal("the watcher did not sync the new file within 20s")
		}
	}
	if added != 1 {
		t.Errorf("zebra.txt was added %d times by the two writers, want once", added)
	}
	if got := Sources(t, other, "zebras escaped", 1); len(got) != 1 || got[0] != "zebra.txt" {
		t.Errorf("search = %v, want [zebra.txt]", got)
	}
	if err := stop(); err != nil {
		t.Errorf("Watch returned %v", err)
	}
}

// gatedEmbedder is a HashEmbedder whose first Embed call announces itself
// on started and then waits for release, holding its sync mid-way.
type gatedEmbedder struct {
	*retrieval.HashEmbedder
	once             sync.Once
	started, release chan struct{}
}

func (g *gatedEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	g.once.Do(func() {
		close(g.started)
		<-g.release
	})
	return g.HashEmbedder.Embed(ctx, texts)
}

// testSecondWriterWaits starts a sync while another opening of the store
// (another process) is in the middle of one: it waits, says so once, and
// then finds nothing left to do. A search meanwhile does not wait.
func testSecondWriterWaits(t *testing.T, open Opener) {
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{"a.txt": storyA, "b.txt": storyB, "sub/c.md": storyC})
	loc := open(t)
	gate := &gatedEmbedder{HashEmbedder: retrieval.NewHashEmbedder(64), started: make(chan struct{}), release: make(chan struct{})}
	first := openIndex(t, loc, gate)
	waited := make(chan struct{})
	second, err := retrieval.New(loc(), retrieval.Options{Embedder: retrieval.NewHashEmbedder(64), OnWait: func() { close(waited) }})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()

	type result struct {
		rep retrieval.SyncReport
		err error
	}
	firstDone, secondDone := make(chan result, 1), make(chan result, 1)
	go func() {
		rep, err := first.Sync(context.Background(), corpus, nil)
		firstDone <- result{rep, err}
	}()
	<-gate.started
	go func() {
		rep, err := second.Sync(context.Background(), corpus, nil)
		secondDone <- result{rep, err}
	}()
	select {
	case <-waited:
	case r := <-secondDone:
		close(gate.release)
		t.Fatalf("second writer synced without waiting for the first: %+v, %v", r.rep, r.err)
	}
	Sources(t, second, "hurricane", 1) // a search does not wait
	close(gate.release)
	r1, r2 := <-firstDone, <-secondDone
	if r1.err != nil || len(r1.rep.Added) != 3 {
		t.Errorf("first writer: %+v, %v; want 3 added", r1.rep, r1.err)
	}
	if r2.err != nil || r2.rep.Changed() || r2.rep.Unchanged != 3 || r2.rep.Articles != 3 {
		t.Errorf("second writer: added %v updated %v removed %v unchanged %d, %d articles, %v; want nothing to do, 3 articles",
			r2.rep.Added, r2.rep.Updated, r2.rep.Removed, r2.rep.Unchanged, r2.rep.Articles, r2.err)
	}
	if got := Sources(t, second, "hurricane Florida", 1); len(got) != 1 || got[0] != "sub/c.md" {
		t.Errorf("second writer's search = %v, want [sub/c.md], indexed by the first", got)
	}
}

// testReaderSeesWriter checks that a second opening of a store (another
// process) sees what a writer commits, without reopening.
func testReaderSeesWriter(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	loc := open(t)
	writer := openIndex(t, loc, nil)
	MustSync(t, writer, corpus)
	reader := openIndex(t, loc, nil)
	if got := Sources(t, reader, "zebras escaped", 5); slices.Contains(got, "zebra.txt") {
		t.Fatalf("reader found zebra.txt before it was written")
	}
	WriteTree(t, corpus, map[string]string{"zebra.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the zoo.\n"})
	MustSync(t, writer, corpus)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if got := Sources(t, reader, "zebras escaped", 1); len(got) == 1 && got[0] == "zebra.txt" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a reader did not see a new article within 20s of its commit")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := reader.Stats().Articles; got != 4 {
		t.Errorf("reader's Stats().Articles = %d, want 4", got)
	}
}

// testPDFPages checks that a PDF is indexed with where its pages start, so
// that its passages are cited by page, and that a scan is skipped.
func testPDFPages(t *testing.T, open Opener) {
	corpus := t.TempDir()
	WriteTree(t, corpus, map[string]string{
		"report.pdf": string(pdftest.Doc{Pages: [][]string{
			{"The harbour bridge will close for repairs in May."},
			{"Ferries will run every ten minutes instead."},
		}}.Bytes()),
		"scan.pdf": string(pdftest.Doc{Scanned: true, Pages: [][]string{{""}}}.Bytes()),
	})
	loc := open(t)
	ix, err := retrieval.New(loc(), retrieval.Options{Embedder: retrieval.NewHashEmbedder(64), Chunk: retrieval.ChunkOptions{TargetChars: 40}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rep := MustSync(t, ix, corpus)
	if len(rep.Added) != 1 || rep.Added[0] != "report.pdf" {
		t.Errorf("added %v, want [report.pdf]", rep.Added)
	}
	if len(rep.Skipped) != 1 || !errors.Is(rep.Skipped[0], retrieval.ErrNoTextLayer) || !strings.Contains(rep.Skipped[0].Error(), "scan.pdf") {
		t.Errorf("skipped %v, want scan.pdf for having no text layer", rep.Skipped)
	}
	res, err := ix.Search(context.Background(), "ferries", retrieval.SearchOptions{K: 1})
	if err != nil || len(res) != 1 {
		t.Fatalf("search: %v %v", res, err)
	}
	arts := ix.Articles()
	if len(arts) != 1 || !slices.Equal(arts[0].Pages, []int{1, 2}) {
		t.Fatalf("Articles() = %+v, want report.pdf with pages starting at lines 1 and 2", arts)
	}
	if got := retrieval.PassageLabel(res[0].Source, arts[0].Pages, res[0].FirstLine, res[0].LastLine); got != "report.pdf:p2:1" {
		t.Errorf("ferries passage at %s, want report.pdf:p2:1", got)
	}
}

// testKnows checks the store's lookup of a question's terms, which spares
// reading the coverage for a spelling check.
func testKnows(t *testing.T, open Opener) {
	corpus := CopySeeds(t)
	ix := openIndex(t, open(t), nil)
	MustSync(t, ix, corpus)
	cases := []struct {
		text string
		want bool
	}{
		{"What did Appathurai say about the troops?", true},
		{"What did Apathurai say about the troops?", false},
		{"the of and", false}, // no keyword term at all
	}
	for _, c := range cases {
		if got := ix.Knows(c.text); got != c.want {
			t.Errorf("Knows(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	os.Remove(filepath.Join(corpus, "000_7b664699113ac3fb.txt"))
	MustSync(t, ix, corpus)
	if ix.Knows("Appathurai") {
		t.Errorf("Knows(Appathurai) after its only article left = true, want false")
	}
}
