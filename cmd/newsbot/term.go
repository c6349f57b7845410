package main

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/newsbot/newsbot/bot"
)

// Article text, a model's answer and file names reach the terminal, and
// a terminal obeys control characters. So whatever newsbot prints goes
// through plainWriter, which drops them (bot.PlainBytes says which). Only
// the line editor and the progress bar, which draw with escapes of their
// own, write to the terminal directly.

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
	if _, err := p.w.Write(bot.PlainBytes(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// writeJSON writes v as JSON (indented when indent is set) and a newline.
// Control characters are dropped, escaped or not (bot.PlainJSON).
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
	_, err := w.Write(bot.PlainJSON(buf.Bytes()))
	return err
}
