package answer

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// maxStatementsRead is about how many of an actor's statements are read to
// answer about them.
const maxStatementsRead = 2000

// maxSpeakersRead is how many actors' statements (an actor and those who speak
// for it, in all briefings) are read for one answer.
const maxSpeakersRead = 5000

// saidShare is the least share of the best statement's score another must
// reach to be quoted beside it on a question's topic (without a topic, all
// the actor's statements answer "what did X say").
// Measured on the split dev sets, 0.5 lifts citation precision
// (B: 0.697 -> 0.720 on bbc-dev, 0.593 -> 0.619 on bbc-dev2) keeping the
// answers' key words; higher shares cost answer_contains.
const saidShare = 0.5

// The said features: what ranks an actor's statements for a question.
const (
	sDirect   = iota // spoken by the actor asked about, not one speaking for it
	sTopic           // share of the topic's weight the statement's sentence holds
	sDocTopic        // share of the topic's weight its briefing holds
	sMatched         // its briefing calls the actor what the question does
	sCue             // its cue is one the question's verb asks for ("warn")
	sNegated         // a denial or a non-statement ("did not confirm")
	sQuoted          // the actor's own words, quoted
	sContext         // share of the topic's weight only the sentence before holds
	nSaid
)

// minSaidCoverage is the least share of a said-question's topic one of the
// actor's statements must hold for them to answer on it. Swept on the read
// halves (0.2 to 0.4), 0.35 scored best (bbc-dev2 A 0.694 -> 0.701 from
// 0.3); the held-out halves hold (bbc-dev B 0.843, bbc-dev2 B 0.696).
const minSaidCoverage = 0.35

// A speaker quoted mostly in one briefing is quoted on that briefing's
// subject: when at least oneBriefingShare of the actor's statements come
// from one briefing that holds minSpeakerDocTopic of the question's topic,
// they answer on it though no statement's sentence words it as the question
// does ("the dollar" asked, "currency controls" said).
const (
	oneBriefingShare   = 0.5
	minSpeakerDocTopic = 0.45
)

// onTopicSpeaker reports whether the statements come mostly from one
// briefing that holds the question's topic (see oneBriefingShare).
func onTopicSpeaker(ss []saidScored) bool {
	n := map[string]int{}
	for _, s := range ss {
		if s.f[sDocTopic] >= minSpeakerDocTopic {
			n[s.DocPath]++
		}
	}
	for _, c := range n {
		if float64(c) >= oneBriefingShare*float64(len(ss)) {
			return true
		}
	}
	return false
}

// contextShare is how much of the topic the sentence before a statement
// counts for, beside the statement's own sentence, when deciding whether the
// actor spoke on it: "He said ..." after the sentence that names the matter.
const contextShare = 0.5

// bestCoverage is the most of the topic one of the statements holds, the
// sentence before it counting for contextShare.
func bestCoverage(ss []saidScored) float64 {
	c := 0.0
	for _, s := range ss {
		c = max(c, s.f[sTopic]+contextShare*s.f[sContext])
	}
	return c
}

// addBefore adds to a statement's terms those of the sentence before
// sentence n of the document at path that are in want, if there is one; it
// reports whether there was.
func (ix *rankIndex) addBefore(have, want map[string]bool, path string, n int) bool {
	d, ok := ix.byPath[path]
	if !ok {
		return false
	}
	sents := ix.sents[ix.docs[d].first:ix.docs[d].end]
	i := sort.Search(len(sents), func(i int) bool { return sents[i].hit.N >= n })
	if i == 0 || i == len(sents) || sents[i].hit.N != n {
		return false
	}
	for _, t := range sents[i-1].terms {
		if term := ix.terms[t]; want[term] {
			have[term] = true
		}
	}
	return true
}

// groupTerms are the terms a coverage of the groups looks for: each group's
// main term and its alternatives.
func groupTerms(gs []termGroup) map[string]bool {
	m := map[string]bool{}
	for _, g := range gs {
		m[g.main] = true
		for _, a := range g.alts {
			m[a] = true
		}
	}
	return m
}

// termsIn returns the terms of text that are in want, as a set: all that
// coverage reads of a sentence's terms. buf is scratch space.
func termsIn(text string, want map[string]bool, buf *[]string) map[string]bool {
	*buf = stem.AppendTerms((*buf)[:0], text)
	have := map[string]bool{}
	for _, t := range *buf {
		if want[t] {
			have[t] = true
		}
	}
	return have
}

