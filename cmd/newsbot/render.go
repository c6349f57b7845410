package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
	"golang.org/x/term"
)

// screen is how answers are written to one output. On a terminal they
// are wrapped to its width at word boundaries, coloured (unless NO_COLOR
// is set or TERM is dumb), and each source is a hyperlink (OSC 8) to its
// file, or to its article view when the web server's address is known.
// Anywhere else (a pipe, a file) the plain format of bot.FormatAnswer is
// kept, which scripts can rely on.
type screen struct {
	tty    bool
	color  bool
	links  bool   // OSC 8 hyperlinks, which a dumb terminal would print
	width  int    // wrap width; 0: no wrapping
	corpus string // absolute corpus folder, for file links
	info   map[string]retrieval.ArticleInfo
}

// newScreen describes w for the app's corpus; articles gives each
// source's date and outlet.
func (a *app) newScreen(w io.Writer, articles []retrieval.ArticleInfo) screen {
	f, ok := w.(*os.File)
	tty := ok && term.IsTerminal(int(f.Fd()))
	width := 0
	if tty {
		width = 80
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
			width = cols
		}
	}
	return makeScreen(tty, width, a.getenv, a.cfg.Corpus, articles)
}

func makeScreen(tty bool, width int, getenv func(string) string, corpus string, articles []retrieval.ArticleInfo) screen {
	s := screen{tty: tty, width: width, info: make(map[string]retrieval.ArticleInfo, len(articles))}
	s.links = tty && getenv("TERM") != "dumb"
	s.color = s.links && getenv("NO_COLOR") == ""
	if abs, err := filepath.Abs(corpus); err == nil {
		s.corpus = abs
	}
	for _, a := range articles {
		a.Title, a.Agency = bot.Plain(a.Title), bot.Plain(a.Agency)
		s.info[bot.Plain(a.Source)] = a
	}
	return s
}

// ANSI styles.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrMarker = "\x1b[1;36m" // bold cyan
	sgrQuote  = "\x1b[1;33m" // bold yellow
)

func (s screen) style(sgr, text string) string {
	if !s.color || text == "" {
		return text
	}
	return sgr + text + sgrReset
}

var markerRe = regexp.MustCompile(`\[\d+\]`)

// clean removes the control characters of untrusted text (articles,
// model output) that a terminal would act on: escape sequences could
// recolour, retitle or clear it, or forge a link. Newlines and tabs stay.
func clean(text string) string {
	return strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			return -1
		}
		return r
	}, text)
}

// answer renders ans: its text, then its sources and note. When streamed
// (the text already shown as it was written) matches the answer, only
// what follows the text is rendered.
func (s screen) answer(ans bot.Answer, streamed string) string {
	ans, streamed = ans.Plain(), bot.Plain(streamed)
	if !s.tty {
		out := bot.FormatAnswer(ans)
		text := strings.TrimSpace(ans.Text)
		switch {
		case streamed == "":
			return out
		case strings.TrimSpace(streamed) == text:
			return strings.TrimPrefix(out, text)
		default:
			return "\n\n" + out
		}
	}
	var b strings.Builder
	text := strings.TrimSpace(ans.Text)
	switch {
	case streamed == "":
		b.WriteString(s.body(clean(text)))
	case strings.TrimSpace(streamed) != text:
		b.WriteString("\n\n" + s.body(clean(text))) // checking changed what was streamed
	}
	if !ans.Refused {
		if cited := uniqueCitations(ans.Citations); len(cited) > 0 {
			b.WriteString("\n\n" + s.style(sgrBold, "Sources"))
			for _, c := range cited {
				b.WriteString("\n" + s.sourceLine(c))
			}
		}
	}
	if note := strings.TrimSpace(ans.Note); note != "" {
		b.WriteString("\n\n" + s.style(sgrDim, wrap(clean(note), s.width)))
	}
	return b.String()
}

// body wraps text and makes its [n] markers stand out.
func (s screen) body(text string) string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrap(para, s.width))
	}
	return markerRe.ReplaceAllStringFunc(strings.Join(out, "\n"), func(m string) string { return s.style(sgrMarker, m) })
}

