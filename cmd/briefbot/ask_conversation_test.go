package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// askLines runs `briefbot ask` with args on the seed, the lines on standard
// input, and returns the JSON replies.
func askLines(t *testing.T, lines []string, args ...string) []jsonAnswer {
	t.Helper()
	var out, errs bytes.Buffer
	oldIn, oldOut, oldErr := stdin, stdout, stderr
	stdin, stdout, stderr = strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, &errs
	t.Cleanup(func() { stdin, stdout, stderr = oldIn, oldOut, oldErr })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args = append([]string{"ask", "--seeds", filepath.Join("..", "..", "seeds"), "--db", filepath.Join(t.TempDir(), "b.db")}, args...)
	if err := run(ctx, args); err != nil {
		t.Fatalf("ask: %v\n%s", err, errs.String())
	}
	var got []jsonAnswer
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var a jsonAnswer
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("%v: %.200s", err, l)
		}
		got = append(got, a)
	}
	if len(got) != len(lines) {
		t.Fatalf("%d replies for %d questions", len(got), len(lines))
	}
	return got
}

// jsonAnswer is a reply of `ask --json`.
type jsonAnswer struct {
	Question  string `json:"question"`
	Answered  bool   `json:"answered"`
	Answer    string `json:"answer"`
	Citations []struct {
		Document string `json:"document"`
		Sentence int    `json:"sentence"`
		Text     string `json:"text"`
	} `json:"citations"`
}

func (a jsonAnswer) cites(text string) bool {
	for _, c := range a.Citations {
		if strings.Contains(c.Text, text) {
			return true
		}
	}
	return false
}

// TestAskConversation runs the conversation of issue 12 through `briefbot ask
// --json --conversation`: follow-ups resolve against the lines before them.
func TestAskConversation(t *testing.T) {
	lines := []string{"who is Mark Rutte?", "what did he say?", "what did Peskov say?", "and Lammy?",
		"summarise the briefing", "what did China and Russia say?", "how many troops?"}
	got := askLines(t, lines, "--json", "--conversation")
	for i, a := range got {
		if a.Question != lines[i] {
			t.Errorf("reply %d is to %q, want %q", i+1, a.Question, lines[i])
		}
	}
	if len(got[1].Citations) == 0 || !strings.Contains(got[1].Citations[0].Text, "Mark Rutte indicated") {
		t.Errorf("what did he say? %+v", got[1])
	}
	if len(got[3].Citations) == 0 || !strings.Contains(got[3].Citations[0].Text, "Lammy") {
		t.Errorf("and Lammy? %+v", got[3])
	}
	if s := got[4]; len(s.Citations) < 3 || s.Citations[0].Sentence != 1 {
		t.Errorf("summarise the briefing: %+v", s)
	}
	if s := got[5]; !s.cites("Lin Jian") || !(s.cites("Zinoviev") || s.cites("Peskov")) {
		t.Errorf("what did China and Russia say? %+v", s)
	}
	if s := got[6]; !s.cites("approximately 1,500") || !s.cites("as many as 12,000") {
		t.Errorf("how many troops? %+v", s)
	}
}

// TestAskWithoutConversation keeps the lines apart without --conversation.
func TestAskWithoutConversation(t *testing.T) {
	got := askLines(t, []string{"who is Mark Rutte?", "what did he say?"}, "--json")
	if got[1].cites("Mark Rutte indicated") {
		t.Errorf("without --conversation a line resolved against the one before: %+v", got[1])
	}
}
