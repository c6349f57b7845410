package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer written by a running command and read by the test.
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

var servingRe = regexp.MustCompile(`at (http://\S+)/ `)

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan error, 1)
	args := append(append([]string{"serve"}, seedArgs(t)...), "--addr", "127.0.0.1:0")
	go func() {
		done <- run(ctx, args, func(string) string { return "" }, strings.NewReader(""), &out, &errb)
	}()
	// Wait for the start-up line, which names the port chosen.
	var base string
	for base == "" {
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, errb.String())
		default:
		}
		if m := servingRe.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		time.Sleep(5 * time.Millisecond) // poll, not spin
	}
	if !strings.Contains(out.String(), "serving 3 articles from") {
		t.Errorf("start-up line %q, want the number of articles", out.String())
	}
	res, err := http.Get(base + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	var arts []map[string]any
	json.NewDecoder(res.Body).Decode(&arts)
	res.Body.Close()
	if res.StatusCode != 200 || len(arts) != 3 {
		t.Errorf("GET /api/articles: status %d, %d articles; want 200 and the 3 seeds", res.StatusCode, len(arts))
	}
	res, err = http.Get(base + "/?q=Who+is+the+NATO+spokesperson%3F")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), "Appathurai") {
		t.Errorf("GET /?q=...: status %d, want 200 and the answer", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after a signal = %v, want a clean stop", err)
	}
}

func TestServeRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
		code int
	}{
		{"all interfaces without a token", []string{"--addr", "0.0.0.0:0"}, "needs a token: set NEWSBOT_WEB_TOKEN", 1},
		{"any host without a token", []string{"--addr", ":0"}, "needs a token", 1},
		{"bad address", []string{"--addr", "localhost"}, `--addr "localhost": want HOST:PORT`, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := newsbot(t, "", append(append([]string{"serve"}, seedArgs(t)...), tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) || exitCode(err) != tc.code {
				t.Errorf("serve %v = %v (exit %d), want %q (exit %d)", tc.args, err, exitCode(err), tc.want, tc.code)
			}
		})
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.8.9.1:1": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.5:8080": false, "news.example.org:80": false,
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

// With web.public_url set, every citation of ask and the REPL carries the
// address of its article view.
func TestCitationsLinkToThePublicURL(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg, []byte("web:\n  public_url: https://news.example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--config", cfg}, seedArgs(t)...)
	const link = "<https://news.example.org/articles/000_7b664699113ac3fb.txt?at=3.1-202#cited>"
	out, stderr, err := newsbot(t, "", append(append([]string{"ask"}, args...), "Who is the NATO spokesperson?")...)
	if err != nil || !strings.Contains(out, "[1] 000_7b664699113ac3fb.txt:3 - ") || !strings.Contains(out, link) {
		t.Errorf("ask = %v\n%s%s\nwant the source line with %s", err, out, stderr, link)
	}
	out, _, err = newsbot(t, "", append(append([]string{"ask", "--json"}, args...), "Who is the NATO spokesperson?")...)
	var a struct {
		Citations []struct{ URL string } `json:"citations"`
	}
	if json.Unmarshal([]byte(out), &a); err != nil || len(a.Citations) == 0 || "<"+a.Citations[0].URL+">" != link {
		t.Errorf("ask --json = %v\n%s\nwant the citation's url", err, out)
	}
	out, _, err = newsbot(t, "Who is the NATO spokesperson?\n", append([]string{"repl"}, args...)...)
	if err != nil || !strings.Contains(out, link) {
		t.Errorf("repl = %v\n%s\nwant the source line with %s", err, out, link)
	}
}
