package answer

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/store"
)

// index is the in-memory view of the store's actors for one generation.
type index struct {
	gen     int64
	actors  []store.ActorRow
	byAlias map[string][]int
	byKey   map[string][]int
	// names are the distinct aliases, for fuzzy matching.
	names []string
	// byOrg and byCountry list the actors of each organisation and country;
	// titled lists the people with a title or description; headTitled, in
	// the same order, those of them whose title names the head of something
	// (namesHead), the only ones a description made of such words may match.
	byOrg, byCountry map[string][]int
	titled           []int
	headTitled       []int
	byID             map[int64]int
	// For fuzzy matching: the names by length in bytes, their words (sorted,
	// for prefixes) and the words by length.
	namesByLen map[int][]string
	words      []nameWord
	wordsByLen map[int][]nameWord
	// titleWords are the words of each titled person's title and description;
	// byTitleWord lists the titled people by each of those words.
	titleWords  map[int][]string
	byTitleWord map[string][]int
	// top are the most mentioned actors' names (topActors), best first.
	top []string
	// byInitials lists the names of two words or more by their initials
	// ("public and commercial services": "pcs"), for acronyms in questions.
	byInitials map[string][]string
	// briefings are the briefings of each actor key, filled as metIn asks.
	briefings keyBriefings
}

// row returns the actor with a stored ID.
func (ix *index) row(id int64) store.ActorRow {
	a, _ := ix.rowOK(id)
	return a
}

// rowOK returns the actor with a stored ID, and whether there is one.
func (ix *index) rowOK(id int64) (store.ActorRow, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return store.ActorRow{}, false
	}
	return ix.actors[i], true
}

func newIndex(gen int64, actors []store.ActorRow) *index {
	ix := &index{gen: gen, actors: actors, byAlias: map[string][]int{}, byKey: map[string][]int{},
		byOrg: map[string][]int{}, byCountry: map[string][]int{}, byID: make(map[int64]int, len(actors)), titleWords: map[int][]string{}, byTitleWord: map[string][]int{}, byInitials: map[string][]string{}}
	for i, a := range actors {
		ix.byID[a.ID] = i
		ix.byKey[a.Key] = append(ix.byKey[a.Key], i)
		if a.Org != "" {
			ix.byOrg[a.Org] = append(ix.byOrg[a.Org], i)
		}
		if a.Country != "" {
			ix.byCountry[a.Country] = append(ix.byCountry[a.Country], i)
		}
		if a.Kind == knowledge.Person && (a.Title != "" || a.Description != "") {
			ix.titled = append(ix.titled, i)
			ix.titleWords[i] = titleWordsOf(a.Title + " " + a.Description)
			if namesHead(ix.titleWords[i]) {
				ix.headTitled = append(ix.headTitled, i)
			}
			for _, w := range ix.titleWords[i] {
				if l := ix.byTitleWord[w]; len(l) == 0 || l[len(l)-1] != i {
					ix.byTitleWord[w] = append(l, i)
				}
			}
		}
		for _, al := range a.Aliases {
			if len(ix.byAlias[al]) == 0 {
				ix.names = append(ix.names, al)
				if in := lexicon.Initials(al); in != "" && a.Kind != knowledge.Person {
					ix.byInitials[in] = append(ix.byInitials[in], al)
				}
			}
			ix.byAlias[al] = append(ix.byAlias[al], i)
		}
	}
	sort.Strings(ix.names)
	ix.namesByLen = map[int][]string{}
	ix.wordsByLen = map[int][]nameWord{}
	for _, n := range ix.names {
		ix.namesByLen[len(n)] = append(ix.namesByLen[len(n)], n)
		for _, w := range strings.Fields(n) {
			if len(w) >= 4 {
				nw := nameWord{w, n}
				ix.words = append(ix.words, nw)
				ix.wordsByLen[len(w)] = append(ix.wordsByLen[len(w)], nw)
			}
		}
	}
	sort.SliceStable(ix.words, func(i, j int) bool { return ix.words[i].word < ix.words[j].word })
	ix.top = rankActors(ix, maxTopActors)
	return ix
}

