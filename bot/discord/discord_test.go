package discord

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/bot/llm"
	"github.com/newsbot/newsbot/bot/llm/llmtest"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
)

// newTestBot returns the Bot the Discord tests ask: the default offline
// bot, with the real index of the seed articles and the extractive
// answerer.
func newTestBot(t *testing.T) *bot.Bot {
	t.Helper()
	return offlineBot(t, seedDir)
}

// streamingAnswerer streams the wrapped answerer's text in a few pieces,
// as the LLM answerer does, so that the tests see the message edited.
// Questions containing "hold" wait for release; "explode" fails; "at
// length" get an answer too long for one Discord message.
type streamingAnswerer struct {
	inner   bot.Answerer
	pause   time.Duration
	held    chan string
	release chan struct{}
}

func (s *streamingAnswerer) Answer(ctx context.Context, req bot.Request) (bot.Answer, error) {
	if strings.Contains(req.Question, "explode") {
		return bot.Answer{}, errors.New("model exploded (test)")
	}
	if strings.Contains(req.Question, "hold") {
		s.held <- req.Question
		<-s.release
	}
	a, err := s.inner.Answer(ctx, req)
	if err != nil {
		return a, err
	}
	if strings.Contains(req.Question, "at length") {
		a.Text = strings.TrimSpace(strings.Repeat(a.Text+"\n\n", 3000/len(a.Text)+1))
	}
	if req.OnToken == nil {
		return a, nil
	}
	words := strings.SplitAfter(a.Text, " ")
	step := max(1, len(words)/4)
	for i := 0; i < len(words); i += step {
		req.OnToken(strings.Join(words[i:min(i+step, len(words))], ""))
		time.Sleep(s.pause)
	}
	return a, nil
}

// syncBuffer is a log sink safe for the bot's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a Discord front end connected to a fake.
type running struct {
	d      *Bot
	log    *syncBuffer
	cancel context.CancelFunc
	errc   chan error
}

// startDiscord runs a Discord for b against f until the test ends.
func startDiscord(t *testing.T, f *fakeDiscord, b *bot.Bot, opt Options) *running {
	t.Helper()
	logs := &syncBuffer{}
	opt.Token = "test-token"
	opt.Transport = f.transport()
	opt.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := &running{d: New(b, opt), log: logs, errc: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.errc <- r.d.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-r.errc:
			if err != nil {
				t.Errorf("Run() = %v, want nil after shutdown", err)
			}
			r.errc <- err
		case <-time.After(20 * time.Second):
			t.Errorf("Run did not return after its context was cancelled")
		}
	})
	eventually(t, "the bot to connect and register its commands", func() bool {
		if opt.ShardID > 0 { // only shard 0 registers them
			n, _ := f.counts()
			return n > 0
		}
		return len(f.requests("PUT", "/api/v9/applications/*")) > 0
	})
	return r
}

// waitHandled waits until the bot has handled n events in all.
func (r *running) waitHandled(t *testing.T, n int64) {
	t.Helper()
	eventually(t, fmt.Sprintf("%d events handled", n), func() bool { return r.d.handled.Load() >= n })
}

func content(t *testing.T, req fakeRequest) string {
	t.Helper()
	s, _ := req.json(t)["content"].(string)
	return s
}

// checkNoPings asserts that every message the bot sent, edited or
// answered with disallows all mentions.
func checkNoPings(t *testing.T, f *fakeDiscord) {
	t.Helper()
	f.mu.Lock()
	reqs := slices.Clone(f.reqs)
	f.mu.Unlock()
	for _, r := range reqs {
		isMessage := strings.HasSuffix(r.Path, "/messages") || strings.Contains(r.Path, "/messages/") && !strings.HasSuffix(r.Path, "/threads") ||
			strings.HasSuffix(r.Path, "/callback") || strings.HasPrefix(r.Path, "/api/v9/webhooks/")
		if !isMessage || len(r.Body) == 0 {
			continue
		}
		body := r.json(t)
		if strings.HasSuffix(r.Path, "/callback") {
			body, _ = body["data"].(map[string]any)
		}
		am, ok := body["allowed_mentions"].(map[string]any)
		parse, isList := am["parse"].([]any)
		if !ok || !isList || len(parse) != 0 || am["replied_user"] == true {
			t.Errorf("%s %s allowed_mentions = %v, want {parse: []} with no replied_user", r.Method, r.Path, body["allowed_mentions"])
		}
		if c, _ := body["content"].(string); strings.Contains(c, "@everyone") || strings.Contains(c, "@here") {
			t.Errorf("%s %s content %q contains a raw mass mention", r.Method, r.Path, c)
		}
	}
}

