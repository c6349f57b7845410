package discord

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"

	"github.com/bwmarrin/discordgo"

	"github.com/newsbot/newsbot/retrieval"
)

// sourcesButton stores a for the Sources view and returns the button row
// that shows it, or nil when a cites nothing.
func (d *Bot) sourcesButton(a bot.Answer) []discordgo.MessageComponent {
	if a.Refused || len(a.Cited()) == 0 {
		return nil
	}
	key := d.runID + "-" + strconv.FormatUint(d.nextID.Add(1), 36)
	d.answers.Put(key, &a)
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
		case "articles":
			d.onArticles(ctx, s, i)
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
	} else {
		data.Flags = discordgo.MessageFlagsSuppressEmbeds // an answer: no previews of quoted URLs
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
	var question, source, after, before string
	for _, o := range data.Options {
		v, ok := o.Value.(string)
		if !ok {
			continue
		}
		switch o.Name {
		case "question":
			question = strings.TrimSpace(v)
		case "source":
			source = v
		case "after":
			after = v
		case "before":
			before = v
		}
	}
	filter, badFilter := bot.ParseFilter(source, after, before)
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
	if badFilter != nil {
		d.respond(s, i, inert(badFilter.Error()), true)
		return
	}
	if d.deferResponse(s, i, false) != nil {
		return
	}
	d.log.Info("discord question", "user", user, "channel", i.ChannelID, "chars", len(question), "via", "/ask", "filter", filter.String())
	// A reply continuing this conversation keeps its filter.
	conv := d.newConversation()
	conv.SetFilter(filter)
	st := d.startStream(func(text string) { d.editOriginal(ctx, s, i, discordPartial(text), nil) })
	start := time.Now()
	a, err := d.bot.Ask(bot.WithModelCutoff(ctx, d.cutoff), conv, question, st.add)
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
				Content: c, Components: comps, AllowedMentions: noMentions(), Flags: discordgo.MessageFlagsSuppressEmbeds,
			}, discordgo.WithContext(ctx))
			if err != nil {
				d.log.Error("discord: sending a follow-up message failed", "err", err)
			}
		}
		if err != nil {
			return
		}
		if msg != nil {
			d.convs.Put("msg:"+msg.ID, conv)
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
		msg := msgReindexFailed
		if save := (*retrieval.SaveError)(nil); errors.As(err, &save) {
			msg = msgReindexNotSaved
		}
		d.editOriginal(ctx, s, i, msg, nil)
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
	a, ok := d.answers.Get(key)
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
		me := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: e.Title, URL: e.URL, Description: e.Description}
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

// onArticles lists the articles of the coverage, to the asker alone: a
// long list would bury the channel's conversation.
func (d *Bot) onArticles(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	var b strings.Builder
	infos := d.bot.Articles()
	if len(infos) == 0 {
		b.WriteString("The coverage holds no articles.")
	} else {
		fmt.Fprintf(&b, "%d articles:\n", len(infos))
		for _, a := range infos {
			b.WriteString("- " + inert(bot.ArticleLine(a)) + "\n")
		}
	}
	parts := splitMessage(strings.TrimSpace(b.String()), discordMaxContent)
	d.respond(s, i, parts[0], true)
	for _, p := range parts[1:] {
		_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: p, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
		}, discordgo.WithContext(ctx))
		if err != nil {
			d.log.Error("discord: sending the list of articles failed", "err", err)
			return
		}
	}
}
