package answer_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/library/librarytest"
)

// openSeed builds a real store in a temporary folder from the seed briefing.
func openSeed(tb testing.TB) *library.Library {
	return librarytest.OpenSeed(tb, "../../seeds/north-korean-troops-in-russia.txt")
}

// TestSeedQuestions asks every question of the seed set (testdata/seed.jsonl, a
// copy of shared/eval/seed.jsonl) and checks the first citation, the honest "I
// don't know" where the briefing cannot answer, and the answer's key words.
func TestSeedQuestions(t *testing.T) {
	lib := openSeed(t)
	qs, err := eval.Load("../../testdata/seed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		a, err := lib.Ask(context.Background(), q.Question)
		if err != nil {
			t.Fatalf("%s: %v", q.ID, err)
		}
		o := eval.Score(q, a)
		if !o.Correct() {
			first := "no citation"
			if len(a.Citations) > 0 {
				first = a.Citations[0].Text
			}
			t.Errorf("%s %q: first citation %q, want one of %q (answer %q)", q.ID, q.Question, first, q.Expect, a.Text)
		}
		if o.Contains != len(q.AnswerContains) {
			t.Errorf("%s %q: answer %q lacks some of %q", q.ID, q.Question, a.Text, q.AnswerContains)
		}
		if len(q.Expect) == 0 && a.Answered {
			t.Errorf("%s %q: answered %q, want an honest abstention", q.ID, q.Question, a.Text)
		}
		for _, c := range a.Citations {
			if c.Document == "" || c.Sentence < 1 || c.Text == "" {
				t.Errorf("%s: bad citation %+v", q.ID, c)
			}
		}
	}
}

func TestAnswerTexts(t *testing.T) {
	lib := openSeed(t)
	for _, tc := range []struct {
		q    string
		want []string // pieces the answer must contain
	}{
		{"what did China say?", []string{"Lin Jian", "de-escalation"}},
		{"what did Russia say?", []string{"Zinoviev", "Peskov"}},
		{"how many troops?", []string{"Sources differ", "1,500", "South Korea’s intelligence agency", "12,000", "some reports"}},
		{"who is Mark Rutte?", []string{"NATO Secretary-General"}},
		{"what did North Korea say?", []string{"not released a statement"}},
		{"what did France say?", []string{"Nothing in the briefings comes from France", "Actors I know include"}},
		{"when was the security pact signed?", []string{"June"}},
	} {
		a, err := lib.Ask(context.Background(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("%q: answer %q lacks %q", tc.q, a.Text, w)
			}
		}
	}
}

// TestResolveActors asks who-is questions that name actors in many ways, and
// checks who answers; names that must not match get no answer.
func TestResolveActors(t *testing.T) {
	lib := openSeed(t)
	for _, tc := range []struct {
		q, want string // want: a piece of the answer, or "" for an abstention
	}{
		{"who is the Kremlin spokesman?", "Dmitry Peskov"},
		{"who is the NATO chief", "Mark Rutte"},
		{"who is the vice foreign minister", "Kim Hong-kyun"},
		{"who is the British foreign minister?", "David Lammy"},
		{"who is the russian ambassador", "Georgiy Zinoviev"},
		{"who is peskv", "Dmitry Peskov"},
		{"who is lamy?", "David Lammy"},
		{"who is ryabyk", "Valeriy Ryabykh"},
		{"who is rutte", "Mark Rutte"},
		{"what did Beijing say?", "Lin Jian"},
		{"what did Moscow say?", "Zinoviev"},
		{"what did the Chinese government say?", "Lin Jian"},
		{"what did Seoul say?", "South Korea"},
		{"who is Boris Johnson?", ""},
		{"what did Smith say?", ""},
		{"what did Germany say?", ""},
		{"who is the german chancellor", ""},
	} {
		a, err := lib.Ask(context.Background(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.want == "" && (a.Answered || len(a.Citations) > 0):
			t.Errorf("%q: answered %q, want no answer", tc.q, a.Text)
		case tc.want != "" && !strings.Contains(a.Text, tc.want):
			t.Errorf("%q: answer %q lacks %q", tc.q, a.Text, tc.want)
		}
	}
}

func TestDossier(t *testing.T) {
	lib := openSeed(t)
	ctx := context.Background()
	_, err := lib.Engine().Dossier(ctx, "Kim")
	var amb *answer.Ambiguous
	if !errorsAs(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("Dossier(Kim) = %v, want two candidates", err)
	}
	names := amb.Candidates[0].Label + " " + amb.Candidates[1].Label
	if !strings.Contains(names, "Kim Hong-kyun (Vice Foreign Minister)") || !strings.Contains(names, "Kim Jong Un (North Korean leader)") {
		t.Errorf("candidates %q", names)
	}
	d, err := lib.Engine().Dossier(ctx, "Peskov")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Dmitry Peskov" || d.Title != "Kremlin spokesperson" || d.Country != "Russia" || len(d.Statements) != 1 || d.Intro == nil || d.Intro.Sentence != 7 {
		t.Errorf("Peskov dossier = %+v", d)
	}
	d, err = lib.Engine().Dossier(ctx, "Russia")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Statements) < 3 {
		t.Errorf("Russia dossier has %d statements, want its officials' too", len(d.Statements))
	}
	var nf *answer.NotFound
	if _, err := lib.Engine().Dossier(ctx, "Rutt"); err != nil {
		t.Errorf("Dossier(Rutt): %v", err)
	}
	if _, err := lib.Engine().Dossier(ctx, "Zzyzx"); !errorsAs(err, &nf) {
		t.Errorf("Dossier(Zzyzx) = %v, want NotFound", err)
	}
	got, err := lib.Engine().Complete(ctx, "rut", 25)
	if err != nil || len(got) == 0 || got[0] != "Mark Rutte" {
		t.Errorf("Complete(rut) = %v, %v", got, err)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
