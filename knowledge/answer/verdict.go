package answer

import (
	"context"
	"regexp"
	"strings"

	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// A yes/no question is answered by what its best sentence settles, led by the
// verdict: "No — not confirmed: ...", "Not stated: ...", "Not certain: ...",
// "No: ...", "Yes: ...". The stored statements of the sentence (their cue and
// negation) settle it first, then the sentence's words.

// verdict is what a sentence settles about a yes/no question.
type verdict string

// The verdicts, as an answer leads with them.
const (
	verdictYes          verdict = "Yes"
	verdictNo           verdict = "No"
	verdictNotConfirmed verdict = "No — not confirmed"
	verdictNotStated    verdict = "Not stated"
	verdictUncertain    verdict = "Not certain"
	verdictIndirect     verdict = "The briefings do not say so directly"
)

// nonAnswers are phrases by which a sentence declines to settle anything.
var nonAnswers = []string{"declined to say", "declined to comment", "refused to say",
	"refused to comment", "would not say", "would not comment", "could not comment",
	"did not say", "no comment", "no decision", "not yet decided", "yet to decide",
	"has yet to", "have yet to", "not clear whether", "unclear whether", "remains to be seen",
	"not known whether", "not been decided", "no word on", "did not comment", "would not be drawn"}

// unconfirmed are phrases that report something not confirmed.
var unconfirmed = []string{"did not confirm", "not confirmed", "unconfirmed", "could not confirm",
	"would not confirm", "refused to confirm", "declined to confirm", "neither confirmed nor denied"}

// negations make a sentence say no.
var negations = set("not", "no", "never", "n't", "neither", "nor", "none", "nobody",
	"denied", "denies", "deny", "rejected", "rejects", "reject", "refused", "refuses",
	"dismissed", "dismisses", "failed", "fails", "cannot")

// hedges make what a sentence says uncertain: "could", "is expected to".
var hedges = set("could", "may", "might", "probably", "possibly", "perhaps", "likely",
	"unlikely", "expected", "expects", "considering", "reportedly", "believed", "suggest",
	"suggests", "suggested")

// silentCues, negated, say that someone did not speak: "did not comment".
var silentCues = set("comment", "say", "respond", "reply", "answer", "speak", "disclose",
	"reveal", "elaborate", "tell", "release")

// negatingCues are statement cues that say no by themselves.
var negatingCues = set("deny", "reject", "dismiss", "refuse", "rule out")

// settle reads the verdict a sentence gives a yes/no question, from the
// sentence's stored statements first and then its words.
func settle(text string, stmts []store.StatementRow) verdict {
	for _, s := range stmts {
		switch {
		case !s.Negated:
		case strings.Contains(s.Cue, "confirm"):
			return verdictNotConfirmed
		case silentCues[s.Cue] || strings.HasSuffix(s.Cue, "a statement"):
			return verdictNotStated
		default:
			return verdictNo // "does not support a higher fare"
		}
	}
	l := " " + strings.ToLower(foldApostrophes(text)) + " "
	for _, p := range unconfirmed {
		if strings.Contains(l, p) {
			return verdictNotConfirmed
		}
	}
	for _, p := range nonAnswers {
		if strings.Contains(l, p) {
			return verdictNotStated
		}
	}
	for _, s := range stmts {
		if negatingCues[s.Cue] {
			return verdictNo
		}
	}
	neg, hedge := false, false
	for _, w := range strings.FieldsFunc(strings.ReplaceAll(l, "n't", " n't"), notWordRune) {
		neg = neg || negations[w]
		hedge = hedge || hedges[w]
	}
	switch {
	case neg:
		return verdictNo
	case hedge:
		return verdictUncertain
	}
	return verdictYes
}

func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r == '\'' || r >= 0x80)
}

// yesNoText leads a yes/no answer with its verdict. A sentence holding too
// little of the question gets no yes: it is what the briefings say nearby.
func (ix *rankIndex) yesNoText(v verdict, gistText string, covered bool) string {
	if v == verdictYes && !covered {
		v = verdictIndirect
	}
	return string(v) + ": " + ix.lowerFirst(gistText)
}

// lowerFirst lowers the first letter of a text that starts with a common
// word, so that it reads on after a lead-in: a function word ("The", "It")
// or a word the briefings mostly write in lower case where it does not open
// a sentence ("Officials"). Names keep their capital. A nil index knows only
// the function words.
func (ix *rankIndex) lowerFirst(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if w == "" || w == "I" || strings.ToLower(w) == w {
		return s
	}
	lw := strings.ToLower(strings.TrimRight(w, ",;:"))
	if stopWords[lw] || ix != nil && ix.commonWord(lw) {
		return strings.ToLower(w[:1]) + s[1:]
	}
	return s
}

