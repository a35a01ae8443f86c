// Package knowledge holds briefbot's domain types: briefings, their sentences, and
// the structured facts extracted from them (actors, statements, quantities, time
// expressions, roles), plus the answers built from those facts.
//
// The sub-packages do the work: segment splits text into sentences, gazetteer
// knows countries, organisations and titles, extract turns a document into facts,
// store keeps them in SQLite, answer answers questions, and library ties the parts
// together for the command line and the bot.
package knowledge

// Document is one briefing: a file under the seeds folder.
type Document struct {
	// Path is the file's path relative to the seeds folder, with forward slashes.
	Path string
	// Title is the first line when a blank line follows it, else the file name.
	Title string
	// Date is the briefing's date as YYYY-MM-DD, or "" when none is known.
	Date string
	// Hash is the hex SHA-256 of the file's bytes.
	Hash string
	// Text is the file's text (without a byte-order mark), exactly as written.
	Text string
	// Sentences are numbered from 1 in document order.
	Sentences []Sentence
}

// Sentence is one sentence of a document. Text is Document.Text[Start:End].
type Sentence struct {
	N     int    // 1-based position in the document
	Text  string // verbatim
	Start int    // byte offset in Document.Text
	End   int
}

// ActorKind says what sort of thing an actor is.
type ActorKind string

// The kinds of actor.
const (
	Person       ActorKind = "person"
	Country      ActorKind = "country"
	Organisation ActorKind = "organisation" // international bodies, parties, firms, media
	Government   ActorKind = "government"   // a state institution: "the Kremlin", "foreign ministry"
	Group        ActorKind = "group"        // unnamed people: "defense analysts", "some critics"
)

// Actor is someone or something that acts or speaks in a document.
type Actor struct {
	// ID is the actor's index in Facts.Actors.
	ID int
	// Key identifies the actor across documents: "country:RUS", "org:nato",
	// "gov:RUS:kremlin", "person:dmitry peskov", "group:analysts".
	Key  string
	Name string // canonical display name: "Dmitry Peskov", "Russia", "NATO"
	Kind ActorKind
	// Title is the role as written ("Kremlin spokesperson", "Vice Foreign Minister").
	Title string
	// Org is the organisation or institution the actor belongs to, as a key of
	// another actor ("gov:RUS:kremlin", "org:nato"), or "".
	Org string
	// Country is the ISO 3166 alpha-3 code of the actor's country, or "".
	Country string
	// Description is an appositive or other descriptive phrase ("a key influence on
	// New Labour thinking"), or "".
	Description string
	// Aliases are lower-case names the actor may be asked about ("peskov",
	// "dmitry peskov", "kremlin spokesperson").
	Aliases []string
	// Mentions are where the document refers to the actor, after coreference.
	Mentions []Mention
}

// Mention is one reference to an actor in a sentence.
type Mention struct {
	Sentence int    // sentence number
	Text     string // as written: "he", "Minister Kim", "the Kremlin"
	Start    int    // byte offset in the sentence
	End      int
}

// Statement is something an actor said, or pointedly did not say.
type Statement struct {
	Sentence int
	Speaker  int    // actor ID
	Cue      string // lemma of the cue verb: "say", "emphasize", "call for"
	// Content is the reported clause or the quoted words.
	Content string
	// Direct is true for quoted words.
	Direct bool
	// Negated marks denials and non-statements: "did not confirm reports that...",
	// "has yet to release a statement".
	Negated bool
}

// Quantity is a figure stated in a sentence.
type Quantity struct {
	Sentence int
	Text     string  // as written: "approximately 1,500"
	Value    float64 // the value, or the low end of a range
	High     float64 // the high end of a range, else equal to Value
	Unit     string  // "%", "$", "bn", "years"... or ""
	Hedge    string  // "approximately", "as many as", "more than", "up to"... or ""
	Counted  string  // what is counted: "North Korean soldiers"
	// Claimant is the actor ID of who claims the figure, or -1.
	Claimant int
	// Source is the attribution as written ("South Korea's intelligence agency",
	// "some reports"), or "".
	Source string
}

// TimeExpr is a time expression and the event it dates.
type TimeExpr struct {
	Sentence int
	Text     string // as written: "in June", "last week", "1989"
	Norm     string // normalised where the text allows: "2004-06", "1989", "P1W"... or ""
	Event    string // the event it dates: "a security pact signed by ..."
}

// Role links a person to a title and the organisation or country it is held in.
type Role struct {
	Sentence int
	Person   int    // actor ID
	Title    string // "editor"
	Of       string // "the Ukrainian publication Defence Express", "NATO"
}

// Facts is everything extracted from one document.
type Facts struct {
	Actors     []Actor
	Statements []Statement
	Quantities []Quantity
	Times      []TimeExpr
	Roles      []Role
}

// Briefing is a document with the facts extracted from it.
type Briefing struct {
	Document
	Facts
}

// Citation points at one sentence an answer relied on.
type Citation struct {
	Document string `json:"document"` // Document.Path
	Title    string `json:"-"`
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
}

// Answer is the reply to one question.
type Answer struct {
	Question  string     `json:"question"`
	Answered  bool       `json:"answered"`
	Text      string     `json:"answer"`
	Citations []Citation `json:"citations"`
	// More are further citations beyond the first few, for "more sources".
	More []Citation `json:"-"`
	// Intent names how the question was understood ("said", "quantity", ...).
	Intent string `json:"-"`
	// About are the actors the answer is about, the question's own first (see
	// ActorRef): what a follow-up's "he" or "they" refers to.
	About []ActorRef `json:"-"`
	// Readings are the questions the user may have meant when a name in the
	// question fits several people, one for each ("who is Kim Jong Un?"); nil
	// when the name fits one.
	Readings []Reading `json:"-"`
}

// Reading is one reading of a question whose name fits several people: the
// question asked of one of them.
type Reading struct {
	// Phrase is the name as the question wrote it ("Kim").
	Phrase string
	// Label names the person with their title ("Kim Jong Un (North Korean leader)").
	Label string
	// Question is the question naming them exactly ("who is Kim Jong Un?").
	Question string
}
