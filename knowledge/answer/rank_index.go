package answer

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// The fallback search ranks sentences from an in-memory index of the stored
// sentences, built once per store generation: every sentence's terms (exactly
// the stems FTS5 indexes, from knowledge/stem) with a few flags per token,
// postings from terms to sentences and documents, and document frequencies.
// Scoring a question then touches only the postings of its own terms, with no
// round trip to SQLite. A corpus of 10,000 sentences (1.6 MB of text) takes
// about 7 MB besides its text and 0.1 s to index.

// Token flags: what a token of a sentence could answer.
const (
	tokCap   uint8 = 1 << iota // starts with a capital letter, not the sentence's first word
	tokNum                     // a figure: digits or a number word
	tokTime                    // a year, decade, century, month or weekday
	tokStop                    // a function word
	tokFirst                   // the sentence's first word
)

// rankSentence is one indexed sentence.
type rankSentence struct {
	hit   store.Hit
	doc   int32   // index in rankIndex.docs
	terms []int32 // term IDs, in order
	flags []uint8 // token flags, parallel to terms
	// anaphor is set when the sentence starts with a pronoun ("He", "This").
	anaphor bool
	// naming is set when the sentence names something: "called", "known as",
	// quotation marks.
	naming bool
}

// rankDoc is one indexed document.
type rankDoc struct {
	first, end int32   // its sentences: sents[first:end]
	length     int32   // tokens in all its sentences
	title      []int32 // the terms of its title
}

// docPosting is a term's count in one document.
type docPosting struct {
	doc, tf int32
}

// rankIndex is the in-memory index of one store generation.
type rankIndex struct {
	gen    int64
	sents  []rankSentence
	docs   []rankDoc
	ids    map[string]int32 // term -> term ID
	post   [][]int32        // term ID -> sentences holding it, ascending, once each
	dpost  [][]docPosting   // term ID -> documents holding it
	avgLen float64          // mean sentence length in tokens
	avgDoc float64          // mean document length in tokens

	// lower and upper count each term's occurrences after a sentence's first
	// word in lower case and capitalised: names are mostly capitalised.
	lower, upper []int32

	copula map[int32]bool // the IDs of copulaTerms
	byLen  [][]int32      // term IDs by length in bytes, for spelling corrections
	terms  []string       // term ID -> term
	sorted []int32        // term IDs in the order of their terms

	byPath map[string]int32 // document path -> index in docs

	// corpus, set on the index of one question's candidates, holds the
	// store's counts that stand in for the index's own (rank_source.go).
	corpus *corpusCounts
}

// rankSlot holds an engine's sentence index.
type rankSlot struct {
	mu sync.Mutex
	ix *rankIndex
}

// rankIndex returns the engine's sentence index for store generation gen,
// building it when the store changed; above the engine's size, the index of
// the candidates of ctx's question (rank_source.go).
func (e *Engine) rankIndex(ctx context.Context, gen int64) (*rankIndex, error) {
	if cs, c, err := e.candidateStore(ctx, gen); err != nil || cs != nil {
		if err != nil {
			return nil, err
		}
		return e.candidateIndex(ctx, gen, cs, c)
	}
	slot := &e.rank
	slot.mu.Lock()
	defer slot.mu.Unlock()
	if slot.ix != nil && slot.ix.gen == gen {
		return slot.ix, nil
	}
	rows, g, err := e.st.Corpus(ctx)
	if err != nil {
		return nil, err
	}
	slot.ix = buildRankIndex(g, rows)
	return slot.ix, nil
}

// wordInfo is what one word as written adds to a sentence: its terms, which of
// them are stop words, its flags (as a word that does not start the sentence),
// and whether it names something or is a pronoun.
type wordInfo struct {
	ids             []int32
	stop            []bool
	flags           uint8
	naming, anaphor bool
}

// builtRankIndex returns the engine's sentence index for store generation gen
// if it is built and not being rebuilt, else nil.
func (e *Engine) builtRankIndex(gen int64) *rankIndex {
	if !e.rank.mu.TryLock() {
		return nil
	}
	defer e.rank.mu.Unlock()
	if ix := e.rank.ix; ix != nil && ix.gen == gen {
		return ix
	}
	return nil
}

