package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// newsbot runs the program in-process with an empty environment and
// returns its output.
func newsbot(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(string) string { return "" }
	err = run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

// seedArgs points a command at the repository's seeds and a fresh index.
func seedArgs(t *testing.T) []string {
	t.Helper()
	return []string{"--corpus", filepath.Join("..", "..", "seeds"), "--index", filepath.Join(t.TempDir(), "index")}
}

// askJSON is the contract of `newsbot ask --json`.
type askJSON struct {
	Question  string `json:"question"`
	Answer    string `json:"answer"`
	Refused   bool   `json:"refused"`
	Mode      string `json:"mode"`
	Citations []struct {
		N       int    `json:"n"`
		Source  string `json:"source"`
		Title   string `json:"title"`
		Lines   [2]int `json:"lines"`
		Columns [2]int `json:"columns"`
		Quote   string `json:"quote"`
	} `json:"citations"`
}

func TestAskJSON(t *testing.T) {
	cases := []struct {
		question string
		refused  bool
		source   string // expected among the citations
		fact     string
	}{
		{"Who wants Canada to extend its mission in Afghanistan?", false, "002_6b9d529eae85757d.txt", "Rasmussen"},
		{"Who is the NATO spokesperson?", false, "000_7b664699113ac3fb.txt", "Appathurai"},
		{"How big is the NATO-led force in Afghanistan?", false, "001_b7e1029fb9729208.txt", "43,000"},
		{"What is the population of Toronto?", true, "", ""},
	}
	args := seedArgs(t)
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			out, stderr, err := newsbot(t, "", append(append([]string{"ask"}, args...), "--json", c.question)...)
			if err != nil {
				t.Fatalf("ask error: %v\nstderr: %s", err, stderr)
			}
			var got askJSON
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("stdout is not the ask JSON object: %v\n%s", err, out)
			}
			if got.Question != c.question || got.Mode != "extractive" || got.Refused != c.refused {
				t.Errorf("got question %q mode %q refused %v, want %q extractive %v", got.Question, got.Mode, got.Refused, c.question, c.refused)
			}
			if c.refused {
				if len(got.Citations) != 0 || !strings.Contains(strings.ToLower(got.Answer), "doesn't say") {
					t.Errorf("refusal = %q with %d citations, want \"the coverage doesn't say\" and none", got.Answer, len(got.Citations))
				}
				return
			}
			if !strings.Contains(got.Answer, c.fact) {
				t.Errorf("answer %q lacks %q", got.Answer, c.fact)
			}
			found := false
			for _, cit := range got.Citations {
				found = found || cit.Source == c.source
				data, err := os.ReadFile(filepath.Join("..", "..", "seeds", cit.Source))
				if err != nil {
					t.Fatalf("citation source %q: %v", cit.Source, err)
				}
				lines := strings.Split(string(data), "\n")
				if cit.Lines[0] < 1 || cit.Lines[1] > len(lines) || cit.Lines[0] > cit.Lines[1] {
					t.Fatalf("citation lines %v out of range", cit.Lines)
				}
				span := strings.Join(lines[cit.Lines[0]-1:cit.Lines[1]], "\n")
				if !strings.Contains(span, cit.Quote) {
					t.Errorf("quote %q is not verbatim at %s:%v", cit.Quote, cit.Source, cit.Lines)
				}
				if line := []rune(lines[cit.Lines[0]-1]); cit.Lines[0] == cit.Lines[1] &&
					(cit.Columns[0] < 1 || cit.Columns[1] > len(line) || string(line[cit.Columns[0]-1:cit.Columns[1]]) != cit.Quote) {
					t.Errorf("quote %q is not at columns %v of %s:%d", cit.Quote, cit.Columns, cit.Source, cit.Lines[0])
				}
				if !strings.Contains(got.Answer, fmt.Sprintf("[%d]", cit.N)) {
					t.Errorf("citation [%d] has no marker in %q", cit.N, got.Answer)
				}
			}
			if !found {
				t.Errorf("citations %+v do not include %s", got.Citations, c.source)
			}
		})
	}
}

func TestAskTextGolden(t *testing.T) {
	out, stderr, err := newsbot(t, "", append(append([]string{"ask"}, seedArgs(t)...), "Who wants Canada to extend its mission in Afghanistan?")...)
	if err != nil {
		t.Fatalf("ask error: %v\n%s", err, stderr)
	}
	bottest.Golden(t, "ask.golden", out, *update)
}

