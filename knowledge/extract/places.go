package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/gazetteer"
)

// Capitalised words that are no actors although the briefing keeps using them:
// places and the contractions of speech.

// placeLeads open the names of places: "County Durham", "Mount Kenya", "Lake
// Geneva".
var placeLeads = set("county", "mount", "lake", "cape", "port", "fort", "isle")

// isPlace reports whether the name run i..j is a place: of the gazetteer, or
// opened by a word for one.
func (x *extractor) isPlace(s *sentence, i, j int) bool {
	if placeLeads[s.toks[i].low] {
		return true
	}
	name := s.Text[s.toks[i].start:s.toks[j-1].end]
	if v, ok := x.places[name]; ok {
		return v
	}
	e, ok := x.gz.Lookup(name)
	x.places[name] = ok && e.Kind == gazetteer.Place
	return x.places[name]
}

// adjectiveEnds end the words for peoples and their languages: "Scottish",
// "European", "Japanese", "Arabic", "French".
var adjectiveEnds = []string{"ish", "an", "ese", "ic", "ch"}

// adjectival reports whether a capitalised word as written looks like an
// adjective for a people: not an acronym, and with one of adjectiveEnds.
func adjectival(w string) bool {
	if strings.ToUpper(w) == w {
		return false
	}
	l := strings.ToLower(w)
	for _, e := range adjectiveEnds {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// contractionEnds end the contractions of speech: "I'm", "we've", "don't".
var contractionEnds = []string{"'m", "'ve", "n't", "'ll", "'re", "'d"}

// isContraction reports whether the lower-case word w is a contraction.
func isContraction(w string) bool {
	w = foldQuote(w)
	for _, e := range contractionEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
