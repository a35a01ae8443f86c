package lexicon

import (
	"slices"
	"strings"
	"testing"
)

func TestParaphrase(t *testing.T) {
	for _, c := range []struct {
		question string
		at       int    // the word the paraphrase belongs to
		want     string // a synonym WordNet gives it
	}{
		{"when is he stepping down from the fed", 3, "resign"},
		{"are rates going up", 2, "rise"},
		{"why did they grease palms in indonesia", 3, "bribe"},
		{"when does the ban start", 4, "begin"},
		{"did the firm purchase it", 3, "buy"},
		{"when is he off", 2, ""}, // too short to look up
	} {
		words := strings.Fields(c.question)
		syn, _ := Paraphrase(words)
		if len(syn) != len(words) {
			t.Fatalf("Paraphrase(%q) gave %d lists for %d words", c.question, len(syn), len(words))
		}
		switch {
		case c.want == "" && len(syn[c.at]) > 0:
			t.Errorf("Paraphrase(%q)[%d] = %v; want none", c.question, c.at, syn[c.at])
		case c.want != "" && !slices.Contains(syn[c.at], c.want):
			t.Errorf("Paraphrase(%q)[%d] = %v; want %q among them", c.question, c.at, syn[c.at], c.want)
		}
	}
	// Hypernyms: a bribe is a payment; coughing up is giving.
	_, hyper := Paraphrase([]string{"how", "big", "was", "the", "bribe"})
	if !slices.Contains(hyper[4], "payment") {
		t.Errorf("hypernyms of bribe = %v; want payment", hyper[4])
	}
	_, hyper = Paraphrase([]string{"monsanto", "has", "to", "cough", "up"})
	if !slices.Contains(hyper[3], "give") {
		t.Errorf("hypernyms of cough up = %v; want give", hyper[3])
	}
	// Words WordNet does not know and empty questions give nothing.
	if syn, _ := Paraphrase([]string{"xqzt", "monsanto"}); len(syn[0])+len(syn[1]) != 0 {
		t.Errorf("unknown words paraphrased: %v", syn)
	}
	if syn, hyper := Paraphrase(nil); len(syn)+len(hyper) != 0 {
		t.Error("Paraphrase(nil) is not empty")
	}
}

func TestLemma(t *testing.T) {
	p := wordnet()
	for w, want := range map[string]string{"stepping": "step", "went": "go", "bribes": "bribe",
		"resigned": "resign", "rises": "rise", "xqzt": ""} {
		if got := p.lemma(w); got != want {
			t.Errorf("lemma(%q) = %q; want %q", w, got, want)
		}
	}
}

func TestWordNetLicence(t *testing.T) {
	if !strings.Contains(WordNetLicence, "WordNet 3.0 Copyright 2006 by Princeton University") {
		t.Error("the WordNet licence notice is not embedded")
	}
}

func TestIsA(t *testing.T) {
	for _, c := range []struct {
		word, class string
		want        bool
	}{
		{"guests", "person", true},
		{"workers", "people", true},
		{"person", "person", true},
		{"guests", "money", false},
		{"troops", "people", false},
		{"unknownword", "person", false},
	} {
		if got := IsA(c.word, c.class); got != c.want {
			t.Errorf("IsA(%q, %q) = %v, want %v", c.word, c.class, got, c.want)
		}
	}
}

func TestPhraseSynonyms(t *testing.T) {
	syn, span := PhraseSynonyms([]string{"will", "prices", "go", "up"}, 2)
	if span != 2 || !slices.Contains(syn, "rise") {
		t.Errorf("PhraseSynonyms(go up) = %v, %d; want rise among them, span 2", syn, span)
	}
	if syn, span := PhraseSynonyms([]string{"prices", "go"}, 0); syn != nil || span != 0 {
		t.Errorf("PhraseSynonyms(prices) = %v, %d; want none", syn, span)
	}
}
