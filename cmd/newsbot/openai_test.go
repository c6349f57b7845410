package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot/llm/llmtest"
)

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
			reply := llmtest.Reply{Status: c.chatStatus, Chunks: []string{"NATO's spokesperson is ", "James Appathurai [1]."}}
			srv := llmtest.NewServer(t, reply)
			cfgPath := filepath.Join(t.TempDir(), "config.yaml")
			cfg := fmt.Sprintf("embedder:\n  provider: openai\n  model: test-embed\n  base_url: %s\nllm:\n  model: test-chat\n  base_url: %s\n  max_retries: 1\n", srv.BaseURL(), srv.BaseURL())
			if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb strings.Builder
			getenv := func(k string) string {
				if k == "OPENAI_API_KEY" {
					return llmtest.APIKey
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
			if srv.Embeddings() == 0 || len(srv.Requests()) == 0 {
				t.Errorf("embedding requests %d, chat requests %d; want both used", srv.Embeddings(), len(srv.Requests()))
			}
		})
	}
}

// A model that cannot be reached costs the reader one line, with the
// reason, under the quoted answer; the details go to the log file.
func TestModelUnavailableIsOneLine(t *testing.T) {
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	// Port 1 on the loopback refuses connections.
	cfg := "llm:\n  model: test-chat\n  base_url: http://127.0.0.1:1/v1\n  max_retries: 1\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(t.TempDir(), "ix")
	args := []string{"ask", "--config", cfgPath, "--corpus", filepath.Join("..", "..", "seeds"), "--index", index, "Who is the NATO spokesperson?"}
	out, stderr, err := newsbot(t, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Appathurai") || !strings.Contains(out, "Model unavailable (connection refused); quoting the coverage.") {
		t.Errorf("stdout:\n%s\nwant the quoted answer and one line saying why the model was not used", out)
	}
	if strings.Contains(stderr, "level=") || strings.Contains(stderr, "WARN") {
		t.Errorf("stderr has log records:\n%s", stderr)
	}
	log, err := os.ReadFile(filepath.Join(index, "newsbot.log"))
	if err != nil || !strings.Contains(string(log), "model unavailable") {
		t.Errorf("log file: %v\n%s\nwant the model's failure logged", err, log)
	}
}

// TestModelTimeoutIsTheWholeBudget runs ask against model servers that
// never finish, with llm.timeout 300ms and three retries allowed: each
// costs one budget, not one per attempt, and the coverage is quoted with
// the reason.
func TestModelTimeoutIsTheWholeBudget(t *testing.T) {
	for _, c := range []struct {
		name  string
		reply llmtest.Reply
	}{
		{"hang before headers", llmtest.Reply{Hang: true}},
		{"hang mid-stream", llmtest.Reply{Chunks: []string{"NATO's spokesperson "}, Stall: true}},
		{"trickle", llmtest.Reply{Chunks: []string{"NATO"}, Trickle: 20 * time.Millisecond}},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := llmtest.NewServer(t, c.reply)
			cfgPath := filepath.Join(t.TempDir(), "config.yaml")
			cfg := fmt.Sprintf("llm:\n  model: test-chat\n  base_url: %s\n  api_key: %s\n  timeout: 300ms\n  max_retries: 3\n", srv.BaseURL(), llmtest.APIKey)
			if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, err := newsbot(t, "", append(append([]string{"ask", "--config", cfgPath}, seedArgs(t)...), "--json", "Who is the NATO spokesperson?")...)
			if err != nil {
				t.Fatalf("ask: %v\n%s", err, stderr)
			}
			var got struct{ Answer, Mode, Note string }
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("output %q: %v", out, err)
			}
			if want := "Model unavailable (timed out); quoting the coverage."; got.Mode != "extractive" || got.Note != want || !strings.Contains(got.Answer, "Appathurai") {
				t.Errorf("mode %q, note %q, answer %q; want the coverage quoted with %q", got.Mode, got.Note, got.Answer, want)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("model requests = %d, want 1: the timeout covers retries", n)
			}
		})
	}
}
