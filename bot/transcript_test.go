package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// TestTranscript runs every command once against the fake Discord and logs
// each reply as a user would see it (go test -v -run Transcript ./bot).
func TestTranscript(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	h.writeBriefing("quell.txt", newBriefing)
	show := func(what string, m *discordgo.Message) {
		t.Logf("──── %s ────\n%s", what, render(m))
	}

	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	show("@briefbot what did China say?", h.reply(ctx, id))

	for _, c := range []struct {
		cmd, opt, value string
		admin           bool
	}{
		{"ask", "question", "how many troops?", false},
		{"actor", "name", "Kim", false},
		{"actor", "name", "Mark Rutte", false},
		{"sources", "", "", false},
		{"help", "", "", false},
		{"reload", "", "", false},
		{"reload", "", "", true},
	} {
		o := discordtest.InteractionOpts{Command: c.cmd}
		label := "/" + c.cmd
		if c.opt != "" {
			o.Options = []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(c.opt, c.value)}
			label += " " + c.value
		}
		if c.admin {
			o.Permissions = discordgo.PermissionManageGuild
			label += " (by an admin)"
		}
		in := h.srv.SendInteraction(o)
		resp := h.callback(ctx, in)
		if resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
			show(label+" (deferred, then edited)", h.original(ctx, in))
			continue
		}
		m, _ := h.srv.Original(in.ID)
		show(label, m)
	}

	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "actor",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Focused(discordtest.StringOption("name", "ki"))}})
	var names []string
	for _, c := range h.callback(ctx, in).Data.Choices {
		names = append(names, c.Name)
	}
	t.Logf("──── /actor name: ki… (autocomplete) ────\n%s", strings.Join(names, " | "))

	in = h.srv.SendInteraction(discordtest.InteractionOpts{Command: "actor",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("name", "South Korea")}})
	m := h.original(ctx, in)
	show("/actor South Korea", m)
	if b := findButton(m.Components); b != nil {
		click := h.srv.SendInteraction(discordtest.InteractionOpts{CustomID: b.CustomID, MessageID: m.ID})
		h.callback(ctx, click)
		more, _ := h.srv.Original(click.ID)
		show("[More sources] clicked", more)
	}
}

// render draws a message roughly as Discord shows it.
func render(m *discordgo.Message) string {
	var b strings.Builder
	if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
		b.WriteString("(only you can see this)\n")
	}
	if m.Content != "" {
		b.WriteString(m.Content + "\n")
	}
	for _, e := range m.Embeds {
		if e.Title != "" {
			fmt.Fprintf(&b, "┃ **%s**\n", e.Title)
		}
		if e.Description != "" {
			fmt.Fprintf(&b, "┃ %s\n", strings.ReplaceAll(e.Description, "\n", "\n┃ "))
		}
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "┃ %s\n┃ %s\n", f.Name, f.Value)
		}
		if e.Footer != nil {
			fmt.Fprintf(&b, "┃ — %s\n", e.Footer.Text)
		}
	}
	for _, r := range m.Components {
		if row, ok := r.(*discordgo.ActionsRow); ok {
			for _, c := range row.Components {
				if btn, ok := c.(*discordgo.Button); ok {
					fmt.Fprintf(&b, "[ %s ]\n", btn.Label)
				}
			}
		}
	}
	return b.String()
}