// topicUnworded reports whether an actor quoted in one briefing only is
// asked about a topic no briefing words as the question does: no briefing
// holds minSpeakerDocTopic of it, so the question paraphrases (asks about "the
// cash kept off the ledger" of a text that says "an unrecorded payment"),
// and their statements answer. A topic another briefing holds is one they were not quoted on.
func (e *Engine) topicUnworded(ctx context.Context, ix *index, q Question, t target, ss []saidScored) (bool, error) {
	for _, s := range ss {
		if s.DocPath != ss[0].DocPath {
			return false, nil
		}
	}
	topic, err := e.saidTopic(ctx, ix, q, t)
	if err != nil || len(topic) == 0 {
		return false, err
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return false, err
	}
	return ri.bestDocCoverage(ri.query(topic, ansNone, nil)) < minSpeakerDocTopic, nil
}

// bestDocCoverage is the most of a question's weight any one document holds
// (see docCoverage), read from the term postings.
func (ix *rankIndex) bestDocCoverage(rq *rankQuery) float64 {
	if rq.total <= 0 {
		return 0
	}
	held := map[int32]float64{}
	best := 0.0
	for g, ids := range rq.ids {
		seen := map[int32]bool{}
		for _, t := range ids {
			for _, p := range ix.dpost[t] {
				if !seen[p.doc] {
					seen[p.doc] = true
					held[p.doc] += rq.idf[g]
					best = max(best, held[p.doc])
				}
			}
		}
	}
	return best / rq.total
}

// b2f is 1 for true, 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// maxStatements is how many statements a said-answer quotes in its text.
const maxStatements = 3

// said answers "what did X say (about T)".
func (e *Engine) said(ctx context.Context, ix *index, q Question) (reply, error) {
	if r, ok, err := e.saidEach(ctx, ix, q); ok || err != nil {
		return r, err
	}
	t := e.resolve(ctx, ix, q.Subject)
	if !t.found() {
		if t.how == "gazetteer" || t.how == "role" && !t.known && t.phrase != "" && gazetteer.GenericBody(t.phrase) {
			return reply{text: e.nothingFrom(ix, t.name)}, nil
		}
		if t.how == "role" {
			// No one stored holds the title: a sentence may still quote
			// them unnamed ("Norway's finance minister said ...").
			if r, err := e.roleSearch(ctx, ix, q, t.phrase); err != nil || len(r.cites) > 0 {
				return r, err
			}
			return reply{text: e.nothingFrom(ix, "the "+t.name)}, nil
		}
		// Not an actor the store knows: search the sentences instead, in a
		// briefing that names them.
		return e.searchNaming(ctx, ix, q, t.name)
	}
	ss, topic, err := e.saidCandidates(ctx, ix, q, t)
	if err != nil {
		return reply{}, err
	}
	topicLen := len(topic)
	if len(ss) == 0 {
		if r, err := e.aboutSearch(ctx, ix, q, &t, nil); err != nil || len(r.cites) > 0 {
			return r, err
		}
		return reply{text: fmt.Sprintf("The briefings mention %s but quote nothing from them.", t.name)}, nil
	}
	all := ss // what the actor said anywhere, for onTopicSpeaker and topicUnworded
	held := func(string) bool { return true }
	if topicLen > 0 {
		if held, err = e.topicBriefings(ctx, ix, topic); err != nil {
			return reply{}, err
		}
		if ss = slices.DeleteFunc(slices.Clone(ss), func(s saidScored) bool { return !held(s.DocPath) }); len(ss) == 0 {
			return e.offTopicBriefing(ctx, ix, q, &t, held)
		}
	}
	if topicLen > 0 && bestCoverage(ss) < minSaidCoverage {
		if r, err := e.aboutSearch(ctx, ix, q, &t, ss); err != nil || len(r.cites) > 0 && held(r.cites[0].Document) {
			return r, err
		}
		unworded, err := e.topicUnworded(ctx, ix, q, t, all)
		if err != nil {
			return reply{}, err
		}
		if !onTopicSpeaker(all) && !unworded {
			return reply{text: fmt.Sprintf("The briefings quote %s, but not on that.", t.name)}, nil
		}
	}
	return e.quote(ctx, ix, q, ss, topicLen)
}

