package retrieval

import (
	"context"
	"slices"
	"time"
)

// The store seam. An Index does everything that does not depend on where
// passages are kept: listing the corpus, deciding what changed, parsing,
// chunking, analysing and embedding, fusing the two rankings of a search
// and removing near duplicates. A Store keeps what that produces and runs
// the two retrievals (nearest vectors and BM25) over it. Two live beside
// this package: retrieval/local (files in a folder, the default) and
// retrieval/postgres (Postgres with pgvector, shared by many processes).

// Store is where an Index keeps its articles.
type Store interface {
	Writer
	Reader
	// Warnings returns the problems found when the store was opened
	// (damaged files that will be rebuilt, for instance).
	Warnings() []error
	Close() error
}

// Writer is what a sync needs from a store. A sync calls Lock first and
// the unlock function last; between them it calls Put, Touch and Remove
// for each changed article and Commit once, even when it was cut short.
type Writer interface {
	// Lock excludes other writers, in this process and in others, until
	// unlock is called. It fails with ErrLocked when another writer holds
	// the store and wait is false.
	Lock(ctx context.Context, wait bool) (unlock func(), err error)
	// Manifest returns the state of every stored article.
	Manifest(ctx context.Context) ([]FileState, error)
	// Put stores an article, replacing any previous version of its
	// source, so that a crash leaves either the old or the new version.
	Put(ctx context.Context, a *Indexed) error
	// Touch records a new size and modification time for an article
	// whose content did not change.
	Touch(ctx context.Context, st FileState) error
	// Remove drops an article.
	Remove(ctx context.Context, source string) error
	// Commit makes what was put and removed since the last Commit
	// visible to searches.
	Commit(ctx context.Context) error
}

// A Builder is a Store with slow work left after a sync's commit: the
// Postgres store builds the search indexes of a model's first load there.
// Sync runs Build with its own context, so that Ctrl-C stops it; the next
// sync does what is left, and until then searches give the same results,
// only slower.
type Builder interface {
	// Build does the work left; start, when non-nil, is called before
	// anything slow begins, with the number of passages it covers.
	Build(ctx context.Context, start func(passages int64)) error
}

// Reader is what searches need from a store. Only the articles stored
// with the given model (see Indexed) are ever seen: vectors of two
// embedders are never mixed.
type Reader interface {
	// Search returns the passages nearest to q.Vector and the best by
	// BM25 for q.Terms, up to q.Depth of each, best first.
	Search(ctx context.Context, q Query) (vector, keyword []Hit, err error)
	// Articles describes the stored articles, by source.
	Articles(ctx context.Context, model string) ([]ArticleInfo, error)
	// Counts returns how many articles and passages are stored.
	Counts(ctx context.Context, model string) (articles, passages int, err error)
	// Generation changes whenever a Commit (by any process) changed the
	// store; it is cheap, so readers poll it.
	Generation(ctx context.Context) (uint64, error)
	// HasTerms reports whether every one of terms is a keyword term of
	// some stored passage.
	HasTerms(ctx context.Context, model string, terms []string) (bool, error)
}

// ErrLocked is returned by Writer.Lock when another writer holds the store.
var ErrLocked = lockedError{}

type lockedError struct{}

func (lockedError) Error() string { return "the index is being updated by another process" }

// FileState identifies the version of a source file an article was built
// from, and how.
type FileState struct {
	Source  string
	Hash    string // hex SHA-256 of the file's bytes
	Size    int64
	ModTime time.Time
	Model   string // the embedder and chunking it was built with
}

// Indexed is one article as a sync built it: its passages, their vectors
// and their keyword terms.
type Indexed struct {
	FileState
	Info    ArticleInfo
	Chunks  []Chunk
	Dim     int
	Vectors []float32 // len(Chunks)*Dim, L2-normalised rows
	Vocab   []string  // distinct keyword terms of the article
	TermIDs [][]uint32
	TermTFs [][]uint16 // counts of TermIDs, per chunk
	Lens    []int32    // keyword terms per chunk
}

// Vector returns chunk i's embedding.
func (a *Indexed) Vector(i int) []float32 {
	return a.Vectors[i*a.Dim : (i+1)*a.Dim : (i+1)*a.Dim]
}

// Query is one search as a store runs it.
type Query struct {
	Model  string
	Vector []float32 // the query's embedding
	Terms  []string  // its keyword terms, possibly repeated
	// Expansion are terms added to Terms for their company in the
	// coverage (see Associations), each scoring a fraction of BM25. A
	// store may ignore them: then it searches as before.
	Expansion []Expansion
	Depth     int // results wanted from each ranking
	Filter    Filter
}

// Filter narrows a search. The zero Filter keeps everything.
type Filter struct {
	SourcePrefix string
	Sources      []string  // when not nil, only these sources (sorted)
	After        time.Time // dated on or after; undated passages are excluded when set
	Before       time.Time // dated before; undated passages are excluded when set
}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool {
	return f.SourcePrefix == "" && f.Sources == nil && f.After.IsZero() && f.Before.IsZero()
}

// Keep reports whether a passage of source dated date passes f.
func (f Filter) Keep(source string, date time.Time) bool {
	if len(source) < len(f.SourcePrefix) || source[:len(f.SourcePrefix)] != f.SourcePrefix {
		return false
	}
	if f.Sources != nil {
		if _, ok := slices.BinarySearch(f.Sources, source); !ok {
			return false
		}
	}
	if !f.After.IsZero() && (date.IsZero() || date.Before(f.After)) {
		return false
	}
	if !f.Before.IsZero() && (date.IsZero() || !date.Before(f.Before)) {
		return false
	}
	return true
}

// Hit is one passage found by one ranking.
type Hit struct {
	Chunk
	Score float64 // cosine similarity, or BM25
}

// BM25 parameters: the usual defaults, which suit news passages of a few
// hundred words. Every store scores with them, the same way:
// idf = ln(1 + (N-df+0.5)/(df+0.5)) over the model's passages, and
// tf*(k1+1)/(tf + k1*(1-b+b*len/avglen)).
const (
	BM25K1 = 1.2
	BM25B  = 0.75
)
