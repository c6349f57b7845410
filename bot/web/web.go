// Package web is newsbot's web front end: server-rendered pages to ask
// questions, follow an answer's citations into its articles and browse
// the coverage, and a JSON API (with server-sent events for streamed
// answers) for other programs. Every asset is embedded in the binary.
//
// It is safe by default: only indexed articles can be read, everything
// from articles and models is escaped and loses its control characters
// (bot.Plain), scripts run only from the binary's own files (a strict
// Content-Security-Policy), each client is rate limited, and a token
// guards the server when one is configured.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/time/rate"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// Index is what the server needs of the index: search and the list of
// articles, which is also the list of the only files it will show.
type Index interface {
	bot.Searcher
	Articles() []retrieval.ArticleInfo
}

// Options configure a Server. Zero values mean the defaults.
type Options struct {
	Corpus string // folder the indexed sources are relative to
	// Token, when set, is required of every request (but those for the
	// login page, static files and /healthz) as a bearer token or the
	// cookie the login page sets.
	Token string
	// AskRate and AskBurst limit the questions of one client (default one
	// every 5 s after 5 at once); RequestRate and RequestBurst all its
	// requests (default 10 a second after 100 at once).
	AskRate      rate.Limit
	AskBurst     int
	RequestRate  rate.Limit
	RequestBurst int
	// TrustProxy takes the client's address from the last X-Forwarded-For
	// entry, for a server behind a reverse proxy; otherwise every client
	// of the proxy would share one rate limit.
	TrustProxy    bool
	MaxTurns      int           // turns of a conversation the bot remembers (default 4)
	Conversations int           // conversations kept, least recently used dropped (default 1000)
	ShutdownGrace time.Duration // how long answers in flight may finish on shutdown (default 10 s)
	Logger        *slog.Logger
}

// Limits on what a client may send.
const (
	maxBodyBytes    = 16 << 10 // a JSON request
	maxQuestionLen  = 1000     // characters of a question
	maxHeaderBytes  = 32 << 10
	maxShownAnswers = 20 // answers of a conversation shown on its page
)

//go:embed templates static
var assets embed.FS

// Server serves the pages and the API. Create it with New; it is an
// http.Handler.
type Server struct {
	bot     *bot.Bot
	ix      Index
	opt     Options
	log     *slog.Logger
	tmpl    *template.Template
	static  http.Handler
	version map[string]string // static file -> content hash, for cache busting
	threads *bot.LRU[*thread]
	clients *bot.LRU[*client]
	handler http.Handler
}

// New returns a Server answering with b from the articles of ix, whose
// sources are files under opt.Corpus.
func New(b *bot.Bot, ix Index, opt Options) *Server {
	if opt.AskRate <= 0 {
		opt.AskRate = rate.Every(5 * time.Second)
	}
	if opt.AskBurst <= 0 {
		opt.AskBurst = 5
	}
	if opt.RequestRate <= 0 {
		opt.RequestRate = 10
	}
	if opt.RequestBurst <= 0 {
		opt.RequestBurst = 100
	}
	if opt.MaxTurns <= 0 {
		opt.MaxTurns = 4
	}
	if opt.Conversations <= 0 {
		opt.Conversations = 1000
	}
	if opt.ShutdownGrace <= 0 {
		opt.ShutdownGrace = 10 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		bot: b, ix: ix, opt: opt, log: opt.Logger,
		threads: bot.NewLRU[*thread](opt.Conversations),
		clients: bot.NewLRU[*client](10000),
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s.static = http.FileServerFS(static)
	s.version = hashFiles(static)
	s.tmpl = template.Must(template.New("").Funcs(template.FuncMap{
		"static": s.staticURL,
	}).ParseFS(assets, "templates/*.html"))
	s.handler = s.routes()
	return s
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/ask", s.apiAsk)
	mux.HandleFunc("/api/search", s.apiSearch)
	mux.HandleFunc("/api/articles", s.apiArticles)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, http.StatusNotFound, "no such API endpoint")
	})
	mux.HandleFunc("GET /{$}", s.pageHome)
	mux.HandleFunc("GET /articles", s.pageArticles)
	mux.HandleFunc("GET /articles/{source...}", s.pageArticle)
	mux.HandleFunc("GET /login", s.pageLogin)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /static/", http.StripPrefix("/static", s.cacheStatic(s.static)))
	mux.HandleFunc("/", s.pageNotFound)
	return s.guard(mux)
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Serve serves HTTP on ln until ctx is done, then shuts down gracefully:
// it stops accepting connections and lets answers in flight finish for
// up to Options.ShutdownGrace before closing what is left.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // a streamed answer, model retries included
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	served := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		select {
		case <-ctx.Done():
		case <-served: // Serve failed on its own
			done <- nil
			return
		}
		sctx, cancel := context.WithTimeout(context.Background(), s.opt.ShutdownGrace)
		defer cancel()
		err := srv.Shutdown(sctx)
		if err != nil {
			s.log.Warn("answers still running at the end of the grace period were cut off", "err", err)
			err = srv.Close()
		}
		done <- err
	}()
	err := srv.Serve(ln)
	close(served)
	if !errors.Is(err, http.ErrServerClosed) {
		<-done
		return err
	}
	return <-done
}
