package discord

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
)

// Discord's limits, in characters (Unicode code points, which is how
// Discord counts them).
const (
	discordMaxContent     = 2000 // message content
	discordMaxEmbedTitle  = 256
	discordMaxEmbedDesc   = 4096
	discordMaxEmbedFields = 25
	discordMaxFieldName   = 256
	discordMaxFieldValue  = 1024
	discordMaxEmbedFooter = 2048
	discordMaxEmbedsTotal = 6000 // all embeds of one message together
	discordMaxEmbeds      = 10   // embeds per message
)

// Message is one Discord message of formatted output, within
// Discord's limits. It holds no discordgo types so that formatting is
// testable on its own.
type Message struct {
	Content string
	Embeds  []Embed
}

// Embed is a rich embed of a Message.
type Embed struct {
	Title       string
	URL         string // what the title links to
	Description string
	Fields      []Field
	Footer      string
}

// Field is a name/value field of a Embed.
type Field struct {
	Name   string
	Value  string
	Inline bool
}

// size is what the embed counts against the 6,000 characters of a message.
func (e Embed) size() int {
	n := runeLen(e.Title) + runeLen(e.Description) + runeLen(e.Footer)
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	return n
}

// FormatAnswer renders a as the contents of one or more Discord
// messages: the answer text, made inert (see inert) and split at paragraph
// or sentence boundaries where it exceeds a message, then a compact
// "Sources" block of the citations the text actually cites, then the
// note. A refusal is just its text.
func FormatAnswer(a bot.Answer) []string {
	a = a.Plain()
	text := inert(strings.TrimSpace(a.Text))
	if text == "" {
		text = "(no answer)"
	}
	var tail []string
	if !a.Refused {
		if cited := a.Cited(); len(cited) > 0 {
			tail = append(tail, "**Sources**")
			for _, c := range cited {
				tail = append(tail, citationLine(c))
			}
		}
	}
	if note := oneLine(a.Note); note != "" { // a refusal's note says why, e.g. a filter left nothing
		tail = append(tail, "-# "+inert(note))
	}
	msgs := splitMessage(text, discordMaxContent)
	if len(tail) == 0 {
		return msgs
	}
	block := strings.Join(tail, "\n")
	last := msgs[len(msgs)-1]
	if joined := last + "\n\n" + block; runeLen(joined) <= discordMaxContent {
		msgs[len(msgs)-1] = joined
		return msgs
	}
	return append(msgs, splitMessage(block, discordMaxContent)...)
}

// FormatSources renders the "Sources" view of a: one embed per
// cited source quoting its passage, packed into as few messages as
// Discord's embed limits allow.
func FormatSources(a bot.Answer) []Message {
	a = a.Plain()
	cited := a.Cited()
	if len(cited) == 0 {
		return []Message{{Content: "This answer has no sources to show."}}
	}
	var msgs []Message
	var cur Message
	total := 0
	for _, c := range cited {
		e := sourceEmbed(c)
		if len(cur.Embeds) == discordMaxEmbeds || (len(cur.Embeds) > 0 && total+e.size() > discordMaxEmbedsTotal) {
			msgs = append(msgs, cur)
			cur, total = Message{}, 0
		}
		cur.Embeds = append(cur.Embeds, e)
		total += e.size()
	}
	return append(msgs, cur)
}

// sourceEmbed shows one citation: its marker and title, the quoted
// passage as a block quote, and where it is.
func sourceEmbed(c bot.Citation) Embed {
	title := oneLine(c.Title)
	if title == "" {
		title = c.Source
	}
	source := "`" + strings.ReplaceAll(c.Label(), "`", "'") + "`"
	if c.URL != "" {
		source = "[" + inert(c.Label()) + "](" + c.URL + ")"
	}
	e := Embed{
		Title: truncateRunes(fmt.Sprintf("[%d] %s", c.N, inert(title)), discordMaxEmbedTitle),
		URL:   c.URL,
		Fields: []Field{{
			Name:   "Source",
			Value:  truncateRunes(source, discordMaxFieldValue),
			Inline: true,
		}},
	}
	quote := strings.TrimSpace(c.Quote)
	if quote == "" {
		e.Description = "*(no quote)*"
		return e
	}
	lines := strings.Split(quote, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+inert(strings.TrimSpace(l)), " ")
	}
	e.Description = truncateRunes(strings.Join(lines, "\n"), discordMaxEmbedDesc)
	return e
}

