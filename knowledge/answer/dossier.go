package answer

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Dossier is everything the briefings say about one actor.
type Dossier struct {
	Key         string
	Name        string
	Kind        knowledge.ActorKind
	Title       string
	Description string
	Country     string // country name
	Org         string // organisation name
	Summary     string // one line: who they are
	// Intro cites the sentence that introduces the actor.
	Intro      *knowledge.Citation
	Statements []DossierItem
	Figures    []DossierItem
	// With are the actors mentioned most often in the same sentences.
	With []string
	// Briefings are the titles of the briefings that mention the actor.
	Briefings []string
}

// DossierItem is one cited line of a dossier.
type DossierItem struct {
	Text     string
	Citation knowledge.Citation
}

// Ambiguous is returned when a name fits several actors; Candidates lists them
// ("Kim Hong-kyun (Vice Foreign Minister)", "Kim Jong Un (North Korean leader)").
type Ambiguous struct {
	Name       string
	Candidates []Candidate
}

// Candidate is one actor a name may mean.
type Candidate struct {
	Name  string // canonical name, to ask for it exactly
	Label string // with title
}

func (a *Ambiguous) Error() string {
	var labels []string
	for _, c := range a.Candidates {
		labels = append(labels, c.Label)
	}
	return fmt.Sprintf("%q may mean %s", a.Name, strings.Join(labels, " or "))
}

// NotFound is returned when no actor fits a name; Suggestions are the closest
// known names.
type NotFound struct {
	Name        string
	Suggestions []string
}

func (n *NotFound) Error() string {
	if len(n.Suggestions) == 0 {
		return fmt.Sprintf("no actor called %q in the briefings", n.Name)
	}
	return fmt.Sprintf("no actor called %q in the briefings; did you mean %s?", n.Name, strings.Join(n.Suggestions, ", "))
}

