package bot

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestBotFallsBackToExtractiveWhenTheModelFails(t *testing.T) {
	llm, model, _ := newFakeLLM(t, LLMOptions{MaxRetries: 2}, reply{status: 500})
	ext := NewExtractive(ExtractiveOptions{})
	b := New(openIndex(t, seedDir), llm, Options{Fallback: ext, Rewriter: llm, Corpus: seedDir})
	if b.Mode() != ModeLLM {
		t.Errorf("Mode() = %q, want %q", b.Mode(), ModeLLM)
	}
	a, err := b.Ask(context.Background(), nil, "Who is the NATO spokesperson?", nil)
	if err != nil {
		t.Fatalf("Ask error %v, want the extractive answer", err)
	}
	if n := len(model.requests()); n != 3 {
		t.Errorf("model requests = %d, want 3 (1 + 2 retries)", n)
	}
	if a.Mode != ModeExtractive || !strings.Contains(a.Text, "Appathurai") || a.Note == "" {
		t.Errorf("fallback answer = mode %q, text %q, note %q; want an extractive answer naming Appathurai with a note", a.Mode, a.Text, a.Note)
	}
}

func TestBotLLMAnswerIsVerifiedAndRenumbered(t *testing.T) {
	// The model cites passages by their numbers in the prompt; the bot
	// keeps the cited ones, renumbered, with quotes found in the files.
	llm, model, _ := newFakeLLM(t, LLMOptions{}, reply{chunks: []string{"NATO's spokesperson is James Appathurai [3]", " according to CTV [3][42]."}})
	b := New(openIndex(t, seedDir), llm, Options{Fallback: NewExtractive(ExtractiveOptions{}), Corpus: seedDir})
	var streamed strings.Builder
	a, err := b.Ask(context.Background(), nil, "Who is the NATO spokesperson?", func(s string) { streamed.WriteString(s) })
	if err != nil {
		t.Fatal(err)
	}
	if len(model.requests()) != 1 || streamed.Len() == 0 {
		t.Errorf("requests %d, streamed %q; want one streamed request", len(model.requests()), streamed.String())
	}
	if a.Mode != ModeLLM || strings.Contains(a.Text, "[42]") || strings.Contains(a.Text, "[3]") || !strings.Contains(a.Text, "[1]") {
		t.Errorf("answer = %q (mode %s), want [3] renumbered to [1] and [42] dropped", a.Text, a.Mode)
	}
	if len(a.Citations) != 1 {
		t.Fatalf("citations = %+v, want one", a.Citations)
	}
	c := a.Citations[0]
	first, last, ok := locate(readLines(t, seedDir+"/"+c.Source), c.Quote, c.Lines[0])
	if !ok || first != c.Lines[0] || last != c.Lines[1] {
		t.Errorf("citation %+v: quote found at %d-%d (%v), want at its lines", c, first, last, ok)
	}
}

func TestBotFollowUpCarriesTheTopic(t *testing.T) {
	b := offlineBot(t, seedDir)
	conv := NewConversation(4)
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

func TestIsFollowUp(t *testing.T) {
	cases := []struct {
		q    string
		want bool
	}{
		{"And what did France say?", true},
		{"What about Germany?", true},
		{"When did he say that?", true},
		{"Why?", true},
		{"Who is the NATO spokesperson?", false},
		{"How many troops does Canada want from its NATO allies?", false},
	}
	for _, c := range cases {
		if got := isFollowUp(c.q); got != c.want {
			t.Errorf("isFollowUp(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestLocate(t *testing.T) {
	lines := []string{"Title", "", "The first sentence. The second", "sentence spans lines.", "The first sentence."}
	cases := []struct {
		quote       string
		near        int
		first, last int
		ok          bool
	}{
		{"The second sentence spans lines.", 1, 3, 4, true},
		{"The first sentence.", 1, 3, 3, true},
		{"The first sentence.", 5, 5, 5, true},
		{"Not there.", 1, 0, 0, false},
		{"", 1, 0, 0, false},
	}
	for _, c := range cases {
		first, last, ok := locate(lines, c.quote, c.near)
		if first != c.first || last != c.last || ok != c.ok {
			t.Errorf("locate(%q, near %d) = %d, %d, %v; want %d, %d, %v", c.quote, c.near, first, last, ok, c.first, c.last, c.ok)
		}
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

func TestExtractiveNamesFromTheFileName(t *testing.T) {
	// Archives often name a file for its speaker: the speaker's name in
	// the question is then evidence, though the text never says it.
	text := "I now respectfully recall your attention to what may be called compensated emancipation. If the plan shall be adopted, it is assumed that emancipation will follow, at least in several of the States."
	p := retrieval.Result{Chunk: retrieval.Chunk{ID: "x#0", Source: "1862_abraham_lincoln_r.txt", Title: "Annual message", FirstLine: 1, LastLine: 1, Text: text}}
	ext := NewExtractive(ExtractiveOptions{})
	cases := []struct {
		question string
		refused  bool
	}{
		{"What did Lincoln say about emancipation?", false},
		{"What did Jefferson say about emancipation?", true},
	}
	for _, c := range cases {
		a, err := ext.Answer(context.Background(), Request{Question: c.question, Passages: []retrieval.Result{p}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Refused != c.refused {
			t.Errorf("Answer(%q) refused = %v, want %v: %q", c.question, a.Refused, c.refused, a.Text)
		}
	}
}
