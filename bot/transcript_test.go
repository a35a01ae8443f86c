package bot

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// transcriptWants are what a user must see in each reply of the transcript
// (every string of want in order, of has in any order), and what they must
// not.
var transcriptWants = map[string]struct{ want, has, not []string }{
	"@briefbot what did China say?": {want: []string{"Lin Jian", "[1] north-korean-troops-in-russia · sentence 18",
		"— 1 source · north-korean-troops-in-russia", "[ 👍 ]", "[ 👎 ]"}},
	"/ask how many troops? (deferred, then edited)": {want: []string{"**how many troops?**", "1,500", "12,000", "[1]",
		"sentence 3", "sentence 10", "sources · north-korean-troops-in-russia", "[ More sources (", "[ 👍 ]"}},
	// The engine lists the two Kims in no fixed order.
	"/actor Kim (deferred, then edited)": {want: []string{"may mean 2 actors"}, has: []string{"[ Kim Hong-kyun ]", "[ Kim Jong Un ]"},
		not: []string{"👍"}},
	"/actor Mark Rutte (deferred, then edited)": {want: []string{"**Mark Rutte**", "NATO Secretary-General", "[1]", "sentence 14"}},
	"/sources": {want: []string{"**1 briefing**", "north-korean-troops-in-russia.txt: 22 sentences"}},
	"/help":    {want: []string{"/actor NAME", "/brief", "/add", "/remove", "/help"}},
	"/reload":  {want: []string{"(only you can see this)", "Only admins can reload"}},
	"/reload (by an admin) (deferred, then edited)": {want: []string{"(only you can see this)", "+ quell.txt", "Now serving 2 briefings"}},
	"/actor South Korea":                            {want: []string{"**South Korea**", "Statements:", "[ More sources ("}},
	"[More sources] clicked":                        {want: []string{"(only you can see this)", "**More sources**", "[6]"}},
}

// TestTranscript runs every command once against the fake Discord and checks
// each reply as a user would see it; go test -v -run Transcript ./bot shows
// them.
func TestTranscript(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	h.writeBriefing("quell.txt", newBriefing)
	shown := map[string]bool{}
	show := func(what string, m *discordgo.Message) {
		t.Helper()
		text := render(m)
		t.Logf("──── %s ────\n%s", what, text)
		w, ok := transcriptWants[what]
		if !ok {
			t.Errorf("no expectations for %q", what)
		}
		shown[what] = true
		rest := text
		for _, s := range w.want {
			i := strings.Index(rest, s)
			if i < 0 {
				t.Errorf("%s: %q missing (in order) from\n%s", what, s, text)
				continue
			}
			rest = rest[i+len(s):]
		}
		for _, s := range w.has {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q missing from\n%s", what, s, text)
			}
		}
		for _, s := range w.not {
			if strings.Contains(text, s) {
				t.Errorf("%s: shows %q:\n%s", what, s, text)
			}
		}
	}
	defer func() {
		for what := range transcriptWants {
			if !shown[what] {
				t.Errorf("%q was never shown", what)
			}
		}
	}()

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
	if len(names) < 2 || !slices.Contains(names[:2], "Kim Hong-kyun") || !slices.Contains(names[:2], "Kim Jong Un") {
		t.Errorf("autocomplete of ki: %q, want the two Kims first", names)
	}

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
				switch c := c.(type) {
				case *discordgo.Button:
					label := c.Label
					if c.Emoji != nil {
						label = strings.TrimSpace(c.Emoji.Name + " " + label)
					}
					fmt.Fprintf(&b, "[ %s ]\n", label)
				case *discordgo.SelectMenu:
					fmt.Fprintf(&b, "[ %s ▾ ]\n", c.Placeholder)
				}
			}
		}
	}
	return b.String()
}
