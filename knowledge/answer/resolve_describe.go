package answer

import (
	"context"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Descriptions: a question may name someone by what they are ("the boe deputy
// gov", "the ex-merrill banker", "the CRE chief") rather than by name. The phrase
// is read into units, each a word or the names of one body (a nickname from
// lexicon.Nicknames, an acronym a briefing spells out), and matched against what
// the briefings say each person is: their title, description, organisation and
// country.

// phraseDeterminers are dropped from the start of an actor phrase.
var phraseDeterminers = set("the", "a", "an", "mr", "mrs", "ms", "dr", "that", "this")

// phraseWords splits an actor phrase into lower-case words, without leading
// determiners or a trailing possessive, with "ex-" read as "former": "the
// ex-merrill banker" is "former merrill banker".
func phraseWords(phrase string) []string {
	var w []string
	for _, x := range strings.Fields(strings.ToLower(foldApostrophes(phrase))) {
		if rest, ok := strings.CutPrefix(x, "ex-"); ok && rest != "" {
			w, x = append(w, "former"), rest
		}
		if owner, ok := strings.CutSuffix(x, "'s"); ok && owner != "" {
			w = append(w, owner, "'s") // "tbwa's boss" as the questions split it
			continue
		}
		w = append(w, x)
	}
	for len(w) > 0 && phraseDeterminers[w[0]] {
		w = w[1:]
	}
	for len(w) > 0 && (w[len(w)-1] == "'s" || w[len(w)-1] == "s'") {
		w = w[:len(w)-1]
	}
	return w
}

// expandWords spells out abbreviations ("pm", "gov"): variant 0 takes each
// abbreviation's likeliest meaning, variant 1 its second where it has one. ok is
// false when variant 1 changes nothing.
func expandWords(w []string, variant int) (out []string, ok bool) {
	ok = variant == 0
	for _, x := range w {
		exp := lexicon.Abbreviations[x]
		switch {
		case len(exp) == 0:
			out = append(out, x)
		case variant < len(exp):
			out = append(out, strings.Fields(exp[variant])...)
			ok = ok || variant > 0
		default:
			out = append(out, strings.Fields(exp[0])...)
		}
	}
	return out, ok
}

// unit is one part of a description: a word, or the names of one body.
type unit struct {
	names      []string // the unit as written first, then its other names
	start, end int      // the words it covers
	// body is set when the unit names a body or person the briefings or the
	// nickname table know ("bbc", "merrill"): a description must then fit it.
	body bool
}

// maxNickname is the longest nickname in words.
const maxNickname = 5

// units reads words into units: the longest run that is a nickname of a body
// ("no 10", "lib dems"), an acronym a briefing spells out ("pcs"), or one word.
func (e *Engine) units(ctx context.Context, ix *index, w []string) []unit {
	var out []unit
	for i := 0; i < len(w); {
		n := 0
		var names []string
		for k := min(len(w), i+maxNickname); k > i; k-- {
			p := strings.Join(w[i:k], " ")
			if other := lexicon.OtherNames(p); other != nil {
				n, names = k-i, append([]string{p}, other...)
				break
			}
		}
		if n == 0 {
			n, names = 1, []string{w[i]}
			if def, ok := e.spelledOut(ctx, ix, w[i]); ok {
				names = append(names, def)
			} else if len(w[i]) >= 3 && lexicon.LooksLikeAcronym(w[i]) && len(ix.byAlias[w[i]]) == 0 {
				// The initials of a name: "pcs" for "public and commercial
				// services"; two letters would match too much ("aa").
				names = append(names, ix.byInitials[w[i]]...)
			}
		}
		body := len(names) > 1 || len(ix.byAlias[names[0]]) > 0 && !allUnnamed(ix, ix.byAlias[names[0]])
		out = append(out, unit{names: names, start: i, end: i + n, body: body})
		i += n
	}
	return out
}

// spelledOut returns what an acronym stands for where a briefing spells it out
// ("Public and Commercial Services (PCS)"), read from the sentences that hold
// it: from the sentence index when it is built, else from the store's
// full-text index. Words that are names already, stop words, title words and
// words of the gazetteer are not acronyms.
func (e *Engine) spelledOut(ctx context.Context, ix *index, w string) (string, bool) {
	if !lexicon.LooksLikeAcronym(w) || stopWords[w] || headSynonyms[w] || titleModifiers[w] ||
		bodyWords[w] || len(ix.byAlias[w]) > 0 && !allUnnamed(ix, ix.byAlias[w]) {
		return "", false
	}
	if _, ok := e.gz.Lookup(w); ok {
		return "", false
	}
	if _, ok := e.gz.Role(w); ok {
		return "", false
	}
	for _, text := range e.sentencesWith(ctx, ix, w) {
		if def, ok := lexicon.AcronymDefinition(text, w); ok {
			return strings.ToLower(def), true
		}
	}
	return "", false
}

// maxAcronymSentences is how many sentences holding a word are read for where
// it is spelled out.
const maxAcronymSentences = 200

// sentencesWith returns the texts of up to maxAcronymSentences sentences that
// hold the word w.
func (e *Engine) sentencesWith(ctx context.Context, ix *index, w string) []string {
	var out []string
	if ri := e.builtRankIndex(ix.gen); ri != nil {
		ts := stem.Terms(w)
		if len(ts) != 1 {
			return nil
		}
		id, ok := ri.ids[ts[0]]
		if !ok {
			return nil
		}
		for _, si := range ri.post[id][:min(len(ri.post[id]), maxAcronymSentences)] {
			out = append(out, ri.sents[si].hit.Text)
		}
		return out
	}
	hits, err := e.st.Search(ctx, store.Terms([]string{w}), maxAcronymSentences)
	if err != nil {
		return nil // the store's error shows on the search that follows
	}
	for _, h := range hits {
		out = append(out, h.Text)
	}
	return out
}

// unitActors returns the actors any of a unit's names is an alias of. A name
// spelled out from an acronym also finds the actor whose alias is the longest
// run of two words or more within it: "public and commercial services" finds
// "commercial services".
func unitActors(ix *index, u unit) []int {
	var ids []int
	for _, n := range u.names {
		ids = append(ids, ix.byAlias[n]...)
	}
	if len(ids) > 0 || len(u.names) < 2 {
		return ids
	}
	for _, n := range u.names[1:] {
		w := strings.Fields(n)
		for size := len(w) - 1; size >= 2; size-- {
			for i := 0; i+size <= len(w); i++ {
				if found := ix.byAlias[strings.Join(w[i:i+size], " ")]; len(found) > 0 {
					return found
				}
			}
		}
	}
	return nil
}

// resolveNames resolves a phrase that is one unit with other names (a nickname,
// a spelled-out acronym) through the aliases of all of them, or through the
// gazetteer under its other names.
func (e *Engine) resolveNames(ctx context.Context, ix *index, w []string) (target, bool) {
	us := e.units(ctx, ix, w)
	if len(us) != 1 || len(us[0].names) < 2 {
		// "the pcs union": an acronym (or a body's alias) with a word for a
		// body after it.
		if len(us) != 2 || len(us[0].names) < 2 && !us[0].body || !bodyWords[w[len(w)-1]] {
			return target{}, false
		}
	}
	u := us[0]
	t := target{phrase: strings.Join(w, " "), name: u.names[0], how: "alias"}
	if ids := unitActors(ix, u); len(ids) > 0 {
		t.known = true
		t.name = ix.actors[ids[0]].Name
		e.expand(ix, &t, ids)
		return t, true
	}
	for _, n := range u.names[1:] {
		if ent, ok := e.gz.Lookup(n); ok && ent.Kind != gazetteer.Role {
			if ids := ix.byKey[entryKey(ent)]; len(ids) > 0 {
				t.known, t.how = true, "gazetteer"
				t.name = displayName(e.gz, ent)
				e.expand(ix, &t, ids)
				return t, true
			}
		}
	}
	return target{}, false
}

// bodyWords name a kind of body after its name: "the PCS union".
var bodyWords = set("union", "group", "party", "firm", "company", "bank", "body",
	"charity", "agency", "association", "organisation", "organization", "council",
	"committee", "commission", "institute", "board", "authority", "department",
	"ministry", "office", "watchdog", "regulator", "lobby", "campaign")

// describe matches a description against what the briefings say people are. It
// needs a title word or a word for the head of something ("banker", "chief"):
// every such word must be in the person's title or description, every rank
// modifier ("deputy", "former") must agree both ways, a country must not
// contradict theirs, and the other words (organisations, portfolios) must be
// found at least half. The best-matching people are the target.
func (e *Engine) describe(ctx context.Context, ix *index, w []string) (target, bool) {
	for variant := 0; variant < 2; variant++ {
		words, ok := expandWords(w, variant)
		if !ok {
			break
		}
		if t, ok := e.describeWords(ctx, ix, words); ok {
			t.phrase = strings.Join(w, " ")
			return t, true
		}
	}
	return target{}, false
}

// description is a description read into what a title must hold.
type description struct {
	heads   []string        // title words and words for a head
	ranks   map[string]bool // rank modifiers, folded
	country string          // a country named, as a code
	quals   []unit          // the other words and names
	title   titleQuery      // the heads and ranks, as a title must hold them
}

// readDescription sorts the units of words into a description; ok is false
// when there is no title word.
func (e *Engine) readDescription(ctx context.Context, ix *index, words []string) (description, bool) {
	d := description{ranks: map[string]bool{}}
	for _, u := range e.units(ctx, ix, words) {
		x := u.names[0]
		switch {
		case len(u.names) > 1:
			d.quals = append(d.quals, u)
		case stopWords[x] || x == "'s" || lexicon.LooseModifiers[x] && !lexicon.RankModifiers[x]:
		case lexicon.RankModifiers[lexicon.FoldRank(x)]:
			d.ranks[lexicon.FoldRank(x)] = true
		case headSynonyms[x]:
			d.heads = append(d.heads, x)
		default:
			if ent, ok := e.gz.Lookup(x); ok && ent.Kind == gazetteer.Country && !titleModifiers[x] {
				d.country = ent.Code
				continue
			}
			if _, ok := e.gz.Role(x); ok && !titleModifiers[x] {
				d.heads = append(d.heads, normTitle(x))
				continue
			}
			d.quals = append(d.quals, u)
		}
	}
	// A rank modifier inside a title ("under-secretary") is wanted too.
	for _, h := range d.heads {
		for _, x := range strings.Fields(strings.ReplaceAll(h, "-", " ")) {
			if f := lexicon.FoldRank(x); rankModifiers[f] {
				d.ranks[f] = true
			}
		}
	}
	// The title must hold the heads; its rank modifiers are checked by
	// ranksAgree, whatever their spelling ("ex-", "former").
	d.title = newTitleQuery(d.heads)
	for r := range d.ranks {
		d.title.wanted[r] = true
	}
	return d, len(d.heads) > 0
}

// describeWords is describe for one reading of the abbreviations.
func (e *Engine) describeWords(ctx context.Context, ix *index, words []string) (target, bool) {
	d, ok := e.readDescription(ctx, ix, words)
	if !ok {
		return target{}, false
	}
	var best []int
	bestScore := 0.0
	for _, i := range e.describeCandidates(ix, d) {
		score, ok := e.describeScore(ix, i, d)
		if !ok || score < bestScore {
			continue
		}
		if score > bestScore {
			best, bestScore = best[:0], score
		}
		best = append(best, i)
	}
	if len(best) == 0 {
		return target{}, false
	}
	t := target{name: ix.actors[best[0]].Name, how: "role", known: true, matched: map[int]bool{}}
	for _, i := range best {
		t.matched[i] = true
	}
	e.expand(ix, &t, best)
	return t, true
}

// describeCandidates are the titled people who hold the description's rarest
// title word, or those whose title names a head when it has only words for a
// head, one of them a single word (titleQuery.matches takes no others).
func (e *Engine) describeCandidates(ix *index, d description) []int {
	var best []int
	found := false
	for _, h := range d.heads {
		if headSynonyms[h] {
			continue
		}
		c := ix.titleCandidates(newTitleQuery([]string{h}))
		if !found || len(c) < len(best) {
			best, found = c, true
		}
	}
	if !found {
		if d.title.wantsHead() {
			return ix.headTitled
		}
		return ix.titled
	}
	return best
}

// describeScore is how well person i fits the description: the share of its
// other words found, and whether the person fits at all.
func (e *Engine) describeScore(ix *index, i int, d description) (float64, bool) {
	a := &ix.actors[i]
	if a.Kind != knowledge.Person || d.country != "" && a.Country != "" && a.Country != d.country {
		return 0, false // the french minister is not South Africa's
	}
	tw := ix.titleWords[i]
	if !ranksAgree(tw, d.ranks) || !d.title.matches(tw) {
		return 0, false
	}
	var seq []string // the content words of the title, description and organisation
	for _, x := range tw {
		if !stopWords[x] {
			seq = append(seq, x)
		}
	}
	if org := a.Org; org != "" {
		seq = append(seq, strings.Fields(org[strings.LastIndex(org, ":")+1:])...)
	}
	quals := d.quals
	if d.country != "" {
		switch {
		case a.Country == d.country:
		case a.Country != "":
			return 0, false // another country's (checked above)
		case !hasAllWords(seq, strings.ToLower(e.gz.CountryName(d.country))) &&
			!hasAllWords(seq, strings.ToLower(e.gz.Demonym(d.country))):
			// A country the briefing did not give them: the Japanese finance
			// minister is not the unnamed one of another briefing.
			return 0, false
		}
	}
	// Words for a kind of body ("group", "union") tell little: they only break
	// ties when the description has other words.
	// A body the description names must be the person's: the BBC's director
	// general is not the UN's secretary general.
	var got, generic float64
	n := 0
	for _, u := range quals {
		f := unitFound(seq, u)
		if u.body && f < 0.5 {
			return 0, false
		}
		if len(u.names) == 1 && bodyWords[u.names[0]] {
			generic += f
			continue
		}
		got += f
		n++
	}
	if n == 0 {
		return 1 + 0.01*generic, true
	}
	share := got / float64(n)
	return share + 0.01*generic, share >= 0.5
}

// unitFound is the largest share of the content words of one of a unit's names
// that a person's profile words hold next to each other: "european union trade
// commissioner" does not hold "trades union congress".
func unitFound(seq []string, u unit) float64 {
	best := 0.0
	for _, n := range u.names {
		var all int
		first, last, have := -1, -1, 0
		for _, x := range strings.Fields(n) {
			if stopWords[x] {
				continue
			}
			all++
			if at := wordAt(seq, x); at >= 0 {
				have++
				if first < 0 || at < first {
					first = at
				}
				last = max(last, at)
			}
		}
		if all == 0 || have == 0 {
			continue
		}
		if last-first+1 != have {
			have = 1 // scattered words count as one
		}
		best = max(best, float64(have)/float64(all))
	}
	return best
}

// wordAt is the position of x (or its plural or singular) among the content
// words seq, or -1.
func wordAt(seq []string, x string) int {
	for i, y := range seq {
		if y == x || y == x+"s" || x == y+"s" {
			return i
		}
	}
	return -1
}

// canonicalWords gives the bodies the words name by nickname the name the
// gazetteer knows them by: "fed chairman" is "federal reserve chairman". A
// nickname the gazetteer knows itself ("bbc"), or whose body it does not know,
// stays.
func (e *Engine) canonicalWords(w []string) []string {
	var out []string
	for i := 0; i < len(w); {
		n := 0
		for k := min(len(w), i+maxNickname); k > i && n == 0; k-- {
			p := strings.Join(w[i:k], " ")
			if _, known := e.gz.Lookup(p); known {
				break
			}
			for _, name := range lexicon.OtherNames(p) {
				if _, ok := e.gz.Lookup(name); ok {
					out = append(out, strings.Fields(name)...)
					n = k - i
					break
				}
			}
		}
		if n == 0 {
			out, n = append(out, w[i]), 1
		}
		i += n
	}
	return out
}

// headOfLast turns "head of the victims group" into "victims group head", so
// that the body is read before the title.
func headOfLast(w []string) []string {
	if len(w) < 3 || !headSynonyms[w[0]] || w[1] != "of" {
		return w
	}
	rest := w[2:]
	for len(rest) > 0 && phraseDeterminers[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return w
	}
	return append(append([]string{}, rest...), w[0])
}

// hasAllWords reports whether the words seq hold every word of s (and s has
// some).
func hasAllWords(seq []string, s string) bool {
	w := strings.Fields(s)
	for _, x := range w {
		if wordAt(seq, x) < 0 {
			return false
		}
	}
	return len(w) > 0
}

// ranksAgree reports whether a title's rank modifiers ("shadow", "former",
// "ex") are exactly those wanted: a shadow chancellor is not the chancellor,
// nor the other way round.
func ranksAgree(tw []string, ranks map[string]bool) bool {
	for _, x := range tw {
		if f := lexicon.FoldRank(x); rankModifiers[f] && !ranks[f] {
			return false
		}
	}
	for r := range ranks {
		found := false
		for _, x := range tw {
			found = found || lexicon.FoldRank(x) == r
		}
		if !found {
			return false
		}
	}
	return true
}
