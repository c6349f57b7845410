// Package local is the default store of a retrieval.Index: a folder on
// disk, searched in process with chromem-go for vectors and our own BM25.
package local

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	chromem "github.com/philippgille/chromem-go"

	"github.com/newsbot/newsbot/retrieval"
)

// Options configure a Store.
type Options struct {
	Logger *slog.Logger // nil discards
}

// Store keeps an index in a folder. Searches run against an immutable
// snapshot that a Commit replaces atomically, so they never see a
// half-applied sync and never wait for one.
type Store struct {
	dir   string
	log   *slog.Logger
	warns []error
	gen   atomic.Uint64

	mu   sync.Mutex          // guards segs and writes
	segs map[string]*segment // by source

	snapMu sync.Mutex // one snapshot build at a time
	snap   atomic.Pointer[snapshot]
}

// snapshot is one consistent state of the articles of one model.
type snapshot struct {
	gen      uint64
	model    string
	coll     *chromem.Collection
	chunks   []retrieval.Chunk
	byID     map[string]int32
	keywords *keywordIndex
	articles []retrieval.ArticleInfo // by source
}

// Open opens (creating if needed) the store in dir. Damaged segment files
// are reported through Warnings, removed, and re-indexed from their sources
// by the next sync; they never stop the store from opening. Open never
// waits for a writer: while another process syncs, it reads what that one
// has committed and leaves the clean-up to it.
func Open(dir string, opt Options) (*Store, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(filepath.Join(dir, "segments"), 0o755); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	// The leftovers of a crashed writer may be cleaned up only when no
	// writer is at work: a running one's temporary files are not stale.
	unlock, err := lockDir(context.Background(), dir, false)
	clean := err == nil
	if clean {
		defer unlock()
	}
	st := &Store{dir: dir, log: opt.Logger}
	gen := readGeneration(dir) // before reading: a commit meanwhile makes the store reload
	segs, damaged, err := loadSegments(dir, clean)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	st.segs, st.warns = segs, damaged
	st.gen.Store(gen)
	return st, nil
}

// loadSegments reads every segment of the store in dir. Damaged ones are
// returned, one error each, and removed when clean (the caller holds the
// writer lock).
func loadSegments(dir string, clean bool) (map[string]*segment, []error, error) {
	segDir := filepath.Join(dir, "segments")
	if clean {
		removeStaleTemps(segDir)
	}
	entries, err := os.ReadDir(segDir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), segExt) && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	segs := make([]*segment, len(names))
	errs := make([]error, len(names))
	parallel(len(names), func(i int) {
		segs[i], errs[i] = readSegment(filepath.Join(segDir, names[i]))
	})
	out := make(map[string]*segment, len(names))
	var damaged []error
	for i, s := range segs {
		switch err := errs[i]; {
		case errors.Is(err, fs.ErrNotExist):
			// removed by a writer since it was listed
		case errors.Is(err, errCorrupt):
			damaged = append(damaged, fmt.Errorf("index file %s is %w; it will be rebuilt from its article", names[i], err))
			if clean {
				os.Remove(filepath.Join(segDir, names[i]))
			}
		case err != nil:
			return nil, nil, err
		default:
			out[s.Source] = s
		}
	}
	return out, damaged, nil
}

// The GENERATION file holds a counter that every Commit raises, so that
// other processes reading the folder notice a writer's changes.
const genFile = "GENERATION"

func readGeneration(dir string) uint64 {
	data, err := os.ReadFile(filepath.Join(dir, genFile))
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseUint(strings.TrimSpace(string(data)), 10, 64)
	return n
}

// reload reads the segments again when another process committed since
// they were read. Damaged ones were reported when the store was opened, or
// will be rebuilt by the sync that finds them missing.
func (st *Store) reload() error {
	gen := readGeneration(st.dir)
	if gen == st.gen.Load() {
		return nil
	}
	segs, damaged, err := loadSegments(st.dir, false)
	if err != nil {
		return err
	}
	for _, err := range damaged {
		st.log.Debug("reloading the index", "err", err)
	}
	st.mu.Lock()
	st.segs = segs
	st.mu.Unlock()
	st.gen.Store(gen)
	return nil
}

