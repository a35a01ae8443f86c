package bot

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// typingEvery renews the typing indicator, which Discord shows for 10 s.
const typingEvery = 8 * time.Second

// throttledReaction is the reaction a throttled mention gets, so that it is
// never met with silence.
const throttledReaction = "⏳"

// How a message came to be addressed to the bot.
const (
	viaMention = "mention"
	viaRole    = "role mention"
	viaReply   = "reply"
	viaDM      = "dm"
	viaThread  = "thread"
	viaChannel = "channel"
)

// blankHints say what to do when a message addressed to the bot comes
// without its text (the bot lacks the Message Content intent): a mention of
// its role, or a reply to it with the ping turned off. %s is the bot's name.
var blankHints = map[string]string{
	viaRole:  "I can't read messages that mention my role; mention me (@%s) instead.",
	viaReply: "I can't read replies that don't mention me; keep the @%s ping on when you reply.",
}

// onMessage answers a message addressed to the bot: one that mentions it
// (or its role), replies to one of its messages, a DM, a message in a thread
// it opened, or any message in a configured channel. It ignores bots,
// itself included.
func (d *Discord) onMessage(m *discordgo.Message) {
	if m.Author == nil || m.Author.Bot || m.Author.ID == d.botID() {
		d.traceEvent("ignored", "message", m.ID, "reason", "bot author")
		return
	}
	text, via := d.addressed(m)
	if via == "" {
		return
	}
	if !d.begin() {
		d.traceEvent("ignored", "message", m.ID, "reason", "shutting down")
		return
	}
	defer d.end()
	log := d.log.With("message", m.ID, "channel", m.ChannelID, "user", m.Author.ID, "via", via)

	if hint, ok := blankHints[via]; ok && text == "" {
		// Without the Message Content intent these come blank.
		d.post(m.ChannelID, m, &discordgo.MessageSend{Content: plainText(fmt.Sprintf(hint, d.botName()))}, log)
		return
	}
	req := ParseLine(text)
	req.UserID, req.ChannelID = m.Author.ID, m.ChannelID
	req.Admin = d.memberAdmin(m)
	req.Conversation = d.messageConversation(m, via)
	if slices.Contains([]string{CmdReload, CmdAdd, CmdRemove}, req.Command) {
		d.post(m.ChannelID, m, &discordgo.MessageSend{Content: plainText("Use the /" + req.Command + " slash command: its report is shown only to you.")}, log)
		return
	}
	target := m.ChannelID
	var stop func()
	req.Accepted = func() {
		if req.Command == CmdAsk && via != viaDM && d.threadsIn(m.ChannelID) && !d.isThread(m.ChannelID) {
			if th := d.openThread(m, req.Args, log); th != "" {
				target = th
				d.convs.put(th, req.Conversation) // the thread continues it
			}
		}
		stop = d.typing(target, log)
	}
	rep := d.router.Handle(d.work, req)
	if stop != nil {
		stop()
	}
	if rep.Throttled {
		d.throttled(m, rep, log)
		return
	}
	embed, overflow := replyEmbed(rep, "")
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed},
		Components: d.components(rep, overflow, len(embed.Fields)+1)}
	if sent := d.post(target, m, msg, log); sent != nil {
		d.convs.put(sent.ID, req.Conversation)
	}
	d.traceEvent("answered", "message", m.ID, "conversation", req.Conversation, "channel", target)
}

// throttled tells a rate-limited user so, never silently: a ⏳ reaction
// on every refused message, and the first time in a cool-down a notice
// saying when to ask again.
func (d *Discord) throttled(m *discordgo.Message, rep Reply, log *slog.Logger) {
	d.traceEvent("rate limited", "message", m.ID)
	if err := d.session.MessageReactionAdd(m.ChannelID, m.ID, throttledReaction, d.rest()); err != nil {
		log.Warn("throttle reaction failed", "err", err)
	}
	if rep.Notify {
		d.post(m.ChannelID, m, &discordgo.MessageSend{Content: plainText(rep.Text)}, log)
	}
}

