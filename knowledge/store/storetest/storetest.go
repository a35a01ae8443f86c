// Package storetest is the conformance suite every store implementation
// passes (the embedded SQLite store and the shared PostgreSQL one): ingest,
// reload, every query the answer engine makes, generations seen by a second
// process, and a write interrupted mid-reload keeping the old knowledge.
//
// The suite compares the store under test, query by query and answer by
// answer, with an embedded store built from the same folder, and checks what
// both hold against the seed briefing.
package storetest

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Backend is a store implementation under test.
type Backend struct {
	// New returns the name of a new, empty store (a file path or a URL) that
	// library.OpenStore and library.Open accept.
	New func(t *testing.T) string
	// Seed is the path of the seed briefing.
	Seed string
	// Drop breaks every connection to the store named db, as a network fault
	// or a crashed server would; nil when the store has none to break.
	Drop func(t *testing.T, db string)
}

// Questions are asked of both stores; their answers must be the same. "who is
// Kim?" fits two people: the engine names them in the order of the briefings.
var Questions = []string{
	"who is Kim?",
	"what did China say?",
	"how many troops?",
	"what did Russia say?",
	"what did the Kremlin say?",
	"who is Mark Rutte?",
	"what did North Korea say?",
	"what did France say?",
	"when did the troops arrive?",
	"where are the soldiers?",
	"why did North Korea send troops?",
	"did Russia confirm the deployment?",
	"what did peskv say?",
	"what did the NATO chief say about the troops?",
	"tell me about South Korea",
	"ukraine",
}

// Dossiers are the actors whose dossiers must be the same on both stores.
var Dossiers = []string{"Mark Rutte", "China", "Russia", "Peskov", "North Korea", "Mongolia"}

// searches are the full-text searches compared: hits, order and bm25 scores.
var searches = [][]string{
	{"Kim"},
	{"what", "did", "China", "say"},
	{"troops", "Russia", "troops"},
	{"Pyongyang", "Seoul", "1", "500", "soldiers"},
	{"nothingmatchesthis"},
}

// Run runs the suite.
func Run(t *testing.T, b Backend) {
	t.Run("Queries", func(t *testing.T) { testQueries(t, b) })
	t.Run("Reload", func(t *testing.T) { testReload(t, b) })
	t.Run("Generations", func(t *testing.T) { testGenerations(t, b) })
	t.Run("InterruptedIngest", func(t *testing.T) { testInterrupted(t, b, false) })
	t.Run("Feedback", func(t *testing.T) { testFeedback(t, b) })
	t.Run("CandidatesFromStore", func(t *testing.T) { testFromStore(t, b) })
	if b.Drop != nil {
		t.Run("DroppedConnection", func(t *testing.T) { testInterrupted(t, b, true) })
	}
}

// folder makes a seeds folder: the seed whole, and one briefing per paragraph.
func folder(t *testing.T, b Backend) string {
	t.Helper()
	data, err := os.ReadFile(b.Seed)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "seeds")
	files := map[string]string{"full.txt": string(data)}
	for i, para := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.TrimSpace(para) != "" {
			files["part/"+string(rune('a'+i))+".txt"] = para + "\n"
		}
	}
	for p, text := range files {
		write(t, filepath.Join(dir, p), text)
	}
	return dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, db, seeds string) *library.Library {
	t.Helper()
	return openWith(t, db, seeds, library.Options{})
}

