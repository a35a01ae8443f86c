package library

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedStoreRebuilt: a store file damaged in several ways is moved aside
// and rebuilt from the briefings, and the library answers as before.
func TestDamagedStoreRebuilt(t *testing.T) {
	damage := map[string]func(t *testing.T, path string){
		"not a database": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("this is not SQLite\n", 500)), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		"header overwritten": func(t *testing.T, path string) {
			overwrite(t, path, 0, 100)
		},
		"pages overwritten": func(t *testing.T, path string) {
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			// Every page but the first: the schema survives, the tables do not.
			overwrite(t, path, 4096, int(info.Size())-4096)
		},
		"a table's page overwritten": func(t *testing.T, path string) {
			// The second page is the root of the first table made (meta):
			// the store opens, and the damage shows when the reload reads it.
			overwrite(t, path, 4096, 4096)
		},
		"truncated": func(t *testing.T, path string) {
			if err := os.Truncate(path, 4096+100); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, fn := range damage {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			seeds := folder(t, nil)
			db := filepath.Join(t.TempDir(), "briefbot.db")
			lib, _ := open(t, db, seeds, Options{})
			want, err := lib.Ask(ctx, "what did China say?")
			if err != nil || !want.Answered {
				t.Fatalf("what did China say? = %+v, %v", want, err)
			}
			lib.Close()
			fn(t, db)

			lib, rep, err := Open(ctx, db, seeds, Options{})
			if err != nil {
				t.Fatalf("Open of the damaged store: %v", err)
			}
			defer lib.Close()
			if len(rep.Added) == 0 {
				t.Errorf("Open of the damaged store added nothing: %+v", rep)
			}
			got, err := lib.Ask(ctx, "what did China say?")
			if err != nil || got.Text != want.Text {
				t.Errorf("after the rebuild: %q, %v; want %q", got.Text, err, want.Text)
			}
			aside, _ := filepath.Glob(db + ".corrupt-*")
			if len(aside) == 0 {
				t.Errorf("the damaged file was not kept beside the store")
			}
		})
	}
}

// overwrite writes n bytes of garbage at offset off of the file.
func overwrite(t *testing.T, path string, off, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", n/4+1))[:n]
	if _, err := f.WriteAt(junk, int64(off)); err != nil {
		t.Fatal(err)
	}
}
