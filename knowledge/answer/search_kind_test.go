package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// TestAskCountOfKind asks how many people came where the sentence counts
// guests and also gives a year: the count of persons answers, not the year.
func TestAskCountOfKind(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"lecture.txt": "Banker gives lecture\n\nThe banker gave the town's annual lecture, first held in 1891, on Tuesday. " +
			"The mayor welcomed the banker before 250 invited guests.",
		"rail.txt": "Rail fares\n\nRail fares will rise by 3% in March. Commuters said they were angry.",
	})
	a, err := e.Ask(context.Background(), "how many people were at the banker's annual lecture?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "250") {
		t.Errorf("count of guests: %q (answered %v), want 250", a.Text, a.Answered)
	}
}

// TestCountFocus checks which figures count what a question asks about,
// through WordNet's classes.
func TestCountFocus(t *testing.T) {
	f := newCountFocus(Parse("how many people came to the lecture?"))
	for counted, want := range map[string]bool{
		"invited guests":  true,
		"workers":         true,
		"of Ada Lovelace": false,
		"barrels of oil":  false,
		"Kent residents":  true,
	} {
		if got := f.counts(knowledge.Quantity{Counted: counted}); got != want {
			t.Errorf("counts(%q) for people = %v, want %v", counted, got, want)
		}
	}
}

// TestYearLike tells years from counts.
func TestYearLike(t *testing.T) {
	for _, c := range []struct {
		q    knowledge.Quantity
		want bool
	}{
		{knowledge.Quantity{Text: "1723", Value: 1723, High: 1723}, true},
		{knowledge.Quantity{Text: "1,723", Value: 1723, High: 1723}, false},
		{knowledge.Quantity{Text: "400", Value: 400, High: 400}, false},
		{knowledge.Quantity{Text: "£2004", Value: 2004, High: 2004, Unit: "£"}, false},
	} {
		if got := yearLike(c.q, nil); got != c.want {
			t.Errorf("yearLike(%q) = %v, want %v", c.q.Text, got, c.want)
		}
	}
}

// TestAcronymKept asks about an acronym whose stem would be a function word
// ("ITS" is "it" stemmed): the briefing that writes it answers.
func TestAcronymKept(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"stats.txt": "Transport systems body\n\nThe ITS will publish its revised plan on Friday. " +
			"Economists expect a small change.",
		"rail.txt": "Rail fares\n\nRail fares will rise on Monday. Commuters said they were angry on the platform.",
	})
	a, err := e.Ask(context.Background(), "when will the its publish?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) == 0 || a.Citations[0].Document != "stats.txt" {
		t.Errorf("acronym: %q (citations %v), want stats.txt cited", a.Text, a.Citations)
	}
}

// TestSizeFocus reads what a size question measures.
func TestSizeFocus(t *testing.T) {
	for q, want := range map[string]string{
		"how big was the fine?":                  "fine",
		"how large is the new plant going to be": "new plant",
		"how long was he held":                   "long",
	} {
		if got := Parse(q).Focus; got != want {
			t.Errorf("Parse(%q).Focus = %q, want %q", q, got, want)
		}
	}
}

// TestNewTime tells a time expression that answers from one the question gives.
func TestNewTime(t *testing.T) {
	times := []knowledge.TimeExpr{{Text: "this week"}}
	if newTime(times, words("what did he do this week?")) {
		t.Error("newTime: the question's own \"this week\" counted as an answer")
	}
	if !newTime([]knowledge.TimeExpr{{Text: "on Friday"}}, words("when will it open?")) {
		t.Error("newTime: \"on Friday\" not counted for a when question")
	}
}
