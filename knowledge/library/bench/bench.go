// Package bench measures briefbot on corpora of growing size: the ingest rate in
// sentences per second, the latency (p50, p99) and the allocations of answers
// per kind of question beside one bare FTS5 bm25 query on the same store, the
// start-up time with an up-to-date store, and the store's size on disk.
//
// The corpora are the seed briefing, the BBC articles and the SQuAD articles of
// the shared folder, and corpora of any size that Generate builds from their
// paragraphs in a temporary folder. Both `go test -bench` (in package library)
// and `briefbot bench` use it, so they print the same figures.
package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
	"github.com/jackc/pgx/v5"
)

// Corpus is a folder of briefings to measure.
type Corpus struct {
	Name string
	Dir  string
}

// Corpora returns the standard corpora that exist: the seeds folder, and under
// the shared folder the BBC articles (corpus/bbc) and the SQuAD articles
// (eval/squad/corpus). A missing folder is left out.
func Corpora(seeds, shared string) []Corpus {
	var out []Corpus
	for _, c := range []Corpus{
		{"seed", seeds},
		{"bbc", filepath.Join(shared, "corpus", "bbc")},
		{"squad", filepath.Join(shared, "eval", "squad", "corpus")},
	} {
		if c.Dir == "" {
			continue
		}
		if fi, err := os.Stat(c.Dir); err == nil && fi.IsDir() {
			out = append(out, c)
		}
	}
	return out
}

// SharedDir finds the shared folder: $BRIEFBOT_SHARED, else the first of the
// candidates holding eval/FORMAT.md, else "".
func SharedDir(candidates ...string) string {
	if d := os.Getenv("BRIEFBOT_SHARED"); d != "" {
		return d
	}
	for _, d := range candidates {
		if _, err := os.Stat(filepath.Join(d, "eval", "FORMAT.md")); err == nil {
			return d
		}
	}
	return ""
}

// Kinds are the kinds of question measured, in the order reported.
var Kinds = []string{"said", "quantity", "who-is", "when", "search"}

// Kind tells which kind of question q is, by how the answer engine reads it:
// who-is takes summaries ("tell me about X") too, and search takes where, why
// and yes/no questions, which the engine answers by searching.
func Kind(q string) string {
	switch answer.Parse(q).Intent {
	case answer.Said:
		return "said"
	case answer.Quantity:
		return "quantity"
	case answer.WhoIs, answer.Summary:
		return "who-is"
	case answer.When:
		return "when"
	}
	return "search"
}

// Question is a question to time, with its kind.
type Question struct {
	Text string
	Kind string
}

// Questions loads the question sets of the shared folder (eval/*.jsonl and
// eval/squad/questions.jsonl) and picks up to perKind questions of each kind,
// at random with a fixed seed, in an order that interleaves the kinds.
func Questions(shared string, perKind int, seed int64) ([]Question, error) {
	files, _ := filepath.Glob(filepath.Join(shared, "eval", "*.jsonl"))
	files = append(files, filepath.Join(shared, "eval", "squad", "questions.jsonl"))
	byKind := map[string][]string{}
	seen := map[string]bool{}
	for _, f := range files {
		qs, err := eval.Load(f)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("questions: %w", err)
		}
		for _, q := range qs {
			if seen[q.Question] {
				continue
			}
			seen[q.Question] = true
			k := Kind(q.Question)
			byKind[k] = append(byKind[k], q.Question)
		}
	}
	rng := rand.New(rand.NewSource(seed))
	var out []Question
	for _, k := range Kinds {
		qs := byKind[k]
		rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
		if perKind > 0 && len(qs) > perKind {
			qs = qs[:perKind]
		}
		byKind[k] = qs
	}
	for i := 0; ; i++ {
		added := false
		for _, k := range Kinds {
			if i < len(byKind[k]) {
				out = append(out, Question{Text: byKind[k][i], Kind: k})
				added = true
			}
		}
		if !added {
			break
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("questions: no question sets under %s", filepath.Join(shared, "eval"))
	}
	return out, nil
}

