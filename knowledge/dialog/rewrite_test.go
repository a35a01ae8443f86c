package dialog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge"
)

var (
	rutte  = knowledge.ActorRef{Name: "Mark Rutte", Kind: knowledge.Person, Title: "NATO Secretary-General", Phrase: "mark rutte"}
	kim    = knowledge.ActorRef{Name: "Kim Hong-kyun", Kind: knowledge.Person, Title: "Vice Foreign Minister", Phrase: "kim hong-kyun"}
	russia = knowledge.ActorRef{Name: "Russia", Kind: knowledge.Country, Phrase: "russia"}
	nato   = knowledge.ActorRef{Name: "NATO", Kind: knowledge.Organisation, Phrase: "nato"}
	peskov = knowledge.ActorRef{Name: "Dmitry Peskov", Kind: knowledge.Person, Title: "Kremlin spokesperson"}
)

func turnOf(q string, about ...knowledge.ActorRef) turn {
	return turn{question: q, answer: knowledge.Answer{About: about}}
}

// TestRewrite turns follow-ups into self-contained questions.
func TestRewrite(t *testing.T) {
	tests := []struct {
		hist []turn
		q    string
		want string
		kind followUp
	}{
		{nil, "what did he say?", "what did he say?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "what did he say?", "what did Mark Rutte say?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "What did she say about Russia?", "What did Mark Rutte say about Russia?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "what is his role?", "what is Mark Rutte's role?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "what did Yoon tell him?", "what did Yoon tell Mark Rutte?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "did Yoon say he would go?", "did Yoon say he would go?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "what did Yoon say about his plans?", "what did Yoon say about his plans?", standalone},
		{[]turn{turnOf("what did Russia say?", russia)}, "what did Lammy say about them?", "what did Lammy say about Russia?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "what did Mark Rutte tell him?", "what did Mark Rutte tell him?", standalone},
		{[]turn{turnOf("what did Russia say?", russia, peskov)}, "what did he say?", "what did Dmitry Peskov say?", standalone},
		{[]turn{turnOf("what did Russia say?", russia, peskov)}, "why do they want it?", "why do Russia want it?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "what did it say?", "what did NATO say?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "is it true that troops arrived?", "is it true that troops arrived?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "what did the alliance say?", "what did NATO say?", standalone},
		{[]turn{turnOf("who is Kim Hong-kyun?", kim)}, "what did the minister say?", "what did Kim Hong-kyun say?", standalone},
		{[]turn{turnOf("who is Kim Hong-kyun?", kim)}, "what did the foreign minister say?", "what did Kim Hong-kyun say?", standalone},
		{[]turn{turnOf("who is Kim Hong-kyun?", kim)}, "what did the ambassador say?", "what did the ambassador say?", standalone},
		{[]turn{turnOf("what did Peskov say?", knowledge.ActorRef{Name: "Dmitry Peskov", Kind: knowledge.Person, Phrase: "peskov"})}, "and Lammy?", "what did Lammy say?", standalone},
		{[]turn{turnOf("what did NATO say about the troops?", nato)}, "what about Japan?", "what did Japan say about the troops?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "how about the UK?", "what did the UK say?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "Japan too?", "what did Japan say?", standalone},
		{[]turn{turnOf("what did Iran's parliament do?", knowledge.ActorRef{Name: "Iran", Phrase: "iran"}, knowledge.ActorRef{Name: "Parliament", Phrase: "parliament"})}, "what about MTN?", "what did MTN do?", standalone},
		{[]turn{turnOf("what did China say about Russia?", knowledge.ActorRef{Name: "China", Phrase: "china"}, knowledge.ActorRef{Name: "Russia", Phrase: "russia"})}, "and Japan?", "what did Japan say about Russia?", standalone},
		{[]turn{turnOf("what did the regulator say?")}, "what about Bat?", "what did Bat say?", standalone},
		{[]turn{turnOf("how many troops?")}, "and in Ukraine?", "how many troops in Ukraine?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "and what did he say?", "what did he say?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "tell me more", "tell me more", more},
		{[]turn{turnOf("what did NATO say?", nato)}, "And?", "And?", more},
		{[]turn{turnOf("what did NATO say about the troops?", nato)}, "why?", "why troops according to NATO?", standalone},
		{[]turn{turnOf("how many troops?")}, "why?", "why troops?", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "", "", standalone},
		{[]turn{turnOf("who is Mark Rutte?", rutte)}, "ok thanks", "ok thanks", standalone},
		{[]turn{turnOf("what did Mark Rutte say?", rutte)}, "and his deputy?", "what did Mark Rutte's deputy say?", standalone},
		{[]turn{turnOf("what did NATO say?", nato)}, "but Lammy?", "what did Lammy say?", standalone},
	}
	for _, tt := range tests {
		got, kind := rewrite(tt.q, tt.hist)
		if got != tt.want || kind != tt.kind {
			t.Errorf("rewrite(%q) after %v = %q, %v; want %q, %v", tt.q, tt.hist, got, kind, tt.want, tt.kind)
		}
	}
}

// TestClausesAndConjuncts splits questions of several parts.
func TestClausesAndConjuncts(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"who is the Russian ambassador and what did he say?", []string{"who is the Russian ambassador", "what did he say?"}},
		{"who is Mark Rutte? What did he say?", []string{"who is Mark Rutte?", "What did he say?"}},
		{"what did China say, and did they deny it?", []string{"what did China say", "did they deny it?"}},
		{"what did China and Russia say?", []string{"what did China and Russia say?"}},
		{"how many troops and tanks?", []string{"how many troops and tanks?"}},
		{"?", []string{"?"}},
		{"", nil},
	} {
		if diff := cmp.Diff(tt.want, clauses(tt.q)); diff != "" {
			t.Errorf("clauses(%q) mismatch (-want +got):\n%s", tt.q, diff)
		}
	}
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"what did China and Russia say?", []string{"what did China say?", "what did Russia say?"}},
		{"what did the US, Japan and China say about it?", []string{"what did the US say about it?", "what did Japan say about it?", "what did China say about it?"}},
		{"who are Peskov and Lammy?", []string{"who are Peskov?", "who are Lammy?"}},
		{"what did China say?", []string{"what did China say?"}},
		{"how many troops and tanks?", []string{"how many troops and tanks?"}},
	} {
		if diff := cmp.Diff(tt.want, conjuncts(tt.q)); diff != "" {
			t.Errorf("conjuncts(%q) mismatch (-want +got):\n%s", tt.q, diff)
		}
	}
}