func TestIndexThenSearch(t *testing.T) {
	args := seedArgs(t)
	out, _, err := newsbot(t, "", append([]string{"index"}, args...)...)
	if err != nil || !strings.Contains(out, "3 added") {
		t.Fatalf("index = %q, %v; want 3 added", out, err)
	}
	out, _, err = newsbot(t, "", append([]string{"index"}, args...)...)
	if err != nil || !strings.Contains(out, "3 unchanged") {
		t.Fatalf("second index = %q, %v; want 3 unchanged", out, err)
	}
	out, _, err = newsbot(t, "", append(append([]string{"search"}, args...), "Appathurai", "-k", "2", "--json")...)
	if err != nil {
		t.Fatal(err)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("search --json output: %v\n%s", err, out)
	}
	if len(hits) == 0 || len(hits) > 2 {
		t.Fatalf("search -k 2 returned %d hits", len(hits))
	}
	for _, key := range []string{"source", "title", "lines", "score", "text"} {
		if _, ok := hits[0][key]; !ok {
			t.Errorf("search hit lacks %q: %v", key, hits[0])
		}
	}
	if hits[0]["source"] != "000_7b664699113ac3fb.txt" {
		t.Errorf("top hit for Appathurai = %v, want 000_7b664699113ac3fb.txt", hits[0]["source"])
	}
	out, _, err = newsbot(t, "", append(append([]string{"search"}, args...), "Appathurai")...)
	if err != nil || !strings.Contains(out, "000_7b664699113ac3fb.txt:") {
		t.Errorf("search text output = %q, %v; want source:lines", out, err)
	}
}

func TestBrokenFilesAreSkippedNotFatal(t *testing.T) {
	corpus := t.TempDir()
	files := map[string]string{
		"good.txt":   "Ferry strike\n\nHALIFAX (CP) - Ferry workers walked off the job on Monday over pay.\n",
		"binary.txt": "\x00\x01\x02\x03garbage\x00",
		"photo.jpg":  "\xff\xd8\xff",
		"latin1.txt": "Caf\xe9 owners in Montr\xe9al protest a new ferry tax.\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, err := newsbot(t, "", "index", "--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatalf("index error: %v", err)
	}
	if !strings.Contains(out, "2 added") {
		t.Errorf("index output %q, want 2 added (good.txt and the repaired latin1.txt)", out)
	}
	for _, name := range []string{"binary.txt", "photo.jpg"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr lacks a warning naming %s:\n%s", name, stderr)
		}
	}
}

func TestReplPiped(t *testing.T) {
	in := "Who is the NATO spokesperson?\n/sources\nAnd what did France say?\n/help\n/bogus\n/quit\nnot reached\n"
	out, stderr, err := newsbot(t, in, append([]string{"repl"}, seedArgs(t)...)...)
	if err != nil {
		t.Fatalf("repl error: %v\n%s", err, stderr)
	}
	for _, want := range []string{"Appathurai", "[1] 000_7b664699113ac3fb.txt:", "France", "/reindex", "Unknown command /bogus"} {
		if !strings.Contains(out, want) {
			t.Errorf("repl output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageAndErrors(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		wantErr  string
		wantCode int
		wantOut  string
	}{
		{"no command", nil, "no command", 2, ""},
		{"unknown", []string{"frobnicate"}, "unknown command", 2, ""},
		{"help", []string{"--help"}, "", 0, "newsbot ask"},
		{"ask help", []string{"ask", "--help"}, "", 0, "Usage: newsbot ask"},
		{"search help", []string{"search", "-h"}, "", 0, "Usage: newsbot search"},
		{"index help", []string{"index", "--help"}, "", 0, "--watch"},
		{"repl help", []string{"repl", "--help"}, "", 0, "Usage: newsbot repl"},
		{"eval help", []string{"eval", "--help"}, "", 0, "Usage: newsbot eval"},
		{"discord help", []string{"discord", "--help"}, "", 0, "Usage: newsbot discord"},
		{"ask without question", []string{"ask"}, "missing QUESTION", 2, ""},
		{"bad flag", []string{"search", "--nope", "x"}, "search: unknown flag --nope; see newsbot search --help", 2, ""},
		{"misspelled command", []string{"aks", "hi"}, `unknown command "aks" (did you mean "ask"?); see newsbot --help`, 2, ""},
		{"misspelled flag", []string{"ask", "--jsn", "hi"}, "ask: unknown flag --jsn (did you mean --json?); see newsbot ask --help", 2, ""},
		{"bad flag value", []string{"search", "-k", "many", "x"}, `search: bad value "many" for -k; see newsbot search --help`, 2, ""},
		{"flag without value", []string{"ask", "hi", "--corpus"}, "ask: --corpus needs a value", 2, ""},
		{"version", []string{"version"}, "", 0, "newsbot "},
		{"--version", []string{"--version"}, "", 0, "newsbot "},
		{"missing corpus", []string{"ask", "--corpus", "/does/not/exist", "hi"}, `corpus folder "/does/not/exist" not found`, 1, ""},
		{"corpus is a file", []string{"ask", "--corpus", "run_test.go", "hi"}, `--corpus "run_test.go" is a file, not a folder`, 1, ""},
		{"missing config", []string{"ask", "--config", "/does/not/exist.yaml", "hi"}, "exist.yaml", 1, ""},
		{"discord without token", []string{"discord"}, "DISCORD_TOKEN", 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, err := newsbot(t, "", c.args...)
			if c.wantCode == 2 && c.args != nil && stderr != "" {
				t.Errorf("stderr %q, want nothing but the one-line error", stderr)
			}
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.wantErr) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error = %v, want one line containing %q", err, c.wantErr)
			}
			if err != nil && exitCode(err) != c.wantCode {
				t.Errorf("exit code %d, want %d", exitCode(err), c.wantCode)
			}
			if !strings.Contains(out, c.wantOut) {
				t.Errorf("stdout %q lacks %q", out, c.wantOut)
			}
		})
	}
}

func TestMalformedConfigNamesFileLineAndKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(path, []byte("corpus: seeds\nllm:\n  modle: gpt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := newsbot(t, "", "ask", "--config", path, "hi")
	if err == nil {
		t.Fatal("want an error for an unknown key")
	}
	for _, want := range []string{"bad.yaml", ":3", "modle"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestEvalCommand(t *testing.T) {
	set := filepath.Join("..", "..", "bot", "eval", "testdata", "seeds.yaml")
	args := append(append([]string{"eval"}, seedArgs(t)...), set)
	out, stderr, err := newsbot(t, "", append(args, "--min-recall5", "0.9", "--min-source-cited", "0.8")...)
	if err != nil {
		t.Fatalf("eval error: %v\n%s", err, stderr)
	}
	for _, want := range []string{"recall@5", "MRR", "citation precision", "fact hits", "refusal accuracy"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	// An impossible threshold fails the command, naming the total.
	_, _, err = newsbot(t, "", append(args, "--min-mrr", "1.01")...)
	if err == nil || !strings.Contains(err.Error(), "MRR") {
		t.Errorf("eval with an impossible threshold = %v, want an error naming MRR", err)
	}
}

func TestPrintAnswerAfterStreaming(t *testing.T) {
	ans := bot.Answer{Text: "Appathurai speaks for NATO. [1]", Citations: []bot.Citation{{N: 1, Source: "000.txt", Title: "T", Lines: [2]int{3, 3}}}}
	cases := []struct{ name, streamed, want string }{
		{"not streamed", "", "Appathurai speaks for NATO. [1]\n\n[1] 000.txt:3 - T\n\n"},
		{"streamed as checked", "Appathurai speaks for NATO. [1]", "\n\n[1] 000.txt:3 - T\n\n"},
		{"streamed otherwise", "Appathurai speaks for NATO. [4]", "\n\nAppathurai speaks for NATO. [1]\n\n[1] 000.txt:3 - T\n\n"},
	}
	for _, c := range cases {
		var b strings.Builder
		printAnswer(&b, makeScreen(false, 0, noEnv, "", nil), ans, c.streamed)
		if b.String() != c.want {
			t.Errorf("%s: printed %q, want %q", c.name, b.String(), c.want)
		}
	}
}

// TestPostgresIndexLocation checks that a postgres:// index, given by flag
// or by the config with ${DATABASE_URL}, goes to the Postgres store, whose
// unreachable database is one line naming it, without the password.
func TestPostgresIndexLocation(t *testing.T) {
	const url = "postgres://newsbot:secret@127.0.0.1:1/archive?connect_timeout=2"
	const want = "database newsbot@127.0.0.1:1/archive is unreachable"
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg, []byte("index: ${DATABASE_URL}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		{"ask", "--corpus", filepath.Join("..", "..", "seeds"), "--index", url, "Who?"},
		{"search", "--config", cfg, "--corpus", filepath.Join("..", "..", "seeds"), "troops"},
	}
	for _, args := range runs {
		var out, errb bytes.Buffer
		getenv := func(k string) string {
			if k == "DATABASE_URL" {
				return url
			}
			return ""
		}
		err := run(context.Background(), args, getenv, strings.NewReader(""), &out, &errb)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error %v, want one line containing %q without the password", args, err, want)
		}
	}
	// What newsbot keeps beside an index (log, conversation) does not go
	// to a folder named after the URL.
	if _, err := os.Stat("postgres:"); err == nil {
		os.RemoveAll("postgres:")
		t.Errorf("a folder named postgres: was made for the index's state")
	}
}
