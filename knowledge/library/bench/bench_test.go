package bench_test

// Benchmarks of ingest, start-up and answers on the seed, the BBC and SQuAD
// corpora and, with BRIEFBOT_BENCH_LARGE=1, on a generated corpus of a million
// sentences (BRIEFBOT_BENCH_SENTENCES changes the size). `briefbot bench` prints
// the same figures as tables. Plain `go test` runs none of this: every store is
// built inside the benchmarks, on first use.
//
//	go test -run '^$' -bench . -benchtime 200x ./knowledge/library/bench/
//	BRIEFBOT_BENCH_LARGE=1 go test -run '^$' -bench . -benchtime 200x -timeout 1h ./knowledge/library/bench/

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/library/bench"
	"github.com/briefbot/briefbot/knowledge/source"
)

// benchRoot holds the stores and the generated corpus; TestMain removes it.
var (
	benchRootOnce sync.Once
	benchRoot     string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

func root(b *testing.B) string {
	benchRootOnce.Do(func() {
		dir, err := os.MkdirTemp("", "briefbot-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchRoot = dir
	})
	return benchRoot
}

func sharedDir() string { return bench.SharedDir("../../../../shared") }

// corpora lists the corpora to measure, generating the large one when asked.
func corpora(b *testing.B) []bench.Corpus {
	cs := bench.Corpora("../../../seeds", sharedDir())
	if os.Getenv("BRIEFBOT_BENCH_LARGE") == "" {
		return cs
	}
	return append(cs, generated(b, cs))
}

var (
	genOnce sync.Once
	gen     bench.Corpus
	genErr  error
)

func generated(b *testing.B, sources []bench.Corpus) bench.Corpus {
	genOnce.Do(func() {
		n := 1_000_000
		if s := os.Getenv("BRIEFBOT_BENCH_SENTENCES"); s != "" {
			if n, genErr = strconv.Atoi(s); genErr != nil {
				return
			}
		}
		var dirs []string
		for _, c := range sources {
			dirs = append(dirs, c.Dir)
		}
		dir := filepath.Join(root(b), "generated")
		start := time.Now()
		var st bench.GenStats
		if st, genErr = bench.Generate(dir, n, dirs, 1); genErr == nil {
			b.Logf("generated %d files, %d sentences in %v", st.Documents, st.Sentences, time.Since(start))
		}
		gen = bench.Corpus{Name: fmt.Sprintf("generated-%d", n), Dir: dir}
	})
	if genErr != nil {
		b.Fatal(genErr)
	}
	return gen
}

// built is a corpus's store, built once and shared by the benchmarks.
type built struct {
	once sync.Once
	db   string
	err  error
}

var (
	storesMu sync.Mutex
	stores   = map[string]*built{}
)

// builtStore returns the path of an up-to-date store of c.
func builtStore(b *testing.B, c bench.Corpus) string {
	storesMu.Lock()
	s := stores[c.Name]
	if s == nil {
		s = &built{db: filepath.Join(root(b), c.Name+".db")}
		stores[c.Name] = s
	}
	storesMu.Unlock()
	s.once.Do(func() {
		_, _, s.err = bench.Ingest(context.Background(), c.Dir, s.db, library.Options{})
	})
	if s.err != nil {
		b.Fatal(s.err)
	}
	return s.db
}

var (
	questionsOnce sync.Once
	questions     map[string][]string
	questionsErr  error
)

// questionsByKind returns up to 200 questions of each kind.
func questionsByKind(b *testing.B) map[string][]string {
	questionsOnce.Do(func() {
		questions = map[string][]string{}
		shared := sharedDir()
		if shared == "" {
			for _, q := range []string{"what did China say?", "how many troops?", "who is Mark Rutte?", "when did the troops arrive?", "where are the troops?"} {
				questions[bench.Kind(q)] = append(questions[bench.Kind(q)], q)
			}
			return
		}
		var qs []bench.Question
		if qs, questionsErr = bench.Questions(shared, 200, 1); questionsErr != nil {
			return
		}
		for _, q := range qs {
			questions[q.Kind] = append(questions[q.Kind], q.Text)
		}
	})
	if questionsErr != nil {
		b.Fatal(questionsErr)
	}
	return questions
}

// BenchmarkIngest builds each corpus's store from nothing, b.N times.
func BenchmarkIngest(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			db := filepath.Join(root(b), c.Name+"-ingest.db")
			var sentences int
			var total time.Duration
			for b.Loop() {
				bench.RemoveStore(db)
				rep, d, err := bench.Ingest(context.Background(), c.Dir, db, library.Options{})
				if err != nil {
					b.Fatal(err)
				}
				sentences += rep.Totals.Sentences
				total += d
			}
			b.ReportMetric(float64(sentences)/total.Seconds(), "sentences/s")
			if size, err := bench.StoreSize(context.Background(), db); err == nil {
				b.ReportMetric(float64(size)/(1<<20), "store-MiB")
			}
			bench.RemoveStore(db)
		})
	}
}

// BenchmarkExtract extracts each corpus's files one after the other on one
// goroutine, without storing them: the extraction's share of the ingest.
func BenchmarkExtract(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			files, _, err := source.Load(c.Dir, source.Options{})
			if err != nil {
				b.Fatal(err)
			}
			sentences := 0
			for b.Loop() {
				for _, f := range files {
					br := extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text})
					sentences += len(br.Sentences)
				}
			}
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}

