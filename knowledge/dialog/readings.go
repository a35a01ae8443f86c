package dialog

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
)

// A turn whose name fitted several people offers them as readings (see
// knowledge.Answer.Readings); the next question may pick one: by name ("Kim
// Jong Un"), by title ("the North Korean leader") or by place ("the second
// one", "the other one").

// ordinals pick a reading by its place in the list.
var ordinals = map[string]int{"first": 0, "1": 0, "second": 1, "2": 1, "third": 2, "3": 2,
	"fourth": 3, "4": 3, "fifth": 4, "5": 4}

// pickFillers are words that do not help pick a reading: "I meant the second one".
var pickFillers = set("the", "one", "i", "meant", "mean", "no", "person", "please", "that",
	"him", "her", "guy", "about", "ask", "which", "is", "it", "was")

// picked returns the reading a follow-up picks from the last turn's readings,
// and whether it picks one; a question that names anything else, or fits
// several readings, picks none.
func picked(rest string, rs []knowledge.Reading) (knowledge.Reading, bool) {
	if len(rs) < 2 {
		return knowledge.Reading{}, false
	}
	var w []string
	for _, x := range readingWords(rest) {
		if !pickFillers[x] {
			w = append(w, x)
		}
	}
	switch {
	case len(w) == 0:
		return knowledge.Reading{}, false
	case len(w) == 1 && w[0] == "other" && len(rs) == 2:
		return rs[1], true // the answer was about the first
	case len(w) == 1:
		if i, ok := ordinals[w[0]]; ok && i < len(rs) {
			return rs[i], true
		}
	}
	var hits []knowledge.Reading
	for _, r := range rs {
		have := set(readingWords(r.Label)...)
		all := true
		for _, x := range w {
			all = all && have[x]
		}
		if all {
			hits = append(hits, r)
		}
	}
	if len(hits) != 1 {
		return knowledge.Reading{}, false
	}
	return hits[0], true
}

// readingWords are the lower-case words of s, hyphenated names kept whole.
func readingWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
}
