package dialog

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
)

// A follow-up is how a question leans on the turns before it.
type followUp int

const (
	standalone followUp = iota // asked as it is (after its pronouns are resolved)
	more                       // "tell me more": further sentences on the last turn
)

// leadingWords are dropped from the start of a follow-up: "and Russia?", "but why?".
var leadingWords = []string{"and", "but", "also", "so", "ok", "okay", "then"}

// continuations are whole questions that carry on the last turn's topic, each
// with the start of the question it becomes (the last turn's topic follows).
var continuations = map[string]string{
	"why": "why", "why so": "why", "how come": "why", "why is that": "why",
	"why was that": "why", "for what reason": "why", "how many": "how many",
	"how much": "how much", "how many of them": "how many", "any figures": "how many",
	"what figures": "how many", "numbers": "how many", "any numbers": "how many",
	"when": "when", "when was that": "when", "when did that happen": "when",
	"when was this": "when", "where": "where", "where was that": "where",
	"where did that happen": "where",
}

// moreRequests ask for more on the last turn.
var moreRequests = set("more", "tell me more", "more please", "go on", "continue",
	"what else", "anything else", "more details", "details", "elaborate", "keep going",
	"what more", "say more", "tell me more about that", "more about that", "and",
	"anything more", "more sources", "other sources", "what else did they say",
	"what else did he say", "what else did she say")

// ellipsisOpeners start a question that repeats the last one about someone else:
// "what about Japan?", "and Lammy?" (after leadingWords are dropped), "how about
// the UK?".
var ellipsisOpeners = []string{"what about", "how about", "what of", "same for",
	"same question for", "the same for", "and for", "for", "about", "as for"}

// bareEllipsis starts an elliptical question that is only the new actor:
// "and Russia?", "but Lammy?" ("ok thanks" is none).
var bareEllipsis = regexp.MustCompile(`^(?:and|but|also)\b`)

// ellipsisClosers end one: "Russia too?", "Japan as well?".
var ellipsisClosers = []string{"too", "as well", "also"}

// maxEllipsis is the most words an elliptical question's new actor may have.
const maxEllipsis = 5

// questionWords start a full question, not an elliptical one.
var questionWords = set("what", "who", "whom", "whose", "when", "where", "why", "how",
	"which", "did", "does", "do", "is", "are", "was", "were", "has", "have", "had",
	"will", "would", "can", "could", "should", "tell", "give", "list", "show", "name",
	"summarise", "summarize", "explain", "describe")

// rewrite turns a question into a self-contained one from the turns before it
// (oldest first), and says what kind of follow-up it is.
func rewrite(question string, hist []turn) (string, followUp) {
	q := strings.TrimSpace(question)
	if len(hist) == 0 || q == "" {
		return q, standalone
	}
	norm := normalise(q)
	rest := dropLeading(norm)
	if moreRequests[norm] || moreRequests[rest] {
		return q, more
	}
	last := hist[len(hist)-1]
	if r, ok := picked(rest, last.answer.Readings); ok {
		return r.Question, standalone
	}
	if start, ok := continuations[rest]; ok {
		return continueTopic(start, last), standalone
	}
	if x, ok := ellipsis(norm, rest); ok {
		return reAsk(last, resolveReferences(asWritten(q, x), hist)), standalone
	}
	if rest != norm && rest != "" && questionWords[firstWord(rest)] {
		q = stripLeading(q) // "and what did he say?"
	}
	return resolveReferences(q, hist), standalone
}

// topicInstead reads an elliptical question as a new topic for the last
// question instead of a new actor: after "what did Russia say?", "what about
// the pact?" asks what Russia said about the pact. It returns that question and
// the words read as the actor; ok is false for any other question.
func topicInstead(question string, hist []turn) (alt, x string, ok bool) {
	if len(hist) == 0 {
		return "", "", false
	}
	norm := normalise(question)
	x, ok = ellipsis(norm, dropLeading(norm))
	last := hist[len(hist)-1].question
	if !ok || answer.Parse(last).Intent != answer.Said {
		return "", "", false
	}
	x = asWritten(question, x)
	base := strings.TrimRight(last, "?!. ")
	if loc := aboutTopic.FindStringIndex(base); loc != nil {
		base = base[:loc[0]]
	}
	return base + " about " + x + "?", x, true
}

