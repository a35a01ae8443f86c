package bot

import (
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Custom ID prefixes of the bot's components. Only "run:" buttons carry all
// they need; the others name an entry of a bounded in-memory cache, so after
// a restart (or a while) they answer that they expired.
const (
	moreButtonPrefix = "more:" // "More sources": more:KEY
	voteButtonPrefix = "vote:" // 👍/👎: vote:up:KEY, vote:down:KEY
	runPrefix        = "run:"  // a choice: run:COMMAND:ARGS (buttons and the select menu)
)

// Discord's component limits.
const (
	maxCustomID      = 100
	maxButtonsInRow  = 5
	maxSelectOptions = 25
	maxLabel         = 80
)

// moreEntry is what a "More sources" button shows: the citations that did
// not fit under the answer, numbered on from first.
type moreEntry struct {
	cites []knowledge.Citation
	first int
}

// vote is what a 👍/👎 button rates: the question and the answer shown.
type vote struct {
	question, answer string
	cites            []knowledge.Citation
}

// components lays out a reply's buttons: "More sources" when citations
// overflow, 👍/👎 under a rated answer, and its choices as buttons (up to 5)
// or a select menu.
func (d *Discord) components(rep Reply, overflow []knowledge.Citation, first int) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if len(overflow) > 0 {
		key := d.newKey()
		d.more.put(key, moreEntry{cites: overflow, first: first})
		row = append(row, moreButton(key, len(overflow)))
	}
	if rep.Votable {
		key := d.newKey()
		d.votes.put(key, vote{question: rep.Question, answer: rep.Answer, cites: append(rep.Citations, rep.More...)})
		row = append(row,
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: voteButtonPrefix + store.VoteUp + ":" + key},
			discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: voteButtonPrefix + store.VoteDown + ":" + key})
	}
	rows := []discordgo.MessageComponent{}
	if len(row) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	if c := choiceRow(rep.Choices); c != nil {
		rows = append(rows, *c)
	}
	return rows
}

// choiceRow offers choices as buttons, or as a select menu when there are
// more than fit in a row; choices too long for a custom ID are left out
// (the reply's text lists them all).
func choiceRow(choices []Choice) *discordgo.ActionsRow {
	var ok []Choice
	for _, c := range choices {
		if len(runPrefix+c.Command+":"+c.Args) <= maxCustomID {
			ok = append(ok, c)
		}
	}
	ok = ok[:min(len(ok), maxSelectOptions)]
	switch {
	case len(ok) == 0:
		return nil
	case len(ok) <= maxButtonsInRow:
		var btns []discordgo.MessageComponent
		for _, c := range ok {
			btns = append(btns, discordgo.Button{Label: truncate(c.Args, maxLabel), Style: discordgo.PrimaryButton,
				CustomID: runPrefix + c.Command + ":" + c.Args})
		}
		return &discordgo.ActionsRow{Components: btns}
	}
	menu := discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: runPrefix + "pick", Placeholder: "Pick one", MaxValues: 1}
	for _, c := range ok {
		menu.Options = append(menu.Options, discordgo.SelectMenuOption{
			Label: truncate(c.Args, maxLabel), Value: c.Command + ":" + c.Args,
			Description: truncate(strings.TrimSpace(c.Label), 100),
		})
	}
	return &discordgo.ActionsRow{Components: []discordgo.MessageComponent{menu}}
}

// moreButton is the "More sources" button for key.
func moreButton(key string, n int) discordgo.Button {
	return discordgo.Button{Label: "More sources (" + strconv.Itoa(n) + ")", Style: discordgo.SecondaryButton, CustomID: moreButtonPrefix + key}
}

// newKey returns a key for a cache entry, unique within this process.
func (d *Discord) newKey() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatInt(d.keys.Add(1), 36)
}
