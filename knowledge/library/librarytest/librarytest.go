// Package librarytest opens real libraries for tests: a SQLite store in a
// temporary folder, built from briefings the test names.
package librarytest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/knowledge/library"
)

// OpenSeed builds a library in a temporary folder from a copy of the seed
// briefing at seed (a path relative to the test's package, such as
// "../../seeds/north-korean-troops-in-russia.txt"), closed when the test ends.
func OpenSeed(tb testing.TB, seed string) *library.Library {
	tb.Helper()
	dir := tb.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		tb.Fatal(err)
	}
	src, err := os.ReadFile(seed)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds, filepath.Base(seed)), src, 0o644); err != nil {
		tb.Fatal(err)
	}
	lib, _, err := library.Open(context.Background(), filepath.Join(dir, "test.db"), seeds, library.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { lib.Close() })
	return lib
}
