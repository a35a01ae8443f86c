package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// Which capitalised names are organisations' is learned from the whole
// briefing before any actor is made: a name that stands where a body's name
// stands in one sentence is a body's in all of them, and an acronym spelled out
// once names its organisation everywhere.

// learnOrgNames finds, in the whole briefing, the capitalised names that stand
// where an organisation's name stands: before a lower-case title and a
// person's name ("TUC general secretary Ian Moffat", "former Brindle Hawke
// banker Nadia Ferrante"), or after a title and "at" or "with" ("an
// economist at Harbour Analytics"). Every run with that name is then an
// organisation's.
func (x *extractor) learnOrgNames() {
	// The words of longer names, which may be surnames ("a spokesman of
	// Blair"); the words used alone as names, and as a body's ("Brindle
	// said", "Brindle's"); the names titled as people's.
	inNames, alone, aloneActing, titled := map[string]bool{}, map[string]int{}, map[string]int{}, map[string]bool{}
	for _, s := range x.sents {
		for k := 0; k < len(s.toks); k++ {
			tg := s.tags[k]
			switch {
			case !tg.first || tg.kind != tName:
			case tg.end-k >= 2:
				for t := k; t < tg.end; t++ {
					inNames[s.toks[t].low] = true
				}
				if titledPerson(s, k, tg.end) {
					titled[nameKey(s, k, tg.end)] = true
				}
			default:
				alone[s.toks[k].low]++
				if speaksAfter(s, tg.end) {
					aloneActing[s.toks[k].low]++
				}
				if tg.end >= len(s.toks) || s.toks[tg.end].kind != word || s.toks[tg.end].cap {
					x.asNoun[s.toks[k].low] = true
				}
			}
		}
	}
	for _, s := range x.sents {
		for k := 0; k < len(s.toks); k++ {
			tg := s.tags[k]
			if !tg.first || tg.kind != tName || tg.org {
				continue
			}
			if orgBeforeTitle(s, k, tg.end) || orgAfterTitle(s, k) || membersAfter(s, k, tg.end) ||
				tg.end == k+1 && !inNames[s.toks[k].low] && titleOf(s, k) ||
				!titled[nameKey(s, k, tg.end)] && shortByFirstWord(s, k, tg.end, alone, aloneActing) {
				x.orgNames[nameKey(s, k, tg.end)] = true
			}
		}
	}
	for _, s := range x.sents {
		for k := 0; k < len(s.toks) && len(x.orgNames) > 0; k++ {
			if tg := s.tags[k]; tg.first && tg.kind == tName && x.orgNames[nameKey(s, k, tg.end)] {
				s.tags[k].org = true
			}
		}
	}
	x.learnAcronyms()
}

// learnAcronyms finds the organisations the briefing names with their acronym
// after them, "the Office for Harbour Statistics (OHS)", so that the acronym
// alone names the same organisation anywhere in the briefing.
func (x *extractor) learnAcronyms() {
	for _, s := range x.sents {
		for k := 0; k < len(s.toks); k++ {
			tg := s.tags[k]
			if !tg.first || tg.kind != tName || x.classifyName(s, k, tg.end) != knowledge.Organisation {
				continue
			}
			if acr, ok := acronymAfter(s, k, tg.end); ok {
				if _, seen := x.acronymOf[acr]; !seen {
					x.acronymOf[acr] = s.Text[s.toks[k].start:s.toks[tg.end-1].end]
				}
			}
		}
	}
}

// acronymAfter returns, lower-cased, the acronym in brackets right after the
// name i..j when its letters are the initials of the name.
func acronymAfter(s *sentence, i, j int) (string, bool) {
	if j+2 >= len(s.toks) || s.toks[j].s != "(" || s.toks[j+2].s != ")" {
		return "", false
	}
	a := s.toks[j+1]
	if a.kind != word || strings.ToUpper(a.s) != a.s || !lexicon.LooksLikeAcronym(a.low) {
		return "", false
	}
	if lexicon.Initials(s.Text[s.toks[i].start:s.toks[j-1].end]) != a.low {
		return "", false
	}
	return a.low, true
}

// acronymOrg returns the organisation a single word names as its acronym.
func (x *extractor) acronymOrg(s *sentence, i int) (int, bool) {
	name, ok := x.acronymOf[s.toks[i].low]
	if !ok || s.toks[i].s != strings.ToUpper(s.toks[i].s) {
		return 0, false
	}
	return x.ensure("org:"+strings.ToLower(name), func() *knowledge.Actor {
		return &knowledge.Actor{Name: name, Kind: knowledge.Organisation}
	}), true
}

// orgBeforeTitle reports whether the name i..j stands before a lower-case title
// that stands before a person's name: "TUC general secretary Ian Moffat".
func orgBeforeTitle(s *sentence, i, j int) bool {
	k := j
	for k < len(s.toks) && s.tags[k].kind == tNone && !s.toks[k].cap && titleModifiers[s.toks[k].low] {
		k++
	}
	if k >= len(s.toks) || s.tags[k].kind != tRole || !s.tags[k].first || s.toks[k].cap {
		return false
	}
	e := s.tags[k].end
	for e < len(s.toks) && s.tags[e].kind == tRole && s.tags[e].first && !s.toks[e].cap {
		e = s.tags[e].end // "chief economist"
	}
	if e+1 < len(s.toks) && s.toks[e].s == "," {
		e++ // "Kessler Vogt chairwoman, Ilse Brandt, said"
	}
	return e < len(s.toks) && s.tags[e].kind == tName && s.tags[e].first && s.toks[e].cap && !fieldWords[s.toks[i].low]
}

