package bot

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/newsbot/newsbot/retrieval"
)

// Bot answers questions: it rewrites follow-ups, searches, answers with
// the primary answerer and falls back to the extractive one.
type Bot struct {
	search   Searcher
	primary  Answerer // the LLM when one is configured, else the extractive answerer
	fallback Answerer // extractive; nil when primary is already extractive
	rewriter Rewriter // nil: heuristic rewriting
	log      *slog.Logger
	k        int
}

// Options configure a Bot.
type Options struct {
	K        int      // passages retrieved per question (default 6)
	Fallback Answerer // used when Primary fails; nil for none
	Rewriter Rewriter // follow-up rewriting; nil for the offline heuristic
	Logger   *slog.Logger
}

// New returns a Bot that searches s and answers with primary.
func New(s Searcher, primary Answerer, opt Options) *Bot {
	if opt.K <= 0 {
		opt.K = 6
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Bot{search: s, primary: primary, fallback: opt.Fallback, rewriter: opt.Rewriter, log: opt.Logger, k: opt.K}
}

// Ask answers question within conv (which may be nil for a one-off
// question). onToken, when non-nil, receives streamed answer text.
func (b *Bot) Ask(ctx context.Context, conv *Conversation, question string, onToken func(string)) (Answer, error) {
	var history []Turn
	if conv != nil {
		history = conv.History()
	}
	standalone := question // TODO(lead): follow-up rewriting
	passages, err := b.search.Search(ctx, standalone, retrieval.SearchOptions{K: b.k})
	if err != nil {
		return Answer{}, fmt.Errorf("searching the coverage: %w", err)
	}
	req := Request{Question: question, Standalone: standalone, History: history, Passages: passages, OnToken: onToken}
	a, err := b.primary.Answer(ctx, req)
	if err != nil {
		if b.fallback == nil || ctx.Err() != nil {
			return Answer{}, err
		}
		b.log.Warn("model unavailable, answering extractively", "err", err)
		req.OnToken = nil
		a, err = b.fallback.Answer(ctx, req)
		if err != nil {
			return Answer{}, err
		}
		a.Note = "The language model is unavailable, so this answer quotes the coverage directly."
	}
	a.Question = question
	if conv != nil {
		conv.Add(Turn{Question: question, Standalone: standalone, Answer: a.Text}, &a)
	}
	return a, nil
}
