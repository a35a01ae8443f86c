package answer

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/store"
)

// TestFitSearchWeights refits featureWeights and factWeights. It is skipped
// unless BRIEFBOT_FIT_DB names a store built from shared/eval/squad/corpus
// (briefbot ingest --db) and BRIEFBOT_FIT_QUESTIONS names
// shared/eval/squad/questions.jsonl. It learns from the questions outside the
// evaluation samples 1 to 3 (eval --sample 1000 --seed 1..3), maximising the
// likelihood of a right sentence among each question's 60 best (a softmax over
// the weighed features, with a small L2 penalty), reports top1 on the samples,
// and prints the weights as Go to paste into rank.go and search.go.
// BRIEFBOT_FIT_NEWS_DB and BRIEFBOT_FIT_NEWS_QUESTIONS add news questions to
// learn from (see newsCandidates); BRIEFBOT_FIT_ONLY names the only weights
// to fit (see frozenBut), the others held.
//
//	BRIEFBOT_FIT_DB=/tmp/squad.db BRIEFBOT_FIT_QUESTIONS=../../../shared/eval/squad/questions.jsonl \
//	    go test ./knowledge/answer -run FitSearchWeights -v -timeout 1h
func TestFitSearchWeights(t *testing.T) {
	db, file := os.Getenv("BRIEFBOT_FIT_DB"), os.Getenv("BRIEFBOT_FIT_QUESTIONS")
	if db == "" || file == "" {
		t.Skip("BRIEFBOT_FIT_DB and BRIEFBOT_FIT_QUESTIONS are not set")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := eval.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]int{}
	for s := 3; s >= 1; s-- {
		for _, q := range eval.Sample(all, 1000, int64(s)) {
			set[q.ID] = s
		}
	}
	e := New(st)
	qs, err := fitCandidates(ctx, e, all, set)
	if err != nil {
		t.Fatal(err)
	}
	news, err := newsCandidates(ctx, t)
	if err != nil {
		t.Fatal(err)
	}
	qs = append(qs, news...)
	w := make([]float64, nFeatures+nFacts)
	copy(w, featureWeights[:])
	copy(w[nFeatures:], factWeights[:])
	report := func(tag string) {
		fmt.Printf("%s: train %.4f, sample 1 %.4f, 2 %.4f, 3 %.4f, news %.4f (%d)\n", tag, fitTop1(qs, w, 0), fitTop1(qs, w, 1), fitTop1(qs, w, 2), fitTop1(qs, w, 3), fitTop1(qs, w, newsSet), len(news))
	}
	report("current weights")
	if only := os.Getenv("BRIEFBOT_FIT_ONLY"); only != "" {
		fitFrozen = frozenBut(strings.Split(only, ","))
		defer func() { fitFrozen = nil }()
	}
	softmaxFit(qs, w, 300, 0.001)
	report("fitted weights")
	var b strings.Builder
	b.WriteString("var featureWeights = [nFeatures]float64{\n")
	for k, name := range featureNames {
		fmt.Fprintf(&b, "\t%s: %.2f,\n", name, w[k])
	}
	b.WriteString("}\n\nvar factWeights = [nFacts]float64{\n")
	for k, name := range factNames {
		fmt.Fprintf(&b, "\t%s: %.2f,\n", name, w[nFeatures+k])
	}
	b.WriteString("}\n")
	fmt.Print(b.String())
}

// fitFrozen, when set, marks the weights softmaxFit leaves as they are.
var fitFrozen []bool

// frozenBut freezes every search weight but the named ones
// (BRIEFBOT_FIT_ONLY=xDocActors,fProx fits a new feature alone).
func frozenBut(names []string) []bool {
	frozen := make([]bool, nFeatures+nFacts)
	for k := range frozen {
		frozen[k] = true
	}
	for _, n := range names {
		for k, f := range featureNames {
			if f == n {
				frozen[k] = false
			}
		}
		for k, f := range factNames {
			if f == n {
				frozen[nFeatures+k] = false
			}
		}
	}
	return frozen
}

// newsWeight is how much a news question counts in the fit against a SQuAD
// one: there are about seventy times fewer of them.
const newsWeight = 10

// newsSet marks the learning questions of news briefings (BRIEFBOT_FIT_NEWS_*).
const newsSet = -1

// newsCandidates reads the search questions of the news question files listed
// (comma-separated) in BRIEFBOT_FIT_NEWS_QUESTIONS over the store in
// BRIEFBOT_FIT_NEWS_DB (built from shared/corpus/bbc), for learning beside
// SQuAD: news questions name actors and briefings as SQuAD's do not. Only
// the halves whose failures may be read (evalsplit's A files) belong there.
func newsCandidates(ctx context.Context, t *testing.T) ([]fitQuestion, error) {
	db, files := os.Getenv("BRIEFBOT_FIT_NEWS_DB"), os.Getenv("BRIEFBOT_FIT_NEWS_QUESTIONS")
	if db == "" || files == "" {
		return nil, nil
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { st.Close() })
	e := New(st)
	var out []fitQuestion
	for _, file := range strings.Split(files, ",") {
		all, err := eval.Load(file)
		if err != nil {
			return nil, err
		}
		var asked []eval.Question
		for _, q := range all {
			switch Parse(q.Question).Intent {
			case Said, WhoIs, Summary:
				continue
			}
			if len(q.Expect) > 0 {
				asked = append(asked, q)
			}
		}
		qs, err := fitCandidates(ctx, e, asked, nil)
		if err != nil {
			return nil, err
		}
		for i := range qs {
			qs[i].set, qs[i].weight = newsSet, newsWeight
		}
		out = append(out, qs...)
	}
	return out, nil
}

