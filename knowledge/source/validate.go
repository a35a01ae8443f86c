package source

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Validate checks that data is a briefing's text and returns it without a UTF-8
// byte-order mark. The error, when there is one, wraps ErrEmpty, ErrBinary,
// ErrUTF16, ErrInvalidUTF8 or ErrRunTooLong. UTF-8 with or without a byte-order
// mark and CRLF or LF line ends are accepted, and so are a few control
// characters other than tab, line feed, carriage return and form feed; many of
// them (more than 8, or than one per KiB) mark the file as binary. Text encoded
// as UTF-8 twice or more (mojibake: "BasÃ¡Ã±ez") is repaired first.
func Validate(data []byte, opt Options) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return "", ErrUTF16
	}
	if kind := signature(data); kind != "" {
		return "", fmt.Errorf("%w (%s)", ErrBinary, kind)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if looksUTF16(data) {
			return "", ErrUTF16
		}
		return "", fmt.Errorf("%w (it contains NUL bytes)", ErrBinary)
	}
	bom := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		bom = 3
	}
	if !utf8.Valid(data[bom:]) {
		return "", invalidUTF8(data, bom)
	}
	text := string(data[bom:])
	if text == "" {
		return "", ErrEmpty
	}
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%w (only white space)", ErrEmpty)
	}
	text = repairMojibake(text)
	if n := controls(text); n > max(8, len(text)/1024) {
		return "", fmt.Errorf("%w (%d control characters)", ErrBinary, n)
	}
	if err := checkRuns(text, opt.maxRun()); err != nil {
		return "", err
	}
	return text, nil
}

// signatures are the first bytes of common binary formats.
var signatures = []struct{ prefix, kind string }{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive, such as a Word or OpenDocument file"},
	{"PK\x05\x06", "an empty ZIP archive"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document"},
	{"\x89PNG\r\n\x1A\n", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
	{"Rar!\x1A\x07", "a RAR archive"},
	{"\x7FELF", "an executable"},
}

// signature names the binary format data starts with, or returns "".
func signature(data []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.prefix)) {
			return s.kind
		}
	}
	return ""
}

// looksUTF16 reports whether data, which holds NUL bytes, looks like UTF-16
// without a byte-order mark: in mostly-ASCII UTF-16 every other byte is NUL.
// It samples the first 4 KiB.
func looksUTF16(data []byte) bool {
	data = data[:min(len(data), 4096)&^1]
	pairs := len(data) / 2
	var nuls [2]int // at even and odd offsets
	for i, c := range data {
		if c == 0 {
			nuls[i%2]++
		}
	}
	for p := range 2 {
		if nuls[p] >= 2 && nuls[p]*4 >= pairs && nuls[1-p]*50 <= pairs {
			return true
		}
	}
	return false
}

// invalidUTF8 reports where the first invalid byte of data[bom:] is.
func invalidUTF8(data []byte, bom int) error {
	text := data[bom:]
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line := 1 + bytes.Count(text[:i], []byte("\n"))
	lineStart := bytes.LastIndexByte(text[:i], '\n') + 1
	column := 1 + utf8.RuneCount(text[lineStart:i])
	return fmt.Errorf("%w at line %d, column %d (byte %d)", ErrInvalidUTF8, line, column, bom+i+1)
}

// controls counts the control characters in text other than tab, line feed,
// carriage return and form feed.
func controls(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			n++
		}
	}
	return n
}

// isSentenceEnd reports whether r ends a sentence or a line.
func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '\n', '\r', '\f', '\u2028', '\u2029', '…', '。', '！', '？':
		return true
	}
	return false
}

// checkRuns fails with ErrRunTooLong when text has a stretch of more than limit
// bytes without a sentence end.
func checkRuns(text string, limit int) error {
	start, line, startLine := 0, 1, 1
	tooLong := func(end int) error {
		return fmt.Errorf("%w: %d bytes without a full stop at line %d (the limit is %d)",
			ErrRunTooLong, end-start, startLine, limit)
	}
	for i, r := range text {
		if !isSentenceEnd(r) {
			continue
		}
		if i-start > limit {
			return tooLong(i)
		}
		if r == '\n' {
			line++
		}
		start, startLine = i+utf8.RuneLen(r), line
	}
	if len(text)-start > limit {
		return tooLong(len(text))
	}
	return nil
}

// maxTitle is the longest first line taken as a title, in characters; longer
// ones are paragraphs.
const maxTitle = 200

// title returns the first line of text when a blank line follows it, else the
// file name of rel without its extension.
func title(text, rel string) string {
	lines := strings.SplitN(strings.TrimLeftFunc(text, unicode.IsSpace), "\n", 3)
	if len(lines) == 3 && strings.TrimSpace(lines[1]) == "" {
		t := strings.TrimSpace(lines[0])
		if strings.EqualFold(path.Ext(rel), ".md") {
			t = strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
		if t != "" && utf8.RuneCountInString(t) <= maxTitle {
			return t
		}
	}
	name := path.Base(rel)
	return strings.TrimSuffix(name, path.Ext(name))
}

// datePrefix matches a file name starting with a date, 2024-10-23 or 20241023,
// followed by something other than a letter or digit.
var datePrefix = regexp.MustCompile(`^(?:(\d{4})-(\d{2})-(\d{2})|(\d{4})(\d{2})(\d{2}))(?:[^\pL\pN]|$)`)

// date returns the date the file name of rel starts with as YYYY-MM-DD, or ""
// when it starts with none or with an impossible one.
func date(rel string) string {
	m := datePrefix.FindStringSubmatch(path.Base(rel))
	if m == nil {
		return ""
	}
	d := strings.Join(m[1:4], "-")
	if m[1] == "" {
		d = strings.Join(m[4:7], "-")
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return ""
	}
	return d
}
