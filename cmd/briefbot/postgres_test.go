package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// TestAskPostgresURL: --db with a postgres:// URL builds and reads the shared
// store, and answers as the SQLite file does.
func TestAskPostgresURL(t *testing.T) {
	cluster := pgtest.StartCluster(t)
	url, err := cluster.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	questions := "what did China say?\nhow many troops?\nwho is Mark Rutte?\nwhat did France say?\n"
	ask := func(db string) string {
		t.Helper()
		var out, errs bytes.Buffer
		oldIn, oldOut, oldErr := stdin, stdout, stderr
		stdin, stdout, stderr = strings.NewReader(questions), &out, &errs
		defer func() { stdin, stdout, stderr = oldIn, oldOut, oldErr }()
		if err := run(context.Background(), []string{"ask", "--json", "--seeds", filepath.Join("..", "..", "seeds"), "--db", db}); err != nil {
			t.Fatalf("ask --db %s: %v\n%s", db, err, errs.String())
		}
		return out.String()
	}
	want := ask(filepath.Join(t.TempDir(), "b.db"))
	got := ask(url)
	if got != want || strings.Count(got, "\n") != 4 || !strings.Contains(got, "NATO") {
		t.Errorf("ask --db %s:\n%s\nwant, as from SQLite:\n%s", url, got, want)
	}
}