// fieldWords name a field of work, not a body, before a title: "PR executive",
// "TV presenter".
var fieldWords = set("pr", "it", "hr", "tv", "ict", "ai", "r&d", "web", "internet")

// orgAfterTitle reports whether the name at i follows a title and "at" or
// "with", or "for the" or "of the": "an economist at Harbour Analytics", "a
// spokesman for the State Salt Monopoly Board".
func orgAfterTitle(s *sentence, i int) bool {
	if i >= 2 && orgPositions[s.toks[i-1].low] && singleTitleEnds(s, i-2) {
		return true
	}
	return i >= 3 && s.toks[i-1].low == "the" && singleTitleEnds(s, i-3) &&
		(orgPositions[s.toks[i-2].low] || isLink(s.toks[i-2]))
}

// singleTitleEnds reports whether token k ends a lower-case title of one
// person: "an economist", not "the Queen" or "intellectuals".
func singleTitleEnds(s *sentence, k int) bool {
	if s.tags[k].kind != tRole || s.toks[k].cap {
		return false
	}
	i := k
	for i > 0 && s.tags[i-1].kind == tRole && !s.tags[i].first {
		i--
	}
	return s.tags[i].first && !pluralRole(s, i)
}

// shortByFirstWord reports whether the name i..j, of two or three words, is
// shortened to its first word elsewhere in the briefing, twice or more and at
// least once where it speaks or owns ("Brindle said", "Brindle's"), and never
// to its last, as a firm's name is ("Brindle Hawke") and a person's is not
// ("Tony Blair", "Mr Blair"; "King Michael of Romania" stays Michael's).
func shortByFirstWord(s *sentence, i, j int, alone, aloneActing map[string]int) bool {
	if j-i < 2 || j-i > 3 || i > 0 && (honorifics[s.toks[i-1].low] || s.tags[i-1].kind == tRole) {
		return false
	}
	for k := i; k < j; k++ {
		if s.toks[k].kind != word || nameConnectors[s.toks[k].low] {
			return false
		}
	}
	first, last := s.toks[i].low, s.toks[j-1].low
	return alone[first] >= 2 && aloneActing[first] > 0 && alone[last] == 0 && !commonCaps[first] && !contentCaps[first]
}

// titledPerson reports whether the name i..j has a title or honorific before
// it, or a title in an appositive after it: "spokesman Tao Mingzhe", "Tao
// Mingzhe, a spokesman".
func titledPerson(s *sentence, i, j int) bool {
	if i > 0 && (s.tags[i-1].kind == tRole || honorifics[s.toks[i-1].low]) {
		return true
	}
	if j+1 >= len(s.toks) || s.toks[j].s != "," {
		return false
	}
	k := j + 1
	if w := s.toks[k].low; w == "a" || w == "an" || w == "the" {
		k++
	}
	for k < len(s.toks) && titleModifiers[s.toks[k].low] && s.tags[k].kind != tRole {
		k++
	}
	return k < len(s.toks) && s.tags[k].kind == tRole
}

// orgMembers, in lower case right after a name, say that it is an
// organisation's: "Kessler Vogt bosses", "Brindle Hawke shareholders".
var orgMembers = set("bosses", "executives", "shareholders", "employees", "staff",
	"workers", "directors", "managers", "investors", "customers", "officials",
	"executive", "shareholder", "employee", "spokesman", "spokeswoman", "spokesperson")

// membersAfter reports whether the name i..j, of two words or more, has a word
// for the people of an organisation right after it: "Kessler Vogt bosses".
func membersAfter(s *sentence, i, j int) bool {
	return j-i >= 2 && j < len(s.toks) && !s.toks[j].cap && orgMembers[s.toks[j].low] &&
		(i == 0 || !honorifics[s.toks[i-1].low])
}

// titleOf reports whether the name at i follows a title and "of": "general
// secretary of Loomcraft".
func titleOf(s *sentence, i int) bool {
	return i >= 2 && s.toks[i-1].low == "of" && s.tags[i-2].kind == tRole && !s.toks[i-2].cap
}

// orgFirstWord returns the organisation a single capitalised word names by the
// first word of its name, when the briefing names exactly one organisation so:
// "Brindle" for Brindle Hawke. Common words ("Public", "National") name none.
func (x *extractor) orgFirstWord(s *sentence, i int) (int, bool) {
	w := s.toks[i].low
	if commonCaps[w] || contentCaps[w] {
		return 0, false
	}
	if (leadHeads[w] || orgHeads[w]) && (i == 0 || s.toks[i-1].low != "the") {
		return 0, false // but "the Bank" is the Bank of Wessex
	}
	if ids := x.orgByWord[w]; len(ids) == 1 {
		return ids[0], true
	}
	return 0, false
}
