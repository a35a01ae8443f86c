package bot

import (
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

const linJian = "Chinese foreign ministry spokesperson Lin Jian emphasized that China hopes"

func TestMentionGetsReplyQuotingTheSentence(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	m := h.reply(ctx, id)
	if len(m.Embeds) != 1 {
		t.Fatalf("want one embed, got %+v", m)
	}
	e := m.Embeds[0]
	if len(e.Fields) == 0 || !strings.Contains(e.Fields[0].Value, linJian) || !strings.Contains(e.Fields[0].Name, "sentence 18") {
		t.Errorf("first citation = %+v, want sentence 18 quoting Lin Jian", e.Fields)
	}
	if !strings.Contains(e.Description, "Lin Jian") {
		t.Errorf("answer = %q, want Lin Jian", e.Description)
	}
	if _, err := h.srv.WaitFor(ctx, discordtest.Match("POST", "/api/v9/channels/"+h.srv.ChannelID+"/typing")); err != nil {
		t.Errorf("no typing indicator: %v", err)
	}
}

func TestAskCommandIsDeferredThenEdited(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{
		Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "how many troops")},
	})
	if resp := h.callback(ctx, in); resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("callback type = %d, want 5 (deferred)", resp.Type)
	}
	m := h.original(ctx, in)
	if len(m.Embeds) != 1 {
		t.Fatalf("want one embed, got %+v", m)
	}
	text := embedText(m.Embeds[0])
	for _, want := range []string{"1,500", "12,000", "sentence 3", "sentence 10", "how many troops"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q:\n%s", want, text)
		}
	}
	if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Error("an answer to /ask should be public")
	}
}

func TestActorAutocomplete(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{
		Command: "actor",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Focused(discordtest.StringOption("name", "rut"))},
	})
	resp := h.callback(ctx, in)
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("callback type = %d, want 8", resp.Type)
	}
	var names []string
	for _, c := range resp.Data.Choices {
		names = append(names, c.Name)
	}
	if !slices.Contains(names, "Mark Rutte") || len(names) > 25 {
		t.Errorf("choices = %q, want Mark Rutte among at most 25", names)
	}
}

func TestActorCommandAndMoreSources(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{
		Command: "actor",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("name", "South Korea")},
	})
	m := h.original(ctx, in)
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Title, "South Korea") {
		t.Fatalf("dossier = %+v", m.Embeds)
	}
	button := findButton(m.Components)
	if button == nil {
		t.Fatalf("no More sources button on a dossier with %d citations shown (footer %q)", len(m.Embeds[0].Fields), m.Embeds[0].Footer.Text)
	}
	click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: button.CustomID, MessageID: m.ID})
	resp := h.callback(ctx, click)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("More sources answered with type %d flags %d, want a private message", resp.Type, resp.Data.Flags)
	}
	if len(resp.Data.Embeds) != 1 || len(resp.Data.Embeds[0].Fields) == 0 {
		t.Fatalf("More sources shows nothing: %+v", resp.Data.Embeds)
	}
	first := resp.Data.Embeds[0].Fields[0].Name
	if want := "[" + itoa(len(m.Embeds[0].Fields)+1) + "]"; !strings.HasPrefix(first, want) {
		t.Errorf("more sources start at %q, want numbering to go on with %s", first, want)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func findButton(rows []discordgo.MessageComponent) *discordgo.Button {
	for _, r := range rows {
		row, ok := r.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range row.Components {
			if b, ok := c.(*discordgo.Button); ok && strings.HasPrefix(b.CustomID, moreButtonPrefix) {
				return b
			}
		}
	}
	return nil
}

func TestHelpAndSourcesAnswerAtOnce(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	for cmd, want := range map[string]string{"help": "/actor", "sources": "north-korean-troops-in-russia"} {
		in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: cmd})
		resp := h.callback(ctx, in)
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("/%s: callback type %d, want 4", cmd, resp.Type)
			continue
		}
		if len(resp.Data.Embeds) != 1 || !strings.Contains(embedText(resp.Data.Embeds[0]), want) {
			t.Errorf("/%s: %+v lacks %q", cmd, resp.Data.Embeds, want)
		}
	}
}

