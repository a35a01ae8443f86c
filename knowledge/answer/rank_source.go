package answer

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Where the ranking's sentences come from. Up to a size (SetMaxIndexed) the
// engine indexes every stored sentence in memory, once per generation
// (rank_index.go). Above it, that index would not fit a process (about 0.9 GB
// a million sentences), so each question is ranked on a small index of its
// own candidates instead: the briefings whose sentences the store's full-text
// index (FTS5, or PostgreSQL's tsvector) finds best for the question's words,
// every sentence of them, with the store's counts of sentences, documents and
// term frequencies standing in for the index's own. The same scorer ranks
// both.

// DefaultMaxIndexed is the most sentences an engine indexes in memory unless
// told otherwise (SetMaxIndexed): about 1.8 GB of index per process.
const DefaultMaxIndexed = 2_000_000

// Candidate sizes: the store's best hits for a question's words, and the most
// briefings of theirs read in full.
const (
	candidateHits = 200
	candidateDocs = 40
	// maxCandidateDF is the share of all sentences, and maxCandidateRows
	// the number, above which a word is left out of the candidates'
	// full-text query while rarer words remain: the store scores every
	// sentence that holds a word of the query (seconds for "said" at
	// millions of sentences), and the rarer words find the same briefings.
	maxCandidateDF   = 0.02
	maxCandidateRows = 10_000
)

// CandidateStore is a store that can give each question its candidates from
// its own full-text index (Search), for corpora too large to index in memory.
type CandidateStore interface {
	// Totals counts what is stored; the last ingest records it.
	Totals(ctx context.Context) (store.Counts, error)
	// DocSentences returns every sentence of the documents at the given
	// paths, in document order (as Corpus orders them); unknown paths give
	// none.
	DocSentences(ctx context.Context, paths []string) ([]store.CorpusSentence, error)
}

// sourceSlot remembers, per store generation, whether the engine ranks from
// its full index or from each question's candidates.
type sourceSlot struct {
	mu       sync.Mutex
	max      int // SetMaxIndexed's limit; DefaultMaxIndexed when unset
	set      bool
	gen      int64
	known    bool
	fromDisk bool
	counts   store.Counts
}

// SetMaxIndexed sets the most sentences the engine indexes in memory: above
// n, each question takes its candidates from the store's full-text index (a
// store that cannot give them is always indexed in memory). 0 takes every
// question's candidates from the store.
func (e *Engine) SetMaxIndexed(n int) {
	e.source.mu.Lock()
	defer e.source.mu.Unlock()
	e.source.max, e.source.set, e.source.known = max(n, 0), true, false
}

// candidateStore returns the store as a CandidateStore when the corpus of
// generation gen is above the engine's limit, with what it counts.
func (e *Engine) candidateStore(ctx context.Context, gen int64) (CandidateStore, store.Counts, error) {
	cs, ok := e.st.(CandidateStore)
	if !ok {
		return nil, store.Counts{}, nil
	}
	s := &e.source
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.known || s.gen != gen {
		limit := DefaultMaxIndexed
		if s.set {
			limit = s.max
		}
		c, err := cs.Totals(ctx)
		if err != nil {
			return nil, store.Counts{}, err
		}
		s.gen, s.known, s.counts = gen, true, c
		s.fromDisk = c.Sentences > limit
	}
	if !s.fromDisk {
		return nil, store.Counts{}, nil
	}
	return cs, s.counts, nil
}

// candidatesKey keys one question's candidates in its context.
type candidatesKey struct{}

// questionCandidates is one question's candidate index, built on first use.
type questionCandidates struct {
	question string
	mu       sync.Mutex
	ix       *rankIndex
}

// withCandidates gives ctx the question whose candidates a ranking from the
// store takes.
func withCandidates(ctx context.Context, question string) context.Context {
	return context.WithValue(ctx, candidatesKey{}, &questionCandidates{question: question})
}

// candidateIndex returns the index of the candidates of ctx's question in
// generation gen: empty when ctx has no question.
func (e *Engine) candidateIndex(ctx context.Context, gen int64, cs CandidateStore, c store.Counts) (*rankIndex, error) {
	qc, _ := ctx.Value(candidatesKey{}).(*questionCandidates)
	if qc == nil {
		return withCounts(buildRankIndex(gen, nil), c, nil), nil
	}
	qc.mu.Lock()
	defer qc.mu.Unlock()
	if qc.ix != nil && qc.ix.gen == gen {
		return qc.ix, nil
	}
	words := contentWords(Parse(qc.question).Words)
	rows, err := e.candidates(ctx, cs, words)
	if err != nil {
		return nil, err
	}
	ix := buildRankIndex(gen, rows)
	// The store's counts of the question's terms, their stand-ins and
	// their families: what the question's weights are made of.
	var terms []string
	for _, g := range e.termGroups(words) {
		terms = append(terms, g.main)
		terms = append(terms, g.alts...)
		for _, id := range ix.derived(g.main) {
			terms = append(terms, ix.terms[id])
		}
	}
	df, _, err := e.st.DocFreq(ctx, terms)
	if err != nil {
		return nil, err
	}
	for _, t := range terms {
		if df[t] > 0 {
			// Held elsewhere in the store: a word, not a misspelling.
			ix.addTerm(t)
		}
	}
	qc.ix = withCounts(ix, c, df)
	return qc.ix, nil
}

