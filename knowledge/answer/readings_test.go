package answer_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge"
)

// TestReadingsOfAnAmbiguousName offers the people a name fits, each as the
// question asked of them by name, and nothing for a name that fits one.
func TestReadingsOfAnAmbiguousName(t *testing.T) {
	lib := openSeed(t)
	for _, tt := range []struct {
		q    string
		want []knowledge.Reading
	}{
		{"who is Kim?", []knowledge.Reading{
			{Phrase: "Kim", Label: "Kim Hong-kyun (Vice Foreign Minister)", Question: "who is Kim Hong-kyun?"},
			{Phrase: "Kim", Label: "Kim Jong Un (North Korean leader)", Question: "who is Kim Jong Un?"},
		}},
		{"What did kim say about the troops?", []knowledge.Reading{
			{Phrase: "kim", Label: "Kim Hong-kyun (Vice Foreign Minister)", Question: "What did Kim Hong-kyun say about the troops?"},
			{Phrase: "kim", Label: "Kim Jong Un (North Korean leader)", Question: "What did Kim Jong Un say about the troops?"},
		}},
		{"who is Mark Rutte?", nil},
		{"what did the spokesperson say?", nil},
		{"what did Russia say?", nil},
		{"how many troops?", nil},
	} {
		a, err := lib.Ask(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, a.Readings); diff != "" {
			t.Errorf("%q: readings (-want +got):\n%s", tt.q, diff)
		}
	}
}
