package retrieval

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Article is one file of the coverage, reduced to its text.
//
// Invariant relied on by citations: line N of Text (1-based, counting '\n')
// is line N of the source file, for every format. Formats whose markup is
// removed (HTML) keep their newlines so that the text of a paragraph stays on
// the line where it stood in the file.
//
// Text differs from the file's bytes in ways that keep that invariant:
// "\r\n" becomes "\n" (a lone '\r' a space), a byte-order mark is dropped,
// invalid UTF-8 becomes U+FFFD, a Markdown front matter block becomes blank
// lines, and HTML markup becomes nothing, except that where two blocks meet
// (</p><p>, <br>, </li>, </td>...) a U+2029 PARAGRAPH SEPARATOR is put so that
// SplitSentences never runs their texts together into one sentence.
type Article struct {
	Source   string    // slash-separated path relative to the corpus root
	Title    string    // headline, or the first sentence when there is none
	Dateline string    // place of the dateline ("OTTAWA"), if any
	Agency   string    // wire agency of the dateline ("Reuters"), if any
	Bylines  []string  // byline lines ("Reporting by David Ljunggren ..."), if any
	Date     time.Time // publication date when one is known, zero otherwise
	Text     string    // full text, valid UTF-8
}

// LoadOptions bounds what the loader accepts.
type LoadOptions struct {
	MaxBytes int64 // files larger than this are skipped; 0 means DefaultMaxBytes
}

// DefaultMaxBytes is the default size limit of one article file.
const DefaultMaxBytes = 10 << 20

// CorpusFile is a candidate article found in the corpus.
type CorpusFile struct {
	Source  string // slash-separated path relative to the corpus root
	Size    int64
	ModTime time.Time
}

// SkipError is the warning ListCorpus gives for a file or directory it will
// not index. Its message names the path and the reason, e.g.
// `skipping photo.jpg: unsupported file type ".jpg"`.
type SkipError struct {
	Source string // slash-separated path relative to the corpus root; directories end in "/"
	Reason string
	Err    error // the underlying error, if any
}

func (e *SkipError) Error() string { return "skipping " + e.Source + ": " + e.Reason }

func (e *SkipError) Unwrap() error { return e.Err }

// Errors of ParseArticle, wrapped with the name of the file.
var (
	ErrBinary = errors.New("binary content")
	ErrNoText = errors.New("no text")
)

// maxTitleRunes bounds a title taken from a first line or sentence.
const maxTitleRunes = 150

// ListCorpus walks root recursively and returns the article files it may
// index, sorted by Source. Files it will not index (unsupported extension,
// oversize, unreadable) are reported in warnings, one error per file naming
// it; hidden files and directories (.git, .newsbot) are ignored silently.
// It fails only when root itself cannot be read.
func ListCorpus(root string, opt LoadOptions) (files []CorpusFile, warnings []error, err error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	// A root that is itself a symbolic link is walked where it points.
	top, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", root, err)
	}
	if info, err := os.Stat(top); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", root, err)
	} else if !info.IsDir() {
		return nil, nil, fmt.Errorf("reading %s: not a directory", root)
	}
	skip := func(source, reason string, cause error) {
		warnings = append(warnings, &SkipError{Source: source, Reason: reason, Err: cause})
	}
	err = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if p == top {
			return err
		}
		rel, relErr := filepath.Rel(top, p)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil { // a directory that cannot be listed
			skip(rel+"/", errReason(err), err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(p) // follows a symbolic link to what it names
		switch {
		case err != nil && d.Type()&fs.ModeSymlink != 0:
			skip(rel, "broken symbolic link", err)
			return nil
		case err != nil:
			skip(rel, errReason(err), err)
			return nil
		case info.IsDir():
			skip(rel+"/", "symbolic link to a directory, not followed", nil)
			return nil
		case !info.Mode().IsRegular():
			skip(rel, "not a regular file", nil)
			return nil
		}
		if ext := filepath.Ext(d.Name()); !supportedExt(ext) {
			if ext == "" {
				skip(rel, "unsupported file type (no extension)", nil)
			} else {
				skip(rel, fmt.Sprintf("unsupported file type %q", ext), nil)
			}
			return nil
		}
		if info.Size() > limit {
			size, max := byteSize(info.Size()), byteSize(limit)
			if size == max {
				size, max = strconv.FormatInt(info.Size(), 10)+" B", strconv.FormatInt(limit, 10)+" B"
			}
			skip(rel, size+" exceeds the "+max+" limit", nil)
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			skip(rel, errReason(err), err)
			return nil
		}
		f.Close()
		files = append(files, CorpusFile{Source: rel, Size: info.Size(), ModTime: info.ModTime()})
		return nil
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("reading %s: %w", root, err)
	}
	slices.SortFunc(files, func(a, b CorpusFile) int { return strings.Compare(a.Source, b.Source) })
	return files, warnings, nil
}

