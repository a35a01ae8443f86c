package answer

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/gazetteer"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// candidates is how many bm25 hits are reranked.
const candidates = 60

// synonyms are stems that stand for each other in news questions.
var synonyms = [][]string{
	{"troop", "soldier", "forc"},
	{"kill", "die", "dead", "death"},
	{"militari", "armi", "defenc", "defens", "pentagon"},
	{"govern", "govt", "administr"},
	{"sack", "fire", "dismiss"},
	{"talk", "negoti"},
	{"ban", "embargo"},
	{"brit", "british", "briton", "uk"},
	{"american", "us", "america"},
	{"pm", "prime"},
	{"monei", "fund", "cash", "budget"},
	{"percentag", "percent", "cent", "%"},
	{"buy", "purchas", "acquir"},
	{"rise", "increas", "grow", "growth", "up"},
	{"fall", "drop", "declin", "cut"},
	{"visit", "trip", "travel"},
	{"born", "birth"},
}

var synonymOf = func() map[string][]string {
	m := map[string][]string{}
	for _, g := range synonyms {
		for _, a := range g {
			for _, b := range g {
				if a != b {
					m[a] = append(m[a], b)
				}
			}
		}
	}
	return m
}()

// causal words mark sentences that give reasons.
var causal = set("becaus", "due", "reason", "design", "aim", "result", "caus",
	"amid", "tackl", "thank", "led", "blame", "factor", "influenc", "motiv", "why",
	"sinc", "so", "order")

// termGroup is one question word for matching: its stem, and the stems that may
// stand for it (synonyms; a country's name and demonym).
type termGroup struct {
	main string
	alts []string
}

// termGroups stems words for matching, skipping stop words and repeats.
func (e *Engine) termGroups(words []string) []termGroup {
	seen := map[string]bool{}
	var out []termGroup
	for i, w := range words {
		if w == "us" && (i == 0 || words[i-1] != "the") {
			continue // the pronoun, not the country
		}
		ts := stem.Terms(w)
		if w == "us" {
			ts = []string{"us"}
		}
		for _, t := range ts {
			if seen[t] || stem.Stop(t) && t != "us" {
				continue
			}
			seen[t] = true
			g := termGroup{main: t, alts: synonymOf[t]}
			if ent, ok := e.gz.Lookup(w); ok && ent.Kind == gazetteer.Country {
				for _, x := range stem.Terms(e.gz.CountryName(ent.Code) + " " + e.gz.Demonym(ent.Code)) {
					if x != t && !stem.Stop(x) {
						g.alts = append(g.alts, x)
					}
				}
			}
			out = append(out, g)
		}
	}
	return out
}

// words lists every stem of the groups, main and alternatives.
func groupTerms(gs []termGroup) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.main)
		out = append(out, g.alts...)
	}
	return out
}

// weights returns the idf of each group's main stem over the stored sentences,
// and their sum.
func (e *Engine) weights(ctx context.Context, gs []termGroup) (map[string]float64, float64, error) {
	w := map[string]float64{}
	if len(gs) == 0 {
		return w, 0, nil
	}
	terms := make([]string, len(gs))
	for i, g := range gs {
		terms[i] = g.main
	}
	df, n, err := e.st.DocFreq(ctx, terms)
	if err != nil {
		return nil, 0, err
	}
	var total float64
	for _, t := range terms {
		w[t] = math.Log(1 + (float64(n)-float64(df[t])+0.5)/(float64(df[t])+0.5))
		total += w[t]
	}
	return w, total, nil
}

// matchWeight is how much of a group's weight a set of terms carries: all of it
// for its stem, most of it for an alternative.
func matchWeight(g termGroup, w float64, have map[string]bool) float64 {
	if have[g.main] {
		return w
	}
	if anyIn(g.alts, have) {
		return 0.8 * w
	}
	return 0
}

// coverage is the share of the groups' weight found in a sentence's terms.
func coverage(gs []termGroup, weight map[string]float64, total float64, have map[string]bool) float64 {
	if total <= 0 {
		return 0
	}
	var c float64
	for _, g := range gs {
		c += matchWeight(g, weight[g.main], have)
	}
	return math.Min(1, c/total)
}

// scoredHit is a candidate sentence with its score.
type scoredHit struct {
	store.Hit
	score    float64
	coverage float64 // share of the question's weight the sentence (or its context) covers
	quants   []store.QuantityRow
	times    []knowledge.TimeExpr
}

