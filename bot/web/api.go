package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// askRequest is the body of POST /api/ask.
type askRequest struct {
	Question     string `json:"question"`
	Conversation string `json:"conversation,omitempty"` // continue this conversation
	// Source, After and Before narrow the coverage as ask's --source,
	// --after and --before do. Given at all, they replace the filter of
	// the conversation (so {"source": ""} lifts it); not given, a
	// continued conversation keeps its filter.
	Source *string `json:"source,omitempty"`
	After  *string `json:"after,omitempty"`
	Before *string `json:"before,omitempty"`
}

// filter returns the filter req gives, nil when it gives none.
func (req askRequest) filter() (*bot.Filter, error) {
	if req.Source == nil && req.After == nil && req.Before == nil {
		return nil, nil
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	f, err := bot.ParseFilter(str(req.Source), str(req.After), str(req.Before))
	return &f, err
}

// askResponse is the answer as `newsbot ask --json` prints it, with the
// conversation to continue in.
type askResponse struct {
	bot.Answer
	Conversation string `json:"conversation"`
}

// errorBody is every API error.
type errorBody struct {
	Error string `json:"error"`
}

// apiAsk answers POST /api/ask. With "Accept: text/event-stream" it
// streams server-sent events: "token" ({"text"}) as a model writes, then
// "answer" (the checked answer, as without streaming) or "error"
// ({"error"}); with ?html=1 an "html" event follows the answer, holding it
// rendered for the page.
func (s *Server) apiAsk(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		jsonError(w, http.StatusMethodNotAllowed, "use POST with a JSON body {\"question\": \"...\"}")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		jsonError(w, http.StatusUnsupportedMediaType, "send the question as JSON (Content-Type: application/json)")
		return
	}
	var req askRequest
	if status, err := decodeJSON(w, r, &req); err != nil {
		jsonError(w, status, err.Error())
		return
	}
	req.Question = strings.TrimSpace(req.Question)
	if msg := checkQuestion(req.Question); msg != "" {
		jsonError(w, http.StatusBadRequest, msg)
		return
	}
	filter, err := req.filter()
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	if ok, wait := allow(s.client(r).asks); !ok {
		s.tooMany(w, r, wait)
		return
	}
	t := s.thread(req.Conversation)
	if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		s.streamAnswer(w, r, t, req.Question, filter)
		return
	}
	tu, err := s.ask(r.Context(), t, req.Question, filter, nil)
	if err != nil {
		if r.Context().Err() == nil {
			s.log.Error("answering failed", "err", err)
			jsonError(w, http.StatusInternalServerError, "could not answer; see the server's log")
		}
		return
	}
	writeJSON(w, http.StatusOK, s.response(tu.Answer, t))
}

// decodeJSON decodes the one JSON object of r's body (at most
// maxBodyBytes) into v, strictly; on failure it returns the status to
// answer with.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) (int, error) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.Decode(&struct{}{}) != io.EOF {
		err = errors.New("more than one JSON value")
	}
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, fmt.Errorf("request body over %d bytes", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return http.StatusBadRequest, errors.New("empty body: want {\"question\": \"...\"}")
	}
	return http.StatusBadRequest, fmt.Errorf("bad JSON: %v", err)
}

// streamAnswer answers with server-sent events.
func (s *Server) streamAnswer(w http.ResponseWriter, r *http.Request, t *thread, question string, filter *bot.Filter) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // tell nginx not to hold the stream back
	w.WriteHeader(http.StatusOK)
	var mu sync.Mutex // the model may stream from its own goroutine
	send := func(event string, v any) {
		data, err := json.Marshal(v)
		if err != nil {
			s.log.Error("encoding an event", "event", event, "err", err)
			return
		}
		data = bot.PlainJSON(data)
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data)
		rc.Flush()
	}
	tu, err := s.ask(r.Context(), t, question, filter, func(tok string) { send("token", map[string]string{"text": tok}) })
	if err != nil {
		if r.Context().Err() == nil {
			s.log.Error("answering failed", "err", err)
			send("error", errorBody{"could not answer; see the server's log"})
		}
		return
	}
	send("answer", s.response(tu.Answer, t))
	if r.URL.Query().Get("html") == "1" {
		var buf bytes.Buffer
		if err := s.tmpl.ExecuteTemplate(&buf, "turn", s.turnView(tu, s.articleInfo())); err != nil {
			s.log.Error("rendering an answer", "err", err)
			return
		}
		send("html", buf.String())
	}
}

