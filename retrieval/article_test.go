package retrieval

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
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

// stripTags removes markup from one raw line of HTML and decodes entities,
// to compare the line with the text the loader put on it.
var tagRe = regexp.MustCompile(`<[^>]*>|<[^>]*$|^[^<]*>`)

// checkLineInvariant checks that every sentence of a, cut at the newlines
// of Text, stands on the same lines of the raw file: every word of the part
// on line N is on line N of raw once its markup is stripped.
func checkLineInvariant(t *testing.T, a *Article, raw string) {
	t.Helper()
	rawLines := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n")
	if got, want := strings.Count(a.Text, "\n"), len(rawLines)-1; got != want {
		t.Fatalf("Text has %d newlines, the file %d", got, want)
	}
	for _, s := range SplitSentences(a.Text) {
		line := LineAt(a.Text, s.Start)
		for k, part := range strings.Split(a.Text[s.Start:s.End], "\n") {
			src := html.UnescapeString(tagRe.ReplaceAllString(rawLines[line+k-1], " "))
			for _, w := range strings.Fields(part) {
				if !strings.Contains(src, w) {
					t.Errorf("sentence %q: word %q is not on line %d of the file: %q", a.Text[s.Start:s.End], w, line+k, rawLines[line+k-1])
				}
			}
		}
	}
}

func sentences(text string) []string {
	var out []string
	for _, s := range SplitSentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestParseArticleHTMLPages(t *testing.T) {
	tests := []struct {
		file             string
		title            string
		date             time.Time
		bylines          []string
		dateline, agency string
		sentences        []string // among the sentences of Text
		lines            map[string]int
	}{
		{
			file:     "news.html",
			title:    "Canada weighs “Afghan” mission",
			date:     time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC), // article:published_time, not <time>
			bylines:  []string{"By David Ljunggren"},
			dateline: "OTTAWA", agency: "Reuters",
			sentences: []string{
				"Canada weighs “Afghan” mission",
				"OTTAWA (Reuters) - Canada’s government said on Thursday it would keep 2,500 troops\nin Kandahar until 2011.",
				"The U.S. Army welcomed the news.",
				`"We are staying the course," Foreign Minister Lawrence Cannon said.`,
				"Canada has lost 127 soldiers & NATO wants more help.",
				"First point without a period",
				"Second point",
				"A Canadian soldier on patrol in Kandahar.",
				"Diplomats say\nthe alliance will meet in Bucharest",
				"on April 2 to 4.",
				"A tag spread over\ntwo lines keeps its line.",
				"Troops",
				"2,500",
			},
			lines: map[string]int{"Canada has lost": 28, "Diplomats say": 34, "on April 2": 35},
		},
		{
			// A page of 2008 without <article> or <main>: the story is the
			// container named like one.
			file:  "old.htm",
			title: "NATO pushes for more troops in Afghanistan",
			date:  date(2008, 2, 8),
			sentences: []string{
				"NATO pushes for more troops in Afghanistan",
				"Updated Fri. Feb. 8 2008 11:15 AM ET",
				"There is a consensus among NATO members that Canada needs help in southern\nAfghanistan, says a spokesperson for the organization.",
				"NATO talks are underway in Brussels, Belgium.",
				`"Everyone's aware of the discussions in Canada," Appathurai said.`,
				"He spoke on Friday.",
			},
			lines: map[string]int{"He spoke": 20},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "loader", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := mustParse(t, "world/"+tt.file, raw)
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if !a.Date.Equal(tt.date) {
				t.Errorf("Date = %v, want %v", a.Date, tt.date)
			}
			if !slices.Equal(a.Bylines, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", a.Bylines, tt.bylines)
			}
			if a.Dateline != tt.dateline || a.Agency != tt.agency {
				t.Errorf("Dateline, Agency = %q, %q, want %q, %q", a.Dateline, a.Agency, tt.dateline, tt.agency)
			}
			for _, bad := range []string{"SHOULD-NOT-APPEAR", "<", ">", "&amp;", "&quot;", "&nbsp;", "tracking", "World", "Home"} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("Text contains %q:\n%s", bad, a.Text)
				}
			}
			got := sentences(a.Text)
			for _, want := range tt.sentences {
				if !slices.Contains(got, want) {
					t.Errorf("sentences lack %q; got %q", want, got)
				}
			}
			for text, line := range tt.lines {
				if i := strings.Index(a.Text, text); i < 0 || LineAt(a.Text, i) != line {
					t.Errorf("LineAt(%q) = %d (offset %d), want %d", text, LineAt(a.Text, i), i, line)
				}
			}
			checkLineInvariant(t, a, string(raw))
		})
	}
}

