package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/source"
	"github.com/briefbot/briefbot/knowledge/store"
)

// FuzzStoreBriefing runs any text that passes validation through extraction
// into a real store: the store must accept every extracted briefing (no fact
// pointing outside it), give its sentences back exactly, find them by full-text
// search without failing, and remove it again.
func FuzzStoreBriefing(f *testing.F) {
	for _, s := range []string{
		"Headline\n\nKremlin spokesperson Dmitry Peskov said the talks \"failed\". He added: \"No.\"",
		"According to the UN, about 1,500-2,000 people fled in June 2004, he said.",
		"\"\u201c, said , which who he\n\nMr . . 's 's",
		"NEAR( \" * AND OR NOT col:term ^x ' -- ; DROP TABLE sentences;",
		"Minister Kim said. Kim Jong Un said. He said she said they said.",
	} {
		f.Add(s)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	f.Fuzz(func(t *testing.T, data string) {
		text, err := source.Validate([]byte(data), source.Options{MaxRunBytes: 2000})
		if err != nil {
			return
		}
		b := extract.Extract(knowledge.Document{Path: "f.txt", Title: "f", Hash: "h", Text: text})
		if _, err := st.Apply(ctx, []*knowledge.Briefing{b}, nil); err != nil {
			t.Fatalf("the store refused an extracted briefing: %v", err)
		}
		got, err := st.Briefing(ctx, "f.txt")
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Sentences) != len(b.Sentences) {
			t.Fatalf("%d sentences stored, %d extracted", len(got.Sentences), len(b.Sentences))
		}
		for i, s := range got.Sentences {
			if s.Text != b.Sentences[i].Text || s.N != i+1 {
				t.Fatalf("sentence %d came back as %d %q, want %q", i+1, s.N, s.Text, b.Sentences[i].Text)
			}
		}
		if _, err := st.Search(ctx, store.Terms(strings.Fields(text)), 5); err != nil {
			t.Fatalf("search: %v", err)
		}
		if _, err := st.Apply(ctx, nil, []string{"f.txt"}); err != nil {
			t.Fatal(err)
		}
	})
}