// Warnings returns the problems found when the store was opened.
func (st *Store) Warnings() []error { return st.warns }

// Close releases the store.
func (st *Store) Close() error { return nil }

// Lock excludes other writers of the folder, in this process and others.
// Once it has the lock it reads what another writer committed meanwhile,
// so that the Manifest a sync starts from is what is on disk.
func (st *Store) Lock(ctx context.Context, wait bool) (func(), error) {
	unlock, err := lockDir(ctx, st.dir, wait)
	if err != nil {
		return nil, err
	}
	st.snapMu.Lock()
	err = st.reload()
	st.snapMu.Unlock()
	if err != nil {
		unlock()
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	return unlock, nil
}

// Manifest returns the state of every stored article.
func (st *Store) Manifest(ctx context.Context) ([]retrieval.FileState, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]retrieval.FileState, 0, len(st.segs))
	for _, s := range st.segs {
		out = append(out, s.state())
	}
	slices.SortFunc(out, func(a, b retrieval.FileState) int { return strings.Compare(a.Source, b.Source) })
	return out, nil
}

// Put stores an article in its own segment file, atomically.
func (st *Store) Put(ctx context.Context, a *retrieval.Indexed) error {
	s := newSegment(a)
	if err := writeSegment(filepath.Join(st.dir, "segments"), s); err != nil {
		return err
	}
	st.mu.Lock()
	st.segs[s.Source] = s
	st.mu.Unlock()
	return nil
}

// Touch records a new size and modification time for an article.
func (st *Store) Touch(ctx context.Context, fs retrieval.FileState) error {
	st.mu.Lock()
	s := st.segs[fs.Source]
	st.mu.Unlock()
	if s == nil {
		return nil
	}
	c := *s
	c.Size, c.ModTime = fs.Size, fs.ModTime
	if err := writeSegment(filepath.Join(st.dir, "segments"), &c); err != nil {
		return err
	}
	st.mu.Lock()
	st.segs[fs.Source] = &c
	st.mu.Unlock()
	return nil
}

