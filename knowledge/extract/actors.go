package extract

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// orgHeads end the names of organisations: "Defence Express", "Bank of England".
var orgHeads = set("agency", "ministry", "department", "office", "council",
	"commission", "committee", "party", "bank", "fund", "group", "company", "corp",
	"corporation", "inc", "ltd", "plc", "association", "union", "federation",
	"institute", "institution", "university", "college", "school", "foundation",
	"trust", "service", "services", "court", "tribunal", "parliament", "assembly",
	"congress", "senate", "army", "navy", "force", "forces", "police", "times",
	"post", "news", "express", "herald", "telegraph", "guardian", "journal",
	"gazette", "mail", "tribune", "press", "network", "broadcasting", "airlines",
	"airways", "motors", "industries", "holdings", "partners", "capital", "media",
	"international", "organisation", "organization", "alliance", "coalition",
	"movement", "front", "league", "society", "club", "board", "authority",
	"administration", "bureau", "centre", "center", "watch", "campaign", "commons",
	"lords", "cabinet", "government", "exchange", "reserve", "treasury", "daily",
	"secretariat", "brigade", "brigades", "command", "directorate", "unit", "team",
	"executive", "chambers", "lobby", "research", "economics", "consulting",
	"consultants", "associates", "securities", "investments", "analytics",
	"management", "ventures")

// placeHeads end the names of places: "Tiananmen Square", "Gulf of Venezuela".
var placeHeads = set("square", "street", "road", "avenue", "river", "mountain",
	"mountains", "sea", "ocean", "gulf", "bay", "island", "islands", "lake", "park",
	"stadium", "airport", "station", "bridge", "palace", "hall", "castle", "church",
	"cathedral", "museum", "hospital", "prison", "camp", "valley", "desert",
	"peninsula", "strait", "straits", "canal", "province", "region", "county",
	"city", "town", "district", "state", "coast", "beach", "field", "fields",
	"heights", "hill", "hills", "plain", "plains", "delta", "basin", "border",
	"east", "west", "north", "south", "arena", "theatre", "theater", "tower",
	"building", "estate", "village", "highway", "motorway", "harbour", "harbor", "port")

// thingHeads end the names of things that are not actors: plans, policies,
// treaties, events, works.
var thingHeads = set("plan", "policy", "constitution", "war", "treaty", "act", "bill",
	"agreement", "accord", "convention", "programme", "program", "report", "strategy",
	"initiative", "summit", "conference", "crisis", "deal", "doctrine", "protocol",
	"charter", "declaration", "resolution", "award", "prize", "cup", "games",
	"festival", "show", "index", "directive", "scheme", "reform", "reforms", "tax",
	"budget", "election", "referendum", "campaign", "inquiry", "review", "case",
	"trial", "rule", "law", "code", "project", "mission", "operation", "day", "week",
	"year", "era", "age", "revolution", "movement", "presidency", "premiership",
	"tour", "visit", "lecture", "facility", "document", "paper")

// placeIntro are words before a place name.
var placeIntro = set("the", "in", "at", "to", "from", "near", "of", "on", "into",
	"across", "outside", "inside", "through", "towards", "via", "around")

// titleModifiers may stand in a title before its head: "senior policy adviser".
var titleModifiers = lexicon.TitleModifiers

// honorificsInName stay part of a person's displayed name: "Lord Goldsmith".
var honorificsInName = set("lord", "lady", "sir", "dame", "baroness", "baron", "sheikh")

// findActors walks the document in order, creating actors and recording mentions.
func (x *extractor) findActors() {
	x.learnOrgNames()
	x.collectPeople()
	for _, s := range x.sents {
		for k := 0; k < len(s.toks); k++ {
			tg := s.tags[k]
			if !tg.first {
				continue
			}
			switch tg.kind {
			case tCountry, tGov, tOrg:
				x.institutionAt(s, k)
			case tName:
				x.nameAt(s, k, tg.end)
			case tRole:
				x.roleReferenceAt(s, k)
			}
		}
		sortMentions(s)
	}
	x.resolvePending()
}

