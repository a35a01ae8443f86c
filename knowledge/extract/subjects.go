package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// subjectRule reads the speakers of a cue whose subject's noun phrase ends at
// token l. done says the rule decided (maybe that nobody speaks: an
// unresolved "he"); else the next rule is tried.
type subjectRule struct {
	name string
	read func(x *extractor, si int, s *sentence, l int) (speakers []int, start int, done bool)
}

// subjectRules are tried in order; the first that decides names the speaker.
var subjectRules []subjectRule

func init() {
	// Set here, not in the declaration: the restrictive relative reads the
	// subject before it with the same rules.
	subjectRules = []subjectRule{
		{"relative pronoun after a comma: its antecedent", (*extractor).relativeSubject},
		{"restrictive relative: the phrase before it", (*extractor).restrictiveSubject},
		{"share of people", (*extractor).shareSubject},
		{"quantifier for people", (*extractor).quantifierSubject},
		{"person of a place", (*extractor).personOfPlaceSubject},
		{"head before a post-modifier", (*extractor).postModifiedSubject},
		{"named actor", (*extractor).namedSubject},
		{"personal pronoun: the last person", (*extractor).pronounSubject},
		{"it/they: the last institution", (*extractor).institutionPronounSubject},
		{"first person in a transcript's line or an announced paragraph: its speaker", (*extractor).lineSubject},
		{"first person: the writer", (*extractor).writerSubject},
		{"document: its author", (*extractor).documentNounSubject},
		{"organisation noun: the last organisation", (*extractor).orgNounSubject},
		{"possessive description", (*extractor).possessiveSubject},
		{"unnamed group, title or description", (*extractor).unnamedSubject},
		{"bare noun phrase naming a kind of person", (*extractor).agentSubject},
	}
}

// subjectEndingAt finds the speakers whose noun phrase ends at token l by the
// first subject rule that decides, and notes its name in x.why.
func (x *extractor) subjectEndingAt(si int, s *sentence, l int) ([]int, int) {
	for _, r := range subjectRules {
		if sp, start, done := r.read(x, si, s, l); done {
			if len(sp) > 0 {
				x.why = r.name
			}
			return sp, start
		}
	}
	return nil, 0
}

// relativeSubject: a relative clause speaks for its antecedent: "Beijing,
// which described", "Countess Ilse of Varnholm, the eldest daughter of
// ..., who said".
func (x *extractor) relativeSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if (s.toks[l].low == "which" || s.toks[l].low == "who") && l >= 2 && s.toks[l-1].s == "," {
		if id, start, ok := x.antecedent(s, l-1, s.toks[l].low == "who"); ok {
			x.mention(s, id, l, l+1, "pronoun")
			return []int{id}, start, true
		}
	}
	return nil, 0, false
}

// restrictiveSubject: a restrictive relative speaks for the phrase before it:
// "lawmakers who thought", "those who want".
func (x *extractor) restrictiveSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if s.toks[l].low != "who" || l < 1 || s.toks[l-1].kind != word || s.toks[l-1].low == "who" {
		return nil, 0, false
	}
	if s.toks[l-1].low == "those" {
		if l >= 2 && prepositions[s.toks[l-2].low] {
			return nil, 0, true // "seats for those who needed them"
		}
		sp, start := x.group(s, l-1, l)
		return sp, start, true
	}
	sp, start := x.subjectEndingAt(si, s, l-1)
	if len(sp) == 1 {
		x.mention(s, sp[0], l, l+1, "pronoun")
	}
	return sp, start, true
}

// shareSubject: a share of people: "64 percent of residents said", "Six in 10
// say".
func (x *extractor) shareSubject(si int, s *sentence, l int) ([]int, int, bool) {
	p, ok := shareStart(s, l)
	if !ok {
		return nil, 0, false
	}
	sp, start := x.group(s, p, l+1)
	return sp, start, true
}

// quantifierSubject: a quantifier standing for people: "Many believe", "Others
// say", "Most of them said".
func (x *extractor) quantifierSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if q := l - 2; q >= 0 && s.low(l-1) == "of" && (s.low(l) == "them" || s.low(l) == "us") && quantifierSubjects[s.low(q)] &&
		(q == 0 || clauseOpeners[s.low(q-1)] || s.toks[q-1].isQuote()) {
		sp, start := x.group(s, q, l+1) // "Most of them said"
		return sp, start, true
	}
	if !quantifierSubjects[s.toks[l].low] || !(l == 0 || clauseOpeners[s.toks[l-1].low] || s.toks[l-1].low == "who" || s.toks[l-1].isQuote()) ||
		singularQuantifiers[s.toks[l].low] && l+1 < len(s.toks) && s.toks[l+1].low == cueForms[s.toks[l+1].low] {
		return nil, 0, false
	}
	sp, start := x.group(s, l, l+1)
	return sp, start, true
}

