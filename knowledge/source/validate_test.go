package source

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestValidateMessages(t *testing.T) {
	for _, tc := range []struct {
		data string
		opt  Options
		want string
	}{
		{"", Options{}, "empty file"},
		{" \n ", Options{}, "empty file (only white space)"},
		{"ab\x00cd", Options{}, "binary file (it contains NUL bytes)"},
		{"%PDF-1.4", Options{}, "binary file (a PDF document)"},
		{strings.Repeat("\x1b[0m", 9), Options{}, "binary file (9 control characters)"},
		{"\xff\xfeH\x00i\x00", Options{}, "UTF-16 text: save it as UTF-8"},
		{"H\x00e\x00l\x00l\x00o\x00.\x00", Options{}, "UTF-16 text: save it as UTF-8"},
		{"One.\nTwo.\nThé caf\xe9", Options{}, "invalid UTF-8 at line 3, column 8 (byte 19)"},
		{"\uFEFF\xe9", Options{}, "invalid UTF-8 at line 1, column 1 (byte 4)"},
		{"Short. " + strings.Repeat("x", 11) + "\nok", Options{MaxRunBytes: 10}, "sentence too long: 12 bytes without a full stop at line 1 (the limit is 10)"},
		{"a\nb\n" + strings.Repeat("x", 11), Options{MaxRunBytes: 10}, "sentence too long: 11 bytes without a full stop at line 3 (the limit is 10)"},
	} {
		_, err := Validate([]byte(tc.data), tc.opt)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Validate(%q) = %v, want %q", tc.data, err, tc.want)
		}
	}
}

func TestValidateAccepts(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"Plain text.", "Plain text."},
		{"\uFEFFWith a BOM.\r\n", "With a BOM.\r\n"},
		{"Tabs\tand\fform feeds.\r\n", "Tabs\tand\fform feeds.\r\n"},
		{"A stray Ctrl-Z at the end.\x1a", "A stray Ctrl-Z at the end.\x1a"},
		{"Ünïcödé — “quotes” 漢字。", "Ünïcödé — “quotes” 漢字。"},
		{strings.Repeat("x", 20000) + ".", strings.Repeat("x", 20000) + "."},
		// Mojibake is repaired: UTF-8 read as Latin-1 or Windows-1252 and encoded
		// again, once, or twice (with C1 control characters).
		{"Miguel BasÃ¡Ã±ez said.", "Miguel Basáñez said."},
		{"It costs Â£5 â€” a bargain.", "It costs £5 — a bargain."},
		{strings.Repeat("BasÃÂ¡ÃÂ±ez and SarukhÃÂ¡n. ", 4), strings.Repeat("Basáñez and Sarukhán. ", 4)},
		// The same, normalised to NFD: "Ã" spelt as "A" and a combining tilde.
		{strings.Repeat("BasA\u0303\u0083A\u0302¡A\u0303\u0083A\u0302±ez. ", 4), strings.Repeat("Basáñez. ", 4)},
		// Accents alone stay as they are.
		{"Ça coûte 5 € à Zürich, señor.", "Ça coûte 5 € à Zürich, señor."},
		{"Cafe\u0301 and A\u0303 alone.", "Cafe\u0301 and A\u0303 alone."},
	} {
		got, err := Validate([]byte(tc.data), Options{})
		if err != nil || got != tc.want {
			t.Errorf("Validate(%.40q) = %.40q, %v; want %.40q", tc.data, got, err, tc.want)
		}
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct{ text, rel, want string }{
		{"Headline\n\nBody.", "a/bbc-story.txt", "Headline"},
		{"Headline\r\n\r\nBody.", "x.txt", "Headline"},
		{"Headline\n \t\nBody.", "x.txt", "Headline"},
		{"Headline\nBody.", "dir/name.txt", "name"},
		{"Headline", "name.txt", "name"},
		{"Headline\n", "name.txt", "name"},
		{"## Heading\n\nBody.", "notes.md", "Heading"},
		{"## Heading\n\nBody.", "notes.txt", "## Heading"},
		{"#\n\nBody.", "notes.md", "notes"},
		{"name.with.dots", "name.with.dots.txt", "name.with.dots"},
	} {
		if got := title(tc.text, tc.rel); got != tc.want {
			t.Errorf("title(%q, %q) = %q, want %q", tc.text, tc.rel, got, tc.want)
		}
	}
}

func TestDate(t *testing.T) {
	got := map[string]string{}
	for _, rel := range []string{
		"2024-10-23-story.txt", "20241023-story.txt", "2024-10-23.txt", "20241023_story.md",
		"dir/2024-01-31 story.txt", "2024-02-29-leap.txt", "2023-02-29-not-leap.txt",
		"2024-13-01-x.txt", "20241023x.txt", "202410231-x.txt", "2024-1023-x.txt", "story-2024-10-23.txt",
	} {
		got[rel] = date(rel)
	}
	want := map[string]string{
		"2024-10-23-story.txt": "2024-10-23", "20241023-story.txt": "2024-10-23",
		"2024-10-23.txt": "2024-10-23", "20241023_story.md": "2024-10-23",
		"dir/2024-01-31 story.txt": "2024-01-31", "2024-02-29-leap.txt": "2024-02-29",
		"2023-02-29-not-leap.txt": "", "2024-13-01-x.txt": "", "20241023x.txt": "",
		"202410231-x.txt": "", "2024-1023-x.txt": "", "story-2024-10-23.txt": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("date mismatch (-want +got):\n%s", diff)
	}
}

// plain reports whether data is text Validate must accept: valid UTF-8, not
// blank, without control characters other than tab, line feed, carriage return
// and form feed, without a binary signature and without long runs.
func plain(data []byte, limit int) bool {
	text := string(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if !utf8.Valid(data) || strings.TrimSpace(text) == "" || signature(data) != "" {
		return false
	}
	run := 0
	for _, r := range text {
		if unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f", r) {
			return false
		}
		if isSentenceEnd(r) {
			run = 0
		} else if run += utf8.RuneLen(r); run > limit {
			return false
		}
	}
	return true
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{
		"Headline\n\nBody. More body!", "\uFEFFBOM\r\n", "caf\xe9", "\xff\xfeH\x00", "H\x00i\x00",
		"%PDF-1.7", "a\x00b", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e", " \t\n", "", "漢字。…",
	} {
		f.Add([]byte(s))
	}
	opt := Options{MaxRunBytes: 64}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Validate(data, opt)
		if err == nil {
			if want := string(bytes.TrimPrefix(data, []byte("\uFEFF"))); text != want {
				t.Fatalf("Validate(%q) = %q, want %q", data, text, want)
			}
			return
		}
		known := false
		for _, e := range []error{ErrEmpty, ErrBinary, ErrUTF16, ErrInvalidUTF8, ErrRunTooLong} {
			known = known || errors.Is(err, e)
		}
		if !known {
			t.Fatalf("Validate(%q): unexpected error %v", data, err)
		}
		if utf8.Valid(data) && errors.Is(err, ErrInvalidUTF8) {
			t.Fatalf("Validate(%q) of valid UTF-8: %v", data, err)
		}
		if plain(data, opt.MaxRunBytes) {
			t.Fatalf("Validate(%q) of plain text: %v", data, err)
		}
	})
}
