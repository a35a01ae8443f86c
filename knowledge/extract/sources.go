package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// accordingTo reads "According to X, ..." and "..., according to X."
func (x *extractor) accordingTo(si int, s *sentence) (found, bool) {
	quoted := quotedTokens(s)
	for k := 0; k+2 < len(s.toks); k++ {
		if quoted[k] {
			continue // part of a quotation
		}
		// "according to X", "as reported by X".
		if !(s.toks[k].low == "according" && s.toks[k+1].low == "to" || s.low(k) == "reported" && s.low(k+1) == "by" && s.low(k-1) == "as") {
			continue
		}
		if s.low(k) == "reported" {
			k-- // from "as"
		}
		from := k + 2
		if s.low(k) == "as" {
			from = k + 3
		}
		sp, end := x.sourceAt(s, from)
		if len(sp) == 0 {
			// "according to South Korea's intelligence agency": the widest mention
			// starting there.
			return found{}, false
		}
		if len(sp) == 1 && end > from && end <= len(s.toks) {
			// The whole phrase names the source: "officials familiar with
			// the talks", "a study by economists at Duke".
			x.mention(s, sp[0], from, end, "source")
			sortMentions(s)
		}
		f := found{speakers: sp, subjStart: k, cue: k, rule: "according to"}
		f.Cue = "according to"
		f.Sentence = s.N
		if k <= 1 { // leading: the content follows the comma
			f.contentBeg, f.contentEnd = skipThat(s, end), len(s.toks)
		} else {
			f.contentBeg, f.contentEnd = 0, k
		}
		f.Content = x.content(s, f.contentBeg, f.contentEnd)
		return f, f.Content != ""
	}
	return found{}, false
}

// sourceAt reads the source named from token k ("according to Russian newspaper
// Vedomosti"): the actor that heads the phrase, which runs to the next comma, is
// the rightmost one named in it; an unknown name at its end becomes an
// organisation.
func (x *extractor) sourceAt(s *sentence, k int) ([]int, int) {
	full := k
	for full < len(s.toks) && s.toks[full].s != "," && s.toks[full].s != ";" && (s.toks[full].s != "." || isInitialDot(s, full)) && !s.toks[full].isQuote() && !finiteCue(s, full) {
		full++
	}
	// The source is the phrase's head, before what modifies it: "initial results
	// [of the phone survey conducted by ...]", "officials [familiar with]".
	end := x.headEnd(s, k, full)
	if end < full && (docNouns[s.low(end-1)] || dataNouns[s.low(end-1)]) {
		// "according to numbers released by Chile's Trade Ministry", "an
		// analysis by The Post": a document speaks for its author.
		for p := end; p < full; p++ {
			if s.low(p) != "by" && s.low(p) != "from" {
				continue
			}
			// The author's phrase, up to the next preposition: its rightmost
			// actor ("by Chile's Trade Ministry on Friday").
			stop := p + 1
			for stop < full && !(prepositions[s.low(stop)] && s.low(stop) != "and") {
				stop++
			}
			best, ok := mention{}, false
			for _, m := range s.mentions {
				if m.i > p && m.j <= stop && (!ok || m.j > best.j) {
					best, ok = m, true
				}
			}
			if ok {
				return []int{best.actor}, full
			}
		}
	}
	if end < full && (s.low(end) == "for" || s.low(end) == "of") && (s.tags[end-1].kind == tRole || groupHeads[s.low(end-1)]) {
		// "according to a spokeswoman for the agency": the title speaks for it.
		o := end + 1
		if s.low(o) == "the" {
			o++
		}
		if m, ok := widestMentionStarting(s, o); ok {
			if sp, _ := x.unnamedFor(s, end-1, m); len(sp) > 0 {
				return sp, full
			}
		}
	}
	best, ok := mention{}, false
	for _, m := range s.mentions {
		if m.i >= k && m.j <= end && (!ok || m.j > best.j || m.j == best.j && m.i < best.i) {
			best, ok = m, true
		}
	}
	if last := end - 1; last >= k && s.tags[last].kind == tName && (!ok || best.j < end) {
		i := last
		for i > k && s.tags[i-1].kind == tName && !s.tags[i].first {
			i--
		}
		name := s.Text[s.toks[i].start:s.toks[last].end]
		id := x.ensure("org:"+strings.ToLower(name), func() *knowledge.Actor {
			return &knowledge.Actor{Name: name, Kind: knowledge.Organisation}
		})
		x.mention(s, id, i, end, "name")
		return []int{id}, full
	}
	if ok && describedTail(s, best.j, end) {
		// "according to Russian state media": the description, not the country.
		if sp, _ := x.unnamed(s, end-1, nil); len(sp) > 0 {
			return sp, full
		}
	}
	if ok {
		return []int{best.actor}, max(best.j, full)
	}
	// "according to him": the person last named.
	if low := s.low(k); (low == "him" || low == "her") && full == k+1 {
		if id, ok := x.lastPerson(s.N-1, s, k); ok {
			x.mention(s, id, k, k+1, "pronoun")
			return []int{id}, full
		}
	}
	if sp, e := x.subjectStartingAt(s, k); len(sp) > 0 {
		return sp, max(e, full)
	}
	// "according to a court filing", "according to public property records":
	// the description the phrase ends with.
	if last := end - 1; last > k && describedFrom(s, k, last) || bareNounPhrase(s, k, end) {
		if sp, _ := x.unnamed(s, end-1, nil); len(sp) > 0 {
			return sp, full
		}
	}
	return nil, 0
}

