package gazetteer

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// token is one token of a text: its bytes in the text, its lower-cased key in a
// separate buffer, and what its letters look like.
type token struct {
	start, end int // byte offsets in the text
	ks, ke     int // the key in the key buffer
	word       bool
	first      bool // the first letter is upper or title case
	upper      bool // every letter is upper case
	upperS     bool // every letter but a final lower-case 's' is upper case
}

// key returns t's key; the conversion does not allocate when used as a map index.
func key(buf []byte, t token) string { return string(buf[t.ks:t.ke]) }

// isApostrophe reports whether r is an apostrophe or a character standing for one.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ'
}

// isHyphen reports whether r is a hyphen, which is dropped.
func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '\u00ad'
}

// isWordRune reports whether r belongs in a word token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// decode returns the rune at s[i] and its size, with an ASCII fast path.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// appendLower appends the lower-case key form of r to buf.
func appendLower(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	if isApostrophe(r) {
		return append(buf, '\'')
	}
	return utf8.AppendRune(buf, unicode.ToLower(r))
}

// tokenize appends the tokens of s to toks and their keys to buf.
func tokenize(s string, toks []token, buf []byte) ([]token, []byte) {
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || isHyphen(r) || unicode.IsSpace(r):
			i += size
		case isWordRune(r) && !isApostrophe(r):
			t := token{start: i, ks: len(buf), word: true}
			letters, uppers := 0, 0
			lastUpper := false // case of the last letter
			for i < len(s) {
				if c := s[i]; c < utf8.RuneSelf && c != '\'' {
					// ASCII fast path
					lower, upper := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z'
					if !lower && !upper && (c < '0' || c > '9') {
						break
					}
					if lower || upper {
						letters++
						lastUpper = upper
						if upper {
							uppers++
							c += 'a' - 'A'
						}
						if letters == 1 {
							t.first = upper
						}
					}
					buf = append(buf, c)
					i++
					continue
				}
				r, size = decode(s, i)
				if isApostrophe(r) {
					// keep an apostrophe between two word characters
					if i+size >= len(s) {
						break
					}
					if r2, _ := decode(s, i+size); !isWordRune(r2) {
						break
					}
				} else if !isWordRune(r) {
					break
				}
				if unicode.IsLetter(r) {
					letters++
					lastUpper = unicode.IsUpper(r) || unicode.IsTitle(r)
					if lastUpper {
						uppers++
					}
					if letters == 1 {
						t.first = lastUpper
					}
				}
				buf = appendLower(buf, r)
				i += size
			}
			t.end, t.ke = i, len(buf)
			// split a possessive 's off the word: "Korea's" -> "korea", "'s"
			if t.ke-t.ks > 2 && buf[t.ke-2] == '\'' && buf[t.ke-1] == 's' {
				_, asize := utf8.DecodeLastRuneInString(s[:t.end-1])
				p := token{start: t.end - 1 - asize, end: t.end, ks: t.ke - 2, ke: t.ke}
				t.end, t.ke = p.start, p.ks
				letters--
				if lastUpper {
					uppers--
				}
				t.upper = letters > 0 && uppers == letters
				toks = append(toks, t, p)
				continue
			}
			t.upper = letters > 0 && uppers == letters
			t.upperS = letters > 1 && uppers == letters-1 && !lastUpper && buf[t.ke-1] == 's'
			toks = append(toks, t)
		default:
			t := token{start: i, end: i + size, ks: len(buf)}
			buf = appendLower(buf, r)
			t.ke = len(buf)
			toks = append(toks, t)
			i += size
		}
	}
	return toks, buf
}

// hasUpper reports whether s holds an upper- or title-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
	}
	return false
}

// node is a trie node keyed by token keys. Most nodes have a single child, kept
// outside a map.
type node struct {
	onlyKey string
	only    *node
	next    map[string]*node // when there are several children
	alias   *alias
}

