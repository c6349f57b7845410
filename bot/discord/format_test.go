package discord

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
)

// natoCitation is a real citation of the seeds, the running example.
func natoCitation(n int) bot.Citation {
	return bot.Citation{
		N:      n,
		Source: "002_6b9d529eae85757d.txt",
		Title:  "NATO boss wants Canada to extend Afghan tour: reports",
		Lines:  [2]int{5, 6},
		Quote:  "A Canadian soldier sits inside an armoured vehicle during a night patrol in Kandahar city, June 13 2009. REUTERS/Jorge Silva",
	}
}

// longAnswer builds n sentences in paragraphs of five, each citing one of
// three sources, with the marker placed in the ways answers place them.
func longAnswer(n int) string {
	var b strings.Builder
	for i := range n {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "Sentence %d says NATO wanted Canada to stay in Kandahar beyond 2011 [%d].", i, i%3+1)
		case 1:
			fmt.Fprintf(&b, "Sentence %d quotes the minister: \"we delivered that message.\"[%d]", i, i%3+1)
		default:
			fmt.Fprintf(&b, "Sentence %d adds that France may send troops. [%d]", i, i%3+1)
		}
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func formatCases() []struct {
	name string
	a    bot.Answer
} {
	three := []bot.Citation{natoCitation(1), natoCitation(2), natoCitation(3)}
	three[1].Source, three[1].Lines = "001_b7e1029fb9729208.txt", [2]int{3, 3}
	three[2].Source, three[2].Lines = "000_7b664699113ac3fb.txt", [2]int{1, 4}

	var many []bot.Citation
	var manyText strings.Builder
	for i := 1; i <= 12; i++ {
		c := natoCitation(i)
		c.Lines = [2]int{i, i + 1}
		if i == 2 {
			c.Title = strings.Repeat("Very long headline ", 20)
		}
		if i == 3 {
			c.Quote = strings.Repeat("A quoted passage that goes on and on. ", 130)
		}
		many = append(many, c)
		fmt.Fprintf(&manyText, "Fact %d [%d]. ", i, i)
	}

	code := "Run this to rebuild the index:\n\n```go\n" +
		strings.Repeat("fmt.Println(\"rebuilding the index, please wait\")\n", 70) +
		"```\n\nThen ask again [1]."

	return []struct {
		name string
		a    bot.Answer
	}{
		{"simple", bot.Answer{
			Text:      "NATO's new secretary-general wanted Canada to extend its mission [1]. Ottawa said it would not change its mind [2].",
			Citations: []bot.Citation{natoCitation(1), {N: 2, Source: "002_6b9d529eae85757d.txt", Title: "NATO boss wants Canada to extend Afghan tour: reports", Lines: [2]int{9, 9}, Quote: "Canadian Foreign Minister Lawrence Cannon quickly reiterated that Ottawa would not change its mind."}},
		}},
		{"note", bot.Answer{
			Text:      "Canada asked NATO for 1,000 extra troops [1].",
			Citations: []bot.Citation{natoCitation(1)},
			Note:      "The language model is unavailable, so this answer quotes the coverage directly.",
		}},
		{"refusal", bot.Answer{
			Text:    "The coverage does not say what Canada's budget for 2010 was.",
			Refused: true,
			Note:    "Only the coverage is searched.",
		}},
		{"uncited_and_duplicate", bot.Answer{
			Text:      "Only the first source is cited [1].",
			Citations: []bot.Citation{natoCitation(1), natoCitation(1), natoCitation(3)},
		}},
		{"long_paragraphs", bot.Answer{Text: longAnswer(60), Citations: three}},
		{"no_boundaries", bot.Answer{
			Text:      strings.Repeat("a", 1993) + "[12]" + strings.Repeat("b", 600),
			Citations: []bot.Citation{natoCitation(12)},
		}},
		{"code_block", bot.Answer{Text: code, Citations: []bot.Citation{natoCitation(1)}}},
		{"unicode_fits", bot.Answer{
			Text:      strings.Repeat("Évolution à Québec. ", 90) + "[1]",
			Citations: []bot.Citation{natoCitation(1)},
		}},
		{"unicode_split", bot.Answer{
			Text:      strings.Repeat("Soldats 🇨🇦 à Kandahar — “déjà vu”. ", 80) + "[1]",
			Citations: []bot.Citation{natoCitation(1)},
		}},
		{"mentions_markdown", bot.Answer{
			Text: "@everyone NATO wants more troops [1]. @here <@123> too.",
			Citations: []bot.Citation{{
				N: 1, Source: "news/`odd`.txt", Title: "*Breaking* _news_ [click](http://x.example) @everyone",
				Lines: [2]int{2, 3}, Quote: "**Bold** claim by @everyone\n\n> not a quote ~~struck~~ <@&42>",
			}},
		}},
		{"many_sources", bot.Answer{Text: manyText.String(), Citations: many}},
		{"linked", bot.Answer{
			Text: "Rasmussen wants Canada to stay [1].",
			Citations: []bot.Citation{{
				N: 1, Source: "2009/nato_boss.txt", Title: "NATO boss wants Canada to extend Afghan tour: reports",
				Lines: [2]int{7, 7}, Columns: [2]int{1, 233}, Quote: "The remarks by Anders Fogh Rasmussen are the most pointed yet by NATO.",
				URL: "https://news.example.org/articles/2009/nato_boss.txt?at=7.1-233#cited",
			}},
		}},
		{"sources_own_message", bot.Answer{
			Text:      strings.Repeat("Troops stay. ", 150) + "[1] [2] [3]",
			Citations: three,
			Note:      "Answered from the coverage only.",
		}},
	}
}

