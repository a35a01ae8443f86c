package answer

import (
	"context"
	"strings"
	"testing"
)

// TestSaidTopicBefore: a statement answers on a topic the sentence before it
// names ("Rail fares will rise ... The mayor said the rise was unfair"), not
// "quoted, but not on that".
func TestSaidTopicBefore(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-03-01-mine.txt": "Mine to close\n\nThe Harlow mine will close in June, its owners said. " +
			"\"We will fight the closure,\" said Jane Doyle.",
		"2024-03-02-rail.txt": "Rail fares\n\nRail fares will rise by 3% in March. " +
			"Mayor Jane Doyle said the rise was unfair to commuters.",
	})
	a, err := e.Ask(context.Background(), "what did jane doyle say about rail fares?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "unfair to commuters") {
		t.Fatalf("cites %+v (%q), want the statement after the fares sentence", a.Citations, a.Text)
	}
}

// TestSaidTopicUnworded: an actor quoted in one briefing, asked about it in
// words no briefing uses, is answered from their statement; asked about a
// topic another briefing holds, they are quoted "but not on that".
func TestSaidTopicUnworded(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-03-01-fraud.txt": "Fraud at the depot\n\nThe depot's accounts were audited in May. " +
			"The former depot manager told staff to record the missing crates as breakage.",
		"2024-03-02-rail.txt": "Rail fares\n\nRail fares will rise by 3% in March, the operator said.",
	})
	ctx := context.Background()
	a, err := e.Ask(ctx, "how did the ex-manager want the theft concealed?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "breakage") {
		t.Errorf("asked in other words: cites %+v (%q), want the manager's statement", a.Citations, a.Text)
	}
	a, err = e.Ask(ctx, "what did the ex-manager say about rail fares?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) > 0 {
		t.Errorf("asked about another briefing's topic: cites %+v (%q), want none", a.Citations, a.Text)
	}
}
