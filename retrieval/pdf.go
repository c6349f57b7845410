package retrieval

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// ErrNoTextLayer is the reason a PDF without text (a scan) is skipped:
// newsbot reads the text layer of a PDF, it does not read images.
var ErrNoTextLayer = errors.New("no text layer (a scanned PDF? only its text is read, not images)")

// parsePDF sets a.Text to the text layer of a PDF, one line of the page
// per line of text, page after page, and a.Pages to the line of Text each
// page starts at, so that a line of Text can be cited as a page and a line
// of that page (PageLine). The title comes from the document information
// or a first line set larger than the body; the creation date is the date
// when nothing else gives one (see ParseArticle).
func parsePDF(a *Article, data []byte) (created time.Time, err error) {
	// The library panics on some malformed files; such a file is skipped
	// like any other broken article.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return time.Time{}, fmt.Errorf("reading PDF: %w", err)
	}
	var text strings.Builder
	line := 1
	var first pdfLine
	var sizes []float64
	for p := 1; p <= r.NumPage(); p++ {
		a.Pages = append(a.Pages, line)
		for _, l := range pdfPageLines(r.Page(p)) {
			if line > 1 {
				text.WriteByte('\n')
			}
			text.WriteString(l.text)
			if first.text == "" {
				first = l
			}
			sizes = append(sizes, l.size)
			line++
		}
	}
	a.Text = text.String()
	if strings.IndexFunc(a.Text, isWordRune) < 0 {
		return time.Time{}, ErrNoTextLayer
	}
	info := r.Trailer().Key("Info")
	if t := cleanTitle(info.Key("Title").Text()); usablePDFTitle(t) {
		a.Title = t
	} else if len(sizes) > 2 {
		// A headline is set larger than the text it heads.
		slices.Sort(sizes)
		if median := sizes[len(sizes)/2]; first.size > 1.15*median && len(SplitSentences(first.text)) == 1 {
			a.Title = cleanTitle(first.text)
		}
	}
	created, _ = pdfDate(info.Key("CreationDate").Text())
	return created, nil
}

// fileNameTitleRe matches document-information titles that only repeat a
// file name ("report.docx", "Microsoft Word - report.doc").
var fileNameTitleRe = regexp.MustCompile(`(?i)\.[a-z0-9]{2,5}$|^microsoft \w+ - `)

func usablePDFTitle(t string) bool {
	return strings.IndexFunc(t, isWordRune) >= 0 && !fileNameTitleRe.MatchString(t) && !strings.EqualFold(t, "untitled")
}

// pdfLine is one line of a page's text and its largest font size.
type pdfLine struct {
	text string
	size float64
}

// pdfPageLines reads the text of a page as lines: glyphs are taken in the
// order the page draws them (reading order in the PDFs that newsrooms
// export), a move to another baseline starts a new line, and a gap wider
// than a narrow space between glyphs becomes a space.
func pdfPageLines(p pdf.Page) []pdfLine {
	if p.V.IsNull() {
		return nil
	}
	var lines []pdfLine
	var cur strings.Builder
	var size float64
	var prev *pdf.Text
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			lines = append(lines, pdfLine{text: t, size: size})
		}
		cur.Reset()
		size = 0
	}
	glyphs := p.Content().Text
	for i := range glyphs {
		g := &glyphs[i]
		if g.S == "" {
			continue
		}
		if prev != nil {
			tol := math.Max(1, 0.4*math.Max(g.FontSize, prev.FontSize))
			switch {
			case math.Abs(g.Y-prev.Y) > tol:
				flush()
			case g.X < prev.X-tol || (prev.W > 0 && g.X > prev.X+prev.W+0.15*g.FontSize):
				cur.WriteByte(' ')
			}
		}
		cur.WriteString(g.S)
		size = math.Max(size, g.FontSize)
		prev = g
	}
	flush()
	return lines
}

// pdfDate parses a PDF date string, "D:20090613142500+02'00'" or a prefix
// of it down to the year.
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	digits := 0
	for digits < len(s) && digits < 14 && '0' <= s[digits] && s[digits] <= '9' {
		digits++
	}
	switch {
	case digits >= 8:
		if t, err := time.Parse("20060102", s[:8]); err == nil && plausibleYear(t.Year()) {
			return t, true
		}
	case digits >= 4:
		if t, err := time.Parse("2006", s[:4]); err == nil && plausibleYear(t.Year()) {
			return t, true
		}
	}
	return time.Time{}, false
}

// PageLine turns line, a line of an article's text, into the page it is on
// and its line on that page, given the line each page starts at
// (Article.Pages). Without pages, it is page 0 and the line itself.
func PageLine(pages []int, line int) (page, pageLine int) {
	if len(pages) == 0 || line <= 0 {
		return 0, line
	}
	// The last page starting at or before line: a page without text starts
	// where the next one does, and holds no line.
	i, _ := slices.BinarySearch(pages, line+1)
	if i == 0 {
		return 1, line
	}
	return i, line - pages[i-1] + 1
}

// PassageLabel says where lines first to last of source are, as citations
// print it: "file.txt:5-9", or for a PDF with the given page starts
// "report.pdf:p3:12-14" ("report.pdf:p3:40-p4:2" across a page break).
func PassageLabel(source string, pages []int, first, last int) string {
	p1, l1 := PageLine(pages, first)
	p2, l2 := PageLine(pages, last)
	switch {
	case p1 == 0 && last > first:
		return fmt.Sprintf("%s:%d-%d", source, first, last)
	case p1 == 0:
		return fmt.Sprintf("%s:%d", source, first)
	case p2 != p1:
		return fmt.Sprintf("%s:p%d:%d-p%d:%d", source, p1, l1, p2, l2)
	case l2 > l1:
		return fmt.Sprintf("%s:p%d:%d-%d", source, p1, l1, l2)
	}
	return fmt.Sprintf("%s:p%d:%d", source, p1, l1)
}
