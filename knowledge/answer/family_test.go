package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge/stem"
)

// TestSameFamily checks which stems are of one word family: a word and the
// word with a derivational ending, not words that merely share a beginning.
func TestSameFamily(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"worker", "work", true},
		{"safety", "safe", true},
		{"voters", "vote", true},
		{"complaints", "complain", true},
		{"investor", "invest", true},
		{"growth", "grow", true},
		{"party", "part", false},
		{"plane", "plan", false},
		{"pollution", "poll", false},
		{"lawyer", "law", false}, // too short a root to tell
		{"work", "work", false},
	} {
		a, b := stem.Terms(tc.a)[0], stem.Terms(tc.b)[0]
		if got := sameFamily(a, b); got != tc.want {
			t.Errorf("sameFamily(%q, %q) = %v, want %v", a, b, got, tc.want)
		}
	}
}

// TestAskWordFamily asks with a word the briefing writes only in another
// form of its family ("safety" for "unsafe", "workers" for "work"): the
// sentence that holds it answers.
func TestAskWordFamily(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"mines.txt": "Mines inspected\n\nThe board visited the mines of the north in the spring. " +
			"The board found the mines in the north were safe. " +
			"Output fell by a tenth over the year.",
		"ports.txt": "Ports busy\n\nThe ports handled more containers than ever. Dock workers were paid more.",
	})
	a, err := e.Ask(context.Background(), "what about the safety of the north's mines?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "were safe") {
		t.Errorf("safety asked, safe written: %q (answered %v)", a.Text, a.Answered)
	}
}