// openWith opens a library with options (two workers).
func openWith(t *testing.T, db, seeds string, opt library.Options) *library.Library {
	t.Helper()
	opt.Workers = 2
	lib, rep, err := library.Open(context.Background(), db, seeds, opt)
	if err != nil {
		t.Fatalf("library.Open(%s): %v", db, err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("library.Open(%s): %v", db, rep.Errors)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

// reference opens an embedded store built from seeds.
func reference(t *testing.T, seeds string) *library.Library {
	return open(t, filepath.Join(t.TempDir(), "reference.db"), seeds)
}

// Snapshot is everything the engine's queries return for a store, with the
// arguments taken from the store itself.
type Snapshot struct {
	Generation     int64
	Documents      []store.DocInfo
	Totals         store.Counts
	Actors         []store.ActorRow
	Corpus         []store.CorpusSentence
	Statements     []store.StatementRow
	Quantities     []store.QuantityHit
	Facts          store.SentenceFacts
	ActorSentences []store.Hit
	Limited        []Limited
	DocFreq        map[string]int
	Sentences      int
	Search         [][]store.Hit
	Briefings      []*knowledge.Briefing
	// DocSentences are the sentences of every document, asked for in
	// reverse order with a path no document has.
	DocSentences []store.CorpusSentence
}

// Limited are the first rows of queries with a limit, for a few actors.
type Limited struct {
	Statements     []store.StatementRow
	ActorSentences []store.Hit
}

// take reads a snapshot of st: every query, over every actor and sentence.
func take(t *testing.T, st library.Store) Snapshot {
	t.Helper()
	ctx := context.Background()
	var s Snapshot
	var err error
	must := func(what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	s.Generation, err = st.Generation(ctx)
	must("Generation")
	s.Documents, err = st.Documents(ctx)
	must("Documents")
	s.Totals, err = st.Totals(ctx)
	must("Totals")
	s.Actors, err = st.Actors(ctx)
	must("Actors")
	var gen int64
	s.Corpus, gen, err = st.Corpus(ctx)
	must("Corpus")
	if gen != s.Generation {
		t.Errorf("Corpus generation %d, Generation %d", gen, s.Generation)
	}
	var actorIDs, sentIDs []int64
	for _, a := range s.Actors {
		actorIDs = append(actorIDs, a.ID)
	}
	terms := map[string]bool{}
	for _, c := range s.Corpus {
		sentIDs = append(sentIDs, c.ID)
		for _, term := range stem.Terms(c.Text) {
			terms[term] = true
		}
	}
	s.Statements, err = st.Statements(ctx, actorIDs, 10000)
	must("Statements")
	s.Quantities, err = st.Quantities(ctx, actorIDs)
	must("Quantities")
	s.Facts, err = st.Facts(ctx, sentIDs)
	must("Facts")
	s.ActorSentences, err = st.ActorSentences(ctx, actorIDs, 10000)
	must("ActorSentences")
	// The engine's limits cut the same rows on both.
	for i := 0; i < len(actorIDs); i += 7 {
		some := actorIDs[i:min(i+7, len(actorIDs))]
		sts, err := st.Statements(ctx, some, 2)
		if err != nil {
			t.Fatalf("Statements: %v", err)
		}
		hits, err := st.ActorSentences(ctx, some, 3)
		if err != nil {
			t.Fatalf("ActorSentences: %v", err)
		}
		s.Limited = append(s.Limited, Limited{sts, hits})
	}
	termList := make([]string, 0, len(terms)+1)
	for term := range terms {
		termList = append(termList, term)
	}
	sort.Strings(termList)
	s.DocFreq, s.Sentences, err = st.DocFreq(ctx, append(termList, "zzznotaword"))
	must("DocFreq")
	for _, words := range searches {
		hits, err := st.Search(ctx, store.Terms(words), 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", words, err)
		}
		for i := range hits {
			// The same bm25, summed in another order.
			hits[i].Score = math.Round(hits[i].Score*1e9) / 1e9
		}
		s.Search = append(s.Search, hits)
	}
	for _, d := range s.Documents {
		br, err := st.Briefing(ctx, d.Path)
		if err != nil {
			t.Fatalf("Briefing(%s): %v", d.Path, err)
		}
		s.Briefings = append(s.Briefings, br)
	}
	cs, ok := st.(answer.CandidateStore)
	if !ok {
		t.Fatalf("%T is not an answer.CandidateStore", st)
	}
	paths := []string{"no/such/briefing.txt"}
	for i := len(s.Documents) - 1; i >= 0; i-- {
		paths = append(paths, s.Documents[i].Path)
	}
	s.DocSentences, err = cs.DocSentences(ctx, paths)
	must("DocSentences")
	return s
}

// same checks that st holds what the reference holds and answers alike.
func same(t *testing.T, got, want *library.Library) {
	t.Helper()
	g, w := take(t, got.Store()), take(t, want.Store())
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("queries: mismatch with the embedded store (-want +got):\n%s", diff)
	}
	ctx := context.Background()
	for _, q := range Questions {
		ga, err := got.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		wa, err := want.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q) of the embedded store: %v", q, err)
		}
		if diff := cmp.Diff(wa, ga); diff != "" {
			t.Errorf("Ask(%q): mismatch with the embedded store (-want +got):\n%s", q, diff)
		}
	}
	for _, name := range Dossiers {
		gd, gerr := got.Dossier(ctx, name)
		wd, werr := want.Dossier(ctx, name)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("Dossier(%q): %v; the embedded store's: %v", name, gerr, werr)
		}
		if diff := cmp.Diff(wd, gd); diff != "" {
			t.Errorf("Dossier(%q): mismatch with the embedded store (-want +got):\n%s", name, diff)
		}
	}
}

