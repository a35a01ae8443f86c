package pgstore_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// sharedDir is the folder beside the repository that holds the BBC corpus and
// its questions: $BRIEFBOT_SHARED, else ../shared.
func sharedDir() string {
	if d := os.Getenv("BRIEFBOT_SHARED"); d != "" {
		return d
	}
	return "../../../../shared"
}

// TestSameCitationsBBC asks the BBC dev questions of both stores built from
// the BBC corpus: at least 97% must cite the same sentences (all do today),
// in the bot's answers and in the bm25 baseline's.
func TestSameCitationsBBC(t *testing.T) {
	shared := sharedDir()
	corpus := filepath.Join(shared, "corpus/bbc")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: no BBC corpus: %v", err)
	}
	var questions []string
	for _, set := range []string{"bbc-dev.jsonl", "bbc-dev2.jsonl"} {
		questions = append(questions, readQuestions(t, filepath.Join(shared, "eval", set))...)
	}
	ctx := context.Background()
	libs := map[string]*library.Library{}
	for name, db := range map[string]string{"sqlite": filepath.Join(t.TempDir(), "bbc.db"), "postgres": pgtest.URL(t)} {
		lib, _, err := library.Open(ctx, db, corpus, library.Options{Workers: 2})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer lib.Close()
		libs[name] = lib
	}
	same, sameBaseline := 0, 0
	baseSQLite, basePostgres := eval.Baseline(libs["sqlite"].Store()), eval.Baseline(libs["postgres"].Store())
	for _, q := range questions {
		a, err := baseSQLite(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := basePostgres(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(cited(a), cited(b)) {
			sameBaseline++
		} else {
			t.Logf("baseline %q: sqlite cites %v, postgres %v", q, cited(a), cited(b))
		}
	}
	t.Logf("%d of %d questions (%.3f) have the same bm25 baseline answer on both stores", sameBaseline, len(questions), float64(sameBaseline)/float64(len(questions)))
	if float64(sameBaseline) < 0.97*float64(len(questions)) {
		t.Errorf("%d of %d questions have the same baseline answer on both stores; want at least 97%%", sameBaseline, len(questions))
	}
	for _, q := range questions {
		a, err := libs["sqlite"].Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := libs["postgres"].Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered == b.Answered && slices.Equal(cited(a), cited(b)) {
			same++
		} else {
			t.Logf("%q: sqlite cites %v (%q), postgres %v (%q)", q, cited(a), a.Text, cited(b), b.Text)
		}
	}
	share := float64(same) / float64(len(questions))
	t.Logf("%d of %d questions (%.3f) cite the same sentences on both stores", same, len(questions), share)
	if len(questions) < 100 || share < 0.97 {
		t.Errorf("%d of %d questions cite the same sentences on both stores; want at least 97%%", same, len(questions))
	}
}

// cited lists an answer's citations as document:sentence.
func cited(a knowledge.Answer) []string {
	var out []string
	for _, c := range append(a.Citations, a.More...) {
		out = append(out, fmt.Sprintf("%s:%d", c.Document, c.Sentence))
	}
	return out
}

func readQuestions(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var q struct{ Question string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q.Question)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