// namedSubject: the actor mentioned right before the cue, or the title speaking
// for it ("a spokesman for Ms Harlow"), or a list of actors ("Britain, France
// and Germany").
func (x *extractor) namedSubject(si int, s *sentence, l int) ([]int, int, bool) {
	m, ok := longestMentionEnding(s, l+1)
	if !ok {
		return nil, 0, false
	}
	// A restrictive relative clause holds the actor: "executives who have
	// dealt with Petra Lind say": the executives.
	for p := m.i - 1; p > 0 && m.i-p <= 8; p-- {
		if t := s.toks[p]; t.kind == punct || cueForms[t.low] != "" && p < m.i-1 {
			break
		}
		if s.low(p) == "who" && s.toks[p-1].kind == word && (groupHeads[s.low(p-1)] || describedAt(s, p-1)) {
			sp, start := x.unnamed(s, p-1, nil)
			return sp, start, len(sp) > 0
		}
	}
	// "a spokesman for Ms Harlow", "Aides to Pell", "people close to the
	// governor": the head before the preposition speaks, for the actor
	// after it; "Hal Dorsey at the Harbour Review": the person before it.
	if p := m.i - 1; p >= 1 {
		if s.low(p) == "the" && p >= 2 {
			p--
		}
		if h := p - 1; postModifiers[s.low(p)] && h >= 0 {
			if postAdjectives[s.low(h)] && h >= 1 {
				h-- // "close to", "familiar with"
			}
			if m2, ok := longestMentionEnding(s, h+1); ok && x.actors[m2.actor].Kind == knowledge.Person && s.low(p) != "of" && s.low(p) != "for" {
				return []int{m2.actor}, m2.i, true
			}
			if s.tags[h].kind == tRole || groupHeads[s.low(h)] || describedAt(s, h) {
				if sp, start := x.unnamedFor(s, h, m); len(sp) > 0 {
					return sp, start, true
				}
			}
		}
	}
	speakers := []int{m.actor}
	start := m.i
	// "The United States and Japan", "Britain, France and Germany": a comma
	// joins speakers only in a list that ends with "and".
	for sep := "and"; start >= 2 && s.toks[start-1].low == sep; sep = "," {
		m2, ok := longestMentionEnding(s, start-1)
		if !ok {
			break
		}
		speakers = append([]int{m2.actor}, speakers...)
		start = m2.i
		if start >= 1 && s.toks[start-1].low == "the" {
			start-- // "Portugal, the Netherlands and Finland"
		}
	}
	return speakers, start, true
}

// postModifiedSubject: the head of a subject that a phrase after it
// modifies speaks, not the phrase's last word: a document or record ("A
// survey of rural voters found", "A letter from the Legion obtained by the
// Gazette warns", "research by four economists suggests") or a group ("Supporters
// of Mara Linde for governor say").
func (x *extractor) postModifiedSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if s.tags[l].kind == tRole && !s.tags[l].first || s.toks[l].kind != word || prepositions[s.low(l)] || s.low(l) == "or" {
		return nil, 0, false // "the former secretary of State": one title
	}
	h := -1
	for p := l - 1; p >= 1 && l-p <= 18; p-- {
		t := s.toks[p]
		if t.kind == punct && t.s != "-" && t.s != "." || finiteCue(s, p) || relatives[t.low] {
			break
		}
		if !postModifiers[t.low] && t.low != "by" || s.toks[p-1].kind != word {
			continue
		}
		c := s.low(p - 1)
		if postAdjectives[c] && p >= 2 && s.toks[p-2].kind == word {
			c = s.low(p - 2) // "people close to", "officials familiar with"
		}
		o := p + 1
		if determiners[s.low(o)] {
			o++
		}
		_, objectNamed := widestMentionStarting(s, o)
		if docNouns[c] || dataNouns[c] || groupHeads[c] && t.low == "of" {
			h = p - 1
		} else if !objectNamed && !postAdjectives[c] && (groupHeads[c] || lexicon.IsAgentNoun(c)) && (!s.toks[p-1].cap || atStart(s, p-1)) {
			h = p - 1 // "officials familiar with the talks", "a lawyer for the family"
			if postAdjectives[s.low(h)] {
				h--
			}
		}
	}
	if h < 0 || !opensClause(s, h) {
		return nil, 0, false
	}
	if m, ok := longestMentionEnding(s, l+1); ok && m.i <= h {
		return nil, 0, false // the phrase is a name's appositive: "Ann Pell, a lawyer for the family,"
	}
	var sp []int
	var start int
	if docNouns[s.low(h)] {
		sp, start = x.documentSubject(si, s, h)
	} else {
		sp, start = x.unnamed(s, h, nil)
	}
	if len(sp) == 1 {
		x.mention(s, sp[0], start, l+1, "group") // the whole phrase names it
	}
	return sp, start, len(sp) > 0
}

