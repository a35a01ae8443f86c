package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
)

// The body a title belongs to, when the title does not name it: an
// organisation the briefing knows by the name before the title, or, for the
// head of something, the organisation named last.

// orgNamed returns the key of the organisation the name run starting at token
// k (and ending by end) names: one classified so, or one the briefing already
// knows by that name ("KVRA").
func (x *extractor) orgNamed(s *sentence, k, end int) (string, bool) {
	tg := s.tags[k]
	if !tg.first || tg.kind != tName || tg.end > end {
		return "", false
	}
	if x.classifyName(s, k, tg.end) == knowledge.Organisation {
		return x.actors[x.namedOrg(s, k, tg.end)].Key, true
	}
	if id, ok := x.byKey["org:"+nameKey(s, k, tg.end)]; ok {
		return x.actors[id].Key, true
	}
	return "", false
}

// orgBefore reports whether the name run ending right before token k names an
// organisation the briefing knows: "KVRA's boss".
func (x *extractor) orgBefore(s *sentence, k int) bool {
	i := k - 1
	for i > 0 && s.tags[i].kind == tName && !s.tags[i].first {
		i--
	}
	_, ok := x.orgNamed(s, i, k)
	return ok
}

// headOfBody reports whether a title's role words are those of an
// organisation's head: "general secretary", "chief executive", "chairman".
func headOfBody(role string) bool {
	return role == "general secretary" || strings.HasSuffix(role, "chief executive") ||
		lexicon.HeadWords[lastWord(role)] && lastWord(role) != "president" && lastWord(role) != "leader"
}

// recentOrgReach is how many sentences back an untitled head's organisation
// may be named.
const recentOrgReach = 2

// recentOrg returns the organisation named last before token i of s, in s or
// in the recentOrgReach sentences before it.
func (x *extractor) recentOrg(s *sentence, i int) (int, bool) {
	si := x.sentIndex(s)
	for p := si; p >= 0 && p >= si-recentOrgReach; p-- {
		best, bestEnd := -1, -1
		for _, m := range x.sents[p].mentions {
			if x.actors[m.actor].Kind != knowledge.Organisation || p == si && m.j > i {
				continue
			}
			if m.j > bestEnd {
				best, bestEnd = m.actor, m.j
			}
		}
		if best >= 0 {
			return best, true
		}
	}
	return 0, false
}

// pluralRole reports whether the title starting at token k is written in the
// plural ("officials", "foreign ministers"), which no one person is.
func pluralRole(s *sentence, k int) bool {
	e := s.tags[k].end
	w := s.toks[e-1].low
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(s.tags[k].entry.Name, w)
}

// leadVerbs say, in a relative clause after a name, that the person heads what
// follows: "Gwen Tarrant, who leads a residents' association".
var leadVerbs = set("leads", "led", "heads", "headed", "chairs", "chaired", "runs",
	"ran", "founded", "directs", "directed", "manages", "managed")

// headsClause reads ", who leads a residents' association" after the name of
// person id (tokens k..end, from "who"): the person is the head of it. It
// reports whether it read one.
func (x *extractor) headsClause(s *sentence, id, k, end int) bool {
	if end-k < 3 || !leadVerbs[s.toks[k+1].low] {
		return false
	}
	of := strings.TrimSpace(s.Text[s.toks[k+2].start:s.toks[end-1].end])
	a := x.actors[id]
	if a.Description == "" {
		a.Description = "head of " + of
	}
	x.roles = append(x.roles, knowledge.Role{Sentence: s.N, Person: id, Title: "head", Of: of})
	return true
}

// bodyAt reads the name of an organisation or a government body that starts
// at token i, after an optional "the", and ends before end: its actor key and
// the token after it. ok is false when no tagged name starts there; org is ""
// when the name is no body's.
func (x *extractor) bodyAt(s *sentence, i, end int) (org string, after int, ok bool) {
	if i < end && s.toks[i].low == "the" {
		i++
	}
	if i >= end || !s.tags[i].first {
		return "", i, false
	}
	after = s.tags[i].end
	switch s.tags[i].kind {
	case tOrg:
		org = "org:" + strings.ToLower(s.tags[i].entry.Name)
	case tGov:
		org = "gov:" + s.tags[i].entry.Country + ":" + strings.ToLower(s.tags[i].entry.Name)
	case tName:
		org, _ = x.orgNamed(s, i, after)
	}
	return org, after, true
}

// fromBody reads ", from the Canal and River Boatmen union," after the
// name of person id (tokens k..end, from "from"): the person belongs to that
// organisation. It reports whether it read one.
func (x *extractor) fromBody(s *sentence, id, k, end int) bool {
	org, e, ok := x.bodyAt(s, k+1, end)
	if !ok {
		return false
	}
	if e < end && bodyNouns[s.toks[e].low] && !s.toks[e].cap {
		e++ // "union"
	}
	// The appositive ends with the body, or the name's verb follows without a
	// comma ("Ruth Kellaway, from the CRB union said ...").
	if org == "" || e < end && !speaksAfter(s, e) {
		return false // more than a body's name: "from the union's London office"
	}
	a := x.actors[id]
	if a.Org == "" {
		a.Org = org
	}
	x.mention(s, id, k, e, "appositive")
	return true
}
