package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
)

// Organisation names longer than one capitalised run: the name finder stops at
// small words, so "Bank of Wessex" reaches it as "Bank", "of", "Wessex", and
// "Canal and River Boatmen union" as "Canal", "and", "River
// Boatmen". The rules here join such runs into one name, marked as an
// organisation's, after the gazetteer and the name finder have tagged the
// sentence, and learn, from the whole briefing, which names are organisations'
// by where they stand ("Brindle Hawke banker Nadia Ferrante", "an economist
// at Harbour Analytics").

// orgLinks join an organisation's head to what it is of: "Bank of Wessex",
// "Institute for Canal Studies", "Commission on Human Rights", "League
// Against Cruel Traps" (capitalised only).
var orgLinks = set("of", "for", "on", "against")

// isLink reports whether token t links an organisation's head to what it is of.
func isLink(t token) bool {
	return orgLinks[t.low] && (t.low != "against" || t.cap)
}

// orgJoins join two parts of an organisation's name: "Trade and Industry",
// "Canal and River Boatmen".
var orgJoins = set("and", "&")

// leadHeads open organisation names that go on with "of" or "for", besides the
// words of orgHeads: "Confederation of British Industry", "Embassy of Japan".
var leadHeads = set("confederation", "embassy", "academy", "chamber", "order",
	"organisation", "organization", "federation", "ministry", "department",
	"office", "institute", "commission", "bank", "association", "society", "council",
	"committee", "university", "college", "court", "bureau", "agency", "board",
	"authority", "centre", "center", "foundation", "fund", "league", "union",
	"alliance", "coalition", "party", "federation", "trust", "forum", "network")

// bodyNouns, written in lower case right after a capitalised name, say that the
// name is an organisation's: "the Canal and River Boatmen union", "the
// Loomcraft union", "the China Daily newspaper".
var bodyNouns = set("union", "unions", "party", "group", "company", "firm", "bank",
	"agency", "newspaper", "paper", "magazine", "charity", "council", "committee",
	"commission", "association", "federation", "institute", "foundation", "trust",
	"airline", "carrier", "network", "broadcaster", "regulator", "watchdog",
	"think-tank", "thinktank", "alliance", "university", "retailer", "insurer",
	"lender", "consultancy", "bookmaker", "brewer", "supermarket", "chain")

// bodyDeterminers stand before a name and a body noun: "the Loomcraft union",
// "its Fire Brigades union".
var bodyDeterminers = set("the", "a", "an", "'s", "its", "his", "her", "their", "our")

// orgPositions are words that, after a title, introduce the body the title
// holder works for: "an economist at Harbour Analytics", "a strategist with
// HSBC".
var orgPositions = set("at", "with")

// phrase is one tagged run of tokens: a gazetteer match or a capitalised name.
type phrase struct {
	i, j int
	kind tagKind
}

// phrases lists the tagged runs of s in order, in out's storage. An untagged
// capitalised word that heads organisation names counts as a name too: a
// sentence opener such as "Bank" that the briefing also writes in lower case.
func phrases(s *sentence, out []phrase) []phrase {
	out = out[:0]
	for k := 0; k < len(s.toks); k++ {
		tg := s.tags[k]
		switch {
		case tg.first:
			out = append(out, phrase{k, tg.end, tg.kind})
			k = tg.end - 1
		case tg.kind == tNone && s.toks[k].kind == word && s.toks[k].cap && leadHeads[s.toks[k].low] &&
			k+2 < len(s.toks) && isLink(s.toks[k+1]) && s.toks[k+2].cap:
			out = append(out, phrase{k, k + 1, tName})
		}
	}
	return out
}

// postNominals are letters after a person's name that say what they are:
// "Colin Marsh QC", "Dilip Rao MP". They are no part of the name, and no
// acronym that makes the name an organisation's.
var postNominals = set("qc", "kc", "mp", "mep", "msp", "am", "obe", "mbe", "cbe",
	"kbe", "dbe", "vc", "frs", "phd", "jr", "jr.", "sr", "sr.")

