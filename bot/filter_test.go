package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2009", "2009-01-01"},
		{"2009-06", "2009-06-01"},
		{"2009-06-13", "2009-06-13"},
		{" 2009/06/13 ", "2009-06-13"},
	}
	for _, tt := range tests {
		got, err := bot.ParseDate(tt.in)
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "June 2009", "2009-13", "09", "2009-06-31"} {
		if _, err := bot.ParseDate(bad); err == nil || !strings.Contains(err.Error(), "2009-06-13") {
			t.Errorf("ParseDate(%q) error %v, want one showing the accepted forms", bad, err)
		}
	}
}

func TestFilterWhy(t *testing.T) {
	d := func(s string) time.Time { t, _ := bot.ParseDate(s); return t }
	dated := []retrieval.ArticleInfo{
		{Source: "reuters/a.txt", Date: d("2008-02-22")},
		{Source: "reuters/b.txt", Date: d("2009-06-13")},
		{Source: "ap/c.txt"},
	}
	undated := []retrieval.ArticleInfo{{Source: "a.txt"}, {Source: "b.txt"}}
	tests := []struct {
		name     string
		f        bot.Filter
		articles []retrieval.ArticleInfo
		want     string // "" when something passes
	}{
		{"passes", bot.Filter{Source: "reuters", After: d("2009")}, dated, ""},
		{"no file", bot.Filter{Source: "afp"}, dated, `No article's file name matches "afp".`},
		{"no dates", bot.Filter{After: d("2009")}, undated, "No article has a date, so none can be dated 2009-01-01 or later; dates come from front matter"},
		{"out of range", bot.Filter{Before: d("2008")}, dated, "No article is dated before 2008-01-01: the dated ones run from 2008-02-22 to 2009-06-13."},
		{"source and dates", bot.Filter{Source: "ap/", After: d("2009-06")}, dated, `No article matching "ap/" has a date`},
	}
	for _, tt := range tests {
		got := tt.f.Why(tt.articles)
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: Why = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A conversation's filter narrows what its questions are answered from;
// one that leaves nothing says why instead of a bare refusal.
func TestConversationFilter(t *testing.T) {
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		"2008-02-22-ferry.txt": "Ferry strike\n\nHALIFAX (CP) - Ferry workers walked off the job on Monday over pay.\n",
		"2009-06-13-ferry.txt": "Ferry strike ends\n\nHALIFAX (CP) - Ferry workers went back to work on Friday after a deal on pay.\n",
	})
	b := bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{}), bot.Options{Corpus: corpus})
	conv := bot.NewConversation(4)
	after, _ := bot.ParseDate("2009")
	conv.SetFilter(bot.Filter{After: after})
	a, err := b.Ask(context.Background(), conv, "What did the ferry workers do?", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Citations {
		if c.Source != "2009-06-13-ferry.txt" {
			t.Errorf("cited %s, want only the 2009 article", c.Source)
		}
	}
	conv.SetFilter(bot.Filter{Source: "*.pdf"})
	a, err = b.Ask(context.Background(), conv, "What did the ferry workers do?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Refused || a.Note != `No article's file name matches "*.pdf".` {
		t.Errorf("answer %q (refused %v, note %q), want a refusal saying no file matches", a.Text, a.Refused, a.Note)
	}
	if out := bot.FormatAnswer(a); !strings.Contains(out, "*.pdf") {
		t.Errorf("formatted refusal %q does not say why", out)
	}
}