// target is what a phrase in a question resolved to.
type target struct {
	phrase string
	// name is how to call the target in a reply ("France", "Mark Rutte").
	name string
	// direct are the actors the phrase names; affiliates are those who speak for
	// them (a country's officials, an organisation's people).
	direct, affiliates []int
	// known is false when the phrase names something real (a country, say) that the
	// briefings never mention.
	known bool
	// how tells how the phrase was matched: "alias", "gazetteer", "role", "fuzzy".
	how string
	// extra are words of the phrase that narrow the question's topic: the owner in
	// "mubanga's lawyer".
	extra []string
	// matched are the actor rows the phrase itself matched (by title, say), before
	// the same actors in other briefings were added.
	matched map[int]bool
}

// found reports whether the target matched any actor.
func (t target) found() bool { return len(t.direct)+len(t.affiliates) > 0 }

// headSynonyms are words for the head of an organisation.
var headSynonyms = lexicon.HeadWords

// resolve finds the actors a phrase names.
func (e *Engine) resolve(ctx context.Context, ix *index, phrase string) target {
	c := resolvedIn(ctx)
	if t, ok := c.get(ix, phrase); ok {
		return t
	}
	t := e.resolveUncached(ctx, ix, phrase)
	if ctx.Err() == nil { // a cancelled look-up may have been cut short
		c.put(ix, phrase, t)
	}
	return t.clone()
}

// resolveUncached is resolve without the cache.
func (e *Engine) resolveUncached(ctx context.Context, ix *index, phrase string) target {
	w := phraseWords(phrase)
	p := strings.Join(w, " ")
	t := target{phrase: p, name: p}
	if p == "" {
		return t
	}
	// An alias the briefings use; a bare title ("the chancellor") also finds the
	// named people who hold it. A body's other names find it too: "the fed" is
	// also the Federal Reserve.
	if ids := ix.byAlias[p]; len(ids) > 0 {
		if allUnnamed(ix, ids) {
			if rt, ok := e.resolveRole(ix, w); ok && rt.found() {
				e.expand(ix, &rt, ids)
				return rt
			}
		}
		t.known, t.how = true, "alias"
		t.name = ix.actors[ids[0]].Name
		for _, n := range lexicon.OtherNames(p) {
			ids = append(ids, ix.byAlias[n]...)
		}
		e.expand(ix, &t, ids)
		return t
	}
	// A nickname or an acronym the briefings spell out: "no 10", "the PCS union".
	if nt, ok := e.resolveNames(ctx, ix, w); ok {
		return nt
	}
	// A country, seat of government or organisation from the gazetteer.
	if ent, ok := e.gz.Lookup(p); ok && ent.Kind != gazetteer.Role {
		t.how = "gazetteer"
		key := entryKey(ent)
		t.name = displayName(e.gz, ent)
		if ids := ix.byKey[key]; len(ids) > 0 || ent.Kind == gazetteer.Country {
			t.known = len(ids) > 0
			e.expand(ix, &t, ids)
			if ent.Kind == gazetteer.Country {
				e.addCountry(ix, &t, ent.Code)
			}
			t.known = t.found()
			return t
		}
		if ent.Kind == gazetteer.Government {
			// A seat of government stands for its country when the briefings do
			// not name the institution itself: "Moscow", "Whitehall".
			e.addCountry(ix, &t, ent.Country)
			t.known = t.found()
			return t
		}
		return t
	}
	// "the head of the victims group" is the victims group's head.
	w = headOfLast(w)
	// A title, maybe with a country or organisation: "the russian ambassador".
	if rt, ok := e.resolveRole(ix, w); ok {
		if !rt.found() {
			if dt, ok := e.describe(ctx, ix, w); ok {
				return dt
			}
		}
		return rt
	}
	if i := indexOf(w, "'s"); i > 0 && i+1 < len(w) {
		// An organisation's officer: "the german exchange's chief".
		whole := append(append([]string{}, w[:i]...), w[i+1:]...)
		if dt, ok := e.describe(ctx, ix, whole); ok {
			return dt
		}
		// Someone's title: "mubanga's lawyer" is a lawyer, asked about with Mubanga.
		if rt, ok := e.resolveRole(ix, w[i+1:]); ok && rt.found() {
			rt.extra = append(rt.extra, w[:i]...)
			return rt
		}
	}
	// A description by title, organisation and country: "the boe deputy gov".
	if dt, ok := e.describe(ctx, ix, w); ok {
		return dt
	}
	// A misspelt or partial name.
	if ids := e.fuzzyNames(ix, p); len(ids) > 0 {
		t.known, t.how = true, "fuzzy"
		t.name = ix.actors[ids[0]].Name
		e.expand(ix, &t, ids)
		return t
	}
	return t
}

