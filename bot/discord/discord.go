// Package discord is the Discord front end: it answers mentions, DMs,
// replies, threads and the /ask command through a bot.Bot, and formats
// answers within Discord's limits with the coverage's text made inert.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
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
	slowDownReaction   = "⏳" // on questions past the rate after the notice
	msgApology         = "Sorry, I couldn't answer that just now. Please try again later."
	msgUsage           = "Ask me a question about the news coverage, for example: what did NATO ask Canada to do in Kandahar?"
	msgSourcesGone     = "Those sources are no longer available; please ask again."
	msgNotHere         = "I'm not enabled in this channel."
	msgReindexDenied   = "Only members with the Manage Server permission can reindex."
	msgReindexNone     = "Reindexing is not available in this bot."
	msgReindexBusy     = "A reindex is already running."
	msgReindexFailed   = "The reindex failed; the bot's log has the details."
	msgReindexNotSaved = "The reindex could not be saved (the bot's disk is full or read-only), so answers still come from the index as of its last good sync; the bot's log has the details."
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
	// MessageContent asks for the privileged Message Content intent, which
	// lets the bot answer messages in its threads that do not mention it.
	// When the Developer Portal has it off, the bot connects without it.
	MessageContent bool

	// ShardID and ShardCount split the bot's guilds among processes, as
	// Discord asks of large bots: each process identifies as one shard
	// and gets the events of guild IDs with (id >> 22) % ShardCount ==
	// ShardID (DMs go to shard 0). ShardCount 0 or 1 means one process.
	ShardID    int
	ShardCount int

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
	ShutdownTimeout  time.Duration // grace period for answers in flight at shutdown (default 10 s; see Run)
	// ShutdownModelWait is the part of ShutdownTimeout answers in flight
	// may still wait on the model (default half of it).
	ShutdownModelWait time.Duration

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

	convs    *bot.LRU[*bot.Conversation] // "msg:<bot message>", "chan:<thread>", "dm:<channel>"
	threads  *bot.LRU[string]            // threads the bot started -> parent channel
	answers  *bot.LRU[*bot.Answer]       // Sources button key -> answer
	users    *bot.LRU[*rate.Limiter]
	channels *bot.LRU[*rate.Limiter]
	notices  *bot.LRU[*rate.Limiter] // "slow down" notices, per user

	runID  string // keeps Sources buttons of earlier runs from matching
	nextID atomic.Uint64

	cutoff     chan struct{} // closed at shutdown to give up the model (bot.WithModelCutoff)
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
	if opt.ShutdownModelWait <= 0 || opt.ShutdownModelWait > opt.ShutdownTimeout {
		opt.ShutdownModelWait = opt.ShutdownTimeout / 2
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	n := opt.MaxConversations
	return &Bot{
		bot: b, opt: opt, log: opt.Logger,
		convs: bot.NewLRU[*bot.Conversation](n), threads: bot.NewLRU[string](n), answers: bot.NewLRU[*bot.Answer](n),
		users: bot.NewLRU[*rate.Limiter](n), channels: bot.NewLRU[*rate.Limiter](n), notices: bot.NewLRU[*rate.Limiter](n),
		runID:  strconv.FormatInt(time.Now().UnixNano(), 36),
		cutoff: make(chan struct{}),
	}
}

// Run connects to Discord, registers the slash commands and answers until
// ctx is done; then it stops taking questions and gives the answers in
// flight the grace period of ShutdownTimeout: ShutdownModelWait of it (half
// by default) to the model,
// after which an answer still waiting on it is given extractively (with
// the usual note), the rest to send them. Then it closes the session and
// returns nil. A missing or rejected token is one clear error.
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
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if d.opt.MessageContent {
		s.Identify.Intents |= discordgo.IntentsMessageContent
	}
	if d.opt.ShardCount > 1 {
		s.ShardID, s.ShardCount = d.opt.ShardID, d.opt.ShardCount
	}
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

	err = s.Open()
	if closeCode(err) == 4014 && s.Identify.Intents&discordgo.IntentsMessageContent != 0 {
		// The Message Content intent is off in the Developer Portal (the
		// default): go on without it rather than not at all.
		d.log.Warn("discord: the Message Content intent is not enabled for this application in the Developer Portal; " +
			"continuing without it: messages in the bot's threads that do not mention it are not answered " +
			"(mentions, DMs, /ask and the Sources button work)")
		s.Identify.Intents &^= discordgo.IntentsMessageContent
		err = s.Open()
	}
	if err != nil {
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
	if d.opt.ShardCount > 1 {
		attrs = append(attrs, "shard", fmt.Sprintf("%d/%d", d.opt.ShardID, d.opt.ShardCount))
	}
	if d.opt.Stats != nil {
		st := d.opt.Stats()
		attrs = append(attrs, "articles", st.Articles, "passages", st.Chunks, "embedder", st.Embedder)
	}
	d.log.Info("discord connected", attrs...)
	if d.opt.ShardID == 0 {
		// The commands belong to the application: one shard registers them.
		d.registerCommands(ctx, s, appID)
	}

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
	switch code := closeCode(err); code {
	case 4004:
		return errors.New("discord: the token was rejected (gateway close 4004, authentication failed); check DISCORD_TOKEN")
	case 4013, 4014:
		return fmt.Errorf("discord: the gateway refused the bot's intents (close %d)", code)
	}
	return fmt.Errorf("discord: connecting: %w", err)
}

// closeCode is the code the gateway closed with, or 0.
func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
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
	// The model gets the first part of the grace period (half by
	// default); answers still waiting on it then get the extractive
	// answer, which takes milliseconds, and the rest is for sending them.
	half := d.opt.ShutdownModelWait
	select {
	case <-done:
	case <-time.After(half):
		d.log.Warn("discord shutdown: answers still running; giving up the model for them", "waited", half)
		close(d.cutoff)
		select {
		case <-done:
		case <-time.After(d.opt.ShutdownTimeout - half):
			d.log.Warn("discord shutdown: answers still running; cancelling them", "waited", d.opt.ShutdownTimeout)
			cancelWork()
			select { // their requests carry the cancelled context, so this is short
			case <-done:
			case <-time.After(2 * time.Second):
			}
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
		}, {
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "source",
			Description: "Only articles whose file path contains this, or matches a glob such as *.pdf",
			MaxLength:   200,
		}, {
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "after",
			Description: "Only articles dated on or after: 2009, 2009-06 or 2009-06-13",
			MaxLength:   10,
		}, {
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "before",
			Description: "Only articles dated before: 2009, 2009-06 or 2009-06-13",
			MaxLength:   10,
		}},
	}, {
		Name:        "articles",
		Description: "List the articles of the coverage: date, outlet, title and file",
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
