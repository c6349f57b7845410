package local

import "golang.org/x/sys/cpu"

// useAVX2 says whether dot may use the AVX2 and FMA instructions, eight
// multiply-adds at a time: the vector scan is most of a search.
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

//go:noescape
func dotAVX2(a, b *float32, n int) float32

// dot is the inner product of two equally long vectors, which for the
// L2-normalised embeddings of an index is their cosine similarity.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	n := len(a) &^ 31
	if !useAVX2 || n == 0 {
		return dotGeneric(a, b)
	}
	return dotAVX2(&a[0], &b[0], n) + dotGeneric(a[n:], b[n:])
}