// buildRankIndex indexes sentences given in document order.
func buildRankIndex(gen int64, rows []store.CorpusSentence) *rankIndex {
	ix := &rankIndex{gen: gen, ids: map[string]int32{}, sents: make([]rankSentence, len(rows)), byPath: map[string]int32{}}
	id := func(t string) int32 {
		if i, ok := ix.ids[t]; ok {
			return i
		}
		i := int32(len(ix.post))
		ix.ids[strings.Clone(t)] = i
		ix.post = append(ix.post, nil)
		ix.dpost = append(ix.dpost, nil)
		ix.lower = append(ix.lower, 0)
		ix.upper = append(ix.upper, 0)
		return i
	}
	var total int
	lastDoc := int64(-1)
	var buf []string
	// What each distinct word as written contributes, worked out once: a
	// million sentences hold some twenty million words but few distinct ones.
	words := map[string]*wordInfo{}
	info := func(w string) *wordInfo {
		if wi := words[w]; wi != nil {
			return wi
		}
		lw := strings.ToLower(w)
		wi := &wordInfo{flags: wordFlags(w, false), naming: namingCues[lw], anaphor: anaphors[lw]}
		buf = stem.AppendTerms(buf[:0], w)
		if t, ok := acronymTerm(w, buf); ok && isUpper(w) {
			buf = append(buf[:0], t)
		}
		for _, t := range buf {
			wi.ids = append(wi.ids, id(t))
			wi.stop = append(wi.stop, stem.Stop(t))
		}
		words[strings.Clone(w)] = wi
		return wi
	}
	// All sentences' terms and flags live in two arrays; bounds[i] ends sentence i's.
	size := 0
	for _, r := range rows {
		size += len(r.Text)
	}
	terms := make([]int32, 0, size/5+16) // about a term per five bytes of text
	flags := make([]uint8, 0, size/5+16)
	bounds := make([]int, len(rows))
	for i, r := range rows {
		if r.DocID != lastDoc {
			if len(ix.docs) > 0 {
				ix.docs[len(ix.docs)-1].end = int32(i)
			}
			d := rankDoc{first: int32(i)}
			for _, t := range stem.Terms(r.DocTitle) {
				d.title = append(d.title, id(t))
			}
			ix.docs = append(ix.docs, d)
			ix.byPath[r.DocPath] = int32(len(ix.docs) - 1)
			lastDoc = r.DocID
		}
		doc := int32(len(ix.docs) - 1)
		s := rankSentence{
			hit: store.Hit{SentenceID: r.ID, DocPath: r.DocPath, DocTitle: r.DocTitle, DocDate: r.DocDate, N: r.N, Text: r.Text},
			doc: doc,
		}
		s.naming = strings.ContainsAny(r.Text, "\"“”'‘’")
		first := true
		start := len(terms)
		eachWord(r.Text, func(w string) {
			wi := info(w)
			s.naming = s.naming || wi.naming
			f := wi.flags
			if first {
				s.anaphor = s.anaphor || wi.anaphor
				f = f&^tokCap | tokFirst // wordFlags(w, true)
			}
			lowerCase := !first && f&(tokCap|tokNum) == 0
			first = false
			for k, ti := range wi.ids {
				tf := f
				if wi.stop[k] {
					tf |= tokStop
				}
				terms = append(terms, ti)
				flags = append(flags, tf)
				if f&tokCap != 0 {
					ix.upper[ti]++
				} else if lowerCase {
					ix.lower[ti]++
				}
			}
		})
		bounds[i] = len(terms)
		for _, t := range terms[start:] {
			p := ix.post[t]
			if n := len(p); n == 0 || p[n-1] != int32(i) {
				ix.post[t] = append(p, int32(i))
			}
			dp := ix.dpost[t]
			if n := len(dp); n > 0 && dp[n-1].doc == doc {
				dp[n-1].tf++
			} else {
				ix.dpost[t] = append(dp, docPosting{doc: doc, tf: 1})
			}
		}
		ix.docs[doc].length += int32(len(terms) - start)
		ix.sents[i] = s
	}
	total = len(terms)
	start := 0
	for i, end := range bounds {
		ix.sents[i].terms = terms[start:end:end]
		ix.sents[i].flags = flags[start:end:end]
		start = end
	}
	for t, i := range ix.ids {
		n := len(t)
		for len(ix.byLen) <= n {
			ix.byLen = append(ix.byLen, nil)
		}
		ix.byLen[n] = append(ix.byLen[n], i)
	}
	for _, l := range ix.byLen {
		slices.Sort(l)
	}
	ix.terms = make([]string, len(ix.post))
	for t, i := range ix.ids {
		ix.terms[i] = t
	}
	ix.sorted = make([]int32, len(ix.terms))
	for i := range ix.sorted {
		ix.sorted[i] = int32(i)
	}
	slices.SortFunc(ix.sorted, func(a, b int32) int { return strings.Compare(ix.terms[a], ix.terms[b]) })
	ix.copula = map[int32]bool{}
	for t := range copulaTerms {
		if i, ok := ix.ids[t]; ok {
			ix.copula[i] = true
		}
	}
	if len(ix.docs) > 0 {
		ix.docs[len(ix.docs)-1].end = int32(len(rows))
		ix.avgDoc = float64(total) / float64(len(ix.docs))
	}
	if len(rows) > 0 {
		ix.avgLen = float64(total) / float64(len(rows))
	}
	return ix
}

