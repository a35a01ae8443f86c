package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge/library/bench"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
)

// cmdBench measures ingest, start-up and answers on the standard corpora and,
// with --large, on a generated one; the figures are those `go test -bench`
// reports in knowledge/library.
func cmdBench(ctx context.Context, args []string) error {
	fs := newFlags("bench")
	var com common
	com.register(fs) // --db is not used: bench builds its stores in --work (or in --postgres)
	seeds := &com.seeds
	shared := fs.String("shared", "", "the shared folder with corpus/bbc and eval/ (default $BRIEFBOT_SHARED, else ../shared or ../../shared)")
	large := fs.Bool("large", false, "also generate and measure a corpus of --sentences sentences (takes minutes)")
	sentences := fs.Int("sentences", 1_000_000, "size of the generated corpus, in sentences")
	perKind := fs.Int("questions", 200, "questions timed per kind")
	barePerKind := fs.Int("bare-questions", 0, "time the bare bm25/ts_rank query on only the first so many questions of each kind (0: all)")
	largePerKind := fs.Int("large-questions", 50, "questions timed per kind on the generated corpus (a bare bm25 query there takes a second or more)")
	only := fs.String("corpus", "", "measure only these corpora, comma-separated (seed, bbc, squad, generated)")
	work := fs.String("work", "", "folder for the stores and the generated corpus, kept afterwards (default: a temporary folder, removed)")
	asJSON := fs.Bool("json", false, "print JSON lines instead of tables")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	progress := fs.String("progress", "auto", "ingest progress on standard error: auto, bar, lines or off")
	postgres := fs.String("postgres", "", "measure in this PostgreSQL database (a postgres:// URL) instead of SQLite files in --work; every table in it is DROPPED first, one corpus at a time")
	keep := fs.Bool("keep", false, "measure the stores as they are when they already hold the corpus, without timing an ingest")
	ingestOnly := fs.Bool("ingest-only", false, "time the ingest only: no start-up, no answers")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	mode, err := parseProgressMode(*progress)
	if err != nil {
		fmt.Fprintln(stderr, "briefbot:", err)
		return errUsage
	}
	sharedDir := *shared
	if sharedDir == "" {
		sharedDir = bench.SharedDir("../shared", "../../shared")
	}
	if sharedDir == "" {
		fmt.Fprintln(stderr, "briefbot: bench: no shared folder found (give --shared DIR or set BRIEFBOT_SHARED); measuring the seed alone")
	}
	workDir := *work
	if workDir == "" {
		tmp, err := os.MkdirTemp("", "briefbot-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		workDir = tmp
	} else if err := os.MkdirAll(workDir, 0o755); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	var qs []bench.Question
	if sharedDir != "" {
		if qs, err = bench.Questions(sharedDir, *perKind, 1); err != nil {
			return err
		}
	} else {
		for _, q := range []string{"what did China say?", "how many troops?", "who is Mark Rutte?", "when did the troops arrive?", "where are the troops?"} {
			qs = append(qs, bench.Question{Text: q, Kind: bench.Kind(q)})
		}
	}
	corpora := bench.Corpora(*seeds, sharedDir)
	if *large {
		var sources []string
		for _, c := range corpora {
			sources = append(sources, c.Dir)
		}
		dir := filepath.Join(workDir, "generated")
		name := "generated-" + shortCount(*sentences)
		if _, err := os.Stat(dir); err == nil && *work != "" {
			fmt.Fprintf(stderr, "bench: reusing the corpus in %s\n", dir)
		} else {
			fmt.Fprintf(stderr, "bench: generating %s sentences in %s\n", thousands(*sentences), dir)
			start := time.Now()
			gs, err := bench.Generate(dir, *sentences, sources, 1)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "bench: %s files, %s sentences, %s in %s\n", thousands(gs.Documents), thousands(gs.Sentences), bench.MiB(gs.Bytes), time.Since(start).Round(time.Millisecond))
		}
		corpora = append(corpora, bench.Corpus{Name: name, Dir: dir})
	}
	if *only != "" {
		want := map[string]bool{}
		for _, n := range strings.Split(*only, ",") {
			want[strings.TrimSpace(n)] = true
		}
		var keep []bench.Corpus
		for _, c := range corpora {
			if want[c.Name] || want[strings.SplitN(c.Name, "-", 2)[0]] {
				keep = append(keep, c)
			}
		}
		corpora = keep
	}

	var results []bench.Result
	for _, c := range corpora {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		cqs := qs
		if strings.HasPrefix(c.Name, "generated") {
			cqs = firstPerKind(qs, *largePerKind)
		}
		db := filepath.Join(workDir, c.Name+".db")
		if *postgres != "" {
			if !pgstore.IsURL(*postgres) {
				fmt.Fprintln(stderr, "briefbot: bench: --postgres takes a postgres:// URL")
				return errUsage
			}
			db = *postgres
		}
		pp := newProgressPrinter(stderr, mode)
		r, err := bench.Run(ctx, c, bench.Options{
			Questions:   cqs,
			DB:          db,
			Keep:        *keep,
			IngestOnly:  *ingestOnly,
			MaxIndexed:  com.options().MaxIndexed,
			BarePerKind: *barePerKind,
			Progress:    pp.update,
			Log:         func(format string, args ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", args...) },
		})
		pp.finish()
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if *asJSON {
		return bench.WriteJSON(stdout, results)
	}
	bench.WriteTable(stdout, results)
	return nil
}

// shortCount writes 1000000 as "1M" and 10000 as "10k".
func shortCount(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// firstPerKind keeps the first n questions of each kind.
func firstPerKind(qs []bench.Question, n int) []bench.Question {
	count := map[string]int{}
	var out []bench.Question
	for _, q := range qs {
		if count[q.Kind] < n {
			count[q.Kind]++
			out = append(out, q)
		}
	}
	return out
}