// child returns the child of n under key k, or nil. Taking bytes lets callers look
// up without allocating.
func (n *node) child(k []byte) *node {
	if n.next != nil {
		return n.next[string(k)]
	}
	if n.only != nil && string(k) == n.onlyKey {
		return n.only
	}
	return nil
}

// addChild returns the child of n under key k, making it if needed.
func (n *node) addChild(k string) *node {
	if c := n.child([]byte(k)); c != nil {
		return c
	}
	c := &node{}
	switch {
	case n.next != nil:
		n.next[k] = c
	case n.only == nil:
		n.onlyKey, n.only = k, c
	default:
		n.next = map[string]*node{n.onlyKey: n.only, k: c}
		n.onlyKey, n.only = "", nil
	}
	return c
}

// kindMask is a set of kinds.
type kindMask uint8

const allKinds kindMask = 0xff

// bit returns the mask bit of kind k, or 0 for an unknown kind.
func bit(k Kind) kindMask {
	switch k {
	case Country:
		return 1
	case Government:
		return 2
	case Organisation:
		return 4
	case Place:
		return 8
	case Role:
		return 16
	}
	return 0
}

// defaultKinds is every kind but Place.
var defaultKinds = allKinds &^ bit(Place)

// needKind is a per-token case requirement.
type needKind uint8

const (
	needNone  needKind = iota
	needCap            // the first letter is upper case: "Speaker"
	needUpper          // every letter is upper case: "US"
)

// relax says in which modes a case requirement is lifted.
type relax uint8

const (
	relaxQuery  relax = iota // lifted in ScanQuery and all-lower-case Lookup
	relaxLookup              // lifted in all-lower-case Lookup only
	relaxNever               // never lifted
)

// caseMode is how strictly case rules are applied.
type caseMode uint8

const (
	modeStrict      caseMode = iota // Scan, and Lookup of input with capitals
	modeQuery                       // ScanQuery
	modeLookupLower                 // Lookup of all-lower-case input
	modeAny                         // no case rules (Role, GenericBody)
)

// alias is what a trie node stands for.
type alias struct {
	entry   int32
	kind    kindMask
	needs   []needKind // one per token, nil when there are none
	relax   relax      // how far needs may be relaxed
	capital bool       // a proper name: some word other than "the" must begin with a capital
	plural  bool       // a generated plural of a role title
	generic bool       // a Government alias that is also a generic body ("senate")
}

// caseOK reports whether toks (the tokens of text the alias was found in) satisfy
// the alias's case rules in mode.
func (a *alias) caseOK(toks []token, buf []byte, mode caseMode) bool {
	switch mode {
	case modeAny:
		return true
	case modeLookupLower:
		if a.relax != relaxNever {
			return true
		}
	case modeQuery:
		if a.relax == relaxQuery {
			return true
		}
	}
	if a.needs != nil {
		for i, nd := range a.needs {
			t := toks[i]
			switch nd {
			case needCap:
				if !t.first {
					return false
				}
			case needUpper:
				if !t.upper && !(a.plural && i == len(a.needs)-1 && t.upperS) {
					return false
				}
			}
		}
	}
	if a.capital && mode != modeQuery {
		for _, t := range toks {
			if t.word && t.first && string(buf[t.ks:t.ke]) != "the" {
				return true
			}
		}
		return false
	}
	return true
}

// scanState is the reusable scratch space of one scan.
type scanState struct {
	toks  []token
	buf   []byte
	spans [][2]int
}

var scanPool = sync.Pool{New: func() any { return &scanState{toks: make([]token, 0, 64), buf: make([]byte, 0, 256)} }}

