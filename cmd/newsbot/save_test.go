//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval/storetest"

	"github.com/newsbot/newsbot/bot/bottest"
)

// TestAnswersWhenTheIndexCannotBeSaved changes an article and then runs
// the commands where nothing can be written, as on a full disk: ask,
// search and repl warn once and answer from the index as of its last good
// sync; index, whose whole job is saving, fails naming the cause.
func TestAnswersWhenTheIndexCannotBeSaved(t *testing.T) {
	if bottest.WithoutWrites(t) {
		args := []string{"--corpus", os.Getenv("NEWSBOT_TEST_CORPUS"), "--index", os.Getenv("NEWSBOT_TEST_INDEX")}
		cases := []struct {
			name, stdin string
			args        []string
			want        string
		}{
			{"ask", "", append(append([]string{"ask"}, args...), "Who is the NATO spokesperson?"), "Appathurai"},
			{"ask --json", "", append(append([]string{"ask", "--json"}, args...), "Who is the NATO spokesperson?"), `"answer"`},
			{"search", "", append(append([]string{"search"}, args...), "Appathurai"), "000_7b664699113ac3fb.txt:"},
			{"repl", "Who is the NATO spokesperson?\n", append([]string{"repl"}, args...), "Appathurai"},
		}
		for _, c := range cases {
			out, stderr, err := newsbot(t, c.stdin, c.args...)
			if err != nil {
				t.Errorf("%s: %v, want exit 0\n%s", c.name, err, stderr)
				continue
			}
			if !strings.Contains(out, c.want) {
				t.Errorf("%s: stdout lacks %q:\n%s", c.name, c.want, out)
			}
			var warns []string
			for _, line := range strings.Split(stderr, "\n") {
				if strings.Contains(line, "file too large") || strings.Contains(line, "could not update") {
					warns = append(warns, line)
				}
			}
			want := "warning: could not update the index (saving the index of 000_7b664699113ac3fb.txt: file too large); answers come from the index as of its last good sync"
			if len(warns) != 1 || warns[0] != want {
				t.Errorf("%s: warnings %q, want one line %q\nstderr:\n%s", c.name, warns, want, stderr)
			}
		}
		_, _, err := newsbot(t, "", append([]string{"index"}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "file too large") || exitCode(err) != 1 {
			t.Errorf("index = %v, want exit 1 saying why", err)
		}
		return
	}
	corpus, index := storetest.CopySeeds(t), filepath.Join(t.TempDir(), "index")
	if _, stderr, err := newsbot(t, "", "index", "--corpus", corpus, "--index", index); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	f, err := os.OpenFile(filepath.Join(corpus, "000_7b664699113ac3fb.txt"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nA late correction was added to this article.\n")
	f.Close()
	bottest.RunWithoutWrites(t, "NEWSBOT_TEST_CORPUS="+corpus, "NEWSBOT_TEST_INDEX="+index)
}
