package answer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge/eval"
)

// TestCitationsAreUsed checks that an answer quotes the sentences it relies on
// and keeps the rest behind "More sources": on the seed questions nearly every
// citation shown holds an expected piece, and no sentence is both shown and
// among the more sources.
func TestCitationsAreUsed(t *testing.T) {
	lib := openSeed(t)
	qs, err := eval.Load("../../testdata/seed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r, err := eval.Run(context.Background(), qs, lib.Ask)
	if err != nil {
		t.Fatal(err)
	}
	if p := r.CitationPrecision(); p < 0.85 {
		t.Errorf("citation precision on the seed questions = %.3f, want >= 0.85", p)
	}
	for _, o := range r.Outcomes {
		shown := map[string]bool{}
		for _, c := range o.Answer.Citations {
			shown[fmt.Sprintf("%s#%d", c.Document, c.Sentence)] = true
		}
		for _, c := range o.Answer.More {
			if shown[fmt.Sprintf("%s#%d", c.Document, c.Sentence)] {
				t.Errorf("%q: sentence %d is shown and among more sources", o.Question.Question, c.Sentence)
			}
		}
	}
	a, err := lib.Ask(context.Background(), "what did China say?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) != 1 || a.Citations[0].Sentence != 18 {
		t.Errorf("what did China say? cites %+v, want sentence 18 alone", a.Citations)
	}
}

// TestSilentActors checks that an actor the briefings never name gets an
// honest no, not another speaker's sentence on the topic.
func TestSilentActors(t *testing.T) {
	lib := openSeed(t)
	for _, q := range []string{
		"what did Emmanuel Macron say about North Korean soldiers?",
		"what did Boris Johnson say about the troops?",
	} {
		a, err := lib.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered || len(a.Citations) > 0 {
			t.Errorf("%q: answered %q citing %+v, want an honest no", q, a.Text, a.Citations)
		}
	}
}

// TestYesNoAnswers checks that yes/no questions lead with what the cited
// sentence settles, read from the stored statements' cue and negation.
func TestYesNoAnswers(t *testing.T) {
	lib := openSeed(t)
	for _, tc := range []struct {
		q, lead string
		cite    int
	}{
		{"did Russia confirm that North Korean troops were sent?", "No — not confirmed:", 6},
		{"has north korea said anything?", "Not stated:", 8},
		{"did china say anything?", "Yes:", 18},
	} {
		a, err := lib.Ask(context.Background(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Text, tc.lead) || len(a.Citations) == 0 || a.Citations[0].Sentence != tc.cite {
			t.Errorf("%q: answer %q citing %+v, want it to lead with %q citing sentence %d", tc.q, a.Text, a.Citations, tc.lead, tc.cite)
		}
	}
}

// TestSaidEach checks that a question about two actors quotes each.
func TestSaidEach(t *testing.T) {
	lib := openSeed(t)
	a, err := lib.Ask(context.Background(), "what did Russia and China say?")
	if err != nil {
		t.Fatal(err)
	}
	cited := map[int]bool{}
	for _, c := range a.Citations {
		cited[c.Sentence] = true
	}
	if !strings.Contains(a.Text, "Zinoviev") || !strings.Contains(a.Text, "Lin Jian") || !cited[5] || !cited[18] {
		t.Errorf("answer %q citing %+v, want Russia's and China's statements (sentences 5 and 18)", a.Text, a.Citations)
	}
}
