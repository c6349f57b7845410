package local

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	chromem "github.com/philippgille/chromem-go"

	"github.com/newsbot/newsbot/retrieval"
)

// snapshot is one consistent state of the articles of one model: the
// base's passages (0..baseDocs-1, some hidden by later changes) followed by
// the changed articles' passages.
type snapshot struct {
	gen      uint64
	model    string
	base     *base // nil when there is none or it holds another model
	baseDocs int32
	dead     []uint64 // bit per base passage hidden by a change
	deadDocs int
	delta    *deltaIndex
	coll     *chromem.Collection // the delta's vectors
	totalLen int64               // keyword terms of the live passages
	articles []retrieval.ArticleInfo
	accPool  sync.Pool
}

func (s *snapshot) docs() int { return int(s.baseDocs) + len(s.delta.chunks) }

func (s *snapshot) isDead(doc int32) bool {
	return doc < s.baseDocs && s.dead != nil && s.dead[doc>>6]&(1<<(doc&63)) != 0
}

// chunk rebuilds passage doc.
func (s *snapshot) chunk(doc int32) retrieval.Chunk {
	if doc < s.baseDocs {
		return s.base.chunk(doc)
	}
	return s.delta.chunks[doc-s.baseDocs]
}

// snapshot returns the current snapshot of model's articles, building it
// when a commit (by any process) or a change of model made the last one
// stale.
func (st *Store) snapshot(model string) (*snapshot, error) {
	if err := st.refresh(); err != nil {
		return nil, err
	}
	st.mu.Lock()
	gen := st.gen
	st.mu.Unlock()
	if s := st.snap.Load(); s != nil && s.gen == gen && s.model == model {
		return s, nil
	}
	st.snapMu.Lock()
	defer st.snapMu.Unlock()
	if s := st.snap.Load(); s != nil && s.gen == gen && s.model == model {
		return s, nil
	}
	s, err := st.build(model)
	if err != nil {
		return nil, err
	}
	st.snap.Store(s)
	return s, nil
}

// build makes a snapshot of the loaded state for model.
func (st *Store) build(model string) (*snapshot, error) {
	st.mu.Lock()
	b, gen := st.base, st.gen
	changes := make([]*change, 0, len(st.delta))
	for _, c := range st.delta {
		changes = append(changes, c)
	}
	st.mu.Unlock()
	s := &snapshot{gen: gen, model: model, delta: &deltaIndex{byID: map[string]int32{}, terms: map[string][]posting{}}}
	if b != nil && b.meta.Model == model {
		s.base, s.baseDocs, s.totalLen = b, int32(b.meta.Docs), b.meta.TotalLen
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].state.Source < changes[j].state.Source })
	var puts []*change
	for _, c := range changes {
		if s.base != nil {
			if i, ok := s.base.bySource[c.state.Source]; ok {
				a := &s.base.meta.Articles[i]
				if c.kind != kindTouch || c.state.Hash != a.State.Hash {
					s.hide(a)
				}
			}
		}
		if c.kind == kindPut && c.version == segVersion && c.state.Model == model {
			puts = append(puts, c)
		}
	}
	var err error
	if s.coll, err = newCollection(); err != nil {
		return nil, err
	}
	d := s.delta
	var infos []retrieval.ArticleInfo
	for _, c := range puts {
		seg, err := st.segment(c)
		if err != nil {
			return nil, fmt.Errorf("reading the changes of %s: %w", c.state.Source, err)
		}
		infos = append(infos, seg.Info)
		vecs := seg.vectors()
		for i, ch := range seg.Chunks {
			doc := s.baseDocs + int32(len(d.chunks))
			d.byID[ch.ID] = doc
			d.chunks = append(d.chunks, ch)
			d.lens = append(d.lens, seg.DocLens[i])
			s.totalLen += int64(seg.DocLens[i])
			for j, local := range seg.TermIDs[i] {
				t := seg.Vocab[local]
				d.terms[t] = append(d.terms[t], posting{doc: doc, tf: seg.TermTFs[i][j]})
			}
			v := vecs[i*seg.Dim : (i+1)*seg.Dim : (i+1)*seg.Dim]
			if err := s.coll.AddDocument(context.Background(), chromem.Document{ID: ch.ID, Embedding: v}); err != nil {
				return nil, fmt.Errorf("adding %s to the vector store: %w", ch.ID, err)
			}
		}
	}
	if s.base != nil {
		for _, a := range s.base.meta.Articles {
			if _, hidden := st.deltaHides(changes, a.State); !hidden {
				infos = append(infos, a.Info)
			}
		}
	}
	slices.SortFunc(infos, func(a, b retrieval.ArticleInfo) int { return strings.Compare(a.Source, b.Source) })
	s.articles = infos
	return s, nil
}

