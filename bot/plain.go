package bot

import (
	"slices"
	"unicode/utf8"
)

// Article text, a model's answer and file names reach terminals, pages
// and JSON that programs print, and terminals obey control characters: an
// article holding ESC]0;…BEL would retitle the reader's window, ESC[2J
// clear it, and a bidirectional override (U+202E) would show "txt.exe" as
// "exe.txt". So every front end passes such text through Plain, which
// drops the C0 and C1 control characters other than newline and tab (a
// vertical tab or form feed becomes a space, so that words stay apart)
// and the bidirectional embeddings, overrides and isolates (U+202A to
// U+202E, U+2066 to U+2069), and replaces invalid UTF-8, whose stray bytes
// some terminals read as C1 controls. A line break is never added or
// removed, so the lines of a quote stay the lines its citation names.

// Plain returns s without control characters (see above).
func Plain(s string) string {
	if isPlain([]byte(s)) {
		return s
	}
	return string(PlainBytes([]byte(s)))
}

// PlainBytes returns b without control characters (see Plain); b itself
// when it has none.
func PlainBytes(b []byte) []byte {
	if isPlain(b) {
		return b
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size <= 1:
			out = utf8.AppendRune(out, utf8.RuneError)
		case r == '\v' || r == '\f':
			out = append(out, ' ')
		case isControl(r):
		default:
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// Plain returns a with its question, text, note, citations and passages
// plain (see Plain), for a front end that writes them where control
// characters would act.
func (a Answer) Plain() Answer {
	a.Question, a.Text, a.Note = Plain(a.Question), Plain(a.Text), Plain(a.Note)
	a.Citations = slices.Clone(a.Citations)
	for i := range a.Citations {
		c := &a.Citations[i]
		c.Source, c.Title, c.Quote, c.URL = Plain(c.Source), Plain(c.Title), Plain(c.Quote), Plain(c.URL)
	}
	a.Passages = slices.Clone(a.Passages)
	for i := range a.Passages {
		p := &a.Passages[i]
		p.Source, p.Title, p.Text = Plain(p.Source), Plain(p.Title), Plain(p.Text)
	}
	return a
}

// PlainJSON returns encoded JSON without control characters: their
// escapes (\u001b, \r, \b, \f), which a reader such as `jq -r` turns back
// into the characters, are dropped like the characters themselves. \n
// and \t are kept, and so is every other escape.
func PlainJSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		switch b[i+1] {
		case 'r', 'b', 'f':
			i++
			continue
		case 'u':
			if r, ok := hex4(b[i+2:]); ok && isControl(r) {
				i += 5
				continue
			}
		}
		out = append(out, b[i], b[i+1]) // an escape kept whole
		i++
	}
	return PlainBytes(out)
}

// hex4 reads the four hex digits of a \u escape at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, h := range b[:4] {
		switch {
		case h >= '0' && h <= '9':
			r = r<<4 | rune(h-'0')
		case h >= 'a' && h <= 'f':
			r = r<<4 | rune(h-'a'+10)
		case h >= 'A' && h <= 'F':
			r = r<<4 | rune(h-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// isControl reports whether r is a control character a terminal may act
// on, other than newline and tab, or a bidirectional control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// isPlain reports, quickly, whether b needs no change.
func isPlain(b []byte) bool {
	ascii := true
	for i, c := range b {
		switch {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(b) && b[i+1] <= 0x9f: // C1: U+0080 to U+009F
			return false
		case c == 0xe2 && i+2 < len(b) && (b[i+1] == 0x80 && b[i+2] >= 0xaa && b[i+2] <= 0xae || // U+202A to U+202E
			b[i+1] == 0x81 && b[i+2] >= 0xa6 && b[i+2] <= 0xa9): // U+2066 to U+2069
			return false
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.Valid(b)
}