// bareNounPhrase reports whether tokens k..end are a noun phrase without a
// determiner, ending in a lower-case noun: "poll", "state corporate records",
// "FEC filings".
func bareNounPhrase(s *sentence, k, end int) bool {
	if end <= k || end-k > 4 {
		return false
	}
	for t := k; t < end; t++ {
		if tk := s.toks[t]; tk.kind != word || prepositions[tk.low] || determiners[tk.low] || personPronouns[tk.low] || groupPronouns[tk.low] {
			return false
		}
	}
	head := s.toks[end-1]
	return !head.cap && !commonCaps[head.low] && cueForms[head.low] == "" && !strings.HasSuffix(head.low, "ly")
}

// dataNouns are figures and records that speak for whoever compiled them.
var dataNouns = set("numbers", "figures", "data", "statistics", "records", "documents",
	"results", "filings", "estimates", "polls", "surveys", "reports", "studies", "tally",
	"count", "calculations", "analysis", "research", "projections")

// headEnd returns where the head of the source phrase k..full ends: before the
// first preposition, relative pronoun or participle that modifies it, outside
// any name ("the Bank of England" is one).
func (x *extractor) headEnd(s *sentence, k, full int) int {
	for p := k + 1; p < full; p++ {
		low := s.low(p)
		if !(prepositions[low] && low != "and" || relatives[low] || !s.toks[p].cap && (strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "ing")) && s.toks[p].kind == word) {
			continue
		}
		// "of" between capitalised words is part of a name: "Bank of England".
		inName := (low == "of" || low == "for") && s.toks[p-1].cap && p+1 < full && s.toks[p+1].cap
		for _, m := range s.mentions {
			if m.i < p && m.j > p {
				inName = true
				break
			}
		}
		if !inName {
			return p
		}
	}
	return full
}

// describedTail reports whether tokens i..end, after a mention, are the lower-case
// words of a description it modifies: "[Russian] state media".
func describedTail(s *sentence, i, end int) bool {
	if i >= end || end-i > 3 {
		return false
	}
	for t := i; t < end; t++ {
		if tk := s.toks[t]; tk.kind != word || tk.cap || commonCaps[tk.low] || prepositions[tk.low] || cueForms[tk.low] != "" {
			return false
		}
	}
	return true
}