// trimPostNominals ends each name run of s before its post-nominal letters.
func trimPostNominals(s *sentence) {
	for k := 0; k < len(s.toks); k++ {
		tg := s.tags[k]
		if !tg.first || tg.kind != tName || tg.end-k < 3 || !postNominals[s.toks[tg.end-1].low] {
			continue
		}
		if t := s.toks[tg.end-1]; t.s != strings.ToUpper(t.s) && t.low != "jr" && t.low != "sr" && t.low != "phd" {
			continue // "Am" in a name is no Assembly Member
		}
		s.tags[tg.end-1] = tag{}
		s.tags[k].end--
	}
}

// joinOrgNames joins the runs of s that make one organisation's name and marks
// them as such.
func (x *extractor) joinOrgNames(s *sentence) {
	trimPostNominals(s)
	ph := phrases(s, x.phraseBuf)
	for n := 0; n < len(ph); n++ {
		if countryBody(s, ph, n) {
			// "the Chinese Foreign Ministry", "Russia's Defence Ministry": the
			// country's generic body, as in lower case (genericBody).
			for t := ph[n+1].i; t < ph[n+1].j; t++ {
				s.tags[t] = tag{body: true}
			}
			n++
			continue
		}
		if m := headFirstName(s, ph, n); m > n {
			x.markOrg(s, ph[n].i, ph[m].j, countryWithin(s, ph[n:m+1]))
			n = m
			continue
		}
		if m := headLastName(s, ph, n); m > n {
			x.markOrg(s, ph[n].i, ph[m].j, countryWithin(s, ph[n:m+1]))
			n = m
			continue
		}
		if m := countryFirstName(s, ph, n); m > n {
			x.markOrg(s, ph[n].i, ph[m].j, s.tags[ph[n].i].entry.Code)
			n = m
			continue
		}
	}
	// "the Canal and River Boatmen union": runs joined by "and" before a
	// lower-case word for a body.
	ph = phrases(s, ph)
	x.phraseBuf = ph
	for n := 0; n < len(ph); n++ {
		p := ph[n]
		if p.kind != tName || s.tags[p.i].org || p.j >= len(s.toks) || !bodyNouns[s.toks[p.j].low] || s.toks[p.j].cap {
			continue
		}
		start := n
		for start > 0 && ph[start-1].kind == tName && ph[start-1].j+1 == ph[start].i && orgJoins[s.toks[ph[start].i-1].low] {
			start--
		}
		if i := ph[start].i; i == 0 || !bodyDeterminers[s.toks[i-1].low] {
			continue // "Asthma charity the Harold Pembury Trust", "Giving union reps"
		}
		x.markOrg(s, ph[start].i, p.j, countryWithin(s, ph[start:n+1]))
	}
}

// headFirstName returns the index of the last phrase of an organisation name
// that phrase n opens with a head word and a link ("Bank" "of" "Wessex",
// "Institute" "for" "Canal Studies", "Department" "of" "Trade" "and"
// "Industry"), or n when it opens none.
func headFirstName(s *sentence, ph []phrase, n int) int {
	p := ph[n]
	if p.kind != tName || s.tags[p.i].org || !leadHeads[s.toks[p.j-1].low] {
		return n
	}
	last := n
	for m := n + 1; m < len(ph); m++ {
		q := ph[m]
		if q.kind != tName && q.kind != tCountry && !(q.kind == tRole && s.toks[q.i].cap) || !linkGap(s, ph[m-1], q, m == n+1) ||
			thingHeads[s.toks[q.j-1].low] {
			break // not "Department of Transport Document"
		}
		last = m
	}
	return last
}

// linkGap reports whether the tokens between runs p and q join them inside one
// organisation name: "of", "for the", a demonym right before ("British
// Industry") and, after the first link, "and" before a short part that does not
// speak on its own ("Trade and Industry", not "and Tony Blair said").
func linkGap(s *sentence, p, q phrase, first bool) bool {
	gap := s.toks[p.j:q.i]
	switch len(gap) {
	case 0:
		// "Confederation of British Industry", "Association of Senior Lock
		// Keepers"
		return (p.kind == tCountry || p.kind == tRole) && !first
	case 1:
		if isLink(gap[0]) {
			return true
		}
		return !first && orgJoins[gap[0].low] && q.j-q.i <= 2 && !speaksAfter(s, q.j)
	case 2:
		return isLink(gap[0]) && gap[1].low == "the"
	}
	return false
}

