package answer

import (
	"context"
	"strings"
	"testing"
)

// TestSpeaksIn checks when a sentence has a named actor speak: a verb of
// speech shortly after their name or right before it, not a mere mention.
func TestSpeaksIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Last week the Harlow Institute (HI) said rents would rise.", true},
		{"Jane Doyle, the union's leader, warned of strikes.", true},
		{"\"We will not move,\" said Jane Doyle.", true},
		{"The plan was backed by Jane Doyle and the council.", false},
		{"Jane Doyle should resign, Tom Reed said on Monday evening in Leeds.", false},
	} {
		if got := speaksIn(tc.text, []string{"jane doyle", "harlow institute"}); got != tc.want {
			t.Errorf("speaksIn(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestAskUnnamedRole asks what a title no named person holds said: a sentence
// that quotes them unnamed answers, and the same title of another country
// gets an honest no.
func TestAskUnnamedRole(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"fuel.txt": "Fuel tax cut\n\nDrivers face lower prices next year. " +
			"Norway's finance minister has said that the fuel tax would go down by a third. " +
			"Hauliers said the cut would save jobs.",
	})
	ctx := context.Background()
	a, err := e.Ask(ctx, "what did the norwegian finance minister say about the fuel tax?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "go down by a third") {
		t.Errorf("unnamed minister: %q (answered %v), want the minister's sentence", a.Text, a.Answered)
	}
	a, err = e.Ask(ctx, "what did the swedish finance minister say about the fuel tax?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("another country's minister answered: %q", a.Text)
	}
}

// TestSpelledIn checks where a sentence writes out in full the name an
// acronym stands for, without giving the acronym.
func TestSpelledIn(t *testing.T) {
	for _, tc := range []struct{ text, acronym, want string }{
		{"Ann Cole, from the Harlow Rail Workers union, said so.", "hrw", "Harlow Rail Workers"},
		{"The Council for rural transport chief spoke.", "crt", "Council for rural transport"},
		{"The Board of Trade and Shipping met.", "bts", "Board of Trade and Shipping"},
		{"Harlow said rail workers were angry.", "hrw", ""},
		{"The Harlow Rail, Workers and others.", "hrw", ""},
		{"the harlow rail workers", "hrw", ""},
	} {
		got, _ := spelledIn(tc.text, tc.acronym)
		if got != tc.want {
			t.Errorf("spelledIn(%q, %q) = %q, want %q", tc.text, tc.acronym, got, tc.want)
		}
	}
}

// TestSpeaksForHead checks that a head named after a body speaks for it.
func TestSpeaksForHead(t *testing.T) {
	if !speaksIn("The Weavers union chief Ann Cole argued for talks.", []string{"weavers union"}) {
		t.Error("the union's chief does not speak for it")
	}
	if speaksIn("The Weavers union and Ann Cole argued for talks.", []string{"weavers union"}) {
		t.Error("a name joined by 'and' speaks for the union")
	}
}

// TestAskAcronymWrittenInFull asks what a body said by an acronym its
// briefing never gives, only the name in full.
func TestAskAcronymWrittenInFull(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"rail.txt": "Rail strike\n\nTrain drivers may walk out next month over pay. " +
			"Ann Cole, from the Harlow Rail Workers union said members would stage a two day walkout unless managers raised their offer. " +
			"Managers said the offer was fair.",
	})
	a, err := e.Ask(context.Background(), "what did the HRW union say about the pay offer?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "two day walkout") {
		t.Errorf("acronym written in full: %q (answered %v), want the walkout sentence", a.Text, a.Answered)
	}
}

// TestOnTopicSpeaker checks when an actor's statements answer on a topic no
// statement's sentence words: when most of them come from one briefing that
// holds the topic, not when they are spread over briefings or the briefing
// lacks the topic.
func TestOnTopicSpeaker(t *testing.T) {
	st := func(doc string, docTopic float64) saidScored {
		var s saidScored
		s.DocPath = doc
		s.f[sDocTopic] = docTopic
		return s
	}
	for _, tc := range []struct {
		name string
		ss   []saidScored
		want bool
	}{
		{"one briefing on the topic", []saidScored{st("a", 1), st("a", 1), st("a", 1)}, true},
		{"mostly one briefing", []saidScored{st("a", 0.6), st("a", 0.6), st("b", 0)}, true},
		{"spread over briefings", []saidScored{st("a", 0.7), st("b", 0), st("c", 0), st("d", 0.1)}, false},
		{"briefing without the topic", []saidScored{st("a", 0.2), st("a", 0.2)}, false},
	} {
		if got := onTopicSpeaker(tc.ss); got != tc.want {
			t.Errorf("%s: onTopicSpeaker = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSaidQuotesOnTopicOnly asks what a speaker said on one topic of the
// several they spoke on in a briefing: the statement on it is quoted, not
// the others beside it.
func TestSaidQuotesOnTopicOnly(t *testing.T) {
	e := openBriefings(t, map[string]string{
		"bank.txt": "Bank outlook\n\nThe central bank met on Thursday. " +
			"Deputy governor Ruth Vance said oil prices would stay high through the winter. " +
			"Vance said the bank's staff would move to a new office in the spring. " +
			"Markets rose after the meeting.",
		"farm.txt": "Farm prices\n\nGrain prices fell. Farmers said the harvest was poor.",
	})
	a, err := e.Ask(context.Background(), "what did ruth vance say about oil prices?")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "oil prices") {
		t.Fatalf("on oil: %q (answered %v), want the oil statement", a.Text, a.Answered)
	}
	for _, c := range a.Citations[1:] {
		if strings.Contains(c.Text, "new office") {
			t.Errorf("the statement on the office is quoted too: %q", a.Text)
		}
	}
}