func TestParseArticleHTMLCases(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		title     string
		date      time.Time
		bylines   []string
		sentences []string // exactly, when set
		absent    []string
	}{
		{
			name:      "title without h1 loses its site name",
			page:      `<html><head><title>Troops stay in Kandahar | CNN</title><meta name="date" content="2009-06-13"></head><body><p>Text.</p></body></html>`,
			title:     "Troops stay in Kandahar",
			date:      date(2009, 6, 13),
			sentences: []string{"Text."},
		},
		{
			name:      "h1 that is the site name is not the headline",
			page:      `<title>Troops stay - Reuters</title><div class="logo"><h1>Reuters</h1></div><article><p>Troops stay in Kandahar.</p></article>`,
			title:     "Troops stay",
			sentences: []string{"Troops stay in Kandahar."},
		},
		{
			name:      "time datetime dates the page",
			page:      `<article><h1>Head</h1><time datetime="2008-02-22T10:00:00Z">Feb 22</time><p>Body.</p></article>`,
			title:     "Head",
			date:      time.Date(2008, 2, 22, 10, 0, 0, 0, time.UTC),
			sentences: []string{"Head", "Feb 22", "Body."},
		},
		{
			name:  "JSON-LD dates the page",
			page:  `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2009-06-13T08:00:00-04:00"}</script><p>Body.</p>`,
			title: "Body.",
			date:  time.Date(2009, 6, 13, 8, 0, 0, 0, time.FixedZone("", -4*3600)),
		},
		{
			name:      "main without article",
			page:      `<div>MENU</div><main><p>In main.</p></main><div>AFTER</div>`,
			sentences: []string{"In main."},
			absent:    []string{"MENU", "AFTER"},
		},
		{
			name:      "the article with the most text wins",
			page:      `<article><p>Teaser.</p></article><article><p>The story itself is longer.</p></article>`,
			sentences: []string{"The story itself is longer."},
		},
		{
			name:      "blocks on one line do not run together",
			page:      `<p>One</p><p>Two</p><ul><li>three</li><li>four</li></ul><div>five<br>six</div><table><tr><td>7</td><td>8</td></tr></table><h2>Nine</h2>ten`,
			sentences: []string{"One", "Two", "three", "four", "five", "six", "7", "8", "Nine", "ten"},
		},
		{
			name:      "inline markup is removed without a space",
			page:      `<p>Hello <b>big</b> wo<i>r</i>ld.</p>`,
			sentences: []string{"Hello big world."},
		},
		{
			name:      "a page wrapped in a form still has text",
			page:      `<body><form id="aspnetForm"><div><p>Wrapped text.</p></div></form></body>`,
			sentences: []string{"Wrapped text."},
		},
		{
			name:      "byline elements and meta author",
			page:      `<meta name="author" content="Jane Doe"><div class="article-byline">By <span class="author">Jane Doe</span> and John Roe</div><p>Body.</p>`,
			bylines:   []string{"By Jane Doe and John Roe"},
			sentences: []string{"By Jane Doe and John Roe", "Body."},
		},
		{
			name:      "the byline of the story, not of the comments",
			page:      `<header><p class="byline">By Jane Doe</p></header><article><p>Body.</p></article><section class="comments"><span class="comment-author">Troll</span></section>`,
			bylines:   []string{"By Jane Doe"},
			sentences: []string{"Body."},
		},
		{
			name:      "furniture inside the article is dropped",
			page:      `<article><p>Body.</p><div class="ad-slot"><div>Buy now</div></div><ul class="share-tools"><li>Tweet</li></ul><p>More.</p><div class="headline-extra">Kept.</div></article>`,
			sentences: []string{"Body.", "More.", "Kept."},
		},
		{
			name:      "site name before the title",
			page:      `<title>CTV.ca | NATO pushes for more troops</title><p>Body.</p>`,
			title:     "NATO pushes for more troops",
			sentences: []string{"Body."},
		},
		{
			name:      "inline images do not cut sentences",
			page:      `<p>A soldier <img src="flag.png" alt="flag"> waved.</p>`,
			sentences: []string{"A soldier waved."},
		},
		{
			name:      "entities that decode to newlines add no line",
			page:      `<p>a&#10;b &lt;c&gt;</p>`,
			sentences: []string{"a b <c>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "page.html", []byte(tt.page))
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if !a.Date.Equal(tt.date) {
				t.Errorf("Date = %v, want %v", a.Date, tt.date)
			}
			if tt.bylines != nil && !slices.Equal(a.Bylines, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", a.Bylines, tt.bylines)
			}
			if got := sentences(a.Text); tt.sentences != nil && !slices.Equal(got, tt.sentences) {
				t.Errorf("sentences = %q, want %q", got, tt.sentences)
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("Text = %q, contains %q", a.Text, s)
				}
			}
			if got, want := strings.Count(a.Text, "\n"), strings.Count(tt.page, "\n"); got != want {
				t.Errorf("Text has %d lines, the page %d", got+1, want+1)
			}
		})
	}
}