// deltaHides reports whether a change hides the base's copy of an article.
func (st *Store) deltaHides(sorted []*change, a retrieval.FileState) (*change, bool) {
	i, ok := slices.BinarySearchFunc(sorted, a.Source, func(c *change, src string) int { return strings.Compare(c.state.Source, src) })
	if !ok {
		return nil, false
	}
	c := sorted[i]
	return c, !(c.kind == kindTouch && c.state.Hash == a.Hash)
}

// hide marks the base passages of a as replaced or removed.
func (s *snapshot) hide(a *baseArticle) {
	if s.dead == nil {
		s.dead = make([]uint64, (s.baseDocs+63)/64)
	}
	for d := a.First; d < a.First+a.Count; d++ {
		s.dead[d>>6] |= 1 << (d & 63)
		s.totalLen -= int64(s.base.docs[d].Len)
	}
	s.deadDocs += int(a.Count)
}

// Search runs both rankings of q over the current snapshot.
func (st *Store) Search(ctx context.Context, q retrieval.Query) (vector, keyword []retrieval.Hit, err error) {
	for {
		s, err := st.snapshot(q.Model)
		if err != nil {
			return nil, nil, err
		}
		if s.base != nil {
			s.base.mu.RLock()
			if s.base.closed { // retired under us: take the new snapshot
				s.base.mu.RUnlock()
				continue
			}
		}
		vector, keyword, err = s.search(ctx, q)
		if s.base != nil {
			s.base.mu.RUnlock()
		}
		return vector, keyword, err
	}
}

func (s *snapshot) search(ctx context.Context, q retrieval.Query) (vector, keyword []retrieval.Hit, err error) {
	n := s.docs()
	if n-s.deadDocs <= 0 || q.Depth <= 0 {
		return nil, nil, nil
	}
	keep := s.filter(q.Filter)
	// The base: one pass over its contiguous vectors.
	var best []scored
	if s.base != nil {
		baseKeep := keep
		if s.deadDocs > 0 {
			baseKeep = func(doc int32) bool { return !s.isDead(doc) && (keep == nil || keep(doc)) }
		}
		best = nearest(s.base.vectors, s.base.meta.Dim, int(s.baseDocs), q.Vector, q.Depth, baseKeep)
	}
	// The changes: chromem-go, which errors when asked for more results
	// than it holds and filters metadata only by exact values, so a
	// filtered search asks for all and filters here.
	if m := len(s.delta.chunks); m > 0 {
		want := min(m, q.Depth)
		if keep != nil {
			want = m
		}
		res, err := s.coll.QueryEmbedding(ctx, q.Vector, want, nil, nil)
		if err != nil {
			return nil, nil, fmt.Errorf("vector search: %w", err)
		}
		for _, r := range res {
			doc := s.delta.byID[r.ID]
			if keep == nil || keep(doc) {
				best = append(best, scored{doc, float64(r.Similarity)})
			}
		}
		best = sortScored(best)
	}
	for _, b := range best[:min(len(best), q.Depth)] {
		vector = append(vector, retrieval.Hit{Chunk: s.chunk(b.doc), Score: b.score})
	}
	for _, b := range s.bm25Expanded(q.Terms, q.Expansion, q.Depth, keep) {
		keyword = append(keyword, retrieval.Hit{Chunk: s.chunk(b.doc), Score: b.score})
	}
	return vector, keyword, nil
}

// filter returns the predicate of f over passages, or nil for none.
func (s *snapshot) filter(f retrieval.Filter) func(int32) bool {
	if f.IsZero() {
		return nil
	}
	var keepArticle []bool // by base article
	if s.base != nil {
		keepArticle = make([]bool, len(s.base.meta.Articles))
		for i, a := range s.base.meta.Articles {
			keepArticle[i] = f.Keep(a.State.Source, a.Info.Date)
		}
	}
	return func(doc int32) bool {
		if doc < s.baseDocs {
			return keepArticle[s.base.docs[doc].Article]
		}
		c := &s.delta.chunks[doc-s.baseDocs]
		return f.Keep(c.Source, c.Date)
	}
}

// HasTerms reports whether every term occurs in a live passage of model.
func (st *Store) HasTerms(ctx context.Context, model string, terms []string) (bool, error) {
	s, err := st.snapshot(model)
	if err != nil {
		return false, err
	}
	if s.base != nil {
		s.base.mu.RLock()
		defer s.base.mu.RUnlock()
		if s.base.closed {
			return st.HasTerms(ctx, model, terms)
		}
	}
	for _, t := range terms {
		if len(s.delta.terms[t]) > 0 {
			continue
		}
		found := false
		if s.base != nil {
			docs, _ := s.base.postings(t)
			for _, d := range docs {
				if !s.isDead(int32(d)) {
					found = true
					break
				}
			}
		}
		if !found {
			return false, nil
		}
	}
	return true, nil
}
