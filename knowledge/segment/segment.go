// Package segment splits briefing text into sentences.
//
// It is a rule-based segmenter for news prose (BBC, wire and Wikipedia style), in
// the spirit of Punkt, spaCy's sentencizer and pySBD's "Golden Rules". It runs in
// linear time and allocates little more than the result.
//
// Hard boundaries come from the layout:
//   - a blank line (a paragraph break; "\n" and "\r\n" both work), so a headline
//     without a full stop followed by a blank line is a sentence of its own;
//   - a newline before a line that starts with a markdown list marker ("- ", "* ",
//     "+ ", "• ", "1. ", "1) ") or heading ("# "), and the newline after a heading.
//     A numbered marker other than 1 counts only inside a list, since hard-wrapped
//     text may put "2. " at the start of a line. The marker stays in the sentence,
//     which is the text exactly as written;
//   - any other single newline (hard-wrapped text) is plain white space.
//
// Inside a paragraph a sentence ends after ".", "?" or "!" and any closing quotes
// and brackets that follow them (`law.”`, `law."`, `law.')`), when white space
// comes next and then a word that does not start with a lower-case letter (or an
// operator or dash, as in "(p − 1)! + 1"). So `"Why?" he asked`, `etc. and`,
// `5 p.m. on` and `Yahoo! in` do not split, but "iPhone" may open a sentence. A
// full stop does not end a sentence after:
//   - titles and other prefixes: Mr, Mrs, Ms, Dr, Prof, Gen, Lt, Col, Sgt, Capt,
//     Gov, Sen, Rep, Rev, Mt, e.g., i.e., vs., v., cf. and a few more;
//   - a single letter, No., pp., ca., fl., Fig., Vol., Art. and months before a
//     digit ("No. 10", "c. 1350", "(b. 1950)", "p. 55", "Oct. 3");
//   - initials ("George W. Bush", "J. K. Rowling"), dotted acronyms ("U.S.", "U.N.",
//     "Ph.D.", "a.m."), months, St, Jr, Sr and "et al.", unless the next word is one
//     that commonly opens a sentence: "the U.S. Senate", "St. Louis" and "10 a.m.
//     Tuesday" stay whole, "in the U.S. The next day" and "Saturn V. It" split;
//   - an ellipsis ("...", ". . ."); four dots are an ellipsis and a full stop.
//
// Etc., Inc., Ltd., Co. and Corp. end a sentence unless a lower-case word follows.
// A full stop without white space after it never splits, which keeps numbers
// ("$8.6bn", "30.4%"), times ("10.30"), URLs, e-mail addresses and "U.S.-led"
// whole.
//
// Quotations. A citation should hold both the words and who said them, so a
// sentence never ends inside a "..." or “...” quotation that closes in the same
// paragraph: `"We are ready. We will act," he said.` is one sentence, and so is
// `She said: "That toll is old. Nobody can defend it now."`. BBC copy
// continues a quotation over paragraphs that the text has merged by opening a new
// quote without closing the old one (`she added: "The council must hurry. "Ten
// thousand ferries will rust..."`): a quotation still open when another opens is taken to
// end at the last terminal mark before the new one. A quotation that never closes
// in its paragraph protects nothing, so a stray quotation mark cannot swallow a
// paragraph. Single quotes are not tracked (they are also apostrophes). Brackets
// that close in the paragraph protect their inside the same way ("He taught
// science (He had been an engineer.) at the university.") unless they open a
// sentence: "(In addition, ... They lost money.)" holds sentences of its own.
//
// Sentences are capped at MaxLen bytes: a longer run without a boundary is cut at
// the last white space before the cap (or at the cap, on a character boundary, when
// there is none).
//
// Known limitations: a sentence that really starts with a lower-case word
// ("β-carotene is...") after a full stop is joined to the previous one; a full stop
// with no space after it ("immediately.South") is no boundary; an abbreviation that
// really ends a sentence before a capitalised name ("Schinzel's hypothesis H.
// Brocard's conjecture", "Davis Jr. Conrad") keeps the next sentence attached, and
// "Inc. Chief" splits; a stray closing quote can protect the text up to it; lines
// are split on "\n" only (a lone "\r" is white space).
package segment

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence's byte range in the text; text[Start:End] is the sentence exactly
// as written, with surrounding white space excluded.
type Span struct{ Start, End int }