// GenStats describes a generated corpus.
type GenStats struct {
	Documents int
	Sentences int // as counted when generating; the ingest's count may differ a little
	Bytes     int64
}

// article is a source briefing cut into paragraphs.
type article struct {
	title string
	paras []paragraph
}

type paragraph struct {
	text  string
	sents int
}

// readArticles reads the .txt and .md files under dirs and cuts them into
// paragraphs (blocks separated by blank lines, the first line being the title).
func readArticles(dirs []string) ([]article, error) {
	var out []article
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			if d.IsDir() || (ext != ".txt" && ext != ".md") {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			a := cut(string(data), strings.TrimSuffix(d.Name(), filepath.Ext(d.Name())))
			if len(a.paras) > 0 {
				out = append(out, a)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", dir, err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no briefings under %s", strings.Join(dirs, ", "))
	}
	return out, nil
}

// cut splits a briefing into its title (the first line when a blank line
// follows it, else name) and paragraphs (blocks between blank lines, or lines
// when there is no blank line).
func cut(text, name string) article {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	a := article{title: name}
	if first, rest, ok := strings.Cut(text, "\n\n"); ok && !strings.Contains(first, "\n") {
		a.title, text = strings.TrimSpace(first), rest
	}
	blocks := strings.Split(text, "\n\n")
	if len(blocks) == 1 {
		blocks = strings.Split(text, "\n")
	}
	for _, b := range blocks {
		if b = strings.TrimSpace(b); b != "" {
			a.paras = append(a.paras, paragraph{text: b, sents: len(extract.Sentences(b))})
		}
	}
	return a
}

// Generate writes briefings holding about n sentences in all into dir (which
// should be empty), in sub-folders of a hundred files or so. Each briefing takes
// a run of 20 to 80 sentences' worth of paragraphs from one source article,
// continuing into others when it runs out, with its paragraphs shuffled, under
// a dated file name. The same seed gives the same corpus.
func Generate(dir string, n int, sources []string, seed int64) (GenStats, error) {
	var st GenStats
	arts, err := readArticles(sources)
	if err != nil {
		return st, fmt.Errorf("generate: %w", err)
	}
	rng := rand.New(rand.NewSource(seed))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	for i := 0; st.Sentences < n; i++ {
		want := 20 + rng.Intn(61)
		if left := n - st.Sentences; want > left {
			want = left
		}
		a := rng.Intn(len(arts))
		p := rng.Intn(len(arts[a].paras))
		var paras []string
		got := 1 // the title
		for got < want {
			if p >= len(arts[a].paras) {
				a, p = rng.Intn(len(arts)), 0
			}
			paras = append(paras, arts[a].paras[p].text)
			got += arts[a].paras[p].sents
			p++
		}
		for j := range paras { // shuffle lightly: swap neighbours now and then
			if j > 0 && rng.Intn(3) == 0 {
				paras[j-1], paras[j] = paras[j], paras[j-1]
			}
		}
		title := arts[rng.Intn(len(arts))].title
		b.Reset()
		fmt.Fprintf(&b, "%s (briefing %d)\n\n", title, i+1)
		b.WriteString(strings.Join(paras, "\n\n"))
		b.WriteByte('\n')
		date := base.AddDate(0, 0, i%1800).Format(time.DateOnly)
		name := filepath.Join(dir, fmt.Sprintf("%03d", i/100), fmt.Sprintf("%s-%s-%07d.txt", date, slug(title), i+1))
		if i%100 == 0 {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return st, fmt.Errorf("generate: %w", err)
			}
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return st, fmt.Errorf("generate: %w", err)
		}
		st.Documents++
		st.Sentences += got
		st.Bytes += int64(b.Len())
	}
	return st, nil
}

