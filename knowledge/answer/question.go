package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// Intent is what a question asks for.
type Intent string

// The intents a question can have.
const (
	Said     Intent = "said"     // what an actor said, thinks, wants; their position
	Quantity Intent = "quantity" // how many, how much, what share
	WhoIs    Intent = "who-is"   // who an actor is
	When     Intent = "when"
	Where    Intent = "where"
	Why      Intent = "why"
	YesNo    Intent = "yes-no"
	Summary  Intent = "summary" // tell me about X
	Search   Intent = "search"  // anything else
)

// Question is a parsed question.
type Question struct {
	Raw    string
	Words  []string // lower-case words, contractions expanded
	Intent Intent
	// Subject is the actor phrase the question is about ("the kremlin", "lamy"),
	// for Said, WhoIs and Summary.
	Subject string
	// Topic is what the question asks about besides its subject ("the budget").
	Topic []string
	// Focus is what a quantity question counts ("troops"), or the verb a said
	// question uses ("want", "argue").
	Focus string
	// expects is the kind of answer the question wants (a name, a date, a
	// figure, a place, a reason), decided here once for the ranker and the
	// composer alike.
	expects answerType
}

// MaxQuestion is the longest question read, in bytes; the rest is ignored.
const MaxQuestion = 1000

// lexicon.QuestionSpeechVerbs ask what an actor said or thinks (lexicon.QuestionSpeechVerbs).

// positionNouns ask for a stated position: "the French position on ...".
var positionNouns = set("position", "view", "views", "stance", "reaction", "response",
	"line", "take", "opinion", "opinions", "attitude", "verdict", "message", "statement",
	"statements", "comments", "remarks", "argument", "case", "demands", "concerns",
	"criticism", "objection", "objections", "answer", "reply")

// auxWords start yes/no questions and follow wh-words.
var auxWords = set("did", "does", "do", "is", "are", "was", "were", "has", "have",
	"had", "will", "would", "can", "could", "should", "may", "might", "must", "shall")

// contractions expand casual spellings.
var contractions = map[string][]string{
	"whats": {"what", "is"}, "what's": {"what", "is"}, "who's": {"who", "is"},
	"whos": {"who", "is"}, "where's": {"where", "is"}, "when's": {"when", "is"},
	"how's": {"how", "is"}, "why's": {"why", "is"}, "didnt": {"did", "not"},
	"didn't": {"did", "not"}, "doesnt": {"does", "not"}, "doesn't": {"does", "not"},
	"dont": {"do", "not"}, "don't": {"do", "not"}, "isnt": {"is", "not"},
	"isn't": {"is", "not"}, "wasnt": {"was", "not"}, "wasn't": {"was", "not"},
	"arent": {"are", "not"}, "aren't": {"are", "not"}, "hasnt": {"has", "not"},
	"hasn't": {"has", "not"}, "havent": {"have", "not"}, "haven't": {"have", "not"},
	"wont": {"will", "not"}, "won't": {"will", "not"}, "cant": {"can", "not"},
	"can't": {"can", "not"}, "they're": {"they", "are"}, "it's": {"it", "is"},
	"theyre": {"they", "are"}, "whom": {"who"},
}

// fillers are casual words that carry no meaning in a question.
var fillers = set("lol", "pls", "please", "plz", "thanks", "thx", "really", "actually",
	"exactly", "hey", "hi", "ok", "okay", "so", "um", "uh", "btw", "bot", "briefbot",
	"tell", "me", "right", "now", "again", "just")