// Scan finds gazetteer aliases in text: non-overlapping, longest first from the
// left, on token boundaries (see the package comment), in text order, with byte
// offsets into text. "South Sudan" beats "Sudan", "Vice Foreign Minister" is one
// Role, and in "South Korea's" the match stops before the possessive. Case rules
// apply in full (see the package comment): "US" but not "us", "Turkey" but not
// "turkey sandwich".
//
// kinds selects the kinds to look for; none means every kind but Place. An alias
// whose kind is not selected does not hide shorter aliases inside it.
//
// Two adjustments on top of the tables: a role title takes in the modifiers right
// before it ("Deputy Defence Minister", "former president"; see
// [Gazetteer.RoleTitle] for the entry it gets), and a government body that is also
// a generic one ("Senate", "Congress", "House of Commons") is dropped when a
// different country comes right before it ("Philippine Senate"), leaving the caller
// to treat it with [Gazetteer.GenericBody].
func (g *Gazetteer) Scan(text string, kinds ...Kind) []Match {
	return g.scan(text, modeStrict, kinds)
}

// ScanQuery is [Gazetteer.Scan] for questions typed in a chat, where case is
// unreliable: proper names and short abbreviations match in any case ("what did nato
// say", "the eu"), but "US" and "WHO" must still be written in capitals because
// "us" and "who" are common words in questions.
func (g *Gazetteer) ScanQuery(text string, kinds ...Kind) []Match {
	return g.scan(text, modeQuery, kinds)
}

func (g *Gazetteer) scan(text string, mode caseMode, kinds []Kind) []Match {
	mask := defaultKinds
	if len(kinds) > 0 {
		mask = 0
		for _, k := range kinds {
			mask |= bit(k)
		}
	}
	st := scanPool.Get().(*scanState)
	toks, buf := tokenize(text, st.toks[:0], st.buf[:0])
	var out []Match
	spans := st.spans[:0] // token spans of out
	for i := 0; i < len(toks); {
		if !toks[i].word {
			i++
			continue
		}
		var best *alias
		end := 0
		n := g.root
		for j := i; j < len(toks); j++ {
			n = n.child(buf[toks[j].ks:toks[j].ke])
			if n == nil {
				break
			}
			if a := n.alias; a != nil && a.kind&mask != 0 && a.caseOK(toks[i:j+1], buf, mode) {
				best, end = a, j+1
			}
		}
		if best == nil {
			i++
			continue
		}
		e := g.entries[best.entry]
		start := i
		switch e.Kind {
		case Role:
			// absorb a preceding role made of modifiers only ("deputy"), then
			// modifier words
			if k := len(out) - 1; k >= 0 && spans[k][1] == i && out[k].Entry.Kind == Role && allModifiers(toks[spans[k][0]:i], buf) {
				start = spans[k][0]
				out, spans = out[:k], spans[:k]
			}
			prevEnd := 0
			if k := len(spans) - 1; k >= 0 {
				prevEnd = spans[k][1]
			}
			for start > prevEnd && toks[start-1].word && roleModifiers[key(buf, toks[start-1])] {
				start--
			}
			if start < i {
				e = modified(e, toks[start:i], buf, text[:toks[i].start])
			}
		case Government:
			if k := len(out) - 1; best.generic && k >= 0 {
				p, pe := out[k].Entry, spans[k][1]
				adjacent := pe == i || pe+1 == i && key(buf, toks[pe]) == "'s"
				if p.Kind == Country && adjacent && p.Code != e.Country {
					i = end
					continue
				}
			}
		}
		s, t := toks[start].start, toks[end-1].end
		if out == nil {
			out = make([]Match, 0, 8)
		}
		out = append(out, Match{Start: s, End: t, Text: text[s:t], Entry: e, Plural: best.plural})
		spans = append(spans, [2]int{start, end})
		i = end
	}
	st.toks, st.buf, st.spans = toks[:0], buf[:0], spans[:0]
	scanPool.Put(st)
	return out
}

// allModifiers reports whether every token of toks is a role modifier.
func allModifiers(toks []token, buf []byte) bool {
	for _, t := range toks {
		if !roleModifiers[key(buf, t)] {
			return false
		}
	}
	return len(toks) > 0
}
