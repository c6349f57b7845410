package local

import (
	"math"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestKeywordBM25(t *testing.T) {
	// Three one-chunk segments with hand-made term lists.
	docs := [][]string{
		{"troop", "canada", "troop"},
		{"canada", "budget"},
		{"storm", "florida", "wind", "storm"},
	}
	b := newKeywordBuilder(len(docs))
	for i, terms := range docs {
		s := &segment{Chunks: make([]retrieval.Chunk, 1), TermIDs: make([][]uint32, 1), TermTFs: make([][]uint16, 1), DocLens: []int32{int32(len(terms))}}
		s.TermIDs[0], s.TermTFs[0] = localCounts(terms, &s.Vocab)
		b.add(s, int32(i))
	}
	ix := b.build()

	got := ix.search([]string{"troop"}, 10, nil)
	if len(got) != 1 || got[0].doc != 0 {
		t.Fatalf("search(troop) = %v, want only doc 0", got)
	}
	// Hand computation: N=3, df=1, idf=ln(1+(3-1+0.5)/1.5); tf=2, len=3, avg=3.
	idf := math.Log(1 + 2.5/1.5)
	want := idf * 2 * (bm25K1 + 1) / (2 + bm25K1)
	if math.Abs(got[0].score-want) > 1e-9 {
		t.Errorf("score(troop) = %v, want %v", got[0].score, want)
	}
	got = ix.search([]string{"canada", "troop"}, 10, nil)
	if len(got) != 2 || got[0].doc != 0 || got[1].doc != 1 {
		t.Errorf("search(canada troop) = %v, want doc 0 then doc 1", got)
	}
	got = ix.search([]string{"canada"}, 10, func(d int32) bool { return d != 0 })
	if len(got) != 1 || got[0].doc != 1 {
		t.Errorf("search(canada) without doc 0 = %v, want doc 1", got)
	}
	if got := ix.search([]string{"absent"}, 10, nil); len(got) != 0 {
		t.Errorf("search(absent) = %v, want none", got)
	}
}

// localCounts gives a one-chunk segment's term IDs and counts.
func localCounts(terms []string, vocab *[]string) ([]uint32, []uint16) {
	ids := map[string]int{}
	var tfs []uint16
	var order []uint32
	for _, t := range terms {
		i, ok := ids[t]
		if !ok {
			i = len(*vocab)
			ids[t] = i
			*vocab = append(*vocab, t)
			order = append(order, uint32(i))
			tfs = append(tfs, 0)
		}
		tfs[i]++
	}
	return order, tfs
}
