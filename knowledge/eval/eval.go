// Package eval scores answers against question sets in the format of
// shared/eval/FORMAT.md: top1, recall@5, answer_contains, abstain_ok and score,
// citation precision and other-briefing citations, for briefbot and for the
// plain FTS5 bm25 baseline it must beat.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Question is one line of a question set.
type Question struct {
	ID             string   `json:"id"`
	Doc            string   `json:"doc,omitempty"`
	Question       string   `json:"question"`
	Expect         []string `json:"expect"`
	AnswerContains []string `json:"answer_contains,omitempty"`
}

// Load reads a question set.
func Load(file string) ([]Question, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("load questions: %w", err)
	}
	defer f.Close()
	return Read(f, file)
}

// Read reads a question set from r; name is used in errors.
func Read(r io.Reader, name string) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(text), &q); err != nil {
			return nil, fmt.Errorf("load questions: %s:%d: %w", name, line, err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load questions: %s: %w", name, err)
	}
	return qs, nil
}

// Sample returns n questions chosen at random with a fixed seed, in their
// original order; all of them when n <= 0 or n >= len(qs).
func Sample(qs []Question, n int, seed int64) []Question {
	if n <= 0 || n >= len(qs) {
		return qs
	}
	idx := rand.New(rand.NewSource(seed)).Perm(len(qs))[:n]
	keep := make([]bool, len(qs))
	for _, i := range idx {
		keep[i] = true
	}
	out := make([]Question, 0, n)
	for i, q := range qs {
		if keep[i] {
			out = append(out, q)
		}
	}
	return out
}

// Half keeps the questions of one half of a set split by briefing: the
// distinct briefings the questions ask about (their doc), in sorted order,
// alternate between half "A" (the first, third, ...) and half "B". A change is
// judged on the half whose failures were not read. Questions without a doc
// belong to neither half. "" keeps every question.
func Half(qs []Question, half string) ([]Question, error) {
	if half == "" {
		return qs, nil
	}
	if half != "A" && half != "B" {
		return nil, fmt.Errorf("half %q: want A or B", half)
	}
	var docs []string
	for _, q := range qs {
		if q.Doc != "" && !slices.Contains(docs, q.Doc) {
			docs = append(docs, q.Doc)
		}
	}
	slices.Sort(docs)
	inA := map[string]bool{}
	for i, d := range docs {
		inA[d] = i%2 == 0
	}
	var out []Question
	for _, q := range qs {
		if q.Doc != "" && inA[q.Doc] == (half == "A") {
			out = append(out, q)
		}
	}
	return out, nil
}

// Asker answers a question.
type Asker func(ctx context.Context, question string) (knowledge.Answer, error)

// Outcome is how one question fared.
type Outcome struct {
	Question Question
	Answer   knowledge.Answer
	Top1     bool // the first citation is correct (answerable questions)
	Abstain  bool // correctly abstained (unanswerable questions)
	Found    int  // expect pieces among the first five citations
	Contains int  // answer_contains strings in the answer
	// Cited is how many citations an answered answerable question showed;
	// Relevant how many of them hold an expect piece (from the right file);
	// Elsewhere how many come from another file than the question's doc.
	Cited, Relevant, Elsewhere int
}

// Correct reports whether the question counts towards the score.
func (o Outcome) Correct() bool { return o.Top1 || o.Abstain }

// Result sums up a run.
type Result struct {
	Outcomes []Outcome
	// Counts
	Questions, Answerable, Unanswerable  int
	Top1Hits, AbstainHits                int
	ExpectTotal, ExpectFound             int
	ContainsTotal, ContainsFound         int
	Cited, CitedRelevant, CitedElsewhere int
}

// Top1 is the share of answerable questions whose first citation is correct.
func (r Result) Top1() float64 { return ratio(r.Top1Hits, r.Answerable) }

// Recall5 is the share of expect pieces found among the first five citations.
func (r Result) Recall5() float64 { return ratio(r.ExpectFound, r.ExpectTotal) }

// AnswerContains is the share of answer_contains strings found in answers.
func (r Result) AnswerContains() float64 { return ratio(r.ContainsFound, r.ContainsTotal) }

// AbstainOK is the share of unanswerable questions answered with no citation.
func (r Result) AbstainOK() float64 { return ratio(r.AbstainHits, r.Unanswerable) }

// CitationPrecision is, over the answered answerable questions, the share of
// the citations shown whose sentence holds an expect piece.
func (r Result) CitationPrecision() float64 { return ratio(r.CitedRelevant, r.Cited) }

// OtherBriefing is the share of those citations taken from another file than
// the question's doc.
func (r Result) OtherBriefing() float64 { return ratio(r.CitedElsewhere, r.Cited) }

// CitationsPerAnswer is how many citations an answered answerable question
// shows on average.
func (r Result) CitationsPerAnswer() float64 {
	answered := 0
	for _, o := range r.Outcomes {
		if o.Cited > 0 {
			answered++
		}
	}
	return ratio(r.Cited, answered)
}

// WrongAnswered is the calibration of the confidence floor from above: the
// share of the questions answered (with a citation) whose answer is wrong, an
// unanswerable question answered or an answerable one whose first citation
// is not right.
func (r Result) WrongAnswered() float64 {
	answered, wrong := 0, 0
	for _, o := range r.Outcomes {
		if len(o.Answer.Citations) == 0 {
			continue
		}
		answered++
		if !o.Top1 {
			wrong++
		}
	}
	return ratio(wrong, answered)
}