// slug makes a short file-name part of a title.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= 30 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// Options tune Run.
type Options struct {
	// Questions are the questions timed; none are timed when empty.
	Questions []Question
	// DB is the store to build: a SQLite file, or a postgres:// URL of a
	// database that is emptied first (every table dropped); a file in a new
	// temporary folder (removed after) when "".
	DB string
	// Keep measures the store at DB as it is when it already holds the corpus
	// (no ingest is timed: Ingest is 0), instead of building it again.
	Keep bool
	// IngestOnly stops after the ingest: no start-up, no answers.
	IngestOnly bool
	// MaxIndexed is library.Options.MaxIndexed for the start-up and the
	// answers.
	MaxIndexed int
	// BarePerKind, when above 0, times the bare query on the first so many
	// questions of each kind only (and warms it up on one): at millions of
	// sentences in PostgreSQL each takes many seconds.
	BarePerKind int
	// StartupRuns is how many times the up-to-date store is opened to time the
	// start-up (the median is reported); 3 when 0.
	StartupRuns int
	// Progress, when set, follows the ingest.
	Progress func(library.Progress)
	// Log, when set, receives a line as each step starts.
	Log func(format string, args ...any)
}

// Result is what Run measured on one corpus.
type Result struct {
	Corpus    Corpus
	Documents int
	Sentences int
	Facts     int
	// Ingest is the time to build the store from nothing (read, extract, store,
	// commit).
	Ingest time.Duration
	// StoreBytes is the size of the store's files once closed.
	StoreBytes int64
	// Open is the start-up with an up-to-date store: library.Open without
	// re-ingest (median of the runs). FirstAnswer is the first answer after it,
	// which loads the engine's index of actors.
	Open, FirstAnswer time.Duration
	Kinds             []KindResult
	// RSS and PeakRSS are the process's resident memory after the answers
	// and its peak (VmRSS, VmHWM of /proc/self/status; 0 where there is
	// none): the memory of one process answering, the ingest's included in
	// the peak unless the store was kept.
	RSS, PeakRSS int64
	// Postgres is set when the store was a PostgreSQL database; the bare
	// query is then TSRank's.
	Postgres bool
}

// IngestRate is the ingest's sentences per second.
func (r Result) IngestRate() float64 {
	if r.Ingest <= 0 {
		return 0
	}
	return float64(r.Sentences) / r.Ingest.Seconds()
}

// KindResult is the answer latency of one kind of question, and the bare bm25
// query's on the same questions.
type KindResult struct {
	Kind                    string
	N                       int
	P50, P99, Mean          time.Duration
	AllocsPerOp, BytesPerOp float64
	BM25P50, BM25P99        time.Duration
	BM25Mean                time.Duration
}