// renderFormats is the golden text of all three renderings of a.
func renderFormats(a bot.Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== FormatAnswer ==\n%s\n", bot.FormatAnswer(a))
	msgs := FormatAnswer(a)
	fmt.Fprintf(&b, "== FormatDiscordAnswer: %d message(s) ==\n", len(msgs))
	for i, m := range msgs {
		fmt.Fprintf(&b, "-- message %d (%d chars) --\n%s\n", i+1, runeLen(m), m)
	}
	srcs := FormatSources(a)
	fmt.Fprintf(&b, "== FormatDiscordSources: %d message(s) ==\n", len(srcs))
	for i, m := range srcs {
		fmt.Fprintf(&b, "-- message %d --\n", i+1)
		if m.Content != "" {
			fmt.Fprintf(&b, "content: %s\n", m.Content)
		}
		for j, e := range m.Embeds {
			fmt.Fprintf(&b, "embed %d (%d chars)\ntitle: %s\n", j+1, e.size(), e.Title)
			if e.URL != "" {
				fmt.Fprintf(&b, "url: %s\n", e.URL)
			}
			fmt.Fprintf(&b, "description:\n%s\n", e.Description)
			for _, f := range e.Fields {
				fmt.Fprintf(&b, "field %s (inline %v): %s\n", f.Name, f.Inline, f.Value)
			}
		}
	}
	return b.String()
}

func TestFormatGolden(t *testing.T) {
	for _, tc := range formatCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := renderFormats(tc.a)
			bottest.Golden(t, tc.name+".golden", got, *update)
		})
	}
}

// TestFormatDiscordLimits checks the properties the golden files rely on,
// for every case: Discord's limits, whole markers, balanced code blocks
// and no lost text.
func TestFormatDiscordLimits(t *testing.T) {
	for _, tc := range formatCases() {
		t.Run(tc.name, func(t *testing.T) {
			msgs := FormatAnswer(tc.a)
			checkContentMessages(t, msgs)

			tailLines := 0
			for _, m := range msgs {
				for l := range strings.SplitSeq(m, "\n") {
					if n := markerLen(l); n > 0 && (strings.HasPrefix(l[n:], " `") || strings.HasPrefix(l[n:], " [")) {
						tailLines++
					}
				}
			}
			if got, want := countMarkers(strings.Join(msgs, "\n")), countMarkers(tc.a.Text)+tailLines; got != want {
				t.Errorf("FormatDiscordAnswer(%s) has %d whole markers, want %d", tc.name, got, want)
			}
			got := strings.Join(strings.Fields(shown(strings.Join(msgs, "\n"))), "")
			want := strings.Join(strings.Fields(tc.a.Text), "")
			if !strings.HasPrefix(got, want) {
				t.Errorf("FormatDiscordAnswer(%s) does not show the answer text word for word", tc.name)
			}

			srcs := FormatSources(tc.a)
			seen := map[string]int{}
			for i, m := range srcs {
				if runeLen(m.Content) > discordMaxContent {
					t.Errorf("sources message %d content has %d chars, want <= %d", i+1, runeLen(m.Content), discordMaxContent)
				}
				if len(m.Embeds) > discordMaxEmbeds {
					t.Errorf("sources message %d has %d embeds, want <= %d", i+1, len(m.Embeds), discordMaxEmbeds)
				}
				total := 0
				for _, e := range m.Embeds {
					total += e.size()
					checkEmbed(t, e)
					seen[e.Title[:strings.IndexByte(e.Title, ']')+1]]++
				}
				if total > discordMaxEmbedsTotal {
					t.Errorf("sources message %d embeds total %d chars, want <= %d", i+1, total, discordMaxEmbedsTotal)
				}
				if m.Content == "" && len(m.Embeds) == 0 {
					t.Errorf("sources message %d is empty", i+1)
				}
			}
			for _, c := range tc.a.Cited() {
				if got := seen[fmt.Sprintf("[%d]", c.N)]; got != 1 {
					t.Errorf("sources view shows [%d] %d times, want 1", c.N, got)
				}
			}
		})
	}
}

