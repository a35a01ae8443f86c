package answer_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWhoIsKimIsTheSameEveryTime asks of a name two people share, again and
// again: the answer does not change with map order.
func TestWhoIsKimIsTheSameEveryTime(t *testing.T) {
	lib := openSeed(t)
	first, err := lib.Ask(context.Background(), "who is Kim?")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		a, err := lib.Ask(context.Background(), "who is Kim?")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, a); diff != "" {
			t.Fatalf("\"who is Kim?\" changed (-first +now):\n%s", diff)
		}
	}
}