// response is a as the API gives it: each citation with the address of
// its article view (relative to this server unless the bot links them to
// a public address).
func (s *Server) response(a bot.Answer, t *thread) askResponse {
	a.Citations = append([]bot.Citation{}, a.Citations...)
	for i, c := range a.Citations {
		if c.URL == "" {
			a.Citations[i].URL = ArticlePath(c.Source, At(c))
		}
	}
	return askResponse{Answer: a, Conversation: t.id}
}

// apiSearch answers GET /api/search?q=QUERY&k=N (and source=, after=,
// before=, as `newsbot search` takes them) with what `newsbot search
// --json` prints; when the filter leaves no article, an error says why.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	if !readOnly(w, r, "use GET /api/search?q=QUERY") {
		return
	}
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if msg := checkQuestion(query); msg != "" {
		jsonError(w, http.StatusBadRequest, "q: "+msg)
		return
	}
	k := 5
	if v := q.Get("k"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			jsonError(w, http.StatusBadRequest, "k: want a whole number from 1 to 50")
			return
		}
		k = n
	}
	filter, err := bot.ParseFilter(q.Get("source"), q.Get("after"), q.Get("before"))
	if err != nil {
		jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	opt := filter.SearchOptions(k)
	res, err := s.ix.Search(r.Context(), query, opt)
	if err != nil {
		if r.Context().Err() == nil {
			s.log.Error("search failed", "err", err)
			jsonError(w, http.StatusInternalServerError, "search failed; see the server's log")
		}
		return
	}
	articles := s.ix.Articles()
	if len(res) == 0 {
		if why := filter.Why(articles); why != "" {
			jsonError(w, http.StatusUnprocessableEntity, why)
			return
		}
	}
	pages := make(map[string][]int)
	for _, a := range articles {
		if a.Pages != nil {
			pages[a.Source] = a.Pages
		}
	}
	hits := make([]retrieval.SearchHit, 0, len(res))
	for _, r := range res {
		hits = append(hits, r.Display(pages[r.Source]))
	}
	writeJSON(w, http.StatusOK, hits)
}

// articleJSON is an article as GET /api/articles lists it.
type articleJSON struct {
	Source   string   `json:"source"`
	Title    string   `json:"title"`
	Date     string   `json:"date,omitempty"`     // YYYY-MM-DD, when known
	Outlet   string   `json:"outlet,omitempty"`   // e.g. the wire agency of the dateline
	Dateline string   `json:"dateline,omitempty"` // its place
	Bylines  []string `json:"bylines,omitempty"`
	Passages int      `json:"passages"`
	Pages    int      `json:"pages,omitempty"` // a PDF's pages
	URL      string   `json:"url"`             // the article view
}

// apiArticles answers GET /api/articles with the indexed articles, by source.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	if !readOnly(w, r, "use GET /api/articles") {
		return
	}
	arts := s.ix.Articles()
	out := make([]articleJSON, 0, len(arts))
	for _, a := range arts {
		j := articleJSON{Source: a.Source, Title: a.Title, Outlet: a.Agency, Dateline: a.Dateline,
			Bylines: a.Bylines, Passages: a.Passages, Pages: len(a.Pages), URL: ArticlePath(a.Source, "")}
		if !a.Date.IsZero() {
			j.Date = a.Date.Format(time.DateOnly)
		}
		out = append(out, j)
	}
	writeJSON(w, http.StatusOK, out)
}

// readOnly reports whether r is a GET (or HEAD), answering 405 with
// usage when it is not.
func readOnly(w http.ResponseWriter, r *http.Request, usage string) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	jsonError(w, http.StatusMethodNotAllowed, usage)
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(bot.PlainJSON(data), '\n'))
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{msg})
}
