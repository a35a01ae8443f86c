package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/source"
)

// MustOpen opens a store in a new temporary folder, closed when the test ends.
func MustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// seedBriefing extracts the seed briefing.
func seedBriefing(tb testing.TB) *knowledge.Briefing {
	tb.Helper()
	files, errs, err := source.Load("../../seeds", source.Options{})
	if err != nil || len(errs) > 0 || len(files) == 0 {
		tb.Fatalf("load seeds: %v %v", err, errs)
	}
	f := files[0]
	return extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text})
}

// copyAs returns a copy of b under another path, with its text changed a little
// so that it is told apart.
func copyAs(b *knowledge.Briefing, path string) *knowledge.Briefing {
	c := *b
	c.Path = path
	c.Hash = fmt.Sprintf("%x", path)
	c.Sentences = slices.Clone(b.Sentences)
	for i := range c.Sentences {
		c.Sentences[i].Text = strings.Replace(c.Sentences[i].Text, " ", " ", 1) + " [" + path + "]"
	}
	return &c
}

// normal puts what the store gives back in a comparable form: the store does
// not keep sentence offsets, nor the order of an actor's aliases, and drops
// repeated aliases.
func normal(b *knowledge.Briefing) *knowledge.Briefing {
	c := *b
	c.Text = ""
	c.Sentences = slices.Clone(b.Sentences)
	for i := range c.Sentences {
		c.Sentences[i].Start, c.Sentences[i].End = 0, 0
	}
	c.Actors = slices.Clone(b.Actors)
	for i := range c.Actors {
		al := slices.Clone(c.Actors[i].Aliases)
		slices.Sort(al)
		c.Actors[i].Aliases = slices.Compact(al)
		if len(c.Actors[i].Aliases) == 0 {
			c.Actors[i].Aliases = nil
		}
	}
	return &c
}

func TestApplyRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	b := seedBriefing(t)
	ch, err := s.Apply(ctx, []*knowledge.Briefing{b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{b.Path}, ch.Added); diff != "" {
		t.Errorf("added mismatch (-want +got):\n%s", diff)
	}
	got, err := s.Briefing(ctx, b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(normal(b), normal(got)); diff != "" {
		t.Errorf("briefing mismatch (-want +got):\n%s", diff)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var c Counts
	c.add(b)
	want := []DocInfo{{ID: docs[0].ID, Path: b.Path, Title: b.Title, Date: b.Date, Hash: b.Hash, Size: int64(len(b.Text)), Sentences: len(b.Sentences), Facts: c.Facts()}}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("documents mismatch (-want +got):\n%s", diff)
	}
}

// TestIngestManyBatches stores enough briefings for several flushes and
// statements of every size, and checks every one comes back whole.
func TestIngestManyBatches(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	seed := seedBriefing(t)
	var add []*knowledge.Briefing
	var want Counts
	for i := range 150 {
		b := copyAs(seed, fmt.Sprintf("copy-%03d.txt", i))
		add = append(add, b)
		want.add(b)
	}
	in, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback()
	for _, b := range add {
		if err := in.Put(b); err != nil {
			t.Fatal(err)
		}
	}
	ch, err := in.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Added) != len(add) || ch.Counts != want {
		t.Errorf("change: %d added, counts %+v; want %d, %+v", len(ch.Added), ch.Counts, len(add), want)
	}
	got, err := s.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("totals = %+v, want %+v", got, want)
	}
	for _, i := range []int{0, 1, 77, 149} {
		b, err := s.Briefing(ctx, add[i].Path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(normal(add[i]), normal(b)); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", add[i].Path, diff)
		}
	}
	hits, err := s.Search(ctx, Terms([]string{"copy-149.txt"}), 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != len(seed.Sentences) {
		t.Errorf("full-text search found %d sentences of copy-149, want %d", len(hits), len(seed.Sentences))
	}
}

