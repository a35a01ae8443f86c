package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// premod is what stands before a person's name: "Russian Ambassador", "Kremlin
// spokesperson", "Chinese foreign ministry spokesperson".
type premod struct {
	start   int    // first token
	title   string // as written, without the article
	role    string // the title's role words, lower case: "ambassador", "vice foreign minister"
	country string
	org     string // actor key
}

// describe reads the title and affiliation around a person's name (tokens i..j of
// s) and records them on the actor when it has none yet.
func (x *extractor) describe(s *sentence, id, i, j int) {
	a := x.actors[id]
	if a.Kind != knowledge.Person {
		return
	}
	p := x.premodifier(s, i)
	// "The shadow foreign secretary, Michael Farrant, welcomed ...": a title
	// before a comma.
	if p.title == "" && i >= 2 && s.toks[i-1].s == "," && s.tags[i-2].kind == tRole {
		if q := x.premodifier(s, i-1); q.title != "" && (q.start == 0 || definite(s.toks[q.start-1].low) || atStart(s, q.start-1)) {
			p = q
			p.title = strings.TrimSuffix(strings.TrimSpace(p.title), ",")
		}
	}
	// An academic or military honorific is a title too: "Prof Okafor".
	if p.title == "" && i > 0 && titleHonorifics[s.toks[i-1].low] != "" {
		p.title, p.role, p.start = titleHonorifics[s.toks[i-1].low], titleHonorifics[s.toks[i-1].low], i-1
	}
	if p.title != "" || p.country != "" || p.org != "" {
		x.mention(s, id, p.start, j, "title")
	}
	if p.title != "" && p.org == "" && p.country == "" && headOfBody(p.role) {
		// "General secretary Ian Moffat said", after "the TUC has said".
		if org, ok := x.recentOrg(s, i); ok {
			p.org = x.actors[org].Key
		}
	}
	if p.title != "" && a.Title == "" {
		a.Title = p.title
		x.roles = append(x.roles, knowledge.Role{Sentence: s.N, Person: id, Title: p.role, Of: x.orgName(p.org, p.country)})
	}
	if a.Country == "" {
		a.Country = p.country
	}
	if a.Org == "" {
		a.Org = p.org
	}
	x.appositive(s, id, j)
}

// titleHonorifics are honorifics that say what someone is, with the title they
// stand for.
var titleHonorifics = map[string]string{
	"prof": "professor", "prof.": "professor", "professor": "professor",
	"dr": "doctor", "dr.": "doctor", "gen": "general", "gen.": "general",
	"general": "general", "col": "colonel", "col.": "colonel", "colonel": "colonel",
	"judge": "judge", "justice": "justice", "rev": "reverend", "rev.": "reverend",
	"cardinal": "cardinal", "archbishop": "archbishop", "bishop": "bishop",
	"rabbi": "rabbi", "imam": "imam", "sheikh": "sheikh", "ayatollah": "ayatollah",
	"admiral": "admiral", "captain": "captain", "capt": "captain", "capt.": "captain",
	"major": "major", "lieutenant": "lieutenant", "sergeant": "sergeant",
	"senator": "senator", "sen.": "senator", "governor": "governor", "gov.": "governor",
	"mayor": "mayor", "president": "president", "king": "king", "queen": "queen",
	"prince": "prince", "princess": "princess",
}

// premodifier walks left from the name at token i over titles, countries,
// organisations and title words.
func (x *extractor) premodifier(s *sentence, i int) premod {
	p := premod{start: i}
	hasRole := false
	k := i - 1
	if k >= 0 && honorificsInName[s.toks[k].low] {
		k-- // "Lord" is part of the name
		p.start = k + 1
	}
loop:
	for ; k >= 0 && i-k <= 8; k-- {
		t, tg := s.toks[k], s.tags[k]
		switch {
		case tg.kind == tRole:
			hasRole = true
		case tg.kind == tCountry || tg.kind == tGov || tg.kind == tOrg:
		case t.low == "'s" && k > 0 && (s.tags[k-1].kind == tCountry || s.tags[k-1].kind == tOrg || s.tags[k-1].kind == tGov || x.orgBefore(s, k)):
		case tg.kind == tName && hasRole && (t.cap || tg.org), tg.body && hasRole:
		case t.kind == word && (!t.cap || atStart(s, k)) && hasRole && titleModifiers[t.low]:
		case t.kind == word && !t.cap && hasRole && k > 0 && !commonCaps[t.low] && cueForms[t.low] == "" &&
			(s.tags[k-1].kind == tCountry || s.tags[k-1].kind == tGov || s.tags[k-1].kind == tOrg || titleModifiers[s.toks[k-1].low]):
		case t.s == "-" && hasRole:
		default:
			break loop
		}
		p.start = k
	}
	if p.start >= i {
		return premod{start: i}
	}
	// Drop a leading possessive or honorific left over.
	for p.start < i && (s.toks[p.start].low == "'s" || s.toks[p.start].kind == punct) {
		p.start++
	}
	end := i
	for end > p.start && honorificsInName[s.toks[end-1].low] {
		end--
	}
	var roleWords []string
	for k := p.start; k < end; k++ {
		tg := s.tags[k]
		switch tg.kind {
		case tCountry:
			p.country = tg.entry.Code
		case tGov:
			p.country = tg.entry.Country
			p.org = "gov:" + tg.entry.Country + ":" + strings.ToLower(tg.entry.Name)
		case tOrg:
			p.org = "org:" + strings.ToLower(tg.entry.Name)
			if tg.entry.Country != "" {
				p.country = tg.entry.Country
			}
		case tRole:
			roleWords = append(roleWords, s.toks[k].low)
		case tName:
			// A name before the title is the body the title is of: "TUC
			// general secretary", "Brindle Hawke banker", "Home Office minister".
			if key, ok := x.orgNamed(s, k, end); ok {
				p.org = key
				if tg.country != "" {
					p.country = tg.country
				}
			}
		default:
			if len(roleWords) > 0 && titleModifiers[s.toks[k].low] {
				roleWords = append(roleWords, s.toks[k].low)
			}
		}
	}
	// A generic body inside the title: "Chinese foreign ministry spokesperson".
	if p.country != "" && p.org == "" {
		for k := p.start; k < end; k++ {
			if s.tags[k].kind == tCountry && (k+1 >= end || s.tags[k+1].kind != tCountry) {
				if body, bend := x.genericBody(s, k+1); body != "" && bend <= end {
					p.org = "gov:" + p.country + ":" + body
					x.body(p.country, body, s.Text[s.toks[k].start:s.toks[bend-1].end])
				}
			}
		}
	}
	if hasRole && end > p.start {
		p.title = strings.TrimSpace(s.Text[s.toks[p.start].start:s.toks[end-1].end])
		p.role = strings.Join(roleWords, " ")
	}
	return p
}