// collectPeople registers every person named in full (two or more name words) so
// that a surname earlier in the text, as in a headline, finds them.
func (x *extractor) collectPeople() {
	for _, s := range x.sents {
		for k := 0; k < len(s.toks); k++ {
			tg := s.tags[k]
			if !tg.first || tg.kind != tName {
				continue
			}
			if x.classifyName(s, k, tg.end) == knowledge.Person && nameWords(s, k, tg.end) >= 2 {
				x.person(s, k, tg.end)
			}
		}
	}
}

// nameWords counts the words of a name run.
func nameWords(s *sentence, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		// A connector opening the run is a name ("Ben Rhodes"), not "bin".
		if s.toks[k].kind == word && (k == i || !nameConnectors[s.toks[k].low]) {
			n++
		}
	}
	return n
}

// classifyName decides whether the name run i..j is a person, an organisation, or
// neither (a place, or a word that cannot be told).
func (x *extractor) classifyName(s *sentence, i, j int) knowledge.ActorKind {
	last := s.toks[j-1].low
	switch {
	case s.tags[i].org:
		return knowledge.Organisation // "Bank of England", "TUC general secretary"
	case thingHeads[last]:
		return "" // "Marshall Plan", "European Constitution"
	case orgHeads[last]:
		return knowledge.Organisation
	case placeHeads[last] && (j-i >= 3 || i > 0 && placeIntro[s.toks[i-1].low]):
		return "" // "in Tiananmen Square"; but "Peter Hall said"
	}
	if i > 0 && honorifics[s.toks[i-1].low] {
		return knowledge.Person
	}
	if i > 0 && s.tags[i-1].kind == tRole {
		return knowledge.Person
	}
	for k := i; k < j; k++ {
		if strings.ContainsAny(s.toks[k].s, "0123456789") {
			return "" // a model or product: "Airbus A300s", "Windows 10"
		}
	}
	if nameWords(s, i, j) >= 2 && nameWords(s, i, j) <= 5 {
		if x.isPlace(s, i, j) {
			return "" // "New South Wales", "County Durham"
		}
		for k := i; k < j; k++ {
			if s.toks[k].kind == word && strings.ToUpper(s.toks[k].s) == s.toks[k].s && len(s.toks[k].s) > 1 {
				return knowledge.Organisation // an acronym in a name: "BP Amoco"
			}
		}
		return knowledge.Person
	}
	return ""
}

// nameAt handles the name run i..j.
func (x *extractor) nameAt(s *sentence, i, j int) {
	kind := x.classifyName(s, i, j)
	defer x.honorificMention(s, i, j)
	if nameWords(s, i, j) == 1 {
		// A single word: an acronym the briefing spells out, a person already
		// named, else an organisation if it acts like one.
		if id, ok := x.acronymOrg(s, i); ok {
			x.mention(s, id, i, j, "alias")
			return
		}
		if id, ok := x.findPerson(s, i, j); ok {
			x.mention(s, id, i, j, "name")
			x.describe(s, id, i, j)
			return
		}
		if kind == knowledge.Person { // "Mr Straw" with no first name anywhere
			id := x.person(s, i, j)
			x.mention(s, id, i, j, "name")
			x.describe(s, id, i, j)
			return
		}
		if id, ok := x.orgFirstWord(s, i); ok && !s.tags[i].org {
			x.mention(s, id, i, j, "alias") // "Merrill" for Merrill Lynch
			return
		}
		if kind == "" && !x.actsLikeOrg(s, i, j) {
			return
		}
		kind = knowledge.Organisation
	}
	switch kind {
	case knowledge.Person:
		id := x.person(s, i, j)
		x.mention(s, id, i, j, "name")
		x.describe(s, id, i, j)
	case knowledge.Organisation:
		id := x.namedOrg(s, i, j)
		x.mention(s, id, i, j, "name")
	}
}

