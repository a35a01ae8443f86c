package bot

// End-to-end tests of the slash commands added for issue 12: /add, /remove,
// /brief, private /ask, choices, 👍/👎 feedback, expired buttons, command
// contexts and the shard count from Discord.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// adminInteraction is an interaction by a member with Manage Server.
func adminInteraction(o discordtest.InteractionOpts) discordtest.InteractionOpts {
	o.Permissions = discordgo.PermissionManageGuild
	return o
}

func TestAddGoodAndBadBriefings(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	add := func(name string, data []byte, admin bool) discordtest.Interaction {
		o := discordtest.InteractionOpts{Command: "add", Attachments: []discordtest.Attachment{
			{Option: "file", Name: name, ContentType: "text/plain", Data: data}}}
		if admin {
			o = adminInteraction(o)
		}
		return h.srv.SendInteraction(o)
	}

	in := add("quell.txt", []byte(newBriefing), true)
	if resp := h.callback(ctx, in); resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("/add was not acknowledged privately: %+v", resp)
	}
	m := h.original(ctx, in)
	text := messageText(m)
	if !strings.Contains(text, "Added quell.txt") || !strings.Contains(text, "+ quell.txt") || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("/add report: %q (flags %d), want a private report naming quell.txt", text, m.Flags)
	}
	if b, err := os.ReadFile(filepath.Join(h.seeds, "quell.txt")); err != nil || string(b) != newBriefing {
		t.Errorf("quell.txt in the seeds: %q, %v", b, err)
	}
	a, err := h.lib.Ask(ctx, "what did Zara Quell say?")
	if err != nil || !a.Answered {
		t.Errorf("the added briefing does not answer: %+v, %v", a, err)
	}

	for _, bad := range []struct {
		name string
		data []byte
		want string
	}{
		{"photo.txt", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), "binary"},
		{"latin1.txt", []byte("Caf\xe9 society said so.\n"), "UTF-8"},
		{"empty.txt", []byte("  \n"), "empty"},
		{"report.pdf", []byte("A text that is not a briefing file name.\n"), ".txt or .md"},
	} {
		in := add(bad.name, bad.data, true)
		m := h.original(ctx, in)
		text := messageText(m)
		if !strings.Contains(text, "not added") || !strings.Contains(text, bad.want) {
			t.Errorf("/add %s: %q, want a refusal saying %q", bad.name, text, bad.want)
		}
		if _, err := os.Stat(filepath.Join(h.seeds, bad.name)); err == nil {
			t.Errorf("/add %s wrote the bad file", bad.name)
		}
	}
	// Members without the permission are refused at once, server-side.
	in = add("other.txt", []byte(newBriefing), false)
	resp := h.callback(ctx, in)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 ||
		!strings.Contains(embedText(resp.Data.Embeds[0]), "Only admins") {
		t.Errorf("non-admin /add: %+v", resp.Data)
	}
	if _, err := os.Stat(filepath.Join(h.seeds, "other.txt")); err == nil {
		t.Error("a non-admin's /add wrote the file")
	}
	leftovers, _ := filepath.Glob(filepath.Join(h.seeds, ".add-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left in the seeds: %q", leftovers)
	}
}

