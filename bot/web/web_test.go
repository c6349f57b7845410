package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/time/rate"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/bot/llm"
	"github.com/newsbot/newsbot/bot/llm/llmtest"
	"github.com/newsbot/newsbot/bot/web"
	"github.com/newsbot/newsbot/retrieval/pdftest"
)

var update = flag.Bool("update", false, "rewrite golden files and the README screenshots")

const seeds = "../../seeds"

// newServer serves corpus with the offline bot, as `newsbot serve` does
// by default.
func newServer(t *testing.T, corpus string, opt web.Options) *web.Server {
	t.Helper()
	ix := bottest.Index(t, corpus)
	b := bot.New(ix, extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
	opt.Corpus = corpus
	return web.New(b, ix, opt)
}

// do serves one request, given as its raw target so that nothing cleans
// the path on the way, from the client at remote.
func do(h http.Handler, method, target, body string, header map[string]string) *http.Response {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.RemoteAddr = "192.0.2.1:1234"
	for k, v := range header {
		if k == "RemoteAddr" {
			r.RemoteAddr = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func readBody(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var jsonHeader = map[string]string{"Content-Type": "application/json"}

// askJSON is the contract of POST /api/ask: `newsbot ask --json` and the
// conversation.
type askJSON struct {
	Question     string `json:"question"`
	Answer       string `json:"answer"`
	Refused      bool   `json:"refused"`
	Mode         string `json:"mode"`
	Note         string `json:"note"`
	Conversation string `json:"conversation"`
	Citations    []struct {
		N       int    `json:"n"`
		Source  string `json:"source"`
		Title   string `json:"title"`
		Page    int    `json:"page"`
		Lines   [2]int `json:"lines"`
		Columns [2]int `json:"columns"`
		Quote   string `json:"quote"`
		Date    string `json:"date"`
		URL     string `json:"url"`
	} `json:"citations"`
}

func decodeStrict(t *testing.T, s string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decoding %s: %v", s, err)
	}
}

// checkQuote checks that a citation's quote is in its file at its lines
// and columns.
func checkQuote(t *testing.T, corpus, source string, lines, cols [2]int, quote string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus, source))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Split(string(data), "\n")
	if lines[0] < 1 || lines[1] > len(all) || lines[0] != lines[1] {
		t.Fatalf("%s: lines %v, want one line of the file", source, lines)
	}
	line := []rune(all[lines[0]-1])
	if cols[0] < 1 || cols[1] > len(line) || string(line[cols[0]-1:cols[1]]) != quote {
		t.Errorf("%s:%d columns %v do not hold the quote %q", source, lines[0], cols, quote)
	}
}

func TestAPIAsk(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	res := do(s, "POST", "/api/ask", `{"question": "Who is the NATO spokesperson?"}`, jsonHeader)
	body := readBody(t, res)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q, want 200 JSON: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var a askJSON
	decodeStrict(t, body, &a)
	if a.Question != "Who is the NATO spokesperson?" || a.Mode != "extractive" || a.Refused || !strings.Contains(a.Answer, "Appathurai") {
		t.Errorf("answer %+v, want an extractive answer naming Appathurai", a)
	}
	if len(a.Citations) == 0 || a.Conversation == "" {
		t.Fatalf("answer %+v, want citations and a conversation", a)
	}
	for _, c := range a.Citations {
		checkQuote(t, seeds, c.Source, c.Lines, c.Columns, c.Quote)
		want := fmt.Sprintf("/articles/%s?at=%d.%d-%d#cited", c.Source, c.Lines[0], c.Columns[0], c.Columns[1])
		if c.URL != want {
			t.Errorf("citation URL %q, want %q", c.URL, want)
		}
	}

	// A follow-up in the same conversation keeps its topic.
	res = do(s, "POST", "/api/ask", `{"question": "And what did France say?", "conversation": "`+a.Conversation+`"}`, jsonHeader)
	var f askJSON
	decodeStrict(t, readBody(t, res), &f)
	if f.Conversation != a.Conversation || f.Refused || !strings.Contains(f.Answer, "Franc") {
		t.Errorf("follow-up = %+v, want an answer about France in conversation %s", f, a.Conversation)
	}
	// An unknown conversation starts a new one, under a name of the server's.
	res = do(s, "POST", "/api/ask", `{"question": "Who is the NATO spokesperson?", "conversation": "chosen-by-client"}`, jsonHeader)
	var n askJSON
	decodeStrict(t, readBody(t, res), &n)
	if n.Conversation == "" || n.Conversation == "chosen-by-client" || n.Conversation == a.Conversation {
		t.Errorf("conversation of an unknown ID = %q, want a new one", n.Conversation)
	}
}

// event is one server-sent event.
type event struct {
	name, data string
}

func readEvents(t *testing.T, r io.Reader) []event {
	t.Helper()
	var out []event
	var cur event
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" {
				out = append(out, cur)
			}
			cur = event{}
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data += strings.TrimPrefix(line, "data: ")
		default:
			t.Errorf("unexpected line in the event stream: %q", line)
		}
	}
	return out
}

