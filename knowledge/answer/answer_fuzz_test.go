package answer_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAsk asks any question of the seed, through the whole engine and a real
// store: never an error, always a reply in valid UTF-8 without internal error
// text, and citations that point at real sentences.
func FuzzAsk(f *testing.F) {
	for _, q := range badQuestions() {
		if len(q) < 200 {
			f.Add(q)
		}
	}
	for _, q := range []string{"what did China say?", "how many troops?", "who is Mark Rutte?", "what did Russia say about Kim?"} {
		f.Add(q)
	}
	lib := openSeed(f)
	f.Fuzz(func(t *testing.T, q string) {
		a, err := lib.Ask(context.Background(), q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
			t.Fatalf("Ask(%q) replied %q", q, a.Text)
		}
		low := strings.ToLower(a.Text)
		for _, w := range []string{"sqlite", "sql logic", "syntax error", "fts5", "runtime error"} {
			if strings.Contains(low, w) && !strings.Contains(strings.ToLower(q), w) {
				t.Fatalf("Ask(%q) shows %q: %q", q, w, a.Text)
			}
		}
		if a.Answered != (len(a.Citations) > 0) {
			t.Fatalf("Ask(%q): answered %v with %d citations", q, a.Answered, len(a.Citations))
		}
		for _, c := range append(a.Citations, a.More...) {
			if c.Document != "north-korean-troops-in-russia.txt" || c.Sentence < 1 || c.Text == "" {
				t.Fatalf("Ask(%q) cites %+v", q, c)
			}
		}
	})
}
