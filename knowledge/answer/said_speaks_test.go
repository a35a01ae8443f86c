package answer

import "testing"

// TestSpeaksIn checks when a sentence has a named actor speak: a verb of
// speech shortly after their name or right before it, not a mere mention.
func TestSpeaksIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Last week the Harlow Institute (HI) said rents would rise.", true},
		{"Jane Doyle, the union's leader, warned of strikes.", true},
		{"\"We will not move,\" said Jane Doyle.", true},
		{"The plan was backed by Jane Doyle and the council.", false},
		{"Jane Doyle should resign, Tom Reed said on Monday evening in Leeds.", false},
	} {
		if got := speaksIn(tc.text, []string{"jane doyle", "harlow institute"}); got != tc.want {
			t.Errorf("speaksIn(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
