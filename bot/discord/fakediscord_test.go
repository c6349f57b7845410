package discord

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeDiscord is a Discord served by httptest that speaks enough of the
// real REST API and gateway protocol (v9, JSON) for discordgo: the gateway
// URL, the routes the bot uses, and a websocket gateway that
// says HELLO, takes IDENTIFY or RESUME, sends READY or RESUMED, ACKs
// heartbeats and pushes events on demand. Every REST request is recorded;
// any route it does not know fails the test.
type fakeDiscord struct {
	t   *testing.T
	srv *httptest.Server

	appID, botID, token string

	mu        sync.Mutex
	reqs      []fakeRequest
	failOnce  map[string]int // "METHOD path" -> status to answer once
	closeCode int            // close the gateway with this code instead of READY
	// messageContent is the Message Content switch of the Developer
	// Portal, off by default as for a new application: IDENTIFY with any
	// privileged intent is then closed with 4014, as Discord does.
	messageContent bool
	intents        []int     // the intents of each IDENTIFY
	sessionIntents int       // of the ready session: without Message Content, guild messages lose their content
	conn           *fakeConn // current, ready gateway connection
	identifies     int
	shard          []int // of the last IDENTIFY, when it named one
	resumes        int
	seq            int64
	sessionID      string
	nextID         int64
	originals      map[string]string // interaction token -> @original message ID
	gateways       sync.WaitGroup
}

type fakeRequest struct {
	Method, Path string
	Body         []byte
	Status       int
	RespID       string // ID of the message or channel the fake answered with
}

func (r fakeRequest) String() string {
	return fmt.Sprintf("%s %s -> %d %.200s", r.Method, r.Path, r.Status, r.Body)
}

// json decodes the request body into a generic value.
func (r fakeRequest) json(t *testing.T) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatalf("%s %s body %q is not a JSON object: %v", r.Method, r.Path, r.Body, err)
	}
	return v
}

type fakeConn struct {
	mu sync.Mutex
	c  *websocket.Conn
}

func (c *fakeConn) send(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.c.WriteJSON(v)
}

func newFakeDiscord(t *testing.T) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{
		t: t, appID: "app-1", botID: "bot-1", token: "Bot test-token",
		failOnce: map[string]int{}, originals: map[string]string{}, nextID: 1000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", f.serveGateway)
	mux.HandleFunc("GET /api/v9/gateway", f.rest(f.gatewayURL))
	mux.HandleFunc("GET /api/v9/gateway/bot", f.rest(f.gatewayURL))
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", f.rest(f.commands))
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", f.rest(f.commands))
	mux.HandleFunc("POST /api/v9/channels/{ch}/messages", f.rest(f.createMessage))
	mux.HandleFunc("PATCH /api/v9/channels/{ch}/messages/{id}", f.rest(f.editMessage))
	mux.HandleFunc("POST /api/v9/channels/{ch}/typing", f.rest(f.noContent))
	mux.HandleFunc("PUT /api/v9/channels/{ch}/messages/{id}/reactions/{emoji}/@me", f.rest(f.noContent))
	mux.HandleFunc("POST /api/v9/channels/{ch}/messages/{id}/threads", f.rest(f.startThread))
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", f.rest(f.noContent))
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/@original", f.rest(f.editOriginal))
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", f.rest(f.followup))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fake discord: unexpected request %s %s", r.Method, r.URL.Path)
		http.Error(w, `{"message": "404: Not Found", "code": 0}`, http.StatusNotFound)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.srv.Close()
		f.mu.Lock()
		if f.conn != nil {
			f.conn.c.Close()
		}
		f.mu.Unlock()
		f.gateways.Wait()
	})
	return f
}

// transport sends discordgo's requests for discord.com to the fake.
func (f *fakeDiscord) transport() http.RoundTripper {
	return rerouter{to: f.srv.Listener.Addr().String(), base: f.srv.Client().Transport}
}

type rerouter struct {
	to   string
	base http.RoundTripper
}

