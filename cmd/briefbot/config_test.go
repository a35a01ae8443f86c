package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// chdir moves into dir for the test (no t.Parallel here).
func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func captureStdout(t *testing.T) *bytes.Buffer {
	t.Helper()
	var out bytes.Buffer
	old := stdout
	stdout = &out
	t.Cleanup(func() { stdout = old })
	return &out
}

// TestEverySubCommandReadsDotEnv: `briefbot ingest` (not only `run`) takes
// BRIEFBOT_SEEDS and BRIEFBOT_DB from a .env file in the working folder.
func TestEverySubCommandReadsDotEnv(t *testing.T) {
	seeds, err := filepath.Abs(filepath.Join("..", "..", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "from-dotenv.db")
	env := "BRIEFBOT_SEEDS=" + seeds + "\nBRIEFBOT_DB=" + db + "\n"
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BRIEFBOT_SEEDS", "")
	os.Unsetenv("BRIEFBOT_SEEDS")
	t.Setenv("BRIEFBOT_DB", "")
	os.Unsetenv("BRIEFBOT_DB")
	chdir(t, dir)
	out := captureStdout(t)
	if err := run(context.Background(), []string{"ingest", "--progress", "off"}); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("ingest did not use BRIEFBOT_DB from .env: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "1 added") {
		t.Errorf("ingest did not read BRIEFBOT_SEEDS from .env: %s", out)
	}
}

// TestFeedbackExport: `briefbot feedback --json` prints each stored vote
// with its question and answer, one JSON object a line.
func TestFeedbackExport(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "fb.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	votes := []store.Feedback{
		{At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), UserID: "1", Vote: store.VoteUp, Question: "how many troops?",
			Answer: "About 1,500.", Citations: []knowledge.Citation{{Document: "a.txt", Sentence: 3, Text: "About 1,500 soldiers."}}},
		{At: time.Date(2026, 1, 2, 3, 5, 0, 0, time.UTC), UserID: "2", Vote: store.VoteDown, Question: "what did he say?", Answer: "Not stated."},
	}
	for _, v := range votes {
		if err := st.AddFeedback(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddFeedback(ctx, store.Feedback{Vote: "meh"}); err == nil {
		t.Error("a vote other than up or down was stored")
	}
	st.Close()
	out := captureStdout(t)
	if err := run(ctx, []string{"feedback", "--json", "--db", db}); err != nil {
		t.Fatal(err)
	}
	var got []store.Feedback
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		var f store.Feedback
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("not JSON: %q: %v", sc.Text(), err)
		}
		got = append(got, f)
	}
	if len(got) != 2 || got[0].Question != "how many troops?" || got[0].Vote != "up" || len(got[0].Citations) != 1 ||
		got[1].Answer != "Not stated." || got[1].Vote != "down" || got[1].Citations == nil {
		t.Errorf("exported %+v", got)
	}
	if err := run(ctx, []string{"feedback", "--db", filepath.Join(t.TempDir(), "none.db")}); err == nil {
		t.Error("feedback of a missing store did not fail")
	}
}
