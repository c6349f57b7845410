package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot/web"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// filterServer serves a Reuters article of 2008 and an AP one of 2009.
func filterServer(t *testing.T) *web.Server {
	t.Helper()
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		"reuters/2008-02-22-ferry.txt": "Ferry strike\n\nHALIFAX (Reuters) - Ferry workers walked off the job on Monday over pay.\n",
		"ap/2009-06-13-ferry.txt":      "Ferry strike ends\n\nHALIFAX (AP) - Ferry workers went back to work on Friday after a deal on pay.\n",
	})
	return newServer(t, corpus, web.Options{AskBurst: 100})
}

// onlyFrom checks that sources is not empty and holds want alone.
func onlyFrom(t *testing.T, what string, sources []string, want string) {
	t.Helper()
	if len(sources) == 0 {
		t.Errorf("%s: nothing found, want %s", what, want)
	}
	for _, s := range sources {
		if s != want {
			t.Errorf("%s: found %s, want only %s", what, s, want)
		}
	}
}

// GET /api/search takes the filters of `newsbot search`: source as a
// part of the path or a glob, after and before as a year, month or day;
// a filter that leaves nothing says why.
func TestAPISearchFilters(t *testing.T) {
	s := filterServer(t)
	for _, tt := range []struct{ query, want string }{
		{"source=REUTERS", "reuters/2008-02-22-ferry.txt"},
		{"source=" + url.QueryEscape("ap/*.txt"), "ap/2009-06-13-ferry.txt"},
		{"source=ferry.txt&before=2009", "reuters/2008-02-22-ferry.txt"},
		{"after=2009", "ap/2009-06-13-ferry.txt"},
		{"after=2009-06", "ap/2009-06-13-ferry.txt"},
		{"before=2009-06-13", "reuters/2008-02-22-ferry.txt"},
		{"after=2009/06/13&before=2010", "ap/2009-06-13-ferry.txt"},
	} {
		res := do(s, "GET", "/api/search?q=ferry+workers&"+tt.query, "", nil)
		body := readBody(t, res)
		var hits []struct{ Source string }
		if err := json.Unmarshal([]byte(body), &hits); err != nil || res.StatusCode != 200 {
			t.Fatalf("%s: status %d, %s", tt.query, res.StatusCode, body)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Source)
		}
		onlyFrom(t, tt.query, got, tt.want)
	}
	for _, tt := range []struct {
		query  string
		status int
		msg    string
	}{
		{"after=2010", 422, "No article is dated 2010-01-01 or later: the dated ones run from 2008-02-22 to 2009-06-13."},
		{"source=afp", 422, `No article's file name matches "afp".`},
		{"after=June+2009", 400, `after: bad date "June 2009": want a year, a month or a day, such as 2009, 2009-06 or 2009-06-13`},
		{"before=2009-13", 400, "before: bad date"},
		{"after=2010&before=2009", 400, "after 2010 is not before 2009: no date is both"},
	} {
		res := do(s, "GET", "/api/search?q=ferry+workers&"+tt.query, "", nil)
		body := readBody(t, res)
		var e struct{ Error string }
		if err := json.Unmarshal([]byte(body), &e); err != nil || res.StatusCode != tt.status || !strings.HasPrefix(e.Error, tt.msg) {
			t.Errorf("%s: status %d, %s; want %d, %q", tt.query, res.StatusCode, body, tt.status, tt.msg)
		}
	}
}

// POST /api/ask takes the same filters; they narrow searched questions
// and questions about the whole coverage alike, stay with the
// conversation, and a filter that leaves nothing says why in the note.
func TestAPIAskFilters(t *testing.T) {
	s := filterServer(t)
	ask := func(body string) (askJSON, int, string) {
		t.Helper()
		res := do(s, "POST", "/api/ask", body, jsonHeader)
		raw := readBody(t, res)
		var a askJSON
		if res.StatusCode == 200 {
			decodeStrict(t, raw, &a)
		}
		return a, res.StatusCode, raw
	}
	cited := func(a askJSON) []string {
		var out []string
		for _, c := range a.Citations {
			out = append(out, c.Source)
		}
		return out
	}
	a, _, _ := ask(`{"question": "What did the ferry workers do?", "after": "2009"}`)
	onlyFrom(t, "ask after 2009", cited(a), "ap/2009-06-13-ferry.txt")
	a, _, _ = ask(`{"question": "Summarize the coverage.", "source": "reuters"}`)
	onlyFrom(t, "summary of reuters", cited(a), "reuters/2008-02-22-ferry.txt")
	if a.Note != `Filter: source "reuters".` {
		t.Errorf("summary of reuters: note %q, want the filter", a.Note)
	}

	// A conversation keeps its filter until the request gives another.
	a, _, _ = ask(`{"question": "What did the ferry workers do?", "before": "2009-06"}`)
	onlyFrom(t, "ask before 2009-06", cited(a), "reuters/2008-02-22-ferry.txt")
	conv := a.Conversation
	a, _, _ = ask(`{"question": "Summarize the coverage.", "conversation": "` + conv + `"}`)
	onlyFrom(t, "summary in the conversation", cited(a), "reuters/2008-02-22-ferry.txt")
	a, _, _ = ask(`{"question": "Summarize the coverage.", "conversation": "` + conv + `", "source": ""}`)
	if len(cited(a)) != 2 || a.Note != "" {
		t.Errorf("summary with the filter lifted cites %v (note %q), want both articles", cited(a), a.Note)
	}

	for _, q := range []string{"What did the ferry workers do?", "Who is quoted in these articles?"} {
		a, _, raw := ask(`{"question": "` + q + `", "after": "2010"}`)
		want := "No article is dated 2010-01-01 or later: the dated ones run from 2008-02-22 to 2009-06-13."
		if !a.Refused || a.Note != want {
			t.Errorf("%q after 2010 = %s, want a refusal noting %q", q, raw, want)
		}
	}
	for _, tt := range []struct{ body, msg string }{
		{`{"question": "x", "after": "June 2009"}`, `after: bad date "June 2009"`},
		{`{"question": "x", "after": "2010", "before": "2009"}`, "after 2010 is not before 2009: no date is both"},
		{`{"question": "x", "after": 2009}`, "bad JSON"},
	} {
		_, status, raw := ask(tt.body)
		var e struct{ Error string }
		if json.Unmarshal([]byte(raw), &e); status != 400 || !strings.Contains(e.Error, tt.msg) {
			t.Errorf("%s: status %d, %s; want 400 %q", tt.body, status, raw, tt.msg)
		}
	}

	// Streamed, the note comes with the answer.
	res := do(s, "POST", "/api/ask", `{"question": "Summarize the coverage.", "source": "afp"}`,
		map[string]string{"Content-Type": "application/json", "Accept": "text/event-stream"})
	events := readEvents(t, res.Body)
	if len(events) == 0 || events[len(events)-1].name != "answer" {
		t.Fatalf("events %+v, want an answer last", events)
	}
	decodeStrict(t, events[len(events)-1].data, &a)
	if !a.Refused || a.Note != `No article's file name matches "afp".` {
		t.Errorf("streamed summary from afp = %+v, want a refusal saying why", a)
	}
}
