// Package extract turns a briefing's text into sentences and structured facts: the
// actors (people, countries, organisations, institutions and unnamed groups) with
// their titles, affiliations, aliases and mentions after coreference; who said
// what; the figures stated and who claims them; time expressions and the events
// they date; and the roles people hold.
//
// It is rule-based and runs without models or network: the gazetteer supplies
// countries, capitals, demonyms, seats of government, organisations and titles, and
// the rules follow what the best news quote extractors do (GenderGapTracker,
// CoreNLP's quote attribution, PETRARCH's actor coding).
package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/postag"
	"github.com/briefbot/briefbot/knowledge/segment"
)

// Extract segments doc's text into numbered sentences (unless doc already has
// sentences) and extracts its facts.
func Extract(doc knowledge.Document) *knowledge.Briefing {
	if doc.Sentences == nil {
		doc.Sentences = Sentences(doc.Text)
	}
	x := newExtractor(doc)
	x.run()
	return &knowledge.Briefing{Document: doc, Facts: x.facts()}
}

// Explain extracts doc's facts like Extract and names, for each statement, the
// rule that read it ("subject before the cue: personal pronoun: the last
// person"), for `briefbot facts --explain`.
func Explain(doc knowledge.Document) (*knowledge.Briefing, []string) {
	if doc.Sentences == nil {
		doc.Sentences = Sentences(doc.Text)
	}
	x := newExtractor(doc)
	x.run()
	return &knowledge.Briefing{Document: doc, Facts: x.facts()}, x.rules
}