// allUnnamed reports whether the actors are all unnamed officials ("the
// chancellor", "a spokesman").
func allUnnamed(ix *index, ids []int) bool {
	for _, i := range ids {
		if !strings.HasPrefix(ix.actors[i].Key, "role:") {
			return false
		}
	}
	return true
}

// displayName names a gazetteer entry for a reply.
func displayName(gz *gazetteer.Gazetteer, e gazetteer.Entry) string {
	switch e.Kind {
	case gazetteer.Country:
		return gz.CountryName(e.Code)
	}
	return e.Name
}

// entryKey is the actor key a gazetteer entry's actors are stored under.
func entryKey(e gazetteer.Entry) string {
	switch e.Kind {
	case gazetteer.Country:
		return "country:" + e.Code
	case gazetteer.Government:
		return "gov:" + e.Country + ":" + strings.ToLower(e.Name)
	case gazetteer.Organisation:
		return "org:" + strings.ToLower(e.Name)
	}
	return ""
}

// expand adds the actors ids and those who speak for them to t.
func (e *Engine) expand(ix *index, t *target, ids []int) {
	seen := map[int]bool{}
	for _, id := range t.direct {
		seen[id] = true
	}
	for _, id := range t.affiliates {
		seen[id] = true
	}
	// The keys in the order of their actors, so that answers do not depend
	// on map order.
	var keys []string
	for _, id := range ids {
		if k := ix.actors[id].Key; !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	// The same actor in every briefing.
	for _, k := range keys {
		for _, id := range ix.byKey[k] {
			if !seen[id] {
				t.direct = append(t.direct, id)
				seen[id] = true
			}
		}
	}
	for _, k := range keys {
		if strings.HasPrefix(k, "country:") {
			continue // countries are expanded by addCountry
		}
		for _, i := range ix.byOrg[k] {
			if !seen[i] && !formerHolder(ix.actors[i].Title) {
				t.affiliates = append(t.affiliates, i)
				seen[i] = true
			}
		}
	}
	for _, k := range keys {
		if code, ok := strings.CutPrefix(k, "country:"); ok {
			e.addCountry(ix, t, code)
		}
	}
}

// formerHolder reports whether a title is one its holder no longer holds
// ("ex-ministry press chief", "former union leader"): they no longer speak for
// the body.
func formerHolder(title string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return r == ' ' || r == '-' }) {
		if lexicon.FoldRank(w) == "former" {
			return true
		}
	}
	return false
}

// addCountry adds a country's actors and its officials and institutions.
func (e *Engine) addCountry(ix *index, t *target, code string) {
	seen := map[int]bool{}
	for _, id := range append(append([]int{}, t.direct...), t.affiliates...) {
		seen[id] = true
	}
	for _, id := range ix.byKey["country:"+code] {
		if !seen[id] {
			t.direct = append(t.direct, id)
			seen[id] = true
		}
	}
	for _, i := range ix.byCountry[code] {
		if !seen[i] && ix.actors[i].Kind != knowledge.Country {
			t.affiliates = append(t.affiliates, i)
			seen[i] = true
		}
	}
}

