package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval/storetest"
)

func filterCorpus(t *testing.T) []string {
	t.Helper()
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		"reuters/2008-02-22-ferry.txt": "Ferry strike\n\nHALIFAX (Reuters) - Ferry workers walked off the job on Monday over pay.\n",
		"ap/2009-06-13-ferry.txt":      "Ferry strike ends\n\nHALIFAX (AP) - Ferry workers went back to work on Friday after a deal on pay.\n",
	})
	return []string{"--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix")}
}

// --source, --after and --before narrow ask and search; dates may be a
// year, a month or a day; a filter that leaves nothing says why.
func TestFilterFlags(t *testing.T) {
	args := filterCorpus(t)
	sources := func(cmd ...string) []string {
		t.Helper()
		out, stderr, err := newsbot(t, "", append(append(cmd, "--json"), args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", cmd, err, stderr)
		}
		var got []string
		if cmd[0] == "search" {
			var hits []struct{ Source string }
			if err := json.Unmarshal([]byte(out), &hits); err != nil {
				t.Fatalf("%v: %v\n%s", cmd, err, out)
			}
			for _, h := range hits {
				got = append(got, h.Source)
			}
			return got
		}
		var ans struct{ Citations []struct{ Source string } }
		if err := json.Unmarshal([]byte(out), &ans); err != nil {
			t.Fatalf("%v: %v\n%s", cmd, err, out)
		}
		for _, c := range ans.Citations {
			got = append(got, c.Source)
		}
		return got
	}
	tests := []struct {
		cmd  []string
		want string // the one source expected
	}{
		{[]string{"search", "ferry workers", "--after", "2009"}, "ap/2009-06-13-ferry.txt"},
		{[]string{"search", "ferry workers", "--before", "2009-06"}, "reuters/2008-02-22-ferry.txt"},
		{[]string{"search", "ferry workers", "--after", "2009-06-13"}, "ap/2009-06-13-ferry.txt"},
		{[]string{"search", "ferry workers", "--source", "reuters"}, "reuters/2008-02-22-ferry.txt"},
		{[]string{"search", "ferry workers", "--source", "ap/*.txt"}, "ap/2009-06-13-ferry.txt"},
		{[]string{"ask", "What did the ferry workers do?", "--after", "2009"}, "ap/2009-06-13-ferry.txt"},
		{[]string{"ask", "What did the ferry workers do?", "--source", "REUTERS"}, "reuters/2008-02-22-ferry.txt"},
	}
	for _, tt := range tests {
		got := sources(tt.cmd...)
		if len(got) == 0 {
			t.Errorf("%q: nothing found, want %s", tt.cmd, tt.want)
		}
		for _, s := range got {
			if s != tt.want {
				t.Errorf("%q: found %s, want only %s", tt.cmd, s, tt.want)
			}
		}
	}

	out, _, err := newsbot(t, "", append([]string{"search", "ferry", "--after", "2010"}, args...)...)
	if err != nil || !strings.Contains(out, "No article is dated 2010-01-01 or later: the dated ones run from 2008-02-22 to 2009-06-13.") {
		t.Errorf("search after 2010: %v\n%s\nwant the reason nothing was found", err, out)
	}
	out, stderr, err := newsbot(t, "", append([]string{"search", "--json", "ferry", "--after", "2010"}, args...)...)
	if err != nil || strings.TrimSpace(out) != "[]" || !strings.Contains(stderr, "No article is dated 2010-01-01 or later") {
		t.Errorf("search --json after 2010: %v\n%s\n%s\nwant [] and the reason on stderr", err, out, stderr)
	}
	out, _, err = newsbot(t, "", append([]string{"ask", "What did the ferry workers do?", "--source", "afp"}, args...)...)
	if err != nil || !strings.Contains(out, "The coverage doesn't say.") || !strings.Contains(out, `No article's file name matches "afp".`) {
		t.Errorf("ask from afp: %v\n%s\nwant a refusal saying why", err, out)
	}
	_, _, err = newsbot(t, "", append([]string{"ask", "x", "--after", "June 2009"}, args...)...)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), "2009-06-13") {
		t.Errorf("bad date: error %v, want a usage error showing the accepted forms", err)
	}
}

func TestReplFilter(t *testing.T) {
	args := filterCorpus(t)
	in := "/filter after:2009\nWhat did the ferry workers do?\n/filter\n/filter source:afp\n/filter off\n/filter soon\n"
	out, stderr, err := newsbot(t, in, append([]string{"repl"}, args...)...)
	if err != nil {
		t.Fatalf("repl: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"Filter: dated 2009-01-01 or later.",
		"ap/2009-06-13-ferry.txt",
		`Filter: source "afp", dated 2009-01-01 or later.`,
		`No article's file name matches "afp".`,
		"Filter: none.",
		"/filter soon: want source:TEXT, after:DATE or before:DATE (or off)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("repl output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "reuters/") {
		t.Errorf("repl answered from reuters/ despite the filter:\n%s", out)
	}
}

// Questions about the whole coverage honour the filter too, in ask and
// in the REPL.
func TestFilterCoverageQuestions(t *testing.T) {
	args := filterCorpus(t)
	out, stderr, err := newsbot(t, "", append([]string{"ask", "--json", "--after", "2009", "Summarize the coverage."}, args...)...)
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr)
	}
	var ans struct {
		Answer    string
		Note      string
		Citations []struct{ Source string }
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(ans.Citations) == 0 || ans.Note != "Filter: dated 2009-01-01 or later." {
		t.Errorf("summary after 2009 = %q (note %q), want one citing the 2009 article under the filter", ans.Answer, ans.Note)
	}
	for _, c := range ans.Citations {
		if c.Source != "ap/2009-06-13-ferry.txt" {
			t.Errorf("summary after 2009 cites %s, want only ap/2009-06-13-ferry.txt", c.Source)
		}
	}

	out, _, err = newsbot(t, "", append([]string{"ask", "--before", "2008", "What articles are in the coverage?"}, args...)...)
	if err != nil || !strings.Contains(out, "The coverage doesn't say.") ||
		!strings.Contains(out, "No article is dated before 2008-01-01: the dated ones run from 2008-02-22 to 2009-06-13.") {
		t.Errorf("list before 2008: %v\n%s\nwant a refusal saying why", err, out)
	}

	out, stderr, err = newsbot(t, "/filter source:reuters\nSummarize the coverage.\n", append([]string{"repl"}, args...)...)
	if err != nil {
		t.Fatalf("repl: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "reuters/2008-02-22-ferry.txt") || strings.Contains(out, "ap/2009-06-13-ferry.txt") {
		t.Errorf("repl summary under /filter source:reuters:\n%s\nwant the Reuters article only", out)
	}
}
