package extract

import "github.com/briefbot/briefbot/knowledge/lexicon"

// cueForms maps each inflected cue verb form to its lemma: the speech and
// belief cues of the lexicon.
var cueForms = buildCueForms()

// cueParticles are the words a phrasal cue needs after it: "pointed out".
var cueParticles = lexicon.CueParticles

func buildCueForms() map[string]string {
	m := map[string]string{}
	for f, c := range lexicon.CueForms() {
		m[f] = c.Lemma
	}
	return m
}

// auxiliaries may stand between a speaker and the cue verb.
var auxiliaries = set("has", "have", "had", "is", "are", "was", "were", "be", "been",
	"being", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
	"do", "does", "did", "also", "already", "still", "now", "then", "previously",
	"repeatedly", "long", "later", "earlier", "once", "again", "recently", "reportedly",
	"today", "yesterday", "publicly", "privately", "strongly", "firmly", "openly",
	"clearly", "further", "however", "meanwhile", "too", "both", "all", "each",
	"separately", "subsequently", "immediately", "initially", "first", "last", "finally",
	"not", "never", "quickly", "widely", "consistently", "frequently", "often",
	"always", "formally", "officially", "explicitly", "reportedly", "allegedly",
	"apparently", "personally", "themselves", "himself", "herself", "itself", "just",
	"even", "only", "flatly", "angrily", "pointedly", "emphatically", "rightly",
	"similarly", "likewise", "instead", "unanimously", "jointly", "told", "n't")

// negContractions are the negated auxiliaries written as one word, each with
// the auxiliary it negates: "doesn't believe" is "does not believe".
var negContractions = map[string]string{
	"don't": "do", "doesn't": "does", "didn't": "did", "isn't": "is", "aren't": "are",
	"wasn't": "was", "weren't": "were", "hasn't": "has", "haven't": "have", "hadn't": "had",
	"won't": "will", "wouldn't": "would", "can't": "can", "couldn't": "could",
	"shouldn't": "should", "mustn't": "must",
}

func init() {
	for c := range negContractions {
		auxiliaries[c] = true
	}
}

// negation reports whether a lower-case token negates the verb after it:
// "not", "never", "doesn't".
func negation(low string) bool {
	return low == "not" || low == "n't" || low == "never" || negContractions[low] != ""
}

// personPronouns may be the subject of a cue verb and refer to a person.
var personPronouns = set("he", "she")

// groupPronouns may be the subject of a cue verb and refer to a group, a country or
// an organisation.
var groupPronouns = set("they", "it", "we")

// determiners start a noun phrase; a cue form after one is a noun ("the claims").
var determiners = set("the", "a", "an", "these", "those", "this", "that", "his", "her",
	"its", "their", "our", "my", "your", "such", "any", "no", "'s", "of", "some",
	"many", "several", "both", "all", "other", "new", "further", "recent", "previous",
	"earlier", "latest", "two", "three")

// groupHeads are plural nouns naming unnamed groups of people or sources.
var groupHeads = set("analysts", "critics", "experts", "officials", "observers",
	"economists", "diplomats", "sources", "reports", "residents", "witnesses",
	"activists", "campaigners", "lawyers", "researchers", "scientists", "investors",
	"commentators", "politicians", "ministers", "leaders", "supporters", "opponents",
	"protesters", "protestors", "people", "voters", "members", "mps", "meps", "sources",
	"historians", "doctors", "police", "officers", "authorities", "insiders", "aides",
	"allies", "advisers", "advisors", "unions", "traders", "dealers", "bankers",
	"groups", "companies", "firms", "governments", "countries", "nations", "states",
	"leaders", "negotiators", "rebels", "militants", "soldiers", "troops", "analysts",
	"pollsters", "polls", "surveys", "studies", "figures", "statistics", "data",
	"documents", "media", "newspapers", "papers", "scholars", "academics", "teachers",
	"parents", "campaign groups", "businesses", "employers", "manufacturers",
	"producers", "exporters", "importers", "consumers", "shareholders", "directors",
	"executives", "bosses", "organisers", "organizers", "spokesmen", "spokeswomen",
	"representatives", "delegates", "envoys", "generals", "commanders", "judges",
	"prosecutors", "investigators", "inspectors", "monitors", "agencies", "charities",
	"conservatives", "democrats", "republicans", "liberals", "tories", "socialists")

