// Package discord is the Discord front end: it answers mentions, DMs,
// replies, threads and the /ask command through a bot.Bot, and formats
// answers within Discord's limits with the coverage's text made inert.
package discord

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsbot/newsbot/bot"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"

	"github.com/newsbot/newsbot/retrieval"
)

// User-facing replies. Short: the cause goes to the log.
const (
	msgSlowDown        = "Slow down: you are asking faster than I can answer. Try again in a few seconds."
	msgApology         = "Sorry, I couldn't answer that just now. Please try again later."
	msgUsage           = "Ask me a question about the news coverage, for example: what did NATO ask Canada to do in Kandahar?"
	msgSourcesGone     = "Those sources are no longer available; please ask again."
	msgNotHere         = "I'm not enabled in this channel."
	msgReindexDenied   = "Only members with the Manage Server permission can reindex."
	msgReindexNone     = "Reindexing is not available in this bot."
	msgReindexBusy     = "A reindex is already running."
	msgReindexFailed   = "The reindex failed; the bot's log has the details."
	sourcesButtonIDPre = "newsbot:sources:"
)

// Options configure a Discord front end. Zero values pick the
// defaults given.
type Options struct {
	Token string // bot token, with or without the "Bot " prefix; never logged

	GuildIDs        []string // register the slash commands in these guilds (instant); empty: globally
	AllowedGuilds   []string // answer only in these guilds (DMs are then refused); empty: all
	AllowedChannels []string // answer only in these channels and their threads; empty: all
	ReindexRoleID   string   // members with this role may /reindex, besides Manage Server holders

	UserRate     rate.Limit // questions per second per user (default one every 10 s; rate.Inf: no limit)
	UserBurst    int        // default 3
	ChannelRate  rate.Limit // questions per second per channel (default one every 2 s)
	ChannelBurst int        // default 5

	Reindex func(ctx context.Context) (retrieval.SyncReport, error) // nil: /reindex is unavailable
	Stats   func() retrieval.Stats                                  // logged at start when non-nil
	Mode    string                                                  // answer mode, logged at start

	MaxTurns         int           // turns remembered per conversation (default 4)
	MaxConversations int           // conversations, answers and limiters remembered (default 1000)
	Threads          bool          // start a public thread for each new conversation begun by a mention
	StreamInterval   time.Duration // least time between edits of a streaming answer (default 1 s)
	ShutdownTimeout  time.Duration // wait this long for answers in flight at shutdown (default 10 s)

	Logger     *slog.Logger
	HTTPClient *http.Client      // REST client (default: discordgo's)
	Transport  http.RoundTripper // when set, replaces the REST client's transport (tests point it at a fake)
}

// Discord serves the Bot in Discord: mentions, DMs, replies and threads
// continuing a conversation, and the /ask and /reindex slash commands.
type Bot struct {
	bot *bot.Bot
	opt Options
	log *slog.Logger

	convs    *lru[*bot.Conversation] // "msg:<bot message>", "chan:<thread>", "dm:<channel>"
	threads  *lru[string]            // threads the bot started -> parent channel
	answers  *lru[*bot.Answer]       // Sources button key -> answer
	users    *lru[*rate.Limiter]
	channels *lru[*rate.Limiter]

	runID  string // keeps Sources buttons of earlier runs from matching
	nextID atomic.Uint64

	mu         sync.Mutex
	closing    bool
	inflight   sync.WaitGroup
	handled    atomic.Int64 // events handled to the end, ignored ones included
	reindexing atomic.Bool
}

