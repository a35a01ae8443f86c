package dialog

import (
	"context"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
)

// answer answers a question as the next turn of conv (conv.mu held): each of
// its parts in turn, every part a turn of its own, joined into one answer.
func (c *Conversations) answer(ctx context.Context, conv *conversation, question string) (knowledge.Answer, error) {
	var answers []knowledge.Answer
	parts := clauses(question)
	for _, part := range parts {
		if len(parts) > 1 && empty(part) {
			continue // "really?" after a question
		}
		as, err := c.answerPart(ctx, conv, part)
		if err != nil {
			return knowledge.Answer{Question: question, Citations: []knowledge.Citation{}}, err
		}
		answers = append(answers, as...)
	}
	switch len(answers) {
	case 0:
		return c.asker.Ask(ctx, question) // an empty question: the Asker's own reply
	case 1:
		return answers[0], nil
	}
	return join(answers), nil
}

// answerPart answers one part of a question: rewritten from the turns before
// it, and asked of each actor when it names several.
func (c *Conversations) answerPart(ctx context.Context, conv *conversation, part string) ([]knowledge.Answer, error) {
	q, kind := rewrite(part, conv.turns)
	if kind == more {
		a, err := c.more(ctx, conv, part)
		return []knowledge.Answer{a}, err
	}
	subs := conjuncts(q)
	a, err := c.asker.Ask(ctx, q)
	if err != nil {
		return nil, err
	}
	if alt, x, ok := topicInstead(part, conv.turns); ok && !names(a, x) {
		// Not an actor: a new topic for the same speaker.
		b, err := c.asker.Ask(ctx, alt)
		if err != nil {
			return nil, err
		}
		if b.Answered {
			q, a, subs = alt, b, []string{alt}
		}
	}
	if len(subs) == 1 || oneActor(a) {
		c.remember(conv, q, a)
		return []knowledge.Answer{a}, nil
	}
	var out []knowledge.Answer
	for _, s := range subs {
		a, err := c.asker.Ask(ctx, s)
		if err != nil {
			return nil, err
		}
		c.remember(conv, s, a)
		out = append(out, a)
	}
	return out, nil
}

// more answers "tell me more": the sentences on the last turn not quoted yet,
// from its further sources, else from what the actor it was about said and
// what the briefings say about them.
func (c *Conversations) more(ctx context.Context, conv *conversation, question string) (knowledge.Answer, error) {
	a := knowledge.Answer{Intent: "more", Citations: []knowledge.Citation{}}
	if len(conv.turns) == 0 {
		return a, nil
	}
	last := conv.turns[len(conv.turns)-1]
	var fresh []knowledge.Citation
	seen := map[string]bool{}
	pick := func(cs []knowledge.Citation) {
		for _, ct := range cs {
			if k := citeKey(ct); !conv.shown[k] && !seen[k] {
				seen[k] = true
				fresh = append(fresh, ct)
			}
		}
	}
	pick(last.answer.More)
	about, ok := moreAbout(question, conv.turns)
	if len(fresh) == 0 && ok {
		name := about.Name
		for _, q := range []string{"what did " + name + " say?", "tell me about " + name} {
			b, err := c.asker.Ask(ctx, q)
			if err != nil {
				return a, err
			}
			pick(b.Citations)
			pick(b.More)
			if len(fresh) > 0 {
				break
			}
		}
	}
	a.About = last.answer.About
	if len(fresh) == 0 {
		a.Text = "That is all I found in the briefings on that."
		if ok {
			a.Text = "That is all I found in the briefings on " + about.Name + "."
		}
		return a, nil
	}
	a.Answered = true
	if len(fresh) > answer.MaxCitations {
		a.More = fresh[answer.MaxCitations:]
		fresh = fresh[:answer.MaxCitations]
	}
	a.Citations = fresh
	a.Text = moreText(about.Name, ok, fresh)
	c.remember(conv, last.question, a)
	return a, nil
}

// moreText introduces the further sentences of "tell me more": the gist of
// the first, marked [1], and how many follow: "Also on Mark Rutte: NATO is
// weighing a new mission [1], and 2 more sentences [2][3]."
func moreText(name string, named bool, cites []knowledge.Citation) string {
	head := "Also in the briefings on that"
	if named {
		head = "Also on " + name
	}
	var marks []string
	for i := range cites {
		marks = append(marks, fmt.Sprintf("[%d]", i+1))
	}
	g := ""
	if len(cites) > 0 {
		g = answer.Gist(cites[0].Text)
		if g == "" && len(cites[0].Text) > 2*maxMoreGist {
			g = clipWords(cites[0].Text, maxMoreGist)
		}
	}
	if g == "" {
		return fmt.Sprintf("%s: %s %s.", head, sentences(len(cites)), strings.Join(marks, ""))
	}
	if len(cites) == 1 {
		return fmt.Sprintf("%s: %s %s.", head, lowerFirst(g, name), marks[0])
	}
	return fmt.Sprintf("%s: %s %s, and %s %s.", head, lowerFirst(g, name), marks[0], sentences(len(cites)-1), strings.Join(marks[1:], ""))
}

// maxMoreGist is about the longest opening, in bytes, of a sentence that
// has no shorter gist, for "tell me more".
const maxMoreGist = 80

// clipWords cuts s to about n bytes at a word boundary, ending with "…".
func clipWords(s string, n int) string {
	cut := strings.LastIndex(s[:n], " ")
	if cut <= 0 {
		return s
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// sentences counts further sentences: "1 more sentence", "3 more sentences".
func sentences(n int) string {
	if n == 1 {
		return "1 more sentence"
	}
	return fmt.Sprintf("%d more sentences", n)
}

// lowerFirst keeps a gist's first word capitalised only when it is a name:
// the gist follows a colon.
func lowerFirst(g, name string) string {
	w, _, _ := strings.Cut(g, " ")
	if w == "The" || w == "A" || w == "An" || w == "It" || w == "This" || w == "Some" {
		return strings.ToLower(w) + g[len(w):]
	}
	return g
}

// moreAbout is the actor "tell me more" asks about: the one its pronoun
// refers to ("what else did she say?"), else the one the last turn was about.
func moreAbout(question string, hist []turn) (knowledge.ActorRef, bool) {
	for _, t := range tokenize(question) {
		if p, ok := pronouns[t.word]; ok {
			return referent(hist, p)
		}
	}
	if len(hist) == 0 || len(hist[len(hist)-1].answer.About) == 0 {
		return knowledge.ActorRef{}, false
	}
	return hist[len(hist)-1].answer.About[0], true
}

// empty reports whether a part of a question asks nothing: "really?", "ok?".
func empty(part string) bool {
	if _, kind := rewrite(part, []turn{{}}); kind == more {
		return false
	}
	if _, ok := continuations[dropLeading(normalise(part))]; ok {
		return false
	}
	p := answer.Parse(part)
	return p.Intent == answer.Search && p.Subject == "" && len(p.Topic) == 0
}