// topicBriefingShare is the least share of the question's topic a said
// answer's briefing must hold of what the briefing holding most of it holds:
// the briefing is chosen first, where the question's topic is, and the
// actor's statements answer from it. An actor quoted only elsewhere was not
// quoted on that ("what did the union say about the merger?" when the union
// speaks in another story than the merger's).
const topicBriefingShare = 0.5

// wholeTopic is how much of a said-question's topic (of two words or more) a
// briefing must hold for the topic to choose the briefing.
const wholeTopic = 0.9

// topicBriefings returns whether a briefing holds enough of a said-question's
// topic (from saidCandidates) to answer it (topicBriefingShare).
func (e *Engine) topicBriefings(ctx context.Context, ix *index, topic []termGroup) (func(string) bool, error) {
	if len(topic) < 2 {
		return func(string) bool { return true }, nil
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return nil, err
	}
	rq := ri.query(topic, ansNone, nil)
	best := ri.bestDocCoverage(rq)
	if best < wholeTopic {
		return func(string) bool { return true }, nil
	}
	floor := topicBriefingShare * best
	return func(path string) bool { return ri.docCoverage(rq, path) >= floor }, nil
}

// offTopicBriefing answers a said-question whose actor has no statement in
// the briefings that hold its topic: a sentence there that has them speak
// (a statement the extraction missed) answers; otherwise the briefings quote
// them, but not on that.
func (e *Engine) offTopicBriefing(ctx context.Context, ix *index, q Question, t *target, held func(string) bool) (reply, error) {
	r, err := e.aboutSearch(ctx, ix, q, t, nil)
	if err != nil || len(r.cites) > 0 && held(r.cites[0].Document) {
		return r, err
	}
	return reply{text: fmt.Sprintf("The briefings quote %s, but not on that.", t.name)}, nil
}

// quote composes a said-answer from an actor's scored statements: the best
// statement's briefing answers, with the statements beside it that hold
// enough of the topic (saidShare, minTopicShare); the rest go to "More
// sources". A yes/no question on a speech act leads with what the best
// statement settles.
func (e *Engine) quote(ctx context.Context, ix *index, q Question, ss []saidScored, topicLen int) (reply, error) {
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].score > ss[j].score })
	// One clause per sentence: of a speaker's statements in a sentence, the most
	// telling (said over did-not-say, the longest words); a speaker named again
	// goes by surname.
	bestIn := map[int64]int{}
	for i, s := range ss {
		j, ok := bestIn[s.SentenceID]
		if !ok || s.SpeakerID == ss[j].SpeakerID && s.score > ss[j].score-0.6 && better(s.StatementRow, ss[j].StatementRow) {
			bestIn[s.SentenceID] = i
		}
	}
	var out reply
	var parts []part
	used := map[int64]bool{}
	named := map[string]bool{}
	for _, s := range ss {
		if used[s.SentenceID] {
			continue
		}
		used[s.SentenceID] = true
		// One briefing answers: the one of the best statement, where the
		// question's actor and topic meet best.
		if len(parts) >= maxStatements || len(parts) >= 2 && partsLen(parts) > 320 || s.DocPath != ss[0].DocPath || topicLen > 0 && s.score < ss[0].score*saidShare || offTopic(s, ss[0]) {
			out.more = append(out.more, cite(s.Hit))
			continue
		}
		out.cites = append(out.cites, cite(s.Hit))
		b := ss[bestIn[s.SentenceID]]
		speaker := ix.row(b.SpeakerID)
		parts = append(parts, part{doc: b.DocPath, title: b.DocTitle, text: e.statementText(speaker, b.StatementRow, named[speaker.Key])})
		named[speaker.Key] = true
	}
	out.text = compose(parts)
	if q.yesNo() && lexicon.SettlingVerbs[q.Focus] {
		// "did Russia confirm ...?": the best statement's cue and negation
		// settle it.
		ri, err := e.rankIndex(ctx, ix.gen)
		if err != nil {
			return reply{}, err
		}
		out.text = string(saidVerdict(verbTerms(q.Focus), ss[0].StatementRow)) + ": " + ri.lowerFirst(out.text)
	}
	return out, nil
}

// minTopicShare is the least share of the first statement's topic coverage
// another must hold to be quoted beside it: a speaker's statements in one
// briefing share their other features, so the score alone keeps them all.
const minTopicShare = 0.5