func testQueries(t *testing.T, b Backend) {
	seeds := folder(t, b)
	lib := open(t, b.New(t), seeds)
	same(t, lib, reference(t, seeds))

	s := take(t, lib.Store())
	if s.Generation != 1 || len(s.Documents) < 2 || s.Totals.Sentences != len(s.Corpus) || s.Sentences != len(s.Corpus) {
		t.Errorf("generation %d, %d documents, totals %+v, %d sentences in the corpus, %d by DocFreq",
			s.Generation, len(s.Documents), s.Totals, len(s.Corpus), s.Sentences)
	}
	if s.DocFreq["troop"] < 2 || s.DocFreq["zzznotaword"] != 0 {
		t.Errorf("DocFreq troop = %d, zzznotaword = %d", s.DocFreq["troop"], s.DocFreq["zzznotaword"])
	}
	a, err := lib.Ask(context.Background(), "who is Mark Rutte?")
	if err != nil || !a.Answered || !strings.Contains(a.Text, "NATO") {
		t.Errorf("who is Mark Rutte? = %+v, %v", a, err)
	}
}

// testFromStore asks the questions of an engine that indexes no sentence in
// memory and takes each question's candidates from the store's full-text
// index: both stores give the same answers, and they still answer.
func testFromStore(t *testing.T, b Backend) {
	seeds := folder(t, b)
	opt := library.Options{MaxIndexed: library.IndexNone}
	lib := openWith(t, b.New(t), seeds, opt)
	ref := openWith(t, filepath.Join(t.TempDir(), "reference.db"), seeds, opt)
	s := take(t, lib.Store())
	if len(s.DocSentences) != len(s.Corpus) {
		t.Errorf("DocSentences of every document: %d sentences, Corpus %d", len(s.DocSentences), len(s.Corpus))
	}
	ctx := context.Background()
	for _, q := range Questions {
		ga, err := lib.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		wa, err := ref.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q) of the embedded store: %v", q, err)
		}
		if diff := cmp.Diff(wa, ga); diff != "" {
			t.Errorf("Ask(%q) from the store's candidates: mismatch with the embedded store (-want +got):\n%s", q, diff)
		}
	}
	for q, want := range map[string]string{"who is Mark Rutte?": "NATO", "how many troops?": "1,500", "where are the soldiers?": "Russia"} {
		a, err := lib.Ask(ctx, q)
		if err != nil || !a.Answered || !strings.Contains(a.Text, want) {
			t.Errorf("from the store's candidates, %s = %q (answered %v), want %q in it; err %v", q, a.Text, a.Answered, want, err)
		}
	}
}

