package dialog

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// TestMoreText writes what "tell me more" adds from invented sentences: a
// gist when the first has one, its opening when it is long, else a count.
func TestMoreText(t *testing.T) {
	long := "The harbour master of the small fishing town confirmed on Tuesday evening that the old lighthouse would reopen to visitors next spring for the first time since the great storm of the winter before last."
	for _, tt := range []struct {
		name  string
		named bool
		texts []string
		want  string
	}{
		{"Ada Park", true, []string{"The city council is cutting six rural bus routes amid a row over fares.", "Fares rose twice."},
			"Also on Ada Park: the city council is cutting six rural bus routes [1], and 1 more sentence [2]."},
		{"", false, []string{long}, "Also in the briefings on that: the harbour master of the small fishing town confirmed on Tuesday evening that… [1]."},
		{"Ada Park", true, []string{"Fares rose twice.", "Buses ran late."}, "Also on Ada Park: 2 more sentences [1][2]."},
	} {
		var cs []knowledge.Citation
		for i, x := range tt.texts {
			cs = append(cs, knowledge.Citation{Document: "d.txt", Sentence: i + 1, Text: x})
		}
		if got := moreText(tt.name, tt.named, cs); got != tt.want {
			t.Errorf("moreText(%q, %v) = %q, want %q", tt.name, tt.named, got, tt.want)
		}
	}
}