// offTopic reports whether a statement holds too little of the topic the first
// statement quoted holds to be quoted beside it (minTopicShare).
func offTopic(s, first saidScored) bool {
	return s.f[sTopic] < minTopicShare*first.f[sTopic]
}

// lexicon.SettlingVerbs are the speech acts a statement settles by itself
// (lexicon.SettlingVerbs).

// saidVerdict is what an actor's statement settles about a yes/no question
// on a speech act: a non-statement says no, a statement with the cue asked
// about says yes, any other statement says something else.
func saidVerdict(verb map[string]bool, st store.StatementRow) verdict {
	switch {
	case st.Negated && strings.Contains(st.Cue, "confirm"):
		return verdictNotConfirmed
	case st.Negated && (silentCues[st.Cue] || strings.HasSuffix(st.Cue, "a statement")):
		return verdictNotStated
	case st.Negated:
		return verdictNo
	case len(verb) == 0 || verb[st.Cue]:
		return verdictYes
	}
	return verdictIndirect
}

// minSubjectInDoc is the least share of a question's subject (by weight) the
// briefing of a search answer must hold when the subject is no actor the
// store knows: "what did John Prescott say" is not answered from a briefing
// that never names him.
const minSubjectInDoc = 0.5

// searchNaming answers a said-question about a subject the store knows no
// actor for by search, keeping the answer only when its briefing names the
// subject.
func (e *Engine) searchNaming(ctx context.Context, ix *index, q Question, name string) (reply, error) {
	r, err := e.search(ctx, ix, q, nil)
	if err != nil || len(r.cites) == 0 {
		return r, err
	}
	// The words that name them, not those of a role ("the TUC boss").
	var naming []string
	for _, w := range contentWords(words(q.Subject)) {
		if _, role := e.gz.Role(w); !role {
			naming = append(naming, w)
		}
	}
	if len(naming) == 0 {
		return r, nil
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return reply{}, err
	}
	doc := r.cites[0].Document
	if q2, def, ok := spellAcronyms(ri, q, naming, doc); ok {
		// An acronym the briefing writes only in full: asked again with
		// the name, answered by a sentence that names them.
		r2, err := e.search(ctx, ix, q2, nil)
		if err != nil {
			return reply{}, err
		}
		if len(r2.cites) > 0 && speaksIn(r2.cites[0].Text, []string{def}) {
			return r2, nil
		}
		return reply{text: e.nothingFrom(ix, name)}, nil
	}
	if groups := e.termGroups(naming); len(groups) > 0 {
		if ri.docCoverage(ri.query(groups, ansNone, nil), doc) < minSubjectInDoc {
			return reply{text: e.nothingFrom(ix, name)}, nil
		}
		return r, nil
	}
	// Words the stemmer makes function words ("IFS" stems to "if") must be
	// in the briefing as written.
	for _, w := range naming {
		if !ri.docSays(doc, w) {
			return reply{text: e.nothingFrom(ix, name)}, nil
		}
	}
	return r, nil
}

// saidEach answers "what did X and Y say": when both sides of the subject are
// actors the store knows, each is answered on its own and the answers are
// joined, their own citations first: a question that spans two actors (and
// their briefings) cites them both.
func (e *Engine) saidEach(ctx context.Context, ix *index, q Question) (reply, bool, error) {
	a, b, ok := strings.Cut(q.Subject, " and ")
	if !ok || a == "" || b == "" || e.resolve(ctx, ix, q.Subject).found() {
		return reply{}, false, nil // one name: "Bosnia and Herzegovina"
	}
	var out reply
	var texts []string
	for _, side := range []string{a, b} {
		if !e.resolve(ctx, ix, side).found() {
			return reply{}, false, nil
		}
	}
	for _, side := range []string{a, b} {
		sq := q
		sq.Subject = side
		r, err := e.said(ctx, ix, sq)
		if err != nil {
			return reply{}, true, err
		}
		texts = append(texts, r.text)
		out.cites = append(out.cites, r.cites...)
		out.more = append(out.more, r.more...)
	}
	out.text = strings.Join(texts, " ")
	return out, true, nil
}

// speakerBatch is how many speakers' statements are read in one query.
const speakerBatch = 256