// docHolds reports whether document doc holds term ID t.
func (ix *rankIndex) docHolds(doc, t int32) bool {
	dp := ix.dpost[t]
	i := sort.Search(len(dp), func(i int) bool { return dp[i].doc >= doc })
	return i < len(dp) && dp[i].doc == doc
}

// docCoverage is the share of a question's weight (rq's groups, by their
// idf) that the document at path holds anywhere: where a question's actors
// and topic meet, the briefing that answers it.
func (ix *rankIndex) docCoverage(rq *rankQuery, path string) float64 {
	doc, ok := ix.byPath[path]
	if !ok || rq.total <= 0 {
		return 0
	}
	held := 0.0
	for g, ids := range rq.ids {
		for _, t := range ids {
			if ix.docHolds(doc, t) {
				held += rq.idf[g]
				break
			}
		}
	}
	return held / rq.total
}

// docSays reports whether the document at path holds the lower-case word w
// as a whole word, as written.
func (ix *rankIndex) docSays(path, w string) bool {
	doc, ok := ix.byPath[path]
	if !ok {
		return false
	}
	d := ix.docs[doc]
	for i := d.first; i < d.end; i++ {
		text := strings.ToLower(ix.sents[i].hit.Text)
		for from := 0; ; {
			j := strings.Index(text[from:], w)
			if j < 0 {
				break
			}
			j += from
			end := j + len(w)
			if (j == 0 || !isWordByte(text[j-1])) && (end == len(text) || !isWordByte(text[end])) {
				return true
			}
			from = j + 1
		}
	}
	return false
}

// minAcronym is the shortest acronym acronymTerm keeps whole.
const minAcronym = 3

// acronymTerm keeps a word whole, in lower case, when stemming would leave
// only function words of it ("ONS", stemmed, is "on"). terms are the word's
// stems. The index keeps only acronyms (isUpper) so; a question's word is
// matched to them (withAcronyms).
func acronymTerm(w string, terms []string) (string, bool) {
	if len(w) < minAcronym || len(terms) == 0 {
		return "", false
	}
	for _, t := range terms {
		if !stem.Stop(t) {
			return "", false
		}
	}
	lw := strings.ToLower(w)
	if stem.Stop(lw) || stopWords[lw] {
		return "", false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return "", false
		}
	}
	return lw, true
}