const newBriefing = `Quell visits Ostravia

Ostravian Foreign Minister Zara Quell said that the new canal treaty will double grain exports by spring.
Officials in the capital welcomed the announcement.
`

func TestReloadRefusedForNonAdmin(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	h.writeBriefing("quell.txt", newBriefing)
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", Permissions: discordgo.PermissionSendMessages, Roles: []string{"1300000000000000999"}})
	resp := h.callback(ctx, in)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("refusal: type %d flags %d, want an immediate private message", resp.Type, resp.Data.Flags)
	}
	if text := embedText(resp.Data.Embeds[0]); !strings.Contains(text, "Only admins") {
		t.Errorf("refusal says %q", text)
	}
	docs, err := h.lib.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Errorf("a refused reload changed the library: %d briefings", len(docs))
	}
	if cmds := h.srv.Commands(h.srv.GuildID); len(cmds) != len(slashCommands()) {
		t.Errorf("registered %d commands, want %d", len(cmds), len(slashCommands()))
	} else {
		for _, c := range cmds {
			if c.Name == "reload" && (c.DefaultMemberPermissions == nil || *c.DefaultMemberPermissions != discordgo.PermissionManageGuild) {
				t.Errorf("/reload default member permissions = %v, want Manage Server", c.DefaultMemberPermissions)
			}
		}
	}
}

func TestReloadByAdminMakesNewFactsAnswerable(t *testing.T) {
	const adminRole = "1300000000000000777"
	h := startBot(t, harnessOpts{config: func(c *Config) { c.AdminRoles = []string{adminRole} }})
	ctx := h.ctx()
	h.writeBriefing("quell.txt", newBriefing)
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", Roles: []string{adminRole}})
	resp := h.callback(ctx, in)
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("reload ack: type %d flags %d, want a private deferral", resp.Type, resp.Data.Flags)
	}
	m := h.original(ctx, in)
	if text := messageText(m); !strings.Contains(text, "1 added") || !strings.Contains(text, "quell.txt") {
		t.Errorf("reload report = %q", text)
	}
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("reload report is not private")
	}

	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did Zara Quell say?", MentionBot: true})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "double grain exports") {
		t.Errorf("the new briefing is not answerable:\n%s", text)
	}
}

const pingBriefing = `Pings

Press secretary Ana Vell said @everyone should read <@123> and <@&456> before *noon* on Friday.
`

func TestNothingEverPings(t *testing.T) {
	h := startBot(t, harnessOpts{briefings: map[string]string{"pings.txt": pingBriefing}})
	ctx := h.ctx()
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did Ana Vell say?", MentionBot: true})
	m := h.reply(ctx, id)
	text := messageText(m)
	if !strings.Contains(text, "Ana Vell") {
		t.Fatalf("the ping briefing was not quoted:\n%s", text)
	}
	for _, raw := range []string{"@everyone", "<@123>", "<@&456>", " *noon*"} {
		if strings.Contains(text, raw) {
			t.Errorf("quoted text contains raw %q:\n%s", raw, text)
		}
	}
	if !strings.Contains(text, `\*noon\*`) {
		t.Errorf("markdown not escaped:\n%s", text)
	}
	// A slash command and its followups too.
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "@everyone what did Ana Vell say?")}})
	h.original(ctx, in)
	assertNoMentionsAllowed(t, h.srv.Requests())
}

