package local

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// TestKeywordBM25 scores hand-made term lists by hand, with the passages
// in the changes (chromem-go side) and compacted into the base.
func TestKeywordBM25(t *testing.T) {
	for _, compactAt := range []int{1000, 1} {
		st, err := Open(t.TempDir(), Options{CompactAt: compactAt})
		if err != nil {
			t.Fatal(err)
		}
		docs := [][]string{
			{"troop", "canada", "troop"},
			{"canada", "budget"},
			{"storm", "florida", "wind", "storm"},
		}
		for i, terms := range docs {
			a := &retrieval.Indexed{
				FileState: retrieval.FileState{Source: string(rune('a' + i)), Model: "m", ModTime: time.Unix(0, 0)},
				Chunks:    []retrieval.Chunk{{ID: string(rune('a'+i)) + "#0", Source: string(rune('a' + i)), Text: "x"}},
				Dim:       1, Vectors: []float32{1}, TermIDs: make([][]uint32, 1), TermTFs: make([][]uint16, 1),
				Lens: []int32{int32(len(terms))},
			}
			a.TermIDs[0], a.TermTFs[0] = localCounts(terms, &a.Vocab)
			if err := st.Put(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Commit(context.Background()); err != nil {
			t.Fatal(err)
		}
		s, err := st.snapshot("m")
		if err != nil {
			t.Fatal(err)
		}
		if (s.base != nil) != (compactAt == 1) {
			t.Fatalf("compactAt %d: base %v", compactAt, s.base != nil)
		}
		got := s.bm25([]string{"troop"}, 10, nil)
		if len(got) != 1 || got[0].doc != 0 {
			t.Fatalf("bm25(troop) = %v, want only doc 0", got)
		}
		// Hand computation: N=3, df=1, idf=ln(1+(3-1+0.5)/1.5); tf=2, len=3, avg=3.
		idf := math.Log(1 + 2.5/1.5)
		want := idf * 2 * (retrieval.BM25K1 + 1) / (2 + retrieval.BM25K1)
		if math.Abs(got[0].score-want) > 1e-9 {
			t.Errorf("score(troop) = %v, want %v", got[0].score, want)
		}
		got = s.bm25([]string{"canada", "troop"}, 10, nil)
		if len(got) != 2 || got[0].doc != 0 || got[1].doc != 1 {
			t.Errorf("bm25(canada troop) = %v, want doc 0 then doc 1", got)
		}
		got = s.bm25([]string{"canada"}, 10, func(d int32) bool { return d != 0 })
		if len(got) != 1 || got[0].doc != 1 {
			t.Errorf("bm25(canada) without doc 0 = %v, want doc 1", got)
		}
		if got := s.bm25([]string{"absent"}, 10, nil); len(got) != 0 {
			t.Errorf("bm25(absent) = %v, want none", got)
		}
		st.Close()
	}
}

// localCounts gives a one-chunk article's term IDs and counts.
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