// statements reads the statements of the speakers, a batch of speakers at a
// time in the order given (the actor itself, then those who speak for it, newest
// briefings first), until it has about limit; it returns them newest briefing
// first, in document order within one.
func (e *Engine) statements(ctx context.Context, speakers []int64, limit int) ([]store.StatementRow, error) {
	var out []store.StatementRow
	for i := 0; i < len(speakers) && len(out) < limit; i += speakerBatch {
		rows, err := e.st.Statements(ctx, speakers[i:min(i+speakerBatch, len(speakers))], limit-len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.DocDate != b.DocDate {
			return a.DocDate > b.DocDate
		}
		if a.DocPath != b.DocPath {
			return a.DocPath < b.DocPath
		}
		return a.N < b.N
	})
	return out, nil
}

// better reports whether statement a says more than b: a statement over a
// non-statement, then the longer words.
func better(a, b store.StatementRow) bool {
	if a.Negated != b.Negated {
		return !a.Negated
	}
	return len(a.Content) > 3*len(b.Content)
}

func partsLen(ps []part) int {
	n := 0
	for _, p := range ps {
		n += len(p.text)
	}
	return n
}

// aboutSearch looks for the answer among all sentences when no statement of the
// actor answers it (the extractor may have missed one: "Luther called his stay
// ..."), keeping the answer only when its first sentence names the actor as
// more than an owner ("Moazzam Begg's MP" is not Moazzam Begg) or stands
// beside one of their statements ss (withinSpeech). Failing that,
// the best of the sentences that mention the actor answers if it has them
// speak there ("Shadow chancellor Tom Reed said: ..."), a statement the
// extraction did not store. Nothing found gives an empty reply.
func (e *Engine) aboutSearch(ctx context.Context, ix *index, q Question, t *target, ss []saidScored) (reply, error) {
	aliases := e.aliasesOf(ix, t)
	r, err := e.search(ctx, ix, q, nil)
	if err != nil {
		return reply{}, err
	}
	if len(r.cites) > 0 && (namedNotOwner(strings.ToLower(foldApostrophes(r.cites[0].Text)), aliases) || withinSpeech(ss, r.cites[0])) {
		return r, nil
	}
	r, err = e.search(ctx, ix, q, t)
	if err != nil || len(r.cites) == 0 || !speaksIn(r.cites[0].Text, aliases) {
		return reply{}, err
	}
	// The sentence must hold the topic as a statement would.
	topic, err := e.saidTopic(ctx, ix, q, *t)
	if err != nil {
		return reply{}, err
	}
	if len(topic) > 0 {
		weight, total, err := e.weights(ctx, ix.gen, topic)
		if err != nil {
			return reply{}, err
		}
		if coverage(topic, weight, total, termSet(stem.Terms(r.cites[0].Text))) < minSaidCoverage {
			return reply{}, nil
		}
	}
	return r, nil
}

// withinSpeech reports whether a sentence follows one of the actor's
// statements in the same briefing: reported speech goes on though it names no
// one ("The worst of it was the waiting lists." after their statement). The
// sentence before a statement is not theirs: it may be another speaker's.
func withinSpeech(ss []saidScored, c knowledge.Citation) bool {
	for _, s := range ss {
		if s.DocPath == c.Document && s.N == c.Sentence-1 {
			return true
		}
	}
	return false
}

// aliasesOf lists the names the actors a target names directly go by, but
// demonyms: "Pakistani help" is not Pakistan speaking.
func (e *Engine) aliasesOf(ix *index, t *target) []string {
	var aliases []string
	for _, i := range t.direct {
		for _, al := range ix.actors[i].Aliases {
			if ent, ok := e.gz.Lookup(al); ok && ent.Form == gazetteer.FormDemonym {
				continue
			}
			aliases = append(aliases, al)
		}
	}
	return aliases
}

