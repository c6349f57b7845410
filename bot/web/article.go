package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// ArticlePath is the path of the article view of source with the place
// at (see At, e.g. "3.10-80") marked and scrolled to; at "" shows the
// article alone.
func ArticlePath(source, at string) string {
	segs := strings.Split(source, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	p := "/articles/" + strings.Join(segs, "/")
	if at != "" {
		p += "?at=" + url.QueryEscape(at) + "#cited"
	}
	return p
}

// At is where c points within its article, as the article view's "at"
// parameter takes it: its Span ("3.10-80"), after its page for a PDF
// ("p2:3.10-80").
func At(c bot.Citation) string {
	if c.Page > 0 && c.Lines[0] > 0 {
		return fmt.Sprintf("p%d:%s", c.Page, c.Span())
	}
	return c.Span()
}

// parseAt reads At's form into lines and columns of the article's text,
// given its page starts (nil but for a PDF).
func parseAt(at string, pages []int) (lines, cols [2]int, err error) {
	page := 0
	if p, rest, ok := strings.Cut(at, ":"); ok && strings.HasPrefix(p, "p") {
		if page, err = strconv.Atoi(p[1:]); err != nil || page < 1 || page > len(pages) {
			return lines, cols, fmt.Errorf("no page %q", p)
		}
		at = rest
	}
	if lines, cols, err = bot.ParseSpan(at); err != nil || page == 0 {
		return lines, cols, err
	}
	lines[0] += pages[page-1] - 1
	lines[1] += pages[page-1] - 1
	return lines, cols, nil
}

// ArticleURL is the address of c's article view, with its quote marked,
// on the server whose public address is base (e.g.
// "https://news.example.org").
func ArticleURL(base string, c bot.Citation) string {
	return strings.TrimRight(base, "/") + ArticlePath(c.Source, At(c))
}

// articlePage is the article view.
type articlePage struct {
	page
	Info    retrieval.ArticleInfo
	Meta    []string // date, outlet, dateline
	Lines   []lineView
	Marked  bool   // the cited span is marked
	Where   string // where the mark is, in words
	Problem string // why a requested span is not marked
}

// lineView is one line of an article, or a run of blank lines (Gap).
type lineView struct {
	N     int // line of the article's text
	Shown int // the line number shown: N, or for a PDF the line of its page
	Page  int // for a PDF's first line of a page, its page number
	Gap   bool
	Cited bool
	Parts []textPart
}

// textPart is a stretch of a line, marked when it is quoted; the first
// mark has the ID "cited", which the page's URL scrolls to.
type textPart struct {
	Text string
	Mark bool
	ID   string
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	info, ok := s.article(r.PathValue("source"))
	if !ok {
		s.notFound(w, r)
		return
	}
	// The file is named by the index's own record of the source, never by
	// the request, and opened within the corpus folder.
	art, err := retrieval.ReadArticle(s.opt.Corpus, info.Source)
	if err != nil {
		s.log.Warn("reading an article", "source", info.Source, "err", err)
		s.errorPage(w, r, http.StatusNotFound, "Article unavailable", "This article is in the index but its file could not be read; it may have been moved or removed.")
		return
	}
	p := articlePage{page: s.page(info.Title), Info: info, Meta: articleMeta(info, true)}
	p.Nav = "articles"
	var lines, cols [2]int
	if at := r.URL.Query().Get("at"); at != "" {
		if lines, cols, err = parseAt(at, art.Pages); err != nil {
			p.Problem = "The link names no valid place in the article (" + at + "), so nothing is marked."
		}
	}
	p.Lines, p.Marked = articleLines(art.Text, art.Pages, lines, cols)
	if p.Marked {
		p.Where = where(r.URL.Query().Get("at"), lines, cols)
	}
	if lines[0] > 0 && !p.Marked {
		p.Problem = "The cited lines are not in the article as it is now: it may have changed since it was cited."
	}
	s.render(w, r, http.StatusOK, "article.html", p)
}

// where says in words where a mark is: "line 1, characters 28596–28846",
// "lines 3–4", or for a PDF "page 2, line 5".
func where(at string, lines, cols [2]int) string {
	var w string
	if p, rest, ok := strings.Cut(at, ":"); ok && strings.HasPrefix(p, "p") {
		w = "page " + p[1:] + ", "
		if l, _, err := bot.ParseSpan(rest); err == nil {
			lines = l
		}
	}
	if lines[1] > lines[0] {
		w += fmt.Sprintf("lines %d–%d", lines[0], lines[1])
	} else {
		w += fmt.Sprintf("line %d", lines[0])
	}
	if lines[1] == lines[0] && cols[0] > 0 && cols[1] > 0 {
		w += fmt.Sprintf(", characters %d–%d", cols[0], cols[1])
	}
	return w
}

// article returns the indexed article whose source is exactly source.
func (s *Server) article(source string) (retrieval.ArticleInfo, bool) {
	arts := s.ix.Articles()
	i := slices.IndexFunc(arts, func(a retrieval.ArticleInfo) bool { return a.Source == source })
	if i < 0 {
		return retrieval.ArticleInfo{}, false
	}
	return arts[i], true
}

// articleLines lays out text by lines, runs of blank lines folded into
// one gap, with lines[0]..lines[1] cited and, within them, the text from
// column cols[0] of the first to cols[1] of the last marked (whole lines
// when the columns are zero). The lines of a PDF (pages, its page starts,
// not nil) are numbered by page, as its citations are. It reports whether
// anything was marked.
func articleLines(text string, pages []int, lines, cols [2]int) ([]lineView, bool) {
	var out []lineView
	marked := false
	page := 0
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if strings.TrimFunc(line, unicode.IsSpace) == "" {
			if len(out) > 0 && !out[len(out)-1].Gap {
				out = append(out, lineView{N: n, Gap: true})
			}
			continue
		}
		v := lineView{N: n, Shown: n, Cited: lines[0] > 0 && lines[0] <= n && n <= lines[1]}
		if pages != nil {
			var p int
			p, v.Shown = retrieval.PageLine(pages, n)
			if p != page {
				v.Page, page = p, p
			}
		}
		if !v.Cited {
			v.Parts = []textPart{{Text: display(line)}}
			out = append(out, v)
			continue
		}
		start, end := 0, len(line)
		if n == lines[0] && cols[0] > 0 {
			start = runeOffset(line, cols[0]-1)
		}
		if n == lines[1] && cols[1] > 0 {
			end = runeOffset(line, cols[1])
		}
		if start >= end { // columns beyond the line: mark it whole
			start, end = 0, len(line)
		}
		mark := textPart{Text: display(line[start:end]), Mark: true}
		if !marked {
			mark.ID = "cited"
			marked = true
		}
		for _, p := range []textPart{{Text: display(line[:start])}, mark, {Text: display(line[end:])}} {
			if p.Text != "" {
				v.Parts = append(v.Parts, p)
			}
		}
		out = append(out, v)
	}
	return out, marked
}

// display turns the paragraph separators that HTML articles keep between
// blocks into line breaks for the page.
func display(s string) string {
	return strings.ReplaceAll(s, "\u2029", "\n")
}

// runeOffset is the byte offset of the n-th rune (0-based) of s, or
// len(s) when s is shorter.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// articleMeta is what the page says of an article beside its title: its
// date and outlet, and with full its dateline.
func articleMeta(a retrieval.ArticleInfo, full bool) []string {
	fields := []string{formatDate(a.Date), a.Agency}
	if full {
		fields = append(fields, a.Dateline)
	}
	var m []string
	for _, f := range fields {
		if f != "" {
			m = append(m, f)
		}
	}
	return m
}

// formatDate writes a date for readers; "" when unknown.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}
