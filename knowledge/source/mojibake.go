package source

import (
	"strings"
	"unicode/utf8"
)

// repairMojibake undoes UTF-8 text that was read as Latin-1 or Windows-1252
// and encoded as UTF-8 again, once or more, as scraped news often is:
// "BasÃ¡Ã±ez" and "BasÃ\u0083Â¡Ã\u0083Â±ez" are "Basáñez". Only runs of
// characters whose single-byte codes form valid multi-byte UTF-8 are replaced,
// so text that merely has accents is left alone.
func repairMojibake(text string) string {
	for range 3 {
		if !strings.Contains(text, "\xc3") && !strings.Contains(text, "\xc2") && !strings.Contains(text, "\xcc") {
			return text // no character in U+00C2..U+00FF, no combining accent
		}
		fixed, changed := undoMojibake(text)
		if !changed {
			break
		}
		text = fixed
	}
	return text
}

// undoMojibake undoes one round of double encoding.
func undoMojibake(text string) (string, bool) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); {
		r, n := composedAt(text, i)
		if r < 0xC2 || r > 0xF4 {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		// The run of characters standing for single bytes 0x80..0xFF.
		var raw []byte
		var ends []int
		for j := i; j < len(text) && len(raw) < 64; {
			r2, n2 := composedAt(text, j)
			c, ok := singleByte(r2)
			if !ok {
				break
			}
			raw = append(raw, c)
			j += n2
			ends = append(ends, j)
		}
		used := 0
		for used < len(raw) {
			r3, size := utf8.DecodeRune(raw[used:])
			if r3 == utf8.RuneError || size < 2 {
				break
			}
			used += size
		}
		if used == 0 {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		b.Write(raw[:used])
		i = ends[used-1]
		changed = true
	}
	return b.String(), changed
}

// composedAt decodes the character at byte i, composing "A" or "a" and a
// combining accent into one (mojibake that was then normalised to NFD spells
// "Ã" as "A" and U+0303).
func composedAt(text string, i int) (rune, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != 'A' && r != 'a' || i+n >= len(text) {
		return r, n
	}
	m, n2 := utf8.DecodeRuneInString(text[i+n:])
	if m >= 0x300 && m <= 0x30A {
		if off, ok := accentOffsets[m]; ok {
			return r + 0xC0 - 'A' + off, n + n2 // 'a' + 0xC0 - 'A' is 0xE0
		}
	}
	return r, n
}

// accentOffsets place a combining accent's composition after À (or à): À Á Â
// Ã Ä Å.
var accentOffsets = map[rune]rune{0x300: 0, 0x301: 1, 0x302: 2, 0x303: 3, 0x308: 4, 0x30A: 5}

// singleByte returns the byte a character stands for in Latin-1 or
// Windows-1252, when it is 0x80 or above.
func singleByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	c, ok := cp1252[r]
	return c, ok
}

// cp1252 maps the characters Windows-1252 puts at 0x80..0x9F to their bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91,
	'’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98,
	'™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}
