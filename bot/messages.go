package bot

import (
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// typingEvery renews the typing indicator, which Discord shows for 10 s.
const typingEvery = 8 * time.Second

// onMessage answers a message addressed to the bot: one that mentions it,
// a DM, or any message in a configured channel. It ignores bots, itself
// included.
func (d *Discord) onMessage(m *discordgo.Message) {
	if m.Author == nil || m.Author.Bot || m.Author.ID == d.botID() {
		d.traceEvent("ignored", "message", m.ID, "reason", "bot author")
		return
	}
	text, ok := d.addressed(m)
	if !ok {
		return
	}
	if !d.begin() {
		d.traceEvent("ignored", "message", m.ID, "reason", "shutting down")
		return
	}
	defer d.end()
	log := d.log.With("message", m.ID, "channel", m.ChannelID, "user", m.Author.ID)

	req := ParseLine(text)
	req.UserID = m.Author.ID
	if req.Command == CmdReload {
		d.send(m, &discordgo.MessageSend{Content: plainText("Use the /reload slash command: its report is shown only to you.")}, log)
		return
	}
	if req.Command == CmdAsk || req.Command == CmdActor {
		if v := d.limits.allow(m.Author.ID, m.ChannelID); !v.OK {
			log.Info("rate limited", "wait", v.Wait, "notified", v.Notify)
			d.traceEvent("rate limited", "message", m.ID)
			if v.Notify {
				d.send(m, &discordgo.MessageSend{Content: plainText(coolDownText(v.Wait))}, log)
			}
			return
		}
	}

	stop := d.typing(m.ChannelID, log)
	start := time.Now()
	rep := d.router.Handle(d.work, req)
	stop()
	log.Info("answered", "command", req.Command, "citations", len(rep.Citations), "failed", rep.Failed, "took", time.Since(start))
	embed, overflow := replyEmbed(rep, "")
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed}}
	if len(overflow) > 0 {
		msg.Components = moreButton(d.more.put(overflow, len(embed.Fields)+1), len(overflow))
	}
	d.send(m, msg, log)
}

// addressed reports whether a message is meant for the bot, and returns
// its text with the bot's mention removed.
func (d *Discord) addressed(m *discordgo.Message) (string, bool) {
	botID := d.botID()
	mentioned := slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == botID })
	switch {
	case mentioned:
		return stripMention(m.Content, botID), true
	case m.GuildID == "":
		return strings.TrimSpace(m.Content), true
	case slices.Contains(d.cfg.Channels, m.ChannelID):
		return strings.TrimSpace(m.Content), true
	}
	return "", false
}

var mentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// stripMention removes mentions of botID from s.
func stripMention(s, botID string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		if mentionRE.FindStringSubmatch(m)[1] == botID {
			return " "
		}
		return m
	})
	return strings.Join(strings.Fields(s), " ")
}

// send replies to m: a message reference to it, and no mentions at all (the
// asker is not pinged either).
func (d *Discord) send(m *discordgo.Message, msg *discordgo.MessageSend, log *slog.Logger) {
	msg.AllowedMentions = noMentions()
	no := false
	msg.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
	if _, err := d.session.ChannelMessageSendComplex(m.ChannelID, msg, d.rest()); err != nil {
		log.Error("reply failed", "err", err)
	}
}

// typing shows the typing indicator in a channel until the returned
// function is called. The first indicator is always sent (and finished
// before stop returns, so it never lands after the reply); it is renewed
// while the work lasts.
func (d *Discord) typing(channelID string, log *slog.Logger) (stop func()) {
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(typingEvery)
		defer t.Stop()
		for {
			if err := d.session.ChannelTyping(channelID, d.rest()); err != nil {
				log.Debug("typing indicator failed", "err", err)
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}
