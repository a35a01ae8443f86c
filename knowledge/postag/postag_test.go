package postag

import (
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// invented are sentences written for these tests.
var invented = []string{
	"The minister said on Tuesday that the plan would cost more than expected.",
	"Clinton maintains a large lead among pledged delegates in the state.",
	"Rebel groups backed by the capital have taken the town.",
	"She is adding to her lead after a good month in the polls.",
	"The senator, who has endorsed the challenger, declined to comment.",
	"Officials have written off the losses and called for a new inquiry.",
	"Her support for the bill surprised critics who claim it goes too far.",
}

func mustDefault(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestMatchesProse checks that the hashed model tags as prose's own does.
func TestMatchesProse(t *testing.T) {
	tg := mustDefault(t)
	for _, text := range invented {
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		var words, want []string
		for _, tok := range doc.Tokens() {
			words = append(words, tok.Text)
			want = append(want, tok.Tag)
		}
		out := make([]POS, len(words))
		tg.Tag(words, out, 0, len(words))
		for i := range words {
			if out[i].String() != want[i] && want[i] != "-" {
				t.Errorf("%q: %s tagged %s, prose %s", text, words[i], out[i], want[i])
			}
		}
	}
}

// TestSenses checks the readings the extractor asks about.
func TestSenses(t *testing.T) {
	tg := mustDefault(t)
	cases := []struct {
		text, word string
		verb       bool
	}{
		{"Harlow maintains a large lead among delegates .", "maintains", true},
		{"The minister said the plan would fail .", "said", true},
		{"Her support for the bill surprised critics .", "support", false},
		{"Rebel groups backed by the capital took the town .", "backed", false},
		{"The unions claim the plan is unfair .", "claim", true},
	}
	for _, c := range cases {
		words := strings.Fields(c.text)
		out := make([]POS, len(words))
		tg.Tag(words, out, 0, len(words))
		i := slices.Index(words, c.word)
		if i < 0 {
			t.Fatalf("%q: no word %q to check", c.text, c.word)
		}
		if out[i].Finite() != c.verb {
			t.Errorf("%q: %s tagged %s; want finite verb %v", c.text, c.word, out[i], c.verb)
		}
	}
}

// TestTagInSteps checks that tagging a sentence's words in two calls gives
// the tags of one.
func TestTagInSteps(t *testing.T) {
	tg := mustDefault(t)
	words := strings.Fields("Officials have written off the losses and called for a new inquiry .")
	whole := make([]POS, len(words))
	tg.Tag(words, whole, 0, len(words))
	steps := make([]POS, len(words))
	tg.Tag(words, steps, 0, 4)
	tg.Tag(words, steps, 4, len(words))
	for i := range words {
		if whole[i] != steps[i] {
			t.Errorf("%s: %s in one call, %s in two", words[i], whole[i], steps[i])
		}
	}
}

func BenchmarkTag(b *testing.B) {
	tg := mustDefault(b)
	var sents [][]string
	n := 0
	for _, text := range invented {
		doc, _ := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false))
		var words []string
		for _, tok := range doc.Tokens() {
			words = append(words, tok.Text)
		}
		sents = append(sents, words)
		n += len(words)
	}
	out := make([]POS, 64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range sents {
			tg.Tag(w, out, 0, len(w))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/word")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(model); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLicenceShips checks that the model's notice is built in beside it.
func TestLicenceShips(t *testing.T) {
	if !strings.Contains(Licence, "MIT License") || !strings.Contains(Licence, "Honnibal") {
		t.Errorf("the tagger's licence notice is missing or incomplete: %.80q", Licence)
	}
}