// BenchmarkStartup opens an up-to-date store (no re-ingest), b.N times.
func BenchmarkStartup(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			db := builtStore(b, c)
			ctx := context.Background()
			for b.Loop() {
				lib, rep, err := library.Open(ctx, db, c.Dir, library.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if rep.Changed() {
					b.Fatalf("the store was not up to date: %+v", rep.Change)
				}
				lib.Close()
			}
			if size, err := bench.StoreSize(context.Background(), db); err == nil {
				b.ReportMetric(float64(size)/(1<<20), "store-MiB")
			}
		})
	}
}

// BenchmarkAnswer answers the questions of each kind in turn and reports the
// latency's p50 and p99 besides the mean (ns/op) and allocations.
func BenchmarkAnswer(b *testing.B) {
	benchQuestions(b, func(lib *library.Library) func(context.Context, string) error {
		return func(ctx context.Context, q string) error {
			_, err := lib.Ask(ctx, q)
			return err
		}
	})
}

// BenchmarkBM25 runs one bare FTS5 bm25 query per question, as eval.Baseline
// does (the question's words OR-ed, the top sentence), on the same stores and
// questions as BenchmarkAnswer, for comparison.
func BenchmarkBM25(b *testing.B) {
	benchQuestions(b, func(lib *library.Library) func(context.Context, string) error {
		base := eval.Baseline(lib.Store())
		return func(ctx context.Context, q string) error {
			_, err := base(ctx, q)
			return err
		}
	})
}

func benchQuestions(b *testing.B, op func(*library.Library) func(context.Context, string) error) {
	qs := questionsByKind(b)
	for _, c := range corpora(b) {
		b.Run(c.Name, func(b *testing.B) {
			ctx := context.Background()
			lib, _, err := library.Open(ctx, builtStore(b, c), c.Dir, library.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer lib.Close()
			run := op(lib)
			if err := run(ctx, "what did China say?"); err != nil { // loads the actor index
				b.Fatal(err)
			}
			for _, kind := range bench.Kinds {
				if len(qs[kind]) == 0 {
					continue
				}
				b.Run(kind, func(b *testing.B) {
					var ds []time.Duration
					b.ReportAllocs()
					i := 0
					for b.Loop() {
						start := time.Now()
						if err := run(ctx, qs[kind][i%len(qs[kind])]); err != nil {
							b.Fatal(err)
						}
						ds = append(ds, time.Since(start))
						i++
					}
					b.ReportMetric(float64(bench.Percentile(ds, 50))/1e6, "p50-ms")
					b.ReportMetric(float64(bench.Percentile(ds, 99))/1e6, "p99-ms")
				})
			}
		})
	}
}

// The harness itself, on a small corpus generated from the seed: fast, and
// with no assertion on speed.
func TestRunOnGeneratedCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gen")
	st, err := bench.Generate(dir, 300, []string{"../../../seeds"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.Sentences < 300 || st.Documents < 3 {
		t.Fatalf("generated %+v, want about 300 sentences in several files", st)
	}
	again := filepath.Join(t.TempDir(), "again")
	if st2, err := bench.Generate(again, 300, []string{"../../../seeds"}, 1); err != nil || st2 != st {
		t.Errorf("the same seed generated %+v (%v), then %+v", st, err, st2)
	}
	var qs []bench.Question
	for _, q := range []string{"what did China say?", "how many troops?", "who is Mark Rutte?", "when did the troops arrive?", "where are the troops?", "what did Peskov say?"} {
		qs = append(qs, bench.Question{Text: q, Kind: bench.Kind(q)})
	}
	var phases []library.Phase
	r, err := bench.Run(context.Background(), bench.Corpus{Name: "small", Dir: dir}, bench.Options{
		Questions:   qs,
		StartupRuns: 2,
		Progress: func(p library.Progress) {
			if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
				phases = append(phases, p.Phase)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Documents != st.Documents || r.Sentences == 0 || r.Ingest <= 0 || r.StoreBytes == 0 || r.Open <= 0 || r.FirstAnswer <= 0 {
		t.Errorf("result %+v", r)
	}
	var kinds []string
	n := 0
	for _, k := range r.Kinds {
		kinds = append(kinds, k.Kind)
		n += k.N
		if k.P50 <= 0 || k.P99 < k.P50 || k.BM25P50 <= 0 || k.AllocsPerOp <= 0 {
			t.Errorf("kind %+v", k)
		}
	}
	if want := []string{"said", "quantity", "who-is", "when", "search"}; !slices.Equal(kinds, want) || n != len(qs) {
		t.Errorf("kinds %v with %d questions, want %v with %d", kinds, n, want, len(qs))
	}
	if len(phases) == 0 || phases[len(phases)-1] != library.Done {
		t.Errorf("ingest progress phases %v", phases)
	}
	var out strings.Builder
	bench.WriteTable(&out, []bench.Result{r})
	if !strings.Contains(out.String(), "| small | said |") {
		t.Errorf("table:\n%s", out.String())
	}
}

func TestQuestions(t *testing.T) {
	shared := sharedDir()
	if shared == "" {
		t.Skip("no shared folder")
	}
	qs, err := bench.Questions(shared, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, q := range qs {
		kinds = append(kinds, q.Kind)
		if bench.Kind(q.Text) != q.Kind {
			t.Errorf("%q: kind %s, want %s", q.Text, q.Kind, bench.Kind(q.Text))
		}
	}
	want := []string{"said", "quantity", "who-is", "when", "search"}
	want = slices.Concat(want, want, want)
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i))
	}
	for p, want := range map[float64]time.Duration{50: 50, 99: 99, 100: 100, 1: 1} {
		if got := bench.Percentile(ds, p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	if bench.Percentile(nil, 50) != 0 {
		t.Error("percentile of nothing")
	}
}
