// Package llm answers with an OpenAI-compatible chat model: it sends the
// retrieved passages with the question, streams the answer, keeps only
// citation markers that point at a passage, and rewrites follow-up
// questions so that they stand alone.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"

	openai "github.com/sashabaranov/go-openai"
)

// ErrStreamInterrupted is returned (wrapped) when the model's stream fails
// after some of its text was already given to Request.OnToken. The answer is
// then not retried, so the same text is never streamed twice; whoever showed
// the partial text should replace it with whatever answer comes next.
var ErrStreamInterrupted = errors.New("model stream interrupted after partial output")

// maxWait caps any single wait between attempts, Retry-After included, so a
// user waiting for an answer is never parked for minutes.
const maxWait = 30 * time.Second

// DefaultTimeout is the default budget of one answer: about what a person
// waiting in a chat accepts before the bot quotes the coverage instead.
const DefaultTimeout = 20 * time.Second

// Options configure an Answerer. Zero values pick the defaults.
type Options struct {
	Model       string  // chat model (default "gpt-4o-mini")
	Temperature float32 // sampling temperature; 0 leaves the server default
	MaxTokens   int     // bound on the answer's length in tokens (default 512)
	// Timeout is the whole budget of one Answer, whatever the server
	// does: every attempt, every wait between them and the stream to its
	// last token. When it runs out, Answer fails and the bot quotes the
	// coverage instead (default 20s).
	Timeout        time.Duration
	RewriteTimeout time.Duration // for one Rewrite call (default a quarter of Timeout)
	MaxRetries     int           // retries after the first attempt; 0 means 3, negative means none
	BaseBackoff    time.Duration // delay before the first retry, doubled each time, jittered (default 500ms)
	HistoryTurns   int           // earlier turns sent with a question (default 3)
	// ContextTokens is what one request may hold, rules, articles and
	// answer together (default 16000): a question about the whole
	// coverage sends every article at once when they fit, else notes on
	// each.
	ContextTokens int
	// CoverageBudget bounds the tokens all requests of one answer about
	// the whole coverage may send (default 200000); articles past it are
	// not read, and the answer says so.
	CoverageBudget int
	Logger         *slog.Logger
}

// Answerer answers questions with an OpenAI-compatible chat model, citing the
// retrieved passages, and rewrites follow-up questions. It implements
// Answerer and Rewriter and is safe for concurrent use.
type Answerer struct {
	client *openai.Client
	opt    Options
	log    *slog.Logger
	// sleep waits between attempts; tests replace it to observe the waits.
	sleep func(ctx context.Context, d time.Duration) error
}