// aboutTopic finds the topic of a said question: "... say about the troops".
var aboutTopic = regexp.MustCompile(`(?i)\s+(?:about|on|regarding)\s+.*$`)

// names reports whether an answer took the words x for an actor.
func names(a knowledge.Answer, x string) bool {
	w := strings.Fields(strings.ToLower(x))
	if len(w) == 0 {
		return false
	}
	last := strings.Trim(w[len(w)-1], "?!.,'’")
	for _, r := range a.About {
		if r.Phrase != "" && strings.Contains(" "+r.Phrase+" ", " "+last+" ") {
			return true
		}
	}
	return false
}

// normalise lower-cases a question and trims its punctuation and spaces.
func normalise(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	return strings.TrimFunc(q, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// dropLeading drops leadingWords from the start of a normalised question.
func dropLeading(n string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadingWords {
			if strings.HasPrefix(n, w+" ") {
				n = strings.TrimLeft(n[len(w):], " ,")
				changed = true
			}
		}
	}
	return n
}

// stripLeading drops leadingWords from the start of a question as written.
func stripLeading(q string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadingWords {
			if len(q) > len(w) && strings.EqualFold(q[:len(w)], w) && (q[len(w)] == ' ' || q[len(w)] == ',') {
				q = strings.TrimLeft(q[len(w):], " ,")
				changed = true
			}
		}
	}
	return q
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// ellipsis reads the new actor of an elliptical question ("what about Japan"
// → "japan"), given the question normalised and without its leading words.
func ellipsis(norm, rest string) (string, bool) {
	x := ""
	for _, o := range ellipsisOpeners {
		if strings.HasPrefix(rest, o+" ") {
			x = strings.TrimSpace(rest[len(o):])
			break
		}
	}
	if x == "" {
		for _, c := range ellipsisClosers {
			if strings.HasSuffix(rest, " "+c) {
				x = strings.TrimSpace(strings.TrimSuffix(rest, c))
				break
			}
		}
	}
	if x == "" && bareEllipsis.MatchString(norm) {
		x = rest // "and Russia?"
	}
	x = strings.TrimFunc(x, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	if x == "" || questionWords[firstWord(x)] || len(strings.Fields(x)) > maxEllipsis {
		return "", false
	}
	return x, true
}

// asWritten finds the lower-cased words x in q and returns them as q writes
// them ("Lammy" for "lammy"), or x when they cannot be found.
func asWritten(q, x string) string {
	q = strings.Join(strings.Fields(q), " ")
	lower := strings.ToLower(q)
	if len(lower) != len(q) {
		return x
	}
	if i := strings.Index(lower, x); i >= 0 {
		return q[i : i+len(x)]
	}
	return x
}

// reAsk asks the last turn's question again about x instead of the actor it
// named; a question that named none gets x added.
func reAsk(last turn, x string) string {
	q := last.question
	// The spans of the question that name actors; the first, with any that
	// follow it ("Iran's parliament"), is the actor replaced.
	phrases := []string{answer.Parse(q).Subject} // named even when not found
	for _, r := range last.answer.About {
		phrases = append(phrases, r.Phrase)
	}
	var spans [][]int
	for _, p := range phrases {
		if p == "" {
			continue
		}
		if re := phraseRegexp(p); re != nil {
			if loc := re.FindStringIndex(q); loc != nil {
				spans = append(spans, loc)
			}
		}
	}
	if len(spans) == 0 {
		return strings.TrimRight(q, "?!. ") + " " + x + "?"
	}
	slices.SortFunc(spans, func(a, b []int) int { return a[0] - b[0] })
	start, end := spans[0][0], spans[0][1]
	for _, s := range spans[1:] {
		if s[0] >= end && !joined.MatchString(q[end:s[0]]) {
			break
		}
		end = max(end, s[1])
	}
	return q[:start] + x + q[end:]
}

// joined matches what may come between the names of one actor phrase:
// "Iran's parliament", "the UK foreign office".
var joined = regexp.MustCompile(`^(?:['’]s)?\s*$`)

// phraseRegexp matches the words of a phrase in a question as written, in any
// case, whatever spaces, commas or possessive marks come between them.
func phraseRegexp(phrase string) *regexp.Regexp {
	var parts []string
	for _, w := range strings.Fields(phrase) {
		if w == "'s" {
			parts = append(parts, `['’]s`)
			continue
		}
		parts = append(parts, regexp.QuoteMeta(w))
	}
	if len(parts) == 0 {
		return nil
	}
	re, err := regexp.Compile(`(?i)\b` + strings.Join(parts, `[\s,]*`) + `\b`)
	if err != nil {
		return nil
	}
	return re
}

// continueTopic asks start ("why", "how many") about the last turn's topic: its
// question's topic words, and the actor it was about as the source.
func continueTopic(start string, last turn) string {
	p := answer.Parse(last.question)
	topic := strings.Join(p.Topic, " ")
	if p.Intent == answer.Quantity && p.Focus != "" && !strings.Contains(" "+topic+" ", " "+p.Focus+" ") {
		topic = strings.TrimSpace(p.Focus + " " + topic)
	}
	actor := ""
	if len(last.answer.About) > 0 {
		actor = last.answer.About[0].Name
	}
	switch {
	case topic != "" && actor != "" && !strings.Contains(strings.ToLower(topic), strings.ToLower(actor)):
		return start + " " + topic + " according to " + actor + "?"
	case topic != "":
		return start + " " + topic + "?"
	case actor != "":
		return start + " " + actor + "?"
	}
	return start + "?"
}

// pronoun is what a pronoun may refer to.
type pronoun struct {
	person, thing bool // he/she are people, it a thing; they either
	possessive    bool // "his", "their": the name takes "'s"
	// object pronouns may refer to an earlier turn's actor even after the
	// question names someone: in "what did Lammy say about them?" they are
	// not Lammy.
	object bool
}

// pronouns are the pronouns resolved to an earlier actor.
var pronouns = map[string]pronoun{
	"he": {person: true}, "him": {person: true, object: true}, "his": {person: true, possessive: true},
	"she": {person: true}, "her": {person: true, object: true}, "hers": {person: true, possessive: true},
	"himself": {person: true}, "herself": {person: true},
	"they": {}, "them": {object: true}, "their": {possessive: true}, "theirs": {possessive: true},
	"it": {thing: true}, "its": {thing: true, possessive: true},
}

// expletiveNeighbours are words next to "it" that make it no one: "is it true",
// "it seems".
var expletiveNeighbours = set("is", "was", "isn't", "wasn't", "be", "true", "possible",
	"likely", "clear", "seems", "seemed", "appears", "appeared", "means", "matter",
	"matters", "mean", "'s", "’s", "that")

// descriptions are nouns that describe an earlier actor of a kind: "the man",
// "the country", "the alliance".
var descriptions = map[string]func(knowledge.ActorRef) bool{
	"man": isPerson, "woman": isPerson, "person": isPerson, "official": isPerson,
	"guy": isPerson, "politician": isPerson, "diplomat": isPerson,
	"country": isCountry, "nation": isCountry, "state": isCountry,
	"organisation": isOrg, "organization": isOrg, "alliance": isOrg, "bloc": isOrg,
	"body": isOrg, "group": isOrg, "agency": isOrg, "institution": isOrg,
}

func isPerson(r knowledge.ActorRef) bool  { return r.Kind == knowledge.Person }
func isCountry(r knowledge.ActorRef) bool { return r.Kind == knowledge.Country }
func isOrg(r knowledge.ActorRef) bool {
	return r.Kind == knowledge.Organisation || r.Kind == knowledge.Government
}

// determiners start a description of an earlier actor.
var determiners = set("the", "that", "this")

// maxDescription is the most words of a description after its determiner.
const maxDescription = 3

// resolveReferences replaces the pronouns and descriptions of a question that
// refer to an actor of an earlier turn by the actor's name.
func resolveReferences(q string, hist []turn) string {
	toks := tokenize(q)
	var b strings.Builder
	pos := 0
	named := false // the question names someone itself: later pronouns are theirs
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		repl, n := "", 1
		if p, ok := pronouns[t.word]; ok && !expletive(toks, i) {
			possessive := p.possessive || t.word == "her" && i+1 < len(toks) && !stopWord(toks[i+1].word)
			if r, ok := referent(hist, p); ok && (!named || p.object && !possessive && !strings.Contains(q, r.Name)) {
				repl = r.Name
				if possessive {
					repl += "'s"
				}
			}
		} else if determiners[t.word] && !named {
			if r, k, ok := described(toks[i+1:], hist); ok {
				repl, n = r.Name, 1+k
			}
		}
		if _, isPronoun := pronouns[t.word]; i > 0 && isCapitalised(t.text) && !isPronoun && !named {
			named = !stopWord(t.word)
		}
		if repl == "" {
			continue
		}
		end := toks[i+n-1]
		b.WriteString(q[pos:t.start])
		b.WriteString(t.lead)
		b.WriteString(repl)
		b.WriteString(end.trail)
		pos = end.end
		i += n - 1
	}
	b.WriteString(q[pos:])
	return b.String()
}

// expletive reports whether the "it" at toks[i] refers to no one ("is it true").
func expletive(toks []token, i int) bool {
	if toks[i].word != "it" {
		return false
	}
	return i > 0 && expletiveNeighbours[toks[i-1].word] || i+1 < len(toks) && expletiveNeighbours[toks[i+1].word] || i+1 == len(toks)
}

// referent is the latest actor a pronoun can refer to.
func referent(hist []turn, p pronoun) (knowledge.ActorRef, bool) {
	for i := len(hist) - 1; i >= 0; i-- {
		for _, r := range hist[i].answer.About {
			if p.person && r.Kind != knowledge.Person || p.thing && r.Kind == knowledge.Person {
				continue
			}
			return r, true
		}
	}
	return knowledge.ActorRef{}, false
}

// described matches the words after a determiner with an actor of the last
// turns: by a description noun ("the country") or by the words of the actor's
// title ("the minister", "the foreign minister"). It returns how many words
// the description has.
func described(rest []token, hist []turn) (knowledge.ActorRef, int, bool) {
	for n := min(maxDescription, len(rest)); n >= 1; n-- {
		ws := make([]string, n)
		for j := range ws {
			ws[j] = rest[j].word
			if j < n-1 && rest[j].trail != "" {
				ws = nil // a description does not run past punctuation
				break
			}
		}
		if ws == nil {
			continue
		}
		for i := len(hist) - 1; i >= 0; i-- {
			for _, r := range hist[i].answer.About {
				if fits(ws, r) {
					return r, n, true
				}
			}
		}
	}
	return knowledge.ActorRef{}, 0, false
}

// fits reports whether the words describe the actor.
func fits(ws []string, r knowledge.ActorRef) bool {
	if len(ws) == 1 {
		if kind, ok := descriptions[ws[0]]; ok {
			return kind(r)
		}
	}
	if r.Title == "" {
		return false
	}
	title := set(strings.FieldsFunc(strings.ToLower(r.Title), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	})...)
	for _, w := range ws {
		for _, p := range strings.FieldsFunc(w, func(c rune) bool { return c == '-' }) {
			if !title[p] {
				return false
			}
		}
	}
	return true
}