// honorificMention widens the mention of a person named at i..j to take in an
// honorific before the name ("Mr Straw"), and learns the person's sex from it.
func (x *extractor) honorificMention(s *sentence, i, j int) {
	if i == 0 || !genderOf[s.toks[i-1].low].known() {
		return
	}
	for _, m := range s.mentions {
		if m.i == i && m.j == j && x.actors[m.actor].Kind == knowledge.Person {
			x.mention(s, m.actor, i-1, j, "name")
			if x.sex[m.actor] == 0 {
				x.sex[m.actor] = genderOf[s.toks[i-1].low]
			}
			return
		}
	}
}

// sex is what an honorific says of a person.
type sex uint8

const (
	unknownSex sex = iota
	male
	female
)

func (g sex) known() bool { return g != unknownSex }

// sexOf is what is known of a person's sex: an honorific's ("Mrs. Pell"),
// else their first name's, when they are named in full ("Hillary Pell").
func (x *extractor) sexOf(id int) sex {
	if g := x.sex[id]; g.known() {
		return g
	}
	words := strings.Fields(x.actors[id].Name)
	if len(words) < 2 || !strings.HasPrefix(x.actors[id].Key, "person:") {
		return unknownSex
	}
	switch lexicon.FirstNameSex(words[0]) {
	case 'm':
		return male
	case 'f':
		return female
	}
	return unknownSex
}

// genderOf maps honorifics to sex.
var genderOf = map[string]sex{
	"mr": male, "mr.": male, "sir": male, "lord": male, "king": male, "prince": male,
	"baron": male, "mrs": female, "mrs.": female, "ms": female, "ms.": female,
	"miss": female, "lady": female, "dame": female, "baroness": female,
	"queen": female, "princess": female,
}

// actsLikeOrg reports whether a lone capitalised word acts as an organisation
// would: it speaks, owns something, or recurs.
func (x *extractor) actsLikeOrg(s *sentence, i, j int) bool {
	if isContraction(s.toks[i].low) {
		return false // "I'm", "Don't"
	}
	if w := s.toks[i].low; x.capitalised[w] >= 2 && !x.lowered[w] && len(w) > 2 && !x.isPlace(s, i, j) && (x.asNoun[w] || !adjectival(s.toks[i].s)) {
		// A name the briefing keeps using: "Rosneft", "Yukos"; not "Fife", nor
		// "Scottish" always before a noun.
		return true
	}
	if j < len(s.toks) {
		next := s.toks[j].low
		if _, ok := cueForms[next]; ok || next == "'s" || auxiliaries[next] && j+1 < len(s.toks) && cueForms[s.toks[j+1].low] != "" {
			return true
		}
	}
	return false
}

// person returns the person named by the run i..j, creating them when new.
func (x *extractor) person(s *sentence, i, j int) int {
	if id, ok := x.findPerson(s, i, j); ok {
		return id
	}
	start := i
	if i > 0 && honorificsInName[s.toks[i-1].low] {
		start = i - 1
	}
	name := s.Text[s.toks[start].start:s.toks[j-1].end]
	name = strings.Join(strings.Fields(name), " ")
	return x.ensure("person:"+strings.ToLower(foldQuote(name)), func() *knowledge.Actor {
		return &knowledge.Actor{Name: name, Kind: knowledge.Person}
	})
}