// TestJoin joins the answers to parts: every part cited, markers renumbered.
func TestJoin(t *testing.T) {
	c := func(n int) knowledge.Citation { return knowledge.Citation{Document: "d.txt", Sentence: n} }
	parts := []knowledge.Answer{
		{Answered: true, Text: "A said x [1] and y [2].", Citations: []knowledge.Citation{c(1), c(2), c(3), c(4), c(5)}},
		{Answered: true, Text: "B said z [1], as A did [2].", Citations: []knowledge.Citation{c(9), c(2)}},
		{Text: "Nothing from C. Actors I know include A, B."},
	}
	got := join(parts)
	if diff := cmp.Diff([]int{1, 2, 3, 4, 9}, sentencesOf(got.Citations)); diff != "" {
		t.Errorf("citations mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{5}, sentencesOf(got.More)); diff != "" {
		t.Errorf("more mismatch (-want +got):\n%s", diff)
	}
	if want := "A said x [1] and y [2]. B said z [5], as A did [2]. Nothing from C."; got.Text != want {
		t.Errorf("text %q, want %q", got.Text, want)
	}
	if !got.Answered {
		t.Error("not answered")
	}
}

func sentencesOf(cs []knowledge.Citation) []int {
	var out []int
	for _, c := range cs {
		out = append(out, c.Sentence)
	}
	return out
}

// FuzzRewrite feeds the rewriting and the splitting any text: no panic, and a
// rewritten question no longer than the question and the turn before it allow.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{"what did he say?", "and Russia?", "what about ?", "and", "the the", "it", "his 's",
		"who is X and what did he say? and why?", "what did China, and Russia say?", "tl;dr", "\x00he\xff", "what did , and , say?"} {
		f.Add(s, "what did NATO say about the troops?")
	}
	f.Fuzz(func(t *testing.T, q, prev string) {
		hist := []turn{turnOf(prev, rutte, russia, nato)}
		got, _ := rewrite(q, hist)
		if limit := 2*len(q) + len(prev) + 200; len(got) > limit {
			t.Errorf("rewrite(%q) after %q is %d bytes", q, prev, len(got))
		}
		for _, c := range clauses(q) {
			conjuncts(c)
		}
	})
}