// testFeedback stores votes, which survive a reload, and refuses a vote that
// is neither up nor down.
func testFeedback(t *testing.T, b Backend) {
	seeds := folder(t, b)
	lib := open(t, b.New(t), seeds)
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	want := []store.Feedback{
		{At: at, UserID: "u1", Vote: store.VoteUp, Question: "how many troops?", Answer: "About 1,500.",
			Citations: []knowledge.Citation{{Document: "full.txt", Sentence: 3, Text: "According to ..."}}},
		{At: at.Add(time.Minute), UserID: "u2", Vote: store.VoteDown, Question: "who is Kim?", Answer: "Two people.",
			Citations: []knowledge.Citation{}},
	}
	for _, f := range want {
		if err := lib.Store().AddFeedback(ctx, f); err != nil {
			t.Fatalf("AddFeedback: %v", err)
		}
	}
	if err := lib.Store().AddFeedback(ctx, store.Feedback{At: at, Vote: "meh"}); err == nil {
		t.Error("AddFeedback took the vote \"meh\"")
	}
	write(t, filepath.Join(seeds, "extra.txt"), "The council said the bridge would reopen in May.\n")
	if _, err := lib.Reload(ctx); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	got, err := lib.Store().Feedbacks(ctx)
	if err != nil {
		t.Fatalf("Feedbacks: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("feedback mismatch (-want +got):\n%s", diff)
	}
}

func testReload(t *testing.T, b Backend) {
	seeds := folder(t, b)
	db := b.New(t)
	lib := open(t, db, seeds)
	ref := reference(t, seeds) // goes through the same reloads
	ctx := context.Background()
	before := take(t, lib.Store())

	// A new briefing, one changed, one gone.
	write(t, filepath.Join(seeds, "new.txt"), "Mongolia's foreign minister Batmunkh Battsetseg said on Tuesday that Mongolia would stay neutral.\n")
	write(t, filepath.Join(seeds, "part/b.txt"), "Pyongyang's envoy said the reports were false.\n")
	if err := os.Remove(filepath.Join(seeds, "part/c.txt")); err != nil {
		t.Fatal(err)
	}
	rep, err := lib.Reload(ctx)
	if err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if _, err := ref.Reload(ctx); err != nil {
		t.Fatalf("Reload of the embedded store: %v", err)
	}
	want := library.Report{}
	want.Added, want.Replaced, want.Removed = []string{"new.txt"}, []string{"part/b.txt"}, []string{"part/c.txt"}
	if diff := cmp.Diff([][]string{want.Added, want.Replaced, want.Removed}, [][]string{rep.Added, rep.Replaced, rep.Removed}); diff != "" {
		t.Errorf("Reload: mismatch (-want +got):\n%s", diff)
	}
	after := take(t, lib.Store())
	if after.Generation != before.Generation+1 {
		t.Errorf("generation %d after reload, %d before", after.Generation, before.Generation)
	}
	if after.DocFreq["battsetseg"] != 1 {
		t.Errorf("DocFreq battsetseg = %d after adding it", after.DocFreq["battsetseg"])
	}
	same(t, lib, ref)

	// An unchanged folder changes nothing.
	if rep, err := lib.Reload(ctx); err != nil || rep.Changed() {
		t.Errorf("second Reload = %+v, %v; want no change", rep, err)
	}
	if g, _ := lib.Store().Generation(ctx); g != after.Generation {
		t.Errorf("generation %d after an empty reload, want %d", g, after.Generation)
	}
}

// testGenerations has a second process (a second library on the same store)
// see the first one's reload.
func testGenerations(t *testing.T, b Backend) {
	seeds := folder(t, b)
	db := b.New(t)
	first := open(t, db, seeds)
	second, _, err := library.Open(context.Background(), db, seeds, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	ctx := context.Background()
	if a, err := second.Ask(ctx, "what did Mongolia say?"); err != nil || a.Answered {
		t.Fatalf("before the reload: %+v, %v", a, err)
	}
	write(t, filepath.Join(seeds, "new.txt"), "Mongolia's foreign minister Batmunkh Battsetseg said on Tuesday that Mongolia would stay neutral.\n")
	if _, err := first.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	g1, err1 := first.Store().Generation(ctx)
	g2, err2 := second.Store().Generation(ctx)
	if err1 != nil || err2 != nil || g1 != g2 || g1 != 2 {
		t.Errorf("generations %d (%v) and %d (%v), want 2 and 2", g1, err1, g2, err2)
	}
	a, err := second.Ask(ctx, "what did Mongolia say?")
	if err != nil || !a.Answered || len(a.Citations) == 0 || a.Citations[0].Document != "new.txt" {
		t.Errorf("the second process after the reload: %+v, %v", a, err)
	}
}

// testInterrupted starts an ingest that replaces a briefing, then breaks it
// (the context cancelled, or every connection dropped) before it commits: the
// old knowledge stays, and a new process serves it.
func testInterrupted(t *testing.T, b Backend, drop bool) {
	seeds := folder(t, b)
	db := b.New(t)
	lib := open(t, db, seeds)
	before := take(t, lib.Store())
	answer, err := lib.Ask(context.Background(), "what did China say?")
	if err != nil || !answer.Answered {
		t.Fatalf("what did China say? = %+v, %v", answer, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in, err := lib.Store().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Rollback()
	br, err := lib.Store().Briefing(ctx, "full.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range br.Sentences {
		br.Sentences[i].Text = "Changed."
	}
	if err := in.Remove("part/a.txt"); err != nil {
		t.Fatal(err)
	}
	if err := in.Put(br); err != nil {
		t.Fatal(err)
	}
	if drop {
		b.Drop(t, db)
	} else {
		cancel()
	}
	if _, err := in.Commit(); err == nil {
		t.Fatal("Commit after the fault succeeded")
	}
	in.Rollback()

	again := open(t, db, seeds)
	if diff := cmp.Diff(before, take(t, again.Store())); diff != "" {
		t.Errorf("after the fault: mismatch (-before +after):\n%s", diff)
	}
	got, err := again.Ask(context.Background(), "what did China say?")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(answer, got); diff != "" {
		t.Errorf("answer after the fault: mismatch (-before +after):\n%s", diff)
	}
}
