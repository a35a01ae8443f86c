package answer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/stem"
)

// An answer found by search says what its sentence says about the question,
// not the whole sentence again: the sentence itself is quoted under the
// answer. gist keeps the clauses that hold the question's words (or the kind
// of answer asked for), drops the word that ties the sentence to the one
// before it, and puts a trailing attribution first ("..., the union said." reads
// "The union said: ...").

// clauseBreaks are where a sentence splits into clauses an answer may leave
// out, with the word that starts the next clause.
var clauseBreaks = []string{"; ", ", but ", ", while ", ", although ", ", though ",
	", whereas ", ", amid ", ", despite "}

// openers tie a sentence to the one before; an answer starts without them.
var openers = []string{"But", "And", "However,", "However", "Meanwhile,", "Meanwhile", "Yet",
	"So", "Also,", "Still,", "In addition,", "Indeed,", "Instead,", "Now,", "Separately,",
	"Elsewhere,", "Similarly,", "Likewise,", "Nevertheless,", "Nonetheless,"}

// speechCues end a sentence's trailing attribution: "..., the union has said."
const speechCues = `said|says|added|adds|warned|warns|argued|argues|insisted|insists|stressed|stresses|explained|explains|claimed|claims|noted|notes|believes|thinks|suggested|suggests`

var (
	// trailingSaidX: "..., said Mr Hale." (speaker after the verb).
	trailingSaidX = regexp.MustCompile(`^(.{20,}?),?["”’']? (` + speechCues + `) ([^"“”]{2,140}?)\.?$`)
	// trailingXSaid: "..., the Steel Workers union has said.", "..., Ms Alder told MPs."
	// (speaker before the verb).
	trailingXSaid = regexp.MustCompile(`^(.{20,}?),?["”’']? ([^,"“”]{2,60}?) (?:has |have |had )?(` + speechCues + `|told [^,]{2,40})\.?$`)
)

// pronouns stand for a speaker named in an earlier sentence: an attribution
// to one stays where it is.
var pronouns = set("he", "she", "they", "it", "we", "i", "you", "this", "that")

// gist is what a sentence says about the question, for an answer's text.
func gist(text string, groups []termGroup, want answerType) string {
	t := strings.TrimSpace(text)
	who, verb, body := attribution(t)
	if body == "" {
		body = t
	}
	body = dropOpener(body)
	body = keepClauses(body, groups, want)
	body = strings.TrimRight(body, " ,;:.")
	if who != "" {
		return sentence(capitalize(who) + " " + verb + ": " + capitalize(body))
	}
	return sentence(capitalize(body))
}

// attribution splits a sentence ending in an attribution ("..., said Mr
// Hale.", "..., the union has said.") into speaker, verb and what was said.
// A pronoun speaker, or no attribution, gives "".
func attribution(t string) (who, verb, body string) {
	if m := trailingSaidX.FindStringSubmatch(t); m != nil && speakerLike(m[3]) {
		return m[3], pastCue(m[2]), strings.Trim(m[1], ` "“”'’`)
	}
	if m := trailingXSaid.FindStringSubmatch(t); m != nil && speakerLike(m[2]) {
		return midSentence(m[2]), pastCue(strings.TrimRight(m[3], ".")), strings.Trim(m[1], ` "“”'’`)
	}
	return "", "", ""
}

// speakerLike reports whether a phrase can name a speaker: not a pronoun, a
// few words, none of them a verb of the clause before.
func speakerLike(p string) bool {
	name, _, _ := strings.Cut(p, ",") // "Maria Kestrel, deputy state labour secretary"
	f := strings.Fields(name)
	if len(f) == 0 || len(f) > 8 || pronouns[strings.ToLower(f[0])] && len(f) == 1 {
		return false
	}
	// A speaker is named ("Mr Hale", "Unite") or described ("the
	// union"), not a day or a clause.
	if first := f[0]; !firstUpper(first) && !articles[first] || timeWords[strings.ToLower(first)] {
		return false
	}
	for _, w := range f {
		if stopWords[strings.ToLower(w)] && !(w == "the" || w == "The" || w == "of" || w == "and" || w == "at") {
			return false
		}
	}
	return true
}

// articles may start a described speaker: "the union", "a spokesman".
var articles = set("the", "a", "an", "The", "A", "An")

