package retrieval

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
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
	// NoExpansion turns off adding to a search's keywords the terms its
	// words keep company with in the coverage (see Associations).
	NoExpansion bool
	// ExpandMinSentences is the least coverage, in sentences, whose
	// associations expand searches; 0 means DefaultExpandMinSentences.
	ExpandMinSentences int
	Logger             *slog.Logger // nil discards
	// OnWait, when non-nil, is called when a sync has to wait for another
	// writer's sync of the same store (another process, or another Index)
	// to finish, so that the wait can be explained.
	OnWait func()
	// OnBuild, when non-nil, is called when a sync starts building a
	// store's search indexes (see Builder), which can take minutes.
	OnBuild func(passages int64)
}

// Index is a durable, incrementally updated hybrid index of a corpus, kept
// in a Store. Searches never see a half-applied article and never wait for
// a sync.
type Index struct {
	store Store
	opt   Options
	log   *slog.Logger
	terms *Analyzer // caches stems across syncs and queries
	model string    // what Indexed.Model this index builds and reads

	syncMu sync.Mutex // one sync at a time in this process
	lockMu sync.Mutex
	locks  int    // nested holds of the store's writer lock
	unlock func() // releases it

	corpus atomic.Value // string: the folder last synced, which Library reads
	vocabCache
	assocCache
}

// New returns an Index kept in store. The Index owns the store: Close
// closes it.
func New(store Store, opt Options) (*Index, error) {
	if opt.Embedder == nil {
		return nil, errors.New("open index: no embedder")
	}
	if opt.Chunk == (ChunkOptions{}) {
		opt.Chunk = DefaultChunkOptions()
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.ExpandMinSentences <= 0 {
		opt.ExpandMinSentences = DefaultExpandMinSentences
	}
	if opt.VectorWeight <= 0 || opt.VectorWeight > 1 {
		opt.VectorWeight = DefaultVectorWeight
	}
	ix := &Index{store: store, opt: opt, log: opt.Logger, terms: NewAnalyzer()}
	ix.model = fmt.Sprintf("%s|chunks:%d/%d/l%d", opt.Embedder.ID(), opt.Chunk.TargetChars, opt.Chunk.OverlapSentences, loaderVersion)
	return ix, nil
}

// Warnings returns the problems found when the index was opened.
func (ix *Index) Warnings() []error { return ix.store.Warnings() }

// Close releases the index and its store. Searches after Close are not
// allowed.
func (ix *Index) Close() error {
	ix.closeAssociations()
	return ix.store.Close()
}

// Store returns the store the index is kept in.
func (ix *Index) Store() Store { return ix.store }

// statTimeout bounds the store queries behind Stats and Articles, which
// have no context of their own.
const statTimeout = 30 * time.Second

// Stats describes the index as it is now.
func (ix *Index) Stats() Stats {
	ctx, cancel := context.WithTimeout(context.Background(), statTimeout)
	defer cancel()
	a, c, err := ix.store.Counts(ctx, ix.model)
	if err != nil {
		ix.log.Warn("counting the index", "err", err)
	}
	return Stats{Articles: a, Chunks: c, Embedder: ix.opt.Embedder.ID()}
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
	Pages    []int     `json:"pages,omitempty"` // a PDF's page starts (Article.Pages)
}

// Articles describes the indexed articles, by source.
func (ix *Index) Articles() []ArticleInfo {
	ctx, cancel := context.WithTimeout(context.Background(), statTimeout)
	defer cancel()
	a, err := ix.store.Articles(ctx, ix.model)
	if err != nil {
		ix.log.Warn("listing the index's articles", "err", err)
	}
	return a
}

// lock takes the store's writer lock, or counts one more hold of it when
// this Index has it already (a /reindex during the watcher's sync, which
// then waits its turn on syncMu rather than for another process).
func (ix *Index) lock(ctx context.Context, wait bool) (func(), error) {
	ix.lockMu.Lock()
	defer ix.lockMu.Unlock()
	if ix.locks == 0 {
		unlock, err := ix.store.Lock(ctx, wait)
		if err != nil {
			return nil, err
		}
		ix.unlock = unlock
	}
	ix.locks++
	var once sync.Once
	return func() {
		once.Do(func() {
			ix.lockMu.Lock()
			defer ix.lockMu.Unlock()
			if ix.locks--; ix.locks == 0 {
				ix.unlock()
				ix.unlock = nil
			}
		})
	}, nil
}