// assertNoMentionsAllowed checks that every message the bot sent, edited or
// answered with carries allowed_mentions with an empty parse list.
func assertNoMentionsAllowed(t *testing.T, reqs []discordtest.Request) {
	t.Helper()
	n := 0
	for _, r := range reqs {
		isMessage := (r.Method == "POST" && strings.HasSuffix(r.Path, "/messages")) ||
			(r.Method == "POST" && strings.HasSuffix(r.Path, "/callback")) ||
			(r.Method == "PATCH" && strings.Contains(r.Path, "/messages/")) ||
			(r.Method == "POST" && strings.HasPrefix(r.Path, "/api/v9/webhooks/"))
		if !isMessage {
			continue
		}
		n++
		var body struct {
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
			Data *struct {
				AllowedMentions *struct {
					Parse []string `json:"parse"`
				} `json:"allowed_mentions"`
			} `json:"data"`
		}
		if err := r.JSON(&body); err != nil {
			t.Errorf("%s: %v", r, err)
			continue
		}
		am := body.AllowedMentions
		if strings.HasSuffix(r.Path, "/callback") && body.Data != nil {
			am = body.Data.AllowedMentions
		}
		if am == nil || am.Parse == nil || len(am.Parse) != 0 {
			t.Errorf("%s: allowed_mentions = %s, want parse []", r, r.Body)
		}
	}
	if n < 3 {
		t.Errorf("only %d message requests checked", n)
	}
}

func TestRateLimitedRESTCallIsRetried(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	path := "/api/v9/channels/" + h.srv.ChannelID + "/messages"
	h.srv.FailNext("POST", path, 429, 50*time.Millisecond, 1)
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "Lin Jian") {
		t.Errorf("reply after 429 = %q", text)
	}
	var statuses []int
	for _, r := range h.srv.Requests() {
		if r.Method == "POST" && r.Path == path {
			statuses = append(statuses, r.Status)
		}
	}
	if !slices.Equal(statuses, []int{429, 200}) {
		t.Errorf("statuses of the reply = %v, want [429 200]", statuses)
	}
}

func TestResumesAfterConnectionDrop(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	resumes := h.srv.Resumes()
	h.srv.DropConnections()
	if err := h.srv.WaitUntil(ctx, func() bool { return h.srv.Resumes() > resumes }); err != nil {
		t.Fatalf("bot did not resume: %v", err)
	}
	if err := h.srv.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "NATO") {
		t.Errorf("reply after resume = %q", text)
	}
}

func TestIgnoresItsOwnMessagesAndOtherBots(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	own := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true, AuthorID: h.srv.BotID})
	h.waitTrace(ctx, "ignored message="+own+" reason=bot author")
	other := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true, AuthorID: "1300000000000000555", AuthorBot: true})
	h.waitTrace(ctx, "ignored message="+other+" reason=bot author")
	// The bot's own replies come back as MESSAGE_CREATE too: they are ignored
	// the same way, so a question gets exactly one reply.
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	reply := h.reply(ctx, id)
	h.waitTrace(ctx, "ignored message="+reply.ID)
	for _, r := range h.srv.Requests() {
		if r.Method != "POST" || !strings.HasSuffix(r.Path, "/messages") {
			continue
		}
		if m, err := r.Message(); err == nil && m.MessageReference != nil && m.MessageReference.MessageID != id {
			t.Errorf("the bot replied to %s", m.MessageReference.MessageID)
		}
	}
}

func TestUserRateLimit(t *testing.T) {
	h := startBot(t, harnessOpts{config: func(c *Config) { c.UserRate = Rate{N: 2, Per: time.Hour} }})
	ctx := h.ctx()
	var ids []string
	for range 3 {
		ids = append(ids, h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true}))
	}
	notices := 0
	for _, id := range ids {
		m := h.reply(ctx, id)
		if strings.Contains(m.Content, "try again in") {
			notices++
		} else if len(m.Embeds) != 1 {
			t.Errorf("reply to %s is neither an answer nor a notice: %+v", id, m)
		}
	}
	if notices != 1 {
		t.Errorf("%d cool-down notices, want 1", notices)
	}
	// A fourth question in the cool-down is refused silently.
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true})
	h.waitTrace(ctx, "rate limited message="+id)
	// A slash command is always told, privately.
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "how many troops")}})
	resp := h.callback(ctx, in)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "try again in") {
		t.Errorf("rate-limited /ask answered %+v", resp.Data)
	}
}

