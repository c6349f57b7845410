package bot

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// Citation points a [N] marker of an answer at the lines of a source file.
type Citation struct {
	N      int    `json:"n"`
	Source string `json:"source"` // path relative to the corpus root
	Title  string `json:"title"`
	Page   int    `json:"page,omitempty"` // page of a PDF, 1-based; Lines are then lines of that page
	Lines  [2]int `json:"lines"`          // first and last line, 1-based
	// Columns place the quote within its lines: the 1-based character
	// column where it starts on the first line and where it ends on the
	// last, so that a reader of a long line (a whole speech on one line)
	// is shown the sentence. Zero when the quote was not checked.
	Columns [2]int `json:"columns,omitzero"`
	Quote   string `json:"quote"` // verbatim text of Source at Lines
	// Date is the publication date of Source, when known: readers weigh
	// a report by its age, and two that differ are often a year apart.
	Date time.Time `json:"date,omitzero"`
	URL  string    `json:"url,omitempty"` // the article view of the citation, when a web server is configured (Options.Link)
}

// LongLine is the length, in characters, past which a line is more than
// a screen: a citation's label then names the columns of its quote too.
const LongLine = 1000

// Label is where c points: "file.txt:5-6", or "file.txt:5" for a single
// line. When the quote ends past the first screen of a long line, the
// columns are named too, as the GNU coding standards write them:
// "file.txt:1.10234-10410", "file.txt:3.1500-4.20". A PDF's citation
// names the page: "report.pdf:p3:12-14".
func (c Citation) Label() string {
	src := c.Source
	if c.Page > 0 {
		src = fmt.Sprintf("%s:p%d", src, c.Page)
	}
	switch {
	case c.Lines[0] <= 0:
		return src
	case max(c.Columns[0], c.Columns[1]) > LongLine:
		return src + ":" + c.Span()
	case c.Lines[1] <= c.Lines[0]:
		return fmt.Sprintf("%s:%d", src, c.Lines[0])
	default:
		return fmt.Sprintf("%s:%d-%d", src, c.Lines[0], c.Lines[1])
	}
}

// Span is c's place in its file with the columns when they are known:
// "5", "5-6", "5.10-80" (line 5, columns 10 to 80) or "5.10-6.20"; ""
// when c names no line. ParseSpan reads it back.
func (c Citation) Span() string {
	first, last := c.Lines[0], max(c.Lines[1], c.Lines[0])
	switch {
	case first <= 0:
		return ""
	case c.Columns[0] <= 0 || c.Columns[1] <= 0:
		if last == first {
			return strconv.Itoa(first)
		}
		return fmt.Sprintf("%d-%d", first, last)
	case last == first:
		return fmt.Sprintf("%d.%d-%d", first, c.Columns[0], c.Columns[1])
	default:
		return fmt.Sprintf("%d.%d-%d.%d", first, c.Columns[0], last, c.Columns[1])
	}
}

