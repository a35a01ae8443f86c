package extract

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/postag"
)

// silenceVerbs after "yet to", "declined to", "refused to" or "did not" make a
// non-statement: "Pyongyang has yet to release a statement".
var silenceVerbs = set("release", "issue", "make", "comment", "respond", "elaborate",
	"discuss", "speak", "reply", "say", "confirm", "give", "answer", "publish")

// silenceLeads introduce a silence verb: "has yet to", "declined to".
var silenceLeads = set("yet", "declined", "refused", "failed", "declines", "refuses",
	"fails", "refusing", "declining", "unable", "unwilling")

// irregularParticiples are past participles that do not end in -ed.
var irregularParticiples = set("said", "told", "thought", "understood", "known",
	"seen", "heard", "written", "shown", "given", "taken", "felt", "held", "meant")

// beForms make a following participle passive.
var beForms = set("was", "were", "is", "are", "be", "been", "being", "am", "'s", "get", "got")

// found is a statement being built, with its token span.
type found struct {
	knowledge.Statement
	speakers   []int
	subjStart  int // first token of the subject
	cue        int // cue token
	contentBeg int // content tokens
	contentEnd int
	rule       string // the rule that read it, for `briefbot facts --explain`
	// quoteBefore marks a reporting clause standing alone ("Trump said."), whose
	// words are the quotation of the sentence before.
	quoteBefore bool
}

// findStatements finds who said what, sentence by sentence, carrying the last
// speaker for follow-on quotations.
func (x *extractor) findStatements() {
	lastSpeakers, lastSent := []int(nil), -10
	var announced []int // the speakers of a sentence ending with a colon
	for si, s := range x.sents {
		if s.paraStart {
			// A paragraph after "He wrote:" holds the words it announced.
			x.lineSpeakers, announced = announced, nil
		}
		fs := x.sentenceStatements(si, s)
		if len(fs) > 0 && fs[0].rule == colonRule {
			x.lineSpeakers = fs[0].speakers
		}
		if n := len(fs); n > 0 && strings.HasPrefix(fs[n-1].rule, nextColonRule) {
			announced = fs[n-1].speakers
		}
		if len(fs) == 0 && lastSpeakers != nil && si-lastSent <= 2 && (opensWithQuote(s) || s.inQuote) {
			// A quotation standing alone continues the last speaker's words,
			// unless a reporting clause after it names another
			// (`"Never," she answered.`).
			speakers, rule, content := lastSpeakers, "quotation standing alone continues the last speaker", trimContent(s.Text)
			if ps := x.sents[si-1]; lastSent < si-1 && endsWithColon(ps) {
				// "Pell then listed her demands:" announces the words of a
				// person named there, though no cue read it.
				if id, ok := x.subjectPerson(ps, func(int) bool { return true }); ok {
					speakers, rule = []int{id}, "quotation after a sentence ending with a colon: its subject"
				}
			}
			if sp, q, ok := x.quoteReporter(si, s); ok {
				speakers, rule = sp, "quotation, then its speaker and a verb of any kind"
				content = x.content(s, 1, q) // the quotation, not its report
			} else if p, ok := reportingPronoun(s); ok && len(speakers) == 1 {
				// `"...," it added.`: the pronoun is the last speaker, whose
				// mention it is.
				x.mention(s, speakers[0], p, p+1, "pronoun")
			} else if reportedAfter(s) {
				// `"Sunk!" shouted the paper's headline.`: a report
				// naming someone it cannot read, not the last speaker.
				continue
			}
			for _, sp := range speakers {
				x.statements = append(x.statements, knowledge.Statement{
					Sentence: s.N, Speaker: sp, Cue: "say", Content: content, Direct: true,
				})
				x.rules = append(x.rules, rule)
			}
			lastSent = si
			continue
		}
		for _, f := range fs {
			if f.quoteBefore && (len(x.statements) == 0 || x.statements[len(x.statements)-1].Sentence != x.sents[si-1].N) {
				// The quotation itself is the statement too.
				for _, sp := range f.speakers {
					st := f.Statement
					st.Sentence, st.Speaker = x.sents[si-1].N, sp
					x.statements = append(x.statements, st)
					x.rules = append(x.rules, "quotation before a reporting clause standing alone")
				}
			}
			if f.Direct && f.contentEnd <= f.subjStart && si+1 < len(x.sents) && x.continuesQuotation(x.sents[si+1]) {
				// `''It is good,'' he said. ''I will say ...''`: one quotation.
				f.Content += " " + trimContent(x.sents[si+1].Text)
			}
			for _, sp := range f.speakers {
				st := f.Statement
				st.Speaker = sp
				x.statements = append(x.statements, st)
				x.rules = append(x.rules, f.rule)
			}
		}
		if len(fs) > 0 {
			lastSpeakers, lastSent = fs[len(fs)-1].speakers, si
		}
	}
	x.setHome()
}

// beliefAdjectives state a belief or feeling after a form of "be", each with
// the words that may open what is believed: "is convinced that", "are
// skeptical of the deal", "was eager to". Cue verbs' participles ("worried")
// stay cue verbs.
var beliefAdjectives = map[string][]string{
	"convinced": {"that"}, "confident": {"that"}, "certain": {"that"},
	"skeptical": {"of", "about", "that"}, "sceptical": {"of", "about", "that"},
	"afraid": {"that", "of"}, "eager": {"to"}, "aware": {"that", "of"},
	"hopeful": {"that"}, "optimistic": {"that", "about"}, "pessimistic": {"about"},
	"doubtful": {"that"}, "fearful": {"that", "of"},
}

// beliefAdjectiveAt reports whether the adjective at k follows a form of
// "be" (maybe through "not", "so", "deeply", "also") and is followed by one
// of the words opening its belief.
func beliefAdjectiveAt(s *sentence, k int, next []string) bool {
	if !contains(next, s.low(k+1)) {
		return false
	}
	for p := k - 1; p >= 1 && k-p <= 3; p-- {
		low := s.low(p)
		if beForms[low] && low != "get" && low != "got" && low != "'s" {
			return true
		}
		if !(negation(low) || adverbAt(s, p) || low == "so" || low == "also" || low == "very" || low == "still") {
			return false
		}
	}
	return false
}

// beliefAdjective reads the subject before "be" and the belief after the
// adjective at k: "Mr Osk is convinced that the mill will reopen".
func (x *extractor) beliefAdjective(si int, s *sentence, k int, f found, prev []found) (found, bool) {
	l := k - 1
	for l >= 0 && (auxiliaries[s.low(l)] || negation(s.low(l)) || adverbAt(s, l) || s.low(l) == "so" || s.low(l) == "very") {
		if negation(s.low(l)) {
			f.Negated = true
		}
		l--
	}
	if l < 0 || quotedTokens(s)[l] {
		return found{}, false
	}
	if len(prev) > 0 {
		if p := prev[len(prev)-1]; k > p.contentBeg && k < p.contentEnd {
			return found{}, false
		}
	}
	x.why = ""
	sp, start := x.subjectEndingAt(si, s, l)
	if len(sp) == 0 {
		return found{}, false
	}
	f.Cue, f.Sentence = s.low(k), s.N
	f.speakers, f.subjStart = sp, start
	f.rule = "belief adjective after be: " + x.why
	f.contentBeg, f.contentEnd = skipThat(s, k+1), len(s.toks)
	if s.low(k+1) != "that" {
		f.contentBeg = k + 1
	}
	for f.contentEnd > f.contentBeg && s.toks[f.contentEnd-1].kind == punct {
		f.contentEnd--
	}
	f.Content = x.content(s, f.contentBeg, f.contentEnd)
	return f, f.Content != ""
}

// adverbAt reports whether token l is a manner adverb that may stand between
// a subject and its verb: "Lind bluntly suggested", "defiantly told".
func adverbAt(s *sentence, l int) bool {
	t := s.toks[l]
	return t.kind == word && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !lyNouns[t.low]
}

// lyNouns end in -ly but are nouns or adjectives that may head a subject:
// "the family said", "the daily reported".
var lyNouns = set("family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly",
	"folly", "bully", "belly", "homily", "daily", "weekly", "monthly", "quarterly", "early",
	"italy", "july", "elderly", "only", "friendly", "likely", "lonely", "holy", "ugly")

// pronounIs reports whether token l is the "'s" of "he's", "she's" or
// "it's": "She's predicting", "He's said".
func pronounIs(s *sentence, l int) bool {
	return s.low(l) == "'s" && l > 0 && (personPronouns[s.low(l-1)] || s.low(l-1) == "it")
}

// quoteReporter reads the speaker of a sentence opening with a quotation
// whose reporting verb is no cue of the lexicon, and where its quotation
// closes (token q): the subject and a verb right
// after the closing mark (`"Never," she answered.`, `"...," Grant charged
// in a speech`), or a verb and then a name (`"...," agrees Petra Osk`).
func (x *extractor) quoteReporter(si int, s *sentence) ([]int, int, bool) {
	if !opensWithQuote(s) {
		return nil, 0, false
	}
	q := 1
	for q < len(s.toks) && !(s.toks[q].isQuote() && !isOpenQuote(s.Text, s.toks[q])) {
		q++
	}
	if q < 2 || q+2 >= len(s.toks) || s.toks[q-1].s != "," && s.toks[q-1].s != "?" && s.toks[q-1].s != "!" {
		return nil, 0, false
	}
	if v := q + 1; reportingVerbLike(s, v) {
		// The name may follow its title: `"...," quipped radio host Ann Lowe`.
		for _, m := range s.mentions {
			if m.i > v && m.i-v <= 5 && wordsBetween(s, v+1, m.i) && (m.j == len(s.toks) || s.toks[m.j].kind == punct) {
				return []int{m.actor}, q, true
			}
		}
		return nil, 0, false
	}
	for v := q + 2; v < len(s.toks) && v-q <= 5; v++ {
		if s.toks[v].kind == punct {
			return nil, 0, false
		}
		if !reportingVerbLike(s, v) {
			continue
		}
		if sp, start := x.subjectEndingAt(si, s, v-1); len(sp) > 0 && start == q+1 {
			return sp, q, true
		}
		return nil, 0, false
	}
	return nil, 0, false
}

// wordsBetween reports whether tokens i..j are words (or hyphens), no other
// punctuation and no cue.
func wordsBetween(s *sentence, i, j int) bool {
	for p := i; p < j; p++ {
		if t := s.toks[p]; t.kind != word && t.s != "-" || cueForms[t.low] != "" && s.tags[p].kind == tNone {
			return false
		}
	}
	return true
}

// reportedAfter reports whether words outside quotation marks follow the
// quotation a sentence opens with: a reporting clause of its own.
func reportedAfter(s *sentence) bool {
	if !opensWithQuote(s) {
		return false
	}
	quoted := quotedTokens(s)
	closed, words := false, 0
	for k := 1; k < len(s.toks); k++ {
		if s.toks[k].isQuote() {
			closed = true
			continue
		}
		if closed && !quoted[k] && s.toks[k].kind == word {
			words++
		}
	}
	return words >= 2
}