// MaxLen is the longest sentence Split returns, in bytes.
const MaxLen = 4000

// Split returns the sentences of text in order.
func Split(text string) []Span {
	s := splitter{text: text}
	blockStart := -1 // start of the paragraph being collected, or -1
	inList := false  // whether that paragraph is a list item
	flush := func(end int) {
		if blockStart >= 0 {
			s.block(blockStart, end)
			blockStart = -1
		}
	}
	for start := 0; start < len(text); {
		end, next := len(text), len(text)
		if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
			end, next = start+i, start+i+1
		}
		line := text[start:end]
		m, _ := listMarker(line)
		switch {
		case isBlank(line):
			flush(start)
		case isHeading(line):
			flush(start)
			s.block(start, end)
		case m == bullet || m == firstNumbered || (m == numbered && inList):
			flush(start)
			blockStart = start
			inList = true
		case blockStart < 0:
			blockStart = start
			inList = false
		}
		start = next
	}
	flush(len(text))
	return s.spans
}

// marker is the kind of list marker a line starts with.
type marker int

const (
	noMarker      marker = iota
	bullet               // "- ", "* ", "+ ", "• "
	firstNumbered        // "1. ", "1) "
	numbered             // "2. ", "12) ": a list item only after another one, since
	// hard-wrapped text may put a number and a full stop at the start of a line
)

// splitter holds the state of one Split call.
type splitter struct {
	text  string
	spans []Span
	// protected holds, sorted and merged, the inclusive ranges [lo, hi] of byte
	// offsets in the current block where a sentence may not end: the insides of
	// closed quotations and brackets. It is scratch space reused across blocks.
	protected [][2]int
	stack     []bracket // scratch: the open brackets
}

// bracket is an open bracket and whether its inside is protected.
type bracket struct {
	pos     int
	protect bool
}

// block splits the paragraph text[start:end] into sentences.
func (s *splitter) block(start, end int) {
	s.findProtected(start, end)
	text := s.text
	sent := start // start of the current sentence
	prot := 0     // index of the first protected range not wholly before i
	blockFirst := len(s.spans)
	// The full stop of a list marker ("1. ") ends no sentence.
	first := start
	if m, n := listMarker(text[start:end]); m == firstNumbered || m == numbered {
		first += n
	}
	for i := first; i < end; i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		b, ok := s.boundary(i, end)
		if ok {
			for prot < len(s.protected) && s.protected[prot][1] < b {
				prot++
			}
			if prot < len(s.protected) && s.protected[prot][0] <= b {
				ok = false
			}
		}
		if ok {
			s.emit(sent, b, blockFirst)
			sent = b
		}
		if b > i+1 {
			i = b - 1
		}
	}
	s.emit(sent, end, blockFirst)
}

// emit adds the sentence text[start:end], trimmed and capped at MaxLen. A piece
// without letters or digits (stray punctuation) joins the previous sentence of the
// block, when there is one, instead of standing alone.
func (s *splitter) emit(start, end, blockFirst int) {
	start, end = trim(s.text, start, end)
	if start >= end {
		return
	}
	if n := len(s.spans); n > blockFirst && !hasWord(s.text[start:end]) && end-s.spans[n-1].Start <= MaxLen {
		s.spans[n-1].End = end
		return
	}
	for end-start > MaxLen {
		cut := start + MaxLen
		for cut > start && !isASCIISpace(s.text[cut-1]) {
			cut--
		}
		if cut == start {
			cut = start + MaxLen
			for cut > start && !utf8.RuneStart(s.text[cut]) {
				cut--
			}
			if cut == start {
				cut = start + MaxLen
			}
		}
		a, z := trim(s.text, start, cut)
		if a < z {
			s.spans = append(s.spans, Span{a, z})
		}
		start, end = trim(s.text, cut, end)
	}
	if start < end {
		s.spans = append(s.spans, Span{start, end})
	}
}

