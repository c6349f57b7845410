package web_test

import (
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/bot/web"
)

// benchServer serves the State of the Union corpus (the longest lines
// newsbot meets: a whole address on one line).
func benchServer(b *testing.B) *web.Server {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "sotu")
	if d := os.Getenv("NEWSBOT_SOTU"); d != "" {
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("corpus %s is absent (set NEWSBOT_SOTU)", dir)
	}
	ix := bottest.Index(b, dir)
	bt := bot.New(ix, extractive.New(extractive.Options{}), bot.Options{Corpus: dir})
	return web.New(bt, ix, web.Options{Corpus: dir, RequestRate: 1e9, AskRate: 1e9})
}

func serveBench(b *testing.B, s *web.Server, method, target, body string) {
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatalf("%s %s: status %d", method, target, w.Code)
		}
		io.Copy(io.Discard, w.Body)
	}
}

// The article view of a 40 KB one-line address with a sentence marked.
func BenchmarkArticleView(b *testing.B) {
	serveBench(b, benchServer(b), "GET", "/articles/1863_abraham_lincoln_r.txt?at=1.28596-28846", "")
}

// A question through the API, answered offline.
func BenchmarkAPIAsk(b *testing.B) {
	serveBench(b, benchServer(b), "POST", "/api/ask", `{"question":"What did Lincoln say about emancipation?"}`)
}

// The list of the 234 addresses.
func BenchmarkArticleList(b *testing.B) {
	serveBench(b, benchServer(b), "GET", "/articles", "")
}
