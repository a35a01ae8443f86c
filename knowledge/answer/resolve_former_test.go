package answer

import (
	"context"
	"strings"
	"testing"
)

// TestFormerHolderSpeaksForNoOne: a body's former officer is not quoted as
// the body ("what did No 10 say" does not answer with its former press secretary).
func TestFormerHolderSpeaksForNoOne(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-03-01-pay.txt": "Pay talks\n\nPay talks at the Harlow mine broke down on Monday. " +
			"Former No 10 press secretary Tom Reed said the pay talks were doomed from the start. " +
			"A Downing Street spokeswoman said the pay talks would resume next week.",
	})
	a, err := e.Ask(context.Background(), "what did no 10 say?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || strings.Contains(a.Citations[0].Text, "Tom Reed") {
		t.Errorf("No 10 answered by its former press secretary, or not at all: %q", a.Text)
	}
}