// supportedExt reports whether a file extension names a format ParseArticle reads.
func supportedExt(ext string) bool {
	switch strings.ToLower(ext) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// errReason is the short reason of a file system error, without the path
// that the warning already names.
func errReason(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// byteSize formats a size for people: "512 B", "3.5 KB", "12.0 MB".
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}

// ParseArticle turns the bytes of the file at source (relative path, its
// extension picks the format) into an Article. Invalid UTF-8 is repaired;
// binary content and empty text are errors naming the file.
func ParseArticle(source string, data []byte) (*Article, error) {
	ext := strings.ToLower(path.Ext(source))
	isHTML := ext == ".html" || ext == ".htm"
	text, err := decodeText(data, isHTML)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	a := &Article{Source: source}
	switch {
	case isHTML:
		parseHTML(a, text)
	case ext == ".md" || ext == ".markdown":
		parseMarkdown(a, text)
	default:
		a.Text = text
	}
	if strings.IndexFunc(a.Text, isWordRune) < 0 {
		return nil, fmt.Errorf("%s: %w", source, ErrNoText)
	}
	describeText(a)
	return a, nil
}

// decodeText turns file bytes into valid UTF-8 text with "\n" line ends,
// keeping every line where it was.
func decodeText(data []byte, isHTML bool) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		data = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		data = decodeUTF16(data[2:], true)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if looksBinary(data) {
		return "", ErrBinary
	}
	if isHTML && !utf8.Valid(data) {
		data = decodeDeclaredCharset(data)
	}
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		// A lone CR is not a line end by the line numbering of citations
		// (which counts '\n'), so it must not become one.
		s = strings.ReplaceAll(s, "\r", " ")
	}
	return s, nil
}

// decodeUTF16 decodes UTF-16 text (after its byte-order mark) into UTF-8.
func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// looksBinary reports whether the first 8 KB hold a NUL byte or more than
// 10% control characters other than white space.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			controls++
		}
	}
	return controls*10 > len(sample)
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// decodeDeclaredCharset decodes an HTML page that is not UTF-8 with the
// charset its <meta> declares, if any; otherwise it returns data unchanged
// (and invalid UTF-8 is later replaced by U+FFFD). Every supported charset
// keeps '\n' a single byte, so lines do not move.
func decodeDeclaredCharset(data []byte) []byte {
	m := metaCharsetRe.FindSubmatch(data[:min(len(data), 4<<10)])
	if m == nil {
		return data
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// Markdown.

// parseMarkdown sets a.Text to the Markdown text with its front matter
// blanked, and takes the title, date and authors from the front matter or a
// leading heading.
func parseMarkdown(a *Article, text string) {
	if block, end := frontMatter(text); end > 0 {
		applyFrontMatter(a, block)
		a.Text = strings.Repeat("\n", strings.Count(text[:end], "\n")) + text[end:]
	} else {
		a.Text = text
	}
	if a.Title != "" {
		return
	}
	lines := strings.SplitN(strings.TrimLeft(a.Text, " \t\n"), "\n", 3)
	first := strings.TrimSpace(lines[0])
	if h, ok := strings.CutPrefix(first, "#"); ok && !strings.HasPrefix(h, "#") && (h == "" || h[0] == ' ' || h[0] == '\t') {
		a.Title = cleanTitle(strings.TrimRight(h, "# \t"))
	} else if len(lines) > 1 && isSetextRule(lines[1]) {
		a.Title = cleanTitle(first)
	}
}

// frontMatter finds a YAML front matter block ("---" lines around it) at
// the start of text and returns its content and the offset just past its
// closing line, or end 0 when there is none.
func frontMatter(text string) (block string, end int) {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return "", 0
	}
	start := len(first) + 1
	off := start
	for rest != "" {
		line, tail, _ := strings.Cut(rest, "\n")
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			return text[start:off], min(off+len(line)+1, len(text))
		}
		off += len(line) + 1
		rest = tail
	}
	return "", 0
}

// applyFrontMatter takes title, date and author(s) from a YAML block. A
// block that is not valid YAML is ignored: it is still blanked from Text.
func applyFrontMatter(a *Article, block string) {
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(block), &fm); err != nil {
		return
	}
	for k, v := range fm {
		switch strings.ToLower(k) {
		case "title", "headline":
			if s, ok := v.(string); ok {
				a.Title = cleanTitle(s)
			}
		case "date", "published", "pubdate", "publishdate":
			switch d := v.(type) {
			case time.Time:
				a.Date = d
			case string:
				if t, ok := parseDate(d); ok {
					a.Date = t
				}
			}
		case "author", "authors", "byline":
			a.Bylines = appendNames(a.Bylines, v)
		}
	}
}

// appendNames appends the author names of a front matter value: a string, a
// list of strings, or maps with a "name".
func appendNames(dst []string, v any) []string {
	switch x := v.(type) {
	case string:
		if s := collapseSpace(x); s != "" {
			dst = append(dst, s)
		}
	case []any:
		for _, e := range x {
			dst = appendNames(dst, e)
		}
	case map[string]any:
		dst = appendNames(dst, x["name"])
	}
	return dst
}

func isSetextRule(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && strings.Trim(line, "=") == ""
}

// HTML.

// parseHTML sets a.Text to the visible article text of an HTML page with
// its lines kept, and takes title, date and bylines from the markup.
//
// The page is tokenized twice: the first pass learns the metadata and
// where the <article> or <main> element is; the second writes the text of
// that region (or of the whole page), dropping page furniture. Every token
// outside what is written still contributes its newlines.
func parseHTML(a *Article, src string) {
	sc := scanHTML(src)
	start, end := 0, len(src)
	if r, ok := sc.region(); ok {
		start, end = r.start, r.end
	}
	a.Text = htmlText(src, start, end, dropChrome)
	if strings.IndexFunc(a.Text, isWordRune) < 0 && (start > 0 || end < len(src)) {
		a.Text = htmlText(src, 0, len(src), dropChrome)
	}
	if strings.IndexFunc(a.Text, isWordRune) < 0 {
		// Some pages wrap everything in a <form> or a <header>.
		a.Text = htmlText(src, 0, len(src), dropHidden)
	}
	a.Title = sc.headline(start, end)
	a.Date = sc.date(start, end)
	a.Bylines = sc.byline(start, end)
}

// Which elements htmlText drops with their content.
const (
	dropHidden = iota // only what is never shown: scripts, styles, the head
	dropChrome        // also navigation, headers, footers, asides, forms
)

