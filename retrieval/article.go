package retrieval

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Article is one file of the coverage, reduced to its text.
//
// Invariant relied on by citations: line N of Text (1-based, counting '\n')
// is line N of the source file, for every text format. A PDF has no lines
// of its own: its Text is its text layer, one line per line of a page,
// and Pages says where each page starts. Formats whose markup is
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
	// Pages, for a PDF, is the line of Text each page starts at, so that a
	// line can be cited as page and line (see PageLine); nil otherwise.
	Pages []int
}

// loaderVersion changes when what ParseArticle makes of a file changes
// (3: PDFs, titles from file names), so that the index rebuilds articles
// read the old way.
const loaderVersion = 3

// Errors of ParseArticle, wrapped with the name of the file.
var (
	ErrBinary = errors.New("binary content")
	ErrNoText = errors.New("no text")
)

// ParseArticle turns the bytes of the file at source (relative path, its
// extension picks the format) into an Article. Invalid UTF-8 is repaired;
// binary content and empty text are errors naming the file.
func ParseArticle(source string, data []byte) (*Article, error) {
	ext := strings.ToLower(path.Ext(source))
	if ext == ".pdf" {
		a := &Article{Source: source}
		created, err := parsePDF(a, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		describeText(a)
		if a.Date.IsZero() {
			a.Date = created
		}
		return a, nil
	}
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

// ReadArticle reads and parses the article at source, a slash-separated
// path relative to the corpus folder as the index names it, the way a sync
// reads it (ReadCorpusFile): no source, whatever it holds ("..", a
// symbolic link leading out), reads a file outside the corpus.
func ReadArticle(corpus, source string) (*Article, error) {
	data, err := ReadCorpusFile(corpus, source)
	if err != nil {
		return nil, err
	}
	return ParseArticle(source, data)
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