// boundary looks at the terminal mark at text[i] and returns the offset just past
// the mark and the closing quotes and brackets that follow it, and whether a
// sentence ends there (ignoring quotations, which the caller checks).
func (s *splitter) boundary(i, end int) (int, bool) {
	text := s.text
	// The run of terminal marks: "?!", "...", ". . .".
	dots, other := 0, false
	j := i
	for j < end {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
			continue
		case c == '?' || c == '!':
			other = true
			j++
			continue
		case c == ' ' && dots > 0 && j+1 < end && text[j+1] == '.':
			j++
			continue
		}
		break
	}
	// Closing quotes and brackets belong to the sentence, and so do further marks
	// (`.")` or `?'.`).
	for j < end {
		if n := closerLen(text, j); n > 0 {
			j += n
		} else if c := text[j]; c == '.' || c == '?' || c == '!' {
			if c == '.' {
				dots++
			} else {
				other = true
			}
			j++
		} else {
			break
		}
	}
	if !other && (dots == 2 || dots == 3) {
		return j, false // an ellipsis
	}
	if j >= end {
		return j, true
	}
	if n := spaceLen(text, j); n == 0 {
		return j, false // "U.S.-led", "10.30", "bbc.co.uk"
	}
	// The next word, after white space and opening quotes or brackets.
	k := j
	for k < end {
		if n := spaceLen(text, k); n > 0 {
			k += n
		} else if n := openerLen(text, k); n > 0 {
			k += n
		} else {
			break
		}
	}
	if k >= end {
		return j, true
	}
	r, size := utf8.DecodeRuneInString(text[k:])
	if isOperator(r) {
		return j, false // "(p − 1)! + 1", "Inc. – added"
	}
	if unicode.IsLower(r) {
		r2, _ := utf8.DecodeRuneInString(text[k+size:])
		if !unicode.IsUpper(r2) { // "iPhone" and "eBay" start sentences
			return j, false
		}
	}
	if other || dots != 1 {
		return j, true
	}
	// A single full stop: is the word before it an abbreviation?
	word := wordBefore(text, i)
	if word == "" {
		return j, true
	}
	digit := r >= '0' && r <= '9'
	kind := kindOf(word)
	switch {
	case kind&title != 0 || word == "v": // "Roe v. Wade", but "Saturn V. The"
		return j, false
	case digit && (kind&number != 0 || isSingleLetter(word)):
		return j, false
	case kind&starter != 0 || isInitial(word) || isAcronym(word):
		return j, isStarter(text, k, end)
	}
	return j, true
}

