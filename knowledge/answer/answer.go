// Package answer answers questions about the briefings from the facts in the
// store: it parses the question (what an actor said, a figure, who someone is,
// when, where, why, yes/no), resolves the actors it names (aliases, demonyms,
// capitals, seats of government, titles, misspelt names), picks and ranks facts,
// composes a short answer and cites every sentence it used. Where nothing supports
// an answer it abstains and says what it does know.
package answer

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/store"
)

// MaxCitations is the most citations an answer shows; the rest go to More.
// An answer shows only the sentences it relies on, most relevant first, so
// most show one or two.
const MaxCitations = 5

// Engine answers questions from a store. It is safe for concurrent use.
type Engine struct {
	st Store
	gz *gazetteer.Gazetteer

	mu sync.Mutex
	ix *index

	rank   rankSlot   // the sentence index the search ranks with
	source sourceSlot // whether it holds every sentence or each question's candidates
}

// New returns an engine reading st.
func New(st Store) *Engine {
	return &Engine{st: st, gz: gazetteer.Default()}
}

// index returns the actor index for the store's current generation, reloading it
// when the store changed (here or in another process).
func (e *Engine) index(ctx context.Context) (*index, error) {
	gen, err := e.st.Generation(ctx)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ix != nil && e.ix.gen == gen {
		return e.ix, nil
	}
	actors, err := e.st.Actors(ctx)
	if err != nil {
		return nil, err
	}
	e.ix = newIndex(gen, actors)
	return e.ix, nil
}

// Warm builds the actor index and the sentence index for the store's current
// generation, if they are not built yet, so that the next question need not
// wait for them (seconds at a million sentences).
func (e *Engine) Warm(ctx context.Context) error {
	gen, err := e.st.Generation(ctx)
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	// The two indexes build side by side, on two cores.
	ranked := make(chan error, 1)
	go func() {
		_, err := e.rankIndex(ctx, gen)
		ranked <- err
	}()
	_, err = e.index(ctx)
	lexicon.Warm() // the paraphrase table, parsed once per process
	if rerr := <-ranked; err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	return nil
}

// Ask answers one question. Errors are the store's; a question itself never makes
// Ask fail.
func (e *Engine) Ask(ctx context.Context, question string) (knowledge.Answer, error) {
	ctx = withCandidates(withSearchCache(withResolveCache(ctx)), question)
	if a, ok, err := e.askedSummary(ctx, question); ok {
		return a, err
	}
	q := Parse(question)
	a := knowledge.Answer{Question: question, Intent: string(q.Intent), Citations: []knowledge.Citation{}}
	if len(q.Words) == 0 {
		a.Text = "Ask me a question about the briefings, for example \"what did China say?\" or \"how many troops?\"."
		return a, nil
	}
	ix, err := e.index(ctx)
	if err != nil {
		return a, fmt.Errorf("ask: %w", err)
	}
	var r reply
	switch q.Intent {
	case Said:
		r, err = e.said(ctx, ix, q)
	case WhoIs, Summary:
		r, err = e.whoIs(ctx, ix, q)
	case YesNo:
		r, err = e.yesNo(ctx, ix, q)
	default:
		r, err = e.search(ctx, ix, q, nil)
	}
	if err != nil {
		return a, fmt.Errorf("ask: %w", err)
	}
	a.Text = r.text
	a.Answered = len(r.cites) > 0
	if !a.Answered && a.Text == "" {
		a.Text = e.dontKnow(ix, q)
	}
	a.Citations, a.More = shownAndMore(r)
	a.About = e.about(ctx, ix, q, a.Citations)
	a.Readings = e.readings(ctx, ix, q)
	return a, nil
}

// shownAndMore splits a reply's citations into those shown with the answer
// (the sentences it relies on, at most MaxCitations) and those behind "More
// sources" (the rest of what was found, after any overflow).
func shownAndMore(r reply) (shown, more []knowledge.Citation) {
	all := dedupe(append(append([]knowledge.Citation{}, r.cites...), r.more...))
	n := min(len(dedupe(r.cites)), MaxCitations)
	shown = append([]knowledge.Citation{}, all[:n]...)
	if n > 0 && len(all) > n {
		more = all[n:]
	}
	return shown, more
}

// reply is an answer under construction.
type reply struct {
	text string
	// cites are the sentences the text relies on, most relevant first.
	cites []knowledge.Citation
	// more are further sentences found on the question, for "More sources".
	more []knowledge.Citation
}

func cite(h store.Hit) knowledge.Citation {
	return knowledge.Citation{Document: h.DocPath, Title: h.DocTitle, Sentence: h.N, Text: h.Text}
}

func dedupe(cs []knowledge.Citation) []knowledge.Citation {
	seen := map[string]bool{}
	var out []knowledge.Citation
	for _, c := range cs {
		k := fmt.Sprintf("%s#%d", c.Document, c.Sentence)
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// dontKnow is the honest reply when nothing supports an answer: it names the
// actors the briefings know best.
func (e *Engine) dontKnow(ix *index, q Question) string {
	var b strings.Builder
	if q.Subject != "" {
		fmt.Fprintf(&b, "I found nothing in the briefings on that about %s.", q.Subject)
	} else {
		b.WriteString("I found nothing in the briefings that answers that.")
	}
	if names := topActors(ix, 6); len(names) > 0 {
		fmt.Fprintf(&b, " Actors I know include %s.", strings.Join(names, ", "))
	}
	return b.String()
}

// maxTopActors is how many of the most mentioned actors the index keeps.
const maxTopActors = 25

// topActors lists the most mentioned named actors, most first (at most
// maxTopActors), as the index ranked them when it was built.
func topActors(ix *index, n int) []string {
	return ix.top[:min(n, len(ix.top))]
}

// rankActors orders the named actors by how often the briefings mention them.
func rankActors(ix *index, n int) []string {
	count := map[string]int{}
	name := map[string]string{}
	for _, a := range ix.actors {
		if a.Kind == knowledge.Group || strings.HasPrefix(a.Key, "role:") {
			continue
		}
		count[a.Key] += a.MentionCount
		name[a.Key] = a.Name
	}
	// The n best, kept in order while the rest are read once: no sort of all
	// the actors of a big store.
	type ranked struct {
		key   string
		count int
	}
	better := func(a, b ranked) bool {
		if a.count != b.count {
			return a.count > b.count
		}
		return a.key < b.key
	}
	var top []ranked
	for k, c := range count {
		r := ranked{k, c}
		if len(top) == n && (n == 0 || !better(r, top[n-1])) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return better(r, top[i]) })
		if len(top) < n {
			top = append(top, ranked{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = r
	}
	out := make([]string, len(top))
	for i, r := range top {
		out[i] = name[r.key]
	}
	return out
}
