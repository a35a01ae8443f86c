package answer

import (
	"slices"

	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/stem"
)

// useHypernyms lets a noun or a phrasal verb of the question match its
// WordNet hypernyms ("bribe": "payment") besides its synonyms. Off: on the dev
// halves hypernyms cost more than they gained (bbc-dev-A abstain_ok 0.90 to
// 0.80 with nouns' hypernyms; bbc-dev2-B 0.593 to 0.585 with phrasal verbs'
// only).
const useHypernyms = false

// paraphrased adds to each group the stems of the WordNet paraphrases of the
// question word it comes from, read over all the question's words so that
// phrasal verbs and idioms count ("cough up", "stepping down", "grease palms").
// They are alternatives: weighted below the word itself, as other synonyms are.
func paraphrased(groups []termGroup, words []string) []termGroup {
	syn, hyper := lexicon.Paraphrase(words)
	for i, w := range words {
		alts := syn[i]
		if useHypernyms {
			alts = append(alts[:len(alts):len(alts)], hyper[i]...)
		}
		if len(alts) == 0 {
			continue
		}
		ts := stem.Terms(w)
		for gi := range groups {
			g := &groups[gi]
			if !slices.Contains(ts, g.main) {
				continue
			}
			for _, a := range alts {
				for _, s := range stem.Terms(a) {
					if s != g.main && !stem.Stop(s) && !slices.Contains(g.alts, s) {
						g.alts = append(g.alts, s)
					}
				}
			}
		}
	}
	return phraseGroups(groups, words)
}

// phraseGroups gives the phrases that start with a word no group stands for
// ("go up", "get rid of": a function word first) their WordNet synonyms: as
// alternatives of the group of a later word of the phrase ("rid"). A phrase
// of function words only ("go on") adds nothing: as a group of its own it
// cost an abstention on the held-out half.
func phraseGroups(groups []termGroup, words []string) []termGroup {
	for i, w := range words {
		if groupOf(groups, w) >= 0 {
			continue
		}
		syn, span := lexicon.PhraseSynonyms(words, i)
		var alts []string
		for _, a := range syn {
			for _, s := range stem.Terms(a) {
				if !stem.Stop(s) && !slices.Contains(alts, s) {
					alts = append(alts, s)
				}
			}
		}
		if len(alts) == 0 {
			continue
		}
		gi := -1
		for j := i + 1; j < i+span && j < len(words) && gi < 0; j++ {
			gi = groupOf(groups, words[j])
		}
		if gi < 0 {
			continue
		}
		for _, a := range alts {
			if a != groups[gi].main && !slices.Contains(groups[gi].alts, a) {
				groups[gi].alts = append(groups[gi].alts, a)
			}
		}
	}
	return groups
}

// groupOf is the index of the group a question word's stems make, or -1.
func groupOf(groups []termGroup, w string) int {
	ts := stem.Terms(w)
	for gi, g := range groups {
		if slices.Contains(ts, g.main) {
			return gi
		}
	}
	return -1
}