func checkContentMessages(t *testing.T, msgs []string) {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatal("no messages, want at least one")
	}
	for i, m := range msgs {
		if n := runeLen(m); n == 0 || n > discordMaxContent {
			t.Errorf("message %d has %d chars, want 1..%d", i+1, n, discordMaxContent)
		}
		fences := 0
		for l := range strings.SplitSeq(m, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "```") {
				fences++
			}
		}
		if fences%2 != 0 {
			t.Errorf("message %d has %d fence lines, want an even number:\n%s", i+1, fences, m)
		}
		if i > 0 && markerLen(strings.TrimSpace(m)) > 0 && !strings.HasPrefix(m, "**Sources**") {
			t.Errorf("message %d starts with a citation marker cut off from its sentence: %.40q", i+1, m)
		}
	}
}

func checkEmbed(t *testing.T, e Embed) {
	t.Helper()
	for _, c := range []struct {
		what   string
		n, max int
	}{
		{"title", runeLen(e.Title), discordMaxEmbedTitle},
		{"description", runeLen(e.Description), discordMaxEmbedDesc},
		{"footer", runeLen(e.Footer), discordMaxEmbedFooter},
		{"fields", len(e.Fields), discordMaxEmbedFields},
	} {
		if c.n > c.max {
			t.Errorf("embed %q %s is %d long, want <= %d", e.Title, c.what, c.n, c.max)
		}
	}
	for _, f := range e.Fields {
		if runeLen(f.Name) > discordMaxFieldName || runeLen(f.Value) > discordMaxFieldValue || f.Name == "" || f.Value == "" {
			t.Errorf("embed field %q has name %d / value %d chars, want 1..%d / 1..%d", f.Name, runeLen(f.Name), runeLen(f.Value), discordMaxFieldName, discordMaxFieldValue)
		}
	}
}

// countMarkers counts whole [n] markers in s.
func countMarkers(s string) int {
	n := 0
	for i := range len(s) {
		if markerLen(s[i:]) > 0 {
			n++
		}
	}
	return n
}

func TestSplitMessage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"fits", "One. Two.", 20, []string{"One. Two."}},
		{"paragraph", "First para here.\n\nSecond para.", 24, []string{"First para here.", "Second para."}},
		{"sentence keeps its marker", "Alpha beta gamma.[1] Delta epsilon.", 28, []string{"Alpha beta gamma.[1]", "Delta epsilon."}},
		{"marker after space stays", "Alpha beta gamma. [1] Delta epsilon zeta.", 30, []string{"Alpha beta gamma. [1]", "Delta epsilon zeta."}},
		{"hard cut keeps marker whole", "abcdefghijk[12]lmnop", 15, []string{"abcdefghijk[12]", "lmnop"}},
		{"hard cut backs out of marker", "abcdefghijkl[12]mnop", 15, []string{"abcdefghijkl", "[12]mnop"}},
		{"code reopened", "```go\nline one\nline two\nline three\n```", 30, []string{"```go\nline one\nline two\n```", "```go\nline three\n```"}},
		{"cut before closer drops reopen", "```\naaaa bbbb\ncccc dddd\n```\nAfter.", 31, []string{"```\naaaa bbbb\ncccc dddd\n```", "After."}},
		{"runes not bytes", "ééééé ééééé", 11, []string{"ééééé ééééé"}},
		{"hard cut keeps an escape whole", `abcdefghijklmn\*op`, 15, []string{"abcdefghijklmn", `\*op`}},
		{"hard cut keeps a URL whole", "abcdefgh(https://x.example/_a_)", 25, []string{"abcdefgh(", "https://x.example/_a_)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := splitMessage(tc.text, tc.limit)
			if !slices.Equal(got, tc.want) {
				t.Errorf("splitMessage(%q, %d) = %q, want %q", tc.text, tc.limit, got, tc.want)
			}
		})
	}
}

