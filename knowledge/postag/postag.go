// Package postag labels words with their Penn Treebank part of speech, with
// the averaged-perceptron model that github.com/jdkato/prose/v2 ships (MIT,
// Copyright (c) 2017-2018 Joseph Kato; a port of Matthew Honnibal's tagger,
// MIT, trained on the Wall Street Journal treebank), written to
// data/perceptron.tsv.gz by gen.
//
// The model's string-keyed weights are read once and turned into hashed
// features, so that tagging a word allocates little and costs a few hundred
// nanoseconds. Tagging runs left to right and a word's tag depends only on the
// words around it and the tags before it, so a caller may tag a sentence's
// first words and go on later (Tagger.Tag with done > 0).
package postag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the model
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./gen

// model is the table gen wrote from prose's model.
//
//go:embed data/perceptron.tsv.gz
var model []byte

// Licence is the notice the embedded model is distributed under (the MIT
// licences of prose and of the tagger it ports).
//
//go:embed data/LICENSE
var Licence string

// POS is a Penn Treebank part-of-speech tag; the zero value is no tag.
type POS uint8

// The tags of the Penn Treebank, in the order of their names.
const (
	None POS = iota
	CC
	CD
	DT
	EX
	FW
	IN
	JJ
	JJR
	JJS
	LS
	MD
	NN
	NNS
	NNP
	NNPS
	PDT
	Possessive // POS
	PRP
	PRPs // PRP$
	RB
	RBR
	RBS
	RP
	SYM
	TO
	UH
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	WDT
	WP
	WPs // WP$
	WRB
	Dollar     // $
	Hash       // #
	OpenQuote  // ``
	CloseQuote // ''
	OpenParen  // (
	CloseParen // )
	Comma      // ,
	Period     // .
	Colon      // :
	numPOS
)

// names are the treebank's spellings of the tags, by POS.
var names = [numPOS]string{"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS",
	"MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP",
	"SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB",
	"$", "#", "``", "''", "(", ")", ",", ".", ":"}

// String returns the treebank's name of the tag ("VBD").
func (p POS) String() string {
	if p < numPOS {
		return names[p]
	}
	return fmt.Sprintf("POS(%d)", uint8(p))
}

// Parse returns the tag the treebank spells name, or None.
func Parse(name string) POS { return byName[name] }

// byName finds a tag by its name.
var byName = func() map[string]POS {
	m := make(map[string]POS, numPOS)
	for p := POS(1); p < numPOS; p++ {
		m[names[p]] = p
	}
	return m
}()

// Verb reports whether p tags a verb of any form (VB, VBD, VBG, VBN, VBP,
// VBZ) or a modal (MD).
func (p POS) Verb() bool { return p >= VB && p <= VBZ || p == MD }

// Finite reports whether p tags a verb that can head a clause on its own: a
// past or present form (VBD, VBP, VBZ) or a modal.
func (p POS) Finite() bool { return p == VBD || p == VBP || p == VBZ || p == MD }

// Noun reports whether p tags a noun, common or proper.
func (p POS) Noun() bool { return p >= NN && p <= NNPS }

// Adjective reports whether p tags an adjective.
func (p POS) Adjective() bool { return p >= JJ && p <= JJS }

// Tagger tags words; it is safe for concurrent use.
type Tagger struct {
	// known are words the treebank gives one tag nearly always ("the", "said").
	known map[string]POS
	// feats maps a feature's hash to its weights, entries[off:off+n].
	feats   map[uint64]span
	entries []entry
}

type span struct {
	off uint32
	n   uint8
}

type entry struct {
	pos POS
	w   float32
}

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Default returns the tagger of the embedded model, read on first use; later
// calls return the same tagger.
func Default() (*Tagger, error) {
	loadOnce.Do(func() { loaded, loadErr = load(model) })
	return loaded, loadErr
}

// load reads the embedded model: "W\tword\tTAG" lines for the words the
// treebank tags one way, "F\tfeature\tTAG=weight ..." lines (weights in
// thousandths) for the rest.
func load(data []byte) (*Tagger, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("postag: load: %w", err)
	}
	t := &Tagger{known: map[string]POS{}, feats: make(map[uint64]span, 1<<17)}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		kind, rest, _ := strings.Cut(sc.Text(), "\t")
		key, val, ok := strings.Cut(rest, "\t")
		if !ok {
			return nil, fmt.Errorf("postag: load: line %d: no tab", n)
		}
		switch kind {
		case "W":
			if p := Parse(val); p != None {
				t.known[key] = p
			}
		case "F":
			if err := t.addFeature(key, val); err != nil {
				return nil, fmt.Errorf("postag: load: line %d: %w", n, err)
			}
		default:
			return nil, fmt.Errorf("postag: load: line %d: kind %q", n, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("postag: load: %w", err)
	}
	return t, nil
}

