package extract

import (
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// currencies before a figure.
var currencies = map[string]string{"$": "$", "£": "£", "€": "€", "¥": "¥"}

// countStop ends what a figure counts.
var countStop = set("have", "has", "had", "is", "are", "was", "were", "will", "would",
	"could", "can", "may", "might", "should", "must", "be", "been", "including", "in",
	"to", "from", "by", "for", "with", "on", "at", "as", "than", "that", "which", "who",
	"and", "or", "but", "after", "before", "since", "during", "into", "a", "an", "the",
	"per", "each", "while", "when", "if", "because", "so", "this", "these", "its",
	"their", "his", "her", "our", "over", "under", "about", "more", "less", "ago",
	"between", "among", "across", "against", "said", "says", "according", "of")

// findQuantities records the figures of sentence s.
func (x *extractor) findQuantities(s *sentence) {
	for k := 0; k < len(s.toks); k++ {
		q, end, ok := x.quantityAt(s, k)
		if !ok {
			continue
		}
		q.Sentence = s.N
		x.attribute(s, &q)
		x.quantities = append(x.quantities, q)
		k = end - 1
	}
}

// quantityAt reads a figure starting at token k and returns it with the token
// after it.
func (x *extractor) quantityAt(s *sentence, k int) (knowledge.Quantity, int, bool) {
	var q knowledge.Quantity
	q.Claimant = -1
	i := k
	unit := ""
	if c, ok := currencies[s.toks[i].s]; ok && i+1 < len(s.toks) && s.toks[i+1].end == s.toks[i+1].start+len(s.toks[i+1].s) {
		unit = c
		i++
		if i >= len(s.toks) {
			return q, 0, false
		}
	}
	v, hi, suffix, ok := parseFigure(s.toks[i])
	j := i + 1
	if !ok {
		w, isWord := numberWords[s.toks[i].low]
		if !isWord || s.toks[i].low == "half" || s.toks[i].low == "quarter" {
			return q, 0, false
		}
		if s.toks[i].low == "one" && !(j < len(s.toks) && scaleWords[s.toks[j].low] > 0) {
			return q, 0, false
		}
		v, hi = w, w
		// "two and a half", "twenty-five" (a single token is fine).
		if j+2 < len(s.toks) && s.toks[j].low == "and" && s.toks[j+1].low == "a" && s.toks[j+2].low == "half" {
			v, hi, j = v+0.5, hi+0.5, j+3
		}
	}
	if unit == "" && suffix == "" && isYear(s, i) {
		return q, 0, false
	}
	// A day of the month: "7 March".
	if j < len(s.toks) && months[s.toks[j].low] > 0 && v >= 1 && v <= 31 {
		return q, 0, false
	}
	// Ranges: "100-120" came as one token; "between X and Y", "X to Y", "X–Y".
	if j+1 < len(s.toks) && (s.toks[j].s == "–" || s.toks[j].s == "-" || s.toks[j].low == "to" || s.toks[j].low == "and" && k > 0 && s.toks[k-1].low == "between") {
		n := j + 1
		if n < len(s.toks) && currencies[s.toks[n].s] != "" {
			n++
		}
		if n < len(s.toks) {
			if v2, _, suf2, ok := parseFigure(s.toks[n]); ok && v2 > v {
				hi, j = v2, n+1
				if suffix == "" {
					suffix = suf2
				}
			}
		}
	}
	scale := 1.0
	switch suffix {
	case "bn":
		scale = 1e9
	case "m", "mn":
		scale = 1e6
	case "k":
		scale = 1e3
	case "tn":
		scale = 1e12
	case "%":
		unit += "%"
	}
	if scale == 1 && j < len(s.toks) && scaleWords[s.toks[j].low] > 0 {
		scale = scaleWords[s.toks[j].low]
		j++
	}
	if j+1 < len(s.toks) && s.toks[j].low == "per" && (s.toks[j+1].low == "cent" || s.toks[j+1].low == "cent.") {
		unit += "%"
		j += 2
	} else if j < len(s.toks) && s.toks[j].low == "percent" {
		unit += "%"
		j++
	}
	q.Value, q.High, q.Unit = v*scale, hi*scale, unit
	// The hedge just before.
	q.Hedge = hedgeBefore(s, k)
	start := k
	if q.Hedge != "" {
		start = k - len(strings.Fields(q.Hedge))
	}
	// What is counted: the noun phrase after the figure.
	c := j
	for c < len(s.toks) && c-j < 5 && countable(s, c) {
		c++
	}
	if c < len(s.toks) && c == j && s.toks[c].low == "of" { // "60% of its output"
		c++
		if c < len(s.toks) && (s.toks[c].low == "its" || s.toks[c].low == "the" || s.toks[c].low == "their" || s.toks[c].low == "all") {
			c++
		}
		for c < len(s.toks) && c-j < 6 && countable(s, c) {
			c++
		}
		if c == j+1 || s.toks[c-1].low == "its" || s.toks[c-1].low == "the" {
			c = j
		}
	}
	if c > j {
		q.Counted = strings.TrimSpace(s.Text[s.toks[j].start:s.toks[c-1].end])
	}
	q.Text = strings.TrimSpace(s.Text[s.toks[start].start:s.toks[j-1].end])
	if q.Counted == "" && q.Unit == "" && scale == 1 && (q.Value < 2 || q.Value != float64(int64(q.Value))) && q.Hedge == "" {
		return q, 0, false // a bare "1" or "2.5" says little
	}
	return q, j, true
}

// countable reports whether token c can be part of what a figure counts: a word
// that is not a function word, a cue, or a verb in the past tense ("1,500 troops
// arrived"; but "1,500 armed men").
func countable(s *sentence, c int) bool {
	t := s.toks[c]
	if t.kind == punct && t.s != "-" || countStop[t.low] || cueForms[t.low] != "" && !t.cap {
		return false
	}
	if strings.HasSuffix(t.low, "ed") && !t.cap {
		next := c + 1
		return next < len(s.toks) && s.toks[next].kind == word && !countStop[s.toks[next].low]
	}
	return true
}

// parseFigure reads a numeric token: "1,500", "9.3bn", "20.1%", "100-120".
func parseFigure(t token) (v, hi float64, suffix string, ok bool) {
	if t.kind != num {
		return 0, 0, "", false
	}
	s := strings.ReplaceAll(t.low, ",", "")
	if a, b, found := strings.Cut(s, "-"); found {
		v1, _, suf1, ok1 := parseFigure(token{low: a, kind: num})
		v2, _, suf2, ok2 := parseFigure(token{low: b, kind: num})
		if ok1 && ok2 && v2 > v1 {
			if suf1 == "" {
				suf1 = suf2
			}
			return v1, v2, suf1, true
		}
		return 0, 0, "", false
	}
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.') {
		end++
	}
	suffix = s[end:]
	switch suffix {
	case "", "bn", "m", "mn", "k", "tn", "%":
	case "s": // the 1990s
		return 0, 0, "", false
	default:
		return 0, 0, "", false
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s[:end], "."), 64)
	if err != nil {
		return 0, 0, "", false
	}
	return f, f, suffix, true
}

