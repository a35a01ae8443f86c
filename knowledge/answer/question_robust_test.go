package answer_test

// Bad questions through the answer engine, on a real store built from the
// seed: none may panic, return an error, or show internal error text, and
// every one gets a sensible reply.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/library"
)

// badQuestions returns the hostile and malformed questions every front end must
// survive. The bot package's tests use the same list (copied: test files do
// not export).
func badQuestions() map[string]string {
	return map[string]string{
		"empty":                    "",
		"blank":                    " \t\r\n  \u00a0\u3000 ",
		"100 KB of words":          strings.Repeat("what did China say about the troops ", 100*1024/36),
		"100 KB one word":          strings.Repeat("a", 100*1024),
		"100 KB of question marks": strings.Repeat("?", 100*1024),
		"100 KB of emoji":          strings.Repeat("🙂", 100*1024/4),
		"10,000 names":             strings.Repeat("China Russia NATO Kim ", 10000/4),
		"control characters":       "what\x00 did\x07 China\x1b[31m say?\x08\x7f\r\n",
		"only control characters":  "\x00\x01\x02\x03\x1b\x7f",
		"zero-width and bidi":      "what did \u200bChi\u200dna\u202e say\u2066?",
		"emoji":                    "🙂🙂🙂",
		"flag emoji":               "what did 🇨🇳 say?",
		"emoji ZWJ sequence":       "who is 👩‍👩‍👧‍👦?",
		"FTS NEAR(":                "NEAR(",
		"FTS NEAR( with terms":     "NEAR(china russia",
		"FTS NEAR/2":               "china NEAR/2 russia",
		"FTS NEAR with distance":   `NEAR("china" "troops", 3)`,
		"FTS lone quote":           `"`,
		"FTS quotes":               `""""`,
		"FTS open quote":           `what did "China say?`,
		"FTS star":                 "*",
		"FTS prefix":               "chin*",
		"FTS AND OR NOT":           "AND OR NOT",
		"FTS NOT":                  "NOT china",
		"FTS column filter":        "text:china",
		"FTS col:term":             "col:term",
		"FTS column set":           "{text title}: troops",
		"FTS caret":                "^china",
		"FTS plus":                 "china + russia",
		"FTS parentheses":          "(china OR (russia",
		"FTS minus":                "-china",
		"FTS table name":           "sentences_fts:troops",
		"SQL quote":                "'",
		"SQL injection":            "'; DROP TABLE sentences; --",
		"SQL injection quoted":     `" OR 1=1 --`,
		"SQL tautology":            "China' OR '1'='1",
		"SQL LIKE wildcards":       "%_%\\",
		"invalid UTF-8":            "what did Chin\xe9 say?",
		"invalid UTF-8 only":       "\xff\xfe\xfd",
		"truncated UTF-8":          "who is Mark Rutte\xe2\x82",
		"UTF-16 bytes":             "\xff\xfew\x00h\x00o\x00",
		"mentions":                 "<@123> <@&456> @everyone @here what did China say?",
		"markdown":                 "**what** did `China` say? ||spoiler|| [x](http://example.com)",
		"huge number":              "how many 99999999999999999999999999999999 troops?",
		"cyrillic":                 "что сказала Россия?",
		"chinese":                  "中国说了什么？",
		"arabic":                   "ماذا قالت الصين؟",
		"slash command text":       "/reload",
		"newlines":                 "what did\nChina\n\nsay?",
	}
}

// internalText are words that betray an internal error when a user sees them.
var internalText = []string{"sqlite", "SQL logic", "syntax error", "fts5", "no such column", "unterminated",
	"malformed", "panic", "runtime error", "goroutine", "database", "SQLITE", "context canceled", "nil pointer"}

func rbOpenSeed(t testing.TB) *library.Library {
	t.Helper()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds, "north-korean-troops-in-russia.txt"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, err := library.Open(context.Background(), filepath.Join(dir, "test.db"), seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

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
	lib := rbOpenSeed(t)
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
	lib := rbOpenSeed(t)
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
	lib := rbOpenSeed(t)
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