// dropLevel returns the drop level at which an element's content is left
// out, or -1 when it is kept.
func dropLevel(tag string) int {
	switch tag {
	case "script", "style", "noscript", "template", "svg", "math", "head", "title",
		"iframe", "object", "embed", "canvas", "textarea", "select", "button", "datalist":
		return dropHidden
	case "nav", "header", "footer", "aside", "form", "dialog", "menu":
		return dropChrome
	}
	return -1
}

// isBlockTag reports whether an element ends a run of text: texts on both
// sides of it belong to different paragraphs, items or cells.
func isBlockTag(tag string) bool {
	switch tag {
	case "address", "article", "aside", "blockquote", "body", "br", "caption", "center",
		"dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
		"hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
		"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
		"tr", "ul", "script", "style", "noscript", "template", "svg", "iframe", "select",
		"textarea", "button":
		return true
	}
	return false
}

// htmlToken is one token of a page with its byte offset.
type htmlToken struct {
	typ   html.TokenType
	start int
	raw   []byte // valid until the next token
	tag   string // lower-case tag name of tag tokens
	attrs htmlAttrs
}

// htmlAttrs holds the attributes the loader looks at.
type htmlAttrs struct {
	class, rel, id, name, property, itemprop, content, datetime, typ string
}

// eachHTMLToken calls fn for every token of src in order. The raw bytes of
// all tokens concatenate to src, which is what keeps lines countable.
func eachHTMLToken(src string, fn func(t *htmlToken)) {
	z := html.NewTokenizer(strings.NewReader(src))
	var t htmlToken
	off := 0
	for {
		tt := z.Next()
		t = htmlToken{typ: tt, start: off, raw: z.Raw()}
		off += len(t.raw)
		if tt == html.ErrorToken {
			if len(t.raw) > 0 {
				fn(&t)
			}
			return
		}
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			// Raw is read above: TagName lower-cases the buffer in place.
			name, more := z.TagName()
			t.tag = string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				t.attrs.set(string(k), string(v))
			}
		}
		fn(&t)
	}
}

func (a *htmlAttrs) set(k, v string) {
	switch k {
	case "class":
		a.class = v
	case "rel":
		a.rel = v
	case "id":
		a.id = v
	case "name":
		a.name = v
	case "property":
		a.property = v
	case "itemprop":
		a.itemprop = v
	case "content":
		a.content = v
	case "datetime":
		a.datetime = v
	case "type":
		a.typ = v
	}
}

// dropCounter tracks the open elements whose content is dropped.
type dropCounter struct {
	level int
	open  map[string]int
}

// update counts t in and reports whether the text after it is dropped.
func (d *dropCounter) update(t *htmlToken) {
	if t.typ == html.SelfClosingTagToken || t.tag == "" {
		return
	}
	if t.tag == "body" && t.typ == html.StartTagToken {
		delete(d.open, "head") // </head> is optional
		return
	}
	if t.typ == html.StartTagToken {
		// Inside a dropped element, an element of the same tag nests.
		l := dropLevel(t.tag)
		if d.open[t.tag] == 0 && (l < 0 || l > d.level) && !(d.level >= dropChrome && isFurniture(t)) {
			return
		}
		if d.open == nil {
			d.open = make(map[string]int)
		}
		d.open[t.tag]++
	} else if d.open[t.tag] > 0 {
		d.open[t.tag]--
		if d.open[t.tag] == 0 {
			delete(d.open, t.tag)
		}
	}
}

func (d *dropCounter) dropping() bool { return len(d.open) > 0 }

// isFurniture reports whether a container's id or classes name page
// furniture inside an article: advertising, sharing buttons, related
// stories, comments. Words are matched whole ("ad-slot" but not "head").
func isFurniture(t *htmlToken) bool {
	switch t.tag {
	case "div", "section", "ul", "ol", "table":
	default:
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(t.attrs.id+" "+t.attrs.class), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	})
	for _, w := range words {
		switch w {
		case "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "share", "sharing",
			"social", "related", "comments", "newsletter", "promo", "outbrain", "taboola",
			"recirc", "paywall", "subscribe", "signup", "sidebar", "breadcrumb", "breadcrumbs", "nav", "menu":
			return true
		}
	}
	return false
}

