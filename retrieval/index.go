package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	chromem "github.com/philippgille/chromem-go"
)

// SyncReport says what one reindex changed.
type SyncReport struct {
	Added     []string // sources, relative to the corpus root
	Updated   []string
	Removed   []string
	Unchanged int
	Skipped   []error // files that could not be indexed, one error each
	Articles  int     // articles in the index after the sync
	Chunks    int     // chunks in the index after the sync
	Reembed   string  // non-empty when everything was re-embedded: why
}

// Changed reports whether the sync changed the index.
func (r SyncReport) Changed() bool {
	return len(r.Added)+len(r.Updated)+len(r.Removed) > 0
}

// Stats describes the index.
type Stats struct {
	Articles int
	Chunks   int
	Embedder string // Embedder.ID of the vectors
}

// Options configure an Index.
type Options struct {
	Embedder Embedder     // required
	Load     LoadOptions  // what files are accepted
	Chunk    ChunkOptions // zero means DefaultChunkOptions
	// VectorWeight is the share (0 to 1) of vector similarity in a
	// search's fused score, the rest being BM25; 0 means DefaultVectorWeight.
	VectorWeight float64
	Logger       *slog.Logger // nil discards
}

// Index is a durable, incrementally updated hybrid index of a corpus.
// Searches run against an immutable snapshot that a sync replaces
// atomically, so they never see a half-applied reindex and never wait for
// one.
type Index struct {
	dir    string
	opt    Options
	log    *slog.Logger
	terms  *Analyzer // caches stems across syncs and queries
	warns  []error
	syncMu sync.Mutex          // one sync at a time
	segs   map[string]*segment // by source; guarded by syncMu
	snap   atomic.Pointer[snapshot]
}

// snapshot is one consistent state of the index.
type snapshot struct {
	coll     *chromem.Collection
	chunks   []Chunk
	byID     map[string]int32
	keywords *keywordIndex
	articles []ArticleInfo // by source
}