// isUpper reports whether a word is written in capitals only.
func isUpper(w string) bool {
	return strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// commonWord reports whether the sentences mostly write a word in lower case
// where it is not the first word: a common noun ("hymnal", "magazine") rather
// than a name, even when an actor's name ends with it.
func (ix *rankIndex) commonWord(w string) bool {
	ts := stem.Terms(w)
	if len(ts) != 1 {
		return false
	}
	i, ok := ix.ids[ts[0]]
	return ok && ix.lower[i] > ix.upper[i]
}

// eachWord calls fn with each run of letters, digits and marks in text.
func eachWord(text string, fn func(string)) {
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			fn(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// namingCues are words that introduce a name.
var namingCues = set("called", "named", "known", "termed", "dubbed", "nicknamed",
	"referred", "calls", "call", "names", "name", "title", "titled", "entitled")

// numberWords are figures written out.
var numberWords = set("two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
	"sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand",
	"thousands", "million", "millions", "billion", "billions", "trillion", "dozen",
	"dozens", "half", "twice", "thrice", "double", "triple", "quarter", "third", "percent",
	"one", "single", "none", "both", "several", "numerous", "multiple", "couple",
	"infinite", "infinitely", "once")

// months name months; they count as times when capitalised ("May", not "may").
var months = set("january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// timeWords name times.
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "century", "centuries", "decade", "decades", "bc", "bce", "ad", "ce",
	"yesterday", "today", "tomorrow")

// wordFlags classifies one word of a sentence.
func wordFlags(w string, first bool) uint8 {
	var f uint8
	if first {
		f |= tokFirst
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) && !first {
		f |= tokCap
	}
	digits := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			digits++
		}
	}
	lw := strings.ToLower(w)
	// A figure starts with a digit or a currency sign ("1,500", "£119m"); a
	// name holding one ("MI6", "G8", "A300") is not a figure.
	if digits > 0 && !unicode.IsLetter(r) || numberWords[lw] {
		f |= tokNum
	}
	switch {
	case timeWords[lw], months[lw] && unicode.IsUpper(r):
		f |= tokTime
	case digits == 4 && len(w) == 4 && (w[0] == '1' || w[0] == '2'):
		f |= tokTime // a year
	case digits == 4 && len(w) == 5 && w[4] == 's':
		f |= tokTime // a decade: 1990s
	case digits > 0 && digits == len(w)-2 && (strings.HasSuffix(lw, "th") || strings.HasSuffix(lw, "st") || strings.HasSuffix(lw, "nd") || strings.HasSuffix(lw, "rd")):
		f |= tokTime // an ordinal: 18th (century), 4th (of July)
	}
	return f
}

// minDerived is the shortest stem matched to its derivations.
const minDerived = 5

// derived returns the terms that differ from t only by an ending of up to three
// letters the stemmer left ("discov" and "discoveri", "marri" and "marriag"):
// words of one family. Terms shorter than minDerived have none.
func (ix *rankIndex) derived(t string) []int32 {
	if len(t) < minDerived {
		return nil
	}
	var out []int32
	for n := max(minDerived, len(t)-3); n < len(t); n++ {
		if id, ok := ix.ids[t[:n]]; ok {
			out = append(out, id)
		}
	}
	i, _ := slices.BinarySearchFunc(ix.sorted, t, func(id int32, t string) int { return strings.Compare(ix.terms[id], t) })
	for ; i < len(ix.sorted); i++ {
		x := ix.terms[ix.sorted[i]]
		if !strings.HasPrefix(x, t) {
			break
		}
		if len(x) > len(t) && len(x) <= len(t)+3 {
			out = append(out, ix.sorted[i])
		}
	}
	return out
}

// minCorrect is the shortest term corrected for spelling.
const minCorrect = 5

// correct returns the term a misspelt term most likely stands for: the most
// frequent term of the index one edit away (an insertion, deletion,
// substitution or swap of neighbours). Short terms are not corrected.
func (ix *rankIndex) correct(t string) (int32, bool) {
	if len(t) < minCorrect {
		return 0, false
	}
	best, bestDF := int32(-1), 0
	for n := len(t) - 1; n <= len(t)+1; n++ {
		if n >= len(ix.byLen) {
			break
		}
		for _, id := range ix.byLen[n] {
			if df := len(ix.post[id]); df > bestDF && oneEdit(t, ix.terms[id]) {
				best, bestDF = id, df
			}
		}
	}
	return best, best >= 0
}

// oneEdit reports whether a and b differ by exactly one insertion, deletion,
// substitution or swap of neighbouring bytes.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b):
		if i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] {
			return true // a swap
		}
		return a[i+1:] == b[i+1:]
	case len(a)+1 == len(b):
		return a[i:] == b[i+1:]
	}
	return false
}

// docSpelling returns a name the document at path writes in full whose
// initials spell an acronym (spelledIn), from its first sentence that has one.
func (ix *rankIndex) docSpelling(path, acronym string) (string, bool) {
	doc, ok := ix.byPath[path]
	if !ok {
		return "", false
	}
	d := ix.docs[doc]
	for i := d.first; i < d.end; i++ {
		if name, ok := spelledIn(ix.sents[i].hit.Text, acronym); ok {
			return name, true
		}
	}
	return "", false
}