// The model path: tokens stream as the fake OpenAI server sends them,
// then the checked answer, its markers renumbered and its quotes found.
func TestAPIAskStreamsTheModel(t *testing.T) {
	srv := llmtest.NewServer(t, llmtest.Reply{Chunks: []string{"NATO's spokesperson is ", "James Appathurai [3]", " <script>alert(1)</script>."}})
	model := llm.New(llm.NewOpenAIClient(srv.ClientConfig()), llm.Options{Model: "test-model", BaseBackoff: time.Millisecond})
	ix := bottest.Index(t, seeds)
	b := bot.New(ix, model, bot.Options{Corpus: seeds, Fallback: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), Rewriter: model})
	s := web.New(b, ix, web.Options{Corpus: seeds})

	hs := httptest.NewServer(s)
	defer hs.Close()
	req, _ := http.NewRequest("POST", hs.URL+"/api/ask?html=1", strings.NewReader(`{"question":"Who is the NATO spokesperson?"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	res, err := hs.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("status %d, type %q, want 200 text/event-stream", res.StatusCode, res.Header.Get("Content-Type"))
	}
	events := readEvents(t, res.Body)
	var tokens strings.Builder
	var names []string
	for _, e := range events {
		names = append(names, e.name)
		if e.name == "token" {
			var tok struct{ Text string }
			decodeStrict(t, e.data, &tok)
			tokens.WriteString(tok.Text)
		}
	}
	if got := strings.Join(names, ","); got != "token,token,token,answer,html" {
		t.Fatalf("events %s, want three tokens, the answer and its HTML", got)
	}
	if tokens.String() != "NATO's spokesperson is James Appathurai [3] <script>alert(1)</script>." {
		t.Errorf("streamed %q, want the model's text as written", tokens.String())
	}
	var a askJSON
	decodeStrict(t, events[3].data, &a)
	if a.Mode != "llm" || !strings.Contains(a.Answer, "Appathurai [1]") || len(a.Citations) != 1 || a.Conversation == "" {
		t.Fatalf("answer %+v, want the model's answer with [3] renumbered [1]", a)
	}
	c := a.Citations[0]
	checkQuote(t, seeds, c.Source, c.Lines, c.Columns, c.Quote)
	var html string
	decodeStrict(t, events[4].data, &html)
	if strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the rendered answer does not escape the model's markup:\n%s", html)
	}
	if !strings.Contains(html, `<a class="cite" href="`+c.URL+`"`) {
		t.Errorf("the rendered answer does not link [1] to %s:\n%s", c.URL, html)
	}
}

// Without a model the answer's text comes at once, then the answer.
func TestAPIAskStreamsExtractive(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	res := do(s, "POST", "/api/ask", `{"question":"Who is the NATO spokesperson?"}`, map[string]string{"Content-Type": "application/json", "Accept": "text/event-stream"})
	events := readEvents(t, res.Body)
	if len(events) != 2 || events[0].name != "token" || events[1].name != "answer" {
		t.Fatalf("events %+v, want the text, then the answer", events)
	}
	var tok struct{ Text string }
	decodeStrict(t, events[0].data, &tok)
	var a askJSON
	decodeStrict(t, events[1].data, &a)
	if a.Refused || len(a.Citations) == 0 || tok.Text != a.Answer {
		t.Errorf("answer %+v after text %q, want a cited answer with the same text", a, tok.Text)
	}
}

func TestAPIErrors(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	long := strings.Repeat("why ", 300)
	cases := []struct {
		name, method, target, body string
		header                     map[string]string
		status                     int
		msg                        string
	}{
		{"ask by GET", "GET", "/api/ask", "", nil, 405, "use POST"},
		{"ask as a form", "POST", "/api/ask", "question=hi", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "JSON"},
		{"ask bad JSON", "POST", "/api/ask", `{"question":`, jsonHeader, 400, "bad JSON"},
		{"ask empty body", "POST", "/api/ask", ``, jsonHeader, 400, "empty body"},
		{"ask unknown field", "POST", "/api/ask", `{"q":"hi"}`, jsonHeader, 400, "unknown field"},
		{"ask two values", "POST", "/api/ask", `{"question":"hi"}{}`, jsonHeader, 400, "more than one"},
		{"ask no question", "POST", "/api/ask", `{"question":"  "}`, jsonHeader, 400, "Ask a question"},
		{"ask too long", "POST", "/api/ask", `{"question":"` + long + `"}`, jsonHeader, 400, "too long"},
		{"ask too big", "POST", "/api/ask", `{"question":"hi","conversation":"` + strings.Repeat("x", 20<<10) + `"}`, jsonHeader, 413, "over 16384 bytes"},
		{"search without q", "GET", "/api/search", "", nil, 400, "q: Ask a question"},
		{"search bad k", "GET", "/api/search?q=nato&k=0", "", nil, 400, "k: want"},
		{"search bad date", "GET", "/api/search?q=nato&after=June", "", nil, 400, "after: bad date"},
		{"search by POST", "POST", "/api/search?q=nato", "", nil, 405, "use GET"},
		{"articles by DELETE", "DELETE", "/api/articles", "", nil, 405, "use GET"},
		{"unknown endpoint", "GET", "/api/nothing", "", nil, 404, "no such API endpoint"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := do(s, c.method, c.target, c.body, c.header)
			body := readBody(t, res)
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil || res.Header.Get("Content-Type") != "application/json" {
				t.Fatalf("body %q (%s), want a JSON error", body, res.Header.Get("Content-Type"))
			}
			if res.StatusCode != c.status || !strings.Contains(e.Error, c.msg) {
				t.Errorf("status %d, error %q; want %d, %q", res.StatusCode, e.Error, c.status, c.msg)
			}
		})
	}
}

func TestAPISearch(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	res := do(s, "GET", "/api/search?q=Appathurai+spokesperson&k=2", "", nil)
	var hits []struct {
		Source string  `json:"source"`
		Title  string  `json:"title"`
		Lines  [2]int  `json:"lines"`
		Score  float64 `json:"score"`
		Text   string  `json:"text"`
		Date   string  `json:"date"`
	}
	decodeStrict(t, readBody(t, res), &hits)
	if len(hits) != 2 || hits[0].Source != "000_7b664699113ac3fb.txt" || !strings.Contains(hits[0].Text, "Appathurai") || hits[0].Lines[0] < 1 {
		t.Errorf("hits %+v, want 2 with the Appathurai passage first", hits)
	}
	res = do(s, "GET", "/api/search?q=Appathurai&source=001", "", nil)
	decodeStrict(t, readBody(t, res), &hits)
	for _, h := range hits {
		if !strings.HasPrefix(h.Source, "001") {
			t.Errorf("hit from %s, want only sources under 001", h.Source)
		}
	}
}

func TestAPIArticles(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	res := do(s, "GET", "/api/articles", "", nil)
	var arts []struct {
		Source   string   `json:"source"`
		Title    string   `json:"title"`
		Date     string   `json:"date"`
		Outlet   string   `json:"outlet"`
		Dateline string   `json:"dateline"`
		Bylines  []string `json:"bylines"`
		Passages int      `json:"passages"`
		URL      string   `json:"url"`
	}
	decodeStrict(t, readBody(t, res), &arts)
	if len(arts) != 3 {
		t.Fatalf("%d articles, want the 3 seeds", len(arts))
	}
	a := arts[2]
	if a.Source != "002_6b9d529eae85757d.txt" || a.Title != "NATO boss wants Canada to extend Afghan tour: reports" ||
		a.Outlet != "Reuters" || a.Dateline != "OTTAWA" || a.Passages < 1 || a.URL != "/articles/002_6b9d529eae85757d.txt" {
		t.Errorf("article %+v, want the Reuters story from Ottawa", a)
	}
}

var citeRe = regexp.MustCompile(`<a class="cite" href="([^"]+)"`)

func TestPageAnswersAndLinksToTheArticle(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	q := "Who wants Canada to extend its mission in Afghanistan?"
	res := do(s, "GET", "/?q="+url.QueryEscape(q), "", nil)
	page := readBody(t, res)
	if res.StatusCode != 200 || !strings.Contains(page, "Rasmussen") {
		t.Fatalf("status %d, want 200 and an answer naming Rasmussen:\n%s", res.StatusCode, page)
	}
	links := citeRe.FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Fatalf("no [n] links in the answer:\n%s", page)
	}
	conv := regexp.MustCompile(`name="c" value="([A-Z0-9]+)"`).FindStringSubmatch(page)
	if conv == nil {
		t.Fatalf("no conversation in the form:\n%s", page)
	}
	// Reloading the answer's page shows it again instead of asking twice.
	again := readBody(t, do(s, "GET", "/?q="+url.QueryEscape(q)+"&c="+conv[1], "", nil))
	if n := strings.Count(again, `<article class="turn">`); n != 1 {
		t.Errorf("reloaded page shows %d turns, want 1", n)
	}

	// The citation opens the article with the quote marked.
	link, _, _ := strings.Cut(strings.ReplaceAll(links[0][1], "&amp;", "&"), "#") // browsers keep the fragment
	art := do(s, "GET", link, "", nil)
	view := readBody(t, art)
	if art.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", link, art.StatusCode)
	}
	quote := regexp.MustCompile(`<blockquote>([^<]*)</blockquote>`).FindStringSubmatch(page)
	mark := regexp.MustCompile(`<mark id="cited">([^<]*)</mark>`).FindStringSubmatch(view)
	if quote == nil || mark == nil || mark[1] != quote[1] {
		t.Errorf("article view of %s marks %v, want the quote of [1] %v:\n%s", link, mark, quote, view)
	}
	for _, want := range []string{"<h1>NATO boss wants Canada to extend Afghan tour: reports</h1>", "Reuters · OTTAWA", `class="line cited"`} {
		if !strings.Contains(view, want) {
			t.Errorf("article view lacks %q", want)
		}
	}
}

