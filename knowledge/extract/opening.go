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
