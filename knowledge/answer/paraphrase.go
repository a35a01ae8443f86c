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
	return groups
}
