package answer

import (
	"slices"
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
		// Words for the head of something match many titles: all are candidates.
		{[]string{"chief"}, []string{"Jack Straw", "Gordon Brown", "Michael Ancram", "Tony Blair", "Some Ministers"}},
	}
	for _, tt := range tests {
		if got := names(ix.titleCandidates(newTitleQuery(tt.title))); !slices.Equal(got, tt.want) {
			t.Errorf("titleCandidates(%q) = %q, want %q", tt.title, got, tt.want)
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