// Run builds a store from the corpus, then times start-up and answers.
func Run(ctx context.Context, c Corpus, opt Options) (Result, error) {
	res := Result{Corpus: c, Postgres: pgstore.IsURL(opt.DB)}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	db := opt.DB
	if db == "" {
		tmp, err := os.MkdirTemp("", "briefbot-bench-")
		if err != nil {
			return res, err
		}
		defer os.RemoveAll(tmp)
		db = filepath.Join(tmp, "bench.db")
	}
	if !opt.Keep {
		if err := EmptyStore(ctx, db); err != nil {
			return res, err
		}
	}

	logf("%s: ingesting %s", c.Name, c.Dir)
	rep, d, err := Ingest(ctx, c.Dir, db, library.Options{OnProgress: opt.Progress})
	if err != nil {
		return res, err
	}
	if !opt.Keep || rep.Changed() {
		res.Ingest = d
	}
	res.Documents, res.Sentences, res.Facts = rep.Totals.Documents, rep.Totals.Sentences, rep.Totals.Facts()
	if opt.IngestOnly {
		res.StoreBytes, err = StoreSize(ctx, db)
		res.RSS, res.PeakRSS = memory()
		return res, err
	}

	runs := opt.StartupRuns
	if runs <= 0 {
		runs = 3
	}
	logf("%s: timing start-up (%d runs)", c.Name, runs)
	var opens, firsts []time.Duration
	first := "what did China say?"
	if len(opt.Questions) > 0 {
		first = opt.Questions[0].Text
	}
	for range runs {
		o, f, err := Startup(ctx, c.Dir, db, first, library.Options{MaxIndexed: opt.MaxIndexed})
		if err != nil {
			return res, err
		}
		opens, firsts = append(opens, o), append(firsts, f)
	}
	res.Open, res.FirstAnswer = median(opens), median(firsts)
	if res.StoreBytes, err = StoreSize(ctx, db); err != nil {
		return res, err
	}

	if len(opt.Questions) > 0 {
		logf("%s: timing %d questions", c.Name, len(opt.Questions))
		lib, _, err := library.Open(ctx, db, c.Dir, library.Options{MaxIndexed: opt.MaxIndexed})
		if err != nil {
			return res, err
		}
		defer lib.Close()
		base := eval.Baseline(lib.Store())
		if pgstore.IsURL(db) {
			conn, err := pgx.Connect(ctx, db)
			if err != nil {
				return res, fmt.Errorf("bench: %w", err)
			}
			defer conn.Close(ctx)
			base = TSRank(conn)
		}
		if res.Kinds, err = answers(ctx, lib, opt.Questions, base, opt.BarePerKind); err != nil {
			return res, err
		}
	}
	res.RSS, res.PeakRSS = memory()
	return res, nil
}

// memory returns the process's resident memory and its peak, in bytes, from
// /proc/self/status (VmRSS, VmHWM); 0, 0 where there is no such file.
func memory() (rss, peak int64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		var kb int64
		if _, err := fmt.Sscanf(line, "VmRSS: %d kB", &kb); err == nil {
			rss = kb << 10
		} else if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &kb); err == nil {
			peak = kb << 10
		}
	}
	return rss, peak
}

