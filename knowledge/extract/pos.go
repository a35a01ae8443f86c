package extract

import (
	"strings"

	"github.com/briefbot/briefbot/knowledge/postag"
)

// posTagger returns the part-of-speech tagger every extraction shares. Its
// model is built into the binary, so one that does not read is a broken
// build: it panics, as the lexicon's embedded tables do.
func posTagger() *postag.Tagger {
	t, err := postag.Default()
	if err != nil {
		panic("extract: the embedded tagger model is unreadable: " + err.Error())
	}
	return t
}

// posAt returns the part of speech of token k, tagging the sentence up to k on
// first need: most sentences hold no cue word and are never tagged.
func (s *sentence) posAt(k int) postag.POS {
	if k < 0 || k >= len(s.toks) {
		return postag.None
	}
	if k < len(s.pos) && k < s.posDone {
		return s.pos[k]
	}
	t := posTagger()
	if s.words == nil {
		s.words = make([]string, len(s.toks))
		s.pos = make([]postag.POS, len(s.toks))
		for i, tk := range s.toks {
			s.words[i] = taggerWord(s.Text, tk)
		}
	}
	t.Tag(s.words, s.pos, s.posDone, k+1)
	s.posDone = k + 1
	return s.pos[k]
}

// taggerWord spells a token as the tagger's treebank does: quotation marks as
// two backquotes when they open and two apostrophes when they close, and a
// contracted word without its contraction ("does" of "doesn't").
func taggerWord(text string, t token) string {
	switch {
	case t.isQuote():
		if isOpenQuote(text, t) {
			return "``"
		}
		return "''"
	case t.low == "'s":
		return "'s"
	}
	w := foldQuote(t.s)
	if t.kind == word {
		for _, c := range contractions {
			if len(w) > len(c) && strings.HasSuffix(t.low, c) {
				return w[:len(w)-len(c)]
			}
		}
	}
	return w
}

// contractions are the endings the treebank writes as words of their own; the
// tagger is given the word before them ("does" of "doesn't", "they" of
// "they're").
var contractions = []string{"n't", "'re", "'ve", "'ll", "'d", "'m"}

// nounGuesses are the cue vetoes that guess from the words beside a cue that
// it is a noun ("the report", "his call", "a formal protest", "an EU
// demand"). The tagger checks the guess: a cue it tags as a finite verb is
// read as one ("the unions claim", "the Washington Post reports", "Ms Smith
// further alleges", "a spokesman for the Gazette said").
var nounGuesses = set("noun form without that", "noun after a determiner",
	"noun after a determiner and an adjective", "name modifying a noun")

// taggedVerb reports whether the tagger overrules the veto named veto of the
// cue at k: the veto guesses a noun and the tagger reads a finite verb.
func taggedVerb(s *sentence, k int, veto string) bool {
	return nounGuesses[veto] && s.posAt(k).Finite()
}