// search answers from the best-ranked sentences: full-text candidates reranked by
// what the question asks for. about, when set, restricts the answer to sentences
// that mention those actors.
func (e *Engine) search(ctx context.Context, ix *index, q Question, about *target) (reply, error) {
	words := contentWords(q.Words)
	groups := e.termGroups(words)
	if len(groups) == 0 {
		return reply{}, nil
	}
	expanded := append([]string{}, words...)
	for _, g := range groups {
		expanded = append(expanded, g.alts...)
	}
	hits, err := e.st.Search(ctx, store.Terms(expanded), candidates)
	if err != nil || len(hits) == 0 {
		return reply{}, err
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.SentenceID
	}
	facts, err := e.st.Facts(ctx, ids)
	if err != nil {
		return reply{}, err
	}
	prev, err := e.st.Neighbours(ctx, ids)
	if err != nil {
		return reply{}, err
	}
	weight, totalWeight, err := e.weights(ctx, groups)
	if err != nil {
		return reply{}, err
	}
	aboutIDs := map[int64]bool{}
	if about != nil {
		for _, i := range append(append([]int{}, about.direct...), about.affiliates...) {
			aboutIDs[ix.actors[i].ID] = true
		}
	}
	qActors := e.questionActors(ix, q)
	focus := uniqueTerms(strings.Fields(q.Focus))
	mains := make([]string, len(groups))
	for i, g := range groups {
		mains[i] = g.main
	}
	scored := make([]scoredHit, 0, len(hits))
	for rank, h := range hits {
		sh := scoredHit{Hit: h, quants: facts.Quantities[h.SentenceID], times: facts.Times[h.SentenceID]}
		sterms := stem.Terms(h.Text)
		terms := termSet(sterms)
		var prevTerms map[string]bool
		if p, ok := prev[h.SentenceID]; ok {
			prevTerms = termSet(stem.Terms(p.Text))
		}
		var covered, s float64
		for _, g := range groups {
			w := weight[g.main]
			if m := matchWeight(g, w, terms); m > 0 {
				covered += m
				s += m
			} else if m := matchWeight(g, w, prevTerms); m > 0 {
				covered += 0.5 * m
				s += 0.35 * m
			}
		}
		// Consecutive question words in the sentence.
		s += 0.3 * bigrams(mains, sterms, weight)
		// Long sentences match by chance.
		if n := len(terms); n > 30 {
			s *= 30 / (30 + 0.3*float64(n-30))
		}
		mentioned := map[int64]bool{}
		for _, m := range facts.Mentions[h.SentenceID] {
			mentioned[m.ActorID] = true
		}
		if about != nil {
			hit := false
			for id := range mentioned {
				if aboutIDs[id] {
					hit = true
				}
			}
			if !hit {
				continue
			}
		}
		for _, key := range qActors {
			for _, i := range ix.byKey[key] {
				if mentioned[ix.actors[i].ID] {
					s += 0.5
					break
				}
			}
		}
		s += e.intentBonus(q, sh, terms, focus, ix, mentioned)
		if h.Text == h.DocTitle {
			s -= 0.5 // a headline: the body says it better
		}
		s -= 0.0005 * float64(rank)
		sh.score = s
		if totalWeight > 0 {
			sh.coverage = covered / totalWeight
		}
		scored = append(scored, sh)
	}
	if len(scored) == 0 {
		return reply{}, nil
	}
	sort.SliceStable(scored, func(i, j int) bool { return scored[i].score > scored[j].score })
	if !e.confident(q, scored[0], totalWeight) {
		return reply{}, nil
	}
	return e.composeSearch(q, scored, focus), nil
}