// addFeature adds a feature's weights, written "TAG=weight TAG=weight" in
// thousandths.
func (t *Tagger) addFeature(feat, weights string) error {
	sp := span{off: uint32(len(t.entries))}
	for weights != "" {
		var f string
		f, weights, _ = strings.Cut(weights, " ")
		name, num, _ := strings.Cut(f, "=")
		w, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("%q: %w", f, err)
		}
		if p := Parse(name); p != None && w != 0 {
			t.entries = append(t.entries, entry{p, float32(w) / 1000})
			sp.n++
		}
	}
	n := len(t.feats)
	t.feats[hashString(offset64, feat)] = sp
	if len(t.feats) == n {
		return fmt.Errorf("two features hash alike (%q)", feat)
	}
	return nil
}

// Tag writes the tags of words[done:n] to out[done:n]; out[:done] must hold
// the tags of the words before, as an earlier call wrote them. Words are as
// written, one token each, with punctuation as tokens of its own; a quotation
// mark should be written as two backquotes when it opens a quotation and as two
// apostrophes when it closes one.
func (t *Tagger) Tag(words []string, out []POS, done, n int) {
	for i := done; i < n && i < len(words); i++ {
		out[i] = t.tagAt(words, out, i)
	}
}

// tagAt returns the tag of words[i], given the tags out[:i].
func (t *Tagger) tagAt(words []string, out []POS, i int) POS {
	w := words[i]
	if w == "" {
		return None
	}
	if p, ok := t.known[w]; ok {
		return p
	}
	if w == "-" || w == "--" || w == "–" || w == "—" {
		return Colon
	}
	p1, p2 := "-START-", "-START2-"
	if i >= 1 {
		p1 = out[i-1].String()
	}
	switch {
	case i >= 2:
		p2 = out[i-2].String()
	case i == 1:
		p2 = "-START-"
	}
	var scores [numPOS]float32
	add := func(h uint64) {
		if sp, ok := t.feats[h]; ok {
			for _, e := range t.entries[sp.off : sp.off+uint32(sp.n)] {
				scores[e.pos] += e.w
			}
		}
	}
	cur, prev, prev2 := context(words, i), context(words, i-1), context(words, i-2)
	next, next2 := context(words, i+1), context(words, i+2)
	add(templates.bias)
	add(join(templates.suffix, suffix(w)))
	add(prefixFeature(w))
	add(join(templates.tag1, p1))
	add(join(templates.tag2, p2))
	add(join(join(templates.tag12, p1), p2))
	add(join(templates.word, cur))
	add(join(join(templates.tag1word, p1), cur))
	add(join(templates.word1, prev))
	add(join(templates.suffix1, suffix(prev)))
	add(join(templates.word2, prev2))
	add(join(templates.next, next))
	add(join(templates.nextSuffix, suffix(next)))
	add(join(templates.next2, next2))
	best := None
	for p := POS(1); p < numPOS; p++ {
		if best == None || scores[p] > scores[best] {
			best = p
		}
	}
	return best
}

// context returns the normalised word at i, or the model's padding past
// either end.
func context(words []string, i int) string {
	switch {
	case i == -1:
		return "-START2-"
	case i == -2:
		return "-START-"
	case i == len(words):
		return "-END-"
	case i == len(words)+1:
		return "-END2-"
	}
	return normalize(words[i])
}

// normalize folds a word as the model was trained: hyphenated words, years
// and numbers become classes of their own, others lower case.
func normalize(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN"
	case len(w) == 4 && allDigits(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// suffix returns the last three bytes of w, as the model cut them.
func suffix(w string) string {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

// FNV-1a, 64 bits.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

// templates are the hashes of the model's feature names, to which a
// feature's parts are joined.
var templates = struct {
	bias, suffix, pref1, tag1, tag2, tag12, word, tag1word, word1, suffix1, word2, next, nextSuffix, next2 uint64
}{
	hashString(offset64, "bias"), hashString(offset64, "i suffix"), hashString(offset64, "i pref1"),
	hashString(offset64, "i-1 tag"), hashString(offset64, "i-2 tag"), hashString(offset64, "i tag+i-2 tag"),
	hashString(offset64, "i word"), hashString(offset64, "i-1 tag+i word"), hashString(offset64, "i-1 word"),
	hashString(offset64, "i-1 suffix"), hashString(offset64, "i-2 word"), hashString(offset64, "i+1 word"),
	hashString(offset64, "i+1 suffix"), hashString(offset64, "i+2 word"),
}

// join continues the hash h of a feature key with a space and part.
func join(h uint64, part string) uint64 {
	h ^= ' '
	h *= prime64
	return hashString(h, part)
}

// prefixFeature hashes "i pref1" and the word's first byte, which the model
// took as a code point of its own.
func prefixFeature(w string) uint64 {
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], rune(w[0]))
	h := templates.pref1 ^ ' '
	h *= prime64
	for _, c := range b[:n] {
		h ^= uint64(c)
		h *= prime64
	}
	return h
}
