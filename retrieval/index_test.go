package retrieval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// copySeeds copies the seed articles into a fresh corpus folder.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join("../seeds", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeTree(t, dir, map[string]string{e.Name(): string(data)})
	}
	return dir
}

func openTest(t *testing.T, dir string, emb Embedder) *Index {
	t.Helper()
	if emb == nil {
		emb = NewHashEmbedder(256)
	}
	ix, err := Open(dir, Options{Embedder: emb})
	if err != nil {
		t.Fatalf("Open(%s) error: %v", dir, err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func mustSync(t *testing.T, ix *Index, corpus string) SyncReport {
	t.Helper()
	rep, err := ix.Sync(context.Background(), corpus, nil)
	if err != nil {
		t.Fatalf("Sync(%s) error: %v", corpus, err)
	}
	return rep
}

func sources(t *testing.T, ix *Index, query string, k int) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), query, SearchOptions{K: k})
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

func TestSyncAddChangeDeleteRename(t *testing.T) {
	corpus := t.TempDir()
	ix := openTest(t, t.TempDir(), nil)
	writeTree(t, corpus, map[string]string{"a.txt": storyA, "b.txt": storyB, "sub/c.md": storyC})

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
			writeTree(t, corpus, map[string]string{"b.txt": strings.Replace(storyB, "taxes", "pensions", 1)})
		}, updated: []string{"b.txt"}, unchanged: 2},
		{name: "delete", change: func() { os.Remove(filepath.Join(corpus, "a.txt")) }, removed: []string{"a.txt"}, unchanged: 2},
		{name: "rename", change: func() {
			os.Rename(filepath.Join(corpus, "sub/c.md"), filepath.Join(corpus, "sub/storm.md"))
		}, added: []string{"sub/storm.md"}, removed: []string{"sub/c.md"}, unchanged: 1},
	}
	for _, s := range steps {
		s.change()
		rep := mustSync(t, ix, corpus)
		if !slices.Equal(rep.Added, s.added) || !slices.Equal(rep.Updated, s.updated) ||
			!slices.Equal(rep.Removed, s.removed) || rep.Unchanged != s.unchanged {
			t.Errorf("%s: got added %v updated %v removed %v unchanged %d, want %v %v %v %d", s.name,
				rep.Added, rep.Updated, rep.Removed, rep.Unchanged, s.added, s.updated, s.removed, s.unchanged)
		}
	}
	// No stale citation: the removed and renamed-away sources are gone.
	for _, q := range []string{"marines Helmand", "hurricane Florida", "budget pensions"} {
		for _, src := range sources(t, ix, q, 5) {
			if src == "a.txt" || src == "sub/c.md" {
				t.Errorf("Search(%q) returned removed source %s", q, src)
			}
		}
	}
	if got := sources(t, ix, "budget pensions", 1); len(got) != 1 || got[0] != "b.txt" {
		t.Errorf("Search(budget pensions) = %v, want [b.txt]", got)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	corpus := copySeeds(t)
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
	mustSync(t, ix, corpus)
	before := ix.Stats()
	want := sources(t, ix, "Appathurai", 3)

	ix2 := openTest(t, dir, nil)
	if got := ix2.Stats(); got != before {
		t.Errorf("Stats after reopen = %+v, want %+v", got, before)
	}
	if got := sources(t, ix2, "Appathurai", 3); !slices.Equal(got, want) {
		t.Errorf("Search after reopen = %v, want %v", got, want)
	}
	if rep := mustSync(t, ix2, corpus); rep.Changed() || rep.Unchanged != 3 {
		t.Errorf("Sync after reopen = %+v, want 3 unchanged", rep)
	}
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
			corpus := copySeeds(t)
			dir := t.TempDir()
			ix := openTest(t, dir, nil)
			mustSync(t, ix, corpus)
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
			rep := mustSync(t, ix2, corpus)
			if !slices.Equal(rep.Added, []string{"001_b7e1029fb9729208.txt"}) {
				t.Errorf("Sync re-added %v, want [001_b7e1029fb9729208.txt]", rep.Added)
			}
			if got := sources(t, ix2, "Vilnius MacKay", 1); len(got) == 0 || got[0] != "001_b7e1029fb9729208.txt" {
				t.Errorf("Search(Vilnius MacKay) = %v, want 001 first", got)
			}
		})
	}
}

