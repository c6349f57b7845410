package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/newsbot/newsbot/retrieval"
)

// Bot answers questions: it rewrites follow-ups, searches, answers with
// the primary answerer, falls back to the extractive one when the primary
// fails, and checks every quote against the source files.
type Bot struct {
	search   Searcher
	primary  Answerer   // the LLM when one is configured, else the extractive answerer
	fallback Answerer   // extractive; nil when primary is already extractive
	rewriter Rewriter   // nil: heuristic rewriting
	library  Library    // nil: questions about the whole coverage are searched like others
	speller  Speller    // nil: no spelling correction
	dict     Dictionary // nil: lower-case words are never taken for misspelt names
	link     func(Citation) string
	budget   time.Duration // Options.ModelBudget
	log      *slog.Logger
	k        int
	corpus   string
}

// DefaultK is how many passages a question retrieves by default: enough
// that the answerer, which weighs sentences itself, is not at the mercy of
// a paraphrase the search ranks low.
const DefaultK = 8

// Options configure a Bot.
type Options struct {
	K        int      // passages retrieved per question (default DefaultK)
	Fallback Answerer // used when the primary answerer fails; nil for none
	Rewriter Rewriter // follow-up rewriting; nil for the offline heuristic
	Corpus   string   // folder the sources are relative to, for checking quotes; "" skips the check
	// Link, when set, gives each checked citation its Citation.URL: where
	// a reader can open the article with the quote marked.
	Link func(Citation) string
	// ModelBudget, when positive, bounds all the time one question may
	// spend on the model, the rewriting of a follow-up and the answer
	// together: when it runs out the answer quotes the coverage instead.
	ModelBudget time.Duration
	Logger      *slog.Logger
}