// Parse reads a question.
func Parse(raw string) Question {
	raw = clean(raw)
	q := Question{Raw: raw, Words: words(raw)}
	w := q.Words
	if len(w) == 0 {
		q.Intent = Search
		return q
	}
	switch {
	case q.parseWhoIs():
	case q.parseSummary():
	case q.parseQuantity():
	case q.parseSaid():
	case w[0] == "when" || hasSeq(w, "what", "year") || hasSeq(w, "what", "date") || hasSeq(w, "since", "when") || hasSeq(w, "which", "year") || hasSeq(w, "what", "time"):
		q.Intent = When
	case w[0] == "where" || hasSeq(w, "which", "country") || hasSeq(w, "which", "city") || hasSeq(w, "what", "country") || hasSeq(w, "what", "city"):
		q.Intent = Where
	case w[0] == "why" || hasSeq(w, "what", "caused") || hasSeq(w, "how", "come") || hasSeq(w, "for", "what", "reason") || hasSeq(w, "what", "reason"):
		q.Intent = Why
	case auxWords[w[0]]:
		q.Intent = YesNo
	default:
		q.Intent = Search
	}
	if q.Intent != Said && q.Intent != WhoIs && q.Intent != Summary {
		q.Topic = contentWords(w)
	}
	q.expects = expects(q.Intent, w)
	return q
}

// yesNo reports whether a question asks yes or no: its intent, or a said
// question put that way ("did Russia confirm ...?").
func (q Question) yesNo() bool {
	return q.Intent == YesNo || q.Intent == Said && len(q.Words) > 0 && auxWords[q.Words[0]]
}

// intentAnswers are the kinds of answer an intent settles by itself.
var intentAnswers = map[Intent]answerType{
	Quantity: ansNumber,
	When:     ansTime,
	Where:    ansPlace,
	Why:      ansReason,
}

// expects decides the kind of answer a question wants: the one its intent
// settles, else the one its wh-word asks for.
func expects(in Intent, words []string) answerType {
	if t, ok := intentAnswers[in]; ok {
		return t
	}
	return expectedAnswer(words)
}

// answerType is the kind of words a question's answer is made of.
type answerType uint8

const (
	ansNone   answerType = iota
	ansPerson            // who, whom, whose: a name
	ansTime              // when, what year: a date
	ansNumber            // how many, how much, what percentage: a figure
	ansPlace             // where, which country: a name
	ansName              // which team, what is the name of: a name
	ansReason            // why
)

// Words after "what"/"which" that say what kind of answer is wanted.
var (
	timeNouns = set("year", "years", "date", "dates", "century", "centuries", "decade",
		"month", "day", "time", "era", "period", "age", "season")
	numberNouns = set("percentage", "percent", "%", "number", "amount", "proportion",
		"share", "size", "price", "cost", "population", "temperature", "speed", "rate",
		"fraction", "total", "sum", "figure", "length", "height", "weight", "distance",
		"value", "ratio", "score", "budget", "salary", "wage")
	placeNouns = set("country", "countries", "city", "cities", "state", "states", "town",
		"region", "place", "continent", "county", "area", "location", "island", "river",
		"nation", "province", "district", "capital", "village", "port", "street",
		"building", "venue", "stadium", "neighborhood", "neighbourhood", "borough", "ocean",
		"sea", "lake", "mountain", "territory", "site")
	nameNouns = set("name", "person", "man", "woman", "king", "queen", "president",
		"leader", "author", "inventor", "player", "team", "company", "organization",
		"organisation", "group", "party", "emperor", "scientist", "writer", "university",
		"school", "college", "club", "network", "station", "newspaper", "band", "film",
		"movie", "book", "album", "song", "ship", "church", "dynasty", "family", "general",
		"minister", "director", "founder", "architect", "artist", "composer", "poet",
		"philosopher", "pope", "prince", "brand", "firm", "agency", "court", "act",
		"treaty", "law", "language", "religion", "tribe", "people", "army")
	howNumber = set("many", "much", "long", "old", "far", "large", "big", "tall", "high",
		"often", "few", "wide", "deep", "heavy", "fast", "small", "frequently")
)

// expectedAnswer reads what kind of answer a question wants from its wh-word.
func expectedAnswer(words []string) answerType {
	for i, w := range words {
		next := ""
		for _, x := range words[i+1:] {
			if x == "the" || x == "a" || x == "an" || copulas[x] || x == "kind" || x == "type" || x == "of" || x == "sort" {
				continue
			}
			if !auxWords[x] {
				next = x // "what year", "which country", "what is the population"
			}
			break // "what did ...": no kind named
		}
		switch w {
		case "who", "whom", "whose":
			return ansPerson
		case "when":
			return ansTime
		case "where":
			return ansPlace
		case "why":
			return ansReason
		case "how":
			if i+1 < len(words) && howNumber[words[i+1]] {
				return ansNumber
			}
			return ansNone
		case "what", "which":
			switch {
			case timeNouns[next]:
				return ansTime
			case numberNouns[next]:
				return ansNumber
			case placeNouns[next]:
				return ansPlace
			case nameNouns[next]:
				return ansName
			}
			return ansNone
		}
	}
	return ansNone
}

