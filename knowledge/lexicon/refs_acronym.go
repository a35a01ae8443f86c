package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// acronymFillers are the small words a spelled-out name may hold that its
// acronym skips: "Institute for Fiscal Studies (IFS)".
var acronymFillers = refSet("and", "of", "for", "the", "&", "on", "in", "to")

// LooksLikeAcronym reports whether a word could be an acronym: two to six
// characters, letters with digits or "&" among them, as typed in a casual question in
// any case ("pcs", "ACPO", "G8").
func LooksLikeAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			n++
		case unicode.IsDigit(r) || r == '&':
		default:
			return false
		}
	}
	return n >= 1 && len(w) >= 2 && len(w) <= 6
}

// AcronymDefinition finds where a sentence spells an acronym out and returns
// the name it stands for: in "the Public and Commercial Services (PCS) union",
// "PCS" is "Public and Commercial Services". The name is the run of
// capitalised words (and the small words between them) just before "(PCS)"
// whose initials spell the acronym. The acronym is matched in any case.
func AcronymDefinition(text, acronym string) (string, bool) {
	want := []rune(strings.ToUpper(acronym))
	if len(want) < 2 {
		return "", false
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '(' || i+1+len(acronym)+1 > len(text) || text[i+1+len(acronym)] != ')' ||
			!strings.EqualFold(text[i+1:i+1+len(acronym)], acronym) {
			continue
		}
		if name, ok := spelledBefore(text[:i], want); ok {
			return name, true
		}
	}
	return "", false
}

// spelledBefore reads the words at the end of before backwards, matching the
// acronym's letters from its last, and returns the words that spell it.
func spelledBefore(before string, want []rune) (string, bool) {
	words := strings.Fields(strings.TrimRight(before, " ,"))
	k := len(want) - 1
	start := len(words)
	for j := len(words) - 1; j >= 0 && k >= 0; j-- {
		w := strings.Trim(words[j], ",;:\"'“”‘’")
		if acronymFillers[strings.ToLower(w)] {
			if start == len(words) {
				return "", false // a name ends with a name word
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsUpper(r) {
			return "", false
		}
		// A hyphenated word may give a letter for each part: "Anti-Slavery".
		parts := strings.Split(w, "-")
		for p := len(parts) - 1; p >= 0 && k >= 0; p-- {
			pr, _ := utf8.DecodeRuneInString(parts[p])
			if unicode.ToUpper(pr) == want[k] {
				k--
			} else if p == 0 {
				return "", false
			}
		}
		start = j
	}
	if k >= 0 || start == len(words) {
		return "", false
	}
	return strings.Trim(strings.Join(words[start:], " "), ",;:\"'“”‘’"), true
}

// Initials returns the acronym a name of two words or more would have, in lower
// case, skipping small words: "public and commercial services" is "pcs". A name
// of one word has none.
func Initials(name string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(name) {
		if acronymFillers[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			return ""
		}
		b.WriteRune(unicode.ToLower(r))
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}
