package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// page is what every page shows around its content.
type page struct {
	Title    string
	Nav      string // "ask" or "articles": the current section
	Articles int    // articles in the index
	Mode     string // bot.ModeExtractive or bot.ModeLLM
}

func (s *Server) page(title string) page {
	return page{Title: title, Nav: "ask", Articles: len(s.ix.Articles()), Mode: s.bot.Mode()}
}

// homePage is the question box with the conversation so far.
type homePage struct {
	page
	Conversation string // ID of the thread the next question continues
	Turns        []turnView
	Question     string // what to put back in the box after an error
	Error        string
}

// turnView is one answer as the page shows it.
type turnView struct {
	Question   string
	Paragraphs [][]segment
	Refused    bool
	Note       string
	Mode       string
	Sources    []sourceView
	Permalink  string // the page that asks the question again
}

// segment is a stretch of answer text, or (N > 0) a citation marker.
type segment struct {
	Text  string
	N     int
	URL   string
	Label string
}

// sourceView is a cited source under an answer.
type sourceView struct {
	N     int
	Label string
	URL   string
	Title string
	Meta  []string // the article's date and outlet, when known
	Quote string
}

// pageHome shows the question box and, with ?c=ID, that conversation;
// with ?q=QUESTION it answers first, so that an answer can be linked.
func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	question := strings.TrimSpace(q.Get("q"))
	p := homePage{page: s.page("Ask the coverage")}
	t, live := s.existing(q.Get("c"))
	if question != "" {
		if msg := checkQuestion(question); msg != "" {
			p.Error, p.Question = msg, question
			s.renderHome(w, r, http.StatusBadRequest, p, t)
			return
		}
		// Reloading the page of an answer shows it again rather than
		// asking it twice.
		var turns []turn
		if live {
			turns = t.shown()
		}
		if len(turns) == 0 || turns[len(turns)-1].Question != question {
			if ok, wait := allow(s.client(r).asks); !ok {
				s.tooMany(w, r, wait)
				return
			}
			if !live {
				t = s.thread("")
			}
			if _, err := s.ask(r.Context(), t, question, nil, nil); err != nil {
				s.log.Error("answering failed", "err", err)
				p.Error, p.Question = "Something went wrong answering that; please try again.", question
				s.renderHome(w, r, http.StatusInternalServerError, p, t)
				return
			}
		}
	}
	s.renderHome(w, r, http.StatusOK, p, t)
}

func (s *Server) renderHome(w http.ResponseWriter, r *http.Request, status int, p homePage, t *thread) {
	if t != nil {
		p.Conversation = t.id
		info := s.articleInfo()
		for _, tu := range t.shown() {
			p.Turns = append(p.Turns, s.turnView(tu, info))
		}
	}
	s.render(w, r, status, "home.html", p)
}

// checkQuestion says what is wrong with a question, or "".
func checkQuestion(q string) string {
	switch {
	case strings.TrimSpace(q) == "":
		return "Ask a question."
	case utf8.RuneCountInString(q) > maxQuestionLen:
		return "That question is too long: at most " + strconv.Itoa(maxQuestionLen) + " characters."
	case !utf8.ValidString(q):
		return "That question is not valid text."
	}
	return ""
}

// articleInfo returns the indexed articles by source.
func (s *Server) articleInfo() map[string]retrieval.ArticleInfo {
	m := make(map[string]retrieval.ArticleInfo)
	for _, a := range s.ix.Articles() {
		m[a.Source] = a
	}
	return m
}

var markerRe = regexp.MustCompile(`\[(\d+)\]`)

