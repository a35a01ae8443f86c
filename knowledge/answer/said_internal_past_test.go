package answer

import "testing"

// TestPastTense checks that a stored cue is written in the past as a reader
// expects, irregular verbs from the one table of them.
func TestPastTense(t *testing.T) {
	for cue, want := range map[string]string{
		"say": "said", "see": "saw", "know": "knew", "feel": "felt", "find": "found",
		"warn": "warned", "deny": "denied", "admit": "admitted", "urge": "urged",
		"forecast": "forecast", "call for": "called for",
	} {
		if got := pastTense(cue); got != want {
			t.Errorf("pastTense(%q) = %q, want %q", cue, got, want)
		}
	}
}