// EmptyStore deletes a store: a SQLite file's files, or every table of a
// PostgreSQL database (its public schema, made again empty).
func EmptyStore(ctx context.Context, db string) error {
	if !pgstore.IsURL(db) {
		RemoveStore(db)
		return nil
	}
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		return fmt.Errorf("empty store %s: %w", pgstore.Redact(db), err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`); err != nil {
		return fmt.Errorf("empty store %s: %w", pgstore.Redact(db), err)
	}
	return nil
}

// RemoveStore deletes a store's files.
func RemoveStore(db string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(db + suffix)
	}
}

// Ingest builds (or brings up to date) the store at db from dir and returns the
// reload's report and how long it took.
func Ingest(ctx context.Context, dir, db string, opt library.Options) (library.Report, time.Duration, error) {
	start := time.Now()
	lib, rep, err := library.Open(ctx, db, dir, opt)
	if err != nil {
		return rep, 0, fmt.Errorf("ingest %s: %w", dir, err)
	}
	d := time.Since(start)
	if err := lib.Close(); err != nil {
		return rep, 0, fmt.Errorf("ingest %s: %w", dir, err)
	}
	return rep, d, nil
}

// Startup opens the up-to-date store at db for dir, then asks one question. It
// returns the time to open and the time of the first answer, and fails if the
// open had to re-ingest anything.
func Startup(ctx context.Context, dir, db, question string, opt library.Options) (open, first time.Duration, err error) {
	start := time.Now()
	lib, rep, err := library.Open(ctx, db, dir, opt)
	if err != nil {
		return 0, 0, fmt.Errorf("start-up: %w", err)
	}
	open = time.Since(start)
	defer lib.Close()
	if rep.Changed() {
		return 0, 0, fmt.Errorf("start-up: the store was not up to date (%d added, %d changed, %d removed)", len(rep.Added), len(rep.Replaced), len(rep.Removed))
	}
	start = time.Now()
	if _, err := lib.Ask(ctx, question); err != nil {
		return 0, 0, fmt.Errorf("start-up: %w", err)
	}
	return open, time.Since(start), nil
}

// StoreSize is the size of the store on disk: its files, or a PostgreSQL
// database's size (pg_database_size).
func StoreSize(ctx context.Context, db string) (int64, error) {
	if pgstore.IsURL(db) {
		conn, err := pgx.Connect(ctx, db)
		if err != nil {
			return 0, fmt.Errorf("store size: %w", err)
		}
		defer conn.Close(ctx)
		var n int64
		if err := conn.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&n); err != nil {
			return 0, fmt.Errorf("store size: %w", err)
		}
		return n, nil
	}
	var n int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		fi, err := os.Stat(db + suffix)
		if err != nil {
			if os.IsNotExist(err) && suffix != "" {
				continue
			}
			return 0, fmt.Errorf("store size: %w", err)
		}
		n += fi.Size()
	}
	return n, nil
}

// Answers times every question twice, as the engine answers it and as one bare
// bm25 query (eval.Baseline: the question's words OR-ed, the top sentence),
// interleaved so both see the same caches, after a warm-up round.
func Answers(ctx context.Context, lib *library.Library, qs []Question) ([]KindResult, error) {
	return answers(ctx, lib, qs, eval.Baseline(lib.Store()), 0)
}

// TSRank is the bare query of a PostgreSQL store: the question's words (as
// eval.Baseline splits them, stemmed) OR-ed in a tsquery, the sentence
// ts_rank puts first. It stands where FTS5's bm25 query stands for SQLite.
func TSRank(conn *pgx.Conn) eval.Asker {
	return func(ctx context.Context, question string) (knowledge.Answer, error) {
		a := knowledge.Answer{Question: question, Citations: []knowledge.Citation{}}
		words := strings.FieldsFunc(question, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		seen := map[string]bool{}
		var lexemes []string
		for _, t := range stem.Terms(strings.Join(words, " ")) {
			if !seen[t] {
				seen[t] = true
				lexemes = append(lexemes, "'"+strings.ReplaceAll(strings.ReplaceAll(t, `\`, `\\`), `'`, `''`)+"'")
			}
		}
		if len(lexemes) == 0 {
			return a, nil
		}
		var text string
		err := conn.QueryRow(ctx, `SELECT text FROM sentences WHERE terms @@ CAST($1 AS tsquery)
			ORDER BY ts_rank(terms, CAST($1 AS tsquery)) DESC LIMIT 1`, strings.Join(lexemes, " | ")).Scan(&text)
		if errors.Is(err, pgx.ErrNoRows) {
			return a, nil
		}
		if err != nil {
			return a, fmt.Errorf("ts_rank: %w", err)
		}
		a.Answered, a.Text = true, text
		return a, nil
	}
}