// htmlText writes the text of the tokens of src that start in [start, end),
// leaving out elements dropped at level, and only the newlines of all other
// tokens. Entities are decoded line by line so that a decoded "&#10;" cannot
// add a line. Runs of spaces collapse to one, and a U+2029 separates the
// texts of two blocks.
func htmlText(src string, start, end, level int) string {
	var b strings.Builder
	b.Grow(len(src))
	drops := dropCounter{level: level}
	pending := false // text written since the last separator
	space := true    // the last byte written is white space
	newlines := func(raw []byte) {
		for range bytes.Count(raw, []byte("\n")) {
			b.WriteByte('\n')
			space = true
		}
	}
	eachHTMLToken(src, func(t *htmlToken) {
		if t.start < start || t.start >= end {
			newlines(t.raw)
			return
		}
		switch t.typ {
		case html.TextToken:
			if drops.dropping() {
				newlines(t.raw)
				return
			}
			for i, line := range strings.Split(string(t.raw), "\n") {
				if i > 0 {
					b.WriteByte('\n')
					space = true
				}
				for _, r := range html.UnescapeString(line) {
					if unicode.IsSpace(r) && r != '\u2029' {
						if !space {
							b.WriteByte(' ')
							space = true
						}
						continue
					}
					b.WriteRune(r)
					space, pending = false, true
				}
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			drops.update(t)
			if pending && isBlockTag(t.tag) {
				b.WriteRune('\u2029')
				pending, space = false, true
			}
			newlines(t.raw)
		default:
			newlines(t.raw)
		}
	})
	return b.String()
}

// htmlScan is what the first pass over a page learns.
type htmlScan struct {
	regions  []htmlRegion
	total    int        // bytes of visible text on the page
	h1s      []htmlSpot // text of each <h1>
	times    []htmlSpot // datetime of each <time>
	title    string     // of <title>
	ogTitle  string
	metaDate time.Time
	metaRank int        // rank of the meta that gave metaDate; lower is better
	authors  []string   // of <meta name="author"> and the like
	bylines  []htmlSpot // text of each byline or author element
}

// htmlRegion is an element that may hold the article.
type htmlRegion struct {
	tag        string
	kind       int // regionArticle, regionMain or regionHint
	start, end int // byte range of the element, tags included
	text       int // bytes of visible text in it
	depth      int // open elements of its tag, itself included
}

// Kinds of region.
const (
	regionArticle = iota // <article>
	regionMain           // <main>
	regionHint           // <div id="story-body">: a class or id that says so
)

// htmlSpot is a text found at an offset of the page.
type htmlSpot struct {
	off  int
	text string
}

// htmlCollector gathers the text of one element until it closes.
type htmlCollector struct {
	tag   string
	depth int // of nested elements of the same tag
	off   int
	buf   strings.Builder
}

// track counts a tag token in and reports whether the element is closed.
func (c *htmlCollector) track(t *htmlToken) bool {
	if t.tag == c.tag && t.typ == html.StartTagToken {
		c.depth++
	} else if t.tag == c.tag && t.typ == html.EndTagToken {
		c.depth--
	}
	if isBlockTag(t.tag) {
		c.buf.WriteByte(' ')
	}
	return c.depth == 0
}

func (c *htmlCollector) text() string { return collapseSpace(html.UnescapeString(c.buf.String())) }

// scanHTML is the first pass over a page.
func scanHTML(src string) *htmlScan {
	sc := &htmlScan{metaRank: 1 << 30}
	drops := dropCounter{level: dropHidden}
	var open []int                       // indexes of the regions not closed yet
	var h1, title, byline *htmlCollector // elements whose text is being gathered
	jsonLD := false                      // in a <script type="application/ld+json">
	eachHTMLToken(src, func(t *htmlToken) {
		switch t.typ {
		case html.TextToken:
			if jsonLD {
				if m := jsonLDDateRe.FindSubmatch(t.raw); m != nil {
					sc.offerDate(string(m[1]), 1)
				}
			}
			if title != nil {
				title.buf.Write(t.raw)
			}
			if drops.dropping() {
				return
			}
			n := len(bytes.TrimSpace(t.raw))
			sc.total += n
			for _, i := range open {
				sc.regions[i].text += n
			}
			if h1 != nil {
				h1.buf.Write(t.raw)
			}
			if byline != nil {
				byline.buf.Write(t.raw)
			}
			return
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
		default:
			return
		}
		drops.update(t)
		for k := 0; k < len(open); k++ {
			r := &sc.regions[open[k]]
			if r.tag != t.tag || t.typ == html.SelfClosingTagToken {
				continue
			}
			if t.typ == html.StartTagToken {
				r.depth++
			} else if r.depth--; r.depth == 0 {
				r.end = t.start + len(t.raw)
				open = slices.Delete(open, k, k+1)
				k--
			}
		}
		if t.tag == "script" {
			jsonLD = t.typ == html.StartTagToken && strings.Contains(strings.ToLower(t.attrs.typ), "ld+json")
		}
		if h1 != nil && h1.track(t) {
			sc.h1s = append(sc.h1s, htmlSpot{h1.off, h1.text()})
			h1 = nil
		}
		if title != nil && title.track(t) {
			sc.title = cmp.Or(sc.title, title.text())
			title = nil
		}
		if byline != nil && byline.track(t) {
			if s := byline.text(); s != "" && utf8.RuneCountInString(s) <= 120 {
				sc.bylines = append(sc.bylines, htmlSpot{byline.off, s})
			}
			byline = nil
		}
		if t.typ == html.EndTagToken {
			return
		}
		sc.startTag(t)
		if t.typ == html.SelfClosingTagToken {
			return
		}
		if kind := regionKind(t); kind >= 0 {
			open = append(open, len(sc.regions))
			sc.regions = append(sc.regions, htmlRegion{tag: t.tag, kind: kind, start: t.start, end: len(src), depth: 1})
		}
		switch {
		case t.tag == "h1" && h1 == nil:
			h1 = &htmlCollector{tag: t.tag, depth: 1, off: t.start}
		case t.tag == "title" && title == nil:
			title = &htmlCollector{tag: t.tag, depth: 1, off: t.start}
		case byline == nil && !isVoidTag(t.tag) && isBylineElement(&t.attrs):
			byline = &htmlCollector{tag: t.tag, depth: 1, off: t.start}
		}
	})
	return sc
}

var jsonLDDateRe = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// startTag takes what a start tag's attributes say about the page.
func (sc *htmlScan) startTag(t *htmlToken) {
	at := &t.attrs
	switch t.tag {
	case "meta":
		key := strings.ToLower(at.property)
		if key == "" {
			key = strings.ToLower(at.name)
		}
		if key == "" {
			key = strings.ToLower(at.itemprop)
		}
		content := collapseSpace(html.UnescapeString(at.content))
		if content == "" {
			return
		}
		switch key {
		case "og:title":
			sc.ogTitle = content
		case "author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author":
			if !strings.Contains(content, "://") {
				sc.authors = addByline(sc.authors, content)
			}
		}
		if rank := metaDateRank(key); rank >= 0 {
			sc.offerDate(content, rank)
		}
	case "time":
		if at.datetime != "" {
			sc.times = append(sc.times, htmlSpot{t.start, at.datetime})
		}
	}
	if strings.EqualFold(at.itemprop, "datePublished") && t.tag != "meta" {
		if v := cmp.Or(at.datetime, at.content); v != "" {
			sc.offerDate(v, metaDateRank("datepublished"))
		}
	}
}

// offerDate keeps d as the page's date if it parses and comes from a better
// ranked source than the date kept so far.
func (sc *htmlScan) offerDate(d string, rank int) {
	if rank >= sc.metaRank {
		return
	}
	if t, ok := parseDate(d); ok {
		sc.metaDate, sc.metaRank = t, rank
	}
}

// metaDateRank ranks the <meta> keys that give a publication date, best
// first, or returns -1 for other keys.
func metaDateRank(key string) int {
	switch key {
	case "article:published_time":
		return 0
	case "datepublished": // also JSON-LD, rank 1
		return 2
	case "og:published_time", "published_time", "publish-date", "publish_date", "publishdate", "pubdate", "date":
		return 3
	case "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
		"sailthru.date", "parsely-pub-date", "article.published", "original-publish-date":
		return 4
	}
	return -1
}

// isBylineElement reports whether an element's class, rel, id or itemprop
// marks it as a byline or author.
func isBylineElement(at *htmlAttrs) bool {
	for _, v := range []string{at.class, at.rel, at.id, at.itemprop} {
		v = strings.ToLower(v)
		if strings.Contains(v, "byline") || strings.Contains(v, "author") {
			return true
		}
	}
	return false
}

func isVoidTag(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// byline returns the page's authors and its byline elements in the
// article region (else the first one on the page: the others may name the
// authors of comments or other stories), three at most.
func (sc *htmlScan) byline(start, end int) []string {
	out := slices.Clone(sc.authors)
	n := 0
	for _, b := range sc.bylines {
		if b.off >= start && b.off < end && n < 3 {
			out = addByline(out, b.text)
			n++
		}
	}
	if n == 0 && len(sc.bylines) > 0 {
		out = addByline(out, sc.bylines[0].text)
	}
	return out
}

// regionKind tells whether an element may hold the article, and how
// surely, or returns -1.
func regionKind(t *htmlToken) int {
	switch t.tag {
	case "article":
		return regionArticle
	case "main":
		return regionMain
	case "div", "section", "td":
		if isContentHint(strings.ToLower(t.attrs.id + " " + t.attrs.class)) {
			return regionHint
		}
	}
	return -1
}

// isContentHint reports whether the id and classes of an element name
// article text ("story-body", "article-content") rather than furniture.
func isContentHint(s string) bool {
	for _, bad := range []string{"comment", "sidebar", "nav", "menu", "footer", "header", "related",
		"promo", "share", "social", "advert", "banner", "caption", "meta", "byline", "author",
		"widget", "teaser", "breadcrumb", "newsletter", "subscribe"} {
		if strings.Contains(s, bad) {
			return false
		}
	}
	for _, good := range []string{"article", "story", "content", "entry", "post", "body", "text", "main"} {
		if strings.Contains(s, good) {
			return true
		}
	}
	return false
}

// region picks the element holding the article: the <article> with the
// most text, unless a <main> holds more than twice as much; without
// either, the element named like article text ("story-body") that holds
// at least 40% of the page's text, narrowed to one inside it that holds
// at least 60% of its text.
func (sc *htmlScan) region() (htmlRegion, bool) {
	art, mainEl := sc.largest(regionArticle, nil), sc.largest(regionMain, nil)
	switch {
	case art != nil && art.text > 0 && (mainEl == nil || 2*art.text >= mainEl.text):
		return *art, true
	case mainEl != nil && mainEl.text > 0:
		return *mainEl, true
	}
	h := sc.largest(regionHint, nil)
	if h == nil || h.text == 0 || 10*h.text < 4*sc.total {
		return htmlRegion{}, false
	}
	for {
		in := sc.largest(regionHint, h)
		if in == nil || 10*in.text < 6*h.text {
			return *h, true
		}
		h = in
	}
}

// largest returns the region of a kind with the most text, inside the
// region within when that is not nil.
func (sc *htmlScan) largest(kind int, within *htmlRegion) *htmlRegion {
	var best *htmlRegion
	for i := range sc.regions {
		r := &sc.regions[i]
		if r.kind != kind || r == within || within != nil && (r.start < within.start || r.end > within.end) {
			continue
		}
		if best == nil || r.text > best.text {
			best = r
		}
	}
	return best
}

// headline is the first <h1> in the article region, else the first <h1>
// that is not the site's name, else og:title, else <title> without its
// site suffix.
func (sc *htmlScan) headline(start, end int) string {
	stripped, site := stripSiteName(sc.title)
	for _, h := range sc.h1s {
		if h.text != "" && h.off >= start && h.off < end {
			return cleanTitle(h.text)
		}
	}
	for _, h := range sc.h1s {
		if h.text != "" && !strings.EqualFold(h.text, site) {
			return cleanTitle(h.text)
		}
	}
	if sc.ogTitle != "" {
		t, _ := stripSiteName(sc.ogTitle)
		return cleanTitle(t)
	}
	return cleanTitle(stripped)
}

// date is the publication date of the meta data, else of the first <time
// datetime> in the article region, else of the first on the page.
func (sc *htmlScan) date(start, end int) time.Time {
	if !sc.metaDate.IsZero() {
		return sc.metaDate
	}
	for _, inRegion := range []bool{true, false} {
		for _, t := range sc.times {
			if inRegion && (t.off < start || t.off >= end) {
				continue
			}
			if d, ok := parseDate(t.text); ok {
				return d
			}
		}
	}
	return time.Time{}
}

// siteSeparators split a page title from the site name.
var siteSeparators = []string{" | ", " - ", " — ", " – ", " :: ", " · ", " • "}

// stripSiteName removes a site name from the end or the start of a page
// title ("Troops stay - Reuters", "CTV.ca | Troops stay") and returns the
// title and the site name.
func stripSiteName(title string) (string, string) {
	for _, sep := range siteSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, site := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if isSiteName(site, head) {
			return head, site
		}
		i = strings.Index(title, sep)
		site, head = strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if isSiteName(site, head) {
			return head, site
		}
	}
	return title, ""
}

// isSiteName reports whether a part of a page title can be the site's
// name: short, and shorter than the headline.
func isSiteName(site, headline string) bool {
	return site != "" && len(strings.Fields(site)) <= 4 && len(site) < len(headline)
}

// Metadata of the text of every format.

// describeText fills what a's markup did not give: the title (a short first
// line before a blank line, else the first sentence), the dateline, the
// bylines and the date (a "Date:" header, the file name, the dateline).
// Dates are never guessed from body text.
func describeText(a *Article) {
	lines := textLines(a.Text)
	i := skipBlank(lines, 0)
	// A block of "Key: value" header lines at the top may give the title.
	for ; i < len(lines); i++ {
		k, v, ok := headerLine(lines[i])
		if !ok {
			break
		}
		if (k == "title" || k == "headline" || k == "subject") && a.Title == "" {
			a.Title = cleanTitle(v)
		}
	}
	// Other header lines ("BYLINE: ...", "Date: ...") count among the first
	// lines, as in exports from news databases.
	var headerDate time.Time
	headerDateline := ""
	for k, n := 0, 0; k < len(lines) && n < 20; k++ {
		if lines[k].text == "" {
			continue
		}
		n++
		key, v, ok := headerLine(lines[k])
		switch {
		case !ok:
		case key == "date" || key == "published" || key == "posted":
			if d, ok := parseDate(v); ok && headerDate.IsZero() {
				headerDate = d
			}
		case key == "author" || key == "authors" || key == "by" || key == "byline":
			a.Bylines = addByline(a.Bylines, v)
		case key == "dateline":
			headerDateline = cmp.Or(headerDateline, collapseSpace(v))
		}
	}
	// The title: a short line standing alone at the top.
	i = skipBlank(lines, i)
	if a.Title == "" && i < len(lines) && isTitleLine(lines, i) {
		a.Title = cleanTitle(strings.Trim(lines[i].text, "*_# \t"))
		i++
	}
	// The dateline opens one of the first paragraphs.
	var dl dateline
	for n := 0; i < len(lines) && n < 6; i++ {
		l := lines[i].text
		if _, _, header := headerLine(lines[i]); l == "" || header || isBylineLine(l) {
			continue
		}
		if d, ok := parseDateline(l); ok {
			dl = d
			break
		}
		n++
	}
	a.Dateline, a.Agency = cmp.Or(dl.place, headerDateline), dl.agency
	for _, l := range lines {
		a.Bylines = appendBylines(a.Bylines, l.text)
	}
	if a.Date.IsZero() {
		a.Date = headerDate
	}
	if a.Date.IsZero() {
		a.Date = fileDate(a.Source, dl)
	}
	if a.Title == "" {
		a.Title = firstSentenceTitle(a.Text, lines)
	}
}

// skipBlank returns the index of the first non-blank line from i on.
func skipBlank(lines []textLine, i int) int {
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	return i
}

// textLine is a line of text (or, in HTML, a block) with its offset.
type textLine struct {
	off  int
	text string // trimmed of white space
}

// textLines splits text at '\n' and U+2029 into trimmed lines, blank ones
// kept (empty) so that blank lines can be seen.
func textLines(text string) []textLine {
	var lines []textLine
	for off := 0; ; {
		n := strings.IndexByte(text[off:], '\n')
		if n < 0 {
			n = len(text) - off
		}
		for i, raw := range strings.Split(text[off:off+n], "\u2029") {
			if i > 0 {
				off += len("\u2029")
			}
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			lines = append(lines, textLine{off: off + lead, text: strings.TrimSpace(raw)})
			off += len(raw)
		}
		if off >= len(text) {
			return lines
		}
		off++ // the '\n'
	}
}

var headerRe = regexp.MustCompile(`^(?i:(title|headline|subject|date|published|posted|updated|author|authors|by|byline|source|url|dateline|section|length|copyright))\s*:\s*(\S.*)$`)

// headerLine parses a "Date: 2008-02-22" style header line.
func headerLine(l textLine) (key, value string, ok bool) {
	if len(l.text) > 300 {
		return "", "", false
	}
	m := headerRe.FindStringSubmatch(l.text)
	if m == nil {
		return "", "", false
	}
	return strings.ToLower(m[1]), m[2], true
}

// isTitleLine reports whether line i looks like a headline: short, one
// sentence not ending in a period, not a byline or dateline, standing alone
// (a blank line, a byline or a dateline after it) and followed by more text.
func isTitleLine(lines []textLine, i int) bool {
	t := lines[i].text
	if t == "" || utf8.RuneCountInString(t) > maxTitleRunes || isBylineLine(t) {
		return false
	}
	if strings.HasSuffix(strings.TrimRight(t, "*_ "), ".") {
		return false
	}
	if _, ok := parseDateline(t); ok {
		return false
	}
	if len(SplitSentences(t)) != 1 || skipBlank(lines, i+1) == len(lines) {
		return false // more than a headline, or all there is
	}
	next := lines[i+1].text
	if _, _, header := headerLine(lines[i+1]); next == "" || header || isBylineLine(next) {
		return true
	}
	_, ok := parseDateline(next)
	return ok
}

// firstSentenceTitle is the first sentence of text that is not a header or
// a byline, without its dateline, cut to maxTitleRunes at a word.
func firstSentenceTitle(text string, lines []textLine) string {
	from := 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if _, _, ok := headerLine(l); ok || isBylineLine(l.text) {
			continue
		}
		from = l.off
		if d, ok := parseDateline(l.text); ok {
			from += d.textOff
		}
		break
	}
	// The first sentence starts within a few KB; do not split the whole text.
	window := text[from:]
	if len(window) > 4<<10 {
		cut := 4 << 10
		for cut > 0 && !utf8.RuneStart(window[cut]) {
			cut--
		}
		window = window[:cut]
	}
	for _, s := range SplitSentences(window) {
		return cleanTitle(window[s.Start:s.End])
	}
	return ""
}