func TestInterruptedSyncLeavesAnIndexThatOpens(t *testing.T) {
	corpus := t.TempDir()
	for i := range 40 {
		writeTree(t, corpus, map[string]string{fmt.Sprintf("f%02d.txt", i): fmt.Sprintf("Story %d\n\nReport number %d about the harbour.\n", i, i)})
	}
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
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
	// A crash mid-write leaves a temporary file behind.
	writeTree(t, filepath.Join(dir, "segments"), map[string]string{"." + segmentName("f39.txt") + ".123.tmp": "half a segm"})

	ix2 := openTest(t, dir, nil)
	partial := ix2.Stats().Articles
	if partial < 10 || partial >= 40 {
		t.Errorf("articles kept by an interrupted sync = %d, want 10..39", partial)
	}
	rep := mustSync(t, ix2, corpus)
	if len(rep.Added) != 40-partial || rep.Unchanged != partial {
		t.Errorf("resumed sync added %d, unchanged %d; want %d and %d", len(rep.Added), rep.Unchanged, 40-partial, partial)
	}
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
	writeTree(t, corpus, files)
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
	mustSync(t, ix, corpus)
	ix2 := openTest(t, dir, nil)
	if got := ix2.Stats().Articles; got != n {
		t.Fatalf("articles after reopen = %d, want %d", got, n)
	}
	for _, i := range []int{0, 1, 777, 1999} {
		want := fmt.Sprintf("d%d/item-%04d.txt", i%10, i)
		if got := sources(t, ix2, fmt.Sprintf("zq%04d", i), 1); len(got) != 1 || got[0] != want {
			t.Errorf("Search(zq%04d) = %v, want [%s]", i, got, want)
		}
	}
}

func TestEmbedderChangeReembedsEverything(t *testing.T) {
	corpus := copySeeds(t)
	dir := t.TempDir()
	mustSync(t, openTest(t, dir, NewHashEmbedder(128)), corpus)
	ix := openTest(t, dir, NewHashEmbedder(64))
	if got := ix.Stats().Chunks; got != 0 {
		t.Errorf("chunks visible from another embedder = %d, want 0 (vectors never mixed)", got)
	}
	rep := mustSync(t, ix, corpus)
	if rep.Reembed == "" || len(rep.Updated) != 3 {
		t.Errorf("Sync after embedder change: Reembed %q, Updated %v; want a message and 3 updated", rep.Reembed, rep.Updated)
	}
	if got := sources(t, ix, "Appathurai", 1); len(got) != 1 {
		t.Errorf("Search after re-embedding = %v, want a result", got)
	}
}

func TestSearchFindsRareWordsAndNumbers(t *testing.T) {
	corpus := copySeeds(t)
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	cases := []struct{ query, want string }{
		{"Appathurai", "000_7b664699113ac3fb.txt"},
		{"43,000", "001_b7e1029fb9729208.txt"},
		{"Rasmussen", "002_6b9d529eae85757d.txt"},
		{"How many soldiers has Canada lost?", "002_6b9d529eae85757d.txt"},
		{"French Foreign Minister Kouchner", "000_7b664699113ac3fb.txt"},
		{"peacekeeping mission", "001_b7e1029fb9729208.txt"},
	}
	for _, c := range cases {
		if got := sources(t, ix, c.query, 1); len(got) != 1 || got[0] != c.want {
			t.Errorf("Search(%q) top = %v, want %s", c.query, got, c.want)
		}
	}
}

