package knowledge

import "strings"

// Filter returns the facts WriteFacts would show: kinds selects which (all when
// empty), actor, when set, keeps only facts about actors whose name or alias
// contains it (and then no time expressions, which name nobody). Each actor
// keeps its ID, which statements, figures and roles refer to. Lists are never
// nil, so they print as [] in JSON.
func (f Facts) Filter(kinds []string, actor string) Facts {
	show := func(kind string) bool {
		if len(kinds) == 0 {
			return true
		}
		for _, k := range kinds {
			if k == kind {
				return true
			}
		}
		return false
	}
	keep := func(id int) bool {
		return actor == "" || id >= 0 && id < len(f.Actors) && f.Actors[id].Matches(actor)
	}
	out := Facts{Actors: []Actor{}, Statements: []Statement{}, Quantities: []Quantity{}, Times: []TimeExpr{}, Roles: []Role{}}
	if show("actors") {
		for i, a := range f.Actors {
			if keep(i) {
				out.Actors = append(out.Actors, a)
			}
		}
	}
	if show("statements") {
		for _, s := range f.Statements {
			if keep(s.Speaker) {
				out.Statements = append(out.Statements, s)
			}
		}
	}
	if show("quantities") {
		for _, q := range f.Quantities {
			if keep(q.Claimant) {
				out.Quantities = append(out.Quantities, q)
			}
		}
	}
	if show("times") && actor == "" {
		out.Times = append(out.Times, f.Times...)
	}
	if show("roles") {
		for _, r := range f.Roles {
			if keep(r.Person) {
				out.Roles = append(out.Roles, r)
			}
		}
	}
	return out
}

// Matches reports whether the actor's name or one of its aliases contains
// name, ignoring case.
func (a Actor) Matches(name string) bool {
	name = strings.ToLower(name)
	if strings.Contains(strings.ToLower(a.Name), name) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(al, name) {
			return true
		}
	}
	return false
}