func TestParseArticleHTMLDeclaredCharset(t *testing.T) {
	page := []byte("<meta charset=\"windows-1252\">\n<p>caf\xe9 \x93quoted\x94</p>")
	a := mustParse(t, "old.htm", page)
	if got, want := sentences(a.Text), []string{"café “quoted”"}; !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestParseArticleMarkdown(t *testing.T) {
	tests := []struct {
		name, text    string
		title         string
		date          time.Time
		bylines       []string
		dateline      string
		firstTextLine int // line of the first non-blank text
	}{
		{
			name:  "front matter",
			text:  "---\ntitle: \"NATO boss wants Canada to stay\"\ndate: 2009-06-13\nauthor:\n  - David Ljunggren\n  - Rob Wilson\n---\n\nOTTAWA (Reuters) - The new secretary-general of NATO spoke.\n",
			title: "NATO boss wants Canada to stay", date: date(2009, 6, 13),
			bylines: []string{"David Ljunggren", "Rob Wilson"}, dateline: "OTTAWA", firstTextLine: 9,
		},
		{
			name:  "front matter with a full timestamp",
			text:  "---\ntitle: Talks\ndate: 2008-02-22T10:30:00Z\n---\nBody.\n",
			title: "Talks", date: time.Date(2008, 2, 22, 10, 30, 0, 0, time.UTC), firstTextLine: 5,
		},
		{
			name:  "invalid front matter is still blanked",
			text:  "---\ntitle: [unclosed\n---\nBody text here.\n",
			title: "Body text here.", firstTextLine: 4,
		},
		{
			name:  "leading heading",
			text:  "\n# Canada to extend its mission #\n\nBy Jane Doe\n\nText *with* markup.\n",
			title: "Canada to extend its mission", bylines: []string{"By Jane Doe"}, firstTextLine: 2,
		},
		{
			name:  "setext heading",
			text:  "Canada to extend its mission\n============================\n\nText.\n",
			title: "Canada to extend its mission", firstTextLine: 1,
		},
		{
			name:  "unclosed front matter is text",
			text:  "---\nnot front matter\n",
			title: "---\nnot front matter", firstTextLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "story.md", []byte(tt.text))
			if a.Title != strings.ReplaceAll(tt.title, "\n", " ") {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if !a.Date.Equal(tt.date) {
				t.Errorf("Date = %v, want %v", a.Date, tt.date)
			}
			if !slices.Equal(a.Bylines, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", a.Bylines, tt.bylines)
			}
			if a.Dateline != tt.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tt.dateline)
			}
			if got, want := strings.Count(a.Text, "\n"), strings.Count(tt.text, "\n"); got != want {
				t.Errorf("Text has %d newlines, the file %d", got, want)
			}
			first := len(a.Text) - len(strings.TrimLeft(a.Text, " \n"))
			if got := LineAt(a.Text, first); got != tt.firstTextLine {
				t.Errorf("first text on line %d, want %d", got, tt.firstTextLine)
			}
		})
	}
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

