package llm

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/llm/llmtest"
)

// fireCorpus is five articles on one fire, dated, from two outlets.
const fireCorpus = "../eval/testdata/dev/fire"

func TestLLMCoverageOneRequest(t *testing.T) {
	l, f, _ := newFakeLLM(t, Options{}, llmtest.Reply{Chunks: []string{
		"The reports differ on the toll: three workers [1], four [2].",
	}})
	b := bot.New(bottest.Index(t, fireCorpus), l, bot.Options{Corpus: fireCorpus})
	a, err := b.Ask(t.Context(), nil, "What do the sources disagree about?", nil)
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.Requests()
	if len(reqs) != 1 {
		t.Fatalf("requests = %d, want 1 (the articles fit)", len(reqs))
	}
	msg := reqs[0].Messages[len(reqs[0].Messages)-1].Content
	for _, want := range []string{
		"The coverage holds 5 articles",
		"[1] source: 2023-05-10-riverton-fire-ledger.txt (lines 1-13) date: 2023-05-10 outlet: Valley Ledger dateline: RIVERTON byline: By Tom Reilly title: Three killed in Riverton chemical plant fire",
		"date: 2024-05-21",
		"Three workers were killed on Tuesday",
		"Twenty-one other workers were taken to hospital",
		"This was not an accident waiting to happen",
		"Question: What do the sources disagree about?",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("request lacks %q:\n%s", want, msg)
		}
	}
	if sys := reqs[0].Messages[0].Content; !strings.Contains(sys, "whole coverage") || !strings.Contains(sys, "which report is newer") {
		t.Errorf("system prompt lacks the coverage rules:\n%s", sys)
	}
	if len(a.Citations) != 2 || a.Citations[0].Source != "2023-05-10-riverton-fire-ledger.txt" || a.Citations[1].Source != "2023-05-10-riverton-fire-wire.txt" {
		t.Fatalf("citations = %+v, want the ledger and the wire story", a.Citations)
	}
	if !strings.Contains(a.Citations[0].Quote, "Three workers were killed") {
		t.Errorf("citation [1] quotes %q, want the sentence on the toll", a.Citations[0].Quote)
	}
	if a.Note != "" {
		t.Errorf("note = %q, want none (every quote checked)", a.Note)
	}
}

func TestLLMCoverageMapReduce(t *testing.T) {
	replies := make([]llmtest.Reply, 0, 6)
	for range 5 {
		replies = append(replies, llmtest.Reply{Chunks: []string{"Fire Chief Dana Okafor is quoted on the blaze."}})
	}
	replies = append(replies, llmtest.Reply{Chunks: []string{"Dana Okafor, the fire chief, is quoted [1]."}})
	// A context too small for five articles at once: each is read alone.
	l, f, _ := newFakeLLM(t, Options{ContextTokens: 1400, MaxTokens: 200}, replies...)
	b := bot.New(bottest.Index(t, fireCorpus), l, bot.Options{Corpus: fireCorpus})
	a, err := b.Ask(t.Context(), nil, "Who is quoted in these articles?", nil)
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.Requests()
	if len(reqs) != 6 {
		t.Fatalf("requests = %d, want 5 (one per article) and 1 to reduce", len(reqs))
	}
	sources := map[string]bool{}
	for _, r := range reqs[:5] {
		msg := r.Messages[1].Content
		if !strings.Contains(r.Messages[0].Content, "take notes") || !strings.Contains(msg, "Question about the whole collection: Who is quoted in these articles?") {
			t.Errorf("map request = %q, want notes asked on the question", msg)
		}
		for _, src := range []string{"ledger", "wire.txt", "wire-update", "inquiry", "fined"} {
			if strings.Contains(msg, src) {
				sources[src] = true
			}
		}
	}
	if len(sources) != 5 {
		t.Errorf("map requests covered %v, want all five articles", sources)
	}
	final := reqs[5].Messages[1].Content
	for _, want := range []string{"notes taken on the question", "date: 2023-06-02", "Fire Chief Dana Okafor is quoted on the blaze.", "Name every person the articles quote"} {
		if !strings.Contains(final, want) {
			t.Errorf("reduce request lacks %q:\n%s", want, final)
		}
	}
	if estimateTokens(final) > 1400 {
		t.Errorf("reduce request of about %d tokens, want it within the context of 1400", estimateTokens(final))
	}
	if len(a.Cited()) != 1 {
		t.Errorf("answer %q cites %d, want 1", a.Text, len(a.Cited()))
	}
}

func TestLLMCoverageBudget(t *testing.T) {
	l, f, _ := newFakeLLM(t, Options{ContextTokens: 1400, MaxTokens: 200, CoverageBudget: 1500}, llmtest.Reply{Chunks: []string{"Okafor [1]."}})
	b := bot.New(bottest.Index(t, fireCorpus), l, bot.Options{Corpus: fireCorpus})
	a, err := b.Ask(t.Context(), nil, "Who is quoted in these articles?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Requests()); n >= 6 {
		t.Errorf("requests = %d, want fewer than 6 within the budget", n)
	}
	if !strings.Contains(a.Note, "of the 5 articles were read") {
		t.Errorf("note = %q, want it to say how many articles were read", a.Note)
	}
}

// A story's summary, an event, a history and who is quoted reach the
// model with every article of it, their dates, an undated copy marked as
// one, and what the answer must hold.
func TestLLMCoverageStories(t *testing.T) {
	const corpus = "../eval/testdata/dev5stories"
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"Summarize the reporting on the fish farm in Brannock Sound.", []string{
			"one line for every article, oldest first, with its date and outlet",
			"date: 2021-05-11", "date: 2025-08-20",
			"source: salmon/brannock-escape-coast-courier.txt", "copy of: salmon/2023-09-18-brannock-escape-wire.txt (date: 2023-09-18)",
		}},
		{"What does the coverage say about the September 2023 escape?", []string{
			"Describe the one event asked about", "source: salmon/2024-02-27-kelderwick-fined.html", "About 52,000 farmed salmon",
		}},
		{"Trace Ingrid Solvik's history with Kelderwick year by year.", []string{
			"one line for each year from every article", "joined Kelderwick in 2015", "date: 2025-08-20",
		}},
		{"Who is quoted in the coverage?", []string{
			"a company or body that said something is not a person", "with the office the articles give them", "an analyst at Arbroath Securities",
		}},
	} {
		t.Run(tt.q, func(t *testing.T) {
			l, f, _ := newFakeLLM(t, Options{}, llmtest.Reply{Chunks: []string{"Kelderwick [1]."}})
			b := bot.New(bottest.Index(t, corpus), l, bot.Options{Corpus: corpus})
			if _, err := b.Ask(t.Context(), nil, tt.q, nil); err != nil {
				t.Fatal(err)
			}
			reqs := f.Requests()
			if len(reqs) == 0 {
				t.Fatal("no request reached the model")
			}
			msg := reqs[len(reqs)-1].Messages[len(reqs[len(reqs)-1].Messages)-1].Content
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("request lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}
