package lexicon

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// The paraphrase table comes from WordNet 3.0 (Princeton University; the
// licence is in data/LICENSE-WordNet.txt, embedded with the table below), made
// by gen: for each lemma, the synonyms of its first sense and, for nouns and
// phrasal verbs, that sense's hypernyms.
//
//go:generate go run ./gen -wordnet /usr/share/wordnet -out data/wordnet.tsv.gz

//go:embed data/wordnet.tsv.gz
var wordnetTable []byte

// WordNetLicence is the notice WordNet is distributed under.
//
//go:embed data/LICENSE-WordNet.txt
var WordNetLicence string

// paraphrases is the parsed table.
type paraphrases struct {
	syn, hyper map[string][]string // lemma -> one-word lemmas
	forms      map[string]string   // irregular form -> lemma
}

var (
	loadOnce sync.Once
	table    *paraphrases
)

// Warm parses the embedded paraphrase table (about 50 ms, once per process) so
// that the first question need not wait for it.
func Warm() { wordnet() }

// wordnet parses the embedded table once.
func wordnet() *paraphrases {
	loadOnce.Do(func() {
		table = &paraphrases{syn: map[string][]string{}, hyper: map[string][]string{}, forms: map[string]string{}}
		eachLine(wordnetTable, "WordNet", func(line string) {
			f := strings.Split(line, "\t")
			switch {
			case len(f) == 2 && strings.HasPrefix(f[0], "~"):
				table.forms[f[0][1:]] = f[1]
			case len(f) == 3:
				if f[1] != "" {
					table.syn[f[0]] = strings.Split(f[1], ",")
				}
				if f[2] != "" {
					table.hyper[f[0]] = strings.Split(f[2], ",")
				}
			}
		})
	})
	return table
}

// morphRules are WordNet's detachment rules (morphy): an inflected ending and
// what replaces it, tried in order.
var morphRules = [][2]string{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
	{"shes", "sh"}, {"men", "man"}, {"es", "e"}, {"es", ""}, {"s", ""},
	{"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// lemma returns the WordNet lemma of a word ("stepping": "step", "went":
// "go"), or "" when the table does not hold it.
func (p *paraphrases) lemma(w string) string {
	for _, b := range p.bases(w) {
		if p.known(b) {
			return b
		}
	}
	return ""
}

// bases are the forms a word may be inflected from, itself first: its
// irregular base, then what WordNet's detachment rules leave ("stepping":
// "steppe", "stepp", "step").
func (p *paraphrases) bases(w string) []string {
	out := []string{w}
	if f, ok := p.forms[w]; ok {
		out = append(out, f)
	}
	for _, r := range morphRules {
		if b, ok := strings.CutSuffix(w, r[0]); ok && len(b) >= 2 {
			out = append(out, b+r[1])
			// A doubled consonant: "stepping", "stopped".
			if n := len(b); r[1] == "" && n >= 3 && b[n-1] == b[n-2] {
				out = append(out, b[:n-1])
			}
		}
	}
	return out
}

// known reports whether the table holds a lemma.
func (p *paraphrases) known(l string) bool {
	_, s := p.syn[l]
	_, h := p.hyper[l]
	return s || h
}

// phraseObjects may stand between a phrasal verb and its particle: "smooth
// things over", "cough it up".
var phraseObjects = refSet("it", "them", "things", "this", "that", "him", "her", "up", "out")

// maxPhrase is the longest phrase looked up, in words.
const maxPhrase = 4

// Paraphrase returns, for each of a question's words (lower case), the words
// WordNet gives for it: syn are the synonyms of its first sense, hyper the
// hypernyms of a noun's or a phrasal verb's ("how big was the bribe":
// "payment"). A phrase's words go to its first word: "cough up" gives "give"
// to "cough", "stepping down" gives "resign" and "quit" to "stepping".
func Paraphrase(words []string) (syn, hyper [][]string) {
	p := wordnet()
	syn, hyper = make([][]string, len(words)), make([][]string, len(words))
	for i, w := range words {
		if len(w) < 3 {
			continue // "he" is not helium
		}
		if l := p.lemma(w); l != "" {
			syn[i] = append(syn[i], p.syn[l]...)
			hyper[i] = append(hyper[i], p.hyper[l]...)
		}
		if key, ok := p.phraseAt(words, i); ok {
			syn[i] = append(syn[i], p.syn[key]...)
			hyper[i] = append(hyper[i], p.hyper[key]...)
		}
	}
	return syn, hyper
}

// phraseAt returns the longest phrase of the table that starts at word i, its
// first word in any of its base forms: the next words in order, or the verb with
// its particle across an object ("talk things over": "talk over").
func (p *paraphrases) phraseAt(words []string, i int) (string, bool) {
	for _, first := range p.bases(words[i]) {
		for k := min(len(words), i+maxPhrase); k >= i+2; k-- {
			if key := strings.Join(append([]string{first}, words[i+1:k]...), " "); p.known(key) {
				return key, true
			}
		}
		if i+2 < len(words) && phraseObjects[words[i+1]] {
			if key := first + " " + words[i+2]; p.known(key) {
				return key, true
			}
		}
	}
	return "", false
}

// maxClimb bounds the hypernym levels IsA climbs.
const maxClimb = 12

// collectives name persons in a sense WordNet files elsewhere ("people" is
// first a group): IsA reads them as the class they stand for.
var collectives = map[string]string{"people": "person", "folk": "person", "staff": "person"}

// IsA reports whether a word (lower case, any inflection) names a kind of
// class in WordNet's first senses: the class is the word's lemma, one of its
// synonyms, or a hypernym above it ("guests", "person": true, through
// "visitor" and "traveler").
func IsA(word, class string) bool {
	p := wordnet()
	l := p.lemma(word)
	if c, ok := collectives[word]; ok {
		l = c
	}
	target := p.lemma(class)
	if c, ok := collectives[class]; ok {
		target = c
	}
	if l == "" || target == "" {
		return false
	}
	if slices.Contains(p.syn[l], target) {
		return true
	}
	// Breadth first over the hypernyms; seen holds every lemma queued, in
	// order, so that the next level starts where the last one ended.
	var buf [32]string
	seen := append(buf[:0], l)
	for d, from := 0, 0; d <= maxClimb && from < len(seen); d++ {
		to := len(seen)
		for _, w := range seen[from:to] {
			if w == target {
				return true
			}
			for _, h := range p.hyper[w] {
				if !slices.Contains(seen, h) {
					seen = append(seen, h)
				}
			}
		}
		from = to
	}
	return false
}

// PhraseSynonyms returns the synonyms WordNet gives for the phrase of its
// table that starts at word i of a question ("go up": "rise", "get rid of":
// "remove"), and how many words the phrase spans there; nil and 0 when none
// starts there.
func PhraseSynonyms(words []string, i int) ([]string, int) {
	p := wordnet()
	key, ok := p.phraseAt(words, i)
	if !ok {
		return nil, 0
	}
	kw := strings.Fields(key)
	span := len(kw)
	if len(kw) == 2 && i+2 < len(words) && phraseObjects[words[i+1]] && words[i+2] == kw[1] {
		span = 3 // "talk things over"
	}
	return p.syn[key], span
}
