package extract

import (
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// Titles before names: news often introduces someone by what they are and names
// them in the next sentence ("France's finance minister has said the world
// faced catastrophe. Herve Gaymard said he would seek action."). A definite
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
	taken := map[int]bool{}
	for _, p := range x.pending {
		last := x.sents[min(p.si+cataphoraReach, len(x.sents)-1)].N
		best := -1
		for id, a := range x.actors {
			if a.Kind != knowledge.Person || taken[id] || len(a.Mentions) == 0 {
				continue
			}
			m := a.Mentions[0] // the first in text order
			if m.Sentence < p.s.N || m.Sentence > last || m.Sentence == p.s.N && m.Start < p.s.toks[p.j-1].end {
				continue
			}
			if best < 0 || m.Sentence < x.actors[best].Mentions[0].Sentence ||
				m.Sentence == x.actors[best].Mentions[0].Sentence && m.Start < x.actors[best].Mentions[0].Start {
				best = id
			}
		}
		if best < 0 {
			continue
		}
		a := x.actors[best]
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
