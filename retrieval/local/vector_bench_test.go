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
