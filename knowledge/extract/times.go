package extract

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// timePreps may open a time expression: "in June", "since 2003".
var timePreps = set("in", "on", "since", "by", "until", "till", "from", "before",
	"after", "during", "early", "late", "mid", "earlier", "later", "throughout", "of")

// relativeUnits follow "last", "next" or "this": "last week".
var relativeUnits = set("week", "month", "year", "weekend", "summer", "winter",
	"spring", "autumn", "fall", "decade", "century", "night", "morning", "evening",
	"quarter", "season", "term", "time")

// seasons may precede a year: "spring 2006".
var seasons = set("spring", "summer", "autumn", "fall", "winter")

// findTimes records the time expressions of sentence s.
func (x *extractor) findTimes(s *sentence) {
	for k := 0; k < len(s.toks); k++ {
		t, end, ok := timeAt(s, k)
		if !ok {
			continue
		}
		t.Sentence = s.N
		t.Event = event(s, k, end)
		x.times = append(x.times, t)
		k = end - 1
	}
}

// timeAt reads a time expression starting at token k.
func timeAt(s *sentence, k int) (knowledge.TimeExpr, int, bool) {
	var te knowledge.TimeExpr
	toks := s.toks
	i := k
	if timePreps[toks[i].low] && i+1 < len(toks) {
		i++
		if toks[i].low == "the" && i+1 < len(toks) {
			i++
		}
	}
	j, norm := i, ""
	low := func(n int) string {
		if n < len(toks) {
			return toks[n].low
		}
		return ""
	}
	switch {
	case toks[i].kind == num && len(toks[i].s) <= 2 && months[low(i+1)] > 0:
		// "7 March 2003", "20 February"
		day, _ := strconv.Atoi(toks[i].s)
		m := months[low(i+1)]
		j = i + 2
		if y, ok := year(toks, j); ok {
			norm, j = fmt.Sprintf("%04d-%02d-%02d", y, m, day), j+1
		} else {
			norm = fmt.Sprintf("--%02d-%02d", m, day)
		}
	case months[toks[i].low] > 0 && toks[i].cap && (toks[i].low != "may" && toks[i].low != "march" || i > k || isNum(toks, i+1)):
		m := months[toks[i].low]
		j = i + 1
		if j < len(toks) && toks[j].kind == num && len(toks[j].s) <= 2 {
			day, _ := strconv.Atoi(toks[j].s)
			j++
			if j < len(toks) && toks[j].s == "," {
				j++
			}
			if y, ok := year(toks, j); ok {
				norm, j = fmt.Sprintf("%04d-%02d-%02d", y, m, day), j+1
			} else {
				norm = fmt.Sprintf("--%02d-%02d", m, day)
			}
		} else if y, ok := year(toks, j); ok {
			norm, j = fmt.Sprintf("%04d-%02d", y, m), j+1
		} else {
			norm = fmt.Sprintf("--%02d", m)
		}
	case seasons[toks[i].low] && isYearAt(toks, i+1):
		y, _ := year(toks, i+1)
		norm, j = fmt.Sprintf("%04d", y), i+2
	case isYearAt(toks, i) && (i > k || k == 0 || !isNum(toks, k-1)):
		y, _ := year(toks, i)
		norm, j = fmt.Sprintf("%04d", y), i+1
		if j < len(toks) && toks[j].s == "s" {
			j++
		}
	case toks[i].kind == num && strings.HasSuffix(toks[i].low, "0s") && len(toks[i].low) == 5:
		norm, j = toks[i].low[:3], i+1 // the 1990s: 199
	case weekdays[toks[i].low]:
		j = i + 1
	case (toks[i].low == "last" || toks[i].low == "next" || toks[i].low == "this" || toks[i].low == "earlier" || toks[i].low == "later") && relativeUnits[low(i+1)]:
		j = i + 2
	case toks[i].low == "earlier" && low(i+1) == "this" && relativeUnits[low(i+2)]:
		j = i + 3
	case (toks[i].low == "yesterday" || toks[i].low == "today" || toks[i].low == "tomorrow" || toks[i].low == "tonight") && i == k:
		j = i + 1
	case toks[i].low == "first" || toks[i].low == "second":
		// "the first half of 2006"
		if (low(i+1) == "half" || low(i+1) == "quarter") && low(i+2) == "of" && isYearAt(toks, i+3) {
			y, _ := year(toks, i+3)
			norm, j = fmt.Sprintf("%04d", y), i+4
		}
	}
	if j == i {
		return te, 0, false
	}
	te.Text = strings.TrimSpace(s.Text[toks[k].start:toks[j-1].end])
	te.Norm = norm
	return te, j, true
}

func isNum(toks []token, i int) bool { return i < len(toks) && toks[i].kind == num }

// year reads a four-digit year at token i.
func year(toks []token, i int) (int, bool) {
	if !isYearAt(toks, i) {
		return 0, false
	}
	y, _ := strconv.Atoi(toks[i].s)
	return y, true
}

// isYearAt reports whether token i is a plausible year.
func isYearAt(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != num || len(toks[i].s) != 4 {
		return false
	}
	y, err := strconv.Atoi(toks[i].s)
	if err != nil || y < 1000 || y > 2100 {
		return false
	}
	// Not a count: "2000 troops", "$1200".
	if i > 0 && currencies[toks[i-1].s] != "" {
		return false
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		if n.kind == word && !n.cap && strings.HasSuffix(n.low, "s") && !countStop[n.low] && n.low != "was" && n.low != "as" {
			return false
		}
	}
	return true
}

// event returns the clause a time expression at tokens k..end dates: the words
// before it back to the clause's start, or, when there are none, after it.
func event(s *sentence, k, end int) string {
	b := k
	for b > 0 {
		p := s.toks[b-1]
		if p.s == "," || p.s == ";" || p.s == ":" || p.s == "(" || p.low == "that" && b-1 > 0 || p.s == "—" {
			break
		}
		b--
	}
	if k-b > 16 {
		b = k - 16
	}
	if k-b >= 2 {
		return trimContent(s.Text[s.toks[b].start:s.toks[k-1].end])
	}
	e := end
	if e < len(s.toks) && s.toks[e].s == "," {
		e++
	}
	f := e
	for f < len(s.toks) && f-e < 16 && s.toks[f].s != ";" && !(s.toks[f].s == "," && f-e > 3) {
		f++
	}
	if f > e {
		return trimContent(s.Text[s.toks[e].start:s.toks[f-1].end])
	}
	return ""
}
