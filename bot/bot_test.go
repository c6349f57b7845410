package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/bot/llm"
	"github.com/newsbot/newsbot/bot/llm/llmtest"
	"github.com/newsbot/newsbot/retrieval/pdftest"
)

func TestBotFallsBackToExtractiveWhenTheModelFails(t *testing.T) {
	model, srv := newFakeLLM(t, llm.Options{MaxRetries: 2}, llmtest.Reply{Status: 500})
	ext := extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)})
	b := bot.New(bottest.Index(t, seedDir), model, bot.Options{Fallback: ext, Rewriter: model, Corpus: seedDir})
	if b.Mode() != bot.ModeLLM {
		t.Errorf("Mode() = %q, want %q", b.Mode(), bot.ModeLLM)
	}
	a, err := b.Ask(context.Background(), nil, "Who is the NATO spokesperson?", nil)
	if err != nil {
		t.Fatalf("Ask error %v, want the extractive answer", err)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("model requests = %d, want 3 (1 + 2 retries)", n)
	}
	if want := "Model unavailable (HTTP 500); quoting the coverage."; a.Note != want {
		t.Errorf("note %q, want %q: one line with the reason", a.Note, want)
	}
	if a.Mode != bot.ModeExtractive || !strings.Contains(a.Text, "Appathurai") || a.Note == "" {
		t.Errorf("fallback answer = mode %q, text %q, note %q; want an extractive answer naming Appathurai with a note", a.Mode, a.Text, a.Note)
	}
}

