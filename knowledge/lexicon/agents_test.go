package lexicon

import "testing"

func TestIsAgentNoun(t *testing.T) {
	for w, want := range map[string]bool{"candidates": true, "critic": true, "woman": true, "company": true,
		"senator": true, "documentary": false, "report": false, "campaign": false, "he": false} {
		if got := IsAgentNoun(w); got != want {
			t.Errorf("IsAgentNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