// clean trims a question to MaxQuestion bytes of valid text without control
// characters, folding curly quotes.
func clean(s string) string {
	if len(s) > MaxQuestion {
		s = s[:MaxQuestion]
		for !utf8.ValidString(s) && len(s) > 0 {
			s = s[:len(s)-1]
		}
	}
	s = strings.ToValidUTF8(s, " ")
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '`':
			return '\''
		case '“', '”':
			return '"'
		}
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// words splits a question into lower-case words, expanding contractions and
// keeping possessives as a separate "'s".
func words(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' || r == '%' || r == '$' || r == '.' || r == '&')
	}) {
		f = strings.Trim(f, "'-.")
		if f == "" {
			continue
		}
		if exp, ok := contractions[f]; ok {
			out = append(out, exp...)
			continue
		}
		if strings.HasSuffix(f, "'s") && len(f) > 2 {
			out = append(out, f[:len(f)-2], "'s")
			continue
		}
		if strings.HasSuffix(f, "s'") && len(f) > 2 {
			out = append(out, f[:len(f)-1], "'s")
			continue
		}
		out = append(out, f)
	}
	return out
}

func (q *Question) parseWhoIs() bool {
	w := q.Words
	if len(w) >= 3 && w[0] == "who" && (w[1] == "is" || w[1] == "was" || w[1] == "are") {
		rest := w[2:]
		// "who is leading the talks" asks for a search, not a dossier.
		if len(rest) > 0 && strings.HasSuffix(rest[0], "ing") && len(rest) > 1 {
			return false
		}
		q.Intent, q.Subject = WhoIs, strings.Join(rest, " ")
		return true
	}
	return false
}

func (q *Question) parseSummary() bool {
	w := q.Words
	for _, p := range [][]string{{"tell", "me", "about"}, {"what", "do", "we", "know", "about"}, {"what", "do", "you", "know", "about"}, {"summarise"}, {"summarize"}, {"summary", "of"}, {"profile", "of"}} {
		if len(w) > len(p) && hasSeq(w[:len(p)], p...) {
			q.Intent, q.Subject = Summary, strings.Join(w[len(p):], " ")
			return true
		}
	}
	return false
}

func (q *Question) parseQuantity() bool {
	w := q.Words
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "how" && (w[i+1] == "many" || w[i+1] == "much" || w[i+1] == "large" || w[i+1] == "big" || w[i+1] == "long" || w[i+1] == "old" || w[i+1] == "often" || w[i+1] == "far") ||
			(w[i] == "what" || w[i] == "which") && (w[i+1] == "percentage" || w[i+1] == "%" || w[i+1] == "share" || w[i+1] == "proportion" || w[i+1] == "price" || w[i+1] == "amount" || w[i+1] == "number" || w[i+1] == "size" || w[i+1] == "figure") ||
			(w[i] == "estimate" || w[i] == "number" || w[i] == "estimates") && w[i+1] == "of" {
			q.Intent = Quantity
			// What is counted: the words after "how many".
			var focus []string
			for j := i + 2; j < len(w) && len(focus) < 4; j++ {
				if auxWords[w[j]] || stopWords[w[j]] || w[j] == "more" {
					if len(focus) > 0 || !(w[j] == "more") {
						break
					}
					continue
				}
				focus = append(focus, w[j])
			}
			switch {
			case w[i+1] == "many" || w[i+1] == "much":
				q.Focus = strings.Join(focus, " ")
			case sizeWords[w[i+1]]:
				// "how big was the fine": what is measured follows.
				q.Focus = strings.Join(measuredAfter(w[i+2:]), " ")
			default:
				q.Focus = w[i+1]
			}
			return true
		}
	}
	return false
}