// reportingPronoun finds the pronoun subject of a reporting clause right
// after a sentence's opening quotation (`"...," it added.`).
func reportingPronoun(s *sentence) (int, bool) {
	if !opensWithQuote(s) {
		return 0, false
	}
	for q := 1; q+2 < len(s.toks); q++ {
		if s.toks[q].isQuote() && !isOpenQuote(s.Text, s.toks[q]) {
			p := q + 1
			low := s.low(p)
			ok := (personPronouns[low] || low == "it" || low == "they") && (reportingVerbLike(s, p+1) || cueForms[s.low(p+1)] != "")
			return p, ok
		}
	}
	return 0, false
}

// reportingVerbLike reports whether token v may be a reporting verb: a
// lower-case past tense or -s form that is not an auxiliary ("answered",
// "elaborates", "wrote").
func reportingVerbLike(s *sentence, v int) bool {
	t := s.toks[v]
	if t.kind != word || t.cap || auxiliaries[t.low] || prepositions[t.low] || determiners[t.low] {
		return false
	}
	return strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") || lexicon.Irregular(t.low) != ""
}

// quotedTokens marks the tokens inside quotation marks.
func quotedTokens(s *sentence) []bool {
	in := make([]bool, len(s.toks))
	open := s.inQuote
	for k, t := range s.toks {
		if t.isQuote() {
			// An opening mark opens even inside a quotation carried over from an
			// earlier sentence, whose writer opened it again.
			open = isOpenQuote(s.Text, t) && (!open || s.inQuote)
			continue
		}
		in[k] = open
	}
	return in
}

// continuesQuotation reports whether sentence s continues the quotation of
// the sentence before: it opens with a quotation mark in the same paragraph,
// and no cue outside quotation marks reports it.
func (x *extractor) continuesQuotation(s *sentence) bool {
	if s.paraStart || !opensWithQuote(s) {
		return false
	}
	quoted := quotedTokens(s)
	for k, t := range s.toks {
		if !quoted[k] && t.kind == word && cueForms[t.low] != "" {
			return false
		}
	}
	return true
}

// endsWithQuote reports whether a sentence ends with a closing quotation mark
// (maybe before a full stop).
func endsWithQuote(s *sentence) bool {
	n := len(s.toks)
	if n > 0 && s.toks[n-1].s == "." {
		n--
	}
	return n > 0 && s.toks[n-1].isQuote() && !isOpenQuote(s.Text, s.toks[n-1])
}

// markQuotations notes which sentences start inside a quotation that an
// earlier sentence of the paragraph opened: `"I am proud. I think ...`.
func (x *extractor) markQuotations() {
	open := false
	for _, s := range x.sents {
		if s.paraStart {
			open = false
		}
		// A sentence whose first quotation mark opens one starts outside: the
		// writer left the last quotation open (`... a Muslim. He added: "...`).
		s.inQuote = open && !firstQuoteOpens(s)
		for _, t := range s.toks {
			if t.isQuote() {
				open = isOpenQuote(s.Text, t) && (!open || s.inQuote)
			}
		}
	}
}

// firstQuoteOpens reports whether the first quotation mark of s opens one.
func firstQuoteOpens(s *sentence) bool {
	for _, t := range s.toks {
		if t.isQuote() {
			return isOpenQuote(s.Text, t)
		}
	}
	return false
}

// opensWithQuote reports whether a sentence begins with a quotation mark.
func opensWithQuote(s *sentence) bool {
	return len(s.toks) > 0 && s.toks[0].isQuote() && isOpenQuote(s.Text, s.toks[0])
}

// sentenceStatements finds the statements of one sentence.
func (x *extractor) sentenceStatements(si int, s *sentence) []found {
	var out []found
	// A transcript's line ("FALLIN: I think ...") is its speaker's words, cues
	// and all.
	if f, ok := x.colonSpeaker(si, s); ok {
		return []found{f}
	}
	quoted := quotedTokens(s)
	for k := 0; k < len(s.toks); k++ {
		if quoted[k] {
			continue // a cue inside quotation marks is part of the quotation
		}
		f, ok := x.cueAt(si, s, k, out)
		if !ok || !saysSomething(f.Content) {
			continue
		}
		// Cut the previous statement's content where a coordinated one begins
		// (before its ", but").
		if n := len(out); n > 0 && out[n-1].contentEnd > f.subjStart && f.subjStart > out[n-1].contentBeg {
			end := f.subjStart
			if end-1 > out[n-1].contentBeg && (contrasts[s.toks[end-1].low] || subordinators[s.toks[end-1].low] && s.low(end-2) == ",") {
				end--
			}
			out[n-1].contentEnd = end
			out[n-1].Content = x.content(s, out[n-1].contentBeg, out[n-1].contentEnd)
		}
		out = append(out, f)
		if f.contentEnd > k {
			k = max(k, f.cue)
		}
	}
	// "according to X" attributes the sentence when nothing else does, and
	// reports a statement again when it comes after it (`"...," Sanders said,
	// according to CNN.`).
	if f, ok := x.accordingTo(si, s); ok && (len(out) == 0 || f.cue > out[len(out)-1].cue && !sameSpeakers(f.speakers, out[len(out)-1].speakers)) {
		if n := len(out); n > 0 && out[n-1].contentEnd > f.cue && f.cue > out[n-1].contentBeg {
			out[n-1].contentEnd = f.cue // the report of the words is not part of them
			out[n-1].Content = x.content(s, out[n-1].contentBeg, out[n-1].contentEnd)
		}
		out = append(out, f)
	}
	if len(out) == 0 && si == 0 {
		if f, ok := x.headlineSpeaker(s); ok {
			out = append(out, f)
		}
	}
	return out
}

// colonSpeaker reads a speaker named before a colon that opens the sentence: a
// headline ("Dara Quell: I Have No Wish To Run For Governor") or a
// transcript's line ("QUELL: And clearly, you're backing the mayor").
// Elsewhere a name and a colon may title a programme ("Nadia Harlow: The
// Quiet Years is being shown on Channel 9").
func (x *extractor) colonSpeaker(si int, s *sentence) (found, bool) {
	j := -1
	for c := 1; c < len(s.toks) && c <= 6; c++ {
		if s.toks[c].s == ":" {
			j = c
			break
		}
		if s.toks[c].kind == punct && !isDash(s.toks[c].s) && s.toks[c].s != "." {
			break
		}
	}
	if j < 0 || len(s.toks)-j < 4 {
		return found{}, false
	}
	id := -1
	quoteAfter := j+1 < len(s.toks) && s.toks[j+1].isQuote()
	m, ok := longestMentionEnding(s, j)
	if p := m.i - 1; ok && p >= 1 && prepositions[s.low(p)] && s.low(p) != "and" {
		// "Pell at the Harbour Forum:", "Pell to Farmers Union:": the
		// speaker before the preposition, not its place or audience.
		m, ok = longestMentionEnding(s, p)
	}
	if ok && (si == 0 || quoteAfter && m.i == 0) {
		// A headline, or a name and a colon before a quotation: `Clinton: "Our
		// goal is ..."`.
		switch x.actors[m.actor].Kind {
		case knowledge.Person, knowledge.Organisation, knowledge.Government:
			id = m.actor
		}
	} else if j == 1 && si == 0 && docNouns[s.low(0)] {
		// A headline's "Poll:", "Report:".
		sp, _ := x.group(s, 0, 1)
		id = sp[0]
	} else if capsRun(s, 0, j) {
		// A transcript's speaker in capitals: one known already, or a new
		// person of two names or more.
		if p, ok := x.findPerson(s, 0, j); ok {
			id = p
		} else if j >= 2 {
			id = x.person(s, 0, j)
		}
		if id >= 0 {
			x.mention(s, id, 0, j, "name")
		}
	}
	if id < 0 {
		return found{}, false
	}
	f := found{speakers: []int{id}, subjStart: 0, cue: j, contentBeg: j + 1, contentEnd: len(s.toks), rule: colonRule}
	f.Cue = "say"
	f.Sentence = s.N
	f.Content = x.content(s, f.contentBeg, f.contentEnd)
	f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
	return f, f.Content != ""
}

// nextColonRule names the rule that reads the words after a colon in the
// next sentence ("He wrote:").
const nextColonRule = "words after a colon in the next sentence"

// colonRule names the rule that reads a speaker before a colon.
const colonRule = "speaker before a colon"

// capsRun reports whether tokens i..j are words in capitals ("JAKE TAPPER"),
// not a lone letter ("Q:", "A:").
func capsRun(s *sentence, i, j int) bool {
	long := false
	for k := i; k < j; k++ {
		t := s.toks[k]
		if t.kind != word || strings.ToUpper(t.s) != t.s {
			return false
		}
		long = long || len(t.s) > 1
	}
	return long
}

