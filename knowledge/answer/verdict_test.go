package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// TestSettle checks what a sentence settles about a yes/no question: the
// stored statement's cue and negation first, then the sentence's words.
func TestSettle(t *testing.T) {
	negated := func(cue string) []store.StatementRow {
		return []store.StatementRow{{Statement: knowledge.Statement{Cue: cue, Negated: true}}}
	}
	for _, tc := range []struct {
		text  string
		stmts []store.StatementRow
		want  verdict
	}{
		{"Ambassador Kroll did not confirm that the ships were sent.", negated("confirm"), verdictNotConfirmed},
		{"The bakery did not comment on the talks.", negated("comment"), verdictNotStated},
		{"The council does not support a higher fare.", negated("support"), verdictNo},
		{"A spokeswoman declined to say whether the mayor approved the budget.", nil, verdictNotStated},
		{"She has made no decision yet on whether to step aside.", nil, verdictNotStated},
		{"Norway will not attend.", nil, verdictNo},
		{"The review found no sign of theft at the depot.", nil, verdictNo},
		{"Others are expected to ignore the curfew.", nil, verdictUncertain},
		{"The rail firm said it was cutting its order from 40 trains to 25.", nil, verdictYes},
	} {
		if got := settle(tc.text, tc.stmts); got != tc.want {
			t.Errorf("settle(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	var ix *rankIndex
	if got := ix.yesNoText(verdictYes, "The firm paid.", false); got != "The briefings do not say so directly: the firm paid." {
		t.Errorf("a yes from a sentence holding little of the question = %q", got)
	}
}

// TestFigureModal checks that a figure that could be is not given as one that
// is.
func TestFigureModal(t *testing.T) {
	q := knowledge.Quantity{Text: "as many as 12,000", Counted: "North Korean soldiers", Source: "some reports"}
	got := figureText(q, "Some reports suggest that as many as 12,000 North Korean soldiers could be deployed in Russia.")
	if want := "as many as 12,000 North Korean soldiers could be deployed, according to some reports"; got != want {
		t.Errorf("figureText = %q, want %q", got, want)
	}
	q = knowledge.Quantity{Text: "about £30m"}
	if got := figureText(q, "Planners said the fund might also be worth about £30m to the town."); got != "might be about £30m" {
		t.Errorf("figureText = %q, want the modal before the figure", got)
	}
	q = knowledge.Quantity{Text: "1,500", Counted: "soldiers"}
	if got := figureText(q, "About 1,500 soldiers have arrived."); got != "1,500 soldiers" {
		t.Errorf("figureText = %q, want the figure as stated", got)
	}
}

// TestVerbTerms checks which statement cues a question's verb asks for.
func TestVerbTerms(t *testing.T) {
	for _, tc := range []struct {
		verb      string
		want, not []string
	}{
		{"caution", []string{"caution", "warn"}, []string{"say"}},
		{"cautioned", []string{"caution", "warn"}, nil},
		{"urged", []string{"urge", "call", "demand"}, nil},
		{"want", []string{"urge", "call"}, nil},
		{"say", nil, []string{"say"}},
		{"warn", []string{"warn", "caution"}, []string{"say"}},
	} {
		got := verbTerms(tc.verb)
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("verbTerms(%q) lacks %q: %v", tc.verb, w, got)
			}
		}
		for _, w := range tc.not {
			if got[w] {
				t.Errorf("verbTerms(%q) holds %q: %v", tc.verb, w, got)
			}
		}
	}
}

// TestDocWords checks what the sentence index says a briefing holds: a share
// of a question's weight, and words as written that the stemmer would fold
// into function words ("IFS" into "if").
func TestDocWords(t *testing.T) {
	ri := buildRankIndex(1, []store.CorpusSentence{
		{ID: 1, DocID: 1, DocPath: "a.txt", DocTitle: "Budget", N: 1, Text: "The IFS said taxes must rise."},
		{ID: 2, DocID: 2, DocPath: "b.txt", DocTitle: "Roads", N: 1, Text: "If roads fail, drivers pay."},
	})
	if !ri.docSays("a.txt", "ifs") || ri.docSays("b.txt", "ifs") {
		t.Errorf("docSays(ifs): a %v, b %v; want true, false", ri.docSays("a.txt", "ifs"), ri.docSays("b.txt", "ifs"))
	}
	e := New(nil)
	rq := ri.query(e.termGroups([]string{"taxes", "roads"}), ansNone, nil)
	if a, b := ri.docCoverage(rq, "a.txt"), ri.docCoverage(rq, "b.txt"); a <= 0 || a >= 1 || b <= 0 || b >= 1 {
		t.Errorf("docCoverage = %v, %v; want each briefing to hold a part", a, b)
	}
	if c := ri.docCoverage(rq, "missing.txt"); c != 0 {
		t.Errorf("docCoverage of a missing briefing = %v", c)
	}
}

// TestFittingFigure checks which of a sentence's figures answers the kind of
// question asked.
func TestFittingFigure(t *testing.T) {
	qs := []store.QuantityRow{
		{Quantity: knowledge.Quantity{Text: "seven", Counted: "of the detainees"}},
		{Quantity: knowledge.Quantity{Text: "nearly three", Counted: "years"}},
		{Quantity: knowledge.Quantity{Text: "0.2", Unit: "%"}},
		{Quantity: knowledge.Quantity{Text: "$1.5m", Unit: "$"}},
	}
	for q, want := range map[string]int{
		"how long have they been held?":  1,
		"how much did spending go up?":   2,
		"how many detainees were there?": 0,
		"what percentage did they hold?": 2,
		"how much did it cost?":          3,
	} {
		if got := fittingFigure(Parse(q), qs); got != want {
			t.Errorf("fittingFigure(%q) = %d, want %d", q, got, want)
		}
	}
}

// TestLowerFirst checks that an answer read on after a lead-in lowers a
// common first word, whether a function word or one the briefings write in
// lower case elsewhere, and keeps a name's capital.
func TestLowerFirst(t *testing.T) {
	ri := buildRankIndex(1, corpus([]string{"Depot",
		"The wardens said the depot would shut.",
		"Two wardens and a driver met Hale on Monday.",
		"Hale said the wardens were right."}))
	for _, tc := range []struct{ in, want string }{
		{"The depot will shut.", "the depot will shut."},
		{"Wardens said it would shut.", "wardens said it would shut."},
		{"Hale said it would shut.", "Hale said it would shut."},
		{"I said so.", "I said so."},
		{"", ""},
	} {
		if got := ri.lowerFirst(tc.in); got != tc.want {
			t.Errorf("lowerFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	var none *rankIndex
	if got := none.lowerFirst("Wardens said so."); got != "Wardens said so." {
		t.Errorf("without an index, lowerFirst(%q) = %q: only function words are known", "Wardens said so.", got)
	}
}

// TestYesNoActor: a yes/no question on what an actor did is answered from
// the actor's own statement, led by what its cue settles, not from another
// speaker's sentence on the same words.
func TestYesNoActor(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"2024-03-01-mine.txt": "Mine to close\n\nThe Harlow mine will close in June, its owners said. " +
			"Union leaders told the mayor that a strike, a long strike, could not be ruled out. " +
			"Jane Doyle, the town's mayor since 2019, ruled out a strike by council staff.",
	})
	a, err := e.Ask(context.Background(), "did the mayor rule out a strike?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "Jane Doyle") {
		t.Fatalf("did the mayor rule out a strike? cites %+v, want the mayor's statement (%q)", a.Citations, a.Text)
	}
	if !strings.HasPrefix(a.Text, "No: ") {
		t.Errorf("answer %q does not lead with the no her ruling out gives", a.Text)
	}
}