// opensClause reports whether the noun at token h ends the first phrase of
// its clause: at most six words, figures or abbreviations before it, back
// to the sentence's start or a clause opener ("A Feb. 1 letter").
func opensClause(s *sentence, h int) bool {
	for p := h - 1; p >= -1 && h-p <= 7; p-- {
		if p < 0 || clauseOpeners[s.low(p)] || s.toks[p].isQuote() {
			return true
		}
		t := s.toks[p]
		if t.kind == punct && t.s != "." && t.s != "-" || cueForms[t.low] != "" && s.tags[p].kind == tNone || auxiliaries[t.low] {
			return false
		}
		if !t.cap && strings.HasSuffix(t.low, "ed") && !determiners[s.low(p-1)] {
			return false // a verb: "Ann Pell thrilled the voters with ..."
		}
	}
	return false
}

// personOfPlaceSubject: "Senator Mara Linde of Idaho said": the
// person before "of" and the capitalised place.
func (x *extractor) personOfPlaceSubject(si int, s *sentence, l int) ([]int, int, bool) {
	for p := l; p > 0 && l-p < 4 && s.toks[p].cap; p-- {
		if s.low(p-1) != "of" {
			continue
		}
		if m, ok := longestMentionEnding(s, p-1); ok && x.actors[m.actor].Kind == knowledge.Person {
			return []int{m.actor}, m.i, true
		}
		return nil, 0, false
	}
	return nil, 0, false
}

// postModifiers join a head to the actor it speaks for or belongs to: "aides
// to Pell", "a producer for Lumen Studios", "officials in Washington".
var postModifiers = set("for", "of", "to", "at", "with", "in", "from")

// postAdjectives stand between a head and its preposition: "people close to".
var postAdjectives = set("close", "familiar", "loyal", "near", "speaking", "working", "allied")

// pronounSubject: "he" or "she" is the last person named.
func (x *extractor) pronounSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if !personPronouns[s.toks[l].low] {
		return nil, 0, false
	}
	if id, ok := x.lastPerson(si, s, l); ok {
		x.mention(s, id, l, l+1, "pronoun")
		return []int{id}, l, true
	}
	return nil, 0, true
}

// institutionPronounSubject: "it" or "they" is the institution (or group) that
// spoke or was named last.
func (x *extractor) institutionPronounSubject(si int, s *sentence, l int) ([]int, int, bool) {
	low := s.toks[l].low
	if low != "they" && low != "it" {
		return nil, 0, false
	}
	if id, ok := x.lastInstitution(si, s, l, low == "they"); ok {
		x.mention(s, id, l, l+1, "pronoun")
		return []int{id}, l, true
	}
	return nil, 0, true
}

// lineSubject: "I" or "we" in the paragraph a transcript's line opened is
// its speaker ("MARSH: We agree. And I hope they listen.").
func (x *extractor) lineSubject(si int, s *sentence, l int) ([]int, int, bool) {
	low := s.toks[l].low
	if low != "i" && low != "we" || len(x.lineSpeakers) != 1 {
		return nil, 0, false
	}
	x.mention(s, x.lineSpeakers[0], l, l+1, "pronoun")
	return x.lineSpeakers, l, true
}

