package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// fakeOpenAI speaks the two OpenAI endpoints newsbot uses, embeddings
// and streamed chat completions, as any OpenAI-compatible server does.
type fakeOpenAI struct {
	chatStatus int    // non-zero: chat requests fail with this status
	answer     string // streamed in two pieces
	embeds     atomic.Int64
	chats      atomic.Int64
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer sk-test" {
		http.Error(w, `{"error":{"message":"bad key","type":"invalid_request_error"}}`, http.StatusUnauthorized)
		return
	}
	switch r.URL.Path {
	case "/v1/embeddings":
		f.embeds.Add(1)
		var req struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
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
			// A toy embedding: word hashes in 16 buckets.
			v := make([]float32, 16)
			for _, w := range strings.Fields(strings.ToLower(text)) {
				h := fnv.New32a()
				h.Write([]byte(strings.Trim(w, ".,?\"'")))
				v[h.Sum32()%16]++
			}
			v[0] += 0.01
			resp.Data = append(resp.Data, item{Object: "embedding", Index: i, Embedding: v})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	case "/v1/chat/completions":
		f.chats.Add(1)
		if f.chatStatus != 0 {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(f.chatStatus)
			fmt.Fprint(w, `{"error":{"message":"overloaded","type":"server_error"}}`)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		half := len(f.answer) / 2
		for _, piece := range []string{f.answer[:half], f.answer[half:]} {
			chunk, _ := json.Marshal(map[string]any{
				"id": "c1", "object": "chat.completion.chunk", "model": "test-chat",
				"choices": []map[string]any{{"index": 0, "delta": map[string]string{"content": piece}}},
			})
			fmt.Fprintf(w, "data: %s\n\n", chunk)
		}
		fmt.Fprint(w, "data: [DONE]\n\n")
	default:
		http.NotFound(w, r)
	}
}

func TestAskWithAnOpenAICompatibleServer(t *testing.T) {
	cases := []struct {
		name       string
		chatStatus int
		wantMode   string
		wantNote   bool
	}{
		{"model answers", 0, "llm", false},
		{"model down: extractive fallback", 503, "extractive", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeOpenAI{chatStatus: c.chatStatus, answer: "NATO's spokesperson is James Appathurai [1]."}
			srv := httptest.NewServer(f)
			defer srv.Close()
			cfgPath := filepath.Join(t.TempDir(), "config.yaml")
			cfg := fmt.Sprintf("embedder:\n  provider: openai\n  model: test-embed\n  base_url: %s/v1\nllm:\n  model: test-chat\n  base_url: %s/v1\n  max_retries: 1\n", srv.URL, srv.URL)
			if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb strings.Builder
			getenv := func(k string) string {
				if k == "OPENAI_API_KEY" {
					return "sk-test"
				}
				return ""
			}
			args := append(append([]string{"ask", "--config", cfgPath}, seedArgs(t)...), "--json", "Who is the NATO spokesperson?")
			if err := run(t.Context(), args, getenv, strings.NewReader(""), &out, &errb); err != nil {
				t.Fatalf("ask error: %v\n%s", err, errb.String())
			}
			var got struct {
				Answer    string `json:"answer"`
				Mode      string `json:"mode"`
				Note      string `json:"note"`
				Citations []struct {
					Source string `json:"source"`
				} `json:"citations"`
			}
			if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
				t.Fatalf("output %q: %v", out.String(), err)
			}
			if got.Mode != c.wantMode || (got.Note != "") != c.wantNote {
				t.Errorf("mode %q note %q, want mode %q (note: %v)", got.Mode, got.Note, c.wantMode, c.wantNote)
			}
			if !strings.Contains(got.Answer, "Appathurai") || len(got.Citations) == 0 {
				t.Errorf("answer %q with %d citations, want Appathurai cited", got.Answer, len(got.Citations))
			}
			if f.embeds.Load() == 0 || f.chats.Load() == 0 {
				t.Errorf("embedding requests %d, chat requests %d; want both used", f.embeds.Load(), f.chats.Load())
			}
		})
	}
}
