package retrieval

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

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
	a.Agency = sc.siteName // a dateline naming an agency comes first (describeText)
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
				t.attrs.set(k, v)
			}
		}
		fn(&t)
	}
}

// set keeps an attribute (key lower-cased, value unescaped by the
// tokenizer) if the loader looks at it.
func (a *htmlAttrs) set(k, v []byte) {
	var dst *string
	switch string(k) {
	case "class":
		dst = &a.class
	case "rel":
		dst = &a.rel
	case "id":
		dst = &a.id
	case "name":
		dst = &a.name
	case "property":
		dst = &a.property
	case "itemprop":
		dst = &a.itemprop
	case "content":
		dst = &a.content
	case "datetime":
		dst = &a.datetime
	case "type":
		dst = &a.typ
	default:
		return
	}
	*dst = string(v)
}

// dropCounter tracks the open elements whose content is dropped.
type dropCounter struct {
	level int
	open  map[string]int
}

// update counts the tag token t in.
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
	siteName string // of <meta property="og:site_name">: the outlet
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
		// Regions left open by sloppy markup are few; a cap keeps a page of
		// thousands of unclosed cells linear.
		if kind := regionKind(t); kind >= 0 && len(open) < 64 {
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
		content := collapseSpace(at.content)
		if content == "" {
			return
		}
		switch key {
		case "og:title":
			sc.ogTitle = content
		case "og:site_name", "application-name":
			if sc.siteName == "" {
				sc.siteName = content
			}
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

// stripSiteName removes a site name from the end or the start of a page
// title ("Troops stay - Reuters", "CTV.ca | Troops stay") and returns the
// title and the site name.
func stripSiteName(title string) (string, string) {
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " · ", " • "} {
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