// turnView lays out an answer: paragraphs of text with each [n] marker
// linked to its citation's article view, and the cited sources.
func (s *Server) turnView(tu turn, info map[string]retrieval.ArticleInfo) turnView {
	a := tu.Answer
	v := turnView{Question: a.Question, Refused: a.Refused, Note: a.Note, Mode: a.Mode,
		Permalink: "/?q=" + url.QueryEscape(tu.Standalone)}
	cited := a.Cited()
	byN := make(map[int]bot.Citation)
	for _, c := range cited {
		byN[c.N] = c
	}
	for _, para := range strings.Split(strings.TrimSpace(a.Text), "\n\n") {
		var segs []segment
		last := 0
		for _, m := range markerRe.FindAllStringSubmatchIndex(para, -1) {
			n, _ := strconv.Atoi(para[m[2]:m[3]])
			c, ok := byN[n]
			if !ok {
				continue
			}
			if m[0] > last {
				segs = append(segs, segment{Text: para[last:m[0]]})
			}
			segs = append(segs, segment{N: n, URL: ArticlePath(c.Source, At(c)), Label: c.Label()})
			last = m[1]
		}
		if last < len(para) {
			segs = append(segs, segment{Text: para[last:]})
		}
		if len(segs) > 0 {
			v.Paragraphs = append(v.Paragraphs, segs)
		}
	}
	if a.Refused {
		return v
	}
	for _, c := range cited {
		art := info[c.Source]
		v.Sources = append(v.Sources, sourceView{
			N: c.N, Label: c.Label(), URL: ArticlePath(c.Source, At(c)), Title: c.ShortTitle(),
			Meta: articleMeta(art, false), Quote: c.Quote,
		})
	}
	return v
}

// articlesPage lists the coverage.
type articlesPage struct {
	page
	List []articleItem
}

type articleItem struct {
	retrieval.ArticleInfo
	URL  string
	Meta []string
}

func (s *Server) pageArticles(w http.ResponseWriter, r *http.Request) {
	p := articlesPage{page: s.page("Articles")}
	p.Nav = "articles"
	for _, a := range sortedArticles(s.ix.Articles()) {
		p.List = append(p.List, articleItem{ArticleInfo: a, URL: ArticlePath(a.Source, ""), Meta: articleMeta(a, true)})
	}
	s.render(w, r, http.StatusOK, "articles.html", p)
}

// sortedArticles orders articles newest first, undated ones last by
// source, as a news reader expects a list of coverage.
func sortedArticles(arts []retrieval.ArticleInfo) []retrieval.ArticleInfo {
	slices.SortStableFunc(arts, func(a, b retrieval.ArticleInfo) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case !a.Date.Equal(b.Date):
			return b.Date.Compare(a.Date)
		}
		return strings.Compare(a.Source, b.Source)
	})
	return arts
}

// loginPage asks for the token.
type loginPage struct {
	page
	Next  string // where to go once logged in
	Wrong bool   // a token was given and was wrong
}

func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	if s.opt.Token == "" {
		http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login.html", s.loginPage(localPath(r.URL.Query().Get("next")), false))
}

// loginPage shows nothing of the coverage, not even its size.
func (s *Server) loginPage(next string, wrong bool) loginPage {
	return loginPage{page: page{Title: "Log in", Mode: s.bot.Mode()}, Next: next, Wrong: wrong}
}

// errorView is a page that only says what went wrong.
type errorView struct {
	page
	Message string
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	s.render(w, r, status, "error.html", errorView{page: s.page(title), Message: msg})
}

func (s *Server) pageNotFound(w http.ResponseWriter, r *http.Request) { s.notFound(w, r) }

// notFound answers 404 in the form the request expects.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		jsonError(w, http.StatusNotFound, "not found")
		return
	}
	s.errorPage(w, r, http.StatusNotFound, "Not found", "There is no such page here. Only the articles of the coverage can be read.")
}

// render executes the template name with data into a buffer first, so a
// failure is a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("rendering a page", "template", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(bot.PlainBytes(buf.Bytes())) // html/template leaves control characters be
	}
}

// staticURL is the address of a static file with its content hash, so
// that browsers may cache it for long and still see a new version.
func (s *Server) staticURL(name string) string {
	return "/static/" + name + "?v=" + s.version[name]
}

func (s *Server) cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

// hashFiles returns a short content hash of every file of fsys.
func hashFiles(fsys fs.FS) map[string]string {
	out := make(map[string]string)
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[p] = hex.EncodeToString(sum[:6])
		return nil
	})
	return out
}
