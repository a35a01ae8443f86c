package extract

import "strings"

// passiveAgentRule names the rule that reads a passive cue's agent as the
// speaker.
const passiveAgentRule = "passive with its agent after by"

// passiveAgent reads a passive cue of words whose agent follows "by": "The
// meeting was first reported by the Gazette", "He was asked by a caller why
// ...", "a plan criticised by the unions". The agent speaks; the words are the
// passive's subject and what follows the agent. veto is the passive veto that
// held for the cue at k.
func (x *extractor) passiveAgent(s *sentence, k, cueEnd int, lemma, veto string) (found, bool) {
	if veto != "passive" && veto != "reduced passive" || !reportsWords(lemma) {
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
		after = x.content(s, end, clauseEnd(s, end, len(s.toks)))
	}
	f.Content = before
	if after != "" {
		f.Content = joinWords(before, after)
		f.contentEnd = len(s.toks)
	}
	return f, f.Content != ""
}

// joinWords joins two pieces of content with a space, leaving out an empty one.
func joinWords(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}