func TestDiscord(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	f.messageContent = true // replies that do not mention the bot need it
	var reindexCalls sync.Map
	r := startDiscord(t, f, newTestBot(t), Options{
		MessageContent: true,
		GuildIDs:       []string{"g1"},
		ReindexRoleID:  "role-reindexers",
		UserRate:       rate.Every(time.Hour), UserBurst: 3,
		ChannelRate: rate.Every(time.Hour), ChannelBurst: 4,
		Mode:  bot.ModeExtractive,
		Stats: func() retrieval.Stats { return retrieval.Stats{Articles: 3, Chunks: 48, Embedder: "builtin:test"} },
		Reindex: func(ctx context.Context) (retrieval.SyncReport, error) {
			reindexCalls.Store(time.Now(), true)
			return retrieval.SyncReport{Added: []string{"003_new.txt"}, Updated: []string{"001_b7e1029fb9729208.txt"}, Unchanged: 2, Chunks: 52}, nil
		},
	})
	events := int64(0)
	dispatch := func(typ string, d any) {
		t.Helper()
		events++
		f.dispatch(t, typ, d)
	}
	mention := "<@" + f.botID + "> "

	t.Run("commands registered in the guild", func(t *testing.T) {
		reqs := f.requests("PUT", "/api/v9/applications/app-1/guilds/g1/commands")
		if len(reqs) != 1 {
			t.Fatalf("guild command registrations = %d, want 1", len(reqs))
		}
		if got := string(reqs[0].Body); !strings.Contains(got, `"name":"ask"`) || !strings.Contains(got, `"name":"question"`) || !strings.Contains(got, `"name":"reindex"`) || !strings.Contains(got, `"name":"articles"`) {
			t.Errorf("registered commands = %s, want ask (with question), articles and reindex", got)
		}
		if n := len(f.requests("PUT", "/api/v9/applications/app-1/commands")); n != 0 {
			t.Errorf("global command registrations = %d, want 0 with guild IDs configured", n)
		}
		for _, want := range []string{"discord connected", "mode=extractive", "articles=3", "guilds=1", "guild=Newsroom", "slash commands registered"} {
			eventually(t, fmt.Sprintf("%q in the log", want), func() bool { return strings.Contains(r.log.String(), want) })
		}
	})

	var buttonID string
	t.Run("mention gets a cited reply", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-1", "c-mention", "g1", "u-mention",
			mention+"What did Rasmussen say about extending the Canadian mission beyond 2011?", true))
		eventually(t, "the reply", func() bool { return len(f.requests("POST", "/api/v9/channels/c-mention/messages")) > 0 })
		if n := len(f.requests("POST", "/api/v9/channels/c-mention/typing")); n == 0 {
			t.Errorf("typing indicators = 0, want at least 1")
		}
		reply := f.requests("POST", "/api/v9/channels/c-mention/messages")[0]
		body := reply.json(t)
		if got := content(t, reply); !strings.Contains(got, "`002_6b9d529eae85757d.txt:") || !strings.Contains(got, "[1]") {
			t.Errorf("reply content = %q, want a [1] citation of 002_6b9d529eae85757d.txt", got)
		}
		ref, _ := body["message_reference"].(map[string]any)
		if ref["message_id"] != "m-1" {
			t.Errorf("reply message_reference = %v, want message_id m-1", body["message_reference"])
		}
		buttonID = findCustomID(body)
		if !strings.HasPrefix(buttonID, sourcesButtonIDPre) {
			t.Errorf("reply components = %v, want a Sources button", body["components"])
		}
	})

	t.Run("Sources button shows the quotes", func(t *testing.T) {
		dispatch("INTERACTION_CREATE", f.buttonClick("i-src", "c-mention", buttonID))
		eventually(t, "the sources", func() bool { return len(f.requests("POST", "/api/v9/interactions/i-src/itoken-i-src/callback")) > 0 })
		cb := f.requests("POST", "/api/v9/interactions/i-src/itoken-i-src/callback")[0].json(t)
		data, _ := cb["data"].(map[string]any)
		embeds, _ := data["embeds"].([]any)
		if cb["type"] != 4.0 || data["flags"] != 64.0 || len(embeds) == 0 {
			t.Fatalf("sources callback = %v, want type 4, ephemeral, embeds", cb)
		}
		seed, err := os.ReadFile(seedDir + "/002_6b9d529eae85757d.txt")
		if err != nil {
			t.Fatal(err)
		}
		// Every embed is one cited source: a verbatim block quote of it.
		for _, e := range embeds {
			e := e.(map[string]any)
			desc, _ := e["description"].(string)
			quote, ok := strings.CutPrefix(shown(strings.Split(desc, "\n")[0]), "> ")
			if !ok || len(quote) < 20 || !strings.Contains(string(seed), quote) {
				t.Errorf("sources embed description = %q, want a block quote of 002_6b9d529eae85757d.txt", desc)
			}
			if fields := fmt.Sprint(e["fields"]); !strings.Contains(fields, "002_6b9d529eae85757d.txt:") {
				t.Errorf("sources embed fields = %s, want the cited file", fields)
			}
		}
	})

	t.Run("stale Sources button", func(t *testing.T) {
		dispatch("INTERACTION_CREATE", f.buttonClick("i-stale", "c-mention", sourcesButtonIDPre+"previous-run-1"))
		eventually(t, "the answer", func() bool {
			return len(f.requests("POST", "/api/v9/interactions/i-stale/itoken-i-stale/callback")) > 0
		})
		cb := f.requests("POST", "/api/v9/interactions/i-stale/itoken-i-stale/callback")[0].json(t)
		if data, _ := cb["data"].(map[string]any); data["content"] != msgSourcesGone {
			t.Errorf("stale button answer = %v, want %q", cb, msgSourcesGone)
		}
	})

	t.Run("DM gets a reply", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-dm", "dm-1", "", "u-dm", "What did MacKay say in Vilnius about France?", false))
		eventually(t, "the reply", func() bool { return len(f.requests("POST", "/api/v9/channels/dm-1/messages")) > 0 })
		if got := content(t, f.requests("POST", "/api/v9/channels/dm-1/messages")[0]); !strings.Contains(got, "001_b7e1029fb9729208.txt:") {
			t.Errorf("DM reply = %q, want a citation of 001_b7e1029fb9729208.txt", got)
		}
	})

	t.Run("/articles lists the coverage", func(t *testing.T) {
		dispatch("INTERACTION_CREATE", f.slashCommand("i-articles", "c-ask", member("u-ask", "0"), "articles"))
		cb := "/api/v9/interactions/i-articles/itoken-i-articles/callback"
		eventually(t, "the list", func() bool { return len(f.requests("POST", cb)) > 0 })
		data, _ := f.requests("POST", cb)[0].json(t)["data"].(map[string]any)
		got, _ := data["content"].(string)
		for _, want := range []string{"3 articles", "002\\_6b9d529eae85757d.txt", "NATO boss wants Canada to extend Afghan tour"} {
			if !strings.Contains(got, want) {
				t.Errorf("/articles = %q, want it to hold %q", got, want)
			}
		}
		if data["flags"] != 64.0 {
			t.Errorf("/articles flags = %v, want 64 (ephemeral)", data["flags"])
		}
	})

	var askAnswerID string
	t.Run("/ask defers then edits the original", func(t *testing.T) {
		dispatch("INTERACTION_CREATE", f.slashCommand("i-ask", "c-ask", member("u-ask", "0"), "ask",
			map[string]any{"name": "question", "type": 3, "value": "What did Appathurai tell Canada AM on Friday?"}))
		const patch = "/api/v9/webhooks/app-1/itoken-i-ask/messages/@original"
		eventually(t, "the answer", func() bool { return len(f.requests("PATCH", patch)) > 0 })
		r.waitHandled(t, events) // a slow answer is edited in streaming, then whole
		cbs := f.requests("POST", "/api/v9/interactions/i-ask/itoken-i-ask/callback")
		if len(cbs) != 1 || cbs[0].json(t)["type"] != 5.0 {
			t.Fatalf("callbacks = %v, want one deferred (type 5) response", cbs)
		}
		edits := f.requests("PATCH", patch)
		if got := content(t, edits[len(edits)-1]); !strings.Contains(got, "000_7b664699113ac3fb.txt:") {
			t.Errorf("@original = %q, want a citation of 000_7b664699113ac3fb.txt", got)
		}
		f.mu.Lock()
		askAnswerID = f.originals["itoken-i-ask"]
		f.mu.Unlock()
		// The bot files the answer under its conversation once Discord has
		// answered the edit; a reply can only continue it after that.
		eventually(t, "the /ask answer's conversation", func() bool { _, ok := r.d.convs.Get("msg:" + askAnswerID); return ok })
		if order := routesOf(f, "/api/v9/interactions/i-ask/", patch); !slices.Equal(order, []string{"callback", "patch"}) {
			t.Errorf("request order = %v, want callback before patch", order)
		}
	})

	t.Run("reply to an answer continues the conversation", func(t *testing.T) {
		follow := f.userMessage("m-follow", "c-ask", "g1", "u-ask", "And what did Bernier say about the troops?", false)
		follow["message_reference"] = map[string]any{"message_id": askAnswerID, "channel_id": "c-ask"}
		dispatch("MESSAGE_CREATE", follow)
		eventually(t, "the follow-up answer", func() bool { return len(f.requests("POST", "/api/v9/channels/c-ask/messages")) > 0 })
		r.waitHandled(t, events) // the post may be the streaming one, sent before the answer is filed
		conv, ok := r.d.convs.Get("msg:" + askAnswerID)
		if !ok {
			t.Fatalf("no conversation for the /ask answer %s", askAnswerID)
		}
		h := conv.History()
		if len(h) != 2 || h[0].Question != "What did Appathurai tell Canada AM on Friday?" || h[1].Question != "And what did Bernier say about the troops?" {
			t.Errorf("conversation history = %+v, want the /ask question then the follow-up", h)
		}
		reply := f.requests("POST", "/api/v9/channels/c-ask/messages")[0]
		// The answer to the follow-up continues the same conversation (filed
		// once Discord has answered the post).
		eventually(t, "the follow-up answer filed in the conversation", func() bool {
			c2, ok := r.d.convs.Get("msg:" + reply.RespID)
			return ok && c2 == conv
		})
	})

	t.Run("mass mentions never ping", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-ping", "c-ping", "g1", "u-ping", mention+"@everyone @here what did NATO want from Canada?", true))
		eventually(t, "the reply", func() bool { return len(f.requests("POST", "/api/v9/channels/c-ping/messages")) > 0 })
		checkNoPings(t, f)
	})

	t.Run("own and other bots' messages are ignored", func(t *testing.T) {
		before := len(f.requests("", "*"))
		own := f.userMessage("m-own", "c-ignored", "g1", f.botID, mention+"What did NATO say?", true)
		other := f.userMessage("m-bot", "c-ignored", "g1", "bot-2", mention+"What did NATO say?", true)
		other["author"].(map[string]any)["bot"] = true
		hook := f.userMessage("m-hook", "c-ignored", "g1", "hook-1", mention+"What did NATO say?", true)
		hook["webhook_id"] = "hook-1"
		notForUs := f.userMessage("m-chat", "c-ignored", "g1", "u-chat", "What did NATO say?", false)
		for _, m := range []map[string]any{own, other, hook, notForUs} {
			dispatch("MESSAGE_CREATE", m)
		}
		r.waitHandled(t, events)
		if got := f.requests("", "*")[before:]; len(got) != 0 {
			t.Errorf("requests after ignored messages = %v, want none", got)
		}
	})

	t.Run("rate limits", func(t *testing.T) {
		for _, tc := range []struct {
			name, channel string
			users         []string
		}{
			{"per user", "c-fast", []string{"u-fast", "u-fast", "u-fast", "u-fast"}},
			{"per channel", "c-busy", []string{"u-a", "u-b", "u-c", "u-d", "u-e"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for i, u := range tc.users {
					dispatch("MESSAGE_CREATE", f.userMessage(fmt.Sprintf("m-%s-%d", tc.channel, i), tc.channel, "g1", u, mention+"What did NATO want from Canada?", true))
				}
				path := "/api/v9/channels/" + tc.channel + "/messages"
				eventually(t, "all replies", func() bool { return len(f.requests("POST", path)) == len(tc.users) })
				slow := 0
				for _, req := range f.requests("POST", path) {
					if strings.HasPrefix(content(t, req), "Slow down") {
						slow++
					}
				}
				if slow != 1 {
					t.Errorf("%d questions got %d \"Slow down\" replies, want 1", len(tc.users), slow)
				}
			})
		}
	})

	t.Run("one slow-down notice per person", func(t *testing.T) {
		const n = 12
		for i := range n {
			dispatch("MESSAGE_CREATE", f.userMessage(fmt.Sprintf("m-flood-%d", i), "c-flood", "g1", "u-flood", mention+"What did NATO want from Canada?", true))
		}
		path, reactions := "/api/v9/channels/c-flood/messages", "/api/v9/channels/c-flood/*" // PUT: reactions
		eventually(t, "every question handled", func() bool {
			return len(f.requests("POST", path))+len(f.requests("PUT", reactions)) == n
		})
		slow, answers := 0, 0
		for _, req := range f.requests("POST", path) {
			if strings.HasPrefix(content(t, req), "Slow down") {
				slow++
			} else {
				answers++
			}
		}
		if slow != 1 || answers != 3 {
			t.Errorf("%d questions past the rate got %d \"Slow down\" replies and %d answers, want 1 and 3", n, slow, answers)
		}
		if got := len(f.requests("PUT", reactions)); got != n-4 {
			t.Errorf("reactions = %d, want %d: one on each question past the notice", got, n-4)
		}
	})

	t.Run("/reindex", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			member map[string]any
			done   bool
		}{
			{"member without permission", member("u-plain", "0"), false},
			{"Manage Server", member("u-admin", "32"), true},
			{"Administrator", member("u-owner", "8"), true},
			{"reindex role", member("u-role", "0", "role-reindexers"), true},
			{"in a DM", nil, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				id := "i-reindex-" + strings.ReplaceAll(tc.name, " ", "-")
				calls := countMap(&reindexCalls)
				dispatch("INTERACTION_CREATE", f.slashCommand(id, "c-admin", tc.member, "reindex"))
				cbPath := "/api/v9/interactions/" + id + "/itoken-" + id + "/callback"
				patch := "/api/v9/webhooks/app-1/itoken-" + id + "/messages/@original"
				eventually(t, "the response", func() bool {
					return len(f.requests("POST", cbPath)) > 0 && (!tc.done || len(f.requests("PATCH", patch)) > 0)
				})
				// The reindex is over only once handled: the next one
				// would find it busy.
				r.waitHandled(t, events)
				cb := f.requests("POST", cbPath)[0].json(t)
				data, _ := cb["data"].(map[string]any)
				if data["flags"] != 64.0 {
					t.Errorf("reindex response flags = %v, want 64 (ephemeral)", data["flags"])
				}
				if !tc.done {
					if cb["type"] != 4.0 || data["content"] != msgReindexDenied {
						t.Errorf("reindex response = %v, want type 4 %q", cb, msgReindexDenied)
					}
					if got := countMap(&reindexCalls); got != calls {
						t.Errorf("Reindex calls = %d, want %d (refused)", got, calls)
					}
					return
				}
				if cb["type"] != 5.0 {
					t.Errorf("reindex response type = %v, want 5 (deferred)", cb["type"])
				}
				want := "Reindexed: 1 added, 1 updated, 0 removed, 2 unchanged; 52 passages in the index."
				if got := content(t, f.requests("PATCH", patch)[0]); got != want {
					t.Errorf("reindex result = %q, want %q", got, want)
				}
				if got := countMap(&reindexCalls); got != calls+1 {
					t.Errorf("Reindex calls = %d, want %d", got, calls+1)
				}
			})
		}
	})

	t.Run("429 from Discord is survived", func(t *testing.T) {
		const path = "/api/v9/channels/c-429/messages"
		f.failNext("POST "+path, http.StatusTooManyRequests)
		dispatch("MESSAGE_CREATE", f.userMessage("m-429", "c-429", "g1", "u-429", mention+"What did Rasmussen say about extending the Canadian mission beyond 2011?", true))
		eventually(t, "the retried reply", func() bool { return len(f.requests("POST", path)) == 2 })
		r.waitHandled(t, events) // a slow answer is posted streaming and edited whole
		reqs := f.requests("POST", path)
		if reqs[0].Status != http.StatusTooManyRequests || reqs[1].Status != http.StatusOK {
			t.Errorf("statuses = %d, %d, want 429 then 200", reqs[0].Status, reqs[1].Status)
		}
		if got := f.finalContent(t, reqs[1]); !strings.Contains(got, "002_6b9d529eae85757d.txt:") {
			t.Errorf("retried reply = %q, want the cited answer", got)
		}
	})

	t.Run("gateway reconnects", func(t *testing.T) {
		for i, tc := range []struct {
			name string
			code int
		}{
			{"close 4000", 4000},
			{"abrupt close", 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				ids, resumes := f.counts()
				f.drop(tc.code)
				eventually(t, "the bot to resume", func() bool { _, r := f.counts(); return r == resumes+1 })
				if got, _ := f.counts(); got != ids {
					t.Errorf("IDENTIFYs = %d, want %d (a resume, not a new session)", got, ids)
				}
				ch := fmt.Sprintf("c-reconnect-%d", i)
				dispatch("MESSAGE_CREATE", f.userMessage("m-"+ch, ch, "g1", "u-"+ch, mention+"What did MacKay say in Vilnius?", true))
				eventually(t, "an answer after reconnecting", func() bool { return len(f.requests("POST", "/api/v9/channels/"+ch+"/messages")) > 0 })
			})
		}
	})

	t.Run("nothing pinged and the token never logged", func(t *testing.T) {
		checkNoPings(t, f)
		if logs := r.log.String(); strings.Contains(logs, "test-token") {
			t.Errorf("the log contains the token:\n%s", logs)
		}
	})
}