func TestRemoveBriefing(t *testing.T) {
	h := startBot(t, harnessOpts{briefings: map[string]string{"quell.txt": newBriefing}})
	ctx := h.ctx()
	in := h.srv.SendInteraction(adminInteraction(discordtest.InteractionOpts{Command: "remove",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Focused(discordtest.StringOption("briefing", "quell"))}}))
	choices := h.callback(ctx, in).Data.Choices
	if len(choices) != 1 || choices[0].Name != "Quell visits Ostravia" || choices[0].Value != "quell.txt" {
		t.Fatalf("autocomplete of quell: %+v", choices)
	}
	// Non-admins are refused.
	in = h.srv.SendInteraction(discordtest.InteractionOpts{Command: "remove",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("briefing", "quell.txt")}})
	if text := embedText(h.callback(ctx, in).Data.Embeds[0]); !strings.Contains(text, "Only admins") {
		t.Errorf("non-admin /remove: %q", text)
	}
	if _, err := os.Stat(filepath.Join(h.seeds, "quell.txt")); err != nil {
		t.Fatalf("a refused /remove removed the file: %v", err)
	}
	in = h.srv.SendInteraction(adminInteraction(discordtest.InteractionOpts{Command: "remove",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("briefing", "quell.txt")}}))
	m := h.original(ctx, in)
	if text := messageText(m); !strings.Contains(text, "Removed quell.txt") || !strings.Contains(text, "- quell.txt") {
		t.Errorf("/remove report: %q", text)
	}
	docs, err := h.lib.Sources(ctx)
	if err != nil || len(docs) != 1 {
		t.Errorf("after /remove: %d briefings (%v), want the seed only", len(docs), err)
	}
	in = h.srv.SendInteraction(adminInteraction(discordtest.InteractionOpts{Command: "remove",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("briefing", "nothing.txt")}}))
	if text := messageText(h.original(ctx, in)); !strings.Contains(text, "No briefing is called") {
		t.Errorf("/remove of an unknown briefing: %q", text)
	}
}

func TestBriefSummarisesTheBriefing(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "brief",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Focused(discordtest.StringOption("briefing", "korea"))}})
	choices := h.callback(ctx, in).Data.Choices
	if len(choices) != 1 || !strings.Contains(strings.ToLower(choices[0].Name), "korea") {
		t.Fatalf("/brief autocomplete: %+v", choices)
	}
	in = h.srv.SendInteraction(discordtest.InteractionOpts{Command: "brief",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("briefing", choices[0].Value.(string))}})
	m := h.original(ctx, in)
	if len(m.Embeds) != 1 || !strings.HasPrefix(m.Embeds[0].Title, "Summary") {
		t.Fatalf("/brief answered %q", messageText(m))
	}
	// The summary quotes the briefing's lead, its first sentence.
	if text := messageText(m); !strings.Contains(text, "South Korea is urging an immediate withdrawal") {
		t.Errorf("/brief does not quote the lead: %q", text)
	}
}

func TestPrivateAsk(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.StringOption("question", "how many troops?"), discordtest.BoolOption("private", true)}})
	if resp := h.callback(ctx, in); resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("private /ask acknowledged publicly: %+v", resp)
	}
	if m := h.original(ctx, in); m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(messageText(m), "1,500") {
		t.Errorf("private answer: %q, flags %d", messageText(m), m.Flags)
	}
}

// buttons lists the buttons of a message's rows.
func buttons(rows []discordgo.MessageComponent) []*discordgo.Button {
	var out []*discordgo.Button
	for _, r := range rows {
		if row, ok := r.(*discordgo.ActionsRow); ok {
			for _, c := range row.Components {
				if b, ok := c.(*discordgo.Button); ok {
					out = append(out, b)
				}
			}
		}
	}
	return out
}

func TestAmbiguousActorOffersButtons(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "actor",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("name", "Kim")}})
	m := h.original(ctx, in)
	var picks []*discordgo.Button
	for _, b := range buttons(m.Components) {
		if strings.HasPrefix(b.CustomID, runPrefix) {
			picks = append(picks, b)
		}
	}
	if len(picks) < 2 {
		t.Fatalf("/actor Kim offers %d choices: %q", len(picks), messageText(m))
	}
	click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: picks[0].CustomID, MessageID: m.ID})
	got := h.original(ctx, click)
	if len(got.Embeds) != 1 || got.Embeds[0].Title != picks[0].Label {
		t.Errorf("picking %q showed %q", picks[0].Label, messageText(got))
	}
}