// New returns a Discord front end for b. Run connects it.
func New(b *bot.Bot, opt Options) *Bot {
	if opt.UserRate == 0 {
		opt.UserRate = rate.Every(10 * time.Second)
	}
	if opt.UserBurst <= 0 {
		opt.UserBurst = 3
	}
	if opt.ChannelRate == 0 {
		opt.ChannelRate = rate.Every(2 * time.Second)
	}
	if opt.ChannelBurst <= 0 {
		opt.ChannelBurst = 5
	}
	if opt.MaxConversations <= 0 {
		opt.MaxConversations = 1000
	}
	if opt.StreamInterval <= 0 {
		opt.StreamInterval = time.Second
	}
	if opt.ShutdownTimeout <= 0 {
		opt.ShutdownTimeout = 10 * time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	n := opt.MaxConversations
	return &Bot{
		bot: b, opt: opt, log: opt.Logger,
		convs: newLRU[*bot.Conversation](n), threads: newLRU[string](n), answers: newLRU[*bot.Answer](n),
		users: newLRU[*rate.Limiter](n), channels: newLRU[*rate.Limiter](n),
		runID: strconv.FormatInt(time.Now().UnixNano(), 36),
	}
}

// Run connects to Discord, registers the slash commands and answers until
// ctx is done; then it stops taking questions, waits (boundedly) for the
// answers in flight, closes the session and returns nil. A missing or
// rejected token is one clear error.
func (d *Bot) Run(ctx context.Context) error {
	token := strings.TrimSpace(d.opt.Token)
	if token == "" {
		return errors.New("discord: no bot token; set DISCORD_TOKEN")
	}
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages |
		discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent
	if d.opt.HTTPClient != nil {
		s.Client = d.opt.HTTPClient
	}
	if d.opt.Transport != nil {
		c := *s.Client
		c.Transport = d.opt.Transport
		s.Client = &c
	}

	// The bot learns who it is from READY: no REST call before the
	// gateway, whose close code 4004 reports a rejected token.
	// Answers in flight outlive ctx (graceful shutdown) until cancelWork.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { d.onMessage(work, s, m.Message) })
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { d.onInteraction(work, s, i.Interaction) })
	s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) {
		d.log.Info("discord guild joined", "guild", g.Name, "id", g.ID)
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { d.log.Info("discord gateway resumed") })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { d.log.Info("discord gateway disconnected") })

	if err := s.Open(); err != nil {
		return connectError(err)
	}

	s.State.RLock()
	ready := s.State.Ready
	s.State.RUnlock()
	var me discordgo.User
	if ready.User != nil {
		me = *ready.User
	}
	appID := me.ID
	if ready.Application != nil && ready.Application.ID != "" {
		appID = ready.Application.ID
	}
	attrs := []any{"user", me.Username, "id", me.ID, "guilds", len(ready.Guilds), "mode", d.opt.Mode}
	if d.opt.Stats != nil {
		st := d.opt.Stats()
		attrs = append(attrs, "articles", st.Articles, "passages", st.Chunks, "embedder", st.Embedder)
	}
	d.log.Info("discord connected", attrs...)
	d.registerCommands(ctx, s, appID)

	<-ctx.Done()
	d.shutdown(s, cancelWork)
	return nil
}

// connectError turns a failure to connect into one clear line, without
// the token.
func connectError(err error) error {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return errors.New("discord: the token was rejected (401 Unauthorized); check DISCORD_TOKEN")
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return errors.New("discord: the token was rejected (gateway close 4004, authentication failed); check DISCORD_TOKEN")
		case 4013, 4014:
			return fmt.Errorf("discord: the gateway refused the bot's intents (close %d); enable the Message Content intent in the Developer Portal", ce.Code)
		}
	}
	return fmt.Errorf("discord: connecting: %w", err)
}

// shutdown stops taking questions, waits for the answers in flight (at
// most ShutdownTimeout, then cancels them) and closes the session.
func (d *Bot) shutdown(s *discordgo.Session, cancelWork context.CancelFunc) {
	d.mu.Lock()
	d.closing = true
	d.mu.Unlock()
	done := make(chan struct{})
	go func() {
		d.inflight.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d.opt.ShutdownTimeout):
		d.log.Warn("discord shutdown: answers still running; cancelling them", "waited", d.opt.ShutdownTimeout)
		cancelWork()
		select { // their requests carry the cancelled context, so this is short
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}
	if err := s.Close(); err != nil {
		d.log.Warn("discord: closing the session", "err", err)
	}
	d.log.Info("discord session closed")
}

// begin registers an event in flight; false once shutting down.
func (d *Bot) begin() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closing {
		return false
	}
	d.inflight.Add(1)
	return true
}

func (d *Bot) isClosing() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.closing
}