// answers times the questions against the engine and the bare query base,
// the latter on the first bare questions of each kind when bare > 0.
func answers(ctx context.Context, lib *library.Library, qs []Question, base eval.Asker, bare int) ([]KindResult, error) {
	for i, q := range qs { // warm up: the actor index, the page cache
		if i == 10 {
			break
		}
		if _, err := lib.Ask(ctx, q.Text); err != nil {
			return nil, err
		}
		if bare > 0 && i > 0 {
			continue
		}
		if _, err := base(ctx, q.Text); err != nil {
			return nil, err
		}
	}
	type samples struct {
		ans, bm    []time.Duration
		allocs, by uint64
	}
	byKind := map[string]*samples{}
	var m0, m1 runtime.MemStats
	for _, q := range qs {
		s := byKind[q.Kind]
		if s == nil {
			s = &samples{}
			byKind[q.Kind] = s
		}
		runtime.ReadMemStats(&m0)
		start := time.Now()
		if _, err := lib.Ask(ctx, q.Text); err != nil {
			return nil, err
		}
		d := time.Since(start)
		runtime.ReadMemStats(&m1)
		s.ans = append(s.ans, d)
		s.allocs += m1.Mallocs - m0.Mallocs
		s.by += m1.TotalAlloc - m0.TotalAlloc
		if bare > 0 && len(s.bm) >= bare {
			continue
		}
		start = time.Now()
		if _, err := base(ctx, q.Text); err != nil {
			return nil, err
		}
		s.bm = append(s.bm, time.Since(start))
	}
	var out []KindResult
	for _, k := range kindsOf(byKind) {
		s := byKind[k]
		n := len(s.ans)
		out = append(out, KindResult{
			Kind: k, N: n,
			P50: Percentile(s.ans, 50), P99: Percentile(s.ans, 99), Mean: mean(s.ans),
			AllocsPerOp: float64(s.allocs) / float64(n), BytesPerOp: float64(s.by) / float64(n),
			BM25P50: Percentile(s.bm, 50), BM25P99: Percentile(s.bm, 99), BM25Mean: mean(s.bm),
		})
	}
	return out, nil
}

// kindsOf lists the kinds present, in the order of Kinds, others after.
func kindsOf[T any](m map[string]T) []string {
	var out []string
	for _, k := range Kinds {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(Kinds, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Percentile returns the p-th percentile (nearest rank) of ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(float64(len(s))*p/100+0.999999) - 1
	rank = max(0, min(rank, len(s)-1))
	return s[rank]
}

func mean(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t / time.Duration(len(ds))
}

func median(ds []time.Duration) time.Duration { return Percentile(ds, 50) }

// WriteTable prints results as two Markdown tables: one line per corpus
// (ingest, start-up, size), then one line per corpus and kind of question
// (answer latency beside the bare bm25 query's).
func WriteTable(w io.Writer, rs []Result) {
	fmt.Fprintln(w, "| corpus | documents | sentences | ingest | ingest rate | start-up (open) | first answer | store size | process RSS (peak) |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s sentences/s | %s | %s | %s | %s (%s) |\n",
			r.name(), r.Documents, r.Sentences, Ms(r.Ingest), thousands(int64(r.IngestRate())),
			Ms(r.Open), Ms(r.FirstAnswer), MiB(r.StoreBytes), MiB(r.RSS), MiB(r.PeakRSS))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| corpus | kind | n | answer p50 | answer p99 | bm25 p50 | bm25 p99 | answer/bm25 (mean) | allocs/answer | KiB/answer |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		for _, k := range r.Kinds {
			ratio := 0.0
			if k.BM25Mean > 0 {
				ratio = float64(k.Mean) / float64(k.BM25Mean)
			}
			fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %.1f× | %s | %.0f |\n",
				r.name(), k.Kind, k.N, Ms(k.P50), Ms(k.P99), Ms(k.BM25P50), Ms(k.BM25P99), ratio,
				thousands(int64(k.AllocsPerOp)), k.BytesPerOp/1024)
		}
	}
}

// name is the corpus's name, with the store when it is PostgreSQL (whose
// "bm25" columns are the bare ts_rank query's).
func (r Result) name() string {
	if r.Postgres {
		return r.Corpus.Name + " (postgres; bare query: ts_rank)"
	}
	return r.Corpus.Name
}

// Ms formats a duration in milliseconds with a precision that suits it.
func Ms(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms >= 10000:
		return fmt.Sprintf("%.0f s", ms/1000)
	case ms >= 100:
		return fmt.Sprintf("%.0f ms", ms)
	case ms >= 10:
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.2f ms", ms)
}

// MiB formats a size in MiB.
func MiB(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[0] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteJSON writes results as JSON lines, for tools.
func WriteJSON(w io.Writer, rs []Result) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, r := range rs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}
