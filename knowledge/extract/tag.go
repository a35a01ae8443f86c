package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// nameConnectors may join the parts of a name: "Osama bin Laden", "Ursula von der
// Leyen", "Abu Bakr al-Baghdadi".
var nameConnectors = set("bin", "al", "de", "van", "von", "da", "di", "du", "le", "la",
	"del", "der", "den", "ben", "abu", "ibn", "el", "dos", "das", "ter", "ten", "y")

// contentCaps are common words that, capitalised inside a sentence, are part of a
// name: "Defence Express", "the Home Office", "New Labour".
var contentCaps = set("new", "old", "former", "senior", "top", "chief", "deputy",
	"shadow", "vice", "prime", "foreign", "home", "defence", "defense", "finance",
	"trade", "state", "government", "police", "first", "second", "third", "great",
	"national", "united", "royal", "central", "general", "upper", "lower", "north",
	"south", "east", "west", "middle", "high", "supreme", "federal", "democratic",
	"free", "liberal", "social", "world", "international", "european", "public")

// tagSentence labels each token of s with what the gazetteer knows of it, and marks
// runs of capitalised words that may be names.
func (x *extractor) tagSentence(s *sentence) {
	s.tags = make([]tag, len(s.toks))
	for _, m := range x.gz.Scan(s.Text, gazetteer.Country, gazetteer.Government, gazetteer.Organisation, gazetteer.Role) {
		i, j := tokenRange(s.toks, m.Start, m.End)
		if i >= j {
			continue
		}
		var k tagKind
		switch m.Entry.Kind {
		case gazetteer.Country:
			k = tCountry
		case gazetteer.Government:
			k = tGov
		case gazetteer.Organisation:
			k = tOrg
		case gazetteer.Role:
			k = tRole
		default:
			continue
		}
		// A capitalised sentence opener that the document also writes in lower
		// case is a word, not a name: "Chad" but "chad".
		for t := i; t < j; t++ {
			s.tags[t] = tag{kind: k, entry: m.Entry}
		}
		s.tags[i].first = true
		s.tags[i].end = j
	}
	for k := 0; k < len(s.toks); {
		if !x.nameStart(s, k) {
			k++
			continue
		}
		j := k + 1
		for j < len(s.toks) && (x.nameCont(s, j) || j == k+1 && surnameAfterFirstName(s, k)) {
			j++
		}
		for j > k+1 && (nameConnectors[s.toks[j-1].low] || s.toks[j-1].kind == punct) {
			j--
		}
		for t := k; t < j; t++ {
			s.tags[t] = tag{kind: tName}
		}
		s.tags[k].first = true
		s.tags[k].end = j
		k = j
	}
	x.joinOrgNames(s)
}

// isMonthName reports whether w is a month's full name ("Jan" may be a name).
func isMonthName(w string) bool { return months[w] > 0 && len(w) > 3 && w != "sept" }

// tokenRange converts a byte range to the tokens it covers.
func tokenRange(toks []token, start, end int) (int, int) {
	i := 0
	for i < len(toks) && toks[i].start < start {
		i++
	}
	j := i
	for j < len(toks) && toks[j].end <= end {
		j++
	}
	return i, j
}

// atStart reports whether token k opens its sentence, maybe after quotes or brackets.
func atStart(s *sentence, k int) bool {
	for t := 0; t < k; t++ {
		if s.toks[t].kind != punct {
			return false
		}
	}
	return true
}

// nameStart reports whether token k can begin a name.
func (x *extractor) nameStart(s *sentence, k int) bool {
	t := s.toks[k]
	if t.kind != word || !t.cap || s.tags[k].kind != tNone || t.low == "'s" {
		return false
	}
	if commonCaps[t.low] && (!contentCaps[t.low] || atStart(s, k)) || isMonthName(t.low) || weekdays[t.low] || honorifics[t.low] && k+1 < len(s.toks) && s.toks[k+1].cap {
		return false
	}
	if atStart(s, k) && (x.lowered[t.low] || cueForms[t.low] != "" && pastTense(t.low)) {
		return false // "Said Dorothy Poynter, ...": a cue, not a name
	}
	if l := cueForms[t.low]; l != "" && l != t.low && !strings.HasSuffix(t.low, "ing") && (s.headline || s.titled) {
		return false // a headline's "Glenn Beck Says Trump Is Dangerous"
	}
	if s.headline && x.lowered[t.low] {
		return false
	}
	return true
}

// nameCont reports whether token k continues a name.
func (x *extractor) nameCont(s *sentence, k int) bool {
	t := s.toks[k]
	if afterInitial(s, k) && t.kind == word && t.cap {
		return true // the surname after "Peter T.", even one that is a title ("King")
	}
	if s.tags[k].kind != tNone {
		return false
	}
	if honorifics[t.low] && strings.HasSuffix(t.low, ".") {
		return false // "Florida Sen. Marco Rubio": the title opens a name of its own
	}
	if l := cueForms[t.low]; l != "" && l != t.low && !strings.HasSuffix(t.low, "ing") && (s.headline || s.titled) {
		return false // a headline's "Glenn Beck Says Trump Is Dangerous"
	}
	if t.kind == word && t.cap && t.low != "'s" && !isMonthName(t.low) && !weekdays[t.low] && (!commonCaps[t.low] || contentCaps[t.low]) {
		return !(s.headline && x.lowered[t.low])
	}
	if k+1 >= len(s.toks) || !s.toks[k+1].cap || s.tags[k+1].kind != tNone && !isInitialDot(s, k) {
		return false
	}
	if nameConnectors[t.low] && t.kind == word {
		return true
	}
	// An initial: "George W. Bush".
	return isInitialDot(s, k)
}

// surnameAfterFirstName reports whether the word after a given name at token
// k is its surname even though the gazetteer knows it as a country or place
// ("Representative Steve Israel", "Ben Jordan").
func surnameAfterFirstName(s *sentence, k int) bool {
	if k+1 >= len(s.toks) || lexicon.FirstNameSex(s.toks[k].s) == 0 {
		return false
	}
	next := s.toks[k+1]
	return next.kind == word && next.cap && s.tags[k+1].kind == tCountry && s.tags[k+1].first && s.tags[k+1].end == k+2 &&
		!adjectival(next.s) && (k+2 == len(s.toks) || s.toks[k+2].low != "'s")
}

// isInitialDot reports whether token k is the dot of an initial: "W." in
// "George W. Bush".
func isInitialDot(s *sentence, k int) bool {
	t := s.toks[k]
	return t.s == "." && k > 0 && len(s.toks[k-1].s) == 1 && s.toks[k-1].cap && s.toks[k-1].end == t.start
}

// afterInitial reports whether token k follows the initial of a name run
// being read ("Peter T. King").
func afterInitial(s *sentence, k int) bool {
	return k >= 2 && isInitialDot(s, k-1)
}
