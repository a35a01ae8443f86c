package answer_test

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// TestAbout names the actors an answer is about, for follow-ups: the
// question's subject as resolved first, then the people of the first sentence.
func TestAbout(t *testing.T) {
	lib := openSeed(t)
	for _, tt := range []struct {
		q    string
		want knowledge.ActorRef
	}{
		{"who is Mark Rutte?", knowledge.ActorRef{Name: "Mark Rutte", Kind: knowledge.Person, Title: "NATO Secretary-General", Phrase: "mark rutte"}},
		{"who is the Russian ambassador?", knowledge.ActorRef{Name: "Georgiy Zinoviev", Kind: knowledge.Person, Title: "Russian Ambassador", Phrase: "the russian ambassador"}},
		{"what did lamy say?", knowledge.ActorRef{Name: "David Lammy", Kind: knowledge.Person, Title: "UK Foreign Minister", Phrase: "lamy"}},
		{"what did Russia say?", knowledge.ActorRef{Name: "Russia", Kind: knowledge.Country, Phrase: "russia"}},
		{"who condemned Russia's actions as reckless?", knowledge.ActorRef{Name: "Russia", Kind: knowledge.Country, Phrase: "russia"}},
	} {
		a, err := lib.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.About) == 0 || a.About[0] != tt.want {
			t.Errorf("%q: about %+v, want first %+v", tt.q, a.About, tt.want)
		}
	}
	// The speaker of a sentence found by search comes after the question's own.
	a, err := lib.Ask(context.Background(), "who condemned Russia's actions as reckless?")
	if err != nil {
		t.Fatal(err)
	}
	var lammy bool
	for _, r := range a.About {
		lammy = lammy || r.Name == "David Lammy" && r.Phrase == ""
	}
	if !lammy {
		t.Errorf("the cited sentence's speaker is not named: %+v", a.About)
	}
}