// A PDF's citation names its page; its link opens the article at that
// page's line with the quote marked.
func TestPDFCitationOpensItsPage(t *testing.T) {
	corpus := t.TempDir()
	doc := pdftest.Doc{Title: "Harbour report", Pages: [][]string{
		{"Harbour report", "The harbour authority met in June."},
		{"Dredging the east channel will cost 4 million euros.", "Work starts next spring."},
	}}
	if err := os.WriteFile(filepath.Join(corpus, "harbour.pdf"), doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, corpus, web.Options{})
	var a askJSON
	decodeStrict(t, readBody(t, do(s, "POST", "/api/ask", `{"question":"How much will dredging the east channel cost?"}`, jsonHeader)), &a)
	if len(a.Citations) == 0 {
		t.Fatalf("answer %+v, want a citation", a)
	}
	c := a.Citations[0]
	if c.Page != 2 || !strings.Contains(c.URL, "at=p2%3A") {
		t.Fatalf("citation %+v, want page 2 in its link", c)
	}
	link, _, _ := strings.Cut(c.URL, "#")
	view := readBody(t, do(s, "GET", link, "", nil))
	mark := regexp.MustCompile(`<mark id="cited">([^<]*)</mark>`).FindStringSubmatch(view)
	if mark == nil || mark[1] != c.Quote || !strings.Contains(view, `<h2 class="page" id="p2">Page 2</h2>`) {
		t.Errorf("article view of %s marks %v, want %q under a Page 2 heading:\n%s", link, mark, c.Quote, view)
	}
}