// Open opens (creating if needed) the index stored in dir. Damaged segment
// files are reported through Warnings, removed, and re-indexed from their
// sources by the next Sync; they never stop the index from opening.
func Open(dir string, opt Options) (*Index, error) {
	if opt.Embedder == nil {
		return nil, errors.New("open index: no embedder")
	}
	if opt.Chunk == (ChunkOptions{}) {
		opt.Chunk = DefaultChunkOptions()
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.VectorWeight <= 0 || opt.VectorWeight > 1 {
		opt.VectorWeight = DefaultVectorWeight
	}
	segDir := filepath.Join(dir, "segments")
	if err := os.MkdirAll(segDir, 0o755); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	removeStaleTemps(segDir)
	ix := &Index{dir: dir, opt: opt, log: opt.Logger, terms: NewAnalyzer(), segs: make(map[string]*segment)}
	entries, err := os.ReadDir(segDir)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
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
	for i, s := range segs {
		if errs[i] != nil {
			if !errors.Is(errs[i], errCorrupt) {
				return nil, fmt.Errorf("open index: %w", errs[i])
			}
			ix.warns = append(ix.warns, fmt.Errorf("index file %s is damaged and will be rebuilt from its article: %w", names[i], errs[i]))
			ix.log.Warn("damaged index segment removed", "file", names[i], "err", errs[i])
			os.Remove(filepath.Join(segDir, names[i]))
			continue
		}
		ix.segs[s.Source] = s
	}
	if err := ix.publish(); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	return ix, nil
}

// Warnings returns the problems found when the index was opened.
func (ix *Index) Warnings() []error { return ix.warns }

// Close releases the index. Searches after Close are not allowed.
func (ix *Index) Close() error { return nil }

// Stats describes the current snapshot.
func (ix *Index) Stats() Stats {
	s := ix.snap.Load()
	return Stats{Articles: len(s.articles), Chunks: len(s.chunks), Embedder: ix.opt.Embedder.ID()}
}

// ArticleInfo describes one indexed article.
type ArticleInfo struct {
	Source   string    `json:"source"` // path relative to the corpus root
	Title    string    `json:"title"`
	Date     time.Time `json:"date,omitzero"`      // publication date, when known
	Dateline string    `json:"dateline,omitempty"` // place of the dateline, if any
	Agency   string    `json:"agency,omitempty"`   // the outlet named by the dateline, if any
	Bylines  []string  `json:"bylines,omitempty"`
	Passages int       `json:"passages"`
}

// Articles describes the articles of the current snapshot, by source.
func (ix *Index) Articles() []ArticleInfo {
	return slices.Clone(ix.snap.Load().articles)
}

// chunkingID names the chunking parameters and segment format a segment
// was built with; a change of either rebuilds the segment.
func (ix *Index) chunkingID() string {
	return fmt.Sprintf("v%d/%d/%d", segVersion, ix.opt.Chunk.TargetChars, ix.opt.Chunk.OverlapSentences)
}

// current reports whether s was built the way this index builds now.
func (ix *Index) current(s *segment) bool {
	return s.Embedder == ix.opt.Embedder.ID() && s.Chunking == ix.chunkingID()
}

// Sync brings the index up to date with the corpus folder: new and changed
// files are (re)indexed, removed ones dropped, unchanged ones left alone.
// Each finished file is persisted at once, so an interrupted sync keeps
// its progress. progress, when non-nil, is called with files done and the
// number of files to (re)index.
func (ix *Index) Sync(ctx context.Context, corpus string, progress func(done, total int)) (SyncReport, error) {
	ix.syncMu.Lock()
	defer ix.syncMu.Unlock()
	var rep SyncReport
	files, warns, err := ListCorpus(corpus, ix.opt.Load)
	if err != nil {
		return rep, fmt.Errorf("reading corpus: %w", err)
	}
	rep.Skipped = append(rep.Skipped, warns...)

	stale := 0
	for _, s := range ix.segs {
		if !ix.current(s) {
			stale++
		}
	}
	if stale > 0 && stale == len(ix.segs) {
		for _, s := range ix.segs {
			rep.Reembed = fmt.Sprintf("the index was built with %s, now %s: re-embedding all articles", s.Embedder, ix.opt.Embedder.ID())
			if s.Embedder == ix.opt.Embedder.ID() {
				rep.Reembed = "the chunking settings changed: re-indexing all articles"
			}
			break
		}
	}

	// Decide what to do with every file: read and hash it (cheap next to
	// embedding) and compare with the stored segment. The bytes are not
	// kept: a worker reads a changed file again, so memory stays bounded
	// by the files in flight rather than the corpus.
	type job struct {
		file CorpusFile
		prev *segment
	}
	var jobs []*job
	present := make(map[string]bool, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		present[f.Source] = true
		data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(f.Source)))
		if err != nil {
			// Keep what was indexed: an unreadable file is more likely a
			// passing permission problem than a changed article.
			rep.Skipped = append(rep.Skipped, fmt.Errorf("skipping %s: %w", f.Source, err))
			continue
		}
		prev := ix.segs[f.Source]
		if prev != nil && prev.Hash == contentHash(data) && ix.current(prev) {
			rep.Unchanged++
			continue
		}
		jobs = append(jobs, &job{file: f, prev: prev})
	}

	segDir := filepath.Join(ix.dir, "segments")
	var (
		mu   sync.Mutex
		done int
		fail error
	)
	if progress != nil {
		progress(0, len(jobs))
	}
	workers := min(runtime.GOMAXPROCS(0), max(len(jobs), 1))
	next := make(chan *job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				seg, err := ix.build(ctx, corpus, j.file)
				if err == nil && seg != nil {
					err = writeSegment(segDir, seg)
					if err != nil {
						err = fmt.Errorf("saving index of %s: %w", j.file.Source, err)
					}
				}
				mu.Lock()
				switch {
				case err != nil && ctx.Err() == nil && !errors.Is(err, errSkip):
					if fail == nil {
						fail = err
					}
				case errors.Is(err, errSkip):
					// A file that no longer parses loses its old chunks:
					// they would cite text that is not in it any more.
					rep.Skipped = append(rep.Skipped, errors.Unwrap(err))
					if j.prev != nil {
						ix.removeSegment(segDir, j.file.Source)
						rep.Removed = append(rep.Removed, j.file.Source)
					}
				case err == nil:
					ix.segs[j.file.Source] = seg
					if j.prev == nil {
						rep.Added = append(rep.Added, j.file.Source)
					} else {
						rep.Updated = append(rep.Updated, j.file.Source)
					}
				}
				done++
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()

	for src := range ix.segs {
		if !present[src] && ix.fileGone(corpus, src) {
			ix.removeSegment(segDir, src)
			rep.Removed = append(rep.Removed, src)
		}
	}
	if err := syncDir(segDir); err != nil {
		ix.log.Warn("syncing index directory", "err", err)
	}
	sort.Strings(rep.Added)
	sort.Strings(rep.Updated)
	sort.Strings(rep.Removed)
	// Publish whatever was finished, even when the sync was cut short, so
	// the index in memory matches the one on disk.
	if rep.Changed() || ix.snap.Load() == nil {
		if err := ix.publish(); err != nil {
			return rep, err
		}
	}
	st := ix.Stats()
	rep.Articles, rep.Chunks = st.Articles, st.Chunks
	if fail != nil {
		return rep, fail
	}
	return rep, ctx.Err()
}

// contentHash identifies a file's content.
func contentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// fileGone reports whether source has left the corpus (as opposed to
// being skipped this time, e.g. for being unreadable).
func (ix *Index) fileGone(corpus, source string) bool {
	_, err := os.Stat(filepath.Join(corpus, filepath.FromSlash(source)))
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	// Still there but no longer listed: renamed to an unsupported type,
	// grown past the size limit, or hidden. Either way it is not coverage.
	return err == nil
}

func (ix *Index) removeSegment(segDir, source string) {
	delete(ix.segs, source)
	if err := os.Remove(filepath.Join(segDir, segmentName(source))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		ix.log.Warn("removing index segment", "source", source, "err", err)
	}
}

