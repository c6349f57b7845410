package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// hostileArticle retitles the terminal, clears it, rings its bell and
// hides C1 and bidirectional controls among its sentences.
const hostileArticle = "Harbour tax\x1b]0;PWNED\x07 approved\u202e\n\n" +
	"HALIFAX (Reuters) - The city council approved a harbour tax on Monday.\x1b[2J\x1b[H\n" +
	"Councillor Mara Quist said the tax would fund\x07 ferry repairs\u009b31m for three years.\r\n" +
	"The vote\x1b[8m was \u20667 to 2\u2069\x08, the\vclerk\fsaid.\n"

// controls finds what a terminal would act on: control characters other
// than newline and tab and bidirectional controls, raw or as JSON escapes.
var controls = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]|\\\\u00[01][0-9a-fA-F]|\\\\u007[fF]|\\\\u008|\\\\u009|\\\\u202[a-eA-E]|\\\\u206[6-9]|\\\\[rbf]")

// TestTerminalOutputHasNoControls runs the commands that print article
// text, titles and file names over an article (and a file name) full of
// control characters: nothing they print holds one, and the lines a
// citation names still hold its quote.
func TestTerminalOutputHasNoControls(t *testing.T) {
	corpus := t.TempDir()
	name := "harbour\x1b[31m-tax\u202e.txt"
	if err := os.WriteFile(filepath.Join(corpus, name), []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpus, "bad\x1b]0;x\x07.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix")}
	q := "What would the harbour tax fund, according to Quist?"
	for _, c := range []struct {
		name, stdin string
		args        []string
	}{
		{"index", "", append([]string{"index"}, args...)},
		{"ask", "", append(append([]string{"ask"}, args...), q)},
		{"ask --json", "", append(append([]string{"ask", "--json"}, args...), q)},
		{"search", "", append(append([]string{"search"}, args...), "harbour tax Quist")},
		{"search --json", "", append(append([]string{"search", "--json"}, args...), "harbour tax Quist")},
		{"repl", q + "\n/sources\n/articles\n", append([]string{"repl"}, args...)},
		{"articles", "", append([]string{"articles"}, args...)},
		{"articles --json", "", append([]string{"articles", "--json"}, args...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, err := newsbot(t, c.stdin, c.args...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			for what, s := range map[string]string{"stdout": out, "stderr": stderr} {
				if m := controls.FindStringIndex(s); m != nil {
					t.Errorf("%s holds %q at %q", what, s[m[0]:m[1]], s[max(0, m[0]-20):min(len(s), m[1]+20)])
				}
			}
			if !strings.Contains(out, "Quist") && !strings.Contains(out, "harbour") {
				t.Errorf("stdout %q, want the article", out)
			}
		})
	}

	// The citation's lines are the file's lines, so its quote is there,
	// once the controls are out of the file's text too.
	out, _, err := newsbot(t, "", append(append([]string{"ask", "--json"}, args...), q)...)
	if err != nil {
		t.Fatal(err)
	}
	var ans bot.Answer
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(hostileArticle, "\n")
	for _, c := range ans.Citations {
		got := bot.Plain(strings.Join(lines[c.Lines[0]-1:c.Lines[1]], "\n"))
		if !strings.Contains(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(c.Quote), " ")) {
			t.Errorf("citation %s:%v: quote %q is not at those lines (%q)", c.Source, c.Lines, c.Quote, got)
		}
	}
	if len(ans.Citations) == 0 {
		t.Errorf("answer %q cites nothing", ans.Text)
	}
}

// TestScreenKeepsOnlyItsOwnEscapes renders an answer for a colour
// terminal: the only escapes left are the screen's own styles and links.
func TestScreenKeepsOnlyItsOwnEscapes(t *testing.T) {
	sc := makeScreen(true, 80, func(string) string { return "" }, t.TempDir(), nil)
	ans := bot.Answer{
		Text: "The tax funds\x1b[2J ferry\u202e repairs [1].\x1b]0;PWNED\x07",
		Note: "note\x1b[31m",
		Citations: []bot.Citation{{N: 1, Source: "a\x1b.txt", Title: "Harbour\x1b]0;x\x07 tax", Lines: [2]int{3, 3},
			Quote: "fund\x07 ferry repairs\u009b31m"}},
	}
	own := regexp.MustCompile("\x1b\\[[0-9;]*m|\x1b\\]8;;[^\x1b\x07]*\x1b\\\\")
	for what, s := range map[string]string{"answer": sc.answer(ans, ""), "sources": sc.sources(ans)} {
		rest := own.ReplaceAllString(s, "")
		if m := controls.FindStringIndex(rest); m != nil {
			t.Errorf("%s holds %q beyond the screen's own escapes: %q", what, rest[m[0]:m[1]], s)
		}
		if !strings.Contains(s, "\x1b[") {
			t.Errorf("%s = %q, want the screen's styles", what, s)
		}
	}
}
