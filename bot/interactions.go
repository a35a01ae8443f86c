package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge/store"
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
		d.onComponent(i, userID, d.isAdmin(userID, roles, perms), log)
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

// onCommand runs a slash command.
func (d *Discord) onCommand(i *discordgo.Interaction, userID string, admin bool, log *slog.Logger) {
	data := i.ApplicationCommandData()
	log = log.With("command", data.Name)
	req := Request{Command: data.Name, UserID: userID, ChannelID: i.ChannelID, Admin: admin,
		Conversation: d.interactionConversation(i)}
	title, private := "", false
	switch data.Name {
	case CmdAsk:
		req.Args = optionValue(data.Options, "question")
		title, private = req.Args, optionBool(data.Options, "private")
	case CmdActor:
		req.Args = optionValue(data.Options, "name")
	case CmdBrief:
		req.Args = optionValue(data.Options, "briefing")
	case CmdRemove:
		req.Args = optionValue(data.Options, "briefing")
	case CmdAdd:
		if admin {
			d.addCommand(i, req, log)
			return
		}
	}
	d.run(i, req, title, private || adminCommands[data.Name], log)
}

// adminCommands are the commands only admins may run; their replies are
// private and they report progress.
var adminCommands = map[string]bool{CmdReload: true, CmdAdd: true, CmdRemove: true}

// deferredCommands take long enough to be acknowledged first ("briefbot
// is thinking…") and their answer edited in.
var deferredCommands = map[string]bool{CmdAsk: true, CmdActor: true, CmdBrief: true, CmdReload: true, CmdAdd: true, CmdRemove: true}

// run handles an interaction's request. A slow command is acknowledged once
// the router accepts it (past the rate limit) and its answer edited in; a
// quick one, or a refusal, is answered at once.
func (d *Discord) run(i *discordgo.Interaction, req Request, title string, private bool, log *slog.Logger) {
	tried, acked := false, false
	if deferredCommands[req.Command] && (!adminCommands[req.Command] || req.Admin) {
		req.Accepted = func() { tried, acked = true, d.deferAck(i, private, log) }
	}
	var stopProgress func()
	if adminCommands[req.Command] && req.Admin {
		req.Progress, stopProgress = d.progressEditor(i, log)
	}
	start := time.Now()
	rep := d.router.Handle(d.work, req)
	if stopProgress != nil {
		stopProgress() // no progress may land after the answer
	}
	log.Info("answered", "citations", len(rep.Citations), "failed", rep.Failed, "throttled", rep.Throttled, "took", time.Since(start))
	rep.Private = rep.Private || private
	data := d.replyData(rep, title)
	switch {
	case !tried:
		d.respond(i, data, log)
		return
	case !acked:
		return // deferring failed: logged, and the token is spent
	}
	if m := d.editAnswer(i, data, log); m != nil {
		d.convs.put(m.ID, req.Conversation)
		if req.Command == CmdAsk && !rep.Private && i.GuildID != "" && d.threadsIn(i.ChannelID) && !d.isThread(i.ChannelID) {
			// The thread, started on the answer, has the answer's ID: its
			// follow-ups continue the conversation remembered for it.
			m.ChannelID, m.GuildID = i.ChannelID, i.GuildID
			d.openThread(m, req.Args, log)
		}
	}
}

// editAnswer edits the answer into a deferred response, or an apology when
// Discord refuses it; it returns the answer's message, or nil.
func (d *Discord) editAnswer(i *discordgo.Interaction, data *discordgo.InteractionResponseData, log *slog.Logger) *discordgo.Message {
	empty := ""
	edit := &discordgo.WebhookEdit{Content: &empty, Embeds: &data.Embeds, Components: &data.Components, AllowedMentions: noMentions()}
	if data.Content != "" {
		edit.Content = &data.Content
	}
	m, err := d.session.InteractionResponseEdit(i, edit, d.rest())
	if err == nil {
		return m
	}
	log.Error("editing the answer in failed", "err", err)
	sorry := "Sorry, I couldn't show that answer. Please try again."
	edit = &discordgo.WebhookEdit{Content: &sorry, Embeds: &[]*discordgo.MessageEmbed{},
		Components: &[]discordgo.MessageComponent{}, AllowedMentions: noMentions()}
	if _, err := d.session.InteractionResponseEdit(i, edit, d.rest()); err != nil {
		log.Error("editing the apology in failed", "err", err)
	}
	return nil
}

// deferAck acknowledges an interaction ("briefbot is thinking…"), privately
// when asked; it reports whether Discord took it.
func (d *Discord) deferAck(i *discordgo.Interaction, private bool, log *slog.Logger) bool {
	ack := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}
	if private {
		ack.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := d.session.InteractionRespond(i, ack, d.rest()); err != nil {
		log.Error("deferring the interaction failed", "err", err)
		return false
	}
	return true
}

