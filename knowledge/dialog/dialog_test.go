package dialog_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer/answertest"
	"github.com/briefbot/briefbot/knowledge/dialog"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/library/librarytest"
)

// openSeed builds a real store in a temporary folder from the seed briefing.
func openSeed(tb testing.TB) *library.Library {
	return librarytest.OpenSeed(tb, "../../seeds/north-korean-troops-in-russia.txt")
}

// sentences lists the sentence numbers an answer cites, in order.
func sentences(a knowledge.Answer) []int {
	var out []int
	for _, c := range a.Citations {
		out = append(out, c.Sentence)
	}
	return out
}

// cites reports whether an answer cites a sentence holding text.
func cites(a knowledge.Answer, text string) bool {
	for _, c := range a.Citations {
		if strings.Contains(c.Text, text) {
			return true
		}
	}
	return false
}

// converse asks the questions in order as one conversation and returns the
// answers.
func converse(t *testing.T, c *dialog.Conversations, key string, questions ...string) []knowledge.Answer {
	t.Helper()
	var out []knowledge.Answer
	for _, q := range questions {
		a, err := c.Ask(context.Background(), key, q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if a.Question != q {
			t.Errorf("%q: the answer's question is %q", q, a.Question)
		}
		out = append(out, a)
	}
	return out
}

// TestConversationsOnTheSeed holds the conversations issue 12 asks for, on the
// real seed briefing: each checks the answer to the last question.
func TestConversationsOnTheSeed(t *testing.T) {
	lib := openSeed(t)
	tests := []struct {
		name  string
		turns []string
		check func(a knowledge.Answer) error
	}{
		{"he is the person asked about", []string{"who is Mark Rutte?", "what did he say?"}, func(a knowledge.Answer) error {
			if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "Mark Rutte indicated") {
				return fmt.Errorf("first citation is not Rutte's statement")
			}
			return nil
		}},
		{"and another person", []string{"what did Peskov say?", "and Lammy?"}, func(a knowledge.Answer) error {
			if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "Lammy") || cites(a, "Peskov") {
				return fmt.Errorf("does not quote Lammy alone")
			}
			return nil
		}},
		{"what about a country", []string{"what did NATO say?", "what about Japan?"}, func(a knowledge.Answer) error {
			if !cites(a, "Japan have also expressed") || cites(a, "Rutte") {
				return fmt.Errorf("does not quote Japan")
			}
			return nil
		}},
		{"the minister is the one just named", []string{"who is Kim Hong-kyun?", "what did the minister say?"}, func(a knowledge.Answer) error {
			if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "Kim") || cites(a, "Lammy") {
				return fmt.Errorf("does not quote Minister Kim")
			}
			return nil
		}},
		{"she and they and it as well", []string{"what did NATO say?", "what did it say?"}, func(a knowledge.Answer) error {
			if !cites(a, "Mark Rutte indicated") {
				return fmt.Errorf("it is not NATO")
			}
			return nil
		}},
		{"what about a topic", []string{"what did Zinoviev say?", "what about the troops?"}, func(a knowledge.Answer) error {
			if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "troops") || !strings.Contains(a.Citations[0].Text, "he did not elaborate") {
				return fmt.Errorf("does not quote Zinoviev on the troops")
			}
			return nil
		}},
		{"a summary", []string{"summarise the briefing"}, func(a knowledge.Answer) error {
			if len(a.Citations) < 3 || a.Citations[0].Sentence != 1 || !a.Answered {
				return fmt.Errorf("want at least three citations, the first sentence first")
			}
			return nil
		}},
		{"a summary after other questions", []string{"who is Mark Rutte?", "tl;dr"}, func(a knowledge.Answer) error {
			if len(a.Citations) < 3 || a.Citations[0].Sentence != 1 {
				return fmt.Errorf("want at least three citations, the first sentence first")
			}
			return nil
		}},
		{"two actors", []string{"what did China and Russia say?"}, func(a knowledge.Answer) error {
			if !cites(a, "Lin Jian") || !(cites(a, "Zinoviev") || cites(a, "Peskov")) {
				return fmt.Errorf("want Lin Jian and a Russian official")
			}
			if !strings.Contains(a.Text, "China") || !strings.Contains(a.Text, "Zinoviev") {
				return fmt.Errorf("the text does not answer both parts")
			}
			return nil
		}},
		{"a question and its follow-up in one", []string{"who is the Russian ambassador and what did he say?"}, func(a knowledge.Answer) error {
			if !strings.Contains(a.Text, "Russian Ambassador.") || !strings.Contains(a.Text, "framework of international law") {
				return fmt.Errorf("want who he is and what he said")
			}
			return nil
		}},
		{"two questions on a line", []string{"who is Mark Rutte? what did he say?"}, func(a knowledge.Answer) error {
			if !strings.Contains(a.Text, "Secretary-General") || !strings.Contains(a.Text, "escalation") {
				return fmt.Errorf("want who he is and what he said")
			}
			return nil
		}},
		{"tell me more after a summary", []string{"summarise the briefing", "tell me more"}, func(a knowledge.Answer) error {
			if !a.Answered || len(a.Citations) == 0 || cites(a, "South Korea is urging") {
				return fmt.Errorf("no further key sentences")
			}
			return nil
		}},
		{"tell me more quotes new sentences", []string{"what did South Korea say?", "tell me more"}, func(a knowledge.Answer) error {
			if !a.Answered || len(a.Citations) == 0 {
				return fmt.Errorf("no more sentences")
			}
			return nil
		}},
		{"how many continues the topic", []string{"what did South Korea say about the troops?", "how many?"}, func(a knowledge.Answer) error {
			if !cites(a, "1,500") {
				return fmt.Errorf("no figure")
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dialog.New(lib, dialog.Options{})
			as := converse(t, c, "k", tt.turns...)
			last := as[len(as)-1]
			if err := tt.check(last); err != nil {
				t.Errorf("%q: %v\nanswer: %s\ncited: %v", tt.turns, err, last.Text, sentences(last))
			}
		})
	}
}