// namedNotOwner reports whether the lower-case text names one of the aliases as
// whole words, other than as an owner ("moazzam begg's mp"). Of overlapping
// occurrences the longest counts.
func namedNotOwner(text string, aliases []string) bool {
	type span struct{ i, j int }
	var spans []span
	for _, al := range aliases {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], al)
			if i < 0 {
				break
			}
			i += from
			j := i + len(al)
			if (i == 0 || !isWordByte(text[i-1])) && (j == len(text) || !isWordByte(text[j])) {
				spans = append(spans, span{i, j})
			}
			from = i + 1
		}
	}
	for _, a := range spans {
		inside := false
		for _, b := range spans {
			if b.i <= a.i && a.j <= b.j && b.j-b.i > a.j-a.i {
				inside = true
				break
			}
		}
		if !inside && !strings.HasPrefix(text[a.j:], "'s") && !strings.HasPrefix(text[a.j:], "' ") {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

func foldApostrophes(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'").Replace(s)
}

// nothingFrom is the reply for an actor the briefings never quote or mention.
func (e *Engine) nothingFrom(ix *index, name string) string {
	name = strings.ReplaceAll(name, " 's", "'s") // the question's words joined again
	msg := fmt.Sprintf("Nothing in the briefings comes from %s.", name)
	if names := topActors(ix, 6); len(names) > 0 {
		msg += fmt.Sprintf(" Actors I know include %s.", strings.Join(names, ", "))
	}
	return msg
}

// statementText renders one statement: "Kremlin spokesperson Dmitry Peskov stated
// that ...".
func (e *Engine) statementText(a store.ActorRow, r store.StatementRow, again bool) string {
	who := describeActor(a)
	if again {
		who = shortName(a)
	}
	content := clip(r.Content, 220)
	for _, q := range []string{".”", ".\"", ".’"} {
		if strings.HasSuffix(content, q) { // the clause goes on after the quotation
			content = strings.TrimSuffix(content, q) + q[1:]
		}
	}
	if r.Negated {
		switch {
		case strings.HasSuffix(r.Cue, "a statement"):
			return fmt.Sprintf("%s has not released a statement", who)
		case r.Cue == "comment" || r.Cue == "respond" || r.Cue == "reply":
			return fmt.Sprintf("%s did not %s", who, r.Cue)
		default:
			return fmt.Sprintf("%s did not %s %s", who, r.Cue, content)
		}
	}
	if r.Cue == "according to" {
		return fmt.Sprintf("according to %s, %s", who, content)
	}
	verb := pastTense(r.Cue)
	if r.Cue == "tell" {
		verb = "said" // whom they told is not in the content
	}
	if r.Direct {
		return fmt.Sprintf("%s %s: %s", who, verb, content)
	}
	if verb == "said" || verb == "stated" || verb == "emphasized" || verb == "indicated" || verb == "noted" || verb == "argued" || verb == "suggested" || verb == "warned" || verb == "cautioned" || verb == "claimed" || verb == "alleged" || verb == "insisted" {
		if !strings.HasPrefix(strings.ToLower(content), "that ") {
			return fmt.Sprintf("%s %s that %s", who, verb, content)
		}
	}
	return fmt.Sprintf("%s %s %s", who, verb, content)
}

// describeActor names an actor with its title: "Kremlin spokesperson Dmitry Peskov".
func describeActor(a store.ActorRow) string {
	if a.Kind == knowledge.Person && a.Title != "" && !strings.EqualFold(a.Title, a.Name) && strings.HasPrefix(a.Key, "person:") {
		if len(a.Title) <= 40 && !strings.Contains(a.Title, ",") && !strings.Contains(a.Title, " of ") {
			return a.Title + " " + a.Name
		}
		return a.Name + " (" + clip(a.Title, 60) + ")"
	}
	return withArticle(a)
}

// shortName names an actor met before: a person by surname.
func shortName(a store.ActorRow) string {
	if a.Kind == knowledge.Person && strings.HasPrefix(a.Key, "person:") {
		if f := strings.Fields(a.Name); len(f) > 1 {
			return f[len(f)-1]
		}
	}
	return withArticle(a)
}

// withArticle names a country, institution or group as a sentence would: "the
// United States", "the Netherlands", "some critics".
func withArticle(a store.ActorRow) string {
	n := a.Name
	switch a.Kind {
	case knowledge.Country:
		if needsArticle(n) {
			return "the " + n
		}
	case knowledge.Group:
		if f := strings.Fields(n); len(f) > 1 {
			if w := strings.ToLower(f[0]); w == "some" || w == "many" || w == "most" || w == "the" || w == "several" {
				return w + n[len(f[0]):]
			}
		}
	}
	return n
}

// needsArticle reports whether a country's name takes "the".
func needsArticle(n string) bool {
	for _, p := range []string{"United ", "Czech Republic", "Dominican Republic", "Central African", "Democratic Republic"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	for _, suf := range []string{"lands", "pines", "Islands", "Emirates", "Bahamas", "Maldives", "Gambia", "Comoros", "Seychelles"} {
		if strings.HasSuffix(n, suf) {
			return true
		}
	}
	return false
}

// pastTense gives the past tense of a cue lemma.
func pastTense(cue string) string {
	head, rest, _ := strings.Cut(cue, " ")
	p, ok := irregularPast[head]
	if !ok {
		switch {
		case strings.HasSuffix(head, "e"):
			p = head + "d"
		case strings.HasSuffix(head, "y") && len(head) > 2 && !strings.ContainsAny(head[len(head)-2:len(head)-1], "aeiou"):
			p = head[:len(head)-1] + "ied"
		case head == "admit" || head == "concur":
			p = head + head[len(head)-1:] + "ed"
		default:
			p = head + "ed"
		}
	}
	if rest != "" {
		return p + " " + rest
	}
	return p
}

// clip shortens s to about n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && cut < len(s) && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// part is one clause of an answer and the briefing it comes from.
type part struct {
	doc, title, text string
}

// compose joins clauses into an answer. When they come from several briefings,
// each briefing's clauses are introduced by its title, in the order first used.
func compose(parts []part) string {
	if len(parts) == 0 {
		return ""
	}
	var order []string
	group := map[string][]string{}
	title := map[string]string{}
	for _, p := range parts {
		if _, ok := group[p.doc]; !ok {
			order = append(order, p.doc)
		}
		group[p.doc] = append(group[p.doc], p.text)
		title[p.doc] = p.title
	}
	if len(order) == 1 {
		return sentence(strings.Join(group[order[0]], "; "))
	}
	var out []string
	for _, d := range order {
		out = append(out, "In “"+title[d]+"”: "+strings.Join(group[d], "; ")+".")
	}
	return strings.Join(out, " ")
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	s = strings.ToUpper(string(r[0])) + string(r[1:])
	body := strings.TrimRight(s, "”\"’'")
	if !strings.HasSuffix(body, ".") && !strings.HasSuffix(body, "…") && !strings.HasSuffix(body, "?") && !strings.HasSuffix(body, "!") {
		s += "."
	}
	return s
}

// verbGroups are cue lemmas a question verb stands for: "want" finds urging.
var verbGroups = map[string][]string{
	"want":    {"urge", "call", "demand", "want", "hope", "propose", "seek", "insist"},
	"think":   {"believe", "think", "argue", "say", "suggest", "indicate", "note", "warn", "predict"},
	"argue":   {"argue", "claim", "insist", "maintain", "contend", "say"},
	"warn":    {"warn", "caution", "threaten"},
	"respond": {"respond", "reply", "say", "react", "dismiss", "deny", "reject", "welcome", "condemn"},
	"propose": {"propose", "suggest", "call", "recommend", "urge"},
	"predict": {"predict", "forecast", "expect", "estimate", "warn"},
	"claim":   {"claim", "allege", "say", "insist"},
}

// verbTerms lists the cue lemmas a question verb asks for: its own lemma and,
// when the lemma heads one of verbGroups, the group's lemmas; when it is a
// member (other than the general "say"), the group's lemmas but "say":
// "what did the minister caution?" finds warnings too, and "what did she
// warn?" prefers a warning to a plain statement.
func verbTerms(v string) map[string]bool {
	m := map[string]bool{}
	if v == "" || lexicon.PlainSpeechVerbs[v] {
		return m
	}
	lemmas := cueLemmas(v)
	for _, l := range lemmas {
		m[l] = true
	}
	for k, vs := range verbGroups {
		head, member := false, false
		for _, l := range lemmas {
			head = head || l == k
			member = member || l != "say" && slices.Contains(vs, l)
		}
		for _, x := range vs {
			// A member asks for its group's other specific verbs, not
			// for the general "say" ("warn" is not "think": "say").
			if head || member && x != "say" {
				m[x] = true
			}
		}
	}
	return m
}

// lexicon.PlainSpeechVerbs are question verbs that ask for anything said
// (lexicon.PlainSpeechVerbs).

// cueLemmas are the lemmas a verb form may have: "cautioned" may be
// "caution"; "urged" may be "urge"; "argues" may be "argue".
func cueLemmas(v string) []string {
	out := []string{v}
	add := func(l string) {
		if len(l) >= 3 && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if base, ok := strings.CutSuffix(v, suf); ok {
			add(base)
			add(base + "e")
		}
	}
	if base, ok := strings.CutSuffix(v, "ied"); ok {
		add(base + "y")
	}
	if base, ok := strings.CutSuffix(v, "ies"); ok {
		add(base + "y")
	}
	return out
}

// saidScored is a statement a said-answer may quote, with its features and
// score.
type saidScored struct {
	store.StatementRow
	f     [nSaid]float64
	score float64
}

// saidTopic is the topic of a said-question as term groups: its topic words
// and the target's extra words, with their paraphrases and word families.
func (e *Engine) saidTopic(ctx context.Context, ix *index, q Question, t target) ([]termGroup, error) {
	topic := paraphrased(e.termGroups(append(append([]string{}, q.Topic...), t.extra...)), q.Words)
	if !useFamilies || len(topic) == 0 {
		return topic, nil
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return nil, err
	}
	return withFamilies(ri, topic), nil
}

// saidCandidates reads the statements of a resolved actor and of those who
// speak for them, and scores each on the question, in document order; it
// also returns how many topic groups the question has.
func (e *Engine) saidCandidates(ctx context.Context, ix *index, q Question, t target) ([]saidScored, []termGroup, error) {
	ids := make([]int64, 0, len(t.direct)+len(t.affiliates))
	direct := map[int64]bool{}
	matched := map[int64]bool{}
	for _, i := range t.direct {
		ids = append(ids, ix.actors[i].ID)
		direct[ix.actors[i].ID] = true
		if t.matched[i] {
			matched[ix.actors[i].ID] = true
		}
	}
	// Those who speak for them, newest briefings first (the index's order), as
	// many as are worth reading.
	aff := append([]int(nil), t.affiliates...)
	sort.Ints(aff)
	for _, i := range aff {
		if len(ids) >= maxSpeakersRead {
			break
		}
		ids = append(ids, ix.actors[i].ID)
	}
	rows, err := e.statements(ctx, ids, maxStatementsRead)
	if err != nil {
		return nil, nil, err
	}
	// A headline is not a statement to quote: the body says it in full.
	rows = slices.DeleteFunc(rows, func(r store.StatementRow) bool { return r.Text == r.DocTitle })
	if len(rows) == 0 {
		return nil, nil, nil
	}
	topic, err := e.saidTopic(ctx, ix, q, t)
	if err != nil {
		return nil, nil, err
	}
	weight, total, err := e.weights(ctx, ix.gen, topic)
	if err != nil {
		return nil, nil, err
	}
	// The briefing answers where the actor and the topic meet: statements
	// from a briefing that holds more of the topic rank higher.
	docTopic := func(string) float64 { return 0 }
	if len(topic) > 0 {
		ri, err := e.rankIndex(ctx, ix.gen)
		if err != nil {
			return nil, nil, err
		}
		rq := ri.query(topic, ansNone, nil)
		seen := map[string]float64{}
		docTopic = func(path string) float64 {
			c, ok := seen[path]
			if !ok {
				c = ri.docCoverage(rq, path)
				seen[path] = c
			}
			return c
		}
	}
	verb := verbTerms(q.Focus)
	var ri *rankIndex
	if len(topic) > 0 {
		if ri, err = e.rankIndex(ctx, ix.gen); err != nil {
			return nil, nil, err
		}
	}
	// Coverage reads only the topic's terms of a sentence, and nothing
	// without a topic's weight.
	want := groupTerms(topic)
	var buf []string
	var ss []saidScored
	for i, r := range rows {
		var f [nSaid]float64
		f[sDirect] = b2f(direct[r.SpeakerID])
		if total > 0 {
			have := termsIn(r.Text, want, &buf)
			f[sTopic] = coverage(topic, weight, total, have)
			if ri != nil && f[sTopic] < 1 && ri.addBefore(have, want, r.DocPath, r.N) {
				f[sContext] = coverage(topic, weight, total, have) - f[sTopic]
			}
		}
		f[sDocTopic] = docTopic(r.DocPath)
		f[sMatched] = b2f(matched[r.SpeakerID])
		f[sCue] = b2f(verb[r.Cue])
		f[sNegated] = b2f(r.Negated)
		f[sQuoted] = b2f(r.Direct)
		s := 0.0
		for k, w := range saidWeights {
			s += w * f[k]
		}
		s -= float64(i) * 0.001 // keep document order among equals
		ss = append(ss, saidScored{r, f, s})
	}
	return ss, topic, nil
}
