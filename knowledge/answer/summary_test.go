package answer_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/library"
)

// TestSummaryOfTheSeed sums up the seed briefing: its first sentence first,
// statements and both figures, each cited and marked in the text.
func TestSummaryOfTheSeed(t *testing.T) {
	lib := openSeed(t)
	for _, q := range []string{"summarise the briefing", "tl;dr", "what happened?", "what is this briefing about?"} {
		a, err := lib.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		checkSummary(t, q, a)
	}
	a, err := lib.Engine().Summary(context.Background(), "north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkSummary(t, "Summary", a)
	if _, err := lib.Engine().Summary(context.Background(), "nope.txt"); !errors.Is(err, answer.ErrNoBriefing) {
		t.Errorf("Summary of a missing briefing: %v, want ErrNoBriefing", err)
	}
}

func checkSummary(t *testing.T, q string, a knowledge.Answer) {
	t.Helper()
	if !a.Answered || len(a.Citations) < 3 || a.Citations[0].Sentence != 1 {
		t.Fatalf("%q: want at least three citations from sentence 1, got %+v", q, a)
	}
	var texts []string
	for i, c := range a.Citations {
		texts = append(texts, c.Text)
		if !strings.Contains(a.Text, "["+string(rune('1'+i))+"]") {
			t.Errorf("%q: no marker [%d] in %q", q, i+1, a.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"approximately 1,500", "as many as 12,000", "Zinoviev"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q: no citation holds %q", q, want)
		}
	}
	if strings.Contains(a.Text, a.Citations[0].Text) {
		t.Errorf("%q: the text repeats the first quote", q)
	}
	// Sentences saying what was said and counted, not an index of the quotes.
	for _, want := range []string{"South Korea is urging an immediate withdrawal", "emphasized that", "range from approximately 1,500", "to as many as 12,000", "[4][5]."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("%q: the summary lacks %q: %q", q, want, a.Text)
		}
	}
	for _, index := range []string{"the lead [1]", "statements from", "figures:"} {
		if strings.Contains(a.Text, index) {
			t.Errorf("%q: the summary reads as an index (%q): %q", q, index, a.Text)
		}
	}
}

// TestSummaryOfSeveralBriefings sums up two briefings: the newest first, each
// named, each with its lead cited.
func TestSummaryOfSeveralBriefings(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"2024-10-20-troops.txt": string(src),
		"2024-11-02-harbour.txt": "Harbour strike ends\n\nDock workers in Rotterdam ended a three-day strike on Friday. " +
			"Union leader Anna de Vries said the deal protects 400 jobs. The port authority said traffic would be back to normal within a week.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(seeds, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, _, err := library.Open(context.Background(), filepath.Join(dir, "test.db"), seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	a, err := lib.Ask(context.Background(), "summarise")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) < 2 || a.Citations[0].Document != "2024-11-02-harbour.txt" || !strings.HasPrefix(a.Citations[0].Text, "Dock workers") {
		t.Fatalf("want the newest briefing's lead first, got %+v", a.Citations)
	}
	var troops bool
	for _, c := range a.Citations {
		troops = troops || c.Document == "2024-10-20-troops.txt" && c.Sentence == 1
	}
	if !troops {
		t.Errorf("the older briefing's lead is not cited: %+v", a.Citations)
	}
	if !strings.Contains(a.Text, "Anna de Vries (Union leader) said that the deal protects 400 jobs [2]") {
		t.Errorf("the figure a union leader gives is not told as what she said: %q", a.Text)
	}
	h, tr := strings.Index(a.Text, "Harbour strike ends"), strings.Index(a.Text, "2024-10-20")
	if h < 0 || tr < 0 || h > tr {
		t.Errorf("the briefings are not named newest first: %q", a.Text)
	}
	// One briefing by a word of its name.
	a, err = lib.Ask(context.Background(), "summarise the harbour briefing")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Citations {
		if c.Document != "2024-11-02-harbour.txt" {
			t.Errorf("a summary of the harbour briefing cites %s", c.Document)
		}
	}
}