// cleanTitle collapses white space and cuts a long title at a word
// boundary, marking the cut with "…".
func cleanTitle(s string) string {
	s = collapseSpace(s)
	if utf8.RuneCountInString(s) <= maxTitleRunes {
		return s
	}
	r := []rune(s)[:maxTitleRunes]
	cut := len(r)
	for i := len(r) - 1; i > maxTitleRunes/2; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:-–—") + "…"
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// dateline is the opening "OTTAWA (Reuters) -" of a wire story.
type dateline struct {
	place, agency string
	month         time.Month // of a date in the dateline ("LONDON, Feb 22"), if any
	day, year     int
	textOff       int // offset of the story text after the dateline
}

const monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var datelineRe = regexp.MustCompile(`^` +
	// place: capitalised words, e.g. OTTAWA, NEW YORK, ST. LOUIS
	`(\p{Lu}[\p{L}\p{M}.'’\-]*(?: \p{Lu}[\p{L}\p{M}.'’\-]*){0,3})?` +
	// region: ", Afghanistan", ", D.C."
	`(?:, (\p{Lu}[\p{L}\p{M}.'’\-]*(?: \p{Lu}[\p{L}\p{M}.'’\-]*){0,2}))?` +
	// date: ", Feb 22", ", Feb. 22, 2008"
	`(?:,? ` + monthPattern + ` (\d{1,2})(?:,? (\d{4}))?)?` +
	// agency: "(Reuters)", "(AP)"
	`(?: ?\((\p{L}[\p{L} .&'\-]{0,38})\))?` +
	// the dash before the story
	` ?(--?|—|–|―|_) +\S`)

// parseDateline parses the dateline that opens line, if any. A place in
// mixed case ("Washington") counts only with an agency after it; one in
// capitals ("NEW YORK --") counts alone.
func parseDateline(line string) (dateline, bool) {
	if len(line) < 6 || !strings.ContainsAny(line, "-—–―_") {
		return dateline{}, false
	}
	m := datelineRe.FindStringSubmatchIndex(line)
	if m == nil {
		return dateline{}, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return line[m[2*i]:m[2*i+1]]
	}
	// The match ends with the first character of the story.
	_, size := utf8.DecodeLastRuneInString(line[:m[1]])
	d := dateline{place: group(1), agency: group(6), textOff: m[1] - size}
	// Without an agency, only capitals and a long dash make a dateline:
	// "US - China talks" is a headline.
	if d.agency == "" && (!isUpperWord(d.place) || group(7) == "-") {
		return dateline{}, false
	}
	if region := group(2); region != "" {
		d.place += ", " + region
	}
	if mon := group(3); mon != "" {
		d.month = monthNumber(mon)
		d.day, _ = strconv.Atoi(group(4))
		d.year, _ = strconv.Atoi(group(5))
	}
	return d, true
}

// isUpperWord reports whether s has at least two letters and no lower-case one.
func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// monthNumber returns the month a name or abbreviation ("Sept.") names.
func monthNumber(name string) time.Month {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if len(name) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name[:3]) {
			return m
		}
	}
	return 0
}

