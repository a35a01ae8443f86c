package answer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/knowledge/library"
)

// rankSeeds are two small briefings for the search tests, by file name.
var rankSeeds = map[string]string{
	"harbour-bridge.txt": `Harbour Bridge

The Harbour Bridge is a steel arch bridge across the river. Construction began in 1923 and the bridge opened in 1932. It was designed by the engineer John Bradfield. The bridge carries eight lanes of traffic and two railway lines. About 160,000 vehicles cross it every day. The bridge is painted grey.
`,
	"river-festival.txt": `River Festival

The river festival is held every summer near the old harbour. Thousands of visitors watch the boats on the river. The festival was first held in 1950. Local bands play music on the quay during the festival.
`,
}

// openRankSeeds writes files into a seeds folder in a temporary directory and
// opens a library (a real SQLite store) on it.
func openRankSeeds(t testing.TB, files map[string]string) (*library.Library, string) {
	t.Helper()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
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
	t.Cleanup(func() { lib.Close() })
	return lib, seeds
}

func TestSearchFirstCitation(t *testing.T) {
	lib, _ := openRankSeeds(t, rankSeeds)
	tests := []struct {
		question string
		want     string // the first citation; "" for no answer
	}{
		// A when question wants the sentence with a date, not the one that
		// repeats most of its words.
		{"When did the bridge open?", "Construction began in 1923 and the bridge opened in 1932."},
		// "It" stands for the bridge named in the sentence before; who wants a name.
		{"Who designed the Harbour Bridge?", "It was designed by the engineer John Bradfield."},
		{"How many vehicles cross the bridge each day?", "About 160,000 vehicles cross it every day."},
		{"what do visitors watch", "Thousands of visitors watch the boats on the river."},
		// A misspelt word counts as the word the briefings hold (see TestCorrect).
		{"When was the feztival first held?", "The festival was first held in 1950."},
		// A how-many question is not answered by a sentence without a figure.
		{"How many people painted the bridge grey?", ""},
		// Nothing in the briefings is about these words.
		{"How many tourists visit the lighthouse?", ""},
	}
	for _, tt := range tests {
		a, err := lib.Ask(context.Background(), tt.question)
		if err != nil {
			t.Fatalf("%q: %v", tt.question, err)
		}
		got := ""
		if len(a.Citations) > 0 {
			got = a.Citations[0].Text
		}
		if got != tt.want {
			t.Errorf("%q: first citation %q, want %q (answer %q)", tt.question, got, tt.want, a.Text)
		}
		if a.Answered != (tt.want != "") {
			t.Errorf("%q: answered %v, want %v", tt.question, a.Answered, tt.want != "")
		}
	}
}

