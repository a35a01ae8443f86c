package answer

import (
	"context"
	"strings"
	"testing"
)

// TestSaidTopicChoosesBriefing asks what an actor said about a matter one
// briefing is about and the actor speaks only in another, on something that
// shares a word with it: the matter's briefing is chosen first, and as the
// actor says nothing there, the answer is an honest no. Asked about what
// they did speak on, they are quoted.
func TestSaidTopicChoosesBriefing(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-05-01-traffic.txt": "Town centre traffic\n\nHarlow council has dropped plans for a congestion charge in the town centre. " +
			"Council leader Ann Lee said the charge would have hurt small shops. " +
			"Critics said a charge was still needed to cut traffic.",
		"2024-05-02-pay.txt": "Nurses' pay\n\nThe Hospital Workers union said the parking charge at hospitals left nurses worse off. " +
			"The union said its members would vote on strikes in June.",
	})
	ctx := context.Background()
	a, err := e.Ask(ctx, "what did the hospital workers union say about the congestion charge?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("the union quoted on another briefing's matter: %q", a.Text)
	}
	a, err = e.Ask(ctx, "what did the hospital workers union say about hospital parking?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "worse off") {
		t.Errorf("on hospital parking: %q (answered %v), want the union's statement", a.Text, a.Answered)
	}
}

// TestSaidWithinSpeech asks what a speaker said on a matter a sentence of
// their reported speech words and names no one: the sentence beside their
// statement answers.
func TestSaidWithinSpeech(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-06-01-clinic.txt": "Clinic plans\n\nHealth secretary Tom Reed said the Harlow clinic would open in May. " +
			"The real trouble was the shortage of trained midwives in the county. " +
			"Nurses welcomed the plans.",
	})
	a, err := e.Ask(context.Background(), "what did tom reed say about the midwife shortage?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "midwives") {
		t.Errorf("reported speech beside the statement: %q (answered %v), want the midwives sentence", a.Text, a.Answered)
	}
}