var (
	// "By Jane Doe", "BY JANE DOE, Associated Press Writer", "By Jane Doe and John Roe | Reuters"
	byLineRe = regexp.MustCompile(`^(?:By|BY|by):? +(\p{Lu}[\p{L}\p{M}.'’\-]*)(?:(?: *[,|/·•]? +| *[,|/·•] *)(?:and|&|of|de|del|der|van|von|da|la|le|du|bin|al|for|the|\p{Lu}[\p{L}\p{M}.'’\-]*))*$`)
	// "Reporting by David Ljunggren; editing by Rob Wilson" as a line
	creditLineRe = regexp.MustCompile(`^\(?(?:(?:Additional|additional) (?:reporting|Reporting)|Reporting|Writing|Editing|Compiled|Reported|Written|Edited|Story|Text) by \p{Lu}`)
	// "(Reporting by ...; Editing by ...)" at the end of a paragraph
	creditParenRe = regexp.MustCompile(`\(((?:Additional reporting|Reporting|Writing|Editing|Compiled|Reported|Written|Edited) by \p{Lu}[^()]{0,300})\)`)
)

// isBylineLine reports whether a line is a "By Jane Doe" byline.
func isBylineLine(s string) bool {
	if len(s) < 4 || len(s) > 160 || (s[0]|0x20) != 'b' && s[0] != '*' && s[0] != '_' {
		return false
	}
	s = strings.Trim(s, "*_ ")
	if utf8.RuneCountInString(s) > 100 || !byLineRe.MatchString(s) {
		return false
	}
	return !isMonthOrDay(strings.Fields(s)[1])
}