func (d *Bot) registerCommands(ctx context.Context, s *discordgo.Session, appID string) {
	manage := int64(discordgo.PermissionManageGuild)
	reindex := &discordgo.ApplicationCommand{
		Name:        "reindex",
		Description: "Re-read the coverage folder and update the index",
		Contexts:    &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
	}
	if d.opt.ReindexRoleID == "" {
		// Hidden from other members by default; with a role configured
		// the role's members must see it too, so the check is ours alone.
		reindex.DefaultMemberPermissions = &manage
	}
	cmds := []*discordgo.ApplicationCommand{{
		Name:        "ask",
		Description: "Ask a question about the news coverage",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "question",
			Description: "What you want to know",
			Required:    true,
			MaxLength:   1000,
		}},
	}, reindex}
	guilds := d.opt.GuildIDs
	if len(guilds) == 0 {
		guilds = []string{""} // global
	}
	for _, g := range guilds {
		scope := "global"
		if g != "" {
			scope = "guild " + g
		}
		if _, err := s.ApplicationCommandBulkOverwrite(appID, g, cmds, discordgo.WithContext(ctx)); err != nil {
			d.log.Error("discord: registering slash commands failed; mentions and DMs still work", "scope", scope, "err", err)
			continue
		}
		d.log.Info("discord slash commands registered", "scope", scope)
	}
}

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
		if c, found := d.convs.get("msg:" + ref.MessageID); found {
			return c, false, true
		}
	}
	if _, own := d.threads.get(m.ChannelID); own {
		return d.convs.getOrPut("chan:"+m.ChannelID, d.newConversation), false, true
	}
	if m.GuildID == "" {
		return d.convs.getOrPut("dm:"+m.ChannelID, d.newConversation), false, true
	}
	if !mentions(m, selfID(s)) {
		return nil, false, false
	}
	if d.isThread(s, m.ChannelID) {
		return d.convs.getOrPut("chan:"+m.ChannelID, d.newConversation), false, true
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
	if p, ok := d.threads.get(channelID); ok {
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
	u := d.users.getOrPut(user, func() *rate.Limiter { return rate.NewLimiter(d.opt.UserRate, d.opt.UserBurst) })
	if !u.Allow() {
		return false
	}
	c := d.channels.getOrPut(channel, func() *rate.Limiter { return rate.NewLimiter(d.opt.ChannelRate, d.opt.ChannelBurst) })
	return c.Allow()
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
		d.send(ctx, s, target, msgSlowDown, ref, nil)
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
			d.threads.put(th.ID, m.ChannelID)
			d.convs.put("chan:"+th.ID, conv)
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
	a, err := d.bot.Ask(ctx, conv, question, st.add)
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
			d.convs.put("msg:"+partialID, conv)
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
		d.convs.put("msg:"+msg.ID, conv)
	}
}

// threadName names a conversation's thread after its question.
func threadName(question string) string {
	name := escapeMentions(truncateRunes(oneLine(question), 90))
	if name == "" {
		return "Question"
	}
	return name
}

func (d *Bot) send(ctx context.Context, s *discordgo.Session, channel, content string, ref *discordgo.MessageReference, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	msg, err := s.ChannelMessageSendComplex(channel, &discordgo.MessageSend{
		Content: content, Reference: ref, Components: comps, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	if err != nil {
		d.log.Error("discord: sending a message failed", "channel", channel, "err", err)
	}
	return msg, err
}

func (d *Bot) edit(ctx context.Context, s *discordgo.Session, channel, id, content string, comps []discordgo.MessageComponent) {
	e := &discordgo.MessageEdit{ID: id, Channel: channel, Content: &content, AllowedMentions: noMentions()}
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

// stream collects streamed answer text and flushes it at most once per
// interval, from its own goroutine so the model's stream never waits on
// Discord.
type stream struct {
	mu    sync.Mutex
	text  strings.Builder
	dirty bool
	quit  chan struct{}
	done  chan struct{}
}

func (d *Bot) startStream(flush func(text string)) *stream {
	st := &stream{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(st.done)
		t := time.NewTicker(d.opt.StreamInterval)
		defer t.Stop()
		for {
			select {
			case <-st.quit:
				return
			case <-t.C:
				st.mu.Lock()
				text, dirty := st.text.String(), st.dirty
				st.dirty = false
				st.mu.Unlock()
				if dirty && strings.TrimSpace(text) != "" {
					flush(text)
				}
			}
		}
	}()
	return st
}

// add receives streamed text (Bot.Ask's onToken).
func (st *stream) add(s string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.text.WriteString(s)
	st.dirty = true
}

// stop ends flushing; after it returns no flush is running.
func (st *stream) stop() {
	close(st.quit)
	<-st.done
}

// sourcesButton stores a for the Sources view and returns the button row
// that shows it, or nil when a cites nothing.
func (d *Bot) sourcesButton(a bot.Answer) []discordgo.MessageComponent {
	if a.Refused || len(a.Cited()) == 0 {
		return nil
	}
	key := d.runID + "-" + strconv.FormatUint(d.nextID.Add(1), 36)
	d.answers.put(key, &a)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Sources", Style: discordgo.SecondaryButton, CustomID: sourcesButtonIDPre + key},
	}}}
}

