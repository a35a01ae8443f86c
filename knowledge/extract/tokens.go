package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the sort of a token.
type tokKind uint8

const (
	word  tokKind = iota // letters, maybe with inner hyphens, apostrophes or dots
	num                  // starts with a digit: 1,500  2.5  9.3bn  1990s
	punct                // any other single character
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	s          string // as written
	low        string // lower case, curly apostrophes folded
	start, end int    // byte offsets in the sentence
	kind       tokKind
	cap        bool // starts with an upper-case letter
}

// tokenize splits a sentence into tokens. A possessive "'s" becomes its own token.
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(s, i)
			t := s[i:j]
			// Split a trailing possessive: Korea's, Korea’s, Ukraine’s.
			if k := possessiveAt(t); k > 0 {
				toks = append(toks, newToken(s[i:i+k], i))
				toks = append(toks, token{s: t[k:], low: "'s", start: i + k, end: j, kind: word})
			} else {
				toks = append(toks, newToken(t, i))
			}
			i = j
		case strings.HasPrefix(s[i:], "'''") && i > 0 && !lastIsSpace(s[:i]):
			// Three apostrophes closing a quotation within a quotation
			// (''... 'a special case,''') are the single mark, then the double.
			toks = append(toks, token{s: "'", low: "'", start: i, end: i + 1, kind: punct})
			toks = append(toks, token{s: "''", low: `"`, start: i + 1, end: i + 3, kind: punct})
			i += 3
		case strings.HasPrefix(s[i:], "''"):
			// Two apostrophes are a double quotation mark (the NYT's ''...'').
			toks = append(toks, token{s: "''", low: `"`, start: i, end: i + 2, kind: punct})
			i += 2
		default:
			toks = append(toks, token{s: s[i : i+n], low: foldQuote(s[i : i+n]), start: i, end: i + n, kind: punct})
			i += n
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i: letters and digits, joined by
// single inner hyphens, apostrophes, dots (U.S., 9.3) or commas between digits (1,500).
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' && j > i {
			j += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '.' || r == ',' || r == '&' {
			if j+n >= len(s) {
				break
			}
			next, _ := utf8.DecodeRuneInString(s[j+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[:j])
			ok := false
			switch r {
			case ',':
				ok = unicode.IsDigit(prev) && unicode.IsDigit(next) && digitsAhead(s[j+n:]) == 3
			case '.':
				ok = unicode.IsLetter(next) && isAbbrevDot(s[i:j]) || unicode.IsDigit(prev) && unicode.IsDigit(next)
			case '&':
				ok = unicode.IsUpper(prev) && unicode.IsUpper(next)
			default:
				ok = unicode.IsLetter(next) || unicode.IsDigit(next)
			}
			if ok {
				j += n
				continue
			}
			// Keep the final dot of an abbreviation such as U.S. or U.N., or of a
			// title before a name: "Mr.", "Sen.", "Gov.".
			if r == '.' && (strings.Contains(s[i:j], ".") && isAbbrevDot(s[i:j]) || titleAbbrevs[strings.ToLower(s[i:j])]) {
				j += n
			}
		}
		break
	}
	return j
}

// titleAbbrevs are abbreviated titles whose full stop belongs to the word.
var titleAbbrevs = set("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt",
	"capt", "gov", "sen", "rep", "rev", "adm", "maj", "cpl", "pvt", "atty", "messrs")

// isAbbrevDot reports whether w, the word so far, looks like a dotted abbreviation
// (U, U.S, e.g) so that a following dot belongs to it.
func isAbbrevDot(w string) bool {
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func digitsAhead(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// possessiveAt returns where a trailing 's or ’s starts in w, or 0.
func possessiveAt(w string) int {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
		// plural possessive: "countries'" keeps the word, drops the mark
		return 0
	}
	return 0
}

func newToken(t string, start int) token {
	tk := token{s: t, low: foldQuote(strings.ToLower(t)), start: start, end: start + len(t), kind: word}
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsDigit(r) {
		tk.kind = num
	}
	tk.cap = unicode.IsUpper(r)
	return tk
}

// foldQuote replaces curly quotes and apostrophes with straight ones.
func foldQuote(s string) string {
	if !strings.ContainsAny(s, "‘’“”") {
		return s
	}
	return strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace(s)
}

// isQuote reports whether a punctuation token is a quotation mark.
func (t token) isQuote() bool {
	return t.kind == punct && (t.low == `"` || t.s == "“" || t.s == "”" || t.s == "«" || t.s == "»")
}

// isOpenQuote reports whether t opens a quotation, judging straight quotes by the
// space before them.
func isOpenQuote(s string, t token) bool {
	switch t.s {
	case "“", "«":
		return true
	case "”", "»":
		return false
	case `"`, "''":
		if t.start == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(s[:t.start])
		return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '-' || r == ':'
	}
	return false
}

// low returns the lower-case form of token k, or "" outside the sentence.
func (s *sentence) low(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].low
}

// lastIsSpace reports whether s ends in white space.
func lastIsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}
