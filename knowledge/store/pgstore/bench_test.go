package pgstore_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/source"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// BenchmarkWrite measures the store's write alone, without extraction: the
// SQuAD articles (or the seed when the shared folder is absent) put in one
// ingest into an empty database.
func BenchmarkWrite(b *testing.B) {
	dir := filepath.Join(sharedDir(), "eval", "squad", "corpus")
	files, _, err := source.Load(dir, source.Options{})
	if err != nil || len(files) == 0 {
		files, _, err = source.Load("../../../seeds", source.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	var docs []*knowledge.Briefing
	sentences := 0
	for _, f := range files {
		br := extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text})
		docs = append(docs, br)
		sentences += len(br.Sentences)
	}
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st, err := pgstore.Open(ctx, pgtest.URL(b))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		in, err := st.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := in.Put(d); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := in.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAnswers answers the SQuAD questions (the BBC ones when SQuAD is
// absent) from each store, built from the same corpus, and reports the median
// and 99th percentile per answer beside ns/op.
func BenchmarkAnswers(b *testing.B) {
	shared := sharedDir()
	corpus, questionsFile := filepath.Join(shared, "eval", "squad", "corpus"), filepath.Join(shared, "eval", "squad", "questions.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		corpus, questionsFile = filepath.Join(shared, "corpus", "bbc"), filepath.Join(shared, "eval", "bbc-dev.jsonl")
	}
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("skipping: no corpus in %s", shared)
	}
	questions := readQuestions(b, questionsFile)
	if len(questions) > 500 {
		questions = questions[:500]
	}
	ctx := context.Background()
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			db := filepath.Join(b.TempDir(), "bench.db")
			if name == "postgres" {
				db = pgtest.URL(b)
			}
			lib, _, err := library.Open(ctx, db, corpus, library.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer lib.Close()
			if err := lib.Warm(ctx); err != nil {
				b.Fatal(err)
			}
			took := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				if _, err := lib.Ask(ctx, questions[i%len(questions)]); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
