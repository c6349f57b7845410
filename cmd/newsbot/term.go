package main

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
)

// Article text, a model's answer and file names reach the terminal, and
// a terminal obeys control characters: an article holding ESC]0;…BEL
// would retitle the reader's window, ESC[2J clear it. So whatever newsbot
// prints goes through plainWriter, which drops the C0 and C1 control
// characters other than newline and tab (a vertical tab or form feed
// becomes a space, so that words stay apart; a line break is never added
// or removed, so the lines of a quote stay the lines its citation names),
// and replaces invalid UTF-8, whose stray bytes some terminals read as
// C1 controls. Only the line editor and the progress bar, which draw with
// escapes of their own, write to the terminal directly.

// plain returns s without control characters (see above).
func plain(s string) string {
	if isPlain([]byte(s)) {
		return s
	}
	return string(plainBytes([]byte(s)))
}

// plainAnswer is ans with its text, note, citations and passages plain,
// for a screen that draws with escapes of its own and so writes to the
// terminal directly.
func plainAnswer(ans bot.Answer) bot.Answer {
	ans.Question, ans.Text, ans.Note = plain(ans.Question), plain(ans.Text), plain(ans.Note)
	ans.Citations = slices.Clone(ans.Citations)
	for i := range ans.Citations {
		c := &ans.Citations[i]
		c.Source, c.Title, c.Quote, c.URL = plain(c.Source), plain(c.Title), plain(c.Quote), plain(c.URL)
	}
	ans.Passages = slices.Clone(ans.Passages)
	for i := range ans.Passages {
		p := &ans.Passages[i]
		p.Source, p.Title, p.Text = plain(p.Source), plain(p.Title), plain(p.Text)
	}
	return ans
}

// screenOut is where what sc renders goes: the terminal itself when sc
// draws with escapes (its text made plain by the screen), else stdout.
func (a *app) screenOut(sc screen) io.Writer {
	if sc.tty {
		return a.termOut
	}
	return a.stdout
}

// plainWriter passes what is written to w without control characters.
type plainWriter struct{ w io.Writer }

func (p plainWriter) Write(b []byte) (int, error) {
	if _, err := p.w.Write(plainBytes(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// plainBytes returns b without control characters (see above); b itself
// when it has none.
func plainBytes(b []byte) []byte {
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

// isControl reports whether r is a control character a terminal may act
// on, other than newline and tab.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f
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
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.Valid(b)
}

// writeJSON writes v as JSON (indented when indent is set) and a newline.
// A control character in a JSON string is an escape (\u001b), which a
// reader such as `jq -r` turns back into the character: such escapes are
// dropped like the characters themselves.
func writeJSON(w io.Writer, v any, indent bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(plainBytes(plainJSON(buf.Bytes())))
	return err
}

// plainJSON drops the escapes of control characters other than newline
// and tab from encoded JSON (\r, \b, \f and \u0000 to \u001f, \u007f to
// \u009f).
func plainJSON(b []byte) []byte {
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
			if i+5 < len(b) {
				var r rune
				ok := true
				for _, h := range b[i+2 : i+6] {
					switch {
					case h >= '0' && h <= '9':
						r = r<<4 | rune(h-'0')
					case h >= 'a' && h <= 'f':
						r = r<<4 | rune(h-'a'+10)
					case h >= 'A' && h <= 'F':
						r = r<<4 | rune(h-'A'+10)
					default:
						ok = false
					}
				}
				if ok && isControl(r) {
					i += 5
					continue
				}
			}
		}
		out = append(out, b[i], b[i+1]) // an escape kept whole
		i++
	}
	return out
}