func TestPageArticlesList(t *testing.T) {
	s := newServer(t, seeds, web.Options{})
	page := readBody(t, do(s, "GET", "/articles", "", nil))
	for _, src := range []string{"000_7b664699113ac3fb.txt", "001_b7e1029fb9729208.txt", "002_6b9d529eae85757d.txt"} {
		if !strings.Contains(page, `href="/articles/`+src+`"`) {
			t.Errorf("the list lacks a link to %s", src)
		}
	}
}

// hostile is a corpus whose articles and file names try to inject markup,
// beside a file that must never be served.
func hostile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	files := map[string]string{
		"corpus/evil.txt": "Breaking <script>alert('pwned')</script> news\n\nThe mayor said \"><img src=x onerror=alert(1)> the budget is 5 million dollars.\n",
		"corpus/evil.html": "<html><head><title>Council &lt;script&gt;alert(2)&lt;/script&gt; vote</title></head><body><article>" +
			"<p>The council voted &lt;script&gt;alert(3)&lt;/script&gt; on Tuesday to close the library.</p></article></body></html>\n",
		"corpus/sub/a\"b<i>c.txt": "Strange name\n\nThe ferry resumed service on Monday after repairs.\n",
		"corpus/notes.csv":        "not,an,article\n",
		"corpus/.hidden.txt":      "Hidden file that is not indexed.\n",
		"secret.txt":              "Outside the corpus: the password is hunter2.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

func TestArticleTraversalIs404(t *testing.T) {
	corpus := hostile(t)
	s := newServer(t, corpus, web.Options{})
	for _, target := range []string{
		"/articles/../../etc/passwd",
		"/articles/..%2f..%2fetc%2fpasswd",
		"/articles/%2e%2e/%2e%2e/etc/passwd",
		"/articles/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
		"/articles/%252e%252e/%252e%252e/etc/passwd",
		"/articles/..%5c..%5cetc%5cpasswd",
		"/articles/..\\..\\etc\\passwd",
		"/articles//etc/passwd",
		"/articles/%2fetc%2fpasswd",
		"/articles/../secret.txt",
		"/articles/%2e%2e/secret.txt",
		"/articles/sub/../../secret.txt",
		"/articles/evil.txt/..",
		"/articles/./evil.txt",
		"/articles/evil.txt%00.html",
		"/articles/notes.csv",
		"/articles/.hidden.txt",
		"/articles/missing.txt",
		"/static/../web.go",
		"/static/%2e%2e/web.go",
		"/static/..%2fweb.go",
		"/../../etc/passwd",
	} {
		res := do(s, "GET", target, "", nil)
		body := readBody(t, res)
		if res.StatusCode != 404 {
			t.Errorf("GET %s: status %d, want 404", target, res.StatusCode)
		}
		for _, leak := range []string{"hunter2", "root:", "not,an,article", "Hidden file", "package web"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s leaks %q", target, leak)
			}
		}
	}
	// The file with the strange name is reachable by its escaped path.
	res := do(s, "GET", web.ArticlePath(`sub/a"b<i>c.txt`, ""), "", nil)
	if body := readBody(t, res); res.StatusCode != 200 || !strings.Contains(body, "The ferry resumed service") {
		t.Errorf("GET %s: status %d, want the article", web.ArticlePath(`sub/a"b<i>c.txt`, ""), res.StatusCode)
	}
}

