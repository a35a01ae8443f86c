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

// TestAskStdinBadLines feeds `briefbot ask --json` hostile questions on
// standard input, a line of 2 MB among them: one JSON object per line, in
// order, every one a sensible reply, and the questions after the long line
// answered too.
func TestAskStdinBadLines(t *testing.T) {
	lines := []string{
		"what did China say?",
		"",
		"NEAR(",
		`"`,
		"AND OR NOT",
		"col:term ^x *",
		"'; DROP TABLE sentences; --",
		"what did Chin\xe9 say?",
		"\x00\x01\x1b[31m",
		"🙂🙂🙂",
		strings.Repeat("what did China say ", 2<<20/19),
		"who is Mark Rutte?",
	}
	in := strings.Join(lines, "\n") + "\n"
	var out, errs bytes.Buffer
	oldIn, oldOut, oldErr := stdin, stdout, stderr
	stdin, stdout, stderr = strings.NewReader(in), &out, &errs
	t.Cleanup(func() { stdin, stdout, stderr = oldIn, oldOut, oldErr })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err := run(ctx, []string{"ask", "--json", "--seeds", filepath.Join("..", "..", "seeds"), "--db", filepath.Join(t.TempDir(), "b.db")})
	if err != nil {
		t.Errorf("ask: %v\n%s", err, errs.String())
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d JSON lines for %d questions:\n%.2000s", len(got), len(lines), out.String())
	}
	for i, l := range got {
		var a struct {
			Answered bool   `json:"answered"`
			Answer   string `json:"answer"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Errorf("line %d: %v: %.200s", i+1, err, l)
			continue
		}
		if strings.TrimSpace(a.Answer) == "" || strings.Contains(strings.ToLower(a.Answer), "sqlite") {
			t.Errorf("line %d (%.40q): answer %q", i+1, lines[i], a.Answer)
		}
	}
	if !strings.Contains(got[len(got)-1], "NATO") {
		t.Errorf("the question after the long line: %.300s", got[len(got)-1])
	}
}
