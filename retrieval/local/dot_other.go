//go:build !amd64

package local

// dot is the inner product of two equally long vectors, which for the
// L2-normalised embeddings of an index is their cosine similarity.
func dot(a, b []float32) float32 { return dotGeneric(a, b) }