// TestTellMeMoreQuotesNothingTwice asks "tell me more" until nothing is left:
// no sentence is quoted twice, and the end is said honestly.
func TestTellMeMoreQuotesNothingTwice(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	seen := map[int]bool{}
	as := converse(t, c, "k", "what did South Korea say?", "tell me more", "tell me more", "tell me more", "tell me more")
	for i, a := range as {
		for _, n := range sentences(a) {
			if seen[n] && i > 0 {
				t.Errorf("turn %d quotes sentence %d again", i+1, n)
			}
			seen[n] = true
		}
	}
	last := as[len(as)-1]
	if last.Answered || len(last.Citations) > 0 || last.Text == "" {
		t.Errorf("the last \"tell me more\": %+v, want an honest end", last)
	}
}

// TestHowManyTroops asks the figure question of issue 12 in a conversation:
// both figures cited, and at most three sentences in all.
func TestHowManyTroops(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	a := converse(t, c, "k", "what did Peskov say?", "how many troops?")[1]
	if !cites(a, "approximately 1,500") || !cites(a, "as many as 12,000") {
		t.Fatalf("want both figures cited, got %v: %s", sentences(a), a.Text)
	}
	if len(a.Citations) > 3 {
		t.Errorf("cites %d sentences %v, want at most three", len(a.Citations), sentences(a))
	}
}

// TestWithoutConversation asks a follow-up with no conversation (the empty
// key): "he" is no one, and nothing is remembered.
func TestWithoutConversation(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	converse(t, c, "", "who is Mark Rutte?")
	a := converse(t, c, "", "what did he say?")[0]
	if cites(a, "Mark Rutte indicated") {
		t.Errorf("a question without a conversation resolved against the one before: %v", sentences(a))
	}
	if c.Len() != 0 {
		t.Errorf("%d conversations kept for the empty key", c.Len())
	}
	// A multi-part question needs no conversation.
	a = converse(t, c, "", "what did China and Russia say?")[0]
	if !cites(a, "Lin Jian") || !cites(a, "Peskov") {
		t.Errorf("two actors without a conversation: %v", sentences(a))
	}
}