func (r rerouter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != "discord.com" {
		return nil, fmt.Errorf("fake discord: request to unexpected host %q", req.URL.Host)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = "http", r.to, ""
	return r.base.RoundTrip(out)
}

// rest records a request and answers it with h, unless a failure was
// queued for its route.
func (f *fakeDiscord) rest(h func(r *http.Request, body []byte) (int, any)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		route := r.Method + " " + r.URL.Path
		f.mu.Lock()
		status, failing := f.failOnce[route]
		delete(f.failOnce, route)
		f.mu.Unlock()
		var resp any
		if failing {
			if status == http.StatusTooManyRequests {
				// What Discord sends, in the form discordgo reads: the JSON
				// retry_after (seconds) and the bucket headers.
				w.Header().Set("Retry-After", "1")
				w.Header().Set("X-RateLimit-Limit", "5")
				w.Header().Set("X-RateLimit-Remaining", "0")
				w.Header().Set("X-RateLimit-Reset-After", "0.05")
				w.Header().Set("X-RateLimit-Bucket", "fake-bucket")
				w.Header().Set("X-RateLimit-Scope", "user")
				resp = map[string]any{"message": "You are being rate limited.", "retry_after": 0.05, "global": false}
			}
		} else {
			if got := r.Header.Get("Authorization"); got != f.token && !strings.HasPrefix(r.URL.Path, "/api/v9/webhooks/") && !strings.HasPrefix(r.URL.Path, "/api/v9/interactions/") {
				status, resp = http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0}
			} else {
				status, resp = h(r, body)
			}
		}
		respID := ""
		if m, ok := resp.(map[string]any); ok {
			respID, _ = m["id"].(string)
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, fakeRequest{Method: r.Method, Path: r.URL.Path, Body: body, Status: status, RespID: respID})
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if resp != nil {
			json.NewEncoder(w).Encode(resp)
		}
	}
}

func (f *fakeDiscord) id() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	return fmt.Sprint(f.nextID)
}

func (f *fakeDiscord) gatewayURL(*http.Request, []byte) (int, any) {
	return http.StatusOK, map[string]any{"url": "ws://" + f.srv.Listener.Addr().String(), "shards": 1}
}

func (f *fakeDiscord) botUser() map[string]any {
	return map[string]any{"id": f.botID, "username": "newsbot", "discriminator": "0", "bot": true}
}

func (f *fakeDiscord) commands(r *http.Request, body []byte) (int, any) {
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return http.StatusBadRequest, map[string]any{"message": err.Error()}
	}
	for _, c := range cmds {
		c["id"], c["application_id"] = f.id(), r.PathValue("app")
	}
	return http.StatusOK, cmds
}

func (f *fakeDiscord) message(channel string, body []byte) map[string]any {
	var m map[string]any
	json.Unmarshal(body, &m)
	return map[string]any{"id": f.id(), "channel_id": channel, "content": m["content"], "author": f.botUser()}
}

func (f *fakeDiscord) createMessage(r *http.Request, body []byte) (int, any) {
	return http.StatusOK, f.message(r.PathValue("ch"), body)
}

func (f *fakeDiscord) editMessage(r *http.Request, body []byte) (int, any) {
	m := f.message(r.PathValue("ch"), body)
	m["id"] = r.PathValue("id")
	return http.StatusOK, m
}

func (f *fakeDiscord) noContent(*http.Request, []byte) (int, any) { return http.StatusNoContent, nil }

func (f *fakeDiscord) startThread(r *http.Request, body []byte) (int, any) {
	var ts map[string]any
	json.Unmarshal(body, &ts)
	// A thread started from a message takes the message's ID.
	return http.StatusCreated, map[string]any{
		"id": r.PathValue("id"), "type": 11, "parent_id": r.PathValue("ch"), "guild_id": "g1", "name": ts["name"],
	}
}

func (f *fakeDiscord) editOriginal(r *http.Request, body []byte) (int, any) {
	tok := r.PathValue("token")
	f.mu.Lock()
	id, ok := f.originals[tok]
	f.mu.Unlock()
	if !ok {
		id = f.id()
		f.mu.Lock()
		f.originals[tok] = id
		f.mu.Unlock()
	}
	m := f.message("c-interactions", body)
	m["id"] = id
	return http.StatusOK, m
}