// New returns an Answerer that talks to the model through client. Build the
// client with NewOpenAIClient so that Retry-After headers are honoured.
func New(client *openai.Client, opt Options) *Answerer {
	if opt.Model == "" {
		opt.Model = "gpt-4o-mini"
	}
	if opt.MaxTokens <= 0 {
		opt.MaxTokens = 512
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.RewriteTimeout <= 0 {
		opt.RewriteTimeout = opt.Timeout / 4
	}
	switch {
	case opt.MaxRetries == 0:
		opt.MaxRetries = 3
	case opt.MaxRetries < 0:
		opt.MaxRetries = 0
	}
	if opt.BaseBackoff <= 0 {
		opt.BaseBackoff = 500 * time.Millisecond
	}
	if opt.HistoryTurns <= 0 {
		opt.HistoryTurns = 3
	}
	if opt.ContextTokens <= 0 {
		opt.ContextTokens = 16000
	}
	if opt.CoverageBudget <= 0 {
		opt.CoverageBudget = 200000
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Answerer{client: client, opt: opt, log: opt.Logger, sleep: sleepContext}
}

// Answer asks the model to answer req from its passages, streaming the text
// to req.OnToken, then checks and renumbers the citations. The streamed
// text is the model's own, with its original markers; the returned
// Answer.Text, markers checked and renumbered, should replace it. Answer
// returns an error when the model cannot be reached after the allowed
// retries or within Options.Timeout, and one wrapping ErrStreamInterrupted
// when the stream broke (or ran out of time) after text was streamed.
func (l *Answerer) Answer(ctx context.Context, req bot.Request) (bot.Answer, error) {
	// One budget for everything below: a server that hangs before its
	// headers, stalls mid-stream or trickles costs Timeout, not Timeout
	// per attempt.
	ctx, cancel := context.WithTimeout(ctx, l.opt.Timeout)
	defer cancel()
	if req.Coverage != nil && len(req.Coverage.Articles) > 0 {
		return l.answerCoverage(ctx, req)
	}
	if len(req.Passages) == 0 {
		// Nothing to cite: the rules would make the model refuse anyway.
		if req.OnToken != nil {
			req.OnToken(bot.RefusalText)
		}
		return bot.Answer{Question: req.Question, Text: bot.RefusalText, Refused: true, Mode: bot.ModeLLM}, nil
	}
	creq := openai.ChatCompletionRequest{
		Model:               l.opt.Model,
		Messages:            answerMessages(req, l.opt.HistoryTurns),
		MaxCompletionTokens: l.opt.MaxTokens,
		Temperature:         l.opt.Temperature,
	}
	raw, err := l.complete(ctx, creq, req.OnToken)
	if err != nil {
		return bot.Answer{}, fmt.Errorf("asking the model: %w", err)
	}
	return citedAnswer(req, raw), nil
}

// complete runs the chat request with bounded retries. A stream that fails
// after text reached onToken is not retried (see ErrStreamInterrupted).
func (l *Answerer) complete(ctx context.Context, creq openai.ChatCompletionRequest, onToken func(string)) (string, error) {
	streamed := false
	emit := onToken
	if onToken != nil {
		emit = func(s string) {
			streamed = true
			onToken(s)
		}
	}
	for attempt := 0; ; attempt++ {
		text, retryAfter, err := l.attempt(ctx, creq, emit)
		if err == nil {
			return text, nil
		}
		if streamed {
			if ctx.Err() != nil {
				err = context.Cause(ctx)
			}
			return "", fmt.Errorf("%w: %w", ErrStreamInterrupted, err)
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("model request abandoned: %w", context.Cause(ctx))
		}
		status, retry := classify(err)
		if !retry || attempt >= l.opt.MaxRetries {
			return "", fmt.Errorf("model request failed after %d attempt(s): %w", attempt+1, err)
		}
		wait := l.backoff(attempt)
		if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
			if d, ok := parseRetryAfter(retryAfter, time.Now()); ok {
				wait = min(d, maxWait)
			}
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= wait {
			// The retry could not start within the budget: fail now
			// rather than when it runs out.
			return "", fmt.Errorf("model request failed after %d attempt(s), with no time left to retry: %w", attempt+1, err)
		}
		l.log.Warn("model request failed, retrying", "attempt", attempt+1, "status", status, "wait", wait, "err", err)
		if err := l.sleep(ctx, wait); err != nil {
			return "", fmt.Errorf("model request abandoned: %w", err)
		}
	}
}

// attempt makes one streaming request within ctx, the answer's budget, and
// returns the full text and, on failure, the response's Retry-After.
func (l *Answerer) attempt(ctx context.Context, creq openai.ChatCompletionRequest, onToken func(string)) (text, retryAfter string, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slot := &retryAfterSlot{}
	ctx = context.WithValue(ctx, retryAfterKey{}, slot)

	stream, err := l.client.CreateChatCompletionStream(ctx, creq)
	if err != nil {
		return "", slot.value, err
	}
	defer stream.Close()
	var b strings.Builder
	chunks := 0
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, openai.ErrTooManyEmptyStreamMessages) && chunks == 0 {
			break // not an event stream at all: see below
		}
		if err != nil {
			return "", "", readError{err}
		}
		chunks++
		for _, c := range resp.Choices {
			if c.Index != 0 || c.Delta.Content == "" {
				continue
			}
			b.WriteString(c.Delta.Content)
			if onToken != nil {
				onToken(c.Delta.Content)
			}
		}
	}
	if chunks == 0 {
		// Some OpenAI-compatible servers ignore stream=true and send one
		// JSON completion, which the stream reader skips as noise: ask
		// again without streaming and deliver the text in one piece.
		l.log.Debug("model sent no stream events, asking without streaming")
		return l.completeOnce(ctx, slot, creq, onToken)
	}
	if strings.TrimSpace(b.String()) == "" {
		return "", "", errEmptyAnswer
	}
	return b.String(), "", nil
}

// completeOnce makes one non-streaming request within ctx.
func (l *Answerer) completeOnce(ctx context.Context, slot *retryAfterSlot, creq openai.ChatCompletionRequest, onToken func(string)) (text, retryAfter string, err error) {
	creq.Stream = false
	resp, err := l.client.CreateChatCompletion(ctx, creq)
	if err != nil {
		return "", slot.value, err
	}
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return "", "", errEmptyAnswer
	}
	text = resp.Choices[0].Message.Content
	if onToken != nil {
		onToken(text)
	}
	return text, "", nil
}

// errEmptyAnswer is a model reply without text; retrying rarely helps.
var errEmptyAnswer = errors.New("model returned an empty answer")

// readError is a failure while reading an opened stream: the server
// answered, so the cause is on its side and worth a retry.
type readError struct{ err error }

func (e readError) Error() string { return "reading the model stream: " + e.err.Error() }
func (e readError) Unwrap() error { return e.err }

// classify returns the HTTP status of a failed attempt (0 when the server
// gave none) and whether the attempt is worth repeating: rate limits,
// server errors, time-outs and network failures are; other client errors
// (bad key, bad request) and local validation errors are not.
func classify(err error) (status int, retry bool) {
	var reqErr *openai.RequestError
	var apiErr *openai.APIError
	if errors.As(err, &reqErr) {
		status = reqErr.HTTPStatusCode
	}
	if status == 0 && errors.As(err, &apiErr) {
		status = apiErr.HTTPStatusCode
	}
	if status != 0 {
		return status, status == http.StatusTooManyRequests || status == http.StatusRequestTimeout || status >= 500
	}
	var rerr readError
	var netErr net.Error
	switch {
	case errors.As(err, &rerr), errors.As(err, &netErr),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return 0, true
	}
	return 0, false
}

// backoff returns the wait before retry number attempt+1: BaseBackoff
// doubled per attempt, capped, with equal jitter so that clients that failed
// together do not retry together.
func (l *Answerer) backoff(attempt int) time.Duration {
	d := maxWait
	if attempt < 20 {
		if grown := l.opt.BaseBackoff << attempt; grown > 0 && grown < maxWait {
			d = grown
		}
	}
	return d/2 + rand.N(d/2+1)
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(min(secs, 1<<20)) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-t.C:
		return nil
	}
}
