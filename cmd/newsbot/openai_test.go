package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