// liveMarkup returns the first element or attribute of page that a
// strict policy would block and escaping must prevent: a script without
// src, an event handler, a style attribute or element, a javascript: URL,
// or an element the templates never write (img, iframe...).
func liveMarkup(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "img", "iframe", "object", "embed", "svg", "math", "style", "base", "frame":
				return "<" + tok.Data + ">"
			}
			hasSrc := false
			for _, a := range tok.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"), a.Key == "style", a.Key == "srcdoc", a.Key == "formaction":
					return a.Key + "=" + a.Val
				case strings.Contains(strings.ToLower(a.Val), "javascript:"):
					return a.Key + "=" + a.Val
				case a.Key == "src":
					hasSrc = strings.HasPrefix(a.Val, "/static/")
				}
			}
			if tok.Data == "script" && !hasSrc {
				return "<script> without a src of the server's"
			}
		}
	}
}

func TestEverythingIsEscaped(t *testing.T) {
	corpus := hostile(t)
	s := newServer(t, corpus, web.Options{})
	pages := map[string]string{}
	for _, target := range []string{
		"/articles/evil.txt",
		"/articles/evil.html",
		"/articles",
		web.ArticlePath(`sub/a"b<i>c.txt`, "3.1-20"),
		"/?q=" + url.QueryEscape("What did the mayor say about the budget?"),
		"/?q=" + url.QueryEscape("<script>alert(4)</script> council library"),
		"/?q=" + url.QueryEscape(strings.Repeat("<script>", 200)),
	} {
		res := do(s, "GET", target, "", nil)
		body := readBody(t, res)
		pages[target] = body
		if m := liveMarkup(body); m != "" {
			t.Errorf("GET %s: %q is live markup:\n%s", target, m, body)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: Content-Security-Policy %q, want scripts from the server's files only", target, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", target)
		}
	}
	for target, want := range map[string]string{
		"/articles/evil.txt":  "Breaking &lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; news",
		"/articles/evil.html": "The council voted &lt;script&gt;alert(3)&lt;/script&gt; on Tuesday",
		"/?q=" + url.QueryEscape("What did the mayor say about the budget?"): "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
	} {
		if !strings.Contains(pages[target], want) {
			t.Errorf("GET %s does not show the text %q:\n%s", target, want, pages[target])
		}
	}
}