// sourceLine is "[1] file.txt:5-6  Title · 2009-06-13 · Reuters", the label
// a link to the source.
func (s screen) sourceLine(c bot.Citation) string {
	line := s.style(sgrMarker, fmt.Sprintf("[%d]", c.N)) + " " + s.link(c, clean(c.Label()))
	var parts []string
	if t := c.ShortTitle(); t != "" {
		parts = append(parts, t)
	}
	if info, ok := s.info[c.Source]; ok {
		if !info.Date.IsZero() {
			parts = append(parts, bot.DateLabel(info.Date))
		}
		if info.Agency != "" {
			parts = append(parts, info.Agency)
		}
	}
	if len(parts) > 0 {
		line += "  " + s.style(sgrDim, clean(strings.Join(parts, " · ")))
	}
	return line
}

// link makes text an OSC 8 hyperlink to c's article view, or its file.
func (s screen) link(c bot.Citation, text string) string {
	if !s.links {
		return text
	}
	target := c.URL
	if target == "" && s.corpus != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.corpus, filepath.FromSlash(c.Source)))}
		if c.Page > 0 {
			u.Fragment = fmt.Sprintf("page=%d", c.Page) // PDF viewers open the page
		}
		target = u.String()
	}
	if target == "" {
		return text
	}
	return "\x1b]8;;" + target + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}

// uniqueCitations keeps the first citation of each marker number.
func uniqueCitations(cs []bot.Citation) []bot.Citation {
	seen := map[int]bool{}
	var out []bot.Citation
	for _, c := range cs {
		if !seen[c.N] {
			seen[c.N] = true
			out = append(out, c)
		}
	}
	return out
}

// wrap folds text into lines of at most width characters at spaces; a
// word longer than the width stands alone. Width 0 leaves text as is.
func wrap(text string, width int) string {
	if width <= 0 {
		return text
	}
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		wl := utf8.RuneCountInString(w)
		if i > 0 {
			if n+1+wl > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}

// wrapWriter wraps text written to it piece by piece, as a model streams
// it, at word boundaries to width columns, as wrap does.
type wrapWriter struct {
	w     io.Writer
	width int
	col   int
	space bool // a space is due before the next word on this line
	word  strings.Builder
}

func (ww *wrapWriter) WriteString(s string) {
	if ww.width <= 0 {
		io.WriteString(ww.w, s)
		return
	}
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n':
			ww.flushWord()
			if r == '\n' {
				io.WriteString(ww.w, "\n")
				ww.col, ww.space = 0, false
			} else if ww.col > 0 {
				ww.space = true
			}
		default:
			ww.word.WriteRune(r)
		}
	}
}

// flushWord writes the word being collected, on a new line when it does
// not fit on this one.
func (ww *wrapWriter) flushWord() {
	if ww.word.Len() == 0 {
		return
	}
	n := utf8.RuneCountInString(ww.word.String())
	switch {
	case ww.col > 0 && ww.col+1+n > ww.width:
		io.WriteString(ww.w, "\n")
		ww.col = 0
	case ww.space:
		io.WriteString(ww.w, " ")
		ww.col++
	}
	io.WriteString(ww.w, ww.word.String())
	ww.col += n
	ww.space = false
	ww.word.Reset()
}

// Flush writes what is left.
func (ww *wrapWriter) Flush() { ww.flushWord() }

// Sentinels mark the quote in a passage until it is styled.
const (
	quoteOn  = "\x01"
	quoteOff = "\x02"
)

