package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestAskFigureNearBest asks for figures a plain match of the best sentence
// would miss: a sentence just after the one that names the event, holding
// some of the question, gives it; a name that is an actor of another
// briefing, which the answering briefing only writes in passing, does not
// stop it.
func TestAskFigureNearBest(t *testing.T) {
	for _, tt := range []struct {
		name, question, want string
		briefings            map[string]string
	}{
		{"figure after the event", "how many people were killed in the harlow market bombing?", "seven", map[string]string{
			"harlow.txt": "Mayor condemns attack\n\nMayor Jane Doyle has condemned Sunday's bombing of the market in Harlow. " +
				"She met police chiefs on Monday. " +
				"The attack, which killed seven, was the worst in the town for years.",
			"rail.txt": "Rail fares\n\nRail fares will rise by 3% in March. Commuters said they were angry.",
		}},
		{"name in passing", "how much did the new stage near kestrel arena cost?", "£4m", map[string]string{
			"arena.txt": "Arena owners fined\n\nThe Kestrel Arena said on Monday it would appeal against the fine. " +
				"The Kestrel Arena has been fined twice before.",
			"concert.txt": "Concert season\n\nThe summer concerts will be held in the city park this year. " +
				"Building the new stage near Kestrel Arena cost £4m, the council said.",
		}},
	} {
		e := openBriefings(t, tt.briefings)
		a, err := e.Ask(context.Background(), tt.question)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.Contains(strings.ToLower(a.Text), strings.ToLower(tt.want)) {
			t.Errorf("%s: %q (answered %v), want %s", tt.name, a.Text, a.Answered, tt.want)
		}
	}
}

// TestAsksMoney checks which questions ask for an amount of money.
func TestAsksMoney(t *testing.T) {
	for q, want := range map[string]bool{
		"how much compensation is she claiming": true,
		"how big was the payout":                true,
		"how much did prices rise":              false,
		"how many people came":                  false,
	} {
		if got := asksMoney(words(q)); got != want {
			t.Errorf("asksMoney(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAskAcronymInFull asks about a body by an acronym no sentence holds:
// the briefing that writes its name in full answers.
func TestAskAcronymInFull(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"safety.txt": "Factory checks\n\nFactory accidents rose last year. " +
			"The Office for Factory Safety said it would inspect twice as many plants this year. " +
			"Unions said workers were still at risk in dangerous plants.",
		"rail.txt": "Rail fares\n\nRail fares will rise by 3% in March. Commuters said they were angry.",
	})
	a, err := e.Ask(context.Background(), "what is the OFS doing about dangerous plants?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "inspect twice") {
		t.Errorf("acronym in full: %q (answered %v, cites %v), want the inspection sentence first", a.Text, a.Answered, a.Citations)
	}
}

// TestDecadeForms checks that a decade written short finds it written in full.
func TestDecadeForms(t *testing.T) {
	for w, want := range map[string][]string{"80s": {"1980", "2080"}, "'90s": {"1990", "2090"}, "80": nil, "20": nil, "1980s": nil, "cars": nil} {
		if got := decadeForms(w); !slices.Equal(got, want) {
			t.Errorf("decadeForms(%q) = %q, want %q", w, got, want)
		}
	}
	e := openBriefings(t, map[string]string{
		"crash.txt": "House prices\n\nHouse prices in the north rose by 5% this year, after house prices in the south fell in the spring. " +
			"Ms Doyle cited the early 1990s as a time when house prices fell for years.",
	})
	a, err := e.Ask(context.Background(), "what happened to house prices in the early 90s?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "1990s") {
		t.Errorf("the 90s: %q, want the 1990s sentence", a.Text)
	}
}
