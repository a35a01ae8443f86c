package answer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/store"
)

// openBriefings stores texts (by file name) in a real SQLite store and returns
// an engine on it.
func openBriefings(t *testing.T, texts map[string]string) *Engine {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var docs []*knowledge.Briefing
	for path, text := range texts {
		date := ""
		if len(path) > 10 && path[4] == '-' && path[7] == '-' {
			date = path[:10] // "2024-03-05-talks.txt"
		}
		docs = append(docs, extract.Extract(knowledge.Document{Path: path, Title: path, Date: date, Text: text, Hash: path}))
	}
	if _, err := st.Apply(ctx, docs, nil); err != nil {
		t.Fatal(err)
	}
	return New(st)
}

// TestWeightsFromIndexOrStore checks that word rarity is the same whether it
// comes from the sentence index or, before the index is built, from SQLite.
func TestWeightsFromIndexOrStore(t *testing.T) {
	ctx := context.Background()
	e := openBriefings(t, map[string]string{
		"a.txt": "Talks\n\nThe talks resumed in Oslo. Minister Ana Vell said the talks would end. Grain exports rose.",
		"b.txt": "Grain\n\nGrain prices fell. The grain harvest was poor.",
	})
	ix, err := e.index(ctx)
	if err != nil {
		t.Fatal(err)
	}
	groups := e.termGroups([]string{"talks", "grain", "oslo", "unknownword"})
	fromStore, totalStore, err := e.weights(ctx, ix.gen, groups)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.rankIndex(ctx, ix.gen); err != nil {
		t.Fatal(err)
	}
	fromIndex, totalIndex, err := e.weights(ctx, ix.gen, groups)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fromStore) != fmt.Sprint(fromIndex) || totalStore != totalIndex {
		t.Errorf("weights from the store %v (%v), from the index %v (%v)", fromStore, totalStore, fromIndex, totalIndex)
	}
	if !(fromIndex["oslo"] > fromIndex["talk"] && fromIndex["talk"] > fromIndex["grain"]) {
		t.Errorf("weights %v: want the rarer word weighing more", fromIndex)
	}
}

// TestStatementsInBatches checks that statements of more speakers than one
// query takes are read a batch at a time, up to the limit, newest briefing
// first.
func TestStatementsInBatches(t *testing.T) {
	ctx := context.Background()
	texts := map[string]string{}
	n := speakerBatch + 44
	for i := range n {
		// Dated file names, a few briefings a day.
		texts[fmt.Sprintf("2024-%02d-%02d-%03d.txt", 1+i/28%12, 1+i%28, i)] = fmt.Sprintf("Talks %d\n\nMinister Ana Vell%03d said talks on item %d would resume.", i, i, i)
	}
	e := openBriefings(t, texts)
	ix, err := e.index(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var speakers []int64
	for _, a := range ix.actors {
		if a.Kind == knowledge.Person {
			speakers = append(speakers, a.ID)
		}
	}
	if len(speakers) != n {
		t.Fatalf("%d speakers stored, want %d", len(speakers), n)
	}
	slices.Reverse(speakers) // oldest first: the batches come back in the wrong order
	all, err := e.statements(ctx, speakers, 10*n)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n {
		t.Errorf("read %d statements of %d speakers, want all %d", len(all), n, n)
	}
	if !slices.IsSortedFunc(all, func(a, b store.StatementRow) int {
		if a.DocDate != b.DocDate {
			return -strings.Compare(a.DocDate, b.DocDate)
		}
		return strings.Compare(a.DocPath, b.DocPath)
	}) {
		t.Error("statements are not newest briefing first")
	}
	some, err := e.statements(ctx, speakers, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 10 {
		t.Errorf("read %d statements with a limit of 10", len(some))
	}
}