// writerSubject: "I" or "we" outside quotation marks is whoever writes the
// briefing ("but I said, hey, ...", "I think"): one actor per briefing, the
// writer, with the pronoun as its mention.
func (x *extractor) writerSubject(si int, s *sentence, l int) ([]int, int, bool) {
	low := s.toks[l].low
	if low != "i" && low != "we" || quotedTokens(s)[l] {
		return nil, 0, false
	}
	id := x.ensure("writer:", func() *knowledge.Actor {
		return &knowledge.Actor{Name: "the writer", Kind: knowledge.Person, Description: "who writes the briefing, speaking in the first person"}
	})
	x.mention(s, id, l, l+1, "pronoun")
	return []int{id}, l, true
}

// documentNounSubject: a document speaks for its author: "His report demands",
// "Oxfam's Fair Trade report said", "The paper said".
func (x *extractor) documentNounSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if !docNouns[s.toks[l].low] {
		return nil, 0, false
	}
	sp, start := x.documentSubject(si, s, l)
	return sp, start, true
}

// orgNounSubject: "The US company said" is the organisation last named.
func (x *extractor) orgNounSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if !orgNouns[s.toks[l].low] || l == 0 {
		return nil, 0, false
	}
	if id, start, ok := x.lastOrg(si, s, l); ok {
		x.mention(s, id, start, l+1, "title")
		return []int{id}, start, true
	}
	return nil, 0, false
}

