package stem

// Tokens shorter or longer than these many bytes are indexed unstemmed
// (FTS5_PORTER_MAX_TOKEN and the porter tokenizer's lower bound).
const (
	porterMinToken = 3
	porterMaxToken = 64
)

// Porter returns the Porter stem of a lower-case word exactly as SQLite's FTS5
// porter tokenizer computes it: the original 1980 algorithm, with SQLite's
// details (words shorter than 3 or longer than 64 bytes are left alone, bytes
// that are not ASCII letters count as consonants, and a "y" after the first
// letter counts as a vowel when looking for one). Porter("relational") is
// "relat"; Porter("ponies") is "poni".
func Porter(word string) string {
	var scratch [porterMaxToken]byte
	return porter(word, &scratch)
}

// porter is Porter using scratch as working space. Stems that are a prefix of
// word are returned as a piece of it.
func porter(word string, scratch *[porterMaxToken]byte) string {
	if len(word) < porterMinToken || len(word) > porterMaxToken {
		return word
	}
	w := stemBytes(scratch[:copy(scratch[:], word)])
	if string(w) == word[:len(w)] {
		return word[:len(w)]
	}
	return string(w)
}

// stemBytes stems w, 3 to 64 bytes long, in place, and returns the stem, which
// is never longer than w (fts5PorterCb).
func stemBytes(w []byte) []byte {
	// Step 1a: plurals.
	if n := len(w); w[n-1] == 's' {
		switch {
		case w[n-2] == 'e' && (n > 4 && w[n-4] == 's' && w[n-3] == 's' || n > 3 && w[n-3] == 'i'):
			w = w[:n-2] // sses -> ss, ies -> i
		case w[n-2] != 's':
			w = w[:n-1] // s -> "", es -> e
		}
	}

	// Step 1b: -ed and -ing.
	if v, ok := step1b(w); ok {
		w = v
		if v, ok := applyRules(w, step1b2Rules); ok {
			w = v
		} else if n := len(w); n >= 2 && !isVowel(w[n-1], false) &&
			w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' && w[n-1] == w[n-2] {
			w = w[:n-1] // hopp -> hop
		} else if mEq1(w) && endsCVC(w) {
			w = append(w, 'e') // fil -> file
		}
	} else {
		w = v
	}

	// Step 1c: y -> i after a vowel.
	if n := len(w); w[n-1] == 'y' && hasVowel(w[:n-1]) {
		w[n-1] = 'i'
	}

	// Steps 2 to 4: suffixes.
	w, _ = applyRules(w, step2Rules)
	w, _ = applyRules(w, step3Rules)
	w, _ = applyRules(w, step4Rules)

	// Step 5a: a final e.
	if n := len(w); w[n-1] == 'e' {
		if s := w[:n-1]; mGt1(s) || mEq1(s) && !endsCVC(s) {
			w = s
		}
	}

	// Step 5b: ll -> l.
	if n := len(w); n > 1 && w[n-1] == 'l' && w[n-2] == 'l' && mGt1(w[:n-1]) {
		w = w[:n-1]
	}
	return w
}

// step1b removes -ed or -ing when the stem has a vowel, reporting whether it
// did; it also turns -eed into -ee when m > 0.
func step1b(w []byte) ([]byte, bool) {
	n := len(w)
	switch {
	case n > 3 && string(w[n-3:]) == "eed":
		if mGt0(w[:n-3]) {
			return w[:n-1], false
		}
	case n > 2 && string(w[n-2:]) == "ed":
		if hasVowel(w[:n-2]) {
			return w[:n-2], true
		}
	case n > 3 && string(w[n-3:]) == "ing":
		if hasVowel(w[:n-3]) {
			return w[:n-3], true
		}
	}
	return w, false
}

// A rule replaces suffix with repl when the word is longer than the suffix
// and what precedes the suffix meets cond.
type rule struct {
	suffix, repl string
	cond         condition
}

// A condition is a test of the stem left when a rule's suffix is removed.
// (Not a func value: calling one would make the stem escape to the heap.)
type condition uint8

const (
	always       condition = iota
	mGt0Cond               // m > 0
	mGt1Cond               // m > 1
	mGt1SOrTCond           // m > 1 and the stem ends in s or t
)

func (c condition) holds(stem []byte) bool {
	switch c {
	case mGt0Cond:
		return mGt0(stem)
	case mGt1Cond:
		return mGt1(stem)
	case mGt1SOrTCond:
		return mGt1AndSOrT(stem)
	}
	return true
}

// ruleSet holds a step's rules by the next-to-last byte of their suffix.
type ruleSet [256][]rule

func newRuleSet(rules ...rule) *ruleSet {
	var s ruleSet
	for _, r := range rules {
		k := r.suffix[len(r.suffix)-2]
		s[k] = append(s[k], r)
	}
	return &s
}

// applyRules applies the first rule of set whose suffix w ends with, if its
// condition holds. Only that rule is considered: "agreement" keeps its
// "ement" (m of "agr" is 1) rather than losing "ment". It reports whether a
// rule was applied.
func applyRules(w []byte, set *ruleSet) ([]byte, bool) {
	n := len(w)
	if n < 2 {
		return w, false
	}
	for _, r := range set[w[n-2]] {
		k := len(r.suffix)
		if n <= k || string(w[n-k:]) != r.suffix {
			continue
		}
		if !r.cond.holds(w[:n-k]) {
			return w, false
		}
		return append(w[:n-k], r.repl...), true
	}
	return w, false
}

