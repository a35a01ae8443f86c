package answer_test

// Bad questions through the answer engine, on a real store built from the
// seed: none may panic, return an error, or show internal error text, and
// every one gets a sensible reply.

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer/answertest"
)

// badQuestions are answertest.BadQuestions and a slash command's text, which
// the front ends route as a command but the engine takes as a question.
func badQuestions() map[string]string {
	qs := answertest.BadQuestions()
	qs["slash command text"] = "/reload"
	return qs
}

// internalText are words that betray an internal error when a user sees them.
var internalText = []string{"sqlite", "SQL logic", "syntax error", "fts5", "no such column", "unterminated",
	"malformed", "panic", "runtime error", "goroutine", "database", "SQLITE", "context canceled", "nil pointer"}

// checkSensible checks an answer to a bad question.
func checkSensible(t *testing.T, q string, a knowledge.Answer) {
	t.Helper()
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("empty reply")
	}
	if !utf8.ValidString(a.Text) {
		t.Errorf("the reply is not valid UTF-8: %q", a.Text)
	}
	if len(a.Text) > 4096 {
		t.Errorf("the reply is %d bytes long", len(a.Text))
	}
	for _, w := range internalText {
		if strings.Contains(strings.ToLower(a.Text), strings.ToLower(w)) && !strings.Contains(strings.ToLower(q), strings.ToLower(w)) {
			t.Errorf("the reply shows internal text %q: %q", w, a.Text)
		}
	}
	if a.Answered != (len(a.Citations) > 0) {
		t.Errorf("answered %v with %d citations", a.Answered, len(a.Citations))
	}
	for _, c := range append(a.Citations, a.More...) {
		if c.Document == "" || c.Sentence < 1 || c.Text == "" {
			t.Errorf("a citation points nowhere: %+v", c)
		}
	}
}

func TestBadQuestionsEngine(t *testing.T) {
	lib := openSeed(t)
	eng := lib.Engine()
	for name, q := range badQuestions() {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a hang guard
			defer cancel()
			start := time.Now()
			a, err := eng.Ask(ctx, q)
			took := time.Since(start)
			if err != nil {
				t.Fatalf("Ask returned an error: %v", err)
			}
			checkSensible(t, q, a)
			t.Logf("%v answered=%v %.120q", took.Round(time.Millisecond), a.Answered, a.Text)
		})
	}
}

// TestBadQuestionsDossier: the same inputs as actor names.
func TestBadQuestionsDossier(t *testing.T) {
	lib := openSeed(t)
	eng := lib.Engine()
	for name, q := range badQuestions() {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			start := time.Now()
			_, err := eng.Dossier(ctx, q)
			if err != nil {
				for _, w := range []string{"sqlite", "SQL logic", "syntax error", "fts5"} {
					if strings.Contains(err.Error(), w) {
						t.Errorf("Dossier(%.40q) failed inside the store: %v", q, err)
					}
				}
			}
			names, err := eng.Complete(ctx, q, 25)
			if err != nil {
				t.Errorf("Complete: %v", err)
			}
			t.Logf("%v, %d completions", time.Since(start).Round(time.Millisecond), len(names))
		})
	}
}

// TestBadQuestionsConcurrent asks every bad question from many goroutines at
// once, with the race detector watching the engine's shared state.
func TestBadQuestionsConcurrent(t *testing.T) {
	lib := openSeed(t)
	var qs []string
	for _, q := range badQuestions() {
		if len(q) < 1000 {
			qs = append(qs, q)
		}
	}
	qs = append(qs, "what did China say?", "how many troops?", "who is Mark Rutte?")
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(qs))
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range qs {
				q := qs[(i+g)%len(qs)]
				if _, err := lib.Ask(context.Background(), q); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Ask: %v", err)
	}
}
