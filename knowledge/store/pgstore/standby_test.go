package pgstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// TestStandby: a shard reading a streaming standby serves what the primary's
// shard loaded, refuses to reload, follows the primary's reloads, and catches
// up after the standby is stopped hard and started again.
func TestStandby(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	primary := pgtest.StartCluster(t)
	url, err := primary.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seeds := t.TempDir()
	seed, err := os.ReadFile("../../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(seeds, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("seed.txt", string(seed))
	lead, _, err := library.Open(ctx, url, seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lead.Close()

	standby := pgtest.StartStandby(t, primary)
	if err := primary.WaitReplayed(ctx, standby); err != nil {
		t.Fatal(err)
	}
	standbyURL, err := standby.Same(url)
	if err != nil {
		t.Fatal(err)
	}
	// The standby's shard has no seeds folder of its own.
	shard, rep, err := library.Open(ctx, standbyURL, filepath.Join(t.TempDir(), "no-seeds"), library.Options{})
	if err != nil {
		t.Fatalf("library.Open on the standby: %v", err)
	}
	defer shard.Close()
	if rep.Totals.Documents != 1 {
		t.Errorf("the standby's shard sees %d documents, want 1", rep.Totals.Documents)
	}
	ask := func(lib *library.Library, q, want string) {
		t.Helper()
		a, err := lib.Ask(ctx, q)
		if err != nil || !strings.Contains(a.Text, want) {
			t.Errorf("%s = %q, %v; want it to say %q", q, a.Text, err, want)
		}
	}
	ask(shard, "who is Mark Rutte?", "NATO")
	if _, err := shard.TryReload(ctx); !errors.Is(err, library.ErrNotReloader) || !strings.Contains(err.Error(), "standby") {
		t.Errorf("TryReload on the standby: %v, want ErrNotReloader naming the standby", err)
	}
	if _, err := shard.Store().Begin(ctx); !errors.Is(err, pgstore.ErrStandby) {
		t.Errorf("Begin on the standby: %v, want ErrStandby", err)
	}

	// A reload on the primary reaches the standby's shard.
	write("oslo.txt", "Norwegian Foreign Minister Anniken Huitfeldt said that the fjord treaty would be signed in spring.\n")
	if _, err := lead.TryReload(ctx); err != nil {
		t.Fatal(err)
	}
	if err := primary.WaitReplayed(ctx, standby); err != nil {
		t.Fatal(err)
	}
	ask(shard, "what did Huitfeldt say?", "fjord treaty")

	// Stopped hard, the standby misses a reload, then catches up.
	if err := standby.Stop(); err != nil {
		t.Fatal(err)
	}
	write("lima.txt", "Peruvian Foreign Minister Elmer Schialer said that the mining law would change in autumn.\n")
	if _, err := lead.TryReload(ctx); err != nil {
		t.Fatal(err)
	}
	if err := standby.Restart(); err != nil {
		t.Fatal(err)
	}
	if err := primary.WaitReplayed(ctx, standby); err != nil {
		t.Fatal(err)
	}
	ask(shard, "what did Schialer say?", "mining law")
	g1, err1 := lead.Store().Generation(ctx)
	g2, err2 := shard.Store().Generation(ctx)
	if err1 != nil || err2 != nil || g1 != g2 || g1 != 3 {
		t.Errorf("generations: primary %d (%v), standby %d (%v); want 3 and 3", g1, err1, g2, err2)
	}
}
