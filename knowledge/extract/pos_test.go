package extract

import (
	"testing"
)

// TestTaggedVerbs checks that a cue the word lists would read as a noun, but
// the tagger reads as a finite verb, reports its speaker; and that the nouns
// the word lists catch stay nouns.
func TestTaggedVerbs(t *testing.T) {
	for _, tc := range []struct {
		name, text, speaker, cue string
	}{
		{"a paper reports", "The Harbour Gazette reports the mayor will resign next week.", "Harbour Gazette", "report"},
		{"an adverb before the cue", "Nadia Harlow further alleges that the vote was rigged.", "Nadia Harlow", "allege"},
		{"a noun after a determiner", "The report was published on Monday.", "", ""},
		{"a noun after a determiner and an adjective", "The formal protest was lodged on Monday.", "", ""},
	} {
		b := extractText(tc.text)
		var got []string
		for _, s := range b.Statements {
			got = append(got, b.Actors[s.Speaker].Name+" --"+s.Cue+"-->")
		}
		want := []string(nil)
		if tc.speaker != "" {
			want = []string{tc.speaker + " --" + tc.cue + "-->"}
		}
		if len(got) != len(want) || len(got) > 0 && got[0] != want[0] {
			t.Errorf("%s: %q gives %q; want %q", tc.name, tc.text, got, want)
		}
	}
}

// TestNounGuessesAreVetoes checks that every veto the tagger may overrule is
// one of the cue vetoes.
func TestNounGuessesAreVetoes(t *testing.T) {
	names := map[string]bool{}
	for _, v := range cueVetoes {
		names[v.name] = true
	}
	for n := range nounGuesses {
		if !names[n] {
			t.Errorf("nounGuesses names %q, which is no cue veto", n)
		}
	}
}