// citationLine is "[1] `file.txt:5-6` - Title": the location in
// backticks and the title made inert (no markdown, no pings). A citation
// with an article view links its location there instead:
// "[1] [file.txt:5-6](<https://…>) - Title" (the angle brackets keep
// Discord from adding a preview of the page).
func citationLine(c bot.Citation) string {
	label := "`" + strings.ReplaceAll(c.Label(), "`", "'") + "`"
	if c.URL != "" {
		label = "[" + inert(c.Label()) + "](<" + c.URL + ">)"
	}
	title := inert(truncateRunes(c.ShortTitle(), 100))
	line := fmt.Sprintf("[%d] %s", c.N, label)
	if title != "" {
		line += " - " + title
	}
	if !c.Date.IsZero() {
		line += " (" + bot.DateLabel(c.Date) + ")"
	}
	return line
}

// oneLine collapses all white space of s to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// mentionEscaper defuses mass mentions in text the bot repeats. Allowed
// mentions already stop the pings; this also stops them reading as pings.
var mentionEscaper = strings.NewReplacer("@everyone", "@\u200beveryone", "@here", "@\u200bhere")

func escapeMentions(s string) string { return mentionEscaper.Replace(s) }

// inert makes text of the coverage or of a model show verbatim in
// Discord, however it is split into messages: an article or a model must
// not be able to post a masked link ("[click here](http://evil.example)"),
// a user, role or channel mention, a heading, a spoiler or any other
// markup. Markdown characters are escaped with a backslash (which Discord
// hides); "<" gets a zero-width space after it, which breaks mention,
// emoji and timestamp syntax even where a backslash would not count, such
// as right after a URL; list markers are escaped wherever a message could
// start. Bare URLs stay as they are, so they are shown and linked in full,
// and so do [n] citation markers; no "](" is left for a link to be made of.
// Control characters and bidirectional overrides go too (bot.Plain): an
// override would show a file name or a quote reversed.
func inert(s string) string {
	s = bot.Plain(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		if n := urlLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if n := markerLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		c := s[i]
		switch {
		case c == '(' && i > 0 && s[i-1] == ']':
			// Discord's masked link needs "](": its pattern reads on from
			// a "[" over escapes, so only breaking that pair is sure.
			b.WriteString(`\(`)
		case c == '<':
			b.WriteString("<\u200b")
		case strings.IndexByte(`\*_~|`+"`"+`[]>#`, c) >= 0,
			(c == '-' || c == '+') && spaceOrEnd(s, i+1),
			(c == '.' || c == ')') && spaceOrEnd(s, i+1) && listNumberBefore(s, i):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		i++
	}
	return escapeMentions(b.String())
}

// maxURL is the longest URL inert leaves unescaped: a longer one could be
// cut between two messages, leaving its tail outside any link.
const maxURL = 512

// urlLen returns the length of the bare URL starting at s[i] as Discord
// links it (http or https, up to white space or "<", not ending in
// punctuation), or 0. Only a URL at the start of a word counts.
func urlLen(s string, i int) int {
	rest := s[i:]
	if !strings.HasPrefix(rest, "http://") && !strings.HasPrefix(rest, "https://") {
		return 0
	}
	if i > 0 && (isWordByte(s[i-1]) || s[i-1] == '\\') {
		return 0
	}
	// Discord's URLs end at what JavaScript's \s matches, which is
	// Unicode's white space and the BOM.
	n := strings.IndexFunc(rest, func(r rune) bool { return r == '<' || r == '\ufeff' || unicode.IsSpace(r) })
	if n < 0 {
		n = len(rest)
	}
	if k := strings.Index(rest[:n], "]("); k >= 0 {
		n = k // a link could be made of it (see inert)
	}
	n = len(strings.TrimRight(rest[:n], `.,:;"')]`))
	if n <= len("https://") || n > maxURL || !utf8.ValidString(rest[:n]) {
		return 0
	}
	return n
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// spaceOrEnd reports whether s has white space or nothing at i.
func spaceOrEnd(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
}

// listNumberBefore reports whether s[:i] ends in a number that starts a
// word, as "2011" in "in 2011. Then": after a cut it would start an
// ordered list item.
func listNumberBefore(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	return j < i && (j == 0 || s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t')
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// truncateRunes shortens s to at most n runes, ending it with "…" when
// cut, and never leaves a dangling escape backslash.
func truncateRunes(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	cut := strings.TrimRight(s[:runeOffset(s, n-1)], " \n")
	if trailing := len(cut) - len(strings.TrimRight(cut, `\`)); trailing%2 == 1 {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}

// runeOffset is the byte offset of the n-th rune of s (len(s) if s is
// shorter).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// discordPartial is the content shown while an answer is still streaming.
func discordPartial(text string) string {
	text = inert(strings.TrimSpace(text))
	return truncateRunes(text, discordMaxContent-2) + " …"
}

const fenceCloser = "\n```"

// markerLen returns the length of the citation marker ("[12]") that s
// starts with, or 0.
func markerLen(s string) int {
	if len(s) < 3 || s[0] != '[' {
		return 0
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 1 || i == len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

// Tiers of cut points, best first.
const (
	cutParagraph = iota
	cutLine
	cutSentence
	cutSpace
	cutHard
)

// splitMessage splits text into pieces of at most limit runes. It cuts at
// paragraph, then line, then sentence boundaries when that keeps pieces
// reasonably full, never inside or before a [n] marker, and avoids ```
// code blocks; when a cut inside one is unavoidable it closes the fence
// and reopens it in the next piece.
func splitMessage(text string, limit int) []string {
	var out []string
	for runeLen(text) > limit {
		cut, opener := chooseCut(text, limit)
		head := strings.TrimRight(text[:cut], " \t\n")
		rest := text[cut:]
		if opener != "" {
			head += fenceCloser
			rest = strings.TrimLeft(rest, "\n")
			if line, after, _ := strings.Cut(rest, "\n"); strings.TrimSpace(line) == "```" {
				// The cut fell just before the block's own closer: the head
				// closes it, so drop it rather than reopen an empty block.
				rest = strings.TrimLeft(after, " \t\n")
			} else {
				rest = opener + "\n" + rest
			}
		} else {
			rest = strings.TrimLeft(rest, " \t\n")
		}
		out = append(out, head)
		text = rest
	}
	if text == "" && len(out) > 0 {
		return out
	}
	return append(out, text)
}

// chooseCut returns where to cut text so that the head fits in limit runes
// (leaving room for a fence closer), and the fence opener to repeat when
// the cut falls inside a code block ("" otherwise).
func chooseCut(text string, limit int) (int, string) {
	w := runeOffset(text, limit-runeLen(fenceCloser))
	fences := fenceSpans(text[:w])
	half := w / 2

	// best[inFence][tier] is the latest cut of that tier.
	var best [2][cutHard]int
	var bestOpener [cutHard]string
	inline := 0 // backticks seen on the current line, outside fences
	for p := 1; p <= w && p < len(text); p++ {
		prev := text[p-1]
		if prev == '\n' {
			inline = 0
		} else if prev == '`' {
			inline++
		}
		if prev != ' ' && prev != '\n' {
			continue
		}
		if markerLen(text[p:]) > 0 || strings.TrimSpace(text[:p]) == "" {
			continue // never orphan a marker from its sentence
		}
		opener, in := fences.at(p)
		if fences.inOpener(p) {
			continue
		}
		f := 0
		if in {
			f = 1
			if p <= len(opener)+1 {
				continue // would not make progress once the fence is reopened
			}
		} else if inline%2 == 1 && !strings.Contains(lineAround(text, p), "```") {
			continue // inside `inline code`
		}
		tier := cutSpace
		switch {
		case prev == '\n' && p >= 2 && text[p-2] == '\n':
			tier = cutParagraph
		case prev == '\n':
			tier = cutLine
		case sentenceEndBefore(text[:p-1]):
			tier = cutSentence
		}
		for t := tier; t < cutHard; t++ { // a better boundary also serves as a worse one
			best[f][t] = p
			if f == 1 {
				bestOpener[t] = opener
			}
		}
	}

	// Preference order: good boundaries that keep the piece at least half
	// full, then line breaks inside code, then any space, then a hard cut.
	for _, c := range []struct {
		fence, tier int
		needHalf    bool
	}{
		{0, cutParagraph, true}, {0, cutLine, true}, {0, cutSentence, true},
		{1, cutLine, true},
		{0, cutSpace, false}, {1, cutLine, false}, {1, cutSpace, false},
	} {
		p := best[c.fence][c.tier]
		if p == 0 || (c.needHalf && p < half) {
			continue
		}
		if c.fence == 1 {
			return p, bestOpener[c.tier]
		}
		return p, ""
	}

	// Hard cut. Outside code no closer is needed, so the piece may use the
	// whole limit; a marker straddling the cut stays whole with the text
	// it follows if it fits, else moves to the next piece.
	full := runeOffset(text, limit)
	if _, in := fenceSpans(text[:full]).at(full); !in {
		return keepTokensWhole(text, backOutOfMarker(text, full, full)), ""
	}
	opener, _ := fences.at(w)
	return keepTokensWhole(text, backOutOfMarker(text, w, w)), opener
}

// keepTokensWhole moves a hard cut at p back so that it splits neither a
// backslash escape, which would leave the escaped character live in the
// next message, nor a URL shorter than a message, whose tail would lose
// its link and the shelter from markdown that gives it (see inert).
func keepTokensWhole(text string, p int) int {
	if p <= 0 || p >= len(text) {
		return p
	}
	if start := strings.LastIndex(text[:p], "http"); start > 0 {
		if n := urlLen(text, start); n > 0 && start+n > p {
			return start
		}
	}
	if slashes := len(text[:p]) - len(strings.TrimRight(text[:p], `\`)); slashes%2 == 1 && p > 1 {
		return p - 1
	}
	return p
}

// backOutOfMarker moves a cut at p that would split a [n] marker to the
// marker's end when that is within max, else to its start.
func backOutOfMarker(text string, p, max int) int {
	i := strings.LastIndexByte(text[:min(p+1, len(text))], '[')
	if i <= 0 {
		return p
	}
	end := i + markerLen(text[i:])
	switch {
	case end <= p || end == i:
		return p
	case end <= max:
		return end
	default:
		return i
	}
}

// lineAround returns the line of text containing byte p-1.
func lineAround(text string, p int) string {
	start := strings.LastIndexByte(text[:p-1], '\n') + 1
	end := strings.IndexByte(text[p-1:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : p-1+end]
}

// sentenceEndBefore reports whether s ends a sentence: terminal
// punctuation, possibly followed by closing quotes or brackets and by
// citation markers ("... in 2011.[1]").
func sentenceEndBefore(s string) bool {
	s = strings.TrimRight(s, " \n")
	for {
		trimmed := strings.TrimRight(s, `"')”’`)
		if i := strings.LastIndexByte(trimmed, '['); i >= 0 && markerLen(trimmed[i:]) == len(trimmed)-i {
			trimmed = strings.TrimRight(trimmed[:i], " ")
		}
		if trimmed == s {
			break
		}
		s = trimmed
	}
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// fenceSpan is a ``` code block: its opener line starts at lineStart and
// ends at start; its inside runs to end, the start of its closing line.
type fenceSpan struct {
	lineStart, start, end int
	opener                string
}

type fenceList []fenceSpan

// at reports whether byte offset p is inside a code block and, if so, the
// opener line to reopen it with.
func (fl fenceList) at(p int) (string, bool) {
	for _, f := range fl {
		if p > f.lineStart && p <= f.end {
			return f.opener, true
		}
	}
	return "", false
}

// inOpener reports whether p falls within the opener line of a code block,
// where no cut can go.
func (fl fenceList) inOpener(p int) bool {
	for _, f := range fl {
		if p > f.lineStart && p <= f.start {
			return true
		}
	}
	return false
}

// fenceSpans finds the ``` code blocks of text; one still open at the end
// runs to the end.
func fenceSpans(text string) fenceList {
	var out fenceList
	open, openLine := -1, 0
	opener := ""
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		line := text[off:]
		if end >= 0 {
			line = text[off : off+end]
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "```") {
			if open < 0 {
				open, openLine, opener = off+len(line), off, t
				if runeLen(opener) > 20 {
					opener = "```"
				}
			} else {
				out = append(out, fenceSpan{lineStart: openLine, start: open, end: off, opener: opener})
				open = -1
			}
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	if open >= 0 {
		out = append(out, fenceSpan{lineStart: openLine, start: open, end: len(text), opener: opener})
	}
	return out
}