func TestDiscordPartial(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Canada said", "Canada said …"},
		{"@everyone look", "@\u200beveryone look …"},
		{strings.Repeat("x", 2500), strings.Repeat("x", 1997) + "… …"},
	} {
		got := discordPartial(tc.text)
		if got != tc.want || runeLen(got) > discordMaxContent {
			t.Errorf("discordPartial(%.20q) = %.30q (%d chars), want %.30q (<= %d chars)", tc.text, got, runeLen(got), tc.want, discordMaxContent)
		}
	}
}

func ExampleFormatAnswer() {
	for _, m := range FormatAnswer(bot.Answer{
		Text:      "Ottawa would not change its mind [1].",
		Citations: []bot.Citation{{N: 1, Source: "002_6b9d529eae85757d.txt", Title: "NATO boss wants Canada to extend Afghan tour: reports", Lines: [2]int{9, 9}}},
	}) {
		fmt.Println(m)
	}
	// Output:
	// Ottawa would not change its mind [1].
	//
	// **Sources**
	// [1] `002_6b9d529eae85757d.txt:9` - NATO boss wants Canada to extend Afghan tour: reports
}

// shown is what Discord displays for s: escapes resolved, zero-width
// spaces invisible.
func shown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.ReplaceAll(b.String(), "\u200b", "")
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// discordURL is a bare URL as Discord links it: up to JavaScript's white
// space or "<", not ending in punctuation.
var discordURL = regexp.MustCompile(`^https?://[^\s\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}<]*[^\s\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}<.,:;"')\]]`)

// listItem is an ordered or unordered list item, a heading, a block quote
// or a subtext line: markup that counts at the start of a line.
var lineMarkup = regexp.MustCompile(`^[ \t]*(#|>|-#|[-*+][ \t]|[-*+]$|\d+[.)]([ \t]|$))`)

// liveMarkup returns the first markup of s that Discord would interpret,
// or "": it reads s as Discord's parser does, escapes and bare URLs
// included, and is stricter where unsure (any "](" could close a masked
// link, whose pattern reads over escapes).
func liveMarkup(s string) string {
	if i := strings.Index(s, "]("); i >= 0 {
		return fmt.Sprintf("masked link at %q", around(s, i))
	}
	for _, m := range []string{"@everyone", "@here"} {
		if i := strings.Index(s, m); i >= 0 {
			return fmt.Sprintf("mass mention at %q", around(s, i))
		}
	}
	lineStart := true
	for i := 0; i < len(s); {
		if lineStart {
			if m := lineMarkup.FindString(s[i:]); m != "" {
				return fmt.Sprintf("line markup %q at %q", m, around(s, i))
			}
		}
		if u := discordURL.FindString(s[i:]); u != "" && (i == 0 || !isWordChar(s[i-1])) {
			i += len(u)
			lineStart = false
			continue
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i += 2
			lineStart = false
			continue
		case strings.IndexByte("*_~|`", c) >= 0:
			return fmt.Sprintf("%q at %q", c, around(s, i))
		case c == '<' && i+1 < len(s) && strings.IndexByte("@#:/at", s[i+1]) >= 0:
			return fmt.Sprintf("mention, emoji or timestamp at %q", around(s, i))
		}
		lineStart = c == '\n'
		i++
	}
	return ""
}

// mentionSyntax is a user, role, channel or command mention, an emoji or
// a timestamp.
var mentionSyntax = regexp.MustCompile(`<[@#:/]|<[at]:`)

func isWordChar(c byte) bool { return c == '_' || c >= 0x80 || !isASCIIPunct(c) && c > ' ' }

func around(s string, i int) string { return s[max(0, i-15):min(len(s), i+25)] }

