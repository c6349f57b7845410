package discord

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"
)

// onMessage answers mentions, DMs, replies to the bot's answers and
// messages in the threads it started.
func (d *Bot) onMessage(ctx context.Context, s *discordgo.Session, m *discordgo.Message) {
	defer d.handled.Add(1)
	if !d.begin() {
		return
	}
	defer d.inflight.Done()
	self := selfID(s)
	if m.Author == nil || m.Author.ID == self || m.Author.Bot || m.WebhookID != "" {
		return
	}
	if !d.allowedPlace(s, m.GuildID, m.ChannelID) {
		return
	}
	conv, fresh, ok := d.conversationFor(s, m)
	if !ok {
		return
	}
	d.answerMessage(ctx, s, m, stripMention(m.Content, self), conv, fresh)
}

// conversationFor finds the conversation m continues, or starts one when
// m is a new question; ok is false when m is not for the bot.
func (d *Bot) conversationFor(s *discordgo.Session, m *discordgo.Message) (conv *bot.Conversation, fresh, ok bool) {
	if ref := m.MessageReference; ref != nil && ref.MessageID != "" {
		if c, found := d.convs.Get("msg:" + ref.MessageID); found {
			return c, false, true
		}
	}
	if _, own := d.threads.Get(m.ChannelID); own {
		return d.convs.GetOrPut("chan:"+m.ChannelID, d.newConversation), false, true
	}
	if m.GuildID == "" {
		return d.convs.GetOrPut("dm:"+m.ChannelID, d.newConversation), false, true
	}
	if !mentions(m, selfID(s)) {
		return nil, false, false
	}
	if d.isThread(s, m.ChannelID) {
		return d.convs.GetOrPut("chan:"+m.ChannelID, d.newConversation), false, true
	}
	return d.newConversation(), true, true
}

func (d *Bot) newConversation() *bot.Conversation { return bot.NewConversation(d.opt.MaxTurns) }

// selfID is the bot's user ID, as READY gave it. It is read from the
// session's state, which discordgo fills before any handler runs.
func selfID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// mentions reports whether m mentions the bot, in its mentions list or,
// should a client leave that out, in its text.
func mentions(m *discordgo.Message, self string) bool {
	if self == "" {
		return false
	}
	return slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u != nil && u.ID == self }) ||
		strings.Contains(m.Content, "<@"+self+">") || strings.Contains(m.Content, "<@!"+self+">")
}

// stripMention removes the bot's mentions from a question.
func stripMention(content, self string) string {
	content = strings.ReplaceAll(content, "<@"+self+">", " ")
	content = strings.ReplaceAll(content, "<@!"+self+">", " ")
	return strings.TrimSpace(oneLine(content))
}

// allowedPlace applies the guild and channel allow-lists.
func (d *Bot) allowedPlace(s *discordgo.Session, guildID, channelID string) bool {
	if len(d.opt.AllowedGuilds) > 0 && !slices.Contains(d.opt.AllowedGuilds, guildID) {
		return false
	}
	if len(d.opt.AllowedChannels) == 0 || slices.Contains(d.opt.AllowedChannels, channelID) {
		return true
	}
	parent := d.parentOf(s, channelID)
	return parent != "" && slices.Contains(d.opt.AllowedChannels, parent)
}

// parentOf returns the parent channel of a thread, or "".
func (d *Bot) parentOf(s *discordgo.Session, channelID string) string {
	if p, ok := d.threads.Get(channelID); ok {
		return p
	}
	if ch, err := s.State.Channel(channelID); err == nil && ch.IsThread() {
		return ch.ParentID
	}
	return ""
}

func (d *Bot) isThread(s *discordgo.Session, channelID string) bool {
	return d.parentOf(s, channelID) != ""
}

// allow applies the per-user and per-channel rate limits.
func (d *Bot) allow(user, channel string) bool {
	u := d.users.GetOrPut(user, func() *rate.Limiter { return rate.NewLimiter(d.opt.UserRate, d.opt.UserBurst) })
	if !u.Allow() {
		return false
	}
	c := d.channels.GetOrPut(channel, func() *rate.Limiter { return rate.NewLimiter(d.opt.ChannelRate, d.opt.ChannelBurst) })
	return c.Allow()
}

// mayNotify reports whether user may be told to slow down now: once per
// rate window (the time the user rate allows one question in), so that a
// flood of questions does not become a flood of replies spending the
// channel's Discord rate limit and delaying real answers there. Later
// questions in the window get a reaction.
func (d *Bot) mayNotify(user string) bool {
	n := d.notices.GetOrPut(user, func() *rate.Limiter { return rate.NewLimiter(d.opt.UserRate, 1) })
	return n.Allow()
}

