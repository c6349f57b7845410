package llm

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"

	openai "github.com/sashabaranov/go-openai"
)

// Rewrite asks the model to turn question into one that stands alone,
// given the earlier turns. It returns question unchanged, without calling
// the model, when history is empty, and also (after logging why) when the
// model fails or replies with something that is not a question: a search
// with the question as asked beats no answer. The error is only ever the
// cancellation of ctx.
func (l *Answerer) Rewrite(ctx context.Context, history []bot.Turn, question string) (string, error) {
	if len(history) == 0 || strings.TrimSpace(question) == "" {
		return question, nil
	}
	rctx, cancel := context.WithTimeout(ctx, min(l.opt.RewriteTimeout, l.opt.Timeout))
	defer cancel()
	resp, err := l.client.CreateChatCompletion(rctx, openai.ChatCompletionRequest{
		Model:               l.opt.Model,
		Messages:            rewriteMessages(history, question, l.opt.HistoryTurns),
		MaxCompletionTokens: 200,
		Temperature:         l.opt.Temperature,
	})
	if ctx.Err() != nil {
		return question, fmt.Errorf("rewriting the question: %w", context.Cause(ctx))
	}
	if err != nil {
		l.log.Warn("rewriting the follow-up failed, searching it as asked", "err", err)
		return question, nil
	}
	var out string
	if len(resp.Choices) > 0 {
		out = cleanRewrite(resp.Choices[0].Message.Content)
	}
	if out == "" || len(out) > 4*len(question)+300 {
		l.log.Warn("model gave no usable rewrite, searching the follow-up as asked", "reply", truncate(out, 200))
		return question, nil
	}
	return out, nil
}

// rewritePrefix matches labels models like to put before the question.
var rewritePrefix = regexp.MustCompile(`(?i)^(standalone|stand-alone|rewritten)?\s*(question|follow-up question)\s*:\s*`)

// cleanRewrite reduces a rewrite reply to the bare question.
func cleanRewrite(s string) string {
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			s = line
			break
		}
	}
	s = strings.TrimSpace(rewritePrefix.ReplaceAllString(strings.TrimSpace(s), ""))
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}, {"`", "`"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			s = strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