func TestInert(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" when only the properties are checked
	}{
		{"read the briefing at [click here](http://evil.example/login)", `read the briefing at \[click here\]\(http://evil.example/login)`},
		{"ping <@123456789012345678>, <@!1>, <@&987654321> and <#555>", "ping <\u200b@123456789012345678\\>, <\u200b@!1\\>, <\u200b@&987654321\\> and <\u200b\\#555\\>"},
		{"# Breaking\n## More\n-# small\n> quoted\n>>> all quoted", ""},
		{"||spoiler|| **bold** __under__ ~~struck~~ `code` ```go\nx\n```", ""},
		{"- one\n* two\n+ three\n1. first\n2) second", ""},
		{"OTTAWA (Reuters) - The minister said in 2011. Then he left.", `OTTAWA (Reuters) \- The minister said in 2011\. Then he left.`},
		{"see https://example.com/a_b*c*_d?x=1&y=[2] for more", `see https://example.com/a_b*c*_d?x=1&y=[2\] for more`},
		{"a cited claim [1](http://evil.example) and [2]", `a cited claim [1]\(http://evil.example) and [2]`},
		{"escaped \\](http://evil.example) after [1] marker", ""},
		{"https://evil.example/](x) after [1]", ""},
		{"<t:1700000000:R> <:pepe:123> </ask:1> <a:x:1>", ""},
		{"@everyone and @here", "@\u200beveryone and @\u200bhere"},
		{"a url then a space https://x.example\u00a0**bold**", ""},
		{"back\\slash \\*not bold\\*", ""},
	} {
		got := inert(tc.in)
		if tc.want != "" && got != tc.want {
			t.Errorf("inert(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
		if m := liveMarkup(got); m != "" {
			t.Errorf("inert(%q) = %q leaves %s", tc.in, got, m)
		}
		if shown(got) != tc.in {
			t.Errorf("inert(%q) shows as %q, want the text itself", tc.in, shown(got))
		}
	}
}

// TestAnswerMessagesInert splits a long answer full of hostile markup
// into several messages: each, continuation messages too, must be inert
// on its own, whatever the cut left at its start.
func TestAnswerMessagesInert(t *testing.T) {
	var b strings.Builder
	for i := range 120 {
		fmt.Fprintf(&b, "Claim %d - see [here](http://evil.example/%d) or https://ok.example/a_%d_b <@%d> ||x|| # no 2011. ", i, i, i, i)
		if i%7 == 0 {
			b.WriteString("\n\n> quoted\n- item\n")
		}
	}
	b.WriteString(strings.Repeat("x", 2100) + "*y*")
	a := bot.Answer{Text: b.String()}
	msgs := FormatAnswer(a)
	if len(msgs) < 3 {
		t.Fatalf("%d messages, want a long answer split", len(msgs))
	}
	for i, m := range msgs {
		if runeLen(m) > discordMaxContent {
			t.Errorf("message %d has %d chars", i+1, runeLen(m))
		}
		if live := liveMarkup(m); live != "" {
			t.Errorf("message %d leaves %s", i+1, live)
		}
	}
	got := strings.Join(strings.Fields(shown(strings.Join(msgs, ""))), "")
	if want := strings.Join(strings.Fields(a.Text), ""); got != want {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("the messages do not show the answer word for word: %q, want %q", around(got, i), around(want, i))
				break
			}
		}
	}
	if p := discordPartial(a.Text); liveMarkup(p) != "" {
		t.Errorf("streamed partial leaves %s", liveMarkup(p))
	}
}

