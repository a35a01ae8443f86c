package segment

// abbrevKind says how a full stop after an abbreviation behaves.
type abbrevKind uint8

const (
	// title never ends a sentence: "Mr. Smith", "e.g. London".
	title abbrevKind = 1 << iota
	// number does not end a sentence before a digit: "No. 10", "c. 1350".
	number
	// starter ends a sentence only before a common sentence opener: "King Jr. was",
	// "St. Louis", but "in Dec. The".
	starter
)

// abbreviations maps lower-case abbreviations, without their final full stop, to
// their kind. Initials ("W.") and dotted acronyms ("U.S.") are recognised by shape.
var abbreviations = map[string]abbrevKind{
	// Titles and other words that precede a name or an example.
	"mr": title, "mrs": title, "ms": title, "messrs": title, "mme": title, "mlle": title,
	"dr": title, "prof": title, "gen": title, "lt": title, "col": title, "sgt": title,
	"capt": title, "cpt": title, "cmdr": title, "cdr": title, "adm": title, "maj": title,
	"brig": title, "cpl": title, "pvt": title, "lieut": title, "gov": title, "sen": title,
	"rep": title, "reps": title, "rev": title, "hon": title, "rt": title, "pres": title,
	"supt": title, "insp": title, "det": title, "fr": title, "atty": title, "mt": title,
	"ft": title, "e.g": title, "i.e": title, "vs": title, "cf": title,
	"viz": title,

	// Words before a number.
	"no": number, "nos": number, "nr": number, "n°": number, "art": number,
	"arts": number, "vol": number, "vols": number, "fig": number, "figs": number,
	"pp": number, "pt": number, "pts": number, "ch": number, "chap": number,
	"sec": number, "sect": number, "para": number, "ca": number, "fl": number,
	"est": number, "approx": number, "rs": number, "op": number, "tel": number, "ext": number,
	"ed": number, "eds": number, "ref": number, "ver": number,

	// Abbreviations that may end a sentence.
	"st": starter, "jr": starter, "sr": starter, "al": starter, "bros": starter,
	"esq": starter, "ave": starter, "blvd": starter, "dept": starter, "univ": starter,
	"assn": starter,
	"jan":  number | starter, "feb": number | starter, "mar": number | starter,
	"apr": number | starter, "jun": number | starter, "jul": number | starter,
	"aug": number | starter, "sep": number | starter, "sept": number | starter,
	"oct": number | starter, "nov": number | starter, "dec": number | starter,
}

// starters are words that commonly open a sentence. After an initial, an acronym
// or a starter abbreviation, a sentence ends only when one of them comes next:
// "in the U.S. The next day" splits, "the U.S. Senate" does not.
var starters = map[string]bool{}

func init() {
	for _, w := range []string{
		"A", "An", "The", "This", "That", "These", "Those", "There", "Here",
		"I", "We", "You", "He", "She", "It", "They", "My", "Our", "Your", "His", "Her",
		"Its", "Their", "One", "Some", "Many", "Most", "All", "Both", "Each", "Every",
		"Any", "No", "None", "Neither", "Several", "Such", "Other", "Another", "More",
		"Much", "Few", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
		"Ten", "First", "Last", "Next",
		"And", "But", "Or", "Nor", "So", "Yet", "However", "Still", "Then", "Thus",
		"Therefore", "Instead", "Meanwhile", "Moreover", "Furthermore", "Nevertheless",
		"Indeed", "Also", "Only", "Even", "Now", "Today", "Later", "Earlier", "Finally",
		"Eventually", "Once",
		"In", "On", "At", "By", "For", "From", "With", "Without", "Within", "Of", "To",
		"As", "After", "Before", "During", "Since", "Until", "Under", "Over", "Between",
		"Among", "Against", "Through", "Around", "About", "Despite", "According",
		"Following", "Unlike", "Like",
		"When", "While", "If", "Although", "Though", "Because", "Unless", "Whether",
		"What", "Who", "Whom", "Whose", "Which", "Where", "Why", "How",
		"Is", "Are", "Was", "Were", "Do", "Does", "Did", "Has", "Have", "Had", "Can",
		"Could", "Would", "Should", "Not",
	} {
		starters[w] = true
	}
}
