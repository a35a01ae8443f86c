package answer

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge/store"
)

// TestMetIn checks the briefing-level feature: the share of the question's
// actors a briefing names, 0 when the question names fewer than two.
func TestMetIn(t *testing.T) {
	ix := &index{
		actors: []store.ActorRow{
			{ID: 1, DocPath: "a.txt"}, {ID: 2, DocPath: "b.txt"}, {ID: 3, DocPath: "a.txt"},
		},
		byKey: map[string][]int{"velmar council": {0, 1}, "orrin academy": {2}},
	}
	keys := []string{"velmar council", "orrin academy"}
	for _, tt := range []struct {
		keys []string
		doc  string
		want float64
	}{
		{keys, "a.txt", 1},
		{keys, "b.txt", 0.5},
		{keys, "c.txt", 0},
		{nil, "a.txt", 0},
		{keys[1:], "a.txt", 0},
	} {
		if got := metIn(ix, tt.keys, tt.doc); got != tt.want {
			t.Errorf("metIn(%v, %s) = %v, want %v", tt.keys, tt.doc, got, tt.want)
		}
	}
}