// sources renders the passages behind ans for /sources: each cited source
// with its passage, every line numbered as in the file (lines of the page
// for a PDF) and the quoted sentence marked, in colour on a terminal and
// between » and « elsewhere. An answer that cites nothing shows what was
// retrieved.
func (s screen) sources(ans bot.Answer) string {
	ans = ans.Plain()
	var b strings.Builder
	shown := map[string]bool{}
	for _, c := range uniqueCitations(ans.Citations) {
		b.WriteString(s.sourceLine(c) + "\n")
		p, ok := passageOf(ans.Passages, c)
		switch {
		case !ok:
			b.WriteString(s.gutter("", true) + s.markQuote(clean(oneLine(c.Quote)), true) + "\n")
		case shown[p.ID]:
			b.WriteString(s.gutter("", true) + "(in the passage above) " + s.markQuote(clean(oneLine(c.Quote)), true) + "\n")
		default:
			shown[p.ID] = true
			b.WriteString(s.passage(p, c.Quote))
		}
		b.WriteString("\n")
	}
	if len(ans.Citations) == 0 {
		for _, p := range ans.Passages {
			label := retrieval.PassageLabel(p.Source, s.info[p.Source].Pages, p.FirstLine, p.LastLine)
			b.WriteString(clean(label))
			if t := clean(oneLine(p.Title)); t != "" {
				b.WriteString("  " + s.style(sgrDim, t))
			}
			b.WriteString("\n" + s.passage(p, "") + "\n")
		}
	}
	if b.Len() == 0 {
		return "No passages behind this answer."
	}
	return strings.TrimRight(b.String(), "\n")
}

// passageOf finds the retrieved passage that holds c's quote.
func passageOf(passages []retrieval.Result, c bot.Citation) (retrieval.Result, bool) {
	q := oneLine(c.Quote)
	for _, p := range passages {
		if p.Source == c.Source && q != "" && strings.Contains(oneLine(retrieval.DisplayText(p.Text)), q) {
			return p, true
		}
	}
	return retrieval.Result{}, false
}

// passage renders p's lines with their numbers, quote marked.
func (s screen) passage(p retrieval.Result, quote string) string {
	text := clean(retrieval.DisplayText(p.Text))
	if quote != "" {
		words := strings.Fields(quote)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		if re, err := regexp.Compile(strings.Join(words, `\s+`)); err == nil && len(words) > 0 {
			if loc := re.FindStringIndex(text); loc != nil {
				// Each line gets its own marks, so that a line alone is styled.
				quoted := strings.ReplaceAll(text[loc[0]:loc[1]], "\n", quoteOff+"\n"+quoteOn)
				text = text[:loc[0]] + quoteOn + quoted + quoteOff + text[loc[1]:]
			}
		}
	}
	pages := s.info[p.Source].Pages
	var b strings.Builder
	width := s.width
	if width > 0 {
		width = max(width-9, 20) // the gutter
	}
	inQuote := false
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(strings.NewReplacer(quoteOn, "", quoteOff, "").Replace(line)) == "" {
			continue
		}
		_, n := retrieval.PageLine(pages, p.FirstLine+i)
		for j, part := range strings.Split(wrap(line, width), "\n") {
			num := ""
			if j == 0 {
				num = fmt.Sprint(n)
			}
			// A quote wrapped over several lines is marked on each.
			quoted := inQuote || strings.Contains(part, quoteOn)
			if inQuote {
				part = quoteOn + part
			}
			if k := strings.LastIndex(part, quoteOn); k >= 0 && !strings.Contains(part[k:], quoteOff) {
				inQuote = true
				part += quoteOff
			} else {
				inQuote = false
			}
			b.WriteString(s.gutter(num, quoted) + s.markQuote(part, false) + "\n")
		}
	}
	return b.String()
}

// gutter is the margin of a passage line: its number, and > beside a
// line of the quote.
func (s screen) gutter(num string, quoted bool) string {
	mark := " "
	if quoted {
		mark = s.style(sgrQuote, ">")
	}
	return fmt.Sprintf("%6s %s ", num, mark)
}

// markQuote turns the sentinels of text into the quote's style; whole
// marks text that has none, as a quote shown alone.
func (s screen) markQuote(text string, whole bool) string {
	if whole {
		text = quoteOn + text + quoteOff
	}
	on, off := "»", "«"
	if s.color {
		on, off = sgrQuote, sgrReset
	}
	return strings.NewReplacer(quoteOn, on, quoteOff, off).Replace(text)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
