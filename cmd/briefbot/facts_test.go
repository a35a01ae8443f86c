package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// runFacts ingests the seed briefing into a fresh store and runs `briefbot
// facts` with args, returning what it printed.
func runFacts(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	oldOut, oldErr := stdout, stderr
	stdout, stderr = &out, &errOut
	t.Cleanup(func() { stdout, stderr = oldOut, oldErr })
	db := filepath.Join(t.TempDir(), "b.db")
	if err := run(context.Background(), []string{"ingest", "--seeds", "../../seeds", "--db", db, "--progress", "off"}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), append([]string{"facts", "--seeds", "../../seeds", "--db", db}, args...)); err != nil {
		t.Fatalf("facts %v: %v (%s)", args, err, errOut.String())
	}
	return out.String()
}

// TestFactsJSON checks `facts --json`: one object naming its briefing, with its
// sentences; --kind and --actor filter it; empty lists are [], not null.
func TestFactsJSON(t *testing.T) {
	var all struct {
		Document  string
		Sentences []struct {
			Sentence int
			Text     string
		}
		Actors     []struct{ ID int }
		Statements []struct{ Speaker int }
	}
	if err := json.Unmarshal([]byte(runFacts(t, "--json")), &all); err != nil {
		t.Fatal(err)
	}
	if all.Document != "north-korean-troops-in-russia.txt" || len(all.Sentences) == 0 || all.Sentences[0].Sentence != 1 || all.Sentences[0].Text == "" {
		t.Errorf("document %q with %d sentences", all.Document, len(all.Sentences))
	}
	if len(all.Actors) == 0 || len(all.Statements) == 0 {
		t.Fatalf("%d actors, %d statements", len(all.Actors), len(all.Statements))
	}
	only := runFacts(t, "--json", "--kind", "statements", "--actor", "Lammy")
	for _, empty := range []string{`"Actors":[]`, `"Quantities":[]`, `"Times":[]`, `"Roles":[]`} {
		if !strings.Contains(only, empty) {
			t.Errorf("--kind statements printed no %s: %.300s", empty, only)
		}
	}
	var some struct{ Statements []struct{ Speaker int } }
	if err := json.Unmarshal([]byte(only), &some); err != nil {
		t.Fatal(err)
	}
	if len(some.Statements) == 0 || len(some.Statements) >= len(all.Statements) {
		t.Errorf("--actor Lammy kept %d of %d statements", len(some.Statements), len(all.Statements))
	}
	if none := runFacts(t, "--json", "--actor", "nobody at all"); !strings.Contains(none, `"Statements":[]`) {
		t.Errorf("--actor of nobody printed %.300s", none)
	}
}

// TestFactsExplain checks that --explain names the rule of each statement.
func TestFactsExplain(t *testing.T) {
	out := runFacts(t, "--explain", "--kind", "statements")
	statements, rules := strings.Count(out, "\nstatement "), strings.Count(out, "\nrule ")
	if statements == 0 || rules != statements {
		t.Fatalf("%d statements, %d rules:\n%s", statements, rules, out)
	}
	if !strings.Contains(out, "subject before the cue: named actor") {
		t.Errorf("no rule named:\n%s", out)
	}
	if js := runFacts(t, "--json", "--explain"); !strings.Contains(js, `"Rule":"subject before the cue`) {
		t.Errorf("--json --explain names no rule: %.300s", js)
	}
}
