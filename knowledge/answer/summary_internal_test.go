package answer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/briefbot/briefbot/knowledge"
)

// TestSummaryRest tells requests for a summary from other questions.
func TestSummaryRest(t *testing.T) {
	for _, tt := range []struct {
		q    string
		ok   bool
		rest []string
	}{
		{"summarise the briefing", true, nil},
		{"Summarize.", true, nil},
		{"tl;dr", true, nil},
		{"TL;DR please", true, nil},
		{"what happened?", true, nil},
		{"what is the briefing about?", true, nil},
		{"what is this briefing about?", true, nil},
		{"what's this about?", true, nil},
		{"what are the briefings about?", true, nil},
		{"give me a summary", true, nil},
		{"can you sum up the news?", true, nil},
		{"summarise the troops briefing", true, []string{"troops"}},
		{"tell me about the briefing", true, nil},
		{"tell me about it", true, nil},
		{"what's the news?", true, nil},
		{"what is the story?", true, nil},
		{"what is NATO?", false, nil},
		{"what happened to the troops?", false, nil},
		{"summarise the troops", false, nil},
		{"summarise Russia's position", false, nil},
		{"tell me about Russia", false, nil},
		{"what is the news about Russia?", false, nil},
		{"what happened in June?", false, nil},
		{"what did the US say?", false, nil},
		{"what did China say?", false, nil},
		{"who is the summary author?", false, nil},
		{"", false, nil},
	} {
		rest, ok := summaryRest(tt.q)
		if ok != tt.ok {
			t.Errorf("summaryRest(%q) ok = %v, want %v", tt.q, ok, tt.ok)
			continue
		}
		if diff := cmp.Diff(tt.rest, rest, cmpopts.EquateEmpty()); ok && diff != "" {
			t.Errorf("summaryRest(%q) mismatch (-want +got):\n%s", tt.q, diff)
		}
	}
}

// TestLeadGist cuts a lead to its main clause, and gives nothing for a lead
// that has no shorter gist, so that the summary never repeats it whole.
func TestLeadGist(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The city council is closing three libraries amid a row over the budget for next year.", "The city council is closing three libraries"},
		{"However, the ferry operator cancelled all crossings, saying the storm would last until Monday.", "The ferry operator cancelled all crossings"},
		{"Bakers in the north went on strike.", ""},
		{"Farmers said the drought, which began in May, was the worst.", ""},
	} {
		if got := leadGist(tt.in); got != tt.want {
			t.Errorf("leadGist(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSummaryStatement writes invented statements for a summary: the
// speaker's title with their country when it does not name it, "that" before
// a reported clause, and the surname once the text has named them.
func TestSummaryStatement(t *testing.T) {
	b := &knowledge.Briefing{Facts: knowledge.Facts{Actors: []knowledge.Actor{
		{ID: 0, Key: "country:IRL", Name: "Ireland", Kind: knowledge.Country, Country: "IRL", Aliases: []string{"ireland", "irish", "dublin"}},
		{ID: 1, Key: "person:jane doyle", Name: "Jane Doyle", Kind: knowledge.Person, Title: "Health Minister", Country: "IRL"},
		{ID: 2, Key: "person:tom reid", Name: "Tom Reid", Kind: knowledge.Person, Title: "Irish envoy", Country: "IRL"},
	}}}
	for _, tt := range []struct {
		st     knowledge.Statement
		before string
		want   string
	}{
		{knowledge.Statement{Speaker: 1, Cue: "warn", Content: "waiting lists will grow."}, "",
			"Jane Doyle (Ireland’s Health Minister) warned that waiting lists will grow"},
		{knowledge.Statement{Speaker: 2, Cue: "welcome", Content: "the new hospital plan"}, "",
			"Tom Reid (Irish envoy) welcomed the new hospital plan"},
		{knowledge.Statement{Speaker: 1, Cue: "call", Content: "“calm and patience.”", Direct: true}, "a meeting with Jane Doyle",
			"Doyle called: “calm and patience”"},
	} {
		if got := summaryStatement(b, tt.st, tt.before); got != tt.want {
			t.Errorf("summaryStatement(%+v) = %q, want %q", tt.st, got, tt.want)
		}
	}
}