var step1b2Rules = newRuleSet(
	rule{"at", "ate", always},
	rule{"bl", "ble", always},
	rule{"iz", "ize", always},
)

var step2Rules = newRuleSet(
	rule{"ational", "ate", mGt0Cond},
	rule{"tional", "tion", mGt0Cond},
	rule{"enci", "ence", mGt0Cond},
	rule{"anci", "ance", mGt0Cond},
	rule{"izer", "ize", mGt0Cond},
	rule{"logi", "log", mGt0Cond},
	rule{"bli", "ble", mGt0Cond},
	rule{"alli", "al", mGt0Cond},
	rule{"entli", "ent", mGt0Cond},
	rule{"eli", "e", mGt0Cond},
	rule{"ousli", "ous", mGt0Cond},
	rule{"ization", "ize", mGt0Cond},
	rule{"ation", "ate", mGt0Cond},
	rule{"ator", "ate", mGt0Cond},
	rule{"alism", "al", mGt0Cond},
	rule{"iveness", "ive", mGt0Cond},
	rule{"fulness", "ful", mGt0Cond},
	rule{"ousness", "ous", mGt0Cond},
	rule{"aliti", "al", mGt0Cond},
	rule{"iviti", "ive", mGt0Cond},
	rule{"biliti", "ble", mGt0Cond},
)

var step3Rules = newRuleSet(
	rule{"ical", "ic", mGt0Cond},
	rule{"ness", "", mGt0Cond},
	rule{"icate", "ic", mGt0Cond},
	rule{"iciti", "ic", mGt0Cond},
	rule{"ful", "", mGt0Cond},
	rule{"ative", "", mGt0Cond},
	rule{"alize", "al", mGt0Cond},
)

var step4Rules = newRuleSet(
	rule{"al", "", mGt1Cond},
	rule{"ance", "", mGt1Cond},
	rule{"ence", "", mGt1Cond},
	rule{"er", "", mGt1Cond},
	rule{"ic", "", mGt1Cond},
	rule{"able", "", mGt1Cond},
	rule{"ible", "", mGt1Cond},
	rule{"ant", "", mGt1Cond},
	rule{"ement", "", mGt1Cond},
	rule{"ment", "", mGt1Cond},
	rule{"ent", "", mGt1Cond},
	rule{"ion", "", mGt1SOrTCond},
	rule{"ou", "", mGt1Cond},
	rule{"ism", "", mGt1Cond},
	rule{"ate", "", mGt1Cond},
	rule{"iti", "", mGt1Cond},
	rule{"ous", "", mGt1Cond},
	rule{"ive", "", mGt1Cond},
	rule{"ize", "", mGt1Cond},
)

// isVowel reports whether c is a vowel; y is one when yIsVowel (that is, when
// it follows a consonant).
func isVowel(c byte, yIsVowel bool) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return yIsVowel
	}
	return false
}

// skipVC returns the index just past the first vowel-consonant pair in s, or 0
// if there is none; prevCons says whether the byte before s is a consonant
// (fts5PorterGobbleVC).
func skipVC(s []byte, prevCons bool) int {
	cons := prevCons
	i := 0
	for ; i < len(s); i++ {
		if cons = !isVowel(s[i], cons); !cons {
			break
		}
	}
	for i++; i < len(s); i++ {
		if cons = !isVowel(s[i], cons); cons {
			return i + 1
		}
	}
	return 0
}

// mGt0 reports whether the measure m of stem is above 0.
func mGt0(stem []byte) bool {
	return skipVC(stem, false) != 0
}

// mGt1 reports whether the measure m of stem is above 1.
func mGt1(stem []byte) bool {
	n := skipVC(stem, false)
	return n != 0 && skipVC(stem[n:], true) != 0
}

// mEq1 reports whether the measure m of stem is exactly 1.
func mEq1(stem []byte) bool {
	n := skipVC(stem, false)
	return n != 0 && skipVC(stem[n:], true) == 0
}

// mGt1AndSOrT is step 4's condition for -ion: m > 1 and the stem ends in s or t.
func mGt1AndSOrT(stem []byte) bool {
	c := stem[len(stem)-1]
	return (c == 's' || c == 't') && mGt1(stem)
}

// hasVowel reports whether stem contains a vowel, counting any y after the
// first byte as one (fts5Porter_Vowel).
func hasVowel(stem []byte) bool {
	for i, c := range stem {
		if isVowel(c, i > 0) {
			return true
		}
	}
	return false
}

// endsCVC reports whether stem ends consonant-vowel-consonant with the last
// consonant not w, x or y (Porter's *o).
func endsCVC(stem []byte) bool {
	switch stem[len(stem)-1] {
	case 'w', 'x', 'y':
		return false
	}
	var mask uint
	cons := false
	for _, c := range stem {
		cons = !isVowel(c, cons)
		mask <<= 1
		if cons {
			mask |= 1
		}
	}
	return mask&7 == 5
}