// Sentences splits text into numbered sentences.
func Sentences(text string) []knowledge.Sentence {
	spans := segment.Split(text)
	out := make([]knowledge.Sentence, len(spans))
	for i, sp := range spans {
		out[i] = knowledge.Sentence{N: i + 1, Text: text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
	}
	return out
}

// extractor holds the state of one document's extraction.
type extractor struct {
	gz    *gazetteer.Gazetteer
	doc   knowledge.Document
	sents []*sentence
	// lowered holds the words the document writes in lower case somewhere, so that a
	// capitalised sentence opener such as "Some" is not taken for a name.
	lowered map[string]bool

	actors []*knowledge.Actor
	byKey  map[string]int
	// docOwner remembers who wrote the last document of each kind named with its
	// author ("Oxfam's ... report"), for a later "the report said".
	docOwner map[string]int
	// capitalised counts the capitalised words not opening a sentence.
	capitalised map[string]int
	// orgNames are the lower-case names the briefing uses as organisations'
	// (learnOrgNames); orgByWord finds organisations by the first word of a
	// name of two words or more.
	orgNames  map[string]bool
	orgByWord map[string][]int
	// acronymOf maps the acronyms the briefing spells out to the names they
	// stand for, as written.
	acronymOf map[string]string
	// places caches which name runs are places of the gazetteer.
	places map[string]bool
	// asNoun holds the capitalised words the briefing uses alone somewhere,
	// not before a lower-case word as an adjective is ("Scottish students");
	// a word that looks like an adjective needs such a use to be a body.
	asNoun map[string]bool
	// phraseBuf is the storage joinOrgNames lists a sentence's phrases in.
	phraseBuf []phrase
	// pending are the definite titles no one held when read (cataphora.go).
	pending []pendingTitle
	// sex is what honorifics said of each person (by actor ID).
	sex map[int]sex
	// nameWords and fullNames are each person's lower-case name; peopleByWord
	// finds the people with a given name word.
	nameWords    map[int][]string
	fullNames    map[int]string
	peopleByWord map[string][]int

	statements []knowledge.Statement
	// rules names the rule that read each statement; why, the subject rule
	// that named the speaker of the statement being read.
	rules []string
	why   string
	// lineSpeakers speak the paragraph a transcript's line opened ("A: We
	// were not told. Nobody asked us."), until the next paragraph.
	lineSpeakers []int
	// vetoes names the cue vetoes that held, in order, for the tests that
	// count them.
	vetoes     []string
	quantities []knowledge.Quantity
	times      []knowledge.TimeExpr
	roles      []knowledge.Role

	// home is the country the document is mostly about: the country of its first
	// speaking country, else the first country named. Government titles without a
	// country ("Vice Foreign Minister Kim") belong to it.
	home string
}

// sentence is one sentence under analysis.
type sentence struct {
	knowledge.Sentence
	toks      []token
	paraStart bool // first sentence of a paragraph
	inQuote   bool // starts inside a quotation an earlier sentence opened
	headline  bool // a line of its own without a full stop (a title or heading)
	// titled marks a line of its own in title case ("Ann Pell Says The Mill
	// Will Close."), a headline even with a full stop.
	titled bool
	// tags says, per token, what the gazetteer or the name finder made of it.
	tags []tag
	// mentions are the actor references found, in token order.
	mentions []mention
	// words, pos and posDone hold the tagger's spelling of the tokens and
	// the parts of speech of the first posDone of them (pos.go).
	words   []string
	pos     []postag.POS
	posDone int
}

// tag labels one token.
type tag struct {
	kind  tagKind
	entry gazetteer.Entry // for gazetteer tags
	first bool            // the first token of its phrase
	end   int             // for the first token: the end of the phrase (token index)
	// org marks a name run as an organisation's (orgnames.go); country is the
	// country its name holds ("Bank of Japan", "China Daily").
	org     bool
	country string
	// body marks a capitalised word of a country's generic body, "the Chinese
	// Foreign Ministry", read as in lower case (orgnames.go).
	body bool
}

type tagKind uint8

const (
	tNone tagKind = iota
	tCountry
	tGov
	tOrg
	tRole
	tPlace
	tName // part of a capitalised name
)

// mention is a reference to an actor, by token range.
type mention struct {
	actor int
	i, j  int
	how   string // "name", "alias", "title", "pronoun", "gazetteer", "group"
}

func newExtractor(doc knowledge.Document) *extractor {
	x := &extractor{capitalised: map[string]int{}, orgNames: map[string]bool{}, orgByWord: map[string][]int{}, acronymOf: map[string]string{}, places: map[string]bool{}, asNoun: map[string]bool{}, docOwner: map[string]int{}, gz: gazetteer.Default(), doc: doc, lowered: map[string]bool{}, byKey: map[string]int{}, sex: map[int]sex{}, nameWords: map[int][]string{}, fullNames: map[int]string{}, peopleByWord: map[string][]int{}}
	prevEnd := 0
	for _, s := range doc.Sentences {
		st := &sentence{Sentence: s, toks: tokenize(s.Text)}
		gap := doc.Text[prevEnd:s.Start]
		st.paraStart = prevEnd == 0 || strings.Count(gap, "\n") >= 2
		after := doc.Text[s.End:]
		st.headline = !endsSentence(s.Text) && (after == "" || strings.HasPrefix(strings.TrimLeft(after, " \t\r"), "\n"))
		st.titled = (after == "" || strings.HasPrefix(strings.TrimLeft(after, " \t\r"), "\n")) && titleCase(st.toks)
		prevEnd = s.End
		for k, t := range st.toks {
			if t.kind == word && !t.cap && (k > 0 || !st.paraStart) {
				x.lowered[t.low] = true
			}
			if t.kind == word && t.cap && !atStartToks(st.toks, k) {
				x.capitalised[t.low]++
			}
		}
		x.sents = append(x.sents, st)
	}
	return x
}

// titleCase reports whether the words of four letters or more are
// capitalised, three of them at least, as a headline writes them.
func titleCase(toks []token) bool {
	long, capped := 0, 0
	for _, t := range toks {
		if t.kind == word && len(t.s) >= 4 {
			long++
			if t.cap {
				capped++
			}
		}
	}
	return capped >= 3 && capped == long
}

// atStartToks reports whether token k opens its sentence, maybe after quotes or
// brackets.
func atStartToks(toks []token, k int) bool {
	for t := 0; t < k; t++ {
		if toks[t].kind != punct {
			return false
		}
	}
	return true
}

// endsSentence reports whether s ends with terminal punctuation, maybe followed by
// closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)]» `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

func (x *extractor) run() {
	for _, s := range x.sents {
		x.tagSentence(s)
	}
	x.findActors()
	x.markQuotations()
	x.findStatements()
	for _, s := range x.sents {
		x.findQuantities(s)
		x.findTimes(s)
	}
}

// facts returns what was extracted, in the domain's types.
func (x *extractor) facts() knowledge.Facts {
	f := knowledge.Facts{
		Statements: x.statements,
		Quantities: x.quantities,
		Times:      x.times,
		Roles:      x.roles,
	}
	for i, a := range x.actors {
		a.ID = i
		a.Aliases = x.aliases(a)
		f.Actors = append(f.Actors, *a)
	}
	return f
}

// aliases lists the lower-case names an actor may be asked about: its name, the
// words of a person's name, and the names the document uses for it.
func (x *extractor) aliases(a *knowledge.Actor) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(strings.ToLower(foldQuote(s))), " ")
		s = strings.TrimPrefix(s, "the ")
		if len(s) < 2 || seen[s] || commonCaps[s] || personPronouns[s] || groupPronouns[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	add(a.Name)
	switch a.Kind {
	case knowledge.Person:
		words := strings.Fields(a.Name)
		if len(words) > 1 {
			// A word of the name alone, unless the document uses it as an
			// ordinary word ("Dirty Sexy Money" is not "money").
			for _, w := range trimHonorific(words) {
				if len([]rune(w)) >= 3 && !x.lowered[strings.ToLower(foldQuote(w))] {
					add(w)
				}
			}
		}
	case knowledge.Group:
		add(stripDeterminer(strings.ToLower(a.Name)))
	}
	nameWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(foldQuote(a.Name))) {
		nameWords[w] = true
	}
	for _, m := range a.Mentions {
		words := strings.Fields(strings.ToLower(foldQuote(m.Text)))
		if strings.ContainsAny(m.Text, ",") || len(words) > 4 || len(words) == 0 {
			continue
		}
		if personPronouns[words[0]] || groupPronouns[words[0]] {
			continue
		}
		// A person's name with a title before it ("Minister Kim") is an alias; a
		// title with the full name is not.
		if a.Kind == knowledge.Person && (!nameWords[words[len(words)-1]] || len(words) > 2) {
			continue
		}
		add(m.Text)
	}
	return out
}
