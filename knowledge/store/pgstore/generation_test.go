package pgstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// TestAnswersCiteOneGeneration asks a question again and again, from a second
// process, while the first reloads the briefings back and forth between two
// versions that change every file: each answer cites one version, never
// none, never both.
func TestAnswersCiteOneGeneration(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	seeds := t.TempDir()
	version := func(v string) {
		t.Helper()
		for i := range 5 {
			text := fmt.Sprintf("Council minutes %d\n\nThe Zorblat council spokesman Arvid Quell said that the harbour plan of version %s stands, item %d.\n", i, v, i)
			if err := os.WriteFile(filepath.Join(seeds, fmt.Sprintf("minutes-%d.txt", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	version("one")
	writer, _, err := library.Open(ctx, url, seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, _, err := library.Open(ctx, url, seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var asked, answered int
	var mixed []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			a, err := reader.Ask(ctx, "what did Arvid Quell say?")
			asked++
			if err != nil {
				mixed = append(mixed, "error: "+err.Error())
				continue
			}
			versions := map[string]bool{}
			for _, c := range append(a.Citations, a.More...) {
				switch {
				case strings.Contains(c.Text, "version one"):
					versions["one"] = true
				case strings.Contains(c.Text, "version two"):
					versions["two"] = true
				}
			}
			if len(a.Citations)+len(a.More) > 1 {
				answered++
			}
			// Actors read from one generation and statements from another
			// would give no answer, or a mixed one.
			if len(versions) != 1 {
				mixed = append(mixed, fmt.Sprintf("%q citing %v %v", a.Text, a.Citations, a.More))
			}
		}
	}()
	for i := range 8 {
		version([]string{"two", "one"}[i%2])
		if _, err := writer.Reload(ctx); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
	if len(mixed) > 0 {
		t.Errorf("%d of %d answers mixed versions or failed, first: %s", len(mixed), asked, mixed[0])
	}
	if answered == 0 {
		t.Errorf("none of %d answers cited several briefings", asked)
	}
	t.Logf("%d answers, %d citing several briefings", asked, answered)
}
