package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// An empty corpus, or one with no file newsbot reads, cannot answer: ask
// and search say so in one line and fail; index and repl warn.
func TestEmptyCorpusIsAnErrorForQuestions(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"empty":        nil,
		"no supported": {"photo.jpg": "\xff\xd8\xff", "data.csv": "a,b"},
	} {
		t.Run(name, func(t *testing.T) {
			corpus := t.TempDir()
			storetest.WriteTree(t, corpus, files)
			ix := filepath.Join(t.TempDir(), "ix")
			want := "no articles in " + corpus + ": newsbot reads " + retrieval.SupportedKinds
			for _, args := range [][]string{{"ask", "Who won?"}, {"search", "election"}} {
				out, _, err := newsbot(t, "", append(args, "--corpus", corpus, "--index", ix)...)
				if err == nil || err.Error() != want || exitCode(err) != 1 {
					t.Errorf("%s: error %v, want %q (exit 1)", args[0], err, want)
				}
				if out != "" {
					t.Errorf("%s printed %q, want nothing on stdout", args[0], out)
				}
			}
			_, stderr, err := newsbot(t, "", "index", "--corpus", corpus, "--index", ix)
			if err != nil || !strings.Contains(stderr, "holds no articles") {
				t.Errorf("index: error %v, stderr %q; want a warning", err, stderr)
			}
		})
	}
}

// The default index is kept per corpus under .newsbot/, so going back to
// a corpus finds its index as it was.
func TestDefaultIndexPerCorpus(t *testing.T) {
	t.Chdir(t.TempDir())
	a, b := filepath.Join("coverage", "a"), filepath.Join("coverage", "b")
	storetest.WriteTree(t, a, map[string]string{"ferry.txt": "Ferry strike\n\nHALIFAX (CP) - Ferry workers walked off the job on Monday.\n"})
	storetest.WriteTree(t, b, map[string]string{"zoo.txt": "Zebras escape\n\nNAIROBI (Reuters) - Three zebras escaped from the city zoo.\n"})
	index := func(corpus string) string {
		t.Helper()
		out, _, err := newsbot(t, "", "index", "--corpus", corpus)
		if err != nil {
			t.Fatalf("index %s: %v", corpus, err)
		}
		return out
	}
	if out := index(a); !strings.Contains(out, "1 added") {
		t.Errorf("first index of a: %q, want 1 added", out)
	}
	if out := index(b); !strings.Contains(out, "1 added") {
		t.Errorf("first index of b: %q, want 1 added", out)
	}
	if out := index(a); !strings.Contains(out, "0 added, 0 updated, 0 removed, 1 unchanged") {
		t.Errorf("back to a: %q, want its index as it was", out)
	}
	dirs, _ := filepath.Glob(filepath.Join(".newsbot", "corpora", "*", "index"))
	if len(dirs) != 2 {
		t.Errorf("indexes under .newsbot/corpora: %q, want one per corpus", dirs)
	}
	for _, d := range dirs {
		if base := filepath.Base(filepath.Dir(d)); !strings.HasPrefix(base, "a-") && !strings.HasPrefix(base, "b-") {
			t.Errorf("index folder %s is not named after its corpus", d)
		}
	}
}

// A file that is not read is warned about once, not on every run; a new
// one is warned about when it appears.
func TestSkippedFileWarnedOnce(t *testing.T) {
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{"good.txt": "Ferry strike\n\nFerry workers walked off the job.\n", "photo.jpg": "\xff\xd8\xff"})
	args := []string{"--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix")}
	run := func(cmd ...string) string {
		t.Helper()
		_, stderr, err := newsbot(t, "", append(cmd, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		return stderr
	}
	if s := run("index"); !strings.Contains(s, "photo.jpg") {
		t.Errorf("first run: stderr %q, want a warning about photo.jpg", s)
	}
	if s := run("ask", "Who walked off?"); strings.Contains(s, "photo.jpg") {
		t.Errorf("second run: stderr %q, want no second warning about photo.jpg", s)
	}
	storetest.WriteTree(t, corpus, map[string]string{"notes.docx": "PK"})
	if s := run("search", "ferry"); !strings.Contains(s, "notes.docx") || strings.Contains(s, "photo.jpg") {
		t.Errorf("third run: stderr %q, want a warning about notes.docx only", s)
	}
}

// ignore: in the config and a .newsbotignore leave files out silently.
func TestIgnorePatterns(t *testing.T) {
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		".newsbotignore":   "README.md\n*.csv\n",
		"README.md":        "How this folder is organised",
		"figures.csv":      "a,b",
		"drafts/draft.txt": "Draft\n\nNot ready.\n",
		"story.txt":        "Ferry strike\n\nFerry workers walked off the job.\n",
	})
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg, []byte("ignore: [\"drafts/\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := newsbot(t, "", "index", "--config", cfg, "--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "1 added") || !strings.Contains(out, "+ story.txt") || stderr != "" {
		t.Errorf("index: stdout %q, stderr %q; want story.txt alone, without warnings", out, stderr)
	}
}

// ask -c continues the last conversation of ask, kept beside the index;
// ask without -c starts a new one.
func TestAskContinuesTheLastConversation(t *testing.T) {
	args := seedArgs(t)
	index := args[len(args)-1]
	turns := func() []bot.Turn {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(index, "conversation.json"))
		if err != nil {
			t.Fatal(err)
		}
		var saved savedConversation
		if err := json.Unmarshal(data, &saved); err != nil {
			t.Fatal(err)
		}
		return saved.Turns
	}
	ask := func(q ...string) {
		t.Helper()
		if _, stderr, err := newsbot(t, "", append(append([]string{"ask"}, args...), q...)...); err != nil {
			t.Fatalf("ask %q: %v\n%s", q, err, stderr)
		}
	}
	ask("Who wants Canada to extend its mission in Afghanistan?")
	ask("-c", "And what did France say?")
	got := turns()
	if len(got) != 2 || !strings.Contains(got[1].Standalone, "Afghanistan") {
		t.Fatalf("turns after ask -c = %+v, want the follow-up read with the first question's topic", got)
	}
	ask("Who is the NATO spokesperson?")
	if got := turns(); len(got) != 1 {
		t.Errorf("turns after ask without -c = %+v, want a new conversation", got)
	}
}