// headlineSpeaker reads a headline that ends with its speaker after a dash:
// "UK rebate 'unjustified' - Chirac".
func (x *extractor) headlineSpeaker(s *sentence) (found, bool) {
	end := len(s.toks)
	for end > 0 && s.toks[end-1].kind == punct && !isDash(s.toks[end-1].s) {
		end--
	}
	m, ok := longestMentionEnding(s, end)
	if !ok || m.i < 2 || !isDash(s.toks[m.i-1].s) {
		return found{}, false
	}
	switch x.actors[m.actor].Kind {
	case knowledge.Person, knowledge.Organisation, knowledge.Government, knowledge.Country:
	default:
		return found{}, false
	}
	f := found{speakers: []int{m.actor}, subjStart: m.i, cue: m.i - 1, contentBeg: 0, contentEnd: m.i - 1, rule: "headline speaker after a dash"}
	f.Cue = "say"
	f.Sentence = s.N
	f.Content = x.content(s, f.contentBeg, f.contentEnd)
	f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
	return f, f.Content != ""
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// particleAt returns where the particle a phrasal cue at k needs stands: right
// after it, or after a manner adverb ("spoke favorably of", "talked openly
// about"); or -1.
func particleAt(s *sentence, k int, parts []string) int {
	for p := k + 1; p < len(s.toks) && p <= k+2; p++ {
		if contains(parts, s.toks[p].low) {
			return p
		}
		if !strings.HasSuffix(s.toks[p].low, "ly") || lyNouns[s.toks[p].low] {
			break
		}
	}
	return -1
}

// cueAt tries to read a statement whose cue verb is token k.
func (x *extractor) cueAt(si int, s *sentence, k int, prev []found) (found, bool) {
	t := s.toks[k]
	if t.kind != word || s.tags[k].kind == tName && !atStart(s, k) {
		return found{}, false
	}
	if c, ok := beliefAdjectives[t.low]; ok && cueForms[t.low] == "" && beliefAdjectiveAt(s, k, c) {
		// "is convinced that", "are skeptical of"
		return x.beliefAdjective(si, s, k, found{cue: k}, prev)
	}
	lemma, negatedCue, cueEnd := "", false, k+1
	form, ok := cueForms[t.low]
	part := -1
	if ok && silenceVerbs[t.low] && x.silenced(s, k) {
		ok = false // "declined to discuss it" is a silence
	}
	if parts, phrasal := cueParticles[form]; ok && phrasal {
		part = particleAt(s, k, parts)
		ok = part > 0
	}
	if ok {
		lemma = form
		if part > 0 {
			lemma += " " + s.toks[part].low
			cueEnd = part + 1
		}
		// "refused to comment" is a silence, read at its verb, and "refused to
		// be drawn" says nothing; "refuses to accept" is a stated position.
		if form == "refuse" && (k+2 >= len(s.toks) || s.toks[k+1].low != "to" || silenceVerbs[s.toks[k+2].low] || s.toks[k+2].low == "be") {
			return found{}, false
		}
	} else if silenceVerbs[t.low] && x.silenced(s, k) {
		lemma, negatedCue = t.low, true
		if t.low == "release" || t.low == "issue" || t.low == "make" || t.low == "give" || t.low == "publish" {
			if !strings.Contains(strings.ToLower(s.Text[t.end:]), "statement") && !strings.Contains(strings.ToLower(s.Text[t.end:]), "comment") {
				return found{}, false
			}
			lemma += " a statement"
		}
	} else {
		return found{}, false
	}
	if name := x.vetoed(s, k, lemma, negatedCue); name != "" {
		if f, ok := x.passiveAgent(s, k, cueEnd, lemma, name); ok {
			return f, true
		}
		x.vetoes = append(x.vetoes, name)
		return found{}, false
	}
	f := found{cue: k}
	f.Cue = lemma
	f.Sentence = s.N

	// A participle after a comma continues the last statement (", stating
	// that"), or, with none, speaks for the nearest person before it ("showed Mr
	// Varga, apparently talking about the budget, telling the crowd: ...").
	if (strings.HasSuffix(t.low, "ing") || s.low(k-1) == "having") && !negatedCue && len(prev) == 0 {
		if f, ok := x.openingParticiple(si, s, k, cueEnd, f); ok {
			return f, true
		}
	}
	if strings.HasSuffix(t.low, "ing") && !negatedCue {
		if k > 0 && (s.toks[k-1].s == "," || gerundLeads[s.low(k-1)] || messageNouns[s.low(k-1)]) || k > 1 && s.toks[k-1].isQuote() && s.toks[k-2].s == "," {
			if len(prev) > 0 {
				f.speakers, f.rule = prev[len(prev)-1].speakers, "participle continues the last statement"
			} else if sp, ok := x.mainSubject(si, s, 0, k, false); ok {
				f.speakers, f.rule = sp, "participle speaks for the main clause's subject"
			} else {
				return found{}, false
			}
			f.subjStart = k
			f.contentBeg, f.contentEnd = skipThat(s, addressee(s, lemma, cueEnd)), len(s.toks)
			f.Content = x.content(s, f.contentBeg, f.contentEnd)
			f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
			return f, f.Content != ""
		}
		if k == 0 || !auxiliaries[s.toks[k-1].low] && !pronounIs(s, k-1) && !aspectVerbs[s.low(k-1)] {
			return found{}, false
		}
	}

	// The subject, left of the cue; a manner adverb may stand right before
	// an inflected cue and after its subject ("Lind bluntly suggested"), not
	// before a participle or base, nor inside a verb group or relative
	// clause ("who has successfully argued").
	l := k - 1
	inflected := !strings.HasSuffix(t.low, "ing") && t.low != lemma
	for l >= 0 {
		low := s.toks[l].low
		switch {
		case low == "to" && l > 0 && toLeads[s.low(l-1)]:
			l -= 2 // "continued to insist", "went on to say"
			if l >= 0 && s.low(l) == "went" || l >= 0 && s.low(l) == "goes" {
				l--
			}
			continue
		case aspectVerbs[low] && l == k-1 && strings.HasSuffix(t.low, "ing"):
			l-- // "began talking about", "kept saying"
			continue
		case low == "to" && l > 0 && lexicon.ReportsWords(lemma) && raisingAt(s, l-1) >= 0:
			l = raisingAt(s, l-1) // "are quick to point out", "seemed to confirm"
			continue
		case auxiliaries[low] && !inMention(s, l) || adverbAt(s, l) && inflected && l == k-1 && l > 0 && (s.toks[l-1].cap || groupHeads[s.low(l-1)]) || pronounIs(s, l) || low == "to" && l > 0 && silenceLeads[s.toks[l-1].low] || silenceLeads[low] && negatedCue:
			if negation(low) {
				f.Negated = true
			}
			l--
			continue
		case l > 0 && (months[low] > 0 || weekdays[low] || isYearAt(s.toks, l)) && timePreps[s.toks[l-1].low]:
			l -= 2 // "Ivo Grant in July said"
			continue
		case l > 0 && relativeUnits[low] && (s.toks[l-1].low == "this" || s.toks[l-1].low == "last"):
			l -= 2 // "the report this week said"
			continue
		case l > 0 && low == "." && (s.low(l-1) == "jr" || s.low(l-1) == "sr") && !inMention(s, l):
			l-- // the dot of "Joseph R. Biden Jr."
			continue
		case l > 0 && (low == "jr" || low == "sr") && !mentionEndsAt(s, l+1):
			l-- // "Joseph R. Biden Jr." when the name's mention stops before "Jr."
			continue
		case isDash(low):
			// A dash-delimited parenthesis: "The justice -- who has been in a
			// scuffle with him -- said".
			q := l // "--" may be two tokens
			for q > 0 && isDash(s.toks[q-1].s) {
				q--
			}
			o := q - 1
			for o >= 0 && !isDash(s.toks[o].s) && q-o < 30 {
				o--
			}
			for o > 0 && isDash(s.toks[o-1].s) {
				o--
			}
			if o > 0 && isDash(s.toks[o].s) {
				l = o - 1
				continue
			}
		case low == ")":
			// A parenthesis after the subject: "Pell (who has 40 delegates)
			// said", "Rep. Jim Smith (R-Texas) said".
			o := l - 1
			for o >= 0 && s.toks[o].s != "(" && l-o < 20 {
				o--
			}
			if o > 0 && s.toks[o].s == "(" {
				l = o - 1
				continue
			}
		}
		break
	}
	if negatedCue {
		f.Negated = true
	}
	// Coordination with an earlier statement of the sentence: "but claims".
	if l > 0 && (s.toks[l].low == "but" || s.toks[l].low == "and") && len(prev) == 0 && !negatedCue &&
		(pastTense(t.low) || strings.HasSuffix(t.low, "s") && (s.toks[l].low == "but" || s.posAt(k) == postag.VBZ)) {
		// A verb coordinated with its clause's: "The clerk scratched her head,
		// and then said", "Pell praised Osk and said", "when Varga spotted a
		// poster and asked"; a past tense, since "speeches and promises" are nouns.
		if sp, ok := x.mainSubject(si, s, clauseStart(s, l), l, true); ok {
			f.speakers, f.rule = sp, "coordinated with the main clause's verb"
			f.subjStart = l
			f.contentBeg, f.contentEnd = skipThat(s, addressee(s, lemma, cueEnd)), len(s.toks)
			f.Content = x.content(s, f.contentBeg, f.contentEnd)
			f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
			return f, f.Content != ""
		}
	}
	if l >= 0 && (s.toks[l].low == "but" || s.toks[l].low == "and") && len(prev) > 0 {
		f.speakers, f.rule = prev[len(prev)-1].speakers, "coordinated with the last statement"
		f.subjStart = l
		f.contentBeg, f.contentEnd = skipThat(s, cueEnd), len(s.toks)
		f.Content = x.content(s, f.contentBeg, f.contentEnd)
		return f, f.Content != ""
	}
	// Commas between subject and verb: a name after a description ("the
	// world's largest delivery company, UPS, said"), or parentheses to skip
	// (", however,", an appositive, "Mr Reyes, 32, from Leeds, Yorkshire, said").
	if l >= 0 && s.toks[l].s == "," {
		if m, ok := x.chainSubject(s, l); ok {
			l = m.j - 1
		}
	}
	for n := 0; n < 4 && l >= 0 && s.toks[l].s == ","; n++ {
		c := prevComma(s, l)
		if c < 0 {
			break
		}
		// The segment is itself a name, or ends a person's description and name
		// ("its chief executive, John Smith, said").
		if m, ok := longestMentionEnding(s, l); ok && x.actors[m.actor].Kind != knowledge.Country &&
			(m.i == c+1 || m.i < c+1 && x.actors[m.actor].Kind == knowledge.Person) {
			l = m.j - 1
			break
		}
		limit := 18
		if c+1 < l && (s.toks[c+1].low == "who" || s.toks[c+1].low == "which") {
			limit = 30
		}
		if l-c > limit {
			break
		}
		l = c - 1
		for l >= 0 && auxiliaries[s.toks[l].low] {
			l--
		}
		if _, ok := longestMentionEnding(s, l+1); ok {
			break
		}
	}
	// Inside a previous statement's words, a cue reports nested speech: skip it,
	// unless a contrast opens a clause of its own ("critics say X, but
	// advocates say Y").
	if len(prev) > 0 {
		p := prev[len(prev)-1]
		if k > p.contentBeg && k < p.contentEnd && (x.parentheticalPronoun(s, p, k) ||
			!contrastBefore(s, k, p.contentBeg) && !closingCue(s, k) && !afterSubordinate(s, p, k) && !semicolonBetween(s, p.contentBeg, k) && !subordinateAt(s, p.contentBeg, k)) {
			return found{}, false
		}
	}
	if l >= 0 {
		x.why = ""
		if sp, start := x.subjectEndingAt(si, s, l); len(sp) > 0 {
			f.speakers, f.subjStart = sp, start
			f.rule = "subject before the cue: " + x.why
			x.fillContent(s, &f, cueEnd)
			if s.toks[l].low == "who" || s.toks[l].low == "which" {
				x.endRelative(s, &f)
			}
			if len(s.toks) > 0 && s.toks[len(s.toks)-1].s == ":" && si+1 < len(x.sents) && (f.Content == "" || opensWithQuote(x.sents[si+1])) {
				// "He said:" and the words in the next sentence; "CNN noted the
				// sparse attendance:" and the quotation that shows it.
				next := trimContent(x.sents[si+1].Text)
				if f.Content != "" {
					next = f.Content + ": " + next
				}
				f.Content = next
				f.rule = nextColonRule + ": " + x.why
			}
			if f.Content == "" && f.subjStart == 0 && si > 0 && endsWithQuote(x.sents[si-1]) {
				// `"... small hands?" Trump said.` split after the question
				// mark: the words are the quotation before.
				f.Content, f.Direct, f.quoteBefore = trimContent(x.sents[si-1].Text), true, true
				f.rule = "reporting clause after a quotation: " + x.why
			}
			return f, f.Content != ""
		}
	}
	// The subject after the cue: `"...," said X.` or `..., said X`.
	if negatedCue {
		return found{}, false
	}
	if k == 0 {
		// Opening the sentence: "Said Edna Marsh, who grew up with him,
		// "We all looked up to him."", "Stated Osk:".
		if !pastTense(t.low) || lemma == "tell" {
			return found{}, false
		}
		sp, end := x.subjectStartingAt(s, cueEnd)
		if len(sp) == 0 {
			return found{}, false
		}
		f.speakers, f.subjStart, f.rule = sp, 0, "subject after the cue opening the sentence"
		c := end
		for c < len(s.toks) && !(s.toks[c].s == ":" || s.toks[c].isQuote() && isOpenQuote(s.Text, s.toks[c])) && c-end < 25 {
			c++ // past an appositive to the words
		}
		if c >= len(s.toks) || c-end >= 25 {
			c = end
		}
		f.contentBeg, f.contentEnd = skipThat(s, c), len(s.toks)
		f.Content = x.content(s, f.contentBeg, f.contentEnd)
		f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
		return f, f.Content != ""
	}
	if pt := s.toks[k-1]; (pt.s == "," || pt.isQuote()) && lemma != "tell" && (invertingCues[lemma] || afterQuestion(s, k)) {
		if sp, end := x.subjectStartingAt(s, cueEnd); len(sp) > 0 {
			f.speakers, f.subjStart, f.rule = sp, k, "subject after the cue"
			f.contentBeg, f.contentEnd = 0, k-1
			if pt.isQuote() && k >= 2 && s.toks[k-2].s == "," {
				f.contentEnd = k - 1
			}
			_ = end
			f.Content = x.content(s, f.contentBeg, f.contentEnd)
			f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
			return f, f.Content != ""
		}
	}
	return found{}, false
}

// invertingCues are the cue verbs that may stand before their subject after
// the words they report (`"...," said Ann Pell`, `..., added the minister`);
// others after a comma have their object there, unless a quoted question
// stands before them (afterQuestion) ("Ann Pell, a lawyer, thanked
// the judge", "..., reminded his staff").
var invertingCues = set("say", "add", "write", "recall", "declare", "reply", "predict",
	"note", "explain", "continue", "insist", "argue", "warn", "report", "acknowledge",
	"concede", "admit", "agree", "respond", "answer", "observe", "quip", "joke",
	"exclaim", "counter", "retort", "complain", "suggest", "state", "comment",
	"remark", "conclude", "announce", "confirm", "claim", "assert", "contend",
	"maintain", "stress", "emphasize", "caution", "boast", "muse", "wonder", "tweet")

// afterQuestion reports whether the cue at k follows a quoted question or
// exclamation, which any cue may report before its subject (`"Why?" asked
// Pell`).
func afterQuestion(s *sentence, k int) bool {
	return k >= 2 && s.toks[k-1].isQuote() && (s.toks[k-2].s == "?" || s.toks[k-2].s == "!")
}

// mainSubject finds who a participle at token k (", saying ...") speaks for:
// the subject of the clause it hangs on, which is the first actor named before
// it, past a lead-in phrase, outside quotation marks and not after a
// preposition or as a possessive ("Ann Pell unloaded on Rivers, accusing
// ...": Pell), or a personal pronoun. When a description opens the clause,
// described asks for it ("The panel dismissed his appeal and said"); else
// the participle speaks for the nearest person before it ("The documentary
// showed Mr Osk ..., telling the meeting"). A dateline opening the
// sentence is no subject ("OSLO (AP) —").
func (x *extractor) mainSubject(si int, s *sentence, from, k int, described bool) ([]int, bool) {
	if from == 0 {
		from = pastDateline(s)
	}
	if sp, ok := x.verbSubject(si, s, from, k, described); ok {
		return sp, true
	}
	quoted := quotedTokens(s)
	for p := from; p < k; p++ {
		if quoted[p] || s.toks[p].kind != word || p > 0 && prepositions[s.toks[p-1].low] && s.toks[p-1].low != "and" {
			continue
		}
		// A lead-in phrase ("But in a chat with the Gazette, Ms Harlow ...",
		// "Facing criticism from Democrats, Mr. Trump ...") ends at its
		// comma, unless that comma is the participle's own.
		if (p == from || s.toks[p-1].s == "," || isDash(s.toks[p-1].s) || p == from+1 && contrasts[s.toks[from].low]) && leadInAt(s, p) {
			c := p + 1
			for c < k && s.toks[c].s != "," {
				c++
			}
			if c < k-1 {
				p = c
				continue
			}
		}
		if m, ok := widestMentionStarting(s, p); ok {
			if m.j < len(s.toks) && (s.toks[m.j].low == "'s" || s.toks[m.j].s == "'" || s.toks[m.j].s == "’") {
				// "Ann Pell's office slammed the suit, calling it ...": the
				// description the possessive opens speaks.
				if h, ok := clauseHeadAfter(s, m.j+1, k); ok && !s.toks[h].cap && opensClause(s, m.i) {
					sp, _ := x.group(s, m.i, h+1)
					return sp, true
				}
				p = m.j
				continue
			}
			return []int{m.actor}, true
		}
		if personPronouns[s.toks[p].low] {
			if id, ok := x.lastPerson(si, s, p); ok {
				x.mention(s, id, p, p+1, "pronoun")
				return []int{id}, true
			}
			return nil, false
		}
		if descriptionLeads[s.toks[p].low] {
			// The description up to the first verb: "The panel dismissed his
			// appeal and said", "One clerk at a shipping firm declined ...,
			// saying".
			head := -1
			for h := p + 1; h+1 < k && h <= p+5; h++ {
				if (describedAt(s, h) || groupHeads[s.low(h)] || s.tags[h].kind == tRole) && verbAfterHead(s, h) {
					head = h
					break
				}
			}
			// For a participle, a person named later wins over a thing ("The
			// film showed Mr Osk ..., telling"), but not over people.
			if head >= 0 && (described || s.tags[head].kind == tRole || groupHeads[s.low(head)] || orgNouns[s.low(head)] ||
				lexicon.IsAgentNoun(s.low(head)) || namedWithin(s, p+1, head)) {
				sp, _ := x.unnamed(s, head, nil)
				return sp, len(sp) > 0
			}
			if described {
				return nil, false
			}
			break
		}
	}
	if id, ok := x.personBefore(s, k); ok {
		return []int{id}, true
	}
	return nil, false
}

// verbSubject reads the subject of the clause a participle or coordinated
// verb at token k hangs on from the clause's own verb: the first finite verb
// after from (past a lead-in phrase, outside quotation marks),
// and the noun phrase right before it, read by the subject rules ("Ann Pell's
// aide rallied supporters, saying": the aide, not a name inside the lead-in
// or the object). A description of a thing gives way to mainSubject's search
// for a person unless described asks for it.
func (x *extractor) verbSubject(si int, s *sentence, from, k int, described bool) ([]int, bool) {
	quoted := quotedTokens(s)
	p := from
	if p < k && s.toks[p].kind == word && (leadInAt(s, p) || p+1 < k && contrasts[s.low(p)] && leadInAt(s, p+1)) {
		c := p + 1
		for c < k && s.toks[c].s != "," {
			c++
		}
		if c >= k-1 {
			return nil, false
		}
		p = c + 1
	}
	start := p
	for ; p < k; p++ {
		t := s.toks[p]
		if quoted[p] || t.kind != word || t.cap && p > start || t.low == "'s" && !pronounIs(s, p) || !s.posAt(p).Finite() {
			continue
		}
		if c := nextComma(s, p, k); c > 0 && subordinateSince(s, start, p) {
			// "A week after the vote failed, Pell spoke ...", "Ann Pell, a
			// lawyer who is also ..., walked off": not the main clause's verb.
			p, start = c, c+1
			continue
		}
		l := p - 1
		for l >= start && (auxiliaries[s.low(l)] || adverbAt(s, l) || negation(s.low(l))) {
			l--
		}
		if l < start || s.toks[l].kind != word && s.toks[l].s != "%" && s.toks[l].s != ")" {
			return nil, false
		}
		h := s.low(l)
		if h == "it" && beForms[s.low(l+1)] {
			return nil, false // "It may be that ..., after meeting": nobody
		}
		if !described && !s.toks[l].cap && !personPronouns[h] && !groupPronouns[h] && h != "who" && h != "which" &&
			s.tags[l].kind != tRole && !groupHeads[h] && !orgNouns[h] && !lexicon.IsAgentNoun(h) {
			return nil, false // "The film showed Mr Osk ..., telling"
		}
		x.why = ""
		sp, _ := x.subjectEndingAt(si, s, l)
		return sp, len(sp) > 0
	}
	return nil, false
}

// nextComma returns the first comma after token p and before token k, or -1.
func nextComma(s *sentence, p, k int) int {
	for c := p + 1; c < k; c++ {
		if s.toks[c].s == "," {
			return c
		}
	}
	return -1
}

// subordinateSince reports whether a subordinator or relative pronoun opens
// a clause between the last comma before token p and p, so that the verb at p
// is that clause's ("after the vote failed", "a lawyer who is").
func subordinateSince(s *sentence, start, p int) bool {
	for q := p - 1; q >= start && s.toks[q].s != ","; q-- {
		if low := s.low(q); subordinators[low] || low == "who" || low == "which" || low == "whose" {
			return true
		}
	}
	return false
}

// pastDateline returns where a sentence starts past a news agency's dateline
// ("WASHINGTON (AP) —", "LONDON, May 3 (Reuters) -"), or 0.
func pastDateline(s *sentence) int {
	for p := 1; p < len(s.toks) && p < 12; p++ {
		if isDash(s.toks[p].s) && s.toks[p-1].s == ")" {
			for p+1 < len(s.toks) && isDash(s.toks[p+1].s) {
				p++
			}
			return p + 1
		}
	}
	return 0
}

// inMention reports whether token l lies inside a mention of an actor (the
// "Today" of "USA Today" is a name's, not an adverb).
func inMention(s *sentence, l int) bool {
	for _, m := range s.mentions {
		if m.i <= l && l < m.j {
			return true
		}
	}
	return false
}

// namedWithin reports whether an actor is named inside tokens i..j, as a
// description's modifier that it speaks for ("the Pell campaign").
func namedWithin(s *sentence, i, j int) bool {
	for _, m := range s.mentions {
		if m.i >= i && m.j <= j {
			return true
		}
	}
	return false
}

// leadInAt reports whether token p opens a lead-in phrase before a clause's
// subject: a preposition, a subordinator, a word of time, or a participle
// ("Facing criticism from Democrats, ...", "Courted by most candidates, ...").
func leadInAt(s *sentence, p int) bool {
	t := s.toks[p]
	if prepositions[t.low] || subordinators[t.low] || timeLeads[t.low] {
		return true
	}
	return t.kind == word && (s.tags[p].kind == tNone || atStart(s, p)) && len(t.low) > 4 && (strings.HasSuffix(t.low, "ing") || strings.HasSuffix(t.low, "ed"))
}

// verbAfterHead reports whether the noun at token h is followed by what may be
// its clause's verb: a comma, an auxiliary or preposition, or a past tense
// ("The mayor made it plain").
func verbAfterHead(s *sentence, h int) bool {
	if h+1 >= len(s.toks) {
		return false
	}
	next := s.toks[h+1]
	return next.s == "," || auxiliaries[next.low] || prepositions[next.low] ||
		!next.cap && (strings.HasSuffix(next.low, "ed") || cueForms[next.low] != "" || lexicon.Irregular(next.low) != "")
}

// clauseHeadAfter finds the head noun of a description starting at token i
// (after a possessive: "[Ann Pell's] office", "right-hand woman"), at most
// three words, followed by its verb before token k.
func clauseHeadAfter(s *sentence, i, k int) (int, bool) {
	for h := i; h < k-1 && h < i+3; h++ {
		t := s.toks[h]
		if t.kind != word && t.s != "-" || cueForms[t.low] != "" && s.tags[h].kind == tNone {
			return 0, false
		}
		if t.kind == word && verbAfterHead(s, h) && s.toks[h+1].s != "," {
			return h, true
		}
	}
	return 0, false
}

// clauseStart returns where the clause holding token l starts: after the last
// subordinator or semicolon before it ("..., when Varga spotted a poster and
// asked"), else 0.
func clauseStart(s *sentence, l int) int {
	for p := l - 2; p > 0; p-- {
		if low := s.toks[p].low; subordinators[low] || low == ";" || low == ":" {
			return p + 1
		}
	}
	return 0
}

// pastTense reports whether a cue form is a past tense: "said", "asked".
func pastTense(low string) bool {
	return strings.HasSuffix(low, "ed") || low == "said" || low == "told" || low == "wrote" || low == "thought"
}

// messageNouns carry words for whoever sent them: "issued a statement
// saying", "posted a message reading".
var messageNouns = set("statement", "statements", "letter", "message", "email", "e-mail",
	"tweet", "tweets", "post", "memo", "note", "ad", "advert", "video", "release")

// toLeads stand before "to" and a cue whose subject is theirs: "continued to
// insist", "went on to say".
var toLeads = set("continued", "continues", "began", "begins", "proceeded", "on", "tried", "moved")

// gerundLeads put a gerund cue under the main clause: "by saying", "while
// insisting".
var gerundLeads = set("by", "while", "after", "before", "without", "when")

// timeLeads open a lead-in phrase of time: "Last spring, when we asked ...,".
var timeLeads = set("last", "this", "next", "earlier", "later", "yesterday", "today",
	"recently", "meanwhile", "however", "still", "then", "now", "also")

// subordinators open a lead-in clause: "When he arrived, ...".
var subordinators = set("when", "while", "after", "before", "as", "if", "although",
	"though", "because", "since", "once", "until", "whereas")

// widestMentionStarting returns the widest mention starting at token i.
func widestMentionStarting(s *sentence, i int) (mention, bool) {
	best, ok := mention{}, false
	for _, m := range s.mentions {
		if m.i == i && (!ok || m.j > best.j) {
			best, ok = m, true
		}
	}
	return best, ok
}

// personBefore returns the nearest named person mentioned before token k.
func (x *extractor) personBefore(s *sentence, k int) (int, bool) {
	best, bestEnd := -1, -1
	for _, m := range s.mentions {
		a := x.actors[m.actor]
		if m.j <= k && a.Kind == knowledge.Person && strings.HasPrefix(a.Key, "person:") && m.j > bestEnd {
			best, bestEnd = m.actor, m.j
		}
	}
	return best, best >= 0
}

// silenced reports whether the verb at k follows "yet to", "declined to", "did
// not" and the like.
func (x *extractor) silenced(s *sentence, k int) bool {
	if k >= 2 && s.toks[k-1].low == "to" && silenceLeads[s.toks[k-2].low] {
		return true
	}
	aux := ""
	if base := negContractions[s.low(k-1)]; base != "" {
		aux = base // "didn't comment"
	} else if k >= 2 && (s.toks[k-1].low == "not" || s.toks[k-1].low == "n't") {
		aux = s.toks[k-2].low
	}
	if aux != "" {
		switch aux {
		case "did", "does", "do", "has", "have", "had", "would", "could", "will", "can":
			return s.toks[k].low != "say" && s.toks[k].low != "confirm" // those are cues already
		}
	}
	return false
}

// chainSubject reads a chain of comma-separated descriptions ending at the comma
// l, before a verb: "Mr Reyes, 32, from Leeds, Yorkshire, said". The subject
// is the first named actor, other than a place, that ends right before one of
// the chain's commas, when the chain starts at a clause boundary.
func (x *extractor) chainSubject(s *sentence, l int) (mention, bool) {
	var commas []int
	for c := l; c >= 0 && l-c <= 30; c-- {
		t := s.toks[c]
		if t.s == ";" || t.s == ":" || t.isQuote() || finiteCue(s, c) {
			break
		}
		if t.s == "," {
			commas = append(commas, c)
		}
	}
	if len(commas) < 3 {
		return mention{}, false // one parenthesis: the loop below handles it
	}
	for i := len(commas) - 1; i >= 0; i-- {
		m, ok := longestMentionEnding(s, commas[i])
		if ok && x.actors[m.actor].Kind != knowledge.Country && x.actors[m.actor].Kind != knowledge.Government && !leadInSegment(s, commas, i) {
			return m, true
		}
	}
	return mention{}, false
}

// leadInSegment reports whether the segment ending at commas[i] (which are in
// reverse order) is a lead-in phrase, not a name: "Shaken by the riots in
// Idaho, Senator Mara Linde, the majority whip, said".
func leadInSegment(s *sentence, commas []int, i int) bool {
	start := 0
	if i+1 < len(commas) {
		start = commas[i+1] + 1
	}
	if start >= len(s.toks) {
		return false
	}
	t := s.toks[start]
	return prepositions[t.low] && t.low != "and" || subordinators[t.low] ||
		t.kind == word && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")) && s.tags[start].kind == tNone
}

// prevComma returns the comma before token l that opens a parenthesis, or -1.
func prevComma(s *sentence, l int) int {
	for c := l - 1; c >= 0; c-- {
		switch s.toks[c].s {
		case ",":
			return c
		case ";", ":", "(", ")":
			return -1
		}
		// A cue ends the search, unless a relative clause holds it ("Ivo
		// Grant, who backs the plan, said", "Mr Reyes, who insists he is not
		// angry, said").
		if finiteCue(s, c) && !inRelative(s, c) {
			return -1
		}
	}
	return -1
}

// inRelative reports whether token c lies in a relative clause opened by "who"
// or "which" after the last comma before it.
func inRelative(s *sentence, c int) bool {
	for p := c - 1; p >= 0 && s.toks[p].s != ","; p-- {
		// ", who backs the plan,", or a restrictive one inside an
		// appositive: ", a voter who called herself undecided,".
		if low := s.toks[p].low; (low == "who" || low == "which") && p > 0 {
			return true
		}
	}
	return false
}

// finiteCue reports whether token k is a cue verb that is not a participle or
// gerund ("thinking" in "New Labour thinking" is a noun).
func finiteCue(s *sentence, k int) bool {
	low := s.toks[k].low
	if k > 0 && determiners[s.toks[k-1].low] && s.toks[k-1].low != "that" {
		return false // "his plans"
	}
	if nounForms[low] && s.low(k+1) != "that" && s.low(k+1) != ":" {
		return false // "state corporate records"
	}
	if strings.HasSuffix(low, "ed") && beForms[s.low(k-1)] {
		return false // a passive: "whose blueprint is expected to be published"
	}
	return cueForms[low] != "" && s.tags[k].kind == tNone && !strings.HasSuffix(low, "ing")
}

// skipThat moves past "that", a colon or a comma opening reported content.
func skipThat(s *sentence, k int) int {
	for k < len(s.toks) && (s.toks[k].low == "that" || s.toks[k].s == ":" || s.toks[k].s == ",") {
		k++
	}
	return k
}

// addressee skips who a cue addresses: "told the meeting: ...", "told
// reporters in Brussels that ...": the words start after it.
func addressee(s *sentence, cue string, cueEnd int) int {
	for k := cueEnd; k < len(s.toks) && k < cueEnd+8; k++ {
		// "said to reporters that", "claimed in the Courier that"; but
		// "refuses to accept Peru's denials that ..." states a position whose
		// words start at "to".
		if s.toks[k].s == ":" || s.toks[k].low == "that" && k > cueEnd && (cue == "tell" || s.toks[cueEnd].low == "to" && cue != "refuse" || k > cueEnd+1 && whenWhere[s.toks[cueEnd].low]) {
			return k
		}
		if s.toks[k].isQuote() || s.toks[k].s == "," || finiteCue(s, k) {
			break
		}
	}
	if cue == "tell" {
		return toldWhom(s, cueEnd)
	}
	return cueEnd
}

// hasThatOrColon reports whether "that" or a colon follows token k.
func hasThatOrColon(s *sentence, k int) bool {
	for ; k < len(s.toks); k++ {
		if s.toks[k].low == "that" || s.toks[k].s == ":" {
			return true
		}
	}
	return false
}

// whenWhere open a phrase that may stand between a cue and "that": "claimed
// in the Observer that", "said on Monday that".
var whenWhere = set("in", "on", "at", "during", "after", "before", "earlier", "later", "last", "this")

// addresseeHeads end the phrase naming whom someone told: "told Harbour Radio 2's
// Morning programme the deal had ...", "told reporters the plan ..."; so does
// the name of an organisation or a person ("told the Courier his ...").
var addresseeHeads = set("programme", "program", "website", "committee", "conference",
	"newspaper", "paper", "reporters", "journalists", "mps", "peers", "commons", "lords",
	"parliament", "them", "him", "her", "us", "me", "you", "audience", "meeting",
	"delegates", "crowd", "supporters", "radio", "television", "tv", "station", "agency",
	"channel", "show", "briefing", "summit", "congress", "senate", "assembly", "members",
	"colleagues", "activists", "students", "magazine", "interviewer")

// addresseeHead reports whether token k may end whom someone told.
func addresseeHead(s *sentence, k int) bool {
	kind := s.tags[k].kind
	return addresseeHeads[s.toks[k].low] || kind == tOrg || kind == tGov || kind == tName
}

// addresseeEnd returns where the addressee whose first head is at h ends: after
// the last head reached through names, figures, possessives and at most one
// other word ("Harbour Radio 2's Morning programme", "a Senate budget committee").
func addresseeEnd(s *sentence, h, limit int) int {
	end, other := h+1, 0
	for j := h + 1; j < len(s.toks) && j < limit; j++ {
		t := s.toks[j]
		switch {
		case addresseeHead(s, j):
			end, other = j+1, 0
		case t.cap || t.low == "'s" || t.low == "'" || t.kind == num:
		case t.kind == word && other == 0 && !determiners[t.low] && !countStop[t.low]:
			other++
		default:
			return end
		}
	}
	return end
}

// toldWhom skips whom a "told" addresses when no "that" or colon marks where
// the words start: the words start after the first addressee head within a
// few words, and after a place that follows it ("told his news conference in
// Downing Street"), or right after the cue when there is none.
func toldWhom(s *sentence, cueEnd int) int {
	for k := cueEnd; k < len(s.toks) && k < cueEnd+8; k++ {
		t := s.toks[k]
		if t.isQuote() || t.kind == punct && t.s != "'" && t.s != "’" {
			break
		}
		if !addresseeHead(s, k) {
			continue
		}
		k = addresseeEnd(s, k, cueEnd+8)
		if k+1 < len(s.toks) && (s.toks[k].low == "in" || s.toks[k].low == "at") && s.toks[k+1].cap {
			for k++; k < len(s.toks) && s.toks[k].cap; k++ {
			}
		}
		if k < len(s.toks) && prepositions[s.toks[k].low] {
			return cueEnd // "told the committee on Export Controls": no words follow
		}
		return k
	}
	return cueEnd
}

// closingCue reports whether the cue at k closes its sentence after its
// subject, which a comma opens: `..., the Times reported.`, `..., The Post
// reported last week.`: a report of the statement before, not a part of it.
func closingCue(s *sentence, k int) bool {
	words := 0
	for t := k + 1; t < len(s.toks); t++ {
		if s.toks[t].low == "that" || s.toks[t].isQuote() || s.toks[t].s == ":" {
			return false
		}
		if s.toks[t].kind != punct {
			words++
		}
	}
	if words > 3 {
		return false
	}
	for p := k - 1; p >= 0 && k-p <= 6; p-- {
		if s.toks[p].s == "," {
			// The subject follows the comma; a relative clause is no report:
			// "backs the treaty, which he calls fair".
			return p+1 < k && !relatives[s.toks[p+1].low]
		}
		if s.toks[p].kind == punct && !s.toks[p].isQuote() || cueForms[s.low(p)] != "" {
			return false // "said he expected a vote": the words of "said"
		}
	}
	return false
}

// relatives open a relative clause.
var relatives = set("which", "who", "whom", "whose", "that", "where", "when")

// sameSpeakers reports whether two statements have the same speakers.
func sameSpeakers(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// contrasts open a clause that answers the one before: ", but advocates say".
var contrasts = set("but", "whereas", "while")

// contrastBefore reports whether "but" (or another contrast) stands within
// a few words before the cue at k, after from.
func contrastBefore(s *sentence, k, from int) bool {
	for c := k - 1; c > from && c >= k-6; c-- {
		if contrasts[s.toks[c].low] {
			return true
		}
		if s.toks[c].kind == punct {
			return false
		}
	}
	return false
}

// afterSubordinate reports whether the cue at k opens a main clause after
// a subordinate one that holds the statement p ("While some aides say she
// is worn out, others say she has never felt better"): p's subject follows
// a subordinator, and a comma stands between p's words and k's subject.
func afterSubordinate(s *sentence, p found, k int) bool {
	if p.subjStart == 0 || !subordinators[s.low(p.subjStart-1)] {
		return false
	}
	for c := k - 1; c > p.contentBeg && k-c <= 5; c-- {
		if s.toks[c].s == "," {
			return c+1 < k && !relatives[s.low(c+1)]
		}
		if s.toks[c].kind == punct || cueForms[s.low(c)] != "" && c < k-1 {
			return false
		}
	}
	return false
}

// subordinateAt reports whether the cue at k heads a subordinate clause set
// after a comma in earlier words ("Most voters say she is fair, as few
// did in May"): a clause of its own, with its own speaker.
func subordinateAt(s *sentence, a, k int) bool {
	for c := k - 1; c > a+1 && k-c <= 5; c-- {
		if subordinators[s.low(c)] && s.toks[c-1].s == "," {
			return c+1 < k
		}
		if s.toks[c].kind != word {
			return false
		}
	}
	return false
}

// semicolonBetween reports whether a semicolon outside quotation marks
// stands between tokens a and k: a clause of its own begins ("...; 26
// percent of Democrats say ...").
func semicolonBetween(s *sentence, a, k int) bool {
	quoted := quotedTokens(s)
	for c := a; c < k; c++ {
		if s.toks[c].s == ";" && !quoted[c] {
			return true
		}
	}
	return false
}

// parentheticalPronoun reads a reporting clause set in the words of the
// statement p by the same speaker ("Okafor said the cut was fair, and
// overdue, she said, given ..."): it records the pronoun as a mention of p's
// speaker, when its sex agrees, and reports whether it did.
func (x *extractor) parentheticalPronoun(s *sentence, p found, k int) bool {
	if k < 2 || len(p.speakers) != 1 || !personPronouns[s.low(k-1)] || s.toks[k-2].s != "," || s.low(k+1) != "," {
		return false
	}
	id := p.speakers[0]
	if want, g := pronounSex[s.low(k-1)], x.sexOf(id); x.actors[id].Kind != knowledge.Person || g.known() && g != want {
		return false
	}
	x.mention(s, id, k-1, k, "pronoun")
	return true
}

// endRelative ends the words of a cue in a relative clause where the clause
// closes: "Ivo Grant, who backs the treaty, said he ...": "said"
// is the main verb, not part of what he backs.
func (x *extractor) endRelative(s *sentence, f *found) {
	quoted := quotedTokens(s)
	for c := f.contentBeg; c+1 < f.contentEnd; c++ {
		if s.toks[c].s != "," || quoted[c] {
			continue
		}
		n := c + 1
		for n < f.contentEnd && (auxiliaries[s.toks[n].low] || s.toks[n].low == "also") {
			n++
		}
		if n < f.contentEnd && finiteCue(s, n) {
			f.contentEnd = c
			f.Content = x.content(s, f.contentBeg, f.contentEnd)
			return
		}
	}
}

// fillContent sets a left-subject statement's content: what follows the cue, or,
// when the subject closes the sentence (`"...," he said.`), what precedes it.
func (x *extractor) fillContent(s *sentence, f *found, cueEnd int) {
	cueEnd = addressee(s, f.Cue, cueEnd)
	after := skipThat(s, cueEnd)
	rest := 0
	for t := after; t < len(s.toks); t++ {
		if s.toks[t].kind != punct {
			rest++
		}
	}
	before := f.subjStart
	// Words before the subject are what was said when little follows the cue,
	// or, after a quotation, only where or when (`"...," he said during his
	// speech in London`).
	b := before
	if b > 1 && s.toks[b-1].s == "." && honorifics[s.toks[b-2].low] {
		b-- // the dot of "Mr."
	}
	if b > 0 && (honorifics[s.toks[b-1].low] || s.toks[b-1].low == "the") {
		b-- // "Mr" or "the" before the name
	}
	if b > 1 && s.toks[b-1].low == "'s" {
		if m, ok := longestMentionEnding(s, b-1); ok {
			b = m.i // "Twitter's Adam Sharp"
		}
	}
	b = quotedReportStart(s, b)
	before = b
	quoteBefore := b > 0 && s.toks[b-1].isQuote() || b > 1 && s.toks[b-1].s == "," && s.toks[b-2].isQuote()
	// Little after the cue: the words are before the subject (`The talks
	// failed, he said on Monday.`), unless what follows is a clause of its own
	// ("they also say he is different").
	first := ""
	if after < len(s.toks) {
		first = s.low(after)
	}
	clauseAfter := personPronouns[first] || groupPronouns[first] || first == "i"
	trailing := rest <= 2 || rest <= 4 && !clauseAfter || s.toks[after-1].s == "," ||
		quoteBefore && after < len(s.toks) && (prepositions[s.toks[after].low] || whenWhere[s.toks[after].low]) && s.toks[after].low != "and"
	// A lead-in of a word or two ("However,", "In Brussels,") is not speech.
	words := 0
	for t := 0; t < before; t++ {
		if s.toks[t].kind != punct {
			words++
		}
	}
	// A quotation right after the cue is what was said (`On ABC Tuesday, Trump
	// said, "I never ..."`); one opening later, after a quotation before the
	// subject, continues it (`"It is good," he said. "I will say ..."`).
	if after < len(s.toks) && s.toks[after].isQuote() && isOpenQuote(s.Text, s.toks[after]) && !quoteBefore {
		trailing = false
	}
	second := -1
	for q := after; quoteBefore && q < len(s.toks); q++ {
		if s.toks[q].isQuote() && isOpenQuote(s.Text, s.toks[q]) {
			second = q
			break
		}
	}
	// After a quotation, "told" is followed by whom and where, not by words
	// (`"...," Lind told the Gazette in an interview.`).
	if quoteBefore && f.Cue == "tell" && second < 0 && !hasThatOrColon(s, after) {
		trailing = true
	}
	if before > 0 && (s.toks[before-1].s == "," || s.toks[before-1].isQuote()) && trailing && (quoteBefore || words > 2) {
		f.contentBeg, f.contentEnd = 0, before-1
		if s.toks[before-1].isQuote() && before >= 2 && s.toks[before-2].s == "," {
			f.contentEnd = before - 1
		}
		if !quoteBefore && s.toks[before-1].s == "," && s.toks[after-1].s == "," && rest > 2 && wordsGoOn(s, after) {
			// A reporting clause inside the words: "She will not, aides
			// insist, change her mind on the budget".
			end := clauseEnd(s, after, len(s.toks))
			f.Content = x.content(s, 0, before-1) + " " + x.content(s, after, end)
			f.Direct = isQuoted(s, 0, end)
			return
		}
	} else {
		f.contentBeg, f.contentEnd = after, len(s.toks)
	}
	if !quoteBefore {
		f.contentEnd = clauseEnd(s, f.contentBeg, f.contentEnd)
	}
	f.Content = x.content(s, f.contentBeg, f.contentEnd)
	if second >= 0 && f.contentEnd < second {
		if more := x.content(s, second, len(s.toks)); more != "" && f.Content != "" {
			f.Content += " " + more
		}
	}
	f.Direct = isQuoted(s, f.contentBeg, f.contentEnd)
}

// quotedReportStart returns where the reporting clause holding a subject
// that starts at token b begins, when words that modify the subject stand
// between it and a quotation closing before them (`"...," CBS co-anchor
// Dana Morgan said`): there, right after the quotation; else b.
func quotedReportStart(s *sentence, b int) int {
	for p := b - 1; p >= 1 && b-p <= 6; p-- {
		t := s.toks[p]
		if t.isQuote() {
			if isOpenQuote(s.Text, t) || p == b-1 {
				return b
			}
			return p + 1
		}
		if t.kind != word && t.s != "-" && t.s != "." || cueForms[t.low] != "" && s.tags[p].kind == tNone {
			return b
		}
	}
	return b
}

// clauseEnd cuts reported words where a verb coordinated with the cue's
// begins: "blamed the outage on a supplier but later owned up to ...": "but"
// then, maybe after an adverb, a past tense.
func clauseEnd(s *sentence, a, b int) int {
	quoted := quotedTokens(s)
	for c := a + 2; c+1 < b; c++ {
		if quoted[c] || s.low(c) != "but" {
			continue
		}
		v := c + 1
		for v < b && auxiliaries[s.low(v)] && !beForms[s.low(v)] {
			v++ // "later", "then", "also"
		}
		if v < b && s.toks[v].kind == word && !s.toks[v].cap && (pastTense(s.low(v)) || irregularPast[s.low(v)]) {
			if s.toks[c-1].s == "," {
				return c - 1
			}
			return c
		}
	}
	return b
}

// wordsGoOn reports whether the words resume at token a, after a reporting
// clause set off by commas, rather than a participle or clause of the
// reporter's own (", adding that", ", and he left") or a quotation of its
// own (`, he said, "..."`).
func wordsGoOn(s *sentence, a int) bool {
	low := s.low(a)
	return s.toks[a].kind == word && !strings.HasSuffix(low, "ing") && !reporterClause[low]
}

// reporterClause open a clause of the reporter's own after a reporting
// clause's comma: ", and he left", ", who", ", according to".
var reporterClause = set("and", "but", "who", "which", "according", "as")

// irregularPast are past tenses that do not end in -ed.
var irregularPast = set("said", "told", "went", "came", "made", "took", "gave", "got",
	"left", "kept", "held", "brought", "thought", "wrote", "spoke", "knew", "saw", "did")

// content returns the text of tokens a..b, without edge punctuation.
func (x *extractor) content(s *sentence, a, b int) string {
	if a >= b || a >= len(s.toks) {
		return ""
	}
	return trimContent(s.Text[s.toks[a].start:s.toks[b-1].end])
}

// trimContent strips white space, trailing full stops and commas, and unmatched
// edge quotation marks.
func trimContent(c string) string {
	c = strings.TrimSpace(c)
	c = strings.TrimRight(c, " ,;:.")
	c = strings.TrimSpace(c)
	for _, q := range []string{"''", `"`, "“", "”", "'", "‘", "’"} {
		if strings.HasPrefix(c, q) && strings.Count(c, q) == 1 && !strings.ContainsAny(c, "”’") {
			c = strings.TrimPrefix(c, q)
		}
	}
	return strings.TrimSpace(c)
}

// isQuoted reports whether tokens a..b are a quotation: they open with a quotation
// mark, or one opens just before them.
func isQuoted(s *sentence, a, b int) bool {
	if a >= b || a >= len(s.toks) {
		return false
	}
	if s.toks[a].isQuote() && isOpenQuote(s.Text, s.toks[a]) {
		return true
	}
	return a > 0 && s.toks[a-1].isQuote() && isOpenQuote(s.Text, s.toks[a-1])
}

// antecedent finds what a relative pronoun after the comma at token c refers to:
// the actor ending right before the comma, or, past appositives that open with an
// article ("the eldest daughter of ..."), the first person of the phrase they
// describe. person asks for a person ("who").
func (x *extractor) antecedent(s *sentence, c int, person bool) (int, int, bool) {
	end := c
	skipped := false
	for {
		beg := end - 1
		for beg >= 0 && s.toks[beg].s != "," {
			beg--
		}
		seg := beg + 1
		if seg < end && (s.toks[seg].low == "the" || s.toks[seg].low == "a" || s.toks[seg].low == "an") && beg > 0 && end-seg <= 15 {
			end, skipped = beg, true
			continue
		}
		var cands []mention
		for _, m := range s.mentions {
			if m.i >= seg && m.j <= end && (!person || x.actors[m.actor].Kind == knowledge.Person) {
				cands = append(cands, m)
			}
		}
		if len(cands) == 0 {
			return 0, 0, false
		}
		sort.Slice(cands, func(a, b int) bool {
			if cands[a].i != cands[b].i {
				return cands[a].i < cands[b].i
			}
			return cands[a].j > cands[b].j
		})
		if skipped {
			return cands[0].actor, cands[0].i, true
		}
		best := cands[0]
		for _, m := range cands {
			if m.j > best.j || m.j == best.j && m.i < best.i {
				best = m
			}
		}
		return best.actor, best.i, true
	}
}

// quantifiers open a noun phrase: "the", "some", "many".
var quantifiers = set("the", "a", "an", "some", "many", "most", "several", "other",
	"these", "those", "two", "three", "four", "five", "both", "all")

// docNouns are documents that can say things on their authors' behalf.
var docNouns = set("report", "book", "study", "survey", "paper", "document", "letter",
	"memo", "article", "analysis", "statement", "review", "poll", "dossier", "leaflet",
	"lawsuit", "projection", "filing", "indictment", "editorial", "column")

// orgNouns are what news calls an organisation it has named before.
var orgNouns = set("company", "firm", "group", "bank", "airline", "carrier",
	"manufacturer", "maker", "giant", "corporation", "agency", "charity", "party",
	"organisation", "organization", "union", "retailer", "operator", "insurer",
	"broadcaster", "newspaper", "paper", "network")

// documentSubject resolves a document used as a subject at token l to its author:
// the owner before "'s", a person for "his"/"her", else the document itself.
func (x *extractor) documentSubject(si int, s *sentence, l int) ([]int, int) {
	for p := l - 1; p >= 1 && l-p <= 6; p-- {
		if s.toks[p].low == "'s" || s.toks[p].s == "'" || s.toks[p].s == "’" {
			if m, ok := longestMentionEnding(s, p); ok {
				x.docOwner[s.toks[l].low] = m.actor
				return []int{m.actor}, m.i
			}
			break
		}
		if s.toks[p].kind == punct {
			break
		}
	}
	if l > 0 && (s.toks[l-1].low == "his" || s.toks[l-1].low == "her") {
		if id, ok := x.lastPerson(si, s, l-1); ok {
			return []int{id}, l - 1
		}
	}
	// "The report said": the report last named with its author.
	if l > 0 && s.toks[l-1].low == "the" {
		if id, ok := x.docOwner[s.toks[l].low]; ok {
			x.mention(s, id, l-1, l+1, "title")
			return []int{id}, l - 1
		}
	}
	return x.unnamed(s, l, nil)
}

// lastOrg finds the organisation a definite "the (US) company" at token l refers
// to: the last one named in this sentence or the three before, from the country
// named before the noun if any.
func (x *extractor) lastOrg(si int, s *sentence, l int) (int, int, bool) {
	start, country := l, ""
	for start > 0 && l-start < 4 {
		p := s.toks[start-1]
		if p.low == "the" {
			start--
			break
		}
		if s.tags[start-1].kind == tCountry {
			country = s.tags[start-1].entry.Code
		} else if p.kind != word || p.cap && s.tags[start-1].kind != tNone {
			return 0, 0, false
		}
		start--
	}
	if start == l || s.toks[start].low != "the" {
		return 0, 0, false
	}
	for p := si; p >= 0 && p >= si-3; p-- {
		ps := x.sents[p]
		best, bestEnd := -1, -1
		for _, m := range ps.mentions {
			a := x.actors[m.actor]
			if a.Kind != knowledge.Organisation || p == si && m.j > start || country != "" && a.Country != "" && a.Country != country {
				continue
			}
			if m.j > bestEnd {
				best, bestEnd = m.actor, m.j
			}
		}
		if best >= 0 {
			return best, start, true
		}
	}
	return 0, 0, false
}

// mentionEndsAt reports whether a mention ends just before token j.
func mentionEndsAt(s *sentence, j int) bool {
	_, ok := longestMentionEnding(s, j)
	return ok
}

// longestMentionEnding returns the widest mention ending just before token j.
func longestMentionEnding(s *sentence, j int) (mention, bool) {
	best, ok := mention{}, false
	for _, m := range s.mentions {
		if m.j == j && (!ok || m.i < best.i) {
			best, ok = m, true
		}
	}
	return best, ok
}

// subjectStartingAt finds the speaker named right after a cue: `said harbour
// board chair Lena Okafor`, `said a spokesman`.
func (x *extractor) subjectStartingAt(s *sentence, k int) ([]int, int) {
	// "according to the United Nations"; but "wrote the American ambassador,
	// Ed Herbst" is a mention of his.
	if k+1 < len(s.toks) && s.toks[k].low == "the" {
		if _, ok := widestMentionStarting(s, k); !ok {
			for _, m := range s.mentions {
				if m.i == k+1 {
					k++
					break
				}
			}
		}
	}
	best, ok := mention{}, false
	for _, m := range s.mentions {
		if m.i == k && (!ok || m.j > best.j || m.j == best.j && x.actors[m.actor].Kind == knowledge.Person) {
			best, ok = m, true
		}
	}
	if ok {
		// Prefer the person a title belongs to: the mention ending last.
		for _, m := range s.mentions {
			if m.i >= k && m.j == best.j && x.actors[m.actor].Kind == knowledge.Person {
				best = m
			}
		}
		// A possessor before the speaker's title and name: "said Pell's top
		// foreign policy aide Owen Tark".
		if s.low(best.j) == "'s" {
			if m, ok := x.personAfterTitle(s, best.j+1); ok {
				return []int{m.actor}, m.j
			}
		}
		// A party or country modifying a title before the name: "said
		// Republican political consultant Lou Brand"; or a person's
		// constituent, aide or rival: "said Pell adviser Owen Tark".
		if x.actors[best.actor].Kind != knowledge.Person || best.j < len(s.toks) && s.toks[best.j].kind == word && !s.toks[best.j].cap {
			if m, ok := x.personAfterTitle(s, best.j); ok {
				best = m
			}
		}
		return []int{best.actor}, best.j
	}
	// Titles before the name: "said Democratic Rep. Mara Linde".
	if m, ok := x.personAfterTitle(s, k); ok {
		return []int{m.actor}, m.j
	}
	if k < len(s.toks) && personPronouns[s.toks[k].low] {
		return nil, 0
	}
	// "said a spokesman for the ministry", "said analysts".
	end := k
	for end < len(s.toks) && s.toks[end].kind == word && end-k < 6 {
		if s.tags[end].kind == tRole && s.tags[end].first {
			end = s.tags[end].end - 1 // the whole title: "top academic"
		}
		if groupHeads[s.toks[end].low] || s.tags[end].kind == tRole || describedFrom(s, k, end) {
			if sp, _ := x.unnamed(s, end, nil); len(sp) > 0 {
				// "said a source involved in the talks": the whole
				// phrase names the speaker.
				if full := phraseEnd(s, end+1); full > end+1 {
					x.mention(s, sp[0], k, full, "group")
				}
				return sp, end + 1
			}
		}
		end++
	}
	return nil, 0
}

// phraseEnd returns where the words modifying a noun phrase that ends at
// token i-1 end: at the next punctuation, quotation mark or cue, at most
// twelve words on; i when none follow.
func phraseEnd(s *sentence, i int) int {
	j := i
	for j < len(s.toks) && j-i < 12 && (s.toks[j].kind == word || s.toks[j].s == "-" || s.toks[j].s == "’" || s.toks[j].s == "'") && !finiteCue(s, j) && !relatives[s.low(j)] {
		j++
	}
	if j < len(s.toks) && s.toks[j].kind == word {
		return i // a clause goes on: not a phrase of its own
	}
	return j
}

// personAfterTitle finds a person named within five title words after
// token j ("[Republican] political consultant Lou Brand").
func (x *extractor) personAfterTitle(s *sentence, j int) (mention, bool) {
	for p := j; p < len(s.toks) && p <= j+5; p++ {
		for _, m := range s.mentions {
			if m.i == p && x.actors[m.actor].Kind == knowledge.Person {
				return m, p > j
			}
		}
		if t := s.toks[p]; t.kind != word || t.cap && s.tags[p].kind != tRole && !honorifics[t.low] && !contentCaps[t.low] && !partyWords[t.low] || prepositions[t.low] || cueForms[t.low] != "" {
			return mention{}, false
		}
	}
	return mention{}, false
}

// partyWords are party adjectives before a title: "Democratic Rep.".
var partyWords = set("democratic", "republican", "gop", "labour", "conservative",
	"tory", "liberal", "green", "independent")

// describedFrom reports whether tokens k..h are a description naming a speaker
// after the cue: a determiner, at most three modifiers and the noun h, which
// the phrase ends at or a preposition follows ("said the elder sister",
// "said a source involved in", "said her oldest friend at college").
func describedFrom(s *sentence, k, h int) bool {
	if h <= k || h-k > 4 || !descriptionLeads[s.toks[k].low] {
		return false
	}
	t := s.toks[h]
	if t.kind != word || t.cap || commonCaps[t.low] || cueForms[t.low] != "" || strings.HasSuffix(t.low, "ly") || strings.HasSuffix(t.low, "ing") {
		return false
	}
	for p := k + 1; p < h; p++ {
		if low := s.toks[p].low; s.toks[p].kind != word && s.toks[p].s != "-" || commonCaps[low] && !contentCaps[low] || cueForms[low] != "" {
			return false
		}
	}
	if h+1 == len(s.toks) {
		return true
	}
	next := s.toks[h+1]
	return next.kind == punct && next.s != "-" && next.s != "'" || prepositions[next.low] && next.low != "and" || next.low == "who" || !next.cap && strings.HasSuffix(next.low, "ed")
}

// unnamed makes an actor for an unnamed group or official whose noun phrase ends
// at token l: "Defense analysts", "Some critics", "a Foreign Office spokesman".
func (x *extractor) unnamed(s *sentence, l int, owner *mention) ([]int, int) {
	// The noun phrase: modifiers back to its article or quantifier, names and
	// title words included ("G7 finance ministers", "US officials", "The home
	// secretary"), at most five words.
	start := l
	for start > 0 && l-start < 5 {
		p := s.toks[start-1]
		if p.kind != word || p.low == "'s" {
			break
		}
		if quantifiers[p.low] {
			start--
			break
		}
		if prepositions[p.low] && !(s.tags[start-1].kind == tRole && !s.tags[start].first) || cueForms[p.low] != "" && s.tags[start-1].kind == tNone && !nounForms[p.low] || auxiliaries[p.low] ||
			commonCaps[p.low] && !contentCaps[p.low] && !titleModifiers[p.low] && s.tags[start-1].kind == tNone {
			break
		}
		start--
	}
	phrase := s.Text[s.toks[start].start:s.toks[l].end]
	low := strings.ToLower(foldQuote(phrase))
	head := s.toks[l].low
	isRole := s.tags[l].kind == tRole && !groupHeads[head] // "analysts" is a group
	definite := start < l && (s.toks[start].low == "the" || s.tags[start].kind == tCountry)
	if isRole && definite && owner == nil {
		// A definite title names someone known: "the foreign secretary".
		country := ""
		for t := start; t < l; t++ {
			if s.tags[t].kind == tCountry {
				country = s.tags[t].entry.Code
			}
		}
		roleStart := l
		for roleStart > start && s.tags[roleStart-1].kind == tRole {
			roleStart--
		}
		role := strings.ToLower(s.Text[s.toks[roleStart].start:s.toks[l].end])
		if id, ok := x.personWithTitle(role, country); ok {
			x.mention(s, id, start, l+1, "title")
			return []int{id}, start
		}
		// Else it names the person who spoke just before: "..., Ivo Grant
		// has said. ..., the Green leader asked."
		if id, ok := x.recentSpeaker(s); ok {
			x.mention(s, id, start, l+1, "title")
			return []int{id}, start
		}
		// Titles are singular; a plural head is a group ("ministers").
	}
	key := "group:" + stripDeterminer(low)
	if isRole {
		key = "role:" + stripDeterminer(normRole(low))
	}
	var ownerActor *knowledge.Actor
	if owner != nil {
		ownerActor = x.actors[owner.actor]
		key += ":" + ownerActor.Key
	}
	id := x.ensure(key, func() *knowledge.Actor {
		a := &knowledge.Actor{Name: phrase, Kind: knowledge.Group}
		if isRole {
			a.Kind = knowledge.Person
			a.Title = stripArticle(phrase)
			a.Name = stripArticle(phrase)
		}
		for t := start; t < l; t++ {
			switch s.tags[t].kind {
			case tCountry:
				a.Country = s.tags[t].entry.Code
			case tGov:
				a.Country = s.tags[t].entry.Country
				a.Org = "gov:" + a.Country + ":" + strings.ToLower(s.tags[t].entry.Name)
			case tOrg:
				a.Org = "org:" + strings.ToLower(s.tags[t].entry.Name)
			}
		}
		if ownerActor != nil {
			// Speaking for someone: their organisation and country.
			a.Org = ownerActor.Key
			if ownerActor.Country != "" {
				a.Country = ownerActor.Country
			}
			a.Name = stripArticle(s.Text[s.toks[start].start:s.toks[owner.j-1].end])
			if isRole {
				a.Title = a.Name
			}
		}
		return a
	})
	_ = head
	x.mention(s, id, start, l+1, "group")
	return []int{id}, start
}

// recentSpeaker returns the named person who spoke in the sentence before s.
func (x *extractor) recentSpeaker(s *sentence) (int, bool) {
	n := len(x.statements)
	if n == 0 || x.statements[n-1].Sentence != s.N-1 {
		return 0, false
	}
	id := x.statements[n-1].Speaker
	a := x.actors[id]
	return id, a.Kind == knowledge.Person && strings.HasPrefix(a.Key, "person:")
}

// unnamedFor makes an actor for "a spokesman for X": the title at token l
// speaking for the actor of mention m.
func (x *extractor) unnamedFor(s *sentence, l int, m mention) ([]int, int) {
	sp, start := x.unnamed(s, l, &m)
	if len(sp) > 0 {
		x.mention(s, sp[0], start, m.j, "group")
	}
	return sp, start
}

// stripDeterminer removes a leading article or quantifier.
func stripDeterminer(p string) string {
	for _, d := range []string{"the ", "a ", "an ", "some ", "many ", "most ", "several ", "other "} {
		if strings.HasPrefix(p, d) {
			return p[len(d):]
		}
	}
	return p
}

// stripArticle removes a leading "the", "a" or "an", keeping the case of the rest.
func stripArticle(p string) string {
	l := strings.ToLower(p)
	for _, d := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(l, d) {
			return p[len(d):]
		}
	}
	return p
}

// lastPerson resolves a personal pronoun at token l: the nearest person mentioned
// before it, in this sentence or the three before, whose sex (when known)
// agrees with the pronoun's ("she" is not Mr. Trump); else the nearest
// person.
func (x *extractor) lastPerson(si int, s *sentence, l int) (int, bool) {
	want := pronounSex[s.low(l)]
	if id, ok := x.nearestPerson(si, s, l, func(id int) bool {
		return x.actors[id].Kind == knowledge.Person && (!want.known() || !x.sexOf(id).known() || x.sexOf(id) == want)
	}); ok || !want.known() {
		return id, ok
	}
	return x.nearestPerson(si, s, l, func(id int) bool { return x.actors[id].Kind == knowledge.Person })
}

// nearestPerson finds the nearest person that fits before token l, in this
// sentence (outside quotation marks) or the three before, where the speaker
// of a sentence wins over the other people it names.
func (x *extractor) nearestPerson(si int, s *sentence, l int, fits func(int) bool) (int, bool) {
	best, bestEnd := -1, -1
	subj, subjEnd := -1, -1
	quoted := quotedTokens(s)
	for _, m := range s.mentions {
		if quoted[m.i] {
			continue // "'... the president ...,' he said": not him
		}
		if m.j <= l && fits(m.actor) && m.how != "pronoun" && m.j > bestEnd {
			best, bestEnd = m.actor, m.j
		}
		if m.j <= l && fits(m.actor) && m.how != "pronoun" && m.j > subjEnd && verbFollows(s, m.j, l) {
			subj, subjEnd = m.actor, m.j
		}
	}
	if subj >= 0 {
		// A clause's subject wins over a person its words name: "Pell said
		// that if Reed ran, she would back Reed".
		return subj, true
	}
	if best >= 0 {
		return best, true
	}
	for p := si - 1; p >= 0 && p >= si-3; p-- {
		ps := x.sents[p]
		// The speaker of the previous sentence wins over other people in it.
		for _, st := range x.statements {
			if st.Sentence == ps.N && fits(st.Speaker) {
				best = st.Speaker
			}
		}
		if best >= 0 {
			return best, true
		}
		if id, ok := x.subjectPerson(ps, fits); ok {
			return id, true
		}
	}
	return 0, false
}

// verbFollows reports whether a finite verb follows token j (past adverbs)
// before token l: the mention ending at j is its clause's subject ("Cuban
// said", "Mr. Trump even offered").
func verbFollows(s *sentence, j, l int) bool {
	for j < l && s.posAt(j) == postag.RB {
		j++
	}
	return j < l && s.posAt(j).Finite()
}

// pronounSex is the sex a personal pronoun refers to.
var pronounSex = map[string]sex{"he": male, "him": male, "his": male, "himself": male,
	"she": female, "her": female, "hers": female, "herself": female}

// lastInstitution resolves "it" or "they" (plural) at token l, the subject of a
// cue: the speaker of the last statement when it is an organisation, a
// government, a country or (for "they") a group, else the last such actor named
// outside quotation marks before l in this sentence or the two before.
func (x *extractor) lastInstitution(si int, s *sentence, l int, plural bool) (int, bool) {
	fits := func(id int) bool {
		switch x.actors[id].Kind {
		case knowledge.Organisation, knowledge.Government, knowledge.Country:
			return true
		case knowledge.Group:
			return plural
		}
		return false
	}
	if n := len(x.statements); n > 0 && x.statements[n-1].Sentence >= s.N-1 && fits(x.statements[n-1].Speaker) {
		return x.statements[n-1].Speaker, true
	}
	for p := si; p >= 0 && p >= si-2; p-- {
		ps := x.sents[p]
		quoted := quotedTokens(ps)
		best, bestEnd := -1, -1
		for _, m := range ps.mentions {
			if quoted[m.i] || p == si && m.j > l || m.how == "pronoun" || !fits(m.actor) {
				continue
			}
			if m.j > bestEnd {
				best, bestEnd = m.actor, m.j
			}
		}
		if best >= 0 {
			return best, true
		}
	}
	return 0, false
}

// prepositions before a mention put it outside the subject.
var prepositions = set("with", "by", "to", "of", "for", "from", "at", "in", "on",
	"about", "against", "and", "between", "under", "after", "before", "than", "like",
	"over", "amid", "despite", "during", "without", "through", "into", "among",
	"across", "towards", "toward", "within", "upon")

// subjectPerson picks the person a sentence is about: the first named person not
// introduced by a preposition nor used as a possessive, else the last one named.
func (x *extractor) subjectPerson(s *sentence, fits func(int) bool) (int, bool) {
	quoted := quotedTokens(s)
	var ms []mention
	for _, m := range s.mentions {
		if !quoted[m.i] {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a].i < ms[b].i })
	last := -1
	for _, m := range ms {
		a := x.actors[m.actor]
		if a.Kind != knowledge.Person || !strings.HasPrefix(a.Key, "person:") || !fits(m.actor) {
			continue
		}
		last = m.actor
		if m.i > 0 && prepositions[s.toks[m.i-1].low] {
			continue
		}
		if m.j < len(s.toks) && s.toks[m.j].low == "'s" {
			continue
		}
		return m.actor, true
	}
	return last, last >= 0
}

// setHome gives a country to officials whose title names none ("Vice Foreign
// Minister Kim Hong-kyun") when the document opens with that country speaking
// and introduces them soon after: the cheap coreference news writing relies on.
// Elsewhere a missing country stays missing rather than guessed.
func (x *extractor) setHome() {
	if len(x.statements) == 0 {
		return
	}
	first := x.statements[0]
	a := x.actors[first.Speaker]
	if a.Kind != knowledge.Country {
		return
	}
	x.home = a.Country
	for id, p := range x.actors {
		if p.Kind != knowledge.Person || p.Country != "" || p.Org != "" || p.Title == "" || len(p.Mentions) == 0 {
			continue
		}
		if p.Mentions[0].Sentence > first.Sentence+2 {
			continue
		}
		if kind, ok := x.gz.Role(lastWord(normRole(p.Title))); ok && strings.HasPrefix(kind, "GOV") {
			p.Country = x.home
			for i, r := range x.roles {
				if r.Person == id && r.Of == "" {
					x.roles[i].Of = x.gz.CountryName(x.home)
				}
			}
		}
	}
}
