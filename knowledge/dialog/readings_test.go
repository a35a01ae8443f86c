package dialog

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// TestPicked picks a reading of an ambiguous name by name, title or place,
// and none for a question that asks anything else.
func TestPicked(t *testing.T) {
	rs := []knowledge.Reading{
		{Phrase: "Park", Label: "Ada Park (Harbour Master)", Question: "who is Ada Park?"},
		{Phrase: "Park", Label: "Ben Park (union treasurer)", Question: "who is Ben Park?"},
	}
	for _, tt := range []struct {
		q    string
		want string // "" for none
	}{
		{"ben park", "who is Ben Park?"},
		{"i meant the harbour master", "who is Ada Park?"},
		{"the other one", "who is Ben Park?"},
		{"the first", "who is Ada Park?"},
		{"2", "who is Ben Park?"},
		{"park", ""},
		{"the third", ""},
		{"what did ben park say", ""},
		{"why", ""},
		{"", ""},
	} {
		r, ok := picked(tt.q, rs)
		if got := r.Question; ok != (tt.want != "") || got != tt.want {
			t.Errorf("picked(%q) = %q, %v; want %q", tt.q, got, ok, tt.want)
		}
	}
	if _, ok := picked("the first", rs[:1]); ok {
		t.Error("picked from a single reading")
	}
}
