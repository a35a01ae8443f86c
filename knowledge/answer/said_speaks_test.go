package answer

import (
	"context"
	"strings"
	"testing"
)

// TestSpeaksIn checks when a sentence has a named actor speak: a verb of
// speech shortly after their name or right before it, not a mere mention.
func TestSpeaksIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Last week the Harlow Institute (HI) said rents would rise.", true},
		{"Jane Doyle, the union's leader, warned of strikes.", true},
		{"\"We will not move,\" said Jane Doyle.", true},
		{"The plan was backed by Jane Doyle and the council.", false},
		{"Jane Doyle should resign, Tom Reed said on Monday evening in Leeds.", false},
	} {
		if got := speaksIn(tc.text, []string{"jane doyle", "harlow institute"}); got != tc.want {
			t.Errorf("speaksIn(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestAskUnnamedRole asks what a title no named person holds said: a sentence
// that quotes them unnamed answers, and the same title of another country
// gets an honest no.
func TestAskUnnamedRole(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"fuel.txt": "Fuel tax cut\n\nDrivers face lower prices next year. " +
			"Norway's finance minister has said the fuel tax would be cut by a third. " +
			"Hauliers said the cut would save jobs.",
	})
	ctx := context.Background()
	a, err := e.Ask(ctx, "what did the norwegian finance minister say about the fuel tax?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "cut by a third") {
		t.Errorf("unnamed minister: %q (answered %v), want the quota sentence", a.Text, a.Answered)
	}
	a, err = e.Ask(ctx, "what did the swedish finance minister say about the fuel tax?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("another country's minister answered: %q", a.Text)
	}
}