func TestThreadName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Who is the NATO spokesperson?", "Who is the NATO spokesperson?"},
		{"# **Who** said ||that|| to <@123> @everyone?", "Who said that to <\u200b@123> @\u200beveryone?"},
		{"  ", "Question"},
	} {
		if got := threadName(tc.in); got != tc.want {
			t.Errorf("threadName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFormatIsPlain: control characters and bidirectional overrides of
// an article never reach Discord, where an override shows a file name or
// a quote reversed ("txt.exe" as "exe.txt").
func TestFormatIsPlain(t *testing.T) {
	const hostile = "evil\u202etxt.exe \x1b[2J\u2066x\u2069"
	dirty := strings.NewReplacer(`\u202e`, "\u202e", `\x1b`, "\x1b", `\u2066`, "\u2066", `\u2069`, "\u2069").Replace(hostile)
	a := bot.Answer{
		Question: "who said " + dirty,
		Text:     "He said " + dirty + " [1].",
		Note:     "note " + dirty,
		Citations: []bot.Citation{{N: 1, Source: dirty + ".txt", Title: "Title " + dirty, Lines: [2]int{1, 1},
			Quote: "He said " + dirty, URL: "https://news.example/articles/a?x=" + dirty}},
	}
	var out []string
	out = append(out, FormatAnswer(a)...)
	for _, m := range FormatSources(a) {
		out = append(out, m.Content)
		for _, e := range m.Embeds {
			out = append(out, e.Title, e.Description, e.URL)
			for _, f := range e.Fields {
				out = append(out, f.Name, f.Value)
			}
		}
	}
	out = append(out, threadName(a.Question), discordPartial(a.Text))
	for _, s := range out {
		if s != bot.Plain(s) {
			t.Errorf("Discord gets %q, want it without control characters", s)
		}
	}
	if got := strings.Join(out, "\n"); !strings.Contains(got, "txt.exe") {
		t.Errorf("the hostile text is lost altogether:\n%s", got)
	}
}

func TestCitationLineDate(t *testing.T) {
	c := bot.Citation{N: 2, Source: "a.txt", Title: "Strike ends", Lines: [2]int{3, 3}, Date: time.Date(2022, 11, 21, 0, 0, 0, 0, time.UTC)}
	if got, want := citationLine(c), "[2] `a.txt:3` - Strike ends (2022-11-21)"; got != want {
		t.Errorf("citationLine() = %q, want %q", got, want)
	}
}

// FuzzFormatAnswer formats arbitrary answer text, and a citation with an
// arbitrary title and quote, for Discord: every message and embed is
// within Discord's limits, the answer's messages and the embeds hold no
// live markup, and the messages show the whole answer.
func FuzzFormatAnswer(f *testing.F) {
	f.Add("read the briefing at [click here](http://evil.example/login) [1]", "Title <@123>", "quote ||x|| # h")
	f.Add("OTTAWA (Reuters) - In 2011. Then <@&987> and <#5> @everyone\n> q\n- l\n1. n\n```go\nx\n```", "**T**", "- a\n> b")
	f.Add(strings.Repeat("Troops stay. ", 150)+"https://example.com/a_b*c*_d [1] [2](x)", "t", "q")
	f.Add(strings.Repeat("x", 2100)+"\\*y*[1]", "", "")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, text, title, quote string) {
		a := bot.Answer{Text: text}
		msgs := FormatAnswer(a) // no citations: every message is the answer's own text
		for i, m := range msgs {
			if n := runeLen(m); n == 0 || n > discordMaxContent {
				t.Fatalf("message %d has %d chars", i+1, n)
			}
			if live := liveMarkup(m); live != "" {
				t.Fatalf("message %d of %q leaves %s:\n%q", i+1, text, live, m)
			}
		}
		if strings.TrimSpace(bot.Plain(text)) != "" {
			got := strings.Join(strings.Fields(shown(strings.Join(msgs, ""))), "")
			if want := strings.Join(strings.Fields(bot.Plain(text)), ""); got != want {
				t.Fatalf("the messages of %q show %q", text, got)
			}
		}
		for i, m := range msgs {
			if m != bot.Plain(m) {
				t.Fatalf("message %d of %q holds control characters: %q", i+1, text, m)
			}
		}
		if p := discordPartial(text); runeLen(p) > discordMaxContent || liveMarkup(p) != "" {
			t.Fatalf("streamed partial %q: %d chars, %s", p, runeLen(p), liveMarkup(p))
		}

		a = bot.Answer{Text: "Claim [1].", Citations: []bot.Citation{{N: 1, Source: "a.txt", Title: title, Lines: [2]int{1, 2}, Quote: quote}}}
		for _, m := range FormatSources(a) {
			for _, e := range m.Embeds {
				checkEmbed(t, e)
				// Each line of the quote is in the bot's own block quote.
				lines := strings.Split(e.Description, "\n")
				for i, l := range lines {
					if l != ">" {
						lines[i] = strings.TrimPrefix(l, "> ")
					} else {
						lines[i] = ""
					}
				}
				desc := strings.Join(lines, "\n")
				if strings.TrimSpace(bot.Plain(quote)) == "" {
					desc = "" // the bot's own "*(no quote)*"
				}
				for what, s := range map[string]string{"title": strings.TrimPrefix(e.Title, "[1] "), "description": desc} {
					if live := liveMarkup(s); live != "" {
						t.Fatalf("sources embed %s %q leaves %s", what, s, live)
					}
				}
			}
		}
		// A name is shown as written (no escapes, no lists or headings):
		// it must hold no markup characters and no mention syntax.
		if name := threadName(text); runeLen(name) > 100 || strings.ContainsAny(name, "*_~|`") || strings.Contains(name, "](") ||
			mentionSyntax.MatchString(name) || strings.Contains(name, "@everyone") || strings.Contains(name, "@here") {
			t.Fatalf("thread name %q (%d chars) holds markup", name, runeLen(name))
		}
	})
}
