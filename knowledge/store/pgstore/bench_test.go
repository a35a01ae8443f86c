package pgstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/extract"
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
