package bot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Citation points a [N] marker of an answer at the lines of a source file.
type Citation struct {
	N      int    `json:"n"`
	Source string `json:"source"` // path relative to the corpus root
	Title  string `json:"title"`
	Lines  [2]int `json:"lines"` // first and last line, 1-based
	Quote  string `json:"quote"` // verbatim text of Source at Lines
}

// Label is where c points: "file.txt:5-6", or "file.txt:5" for a single
// line.
func (c Citation) Label() string {
	first, last := c.Lines[0], c.Lines[1]
	switch {
	case first <= 0:
		return c.Source
	case last <= first:
		return fmt.Sprintf("%s:%d", c.Source, first)
	default:
		return fmt.Sprintf("%s:%d-%d", c.Source, first, last)
	}
}

// ShortTitle is the title of c's article on one line, cut at a word
// boundary: titles taken from a first sentence can be long, and a source
// line should stay one line.
func (c Citation) ShortTitle() string {
	return shortTitle(oneLine(c.Title), 80)
}

// Cited returns the citations whose [n] marker occurs in the answer text,
// once per marker, in the order given.
func (a Answer) Cited() []Citation {
	var out []Citation
	seen := map[int]bool{}
	for _, c := range a.Citations {
		if seen[c.N] || !strings.Contains(a.Text, fmt.Sprintf("[%d]", c.N)) {
			continue
		}
		seen[c.N] = true
		out = append(out, c)
	}
	return out
}

// verify checks each citation's quote against its source file. A quote
// found on other lines gets its lines corrected; one not found at all is
// flagged in the answer's note and logged.
func (b *Bot) verify(a *Answer) {
	if b.corpus == "" {
		return
	}
	files := make(map[string][]string)
	for i := range a.Citations {
		c := &a.Citations[i]
		lines, ok := files[c.Source]
		if !ok {
			data, err := os.ReadFile(filepath.Join(b.corpus, filepath.FromSlash(c.Source)))
			if err != nil {
				b.log.Warn("checking a quote", "source", c.Source, "err", err)
			}
			lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
			files[c.Source] = lines
		}
		if first, last, ok := locate(lines, c.Quote, c.Lines[0]); ok {
			c.Lines = [2]int{first, last}
			continue
		}
		b.log.Warn("quote not found in its source", "source", c.Source, "lines", c.Lines, "quote", c.Quote)
		if a.Note == "" {
			a.Note = fmt.Sprintf("Citation [%d] could not be checked against %s.", c.N, c.Source)
		}
	}
}

// locate finds quote in lines (white space folded, so a quote may span
// lines) preferring the match nearest line near, and returns its first
// and last line numbers.
func locate(lines []string, quote string, near int) (first, last int, ok bool) {
	q := strings.Join(strings.Fields(quote), " ")
	if q == "" {
		return 0, 0, false
	}
	var text strings.Builder
	starts := make([]int, 0, len(lines)) // offset in text where each line starts
	for _, l := range lines {
		starts = append(starts, text.Len())
		if f := strings.Fields(l); len(f) > 0 {
			text.WriteString(strings.Join(f, " "))
			text.WriteByte(' ')
		}
	}
	t := text.String()
	best := -1
	for off := 0; ; {
		i := strings.Index(t[off:], q)
		if i < 0 {
			break
		}
		i += off
		if best < 0 || abs(lineOf(starts, i)-near) < abs(lineOf(starts, best)-near) {
			best = i
		}
		off = i + 1
	}
	if best < 0 {
		return 0, 0, false
	}
	return lineOf(starts, best), lineOf(starts, best+len(q)-1), true
}

// lineOf returns the 1-based line holding offset off.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