func TestIngestReplaceAndRemove(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	seed := seedBriefing(t)
	a, b := copyAs(seed, "a.txt"), copyAs(seed, "b.txt")
	if _, err := s.Apply(ctx, []*knowledge.Briefing{a, b}, nil); err != nil {
		t.Fatal(err)
	}
	gen1, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a2 := copyAs(seed, "a.txt")
	a2.Sentences = a2.Sentences[:len(a2.Sentences):len(a2.Sentences)]
	for i := range a2.Sentences {
		a2.Sentences[i].Text = "Replaced " + a2.Sentences[i].Text
	}
	ch, err := s.Apply(ctx, []*knowledge.Briefing{a2}, []string{"b.txt", "never-stored.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var c Counts
	c.add(seed)
	want := Change{Replaced: []string{"a.txt"}, Removed: []string{"b.txt"}, FactsRemoved: 2 * c.Facts()}
	want.Counts = c
	if diff := cmp.Diff(want, ch); diff != "" {
		t.Errorf("change mismatch (-want +got):\n%s", diff)
	}
	if gen2, _ := s.Generation(ctx); gen2 != gen1+1 {
		t.Errorf("generation %d after %d, want one more", gen2, gen1)
	}
	got, err := s.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	counted, err := countAll(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	if got != c || counted != c {
		t.Errorf("totals = %+v, counted %+v, want %+v (nothing left of b.txt or the old a.txt)", got, counted, c)
	}
	var aliases, mentions, fts int
	s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM aliases), (SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH '"b.txt"')`).Scan(&aliases, &mentions, &fts)
	var wantAliases, wantMentions int
	for _, a := range normal(seed).Actors {
		wantAliases += len(a.Aliases)
		wantMentions += len(a.Mentions)
	}
	if aliases != wantAliases || mentions != wantMentions || fts != 0 {
		t.Errorf("aliases %d, mentions %d, b.txt sentences in the full-text index %d; want %d, %d, 0", aliases, mentions, fts, wantAliases, wantMentions)
	}
	hits, err := s.Search(ctx, Terms([]string{"replaced"}), 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != len(seed.Sentences) {
		t.Errorf("search for the new text found %d sentences, want %d", len(hits), len(seed.Sentences))
	}
}

// TestIngestIsolated checks that readers keep the old knowledge until the
// ingest commits, and that a rolled-back ingest leaves no trace.
func TestIngestIsolated(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	seed := seedBriefing(t)
	if _, err := s.Apply(ctx, []*knowledge.Briefing{copyAs(seed, "old.txt")}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := s.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, s.Path()) // another process, as far as SQLite knows
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	for _, commit := range []bool{false, true} {
		in, err := s.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 40 {
			if err := in.Put(copyAs(seed, fmt.Sprintf("new-%v-%d.txt", commit, i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := in.Remove("old.txt"); err != nil {
			t.Fatal(err)
		}
		for _, st := range []*Store{s, other} {
			if got, err := st.Totals(ctx); err != nil || got != before {
				t.Errorf("during the ingest, totals = %+v (%v), want the old %+v", got, err, before)
			}
		}
		if !commit {
			in.Rollback()
			if got, err := other.Totals(ctx); err != nil || got != before {
				t.Errorf("after rollback, totals = %+v (%v), want the old %+v", got, err, before)
			}
			continue
		}
		if _, err := in.Commit(); err != nil {
			t.Fatal(err)
		}
		in.Rollback() // does nothing after Commit
		if got, err := other.Totals(ctx); err != nil || got.Documents != 40 {
			t.Errorf("after commit, the other store sees %+v (%v), want 40 documents", got, err)
		}
	}
}

func TestPutRejectsBadReferences(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	seed := seedBriefing(t)
	bad := []func(b *knowledge.Briefing){
		func(b *knowledge.Briefing) { b.Statements = append(b.Statements, knowledge.Statement{Sentence: 999}) },
		func(b *knowledge.Briefing) {
			b.Statements = append(b.Statements, knowledge.Statement{Sentence: 1, Speaker: 999})
		},
		func(b *knowledge.Briefing) {
			b.Quantities = append(b.Quantities, knowledge.Quantity{Sentence: 1, Claimant: len(b.Actors)})
		},
		func(b *knowledge.Briefing) { b.Roles = append(b.Roles, knowledge.Role{Sentence: 0}) },
		func(b *knowledge.Briefing) { b.Sentences[1].N = 1 },
	}
	for i, spoil := range bad {
		b := copyAs(seed, "bad.txt")
		b.Statements = slices.Clone(b.Statements)
		b.Quantities = slices.Clone(b.Quantities)
		b.Roles = slices.Clone(b.Roles)
		spoil(b)
		if _, err := s.Apply(ctx, []*knowledge.Briefing{copyAs(seed, "good.txt"), b}, nil); err == nil {
			t.Errorf("case %d: Apply accepted a briefing with a bad reference", i)
		}
		if got, _ := s.Totals(ctx); got != (Counts{}) {
			t.Errorf("case %d: a failed Apply left %+v", i, got)
		}
	}
}

func TestPutTwiceFails(t *testing.T) {
	s := MustOpen(t)
	in, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback()
	seed := seedBriefing(t)
	if err := in.Put(seed); err != nil {
		t.Fatal(err)
	}
	if err := in.Put(seed); err == nil {
		t.Error("the same path was put twice in one ingest")
	}
}

func TestMetaAndTotals(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if v, err := s.Meta(ctx, "nothing"); err != nil || v != "" {
		t.Errorf("Meta of a missing key = %q, %v", v, err)
	}
	// Meta alone is not a change of the knowledge.
	in, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in.SetMeta("k", "v1")
	if _, err := in.Commit(); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Meta(ctx, "k"); v != "v1" {
		t.Errorf("Meta = %q, want v1", v)
	}
	if g, _ := s.Generation(ctx); g != 0 {
		t.Errorf("generation %d after an ingest that only set meta, want 0", g)
	}
	seed := seedBriefing(t)
	if _, err := s.Apply(ctx, []*knowledge.Briefing{seed}, nil); err != nil {
		t.Fatal(err)
	}
	var want Counts
	want.add(seed)
	if got, _ := s.Totals(ctx); got != want {
		t.Errorf("recorded totals = %+v, want %+v", got, want)
	}
	// Another program writes without recording the totals: they are counted.
	if _, err := s.db.Exec(`DELETE FROM documents; UPDATE meta SET value = '7' WHERE key = 'generation'`); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Totals(ctx); got != (Counts{}) {
		t.Errorf("totals after an outside change = %+v, want zero", got)
	}
}

func TestMigrationsAddForeignKeyIndexes(t *testing.T) {
	s := MustOpen(t)
	for _, q := range []string{
		`DELETE FROM roles WHERE sentence_id = 1`,
		`DELETE FROM quantities WHERE claimant_id = 1`,
	} {
		var plan string
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan += detail + "\n"
		}
		rows.Close()
		if !strings.Contains(plan, "INDEX") {
			t.Errorf("%s scans the table:\n%s", q, plan)
		}
	}
}

// BenchmarkWrite stores already extracted briefings, to tell the store's share
// of the ingest from the extraction's. It uses the SQuAD articles when the
// shared folder is there, else copies of the seed.
func BenchmarkWrite(b *testing.B) {
	var docs []*knowledge.Briefing
	sentences := 0
	dir := os.Getenv("BRIEFBOT_SHARED")
	if dir == "" {
		dir = "../../../shared"
	}
	files, _, err := source.Load(filepath.Join(dir, "eval", "squad", "corpus"), source.Options{})
	if err != nil || len(files) == 0 {
		seed := seedBriefing(b)
		for i := range 200 {
			docs = append(docs, copyAs(seed, fmt.Sprintf("copy-%d.txt", i)))
		}
	}
	for _, f := range files {
		docs = append(docs, extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text}))
	}
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	db := filepath.Join(b.TempDir(), "write.db")
	ctx := context.Background()
	var total time.Duration
	for b.Loop() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix)
		}
		start := time.Now()
		s, err := Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Apply(ctx, docs, nil); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(sentences*b.N)/total.Seconds(), "sentences/s")
}