func (f *fakeDiscord) followup(r *http.Request, body []byte) (int, any) {
	if r.URL.Query().Get("wait") != "true" {
		return http.StatusNoContent, nil
	}
	return http.StatusOK, f.message("c-interactions", body)
}

// serveGateway is one gateway connection: HELLO, IDENTIFY or RESUME,
// READY or RESUMED, then heartbeat ACKs until the socket closes.
func (f *fakeDiscord) serveGateway(w http.ResponseWriter, r *http.Request) {
	if q := r.URL.Query(); q.Get("v") != "9" || q.Get("encoding") != "json" {
		f.t.Errorf("gateway URL query = %q, want v=9&encoding=json", r.URL.RawQuery)
	}
	up := websocket.Upgrader{}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("gateway upgrade: %v", err)
		return
	}
	f.gateways.Add(1)
	defer f.gateways.Done()
	defer c.Close()
	fc := &fakeConn{c: c}
	if fc.send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 41250}}) != nil {
		return
	}
	var hello struct {
		Op int `json:"op"`
		D  struct {
			Token     string `json:"token"`
			Intents   int    `json:"intents"`
			SessionID string `json:"session_id"`
			Shard     []int  `json:"shard"`
		} `json:"d"`
	}
	for hello.Op != 2 && hello.Op != 6 {
		if err := c.ReadJSON(&hello); err != nil {
			return
		}
	}
	if hello.D.Token != f.token {
		fc.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return
	}
	f.mu.Lock()
	if f.closeCode != 0 {
		code := f.closeCode
		f.mu.Unlock()
		fc.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, "closed by the fake"), time.Now().Add(time.Second))
		return
	}
	switch hello.Op {
	case 2:
		const privileged = 1<<1 | 1<<8 | 1<<15 // guild members, presences, message content
		f.intents = append(f.intents, hello.D.Intents)
		if hello.D.Intents&privileged != 0 && (!f.messageContent || hello.D.Intents&privileged != 1<<15) {
			f.mu.Unlock()
			fc.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4014, "Disallowed intent(s)."), time.Now().Add(time.Second))
			return
		}
		f.sessionIntents = hello.D.Intents
		f.identifies++
		f.shard = hello.D.Shard
		f.sessionID = fmt.Sprintf("session-%d", f.identifies)
		f.seq++
		fc.send(map[string]any{"op": 0, "s": f.seq, "t": "READY", "d": map[string]any{
			"v": 9, "session_id": f.sessionID, "resume_gateway_url": "ws://" + f.srv.Listener.Addr().String(),
			"user": f.botUser(), "application": map[string]any{"id": f.appID, "flags": 0},
			"guilds": []any{map[string]any{"id": "g1", "unavailable": true}},
		}})
		f.seq++
		fc.send(map[string]any{"op": 0, "s": f.seq, "t": "GUILD_CREATE", "d": map[string]any{
			"id": "g1", "name": "Newsroom", "channels": []any{}, "threads": []any{}, "members": []any{}, "roles": []any{},
		}})
	case 6:
		if hello.D.SessionID != f.sessionID {
			f.t.Errorf("RESUME session_id = %q, want %q", hello.D.SessionID, f.sessionID)
		}
		f.resumes++
		f.seq++
		fc.send(map[string]any{"op": 0, "s": f.seq, "t": "RESUMED", "d": map[string]any{}})
	}
	f.conn = fc
	f.mu.Unlock()

	for {
		var msg struct {
			Op int `json:"op"`
		}
		if err := c.ReadJSON(&msg); err != nil {
			f.mu.Lock()
			if f.conn == fc {
				f.conn = nil
			}
			f.mu.Unlock()
			return
		}
		if msg.Op == 1 {
			fc.send(map[string]any{"op": 11})
		}
	}
}

// dispatch pushes an event to the bot, waiting for a ready connection.
func (f *fakeDiscord) dispatch(t *testing.T, typ string, d any) {
	t.Helper()
	eventually(t, "a ready gateway connection", func() bool {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.conn == nil {
			return false
		}
		f.seq++
		if m, ok := d.(map[string]any); ok && typ == "MESSAGE_CREATE" && f.sessionIntents&(1<<15) == 0 {
			d = f.withoutContent(m)
		}
		if err := f.conn.send(map[string]any{"op": 0, "s": f.seq, "t": typ, "d": d}); err != nil {
			t.Fatalf("dispatching %s: %v", typ, err)
		}
		return true
	})
}

