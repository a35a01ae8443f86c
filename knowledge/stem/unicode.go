package stem

import "sync"

//go:generate go run gen_tables.go

// maxRune is the last code point the tables cover. Invalid UTF-8 can make
// larger values, which SQLite treats as letters that fold to themselves.
const maxRune = 0x10FFFF

// charInfo says what unicode61 does with a non-ASCII code point: 0 for a
// separator; otherwise the canStart and canContinue bits, and above them the
// difference between the code point and what it folds to.
type charInfo int32

const (
	canStart    charInfo = 1 << 0 // a token character: it starts or continues a token
	canContinue charInfo = 1 << 1 // a token character or a diacritic
	foldShift            = 2
)

// fold returns what c is written as inside a token; 0 means nothing.
func (i charInfo) fold(c uint32) uint32 {
	return c + uint32(i>>foldShift)
}

// A charTable holds the charInfo of every code point up to maxRune in blocks
// of 256, identical blocks stored once.
type charTable struct {
	index  [(maxRune + 1) >> 8]uint16
	blocks [][256]charInfo
}

func (t *charTable) lookup(c uint32) charInfo {
	if c > maxRune {
		return canStart | canContinue
	}
	return t.blocks[t.index[c>>8]][c&0xFF]
}

// loadCharTable builds the charTable from the generated tables on first use.
var loadCharTable = sync.OnceValue(func() *charTable {
	t := new(charTable)
	seen := make(map[[256]charInfo]uint16)
	seps, dias, fs := separatorRanges[:], diacritics[:], folds[:]
	for blk := range t.index {
		var b [256]charInfo
		for j := range b {
			c := rune(blk<<8 | j)
			for len(seps) > 0 && seps[0][1] < c {
				seps = seps[1:]
			}
			info := canStart | canContinue
			switch {
			case len(seps) > 0 && seps[0][0] <= c:
				info = 0
			case len(dias) > 0 && dias[0] == c:
				info = canContinue
				dias = dias[1:]
			}
			if len(fs) > 0 && fs[0][0] == c {
				info |= charInfo(fs[0][1]-c) << foldShift
				fs = fs[1:]
			}
			b[j] = info
		}
		k, ok := seen[b]
		if !ok {
			k = uint16(len(t.blocks))
			seen[b] = k
			t.blocks = append(t.blocks, b)
		}
		t.index[blk] = k
	}
	return t
})

// utf8Lead gives the payload bits of a UTF-8 lead byte from 0xC0 up, as
// SQLite's sqlite3Utf8Trans1 does (including for the invalid bytes 0xF8-0xFF).
var utf8Lead = func() (t [64]byte) {
	for b := range t {
		switch {
		case b < 0x20:
			t[b] = byte(b)
		case b < 0x30:
			t[b] = byte(b - 0x20)
		case b < 0x38:
			t[b] = byte(b - 0x30)
		case b < 0x3C:
			t[b] = byte(b - 0x38)
		case b < 0x3E:
			t[b] = byte(b - 0x3C)
		}
	}
	return t
}()

// decodeRune reads the character starting at the non-ASCII byte text[i] the
// way SQLite's READ_UTF8 does, and returns it and the index after it. A lead
// byte takes every continuation byte that follows it; a stray continuation
// byte b reads as U+00b; overlong forms, surrogates, U+FFFE and U+FFFF read
// as U+FFFD.
func decodeRune(text string, i int) (c uint32, next int) {
	b := text[i]
	i++
	if b < 0xC0 {
		return uint32(b), i
	}
	c = uint32(utf8Lead[b-0xC0])
	for i < len(text) && text[i]&0xC0 == 0x80 {
		c = c<<6 + uint32(text[i]&0x3F)
		i++
	}
	if c < 0x80 || c&0xFFFFF800 == 0xD800 || c&0xFFFFFFFE == 0xFFFE {
		c = 0xFFFD
	}
	return c, i
}

// appendRune appends c in UTF-8 as SQLite's WRITE_UTF8 does: values past
// U+1FFFFF lose their high bits.
func appendRune(buf []byte, c uint32) []byte {
	switch {
	case c < 0x80:
		return append(buf, byte(c))
	case c < 0x800:
		return append(buf, 0xC0|byte(c>>6&0x1F), 0x80|byte(c&0x3F))
	case c < 0x10000:
		return append(buf, 0xE0|byte(c>>12&0x0F), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F))
	}
	return append(buf, 0xF0|byte(c>>18&0x07), 0x80|byte(c>>12&0x3F), 0x80|byte(c>>6&0x3F), 0x80|byte(c&0x3F))
}
