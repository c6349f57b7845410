package retrieval

import "time"

// SearchOptions narrows and sizes a search.
type SearchOptions struct {
	K            int       // results wanted; 0 means 5
	SourcePrefix string    // only sources whose path starts with this
	After        time.Time // only articles dated on or after this (undated ones are excluded when set)
	Before       time.Time // only articles dated before this
}

// Result is one retrieved passage.
type Result struct {
	Chunk
	Score        float64 `json:"score"`         // fused score, higher is better
	VectorScore  float64 `json:"vector_score"`  // cosine similarity
	KeywordScore float64 `json:"keyword_score"` // BM25
}