// drop closes the gateway connection: with a close frame of code, or
// abruptly when code is 0.
func (f *fakeDiscord) drop(code int) {
	f.mu.Lock()
	fc := f.conn
	f.conn = nil
	f.mu.Unlock()
	if fc == nil {
		return
	}
	if code != 0 {
		fc.mu.Lock()
		fc.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, "reconnect"), time.Now().Add(time.Second))
		fc.mu.Unlock()
	}
	fc.c.Close()
}

// failNext makes the next request to route ("POST /api/v9/...") fail with
// status.
func (f *fakeDiscord) failNext(route string, status int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failOnce[route] = status
}

// requests returns the recorded requests that match method and path
// (path may end in "*" for a prefix).
func (f *fakeDiscord) requests(method, path string) []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeRequest
	for _, r := range f.reqs {
		if r.Method != method && method != "" {
			continue
		}
		if p, ok := strings.CutSuffix(path, "*"); ok && strings.HasPrefix(r.Path, p) || r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// finalContent is what a message the bot posted shows in the end: its
// last edit's content, if the bot edited it (an answer slower than the
// stream interval is posted partial and edited whole), else the post's.
func (f *fakeDiscord) finalContent(t *testing.T, post fakeRequest) string {
	t.Helper()
	if edits := f.requests("PATCH", post.Path+"/"+post.RespID); len(edits) > 0 {
		return content(t, edits[len(edits)-1])
	}
	return content(t, post)
}

func (f *fakeDiscord) counts() (identifies, resumes int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.identifies, f.resumes
}

// eventually polls cond until it holds, failing the test after 30 s (a bound for a hung condition, not a timing: machines running several test suites at once are slow).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Event payloads as Discord sends them.

// withoutContent is m as Discord sends it to a session without the
// Message Content intent: a guild message that does not mention the bot
// comes without its content.
func (f *fakeDiscord) withoutContent(m map[string]any) map[string]any {
	if _, guild := m["guild_id"]; !guild {
		return m
	}
	if mentions, _ := m["mentions"].([]any); len(mentions) > 0 {
		for _, u := range mentions {
			if u, ok := u.(map[string]any); ok && u["id"] == f.botID {
				return m
			}
		}
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	out["content"] = ""
	return out
}

func (f *fakeDiscord) userMessage(id, channel, guild, author, content string, mentionBot bool) map[string]any {
	m := map[string]any{
		"id": id, "channel_id": channel, "content": content, "type": 0,
		"author":   map[string]any{"id": author, "username": "user-" + author},
		"mentions": []any{},
	}
	if guild != "" {
		m["guild_id"] = guild
	}
	if mentionBot {
		m["mentions"] = []any{f.botUser()}
	}
	return m
}

func (f *fakeDiscord) slashCommand(id, channel string, member map[string]any, name string, options ...map[string]any) map[string]any {
	in := map[string]any{
		"id": id, "application_id": f.appID, "type": 2, "token": "itoken-" + id, "version": 1,
		"channel_id": channel,
		"data":       map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": options},
	}
	if member != nil {
		in["guild_id"] = "g1"
		in["member"] = member
	} else {
		in["user"] = map[string]any{"id": "u-dm", "username": "dm-user"}
	}
	return in
}

func (f *fakeDiscord) buttonClick(id, channel, customID string) map[string]any {
	return map[string]any{
		"id": id, "application_id": f.appID, "type": 3, "token": "itoken-" + id, "version": 1,
		"channel_id": channel, "guild_id": "g1",
		"member":  member("u-clicker", "0"),
		"data":    map[string]any{"custom_id": customID, "component_type": 2},
		"message": map[string]any{"id": "m-answer", "channel_id": channel},
	}
}

func member(user, permissions string, roles ...string) map[string]any {
	if roles == nil {
		roles = []string{}
	}
	return map[string]any{
		"user": map[string]any{"id": user, "username": "user-" + user}, "roles": roles, "permissions": permissions,
	}
}
