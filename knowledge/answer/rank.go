package answer

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/knowledge/stem"
)

// genericHeads are nouns that name the kind of thing asked for ("what type of",
// "which part"): the answer stands for them, so sentences need not repeat them.
var genericHeads = set("type", "types", "kind", "kinds", "sort", "part", "parts", "term",
	"terms", "name", "names", "example", "examples", "way", "ways", "method", "thing",
	"things", "role", "form", "forms", "word", "words", "person", "people", "group",
	"groups", "category", "aspect", "feature", "event", "events", "item", "items",
	"one", "ones", "reason", "purpose", "result", "effect", "title", "position",
	"profession", "nationality", "language", "color", "colour", "shape")

// headWeight scales the weight of a generic head noun the question asks about.
const headWeight = 0.4

// whHead returns the noun right after the question's wh-word when it names the
// kind of answer wanted ("year" in "what year did ..."), or "".
func whHead(words []string) string {
	for i, w := range words {
		if w != "what" && w != "which" && w != "how" {
			continue
		}
		for _, x := range words[i+1:] {
			if x == "the" || x == "a" || x == "an" {
				continue
			}
			if genericHeads[x] || timeNouns[x] || numberNouns[x] || placeNouns[x] {
				return x
			}
			return ""
		}
		return ""
	}
	return ""
}

// namingWords ask what something is called.
var namingWords = set("called", "named", "name", "known", "term", "terms", "refer",
	"referred", "nickname", "nicknamed", "title", "word", "dubbed")

// copulas may stand between a wh-word and the kind of answer it asks for ("what is
// the population").
var copulas = set("is", "are", "was", "were")

// The features a sentence is ranked by. Shares are of the question's term
// weight (the idf of its content words).
const (
	fCov         = iota // share of the question found in the sentence
	fPrev               // share missing from the sentence but found in the one before
	fNext               // share missing from the sentence but found in the one after
	fTitle              // share missing from the sentence but found in its document's title
	fDoc                // the document's bm25 for the question, over the best document's
	fDocCov             // share of the question found anywhere in the document
	fBigram             // share found as consecutive pairs, as in the question
	fProx               // matched words over the span they cover
	fAnsPerson          // holds a capitalised word not in the question (who)
	fAnsTime            // holds a date or year not in the question (when)
	fAnsNumber          // holds a figure not in the question (how many)
	fAnsPlace           // holds a capitalised word not in the question (where)
	fAnsName            // holds a capitalised word not in the question (which X)
	fAnsNear            // an answer word stands within three words of a matched word
	fNoNovel            // holds nothing but the question's own words
	fLen                // log of the sentence's length
	fAnaphor            // starts with a pronoun standing for something before it
	fNextAnaphor        // the next sentence starts with a pronoun and holds fNext's share
	fRepeat             // matched words repeated (bm25 term frequency beyond the first)
	fCovLocal           // fCov with idf taken over the document's sentences
	fPhrase             // content words in the longest run of the question's words, in order
	fRarest             // holds the question's rarest word
	fDensity            // matched words over the sentence's content words
	fCovSq              // fCov squared
	fCovDoc             // fCov times fDoc
	fFirst              // the document's first sentence after its title
	fAnsCount           // how many answer words (up to 3, over 3)
	fDocTop             // the summed share of the document's three best sentences, over the best document's
	fNaming             // the question asks what something is called, and the sentence names something
	fDefinition         // the question asks what something is, and the sentence starts by defining it
	fTwoCaps            // a who question, and the sentence holds two capitalised words in a row, not in the question
	fBM25               // the sentence's bm25 for the question, over the question's weight
	fPrev2              // share missing from the sentence and the one before, found two before
	fNext2              // share missing from the sentence and the one after, found two after
	fPrevDoc            // fPrev times fDoc
	fCovLocalDoc        // fCovLocal times fDoc
	fPrevSq             // fPrev squared
	fDocSq              // fDoc squared
	fTitleDoc           // fTitle times fDoc
	fBM25Doc            // fBM25 times fDoc
	fAnsNearBM25        // fAnsNear times fBM25
	nFeatures
)

