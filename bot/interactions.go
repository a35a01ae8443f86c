package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxChoices is Discord's limit on autocomplete choices.
const maxChoices = 25

// onInteraction answers slash commands, autocomplete and button clicks.
func (d *Discord) onInteraction(i *discordgo.Interaction) {
	userID, roles, perms := invoker(i)
	log := d.log.With("interaction", i.ID, "type", i.Type.String(), "user", userID, "channel", i.ChannelID)
	if !d.begin() {
		log.Info("refused: shutting down")
		d.refuse(i, log)
		return
	}
	defer d.end()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d.onCommand(i, userID, d.isAdmin(userID, roles, perms), log)
	case discordgo.InteractionApplicationCommandAutocomplete:
		d.onAutocomplete(i, log)
	case discordgo.InteractionMessageComponent:
		d.onComponent(i, log)
	default:
		log.Warn("unexpected interaction type")
	}
}

// invoker returns who triggered an interaction, their roles and their
// permissions in the channel (none in DMs).
func invoker(i *discordgo.Interaction) (userID string, roles []string, perms int64) {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID, i.Member.Roles, i.Member.Permissions
	case i.User != nil:
		return i.User.ID, nil, 0
	}
	return "", nil, 0
}

// onCommand runs a slash command. Slow work (ask, actor, reload) is
// deferred and the answer edited in; help, sources and refusals answer at
// once.
func (d *Discord) onCommand(i *discordgo.Interaction, userID string, admin bool, log *slog.Logger) {
	data := i.ApplicationCommandData()
	log = log.With("command", data.Name)
	req := Request{Command: data.Name, UserID: userID, Admin: admin}
	title := ""
	switch data.Name {
	case CmdAsk:
		req.Args = optionValue(data.Options, "question")
		title = req.Args
	case CmdActor:
		req.Args = optionValue(data.Options, "name")
	}
	switch {
	case data.Name == CmdAsk || data.Name == CmdActor:
		if v := d.limits.allow(userID, i.ChannelID); !v.OK {
			log.Info("rate limited", "wait", v.Wait)
			d.respond(i, notice(coolDownText(v.Wait)), log)
			return
		}
		d.deferred(i, req, title, false, log)
	case data.Name == CmdReload && admin:
		d.deferred(i, req, "", true, log)
	default:
		rep := d.router.Handle(d.work, req)
		log.Info("answered", "failed", rep.Failed)
		d.respond(i, d.replyData(rep, title), log)
	}
}

// deferred acknowledges the interaction at once ("briefbot is
// thinking…"), works out the reply and edits it in.
func (d *Discord) deferred(i *discordgo.Interaction, req Request, title string, private bool, log *slog.Logger) {
	ack := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()},
	}
	if private {
		ack.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := d.session.InteractionRespond(i, ack, d.rest()); err != nil {
		log.Error("deferring the interaction failed", "err", err)
		return
	}
	start := time.Now()
	var stopProgress func()
	if req.Command == CmdReload {
		req.Progress, stopProgress = d.progressEditor(i, log)
	}
	rep := d.router.Handle(d.work, req)
	if stopProgress != nil {
		stopProgress() // no progress may land after the answer
	}
	log.Info("answered", "citations", len(rep.Citations), "failed", rep.Failed, "took", time.Since(start))
	data := d.replyData(rep, title)
	empty := ""
	edit := &discordgo.WebhookEdit{Content: &empty, Embeds: &data.Embeds, Components: &data.Components, AllowedMentions: noMentions()}
	if _, err := d.session.InteractionResponseEdit(i, edit, d.rest()); err != nil {
		log.Error("editing the answer in failed", "err", err)
		sorry := "Sorry, I couldn't show that answer. Please try again."
		edit = &discordgo.WebhookEdit{Content: &sorry, Embeds: &[]*discordgo.MessageEmbed{},
			Components: &[]discordgo.MessageComponent{}, AllowedMentions: noMentions()}
		if _, err := d.session.InteractionResponseEdit(i, edit, d.rest()); err != nil {
			log.Error("editing the apology in failed", "err", err)
		}
	}
}

