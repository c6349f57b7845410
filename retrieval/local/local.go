// Package local is the default store of a retrieval.Index: a folder on
// disk, searched in process.
//
// The folder holds a base, the bulk of the articles in memory-mapped
// column files written by a compaction (base.go), and segments, one file
// per article changed since (segment.go). Opening maps the base and reads
// the few segments, so it costs about the same for three articles or ten
// thousand. A search walks the base's vectors and postings with tight
// loops of our own and the changed articles with chromem-go, and merges
// the two as one index. When the changes grow past a threshold, a commit
// compacts them into a new base.
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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	chromem "github.com/philippgille/chromem-go"

	"github.com/newsbot/newsbot/retrieval"
)

// DefaultCompactAt is the number of changed passages at which a commit
// compacts them into the base: small enough that the changes open and
// search quickly, large enough that a watcher adding an article at a time
// seldom rewrites the base.
const DefaultCompactAt = 4096

// Options configure a Store.
type Options struct {
	Logger *slog.Logger // nil discards
	// CompactAt is the number of passages changed since the base at
	// which a commit compacts; 0 means DefaultCompactAt.
	CompactAt int
}

// Store keeps an index in a folder. Searches run against an immutable
// snapshot that a commit replaces atomically, so they never see a
// half-applied sync and never wait for one. Other processes may open the
// same folder to read it: they notice a writer's commits by the
// GENERATION file and load the new state.
type Store struct {
	dir   string
	opt   Options
	log   *slog.Logger
	warns []error

	mu    sync.Mutex // guards the fields below
	gen   uint64     // of the loaded state
	base  *base      // nil when there is none
	delta map[string]*change
	held  int64 // bytes of the segments held in memory

	dirty atomic.Bool // a Put, Touch or Remove since the last Commit

	snapMu sync.Mutex // one snapshot build at a time
	snap   atomic.Pointer[snapshot]
}

// change is one article changed since the base, as its segment says.
type change struct {
	kind     int
	version  int
	state    retrieval.FileState
	info     retrieval.ArticleInfo
	passages int
	seg      *segment // the whole segment, when held in memory
}

// Open opens (creating if needed) the store in dir. Damaged files are
// reported through Warnings, removed, and re-indexed from their sources
// by the next sync; they never stop the store from opening. Open never
// waits for a writer: while another process syncs, it reads what that one
// has committed and leaves the clean-up to it.
func Open(dir string, opt Options) (*Store, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.CompactAt <= 0 {
		opt.CompactAt = DefaultCompactAt
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
		removeStaleTemps(filepath.Join(dir, "segments"))
	}
	st := &Store{dir: dir, opt: opt, log: opt.Logger}
	if err := st.load(true, clean); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	return st, nil
}

// The GENERATION file holds a counter that every commit raises, so that
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