// speaksAfter reports whether token k is a cue or a possessive, which make the
// run before it an actor of its own.
func speaksAfter(s *sentence, k int) bool {
	return k < len(s.toks) && (cueForms[s.toks[k].low] != "" || s.toks[k].low == "'s")
}

// headLastName returns the index of the last phrase of an organisation name
// that ends in a head word and that phrase n opens: a name before a one-word
// body of the gazetteer ("Trades Union" "Congress"), or one word and "and"
// before the rest ("Dredging" "and" "Salvage Executive"); otherwise n.
func headLastName(s *sentence, ph []phrase, n int) int {
	if ph[n].kind != tName || s.tags[ph[n].i].org {
		return n
	}
	m := n
	if m+1 < len(ph) && ph[n].j-ph[n].i == 1 && ph[m+1].kind == tName && ph[m+1].i == ph[m].j+1 && orgJoins[s.toks[ph[m].j].low] {
		m++
	}
	best := n
	if m > n && orgHeads[s.toks[ph[m].j-1].low] {
		best = m
	}
	// Capitalised words of the gazetteer right after: "Trades Union Congress",
	// "Regional Harbour Committee".
	for ; m+1 < len(ph) && ph[m+1].i == ph[m].j && s.toks[ph[m+1].i].cap; m++ {
		q := ph[m+1]
		if q.kind != tName && (q.j-q.i != 1 || q.kind != tGov && q.kind != tOrg && q.kind != tRole) {
			break
		}
		if orgHeads[s.toks[q.j-1].low] {
			best = m + 1
		}
	}
	return best
}

// countryBody reports whether phrase n is a country and phrase n+1, right after
// it or its possessive, a capitalised generic body: "Chinese Foreign Ministry".
func countryBody(s *sentence, ph []phrase, n int) bool {
	if n+1 >= len(ph) || ph[n].kind != tCountry || ph[n+1].kind != tName {
		return false
	}
	q := ph[n+1]
	if gap := q.i - ph[n].j; gap > 1 || gap == 1 && s.toks[ph[n].j].low != "'s" {
		return false
	}
	return gazetteer.GenericBody(nameKey(s, q.i, q.j))
}

// countryFirstName returns n+1 when phrase n is a country written by its name
// and phrase n+1, right after it, names an organisation by its head ("China
// Daily", "Japan Airlines"); otherwise n.
func countryFirstName(s *sentence, ph []phrase, n int) int {
	if n+1 >= len(ph) || ph[n].kind != tCountry || s.tags[ph[n].i].entry.Form != gazetteer.FormName {
		return n
	}
	q := ph[n+1]
	if q.kind != tName || q.i != ph[n].j || !orgHeads[s.toks[q.j-1].low] || q.j-q.i > 3 {
		return n
	}
	return n + 1
}

// countryWithin returns the country named inside an organisation's name ("Bank
// of Japan", "Confederation of British Industry"), or "".
func countryWithin(s *sentence, ph []phrase) string {
	for _, p := range ph {
		if p.kind == tCountry {
			return s.tags[p.i].entry.Code
		}
	}
	return ""
}

// markOrg tags tokens i..j of s as one organisation's name, of country.
func (x *extractor) markOrg(s *sentence, i, j int, country string) {
	for t := i; t < j; t++ {
		s.tags[t] = tag{kind: tName, org: true, country: country}
	}
	s.tags[i].first = true
	s.tags[i].end = j
}

// nameKey is the lower-case text of tokens i..j.
func nameKey(s *sentence, i, j int) string {
	return strings.ToLower(foldQuote(s.Text[s.toks[i].start:s.toks[j-1].end]))
}

// namedOrg returns the organisation the name run i..j of s names, creating it
// with the country its tag holds when new.
func (x *extractor) namedOrg(s *sentence, i, j int) int {
	name := s.Text[s.toks[i].start:s.toks[j-1].end]
	country := s.tags[i].country
	id := x.ensure("org:"+strings.ToLower(name), func() *knowledge.Actor {
		return &knowledge.Actor{Name: name, Kind: knowledge.Organisation, Country: country}
	})
	if acr, ok := acronymAfter(s, i, j); ok && strings.EqualFold(x.acronymOf[acr], name) {
		x.mention(s, id, i, j+3, "name") // "the Office for Harbour Statistics (OHS) said"
	}
	return id
}
