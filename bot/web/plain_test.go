package web_test

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot/web"
)

// controls finds control characters other than newline and tab, and
// bidirectional overrides and isolates, raw or as JSON escapes.
var controls = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]|\\\\u00[01][0-9a-fA-F]|\\\\u007[fF]|\\\\u008|\\\\u009|\\\\u202[a-eA-E]|\\\\u206[6-9]|\\\\[rbf]")

// What the API and the pages give holds no control character of an
// article or its file name, as what the command line prints holds none.
func TestNoControls(t *testing.T) {
	corpus := t.TempDir()
	name := "harbour\x1b[31m-tax\u202e.txt"
	article := "Harbour tax\x1b]0;PWNED\x07 approved\u202e\n\n" +
		"HALIFAX (Reuters) - The city council approved a harbour tax on Monday.\x1b[2J\x1b[H\n" +
		"Councillor Mara Quist said the tax would fund\x07 ferry repairs\u009b31m for \u2066three\u2069 years.\n"
	if err := os.WriteFile(filepath.Join(corpus, name), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, corpus, web.Options{AskBurst: 100})
	q := "What would the harbour tax fund, according to Quist?"
	sse := map[string]string{"Content-Type": "application/json", "Accept": "text/event-stream"}
	for _, c := range []struct {
		name, method, target, body string
		header                     map[string]string
	}{
		{"ask", "POST", "/api/ask", `{"question": "` + q + `"}`, jsonHeader},
		{"ask streamed", "POST", "/api/ask?html=1", `{"question": "` + q + `"}`, sse},
		{"summary", "POST", "/api/ask", `{"question": "Summarize the coverage."}`, jsonHeader},
		{"search", "GET", "/api/search?q=harbour+tax+Quist", "", nil},
		{"articles", "GET", "/api/articles", "", nil},
		{"page", "GET", "/?q=" + url.QueryEscape(q), "", nil},
		{"list", "GET", "/articles", "", nil},
		{"article", "GET", web.ArticlePath(name, "3"), "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := do(s, c.method, c.target, c.body, c.header)
			body := readBody(t, res)
			if res.StatusCode != 200 || !strings.Contains(body, "Quist") && !strings.Contains(body, "harbour") {
				t.Fatalf("status %d, want the article: %s", res.StatusCode, body)
			}
			if m := controls.FindStringIndex(body); m != nil {
				t.Errorf("holds %q at %q", body[m[0]:m[1]], body[max(0, m[0]-30):min(len(body), m[1]+30)])
			}
		})
	}
}
