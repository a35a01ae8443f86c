package gazetteer

// GenericBody reports whether phrase names a generic government body that belongs to
// whichever country comes before it: "South Korea's intelligence agency", "the
// Chinese foreign ministry", "Russian state media", "UK Treasury". Such bodies are
// not in the tables. Case is ignored and a leading "the" is dropped. Accepted:
//
//   - a head word alone when it means a country's institution: ministry,
//     government, parliament, army, navy, military, police, embassy, treasury,
//     cabinet, authorities, administration, regime, media, forces, intelligence ...;
//   - up to three modifier words before a head noun: "foreign ministry", "intelligence
//     agency", "state media", "defence ministry", "national security council",
//     "armed forces", "central bank", "coast guard", "supreme court", "news agency";
//   - "ministry", "department" or "office" of anything: "ministry of foreign affairs",
//     "department of defense", "office of the president";
//   - a few fixed phrases: "foreign office", "home office", "house of commons",
//     "house of representatives", "upper house", "prime minister's office".
func GenericBody(phrase string) bool {
	toks, buf := tokenize(phrase, nil, nil)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		words = append(words, key(buf, t))
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	if len(words) <= 4 {
		s := words[0]
		for _, w := range words[1:] {
			s += " " + w
		}
		if genericPhrases[s] {
			return true
		}
	}
	last := words[len(words)-1]
	switch {
	case len(words) == 1:
		return genericAlone[last]
	case len(words) <= 4 && (genericHeads[last] || genericAlone[last]):
		for _, w := range words[:len(words)-1] {
			if !genericModifiers[w] {
				return false
			}
		}
		return true
	case len(words) >= 3 && genericOf[words[0]] && words[1] == "of":
		for _, t := range toks {
			if !t.word {
				return false
			}
		}
		return true
	}
	return false
}

// genericAlone are head words that name a country's institution on their own.
var genericAlone = set("ministry", "ministries", "government", "parliament", "legislature",
	"army", "navy", "military", "police", "embassy", "consulate", "treasury", "cabinet",
	"authorities", "administration", "regime", "junta", "presidency", "senate", "congress",
	"intelligence", "media", "forces", "court", "courts", "judiciary", "television",
	"diplomats", "diplomacy")

// genericHeads are head nouns that need a modifier before them.
var genericHeads = set("department", "departments", "agency", "agencies", "service",
	"services", "office", "force", "guard", "guards", "council", "command", "bank",
	"broadcaster", "tv", "radio", "assembly", "staff", "chiefs", "committee",
	"commission", "ministry", "house", "directorate", "bureau", "mission", "delegation")

// genericModifiers may stand before a head noun.
var genericModifiers = set("foreign", "defence", "defense", "interior", "home", "finance",
	"justice", "health", "trade", "commerce", "economy", "economic", "energy",
	"unification", "emergencies", "emergency", "education", "agriculture", "culture",
	"information", "environment", "transport", "labour", "labor", "industry", "security",
	"national", "state", "intelligence", "spy", "secret", "federal", "central", "supreme",
	"constitutional", "high", "military", "armed", "special", "border", "coast",
	"presidential", "affairs", "external", "news", "press", "public", "air", "naval",
	"ground", "land", "riot", "counterintelligence", "counterterrorism", "terrorism",
	"general", "joint", "war", "strategic", "space", "cyber", "police", "army", "navy",
	"marine", "upper", "lower", "diplomatic", "royal", "imperial",
	"prime", "investigative", "anti", "corruption", "election",
	"electoral", "elections", "communications", "media", "rocket", "nuclear", "missile")

// genericOf are heads written "X of ...".
var genericOf = set("ministry", "department", "office", "ministries", "departments")

// genericPhrases are fixed generic bodies.
var genericPhrases = set("foreign office", "home office", "house of commons", "house of lords",
	"house of representatives", "upper house", "lower house", "prime minister 's office",
	"joint chiefs of staff",
	"intelligence community", "security establishment", "defence establishment",
	"defense establishment", "state news agency", "state broadcaster", "national assembly",
	"general staff", "chiefs of staff", "war cabinet", "security cabinet")

// set returns a set of strings.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
