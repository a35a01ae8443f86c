package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/postag"
)

// nounForms are cue forms that are more often nouns ("the report said", "the
// state"): cues only before "that" or a colon, or after an auxiliary or "to".
var nounForms = set("report", "reports", "state", "states")

// cueVeto names a reading of a cue word that reports nobody's words: a noun
// ("the claims"), a passive ("was described"), another sense ("backed off").
type cueVeto struct {
	name string
	// applies reports whether the veto holds for the cue word at k, of lemma
	// lemma; negated is a silence ("did not comment").
	applies func(s *sentence, k int, lemma string, negated bool) bool
}

// cueVetoes are tried in order on every cue word; the first that holds wins.
var cueVetoes = []cueVeto{
	{"intention without its to", func(s *sentence, k int, lemma string, _ bool) bool {
		next, ok := cueNextWord[lemma] // "plans to", not "the plans for"
		return ok && s.low(k+1) != next
	}},
	{"perception without a view", func(s *sentence, k int, lemma string, _ bool) bool {
		// "sees Trump as a threat", "knows that": a belief; "saw a rise",
		// "knew him" are not.
		switch lemma {
		case "see", "view":
			if s.low(k+1) == "that" {
				return false
			}
			for p := k + 2; p < len(s.toks) && p <= k+6; p++ {
				if s.low(p) == "as" {
					return false
				}
				if s.toks[p].kind == punct {
					break
				}
			}
			return true
		case "know":
			return !knowWhat[s.low(k+1)]
		}
		return false
	}},
	{"a feeling, not a thought", func(s *sentence, k int, lemma string, _ bool) bool {
		// "feels that", "felt slighted", "feel the country is lost" hold a
		// view; "feels free", "didn't feel well", "felt so universal" a
		// state.
		return lemma == "feel" && (feelStates[s.low(k+1)] || adverbAt(s, k+1) && s.low(k+2) != "that")
	}},
	{"speech only beside a quotation", func(s *sentence, k int, lemma string, _ bool) bool {
		// `"...," he continued`; "Pell continued:" announces the quotation
		// of the next sentence.
		return quotationCues[lemma] && !hasQuote(s) && !endsWithColon(s)
	}},
	{"think tank", func(s *sentence, k int, _ string, _ bool) bool {
		return s.low(k) == "think" && s.low(k+1) == "tank"
	}},
	{"noun form without that", func(s *sentence, k int, _ string, _ bool) bool {
		// "the report said", "the state": cues only before "that" or a colon,
		// or after an auxiliary or "to".
		return nounForms[s.low(k)] && !(s.low(k+1) == "that" || s.low(k+1) == ":" || auxiliaries[s.low(k-1)] || s.low(k-1) == "to")
	}},
	{"agreement without that or with", func(s *sentence, k int, lemma string, _ bool) bool {
		// "agreed a deal"; but "Pell agreed:" announces a view.
		next := s.low(k + 1)
		return lemma == "agree" && next != "that" && next != "with" && !(k+2 == len(s.toks) && next == ":")
	}},
	{"position without that", func(s *sentence, k int, lemma string, _ bool) bool {
		// "maintained their lead", "estimated 1,500": speech only before
		// "that", a colon or a quotation, or closing a sentence after one.
		return thatCues[lemma] && !(s.low(k+1) == "that" || s.low(k+1) == ":" || k+1 < len(s.toks) && s.toks[k+1].isQuote() || closingCue(s, k))
	}},
	{"particle of another sense", func(s *sentence, k int, lemma string, _ bool) bool {
		// "backed off", "adding to his wins", "called off".
		return contains(otherSenseParticles[lemma], s.low(k+1))
	}},
	{"a finding's words", func(s *sentence, k int, _ string, _ bool) bool {
		// "A poll of bakers found that most of them say ...": the
		// respondents' answers are the poll's finding, not speech of theirs.
		return findingBefore(s, k)
	}},
	{"back as an adverb", func(s *sentence, k int, lemma string, _ bool) bool {
		// "is back", "came back", "fought back a rival", "police back in 2011"
		return s.low(k) == "back" && (beForms[s.low(k-1)] || motionVerbs[s.low(k-1)] || !s.posAt(k).Verb())
	}},
	{"accused of, a reduced passive", func(s *sentence, k int, _ string, _ bool) bool {
		// "a contractor accused of spying": the active has its object
		// between ("accused him of").
		return s.low(k) == "accused" && s.low(k+1) == "of"
	}},
	{"name modifying a noun", func(s *sentence, k int, _ string, negated bool) bool {
		// "an EU demand", "over US support for".
		return k >= 2 && !negated && s.tags[k-1].kind != tNone && s.tags[k-1].kind != tRole &&
			(s.low(k-2) == "an" || s.low(k-2) == "a" || prepositions[s.low(k-2)] && s.low(k-2) != "and" && s.low(k-2) != "to")
	}},
	{"noun after a preposition", func(s *sentence, k int, _ string, negated bool) bool {
		// "for support"; but a gerund after "by" or "while" reports the main
		// clause's subject ("distanced himself by saying").
		return !negated && prepositions[s.low(k-1)] && s.low(k-1) != "and" && s.low(k-1) != "to" &&
			!(gerundLeads[s.low(k-1)] && strings.HasSuffix(s.low(k), "ing"))
	}},
	{"noun after a determiner", func(s *sentence, k int, lemma string, _ bool) bool {
		// "the claims", "his call"; but "Some accused Trump", "many believe
		// he lied" and "She's predicting" are verbs.
		return determiners[s.low(k-1)] && s.low(k-1) != "that" && !quantifierVerb(s, k, lemma) && !pronounIs(s, k-1)
	}},
	{"noun after a copula", func(s *sentence, k int, lemma string, _ bool) bool {
		// "were plans to", "is support for": a base or -s form after "is".
		low := s.low(k)
		return (low == lemma || strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss")) &&
			(s.low(k-1) == "is" || s.low(k-1) == "are" || s.low(k-1) == "was" || s.low(k-1) == "were")
	}},
	{"noun after a determiner and an adjective", func(s *sentence, k int, lemma string, _ bool) bool {
		// "The clear signal", "a formal protest"; but "the unions claim".
		prev := s.low(k - 1)
		return s.low(k) == lemma && k >= 2 && (s.low(k-2) == "the" || s.low(k-2) == "a" || s.low(k-2) == "an") &&
			s.toks[k-1].kind == word && !s.toks[k-1].cap && !strings.HasSuffix(prev, "s") && !auxiliaries[prev]
	}},
	{"naming participle", func(s *sentence, k int, _ string, _ bool) bool {
		// "a group called Fair Fares Now", `a site called "Vox"`: a
		// common noun, then the name.
		prev := s.low(k - 1)
		return s.low(k) == "called" && k > 0 && s.toks[k-1].kind == word && !s.toks[k-1].cap &&
			!auxiliaries[prev] && !personPronouns[prev] && !groupPronouns[prev] && prev != "who" && prev != "which" &&
			k+1 < len(s.toks) && (s.toks[k+1].cap || s.toks[k+1].isQuote())
	}},
	{"reduced passive", func(s *sentence, k int, _ string, negated bool) bool {
		// "rebel groups backed by Ankara", "a plan criticised by unions".
		return !negated && strings.HasSuffix(s.low(k), "ed") && s.low(k+1) == "by"
	}},
	{"passive", func(s *sentence, k int, _ string, negated bool) bool {
		// "was described", "is expected": nobody's words.
		t := s.toks[k]
		if k == 0 || negated || !strings.HasSuffix(t.low, "ed") && !irregularParticiples[t.low] {
			return false
		}
		p := k - 1
		if p >= 2 && s.toks[p].low == "and" && strings.HasSuffix(s.toks[p-1].low, "ed") {
			p -= 2 // "be confined and told"
		}
		for p > 0 && (passiveAdverbs[s.toks[p].low] || adverbAt(s, p)) {
			p-- // "was not expected", "was once asked", "is widely seen"
		}
		low := s.toks[p].low
		return beForms[low] || beForms[strings.TrimSuffix(low, "n't")] && strings.HasSuffix(low, "n't")
	}},
	{"tagged as a noun", func(s *sentence, k int, _ string, negated bool) bool {
		// "strong support from", "the best highlights", "the March states":
		// the tagger reads a noun after a determiner or adjective, where the
		// word lists did not tell.
		low := s.low(k)
		if negated || s.toks[k].cap || speechNouns[low] || pastTense(low) || lexicon.Irregular(low) != "" || strings.HasSuffix(low, "ing") || !s.posAt(k).Noun() {
			// A past tense or participle is no noun: "said" is not tagged.
			return false
		}
		// A possessor speaks, and annotators mark it ("his remarks", "Ann
		// Pell's harsh comments"): only a determiner or adjective without one.
		j := k - 1
		for j > 0 && s.posAt(j).Adjective() {
			j--
		}
		before := s.posAt(j)
		return j < k-1 && before != postag.PRPs && before != postag.Possessive ||
			before == postag.DT && j == k-1 && !quantifierSubjects[s.low(j)]
	}},
}

// vetoed returns the name of the first cue veto that holds for the cue word at
// k, or "". A veto that guesses a noun does not hold where the tagger reads a
// finite verb (taggedVerb).
func (x *extractor) vetoed(s *sentence, k int, lemma string, negated bool) string {
	for _, v := range cueVetoes {
		if v.applies(s, k, lemma, negated) && !taggedVerb(s, k, v.name) {
			return v.name
		}
	}
	return ""
}

// quantifierVerb reports whether the cue form at k is the verb of a
// quantifier subject before it: a past tense ("Some accused"), or a base form
// opening a clause and not followed by a preposition as a noun is ("many
// believe he lied", "some view it as a threat"; not "some support for").
func quantifierVerb(s *sentence, k int, lemma string) bool {
	q := k - 1
	if !quantifierSubjects[s.low(q)] {
		return false
	}
	if pastTense(s.low(k)) {
		return true
	}
	return s.low(k) == lemma && (q == 0 || clauseOpeners[s.low(q-1)]) && !prepositions[s.low(k+1)]
}

// speechNouns name words said, which annotators take as cues even as nouns
// ("the Chinese comments", "a harsh claim"): the tagger's noun reading does
// not veto them.
var speechNouns = set("comment", "comments", "remark", "remarks", "claim", "claims",
	"call", "calls", "protest", "protests", "promise", "promises", "pledge", "pledges",
	"demand", "demands", "warning", "warnings", "note", "notes", "report", "reports",
	"mention", "dispute", "statement", "statements", "criticism", "accusation", "accusations")

// passiveAdverbs may stand between a passive's be and its participle: "was
// not expected", "was once asked", "is first noted".
var passiveAdverbs = set("also", "not", "never", "once", "first", "still", "already",
	"often", "long", "since", "then", "now", "ever", "rarely", "being")

// feelStates follow "feel" as a state, not a view: "feel free", "felt so
// universal".
var feelStates = set("free", "well", "so", "good", "bad", "better", "worse", "sorry", "fine")

// knowWhat open what someone knows: "knows that", "knew what".
var knowWhat = set("that", "what", "how", "whether", "why", "who", "where", "when")

// thatCues state a position only with its words: "maintained that".
var thatCues = set("maintain", "estimate", "charge", "remember", "understand")

// otherSenseParticles are the words after a cue that give it another sense.
var otherSenseParticles = map[string][]string{
	"back":     {"off", "down", "away", "out", "into", "from"},
	"add":      {"to", "up"},
	"call":     {"off", "up"},
	"write":    {"off", "down"},
	"maintain": {"a", "an", "its", "his", "her", "their"},
	"brief":    {"on", "about"}, // "people briefed on the talks said"
}

// findingVerbs report what evidence shows: "the poll found", "surveys show".
var findingVerbs = set("show", "shows", "showed", "shown", "showing", "find", "finds", "found", "finding")

// findingNouns are the polls and studies whose findings a finding verb reports.
var findingNouns = set("poll", "polls", "survey", "surveys", "study", "studies", "results",
	"data", "figures", "research", "analysis", "polling", "numbers", "census")

// findingBefore reports whether the cue at k lies in the clause a finding
// verb opens, with a poll or study its subject within five words before it:
// "a survey of members found that most ... back the plan".
func findingBefore(s *sentence, k int) bool {
	for v := k - 1; v >= 1 && k-v <= 25; v-- {
		low := s.low(v)
		if low == ";" || low == "but" {
			return false
		}
		if !findingVerbs[low] {
			continue
		}
		for p := v - 1; p >= 0 && v-p <= 6; p-- {
			if findingNouns[s.low(p)] {
				return true
			}
		}
		return false
	}
	return false
}

// motionVerbs put "back" as an adverb after them: "came back".
var motionVerbs = set("come", "came", "comes", "coming", "go", "went", "goes", "going",
	"get", "got", "gets", "bring", "brought", "fight", "fought", "hit", "pushed", "push")

// cueNextWord is the word a cue needs right after it to report an intention.
var cueNextWord = map[string]string{"plan": "to", "intend": "to", "seek": "to", "decide": "to", "aim": "to"}

// quotationCues report speech only beside a quotation; elsewhere they mean
// something else ("continued his devotion to politics").
var quotationCues = set("continue")

// endsWithColon reports whether a sentence ends with a colon: "He continued:".
func endsWithColon(s *sentence) bool {
	return len(s.toks) > 0 && s.toks[len(s.toks)-1].s == ":"
}

// hasQuote reports whether a sentence holds a quotation mark.
func hasQuote(s *sentence) bool {
	for _, t := range s.toks {
		if t.isQuote() {
			return true
		}
	}
	return false
}

// saysSomething reports whether a statement's content is more than a lone
// particle: "what she asked for" says nothing.
func saysSomething(content string) bool {
	return content != "" && !prepositions[strings.ToLower(content)]
}
