package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// FormatAnswer renders a for a terminal: the answer text with its [n]
// markers, a blank line, one line per citation
// ("[1] file.txt:5-6 - Title", once per marker number) and the note, if
// any. A refusal is its text and its note.
func FormatAnswer(a Answer) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(a.Text))
	if a.Refused {
		if note := strings.TrimSpace(a.Note); note != "" { // e.g. why a filter left nothing
			b.WriteString("\n\n" + note)
		}
		return b.String()
	}
	if len(a.Citations) > 0 {
		b.WriteString("\n")
		seen := map[int]bool{}
		for _, c := range a.Citations {
			if seen[c.N] {
				continue
			}
			seen[c.N] = true
			b.WriteString("\n")
			b.WriteString(c.Line())
		}
	}
	if note := strings.TrimSpace(a.Note); note != "" {
		b.WriteString("\n\n")
		b.WriteString(note)
	}
	return b.String()
}

// FormatSources renders for a terminal the passages behind a: each
// citation with the whole retrieved passage its quote comes from, so a
// reader can check the quote in its context. An answer that cites nothing
// (a refusal) shows what was retrieved instead.
func FormatSources(a Answer) string {
	var b strings.Builder
	shown := make(map[string]bool)
	passage := func(p retrieval.Result) {
		for _, line := range strings.Split(strings.TrimSpace(retrieval.DisplayText(p.Text)), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString("    " + line + "\n")
			}
		}
	}
	for _, c := range a.Citations {
		fmt.Fprintf(&b, "%s\n", c.Line())
		i := slices.IndexFunc(a.Passages, func(p retrieval.Result) bool {
			if p.Source != c.Source {
				return false
			}
			if c.Page > 0 { // lines of a page, not of the text: match the quote
				return strings.Contains(oneLine(p.Text), oneLine(c.Quote))
			}
			return p.FirstLine <= c.Lines[0] && c.Lines[1] <= p.LastLine
		})
		switch {
		case i < 0:
			fmt.Fprintf(&b, "    %s\n", oneLine(c.Quote))
		case shown[a.Passages[i].ID]:
			fmt.Fprintf(&b, "    (in the passage above) %s\n", oneLine(c.Quote))
		default:
			shown[a.Passages[i].ID] = true
			passage(a.Passages[i])
		}
		b.WriteString("\n")
	}
	if len(a.Citations) == 0 {
		for _, p := range a.Passages {
			b.WriteString(retrieval.PassageLabel(p.Source, a.pages[p.Source], p.FirstLine, p.LastLine))
			if t := oneLine(p.Title); t != "" {
				b.WriteString(" - " + t)
			}
			b.WriteString("\n")
			passage(p)
			b.WriteString("\n")
		}
	}
	if b.Len() == 0 {
		return "No passages behind this answer."
	}
	return strings.TrimRight(b.String(), "\n")
}

// Line is c as a source line for a terminal: "[1] file.txt:5-6 - Title",
// followed by " <URL>" when c has one (angle brackets delimit a URL in
// plain text, RFC 3986 appendix C).
func (c Citation) Line() string {
	line := fmt.Sprintf("[%d] %s", c.N, c.Label())
	if title := c.ShortTitle(); title != "" {
		line += " - " + title
	}
	if !c.Date.IsZero() {
		line += " (" + DateLabel(c.Date) + ")"
	}
	if c.URL != "" {
		line += " <" + c.URL + ">"
	}
	return line
}

// oneLine collapses all white space of s to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// shortTitle cuts title to at most n characters at a word boundary.
func shortTitle(title string, n int) string {
	if utf8.RuneCountInString(title) <= n {
		return title
	}
	cut := strings.TrimSuffix(truncateRunes(title, n), "…")
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}

// truncateRunes shortens s to at most n runes, ending it with "…" when cut.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " \n") + "…"
}