// resolveRole matches a title phrase ("vice president", "kremlin spokesman",
// "chinese foreign ministry", "nato chief", "german chancellor") against the
// actors' titles, countries and organisations.
func (e *Engine) resolveRole(ix *index, w []string) (target, bool) {
	// Each reading of the abbreviations, the likeliest first: "the uk gov" is
	// not a governor but the government.
	var first target
	firstOK := false
	for variant := 0; variant < 2; variant++ {
		words, ok := expandWords(w, variant)
		if !ok {
			break
		}
		t, ok := e.resolveRoleWords(ix, w, words)
		if ok && t.found() {
			return t, true
		}
		if variant == 0 {
			first, firstOK = t, ok
		}
	}
	return first, firstOK
}

// resolveRoleWords is resolveRole for one reading of the abbreviations: w are
// the words as asked, words as read.
func (e *Engine) resolveRoleWords(ix *index, w, words []string) (target, bool) {
	t := target{phrase: strings.Join(w, " "), name: strings.Join(w, " "), how: "role"}
	// Give bodies the names the gazetteer knows: "fed chairman" is "federal
	// reserve chairman".
	words = e.canonicalWords(words)
	text := strings.Join(words, " ")
	country, org := "", ""
	var rest []string
	covered := make([]bool, len(words))
	for _, m := range e.gz.ScanQuery(text, gazetteer.Country, gazetteer.Government, gazetteer.Organisation) {
		switch m.Entry.Kind {
		case gazetteer.Country:
			country = m.Entry.Code
		case gazetteer.Government:
			country, org = m.Entry.Country, entryKey(m.Entry)
		case gazetteer.Organisation:
			org = entryKey(m.Entry)
			if m.Entry.Country != "" {
				country = m.Entry.Country
			}
		}
		// mark covered words
		pos := 0
		for i, x := range words {
			if pos >= m.Start && pos < m.End {
				covered[i] = true
			}
			pos += len(x) + 1
		}
	}
	for i, x := range words {
		if !covered[i] && x != "'s" && !stopWords[x] {
			rest = append(rest, x)
		}
	}
	// A generic institution: "foreign ministry" after a country.
	if country != "" && len(rest) > 0 && gazetteer.GenericBody(strings.Join(rest, " ")) {
		key := "gov:" + country + ":" + strings.Join(rest, " ")
		if strings.Join(rest, " ") == "government" {
			key = "country:" + country
		}
		ids := ix.byKey[key]
		e.expand(ix, &t, ids)
		seen := map[int]bool{}
		for _, i := range append(append([]int{}, t.direct...), t.affiliates...) {
			seen[i] = true
		}
		for _, i := range ix.byOrg[key] {
			if !seen[i] {
				seen[i] = true
				t.affiliates = append(t.affiliates, i)
			}
		}
		t.known = t.found()
		if !t.known {
			t.name = strings.Join(w, " ")
		}
		return t, true
	}
	if len(rest) == 0 {
		return t, false
	}
	// The rest must be a title: a known title, or title words and modifiers only.
	if _, ok := e.gz.Role(strings.Join(rest, " ")); !ok && !e.allTitleWords(rest) {
		return t, false
	}
	var ids []int
	tq := newTitleQuery(rest)
	for _, i := range ix.titleCandidates(tq) {
		a := ix.actors[i]
		if country != "" && a.Country != country {
			continue
		}
		if org != "" && a.Org != org && !strings.Contains(strings.ToLower(a.Title), strings.TrimPrefix(org[strings.LastIndex(org, ":")+1:], "")) {
			continue
		}
		if tq.matches(ix.titleWords[i]) {
			ids = append(ids, i)
		}
	}
	t.known = len(ids) > 0
	if t.known {
		t.name = ix.actors[ids[0]].Name
		t.matched = map[int]bool{}
		for _, i := range ids {
			t.matched[i] = true
		}
		e.expand(ix, &t, ids)
	}
	return t, true
}

