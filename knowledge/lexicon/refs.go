package lexicon

import "strings"

// The tables in the refs files are how news prose refers to people and bodies
// by what they are rather than by name: the words of titles, the modifiers that
// change a title, the words for the head of something, and the abbreviations
// and nicknames of British and American news. Extraction and answering both
// read them, so a title found in a briefing and a title asked about in a
// question are read the same way.

// TitleModifiers may stand in a title before its head: "senior policy
// adviser", "shadow foreign secretary", "Labour MP".
var TitleModifiers = refSet(
	// rank and standing
	"senior", "junior", "chief", "deputy", "vice", "shadow", "former", "acting",
	"interim", "assistant", "special", "executive", "managing", "general", "top",
	"lead", "principal", "first", "second", "permanent", "outgoing", "incoming",
	"new", "then", "prime", "veteran", "leading", "prominent", "independent",
	"backbench", "rebel", "opposition",
	// offices and portfolios
	"foreign", "home", "finance", "trade", "defence", "defense", "economic",
	"economy", "legal", "political", "oil", "security", "health", "education",
	"environment", "justice", "interior", "culture", "transport", "energy",
	"industry", "treasury", "cabinet", "state", "policy", "press", "party",
	"union", "trade-union", "campaign", "communications", "media", "public", "pr",
	"business", "investment", "technology", "research", "science", "development",
	"aid", "human", "rights", "intelligence", "military", "army", "navy", "police",
	"foreign-policy", "government", "presidential", "regional", "local",
	"national", "international",
	// places and parties
	"europe", "european", "labour", "conservative", "democratic", "republican",
	"liberal", "democrat", "lib", "dem", "green",
)

// RankModifiers change what a title is: a shadow foreign secretary is not the
// foreign secretary, nor is a former one.
var RankModifiers = refSet("shadow", "vice", "deputy", "former", "under",
	"assistant", "junior", "acting", "co", "sub", "interim")

// rankFolds are the spellings of a rank modifier: "ex-" is "former".
var rankFolds = map[string]string{"ex": "former", "erstwhile": "former",
	"one-time": "former", "onetime": "former", "dep": "deputy", "asst": "assistant"}

// LooseModifiers describe a title's holder without changing the title, and are
// dropped when a description is matched: "the current chancellor", "the
// embattled minister".
var LooseModifiers = refSet("current", "present", "longtime",
	"long-time", "serving", "sitting", "top", "senior", "veteran", "well-known",
	"famous", "embattled", "beleaguered", "outspoken", "controversial")

// HeadWords name the head of an organisation; any one of them stands for the
// others when a description is matched: "the TUC boss", "the CRE chief".
var HeadWords = refSet("head", "leader", "chief", "boss", "chairman",
	"chairwoman", "chair", "chairperson", "president", "director",
	"director-general", "secretary-general", "commissioner",
	"supremo", "ceo")

// Abbreviations expand the short words of casual questions, each to the words
// it may stand for, most likely first: "gov" is a governor after "deputy" and
// the government alone.
var Abbreviations = map[string][]string{
	"pm": {"prime minister"}, "sec": {"secretary"}, "prof": {"professor"},
	"govt": {"government"}, "gov": {"governor", "government"},
	"veep": {"vice president"}, "pres": {"president"}, "min": {"minister"},
	"exec": {"executive"}, "ceo": {"chief executive"}, "md": {"managing director"},
	"chmn": {"chairman"}, "spokesman": {"spokesperson"},
	"spokeswoman": {"spokesperson"}, "spokespeople": {"spokesperson"},
	"spokesmen": {"spokesperson"}, "spokeswomen": {"spokesperson"},
	"mps": {"mp"}, "meps": {"mep"}, "dems": {"democrats"}, "dem": {"democrat"},
	"lib": {"liberal"}, "americans": {"american"}, "brits": {"british"},
	"uk's": {"uk"}, "us's": {"us"}, "ex": {"former"}, "dep": {"deputy"},
	"asst": {"assistant"}, "amb": {"ambassador"}, "gen": {"general"},
	"sen": {"senator"}, "rep": {"representative"}, "atty": {"attorney"},
}

// Nicknames are the names news prose gives bodies, each group one body: any
// name of a group stands for the others. They are the bodies whose short names
// news prose uses without spelling them out; an acronym a briefing spells out
// ("the Guild of Harbour Pilots (GHP)") is found there instead, by
// AcronymDefinition.
var Nicknames = [][]string{
	{"downing street", "no 10", "no. 10", "number 10", "number ten", "no10", "10 downing street"},
	{"ministry of defence", "mod", "defence ministry"},
	{"conservative party", "tories", "tory", "conservatives", "tory party"},
	{"liberal democrats", "lib dems", "lib dem", "libdems", "liberal democrat party"},
	{"labour party", "labour"},
	{"federal reserve", "fed", "us federal reserve", "us fed"},
	{"bank of england", "boe"},
	{"european central bank", "ecb"},
	{"international monetary fund", "imf"},
	{"world trade organization", "wto", "world trade organisation"},
	{"european union", "eu"},
	{"european commission", "ec"},
	{"united nations", "un"},
	{"national health service", "nhs"},
	{"trades union congress", "tuc"},
	{"confederation of british industry", "cbi"},
	{"crown prosecution service", "cps"},
	{"metropolitan police", "the met", "met police", "scotland yard"},
	{"house of commons", "commons"},
	{"house of lords", "lords"},
	{"foreign office", "foreign and commonwealth office", "fco"},
	{"home office"},
	{"treasury", "hm treasury"},
	{"federal bureau of investigation", "fbi"},
	{"central intelligence agency", "cia"},
	{"securities and exchange commission", "sec"},
	{"department of justice", "justice department", "doj"},
	{"white house"},
	{"the kremlin", "kremlin"},
	{"new york stock exchange", "nyse"},
	{"organization of the petroleum exporting countries", "opec"},
	{"north atlantic treaty organization", "nato"},
	{"uk independence party", "ukip"},
	{"scottish national party", "snp"},
}

// nicknameOf maps each name in Nicknames to its group.
var nicknameOf = func() map[string][]string {
	m := map[string][]string{}
	for _, g := range Nicknames {
		for _, n := range g {
			m[n] = g
		}
	}
	return m
}()

// OtherNames returns the other names of the body a name stands for ("fed":
// "federal reserve", "us federal reserve", "us fed"), or nil. The name is
// matched in lower case.
func OtherNames(name string) []string {
	g := nicknameOf[strings.ToLower(strings.TrimSpace(name))]
	if g == nil {
		return nil
	}
	out := make([]string, 0, len(g)-1)
	for _, n := range g {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

// Canonical returns the first name of the body a name stands for ("tories":
// "conservative party"), and whether the name is in Nicknames.
func Canonical(name string) (string, bool) {
	g := nicknameOf[strings.ToLower(strings.TrimSpace(name))]
	if g == nil {
		return "", false
	}
	return g[0], true
}

// FoldRank returns the usual spelling of a rank modifier ("ex": "former"), or
// the word itself.
func FoldRank(w string) string {
	if f, ok := rankFolds[w]; ok {
		return f
	}
	return w
}

// IsHead reports whether w names the head of an organisation.
func IsHead(w string) bool { return HeadWords[w] }

// refSet makes a set of words.
func refSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
