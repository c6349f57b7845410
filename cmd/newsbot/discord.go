package main

import (
	"context"
	"errors"
	"sync"

	"github.com/newsbot/newsbot/bot/discord"
	"github.com/newsbot/newsbot/retrieval"
	"golang.org/x/time/rate"
)

func cmdDiscord(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--config FILE] [--corpus DIR] [--index DIR]")
	if _, err := a.parse(fs, c, args); err != nil {
		return err
	}
	d := a.cfg.Discord
	if d.Token == "" {
		return errors.New("discord: no bot token; set DISCORD_TOKEN (or discord.token in the config)")
	}
	b, ix, err := a.newBot(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	a.log.Info("starting the Discord bot", "corpus", a.cfg.Corpus, "answers", a.modeLine())

	// The index runs one sync at a time, whether from the watcher or /reindex.
	reindex := func(ctx context.Context) (retrieval.SyncReport, error) {
		return ix.Sync(ctx, a.cfg.Corpus, nil)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if d.Watch {
		a.watch(ctx, ix, &wg)
	}
	err = discord.New(b, discord.Options{
		Token:           d.Token,
		GuildIDs:        d.GuildIDs,
		AllowedGuilds:   d.AllowedGuilds,
		AllowedChannels: d.AllowedChannels,
		ReindexRoleID:   d.ReindexRole,
		MessageContent:  d.MessageContent,
		ShardID:         d.ShardID,
		ShardCount:      d.ShardCount,
		UserRate:        rate.Every(d.UserRate.Every),
		UserBurst:       d.UserRate.Burst,
		ChannelRate:     rate.Every(d.ChannelRate.Every),
		ChannelBurst:    d.ChannelRate.Burst,
		Reindex:         reindex,
		Stats:           ix.Stats,
		Mode:            b.Mode(),
		MaxTurns:        a.cfg.Conversation.Turns,
		Logger:          a.log,
	}).Run(ctx)
	cancel()
	wg.Wait()
	return err
}

// watch reindexes the corpus in the background whenever it changes, until
// ctx is done, logging what changed; wg tracks the watcher.
func (a *app) watch(ctx context.Context, ix *retrieval.Index, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := ix.Watch(ctx, a.cfg.Corpus, a.cfg.Watch.Debounce, func(rep retrieval.SyncReport, err error) {
			switch {
			case errors.Is(err, retrieval.ErrCorpusGone):
				a.log.Warn("corpus folder gone", "corpus", a.cfg.Corpus, "err", err)
				return
			case err != nil:
				a.log.Error("live reindex failed", "err", err)
				return
			}
			for _, w := range a.skips.fresh(rep.Skipped, true) {
				a.log.Warn("skipped article", "err", w)
			}
			if rep.Changed() {
				a.log.Info("reindexed", "added", len(rep.Added), "updated", len(rep.Updated), "removed", len(rep.Removed), "articles", rep.Articles)
			}
		})
		if err != nil {
			a.log.Error("watching the corpus", "err", err)
		}
	}()
}