// allTitleWords reports whether the words make a title: at least one title word
// (or a word for the head of something), the others title words or modifiers.
func (e *Engine) allTitleWords(words []string) bool {
	head := false
	for _, w := range words {
		if _, ok := e.gz.Role(w); ok || headSynonyms[w] {
			head = true
			continue
		}
		if !titleModifiers[w] {
			return false
		}
	}
	return head
}

// titleModifiers may qualify a title: "shadow foreign secretary".
var titleModifiers = lexicon.TitleModifiers

func indexOf(w []string, x string) int {
	for i, v := range w {
		if v == x {
			return i
		}
	}
	return -1
}

// rankModifiers change what a title is: a shadow foreign secretary is not the
// foreign secretary.
var rankModifiers = lexicon.RankModifiers

// titleQuery is the words a title must hold, prepared once per question.
type titleQuery struct {
	parts  []string        // each word wanted, folded
	wanted map[string]bool // the same, as a set
}

// newTitleQuery folds the words a title must hold.
func newTitleQuery(want []string) titleQuery {
	q := titleQuery{wanted: map[string]bool{}}
	for _, x := range want {
		for _, p := range strings.Fields(strings.ReplaceAll(normTitle(x), "-", " ")) {
			p = lexicon.FoldRank(p) // "ex" is "former"
			q.parts = append(q.parts, p)
			q.wanted[p] = true
		}
	}
	return q
}

// titleCandidates returns, in index order, the titled people whose titles may
// match tq: those holding its least common word (words for the head of
// something and rank modifiers aside), or all of them.
func (ix *index) titleCandidates(tq titleQuery) []int {
	best := ix.titled
	if tq.wantsHead() {
		best = ix.headTitled
	}
	for _, p := range tq.parts {
		if headSynonyms[p] || rankModifiers[p] {
			continue // many titles, and spelled many ways ("ex", "former")
		}
		// The forms titleQuery.matches accepts: the word, its plural, its singular.
		c := append(append([]int(nil), ix.byTitleWord[p]...), ix.byTitleWord[p+"s"]...)
		if strings.HasSuffix(p, "s") {
			c = append(c, ix.byTitleWord[p[:len(p)-1]]...)
		}
		if len(c) < len(best) {
			slices.Sort(c)
			best = slices.Compact(c)
		}
	}
	return best
}

// wantsHead reports whether a word the title must hold is a word for the head
// of something: matches then takes only titles that name a head (namesHead).
func (q titleQuery) wantsHead() bool {
	return slices.ContainsFunc(q.parts, func(p string) bool { return headSynonyms[p] })
}

// matches reports whether every wanted word appears in the title words tw,
// treating words for the head of an organisation as one and ignoring plurals. A
// title with a rank modifier the question lacks ("shadow") does not match.
func (q titleQuery) matches(tw []string) bool {
	for _, t := range tw {
		if f := lexicon.FoldRank(t); rankModifiers[f] && !q.wanted[f] {
			return false
		}
	}
	has := func(x string) bool {
		for _, t := range tw {
			if t = lexicon.FoldRank(t); t == x || t == x+"s" || x == t+"s" {
				return true
			}
		}
		return false
	}
	for _, part := range q.parts {
		if has(part) {
			continue
		}
		if headSynonyms[part] && namesHead(tw) {
			continue
		}
		return false
	}
	return true
}

// namesHead reports whether the title words tw name the head of something: a
// word for one (folded, or its plural or singular), or "secretary general".
func namesHead(tw []string) bool {
	for _, t := range tw {
		f := lexicon.FoldRank(t)
		if headSynonyms[f] || headSynonyms[f+"s"] || strings.HasSuffix(f, "s") && headSynonyms[f[:len(f)-1]] {
			return true
		}
	}
	for i := 0; i+1 < len(tw); i++ {
		// "secretary general" of the UN, "general secretary" of a union
		if tw[i] == "secretary" && tw[i+1] == "general" || tw[i] == "general" && tw[i+1] == "secretary" {
			return true
		}
	}
	return false
}

// titleSplitter turns hyphens and commas into spaces and drops possessives.
var titleSplitter = strings.NewReplacer("-", " ", "'s", "", ",", " ")

