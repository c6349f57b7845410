package retrieval

import "time"

// Chunk is a passage of an article: whole sentences, with a small overlap
// with its neighbours, and everything needed to cite it.
type Chunk struct {
	ID        string    `json:"id"`     // Source + "#" + N; stable for a given file content
	Source    string    `json:"source"` // path relative to the corpus root
	Title     string    `json:"title"`
	Date      time.Time `json:"date,omitzero"`
	N         int       `json:"chunk"` // 0-based chunk number within the article
	Start     int       `json:"start"` // byte offsets into Article.Text
	End       int       `json:"end"`
	FirstLine int       `json:"first_line"` // 1-based lines in the source file
	LastLine  int       `json:"last_line"`
	Text      string    `json:"text"` // Article.Text[Start:End]
}

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// ChunkOptions sizes chunks.
type ChunkOptions struct {
	TargetChars      int // a chunk grows by whole sentences up to about this size
	OverlapSentences int // sentences repeated from the end of the previous chunk
}

// DefaultChunkOptions returns the chunk sizing used when none is configured.
func DefaultChunkOptions() ChunkOptions {
	return ChunkOptions{TargetChars: 800, OverlapSentences: 1}
}

// SplitSentences returns the sentences of text in order, trimmed of
// surrounding white space. It never cuts a sentence in the middle of an
// abbreviation (U.S., Mr., Feb.), a number (2,500; 3.5) or a quotation.
func SplitSentences(text string) []Span {
	panic("TODO")
}

// ChunkArticle splits a into chunks of whole sentences.
func ChunkArticle(a *Article, opt ChunkOptions) []Chunk {
	panic("TODO")
}

// LineAt returns the 1-based line number of byte offset off in text.
func LineAt(text string, off int) int {
	panic("TODO")
}