// sizeWords ask how big something is: what is measured follows the verb ("how
// big was the fine").
var sizeWords = set("big", "large", "small", "huge", "high", "low")

// measuredAfter reads what a size question measures: the content words after
// its verb and articles, up to the next function word ("was the fine paid to
// ...": "fine", "paid").
func measuredAfter(w []string) []string {
	j := 0
	for j < len(w) && (auxWords[w[j]] || w[j] == "the" || w[j] == "a" || w[j] == "an") {
		j++
	}
	var out []string
	for ; j < len(w) && len(out) < 2 && !stopWords[w[j]] && !auxWords[w[j]]; j++ {
		out = append(out, w[j])
	}
	return out
}

// parseSaid reads "what did X say (about T)", "how did X respond", "what is X's
// position on T", "has X said anything about T", "what are X forecasting".
func (q *Question) parseSaid() bool {
	w := q.Words
	start := 0
	if len(w) > 0 && (w[0] == "what" || w[0] == "how" || w[0] == "and") {
		start = 1
	}
	if start >= len(w) || !auxWords[w[start]] {
		return false
	}
	// After a form of "be" only a progressive is speech ("what are economists
	// forecasting"); "what was the boat called" and "what is the state bird"
	// are not.
	be := w[start] == "is" || w[start] == "was" || w[start] == "are" || w[start] == "were"
	for i := start + 1; i < len(w); i++ {
		if lexicon.QuestionSpeechVerbs[w[i]] && (!be || strings.HasSuffix(w[i], "ing")) {
			subj := w[start+1 : i]
			if len(subj) > 0 && subj[0] == "not" {
				subj = subj[1:]
			}
			if len(subj) == 0 || len(subj) > 6 {
				return false
			}
			q.Intent, q.Subject, q.Focus = Said, strings.Join(subj, " "), w[i]
			q.Topic = contentWords(w[i+1:])
			return true
		}
		// "what is the french position on T", "what is X's view of T"
		if positionNouns[w[i]] && i > start+1 && i-start-1 <= 5 {
			subj := w[start+1 : i]
			if subj[len(subj)-1] == "'s" {
				subj = subj[:len(subj)-1]
			}
			if len(subj) == 0 || len(subj) == 1 && subj[0] == "the" {
				return false
			}
			q.Intent, q.Subject, q.Focus = Said, strings.Join(subj, " "), w[i]
			q.Topic = contentWords(w[i+1:])
			return true
		}
	}
	return false
}

// contentWords drops question words, fillers and function words.
func contentWords(w []string) []string {
	var out []string
	for i, x := range w {
		if x == "us" && (i == 0 || w[i-1] != "the") {
			continue // the pronoun; "the us" is the country
		}
		if stopWords[x] || fillers[x] || x == "'s" || x == "anything" || x == "something" {
			continue
		}
		out = append(out, x)
	}
	return out
}

func hasSeq(w []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(w); i++ {
		ok := true
		for j, s := range seq {
			if w[i+j] != s {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// stopWords are function words and question words.
var stopWords = set("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with",
	"about", "from", "into", "as", "and", "or", "but", "if", "than", "then", "that",
	"this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been",
	"being", "do", "does", "did", "has", "have", "had", "will", "would", "can",
	"could", "should", "may", "might", "must", "shall", "what", "which", "who",
	"whom", "whose", "when", "where", "why", "how", "there", "their", "they", "them",
	"he", "she", "his", "her", "him", "we", "our", "you", "your", "i", "my", "me",
	"not", "no", "any", "some", "all", "so", "up", "out", "over", "under", "again",
	"also", "very", "much", "many", "more", "most", "such", "only", "own", "same",
	"too", "just", "s", "t", "get", "got", "go", "going", "one", "ones", "kind",
	"sort", "type", "say", "said", "says", "saying", "tell", "told", "according",
	"name", "named", "called", "anything", "something", "thing", "things", "happen",
	"happened", "happening", "make", "made")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
