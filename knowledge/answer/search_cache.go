package answer

import (
	"context"
	"maps"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// searchCache remembers, for one question, the ranking of its words and the
// stored facts of the sentences read: a said-question that falls back on
// search searches the same words more than once (any sentence, then one that
// mentions the actor), and ranking them and reading the facts are the dearest
// parts of a search. Like resolveCache it lives in the question's context, so
// no question sees another's, and is safe for the goroutines of one question.
type searchCache struct {
	mu    sync.Mutex
	ix    *index
	ranks map[rankingKey]*searchRanked
	facts store.SentenceFacts
	read  map[int64]bool // the sentences whose facts are in facts
}

// rankingKey is what search's ranking depends on: the question's words and
// the kind of answer it expects.
type rankingKey struct {
	words   string
	expects answerType
}

func keyOf(q Question) rankingKey {
	return rankingKey{strings.Join(q.Words, "\x00"), q.expects}
}

// searchRanked is a question's ranked sentences, before their facts are read.
type searchRanked struct {
	q  Question // the question as ranked: its words respelled if an acronym was
	ri *rankIndex
	rq *rankQuery
	rs []ranked // best first, headlines left out; read only
}

type searchCacheKey struct{}

// withSearchCache returns a context whose searches are remembered.
func withSearchCache(ctx context.Context) context.Context {
	if searchedIn(ctx) != nil {
		return ctx
	}
	return context.WithValue(ctx, searchCacheKey{}, &searchCache{})
}

// searchedIn returns the context's cache, or nil (a nil cache remembers
// nothing).
func searchedIn(ctx context.Context) *searchCache {
	c, _ := ctx.Value(searchCacheKey{}).(*searchCache)
	return c
}

// reset empties the cache when it was filled for another index.
func (c *searchCache) reset(ix *index) {
	if c.ix != ix {
		c.ix, c.ranks, c.read = ix, nil, nil
		c.facts = store.SentenceFacts{}
	}
}

// ranking returns what q's words ranked in ix, if remembered, with q's own
// intent, subject and focus. Its ranked sentences are shared: they are read,
// never changed.
func (c *searchCache) ranking(ix *index, q Question) (*searchRanked, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset(ix)
	sr, ok := c.ranks[keyOf(q)]
	if !ok {
		return nil, false
	}
	out := *sr
	out.q, out.q.Words = q, sr.q.Words
	rq := *sr.rq
	rq.local = map[int32][]float64{} // filled as the ranking reads it
	out.rq = &rq
	return &out, true
}

// putRanking remembers what the words of q (as asked) ranked in ix.
func (c *searchCache) putRanking(ix *index, q Question, sr *searchRanked) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset(ix)
	if c.ranks == nil {
		c.ranks = map[rankingKey]*searchRanked{}
	}
	c.ranks[keyOf(q)] = sr
}

// facts returns the stored facts of the sentences, reading from the store
// only those the question has not read yet.
func (e *Engine) facts(ctx context.Context, ix *index, ids []int64) (store.SentenceFacts, error) {
	c := searchedIn(ctx)
	if c == nil {
		return e.st.Facts(ctx, ids)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset(ix)
	var missing []int64
	for _, id := range ids {
		if !c.read[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		f, err := e.st.Facts(ctx, missing)
		if err != nil {
			return store.SentenceFacts{}, err
		}
		if c.read == nil {
			c.read = map[int64]bool{}
			c.facts = store.SentenceFacts{Quantities: map[int64][]store.QuantityRow{}, Times: map[int64][]knowledge.TimeExpr{}, Mentions: map[int64][]store.MentionRow{}}
		}
		for _, id := range missing {
			c.read[id] = true
		}
		maps.Copy(c.facts.Quantities, f.Quantities)
		maps.Copy(c.facts.Times, f.Times)
		maps.Copy(c.facts.Mentions, f.Mentions)
	}
	return c.facts, nil
}

// inBriefingsOf keeps the ranked sentences of the briefings where one of the
// target's actors is (an actor is stored per briefing, and mentioned only in
// its own briefing's sentences), in order.
func inBriefingsOf(ix *index, ri *rankIndex, rs []ranked, t *target) []ranked {
	docs := map[string]bool{}
	for _, i := range t.direct {
		docs[ix.actors[i].DocPath] = true
	}
	for _, i := range t.affiliates {
		docs[ix.actors[i].DocPath] = true
	}
	var out []ranked
	for _, r := range rs {
		if docs[ri.sents[r.sent].hit.DocPath] {
			out = append(out, r)
		}
	}
	return out
}