// isMonthOrDay reports whether w is a month or weekday name ("By Friday").
func isMonthOrDay(w string) bool {
	w = strings.TrimRight(strings.ToLower(w), ".,")
	for m := time.January; m <= time.December; m++ {
		if w == strings.ToLower(m.String()) {
			return true
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w == strings.ToLower(d.String()) {
			return true
		}
	}
	return false
}

// appendBylines adds the bylines a line holds: a "By ..." line, a
// "Reporting by ..." credit line, or "(Reporting by ...)" credits in it.
func appendBylines(dst []string, line string) []string {
	if line == "" {
		return dst
	}
	if isBylineLine(line) {
		return addByline(dst, strings.Trim(line, "*_ "))
	}
	if !hasCredit(line) {
		return dst
	}
	if len(line) <= 400 && creditLineRe.MatchString(line) {
		if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
			line = line[1 : len(line)-1]
		}
		return addByline(dst, line)
	}
	for _, m := range creditParenRe.FindAllStringSubmatch(line, -1) {
		dst = addByline(dst, m[1])
	}
	return dst
}

// hasCredit reports cheaply whether a line may hold a "Reporting by" credit.
func hasCredit(line string) bool {
	for off := 0; ; {
		k := strings.Index(line[off:], " by ")
		if k < 0 {
			return false
		}
		k += off
		word := strings.TrimLeft(line[strings.LastIndexByte(line[:k], ' ')+1:k], "(")
		switch strings.ToLower(word) {
		case "reporting", "writing", "editing", "compiled", "reported", "written", "edited", "story", "text":
			return true
		}
		off = k + len(" by ")
	}
}

