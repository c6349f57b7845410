package retrieval

// SyncReport says what one reindex changed.
type SyncReport struct {
	Added     []string // sources, relative to the corpus root
	Updated   []string
	Removed   []string
	Unchanged int
	Skipped   []error // files that could not be indexed, one error each
	Chunks    int     // chunks in the index after the sync
	Reembed   bool    // everything was re-embedded because the embedder changed
}

// Changed reports whether the sync changed the index.
func (r SyncReport) Changed() bool {
	return len(r.Added)+len(r.Updated)+len(r.Removed) > 0
}

// Stats describes the index.
type Stats struct {
	Articles int
	Chunks   int
	Embedder string // Embedder.ID of the vectors
}
