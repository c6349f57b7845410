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
	b := bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
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

// Questions about the whole coverage (a summary, the list, who is quoted,
// a timeline) draw only on the articles the conversation's filter keeps,
// and say why when it keeps none.
func TestCoverageQuestionsFilter(t *testing.T) {
	corpus := t.TempDir()
	storetest.WriteTree(t, corpus, map[string]string{
		"reuters/2008-02-22-ferry.txt": "Ferry strike begins\n\nHALIFAX (Reuters) - Ferry workers walked off the job on Monday over pay.\n\n" +
			"\"We have waited long enough,\" union leader Dana Ross said.\n",
		"ap/2009-06-13-ferry.txt": "Ferry strike ends\n\nHALIFAX (AP) - Ferry workers went back to work on Friday after a deal on pay.\n\n" +
			"\"The deal is fair,\" transport minister Alan Grey said.\n",
		"ap/2010-01-05-ferry.txt": "Ferry fares rise\n\nHALIFAX (AP) - Ferry fares rose on Tuesday to pay for the strike deal.\n\n" +
			"\"Fares had to rise,\" ferry manager Joan Pike said.\n",
	})
	b := bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
	d := func(s string) time.Time { t, _ := bot.ParseDate(s); return t }
	tests := []struct {
		question string
		filter   bot.Filter
		want     []string // the sources cited, all of them
	}{
		{"Summarize the coverage.", bot.Filter{After: d("2009")}, []string{"ap/2009-06-13-ferry.txt", "ap/2010-01-05-ferry.txt"}},
		{"What articles are in the coverage?", bot.Filter{Before: d("2009-06-13")}, []string{"reuters/2008-02-22-ferry.txt"}},
		{"Who is quoted in these articles?", bot.Filter{Source: "reuters"}, []string{"reuters/2008-02-22-ferry.txt"}},
		{"Give me a timeline of the ferry strike.", bot.Filter{Source: "ap/*"}, []string{"ap/2009-06-13-ferry.txt", "ap/2010-01-05-ferry.txt"}},
		{"When was each article published?", bot.Filter{After: d("2009-06"), Before: d("2010")}, []string{"ap/2009-06-13-ferry.txt"}},
		{"Summarize the coverage.", bot.Filter{}, []string{"ap/2009-06-13-ferry.txt", "ap/2010-01-05-ferry.txt", "reuters/2008-02-22-ferry.txt"}},
	}
	for _, tt := range tests {
		conv := bot.NewConversation(4)
		conv.SetFilter(tt.filter)
		a, err := b.Ask(context.Background(), conv, tt.question, nil)
		if err != nil {
			t.Fatal(err)
		}
		cited := map[string]bool{}
		for _, c := range a.Citations {
			cited[c.Source] = true
		}
		for _, s := range tt.want {
			if !cited[s] {
				t.Errorf("%q under %s: %s not cited; answer %q", tt.question, tt.filter, s, a.Text)
			}
			delete(cited, s)
		}
		for s := range cited {
			t.Errorf("%q under %s: cited %s, which the filter leaves out; answer %q", tt.question, tt.filter, s, a.Text)
		}
		if wantNote := "Filter: " + tt.filter.String() + "."; !tt.filter.IsZero() && a.Note != wantNote {
			t.Errorf("%q under %s: note %q, want %q", tt.question, tt.filter, a.Note, wantNote)
		}
	}

	conv := bot.NewConversation(4)
	conv.SetFilter(bot.Filter{After: d("2011")})
	a, err := b.Ask(context.Background(), conv, "Summarize the coverage.", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "No article is dated 2011-01-01 or later: the dated ones run from 2008-02-22 to 2010-01-05."
	if !a.Refused || a.Note != want || len(a.Citations) != 0 {
		t.Errorf("summary after 2011 = %q (refused %v, note %q), want a refusal saying %q", a.Text, a.Refused, a.Note, want)
	}
}
