package retrieval

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// SearchOptions narrows and sizes a search.
type SearchOptions struct {
	K            int       // results wanted; 0 means 5
	SourcePrefix string    // only sources whose path starts with this
	After        time.Time // only articles dated on or after this (undated ones are excluded when set)
	Before       time.Time // only articles dated before this
}

// Result is one retrieved passage.
type Result struct {
	Chunk
	Score        float64 `json:"score"`         // fused score, higher is better
	VectorScore  float64 `json:"vector_score"`  // cosine similarity
	KeywordScore float64 `json:"keyword_score"` // BM25
}

// DefaultVectorWeight is the share of the vector score in the fused score
// of a search. The two rankings are fused by a convex combination of
// max-normalised scores rather than by reciprocal rank: Bruch, Gai and
// Ingber ("An Analysis of Fusion Functions for Hybrid Retrieval", 2023)
// found it at least as good and more robust, and it keeps the size of a
// lead: a passage that BM25 ranks far ahead on a rare name does not tie
// with one both methods rank vaguely well, as under RRF. The weight suits
// the built-in embedder, whose hashed features carry less meaning than
// BM25 on long documents (on the sotu question set: recall@5 0.78 at 0.25,
// 0.67 at 0.5, 0.33 for vectors alone); a learned embedding deserves more.
const DefaultVectorWeight = 0.25

// Search returns the passages that best match query: the vector ranking
// from chromem-go and the BM25 ranking over stemmed terms, fused, with
// near-duplicate passages removed.
func (ix *Index) Search(ctx context.Context, query string, opt SearchOptions) ([]Result, error) {
	if opt.K <= 0 {
		opt.K = 5
	}
	snap := ix.snap.Load()
	n := len(snap.chunks)
	if n == 0 || strings.TrimSpace(query) == "" {
		return nil, nil
	}
	keep := opt.filter(snap)
	depth := min(n, max(50, 8*opt.K))

	vec, err := ix.opt.Embedder.Embed(ctx, []string{query})
	if err != nil {
		return nil, fmt.Errorf("embedding the query: %w", err)
	}
	// chromem-go errors when asked for more results than it holds, and its
	// metadata filter only matches exact values, so a filtered search asks
	// for everything and filters here.
	vdepth := depth
	if keep != nil {
		vdepth = n
	}
	vres, err := snap.coll.QueryEmbedding(ctx, vec[0], vdepth, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	type fused struct {
		doc          int32
		score        float64
		vec, keyword float64
	}
	acc := make(map[int32]*fused)
	get := func(doc int32) *fused {
		f := acc[doc]
		if f == nil {
			f = &fused{doc: doc}
			acc[doc] = f
		}
		return f
	}
	var maxVec, maxKey float64
	rank := 0
	for _, r := range vres {
		doc := snap.byID[r.ID]
		if keep != nil && !keep(doc) {
			continue
		}
		f := get(doc)
		f.vec = float64(r.Similarity)
		maxVec = max(maxVec, f.vec)
		if rank++; rank >= depth {
			break
		}
	}
	for _, s := range snap.keywords.search(queryTerms(ix.terms, query), depth, keep) {
		f := get(s.doc)
		f.keyword = s.score
		maxKey = max(maxKey, s.score)
	}
	w := ix.opt.VectorWeight
	all := make([]*fused, 0, len(acc))
	for _, f := range acc {
		if maxVec > 0 {
			f.score += w * max(f.vec, 0) / maxVec
		}
		if maxKey > 0 {
			f.score += (1 - w) * f.keyword / maxKey
		}
		all = append(all, f)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].doc < all[j].doc
	})

	var out []Result
	var kept []shingles
	for _, f := range all {
		c := snap.chunks[f.doc]
		sh := newShingles(c.Text)
		if sh.nearDuplicateOf(kept) {
			continue
		}
		kept = append(kept, sh)
		out = append(out, Result{Chunk: c, Score: f.score, VectorScore: f.vec, KeywordScore: f.keyword})
		if len(out) == opt.K {
			break
		}
	}
	return out, nil
}

// DisplayText returns a passage's text for people to read: the block
// separators (U+2029) that HTML extraction leaves between paragraphs on one
// line become spaces, and those before a line break disappear.
func DisplayText(text string) string {
	if !strings.ContainsRune(text, '\u2029') {
		return text
	}
	text = strings.ReplaceAll(text, "\u2029\n", "\n")
	return strings.ReplaceAll(text, "\u2029", " ")
}

// queryTerms are the keyword terms of a query, plus each pair of adjacent
// words run together: wire copy often loses the space between words at
// line ends ("peacekeepingmission"), and the joined pair finds it.
func queryTerms(an *Analyzer, query string) []string {
	terms := an.Terms(query)
	words := strings.FieldsFunc(query, func(r rune) bool { return !unicode.IsLetter(r) })
	for i := 0; i+1 < len(words); i++ {
		if len(words[i]) >= 3 && len(words[i+1]) >= 3 {
			terms = append(terms, an.Terms(words[i]+words[i+1])...)
		}
	}
	return terms
}

// filter returns the predicate for opt's filters, or nil when there are none.
func (opt SearchOptions) filter(snap *snapshot) func(int32) bool {
	if opt.SourcePrefix == "" && opt.After.IsZero() && opt.Before.IsZero() {
		return nil
	}
	prefix := strings.TrimPrefix(opt.SourcePrefix, "./")
	return func(doc int32) bool {
		c := &snap.chunks[doc]
		if !strings.HasPrefix(c.Source, prefix) {
			return false
		}
		if !opt.After.IsZero() && (c.Date.IsZero() || c.Date.Before(opt.After)) {
			return false
		}
		if !opt.Before.IsZero() && (c.Date.IsZero() || !c.Date.Before(opt.Before)) {
			return false
		}
		return true
	}
}

// shingles is the set of word 3-grams of a passage, for spotting near
// duplicates: wire copies of one story, or a passage mostly repeated by
// its neighbour.
type shingles map[string]struct{}

func newShingles(text string) shingles {
	words := strings.Fields(strings.ToLower(text))
	s := make(shingles, len(words))
	for i := 0; i+3 <= len(words); i++ {
		s[strings.Join(words[i:i+3], " ")] = struct{}{}
	}
	return s
}

// nearDuplicateOf reports whether most of s is already in one of others.
func (s shingles) nearDuplicateOf(others []shingles) bool {
	if len(s) == 0 {
		return false
	}
	for _, o := range others {
		common := 0
		for k := range s {
			if _, ok := o[k]; ok {
				common++
			}
		}
		// Containment rather than Jaccard: a short passage wholly inside a
		// longer copy is a duplicate even though the sets differ in size.
		if float64(common) >= 0.8*float64(min(len(s), len(o))) {
			return true
		}
	}
	return false
}