// questionActors lists the keys of actors named in the question.
func (e *Engine) questionActors(ix *index, q Question) []string {
	var keys []string
	seen := map[string]bool{}
	w := q.Words
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(w); i++ {
			p := strings.Join(w[i:i+n], " ")
			if stopWords[p] {
				continue
			}
			for _, id := range ix.byAlias[p] {
				k := ix.actors[id].Key
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// intentBonus scores what the question asks for: a figure, a date, a place, a
// reason, a person.
func (e *Engine) intentBonus(q Question, h scoredHit, terms map[string]bool, focus []string, ix *index, mentioned map[int64]bool) float64 {
	switch q.Intent {
	case Quantity:
		b := 0.0
		if len(h.quants) > 0 || hasDigit(h.Text) {
			b += 1.5
		}
		for _, qt := range h.quants {
			ct := termSet(stem.Terms(qt.Counted + " " + qt.Unit))
			for _, f := range focus {
				if ct[f] || anyIn(synonymOf[f], ct) {
					b += 1.5
					break
				}
			}
		}
		return b
	case When:
		if len(h.times) > 0 {
			return 1.5
		}
		if hasDigit(h.Text) {
			return 0.5
		}
	case Where:
		b := 0.0
		for id := range mentioned {
			_ = id
			b = 0.5
		}
		if strings.Contains(h.Text, " in ") || strings.Contains(h.Text, " at ") {
			b += 0.5
		}
		return b
	case Why:
		b := 0.0
		for t := range terms {
			if causal[t] {
				b += 0.4
			}
		}
		return math.Min(b, 1.2)
	}
	if len(q.Words) > 0 && q.Words[0] == "who" {
		for id := range mentioned {
			for _, a := range ix.actors {
				if a.ID == id && a.Kind == knowledge.Person {
					return 1
				}
			}
		}
	}
	return 0
}

// confident decides whether the best sentence supports an answer at all.
func (e *Engine) confident(q Question, best scoredHit, total float64) bool {
	if total <= 0 {
		return false
	}
	return best.coverage >= 0.3
}

// composeSearch writes the answer from ranked sentences.
func (e *Engine) composeSearch(q Question, scored []scoredHit, focus []string) reply {
	best := scored[0]
	var r reply
	for i, s := range scored {
		if i >= MaxCitations*2 || s.score < best.score*0.5 {
			break
		}
		r.cites = append(r.cites, cite(s.Hit))
	}
	switch q.Intent {
	case Quantity:
		var parts []part
		for _, s := range scored {
			if s.score < best.score*0.6 || len(parts) >= 3 {
				break
			}
			for _, qt := range s.quants {
				if len(parts) > 0 && !countsFocus(qt.Quantity, focus) {
					continue
				}
				parts = append(parts, part{doc: s.DocPath, title: s.DocTitle, text: quantityText(qt.Quantity)})
				break
			}
		}
		if len(parts) > 0 {
			r.text = compose(parts)
			return r
		}
	case When:
		if len(best.times) > 0 {
			t := best.times[0]
			if t.Event != "" {
				r.text = sentence(fmt.Sprintf("%s: %s", capitalize(t.Text), t.Event))
			} else {
				r.text = sentence(capitalize(t.Text))
			}
			r.text += " " + clip(best.Text, 300)
			return r
		}
	}
	r.text = clip(best.Text, 400)
	return r
}

// countsFocus reports whether a figure counts what the question asks about.
func countsFocus(q knowledge.Quantity, focus []string) bool {
	if len(focus) == 0 {
		return true
	}
	ct := termSet(stem.Terms(q.Counted))
	for _, f := range focus {
		if ct[f] || anyIn(synonymOf[f], ct) {
			return true
		}
	}
	return false
}

// quantityText renders a figure with its hedge and source: "approximately 1,500
// North Korean soldiers, according to South Korea's intelligence agency".
func quantityText(q knowledge.Quantity) string {
	s := q.Text
	if q.Counted != "" {
		s += " " + q.Counted
	}
	if q.Source != "" {
		s += ", according to " + q.Source
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// uniqueTerms stems words, dropping stop words and repeats.
func uniqueTerms(words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range stem.Terms(strings.Join(words, " ")) {
		if stem.Stop(t) || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

func termSet(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

func anyIn(ts []string, set map[string]bool) bool {
	for _, t := range ts {
		if set[t] {
			return true
		}
	}
	return false
}

// bigrams sums the weight of consecutive question term pairs found consecutively
// in the sentence.
func bigrams(q []string, s []string, weight map[string]float64) float64 {
	pairs := map[[2]string]bool{}
	for i := 0; i+1 < len(s); i++ {
		pairs[[2]string{s[i], s[i+1]}] = true
	}
	var b float64
	for i := 0; i+1 < len(q); i++ {
		if pairs[[2]string{q[i], q[i+1]}] {
			b += (weight[q[i]] + weight[q[i+1]]) / 2
		}
	}
	return b
}