// addTerm gives the index the term t, held by none of its sentences, unless
// it has it already.
func (ix *rankIndex) addTerm(t string) {
	if _, ok := ix.ids[t]; ok {
		return
	}
	id := int32(len(ix.terms))
	ix.ids[t] = id
	ix.terms = append(ix.terms, t)
	ix.post = append(ix.post, nil)
	ix.dpost = append(ix.dpost, nil)
	ix.lower = append(ix.lower, 0)
	ix.upper = append(ix.upper, 0)
	for len(ix.byLen) <= len(t) {
		ix.byLen = append(ix.byLen, nil)
	}
	ix.byLen[len(t)] = append(ix.byLen[len(t)], id) // IDs ascending: id is the largest
	i, _ := slices.BinarySearchFunc(ix.sorted, t, func(x int32, t string) int { return strings.Compare(ix.terms[x], t) })
	ix.sorted = slices.Insert(ix.sorted, i, id)
}

// candidates returns every sentence of the briefings best found by the
// store's full-text index for words, in document order.
func (e *Engine) candidates(ctx context.Context, cs CandidateStore, words []string) ([]store.CorpusSentence, error) {
	if len(words) == 0 {
		return nil, nil
	}
	var stems []string
	for _, w := range words {
		stems = append(stems, stem.Terms(w)...)
	}
	df, n, err := e.st.DocFreq(ctx, stems)
	if err != nil {
		return nil, err
	}
	hits, err := e.st.Search(ctx, store.Terms(rareWords(words, df, n)), candidateHits)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, h := range hits {
		if !slices.Contains(paths, h.DocPath) {
			paths = append(paths, h.DocPath)
			if len(paths) == candidateDocs {
				break
			}
		}
	}
	if len(paths) == 0 {
		return nil, nil
	}
	return cs.DocSentences(ctx, paths)
}

// rareWords keeps the words whose terms are held by at most maxCandidateDF of
// the n sentences (df) and at most maxCandidateRows, or the rarest word when
// none is, and drops words no sentence holds.
func rareWords(words []string, df map[string]int, n int) []string {
	limit := min(maxCandidateDF*float64(n), maxCandidateRows)
	var out []string
	rarest, least := "", math.MaxInt
	for _, w := range words {
		most := 0
		for _, t := range stem.Terms(w) {
			most = max(most, df[t])
		}
		if most == 0 {
			continue
		}
		if float64(most) <= limit {
			out = append(out, w)
		}
		if most < least {
			rarest, least = w, most
		}
	}
	if len(out) == 0 && rarest != "" {
		out = []string{rarest}
	}
	return out
}

// corpusCounts are the store's counts that a candidate index ranks with
// instead of its own: a term's sentences, all sentences, all documents.
type corpusCounts struct {
	sentences, docs int
	df              map[int32]int
}

// withCounts gives ix the store's counts c and term frequencies df.
func withCounts(ix *rankIndex, c store.Counts, df map[string]int) *rankIndex {
	cc := &corpusCounts{sentences: max(c.Sentences, len(ix.sents)), docs: max(c.Documents, len(ix.docs)), df: map[int32]int{}}
	for t, n := range df {
		if id, ok := ix.ids[t]; ok {
			cc.df[id] = n
		}
	}
	ix.corpus = cc
	return ix
}

// nSents is how many sentences the corpus holds.
func (ix *rankIndex) nSents() int {
	if ix.corpus != nil {
		return ix.corpus.sentences
	}
	return len(ix.sents)
}

// nDocs is how many documents the corpus holds.
func (ix *rankIndex) nDocs() int {
	if ix.corpus != nil {
		return ix.corpus.docs
	}
	return len(ix.docs)
}

// sentDF is how many of the corpus's sentences hold term ID t. A candidate
// index without the store's count scales its own.
func (ix *rankIndex) sentDF(t int32) int {
	c := ix.corpus
	if c == nil {
		return len(ix.post[t])
	}
	if n, ok := c.df[t]; ok {
		return n
	}
	return len(ix.post[t]) * c.sentences / max(1, len(ix.sents))
}

// docDF is how many of the corpus's documents hold term ID t. A candidate
// index estimates it from the term's sentences, as if they fell in documents
// at random.
func (ix *rankIndex) docDF(t int32) int {
	c := ix.corpus
	if c == nil {
		return len(ix.dpost[t])
	}
	if c.sentences == 0 || c.docs == 0 {
		return len(ix.dpost[t])
	}
	p := float64(ix.sentDF(t)) / float64(c.sentences)
	perDoc := float64(c.sentences) / float64(c.docs)
	est := float64(c.docs) * (1 - math.Pow(1-min(p, 1), perDoc))
	return max(len(ix.dpost[t]), int(est))
}