// titleWordsOf splits a title into folded words.
func titleWordsOf(title string) []string {
	return strings.Fields(titleSplitter.Replace(normTitle(title)))
}

// titleFolder folds variant spellings of title words.
var titleFolder = strings.NewReplacer("spokesman", "spokesperson", "spokeswoman", "spokesperson",
	"undersecretary", "under secretary", "under-secretary", "under secretary",
	"vice-president", "vice president", "’", "'")

// normTitle folds title variants.
func normTitle(s string) string {
	return titleFolder.Replace(strings.ToLower(s))
}

// fuzzyNames finds actors whose alias is close to p: a misspelling within a small
// edit distance, or (for autocomplete-like partial names) a fuzzy subsequence match
// on a whole word.
func (e *Engine) fuzzyNames(ix *index, p string) []int {
	if len([]rune(p)) < 4 || stopWords[p] {
		return nil // too short to guess at: "they" is not "Theo"
	}
	best, bestD := "", 1<<30
	limit := maxEdits(p)
	for l := len(p) - limit; l <= len(p)+limit; l++ {
		for _, name := range ix.namesByLen[l] {
			if d := editDistance(p, name, limit); d <= limit && d < bestD {
				best, bestD = name, d
			}
		}
	}
	if best == "" {
		// A word of a longer name with a typo: "ryabyk" -> "valeriy ryabykh".
		for l := len(p) - limit; l <= len(p)+limit; l++ {
			for _, nw := range ix.wordsByLen[l] {
				if d := editDistance(p, nw.word, limit); d <= limit && d < bestD {
					best, bestD = nw.name, d
				}
			}
		}
	}
	if best == "" {
		// The start of a name's word, best by sahilm/fuzzy's score: "rutt".
		var cands []string
		i := sort.Search(len(ix.words), func(i int) bool { return ix.words[i].word >= p })
		for ; i < len(ix.words) && strings.HasPrefix(ix.words[i].word, p) && len(cands) < 200; i++ {
			cands = append(cands, ix.words[i].name)
		}
		for _, m := range fuzzy.Find(p, cands) {
			best = m.Str
			break
		}
	}
	if best == "" {
		return nil
	}
	return ix.byAlias[best]
}

// nameWord is a word of a known name (four letters or more), with the name.
type nameWord struct{ word, name string }

// wordPrefix reports whether a word of name starts with p.
func wordPrefix(name, p string) bool {
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return strings.HasPrefix(name, p)
}

// maxEdits is how many typos a name of p's length may have: one in a word, two in
// a longer name. More would turn "smith" into "south".
func maxEdits(p string) int {
	if len([]rune(p)) <= 8 {
		return 1
	}
	return 2
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// appendRunes appends the runes of s to dst.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// lettersApart is, for two ASCII words, how many letters one has that the other
// lacks, counted with repeats both ways; an edit changes it by two at most, so
// half of it is a floor of their edit distance, reached without aligning
// them. It is 0 when a word is not ASCII.
func lettersApart(a, b string) int {
	var n [128]int16
	for i := 0; i < len(a); i++ {
		if a[i] >= 128 {
			return 0
		}
		n[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		if b[i] >= 128 {
			return 0
		}
		n[b[i]]--
	}
	apart := 0
	for _, s := range [2]string{a, b} {
		for i := 0; i < len(s); i++ {
			apart += abs(int(n[s[i]]))
			n[s[i]] = 0
		}
	}
	return apart
}

// editDistance is the Damerau-Levenshtein (optimal string alignment) distance
// between a and b, or limit+1 when it is larger than limit.
func editDistance(a, b string, limit int) int {
	if lettersApart(a, b) > 2*limit {
		return limit + 1
	}
	var ra, rb []rune
	var abuf, bbuf [64]rune
	ra, rb = appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	if abs(len(ra)-len(rb)) > limit {
		return limit + 1
	}
	var rows [3][65]int
	var prev2, prev, cur []int
	if len(rb) < 65 {
		prev2, prev, cur = rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	} else {
		prev2, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