// findPerson finds an existing person the run i..j names: the same full name, or
// one of their name words (a surname, or a Korean family name) when the run is a
// single word. A title before the run ("Minister Kim") picks between namesakes.
func (x *extractor) findPerson(s *sentence, i, j int) (int, bool) {
	words := nameTokens(s, i, j)
	if len(words) == 0 {
		return 0, false
	}
	full := strings.Join(words, " ")
	best, bestScore := -1, 0
	// Only people sharing a word with the name can match.
	var cands []int
	seen := map[int]bool{}
	for _, w := range words {
		for _, id := range x.peopleByWord[w] {
			if !seen[id] {
				seen[id] = true
				cands = append(cands, id)
			}
		}
	}
	sort.Ints(cands)
	for _, id := range cands {
		a := x.actors[id]
		aw := x.nameWords[id]
		score := 0
		switch {
		case x.fullNames[id] == full:
			score = 100
		case len(words) == 1 && len(aw) > 0 && aw[len(aw)-1] == words[0]:
			score = 50
		case len(words) == 1 && contains(aw, words[0]):
			score = 40
		case len(words) >= 2 && len(aw) >= 2 && aw[0] == words[0] && aw[len(aw)-1] == words[len(words)-1]:
			score = 90 // "Recep Tayyip Erdogan" and "Recep Erdogan"
		case len(words) >= 2 && len(aw) == 1 && words[len(words)-1] == aw[0]:
			score = 30 // "Mr Blair" met before "Tony Blair"
		default:
			continue
		}
		if score < 100 && i > 0 && s.tags[i-1].kind == tRole {
			role := strings.ToLower(s.Text[s.toks[i-1].start:s.toks[i-1].end])
			if a.Title != "" && strings.Contains(strings.ToLower(a.Title), lastWord(role)) {
				score += 20
			} else if a.Title != "" {
				score -= 20
			}
		}
		if i > 0 && genderOf[s.toks[i-1].low].known() && x.sex[id].known() && x.sex[id] != genderOf[s.toks[i-1].low] {
			continue // "Mr Blair" is not Cherie Blair
		}
		// Ties go to the person mentioned most recently, or, when none has been
		// mentioned yet (a headline), to the one the briefing introduces first.
		if score > 0 && (score > bestScore || score == bestScore && x.lastSeen(id) > x.lastSeen(best)) {
			best, bestScore = id, score
		}
	}
	return best, best >= 0
}

// lastSeen is the sentence of an actor's latest mention so far, or 0.
func (x *extractor) lastSeen(id int) int {
	if id < 0 || len(x.actors[id].Mentions) == 0 {
		return 0
	}
	return x.actors[id].Mentions[len(x.actors[id].Mentions)-1].Sentence
}

func trimHonorific(w []string) []string {
	if len(w) > 1 && honorificsInName[w[0]] {
		return w[1:]
	}
	return w
}

// nameTokens returns the lower-case words of a name run.
func nameTokens(s *sentence, i, j int) []string {
	var w []string
	for k := i; k < j; k++ {
		if s.toks[k].kind == word {
			w = append(w, s.toks[k].low)
		}
	}
	return w
}

