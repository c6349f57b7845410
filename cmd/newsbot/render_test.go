package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/llm/llmtest"
	"github.com/newsbot/newsbot/retrieval"
)

var ansiRe = regexp.MustCompile("\x1b\\[[0-9;]*m|\x1b\\]8;;[^\x1b]*\x1b\\\\")

func renderedAnswer() (bot.Answer, []retrieval.ArticleInfo) {
	ans := bot.Answer{
		Text: "The new secretary-general of NATO said on Thursday he wanted Canada to extend its military mission in southern Afghanistan beyond 2011. [1] Ottawa has not changed its mind. [2]",
		Citations: []bot.Citation{
			{N: 1, Source: "2009/nato.txt", Title: "NATO boss wants Canada to extend Afghan tour", Lines: [2]int{3, 3}},
			{N: 2, Source: "report.pdf", Title: "Mission report", Page: 2, Lines: [2]int{4, 5}},
		},
		Note: "Model unavailable (connection refused); quoting the coverage.",
	}
	articles := []retrieval.ArticleInfo{{Source: "2009/nato.txt", Date: time.Date(2009, 6, 13, 0, 0, 0, 0, time.UTC), Agency: "Reuters"}}
	return ans, articles
}

func TestScreenOnATerminal(t *testing.T) {
	ans, articles := renderedAnswer()
	sc := makeScreen(true, 40, noEnv, "/news", articles)
	out := sc.answer(ans, "")
	plain := ansiRe.ReplaceAllString(out, "")
	for _, line := range strings.Split(plain, "\n") {
		if n := len([]rune(line)); n > 40 && !strings.HasPrefix(line, "[") {
			t.Errorf("line of %d characters, want at most 40: %q", n, line)
		}
	}
	for _, want := range []string{
		"\x1b[1;36m[1]\x1b[0m", // markers stand out
		"\x1b[1mSources\x1b[0m",
		"\x1b]8;;file:///news/2009/nato.txt\x1b\\2009/nato.txt:3\x1b]8;;\x1b\\", // a click opens the file
		"\x1b]8;;file:///news/report.pdf#page=2\x1b\\report.pdf:p2:4-5",
		"NATO boss wants Canada to extend Afghan tour · 2009-06-13 · Reuters", // date and outlet
		"Model unavailable (connection refused); quoting the coverage.",
	} {
		if !strings.Contains(out, want) && !strings.Contains(strings.Join(strings.Fields(plain), " "), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// With a web address configured, the link is the article view.
	ans.Citations[0].URL = "https://news.example.org/articles/2009/nato.txt?at=3#cited"
	if out := sc.answer(ans, ""); !strings.Contains(out, "\x1b]8;;https://news.example.org/articles/2009/nato.txt?at=3#cited\x1b\\") {
		t.Errorf("output does not link the article view:\n%s", out)
	}
}

func TestScreenWithoutColour(t *testing.T) {
	ans, articles := renderedAnswer()
	for name, env := range map[string]map[string]string{
		"NO_COLOR": {"NO_COLOR": "1"},
		"dumb":     {"TERM": "dumb"},
	} {
		out := makeScreen(true, 60, envOf(env), "/news", articles).answer(ans, "")
		if strings.Contains(out, "\x1b[") {
			t.Errorf("%s: colour codes in %q", name, out)
		}
		if hasLink := strings.Contains(out, "\x1b]8;;"); hasLink != (name == "NO_COLOR") {
			t.Errorf("%s: hyperlinks %v in %q", name, hasLink, out)
		}
	}
	// Not a terminal: the plain format scripts rely on.
	if out := makeScreen(false, 0, noEnv, "/news", articles).answer(ans, ""); out != bot.FormatAnswer(ans) {
		t.Errorf("piped output %q, want bot.FormatAnswer's", out)
	}
}

func TestWrapWriterStreamsAsWrapDoes(t *testing.T) {
	text := "The new secretary-general of NATO said on Thursday he wanted Canada to extend its military mission in southern Afghanistan beyond the planned 2011 withdrawal date."
	for _, width := range []int{20, 33, 80} {
		var b strings.Builder
		ww := &wrapWriter{w: &b, width: width}
		for i := 0; i < len(text); i += 7 { // tokens cut anywhere
			ww.WriteString(text[i:min(i+7, len(text))])
		}
		ww.Flush()
		if want := wrap(text, width); b.String() != want {
			t.Errorf("width %d: streamed\n%s\nwant\n%s", width, b.String(), want)
		}
	}
}

// Ctrl-C while an answer is being written stops that answer; the REPL
// goes on, with the conversation as it was.
func TestReplCtrlCCancelsTheAnswer(t *testing.T) {
	srv := llmtest.NewServer(t, llmtest.Reply{Hang: true}, llmtest.Reply{Chunks: []string{"NATO's spokesperson is James Appathurai [1]."}})
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	cfg := fmt.Sprintf("llm:\n  model: test-chat\n  base_url: %s\n  max_retries: 0\n", srv.BaseURL())
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	intr := &interrupts{root: func() { t.Error("Ctrl-C during an answer stopped the REPL") }}
	ctx := withInterrupts(context.Background(), intr)
	go func() {
		// Ctrl-C once the first question reached the model.
		for len(srv.Requests()) == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		intr.fire()
	}()
	stdin := strings.NewReader("Who leads NATO?\nWho is the NATO spokesperson?\n")
	var out, errb strings.Builder
	args := append([]string{"repl", "--config", cfgPath}, seedArgs(t)...)
	if err := run(ctx, args, func(k string) string {
		if k == "OPENAI_API_KEY" {
			return llmtest.APIKey
		}
		return ""
	}, stdin, &out, &errb); err != nil {
		t.Fatalf("repl: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "(answer cancelled)") || !strings.Contains(out.String(), "Appathurai") {
		t.Errorf("output:\n%s\nwant the first answer cancelled and the second given", out.String())
	}
}

// /sources numbers the lines of each passage as in the file and marks the
// quoted sentence: between » and « when piped, in colour on a terminal,
// with > beside its lines.
func TestScreenSources(t *testing.T) {
	ans := bot.Answer{
		Text:      "Appathurai said he has hope. [1]",
		Citations: []bot.Citation{{N: 1, Source: "a.txt", Title: "NATO talks", Lines: [2]int{4, 5}, Quote: "NATO spokesperson James Appathurai said he has hope that members will come up with the troops."}},
		Passages: []retrieval.Result{{Chunk: retrieval.Chunk{ID: "a.txt#0", Source: "a.txt", FirstLine: 3, LastLine: 6,
			Text: "NATO talks are underway in Brussels.\nSpeaking on Friday, NATO spokesperson James Appathurai said\nhe has hope that members will come up with the troops. Canada wants help.\nBernier made his case."}}},
	}
	plain := makeScreen(false, 0, noEnv, "/news", nil).sources(ans)
	want := "[1] a.txt:4-5  NATO talks\n" +
		"     3   NATO talks are underway in Brussels.\n" +
		"     4 > Speaking on Friday, »NATO spokesperson James Appathurai said«\n" +
		"     5 > »he has hope that members will come up with the troops.« Canada wants help.\n" +
		"     6   Bernier made his case."
	if plain != want {
		t.Errorf("piped /sources =\n%s\nwant\n%s", plain, want)
	}
	// On a narrow terminal the quote stays marked on every wrapped line.
	coloured := makeScreen(true, 40, noEnv, "/news", nil).sources(ans)
	lines := strings.Split(ansiRe.ReplaceAllString(coloured, ""), "\n")
	quotedLines := 0
	for _, l := range strings.Split(coloured, "\n") {
		if strings.Contains(l, sgrQuote+">") {
			quotedLines++
			if !strings.Contains(l, sgrQuote) || strings.Count(l, sgrQuote) < 2 {
				t.Errorf("quoted line %q is not styled", l)
			}
		}
	}
	if quotedLines < 3 || strings.Contains(coloured, "»") {
		t.Errorf("coloured /sources (%d quoted lines):\n%s", quotedLines, strings.Join(lines, "\n"))
	}
}

// Escape sequences in an article or a model's answer do not reach the
// terminal: they could clear it, recolour it or forge a link.
func TestScreenStripsControlCharacters(t *testing.T) {
	evil := "\x1b[2J\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x07\x9b31m"
	ans := bot.Answer{
		Text:      "Appathurai said so " + evil + ". [1]",
		Citations: []bot.Citation{{N: 1, Source: "a.txt", Title: "Title " + evil, Lines: [2]int{1, 1}, Quote: "Appathurai said so."}},
		Passages:  []retrieval.Result{{Chunk: retrieval.Chunk{ID: "a.txt#0", Source: "a.txt", FirstLine: 1, LastLine: 1, Text: "Appathurai said so. " + evil}}},
		Note:      "note " + evil,
	}
	sc := makeScreen(true, 80, noEnv, "/news", nil)
	for name, out := range map[string]string{"answer": sc.answer(ans, ""), "sources": sc.sources(ans)} {
		if strings.Contains(out, "\x1b]8;;https://evil") || strings.ContainsAny(ansiRe.ReplaceAllString(out, ""), "\x1b\x07\u009b") {
			t.Errorf("%s passes control sequences through: %q", name, out)
		}
	}
}