// load reads the folder's current state: the base named by CURRENT and
// the segments. A file that a writer replaces meanwhile is retried.
// Damaged files are reported when first (when the store is opened) and
// removed when clean (no writer is at work).
func (st *Store) load(first, clean bool) error {
	var err error
	for range 5 {
		if err = st.loadOnce(first, clean); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return err
}

func (st *Store) loadOnce(first, clean bool) error {
	gen := readGeneration(st.dir)
	var b *base
	name, err := os.ReadFile(filepath.Join(st.dir, currentFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		b, err = openBase(st.dir, strings.TrimSpace(string(name)))
		if errors.Is(err, errBaseCorrupt) {
			st.warn(first, fmt.Errorf("the index base is %w; it will be rebuilt from the articles", err))
			if clean {
				os.Remove(filepath.Join(st.dir, currentFile))
			}
			b, err = nil, nil
		}
		if err != nil {
			return err
		}
	}
	segDir := filepath.Join(st.dir, "segments")
	entries, err := os.ReadDir(segDir)
	if err != nil {
		if b != nil {
			b.release()
		}
		return err
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
	delta := make(map[string]*change, len(segs))
	var held int64
	for i, s := range segs {
		if errors.Is(errs[i], fs.ErrNotExist) {
			continue // compacted meanwhile; the next generation has it
		}
		if errs[i] != nil {
			if !errors.Is(errs[i], errCorrupt) {
				if b != nil {
					b.release()
				}
				return errs[i]
			}
			st.warn(first, fmt.Errorf("index file %s is %w; it will be rebuilt from its article", names[i], errs[i]))
			if clean {
				os.Remove(filepath.Join(segDir, names[i]))
			}
			continue
		}
		c := newChange(s)
		if held += c.size(); held > maxHeld {
			c.seg = nil // read again when needed, to bound memory
		}
		delta[s.Source] = c
	}
	st.mu.Lock()
	if !first && gen < st.gen {
		// A commit of this process overtook the load: what is in memory
		// is newer than what was read.
		st.mu.Unlock()
		if b != nil {
			b.release()
		}
		return nil
	}
	old := st.base
	st.gen, st.base, st.delta, st.held = gen, b, delta, min(held, maxHeld)
	st.mu.Unlock()
	if old != nil {
		old.retire()
	}
	return nil
}

// maxHeld bounds the bytes of changed articles held in memory between
// compactions (the rest are read again from their segments): enough that
// a sync of a few thousand articles compacts without reading them back.
const maxHeld = 256 << 20

// size estimates the memory of a change's segment.
func (c *change) size() int64 {
	if c.seg == nil {
		return 0
	}
	n := int64(len(c.seg.Vectors))
	for _, ch := range c.seg.Chunks {
		n += int64(len(ch.Text)) + 200
	}
	for _, ids := range c.seg.TermIDs {
		n += int64(len(ids)) * 6
	}
	return n
}

func newChange(s *segment) *change {
	return &change{kind: s.Kind, version: s.Version, state: s.state(), info: s.Info, passages: len(s.Chunks), seg: s}
}

// warn records a problem found while opening; later loads only log it.
func (st *Store) warn(first bool, err error) {
	if first {
		st.warns = append(st.warns, err)
		return
	}
	st.log.Debug("reloading the index", "err", err)
}

// Warnings returns the problems found when the store was opened.
func (st *Store) Warnings() []error { return st.warns }

// Close releases the store.
func (st *Store) Close() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.base != nil {
		st.base.retire()
		st.base = nil
	}
	return nil
}

// Lock excludes other writers of the folder, in this process and others,
// and clears what a crashed writer left. Once it has the lock it reads
// what another writer committed meanwhile, so that the Manifest a sync
// starts from is what is on disk.
func (st *Store) Lock(ctx context.Context, wait bool) (func(), error) {
	unlock, err := lockDir(ctx, st.dir, wait)
	if err != nil {
		return nil, err
	}
	removeStaleTemps(filepath.Join(st.dir, "segments"))
	if err := st.refresh(); err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

// refresh loads the folder again when another process committed since it
// was loaded. Generations only grow, so a number read before a commit of
// this process landed (not newer than ours) needs no reload.
func (st *Store) refresh() error {
	gen := readGeneration(st.dir)
	st.mu.Lock()
	current := gen <= st.gen
	st.mu.Unlock()
	if current {
		return nil
	}
	st.snapMu.Lock()
	defer st.snapMu.Unlock()
	st.mu.Lock()
	current = gen <= st.gen
	st.mu.Unlock()
	if current {
		return nil
	}
	return st.load(false, false)
}

// Manifest returns the state of every stored article.
func (st *Store) Manifest(ctx context.Context) ([]retrieval.FileState, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []retrieval.FileState
	if st.base != nil {
		for _, a := range st.base.meta.Articles {
			if c := st.delta[a.State.Source]; c != nil {
				if c.kind == kindTouch && c.state.Hash == a.State.Hash {
					out = append(out, c.state)
				}
				continue
			}
			out = append(out, a.State)
		}
	}
	for _, c := range st.delta {
		if c.kind == kindPut {
			out = append(out, c.state)
		}
	}
	slices.SortFunc(out, func(a, b retrieval.FileState) int { return strings.Compare(a.Source, b.Source) })
	return out, nil
}

// Put stores an article in its own segment file, atomically.
func (st *Store) Put(ctx context.Context, a *retrieval.Indexed) error {
	s := newSegment(a)
	st.dirty.Store(true)
	if err := writeSegment(filepath.Join(st.dir, "segments"), s); err != nil {
		return err
	}
	c := newChange(s)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.held+c.size() > maxHeld {
		c.seg = nil
	} else {
		st.held += c.size()
	}
	st.delta[a.Source] = c
	return nil
}

// deltaPassages counts the passages changed since the base.
func (st *Store) deltaPassages() int {
	n := 0
	for _, c := range st.delta {
		n += c.passages
	}
	return n
}

// Touch records a new size and modification time for an article.
func (st *Store) Touch(ctx context.Context, fs retrieval.FileState) error {
	st.mu.Lock()
	c := st.delta[fs.Source]
	st.mu.Unlock()
	var s *segment
	if c != nil && c.kind == kindPut {
		// The article is a segment: rewrite it with the new time.
		var err error
		if s, err = st.segment(c); err != nil {
			return err
		}
		cp := *s
		s = &cp
	} else {
		s = &segment{Version: segVersion, Kind: kindTouch}
	}
	s.Source, s.Hash, s.Size, s.ModTime, s.Model = fs.Source, fs.Hash, fs.Size, fs.ModTime, fs.Model
	st.dirty.Store(true)
	if err := writeSegment(filepath.Join(st.dir, "segments"), s); err != nil {
		return err
	}
	n := newChange(s)
	if c != nil && c.seg == nil {
		n.seg = nil
	}
	st.mu.Lock()
	st.delta[fs.Source] = n
	st.mu.Unlock()
	return nil
}

// Remove drops an article: its segment goes, and a base's copy is hidden
// by a removal segment until the next compaction.
func (st *Store) Remove(ctx context.Context, source string) error {
	st.mu.Lock()
	_, inBase := st.bySourceLocked(source)
	st.mu.Unlock()
	segDir := filepath.Join(st.dir, "segments")
	st.dirty.Store(true)
	if inBase {
		s := &segment{Version: segVersion, Kind: kindRemoved, Source: source}
		if err := writeSegment(segDir, s); err != nil {
			return err
		}
		st.mu.Lock()
		st.delta[source] = newChange(s)
		st.mu.Unlock()
		return nil
	}
	err := os.Remove(filepath.Join(segDir, segmentName(source)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	st.mu.Lock()
	delete(st.delta, source)
	st.mu.Unlock()
	return nil
}

// bySourceLocked finds source in the base.
func (st *Store) bySourceLocked(source string) (int32, bool) {
	if st.base == nil {
		return 0, false
	}
	i, ok := st.base.bySource[source]
	return i, ok
}

// segment returns c's whole segment, reading it again if it was let go.
func (st *Store) segment(c *change) (*segment, error) {
	if c.seg != nil {
		return c.seg, nil
	}
	return readSegment(filepath.Join(st.dir, "segments", segmentName(c.state.Source)))
}

// Commit compacts the changes when they have grown large, and tells
// other processes that the folder changed.
func (st *Store) Commit(ctx context.Context) error {
	if !st.dirty.Swap(false) {
		return nil // nothing changed: no write, no fsync
	}
	if err := syncDir(filepath.Join(st.dir, "segments")); err != nil {
		st.log.Warn("syncing index directory", "err", err)
	}
	st.mu.Lock()
	compact := len(st.delta) > 0 && (st.deltaPassages() >= st.opt.CompactAt || len(st.delta) >= st.opt.CompactAt)
	st.mu.Unlock()
	if compact {
		if err := st.compact(ctx); err != nil {
			// The changes are safe in their segments: the next commit tries again.
			st.log.Warn("compacting the index", "err", err)
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	gen := max(readGeneration(st.dir), st.gen) + 1
	if err := writeFileAtomic(filepath.Join(st.dir, genFile), []byte(strconv.FormatUint(gen, 10)+"\n")); err != nil {
		return err
	}
	st.gen = gen
	return nil
}

// Generation changes with every commit, by any process.
func (st *Store) Generation(ctx context.Context) (uint64, error) {
	return readGeneration(st.dir), nil
}

// Counts returns how many articles and passages of model are stored.
func (st *Store) Counts(ctx context.Context, model string) (int, int, error) {
	s, err := st.snapshot(model)
	if err != nil {
		return 0, 0, err
	}
	return len(s.articles), s.docs() - s.deadDocs, nil
}

// Articles describes the stored articles of model, by source.
func (st *Store) Articles(ctx context.Context, model string) ([]retrieval.ArticleInfo, error) {
	s, err := st.snapshot(model)
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.articles), nil
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

// newCollection returns an empty chromem-go collection for vectors we
// embed ourselves.
func newCollection() (*chromem.Collection, error) {
	return chromem.NewDB().CreateCollection("chunks", nil, func(ctx context.Context, text string) ([]float32, error) {
		return nil, errors.New("the local store embeds no text itself")
	})
}