func contains(list []string, w string) bool {
	for _, v := range list {
		if v == w {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// ensure returns the actor with key, creating it with mk when new.
func (x *extractor) ensure(key string, mk func() *knowledge.Actor) int {
	if id, ok := x.byKey[key]; ok {
		return id
	}
	a := mk()
	a.Key = key
	x.actors = append(x.actors, a)
	id := len(x.actors) - 1
	x.byKey[key] = id
	if f := strings.Fields(strings.ToLower(foldQuote(a.Name))); a.Kind == knowledge.Organisation && len(f) >= 2 {
		x.orgByWord[f[0]] = append(x.orgByWord[f[0]], id)
	}
	if a.Kind == knowledge.Person {
		x.nameWords[id] = trimHonorific(strings.Fields(strings.ToLower(foldQuote(a.Name))))
		x.fullNames[id] = strings.Join(x.nameWords[id], " ")
		for _, w := range x.nameWords[id] {
			x.peopleByWord[w] = append(x.peopleByWord[w], id)
		}
	}
	return id
}

// mention records that tokens i..j of s refer to actor id.
func (x *extractor) mention(s *sentence, id, i, j int, how string) {
	if j < len(s.toks) && s.toks[j].cap && (s.low(j) == "jr" || s.low(j) == "sr") && x.actors[id].Kind == knowledge.Person {
		j++ // "Joseph R. Biden Jr.": the suffix is no part of the name, but of the mention
		if j < len(s.toks) && s.toks[j].s == "." && s.toks[j].start == s.toks[j-1].end {
			j++
		}
	}
	for _, m := range s.mentions {
		if m.actor == id && m.i == i && m.j == j {
			return
		}
	}
	s.mentions = append(s.mentions, mention{actor: id, i: i, j: j, how: how})
	a := x.actors[id]
	a.Mentions = append(a.Mentions, knowledge.Mention{
		Sentence: s.N, Text: s.Text[s.toks[i].start:s.toks[j-1].end],
		Start: s.toks[i].start, End: s.toks[j-1].end,
	})
}

// institutionAt handles a gazetteer country, government body or organisation
// starting at token k, with a generic body after it: "South Korea's intelligence
// agency", "the Chinese foreign ministry", "Russian state media".
func (x *extractor) institutionAt(s *sentence, k int) {
	tg := s.tags[k]
	e := tg.entry
	var id int
	switch tg.kind {
	case tCountry:
		id = x.country(e.Code)
	case tGov:
		id = x.ensure("gov:"+e.Country+":"+strings.ToLower(e.Name), func() *knowledge.Actor {
			return &knowledge.Actor{Name: govName(e.Name), Kind: knowledge.Government, Country: e.Country}
		})
	case tOrg:
		id = x.org(e)
	}
	x.mention(s, id, k, tg.end, "gazetteer")
	if tg.kind == tCountry {
		if body, end := x.genericBody(s, tg.end); body != "" {
			bid := x.body(e.Code, body, s.Text[s.toks[k].start:s.toks[end-1].end])
			x.mention(s, bid, k, end, "gazetteer")
		}
	}
}

// govName gives a seat of government its article: "the Kremlin".
func govName(n string) string {
	l := strings.ToLower(n)
	if strings.HasPrefix(l, "the ") {
		return n
	}
	switch l {
	case "kremlin", "white house", "pentagon", "elysee", "élysée", "elysee palace", "state department", "foreign office", "treasury", "quai d'orsay", "blue house", "kantei", "oval office":
		return "the " + n
	}
	return n
}

// country returns the actor for a country code.
func (x *extractor) country(code string) int {
	return x.ensure("country:"+code, func() *knowledge.Actor {
		return &knowledge.Actor{Name: x.gz.CountryName(code), Kind: knowledge.Country, Country: code}
	})
}

// org returns the actor for a gazetteer organisation.
func (x *extractor) org(e gazetteer.Entry) int {
	return x.ensure("org:"+strings.ToLower(e.Name), func() *knowledge.Actor {
		return &knowledge.Actor{Name: stripArticle(e.Name), Kind: knowledge.Organisation, Country: e.Country}
	})
}

// body returns the actor for a country's generic institution ("intelligence
// agency"); a country's "government" is the country itself.
func (x *extractor) body(code, body, written string) int {
	if body == "government" || body == "authorities" || body == "administration" {
		return x.country(code)
	}
	return x.ensure("gov:"+code+":"+body, func() *knowledge.Actor {
		name := written
		if strings.HasPrefix(strings.ToLower(name), "the ") {
			name = name[4:]
		}
		return &knowledge.Actor{Name: name, Kind: knowledge.Government, Country: code}
	})
}

// genericBody looks for a generic institution right after token k (skipping a
// possessive): it returns its lower-case words and the end token, or "".
func (x *extractor) genericBody(s *sentence, k int) (string, int) {
	if k < len(s.toks) && s.toks[k].low == "'s" {
		k++
	}
	for n := 3; n >= 1; n-- {
		if k+n > len(s.toks) {
			continue
		}
		var w []string
		ok := true
		for t := k; t < k+n; t++ {
			if s.toks[t].kind != word || s.tags[t].kind == tName && s.toks[t].cap && !titleModifiers[s.toks[t].low] {
				ok = false
				break
			}
			w = append(w, s.toks[t].low)
		}
		if !ok {
			continue
		}
		phrase := strings.Join(w, " ")
		if gazetteer.GenericBody(phrase) {
			// A role right after ("foreign ministry spokesperson") makes it a title,
			// handled with the person.
			return phrase, k + n
		}
	}
	return "", 0
}

// roleReferenceAt resolves a title used without a name ("the ambassador", "the
// Russian ambassador", "the British minister") to the person who holds it.
func (x *extractor) roleReferenceAt(s *sentence, k int) {
	end := s.tags[k].end
	if end < len(s.toks) && s.tags[end].kind == tName {
		return // a title before a name: handled with the name
	}
	start, country := k, ""
	for start > 0 && (s.tags[start-1].kind == tCountry || s.tags[start-1].kind == tRole) {
		start--
		if s.tags[start].kind == tCountry {
			country = s.tags[start].entry.Code
		}
	}
	if x.introduceUnnamed(s, start, end, country) {
		return
	}
	if start == 0 || !definite(s.toks[start-1].low) {
		return
	}
	from := start - 1 // the determiner, or the country before "'s"
	if s.toks[from].low == "'s" && from > 0 && s.tags[from-1].kind == tCountry && country == "" {
		from--
		for from > 0 && s.tags[from-1].kind == tCountry && !s.tags[from].first {
			from--
		}
		country = s.tags[from].entry.Code
	}
	role := strings.ToLower(s.Text[s.toks[k].start:s.toks[end-1].end])
	if id, ok := x.personWithTitle(role, country); ok {
		x.mention(s, id, start, end, "title")
	} else {
		x.awaitTitle(s, from, end, s.Text[s.toks[start].start:s.toks[end-1].end], country)
	}
}

// definite reports whether w makes the following title refer to someone known.
func definite(w string) bool {
	return w == "the" || w == "'s" || w == "his" || w == "her" || w == "their" || w == "its"
}

// personWithTitle finds the most recent person whose title has the words of role
// (with the same head), from country when given.
func (x *extractor) personWithTitle(role, country string) (int, bool) {
	words := strings.Fields(normRole(role))
	if len(words) == 0 {
		return 0, false
	}
	for id := len(x.actors) - 1; id >= 0; id-- {
		a := x.actors[id]
		if a.Kind != knowledge.Person || a.Title == "" {
			continue
		}
		if country != "" && a.Country != country {
			continue
		}
		tw := strings.Fields(normRole(a.Title))
		if len(tw) == 0 || tw[len(tw)-1] != words[len(words)-1] && !containsAll(tw, words) || !sameRank(tw, words) {
			continue
		}
		if containsAll(tw, words) {
			return id, true
		}
	}
	return 0, false
}

// sameRank reports whether a title (its words tw) has no rank modifier that
// the role's words lack, other than its holder's status: "the president" is
// not the vice president, nor "the minister" the deputy minister, but "the
// manager" may be a former senior manager.
func sameRank(tw, role []string) bool {
	for _, w := range tw {
		if r := lexicon.FoldRank(w); lexicon.RankModifiers[r] && !statusRanks[r] && !contains(role, w) {
			return false
		}
	}
	return true
}

// statusRanks are rank modifiers that say how the holder holds a title, not
// which title it is.
var statusRanks = set("former", "acting", "interim")

// normRole lower-cases a title and folds its variants: spokesman and spokeswoman
// to spokesperson, "secretary general" to "secretary-general".
func normRole(r string) string {
	r = strings.ToLower(foldQuote(r))
	r = strings.NewReplacer("spokesman", "spokesperson", "spokeswoman", "spokesperson",
		"secretary general", "secretary-general", "under secretary", "under-secretary",
		"undersecretary", "under-secretary", "vice-president", "vice president",
		"prime-minister", "prime minister", "'s", "").Replace(r)
	return r
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !contains(have, w) {
			return false
		}
	}
	return true
}
