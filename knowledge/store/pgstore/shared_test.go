package pgstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

func openStore(t *testing.T, url string) *pgstore.Store {
	t.Helper()
	st, err := pgstore.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func briefing(path, text string) *knowledge.Briefing {
	// One sentence: the text.
	return &knowledge.Briefing{Document: knowledge.Document{Path: path, Title: path, Hash: text, Text: text,
		Sentences: []knowledge.Sentence{{N: 1, Text: text}}}}
}

// TestMigrationsRecorded: the applied versions are in schema_migrations, and
// a second process opening the store applies nothing again.
func TestMigrationsRecorded(t *testing.T) {
	url := pgtest.URL(t)
	openStore(t, url)
	openStore(t, url)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	files, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("embedded migrations: %v, %v", files, err)
	}
	var n int
	var name string
	if err := conn.QueryRow(ctx, `SELECT COUNT(*), MIN(name) FROM schema_migrations`).Scan(&n, &name); err != nil {
		t.Fatal(err)
	}
	if n != len(files) || name != "001_init.sql" {
		t.Errorf("schema_migrations holds %d versions, first %q; want each of the %d migrations once, 001_init.sql first", n, name, len(files))
	}
}

// TestSecondReloadRefused: while one process ingests, another's Begin fails at
// once with store.ErrReloading, and a library's TryReload says so; once the
// first commits, the second can write.
func TestSecondReloadRefused(t *testing.T) {
	url := pgtest.URL(t)
	a, b := openStore(t, url), openStore(t, url)
	ctx := context.Background()
	in, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback()
	if err := in.Put(briefing("one.txt", "One sentence about Mongolia.")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Begin(ctx); !errors.Is(err, store.ErrReloading) {
		t.Fatalf("Begin while another ingest runs: %v, want ErrReloading", err)
	}

	seeds := t.TempDir()
	if err := os.WriteFile(filepath.Join(seeds, "two.txt"), []byte("Mongolia's foreign minister said Mongolia would stay neutral.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, err := library.Open(ctx, url, seeds, library.Options{})
	if err == nil {
		lib.Close()
		t.Fatal("library.Open of an empty store while another machine reloads succeeded")
	}
	if !errors.Is(err, library.ErrReloading) {
		t.Errorf("library.Open: %v, want ErrReloading", err)
	}

	if _, err := in.Commit(); err != nil {
		t.Fatal(err)
	}
	lib, rep, err := library.Open(ctx, url, seeds, library.Options{})
	if err != nil {
		t.Fatalf("library.Open after the other reload: %v", err)
	}
	defer lib.Close()
	if strings.Join(rep.Added, ",") != "two.txt" || strings.Join(rep.Removed, ",") != "one.txt" {
		t.Errorf("reload added %v, removed %v", rep.Added, rep.Removed)
	}
	if g, err := b.Generation(ctx); err != nil || g != 2 {
		t.Errorf("generation %d, %v; want 2", g, err)
	}
}

// TestSnapshot: reads under a snapshot see the knowledge as it was when it
// began, while another process commits a reload.
func TestSnapshot(t *testing.T) {
	url := pgtest.URL(t)
	a, b := openStore(t, url), openStore(t, url)
	ctx := context.Background()
	put := func(st *pgstore.Store, br *knowledge.Briefing) {
		t.Helper()
		in, err := st.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer in.Rollback()
		if err := in.Put(br); err != nil {
			t.Fatal(err)
		}
		if _, err := in.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	put(a, briefing("one.txt", "Old news about Mongolia."))
	snap, end, err := b.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer end()
	g1, _ := b.Generation(snap)
	put(a, briefing("two.txt", "Fresh news about Mongolia."))
	g2, _ := b.Generation(snap)
	rows, gen, err := b.Corpus(snap)
	if err != nil {
		t.Fatal(err)
	}
	df, total, err := b.DocFreq(snap, []string{"mongolia"})
	if err != nil {
		t.Fatal(err)
	}
	if g1 != 1 || g2 != 1 || gen != 1 || len(rows) != 1 || total != 1 || df["mongolia"] != 1 {
		t.Errorf("under the snapshot: generations %d, %d, corpus %d sentences of generation %d, doc freq %v of %d; want all of generation 1, one sentence",
			g1, g2, len(rows), gen, df, total)
	}
	if g, err := b.Generation(ctx); err != nil || g != 2 {
		t.Errorf("outside the snapshot: generation %d, %v; want 2", g, err)
	}
	df, total, err = b.DocFreq(ctx, []string{"mongolia", "old", "fresh"})
	if err != nil || total != 2 || df["mongolia"] != 2 || df["old"] != 1 || df["fresh"] != 1 {
		t.Errorf("outside the snapshot: doc freq %v of %d, %v", df, total, err)
	}
}

// TestOpenTogether: machines starting together on a new database make the
// schema once between them.
func TestOpenTogether(t *testing.T) {
	url := pgtest.URL(t)
	const n = 4
	errs := make(chan error, n)
	for range n {
		go func() {
			st, err := pgstore.Open(context.Background(), url)
			if err == nil {
				st.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("Open: %v", err)
		}
	}
	st := openStore(t, url)
	if g, err := st.Generation(context.Background()); err != nil || g != 0 {
		t.Errorf("generation %d, %v; want 0", g, err)
	}
}