func countMap(m *sync.Map) int {
	n := 0
	m.Range(func(any, any) bool { n++; return true })
	return n
}

// routesOf lists, in order, which of the interaction callback (prefix cb)
// and the @original edit (path patch) were requested.
func routesOf(f *fakeDiscord, cb, patch string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.reqs {
		switch {
		case strings.HasPrefix(r.Path, cb):
			out = append(out, "callback")
		case r.Path == patch && !slices.Contains(out, "patch"):
			out = append(out, "patch")
		}
	}
	return out
}

// findCustomID returns the custom_id of the first button of a message body.
func findCustomID(body map[string]any) string {
	rows, _ := body["components"].([]any)
	for _, row := range rows {
		comps, _ := row.(map[string]any)["components"].([]any)
		for _, c := range comps {
			if id, ok := c.(map[string]any)["custom_id"].(string); ok {
				return id
			}
		}
	}
	return ""
}

// TestDiscordThreads runs a second configuration: conversation threads,
// streamed answers, allow-lists, global commands and graceful shutdown.
func TestDiscordThreads(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	sa := &streamingAnswerer{inner: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), pause: 20 * time.Millisecond, held: make(chan string, 1), release: make(chan struct{})}
	b := bot.New(bottest.Index(t, seedDir), sa, bot.Options{Corpus: seedDir})
	f.messageContent = true // messages in the thread that do not mention the bot need it
	r := startDiscord(t, f, b, Options{
		MessageContent:  true,
		Threads:         true,
		AllowedGuilds:   []string{"g1"},
		AllowedChannels: []string{"c-threads"},
		UserRate:        rate.Inf, ChannelRate: rate.Inf,
		StreamInterval: 5 * time.Millisecond,
	})
	events := int64(0)
	dispatch := func(typ string, d any) {
		t.Helper()
		events++
		f.dispatch(t, typ, d)
	}
	mention := "<@" + f.botID + "> "

	t.Run("commands registered globally", func(t *testing.T) {
		reqs := f.requests("PUT", "/api/v9/applications/app-1/commands")
		if len(reqs) != 1 {
			t.Fatalf("global command registrations = %d, want 1", len(reqs))
		}
		if got := string(reqs[0].Body); !strings.Contains(got, `"default_member_permissions":"32"`) {
			t.Errorf("registered commands = %s, want /reindex limited to Manage Server by default", got)
		}
	})

	t.Run("allow-lists", func(t *testing.T) {
		before := len(f.requests("", "*"))
		for _, m := range []map[string]any{
			f.userMessage("m-dm", "dm-2", "", "u-1", "What did NATO say?", false),
			f.userMessage("m-g2", "c-threads", "g2", "u-1", mention+"What did NATO say?", true),
			f.userMessage("m-other", "c-other", "g1", "u-1", mention+"What did NATO say?", true),
		} {
			dispatch("MESSAGE_CREATE", m)
		}
		r.waitHandled(t, events)
		if got := f.requests("", "*")[before:]; len(got) != 0 {
			t.Errorf("requests after messages outside the allow-lists = %v, want none", got)
		}
		dispatch("INTERACTION_CREATE", f.slashCommand("i-other", "c-other", member("u-1", "0"), "ask",
			map[string]any{"name": "question", "type": 3, "value": "What did NATO say?"}))
		const cb = "/api/v9/interactions/i-other/itoken-i-other/callback"
		eventually(t, "the refusal", func() bool { return len(f.requests("POST", cb)) > 0 })
		if data, _ := f.requests("POST", cb)[0].json(t)["data"].(map[string]any); data["content"] != msgNotHere || data["flags"] != 64.0 {
			t.Errorf("/ask outside the allowed channels answered %v, want ephemeral %q", data, msgNotHere)
		}
	})

	t.Run("a mention starts a thread and streams the answer", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-t1", "c-threads", "g1", "u-1",
			mention+"@everyone What did Rasmussen say about extending the Canadian mission beyond 2011?", true))
		eventually(t, "the final answer", func() bool {
			edits := f.requests("PATCH", "/api/v9/channels/m-t1/messages/*")
			return len(edits) > 0 && strings.Contains(content(t, edits[len(edits)-1]), "**Sources**")
		})
		threads := f.requests("POST", "/api/v9/channels/c-threads/messages/m-t1/threads")
		if len(threads) != 1 {
			t.Fatalf("threads started = %d, want 1", len(threads))
		}
		if name, _ := threads[0].json(t)["name"].(string); !strings.HasPrefix(name, "@\u200beveryone What did Rasmussen") {
			t.Errorf("thread name = %q, want the question with the mass mention defused", name)
		}
		posts := f.requests("POST", "/api/v9/channels/m-t1/messages")
		if len(posts) != 1 || !strings.HasSuffix(content(t, posts[0]), " …") {
			t.Fatalf("messages posted in the thread = %v, want one partial answer ending in \" …\"", posts)
		}
		edits := f.requests("PATCH", "/api/v9/channels/m-t1/messages/"+posts[0].RespID)
		final := edits[len(edits)-1].json(t)
		if got, _ := final["content"].(string); !strings.Contains(got, "`002_6b9d529eae85757d.txt:") {
			t.Errorf("final answer = %q, want a citation of 002_6b9d529eae85757d.txt", got)
		}
		if !strings.HasPrefix(findCustomID(final), sourcesButtonIDPre) {
			t.Errorf("final answer components = %v, want the Sources button", final["components"])
		}
	})

	t.Run("a message in the thread continues the conversation", func(t *testing.T) {
		before := len(f.requests("POST", "/api/v9/channels/m-t1/messages"))
		dispatch("MESSAGE_CREATE", f.userMessage("m-t2", "m-t1", "g1", "u-1", "What did Lawrence Cannon reiterate?", false))
		eventually(t, "the follow-up answer", func() bool {
			edits := f.requests("PATCH", "/api/v9/channels/m-t1/messages/*")
			last := content(t, edits[len(edits)-1])
			return len(f.requests("POST", "/api/v9/channels/m-t1/messages")) > before && strings.Contains(last, "Cannon") && strings.Contains(last, "**Sources**")
		})
		conv, ok := r.d.convs.Get("chan:m-t1")
		if !ok {
			t.Fatal("no conversation for the thread")
		}
		if h := conv.History(); len(h) != 2 || !strings.Contains(h[0].Question, "Rasmussen") || !strings.Contains(h[1].Question, "Cannon") {
			t.Errorf("thread conversation = %+v, want the first question then the follow-up", h)
		}
		if n := len(f.requests("POST", "/api/v9/channels/m-t1/messages/m-t2/threads")); n != 0 {
			t.Errorf("threads started for a message in a thread = %d, want 0", n)
		}
	})

	t.Run("long answers are split", func(t *testing.T) {
		t.Run("mention", func(t *testing.T) {
			dispatch("MESSAGE_CREATE", f.userMessage("m-long", "c-threads", "g1", "u-1", mention+"Tell me at length what Appathurai told Canada AM", true))
			eventually(t, "the last part", func() bool {
				posts := f.requests("POST", "/api/v9/channels/m-long/messages")
				return len(posts) > 1 && strings.Contains(content(t, posts[len(posts)-1]), "**Sources**")
			})
			posts := f.requests("POST", "/api/v9/channels/m-long/messages")
			for i, p := range posts {
				body := p.json(t)
				if n := runeLen(content(t, p)); n > discordMaxContent {
					t.Errorf("message %d has %d chars, want <= %d", i+1, n, discordMaxContent)
				}
				if hasButton := findCustomID(body) != ""; hasButton != (i == len(posts)-1) {
					t.Errorf("message %d of %d has a Sources button: %v, want it only on the last", i+1, len(posts), hasButton)
				}
			}
		})
		t.Run("/ask", func(t *testing.T) {
			dispatch("INTERACTION_CREATE", f.slashCommand("i-long", "c-threads", member("u-1", "0"), "ask",
				map[string]any{"name": "question", "type": 3, "value": "Tell me at length what Appathurai told Canada AM"}))
			const followups = "/api/v9/webhooks/app-1/itoken-i-long"
			eventually(t, "the follow-up messages", func() bool {
				posts := f.requests("POST", followups)
				return len(posts) > 0 && strings.Contains(content(t, posts[len(posts)-1]), "**Sources**")
			})
			edits := f.requests("PATCH", followups+"/messages/@original")
			if len(edits) < 2 || !strings.HasSuffix(content(t, edits[0]), " …") {
				t.Errorf("@original edits = %d, want streamed partial text then the first part", len(edits))
			}
			last := content(t, edits[len(edits)-1])
			if strings.HasSuffix(last, " …") || runeLen(last) > discordMaxContent || runeLen(last) < discordMaxContent/2 {
				t.Errorf("final @original = %.80q (%d chars), want the first part of the answer", last, runeLen(last))
			}
			posts := f.requests("POST", followups)
			if body := posts[len(posts)-1].json(t); findCustomID(body) == "" || !strings.Contains(body["content"].(string), "`000_7b664699113ac3fb.txt:") {
				t.Errorf("last follow-up = %v, want the Sources block citing 000_7b664699113ac3fb.txt and the Sources button", body)
			}
		})
	})

	t.Run("an internal failure gets one apology", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-boom", "c-threads", "g1", "u-1", mention+"Make the model explode, please", true))
		eventually(t, "the apology", func() bool { return len(f.requests("POST", "/api/v9/channels/m-boom/messages")) > 0 })
		r.waitHandled(t, events)
		posts := f.requests("POST", "/api/v9/channels/m-boom/messages")
		if len(posts) != 1 || content(t, posts[0]) != msgApology {
			t.Errorf("replies to a failed answer = %v, want one %q", posts, msgApology)
		}
		if logs := r.log.String(); !strings.Contains(logs, "model exploded (test)") {
			t.Errorf("log lacks the cause of the failure:\n%s", logs)
		}
	})

	t.Run("shutdown waits for answers in flight", func(t *testing.T) {
		dispatch("MESSAGE_CREATE", f.userMessage("m-hold", "c-threads", "g1", "u-1", mention+"Please hold: what did MacKay say in Vilnius?", true))
		<-sa.held
		r.cancel()
		eventually(t, "shutdown to begin", r.d.isClosing)
		dispatch("MESSAGE_CREATE", f.userMessage("m-late", "c-threads", "g1", "u-1", mention+"What did NATO say?", true))
		r.waitHandled(t, events-1) // all but the held one
		select {
		case err := <-r.errc:
			t.Fatalf("Run returned (%v) with an answer in flight", err)
		default:
		}
		close(sa.release)
		var err error
		select {
		case err = <-r.errc:
			r.errc <- err
		case <-time.After(15 * time.Second):
			t.Fatal("Run did not return after the answer in flight finished")
		}
		if err != nil {
			t.Errorf("Run() = %v, want nil", err)
		}
		edits := f.requests("PATCH", "/api/v9/channels/m-hold/messages/*")
		if len(edits) == 0 || !strings.Contains(content(t, edits[len(edits)-1]), "001_b7e1029fb9729208.txt:") {
			t.Errorf("the answer in flight was not delivered before Run returned: %v", edits)
		}
		if got := f.requests("", "/api/v9/channels/c-threads/messages/m-late/*"); len(got) != 0 {
			t.Errorf("requests for a question asked during shutdown = %v, want none", got)
		}
	})
	checkNoPings(t, f)
}

func TestDiscordConnectErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		token string
		setup func(f *fakeDiscord)
		want  string
	}{
		{"missing token", "", nil, "discord: no bot token; set DISCORD_TOKEN"},
		{"wrong token", "other-token", nil, // the fake, like Discord, answers 401 to REST with a bad token
			"discord: the token was rejected (401 Unauthorized); check DISCORD_TOKEN"},
		{"gateway close 4004", "test-token", func(f *fakeDiscord) { f.closeCode = 4004 },
			"discord: the token was rejected (gateway close 4004, authentication failed); check DISCORD_TOKEN"},
		{"gateway close 4014", "test-token", func(f *fakeDiscord) { f.closeCode = 4014 },
			"discord: the gateway refused the bot's intents (close 4014)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeDiscord(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			logs := &syncBuffer{}
			d := New(newTestBot(t), Options{
				Token: tc.token, Transport: f.transport(),
				Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
			})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := d.Run(ctx)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("Run() = %v, want %q", err, tc.want)
			}
			if tc.token != "" && strings.Contains(err.Error()+logs.String(), tc.token) {
				t.Errorf("the token leaked: error %q, log:\n%s", err, logs)
			}
		})
	}
}

// Following the README, a new application has the Message Content intent
// off in the Developer Portal. The bot does not ask for it unless told to;
// told to, it is refused (4014), reconnects without it, says once what
// that disables, and answers mentions.
func TestDiscordMessageContentIntent(t *testing.T) {
	t.Parallel()
	const (
		base = 1<<0 | 1<<9 | 1<<12 // guilds, guild messages, direct messages
		mc   = 1 << 15
	)
	for _, tc := range []struct {
		name         string
		portal, opt  bool
		wantIntents  []int
		wantWarnings int
	}{
		{"not asked for", false, false, []int{base}, 0},
		{"asked for, refused", false, true, []int{base | mc, base}, 1},
		{"asked for, enabled", true, true, []int{base | mc}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeDiscord(t)
			f.messageContent = tc.portal
			r := startDiscord(t, f, newTestBot(t), Options{MessageContent: tc.opt, UserRate: rate.Inf, ChannelRate: rate.Inf})
			f.mu.Lock()
			got := slices.Clone(f.intents)
			f.mu.Unlock()
			if !slices.Equal(got, tc.wantIntents) {
				t.Errorf("IDENTIFY intents = %b, want %b", got, tc.wantIntents)
			}
			if n := strings.Count(r.log.String(), "Message Content intent is not enabled"); n != tc.wantWarnings {
				t.Errorf("%d warnings about the intent, want %d; log:\n%s", n, tc.wantWarnings, r.log)
			}
			if tc.wantWarnings > 0 && !strings.Contains(r.log.String(), "mentions, DMs, /ask and the Sources button work") {
				t.Errorf("the warning does not say what still works; log:\n%s", r.log)
			}
			mention := "<@" + f.botID + "> "
			f.dispatch(t, "MESSAGE_CREATE", f.userMessage("m-1", "c-1", "g1", "u-1", mention+"Who is the NATO spokesperson?", true))
			eventually(t, "the answer to a mention", func() bool { return len(f.requests("POST", "/api/v9/channels/c-1/messages")) > 0 })
		})
	}
}