func TestParseArticleTextMetadata(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name, source, text string
		want               Article // Title, Dateline, Agency, Bylines, Date are compared
	}{
		{
			name: "header lines", source: "a.txt",
			text: "Title: Troops to stay\nDate: 2008-02-22\nAuthor: Jane Doe\n\nBody.\n",
			want: Article{Title: "Troops to stay", Bylines: []string{"Jane Doe"}, Date: date(2008, 2, 22)},
		},
		{
			name: "news database export", source: "a.txt",
			text: "Canada to extend mission\n\nBYLINE: Jane Doe\nSECTION: WORLD\nLENGTH: 500 words\nDATELINE: OTTAWA\n\nThe government said so.\n",
			want: Article{Title: "Canada to extend mission", Dateline: "OTTAWA", Bylines: []string{"Jane Doe"}},
		},
		{
			name: "byline line and AP dateline", source: "a.txt",
			text: "Troops to stay\nBy JANE DOE, Associated Press Writer\n\nWASHINGTON (AP) — The Pentagon said so.\n",
			want: Article{Title: "Troops to stay", Dateline: "WASHINGTON", Agency: "AP", Bylines: []string{"By JANE DOE, Associated Press Writer"}},
		},
		{
			name: "dateline with a date and no year", source: "a.txt",
			text: "LONDON, Feb 22 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "LONDON", Agency: "Reuters"},
		},
		{
			name: "dateline date completed by the year of the file name", source: "2008_oil.txt",
			text: "LONDON, Feb 22 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "LONDON", Agency: "Reuters", Date: date(2008, 2, 22)},
		},
		{
			name: "dateline with a full date", source: "a.txt",
			text: "WASHINGTON, Feb. 22, 2008 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "WASHINGTON", Agency: "Reuters", Date: date(2008, 2, 22)},
		},
		{
			name: "dateline without agency", source: "a.txt",
			text: "NEW YORK -- Stocks fell on Friday.\n",
			want: Article{Title: "Stocks fell on Friday.", Dateline: "NEW YORK"},
		},
		{
			name: "dateline with region", source: "a.txt",
			text: "KANDAHAR, Afghanistan (Reuters) - A soldier died.\n",
			want: Article{Title: "A soldier died.", Dateline: "KANDAHAR, Afghanistan", Agency: "Reuters"},
		},
		{
			name: "no dateline in a sentence with a dash", source: "a.txt",
			text: "US - China talks resumed on Friday.\n",
			want: Article{Title: "US - China talks resumed on Friday."},
		},
		{
			name: "file name date", source: "2008/2008-02-22-troops.txt",
			text: "Body.",
			want: Article{Title: "Body.", Date: date(2008, 2, 22)},
		},
		{
			name: "file name year only means January 1", source: "1790_george_washington_n.txt",
			text: "Fellow-Citizens: I meet you.",
			want: Article{Title: "Fellow-Citizens: I meet you.", Date: date(1790, 1, 1)},
		},
		{
			name: "date folders", source: "news/2009/06/13/story.txt",
			text: "Body.",
			want: Article{Title: "Body.", Date: date(2009, 6, 13)},
		},
		{
			name: "a number that is no year", source: "000_7b664699113ac3fb.txt",
			text: "Body in 2008.",
			want: Article{Title: "Body in 2008."},
		},
		{
			name: "credits in a paragraph", source: "a.txt",
			text: "Body. (Additional reporting by Jane Doe in Ottawa; Writing by John Roe)\n",
			want: Article{Title: "Body.", Bylines: []string{"Additional reporting by Jane Doe in Ottawa; Writing by John Roe"}},
		},
		{
			name: "sentences starting with By are no bylines", source: "a.txt",
			text: "By Friday, the troops had left.\n\nBy the numbers\n\nBy Monday\n",
			want: Article{Title: "By Friday, the troops had left."},
		},
		{
			name: "a long first sentence is cut at a word", source: "a.txt",
			text: long + "end.",
			want: Article{Title: strings.TrimSpace(long[:150]) + "…"},
		},
		{
			name: "a title line ending in a period is a sentence", source: "a.txt",
			text: "Troops will stay.\n\nMore text.",
			want: Article{Title: "Troops will stay."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.source, []byte(tt.text))
			got := Article{Title: a.Title, Dateline: a.Dateline, Agency: a.Agency, Bylines: a.Bylines, Date: a.Date}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseArticle(%q, %q) =\n %+v\nwant\n %+v", tt.source, tt.text, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2008-02-22", date(2008, 2, 22)},
		{"2008-02-22T14:30:00Z", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008-02-22T14:30:00.000+0000", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008-02-22 14:30:00", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008/02/22", date(2008, 2, 22)},
		{"February 22, 2008", date(2008, 2, 22)},
		{"Friday, Feb. 22, 2008 3:04 PM EST", date(2008, 2, 22)},
		{"Sept. 11, 2001", date(2001, 9, 11)},
		{"Fri, 22 Feb 2008 14:30:00 GMT", date(2008, 2, 22)},
		{"2008-02-30", time.Time{}},
		{"yesterday", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if !got.Equal(tt.want) || ok == tt.want.IsZero() {
			t.Errorf("parseDate(%q) = %v, %v, want %v", tt.in, got, ok, tt.want)
		}
	}
}

// writeTree creates files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func warningTexts(warns []error) []string {
	var out []string
	for _, w := range warns {
		out = append(out, w.Error())
	}
	return out
}