func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// answerMessage answers a question asked in a message, replying to it (or
// in a new thread), with typing shown and streamed text edited in.
func (d *Bot) answerMessage(ctx context.Context, s *discordgo.Session, m *discordgo.Message, question string, conv *bot.Conversation, fresh bool) {
	target := m.ChannelID
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: new(bool)}
	if !d.allow(m.Author.ID, m.ChannelID) {
		d.log.Info("discord: rate limited", "user", m.Author.ID, "channel", m.ChannelID)
		if d.mayNotify(m.Author.ID) {
			d.send(ctx, s, target, msgSlowDown, ref, nil)
		} else if err := s.MessageReactionAdd(m.ChannelID, m.ID, slowDownReaction, discordgo.WithContext(ctx)); err != nil {
			d.log.Debug("discord: reacting to a rate-limited question failed", "channel", m.ChannelID, "err", err)
		}
		return
	}
	if question == "" {
		d.send(ctx, s, target, msgUsage, ref, nil)
		return
	}
	if fresh && d.opt.Threads && m.GuildID != "" {
		th, err := s.MessageThreadStartComplex(m.ChannelID, m.ID, &discordgo.ThreadStart{
			Name: threadName(question), AutoArchiveDuration: 1440, Type: discordgo.ChannelTypeGuildPublicThread,
		}, discordgo.WithContext(ctx))
		if err != nil {
			d.log.Warn("discord: starting a thread failed; replying in the channel", "channel", m.ChannelID, "err", err)
		} else {
			target, ref = th.ID, nil
			d.threads.Put(th.ID, m.ChannelID)
			d.convs.Put("chan:"+th.ID, conv)
		}
	}
	d.log.Info("discord question", "user", m.Author.ID, "channel", target, "chars", len(question), "follow_up", !fresh)

	stopTyping := d.typing(ctx, s, target)
	var partialID string // the message showing streamed text, once sent
	st := d.startStream(func(text string) {
		content := discordPartial(text)
		if partialID == "" {
			if msg, err := d.send(ctx, s, target, content, ref, nil); err == nil {
				partialID = msg.ID
			}
			return
		}
		d.edit(ctx, s, target, partialID, content, nil)
	})
	start := time.Now()
	a, err := d.bot.Ask(bot.WithModelCutoff(ctx, d.cutoff), conv, question, st.add)
	st.stop()
	stopTyping()
	if err != nil {
		d.log.Error("discord: answering failed", "channel", target, "user", m.Author.ID, "err", err)
		if ctx.Err() != nil {
			return
		}
		if partialID != "" {
			d.edit(ctx, s, target, partialID, msgApology, nil)
		} else {
			d.send(ctx, s, target, msgApology, ref, nil)
		}
		return
	}
	d.log.Info("discord answered", "channel", target, "citations", len(a.Citations), "refused", a.Refused, "mode", a.Mode, "took", time.Since(start).Round(time.Millisecond))

	contents := FormatAnswer(a)
	button := d.sourcesButton(a)
	for i, c := range contents {
		var comps []discordgo.MessageComponent
		if i == len(contents)-1 {
			comps = button
		}
		if i == 0 && partialID != "" {
			d.edit(ctx, s, target, partialID, c, comps)
			d.convs.Put("msg:"+partialID, conv)
			continue
		}
		r := ref
		if i > 0 {
			r = nil
		}
		msg, err := d.send(ctx, s, target, c, r, comps)
		if err != nil {
			return
		}
		d.convs.Put("msg:"+msg.ID, conv)
	}
}

// threadName names a conversation's thread after its question. Discord
// shows a name as written, where a backslash would show too, so markup is
// left out rather than escaped, and mention syntax broken.
func threadName(question string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune("*_~|`", r) {
			return -1
		}
		return r
	}, oneLine(bot.Plain(question)))
	name = strings.NewReplacer("<", "<\u200b", "](", "] (").Replace(strings.TrimLeft(name, "#>-+ "))
	name = escapeMentions(truncateRunes(name, 90))
	if name == "" {
		return "Question"
	}
	return name
}

func (d *Bot) send(ctx context.Context, s *discordgo.Session, channel, content string, ref *discordgo.MessageReference, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	msg, err := s.ChannelMessageSendComplex(channel, &discordgo.MessageSend{
		Content: content, Reference: ref, Components: comps, AllowedMentions: noMentions(),
		Flags: discordgo.MessageFlagsSuppressEmbeds, // no previews of URLs quoted from articles
	}, discordgo.WithContext(ctx))
	if err != nil {
		d.log.Error("discord: sending a message failed", "channel", channel, "err", err)
	}
	return msg, err
}

func (d *Bot) edit(ctx context.Context, s *discordgo.Session, channel, id, content string, comps []discordgo.MessageComponent) {
	e := &discordgo.MessageEdit{ID: id, Channel: channel, Content: &content, AllowedMentions: noMentions(),
		Flags: discordgo.MessageFlagsSuppressEmbeds}
	if comps != nil {
		e.Components = &comps
	}
	if _, err := s.ChannelMessageEditComplex(e, discordgo.WithContext(ctx)); err != nil {
		d.log.Error("discord: editing a message failed", "channel", channel, "err", err)
	}
}

// typing shows the bot typing in channel until the returned func is
// called; Discord shows it for about 10 s per request.
func (d *Bot) typing(ctx context.Context, s *discordgo.Session, channel string) func() {
	if err := s.ChannelTyping(channel, discordgo.WithContext(ctx)); err != nil {
		d.log.Debug("discord: typing indicator failed", "channel", channel, "err", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(8 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := s.ChannelTyping(channel, discordgo.WithContext(ctx)); err != nil && ctx.Err() == nil {
					d.log.Debug("discord: typing indicator failed", "channel", channel, "err", err)
				}
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