// TestSearchAfterReload checks that the search index follows the store: a
// briefing added by a reload answers at once, and one removed no longer does.
func TestSearchAfterReload(t *testing.T) {
	ctx := context.Background()
	lib, seeds := openRankSeeds(t, rankSeeds)
	const q = "When did the lighthouse first shine?"
	a, err := lib.Ask(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Fatalf("before the reload %q was answered: %q", q, a.Text)
	}
	want := "The lighthouse first shone in 1881."
	if err := os.WriteFile(filepath.Join(seeds, "lighthouse.txt"), []byte("Lighthouse\n\nThe lighthouse stands on the cliff. "+want+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	a, err = lib.Ask(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || a.Citations[0].Text != want || a.Citations[0].Document != "lighthouse.txt" {
		t.Fatalf("after the reload %q: citations %+v, want %q from lighthouse.txt", q, a.Citations, want)
	}
	if err := os.Remove(filepath.Join(seeds, "lighthouse.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	a, err = lib.Ask(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range a.Citations {
		if c.Document == "lighthouse.txt" {
			t.Fatalf("after removing lighthouse.txt %q still cites it: %q", q, c.Text)
		}
	}
}

// TestSearchConcurrent asks from many goroutines at once, on a fresh store so
// that they race to build the index (run with -race).
func TestSearchConcurrent(t *testing.T) {
	lib, _ := openRankSeeds(t, rankSeeds)
	questions := []string{"When did the bridge open?", "How many vehicles cross the bridge each day?", "what do visitors watch"}
	want := map[string]string{}
	for _, q := range questions {
		a, err := lib.Ask(context.Background(), q)
		if err != nil || len(a.Citations) == 0 {
			t.Fatalf("%q: %v %+v", q, err, a)
		}
		want[q] = a.Citations[0].Text
	}
	lib2, _ := openRankSeeds(t, rankSeeds)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			q := questions[i%len(questions)]
			a, err := lib2.Ask(context.Background(), q)
			switch {
			case err != nil:
				errs <- err
			case len(a.Citations) == 0 || a.Citations[0].Text != want[q]:
				errs <- fmt.Errorf("%q: got %+v, want %q", q, a.Citations, want[q])
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkSearch(b *testing.B) {
	lib, _ := openRankSeeds(b, rankSeeds)
	ctx := context.Background()
	if _, err := lib.Ask(ctx, "warm up the index"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lib.Ask(ctx, "When did the bridge open?"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWarm checks that Warm builds the indexes a question needs, again after a
// reload changed the store.
func TestWarm(t *testing.T) {
	ctx := context.Background()
	lib, seeds := openRankSeeds(t, rankSeeds)
	e := lib.Engine()
	if e.IndexesBuilt(ctx) {
		t.Fatal("indexes built before any question or Warm")
	}
	if err := lib.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if !e.IndexesBuilt(ctx) {
		t.Fatal("Warm left the indexes unbuilt")
	}
	if err := os.WriteFile(filepath.Join(seeds, "lighthouse.txt"), []byte("Lighthouse\n\nThe lighthouse first shone in 1881.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if e.IndexesBuilt(ctx) {
		t.Fatal("indexes of the old store count as built after a reload")
	}
	if err := lib.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if !e.IndexesBuilt(ctx) {
		t.Fatal("Warm after the reload left the indexes unbuilt")
	}
	if a, err := lib.Ask(ctx, "when did the lighthouse first shine?"); err != nil || len(a.Citations) == 0 || a.Citations[0].Document != "lighthouse.txt" {
		t.Fatalf("after Warm: %+v, %v", a, err)
	}
}

// TestFigureInWords checks that a how-many question is answered by a sentence
// that holds all of its words though its figure is a word the index does not
// count ("one"), and not answered by one that holds only some of them.
func TestFigureInWords(t *testing.T) {
	lib, _ := openRankSeeds(t, map[string]string{
		"physics.txt": "Physics\n\nThe inventor believed that all fundamental laws could be reduced to one. He built a laboratory in the mountains.\n",
	})
	ctx := context.Background()
	a, err := lib.Ask(ctx, "Down to how many laws did the inventor believe the fundamental laws could be reduced?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "reduced to one") {
		t.Errorf("answer %q cites %+v, want the sentence that reduces the laws to one", a.Text, a.Citations)
	}
	a, err = lib.Ask(ctx, "How many laboratories did the inventor build in the valley?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("a question the sentences only half hold was answered: %q", a.Text)
	}
}

// TestSearchWhereActorsMeet checks that a question naming two actors is
// answered from the briefing where both are named, not from another briefing
// that holds the question's other words as well.
func TestSearchWhereActorsMeet(t *testing.T) {
	lib, _ := openRankSeeds(t, map[string]string{
		"orrin-school.txt": `Orrin school row

Velmar Council runs the schools of the valley. Parents at Orrin Academy protested outside the town hall for a month. The building was closed after inspectors found damp in the walls of the classrooms.
`,
		"damp-homes.txt": `Damp homes

Velmar Council closed many homes in the port after inspectors found damp. The council said repairs would take a year.
`,
	})
	a, err := lib.Ask(context.Background(), "Why did Velmar Council close Orrin Academy?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || a.Citations[0].Document != "orrin-school.txt" {
		t.Fatalf("first citation %+v, want one from orrin-school.txt (answer %q)", a.Citations, a.Text)
	}
}