// token is a word of a question as written: text is the whole field between
// spaces, word its lower-case core, lead and trail the punctuation around it.
type token struct {
	text, word, lead, trail string
	start, end              int // byte offsets of text in the question
}

// tokenize splits a question at spaces.
func tokenize(q string) []token {
	var out []token
	i := 0
	for i < len(q) {
		for i < len(q) && q[i] == ' ' {
			i++
		}
		j := i
		for j < len(q) && q[j] != ' ' {
			j++
		}
		if j > i {
			text := q[i:j]
			core := strings.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' && r != '’' })
			core = strings.Trim(core, "'’")
			k := strings.Index(text, core)
			if core == "" {
				k = 0
			}
			out = append(out, token{text: text, word: strings.ToLower(core), lead: text[:k], trail: text[k+len(core):], start: i, end: j})
		}
		i = j
	}
	return out
}

// isCapitalised reports whether a word as written starts with a capital.
func isCapitalised(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsPunct)
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// stopWord reports function words, for telling "her government" from "told her".
func stopWord(w string) bool { return functionWords[w] || w == "" }

var functionWords = set("a", "an", "the", "of", "to", "in", "on", "at", "by", "for",
	"with", "about", "from", "and", "or", "but", "that", "this", "is", "are", "was",
	"were", "did", "do", "does", "has", "have", "had", "say", "said", "what", "who",
	"why", "how", "when", "where", "i", "what's", "who's")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
