package retrieval

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// loaderSeed reads one of the seed articles of the repository.
func loaderSeed(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "seeds", name))
	if err != nil {
		t.Fatalf("reading seed: %v", err)
	}
	return data
}

func mustParse(t *testing.T, source string, data []byte) *Article {
	t.Helper()
	a, err := ParseArticle(source, data)
	if err != nil {
		t.Fatalf("ParseArticle(%q) error: %v", source, err)
	}
	return a
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseArticleSeeds(t *testing.T) {
	tests := []struct {
		name     string
		title    string
		dateline string
		agency   string
		bylines  []string
	}{
		{
			name:  "000_7b664699113ac3fb.txt",
			title: "There is a consensus among NATO members that Canada needs help in southern Afghanistan and efforts are underway to make that happen, says a…",
		},
		{
			name:     "001_b7e1029fb9729208.txt",
			title:    "Canada sent senior officials to Paris on Friday to sound out France on a possible offer of support for 2,500 Canadian troops in south Afghanistan and…",
			dateline: "VILNIUS",
			agency:   "Reuters",
			bylines:  []string{"Reporting by Patrick Lannin, Illona Wiessenbach and MarkJohn; Editing by Catherine Evans"},
		},
		{
			name:     "002_6b9d529eae85757d.txt",
			title:    "NATO boss wants Canada to extend Afghan tour: reports",
			dateline: "OTTAWA",
			agency:   "Reuters",
			bylines:  []string{"Reporting by David Ljunggren; editing by Rob Wilson"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := loaderSeed(t, tt.name)
			a := mustParse(t, tt.name, data)
			if a.Source != tt.name {
				t.Errorf("Source = %q, want %q", a.Source, tt.name)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if a.Dateline != tt.dateline || a.Agency != tt.agency {
				t.Errorf("Dateline, Agency = %q, %q, want %q, %q", a.Dateline, a.Agency, tt.dateline, tt.agency)
			}
			if !slices.Equal(a.Bylines, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", a.Bylines, tt.bylines)
			}
			if !a.Date.IsZero() {
				t.Errorf("Date = %v, want zero (nothing in the seed dates it)", a.Date)
			}
			if a.Text != string(data) {
				t.Errorf("Text differs from the plain UTF-8 file")
			}
		})
	}
}

func sentences(text string) []string {
	var out []string
	for _, s := range SplitSentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestParseArticleEncodings(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		wantText string
		title    string
	}{
		{
			name:     "CRLF becomes LF",
			data:     "Headline here\r\n\r\nOTTAWA (Reuters) - Body one.\r\nBody two.\r\n",
			wantText: "Headline here\n\nOTTAWA (Reuters) - Body one.\nBody two.\n",
			title:    "Headline here",
		},
		{
			name:     "a lone CR is not a line end",
			data:     "One.\rTwo.\n",
			wantText: "One. Two.\n",
			title:    "One.",
		},
		{
			name:     "UTF-8 byte-order mark",
			data:     "\uFEFFHeadline here\n\nBody.",
			wantText: "Headline here\n\nBody.",
			title:    "Headline here",
		},
		{
			name:     "invalid UTF-8 is repaired",
			data:     "Caf\xe9 open.\nSecond \xff\xfe line.",
			wantText: "Caf\uFFFD open.\nSecond \uFFFD line.",
			title:    "Caf\uFFFD open.",
		},
		{
			name:     "UTF-16 little endian",
			data:     "\xFF\xFEH\x00i\x00.\x00\n\x00",
			wantText: "Hi.\n",
			title:    "Hi.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "a.txt", []byte(tt.data))
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
		})
	}
	t.Run("CRLF keeps line numbers", func(t *testing.T) {
		a := mustParse(t, "a.txt", []byte("One.\r\nTwo.\r\n\r\nThree.\r\n"))
		var lines []int
		for _, s := range SplitSentences(a.Text) {
			lines = append(lines, LineAt(a.Text, s.Start))
		}
		if want := []int{1, 2, 4}; !slices.Equal(lines, want) {
			t.Errorf("sentence lines = %v, want %v", lines, want)
		}
	})
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name, source, data string
		want               error
	}{
		{"NUL bytes", "photo.txt", "GIF89a\x00\x01\x02", ErrBinary},
		{"control characters", "blob.txt", strings.Repeat("ab\x01\x02\x03\x04", 100), ErrBinary},
		{"binary HTML", "x.html", "<p>\x00\x00</p>", ErrBinary},
		{"empty", "empty.txt", "", ErrNoText},
		{"white space", "blank.md", " \n\t\r\n\uFEFF", ErrNoText},
		{"only front matter", "fm.md", "---\ntitle: x\n---\n\n", ErrNoText},
		{"only a script", "s.html", "<script>var a = 1;</script>\n<style>p{}</style>", ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle(tt.source, []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseArticle(%q) = %v, %v; want error %v", tt.data, a, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.source) {
				t.Errorf("error %q does not name %s", err, tt.source)
			}
		})
	}
}

// FuzzParseArticle checks, for any input in every format, that parsing
// never panics, keeps every line where it was and yields valid UTF-8, and
// that the chunks of the article keep their invariants.
func FuzzParseArticle(f *testing.F) {
	for _, seed := range []string{
		"Headline\n\nOTTAWA (Reuters) - Text. More text.\n",
		"<p>One</p><p>Two &amp; three&#10;four</p>\n<script>x</script>",
		"---\ntitle: x\n---\n# Head\n\nBody.",
		"<article><h1>T</h1><p\nclass=x>a<br>b</p></article><!-- c\n-->",
		"<div id=\"story\"><div class=\"ad\">x</div>text\r\nmore</div>",
		"a\xff\xfe.\r\n\r\nb",
		"Caf\xe9 owners protest.\n\x1b]0;PWNED\x07 title [click](http://x.example)\n",
		"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
	} {
		for _, ext := range []string{".txt", ".md", ".html", ".pdf"} {
			f.Add("dir/f"+ext, []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, source string, data []byte) {
		if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			return // UTF-16 has other line ends
		}
		a, err := ParseArticle(source, data)
		if err != nil {
			return
		}
		lines := strings.Count(a.Text, "\n") + 1
		if want := bytes.Count(data, []byte("\n")) + 1; lines != want && !strings.EqualFold(path.Ext(source), ".pdf") {
			t.Fatalf("ParseArticle(%q, %q): Text has %d lines, the file %d", source, data, lines, want)
		}
		for _, s := range append([]string{a.Text, a.Title, a.Dateline, a.Agency}, a.Bylines...) {
			if !utf8.ValidString(s) {
				t.Fatalf("ParseArticle(%q, %q): invalid UTF-8 in %q", source, data, s)
			}
		}
		for i, p := range a.Pages { // a PDF's pages start at lines of its text, in order
			if p < 1 || p > lines || i > 0 && p < a.Pages[i-1] {
				t.Fatalf("ParseArticle(%q): page %d starts at line %d of %d (%v)", source, i+1, p, lines, a.Pages)
			}
		}
		opt := ChunkOptions{TargetChars: 40, OverlapSentences: 1}
		checkChunks(t, a, opt, ChunkArticle(a, opt))
	})
}
