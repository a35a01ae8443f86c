package answer

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/store"
)

// countFocus is what a quantity question counts ("how many workers"): the
// stems of its words, and the words themselves for WordNet's classes.
type countFocus struct {
	stems []string
	words []string
}

// newCountFocus reads what a question counts from its Focus.
func newCountFocus(q Question) countFocus {
	ws := strings.Fields(q.Focus)
	return countFocus{stems: uniqueTerms(ws), words: ws}
}

// personClass is the WordNet class of the words that count people.
const personClass = "person"

// counts reports whether a figure counts what the question asks about: its
// counted words share a stem (or a synonym) with the focus, or its head noun is
// of the focus's kind in WordNet ("250 invited guests" for "how many
// people", "90 nurses" for "how many workers": both persons).
// Without a focus every figure counts.
func (f countFocus) counts(q knowledge.Quantity) bool {
	if len(f.stems) == 0 {
		return true
	}
	if countsFocus(q, f.stems) {
		return true
	}
	head := countedHead(q.Counted)
	if head == "" {
		return false
	}
	for _, w := range f.words {
		if lexicon.IsA(head, w) || lexicon.IsA(head, personClass) && lexicon.IsA(w, personClass) {
			return true
		}
	}
	return false
}

// countedHead is the noun a figure counts: the last lower-case word of its
// counted phrase before any preposition ("invited guests": "guests"; "jobs
// in the north": "jobs"), or "" for a partitive or a name ("of Ada Lovelace").
func countedHead(counted string) string {
	head := ""
	for i, w := range strings.Fields(counted) {
		w = strings.Trim(w, `"'(),.;:`)
		if w == "" {
			continue
		}
		if headStops[strings.ToLower(w)] {
			if i == 0 {
				return "" // "of ...": a share of something, not a count
			}
			break
		}
		r := []rune(w)
		if !unicode.IsLower(r[0]) {
			head = "" // a name is not what is counted
			continue
		}
		head = w
	}
	return head
}

// headStops end a counted phrase's noun: prepositions and relative words.
var headStops = set("of", "in", "on", "at", "for", "from", "to", "by", "with", "since",
	"who", "which", "that", "after", "before", "over", "under", "than", "a", "an", "per")

// yearLike reports whether a figure is a year rather than a count: a bare
// four-digit number from 1000 to 2100, or the text of a time expression of its
// sentence ("in 1891").
func yearLike(q knowledge.Quantity, times []knowledge.TimeExpr) bool {
	for _, t := range times {
		if strings.Contains(t.Text, q.Text) && hasDigit(q.Text) {
			return true
		}
	}
	if q.Unit != "" || q.Value != q.High || q.Value < 1000 || q.Value > 2100 || q.Value != float64(int(q.Value)) {
		return false
	}
	digits := 0
	for _, r := range q.Text {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
			return false
		}
	}
	return digits == 4
}

// countFigures lists a sentence's figures that are not years.
func countFigures(qs []store.QuantityRow, times []knowledge.TimeExpr) []store.QuantityRow {
	var out []store.QuantityRow
	for _, q := range qs {
		if !yearLike(q.Quantity, times) {
			out = append(out, q)
		}
	}
	return out
}

// reasonLinks are the words and phrases (as stems, in order) that join a
// reason to what it explains: "because", "due to", "in order to", "in a bid
// to", "as a result of", "so that".
var reasonLinks = [][]string{
	{"becaus"}, {"due", "to"}, {"ow", "to"}, {"in", "order", "to"}, {"in", "a", "bid", "to"},
	{"as", "a", "result"}, {"so", "that"}, {"so", "as", "to"}, {"aim", "to"}, {"aim", "at"},
	{"design", "to"}, {"in", "respons", "to"}, {"thank", "to"}, {"the", "reason"},
	{"in", "an", "effort", "to"}, {"in", "an", "attempt", "to"}, {"on", "the", "ground"},
}

// reasonLinked reports whether a sentence's stems hold a reason link.
func reasonLinked(terms []string) bool {
	for i := range terms {
		for _, l := range reasonLinks {
			if i+len(l) <= len(terms) && equalSeq(terms[i:i+len(l)], l) {
				return true
			}
		}
	}
	return false
}

func equalSeq(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// newTime reports whether a sentence holds a time expression not all of whose
// words the question gives ("this week" answers no "this week?").
func newTime(times []knowledge.TimeExpr, words []string) bool {
	for _, t := range times {
		for _, w := range strings.Fields(strings.ToLower(t.Text)) {
			if !stopWords[w] && !contains(words, w) {
				return true
			}
		}
	}
	return false
}

// newPlace reports whether a sentence mentions a country that is not among
// the question's actors (keys): where the question asks about.
func newPlace(ix *index, mentioned map[int64]bool, qActors []string) bool {
	for id := range mentioned {
		if a, ok := ix.rowOK(id); ok && a.Kind == knowledge.Country && !contains(qActors, a.Key) {
			return true
		}
	}
	return false
}