// firstUpper reports whether s starts with a capital letter.
func firstUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// pastCue writes a trailing cue in the past tense: "says" reads "said".
func pastCue(v string) string {
	head, rest, _ := strings.Cut(v, " ")
	switch head {
	case "says":
		head = "said"
	case "adds", "warns", "argues", "insists", "stresses", "explains", "claims", "notes", "suggests":
		head = pastTense(strings.TrimSuffix(head, "s"))
	case "believes", "thinks":
		// a belief is present
	}
	if rest != "" {
		return head + " " + rest
	}
	return head
}

// dropOpener removes a word that ties a sentence to the one before it.
func dropOpener(t string) string {
	for _, o := range openers {
		if strings.HasPrefix(t, o+" ") && len(t) > len(o)+20 {
			return capitalize(strings.TrimSpace(t[len(o)+1:]))
		}
	}
	return t
}

// keepClauses keeps the run of clauses, from the first to the last, that hold
// the question's words or the kind of answer it asks for; the whole text when
// none or all do.
func keepClauses(t string, groups []termGroup, want answerType) string {
	cs := splitClauses(t)
	if len(cs) < 2 {
		return t
	}
	first, last := -1, -1
	for i, c := range cs {
		if clauseAnswers(c, groups, want) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return t
	}
	out := strings.Join(cs[first:last+1], "")
	if first > 0 {
		out = capitalize(strings.TrimLeft(out, " ,;-–—"))
		if w, rest, ok := strings.Cut(out, " "); ok && connectives[strings.ToLower(w)] {
			out = rest
		}
	}
	return out
}

// connectives start the clauses clauseBreaks cut before.
var connectives = set("but", "while", "although", "though", "whereas", "amid", "despite")

// adverbialOpeners start a leading phrase set off by a comma ("At a rally on
// Sunday morning, the mayor backed the plan ..."), which an answer may
// leave out when it holds nothing the question asks.
var adverbialOpeners = set("In", "On", "At", "After", "During", "Despite", "With", "Following",
	"Amid", "Earlier", "Later", "Last", "This", "Speaking", "Writing", "Asked", "Since", "Before",
	"Under", "Over", "For", "From", "Meanwhile")

// maxAdverbial is the longest leading phrase, in bytes, taken as one clause.
const maxAdverbial = 90

// splitClauses cuts t before each clause break, and after a leading
// adverbial phrase; the pieces joined give t back.
func splitClauses(t string) []string {
	var out []string
	start := 0
	if w, _, _ := strings.Cut(t, " "); adverbialOpeners[w] {
		if i := strings.Index(t, ", "); i > 0 && i < maxAdverbial && !insideQuote(t[:i]) {
			out = append(out, t[:i+1])
			start = i + 1
		}
	}
	for i := 0; i < len(t); i++ {
		for _, b := range clauseBreaks {
			if strings.HasPrefix(t[i:], b) && i > start && !insideQuote(t[:i]) {
				out = append(out, t[start:i])
				start = i
				break
			}
		}
	}
	return append(out, t[start:])
}

// insideQuote reports whether text ends inside an open quotation.
func insideQuote(s string) bool {
	return (strings.Count(s, "\"")%2 == 1) || strings.Count(s, "“") > strings.Count(s, "”")
}

// clauseAnswers reports whether a clause holds one of the question's words, or
// for a question wanting a figure or a date, one.
func clauseAnswers(c string, groups []termGroup, want answerType) bool {
	have := termSet(stem.Terms(c))
	for _, g := range groups {
		if have[g.main] || anyIn(g.alts, have) {
			return true
		}
	}
	switch want {
	case ansReason:
		for t := range have {
			if causal[t] {
				return true
			}
		}
	case ansPerson, ansPlace, ansName:
		// A name the question lacks may be the answer: keep clauses holding one.
		for i, w := range strings.Fields(c) {
			if i > 0 && firstUpper(w) {
				return true
			}
		}
	case ansNumber:
		return hasDigit(c)
	case ansTime:
		if hasDigit(c) {
			return true
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(c), notWordRune) {
			if timeWords[w] || months[w] {
				return true
			}
		}
	}
	return false
}

// sameText reports whether two texts say the same words, ignoring case,
// punctuation and spacing.
func sameText(a, b string) bool {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	return norm(a) == norm(b)
}
