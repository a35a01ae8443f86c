package answer

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge/store"
)

// TestMetIn checks the briefing-level feature: the idf-weighed share of the
// question's actors a briefing names, 0 when the question names none.
func TestMetIn(t *testing.T) {
	ix := &index{
		actors: []store.ActorRow{
			{ID: 1, DocPath: "a.txt"}, {ID: 2, DocPath: "b.txt"}, {ID: 3, DocPath: "a.txt"},
		},
		byKey: map[string][]int{"velmar council": {0, 1}, "orrin academy": {2}},
	}
	keys := []string{"velmar council", "orrin academy"}
	const nDocs = 10
	for _, tt := range []struct {
		keys []string
		doc  string
		want float64
	}{
		{keys, "a.txt", 1},
		{keys, "c.txt", 0},
		{nil, "a.txt", 0},
		{keys[:1], "b.txt", 1},
	} {
		if got := metIn(ix, tt.keys, tt.doc, nDocs); got != tt.want {
			t.Errorf("metIn(%v, %s) = %v, want %v", tt.keys, tt.doc, got, tt.want)
		}
	}
	// b.txt names only the council, which two briefings name: it holds less
	// than half of the question, Orrin Academy (in one briefing) weighing more.
	if got := metIn(ix, keys, "b.txt", nDocs); got <= 0 || got >= 0.5 {
		t.Errorf("metIn(%v, b.txt) = %v, want between 0 and 0.5", keys, got)
	}
}
