package retrieval

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

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

// A page's outlet is its site's name, unless a dateline names an agency.
func TestHTMLSiteNameAsOutlet(t *testing.T) {
	for _, tt := range []struct{ page, agency string }{
		{`<html><head><meta property="og:site_name" content="Harrow Gazette"></head><body><article><h1>Reservoir low</h1><p>HARROW - The reservoir fell to 21 percent.</p></article></body></html>`, "Harrow Gazette"},
		{`<html><head><meta property="og:site_name" content="Harrow Gazette"></head><body><article><h1>Reservoir low</h1><p>HARROW (Reuters) - The reservoir fell to 21 percent.</p></article></body></html>`, "Reuters"},
		{`<html><body><article><h1>Reservoir low</h1><p>The reservoir fell to 21 percent.</p></article></body></html>`, ""},
	} {
		a := mustParse(t, "page.html", []byte(tt.page))
		if a.Agency != tt.agency {
			t.Errorf("Agency = %q, want %q", a.Agency, tt.agency)
		}
	}
}