// featureNames and factNames name the features, for printing the weights.
var (
	featureNames = [nFeatures]string{"fCov", "fPrev", "fNext", "fTitle", "fDoc", "fDocCov", "fBigram", "fProx", "fAnsPerson", "fAnsTime", "fAnsNumber", "fAnsPlace", "fAnsName", "fAnsNear", "fNoNovel", "fLen", "fAnaphor", "fNextAnaphor", "fRepeat", "fCovLocal", "fPhrase", "fRarest", "fDensity", "fCovSq", "fCovDoc", "fFirst", "fAnsCount", "fDocTop", "fNaming", "fDefinition", "fTwoCaps", "fBM25", "fPrev2", "fNext2", "fPrevDoc", "fCovLocalDoc", "fPrevSq", "fDocSq", "fTitleDoc", "fBM25Doc", "fAnsNearBM25"}
	factNames    = [nFacts]string{"xFigure", "xCounted", "xTime", "xTimeDigit", "xWhereActor", "xWhereIn", "xCausal", "xPerson", "xQActor", "xHeadline", "xDocActors"}
)

// fitQuestion is one question's candidates: their features and whether each is
// a right answer.
type fitQuestion struct {
	set   int // 0 to learn from, 1 to 3 the evaluation samples
	x     [][]float64
	right []bool
	// weight scales the question in the fit (0 counts as 1).
	weight float64
}

// fitCandidates ranks every question as search does and keeps the features of
// the 60 best sentences.
func fitCandidates(ctx context.Context, e *Engine, all []eval.Question, set map[string]int) ([]fitQuestion, error) {
	ix, err := e.index(ctx)
	if err != nil {
		return nil, err
	}
	ri, err := e.rankIndex(ctx, ix.gen)
	if err != nil {
		return nil, err
	}
	var out []fitQuestion
	for _, eq := range all {
		q := Parse(eq.Question)
		// The words are matched as search matches them.
		groups := paraphrased(e.termGroups(contentWords(q.Words)), q.Words)
		if len(groups) == 0 {
			continue
		}
		if useFamilies {
			groups = withFamilies(ri, groups)
		}
		rs := ri.rank(ri.query(groups, q.expects, q.Words))
		rs = rs[:min(len(rs), 60)]
		ids := make([]int64, len(rs))
		for i, r := range rs {
			ids[i] = ri.sents[r.sent].hit.SentenceID
		}
		facts, err := e.st.Facts(ctx, ids)
		if err != nil {
			return nil, err
		}
		qActors := e.questionActors(ix, q)
		focus := uniqueTerms(strings.Fields(q.Focus))
		fq := fitQuestion{set: set[eq.ID]}
		for _, r := range rs {
			h := ri.sents[r.sent].hit
			sh := scoredHit{Hit: h, quants: facts.Quantities[h.SentenceID], times: facts.Times[h.SentenceID]}
			mentioned := mentionedIn(facts, h.SentenceID)
			xf := e.factFeatures(q, sh, qActors, focus, ix, mentioned, len(ri.docs))
			x := append(append([]float64{}, r.f[:]...), xf[:]...)
			fq.x = append(fq.x, x)
			a := knowledge.Answer{Citations: []knowledge.Citation{cite(h)}}
			fq.right = append(fq.right, eval.Score(eq, a).Top1)
		}
		out = append(out, fq)
	}
	return out, nil
}

// fitTop1 is the share of a set's questions whose best candidate is right.
func fitTop1(qs []fitQuestion, w []float64, set int) float64 {
	n, ok := 0, 0
	for _, q := range qs {
		if q.set != set {
			continue
		}
		n++
		best, bestScore := -1, 0.0
		for i, x := range q.x {
			if s := dot(w, x); best < 0 || s > bestScore {
				best, bestScore = i, s
			}
		}
		if best >= 0 && q.right[best] {
			ok++
		}
	}
	return float64(ok) / float64(max(n, 1))
}

func dot(w, x []float64) float64 {
	var s float64
	for k := range x {
		s += w[k] * x[k]
	}
	return s
}

// softmaxFit minimises, over the learning questions (set 0 or below) that have a right
// candidate, minus the log of the probability that a softmax over the
// candidates' scores gives to the right ones, plus lambda times the weights'
// squared norm, by Adam.
func softmaxFit(qs []fitQuestion, w []float64, iterations int, lambda float64) {
	const rate, beta1, beta2 = 0.05, 0.9, 0.999
	m := make([]float64, len(w))
	v := make([]float64, len(w))
	for it := 1; it <= iterations; it++ {
		g := make([]float64, len(w))
		n := 0
		for _, q := range qs {
			if q.set > 0 || !anyTrue(q.right) {
				continue
			}
			qw := q.weight
			if qw == 0 {
				qw = 1
			}
			n++
			scores := make([]float64, len(q.x))
			top := math.Inf(-1)
			for i, x := range q.x {
				scores[i] = dot(w, x)
				top = math.Max(top, scores[i])
			}
			var z, zRight float64
			for i := range scores {
				scores[i] = math.Exp(scores[i] - top)
				z += scores[i]
				if q.right[i] {
					zRight += scores[i]
				}
			}
			for i, x := range q.x {
				d := scores[i] / z
				if q.right[i] {
					d -= scores[i] / zRight
				}
				d *= qw
				for k := range x {
					g[k] += d * x[k]
				}
			}
		}
		for k := range w {
			if k < len(fitFrozen) && fitFrozen[k] {
				continue
			}
			gk := g[k]/float64(max(n, 1)) + lambda*w[k]
			m[k] = beta1*m[k] + (1-beta1)*gk
			v[k] = beta2*v[k] + (1-beta2)*gk*gk
			mh := m[k] / (1 - math.Pow(beta1, float64(it)))
			vh := v[k] / (1 - math.Pow(beta2, float64(it)))
			w[k] -= rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