// WronglyDeclined is the calibration from below: the share of the questions
// declined (no citation) that the briefings answer.
func (r Result) WronglyDeclined() float64 {
	declined, wrong := 0, 0
	for _, o := range r.Outcomes {
		if len(o.Answer.Citations) > 0 {
			continue
		}
		declined++
		if len(o.Question.Expect) > 0 {
			wrong++
		}
	}
	return ratio(wrong, declined)
}

// Score is (top1 hits + correct abstentions) / all questions.
func (r Result) Score() float64 { return ratio(r.Top1Hits+r.AbstainHits, r.Questions) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Run asks every question and scores the answers.
func Run(ctx context.Context, qs []Question, ask Asker) (Result, error) {
	var r Result
	for _, q := range qs {
		a, err := ask(ctx, q.Question)
		if err != nil {
			return r, fmt.Errorf("eval %s: %w", q.ID, err)
		}
		r.add(Score(q, a))
	}
	return r, nil
}

// add counts one outcome in.
func (r *Result) add(o Outcome) {
	q := o.Question
	r.Outcomes = append(r.Outcomes, o)
	r.Questions++
	if len(q.Expect) == 0 {
		r.Unanswerable++
		if o.Abstain {
			r.AbstainHits++
		}
	} else {
		r.Answerable++
		if o.Top1 {
			r.Top1Hits++
		}
		r.ExpectTotal += len(q.Expect)
		r.ExpectFound += o.Found
		r.Cited += o.Cited
		r.CitedRelevant += o.Relevant
		r.CitedElsewhere += o.Elsewhere
	}
	r.ContainsTotal += len(q.AnswerContains)
	r.ContainsFound += o.Contains
}

// IntentResult is the part of a run whose answers had one intent.
type IntentResult struct {
	Intent string
	Result
}

// ByIntent splits a run by the intent each answer was given (said, search,
// quantity, ...), in order of intent name: the confidence floor's calibration
// (WrongAnswered, WronglyDeclined) of each path of the answer.
func (r Result) ByIntent() []IntentResult {
	parts := map[string]*Result{}
	for _, o := range r.Outcomes {
		p := parts[o.Answer.Intent]
		if p == nil {
			p = &Result{}
			parts[o.Answer.Intent] = p
		}
		p.add(o)
	}
	out := make([]IntentResult, 0, len(parts))
	for intent, p := range parts {
		out = append(out, IntentResult{intent, *p})
	}
	slices.SortFunc(out, func(a, b IntentResult) int { return strings.Compare(a.Intent, b.Intent) })
	return out
}

// Score scores one answer.
func Score(q Question, a knowledge.Answer) Outcome {
	o := Outcome{Question: q, Answer: a}
	if len(q.Expect) == 0 {
		o.Abstain = len(a.Citations) == 0
	} else {
		if len(a.Citations) > 0 && correct(q, a.Citations[0]) {
			o.Top1 = true
		}
		first := a.Citations
		if len(first) > 5 {
			first = first[:5]
		}
		for _, c := range a.Citations {
			o.Cited++
			if correct(q, c) {
				o.Relevant++
			}
			if !docOK(q, c) {
				o.Elsewhere++
			}
		}
		for _, piece := range q.Expect {
			p := Fold(piece)
			for _, c := range first {
				if docOK(q, c) && strings.Contains(Fold(c.Text), p) {
					o.Found++
					break
				}
			}
		}
	}
	text := Fold(a.Text)
	for _, s := range q.AnswerContains {
		if strings.Contains(text, Fold(s)) {
			o.Contains++
		}
	}
	return o
}

func correct(q Question, c knowledge.Citation) bool {
	if !docOK(q, c) {
		return false
	}
	t := Fold(c.Text)
	for _, piece := range q.Expect {
		if strings.Contains(t, Fold(piece)) {
			return true
		}
	}
	return false
}

func docOK(q Question, c knowledge.Citation) bool {
	return q.Doc == "" || path.Base(c.Document) == q.Doc || c.Document == q.Doc
}

// Fold compares text as FORMAT.md says: case-blind, curly quotes and dashes made
// plain, runs of white space made one space.
func Fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‚', '‛', '′':
			return '\''
		case '“', '”', '„', '‟', '″':
			return '"'
		case '–', '—', '‒', '―', '−':
			return '-'
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Searcher is a store's full-text search (store.Store, pgstore.Store): the
// sentences best matching an expression built by store.Terms.
type Searcher interface {
	Search(ctx context.Context, match string, limit int) ([]store.Hit, error)
}

// Baseline is the plain full-text search every figure is compared with: the
// question's words OR-ed in an FTS5 bm25 query, the top sentence cited, never
// abstaining.
func Baseline(st Searcher) Asker {
	return func(ctx context.Context, question string) (knowledge.Answer, error) {
		a := knowledge.Answer{Question: question, Citations: []knowledge.Citation{}}
		words := strings.FieldsFunc(question, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		hits, err := st.Search(ctx, store.Terms(words), 1)
		if err != nil {
			return a, err
		}
		if len(hits) > 0 {
			h := hits[0]
			a.Answered = true
			a.Text = h.Text
			a.Citations = append(a.Citations, knowledge.Citation{Document: h.DocPath, Title: h.DocTitle, Sentence: h.N, Text: h.Text})
		}
		return a, nil
	}
}
