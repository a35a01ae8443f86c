package answer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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