// anaphors start sentences that lean on the one before.
var anaphors = set("he", "she", "it", "they", "this", "these", "those", "his", "her",
	"its", "their", "such", "there", "that", "him", "them")

// rankQuery is a question prepared for ranking.
type rankQuery struct {
	groups []termGroup
	ids    [][]int32 // per group: the term IDs that match it, main first
	main   []bool    // per group: whether ids[g][0] is the main stem
	idf    []float64 // per group
	total  float64
	want   answerType
	seq    []int32             // the question's terms, stop words included, in order (-1: unknown)
	rarest int                 // the group with the highest idf
	local  map[int32][]float64 // document -> per group idf over its sentences
	naming bool                // asks what something is called
	define bool                // asks what something is
}

// ranked is a sentence with its features and score.
type ranked struct {
	sent  int32   // index in rankIndex.sents
	cov   float64 // share of the question in the sentence, from the postings
	stage float64 // the first stage's score: cov and the document's
	f     [nFeatures]float64
	score float64 // the features weighed by featureWeights
}

// altWeight scales a match through a word's stand-in (a synonym, a word of
// its family, a corrected misspelling) against a match of the word itself.
// Measured on SQuAD samples 7 and 8: 0.6 ranks the same, 0.95 loses 0.3 to
// 0.4 points of top1.
const altWeight = 0.8

// maxGroups bounds the question words ranked (a pasted paragraph is not a question).
const maxGroups = 64

// rankScratch holds per-question buffers, reused.
type rankScratch struct {
	acc  []float64
	mask []uint64
	grp  []int8 // term ID -> group index + 1
	hit  []int32

	cands            []candidate
	docScore, docCov []float64
	top3             [][3]float64
}

// floats returns *buf resized to n and zeroed.
func (sc *rankScratch) floats(buf *[]float64, n int) []float64 {
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return *buf
}

// triples returns the per-document best-three buffer, zeroed.
func (sc *rankScratch) triples(n int) [][3]float64 {
	if cap(sc.top3) < n {
		sc.top3 = make([][3]float64, n)
	}
	sc.top3 = sc.top3[:n]
	clear(sc.top3)
	return sc.top3
}

var scratchPool sync.Pool

func (ix *rankIndex) scratch() *rankScratch {
	s, _ := scratchPool.Get().(*rankScratch)
	if s == nil {
		s = &rankScratch{}
	}
	if len(s.acc) < len(ix.sents) {
		s.acc = make([]float64, len(ix.sents))
		s.mask = make([]uint64, len(ix.sents))
	}
	if len(s.grp) < len(ix.post) {
		s.grp = make([]int8, len(ix.post))
	}
	return s
}