func TestChannelsAndDMs(t *testing.T) {
	const questions = "1300000000000000201"
	h := startBot(t, harnessOpts{
		server: []discordtest.Option{discordtest.WithMessageContentIntent(true)},
		config: func(c *Config) { c.Channels = []string{questions}; c.GuildID = "" },
	})
	ctx := h.ctx()
	if n := len(h.srv.Commands("")); n != len(slashCommands()) {
		t.Errorf("%d global commands, want %d (no DISCORD_GUILD_ID)", n, len(slashCommands()))
	}
	if s := h.srv.Sessions(); len(s) != 1 || s[0].Intents&discordgo.IntentMessageContent == 0 {
		t.Fatalf("sessions = %+v, want the MESSAGE_CONTENT intent", s)
	}
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", ChannelID: questions})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "NATO") {
		t.Errorf("channel question answered %q", text)
	}
	dm := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", DM: true})
	if text := messageText(h.reply(ctx, dm)); !strings.Contains(text, "Lin Jian") {
		t.Errorf("DM answered %q", text)
	}
	// Elsewhere, a message that does not mention the bot is not a question.
	chatter := h.srv.SendMessage(discordtest.MessageOpts{Content: "lunch?"})
	mention := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	h.reply(ctx, mention)
	for _, r := range h.srv.Requests() {
		if m, err := r.Message(); err == nil && r.Method == "POST" && m.MessageReference != nil && m.MessageReference.MessageID == chatter {
			t.Error("the bot answered chatter in a channel that is not configured")
		}
	}
}

func TestShardingAndIntents(t *testing.T) {
	h := startBot(t, harnessOpts{config: func(c *Config) { c.ShardID, c.ShardCount = 1, 2 }})
	s := h.srv.Sessions()
	if len(s) != 1 || s[0].Shard != [2]int{1, 2} {
		t.Fatalf("sessions = %+v, want shard [1 2]", s)
	}
	want := discordgo.IntentGuilds | discordgo.IntentGuildMessages | discordgo.IntentDirectMessages
	if s[0].Intents != want {
		t.Errorf("intents = %d, want %d (no MESSAGE_CONTENT without channels)", s[0].Intents, want)
	}
	for _, r := range h.srv.Requests() {
		if r.Method == "PUT" {
			t.Errorf("shard 1 registered commands (%s): that is shard 0's job", r)
		}
	}
}

func TestLongReplyStaysInsideDiscordLimits(t *testing.T) {
	h := startBot(t, harnessOpts{})
	rep := longReply()
	embed, overflow := replyEmbed(rep, strings.Repeat("why? ", 100))
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed}, AllowedMentions: noMentions()}
	msg.Components = h.bot.components(rep, overflow, len(embed.Fields)+1)
	if _, err := h.bot.session.ChannelMessageSendComplex(h.srv.ChannelID, msg); err != nil {
		t.Fatalf("Discord refused the long reply: %v", err)
	}
	more := moreEmbed(overflow, len(embed.Fields)+1)
	if _, err := h.bot.session.ChannelMessageSendComplex(h.srv.ChannelID, &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{more}, AllowedMentions: noMentions()}); err != nil {
		t.Fatalf("Discord refused the More sources embed: %v", err)
	}
}

func TestShutdownFinishesWorkInFlight(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	if !h.bot.begin() { // an answer in flight
		t.Fatal("begin refused before shutdown")
	}
	h.cancel()
	// Once shutdown has begun, new work is refused...
	h.waitTrace(ctx, "shutdown started")
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	h.waitTrace(ctx, "ignored message="+id+" reason=shutting down")
	// ...but Run waits for the answer in flight.
	select {
	case err := <-h.done:
		t.Fatalf("Run returned (%v) with an answer in flight", err)
	default:
	}
	h.bot.end()
	select {
	case err := <-h.done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		h.done <- nil
	case <-ctx.Done():
		t.Fatal("Run did not return once the answer in flight ended")
	}
	if err := h.srv.WaitUntil(ctx, func() bool { return len(h.srv.Sessions()) == 0 }); err != nil {
		t.Errorf("session still open after shutdown: %+v", h.srv.Sessions())
	}
}

func TestHandlerPanicIsRecovered(t *testing.T) {
	logs := &syncBuffer{}
	d := &Discord{log: slogTo(logs)}
	d.guard("message", func() { panic("boom") })
	if !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged: %q", logs.String())
	}
}

func slogTo(w *syncBuffer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
