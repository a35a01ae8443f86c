package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// passiveAgentRule names the rule that reads a passive cue's agent as the
// speaker.
const passiveAgentRule = "passive with its agent after by"

// passiveAgent reads a passive cue of words whose agent follows "by": "The
// closure was first reported by the Courier", "a plan criticised by the
// unions", "She was asked by a neighbour why the road shut". The agent speaks.
// The words are what follows the agent when a clause does ("why the road
// shut": the passive's subject is then whom the words were addressed to), and
// the passive's subject otherwise. veto is the passive veto that held for the
// cue at k.
func (x *extractor) passiveAgent(s *sentence, k, cueEnd int, lemma, veto string) (found, bool) {
	if veto != "passive" && veto != "reduced passive" || !lexicon.ReportsWords(lemma) {
		return found{}, false
	}
	if s.low(k-1) == "as" {
		return found{}, false // "As reported by the Gazette, ...": a source, read as such
	}
	by := cueEnd
	for by < len(s.toks) && by-cueEnd < 2 && adverbAt(s, by) {
		by++ // "criticized repeatedly by"
	}
	if s.low(by) != "by" || strings.HasSuffix(s.low(by+1), "ing") {
		// "concluded by saying" is the active voice.
		return found{}, false
	}
	sp, end := x.subjectStartingAt(s, by+1)
	if len(sp) == 0 {
		return found{}, false
	}
	// The subject ends before the verb group: "was first reported".
	l := k - 1
	for l >= 0 && (auxiliaries[s.low(l)] || beForms[s.low(l)] || adverbAt(s, l)) {
		l--
	}
	f := found{speakers: sp, cue: k, subjStart: by, rule: passiveAgentRule}
	f.Cue, f.Sentence = lemma, s.N
	f.contentBeg, f.contentEnd = clauseStart(s, l), l+1
	before := x.content(s, f.contentBeg, f.contentEnd)
	after := ""
	if end < len(s.toks) && s.toks[end].kind == word && !prepositions[s.low(end)] {
		end = skipThat(s, end)
		after = x.content(s, end, clauseEnd(s, end, len(s.toks)))
	}
	f.Content = before
	if after != "" {
		f.Content = after
		f.contentBeg, f.contentEnd = end, len(s.toks)
	}
	return f, f.Content != ""
}