// idf is bm25's inverse document frequency over sentences.
func (ix *rankIndex) idf(df int) float64 {
	n := float64(ix.nSents())
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// query prepares term groups for ranking.
func (ix *rankIndex) query(groups []termGroup, want answerType, words []string) *rankQuery {
	if len(groups) > maxGroups {
		groups = groups[:maxGroups]
	}
	rq := &rankQuery{groups: groups, want: want, local: map[int32][]float64{}}
	for _, w := range words {
		if namingWords[w] {
			rq.naming = true
		}
	}
	if len(words) >= 3 && len(words) <= 6 && words[0] == "what" && copulas[words[1]] {
		rq.define = true
	}
	head := ""
	if h := whHead(words); h != "" {
		if ts := stem.Terms(h); len(ts) == 1 {
			head = ts[0]
		}
	}
	for _, t := range stem.Terms(strings.Join(words, " ")) {
		id, ok := ix.ids[t]
		if !ok {
			id = -1
		}
		rq.seq = append(rq.seq, id)
	}
	for _, g := range groups {
		var ids []int32
		id, ok := ix.ids[g.main]
		// Words of the same family ("discovered" for "discovery").
		family := ix.derived(g.main)
		if !ok && len(family) == 0 {
			// A misspelling of a word the sentences hold counts as that word.
			if id, ok = ix.correct(g.main); ok {
				family = ix.derived(ix.terms[id])
			}
		}
		if ok {
			ids = append(ids, id)
		}
		for _, a := range g.alts {
			if id, ok := ix.ids[a]; ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		for _, d := range family {
			if !slices.Contains(ids, d) {
				ids = append(ids, d)
			}
		}
		// The word's rarity, or its commonest stand-in's when the sentences
		// lack it.
		df := 0
		if ok {
			df = ix.sentDF(id)
		} else {
			for _, x := range ids {
				df = max(df, ix.sentDF(x))
			}
		}
		w := ix.idf(df)
		if g.main == head {
			w *= headWeight
		}
		rq.ids = append(rq.ids, ids)
		rq.main = append(rq.main, ok)
		rq.idf = append(rq.idf, w)
		rq.total += w
		if w > rq.idf[rq.rarest] {
			rq.rarest = len(rq.idf) - 1
		}
	}
	return rq
}

// candidate is a sentence in the first stage of ranking.
type candidate struct {
	sent       int32
	cov, stage float64
}

// before orders candidates: the higher stage score first, then document order.
func (a candidate) before(b candidate) bool {
	if a.stage != b.stage {
		return a.stage > b.stage
	}
	return a.sent < b.sent
}

// bestCandidates returns the best n candidates in order, keeping a bounded heap
// rather than sorting them all (a common word touches most of a big corpus).
func bestCandidates(cs []candidate, n int) []candidate {
	if len(cs) <= n {
		sort.Slice(cs, func(i, j int) bool { return cs[i].before(cs[j]) })
		return cs
	}
	h := make([]candidate, 0, n) // a heap whose root is the worst kept
	down := func(i int) {
		for {
			l, w := 2*i+1, i
			if l < len(h) && h[w].before(h[l]) {
				w = l
			}
			if r := l + 1; r < len(h) && h[w].before(h[r]) {
				w = r
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for _, c := range cs {
		if len(h) < n {
			h = append(h, c)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !h[p].before(h[i]) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			continue
		}
		if c.before(h[0]) {
			h[0] = c
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return h[i].before(h[j]) })
	return h
}

// stageCandidates is how many sentences, by the postings' score, get the full
// feature ranking.
const stageCandidates = 200

// rank scores the sentences that hold any of the question's terms, best first.
func (ix *rankIndex) rank(rq *rankQuery) []ranked {
	if rq.total <= 0 || len(ix.sents) == 0 {
		return nil
	}
	sc := ix.scratch()
	defer scratchPool.Put(sc)
	acc, mask := sc.acc, sc.mask
	touched := sc.hit[:0]
	for g, ids := range rq.ids {
		bit := uint64(1) << uint(g)
		for k, id := range ids {
			w := rq.idf[g]
			if k > 0 || !rq.main[g] {
				w *= altWeight
			}
			for _, s := range ix.post[id] {
				if mask[s]&bit != 0 {
					continue
				}
				if mask[s] == 0 {
					touched = append(touched, s)
				}
				mask[s] |= bit
				acc[s] += w
			}
		}
	}
	// Document scores: bm25 over whole documents.
	docScore := sc.floats(&sc.docScore, len(ix.docs))
	docCov := sc.floats(&sc.docCov, len(ix.docs))
	nd := float64(ix.nDocs())
	for g, ids := range rq.ids {
		seen := map[int32]bool{}
		for k, id := range ids {
			dp := ix.dpost[id]
			ddf := float64(ix.docDF(id))
			dw := math.Log(1 + (nd-ddf+0.5)/(ddf+0.5))
			m := 1.0
			if k > 0 || !rq.main[g] {
				m = altWeight
			}
			for _, p := range dp {
				if seen[p.doc] {
					continue
				}
				seen[p.doc] = true
				tf := float64(p.tf)
				norm := 1.2 * (0.25 + 0.75*float64(ix.docs[p.doc].length)/ix.avgDoc)
				docScore[p.doc] += m * dw * tf * 2.2 / (tf + norm)
				docCov[p.doc] += m * rq.idf[g]
			}
		}
	}
	best := 0.0
	for _, s := range docScore {
		best = math.Max(best, s)
	}
	// First stage, on compact candidates: the share of the question a sentence
	// holds and its document's score; the documents' three best sentences.
	cands := sc.cands[:0]
	top3 := sc.triples(len(ix.docs))
	for _, s := range touched {
		c := candidate{sent: s, cov: acc[s] / rq.total}
		c.stage = c.cov
		if best > 0 {
			c.stage += 0.3 * docScore[ix.sents[s].doc] / best
		}
		cands = append(cands, c)
		acc[s], mask[s] = 0, 0
		t := &top3[ix.sents[s].doc]
		switch cv := c.cov; {
		case cv > t[0]:
			t[0], t[1], t[2] = cv, t[0], t[1]
		case cv > t[1]:
			t[1], t[2] = cv, t[1]
		case cv > t[2]:
			t[2] = cv
		}
	}
	sc.hit, sc.cands = touched, cands
	bestTop := 0.0
	for _, t := range top3 {
		bestTop = math.Max(bestTop, t[0]+t[1]+t[2])
	}
	cands = bestCandidates(cands, stageCandidates)
	out := make([]ranked, len(cands))
	for i, c := range cands {
		d := ix.sents[c.sent].doc
		r := ranked{sent: c.sent, cov: c.cov, stage: c.stage}
		if best > 0 {
			r.f[fDoc] = docScore[d] / best
		}
		r.f[fDocCov] = docCov[d] / rq.total
		if bestTop > 0 {
			t := top3[d]
			r.f[fDocTop] = (t[0] + t[1] + t[2]) / bestTop
		}
		out[i] = r
	}
	// Full features for the best.
	grp := sc.grp
	for g, ids := range rq.ids {
		for _, id := range ids {
			if grp[id] == 0 {
				grp[id] = int8(g + 1)
			}
		}
	}
	for i := range out {
		ix.features(rq, grp, &out[i])
		s := 0.0
		for k, w := range featureWeights {
			s += w * out[i].f[k]
		}
		out[i].score = s
	}
	for _, ids := range rq.ids {
		for _, id := range ids {
			grp[id] = 0
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// answerFeature maps an answer type to its feature and the token flag that
// answers it.
var answerFeature = [...]struct {
	f    int
	flag uint8
}{
	ansPerson: {fAnsPerson, tokCap},
	ansTime:   {fAnsTime, tokTime},
	ansNumber: {fAnsNumber, tokNum},
	ansPlace:  {fAnsPlace, tokCap},
	ansName:   {fAnsName, tokCap},
}

// features fills in a candidate's sentence-level features.
func (ix *rankIndex) features(rq *rankQuery, grp []int8, r *ranked) {
	s := &ix.sents[r.sent]
	doc := &ix.docs[s.doc]
	var found uint64
	var cov, bigram float64
	var prevG int8 = -1
	first, last, matched, repeats := -1, -1, 0, 0
	novel := 0
	var want uint8
	if int(rq.want) < len(answerFeature) {
		want = answerFeature[rq.want].flag
	}
	answer := false
	answers := 0
	twoCaps := false
	prevCap := false
	var bm25 float64
	var tf [maxGroups]uint8 // occurrences of each group
	lastMatch, lastAnswer := -100, -100
	near := false
	pos := 0 // position among content words
	for k, t := range s.terms {
		fl := s.flags[k]
		g := grp[t]
		if g > 0 {
			gi := g - 1
			bit := uint64(1) << uint(gi)
			if found&bit == 0 {
				found |= bit
				w := rq.idf[gi]
				if !rq.main[gi] || rq.ids[gi][0] != t {
					w *= altWeight
				}
				cov += w
				matched++
				if first < 0 {
					first = pos
				}
				last = pos
			} else {
				repeats++
			}
			if tf[gi] < 255 {
				tf[gi]++
			}
			prevCap = false
			if prevG >= 0 && gi == prevG+1 {
				bigram += (rq.idf[gi] + rq.idf[prevG]) / 2
			}
			prevG = gi
			pos++
			lastMatch = k
			if k-lastAnswer <= 3 {
				near = true
			}
			continue
		}
		if fl&tokStop != 0 {
			continue
		}
		prevG = -1
		pos++
		novel++
		if fl&tokCap != 0 {
			if prevCap {
				twoCaps = true
			}
			prevCap = true
		} else {
			prevCap = false
		}
		if want != 0 && fl&want != 0 {
			answer = true
			answers++
			lastAnswer = k
			if k-lastMatch <= 3 {
				near = true
			}
		}
	}
	r.f[fCov] = cov / rq.total
	r.f[fBigram] = bigram / rq.total
	if found&(1<<uint(rq.rarest)) != 0 {
		r.f[fRarest] = 1
	}
	local := ix.localIDF(rq, s.doc)
	var lc, lt float64
	for g, w := range local {
		lt += w
		if found&(1<<uint(g)) != 0 {
			lc += w
		}
	}
	if lt > 0 {
		r.f[fCovLocal] = lc / lt
	}
	r.f[fPhrase] = ix.phrase(rq, s.terms, s.flags)
	if novel+matched > 0 {
		r.f[fDensity] = float64(matched) / float64(novel+matched)
	}
	r.f[fCovSq] = r.f[fCov] * r.f[fCov]
	r.f[fCovDoc] = r.f[fCov] * r.f[fDoc]
	if r.sent <= doc.first+1 {
		r.f[fFirst] = 1
	}
	r.f[fAnsCount] = math.Min(float64(answers), 3) / 3
	if rq.want == ansPerson && twoCaps {
		r.f[fTwoCaps] = 1
	}
	if rq.naming && s.naming {
		r.f[fNaming] = 1
	}
	if rq.define && ix.defines(s, grp) {
		r.f[fDefinition] = 1
	}
	norm := 1.2 * (0.25 + 0.75*float64(len(s.terms))/ix.avgLen)
	for g, n := range tf[:len(rq.idf)] {
		if n > 0 {
			x := float64(n)
			bm25 += rq.idf[g] * x * 2.2 / (x + norm)
		}
	}
	r.f[fBM25] = bm25 / rq.total
	if matched > 1 {
		r.f[fProx] = float64(matched) / float64(last-first+1)
	}
	if answer {
		r.f[answerFeature[rq.want].f] = 1
		if near {
			r.f[fAnsNear] = 1
		}
	}
	if novel == 0 {
		r.f[fNoNovel] = 1
	}
	r.f[fRepeat] = math.Min(float64(repeats), 3) / 3
	r.f[fLen] = math.Log(1 + float64(len(s.terms)))
	if ix.startsWithAnaphor(r.sent) {
		r.f[fAnaphor] = 1
	}
	ctx := func(terms []int32) float64 {
		var c float64
		var seen uint64
		for _, t := range terms {
			g := grp[t]
			if g == 0 {
				continue
			}
			bit := uint64(1) << uint(g-1)
			if found&bit != 0 || seen&bit != 0 {
				continue
			}
			seen |= bit
			c += rq.idf[g-1]
		}
		return c / rq.total
	}
	if r.sent > doc.first {
		r.f[fPrev] = ctx(ix.sents[r.sent-1].terms)
	}
	if r.sent > doc.first+1 {
		var seen uint64
		for _, t := range ix.sents[r.sent-1].terms {
			if g := grp[t]; g > 0 {
				seen |= 1 << uint(g-1)
			}
		}
		saved := found
		found |= seen
		r.f[fPrev2] = ctx(ix.sents[r.sent-2].terms)
		found = saved
	}
	if r.sent+2 < doc.end {
		var seen uint64
		for _, t := range ix.sents[r.sent+1].terms {
			if g := grp[t]; g > 0 {
				seen |= 1 << uint(g-1)
			}
		}
		saved := found
		found |= seen
		r.f[fNext2] = ctx(ix.sents[r.sent+2].terms)
		found = saved
	}
	if r.sent+1 < doc.end {
		r.f[fNext] = ctx(ix.sents[r.sent+1].terms)
		if ix.startsWithAnaphor(r.sent + 1) {
			r.f[fNextAnaphor] = r.f[fNext]
		}
	}
	r.f[fTitle] = ctx(doc.title)
	r.f[fPrevDoc] = r.f[fPrev] * r.f[fDoc]
	r.f[fCovLocalDoc] = r.f[fCovLocal] * r.f[fDoc]
	r.f[fPrevSq] = r.f[fPrev] * r.f[fPrev]
	r.f[fDocSq] = r.f[fDoc] * r.f[fDoc]
	r.f[fTitleDoc] = r.f[fTitle] * r.f[fDoc]
	r.f[fBM25Doc] = r.f[fBM25] * r.f[fDoc]
	r.f[fAnsNearBM25] = r.f[fAnsNear] * r.f[fBM25]
}

// localIDF returns the idf of each question group over a document's sentences.
func (ix *rankIndex) localIDF(rq *rankQuery, doc int32) []float64 {
	if w, ok := rq.local[doc]; ok {
		return w
	}
	d := &ix.docs[doc]
	n := float64(d.end - d.first)
	w := make([]float64, len(rq.ids))
	for g, ids := range rq.ids {
		tf := 0.0
		if rq.main[g] {
			for _, p := range ix.dpost[ids[0]] {
				if p.doc == doc {
					tf = float64(p.tf)
					break
				}
			}
		}
		w[g] = math.Log(1 + math.Max(0, n-tf+0.5)/(tf+0.5))
	}
	rq.local[doc] = w
	return w
}

// phrase is the share of the question's content words in the longest run of
// its terms (stop words included) that the sentence repeats in order.
func (ix *rankIndex) phrase(rq *rankQuery, terms []int32, flags []uint8) float64 {
	m := len(rq.seq)
	if m < 2 || len(rq.groups) == 0 {
		return 0
	}
	var runBuf, ccBuf [2][64]int
	if m > 63 {
		m = 63
	}
	best := 0
	for j, t := range terms {
		cur, prev := j%2, (j+1)%2
		for i := 1; i <= m; i++ {
			if rq.seq[i-1] == t {
				runBuf[cur][i] = runBuf[prev][i-1] + 1
				c := 0
				if flags[j]&tokStop == 0 {
					c = 1
				}
				ccBuf[cur][i] = ccBuf[prev][i-1] + c
				if runBuf[cur][i] >= 2 && ccBuf[cur][i] > best {
					best = ccBuf[cur][i]
				}
			} else {
				runBuf[cur][i], ccBuf[cur][i] = 0, 0
			}
		}
	}
	return float64(best) / float64(len(rq.groups))
}

// copulaTerms are the stems of "is", "are", "was", "were".
var copulaTerms = set("is", "ar", "wa", "were")

// defines reports whether a sentence starts with the question's words followed
// by "is" or "was" ("Phycobilins are ...").
func (ix *rankIndex) defines(s *rankSentence, grp []int8) bool {
	k := 0
	for k < len(s.terms) && s.flags[k]&tokStop != 0 && !ix.copula[s.terms[k]] {
		k++
	}
	if k >= len(s.terms) || grp[s.terms[k]] == 0 {
		return false
	}
	for j := k + 1; j < len(s.terms) && j <= k+5; j++ {
		if ix.copula[s.terms[j]] {
			return true
		}
	}
	return false
}

// startsWithAnaphor reports whether a sentence starts with a pronoun such as
// "He" or "This".
func (ix *rankIndex) startsWithAnaphor(i int32) bool {
	return ix.sents[i].anaphor
}