// TestConversationsApart runs two conversations interleaved: each follow-up
// resolves within its own.
func TestConversationsApart(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	converse(t, c, "a", "who is Mark Rutte?")
	converse(t, c, "b", "what did Peskov say?")
	if a := converse(t, c, "a", "what did he say?")[0]; !cites(a, "Mark Rutte indicated") {
		t.Errorf("conversation a: %v", sentences(a))
	}
	if a := converse(t, c, "b", "what did he say?")[0]; !cites(a, "Peskov") || cites(a, "Rutte") {
		t.Errorf("conversation b: %v", sentences(a))
	}
	c.Forget("a")
	if a := converse(t, c, "a", "what did he say?")[0]; cites(a, "Mark Rutte indicated") {
		t.Errorf("a forgotten conversation still resolved: %v", sentences(a))
	}
}

// TestExpiry moves a fake clock past the TTL: the conversation is forgotten.
func TestExpiry(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	c := dialog.New(openSeed(t), dialog.Options{TTL: time.Minute, Now: func() time.Time { return now }})
	converse(t, c, "k", "who is Mark Rutte?")
	now = now.Add(59 * time.Second)
	if a := converse(t, c, "k", "what did he say?")[0]; !cites(a, "Mark Rutte indicated") {
		t.Errorf("within the TTL: %v", sentences(a))
	}
	now = now.Add(61 * time.Second)
	if a := converse(t, c, "k", "what did he say?")[0]; cites(a, "Mark Rutte indicated") {
		t.Errorf("past the TTL the conversation was remembered: %v", sentences(a))
	}
}

// TestMaxTurns keeps one turn: an actor two turns back is forgotten.
func TestMaxTurns(t *testing.T) {
	lib := openSeed(t)
	for _, tt := range []struct {
		turns    int
		resolved bool
	}{{1, false}, {0, true}} {
		c := dialog.New(lib, dialog.Options{MaxTurns: tt.turns})
		a := converse(t, c, "k", "who is Mark Rutte?", "how many troops?", "what did he say?")[2]
		if got := cites(a, "Mark Rutte indicated"); got != tt.resolved {
			t.Errorf("MaxTurns %d: he resolved to Rutte %v, want %v (cited %v)", tt.turns, got, tt.resolved, sentences(a))
		}
	}
}

// TestMaxConversations bounds the conversations kept: the least recent goes.
func TestMaxConversations(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	c := dialog.New(openSeed(t), dialog.Options{MaxConversations: 2, Now: func() time.Time { now = now.Add(time.Second); return now }})
	converse(t, c, "a", "who is Mark Rutte?")
	converse(t, c, "b", "who is Mark Rutte?")
	converse(t, c, "c", "who is Mark Rutte?")
	if c.Len() != 2 {
		t.Errorf("%d conversations kept, want 2", c.Len())
	}
	if a := converse(t, c, "a", "what did he say?")[0]; cites(a, "Mark Rutte indicated") {
		t.Errorf("the least recent conversation was kept")
	}
	if a := converse(t, c, "c", "what did he say?")[0]; !cites(a, "Mark Rutte indicated") {
		t.Errorf("the newest conversation was forgotten")
	}
}

