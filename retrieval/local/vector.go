package local

import (
	"runtime"
	"sort"
	"sync"
)

// scored is a passage and its score.
type scored struct {
	doc   int32
	score float64
}

// dotGeneric is dot in Go: four running sums let the CPU overlap the
// multiplications.
func dotGeneric(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// topK keeps the k best of a stream of scored passages.
type topK struct {
	k    int
	heap []scored // a min-heap: the worst kept passage first
}

func (t *topK) push(doc int32, score float64) {
	if len(t.heap) < t.k {
		t.heap = append(t.heap, scored{doc, score})
		for i := len(t.heap) - 1; i > 0; {
			p := (i - 1) / 2
			if !worse(t.heap[i], t.heap[p]) {
				break
			}
			t.heap[i], t.heap[p] = t.heap[p], t.heap[i]
			i = p
		}
		return
	}
	if !worse(t.heap[0], scored{doc, score}) {
		return
	}
	t.heap[0] = scored{doc, score}
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(t.heap) && worse(t.heap[l], t.heap[m]) {
			m = l
		}
		if r < len(t.heap) && worse(t.heap[r], t.heap[m]) {
			m = r
		}
		if m == i {
			break
		}
		t.heap[i], t.heap[m] = t.heap[m], t.heap[i]
		i = m
	}
}

// worse orders passages by score, then later passages first, so that
// ties keep the earlier passage as a sort by (score, doc) would.
func worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.doc > b.doc
}

// sorted returns the kept passages, best first.
func sortScored(s []scored) []scored {
	sort.Slice(s, func(i, j int) bool { return worse(s[j], s[i]) })
	return s
}

// parallelScanMin is the number of passages below which a scan is not
// worth splitting across cores.
const parallelScanMin = 16384

// nearest returns the k rows of vectors (dim wide) most similar to q,
// among rows 0..n-1 that keep allows (nil allows all).
func nearest(vectors []float32, dim, n int, q []float32, k int, keep func(int32) bool) []scored {
	if k <= 0 || n == 0 {
		return nil
	}
	parts := 1
	if n >= parallelScanMin {
		parts = runtime.GOMAXPROCS(0)
	}
	tops := make([]topK, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := &tops[p]
			t.k = k
			for d := lo; d < hi; d++ {
				if keep != nil && !keep(int32(d)) {
					continue
				}
				t.push(int32(d), float64(dot(q, vectors[d*dim:(d+1)*dim])))
			}
		}()
	}
	wg.Wait()
	all := tops[0]
	for _, t := range tops[1:] {
		for _, s := range t.heap {
			all.push(s.doc, s.score)
		}
	}
	return sortScored(all.heap)
}