// Remove drops an article.
func (st *Store) Remove(ctx context.Context, source string) error {
	st.mu.Lock()
	delete(st.segs, source)
	st.mu.Unlock()
	err := os.Remove(filepath.Join(st.dir, "segments", segmentName(source)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Commit makes the stored articles visible to searches.
func (st *Store) Commit(ctx context.Context) error {
	if err := syncDir(filepath.Join(st.dir, "segments")); err != nil {
		st.log.Warn("syncing index directory", "err", err)
	}
	gen := max(readGeneration(st.dir), st.gen.Load()) + 1
	if err := writeFileAtomic(filepath.Join(st.dir, genFile), []byte(strconv.FormatUint(gen, 10)+"\n")); err != nil {
		return err
	}
	st.gen.Store(gen)
	return nil
}

// Generation changes with every Commit.
func (st *Store) Generation(ctx context.Context) (uint64, error) { return st.gen.Load(), nil }

// Counts returns how many articles and passages of model are stored.
func (st *Store) Counts(ctx context.Context, model string) (int, int, error) {
	s, err := st.snapshot(ctx, model)
	if err != nil {
		return 0, 0, err
	}
	return len(s.articles), len(s.chunks), nil
}

// Articles describes the stored articles of model, by source.
func (st *Store) Articles(ctx context.Context, model string) ([]retrieval.ArticleInfo, error) {
	s, err := st.snapshot(ctx, model)
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.articles), nil
}

// snapshot returns the current snapshot of model's articles, building it
// when a Commit or a change of model made the last one stale.
func (st *Store) snapshot(ctx context.Context, model string) (*snapshot, error) {
	if readGeneration(st.dir) != st.gen.Load() {
		st.snapMu.Lock()
		err := st.reload()
		st.snapMu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	gen := st.gen.Load()
	if s := st.snap.Load(); s != nil && s.gen == gen && s.model == model {
		return s, nil
	}
	st.snapMu.Lock()
	defer st.snapMu.Unlock()
	if s := st.snap.Load(); s != nil && s.gen == gen && s.model == model {
		return s, nil
	}
	s, err := st.build(ctx, gen, model)
	if err != nil {
		return nil, err
	}
	st.snap.Store(s)
	return s, nil
}

// build makes a snapshot of the current segments of model.
func (st *Store) build(ctx context.Context, gen uint64, model string) (*snapshot, error) {
	st.mu.Lock()
	var segs []*segment
	n := 0
	for _, s := range st.segs {
		if s.Version == segVersion && s.Model == model {
			segs = append(segs, s)
			n += len(s.Chunks)
		}
	}
	st.mu.Unlock()
	sort.Slice(segs, func(i, j int) bool { return segs[i].Source < segs[j].Source })
	db := chromem.NewDB()
	coll, err := db.CreateCollection("chunks", nil, func(ctx context.Context, text string) ([]float32, error) {
		return nil, errors.New("the local store embeds no text itself")
	})
	if err != nil {
		return nil, err
	}
	snap := &snapshot{gen: gen, model: model, coll: coll, chunks: make([]retrieval.Chunk, 0, n),
		byID: make(map[string]int32, n), articles: make([]retrieval.ArticleInfo, 0, len(segs))}
	kb := newKeywordBuilder(n)
	for _, s := range segs {
		snap.articles = append(snap.articles, s.Info)
		base := int32(len(snap.chunks))
		for i, c := range s.Chunks {
			snap.byID[c.ID] = base + int32(i)
			snap.chunks = append(snap.chunks, c)
			v := s.Vectors[i*s.Dim : (i+1)*s.Dim : (i+1)*s.Dim]
			if err := coll.AddDocument(ctx, chromem.Document{ID: c.ID, Embedding: v}); err != nil {
				return nil, fmt.Errorf("adding %s to the vector store: %w", c.ID, err)
			}
		}
		kb.add(s, base)
	}
	snap.keywords = kb.build()
	return snap, nil
}

// Search runs both rankings of q over the current snapshot.
func (st *Store) Search(ctx context.Context, q retrieval.Query) (vector, keyword []retrieval.Hit, err error) {
	snap, err := st.snapshot(ctx, q.Model)
	if err != nil {
		return nil, nil, err
	}
	n := len(snap.chunks)
	if n == 0 {
		return nil, nil, nil
	}
	var keep func(int32) bool
	if !q.Filter.IsZero() {
		keep = func(doc int32) bool {
			c := &snap.chunks[doc]
			return q.Filter.Keep(c.Source, c.Date)
		}
	}
	depth := min(n, q.Depth)
	// chromem-go errors when asked for more results than it holds, and its
	// metadata filter only matches exact values, so a filtered search asks
	// for everything and filters here.
	vdepth := depth
	if keep != nil {
		vdepth = n
	}
	vres, err := snap.coll.QueryEmbedding(ctx, q.Vector, vdepth, nil, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("vector search: %w", err)
	}
	for _, r := range vres {
		doc := snap.byID[r.ID]
		if keep != nil && !keep(doc) {
			continue
		}
		vector = append(vector, retrieval.Hit{Chunk: snap.chunks[doc], Score: float64(r.Similarity)})
		if len(vector) >= depth {
			break
		}
	}
	for _, s := range snap.keywords.search(q.Terms, depth, keep) {
		keyword = append(keyword, retrieval.Hit{Chunk: snap.chunks[s.doc], Score: s.score})
	}
	return vector, keyword, nil
}

// parallel runs f(0..n-1) on all cores.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