// appositive reads ", editor of the Ukrainian publication Defence Express," or ", a
// Republican Senator," after a name ending at token j.
func (x *extractor) appositive(s *sentence, id, j int) {
	if j >= len(s.toks) || s.toks[j].s != "," {
		return
	}
	k := j + 1
	end := k
	for end < len(s.toks) && s.toks[end].s != "," && s.toks[end].s != ";" && s.toks[end].s != "(" && !(s.toks[end].s == "." && end == len(s.toks)-1) {
		end++
	}
	n := end - k
	if n < 1 || n > 16 {
		return
	}
	first := s.toks[k]
	if first.low == "who" && x.headsClause(s, id, k, end) || first.low == "from" && x.fromBody(s, id, k, end) {
		return
	}
	if first.low == "who" || first.low == "which" || first.low == "whose" || first.kind == num {
		return
	}
	hasRole := false
	roleAt := -1
	for t := k; t < end; t++ {
		if s.tags[t].kind == tRole && s.tags[t].first && pluralRole(s, t) && roleAt < 0 {
			return // ", World Bank officials and trade ministers": a list goes on
		}
		if s.tags[t].kind == tRole {
			hasRole = true
			if roleAt < 0 {
				roleAt = t
			}
		}
		if finiteCue(s, t) {
			return // a clause, not an appositive
		}
	}
	article := first.low == "a" || first.low == "an" || first.low == "the"
	if !hasRole && !(article && n <= 12) {
		return
	}
	if !hasRole && !article {
		return
	}
	if hasRole && !(article || roleAt == k || s.tags[k].kind != tNone || titleModifiers[first.low] || s.toks[k].cap) {
		return
	}
	from := k
	if article {
		from++
	}
	if from >= end {
		return
	}
	phrase := strings.TrimSpace(s.Text[s.toks[from].start:s.toks[end-1].end])
	a := x.actors[id]
	x.mention(s, id, k, end, "appositive")
	if !hasRole {
		if a.Description == "" {
			a.Description = strings.TrimSpace(s.Text[s.toks[k].start:s.toks[end-1].end])
		}
		return
	}
	if a.Title == "" {
		a.Title = phrase
	}
	// "editor of the Ukrainian publication Defence Express": role and what of.
	var roleWords []string
	of := ""
	country, org := "", ""
	for t := from; t < end; t++ {
		tg := s.tags[t]
		switch {
		case tg.kind == tRole && of == "":
			roleWords = append(roleWords, s.toks[t].low)
		case (s.toks[t].low == "of" || s.toks[t].low == "at" || s.toks[t].low == "for") && of == "" && len(roleWords) > 0 && t+1 < end:
			of = strings.TrimSpace(s.Text[s.toks[t+1].start:s.toks[end-1].end])
		case tg.kind == tCountry:
			country = tg.entry.Code
		case tg.kind == tGov:
			country, org = tg.entry.Country, "gov:"+tg.entry.Country+":"+strings.ToLower(tg.entry.Name)
		case tg.kind == tOrg:
			org = "org:" + strings.ToLower(tg.entry.Name)
			if tg.entry.Country != "" {
				country = tg.entry.Country
			}
		case tg.kind == tName && tg.first && org == "":
			// "general secretary of Loomcraft", "chairman of the Commission for
			// Tenant Rights", "KVRA's boss"
			if key, ok := x.orgNamed(s, t, end); ok {
				org = key
				if tg.country != "" {
					country = tg.country
				}
			}
		}
	}
	if a.Country == "" {
		a.Country = country
	}
	if a.Org == "" {
		a.Org = org
	}
	if of == "" {
		of = x.orgName(org, country)
	}
	x.roles = append(x.roles, knowledge.Role{Sentence: s.N, Person: id, Title: strings.Join(roleWords, " "), Of: of})
}

// orgName names an organisation key or, failing that, a country.
func (x *extractor) orgName(org, country string) string {
	if id, ok := x.byKey[org]; ok {
		return x.actors[id].Name
	}
	if org != "" {
		parts := strings.Split(org, ":")
		return parts[len(parts)-1]
	}
	if country != "" {
		return x.gz.CountryName(country)
	}
	return ""
}