// onInteraction serves /ask, /reindex and the Sources button.
func (d *Bot) onInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	defer d.handled.Add(1)
	if !d.begin() {
		return
	}
	defer d.inflight.Done()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !d.allowedPlace(s, i.GuildID, i.ChannelID) {
			d.respond(s, i, msgNotHere, true)
			return
		}
		switch data.Name {
		case "ask":
			d.onAsk(ctx, s, i, data)
		case "reindex":
			d.onReindex(ctx, s, i)
		}
	case discordgo.InteractionMessageComponent:
		data, _ := i.Data.(discordgo.MessageComponentInteractionData)
		if key, ok := strings.CutPrefix(data.CustomID, sourcesButtonIDPre); ok {
			d.onSources(ctx, s, i, key)
		}
	}
}

func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// respond answers an interaction at once with a short message.
func (d *Bot) respond(s *discordgo.Session, i *discordgo.Interaction, content string, ephemeral bool) {
	data := &discordgo.InteractionResponseData{Content: content, AllowedMentions: noMentions()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data})
	if err != nil {
		d.log.Error("discord: responding to an interaction failed", "err", err)
	}
}

// deferResponse acknowledges an interaction within Discord's 3 s; the
// answer then replaces @original.
func (d *Bot) deferResponse(s *discordgo.Session, i *discordgo.Interaction, ephemeral bool) error {
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data})
	if err != nil {
		d.log.Error("discord: deferring an interaction failed", "err", err)
	}
	return err
}

func (d *Bot) editOriginal(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, content string, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	e := &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()}
	if comps != nil {
		e.Components = &comps
	}
	msg, err := s.InteractionResponseEdit(i, e, discordgo.WithContext(ctx))
	if err != nil {
		d.log.Error("discord: editing an interaction response failed", "err", err)
	}
	return msg, err
}

func (d *Bot) onAsk(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	var question string
	for _, o := range data.Options {
		if v, ok := o.Value.(string); ok && o.Name == "question" {
			question = strings.TrimSpace(v)
		}
	}
	user := interactionUser(i)
	if !d.allow(user, i.ChannelID) {
		d.log.Info("discord: rate limited", "user", user, "channel", i.ChannelID)
		d.respond(s, i, msgSlowDown, true)
		return
	}
	if question == "" {
		d.respond(s, i, msgUsage, true)
		return
	}
	if d.deferResponse(s, i, false) != nil {
		return
	}
	d.log.Info("discord question", "user", user, "channel", i.ChannelID, "chars", len(question), "via", "/ask")
	conv := d.newConversation()
	st := d.startStream(func(text string) { d.editOriginal(ctx, s, i, discordPartial(text), nil) })
	start := time.Now()
	a, err := d.bot.Ask(ctx, conv, question, st.add)
	st.stop()
	if err != nil {
		d.log.Error("discord: answering failed", "channel", i.ChannelID, "user", user, "err", err)
		if ctx.Err() == nil {
			d.editOriginal(ctx, s, i, msgApology, nil)
		}
		return
	}
	d.log.Info("discord answered", "channel", i.ChannelID, "citations", len(a.Citations), "refused", a.Refused, "mode", a.Mode, "took", time.Since(start).Round(time.Millisecond))
	contents := FormatAnswer(a)
	button := d.sourcesButton(a)
	for n, c := range contents {
		var comps []discordgo.MessageComponent
		if n == len(contents)-1 {
			comps = button
		}
		var msg *discordgo.Message
		if n == 0 {
			msg, err = d.editOriginal(ctx, s, i, c, comps)
		} else {
			msg, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
				Content: c, Components: comps, AllowedMentions: noMentions(),
			}, discordgo.WithContext(ctx))
			if err != nil {
				d.log.Error("discord: sending a follow-up message failed", "err", err)
			}
		}
		if err != nil {
			return
		}
		if msg != nil {
			d.convs.put("msg:"+msg.ID, conv)
		}
	}
}