// errSkip wraps the reason a file is not indexed.
var errSkip = errors.New("skipped")

type skipError struct{ err error }

func (e skipError) Error() string { return e.err.Error() }
func (e skipError) Unwrap() error { return e.err }
func (e skipError) Is(target error) bool {
	return target == errSkip
}

// build parses, chunks, analyses and embeds one file.
func (ix *Index) build(ctx context.Context, corpus string, f CorpusFile) (*segment, error) {
	data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(f.Source)))
	if err != nil {
		return nil, skipError{fmt.Errorf("skipping %s: %w", f.Source, err)}
	}
	hash := contentHash(data)
	a, err := ParseArticle(f.Source, data)
	if err != nil {
		return nil, skipError{fmt.Errorf("skipping %w", err)} // err names the file
	}
	chunks := ChunkArticle(a, ix.opt.Chunk)
	if len(chunks) == 0 {
		return nil, skipError{fmt.Errorf("skipping %s: no text", f.Source)}
	}
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = embedText(c)
	}
	vecs, err := ix.opt.Embedder.Embed(ctx, texts)
	if err != nil {
		return nil, fmt.Errorf("embedding %s: %w", f.Source, err)
	}
	if len(vecs) != len(chunks) {
		return nil, fmt.Errorf("embedding %s: got %d vectors for %d chunks", f.Source, len(vecs), len(chunks))
	}
	dim := len(vecs[0])
	for _, v := range vecs {
		if len(v) != dim || dim == 0 {
			return nil, fmt.Errorf("embedding %s: vectors of unequal or zero dimension", f.Source)
		}
	}
	info := ArticleInfo{
		Source: f.Source, Title: a.Title, Date: a.Date, Dateline: a.Dateline, Agency: a.Agency,
		Bylines: a.Bylines, Passages: len(chunks),
	}
	s := &segment{
		Info: info, Version: segVersion, Source: f.Source, Hash: hash, Size: f.Size, ModTime: f.ModTime,
		Embedder: ix.opt.Embedder.ID(), Chunking: ix.chunkingID(), Dim: dim,
		Chunks: chunks, Vectors: encodeVectors(vecs, dim),
		TermIDs: make([][]uint32, len(chunks)), TermTFs: make([][]uint16, len(chunks)), DocLens: make([]int32, len(chunks)),
	}
	vocab := make(map[string]uint32)
	extra := append(ix.terms.Terms(a.Title), ix.terms.Terms(sourceWords(f.Source))...)
	for i, c := range chunks {
		terms := append(ix.terms.Terms(c.Text), extra...)
		s.TermIDs[i], s.TermTFs[i] = termCounts(terms, vocab, &s.Vocab)
		s.DocLens[i] = int32(len(terms))
	}
	return s, nil
}

// embedText is what is embedded for a chunk: its title gives passages
// that say only "he said" their topic.
func embedText(c Chunk) string {
	if c.N == 0 || c.Title == "" {
		return c.Text
	}
	return c.Title + "\n" + c.Text
}

// sourceWords turns a path like "2008/02/nato-canada_troops.txt" into
// words, so that a search can name an article by its file name.
func sourceWords(source string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '_' || r == '-' || r == '.' {
			return ' '
		}
		return r
	}, strings.TrimSuffix(source, filepath.Ext(source)))
}

// publish builds a snapshot of the current segments and makes it the one
// searches see.
func (ix *Index) publish() error {
	sources := make([]string, 0, len(ix.segs))
	n := 0
	for src, s := range ix.segs {
		if ix.current(s) {
			sources = append(sources, src)
			n += len(s.Chunks)
		}
	}
	sort.Strings(sources)
	emb := ix.opt.Embedder
	db := chromem.NewDB()
	coll, err := db.CreateCollection("chunks", nil, func(ctx context.Context, text string) ([]float32, error) {
		v, err := emb.Embed(ctx, []string{text})
		if err != nil {
			return nil, err
		}
		return v[0], nil
	})
	if err != nil {
		return err
	}
	snap := &snapshot{coll: coll, chunks: make([]Chunk, 0, n), byID: make(map[string]int32, n), articles: make([]ArticleInfo, 0, len(sources))}
	kb := newKeywordBuilder(n)
	ctx := context.Background()
	for _, src := range sources {
		s := ix.segs[src]
		snap.articles = append(snap.articles, s.Info)
		base := int32(len(snap.chunks))
		vecs := s.vectors()
		for i, c := range s.Chunks {
			snap.byID[c.ID] = base + int32(i)
			snap.chunks = append(snap.chunks, c)
			if err := coll.AddDocument(ctx, chromem.Document{ID: c.ID, Embedding: vecs[i]}); err != nil {
				return fmt.Errorf("adding %s to the vector store: %w", c.ID, err)
			}
		}
		kb.add(s, base)
	}
	snap.keywords = kb.build()
	ix.snap.Store(snap)
	return nil
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