// progressEditor edits a deferred response with progress lines from a
// goroutine of its own, so that the work never waits for Discord: a line that
// comes while the last is still being sent replaces any line not yet sent.
// stop waits for the edit in flight.
func (d *Discord) progressEditor(i *discordgo.Interaction, log *slog.Logger) (send func(string), stop func()) {
	latest := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for text := range latest {
			edit := &discordgo.WebhookEdit{Content: &text, AllowedMentions: noMentions()}
			if _, err := d.session.InteractionResponseEdit(i, edit, d.rest()); err != nil {
				log.Warn("editing progress in failed", "err", err)
			}
		}
	}()
	send = func(text string) {
		select {
		case <-latest: // not sent yet: this line is newer
		default:
		}
		select {
		case latest <- plainText(text):
		default:
		}
	}
	stop = func() {
		close(latest)
		<-done
	}
	return send, stop
}

// replyData renders a reply as interaction response data: an embed, a
// "More sources" button when citations overflow, ephemeral when private.
func (d *Discord) replyData(rep Reply, title string) *discordgo.InteractionResponseData {
	embed, overflow := replyEmbed(rep, title)
	data := &discordgo.InteractionResponseData{
		Embeds:     []*discordgo.MessageEmbed{embed},
		Components: []discordgo.MessageComponent{},
	}
	if len(overflow) > 0 {
		data.Components = moreButton(d.more.put(overflow, len(embed.Fields)+1), len(overflow))
	}
	if rep.Private {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return data
}

// notice is a short private message.
func notice(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: plainText(text), Flags: discordgo.MessageFlagsEphemeral}
}

// respond answers an interaction with a message (type 4).
func (d *Discord) respond(i *discordgo.Interaction, data *discordgo.InteractionResponseData, log *slog.Logger) {
	d.callback(i, discordgo.InteractionResponseChannelMessageWithSource, data, log)
}

// callback sends an interaction response, never allowing mentions.
func (d *Discord) callback(i *discordgo.Interaction, typ discordgo.InteractionResponseType, data *discordgo.InteractionResponseData, log *slog.Logger) {
	data.AllowedMentions = noMentions()
	resp := &discordgo.InteractionResponse{Type: typ, Data: data}
	if err := d.session.InteractionRespond(i, resp, d.rest()); err != nil {
		log.Error("interaction response failed", "err", err)
	}
}

// refuse answers an interaction that arrives during shutdown.
func (d *Discord) refuse(i *discordgo.Interaction, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	data := notice("briefbot is restarting; please try again in a minute.")
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		data, typ = &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}}, discordgo.InteractionApplicationCommandAutocompleteResult
	}
	data.AllowedMentions = noMentions()
	if err := d.session.InteractionRespond(i, &discordgo.InteractionResponse{Type: typ, Data: data}, discordgo.WithContext(ctx)); err != nil {
		log.Debug("refusal not delivered", "err", err)
	}
}

// onAutocomplete offers up to 25 known actors matching what was typed.
func (d *Discord) onAutocomplete(i *discordgo.Interaction, log *slog.Logger) {
	data := i.ApplicationCommandData()
	partial := focusedValue(data.Options)
	ctx, cancel := context.WithTimeout(d.work, 2*time.Second)
	defer cancel()
	names, err := d.router.Complete(ctx, partial, maxChoices)
	if err != nil {
		log.Error("autocomplete failed", "partial", partial, "err", err)
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, n := range names {
		if n = truncate(strings.TrimSpace(n), 100); n != "" && len(choices) < maxChoices {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: n, Value: n})
		}
	}
	d.callback(i, discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices}, log)
}

// onComponent handles a click on a "More sources" button: the citations
// that did not fit under the answer, shown only to the clicker.
func (d *Discord) onComponent(i *discordgo.Interaction, log *slog.Logger) {
	id := i.MessageComponentData().CustomID
	key, ok := strings.CutPrefix(id, moreButtonPrefix)
	if !ok {
		log.Warn("unknown button", "custom_id", id)
		d.respond(i, notice("That button no longer works."), log)
		return
	}
	e, ok := d.more.get(key)
	if !ok {
		d.respond(i, notice("Those sources have expired; ask the question again to see them."), log)
		return
	}
	d.respond(i, &discordgo.InteractionResponseData{
		Embeds: []*discordgo.MessageEmbed{moreEmbed(e.cites, e.first)},
		Flags:  discordgo.MessageFlagsEphemeral,
	}, log)
}

// optionValue returns the string value of the named option.
func optionValue(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o.Name == name {
			if s, ok := o.Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

// focusedValue returns what the user has typed so far in the focused option.
func focusedValue(opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	for _, o := range opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return s
		}
		if s := focusedValue(o.Options); s != "" {
			return s
		}
	}
	return ""
}