// New returns a Bot that searches s and answers with primary.
func New(s Searcher, primary Answerer, opt Options) *Bot {
	if opt.K <= 0 {
		opt.K = DefaultK
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	b := &Bot{search: s, primary: primary, fallback: opt.Fallback, rewriter: opt.Rewriter, link: opt.Link, budget: opt.ModelBudget, log: opt.Logger, k: opt.K, corpus: opt.Corpus}
	// An index lists its articles and knows its words; another searcher
	// may not.
	b.library, _ = s.(Library)
	b.speller, _ = s.(Speller)
	// An answerer that knows English words tells a rightly spelt word
	// ("start") from a name typed in lower case ("harpr").
	for _, a := range []Answerer{primary, opt.Fallback} {
		if d, ok := a.(Dictionary); ok && b.dict == nil {
			b.dict = d
		}
	}
	return b
}

// Mode returns the mode of the primary answerer.
func (b *Bot) Mode() string {
	if b.fallback != nil {
		return ModeLLM
	}
	return ModeExtractive
}

// Ask answers question within conv (which may be nil for a one-off
// question). onToken, when non-nil, receives streamed answer text.
func (b *Bot) Ask(ctx context.Context, conv *Conversation, question string, onToken func(string)) (Answer, error) {
	question = strings.TrimSpace(question)
	if b.budget > 0 {
		ctx = context.WithValue(ctx, deadlineKey{}, time.Now().Add(b.budget))
	}
	sp := spelling{sure: question, guess: question}
	if b.speller != nil && !b.speller.Knows(question) {
		sp = spell(b.speller.Vocabulary(), b.dict, question)
	}
	a, err := b.ask(ctx, conv, sp.sure, onToken)
	fixes := sp.sureFixes
	if err == nil && a.Refused && sp.guess != sp.sure {
		// Words the coverage lacks may be misspelt after all.
		if g, err := b.ask(ctx, conv, sp.guess, onToken); err == nil && !g.Refused {
			a, fixes = g, sp.allFixes
		}
	}
	if err != nil {
		return Answer{}, err
	}
	return withSpelling(a, question, fixes, sp.suggest), nil
}

// ask answers question, as spelt, within conv.
func (b *Bot) ask(ctx context.Context, conv *Conversation, question string, onToken func(string)) (Answer, error) {
	if kind, topic := coverageQuestion(question, b.words()); kind != CoverageNone && b.library != nil {
		return b.askCoverage(ctx, conv, question, kind, topic, onToken)
	}
	var history []Turn
	var filter Filter
	if conv != nil {
		history, filter = conv.History(), conv.Filter()
	}
	standalone := b.standalone(ctx, history, question)
	passages, err := b.search.Search(ctx, standalone, filter.SearchOptions(b.k))
	if err != nil {
		return Answer{}, fmt.Errorf("searching the coverage: %w", err)
	}
	if lister, ok := b.search.(articleLister); ok && len(passages) == 0 && !filter.IsZero() {
		if why := filter.Why(lister.Articles()); why != "" {
			a := Answer{Text: RefusalText, Refused: true, Mode: ModeExtractive, Note: why}
			return b.finish(conv, question, standalone, a), nil
		}
	}
	req := Request{Question: question, Standalone: standalone, History: history, Passages: passages, OnToken: onToken}
	if as, ok := b.search.(Associator); ok {
		req.Associations = as.Associations()
	}
	a, err := b.answerWith(ctx, req)
	if err != nil {
		return Answer{}, err
	}
	return b.finish(conv, question, standalone, a), nil
}

// answerWith answers req with the primary answerer, falling back to the
// extractive one when the primary fails, or is cut off (WithModelCutoff).
func (b *Bot) answerWith(ctx context.Context, req Request) (Answer, error) {
	mctx, cancel := modelContext(ctx)
	a, err := b.primary.Answer(mctx, req)
	cutoff := errors.Is(context.Cause(mctx), errModelCutoff)
	cancel()
	if err != nil {
		if b.fallback == nil || ctx.Err() != nil {
			return Answer{}, err
		}
		b.log.Warn("model unavailable, answering extractively", "err", err)
		why := failureReason(err)
		if cutoff {
			why = errModelCutoff.Error()
		}
		req.OnToken = nil
		a, err = b.fallback.Answer(ctx, req)
		if err != nil {
			return Answer{}, err
		}
		a.Note = fmt.Sprintf("Model unavailable (%s); quoting the coverage.", why)
	}
	if a.Passages == nil {
		a.Passages = req.Passages
	}
	return a, nil
}

type (
	cutoffKey   struct{}
	deadlineKey struct{} // when the model's budget for the question runs out
)

// WithModelCutoff returns a context for Ask under which the language
// model (the primary answerer and the follow-up rewriter) is given up
// when cutoff is closed, while the rest of the answer still runs under
// ctx: an answer waiting on the model then gets the extractive one, with
// its usual note. A front end shutting down closes cutoff so that the
// answers in flight are still given within its grace period.
func WithModelCutoff(ctx context.Context, cutoff <-chan struct{}) context.Context {
	return context.WithValue(ctx, cutoffKey{}, cutoff)
}

// modelContext is ctx for a call to the model: it also ends when the
// question's model budget runs out, and at the cutoff of WithModelCutoff.
func modelContext(ctx context.Context) (context.Context, context.CancelFunc) {
	mctx, cancel := context.WithCancelCause(ctx)
	stop := context.CancelFunc(func() {})
	if dl, ok := ctx.Value(deadlineKey{}).(time.Time); ok {
		mctx, stop = context.WithDeadline(mctx, dl)
	}
	if cutoff, _ := ctx.Value(cutoffKey{}).(<-chan struct{}); cutoff != nil {
		go func() {
			select {
			case <-cutoff:
				cancel(errModelCutoff)
			case <-mctx.Done():
			}
		}()
	}
	return mctx, func() { stop(); cancel(nil) }
}

// errModelCutoff is why a model cut off by WithModelCutoff failed.
var errModelCutoff = errors.New("the bot is shutting down")

// finish checks a's citations and records the turn in conv.
func (b *Bot) finish(conv *Conversation, question, standalone string, a Answer) Answer {
	a.Question = question
	if a.Citations == nil {
		a.Citations = []Citation{}
	}
	b.verify(&a)
	if b.link != nil {
		for i := range a.Citations {
			a.Citations[i].URL = b.link(a.Citations[i])
		}
	}
	if conv != nil {
		conv.Add(Turn{Question: question, Standalone: standalone, Answer: a.Text}, &a)
	}
	return a
}

// withSpelling tells the reader how the question was read when its
// spelling was corrected, and suggests the nearest names of the coverage
// when a question it could not answer has a word the coverage lacks.
func withSpelling(a Answer, asked string, fixes []correction, suggest []string) Answer {
	a.Question = asked
	if len(fixes) > 0 {
		var parts []string
		for _, f := range fixes {
			parts = append(parts, fmt.Sprintf("%q as %q", f.from, f.to))
		}
		note := "Read " + strings.Join(parts, ", ") + "."
		if a.Note != "" {
			note += " " + a.Note
		}
		a.Note = note
	}
	if a.Refused && len(suggest) > 0 {
		a.Text = strings.TrimSpace(a.Text) + " Did you mean " + strings.Join(suggest, " or ") + "?"
	}
	return a
}

// standalone rewrites a follow-up into a question that can be searched
// on its own: with the model when there is one, else by carrying over the
// names and topic of the previous question.
func (b *Bot) standalone(ctx context.Context, history []Turn, question string) string {
	if len(history) == 0 || !isFollowUp(question, b.words()) {
		return question
	}
	if b.rewriter != nil {
		mctx, cancel := modelContext(ctx)
		q, err := b.rewriter.Rewrite(mctx, history, question)
		cancel()
		if err == nil && strings.TrimSpace(q) != "" {
			return strings.TrimSpace(q)
		}
		b.log.Warn("rewriting follow-up", "err", err)
	}
	return carryOver(history[len(history)-1].Standalone, question)
}

// isFollowUp guesses whether question depends on earlier turns: it opens
// like a follow-up ("And ...", "What about ..."), or it leans on a pronoun
// or is very short without naming anything of its own.
func isFollowUp(question string, wr WordRelations) bool {
	if kind, _ := coverageQuestion(question, wr); kind != CoverageNone {
		return false // about the whole coverage: nothing to carry over
	}
	q := strings.ToLower(strings.TrimSpace(question))
	for _, s := range []string{"and ", "and,", "but ", "what about", "how about", "also", "then ", "so "} {
		if strings.HasPrefix(q, s) {
			return true
		}
	}
	if namesSomething(question) {
		return false
	}
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		switch w {
		case "he", "she", "they", "it", "its", "his", "her", "their", "them", "that", "this", "those", "these", "there", "him":
			return true
		}
	}
	return len(retrieval.Terms(question)) <= 2
}

