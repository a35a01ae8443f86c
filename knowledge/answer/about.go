package answer

import (
	"context"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// maxAbout is how many actors an answer names as what it is about.
const maxAbout = 6

// about lists the actors an answer is about, for follow-up questions: the
// question's subject as resolved, the other actors the question names, then
// those named in the first sentence cited (people first).
func (e *Engine) about(ctx context.Context, ix *index, q Question, cites []knowledge.Citation) []knowledge.ActorRef {
	var out []knowledge.ActorRef
	seen := map[string]bool{}
	add := func(r knowledge.ActorRef) {
		if r.Name == "" || seen[strings.ToLower(r.Name)] || len(out) >= maxAbout {
			return
		}
		seen[strings.ToLower(r.Name)] = true
		out = append(out, r)
	}
	if q.Subject != "" {
		if t := e.resolve(ctx, ix, q.Subject); t.found() {
			r := knowledge.ActorRef{Name: t.name, Phrase: q.Subject, Kind: knowledge.Country}
			if len(t.direct) > 0 {
				a := ix.actors[t.direct[0]]
				r.Kind, r.Title = a.Kind, a.Title
			} else if len(t.affiliates) > 0 && t.how != "gazetteer" {
				r.Kind = knowledge.Organisation
			}
			add(r)
		}
	}
	for _, m := range actorsNamed(ix, q.Words) {
		a := ix.actors[m.actor]
		add(knowledge.ActorRef{Name: a.Name, Kind: a.Kind, Title: a.Title, Phrase: m.phrase})
	}
	if len(cites) > 0 {
		named := actorsNamed(ix, words(clean(cites[0].Text)))
		for _, people := range []bool{true, false} {
			for _, m := range named {
				a := ix.actors[m.actor]
				if (a.Kind == knowledge.Person) == people {
					add(knowledge.ActorRef{Name: a.Name, Kind: a.Kind, Title: a.Title})
				}
			}
		}
	}
	return out
}

// namedActor is an actor found in a run of words.
type namedActor struct {
	phrase string // the words that name it
	actor  int    // index in index.actors
}

// actorsNamed finds the named actors in words by the aliases the briefings use,
// longest names first, in the order the words name them.
func actorsNamed(ix *index, w []string) []namedActor {
	var out []namedActor
	taken := make([]bool, len(w))
	for n := 4; n >= 1; n-- {
		for i := 0; i+n <= len(w); i++ {
			if anyTaken(taken[i : i+n]) {
				continue
			}
			p := strings.Join(w[i:i+n], " ")
			if stopWords[p] || fillers[p] {
				continue
			}
			for _, id := range ix.byAlias[p] {
				a := ix.actors[id]
				if a.Kind == knowledge.Group || strings.HasPrefix(a.Key, "role:") {
					continue
				}
				out = append(out, namedActor{phrase: p, actor: id})
				for j := i; j < i+n; j++ {
					taken[j] = true
				}
				break
			}
		}
	}
	// In the order of the words.
	pos := func(m namedActor) int { return indexOfPhrase(w, m.phrase) }
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && pos(out[j]) < pos(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func anyTaken(t []bool) bool {
	for _, x := range t {
		if x {
			return true
		}
	}
	return false
}

// indexOfPhrase is where the words of p start in w, or len(w).
func indexOfPhrase(w []string, p string) int {
	pw := strings.Fields(p)
	for i := 0; i+len(pw) <= len(w); i++ {
		match := true
		for j := range pw {
			if w[i+j] != pw[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return len(w)
}
