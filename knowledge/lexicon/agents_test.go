package lexicon

import (
	"strings"
	"testing"
)

func TestIsAgentNoun(t *testing.T) {
	for w, want := range map[string]bool{"candidates": true, "critic": true, "woman": true, "company": true,
		"senator": true, "documentary": false, "report": false, "campaign": false, "he": false} {
		if got := IsAgentNoun(w); got != want {
			t.Errorf("IsAgentNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestFirstNameSex(t *testing.T) {
	for name, want := range map[string]byte{"Hillary": 'f', "bernie": 'm', "Zzyzx": 0} {
		if got := FirstNameSex(name); got != want {
			t.Errorf("FirstNameSex(%q) = %q, want %q", name, got, want)
		}
	}
	if !strings.Contains(FirstNamesLicence, "MIT License") {
		t.Error("the first-name table ships without its licence")
	}
}
