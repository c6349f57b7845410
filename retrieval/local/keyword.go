package local

import (
	"math"

	"github.com/newsbot/newsbot/retrieval"
)

// posting is one passage's count of a term.
type posting struct {
	doc int32
	tf  uint16
}

// bm25 scores a snapshot's passages for the query terms: the base's
// memory-mapped postings and the delta's in-memory ones as one index, with
// the statistics (passages, average length, document frequencies) of the
// live passages only. It returns up to n passages, best first, among those
// keep allows (nil allows all).
func (s *snapshot) bm25(query []string, n int, keep func(int32) bool) []scored {
	return s.bm25Expanded(query, nil, n, keep)
}

// bm25Expanded is bm25 with expansion terms, each scoring its weight's
// share of what it would score as a query term.
func (s *snapshot) bm25Expanded(query []string, expansion []retrieval.Expansion, n int, keep func(int32) bool) []scored {
	total := s.docs()
	live := total - s.deadDocs
	if n <= 0 || live <= 0 {
		return nil
	}
	N := float64(live)
	avgLen := float64(s.totalLen) / N
	acc := s.accumulator(total)
	defer s.accPool.Put(acc)
	var touched []int32
	seen := make(map[string]bool, len(query))
	add := func(doc int32, tf uint16, idf float64, docLen int32) {
		if acc[doc] == 0 {
			touched = append(touched, doc)
		}
		t := float64(tf)
		norm := retrieval.BM25K1 * (1 - retrieval.BM25B + retrieval.BM25B*float64(docLen)/avgLen)
		acc[doc] += idf * t * (retrieval.BM25K1 + 1) / (t + norm)
	}
	var baseDocs []uint32
	var baseTFs []uint16
	weights := make([]float64, 0, len(query)+len(expansion))
	for range query {
		weights = append(weights, 1)
	}
	for _, e := range expansion {
		query = append(query[:len(query):len(query)], e.Term)
		weights = append(weights, e.Weight)
	}
	for i, t := range query {
		if seen[t] {
			continue
		}
		seen[t] = true
		if s.base != nil {
			baseDocs, baseTFs = s.base.postings(t)
		}
		var deltaList []posting
		if s.delta != nil {
			deltaList = s.delta.terms[t]
		}
		df := len(baseDocs) + len(deltaList)
		if s.deadDocs > 0 {
			for _, d := range baseDocs {
				if s.isDead(int32(d)) {
					df--
				}
			}
		}
		if df == 0 {
			continue
		}
		idf := weights[i] * math.Log(1+(N-float64(df)+0.5)/(float64(df)+0.5))
		for j, d := range baseDocs {
			doc := int32(d)
			if s.isDead(doc) || (keep != nil && !keep(doc)) {
				continue
			}
			add(doc, baseTFs[j], idf, s.base.docs[doc].Len)
		}
		for _, p := range deltaList {
			if keep != nil && !keep(p.doc) {
				continue
			}
			add(p.doc, p.tf, idf, s.delta.lens[p.doc-s.baseDocs])
		}
	}
	top := topK{k: n}
	for _, d := range touched {
		top.push(d, acc[d])
		acc[d] = 0
	}
	return sortScored(top.heap)
}

// accumulator returns a zeroed score per passage, reused across searches.
func (s *snapshot) accumulator(n int) []float64 {
	if a, ok := s.accPool.Get().([]float64); ok && len(a) == n {
		return a
	}
	return make([]float64, n)
}

// deltaIndex is the searchable form of the articles changed since the
// base: few enough to hold in memory and in a chromem-go collection.
type deltaIndex struct {
	chunks []retrieval.Chunk
	byID   map[string]int32 // snapshot passage number
	terms  map[string][]posting
	lens   []int32
	total  int64
}