func TestToken(t *testing.T) {
	s := newServer(t, seeds, web.Options{Token: "s3cret"})
	cases := []struct {
		name, method, target, body string
		header                     map[string]string
		status                     int
	}{
		{"page without token", "GET", "/", "", nil, 401},
		{"article without token", "GET", "/articles/000_7b664699113ac3fb.txt", "", nil, 401},
		{"API without token", "GET", "/api/articles", "", nil, 401},
		{"API with wrong token", "GET", "/api/articles", "", map[string]string{"Authorization": "Bearer nope"}, 401},
		{"API with token", "GET", "/api/articles", "", map[string]string{"Authorization": "Bearer s3cret"}, 200},
		{"page with cookie", "GET", "/articles", "", map[string]string{"Cookie": "newsbot_token=s3cret"}, 200},
		{"page with wrong cookie", "GET", "/articles", "", map[string]string{"Cookie": "newsbot_token=s3cre"}, 401},
		{"style sheet", "GET", "/static/style.css", "", nil, 200},
		{"health", "GET", "/healthz", "", nil, 200},
		{"login page", "GET", "/login", "", nil, 200},
		{"wrong login", "POST", "/login", "token=guess&next=/articles", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := do(s, c.method, c.target, c.body, c.header)
			body := readBody(t, res)
			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d", res.StatusCode, c.status)
			}
			if c.status == 401 && strings.Contains(body, "Appathurai") {
				t.Errorf("a refused request shows the coverage:\n%s", body)
			}
			if c.status == 401 && strings.HasPrefix(c.target, "/api/") && res.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("401 without WWW-Authenticate")
			}
		})
	}
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "RemoteAddr": "192.0.2.9:1"}
	res := do(s, "POST", "/login", "token=s3cret&next=/articles", form)
	cookie := res.Header.Get("Set-Cookie")
	if res.StatusCode != 303 || res.Header.Get("Location") != "/articles" {
		t.Errorf("login: status %d to %q, want 303 to /articles", res.StatusCode, res.Header.Get("Location"))
	}
	for _, want := range []string{"newsbot_token=s3cret", "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("login cookie %q lacks %s", cookie, want)
		}
	}
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example"} {
		res := do(s, "POST", "/login", "token=s3cret&next="+url.QueryEscape(next), form)
		if loc := res.Header.Get("Location"); loc != "/" {
			t.Errorf("login with next=%s goes to %q, want /", next, loc)
		}
	}
}

