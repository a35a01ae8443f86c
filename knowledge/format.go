package knowledge

import (
	"fmt"
	"io"
	"strings"
)

// FactKinds are the kinds of fact WriteFacts can show.
var FactKinds = []string{"actors", "statements", "quantities", "times", "roles"}

// WriteFacts writes a briefing's facts as readable lines, for people to inspect
// and for golden files. kinds selects what to show (all when empty); actor, when
// set, keeps only facts about actors whose name or alias contains it.
func WriteFacts(w io.Writer, b *Briefing, kinds []string, actor string) error {
	show := map[string]bool{}
	for _, k := range kinds {
		show[k] = true
	}
	all := len(kinds) == 0
	keep := func(id int) bool {
		return actor == "" || id >= 0 && id < len(b.Actors) && b.Actors[id].Matches(actor)
	}
	name := func(id int) string {
		if id < 0 || id >= len(b.Actors) {
			return "-"
		}
		return b.Actors[id].Name
	}
	ew := &errWriter{w: w}
	ew.printf("# %s (%s): %d sentences\n", b.Path, b.Title, len(b.Sentences))
	if all || show["actors"] {
		for i, a := range b.Actors {
			if !keep(i) {
				continue
			}
			ew.printf("actor %d %s %q", i, a.Kind, a.Name)
			for _, f := range [][2]string{{"key", a.Key}, {"title", a.Title}, {"org", a.Org}, {"country", a.Country}, {"description", a.Description}} {
				if f[1] != "" {
					ew.printf(" %s=%q", f[0], f[1])
				}
			}
			ew.printf("\n  aliases: %s\n", strings.Join(a.Aliases, " | "))
			var ms []string
			for _, m := range a.Mentions {
				ms = append(ms, fmt.Sprintf("%d:%q", m.Sentence, m.Text))
			}
			ew.printf("  mentions: %s\n", strings.Join(ms, " "))
		}
	}
	if all || show["statements"] {
		for _, s := range b.Statements {
			if !keep(s.Speaker) {
				continue
			}
			flags := ""
			if s.Direct {
				flags += " direct"
			}
			if s.Negated {
				flags += " negated"
			}
			ew.printf("statement s%d %s [%s]%s: %q\n", s.Sentence, name(s.Speaker), s.Cue, flags, s.Content)
		}
	}
	if all || show["quantities"] {
		for _, q := range b.Quantities {
			if !keep(q.Claimant) && actor != "" {
				continue
			}
			ew.printf("quantity s%d %q value=%g", q.Sentence, q.Text, q.Value)
			if q.High != q.Value {
				ew.printf("-%g", q.High)
			}
			for _, f := range [][2]string{{"unit", q.Unit}, {"hedge", q.Hedge}, {"counted", q.Counted}, {"source", q.Source}} {
				if f[1] != "" {
					ew.printf(" %s=%q", f[0], f[1])
				}
			}
			if q.Claimant >= 0 {
				ew.printf(" claimant=%q", name(q.Claimant))
			}
			ew.printf("\n")
		}
	}
	if (all || show["times"]) && actor == "" {
		for _, t := range b.Times {
			ew.printf("time s%d %q norm=%q event=%q\n", t.Sentence, t.Text, t.Norm, t.Event)
		}
	}
	if all || show["roles"] {
		for _, r := range b.Roles {
			if !keep(r.Person) {
				continue
			}
			ew.printf("role s%d %s: %q of %q\n", r.Sentence, name(r.Person), r.Title, r.Of)
		}
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