// possessiveSubject: a description owned by a named actor: "O'Hara's
// campaign says", "Mrs. Pell's confidants say".
func (x *extractor) possessiveSubject(si int, s *sentence, l int) ([]int, int, bool) {
	t := s.toks[l]
	if t.kind != word || t.cap || commonCaps[t.low] || cueForms[t.low] != "" || strings.HasSuffix(t.low, "ly") ||
		strings.HasSuffix(t.low, "ed") || silenceLeads[t.low] || s.tags[l].kind == tRole {
		return nil, 0, false // a title is the unnamed rule's: "France's finance minister"
	}
	for p := l - 1; p >= 1 && l-p <= 3; p-- {
		if s.toks[p].low == "'s" || s.toks[p].s == "'" || s.toks[p].s == "’" {
			m, ok := longestMentionEnding(s, p)
			if !ok || !(m.i == 0 || clauseOpeners[s.low(m.i-1)] || s.toks[m.i-1].isQuote()) {
				return nil, 0, false
			}
			sp, start := x.group(s, m.i, l+1)
			return sp, start, true
		}
		if s.toks[p].kind != word || s.toks[p].cap && s.tags[p].kind != tRole || cueForms[s.low(p)] != "" {
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// unnamedSubject: an unnamed group ("Some critics"), title ("the foreign
// secretary") or description opening its clause ("The NFL legend").
func (x *extractor) unnamedSubject(si int, s *sentence, l int) ([]int, int, bool) {
	if groupHeads[s.toks[l].low] || s.tags[l].kind == tRole || describedAt(s, l) {
		sp, start := x.unnamed(s, l, nil)
		return sp, start, true
	}
	return nil, 0, false
}

// quantifierSubjects stand for unnamed people as a cue's subject: "Many
// believe", "Others say", "Few think".
var quantifierSubjects = set("many", "few", "some", "most", "others", "several",
	"both", "none", "all", "one", "another")

// singularQuantifiers take a verb with an ending: "One says", but "One
// protest organizer".
var singularQuantifiers = set("one", "another", "none")

// shareWords join a figure to the people it counts: "72 percent of", "six in 10".
var shareWords = set("percent", "%", "in", "of", "out", "per", "cent")

// shareStart finds where a share of people ending at token l starts: a figure
// followed by a share word, at most eight tokens back, opening its clause
// ("Only about 3 in 10 rural voters", "64 percent of residents", "42%").
func shareStart(s *sentence, l int) (int, bool) {
	start := -1
	for p := l; p >= 0 && l-p < 8; p-- {
		t := s.toks[p]
		if t.kind == punct && t.s != "%" && t.s != "-" || cueForms[t.low] != "" && p < l {
			break
		}
		if isFigure(t) && (p == l || shareWords[s.toks[p+1].low]) || isFraction(t.low) && p+1 <= l && (p == l || s.toks[p+1].low == "of") {
			start = p
		}
	}
	if start < 0 {
		return 0, false
	}
	for start > 0 && hedgeWords[s.toks[start-1].low] {
		start--
	}
	return start, start == 0 || clauseOpeners[s.toks[start-1].low] || s.toks[start-1].isQuote()
}

// hedgeWords may qualify a share: "only about", "nearly", "a mere".
var hedgeWords = set("only", "about", "nearly", "almost", "roughly", "around", "just",
	"some", "over", "under", "than", "more", "less", "fewer", "least", "at", "by", "a",
	"mere", "fully", "another")

// fractionWords are shares written as words: "a third of independents".
var fractionWords = set("half", "third", "thirds", "quarter", "quarters", "fourth",
	"fourths", "fifth", "fifths", "majority", "minority")

// isFraction reports whether a word is a share written as a word: "half",
// "majority", "two-thirds".
func isFraction(w string) bool {
	if fractionWords[w] {
		return true
	}
	n, f, ok := strings.Cut(w, "-")
	return ok && numberWords[n] > 0 && fractionWords[f]
}

// isFigure reports whether a token is a figure: digits, or number words
// ("six", "sixty-six"), not plural ones ("thousands").
func isFigure(t token) bool {
	if t.kind == num {
		return true
	}
	for _, w := range strings.Split(t.low, "-") {
		if numberWords[w] == 0 || strings.HasSuffix(w, "s") {
			return false
		}
	}
	return t.kind == word
}

// group makes an actor for the unnamed people of tokens i..j ("72 percent of
// Democrats", "Others") and records the mention.
func (x *extractor) group(s *sentence, i, j int) ([]int, int) {
	phrase := s.Text[s.toks[i].start:s.toks[j-1].end]
	id := x.ensure("group:"+strings.ToLower(foldQuote(phrase)), func() *knowledge.Actor {
		return &knowledge.Actor{Name: phrase, Kind: knowledge.Group}
	})
	x.mention(s, id, i, j, "group")
	return []int{id}, i
}

// descriptionLeads open a noun phrase that describes a speaker without naming
// them: "A source said", "The NFL legend said", "His campaign said".
var descriptionLeads = set("the", "a", "an", "this", "his", "her", "their", "its", "our",
	"one", "some", "many", "most", "several", "both", "all", "another", "each",
	"two", "three", "four", "five", "few", "other", "those", "these")

// clauseOpeners may stand right before a clause's subject.
var clauseOpeners = set(",", ";", ":", "(", "—", "–", "-", "--", "and", "but", "that",
	"while", "when", "because", "as", "after", "before", "if", "though", "although",
	"so", "since", "where", "until", "yet", "or", `"`)

// describedAt reports whether the noun at token l heads a description that opens
// its clause: a determiner, at most three modifiers, then l ("the NFL legend").
func describedAt(s *sentence, l int) bool {
	t := s.toks[l]
	if t.kind != word || t.cap && s.tags[l].kind != tNone || commonCaps[t.low] || cueForms[t.low] != "" ||
		strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ly") {
		return false
	}
	for p := l - 1; p >= 0 && l-p <= 4; p-- {
		low := s.toks[p].low
		if descriptionLeads[low] {
			return p == 0 || clauseOpeners[s.toks[p-1].low] || s.toks[p-1].isQuote()
		}
		if s.toks[p].kind != word || commonCaps[low] && !contentCaps[low] || cueForms[low] != "" {
			return false
		}
	}
	return false
}

// agentSubject: a noun phrase of at most four words without a determiner,
// opening its clause, whose head names a kind of person or body of people
// (lexicon.IsAgentNoun, from WordNet): "Trump fans insist", "veteran
// diplomats said", "management tells them".
func (x *extractor) agentSubject(si int, s *sentence, l int) ([]int, int, bool) {
	t := s.toks[l]
	if t.kind != word || t.cap || cueForms[t.low] != "" || strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ly") ||
		!lexicon.IsAgentNoun(t.low) {
		return nil, 0, false
	}
	p := l - 1
	for p >= 0 && l-p <= 3 && s.toks[p].kind == word && s.toks[p].low != "'s" && !clauseOpeners[s.low(p)] &&
		!auxiliaries[s.low(p)] && !prepositions[s.low(p)] && !relatives[s.low(p)] && !descriptionLeads[s.low(p)] &&
		!quantifiers[s.low(p)] && cueForms[s.low(p)] == "" {
		p--
	}
	if p >= 0 && !(clauseOpeners[s.low(p)] || s.toks[p].isQuote()) || !s.posAt(l).Noun() {
		return nil, 0, false
	}
	sp, start := x.group(s, p+1, l+1)
	return sp, start, true
}