// modalBefore finds a modal right before a figure ("the fund might also be
// worth about £30m") or after what it counts ("12,000 soldiers could be
// deployed"), so that a figure that could be is not given as one that is.
var (
	modalAfter  = regexp.MustCompile(`^\s*(could|may|might|are expected to|is expected to|are likely to|is likely to)(\s+(?:also\s+)?be\s+\w+|\s+\w+)?`)
	modalBefore = regexp.MustCompile(`\b(could|may|might)\b(?:\s+also)?\s+be\b(?:\s+\S+){0,10}\s*$`)
)

// figureModal returns how uncertain a sentence makes a figure: "could be
// deployed" after it, or "could be" before it; "" when it is stated as fact.
func figureModal(sentence, figure, counted string) (after, before string) {
	i := strings.Index(sentence, figure)
	if i < 0 {
		return "", ""
	}
	rest := sentence[i+len(figure):]
	if counted != "" {
		if j := strings.Index(rest, counted); j >= 0 && j < 5 {
			rest = rest[j+len(counted):]
		}
	}
	if m := modalAfter.FindString(rest); m != "" {
		return strings.TrimSpace(m), ""
	}
	head := sentence[:i]
	if k := strings.LastIndexAny(head, ",;:."); k >= 0 {
		head = head[k+1:]
	}
	if m := modalBefore.FindStringSubmatch(head); m != nil {
		return "", m[1]
	}
	return "", ""
}

// maxYesNoSubject is the most words after a yes/no question's auxiliary
// tried as the actor it asks about.
const maxYesNoSubject = 4

// yesNo answers a yes/no question. One that asks about an act of an actor
// the briefings quote ("did the minister rule out ...", "has the firm owned
// up ...") is answered from the actor's statements when one of them (or
// their briefing) holds the question's topic, the statement's cue and
// negation leading the answer; any other is answered by search.
func (e *Engine) yesNo(ctx context.Context, ix *index, q Question) (reply, error) {
	r, err := e.search(ctx, ix, q, nil)
	if err != nil {
		return reply{}, err
	}
	sq, t, ok := e.yesNoActor(ctx, ix, q)
	if !ok {
		return r, nil
	}
	ss, topic, err := e.saidCandidates(ctx, ix, sq, t)
	if err != nil || len(ss) == 0 {
		return r, err
	}
	topicLen := len(topic)
	best := bestCoverage(ss)
	if topicLen > 0 && best < minSaidCoverage {
		return r, nil
	}
	if len(r.cites) > 0 && topicLen > 0 {
		// The search's sentence answers when it holds more of the
		// topic than any of the actor's statements.
		topic, err := e.saidTopic(ctx, ix, sq, t)
		if err != nil {
			return reply{}, err
		}
		weight, total, err := e.weights(ctx, ix.gen, topic)
		if err != nil {
			return reply{}, err
		}
		if coverage(topic, weight, total, termSet(stem.Terms(r.cites[0].Text))) > best {
			return r, nil
		}
	}
	r, err = e.quote(ctx, ix, sq, ss, topicLen)
	if err != nil || lexicon.SettlingVerbs[sq.Focus] {
		return r, err
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return reply{}, err
	}
	r.text = string(settle(ss[0].Text, []store.StatementRow{ss[0].StatementRow})) + ": " + ri.lowerFirst(r.text)
	return r, nil
}

// yesNoActor reads a yes/no question as a said-question on the actor it
// asks about: the longest phrase (up to maxYesNoSubject words) right after
// the auxiliary that names an actor the store knows, cut to the fewest words
// that name the same actor, is the subject, the word
// after it the verb whose cue is asked for, and the words from the verb on
// the topic.
func (e *Engine) yesNoActor(ctx context.Context, ix *index, q Question) (Question, target, bool) {
	w := q.Words
	if q.Intent != YesNo || len(w) < 3 || !auxWords[w[0]] {
		return q, target{}, false
	}
	for n := min(maxYesNoSubject, len(w)-2); n >= 1; n-- {
		subj, rest := w[1:1+n], w[1+n:]
		if len(contentWords(subj)) == 0 || stopWords[subj[len(subj)-1]] || len(contentWords(rest)) == 0 {
			continue
		}
		t := e.resolve(ctx, ix, strings.Join(subj, " "))
		if !t.found() || t.how == "fuzzy" {
			continue // a misspelt name guessed at is no subject to settle on
		}
		// The words that name them and no more: "the pm", not "the pm
		// agree", when both name the prime minister.
		for len(subj) > 1 && len(contentWords(subj[:len(subj)-1])) > 0 {
			shorter := e.resolve(ctx, ix, strings.Join(subj[:len(subj)-1], " "))
			if !shorter.found() || shorter.name != t.name {
				break
			}
			subj, rest, t = subj[:len(subj)-1], w[len(subj):], shorter
		}
		sq := q
		sq.Subject, sq.Focus, sq.Topic = strings.Join(subj, " "), rest[0], contentWords(rest)
		return sq, t, true
	}
	return q, target{}, false
}