// addByline appends b unless it (or a longer one holding it) is already there.
func addByline(dst []string, b string) []string {
	b = collapseSpace(b)
	if b == "" {
		return dst
	}
	lb := strings.ToLower(b)
	for i, have := range dst {
		lh := strings.ToLower(have)
		switch {
		case strings.Contains(lh, lb):
			return dst
		case strings.Contains(lb, lh):
			dst[i] = b
			return dst
		}
	}
	return append(dst, b)
}

var (
	// 2008-02-22, 2008_02_22, 20080222 at the start of a file name
	fileDateRe = regexp.MustCompile(`^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?:\D|$)`)
	// 1790_george_washington.txt
	fileYearRe = regexp.MustCompile(`^(\d{4})(?:[-_ .]|$)`)
	// 2008/02/22/story.html
	dirDateRe = regexp.MustCompile(`(?:^|/)(\d{4})/(\d{2})/(\d{2})/`)
)

// fileDate is the date a file's path gives, completed or refined by the
// date of its dateline: a full date in the name, else a full date in the
// dateline, else the dateline's month and day in the year of the name,
// else January 1 of the year the name starts with (a year alone says no
// more than that).
func fileDate(source string, dl dateline) time.Time {
	if m := fileDateRe.FindStringSubmatch(path.Base(source)); m != nil {
		if d, ok := makeDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	if m := dirDateRe.FindStringSubmatch(source); m != nil {
		if d, ok := makeDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	year := 0
	if m := fileYearRe.FindStringSubmatch(path.Base(source)); m != nil {
		if y, _ := strconv.Atoi(m[1]); plausibleYear(y) {
			year = y
		}
	}
	if dl.month != 0 && dl.day >= 1 && dl.day <= 31 {
		y := cmp.Or(dl.year, year)
		if plausibleYear(y) {
			return time.Date(y, dl.month, dl.day, 0, 0, 0, 0, time.UTC)
		}
	}
	if year != 0 {
		return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

func plausibleYear(y int) bool { return y >= 1500 && y <= 2200 }

// makeDate builds a date from digits, refusing impossible ones.
func makeDate(y, m, d string) (time.Time, bool) {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	if !plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // February 30
		return time.Time{}, false
	}
	return t, true
}

var (
	isoDateRe   = regexp.MustCompile(`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?`)
	slashDateRe = regexp.MustCompile(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`)
	mdyDateRe   = regexp.MustCompile(`\b` + monthPattern + `[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	dmyDateRe   = regexp.MustCompile(`\b(\d{1,2}) ` + monthPattern + `[a-z]*\.?,? (\d{4})\b`)
)

// parseDate finds a date in a metadata value: ISO 8601 ("2008-02-22",
// "2008-02-22T10:00:00Z"), "2008/02/22", "February 22, 2008", "22 Feb 2008"
// (as in RFC 1123). A time of day is kept only with ISO dates.
func parseDate(s string) (time.Time, bool) {
	if m := isoDateRe.FindString(s); m != "" {
		m = strings.Replace(m, " ", "T", 1)
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05 Z0700",
			"2006-01-02T15:04:05 Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
			"2006-01-02T15:04", "2006-01-02"} {
			if t, err := time.Parse(layout, m); err == nil && plausibleYear(t.Year()) {
				return t, true
			}
		}
		if t, ok := makeDate(m[:4], m[5:7], m[8:10]); ok {
			return t, true
		}
	}
	if m := slashDateRe.FindStringSubmatch(s); m != nil {
		if t, ok := makeDate(m[1], m[2], m[3]); ok {
			return t, true
		}
	}
	if m := mdyDateRe.FindStringSubmatch(s); m != nil {
		return makeDate(m[3], strconv.Itoa(int(monthNumber(m[1]))), m[2])
	}
	if m := dmyDateRe.FindStringSubmatch(s); m != nil {
		return makeDate(m[3], strconv.Itoa(int(monthNumber(m[2]))), m[1])
	}
	return time.Time{}, false
}