// findProtected fills s.protected with the ranges of text[start:end] inside closed
// quotations and brackets. Brackets that open a sentence hold sentences of their
// own ("(In addition, ... They lost money.)") and protect nothing.
//
// A quotation still open when another one opens was continued across a paragraph
// break that the copy has lost (BBC style: `he said: "A. B. "C."`): it is taken
// to end at the last full stop, question or exclamation mark before the new one.
func (s *splitter) findProtected(start, end int) {
	s.protected = s.protected[:0]
	s.stack = s.stack[:0]
	text := s.text
	straight, curly := -1, -1 // position of the open quotation, or -1
	lastMark := -1            // position of the last terminal mark followed by a space or closer
	add := func(open, close int) {
		if close > open+1 {
			s.protected = append(s.protected, [2]int{open + 1, close})
		}
	}
	for i := start; i < end; i++ {
		c := text[i]
		if !quoteOrMark[c] {
			continue
		}
		switch c {
		case '.', '?', '!':
			if i+1 < end && (isASCIISpace(text[i+1]) || closerLen(text, i+1) > 0) {
				lastMark = i
			}
		case '"':
			prev := i > start && !isBoundaryByte(text[i-1])
			next := i+1 < end && !isBoundaryByte(text[i+1])
			opens := !prev && next
			closes := prev && !next
			if !opens && !closes { // ambiguous: toggle
				opens = straight < 0
			}
			switch {
			case opens:
				if straight >= 0 {
					add(straight, lastMark)
				}
				straight = i
			case straight >= 0:
				add(straight, i)
				straight = -1
			}
		case '(', '[':
			s.stack = append(s.stack, bracket{i, !startsSentence(text, start, i)})
		case ')', ']':
			if n := len(s.stack); n > 0 && text[s.stack[n-1].pos] == opening(c) {
				if s.stack[n-1].protect {
					add(s.stack[n-1].pos, i)
				}
				s.stack = s.stack[:n-1]
			}
		case 0xE2: // “ U+201C and ” U+201D are E2 80 9C and E2 80 9D
			if i+2 < end && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x9C:
					if curly >= 0 {
						add(curly, lastMark)
					}
					curly = i
				case 0x9D:
					if curly >= 0 {
						add(curly, i)
						curly = -1
					}
				}
			}
		}
	}
	if len(s.protected) < 2 {
		return
	}
	slices.SortFunc(s.protected, func(a, b [2]int) int { return a[0] - b[0] })
	merged := s.protected[:1]
	for _, r := range s.protected[1:] {
		last := &merged[len(merged)-1]
		if r[0] <= last[1]+1 {
			last[1] = max(last[1], r[1])
		} else {
			merged = append(merged, r)
		}
	}
	s.protected = merged
}

// quoteOrMark holds the bytes findProtected looks at.
var quoteOrMark = [256]bool{'.': true, '?': true, '!': true, '"': true, '(': true, '[': true, ')': true, ']': true, 0xE2: true}

// isBoundaryByte reports whether a straight quote next to b is at a word's edge:
// b is white space or punctuation that may stand beside a quotation mark.
func isBoundaryByte(b byte) bool {
	switch b {
	case ' ', '\t', '\n', '\r', '\f', '\v', '.', ',', ';', ':', '?', '!', '(', ')', '[', ']', '-':
		return true
	}
	return false
}

// startsSentence reports whether text[i] starts a sentence of the paragraph that
// starts at text[start]: only white space, or a terminal mark and closing quotes or
// brackets, come before it.
func startsSentence(text string, start, i int) bool {
	for i > start && isASCIISpace(text[i-1]) {
		i--
	}
	if i == start {
		return true
	}
	for i > start {
		switch c := text[i-1]; {
		case c == '.' || c == '?' || c == '!':
			return true
		case c == '"' || c == '\'' || c == ')' || c == ']':
			i--
		case i-3 >= start && c >= 0x98 && c <= 0x9D && text[i-2] == 0x80 && text[i-3] == 0xE2: // ” ’
			i -= 3
		default:
			return false
		}
	}
	return false
}

// opening returns the opening bracket that c closes.
func opening(c byte) byte {
	if c == ')' {
		return '('
	}
	return '['
}

// wordBefore returns the token that ends just before the full stop at text[i]: the
// run of non-space bytes, without opening quotes and brackets; "" when there is
// none or it is too long to be an abbreviation.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 && i-j <= 32 && !isASCIISpace(text[j-1]) {
		j--
	}
	if i-j > 32 {
		return "" // no abbreviation
	}
	w := text[j:i]
	for len(w) > 0 {
		if n := openerLen(w, 0); n > 0 {
			w = w[n:]
		} else {
			break
		}
	}
	return w
}

// isStarter reports whether the word at text[k:end] commonly opens a sentence (and
// is not itself an initial, like the "A." of "J. A. Smith").
func isStarter(text string, k, end int) bool {
	j := k
	for j < end && j-k <= 16 && isASCIILetter(text[j]) {
		j++
	}
	if j == k || (j < end && text[j] == '.') {
		return false
	}
	return starters[text[k:j]]
}