// ParseSpan reads what Span writes: lines, and columns when given (zero
// otherwise).
func ParseSpan(s string) (lines, columns [2]int, err error) {
	bad := func() ([2]int, [2]int, error) {
		return [2]int{}, [2]int{}, fmt.Errorf("bad span %q: want LINE, LINE-LINE, LINE.COL-COL or LINE.COL-LINE.COL", s)
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 || s[0] == '+' {
			return -1
		}
		return n
	}
	from, to, ranged := strings.Cut(s, "-")
	fl, fc, hasCol := strings.Cut(from, ".")
	lines[0] = num(fl)
	switch {
	case !ranged && !hasCol:
		lines[1] = lines[0]
	case !ranged:
		return bad()
	case !hasCol:
		lines[1] = num(to)
	default:
		columns[0] = num(fc)
		tl, tc, toCol := strings.Cut(to, ".")
		if toCol {
			lines[1], columns[1] = num(tl), num(tc)
		} else {
			lines[1], columns[1] = lines[0], num(tl)
		}
		if columns[0] < 0 || columns[1] < 0 {
			return bad()
		}
	}
	if lines[0] < 0 || lines[1] < lines[0] || lines[1] == lines[0] && columns[1] < columns[0] {
		return bad()
	}
	return lines, columns, nil
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

// verify checks each citation's quote against the text of its article
// (for a plain-text file, the file itself; line N of the text is line N of
// the file, for every format). A quote found elsewhere gets its lines
// corrected; every quote found gets its columns. One not found at all is
// flagged in the answer's note and logged.
func (b *Bot) verify(a *Answer) {
	if b.corpus == "" {
		return
	}
	type text struct {
		lines []string
		pages []int // a PDF's page starts
	}
	files := make(map[string]text)
	read := func(source string) text {
		f, ok := files[source]
		if !ok {
			art, err := retrieval.ReadArticle(b.corpus, source)
			if err != nil {
				b.log.Warn("checking a quote", "source", source, "err", err)
			} else {
				f = text{strings.Split(art.Text, "\n"), art.Pages}
			}
			files[source] = f
		}
		return f
	}
	// The passages of a PDF are labelled by page (FormatSources).
	for _, p := range a.Passages {
		if !strings.EqualFold(path.Ext(p.Source), ".pdf") {
			continue
		}
		if f := read(p.Source); f.pages != nil {
			if a.pages == nil {
				a.pages = make(map[string][]int)
			}
			a.pages[p.Source] = f.pages
		}
	}
	for i := range a.Citations {
		c := &a.Citations[i]
		f := read(c.Source)
		if at, cols, ok := locate(f.lines, c.Quote, c.Lines[0]); ok {
			c.Lines, c.Columns = at, cols
		} else {
			b.log.Warn("quote not found in its source", "source", c.Source, "lines", c.Lines, "quote", c.Quote)
			if a.Note == "" {
				a.Note = fmt.Sprintf("Citation [%d] could not be checked against %s.", c.N, c.Source)
			}
		}
		if f.pages != nil {
			// Lines of the text become a page and lines of that page; a
			// quote running onto the next page is cited to the end of its
			// first.
			page, first := retrieval.PageLine(f.pages, c.Lines[0])
			endPage, last := retrieval.PageLine(f.pages, c.Lines[1])
			if endPage != page {
				last, c.Columns[1] = f.pages[page]-f.pages[page-1], 0
			}
			c.Page, c.Lines = page, [2]int{first, last}
		}
	}
}

// locate finds quote in lines, white space folded so that a quote may
// span lines, preferring the match nearest line near. It returns the
// first and last line of the match (1-based) and its first and last
// character columns (1-based, in runes) on those lines.
func locate(lines []string, quote string, near int) (at, cols [2]int, ok bool) {
	q := strings.Join(strings.Fields(quote), " ")
	if q == "" {
		return at, cols, false
	}
	// The folded text is the words of every line joined by single spaces;
	// each word remembers where it stands in lines.
	type word struct{ folded, line, off int }
	var text strings.Builder
	var words []word
	for i, l := range lines {
		for off := 0; off < len(l); {
			r, size := utf8.DecodeRuneInString(l[off:])
			if unicode.IsSpace(r) {
				off += size
				continue
			}
			end := off + strings.IndexFunc(l[off:], unicode.IsSpace)
			if end < off {
				end = len(l)
			}
			words = append(words, word{text.Len(), i, off})
			text.WriteString(l[off:end])
			text.WriteByte(' ')
			off = end
		}
	}
	t := text.String()
	// place maps an offset of the folded text, within a word, to a line
	// index and a byte offset in that line.
	place := func(o int) (line, off int) {
		j := sort.Search(len(words), func(j int) bool { return words[j].folded > o }) - 1
		return words[j].line, words[j].off + o - words[j].folded
	}
	best, bestLine := -1, 0
	for off := 0; ; {
		i := strings.Index(t[off:], q)
		if i < 0 {
			break
		}
		i += off
		if line, _ := place(i); best < 0 || abs(line+1-near) < abs(bestLine+1-near) {
			best, bestLine = i, line
		}
		off = i + 1
	}
	if best < 0 {
		return at, cols, false
	}
	fl, fo := place(best)
	ll, lo := place(best + len(q) - 1) // the quote's last byte, which ends its last rune
	at = [2]int{fl + 1, ll + 1}
	cols = [2]int{utf8.RuneCountInString(lines[fl][:fo]) + 1, utf8.RuneCountInString(lines[ll][:lo+1])}
	return at, cols, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