// mayReindex: Manage Server (or Administrator) in the guild, or the
// configured role.
func (d *Bot) mayReindex(i *discordgo.Interaction) bool {
	if i.Member == nil {
		return false
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	return d.opt.ReindexRoleID != "" && slices.Contains(i.Member.Roles, d.opt.ReindexRoleID)
}

func (d *Bot) onReindex(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	user := interactionUser(i)
	switch {
	case !d.mayReindex(i):
		d.log.Info("discord: /reindex refused", "user", user)
		d.respond(s, i, msgReindexDenied, true)
		return
	case d.opt.Reindex == nil:
		d.respond(s, i, msgReindexNone, true)
		return
	case !d.reindexing.CompareAndSwap(false, true):
		d.respond(s, i, msgReindexBusy, true)
		return
	}
	defer d.reindexing.Store(false)
	if d.deferResponse(s, i, true) != nil {
		return
	}
	d.log.Info("discord: reindex requested", "user", user)
	rep, err := d.opt.Reindex(ctx)
	if err != nil {
		d.log.Error("discord: reindex failed", "err", err)
		d.editOriginal(ctx, s, i, msgReindexFailed, nil)
		return
	}
	d.log.Info("discord: reindexed", "added", len(rep.Added), "updated", len(rep.Updated), "removed", len(rep.Removed), "skipped", len(rep.Skipped))
	d.editOriginal(ctx, s, i, reindexSummary(rep), nil)
}

// reindexSummary reports what a reindex changed.
func reindexSummary(r retrieval.SyncReport) string {
	s := fmt.Sprintf("Reindexed: %d added, %d updated, %d removed, %d unchanged; %d passages in the index.",
		len(r.Added), len(r.Updated), len(r.Removed), r.Unchanged, r.Chunks)
	if len(r.Skipped) > 0 {
		s += fmt.Sprintf(" %d file(s) could not be read; see the bot's log.", len(r.Skipped))
	}
	return s
}

// onSources shows the quoted passages of an answer, to the clicker only.
func (d *Bot) onSources(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, key string) {
	a, ok := d.answers.get(key)
	if !ok {
		d.respond(s, i, msgSourcesGone, true)
		return
	}
	for n, m := range FormatSources(*a) {
		var err error
		if n == 0 {
			err = s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{
					Content: m.Content, Embeds: toEmbeds(m.Embeds),
					Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
				},
			}, discordgo.WithContext(ctx))
		} else {
			_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
				Content: m.Content, Embeds: toEmbeds(m.Embeds),
				Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
			}, discordgo.WithContext(ctx))
		}
		if err != nil {
			d.log.Error("discord: showing sources failed", "err", err)
			return
		}
	}
}

func toEmbeds(es []Embed) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	for _, e := range es {
		me := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: e.Title, Description: e.Description}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		if e.Footer != "" {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		out = append(out, me)
	}
	return out
}

// lru is a small, safe-for-concurrent-use map that forgets its least
// recently used entries beyond max, so that memory stays bounded however
// many users, channels and conversations the bot sees.
type lru[V any] struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *lruEntry[V], most recent first
	items map[string]*list.Element
}

type lruEntry[V any] struct {
	key string
	val V
}

func newLRU[V any](max int) *lru[V] {
	return &lru[V]{max: max, order: list.New(), items: map[string]*list.Element{}}
}

func (c *lru[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry[V]).val, true
	}
	var zero V
	return zero, false
}

func (c *lru[V]) put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, v)
}

// getOrPut returns the value of key, storing mk() first if there is none.
func (c *lru[V]) getOrPut(key string, mk func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry[V]).val
	}
	v := mk()
	c.putLocked(key, v)
	return v
}

func (c *lru[V]) putLocked(key string, v V) {
	if e, ok := c.items[key]; ok {
		e.Value.(*lruEntry[V]).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&lruEntry[V]{key: key, val: v})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruEntry[V]).key)
	}
}

func (c *lru[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