// hedges are words before a figure that qualify it, longest first.
var hedges = []string{
	"as many as", "as much as", "as few as", "as little as", "more than", "less than",
	"fewer than", "greater than", "at least", "at most", "up to", "close to",
	"upwards of", "in excess of", "no more than", "no fewer than", "no less than",
	"an estimated", "around", "about", "approximately", "roughly", "nearly",
	"almost", "some", "over", "under", "estimated", "just over", "just under",
	"well over", "a further", "an extra", "an additional", "only", "just", "below",
	"above", "circa", "c.", "maximum", "minimum", "potentially", "possibly", "reportedly",
}

// numberWords are figures written as words.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
	"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
	"half": 0.5, "a half": 0.5, "quarter": 0.25,
}

// scaleWords multiply the figure before them.
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "m": 1e6, "k": 1e3, "tn": 1e12, "mn": 1e6,
}

// months maps month names and abbreviations to their number.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays are the names of the days.
var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday")

// honorifics precede a surname: "Mr Straw", "Lord Goldsmith".
var honorifics = set("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir",
	"lord", "lady", "dame", "baroness", "baron", "mr.", "mrs.", "ms.", "dr.", "prof.",
	"rev", "rev.", "father", "sister", "sheikh", "president", "minister", "ambassador",
	"senator", "sen.", "gen.", "general", "judge", "justice", "king", "queen",
	"prince", "princess", "chancellor", "governor", "mayor", "pope", "cardinal",
	"archbishop", "bishop", "rabbi", "imam", "ayatollah", "colonel", "col.", "captain",
	"capt.", "major", "lieutenant", "lt.", "sergeant", "sgt.", "commissioner", "premier",
	"secretary", "speaker", "chairman", "congressman", "congresswoman", "deputy",
	"inspector", "detective", "officer", "admiral", "marshal", "emperor", "empress",
	"director", "chief", "mp", "mep", "councillor", "alderman", "gov.", "rep.",
	"adm.", "maj.", "cpl.", "pvt.", "atty.", "messrs.", "ms", "representative")

// commonCaps are capitalised words that start sentences or headlines and are not
// names.
var commonCaps = set("the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for",
	"in", "on", "at", "by", "to", "from", "with", "without", "of", "off", "as", "into",
	"onto", "upon", "about", "above", "after", "against", "along", "amid", "amidst",
	"among", "around", "before", "behind", "below", "beneath", "beside", "besides",
	"between", "beyond", "despite", "during", "except", "inside", "near", "outside",
	"over", "past", "since", "through", "throughout", "till", "toward", "towards",
	"under", "underneath", "unlike", "until", "unless", "via", "within", "although",
	"though", "because", "if", "whether", "while", "whilst", "when", "whenever",
	"where", "wherever", "why", "how", "what", "which", "who", "whom", "whose", "that",
	"this", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
	"his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "there",
	"here", "then", "now", "today", "yesterday", "tomorrow", "however", "meanwhile",
	"moreover", "furthermore", "nevertheless", "nonetheless", "also", "still",
	"indeed", "instead", "otherwise", "thus", "therefore", "hence", "later",
	"earlier", "last", "next", "first", "second", "third", "finally", "some", "many",
	"most", "more", "much", "few", "several", "all", "any", "each", "every", "both",
	"either", "neither", "no", "not", "none", "one", "two", "three", "other",
	"another", "such", "only", "even", "just", "already", "again", "once", "ever",
	"never", "always", "often", "sometimes", "perhaps", "maybe", "yes", "according",
	"asked", "speaking", "writing", "unlike", "like", "following", "under", "amid",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
	"will", "would", "can", "could", "should", "may", "might", "must", "shall", "let",
	"new", "old", "former", "current", "recent", "latest", "senior", "top", "chief",
	"deputy", "acting", "interim", "mr", "mrs", "ms", "dr", "prof", "sir", "lord",
	"lady", "shadow", "vice", "prime", "foreign", "home", "defence", "defense",
	"finance", "trade", "state", "government", "officials", "sources", "critics",
	"analysts", "experts", "reports", "police", "despite", "amongst", "whereas",
	"nor", "thanks", "given", "including", "regarding", "concerning", "plus",
	"minus", "versus", "vs", "per", "than", "about", "up", "down", "out", "away",
	"well", "very", "too", "quite", "rather", "almost", "nearly", "about", "around",
	"roughly", "approximately", "over", "under", "above", "below", "near", "far",
	"soon", "long", "ago", "early", "late", "both", "either", "whatever", "whoever",
	"everyone", "everything", "someone", "something", "anyone", "anything", "nobody",
	"nothing", "somebody", "anybody", "none", "ours", "theirs", "mine", "yours",
	"please", "thank", "dear", "oh", "okay", "ok", "well", "yet")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
