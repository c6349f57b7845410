package retrieval

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

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

// ChunkOptions sizes chunks.
type ChunkOptions struct {
	TargetChars      int // a chunk grows by whole sentences up to about this size
	OverlapSentences int // sentences repeated from the end of the previous chunk
}

// DefaultChunkOptions returns the chunk sizing used when none is configured.
func DefaultChunkOptions() ChunkOptions {
	return ChunkOptions{TargetChars: 1000, OverlapSentences: 1}
}

// ChunkArticle splits a into chunks of whole sentences.
//
// A chunk takes sentences while it stays within opt.TargetChars; a longer
// sentence is a chunk of its own, and one over four times the target is cut
// at clauses or words as a last resort. Each chunk after the first starts
// with the last opt.OverlapSentences sentences of the previous one when
// they fit in half the target and the chunk stays within the target with
// them; it always adds at least one new sentence. Zero options mean
// DefaultChunkOptions; a zero TargetChars alone means its default.
func ChunkArticle(a *Article, opt ChunkOptions) []Chunk {
	if opt == (ChunkOptions{}) {
		opt = DefaultChunkOptions()
	}
	target := opt.TargetChars
	if target <= 0 {
		target = DefaultChunkOptions().TargetChars
	}
	overlap := max(opt.OverlapSentences, 0)
	sents := splitLong(a.Text, SplitSentences(a.Text), target)
	if len(sents) == 0 {
		return nil
	}
	var chunks []Chunk
	firstLines := lineCounter{text: a.Text}
	lastLines := lineCounter{text: a.Text}
	prevFirst := 0
	for next := 0; next < len(sents); {
		first := next
		if len(chunks) > 0 {
			// Overlap from the previous chunk, never its first sentence (the
			// chunk would then start where the previous one did).
			for k := next - 1; k > prevFirst && next-k <= overlap; k-- {
				if sents[next-1].End-sents[k].Start > target/2 || sents[next].End-sents[k].Start > target {
					break
				}
				first = k
			}
		}
		end := next + 1
		for end < len(sents) && sents[end].End-sents[first].Start <= target {
			end++
		}
		s, e := sents[first].Start, sents[end-1].End
		n := len(chunks)
		chunks = append(chunks, Chunk{
			ID:        a.Source + "#" + strconv.Itoa(n),
			Source:    a.Source,
			Title:     a.Title,
			Date:      a.Date,
			N:         n,
			Start:     s,
			End:       e,
			FirstLine: firstLines.at(s),
			LastLine:  lastLines.at(e - 1),
			Text:      a.Text[s:e],
		})
		prevFirst, next = first, end
	}
	return chunks
}

// splitLong cuts every sentence longer than four times target into pieces
// of about target, at a clause boundary (after ";", ":", ",", a dash) when
// there is one in the second half of the piece, else at a space, else at a
// character.
func splitLong(text string, sents []Span, target int) []Span {
	limit := 4 * target
	out := sents[:0:0]
	for _, s := range sents {
		if s.End-s.Start <= limit {
			out = append(out, s)
			continue
		}
		for start := s.Start; start < s.End; {
			if s.End-start <= target {
				out = append(out, Span{start, s.End})
				break
			}
			cut := clauseCut(text, start, start+target)
			if a, b := trimSpan(text, start, cut); a < b {
				out = append(out, Span{a, b})
			}
			start, _ = trimSpan(text, cut, s.End)
		}
	}
	return out
}

// clauseCut returns where to cut text between start and limit: after the
// last clause mark or else the last space in the second half, else at the
// last character boundary before limit.
func clauseCut(text string, start, limit int) int {
	window := text[start:limit]
	half := len(window) / 2
	for _, mark := range []string{"; ", ": ", " — ", " -- ", ", "} {
		if k := strings.LastIndex(window, mark); k >= half {
			return start + k + len(mark) - 1
		}
	}
	if k := strings.LastIndexFunc(window, unicode.IsSpace); k >= half {
		return start + k
	}
	for limit > start+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	if limit == start+1 && !utf8.RuneStart(text[limit]) {
		_, size := utf8.DecodeRuneInString(text[start:])
		return start + size
	}
	return limit
}

// lineCounter answers LineAt for increasing offsets in time linear in the
// text overall.
type lineCounter struct {
	text string
	off  int
	line int // line of off, less one
}

func (c *lineCounter) at(off int) int {
	off = max(0, min(off, len(c.text)))
	if off < c.off {
		c.off, c.line = 0, 0
	}
	c.line += strings.Count(c.text[c.off:off], "\n")
	c.off = off
	return c.line + 1
}

// LineAt returns the 1-based line number of byte offset off in text.
func LineAt(text string, off int) int {
	off = max(0, min(off, len(text)))
	return strings.Count(text[:off], "\n") + 1
}
