package answer

import (
	"context"
	"strings"
	"testing"
)

// TestAskFigureNamedInPassing asks for a figure about a name that is an actor
// of another briefing and that the answering briefing only writes in passing:
// the figure answers.
func TestAskFigureNamedInPassing(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"arena.txt": "Arena owners fined\n\nThe Kestrel Arena said on Monday it would appeal against the fine. " +
			"The Kestrel Arena has been fined twice before.",
		"concert.txt": "Concert season\n\nThe summer concerts will be held in the city park this year. " +
			"Building the new stage near Kestrel Arena cost £4m, the council said.",
	})
	a, err := e.Ask(context.Background(), "how much did the new stage near kestrel arena cost?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "£4m") {
		t.Errorf("figure named in passing: %q (answered %v), want £4m", a.Text, a.Answered)
	}
}
