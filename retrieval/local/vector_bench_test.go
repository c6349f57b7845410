package local

import (
	"math/rand/v2"
	"testing"
)

func BenchmarkNearest(b *testing.B) {
	const n, dim = 150000, 384
	r := rand.New(rand.NewPCG(1, 2))
	vecs := make([]float32, n*dim)
	for i := range vecs {
		vecs[i] = r.Float32() - 0.5
	}
	q := vecs[:dim]
	for b.Loop() {
		nearest(vecs, dim, n, q, 64, nil)
	}
}

func TestDot(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 31, 32, 33, 64, 100, 384, 1536} {
		a, b := make([]float32, n), make([]float32, n)
		for i := range a {
			a[i], b[i] = r.Float32()-0.5, r.Float32()-0.5
		}
		var want float64
		for i := range a {
			want += float64(a[i]) * float64(b[i])
		}
		if got := float64(dot(a, b)); got-want > 1e-4 || want-got > 1e-4 {
			t.Errorf("dot of %d = %v, want %v", n, got, want)
		}
	}
}
