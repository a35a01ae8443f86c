package answer

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		word string
		want string // a stem among its other forms; "" for none
	}{
		{"begin", "began"},
		{"began", "begin"},
		{"written", "wrote"},
		{"go", "went"},
		{"bear", ""}, // a noun too: left out
		{"rose", ""}, // a flower too
		{"opened", ""},
	}
	for _, tt := range tests {
		got := verbForms[tt.word]
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("verbForms[%q] = %v, want it to hold %q", tt.word, got, tt.want)
		}
	}
}

var familyDocs = [][]string{
	{"Comets",
		"The comet was named by Edmond Halley.",
		"The discovery of the comet was credited to Gottfried Kirch.",
		"Its marriage of ice and dust makes the tail.",
		"The Hymnal of the Observatory is a book of songs.",
		"The old hymnal was printed in Leipzig.",
		"Each hymnal had a red cover.",
		"The king made peace in 1648.",
		"The king sought peace in 1618."},
}

func TestRankWordFamilies(t *testing.T) {
	ix := buildRankIndex(1, corpus(familyDocs...))
	tests := []struct{ question, want string }{
		// "discovered" and "discovery" are one family though the stems differ.
		{"who discovered the comet", "The discovery of the comet was credited to Gottfried Kirch."},
		// "seek" finds "sought".
		{"when did the king seek peace", "The king sought peace in 1618."},
	}
	for _, tt := range tests {
		got := rankFor(ix, tt.question)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("%q ranks %q first, want %q", tt.question, got, tt.want)
		}
	}
	if d := ix.derived("discov"); len(d) != 1 || ix.terms[d[0]] != "discoveri" {
		t.Errorf("derived(discov) = %v, want [discoveri]", d)
	}
	if d := ix.derived("war"); d != nil {
		t.Errorf("derived(war) = %v, want none (too short)", d)
	}
}

func TestCommonWord(t *testing.T) {
	ix := buildRankIndex(1, corpus(familyDocs...))
	tests := []struct {
		word string
		want bool
	}{
		{"hymnal", true}, // twice in lower case, once capitalised
		{"kirch", false}, // a name
		{"leipzig", false},
		{"unknown", false}, // not in the sentences
	}
	for _, tt := range tests {
		if got := ix.commonWord(tt.word); got != tt.want {
			t.Errorf("commonWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestMoneyQuestions(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"what price is china paying for the oil", true},
		{"how much did the stadium cost", true},
		{"how much more does britain pay than france", false}, // a comparison
		{"by how much did prices rise", false},
		{"how long did he spend in prison", false},
		{"how many troops", false},
	} {
		if got := asksMoney(Parse(tt.question).Words); got != tt.want {
			t.Errorf("asksMoney(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The deal is worth $2bn.", true},
		{"It cost 40 million euros.", true},
		{"Prices are 30% higher.", false},
		{"He won the vote.", false},
	} {
		if got := statesMoney(tt.text); got != tt.want {
			t.Errorf("statesMoney(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMidSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Some reports":                      "some reports",
		"The Kremlin":                       "the Kremlin",
		"South Korea's intelligence agency": "South Korea's intelligence agency",
		"Several analysts":                  "several analysts",
		"some critics":                      "some critics",
		"Allied officials":                  "Allied officials",
	} {
		if got := midSentence(in); got != want {
			t.Errorf("midSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDisagree(t *testing.T) {
	q := func(v float64, source, counted string) knowledge.Quantity {
		return knowledge.Quantity{Value: v, High: v, Source: source, Counted: counted}
	}
	for _, tt := range []struct {
		name string
		qs   []knowledge.Quantity
		want bool
	}{
		{"two sources, two figures", []knowledge.Quantity{q(1500, "the agency", "soldiers"), q(12000, "some reports", "soldiers")}, true},
		{"one source", []knowledge.Quantity{q(1500, "the agency", "soldiers"), q(12000, "the agency", "soldiers")}, false},
		{"the same figure", []knowledge.Quantity{q(1500, "the agency", "soldiers"), q(1500, "some reports", "soldiers")}, false},
		{"no source", []knowledge.Quantity{q(1500, "", "soldiers"), q(12000, "some reports", "soldiers")}, false},
		{"different things", []knowledge.Quantity{q(1500, "the agency", "soldiers"), q(12, "some reports", "tanks")}, false},
	} {
		if got := disagree(tt.qs); got != tt.want {
			t.Errorf("%s: disagree = %v, want %v", tt.name, got, tt.want)
		}
	}
}