// interactionConversation is the conversation an interaction belongs to:
// its thread or DM, else one of its own.
func (d *Discord) interactionConversation(i *discordgo.Interaction) string {
	switch {
	case i.GuildID == "":
		return i.ChannelID
	case d.isThread(i.ChannelID):
		return i.ChannelID
	}
	return i.ID
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
		Components: d.components(rep, overflow, len(embed.Fields)+1),
	}
	if rep.Throttled { // a notice, not an answer
		data = notice(rep.Text)
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

// onAutocomplete offers up to 25 known actors (/actor) or briefings (/brief,
// /remove) matching what was typed.
func (d *Discord) onAutocomplete(i *discordgo.Interaction, log *slog.Logger) {
	data := i.ApplicationCommandData()
	partial := focusedValue(data.Options)
	ctx, cancel := context.WithTimeout(d.work, 2*time.Second)
	defer cancel()
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	add := func(name, value string) {
		name, value = truncate(strings.TrimSpace(name), 100), strings.TrimSpace(value)
		if name != "" && value != "" && runeLen(value) <= 100 && len(choices) < maxChoices {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
		}
	}
	switch data.Name {
	case CmdBrief, CmdRemove:
		docs, err := d.router.CompleteBriefings(ctx, partial, maxChoices)
		if err != nil {
			log.Error("autocomplete failed", "partial", partial, "err", err)
		}
		for _, b := range docs {
			add(b.Title, b.Path)
		}
	default:
		names, err := d.router.Complete(ctx, partial, maxChoices)
		if err != nil {
			log.Error("autocomplete failed", "partial", partial, "err", err)
		}
		for _, n := range names {
			add(n, truncate(n, 100))
		}
	}
	d.callback(i, discordgo.InteractionApplicationCommandAutocompleteResult, &discordgo.InteractionResponseData{Choices: choices}, log)
}

// onComponent handles a click: "More sources" (the citations that did not
// fit under the answer, shown only to the clicker), 👍/👎, or a choice.
func (d *Discord) onComponent(i *discordgo.Interaction, userID string, admin bool, log *slog.Logger) {
	data := i.MessageComponentData()
	id := data.CustomID
	switch {
	case strings.HasPrefix(id, moreButtonPrefix):
		e, ok := d.more.get(strings.TrimPrefix(id, moreButtonPrefix))
		if !ok {
			d.respond(i, notice("Those sources have expired; ask the question again to see them."), log)
			return
		}
		d.respond(i, &discordgo.InteractionResponseData{
			Embeds: []*discordgo.MessageEmbed{moreEmbed(e.cites, e.first)},
			Flags:  discordgo.MessageFlagsEphemeral,
		}, log)
	case strings.HasPrefix(id, voteButtonPrefix):
		d.onVote(i, userID, strings.TrimPrefix(id, voteButtonPrefix), log)
	case strings.HasPrefix(id, runPrefix):
		cmd, args, _ := strings.Cut(strings.TrimPrefix(id, runPrefix), ":")
		if cmd == "pick" && len(data.Values) > 0 {
			cmd, args, _ = strings.Cut(data.Values[0], ":")
		}
		if !throttledCommands[cmd] {
			d.respond(i, notice("That choice no longer works."), log)
			return
		}
		req := Request{Command: cmd, Args: args, UserID: userID, ChannelID: i.ChannelID, Admin: admin,
			Conversation: d.interactionConversation(i)}
		if i.Message != nil {
			if key, ok := d.convs.get(i.Message.ID); ok {
				req.Conversation = key
			}
		}
		d.run(i, req, "", false, log)
	default:
		log.Warn("unknown button", "custom_id", id)
		d.respond(i, notice("That button no longer works."), log)
	}
}

// onVote stores a 👍 or 👎 with the question and the answer it rates. The
// same vote twice by one user is stored once; a changed vote is stored too,
// so the export's last vote of a user on an answer is the one that stands.
func (d *Discord) onVote(i *discordgo.Interaction, userID, arg string, log *slog.Logger) {
	choice, key, _ := strings.Cut(arg, ":")
	v, ok := d.votes.get(key)
	if !ok || (choice != store.VoteUp && choice != store.VoteDown) {
		d.respond(i, notice("That answer is too old to rate now; ask the question again."), log)
		return
	}
	thumb := "👍"
	if choice == store.VoteDown {
		thumb = "👎"
	}
	if last, ok := d.voted.get(userID + "/" + key); ok && last == choice {
		d.respond(i, notice("You already gave this answer a "+thumb+"."), log)
		return
	}
	ctx, cancel := context.WithTimeout(d.work, 2*time.Second)
	defer cancel()
	err := d.router.Feedback.AddFeedback(ctx, store.Feedback{At: time.Now(), UserID: userID, Vote: choice,
		Question: v.question, Answer: v.answer, Citations: v.cites})
	if err != nil {
		log.Error("storing feedback failed", "err", err)
		d.respond(i, notice("Sorry, I couldn't save that just now."), log)
		return
	}
	d.voted.put(userID+"/"+key, choice)
	d.traceEvent("feedback", "vote", choice, "user", userID)
	d.respond(i, notice("Thanks — your "+thumb+" is noted; it helps improve the answers."), log)
}

// optionBool returns the boolean value of the named option (false when absent).
func optionBool(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	for _, o := range opts {
		if o.Name == name {
			b, _ := o.Value.(bool)
			return b
		}
	}
	return false
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