// isYear reports whether the number at k is a year: four digits from 1800 to 2100
// not followed by what it would count.
func isYear(s *sentence, k int) bool {
	t := s.toks[k]
	if len(t.s) != 4 || strings.ContainsAny(t.s, ",.") {
		return false
	}
	n, err := strconv.Atoi(t.s)
	if err != nil || n < 1800 || n > 2100 {
		return false
	}
	if k+1 < len(s.toks) {
		next := s.toks[k+1]
		if next.kind == word && !next.cap && !countStop[next.low] && strings.HasSuffix(next.low, "s") && next.low != "was" {
			return false // "2000 troops"
		}
	}
	return true
}

// hedgeBefore returns the hedge that ends just before token k, or "".
func hedgeBefore(s *sentence, k int) string {
	for _, h := range hedges {
		w := strings.Fields(h)
		if k < len(w) {
			continue
		}
		ok := true
		for i, hw := range w {
			if s.toks[k-len(w)+i].low != hw {
				ok = false
				break
			}
		}
		if ok {
			return s.Text[s.toks[k-len(w)].start:s.toks[k-1].end]
		}
	}
	return ""
}

// sourcePronouns never name a figure's source: the actor's name does.
var sourcePronouns = set("he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "me")

// attribute finds who claims a figure: "according to X" in the sentence, else the
// sentence's speaker.
func (x *extractor) attribute(s *sentence, q *knowledge.Quantity) {
	for k := 0; k+2 < len(s.toks); k++ {
		if s.toks[k].low == "according" && s.toks[k+1].low == "to" {
			if sp, end := x.sourceAt(s, k+2); len(sp) > 0 {
				q.Claimant = sp[0]
				q.Source = strings.TrimSpace(s.Text[s.toks[k+2].start:s.toks[end-1].end])
				return
			}
		}
	}
	for _, st := range x.statements {
		if st.Sentence == s.N {
			q.Claimant = st.Speaker
			q.Source = x.actors[st.Speaker].Name
			for _, m := range s.mentions {
				if m.actor == st.Speaker {
					// The words the sentence uses ("the ministry"), but a
					// pronoun stands for the name.
					if text := s.Text[s.toks[m.i].start:s.toks[m.j-1].end]; !sourcePronouns[strings.ToLower(text)] {
						q.Source = text
					}
					break
				}
			}
			// "Scientists say ..." is cited as "according to scientists".
			if x.actors[st.Speaker].Kind == knowledge.Group && len(s.toks) > 0 && strings.HasPrefix(s.Text, q.Source) &&
				strings.HasPrefix(q.Source, s.toks[0].s) && (s.tags[0].kind == tNone || s.tags[0].kind == tName || s.tags[0].kind == tRole) {
				q.Source = s.toks[0].low + q.Source[len(s.toks[0].s):]
			}
			return
		}
	}
}
