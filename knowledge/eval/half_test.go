package eval

import (
	"slices"
	"testing"
)

// TestHalf: the briefings asked about alternate between the halves in sorted
// order, whatever order the questions come in; a question without a briefing
// is in neither half, and an unknown half is refused.
func TestHalf(t *testing.T) {
	qs := []Question{{ID: "1", Doc: "c.txt"}, {ID: "2", Doc: "a.txt"}, {ID: "3", Doc: "b.txt"},
		{ID: "4", Doc: "a.txt"}, {ID: "5"}, {ID: "6", Doc: "d.txt"}}
	ids := func(half string) []string {
		got, err := Half(qs, half)
		if err != nil {
			t.Fatalf("Half(%q): %v", half, err)
		}
		var out []string
		for _, q := range got {
			out = append(out, q.ID)
		}
		return out
	}
	if got, want := ids("A"), []string{"1", "2", "4"}; !slices.Equal(got, want) {
		t.Errorf("half A = %v, want %v (a.txt and c.txt)", got, want)
	}
	if got, want := ids("B"), []string{"3", "6"}; !slices.Equal(got, want) {
		t.Errorf("half B = %v, want %v (b.txt and d.txt)", got, want)
	}
	if got := ids(""); len(got) != len(qs) {
		t.Errorf("no half kept %d of %d questions", len(got), len(qs))
	}
	if _, err := Half(qs, "C"); err == nil {
		t.Error("half C was accepted")
	}
}
