package answer

import (
	"context"
	"strings"
	"testing"
)

// TestParaphrasedQuestions asks questions that share no content word with the
// sentence that answers them, only a WordNet synonym ("stepping down":
// "resign", "start": "begin"), over briefings written for the test.
func TestParaphrasedQuestions(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"bank.txt": "Bank chief to go\n\nTom Reed joined the bank in 1990. " +
			"The bank's chairman, Tom Reed, will resign in January. " +
			"Tom Reed visited the new branch in Leeds on Monday.",
		"farm.txt": "Farm rules\n\nThe rules on pesticides were agreed in May. " +
			"The new rules on pesticides begin in March. " +
			"Farmers have complained about the pesticide rules since June.",
	})
	ctx := context.Background()
	for _, tc := range []struct{ q, want string }{
		{"when is tom reed stepping down?", "will resign in January"},
		{"when do the pesticide rules start?", "begin in March"},
	} {
		a, err := e.Ask(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, tc.want) {
			t.Errorf("%q: first citation %v; want the sentence with %q", tc.q, a.Citations, tc.want)
		}
	}
}
