package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestEmptyFolderKeepsKnowledge empties the seeds folder (as an unmounted volume
// would) and reloads: the reload fails with ErrEmptyFolder and the briefings
// already loaded keep answering.
func TestEmptyFolderKeepsKnowledge(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(seeds, "seed.txt")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, err := Open(ctx, filepath.Join(dir, "b.db"), seeds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Reload(ctx); !errors.Is(err, ErrEmptyFolder) {
		t.Fatalf("Reload of an empty folder = %v, want ErrEmptyFolder", err)
	}
	a, err := lib.Ask(ctx, "what did China say?")
	if err != nil || len(a.Citations) == 0 || a.Citations[0].Sentence != 18 {
		t.Errorf("after the refused reload: %+v, %v", a, err)
	}
}