func TestSearchResultsCiteLines(t *testing.T) {
	corpus := copySeeds(t)
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	res, err := ix.Search(context.Background(), "Appathurai Canada AM", SearchOptions{K: 3})
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

func TestSearchDropsNearDuplicates(t *testing.T) {
	corpus := t.TempDir()
	wire := "Quake hits\n\nTOKYO (Reuters) - A strong earthquake shook northern Japan on Monday, damaging roads and cutting power to thousands of homes, officials said.\n"
	writeTree(t, corpus, map[string]string{"reuters.txt": wire, "copy/yahoo.txt": wire, "other.txt": storyB})
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	got := sources(t, ix, "earthquake Japan", 5)
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

func TestSearchFilters(t *testing.T) {
	corpus := t.TempDir()
	writeTree(t, corpus, map[string]string{
		"2008/a.md":   "---\ntitle: Troops A\ndate: 2008-02-22\n---\nCanada wants more troops in Kandahar.\n",
		"2009/b.md":   "---\ntitle: Troops B\ndate: 2009-06-13\n---\nCanada troops Kandahar mission ends in 2011.\n",
		"undated.txt": "Canada troops in Kandahar, undated.\n",
	})
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	cases := []struct {
		name string
		opt  SearchOptions
		want []string
	}{
		{"prefix", SearchOptions{SourcePrefix: "2009/"}, []string{"2009/b.md"}},
		{"after", SearchOptions{After: day("2009-01-01")}, []string{"2009/b.md"}},
		{"before", SearchOptions{Before: day("2009-01-01")}, []string{"2008/a.md"}},
		{"none", SearchOptions{SourcePrefix: "1999/"}, nil},
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
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSearchEmptyIndexAndSmallCollections(t *testing.T) {
	ix := openTest(t, t.TempDir(), nil)
	if res, err := ix.Search(context.Background(), "anything", SearchOptions{K: 10}); err != nil || len(res) != 0 {
		t.Errorf("Search on an empty index = %v, %v; want nothing, no error", res, err)
	}
	corpus := t.TempDir()
	writeTree(t, corpus, map[string]string{"one.txt": "Only one short article about ferries.\n"})
	mustSync(t, ix, corpus)
	// chromem-go errors when asked for more results than it holds.
	if got := sources(t, ix, "ferries", 50); !slices.Equal(got, []string{"one.txt"}) {
		t.Errorf("Search(k=50) on one chunk = %v, want [one.txt]", got)
	}
}

func TestSearchWhileSyncing(t *testing.T) {
	corpus := copySeeds(t)
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			writeTree(t, corpus, map[string]string{"extra.txt": fmt.Sprintf("Extra %d\n\nA note about Appathurai number %d.\n", i, i)})
			ix.Sync(ctx, corpus, nil)
		}
	}()
	for range 200 {
		res, err := ix.Search(context.Background(), "Appathurai", SearchOptions{K: 5})
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

func TestWatchPicksUpNewFiles(t *testing.T) {
	corpus := copySeeds(t)
	ix := openTest(t, t.TempDir(), nil)
	mustSync(t, ix, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	synced := make(chan SyncReport, 10)
	go ix.Watch(ctx, corpus, 50*time.Millisecond, func(r SyncReport, err error) {
		if err == nil {
			synced <- r
		}
	})
	time.Sleep(100 * time.Millisecond) // let the watcher start
	writeTree(t, corpus, map[string]string{"new/zebra.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the zoo.\n"})
	deadline := time.After(10 * time.Second)
	for {
		select {
		case <-synced:
			if got := sources(t, ix, "zebras escaped", 1); len(got) == 1 && got[0] == "new/zebra.txt" {
				return
			}
		case <-deadline:
			t.Fatal("new file not searchable within 10s of being written")
		}
	}
}

func TestArticles(t *testing.T) {
	corpus := t.TempDir()
	writeTree(t, corpus, map[string]string{
		"a.txt":           storyA,
		"2009-06-13-c.md": "---\ntitle: Storm warning\ndate: 2009-06-13\n---\n\nMIAMI (AP) - Forecasters warned of a hurricane approaching the coast of Florida.\n",
	})
	dir := t.TempDir()
	ix := openTest(t, dir, nil)
	if got := ix.Articles(); len(got) != 0 {
		t.Errorf("Articles() of an empty index = %+v, want none", got)
	}
	mustSync(t, ix, corpus)
	want := []ArticleInfo{
		{Source: "2009-06-13-c.md", Title: "Storm warning", Date: time.Date(2009, 6, 13, 0, 0, 0, 0, time.UTC), Dateline: "MIAMI", Agency: "AP", Passages: 1},
		{Source: "a.txt", Title: "Troops arrive", Dateline: "KABUL", Agency: "Reuters", Passages: 1},
	}
	check := func(ix *Index) {
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
	check(openTest(t, dir, nil)) // the description survives a reopen
}
