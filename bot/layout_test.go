package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge"
)

func TestChoicesBecomeASelectMenuPastFive(t *testing.T) {
	var many []Choice
	for _, n := range []string{"Kim A", "Kim B", "Kim C", "Kim D", "Kim E", "Kim F"} {
		many = append(many, Choice{Label: n + " (someone)", Command: CmdActor, Args: n})
	}
	row := choiceRow(many)
	if row == nil || len(row.Components) != 1 {
		t.Fatalf("row %+v, want one select menu", row)
	}
	menu, ok := row.Components[0].(discordgo.SelectMenu)
	if !ok || len(menu.Options) != 6 || menu.Options[5].Value != "actor:Kim F" {
		t.Errorf("menu %+v", row.Components[0])
	}
	row = choiceRow(many[:2])
	if b, ok := row.Components[1].(discordgo.Button); !ok || b.CustomID != runPrefix+"actor:Kim B" || b.Label != "Kim B" {
		t.Errorf("buttons %+v", row.Components)
	}
	long := Choice{Command: CmdActor, Args: strings.Repeat("x", maxCustomID)}
	if row := choiceRow([]Choice{long}); row != nil {
		t.Errorf("a choice too long for a custom ID got %+v", row)
	}
}

func TestAnswerLayout(t *testing.T) {
	c := func(doc string, n int, text string) knowledge.Citation {
		return knowledge.Citation{Document: doc, Sentence: n, Text: text}
	}
	q := "how many troops?"
	// An answer that is its first quote word for word is shown once.
	rep := answerReply(q, knowledge.Answer{Answered: true, Text: "About 1,500 soldiers arrived.",
		Citations: []knowledge.Citation{c("a/north-korea.txt", 3, "About 1,500 soldiers arrived")}})
	if rep.Text != "" || rep.Footer != "1 source · north-korea" || !rep.Votable || rep.Answer == "" {
		t.Errorf("verbatim answer: %+v", rep)
	}
	// Markers match the quotes: ones past them are dropped, none get one each.
	rep = answerReply(q, knowledge.Answer{Answered: true, Text: "Figures differ [1] [3].",
		Citations: []knowledge.Citation{c("x.txt", 1, "One."), c("y.md", 2, "Two.")},
		More:      []knowledge.Citation{c("z.txt", 5, "Three.")}})
	if rep.Text != "Figures differ [1]." || rep.Footer != "3 sources · x, y +1 more" {
		t.Errorf("markers and footer: %q, %q", rep.Text, rep.Footer)
	}
	rep = answerReply(q, knowledge.Answer{Answered: true, Text: "Figures differ.",
		Citations: []knowledge.Citation{c("x.txt", 1, "One."), c("x.txt", 2, "Two.")}})
	if rep.Text != "Figures differ. [1][2]" || rep.Footer != "2 sources · x" {
		t.Errorf("added markers: %q, %q", rep.Text, rep.Footer)
	}
	// "I don't know" has no footer and no vote.
	if rep := answerReply(q, knowledge.Answer{Text: "Nothing."}); rep.Footer != "" || rep.Votable {
		t.Errorf("unanswered: %+v", rep)
	}
}