// isSingleLetter reports whether w is one ASCII letter.
func isSingleLetter(w string) bool { return len(w) == 1 && isASCIILetter(w[0]) }

// isOperator reports whether r, opening the next word, shows that the text goes
// on: a mathematical operator or punctuation that never starts a sentence.
func isOperator(r rune) bool {
	switch r {
	case '+', '=', '<', '>', '×', '÷', '−', '/', '^', '|', '~', '%', '&', ',', ';', ':', ')', ']', '}',
		'-', '–', '—':
		return true
	}
	return false
}

// isInitial reports whether w is one upper-case ASCII letter.
func isInitial(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

// isAcronym reports whether w is a dotted acronym without its final full stop:
// groups of one or two letters joined by full stops ("U.S", "a.m", "Ph.D").
func isAcronym(w string) bool {
	groups, n := 1, 0
	for i := 0; i < len(w); i++ {
		switch {
		case isASCIILetter(w[i]):
			n++
			if n > 2 {
				return false
			}
		case w[i] == '.' && n > 0:
			groups++
			n = 0
		default:
			return false
		}
	}
	return groups > 1 && n > 0
}

// kindOf returns the kind of the abbreviation w, ignoring case, or 0.
func kindOf(w string) abbrevKind {
	var buf [8]byte // longer than any abbreviation
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// closerLen returns the length of the closing quote or bracket at text[i], or 0.
func closerLen(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xE2: // ” ’
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99) {
			return 3
		}
	case 0xC2: // »
		if i+1 < len(text) && text[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// openerLen returns the length of the opening quote or bracket at text[i], or 0.
func openerLen(text string, i int) int {
	switch text[i] {
	case '"', '\'', '(', '[', '{':
		return 1
	case 0xE2: // “ ‘
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x98) {
			return 3
		}
	case 0xC2: // « ¿ ¡
		if i+1 < len(text) && (text[i+1] == 0xAB || text[i+1] == 0xBF || text[i+1] == 0xA1) {
			return 2
		}
	}
	return 0
}

// spaceLen returns the length of the white-space character at text[i], or 0.
func spaceLen(text string, i int) int {
	if c := text[i]; c < utf8.RuneSelf {
		if isASCIISpace(c) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// trim returns the bounds of text[start:end] without leading and trailing white space.
func trim(text string, start, end int) (int, int) {
	for start < end {
		n := spaceLen(text, start)
		if n == 0 {
			break
		}
		start += n
	}
	for start < end {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// hasWord reports whether t holds a letter or a digit (any non-ASCII byte counts).
func hasWord(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || isASCIILetter(c) || (c >= '0' && c <= '9') {
			return true
		}
	}
	return false
}

// isBlank reports whether line holds only white space.
func isBlank(line string) bool {
	s, e := trim(line, 0, len(line))
	return s == e
}

// isHeading reports whether line is a markdown heading: "#" to "######", a space.
func isHeading(line string) bool {
	line = trimLeft(line)
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(line) && (line[n] == ' ' || line[n] == '\t')
}

// listMarker says how line starts: with a bullet ("-", "*", "+" or "•" and a
// space), a number of one to three digits and "." or ")" and a space, or neither.
// It also returns the length of the marker, with the white space before it.
func listMarker(line string) (marker, int) {
	rest := trimLeft(line)
	n := 0
	kind := bullet
	switch {
	case len(rest) > 0 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+'):
		n = 1
	case strings.HasPrefix(rest, "•"):
		n = len("•")
	default:
		for n < len(rest) && n < 4 && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 || n > 3 || n >= len(rest) || (rest[n] != '.' && rest[n] != ')') {
			return noMarker, 0
		}
		kind = numbered
		if rest[:n] == "1" {
			kind = firstNumbered
		}
		n++
	}
	if n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
		return kind, len(line) - len(rest) + n
	}
	return noMarker, 0
}

// trimLeft drops leading spaces and tabs.
func trimLeft(line string) string {
	for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
		line = line[1:]
	}
	return line
}

// isASCIISpace reports whether c is ASCII white space.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
