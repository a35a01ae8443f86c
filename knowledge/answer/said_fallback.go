package answer

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/stem"
)

// This file holds what a said-answer falls back on when no stored statement
// answers: whether a sentence has someone speak, a title no stored person
// holds, and acronyms a briefing writes only in full.

// speakerWindow is how many words after a name a verb of speech may come and
// still be theirs ("Jane Doyle, the union's leader, said"); one before it may
// come right before ("said Jane Doyle").
const speakerWindow = 5

// speaksIn reports whether a sentence has one of the names (lower case) speak:
// a verb of speech within speakerWindow words after the name that is theirs
// (speaksFor), or a verb just before the name.
func speaksIn(text string, names []string) bool {
	var raw, low []string
	for _, f := range strings.Fields(foldApostrophes(text)) {
		if t := strings.TrimFunc(f, notWordRuneFold); t != "" {
			raw, low = append(raw, t), append(low, strings.ToLower(t))
		}
	}
	for _, name := range names {
		nw := strings.Fields(name)
		for i := 0; len(nw) > 0 && i+len(nw) <= len(low); i++ {
			if !slices.Equal(low[i:i+len(nw)], nw) {
				continue
			}
			end := i + len(nw)
			for k := end; k < min(len(low), end+speakerWindow); k++ {
				if lexicon.QuestionSpeechVerbs[low[k]] {
					if k == end || speaksFor(raw[end:k]) {
						return true
					}
					break
				}
			}
			if i > 0 && lexicon.QuestionSpeechVerbs[low[i-1]] || i > 1 && low[i-1] == "by" && lexicon.QuestionSpeechVerbs[low[i-2]] {
				return true
			}
		}
	}
	return false
}

// speaksFor reports whether the words between a name and a verb of speech
// leave the verb the name's: they do not end in another name ("..., Tom Reed
// said"), unless that name is the name's head ("the Weavers union chief Ann
// Cole said") or an acronym in brackets ("(HI)").
func speaksFor(between []string) bool {
	j := len(between)
	for j > 0 && firstUpper(between[j-1]) && strings.ToUpper(between[j-1]) != between[j-1] {
		j--
	}
	return j == len(between) || j > 0 && lexicon.IsHead(strings.ToLower(between[j-1]))
}

// notWordRuneFold is true of the punctuation around a word.
func notWordRuneFold(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// roleSearch answers a said-question about a title no stored person holds
// from the best sentence for the question, if that sentence describes them
// with every word of the title phrase (a country by any of its names) and
// has them speak.
func (e *Engine) roleSearch(ctx context.Context, ix *index, q Question, phrase string) (reply, error) {
	r, err := e.search(ctx, ix, q, nil)
	if err != nil || len(r.cites) == 0 {
		return reply{}, err
	}
	text := r.cites[0].Text
	countries := map[string]bool{}
	for _, m := range e.gz.Scan(text, gazetteer.Country) {
		countries[m.Entry.Country] = true
	}
	have := termSet(stem.Terms(text))
	var desc []string
	for _, w := range contentWords(words(phrase)) {
		if ent, ok := e.gz.Lookup(w); ok && ent.Kind == gazetteer.Country {
			if !countries[ent.Country] {
				return reply{}, nil
			}
			continue
		}
		for _, st := range stem.Terms(w) {
			if !have[st] {
				return reply{}, nil
			}
		}
		desc = append(desc, w)
	}
	if len(desc) == 0 || !speaksIn(text, []string{desc[len(desc)-1]}) {
		return reply{}, nil
	}
	return r, nil
}

// spellAcronyms replaces in a question the first naming word that looks like
// an acronym, is not in the briefing at path, and stands for a name the
// briefing writes in full ("pcs": "Public and Commercial Services"). It
// returns the new question and the name, lower case.
func spellAcronyms(ri *rankIndex, q Question, naming []string, path string) (Question, string, bool) {
	for _, w := range naming {
		if len(w) < 3 || !lexicon.LooksLikeAcronym(w) || ri.docSays(path, w) {
			continue
		}
		def, ok := ri.docSpelling(path, w)
		if !ok {
			continue
		}
		def = strings.ToLower(def)
		q2 := q
		q2.Words = nil
		for _, x := range q.Words {
			if x == w {
				q2.Words = append(q2.Words, words(def)...)
			} else {
				q2.Words = append(q2.Words, x)
			}
		}
		return q2, def, true
	}
	return q, "", false
}

// spelledIn finds in a sentence a name whose initials spell an acronym,
// written out without it: a capitalised word, then words (small ones such as
// "and", "for" skipped) whose first letters give the acronym's letters in
// order, within one clause: "Commission for racial equality" for "cre".
func spelledIn(text, acronym string) (string, bool) {
	want := []rune(strings.ToLower(acronym))
	if len(want) == 0 || !mayStartName(text, want[0]) {
		return "", false
	}
	f := strings.Fields(text)
	for i := range f {
		first := strings.TrimLeft(f[i], `"'“‘(`)
		if !firstUpper(first) || acronymSmall[strings.ToLower(first)] {
			continue
		}
		k := 0
		for j := i; j < len(f) && k < len(want); j++ {
			w := strings.TrimLeft(f[j], `"'“‘(`)
			core := strings.TrimRightFunc(w, notWordRuneFold)
			if j > i && acronymSmall[strings.ToLower(core)] {
				if core != w {
					break
				}
				continue
			}
			r, _ := utf8.DecodeRuneInString(core)
			if unicode.ToLower(r) != want[k] {
				break
			}
			k++
			if k == len(want) {
				return strings.Join(append(f[i:j:j], core), " "), true
			}
			if core != w {
				break // a comma or a full stop ends the name
			}
		}
	}
	return "", false
}

// mayStartName reports whether text may hold a capital letter whose lower
// case is r: for ASCII text and letter, whether it holds r's capital; text
// with other characters may.
func mayStartName(text string, r rune) bool {
	if r >= utf8.RuneSelf || r < 'a' || r > 'z' {
		return true
	}
	upper := byte(r) - 'a' + 'A'
	for i := 0; i < len(text); i++ {
		if text[i] == upper || text[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// acronymSmall are the small words of a name its acronym skips.
var acronymSmall = set("and", "of", "for", "the", "&", "on", "in", "to")