// namesSomething reports whether question has a proper noun or acronym:
// a capitalised word after the first, or a word in capitals.
func namesSomething(question string) bool {
	for i, w := range strings.Fields(question) {
		w = strings.Trim(w, `?!.,;:"'()“”‘’`)
		if w == "" {
			continue
		}
		r := []rune(w)
		if len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) {
			return true
		}
		if i > 0 && unicode.IsUpper(r[0]) {
			return true
		}
	}
	return false
}

// carryOver appends to question the terms of prev that it lacks, so a
// search for "And what did France say?" still finds the earlier topic.
func carryOver(prev, question string) string {
	have := make(map[string]bool)
	for _, t := range retrieval.Terms(question) {
		have[t] = true
	}
	var extra []string
	for _, w := range strings.Fields(prev) {
		w = strings.Trim(w, `?!.,;:"'()“”‘’`)
		ts := retrieval.Terms(w)
		if len(ts) == 0 || have[ts[0]] || isQuestionWord(w) {
			continue
		}
		have[ts[0]] = true
		extra = append(extra, w)
	}
	if len(extra) == 0 {
		return question
	}
	return question + " (" + strings.Join(extra, " ") + ")"
}

func isQuestionWord(w string) bool {
	switch strings.ToLower(w) {
	case "who", "what", "when", "where", "why", "how", "which", "whom", "whose", "many", "much", "did", "does", "do", "is", "are", "was", "were":
		return true
	}
	return false
}

// statusRe finds the HTTP status in an API client's error message.
var statusRe = regexp.MustCompile(`status code: (\d{3})`)

// failureReason says in a few words why a request to the model failed,
// for a reader: "HTTP 503", "connection refused", "timed out". The full
// error goes to the log.
func failureReason(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "Client.Timeout") || strings.Contains(msg, "deadline exceeded"):
		return "timed out"
	case statusRe.MatchString(msg):
		return "HTTP " + statusRe.FindStringSubmatch(msg)[1]
	}
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	if r := []rune(msg); len(r) > 60 {
		msg = string(r[:60]) + "…"
	}
	return msg
}
