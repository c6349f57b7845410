package local

import (
	"math"
	"sort"

	"github.com/newsbot/newsbot/retrieval"
)

const (
	bm25K1 = retrieval.BM25K1
	bm25B  = retrieval.BM25B
)

// posting is one chunk's count of a term.
type posting struct {
	doc int32
	tf  uint16
}

// keywordIndex is an immutable BM25 index over the chunks of a snapshot.
type keywordIndex struct {
	terms  map[string]int32 // term -> postings list
	lists  [][]posting
	lens   []int32
	avgLen float64
}

// keywordBuilder accumulates segments into a keywordIndex.
type keywordBuilder struct {
	ix    keywordIndex
	total int64
}

func newKeywordBuilder(chunks int) *keywordBuilder {
	return &keywordBuilder{ix: keywordIndex{terms: make(map[string]int32), lens: make([]int32, 0, chunks)}}
}

// add appends the chunks of s, which become documents base, base+1, ...
func (b *keywordBuilder) add(s *segment, base int32) {
	ids := make([]int32, len(s.Vocab))
	for i, t := range s.Vocab {
		id, ok := b.ix.terms[t]
		if !ok {
			id = int32(len(b.ix.lists))
			b.ix.terms[t] = id
			b.ix.lists = append(b.ix.lists, nil)
		}
		ids[i] = id
	}
	for c := range s.Chunks {
		doc := base + int32(c)
		for j, local := range s.TermIDs[c] {
			id := ids[local]
			b.ix.lists[id] = append(b.ix.lists[id], posting{doc: doc, tf: s.TermTFs[c][j]})
		}
		b.ix.lens = append(b.ix.lens, s.DocLens[c])
		b.total += int64(s.DocLens[c])
	}
}

func (b *keywordBuilder) build() *keywordIndex {
	if n := len(b.ix.lens); n > 0 {
		b.ix.avgLen = float64(b.total) / float64(n)
	}
	return &b.ix
}

// scored is a document and its score.
type scored struct {
	doc   int32
	score float64
}

// search returns up to n documents by BM25 score for the query terms,
// best first, considering only documents allowed by keep (nil keeps all).
func (ix *keywordIndex) search(query []string, n int, keep func(int32) bool) []scored {
	if n <= 0 || len(ix.lens) == 0 {
		return nil
	}
	N := float64(len(ix.lens))
	acc := make(map[int32]float64)
	seen := make(map[string]bool, len(query))
	for _, t := range query {
		if seen[t] {
			continue
		}
		seen[t] = true
		id, ok := ix.terms[t]
		if !ok {
			continue
		}
		list := ix.lists[id]
		df := float64(len(list))
		idf := math.Log(1 + (N-df+0.5)/(df+0.5))
		for _, p := range list {
			if keep != nil && !keep(p.doc) {
				continue
			}
			tf := float64(p.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(ix.lens[p.doc])/ix.avgLen)
			acc[p.doc] += idf * tf * (bm25K1 + 1) / (tf + norm)
		}
	}
	out := make([]scored, 0, len(acc))
	for d, s := range acc {
		out = append(out, scored{d, s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].doc < out[j].doc
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
