package extract

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// Titles before names: news often introduces someone by what they are and names
// them in the next sentence ("Germany's finance minister has said that the
// region faced ruin. Dieter Kahl said he would push for action."). A definite
// title that no one holds yet waits for the first person the briefing names
// after it, within the next sentence, who has no title of their own.

// pendingTitle is a definite title no known person held when it was read.
type pendingTitle struct {
	s       *sentence
	si      int // index of s in x.sents
	i, j    int // the tokens it covers, from its determiner or country on
	role    string
	country string
}

// cataphoraReach is how many sentences after a title its holder may be named in.
const cataphoraReach = 1

// awaitTitle records a definite title without a holder.
func (x *extractor) awaitTitle(s *sentence, i, j int, role, country string) {
	x.pending = append(x.pending, pendingTitle{s: s, si: x.sentIndex(s), i: i, j: j, role: role, country: country})
}

// sentIndex returns the index of s in x.sents.
func (x *extractor) sentIndex(s *sentence) int {
	return sort.Search(len(x.sents), func(k int) bool { return x.sents[k].N >= s.N })
}

// resolvePending gives each waiting title to the first person named after it,
// within reach, who has no title, and records the title as their mention.
func (x *extractor) resolvePending() {
	if len(x.pending) == 0 {
		return
	}
	// The people in the order the briefing first names them.
	var people []int
	for id, a := range x.actors {
		if a.Kind == knowledge.Person && len(a.Mentions) > 0 {
			people = append(people, id)
		}
	}
	first := func(id int) knowledge.Mention { return x.actors[id].Mentions[0] }
	sort.Slice(people, func(a, b int) bool {
		ma, mb := first(people[a]), first(people[b])
		return ma.Sentence < mb.Sentence || ma.Sentence == mb.Sentence && ma.Start < mb.Start
	})
	taken := map[int]bool{}
	for _, p := range x.pending {
		end := p.s.toks[p.j-1].end
		n := sort.Search(len(people), func(k int) bool {
			m := first(people[k])
			return m.Sentence > p.s.N || m.Sentence == p.s.N && m.Start >= end
		})
		if n == len(people) || first(people[n]).Sentence > x.sents[min(p.si+cataphoraReach, len(x.sents)-1)].N {
			continue
		}
		best := people[n]
		a := x.actors[best]
		if taken[best] {
			continue
		}
		if a.Title != "" || p.country != "" && a.Country != "" && a.Country != p.country {
			continue // the next person named is someone else
		}
		taken[best] = true
		a.Title = p.role
		if a.Country == "" {
			a.Country = p.country
		}
		x.roles = append(x.roles, knowledge.Role{Sentence: p.s.N, Person: best, Title: strings.ToLower(p.role), Of: x.orgName("", p.country)})
		x.mention(p.s, best, p.i, p.j, "title")
		sortMentions(p.s)
	}
}

// sortMentions puts the mentions of s in token order, the longest first.
func sortMentions(s *sentence) {
	sort.Slice(s.mentions, func(a, b int) bool {
		if s.mentions[a].j != s.mentions[b].j {
			return s.mentions[a].j < s.mentions[b].j
		}
		return s.mentions[a].i > s.mentions[b].i
	})
}

// introduceUnnamed reads a sentence that opens with someone described, not
// named, and the body they belong to: "A former senior manager at Veltrex
// directed ...". The description becomes a person, whom a later definite title
// ("The manager told ...") refers to. The title is tokens start..end, country
// the country before it; it reports whether it made the person.
func (x *extractor) introduceUnnamed(s *sentence, start, end int, country string) bool {
	i := start
	for i > 0 && titleModifiers[s.toks[i-1].low] && s.tags[i-1].kind == tNone && !s.toks[i-1].cap {
		i-- // "former senior"
	}
	if i == 0 || !indefinite(s.toks[i-1].low) || !atStart(s, i-1) {
		return false
	}
	if end+1 >= len(s.toks) || !orgPositions[s.toks[end].low] && !isLink(s.toks[end]) {
		return false
	}
	org, e, ok := x.bodyAt(s, end+1, len(s.toks))
	if !ok {
		return false
	}
	if org == "" || speaksAfter(s, e) {
		return false // "A spokesman for the company said": the statement's
	}
	title := s.Text[s.toks[i].start:s.toks[end-1].end]
	id := x.ensure("person:"+strings.ToLower(s.Text[s.toks[i].start:s.toks[e-1].end]), func() *knowledge.Actor {
		return &knowledge.Actor{Name: title, Kind: knowledge.Person, Title: title, Org: org, Country: country}
	})
	x.roles = append(x.roles, knowledge.Role{Sentence: s.N, Person: id, Title: strings.ToLower(title), Of: x.orgName(org, country)})
	x.mention(s, id, i-1, e, "title")
	return true
}

// indefinite reports whether w introduces someone new.
func indefinite(w string) bool { return w == "a" || w == "an" }
