package bot

import (
	"context"
	"strings"
	"testing"
)

// TestConsoleIsOneConversation types a question and its follow-up into the
// console: "he" is the person just asked about.
func TestConsoleIsOneConversation(t *testing.T) {
	lib := openLibrary(t, copySeeds(t))
	var out syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	in := "who is Mark Rutte?\nwhat did he say?\n"
	if err := Console(ctx, NewRouter(lib, slogTo(&syncBuffer{})), strings.NewReader(in), &out); err != nil {
		t.Fatalf("Console: %v", err)
	}
	replies := strings.Split(out.String(), "> ")
	if len(replies) < 3 || !strings.Contains(replies[2], "[1] ") || !strings.Contains(replies[2], "Mark Rutte indicated") {
		t.Errorf("the follow-up was not answered about Rutte:\n%s", out.String())
	}
}