// Dossier gathers what the briefings say about the actor called name. It returns
// *Ambiguous when the name fits several actors and *NotFound when it fits none.
func (e *Engine) Dossier(ctx context.Context, name string) (Dossier, error) {
	ix, err := e.index(ctx)
	if err != nil {
		return Dossier{}, fmt.Errorf("dossier: %w", err)
	}
	name = clean(name)
	t := e.resolve(ctx, ix, strings.Join(words(name), " "))
	if len(t.direct) == 0 {
		return Dossier{}, &NotFound{Name: name, Suggestions: e.Suggest(ix, name, 5)}
	}
	// Distinct actors among the direct matches.
	var keys []string
	rowsByKey := map[string][]store.ActorRow{}
	for _, i := range t.direct {
		a := ix.actors[i]
		if _, ok := rowsByKey[a.Key]; !ok {
			keys = append(keys, a.Key)
		}
		rowsByKey[a.Key] = append(rowsByKey[a.Key], a)
	}
	if len(keys) > 1 {
		amb := &Ambiguous{Name: name}
		for _, k := range keys {
			a := rowsByKey[k][0]
			amb.Candidates = append(amb.Candidates, Candidate{Name: a.Name, Label: label(a)})
		}
		return Dossier{}, amb
	}
	rows := rowsByKey[keys[0]]
	a := rows[0]
	d := Dossier{Key: a.Key, Name: a.Name, Kind: a.Kind}
	var ids []int64
	docs := map[string]bool{}
	for _, r := range rows {
		ids = append(ids, r.ID)
		if d.Title == "" {
			d.Title = r.Title
		}
		if d.Description == "" {
			d.Description = r.Description
		}
		if d.Country == "" && r.Country != "" {
			d.Country = e.gz.CountryName(r.Country)
		}
		if d.Org == "" && r.Org != "" {
			for _, o := range ix.byKey[r.Org] {
				d.Org = ix.actors[o].Name
				break
			}
		}
		if !docs[r.DocPath] {
			docs[r.DocPath] = true
		}
	}
	d.Summary = e.identity(a, d.Title, d.Description)
	hits, err := e.st.ActorSentences(ctx, ids, 200)
	if err != nil {
		return d, fmt.Errorf("dossier: %w", err)
	}
	for _, h := range hits {
		if !contains(d.Briefings, h.DocTitle) {
			d.Briefings = append(d.Briefings, h.DocTitle)
		}
	}
	if len(hits) > 0 {
		c := cite(hits[0])
		for _, h := range hits {
			if d.Title != "" && strings.Contains(h.Text, d.Title) {
				c = cite(h)
				break
			}
		}
		d.Intro = &c
	}
	// Statements: the actor's own, and for countries and organisations those of
	// the people who speak for them.
	all := append(append([]int{}, t.direct...), t.affiliates...)
	var speakerIDs []int64
	for _, i := range all {
		if ix.actors[i].Key == a.Key || a.Kind != knowledge.Person {
			speakerIDs = append(speakerIDs, ix.actors[i].ID)
		}
	}
	sts, err := e.st.Statements(ctx, speakerIDs, maxStatementsRead)
	if err != nil {
		return d, fmt.Errorf("dossier: %w", err)
	}
	seen := map[int64]bool{}
	for _, s := range sts {
		if seen[s.SentenceID] {
			continue
		}
		seen[s.SentenceID] = true
		d.Statements = append(d.Statements, DossierItem{Text: sentence(e.statementText(ix.row(s.SpeakerID), s, false)), Citation: cite(s.Hit)})
	}
	qs, err := e.st.Quantities(ctx, speakerIDs)
	if err != nil {
		return d, fmt.Errorf("dossier: %w", err)
	}
	for _, q := range qs {
		d.Figures = append(d.Figures, DossierItem{Text: quantityText(q.Quantity), Citation: cite(q.Hit)})
	}
	// Who appears with them.
	sids := make([]int64, 0, len(hits))
	for _, h := range hits {
		sids = append(sids, h.SentenceID)
	}
	facts, err := e.st.Facts(ctx, sids)
	if err != nil {
		return d, fmt.Errorf("dossier: %w", err)
	}
	count := map[string]int{}
	names := map[string]string{}
	self := map[int64]bool{}
	for _, id := range ids {
		self[id] = true
	}
	for _, ms := range facts.Mentions {
		inSentence := map[string]bool{}
		for _, m := range ms {
			o, ok := ix.rowOK(m.ActorID)
			if !ok || self[m.ActorID] || o.Key == a.Key || inSentence[o.Key] || o.Kind == knowledge.Group {
				continue
			}
			inSentence[o.Key] = true
			count[o.Key]++
			names[o.Key] = o.Name
		}
	}
	var with []string
	for k := range count {
		with = append(with, k)
	}
	sort.Slice(with, func(i, j int) bool {
		if count[with[i]] != count[with[j]] {
			return count[with[i]] > count[with[j]]
		}
		return with[i] < with[j]
	})
	for i, k := range with {
		if i == 8 {
			break
		}
		d.With = append(d.With, names[k])
	}
	return d, nil
}

// label names an actor with its title for a choice list.
func label(a store.ActorRow) string {
	if a.Title != "" {
		return a.Name + " (" + a.Title + ")"
	}
	if a.Kind != knowledge.Person {
		return a.Name + " (" + string(a.Kind) + ")"
	}
	return a.Name
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Suggest returns up to n known actor names close to name, best first: fuzzy
// subsequence matches (github.com/sahilm/fuzzy), then edit-distance neighbours.
func (e *Engine) Suggest(ix *index, name string, n int) []string {
	q := strings.ToLower(strings.TrimSpace(name))
	var out []string
	seen := map[string]bool{}
	add := func(alias string) {
		for _, i := range ix.byAlias[alias] {
			nm := ix.actors[i].Name
			if !seen[nm] && len(out) < n {
				seen[nm] = true
				out = append(out, nm)
			}
		}
	}
	if q != "" {
		for _, m := range fuzzy.Find(q, ix.names) {
			add(m.Str)
		}
		for _, nm := range ix.names {
			if editDistance(q, nm, maxEdits(q)) <= maxEdits(q) {
				add(nm)
			}
		}
	}
	return out
}

// Complete lists up to n actor names matching a partial name, for autocomplete:
// canonical names only, best fuzzy match first.
func (e *Engine) Complete(ctx context.Context, partial string, n int) ([]string, error) {
	ix, err := e.index(ctx)
	if err != nil {
		return nil, fmt.Errorf("complete: %w", err)
	}
	partial = strings.ToLower(strings.TrimSpace(partial))
	if partial == "" {
		return topActors(ix, n), nil
	}
	return e.Suggest(ix, partial, n), nil
}
