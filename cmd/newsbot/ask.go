package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/bot/llm"
	"github.com/newsbot/newsbot/bot/web"
	"github.com/newsbot/newsbot/retrieval"
)

func cmdAsk(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [-c] [--json] [--source TEXT] [--after DATE] [--before DATE] QUESTION")
	asJSON := fs.Bool("json", false, "print the answer as one JSON object")
	cont := fs.Bool("c", false, "continue the last conversation: a follow-up of the last question asked")
	ff := addFilterFlags(fs)
	pos, err := a.parse(fs, c, args)
	if err != nil {
		return err
	}
	question, err := oneArg(pos, "QUESTION")
	if err != nil {
		return err
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	conv := bot.NewConversation(a.cfg.Conversation.Turns)
	if *cont {
		conv = a.loadConversation()
	}
	if !*cont || ff.given() {
		conv.SetFilter(filter)
	}
	a.needArticles = true
	b, ix, err := a.newBot(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	sc := a.newScreen(a.termOut, nil)
	ans, streamed, err := a.answer(ctx, b, conv, question, sc.tty && !*asJSON)
	if err != nil {
		a.log.Debug("answering failed", "err", err)
		return fmt.Errorf("could not answer: %w", err)
	}
	a.saveConversation(conv)
	if *asJSON {
		if ans.Citations == nil {
			ans.Citations = []bot.Citation{}
		}
		return writeJSON(a.stdout, ans, false)
	}
	sc = a.newScreen(a.termOut, ix.Articles())
	fmt.Fprintln(a.screenOut(sc), sc.answer(ans, streamed))
	return nil
}

// newBot opens and updates the index and builds the bot the config asks
// for: extractive and offline by default, an LLM when a model is set.
func (a *app) newBot(ctx context.Context) (*bot.Bot, *retrieval.Index, error) {
	ix, err := a.openIndex(ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := a.syncToAnswer(ctx, ix); err != nil {
		ix.Close()
		return nil, nil, err
	}
	ext := extractive.New(extractive.Options{})
	opt := bot.Options{K: a.cfg.Search.K, Logger: a.log, Corpus: a.cfg.Corpus}
	if base := a.cfg.Web.PublicURL; base != "" {
		opt.Link = func(c bot.Citation) string { return web.ArticleURL(base, c) }
	}
	var primary bot.Answerer = ext
	if l := a.cfg.LLM; l.Model != "" {
		opt.ModelBudget = l.Timeout
		if l.APIKey == "" && l.BaseURL == "" {
			ix.Close()
			return nil, nil, errors.New("llm.model is set but there is no OPENAI_API_KEY (or llm.base_url for a local server)")
		}
		retries := l.MaxRetries
		if retries == 0 {
			retries = -1 // LLMOptions reads 0 as "the default"
		}
		llm := llm.New(llm.NewChatClient(l.BaseURL, l.APIKey), llm.Options{
			Model: l.Model, Temperature: float32(l.Temperature), MaxTokens: l.MaxTokens,
			Timeout: l.Timeout, MaxRetries: retries, HistoryTurns: a.cfg.Conversation.Turns, Logger: a.log,
			ContextTokens: l.ContextTokens, CoverageBudget: l.CoverageBudget,
		})
		primary, opt.Fallback, opt.Rewriter = llm, ext, llm
	}
	return bot.New(ix, primary, opt), ix, nil
}

// modeLine says how answers are made, for start-up messages.
func (a *app) modeLine() string {
	if a.cfg.LLM.Model == "" {
		return "answers are extractive quotes of the coverage (offline, no model)"
	}
	where := a.cfg.LLM.BaseURL
	if where == "" {
		where = "the OpenAI API"
	}
	return fmt.Sprintf("answers come from %s at %s, quoting the coverage when it is unavailable", a.cfg.LLM.Model, where)
}