// TestAmbiguousQuestionOffersButtons asks of a name two people share: the
// answer says so and offers each as a button, and a click asks the question
// of that person.
func TestAmbiguousQuestionOffersButtons(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "who is Kim?")}})
	m := h.original(ctx, in)
	if text := messageText(m); !strings.Contains(text, "may mean 2 people") {
		t.Errorf("the answer does not say the name is ambiguous: %q", text)
	}
	var picks []*discordgo.Button
	for _, b := range buttons(m.Components) {
		if strings.HasPrefix(b.CustomID, runPrefix+CmdAsk+":") {
			picks = append(picks, b)
		}
	}
	if len(picks) != 2 || picks[1].Label != "who is Kim Jong Un?" {
		t.Fatalf("\"who is Kim?\" offers %+v", picks)
	}
	click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: picks[1].CustomID, MessageID: m.ID})
	got := messageText(h.original(ctx, click))
	if !strings.Contains(got, "North Korean leader") || strings.Contains(got, "may mean") {
		t.Errorf("picking %q answered %q", picks[1].Label, got)
	}
}

func TestFeedbackIsStored(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "how many troops?")}})
	m := h.original(ctx, in)
	var down *discordgo.Button
	for _, b := range buttons(m.Components) {
		if strings.HasPrefix(b.CustomID, voteButtonPrefix+"down:") {
			down = b
		}
	}
	if down == nil {
		t.Fatalf("no 👎 under the answer: %+v", m.Components)
	}
	click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: down.CustomID, MessageID: m.ID, UserID: "1300000000000000321"})
	resp := h.callback(ctx, click)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "noted") {
		t.Errorf("vote acknowledged with %+v", resp.Data)
	}
	again := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: down.CustomID, MessageID: m.ID, UserID: "1300000000000000321"})
	if resp := h.callback(ctx, again); !strings.Contains(resp.Data.Content, "already") {
		t.Errorf("the same vote again: %q", resp.Data.Content)
	}
	fbs, err := h.lib.Store().Feedbacks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fbs) != 1 || fbs[0].Vote != "down" || fbs[0].Question != "how many troops?" || fbs[0].Answer == "" ||
		len(fbs[0].Citations) == 0 || fbs[0].UserID != "1300000000000000321" {
		t.Errorf("stored feedback: %+v", fbs)
	}
}

func TestButtonsFromBeforeARestartExpire(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	for id, want := range map[string]string{
		moreButtonPrefix + "l2x9k3-1":        "expired",
		voteButtonPrefix + "up:l2x9k3-2":     "too old",
		"something-from-another-version:abc": "no longer works",
	} {
		click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: id})
		resp := h.callback(ctx, click)
		if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, want) {
			t.Errorf("%s: %+v, want a private %q", id, resp.Data, want)
		}
	}
}

func TestCommandsDeclareContextsAndInvitePermissions(t *testing.T) {
	h := startBot(t, harnessOpts{})
	for _, c := range h.srv.Commands(h.srv.GuildID) {
		if c.Contexts == nil || len(*c.Contexts) == 0 || c.IntegrationTypes == nil || len(*c.IntegrationTypes) == 0 {
			t.Errorf("/%s: contexts %v, integration types %v", c.Name, c.Contexts, c.IntegrationTypes)
		}
		if c.DefaultMemberPermissions != nil && len(*c.Contexts) != 1 {
			t.Errorf("admin command /%s usable outside servers: %v", c.Name, *c.Contexts)
		}
	}
	if InvitePermissions&discordgo.PermissionSendMessagesInThreads == 0 {
		t.Error("the invite does not ask for Send Messages in Threads")
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "permissions=" + itoa(int(InvitePermissions)); !strings.Contains(string(readme), want) {
		t.Errorf("README's invite link lacks %s", want)
	}
}

func TestShardCountFromDiscord(t *testing.T) {
	h := startBot(t, harnessOpts{
		server: []discordtest.Option{discordtest.WithRecommendedShards(3)},
		config: func(c *Config) { c.ShardID, c.ShardCount, c.ShardsAuto = 0, 0, true },
	})
	s := h.srv.Sessions()
	if len(s) != 1 || s[0].Shard != [2]int{0, 3} {
		t.Errorf("sessions %+v, want shard [0, 3]", s)
	}
}