// TestDiscordAnswersNewArticle drops an article into the watched coverage
// folder while the bot runs and asks about it: it must be answered, with a
// citation of the new file, without a restart.
func TestDiscordAnswersNewArticle(t *testing.T) {
	t.Parallel()
	corpus := copySeeds(t)
	ix := bottest.Index(t, corpus)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go ix.Watch(ctx, corpus, 100*time.Millisecond, nil)
	b := bot.New(ix, extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
	f := newFakeDiscord(t)
	startDiscord(t, f, b, Options{UserRate: rate.Inf, ChannelRate: rate.Inf})

	const article = "Icebreaker reaches pole\n\nOSLO (Reuters) - The Norwegian icebreaker Fridtjof Sverdrup reached the North Pole on Sunday after a voyage of 19 days, its captain said.\n"
	time.Sleep(200 * time.Millisecond) // let the watcher start
	if err := os.WriteFile(filepath.Join(corpus, "2026-11-20-icebreaker.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	mention := "<@" + f.botID + "> "
	var got string
	for i := 0; ; i++ {
		channel := fmt.Sprintf("c-new-%d", i)
		f.dispatch(t, "MESSAGE_CREATE", f.userMessage(fmt.Sprintf("m-new-%d", i), channel, "g1", "u-new",
			mention+"Which icebreaker reached the North Pole?", true))
		eventually(t, "a reply", func() bool { return len(f.requests("POST", "/api/v9/channels/"+channel+"/messages")) > 0 })
		got = content(t, f.requests("POST", "/api/v9/channels/"+channel+"/messages")[0])
		if strings.Contains(got, "2026-11-20-icebreaker.txt") {
			break
		}
		if i == 50 {
			t.Fatalf("the new article was not answered within seconds; last reply %q", got)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(got, "Fridtjof Sverdrup") {
		t.Errorf("reply %q lacks the new article's fact", got)
	}
}

func ExampleBot_Run() {
	var b *bot.Bot // normally New(index, extractive.New(extractive.Options{}), Options{})
	d := New(b, Options{Token: "" /* normally os.Getenv("DISCORD_TOKEN") */})
	fmt.Println(d.Run(context.Background()))
	// Output: discord: no bot token; set DISCORD_TOKEN
}

func TestMentions(t *testing.T) {
	bot := &discordgo.User{ID: "42"}
	cases := []struct {
		name string
		m    discordgo.Message
		want bool
	}{
		{"listed", discordgo.Message{Content: "<@42> hi", Mentions: []*discordgo.User{bot}}, true},
		{"text only", discordgo.Message{Content: "<@42> hi"}, true},
		{"nickname form", discordgo.Message{Content: "<@!42> hi"}, true},
		{"someone else", discordgo.Message{Content: "<@7> hi", Mentions: []*discordgo.User{{ID: "7"}}}, false},
		{"prefix of another ID", discordgo.Message{Content: "<@421> hi"}, false},
		{"none", discordgo.Message{Content: "hi"}, false},
	}
	for _, c := range cases {
		if got := mentions(&c.m, "42"); got != c.want {
			t.Errorf("%s: mentions(%q) = %v, want %v", c.name, c.m.Content, got, c.want)
		}
	}
	if mentions(&discordgo.Message{Content: "<@> hi"}, "") {
		t.Errorf("mentions with no known self = true, want false")
	}
}

// TestDiscordReindexNotSaved: a /reindex whose index cannot be saved (the
// disk is full) says so, the bot keeps answering from the index it has,
// and the next /reindex tries again.
func TestDiscordReindexNotSaved(t *testing.T) {
	t.Parallel()
	f := newFakeDiscord(t)
	var calls atomic.Int32
	r := startDiscord(t, f, newTestBot(t), Options{
		UserRate: rate.Inf, ChannelRate: rate.Inf,
		Reindex: func(ctx context.Context) (retrieval.SyncReport, error) {
			if calls.Add(1) == 1 {
				return retrieval.SyncReport{}, &retrieval.SaveError{Source: "003_new.txt", Err: syscall.ENOSPC}
			}
			return retrieval.SyncReport{Added: []string{"003_new.txt"}, Unchanged: 3, Chunks: 52}, nil
		},
	})
	events := int64(0)
	reindex := func(id string) string {
		t.Helper()
		f.dispatch(t, "INTERACTION_CREATE", f.slashCommand(id, "c-admin", member("u-admin", "32"), "reindex"))
		events++
		patch := "/api/v9/webhooks/app-1/itoken-" + id + "/messages/@original"
		eventually(t, "the reindex result", func() bool { return len(f.requests("PATCH", patch)) > 0 })
		r.waitHandled(t, events) // else the next one finds it still running
		return content(t, f.requests("PATCH", patch)[0])
	}
	if got := reindex("i-full"); got != msgReindexNotSaved {
		t.Errorf("reindex on a full disk = %q, want %q", got, msgReindexNotSaved)
	}
	f.dispatch(t, "MESSAGE_CREATE", f.userMessage("m-full", "c-full", "g1", "u-full",
		"<@"+f.botID+"> Who is the NATO spokesperson?", true))
	events++
	eventually(t, "an answer", func() bool { return len(f.requests("POST", "/api/v9/channels/c-full/messages")) > 0 })
	if got := content(t, f.requests("POST", "/api/v9/channels/c-full/messages")[0]); !strings.Contains(got, "Appathurai") {
		t.Errorf("answer after the failed reindex = %q, want one from the index it has", got)
	}
	if got, want := reindex("i-freed"), "Reindexed: 1 added, 0 updated, 0 removed, 3 unchanged; 52 passages in the index."; got != want {
		t.Errorf("reindex once the disk has room = %q, want %q", got, want)
	}
}

// TestDiscordShards runs the bot as two shards, each a process of its own
// on one shared index that a third process (`newsbot index --watch`)
// writes: each shard identifies as itself, only shard 0 registers the
// commands, and a shard answers from an article written after it started.
func TestDiscordShards(t *testing.T) {
	t.Parallel()
	corpus := copySeeds(t)
	dir := t.TempDir()
	open := func() *retrieval.Index {
		st, err := local.Open(dir, local.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	writer := open()
	if _, err := writer.Sync(context.Background(), corpus, nil); err != nil {
		t.Fatal(err)
	}
	var fakes []*fakeDiscord
	for id := range 2 {
		f := newFakeDiscord(t)
		b := bot.New(open(), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
		startDiscord(t, f, b, Options{UserRate: rate.Inf, ChannelRate: rate.Inf, ShardID: id, ShardCount: 2})
		fakes = append(fakes, f)
	}
	for id, f := range fakes {
		f.mu.Lock()
		shard := f.shard
		f.mu.Unlock()
		if !slices.Equal(shard, []int{id, 2}) {
			t.Errorf("shard %d identified as %v, want [%d 2]", id, shard, id)
		}
		if n := len(f.requests("PUT", "/api/v9/applications/*")); (n > 0) != (id == 0) {
			t.Errorf("shard %d registered commands %d times, want them registered by shard 0 only", id, n)
		}
	}

	const article = "Icebreaker reaches pole\n\nOSLO (Reuters) - The Norwegian icebreaker Fridtjof Sverdrup reached the North Pole on Sunday after a voyage of 19 days, its captain said.\n"
	if err := os.WriteFile(filepath.Join(corpus, "2026-11-20-icebreaker.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writer.Sync(context.Background(), corpus, nil); err != nil {
		t.Fatal(err)
	}
	f := fakes[1]
	f.dispatch(t, "MESSAGE_CREATE", f.userMessage("m-shard", "c-shard", "g1", "u-shard",
		"<@"+f.botID+"> Which icebreaker reached the North Pole?", true))
	eventually(t, "a reply", func() bool { return len(f.requests("POST", "/api/v9/channels/c-shard/messages")) > 0 })
	if got := content(t, f.requests("POST", "/api/v9/channels/c-shard/messages")[0]); !strings.Contains(got, "Fridtjof Sverdrup") {
		t.Errorf("shard 1's reply %q lacks the article written after it started", got)
	}
}

// copySeeds copies the seed articles into a fresh corpus folder.
func copySeeds(t *testing.T) string {
	t.Helper()
	corpus := t.TempDir()
	seeds, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

// TestDiscordHostileArticleInert answers from an article full of Discord
// markup, in a thread named after a question full of it: the answer, the
// thread name and the Sources embeds must show it all as text, linking
// nothing but bare URLs and mentioning no one.
func TestDiscordHostileArticleInert(t *testing.T) {
	t.Parallel()
	corpus := t.TempDir()
	article := "Ministry briefing moved\n\n" +
		"OTTAWA (Reuters) - The defence ministry said on Tuesday that reporters should read the briefing at [click here](http://evil.example/login) before the summit.\n" +
		"# Contacts\n" +
		"<@123456789012345678> and <@&987654321> in <#555> were named as contacts for the briefing by the ministry, ||which kept its plans secret||.\n" +
		"> The summit **will** go ahead, a ministry spokesman said.\n"
	if err := os.WriteFile(filepath.Join(corpus, "briefing.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFakeDiscord(t)
	startDiscord(t, f, offlineBot(t, corpus), Options{UserRate: rate.Inf, ChannelRate: rate.Inf, Threads: true})
	question := "<@&987654321> **Where** should reporters read the ministry briefing before the summit? [see](http://evil.example)"
	f.dispatch(t, "MESSAGE_CREATE", f.userMessage("m-hostile", "c-hostile", "g1", "u-1", "<@"+f.botID+"> "+question, true))

	threads := "/api/v9/channels/c-hostile/messages/m-hostile/threads"
	eventually(t, "the thread", func() bool { return len(f.requests("POST", threads)) > 0 })
	name, _ := f.requests("POST", threads)[0].json(t)["name"].(string)
	if live := liveMarkup(name); live != "" || strings.Contains(name, "<@") {
		t.Errorf("thread name %q leaves %s", name, live)
	}
	eventually(t, "the answer", func() bool { return len(f.requests("POST", "/api/v9/channels/m-hostile/messages")) > 0 })
	reply := f.requests("POST", "/api/v9/channels/m-hostile/messages")[0]
	text, _, _ := strings.Cut(content(t, reply), "\n\n**Sources**") // the bot's own lines may format
	if !strings.Contains(shown(text), "[click here](http://evil.example/login)") {
		t.Fatalf("answer %q does not quote the briefing sentence", text)
	}
	if live := liveMarkup(text); live != "" {
		t.Errorf("answer %q leaves %s", text, live)
	}

	buttonID := findCustomID(reply.json(t))
	f.dispatch(t, "INTERACTION_CREATE", f.buttonClick("i-hostile", "m-hostile", buttonID))
	cbPath := "/api/v9/interactions/i-hostile/itoken-i-hostile/callback"
	eventually(t, "the sources", func() bool { return len(f.requests("POST", cbPath)) > 0 })
	data, _ := f.requests("POST", cbPath)[0].json(t)["data"].(map[string]any)
	embeds, _ := data["embeds"].([]any)
	if len(embeds) == 0 {
		t.Fatalf("sources = %v, want embeds", data)
	}
	for _, e := range embeds {
		e := e.(map[string]any)
		title, _ := e["title"].(string)
		desc, _ := e["description"].(string)
		for what, s := range map[string]string{"title": title, "description": strings.ReplaceAll(desc, "\n> ", "\n")[2:]} {
			if live := liveMarkup(s); live != "" {
				t.Errorf("sources embed %s %q leaves %s", what, s, live)
			}
		}
	}
}

// TestDiscordShutdownAnswersFromCoverage stops the bot while three
// questions wait on a model that never answers: within the grace period
// each still gets an answer, quoted from the coverage with the usual note,
// before the session closes.
func TestDiscordShutdownAnswersFromCoverage(t *testing.T) {
	t.Parallel()
	srv := llmtest.NewServer(t, llmtest.Reply{Hang: true})
	model := llm.New(llm.NewOpenAIClient(srv.ClientConfig()), llm.Options{Model: "test-model", Timeout: time.Hour, MaxRetries: -1})
	b := bot.New(bottest.Index(t, seedDir), model, bot.Options{Fallback: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), Corpus: seedDir})
	f := newFakeDiscord(t)
	r := startDiscord(t, f, b, Options{UserRate: rate.Inf, ChannelRate: rate.Inf,
		// The model's share is what the test waits out; the rest is a
		// bound for a loaded machine, not a timing.
		ShutdownTimeout: 2 * time.Minute, ShutdownModelWait: time.Second})
	channels := []string{"c-down-1", "c-down-2", "c-down-3"}
	for i, ch := range channels {
		f.dispatch(t, "MESSAGE_CREATE", f.userMessage(fmt.Sprintf("m-down-%d", i), ch, "g1", fmt.Sprintf("u-down-%d", i),
			"<@"+f.botID+"> Who is the NATO spokesperson?", true))
	}
	eventually(t, "three questions waiting on the model", func() bool { return len(srv.Requests()) == len(channels) })

	r.cancel()
	err := <-r.errc
	r.errc <- err // for the cleanup's check
	if err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	for _, ch := range channels {
		reqs := f.requests("POST", "/api/v9/channels/"+ch+"/messages")
		if len(reqs) != 1 {
			t.Errorf("%s: %d messages before the session closed, want the answer", ch, len(reqs))
			continue
		}
		if got := content(t, reqs[0]); !strings.Contains(got, "Appathurai") || !strings.Contains(got, "Model unavailable (the bot is shutting down); quoting the coverage.") {
			t.Errorf("%s: answer %q, want the coverage quoted with the usual note", ch, got)
		}
	}
}