// addressed reports how a message is meant for the bot ("" when it is
// not), and returns its text with the bot's mentions removed.
func (d *Discord) addressed(m *discordgo.Message) (string, string) {
	botID := d.botID()
	mentioned := slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u.ID == botID })
	role := d.botRole(m.GuildID)
	switch {
	case mentioned:
		return stripMention(m.Content, botID, role), viaMention
	case role != "" && slices.Contains(m.MentionRoles, role):
		return stripMention(m.Content, botID, role), viaRole
	case m.GuildID == "":
		return strings.TrimSpace(m.Content), viaDM
	case d.repliesToBot(m):
		return stripMention(m.Content, botID, role), viaReply
	case d.isBotThread(m.ChannelID):
		return stripMention(m.Content, botID, role), viaThread
	case slices.Contains(d.cfg.Channels, m.ChannelID):
		return strings.TrimSpace(m.Content), viaChannel
	}
	return "", ""
}

// repliesToBot reports whether m replies to one of the bot's messages.
func (d *Discord) repliesToBot(m *discordgo.Message) bool {
	if m.MessageReference == nil || m.MessageReference.MessageID == "" {
		return false
	}
	if r := m.ReferencedMessage; r != nil && r.Author != nil && r.Author.ID == d.botID() {
		return true
	}
	_, ok := d.convs.get(m.MessageReference.MessageID)
	return ok
}

// messageConversation is the conversation a message belongs to: its thread
// or DM channel, the conversation of the bot's message it replies to, or a
// new one named after the message itself.
func (d *Discord) messageConversation(m *discordgo.Message, via string) string {
	if ref := m.MessageReference; ref != nil && ref.MessageID != "" {
		if key, ok := d.convs.get(ref.MessageID); ok {
			return key
		}
	}
	switch {
	case via == viaDM:
		return m.ChannelID
	case via == viaThread, d.isThread(m.ChannelID):
		if key, ok := d.convs.get(m.ChannelID); ok {
			return key // a thread the bot started on a question or an answer
		}
		return m.ChannelID
	case m.MessageReference != nil && m.MessageReference.MessageID != "" && via == viaReply:
		return m.MessageReference.MessageID // the bot's message, from before a restart
	}
	return m.ID
}

var mentionRE = regexp.MustCompile(`<@[!&]?(\d+)>`)

// stripMention removes mentions of botID and of the bot's role from s.
func stripMention(s, botID, roleID string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := mentionRE.FindStringSubmatch(m)
		isRole := strings.HasPrefix(m, "<@&")
		if (!isRole && sub[1] == botID) || (isRole && roleID != "" && sub[1] == roleID) {
			return " "
		}
		return m
	})
	return strings.Join(strings.Fields(s), " ")
}

// nonceMessage is a message create body with a nonce that Discord enforces:
// a retried post (after a 5xx whose first attempt did land) returns the
// message already created instead of posting it twice.
type nonceMessage struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// maxNonce is the longest nonce Discord takes.
const maxNonce = 25

// post sends msg to channelID in answer to m: a message reference to m when
// in m's channel, a nonce derived from m, and no mentions at all (the asker
// is not pinged either). It returns the message posted, or nil.
func (d *Discord) post(channelID string, m *discordgo.Message, msg *discordgo.MessageSend, log *slog.Logger) *discordgo.Message {
	msg.AllowedMentions = noMentions()
	if channelID == m.ChannelID {
		no := false
		msg.Reference = &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}
	}
	nonce := "r" + m.ID
	if msg.Content != "" && len(msg.Embeds) == 0 {
		nonce = "n" + m.ID // a notice, not the answer
	}
	body := nonceMessage{MessageSend: msg, Nonce: nonce[:min(len(nonce), maxNonce)], EnforceNonce: true}
	ep := discordgo.EndpointChannelMessages(channelID)
	resp, err := d.session.RequestWithBucketID("POST", ep, body, ep, d.rest())
	if err != nil {
		log.Error("reply failed", "err", err)
		return nil
	}
	var sent discordgo.Message
	if err := json.Unmarshal(resp, &sent); err != nil {
		log.Error("reply: reading Discord's answer", "err", fmt.Errorf("post message: %w", err))
		return nil
	}
	return &sent
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
