package dialog

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
)

// clauseStarts are the words that start a new question after "and": "who is
// the Russian ambassador and what did he say?".
var clauseStarts = set("what", "who", "whom", "whose", "when", "where", "why", "how", "which")

// clauseAux start a new yes/no question after "and" when a pronoun follows:
// "... and did he confirm it?".
var clauseAux = set("did", "does", "do", "has", "have", "is", "was", "will", "can", "could")

// maxParts is the most parts of one question answered.
const maxParts = 4

// clauses splits a question of several questions: at a question mark with more
// after it, and at "and" before a question word.
func clauses(q string) []string {
	toks := tokenize(q)
	var out []string
	start := 0
	cut := func(end, next int) {
		if part := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(q[start:end]), ",;")); part != "" {
			out = append(out, part)
		}
		start = next
	}
	for i, t := range toks {
		if len(out) == maxParts-1 {
			break
		}
		if strings.Contains(t.trail, "?") && i+1 < len(toks) && i >= 1 {
			cut(t.end, t.end)
			continue
		}
		if t.word != "and" || i < 2 || i+1 >= len(toks) || toks[i-1].trail != "" && toks[i-1].trail != "," {
			continue
		}
		next := toks[i+1].word
		if clauseStarts[next] || clauseAux[next] && i+2 < len(toks) && isPronoun(toks[i+2].word) {
			cut(t.start, toks[i+1].start)
		}
	}
	cut(len(q), len(q))
	return out
}

func isPronoun(w string) bool {
	_, ok := pronouns[w]
	return ok
}

// conjunctSep separates the actors of a conjoined subject: "China and Russia",
// "the US, Japan and China".
var conjunctSep = regexp.MustCompile(`(?i)\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*`)

// maxConjunct is the most words of one actor in a conjoined subject.
const maxConjunct = 5

// conjuncts splits a question about several actors into one question each:
// "what did China and Russia say?" → "what did China say?", "what did Russia
// say?". A question about one actor comes back alone.
func conjuncts(q string) []string {
	p := answer.Parse(q)
	if p.Intent != answer.Said && p.Intent != answer.WhoIs || !strings.Contains(" "+p.Subject+" ", " and ") {
		return []string{q}
	}
	re := phraseRegexp(p.Subject)
	if re == nil {
		return []string{q}
	}
	loc := re.FindStringIndex(q)
	if loc == nil {
		return []string{q}
	}
	var out []string
	for _, x := range conjunctSep.Split(q[loc[0]:loc[1]], -1) {
		x = strings.TrimSpace(x)
		if x == "" || len(strings.Fields(x)) > maxConjunct {
			return []string{q}
		}
		out = append(out, q[:loc[0]]+x+q[loc[1]:])
	}
	if len(out) < 2 || len(out) > maxParts {
		return []string{q}
	}
	return out
}

// oneActor reports whether an answer took a conjoined subject as the name of
// one actor ("Trinidad and Tobago").
func oneActor(a knowledge.Answer) bool {
	for _, r := range a.About {
		if r.Phrase != "" && strings.Contains(" "+strings.ToLower(r.Name)+" ", " and ") {
			return true
		}
	}
	return false
}

// marker is a citation marker in an answer's text: "[2]".
var marker = regexp.MustCompile(`\[(\d+)\]`)

// join makes one answer of the answers to a question's parts: their texts in
// order, each part's citations after the last part's, markers renumbered.
// Every part keeps at least one of the citations shown.
func join(parts []knowledge.Answer) knowledge.Answer {
	out := knowledge.Answer{Intent: "multi", Citations: []knowledge.Citation{}}
	// How many citations of each part are shown: one each first, then the
	// rest in order, up to MaxCitations.
	quota := make([]int, len(parts))
	left := answer.MaxCitations
	for i, p := range parts {
		if left > 0 && len(p.Citations) > 0 {
			quota[i], left = 1, left-1
		}
	}
	for i, p := range parts {
		extra := min(left, len(p.Citations)-quota[i])
		if extra > 0 {
			quota[i] += extra
			left -= extra
		}
	}
	answered := 0
	for _, p := range parts {
		if p.Answered {
			answered++
		}
	}
	where := map[string]int{} // citation key → its number (from 1), shown or not
	var texts []string
	var more []knowledge.Citation
	for i, p := range parts {
		out.Answered = out.Answered || p.Answered
		num := make(map[int]int, len(p.Citations))
		for j, c := range p.Citations {
			k := citeKey(c)
			if n, ok := where[k]; ok {
				num[j+1] = n
				continue
			}
			if j < quota[i] {
				out.Citations = append(out.Citations, c)
				where[k] = len(out.Citations)
			} else {
				more = append(more, c)
			}
			num[j+1] = where[k]
		}
		more = append(more, p.More...)
		text := renumber(p.Text, num)
		if !p.Answered && answered > 0 {
			text = firstSentence(text) // no list of known actors amid answers
		}
		texts = append(texts, text)
		for _, r := range p.About {
			if !hasRef(out.About, r) {
				out.About = append(out.About, r)
			}
		}
	}
	for _, c := range more {
		if _, ok := where[citeKey(c)]; !ok {
			where[citeKey(c)] = 0
			out.More = append(out.More, c)
		}
	}
	out.Text = strings.Join(texts, " ")
	return out
}

// renumber rewrites the citation markers of a text by num; a marker of a
// citation not shown is dropped.
func renumber(text string, num map[int]int) string {
	return marker.ReplaceAllStringFunc(text, func(m string) string {
		n, _ := strconv.Atoi(m[1 : len(m)-1])
		if to := num[n]; to > 0 {
			return "[" + strconv.Itoa(to) + "]"
		}
		return ""
	})
}

func hasRef(rs []knowledge.ActorRef, r knowledge.ActorRef) bool {
	for _, x := range rs {
		if x.Name == r.Name {
			return true
		}
	}
	return false
}

// firstSentence is the text up to the end of its first sentence.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}
