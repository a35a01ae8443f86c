package extract

// openingParticipleRule names the rule that reads a participle clause opening
// the sentence as the words of the main clause's subject.
const openingParticipleRule = "participle clause opening the sentence speaks for the subject after it"

// participleLeads may open a sentence before its participle: "After saying
// ...", "Since announcing ...", "Having announced ...".
var participleLeads = set("after", "since", "while", "before", "when", "in", "upon", "on", "having", "by")

// openingParticiple reads a cue in a participle clause that opens the
// sentence, whose speaker is the subject of the main clause after its comma:
// "Citing the flood, Ann Pell urged calm", "After saying he would run, Pell
// left", "Having announced that the mill would close, Pell took questions".
func (x *extractor) openingParticiple(si int, s *sentence, k, cueEnd int, f found) (found, bool) {
	if !(k == 0 || k == 1 && participleLeads[s.low(0)]) {
		return found{}, false
	}
	quoted := quotedTokens(s)
	c := cueEnd
	for c < len(s.toks) && c-cueEnd < 40 && (s.toks[c].s != "," || quoted[c]) {
		c++
	}
	if c+2 >= len(s.toks) || c-cueEnd >= 40 || c == cueEnd {
		return found{}, false
	}
	var sp []int
	if m, ok := widestMentionStarting(s, c+1); ok && m.j < len(s.toks) && s.toks[m.j].kind == word && !s.toks[m.j].cap && s.low(m.j) != "'s" {
		sp = []int{m.actor}
	} else if personPronouns[s.low(c+1)] {
		id, ok := x.lastPerson(si, s, c+1)
		if !ok {
			return found{}, false
		}
		x.mention(s, id, c+1, c+2, "pronoun")
		sp = []int{id}
	} else {
		return found{}, false
	}
	f.speakers, f.rule, f.subjStart = sp, openingParticipleRule, c+1
	f.contentBeg, f.contentEnd = skipThat(s, addressee(s, f.Cue, cueEnd)), c
	f.Content = x.content(s, f.contentBeg, f.contentEnd)
	f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
	return f, f.Content != ""
}

// raisingVerbs take the subject of the infinitive after them: "seemed to
// confirm", "tends to say".
var raisingVerbs = set("seem", "seems", "seemed", "appear", "appears", "appeared", "tend", "tends", "tended")

// raisingAt returns the last token before the verb group that a
// to-infinitive's subject precedes, when token p (before "to") is a raising
// verb ("seemed to confirm") or an adjective after a form of "be" ("are
// quick to point out", "are more likely to say"); else -1. Participles are
// left out: "were expected to discuss" is someone else's expectation.
func raisingAt(s *sentence, p int) int {
	if raisingVerbs[s.low(p)] {
		return p - 1
	}
	if !s.posAt(p).Adjective() {
		return -1
	}
	for q := p - 1; q >= 0 && p-q <= 3; q-- {
		low := s.low(q)
		if beForms[low] && low != "get" && low != "got" && low != "'s" {
			if s.low(q-1) == "it" {
				return -1 // "it is hard to say": nobody's words
			}
			return q - 1
		}
		if !(negation(low) || adverbAt(s, q) || low == "more" || low == "less" || low == "so" || low == "very" || low == "too") {
			return -1
		}
	}
	return -1
}

// aspectVerbs take a participle that keeps their subject: "began talking
// about", "kept saying".
var aspectVerbs = set("began", "begins", "begin", "started", "starts", "kept", "keeps", "continued", "continues")
