package bot_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
)

// controls finds what Plain must drop: control characters other than
// newline and tab, and bidirectional embeddings, overrides and isolates.
var controls = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")

func TestPlain(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, kept as is\n\twith a tab", "plain text, kept as is\n\twith a tab"},
		{"retitle\x1b]0;PWNED\x07 and clear\x1b[2J", "retitle]0;PWNED and clear[2J"},
		{"C1\u009b31m and DEL\x7f", "C131m and DEL"},
		{"line\r\nnext\rsame", "line\nnextsame"},
		{"vertical\vtab and form\ffeed", "vertical tab and form feed"},
		{"invoice\u202etxt.exe", "invoicetxt.exe"},
		{"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069isolated", "isolated"},
		{"kept: é, ‘quotes’, \u200f mark, \u2028 separator, \u2070", "kept: é, ‘quotes’, \u200f mark, \u2028 separator, \u2070"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := bot.Plain(tc.in); got != tc.want {
			t.Errorf("Plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(bot.PlainBytes([]byte(tc.in))); got != tc.want {
			t.Errorf("PlainBytes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPlainJSON(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"a":"x\u001b[2Jy\u0007"}`, `{"a":"x[2Jy"}`},
		{`{"a":"line\nnext\ttab\r\n"}`, `{"a":"line\nnext\ttab\n"}`},
		{`{"a":"kept \\u001b and \u00e9 and \u2028 and \u003c"}`, `{"a":"kept \\u001b and \u00e9 and \u2028 and \u003c"}`},
		{`{"a":"\b\f\u009b\u007f"}`, `{"a":""}`},
		{`{"a":"bidi \u202E escaped \u2066 and raw ` + "\u202e\u2069" + `"}`, `{"a":"bidi  escaped  and raw "}`},
		{`{"a":"raw C1 ` + "\u0085\u009b" + `"}`, `{"a":"raw C1 "}`},
	} {
		if got := string(bot.PlainJSON([]byte(tc.in))); got != tc.want {
			t.Errorf("PlainJSON(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestAnswerPlain(t *testing.T) {
	a := bot.Answer{
		Question: "who\x1b[2J?", Text: "Quist [1]\u202e.", Note: "note\x07",
		Citations: []bot.Citation{{N: 1, Source: "a\u2066.txt", Title: "T\x1b]0;x\x07", Quote: "q\u009b", URL: "/u\x1b"}},
	}
	p := a.Plain()
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if m := controls.FindString(string(data)); m != "" || strings.Contains(string(data), `\u00`) {
		t.Errorf("plain answer %s holds a control character", data)
	}
	if a.Citations[0].Source != "a\u2066.txt" {
		t.Errorf("Plain changed the answer it was given: %q", a.Citations[0].Source)
	}
}

// FuzzPlain: whatever the text, Plain leaves valid UTF-8 without control
// characters, with the same line breaks, and changes plain text not at
// all.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b]0;x\x07\n\u202e\r\n\xc2", "\u009b\u2069\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := bot.Plain(s)
		if !utf8.ValidString(got) || controls.MatchString(got) {
			t.Fatalf("Plain(%q) = %q", s, got)
		}
		if strings.Count(got, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Plain(%q) = %q: line breaks changed", s, got)
		}
		if utf8.ValidString(s) && !controls.MatchString(s) && got != s {
			t.Fatalf("Plain(%q) = %q, want it unchanged", s, got)
		}
	})
}