// TestConcurrentConversations runs conversations side by side (go test -race):
// each one's follow-up resolves to its own actor.
func TestConcurrentConversations(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	people := map[string]string{"Mark Rutte": "Mark Rutte indicated", "Dmitry Peskov": "Peskov stated", "David Lammy": "Lammy, on a visit"}
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for i := 0; i < 4; i++ {
		for name, quote := range people {
			wg.Add(1)
			go func() {
				defer wg.Done()
				key := fmt.Sprintf("%s-%d", name, i)
				ctx := context.Background()
				if _, err := c.Ask(ctx, key, "who is "+name+"?"); err != nil {
					errs <- err
					return
				}
				a, err := c.Ask(ctx, key, "what did he say?")
				if err != nil {
					errs <- err
					return
				}
				if !cites(a, quote) {
					errs <- fmt.Errorf("%s: he resolved elsewhere: %v", key, sentences(a))
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestBadFollowUps puts hostile questions into a conversation: no error, a
// reply every time, and the conversation still works after them.
func TestBadFollowUps(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	converse(t, c, "k", "who is Mark Rutte?")
	odd := []string{"and", "and?", "?", "what about", "and and and", "tell me more", "why?", "he", "his his his",
		"the the the", "what about ?", "and " + strings.Repeat("x", 5000), "who is and what did he say and"}
	for name, q := range answertest.BadQuestions() {
		odd = append(odd, q, "and "+q, "what about "+q+"?")
		_ = name
	}
	for _, q := range odd {
		a, err := c.Ask(context.Background(), "k", q)
		if err != nil {
			t.Errorf("%.40q: %v", q, err)
			continue
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Errorf("%.40q: an empty reply", q)
		}
	}
	if a := converse(t, c, "k", "who is Mark Rutte?", "what did he say?")[1]; !cites(a, "Mark Rutte indicated") {
		t.Errorf("after the odd questions: %v", sentences(a))
	}
}

// TestWhatElseDidHeSay asks for more about the person of a sentence found by
// search, not the country the question named.
func TestWhatElseDidHeSay(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	as := converse(t, c, "k", "who condemned Russia's actions as reckless?", "what else did he say?")
	if a := as[1]; !strings.Contains(a.Text, "Lammy") {
		t.Errorf("more on %q, want Lammy (cited %v)", a.Text, sentences(a))
	}
}

// TestPartsThatAskNothing drops a part of a question that asks nothing.
func TestPartsThatAskNothing(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	a := converse(t, c, "k", "who is Mark Rutte? really?")[0]
	if strings.Contains(a.Text, "Ask me") || !strings.Contains(a.Text, "Secretary-General") {
		t.Errorf("answer %q", a.Text)
	}
}

// TestTellMeMoreSaysWhatItAdds introduces the further sentences with what
// they add, marked, never with a bare heading nor the first quote again.
func TestTellMeMoreSaysWhatItAdds(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	for _, first := range []string{"who is Mark Rutte?", "who is the Russian ambassador?", "summarise the briefing"} {
		a := converse(t, c, first, first, "tell me more")[1]
		if !a.Answered || len(a.Citations) == 0 {
			t.Fatalf("%q, tell me more: nothing more", first)
		}
		if !strings.HasPrefix(a.Text, "Also ") || strings.HasSuffix(a.Text, ":") || !strings.Contains(a.Text, "[1]") {
			t.Errorf("%q, tell me more: %q says nothing of what it adds", first, a.Text)
		}
		if strings.Contains(a.Text, a.Citations[0].Text) {
			t.Errorf("%q, tell me more: %q repeats the first quote", first, a.Text)
		}
	}
}

// TestPickingAReading answers "who is Kim?" and then the person picked by
// name, title or place, as the question asked of them.
func TestPickingAReading(t *testing.T) {
	c := dialog.New(openSeed(t), dialog.Options{})
	for _, pick := range []string{"Kim Jong Un", "the North Korean leader", "the other one?", "the second"} {
		as := converse(t, c, pick, "who is Kim?", pick)
		if len(as[0].Readings) != 2 {
			t.Fatalf("\"who is Kim?\" offers %+v", as[0].Readings)
		}
		if a := as[1]; !strings.HasPrefix(a.Text, "Kim Jong Un is the North Korean leader") {
			t.Errorf("%q after \"who is Kim?\": %q", pick, a.Text)
		}
	}
}
