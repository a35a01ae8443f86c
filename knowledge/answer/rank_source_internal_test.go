package answer

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/knowledge/stem"
)

// TestRareWords: the candidates' full-text query leaves out the words most
// sentences hold while rarer ones remain, keeps the rarest when every word is
// common, and drops words no sentence holds.
func TestRareWords(t *testing.T) {
	df := func(counts map[string]int) map[string]int {
		out := map[string]int{}
		for w, n := range counts {
			for _, term := range stem.Terms(w) {
				out[term] = n
			}
		}
		return out
	}
	const n = 10_000_000
	counts := df(map[string]int{"said": 900_000, "minister": 60_000, "Pyongyang": 800, "troops": 9_000})
	if got, want := rareWords([]string{"said", "minister", "Pyongyang", "troops", "qwxz"}, counts, n), []string{"Pyongyang", "troops"}; !slices.Equal(got, want) {
		t.Errorf("rareWords = %q, want %q", got, want)
	}
	if got, want := rareWords([]string{"said", "minister"}, counts, n), []string{"minister"}; !slices.Equal(got, want) {
		t.Errorf("every word common: rareWords = %q, want the rarest %q", got, want)
	}
	if got := rareWords([]string{"qwxz"}, counts, n); len(got) != 0 {
		t.Errorf("a word no sentence holds: rareWords = %q, want none", got)
	}
}
