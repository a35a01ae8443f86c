// Package stem turns text into the terms SQLite's FTS5 "porter unicode61
// remove_diacritics 2" tokenizer indexes.
//
// The answer ranker uses it to compare questions and sentences in exactly the
// terms the full-text index holds (for reranking, and to look up document
// frequencies in an fts5vocab table), without a round trip to SQLite.
//
// Tokenizing follows SQLite's unicode61 tokenizer: a token is a run of token
// characters (Unicode letters, numbers and private-use characters, as SQLite's
// own tables classify them; unassigned code points count as letters), and
// everything else separates tokens, so "don't" is "don" and "t", "Hong-kyun"
// is "hong" and "kyun", and "1,500" is "1" and "500". Letters are folded to
// lower case with their diacritics removed ("Élysée" is "elysee"), and a few
// combining marks (U+0300 to U+0331) are dropped inside a token instead of
// ending it. Every token is then stemmed with Porter.
//
// The results match SQLite byte for byte, invalid UTF-8 included. The
// character tables in tables.go are read out of SQLite itself by
// gen_tables.go (go generate), so they follow SQLite's Unicode data, not Go's.
package stem

// maxTokenSize is the longest token FTS5 stores (FTS5_MAX_TOKEN_SIZE); longer
// tokens are cut to this many bytes.
const maxTokenSize = 32768

// Tokens splits text the way the unicode61 tokenizer with remove_diacritics 2
// does and returns its tokens, lower-cased and without diacritics but not
// stemmed. Tokens longer than FTS5's 32768-byte limit are cut short as FTS5
// cuts them. The returned strings may share memory with text.
func Tokens(text string) []string {
	var toks []string
	s := scanner{text: text}
	for {
		raw, folded, ok := s.next()
		if !ok {
			return toks
		}
		if folded != nil {
			raw = string(folded)
		}
		toks = append(toks, raw)
	}
}

// Terms returns the terms FTS5 indexes for text, in order: Porter applied to
// each of Tokens(text). The returned strings may share memory with text.
func Terms(text string) []string {
	return AppendTerms(nil, text)
}

// AppendTerms appends the terms of text, as Terms returns them, to dst and
// returns the extended slice. Terms that are a piece of text (such as "run" in
// "run" or "runs") share its memory and cost no allocation.
func AppendTerms(dst []string, text string) []string {
	var scratch [porterMaxToken]byte
	s := scanner{text: text}
	for {
		raw, folded, ok := s.next()
		if !ok {
			return dst
		}
		if folded == nil {
			dst = append(dst, porter(raw, &scratch))
			continue
		}
		if len(folded) < porterMinToken || len(folded) > porterMaxToken {
			dst = append(dst, string(folded))
			continue
		}
		dst = append(dst, string(stemBytes(folded)))
	}
}

// asciiClass says what unicode61 does with each byte below 0x80; bytes from
// 0x80 up start a multi-byte character (or are stray bytes of one).
var asciiClass = func() (t [256]uint8) {
	for b := 0x80; b < 0x100; b++ {
		t[b] = nonASCII
	}
	for b := '0'; b <= '9'; b++ {
		t[b] = keep
	}
	for b := 'a'; b <= 'z'; b++ {
		t[b] = keep
		t[b-'a'+'A'] = upper
	}
	return t
}()

// Values of asciiClass.
const (
	separator = iota // not part of any token
	keep             // a lower-case letter or digit, kept as it is
	upper            // an upper-case letter, kept in lower case
	nonASCII         // a byte of a multi-byte character
)

// A scanner walks a text token by token, like fts5UnicodeTokenize.
type scanner struct {
	text  string
	pos   int
	buf   []byte     // the current token, when it is not a piece of text
	chars *charTable // loaded on the first non-ASCII character
}

// info returns what unicode61 does with the non-ASCII code point c.
func (s *scanner) info(c uint32) charInfo {
	if s.chars == nil {
		s.chars = loadCharTable()
	}
	return s.chars.lookup(c)
}

// next returns the next token: either raw, a piece of the text that is the
// token as it is, or folded, the token as built in the scanner's buffer (valid
// until the next call). ok is false at the end of the text.
func (s *scanner) next() (raw string, folded []byte, ok bool) {
	text, i := s.text, s.pos

	// Skip separators.
	for {
		if i >= len(text) {
			s.pos = i
			return "", nil, false
		}
		b := text[i]
		if b < 0x80 {
			if asciiClass[b] != separator {
				break
			}
			i++
			continue
		}
		c, n := decodeRune(text, i)
		if s.info(c)&canStart != 0 {
			break
		}
		i = n
	}

	// Most tokens are lower-case ASCII words and numbers, found as they are.
	start := i
	for i < len(text) && asciiClass[text[i]] == keep {
		i++
	}
	if i > start && (i == len(text) || asciiClass[text[i]] == separator) {
		s.pos = i
		return text[start:min(i, start+maxTokenSize)], nil, true
	}

	// Otherwise fold the token into the buffer.
	buf := append(s.buf[:0], text[start:i]...)
loop:
	for i < len(text) {
		b := text[i]
		switch asciiClass[b] {
		case keep:
			buf = append(buf, b)
			i++
		case upper:
			buf = append(buf, b+'a'-'A')
			i++
		case separator:
			break loop
		default:
			c, n := decodeRune(text, i)
			i = n
			info := s.info(c)
			if info&canContinue == 0 {
				break loop // a separator; skipping it here changes nothing
			}
			if f := info.fold(c); f != 0 {
				buf = appendRune(buf, f)
			}
		}
	}
	s.buf, s.pos = buf, i
	return "", buf[:min(len(buf), maxTokenSize)], true
}