func TestRateLimits(t *testing.T) {
	s := newServer(t, seeds, web.Options{AskRate: rate.Every(time.Hour), AskBurst: 2, RequestRate: rate.Every(time.Hour), RequestBurst: 6, TrustProxy: true})
	ask := func(client string) *http.Response {
		return do(s, "POST", "/api/ask", `{"question":"Who is the NATO spokesperson?"}`,
			map[string]string{"Content-Type": "application/json", "X-Forwarded-For": "203.0.113.50, " + client})
	}
	for i := range 2 {
		if res := ask("198.51.100.1"); res.StatusCode != 200 {
			t.Fatalf("question %d: status %d, want 200", i+1, res.StatusCode)
		}
	}
	res := ask("198.51.100.1")
	var e struct{ Error string }
	json.Unmarshal([]byte(readBody(t, res)), &e)
	if res.StatusCode != 429 || res.Header.Get("Retry-After") == "" || !strings.Contains(e.Error, "too many requests") {
		t.Errorf("third question: status %d, Retry-After %q, error %q; want 429 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"), e.Error)
	}
	if res := ask("198.51.100.2"); res.StatusCode != 200 {
		t.Errorf("another client: status %d, want 200", res.StatusCode)
	}
	// Every request counts against the client's request rate; pages too.
	page := do(s, "GET", "/?q=NATO", "", map[string]string{"X-Forwarded-For": "198.51.100.1"})
	if page.StatusCode != 429 {
		t.Errorf("a page question past the limit: status %d, want 429", page.StatusCode)
	}
	for range 5 {
		do(s, "GET", "/articles", "", map[string]string{"X-Forwarded-For": "198.51.100.1"})
	}
	if res := do(s, "GET", "/articles", "", map[string]string{"X-Forwarded-For": "198.51.100.1"}); res.StatusCode != 429 {
		t.Errorf("request past the request rate: status %d, want 429", res.StatusCode)
	}
}

// Shutting down lets an answer in flight finish, then Serve returns.
func TestServeShutsDownGracefully(t *testing.T) {
	release := make(chan struct{})
	asked := make(chan struct{})
	srv := llmtest.NewServer(t, llmtest.Reply{Chunks: []string{"James Appathurai speaks for NATO [1]."}})
	srv.OnRequest = func(int) {
		close(asked)
		<-release
	}
	model := llm.New(llm.NewOpenAIClient(srv.ClientConfig()), llm.Options{Model: "test-model", BaseBackoff: time.Millisecond})
	ix := bottest.Index(t, seeds)
	s := web.New(bot.New(ix, model, bot.Options{Corpus: seeds}), ix, web.Options{Corpus: seeds})

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	var wg sync.WaitGroup
	var status int
	var body string
	wg.Add(1)
	go func() {
		defer wg.Done()
		res, err := http.Post("http://"+ln.Addr().String()+"/api/ask", "application/json", strings.NewReader(`{"question":"Who is the NATO spokesperson?"}`))
		if err != nil {
			t.Errorf("the answer in flight failed: %v", err)
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		status, body = res.StatusCode, string(b)
	}()
	<-asked
	cancel()
	// New connections are refused once shutdown has begun.
	for {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if status != 200 || !strings.Contains(body, "Appathurai") {
		t.Errorf("answer in flight: status %d, body %s; want it answered", status, body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve() = %v, want nil after a graceful shutdown", err)
	}
}

func ExampleArticleURL() {
	c := bot.Citation{Source: "2009/nato boss.txt", Lines: [2]int{7, 7}, Columns: [2]int{1, 233}}
	fmt.Println(web.ArticleURL("https://news.example.org/", c))
	// Output: https://news.example.org/articles/2009/nato%20boss.txt?at=7.1-233#cited
}