func TestListCorpus(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":                "a",
		"nested/b.md":          "b",
		"nested/deeper/c.html": "c",
		"D.HTM":                "d",
		"e.markdown":           "e",
		"f.Txt":                "f",
		"README.md":            "readme",
		"photo.jpg":            "jpeg",
		"LICENSE":              "license",
		"small.txt":            strings.Repeat("x", 150),
		".hidden.txt":          "hidden",
		".git/config":          "git",
		".newsbot/seg.json":    "{}",
		"nested/.cache/x.txt":  "hidden too",
	})
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 12 MB by its size, nothing on disk.
	if err := big.Truncate(12 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	for link, target := range map[string]string{"link.txt": "a.txt", "dangling.txt": "missing.txt", "dirlink": "nested"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}

	files, warns, err := ListCorpus(dir, LoadOptions{})
	if err != nil {
		t.Fatalf("ListCorpus: %v", err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Source)
	}
	want := []string{"D.HTM", "README.md", "a.txt", "e.markdown", "f.Txt", "link.txt", "nested/b.md", "nested/deeper/c.html", "small.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("sources = %q, want %q", got, want)
	}
	if files[6].Size != 1 || files[6].ModTime.IsZero() {
		t.Errorf("nested/b.md: Size, ModTime = %d, %v; want 1 and a time", files[6].Size, files[6].ModTime)
	}
	if files[5].Size != 1 {
		t.Errorf("link.txt: Size = %d, want 1 (the size of the file it names)", files[5].Size)
	}
	wantWarns := []string{
		"skipping LICENSE: unsupported file type (no extension)",
		"skipping big.txt: 12.0 MB exceeds the 10.0 MB limit",
		"skipping dangling.txt: broken symbolic link",
		"skipping dirlink/: symbolic link to a directory, not followed",
		`skipping photo.jpg: unsupported file type ".jpg"`,
	}
	if got := warningTexts(warns); !slices.Equal(got, wantWarns) {
		t.Errorf("warnings =\n%q\nwant\n%q", got, wantWarns)
	}
	for _, w := range warns {
		var se *SkipError
		if !errors.As(w, &se) || se.Source == "" {
			t.Errorf("warning %v is not a *SkipError with a Source", w)
		}
	}

	t.Run("MaxBytes", func(t *testing.T) {
		_, warns, err := ListCorpus(dir, LoadOptions{MaxBytes: 100})
		if err != nil {
			t.Fatal(err)
		}
		if want := "skipping small.txt: 150 B exceeds the 100 B limit"; !slices.Contains(warningTexts(warns), want) {
			t.Errorf("warnings = %q, want one %q", warningTexts(warns), want)
		}
	})
	t.Run("root through a symbolic link", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "corpus")
		if err := os.Symlink(dir, link); err != nil {
			t.Fatal(err)
		}
		files, _, err := ListCorpus(link, LoadOptions{})
		if err != nil || len(files) != len(want) {
			t.Errorf("ListCorpus(link) = %d files, %v; want %d files", len(files), err, len(want))
		}
	})
}

func TestListCorpusUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read any file: permissions cannot make one unreadable")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"ok.txt": "ok", "secret.txt": "s", "private/x.txt": "x"})
	for _, p := range []string{"secret.txt", "private"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	files, warns, err := ListCorpus(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Source != "ok.txt" {
		t.Errorf("files = %v, want only ok.txt", files)
	}
	want := []string{"skipping private/: permission denied", "skipping secret.txt: permission denied"}
	if got := warningTexts(warns); !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}

func TestListCorpusRootErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"file.txt": "x"})
	for _, root := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file.txt")} {
		if files, _, err := ListCorpus(root, LoadOptions{}); err == nil || !strings.Contains(err.Error(), root) {
			t.Errorf("ListCorpus(%q) = %v, %v; want an error naming it", root, files, err)
		}
	}
	files, warns, err := ListCorpus(t.TempDir(), LoadOptions{})
	if err != nil || len(files) != 0 || len(warns) != 0 {
		t.Errorf("ListCorpus(empty dir) = %v, %v, %v; want nothing", files, warns, err)
	}
}
