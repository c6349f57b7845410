package retrieval

import "context"

// Embedder turns texts into vectors. Implementations must be safe for
// concurrent use and return one L2-normalised vector per text, all of the
// same dimension.
type Embedder interface {
	// ID names the embedder, its model and its dimension, e.g.
	// "builtin:hash-v1:512" or "openai:text-embedding-3-small". An index built
	// by one ID is never mixed with vectors from another.
	ID() string
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}