func TestBotLLMAnswerIsVerifiedAndRenumbered(t *testing.T) {
	// The model cites passages by their numbers in the prompt; the bot
	// keeps the cited ones, renumbered, with quotes found in the files.
	model, srv := newFakeLLM(t, llm.Options{}, llmtest.Reply{Chunks: []string{"NATO's spokesperson is James Appathurai [3]", " according to CTV [3][42]."}})
	b := bot.New(bottest.Index(t, seedDir), model, bot.Options{Fallback: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), Corpus: seedDir})
	var streamed strings.Builder
	a, err := b.Ask(context.Background(), nil, "Who is the NATO spokesperson?", func(s string) { streamed.WriteString(s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(srv.Requests()) != 1 || streamed.Len() == 0 {
		t.Errorf("requests %d, streamed %q; want one streamed request", len(srv.Requests()), streamed.String())
	}
	if a.Mode != bot.ModeLLM || strings.Contains(a.Text, "[42]") || strings.Contains(a.Text, "[3]") || !strings.Contains(a.Text, "[1]") {
		t.Errorf("answer = %q (mode %s), want [3] renumbered to [1] and [42] dropped", a.Text, a.Mode)
	}
	if len(a.Citations) != 1 {
		t.Fatalf("citations = %+v, want one", a.Citations)
	}
	c := a.Citations[0]
	at, cols, ok := bot.Locate(readLines(t, seedDir+"/"+c.Source), c.Quote, c.Lines[0])
	if !ok || at != c.Lines || cols != c.Columns {
		t.Errorf("citation %+v: quote found at %v columns %v (%v), want at its lines and columns", c, at, cols, ok)
	}
}

func TestBotFollowUpCarriesTheTopic(t *testing.T) {
	b := bot.New(bottest.Index(t, seedDir), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: seedDir})
	conv := bot.NewConversation(4)
	ctx := context.Background()
	if _, err := b.Ask(ctx, conv, "Who is the NATO spokesperson?", nil); err != nil {
		t.Fatal(err)
	}
	a, err := b.Ask(ctx, conv, "And what did France say?", nil)
	if err != nil {
		t.Fatal(err)
	}
	h := conv.History()
	if len(h) != 2 || !strings.Contains(h[1].Standalone, "NATO") || !strings.Contains(h[1].Standalone, "France") {
		t.Errorf("standalone follow-up = %q, want France plus the earlier topic (NATO)", h[len(h)-1].Standalone)
	}
	if a.Refused || !strings.Contains(a.Text, "France") && !strings.Contains(a.Text, "French") {
		t.Errorf("follow-up answer = %q, want one about France", a.Text)
	}
	if conv.Last() == nil || conv.Last().Text != a.Text {
		t.Errorf("Conversation.Last() is not the last answer")
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

const seedDir = "../seeds"

// newFakeLLM returns the model answerer talking to a fake OpenAI server
// with the real go-openai client.
func newFakeLLM(t *testing.T, opt llm.Options, replies ...llmtest.Reply) (*llm.Answerer, *llmtest.Server) {
	t.Helper()
	srv := llmtest.NewServer(t, replies...)
	opt.Model = "test-model"
	opt.BaseBackoff = time.Millisecond
	return llm.New(llm.NewOpenAIClient(srv.ClientConfig()), opt), srv
}

// Quotes are checked against the article's text, so a quote from an HTML
// article (markup removed, entities decoded) is found at its line, with
// the columns of the text shown for that line.
func TestBotChecksQuotesOfHTMLArticles(t *testing.T) {
	corpus := t.TempDir()
	page := "<html><head><title>Ferry strike ends</title></head><body>\n<article><h1>Ferry strike ends</h1>\n" +
		"<p>The strike began in May.</p><p>Workers at Smith &amp; Sons went back on Monday after a strike that lasted two weeks.</p>\n" +
		"<p>The union said pay talks would resume in March.</p>\n</article></body></html>\n"
	if err := os.WriteFile(corpus+"/ferry.html", []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	b := bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
	a, err := b.Ask(context.Background(), nil, "When did the workers at Smith & Sons go back?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Note != "" || len(a.Citations) == 0 {
		t.Fatalf("answer %q, note %q, citations %+v; want a checked citation", a.Text, a.Note, a.Citations)
	}
	c := a.Citations[0]
	const quote = "Workers at Smith & Sons went back on Monday after a strike that lasted two weeks."
	if c.Quote != quote || c.Lines != [2]int{3, 3} || c.Columns != [2]int{26, 26 + len(quote) - 1} {
		t.Errorf("citation %+v, want %q at line 3, columns 26-%d", c, quote, 26+len(quote)-1)
	}
}

func TestBotCitesPDFByPageAndLine(t *testing.T) {
	dir := t.TempDir()
	doc := pdftest.Doc{Pages: [][]string{
		{"The city council met on Monday to discuss the harbour.", "Nothing was decided about the bridge."},
		{"Harbour master Ingrid Solberg said the bridge will close", "for repairs in May 2009."},
	}}
	if err := os.WriteFile(filepath.Join(dir, "report.pdf"), doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b := bot.New(bottest.Index(t, dir), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: dir})
	a, err := b.Ask(context.Background(), nil, "Who is the harbour master?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 {
		t.Fatalf("answer %q cites nothing", a.Text)
	}
	c := a.Citations[0]
	if c.Page != 2 || c.Lines != [2]int{1, 2} || c.Label() != "report.pdf:p2:1-2" {
		t.Errorf("citation %+v (label %s), want report.pdf:p2:1-2", c, c.Label())
	}
	if a.Note != "" {
		t.Errorf("note %q: the quote should check against the PDF's text", a.Note)
	}
	if src := bot.FormatSources(a); !strings.Contains(src, "[1] report.pdf:p2:1-2") || !strings.Contains(src, "Ingrid Solberg") {
		t.Errorf("sources:\n%s\nwant the page citation and its passage", src)
	}
}

// TestBotModelBudgetCoversRewriteAndAnswer asks a follow-up of a model
// that never answers, whose own time limits are an hour: the question's
// one budget, spent by the rewrite, also ends the answer, and the coverage
// is quoted with the reason.
func TestBotModelBudgetCoversRewriteAndAnswer(t *testing.T) {
	model, srv := newFakeLLM(t, llm.Options{Timeout: time.Hour, RewriteTimeout: time.Hour, MaxRetries: 3}, llmtest.Reply{Hang: true})
	b := bot.New(bottest.Index(t, seedDir), model, bot.Options{
		Fallback: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), Rewriter: model, Corpus: seedDir,
		// Long enough for the requests to reach the server on a loaded
		// machine: the model never answers, so the budget is what ends it.
		ModelBudget: 1500 * time.Millisecond,
	})
	conv := bot.NewConversation(4)
	for _, q := range []string{"Who is the NATO spokesperson?", "And what did he say about Canada?"} {
		before := len(srv.Requests())
		a, err := b.Ask(t.Context(), conv, q, nil)
		if err != nil {
			t.Fatalf("Ask(%q) error %v, want the extractive answer", q, err)
		}
		if want := "Model unavailable (timed out); quoting the coverage."; a.Mode != bot.ModeExtractive || a.Note != want {
			t.Errorf("Ask(%q) = mode %q, note %q; want extractive with %q", q, a.Mode, a.Note, want)
		}
		if n := len(srv.Requests()) - before; n < 1 || n > 2 {
			t.Errorf("Ask(%q) made %d model requests, want the rewrite's and at most one answer attempt", q, n)
		}
	}
}

// TestBotCorrectsNamesTypedInLowerCase: a question typed as chat is, all in
// lower case, still finds a misspelt name, whichever answerer knows English
// words (the extractive one, here as the model's fallback).
func TestBotCorrectsNamesTypedInLowerCase(t *testing.T) {
	model, _ := newFakeLLM(t, llm.Options{MaxRetries: -1}, llmtest.Reply{Status: 500})
	for _, tt := range []struct {
		name    string
		primary bot.Answerer
		opt     bot.Options
	}{
		{"extractive", extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: seedDir}},
		{"model with extractive fallback", model, bot.Options{Fallback: extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), Corpus: seedDir}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := bot.New(bottest.Index(t, seedDir), tt.primary, tt.opt)
			a, err := b.Ask(context.Background(), nil, "wat did harpr say", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Refused || !strings.Contains(a.Text, "Harper") || !strings.Contains(a.Note, `"harpr" as "harper"`) {
				t.Errorf("Ask(wat did harpr say) = %q (note %q), want Harper's words read from \"harpr\"", a.Text, a.Note)
			}
		})
	}
}
