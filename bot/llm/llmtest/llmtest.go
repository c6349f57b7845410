// Package llmtest runs a fake OpenAI-compatible server for tests: chat
// completions (plain and streamed as server-sent events) and embeddings,
// spoken over real HTTP so that the real go-openai client is exercised.
package llmtest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// APIKey is the key the server expects as a bearer token.
const APIKey = "test-key"

// Reply scripts one response to a chat-completions request.
type Reply struct {
	Status    int               // HTTP status of an error reply; 0 means success
	Header    map[string]string // extra response headers
	Chunks    []string          // content deltas (joined for a non-streamed request)
	StreamErr string            // error event sent after the chunks, instead of [DONE]
	Plain     bool              // answer with a plain JSON completion even when asked to stream
	Hang      bool              // block before the response headers until the client gives up
	// Stall keeps a stream open after its Chunks, sending nothing more,
	// until the client gives up: a server hanging mid-stream.
	Stall bool
	// Trickle, when set, follows a stream's Chunks with one more short
	// chunk every Trickle until the client gives up: a server that is
	// never quite silent and never done.
	Trickle time.Duration
}

// Server is an httptest server speaking the OpenAI protocol from a
// script: chat request i gets Replies[min(i, len-1)]; embeddings are word
// hashes in 16 dimensions, so that texts sharing words are near.
type Server struct {
	*httptest.Server
	t       testing.TB
	replies []Reply

	// OnRequest, when set, is called with the 1-based number of each chat
	// request before it is answered.
	OnRequest func(n int)

	mu     sync.Mutex
	reqs   []openai.ChatCompletionRequest
	embeds int
}

// NewServer starts a Server answering chat requests with replies (at
// least one) and closes it when the test ends.
func NewServer(t testing.TB, replies ...Reply) *Server {
	t.Helper()
	if len(replies) == 0 {
		replies = []Reply{{Chunks: []string{"The coverage doesn't say."}}}
	}
	s := &Server{t: t, replies: replies}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// BaseURL is the URL to configure as the API's base ("…/v1").
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// ClientConfig is a go-openai configuration for the server.
func (s *Server) ClientConfig() openai.ClientConfig {
	cfg := openai.DefaultConfig(APIKey)
	cfg.BaseURL = s.BaseURL()
	cfg.HTTPClient = s.Client()
	return cfg
}

// Requests returns the chat requests received so far.
func (s *Server) Requests() []openai.ChatCompletionRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// Embeddings returns how many embeddings requests were received.
func (s *Server) Embeddings() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.embeds
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if got := r.Header.Get("Authorization"); got != "Bearer "+APIKey {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}`)
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/chat/completions":
		s.chat(w, r)
	case r.Method == http.MethodPost && r.URL.Path == "/v1/embeddings":
		s.embeddings(w, r)
	default:
		s.t.Errorf("request %s %s, want POST /v1/chat/completions or /v1/embeddings", r.Method, r.URL.Path)
		http.NotFound(w, r)
	}
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	var req openai.ChatCompletionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		s.t.Errorf("decoding request body: %v", err)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	n := len(s.reqs)
	rep := s.replies[min(n, len(s.replies))-1]
	s.mu.Unlock()
	if s.OnRequest != nil {
		s.OnRequest(n)
	}
	for k, v := range rep.Header {
		w.Header().Set(k, v)
	}
	switch {
	case rep.Hang:
		<-r.Context().Done()
	case rep.Status != 0:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.Status)
		fmt.Fprintf(w, `{"error":{"message":%q,"type":"test_error","code":%q}}`, http.StatusText(rep.Status), fmt.Sprint(rep.Status))
	case !req.Stream || rep.Plain:
		w.Header().Set("Content-Type", "application/json")
		s.writeJSON(w, map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion", "created": 1, "model": req.Model,
			"choices": []any{map[string]any{
				"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": strings.Join(rep.Chunks, "")},
			}},
		})
	default:
		w.Header().Set("Content-Type", "text/event-stream")
		event := func(v any) {
			fmt.Fprint(w, "data: ")
			s.writeJSON(w, v)
			fmt.Fprint(w, "\n\n")
			w.(http.Flusher).Flush()
		}
		chunk := func(delta map[string]any, finish any) map[string]any {
			return map[string]any{
				"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 1, "model": req.Model,
				"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
			}
		}
		event(chunk(map[string]any{"role": "assistant", "content": ""}, nil))
		for _, c := range rep.Chunks {
			event(chunk(map[string]any{"content": c}, nil))
		}
		switch {
		case rep.Stall:
			<-r.Context().Done()
			return
		case rep.Trickle > 0:
			t := time.NewTicker(rep.Trickle)
			defer t.Stop()
			for {
				select {
				case <-r.Context().Done():
					return
				case <-t.C:
					event(chunk(map[string]any{"content": "."}, nil))
				}
			}
		}
		if rep.StreamErr != "" {
			event(map[string]any{"error": map[string]any{"message": rep.StreamErr, "type": "server_error", "code": nil}})
			return
		}
		event(chunk(map[string]any{}, "stop"))
		fmt.Fprint(w, "data: [DONE]\n\n")
	}
}

func (s *Server) embeddings(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Input []string `json:"input"`
		Model string   `json:"model"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.embeds++
	s.mu.Unlock()
	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	resp := struct {
		Object string `json:"object"`
		Data   []item `json:"data"`
		Model  string `json:"model"`
	}{Object: "list", Model: req.Model}
	for i, text := range req.Input {
		resp.Data = append(resp.Data, item{Object: "embedding", Index: i, Embedding: Embed(text)})
	}
	w.Header().Set("Content-Type", "application/json")
	s.writeJSON(w, resp)
}

// Embed is the server's embedding of text: word hashes in 16 buckets.
func Embed(text string) []float32 {
	v := make([]float32, 16)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		h := fnv.New32a()
		h.Write([]byte(strings.Trim(w, ".,?\"'")))
		v[h.Sum32()%16]++
	}
	v[0] += 0.01 // never the zero vector
	return v
}

func (s *Server) writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.t.Errorf("encoding %v: %v", v, err)
		return
	}
	w.Write(b)
}
