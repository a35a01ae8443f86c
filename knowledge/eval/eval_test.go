package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// TestCitationPrecision scores an answer that quotes one needed sentence, one
// nearby sentence and one from another briefing: precision is a third, and a
// third of the citations come from elsewhere.
func TestCitationPrecision(t *testing.T) {
	set := `{"id":"q1","doc":"a.txt","question":"how many troops?","expect":["1,500 soldiers"]}
{"id":"q2","question":"what did France say?","expect":[]}`
	qs, err := Read(strings.NewReader(set), "set")
	if err != nil {
		t.Fatal(err)
	}
	ask := func(_ context.Context, q string) (knowledge.Answer, error) {
		if q != "how many troops?" {
			return knowledge.Answer{Question: q}, nil
		}
		return knowledge.Answer{Question: q, Answered: true, Text: "About 1,500.", Citations: []knowledge.Citation{
			{Document: "a.txt", Sentence: 3, Text: "About 1,500 soldiers arrived."},
			{Document: "a.txt", Sentence: 4, Text: "The ministry said nothing."},
			{Document: "b.txt", Sentence: 1, Text: "1,500 soldiers were elsewhere."},
		}}, nil
	}
	r, err := Run(context.Background(), qs, ask)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.CitationPrecision(), 1.0/3; got != want {
		t.Errorf("citation precision = %v, want %v", got, want)
	}
	if got, want := r.OtherBriefing(), 1.0/3; got != want {
		t.Errorf("other-briefing = %v, want %v", got, want)
	}
	if got := r.CitationsPerAnswer(); got != 3 {
		t.Errorf("citations per answer = %v, want 3", got)
	}
	if r.WrongAnswered() != 0 || r.WronglyDeclined() != 0 {
		t.Errorf("wrong answered %v, wrongly declined %v, want 0 and 0", r.WrongAnswered(), r.WronglyDeclined())
	}
	if r.Score() != 1 {
		t.Errorf("score = %v, want 1 (top1 hit and a correct abstention)", r.Score())
	}
}

// TestByIntent splits a run by the intent of each answer: a wrong said-answer
// and a right search answer give each intent its own calibration.
func TestByIntent(t *testing.T) {
	set := `{"id":"q1","doc":"a.txt","question":"what did Lee say?","expect":["Lee said"]}
{"id":"q2","doc":"a.txt","question":"how many troops?","expect":["1,500 soldiers"]}
{"id":"q3","question":"what did France say?","expect":[]}`
	qs, err := Read(strings.NewReader(set), "set")
	if err != nil {
		t.Fatal(err)
	}
	ask := func(_ context.Context, q string) (knowledge.Answer, error) {
		switch q {
		case "what did Lee say?":
			return knowledge.Answer{Question: q, Intent: "said", Citations: []knowledge.Citation{{Document: "a.txt", Text: "Kim said no."}}}, nil
		case "what did France say?":
			return knowledge.Answer{Question: q, Intent: "said"}, nil
		}
		return knowledge.Answer{Question: q, Intent: "search", Citations: []knowledge.Citation{{Document: "a.txt", Text: "1,500 soldiers came."}}}, nil
	}
	r, err := Run(context.Background(), qs, ask)
	if err != nil {
		t.Fatal(err)
	}
	parts := r.ByIntent()
	if len(parts) != 2 || parts[0].Intent != "said" || parts[1].Intent != "search" {
		t.Fatalf("intents = %+v, want said and search", parts)
	}
	said, search := parts[0], parts[1]
	if said.Questions != 2 || said.WrongAnswered() != 1 || said.AbstainOK() != 1 || said.Score() != 0.5 {
		t.Errorf("said: %d questions, wrong answered %v, abstain %v, score %v; want 2, 1, 1, 0.5", said.Questions, said.WrongAnswered(), said.AbstainOK(), said.Score())
	}
	if search.Questions != 1 || search.Score() != 1 || search.WrongAnswered() != 0 {
		t.Errorf("search: %d questions, score %v, wrong answered %v; want 1, 1, 0", search.Questions, search.Score(), search.WrongAnswered())
	}
}
