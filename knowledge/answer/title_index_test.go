package answer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

func TestTitleCandidates(t *testing.T) {
	person := func(id int64, name, title string) store.ActorRow {
		return store.ActorRow{ID: id, Actor: knowledge.Actor{Key: "person:" + name, Name: name, Kind: knowledge.Person, Title: title}}
	}
	ix := newIndex(1, []store.ActorRow{
		person(1, "Jack Straw", "Foreign Secretary"),
		person(2, "Gordon Brown", "Chancellor"),
		person(3, "Michael Ancram", "shadow foreign secretary"),
		person(4, "Tony Blair", "Prime Minister"),
		person(5, "Some Ministers", "junior ministers"),
		person(7, "Ann Pell", "party leaders"),
		person(8, "Kofi Annan", "UN Secretary-General"),
		{ID: 6, Actor: knowledge.Actor{Key: "country:GBR", Name: "United Kingdom", Kind: knowledge.Country}},
	})
	names := func(is []int) []string {
		var out []string
		for _, i := range is {
			out = append(out, ix.actors[i].Name)
		}
		return out
	}
	tests := []struct {
		title []string
		want  []string // the candidates, in index order
	}{
		{[]string{"foreign", "secretary"}, []string{"Jack Straw", "Michael Ancram"}},
		// A singular finds plurals and the other way round.
		{[]string{"minister"}, []string{"Tony Blair", "Some Ministers"}},
		{[]string{"ministers"}, []string{"Tony Blair", "Some Ministers"}},
		// A word for the head of something matches any title naming a head,
		// in the plural too, and a secretary general.
		{[]string{"chief"}, []string{"Ann Pell", "Kofi Annan"}},
		{[]string{"secretary"}, []string{"Jack Straw", "Michael Ancram", "Kofi Annan"}},
	}
	for _, tt := range tests {
		if got := names(ix.titleCandidates(newTitleQuery(tt.title))); !slices.Equal(got, tt.want) {
			t.Errorf("titleCandidates(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
	// Every title that matches is a candidate.
	for _, title := range [][]string{{"chief"}, {"leader"}, {"foreign", "chief"}, {"secretary", "general"}, {"minister"}, {"junior", "minister"}} {
		tq := newTitleQuery(title)
		var all []int
		for _, i := range ix.titled {
			if tq.matches(ix.titleWords[i]) {
				all = append(all, i)
			}
		}
		var fromCandidates []int
		for _, i := range ix.titleCandidates(tq) {
			if tq.matches(ix.titleWords[i]) {
				fromCandidates = append(fromCandidates, i)
			}
		}
		if !slices.Equal(all, fromCandidates) {
			t.Errorf("%q matches %q of the titled, %q of the candidates", title, names(all), names(fromCandidates))
		}
	}
	// The candidates narrow the search; matching still decides.
	var matched []string
	tq := newTitleQuery([]string{"foreign", "secretary"})
	for _, i := range ix.titleCandidates(tq) {
		if tq.matches(ix.titleWords[i]) {
			matched = append(matched, ix.actors[i].Name)
		}
	}
	if !slices.Equal(matched, []string{"Jack Straw"}) {
		t.Errorf("foreign secretary matches %q, want only Jack Straw (the shadow one is not)", matched)
	}
}

// TestRankActors checks that the most mentioned actors come first, ties by key,
// groups and roles left out, however many actors there are.
func TestRankActors(t *testing.T) {
	var rows []store.ActorRow
	for i := range 200 {
		rows = append(rows, store.ActorRow{ID: int64(i + 1), MentionCount: (i * 37) % 101,
			Actor: knowledge.Actor{Key: fmt.Sprintf("person:p%03d", i), Name: fmt.Sprintf("P%03d", i), Kind: knowledge.Person}})
	}
	rows = append(rows,
		store.ActorRow{ID: 1000, MentionCount: 500, Actor: knowledge.Actor{Key: "group:critics", Name: "critics", Kind: knowledge.Group}},
		store.ActorRow{ID: 1001, MentionCount: 50, Actor: knowledge.Actor{Key: "person:p005", Name: "P005", Kind: knowledge.Person}}, // a second briefing
	)
	ix := newIndex(1, rows)
	count := map[string]int{}
	for _, r := range rows {
		if r.Kind != knowledge.Group {
			count[r.Name] += r.MentionCount
		}
	}
	names := slices.Collect(maps.Keys(count))
	slices.SortFunc(names, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	for _, n := range []int{0, 1, 5, 25, 300} {
		got := rankActors(ix, n)
		want := names[:min(n, len(names))]
		if !slices.Equal(got, want) {
			t.Errorf("rankActors(%d) = %q, want %q", n, got, want)
		}
	}
}
