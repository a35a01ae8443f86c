package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// writeFiles creates the files under dir, with their folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes a symbolic link, skipping the test where that is not allowed.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
}

// mustLoad loads dir and fails on any error.
func mustLoad(t *testing.T, dir string, opt Options) []File {
	t.Helper()
	files, fileErrs, err := Load(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range fileErrs {
		t.Errorf("unexpected file error: %v", e)
	}
	return files
}

// summary is what the tests compare of a loaded file.
type summary struct{ Path, Title, Date, Text string }

func summarize(files []File) []summary {
	var s []summary
	for _, f := range files {
		s = append(s, summary{f.Path, f.Title, f.Date, f.Text})
	}
	return s
}

func utf16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func utf16BE(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

func TestLoadSeeds(t *testing.T) {
	const dir = "../../seeds"
	const name = "north-korean-troops-in-russia.txt"
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	files := mustLoad(t, dir, Options{})
	want := []File{{
		Path:    name,
		Title:   "north-korean-troops-in-russia",
		Hash:    hash(raw),
		Text:    string(raw),
		Size:    int64(len(raw)),
		ModTime: info.ModTime(),
	}}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bbc.txt":               "Headline of the day\n\nBody one. Body two.\n",
		"bom-crlf.txt":          "\uFEFFTitle line\r\n\r\nBody.\r\nMore body.\r\n",
		"no-title.txt":          "First sentence.\nSecond sentence.\n",
		"2024-10-23-talks.txt":  "Talks.",
		"20241024-talks.md":     "# Talks again\n\nText.",
		"2024-02-30-bad.txt":    "Not a real date.",
		"202410231-long.txt":    "Too many digits.",
		"UPPER.TXT":             "Upper case extension.",
		"nested/deep/inner.md":  "Inner text.",
		"leading-blank.txt":     "\n\n  Spaced headline  \n   \nBody.",
		"long-first-line.txt":   strings.Repeat("word ", 60) + "\n\nBody.",
		"image.png":             "not a briefing",
		"notes.txt.bak":         "not a briefing",
		".hidden.txt":           "hidden",
		".git/HEAD.txt":         "hidden folder",
		"nested/.cache/x.txt":   "hidden folder",
		"folder.txt/inside.txt": "A folder named like a briefing is a folder.",
	})
	got := summarize(mustLoad(t, dir, Options{}))
	want := []summary{
		{"2024-02-30-bad.txt", "2024-02-30-bad", "", "Not a real date."},
		{"2024-10-23-talks.txt", "2024-10-23-talks", "2024-10-23", "Talks."},
		{"202410231-long.txt", "202410231-long", "", "Too many digits."},
		{"20241024-talks.md", "Talks again", "2024-10-24", "# Talks again\n\nText."},
		{"UPPER.TXT", "UPPER", "", "Upper case extension."},
		{"bbc.txt", "Headline of the day", "", "Headline of the day\n\nBody one. Body two.\n"},
		{"bom-crlf.txt", "Title line", "", "Title line\r\n\r\nBody.\r\nMore body.\r\n"},
		{"folder.txt/inside.txt", "inside", "", "A folder named like a briefing is a folder."},
		{"leading-blank.txt", "Spaced headline", "", "\n\n  Spaced headline  \n   \nBody."},
		{"long-first-line.txt", "long-first-line", "", strings.Repeat("word ", 60) + "\n\nBody."},
		{"nested/deep/inner.md", "inner", "", "Inner text."},
		{"no-title.txt", "no-title", "", "First sentence.\nSecond sentence.\n"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadHashSizeOfRawBytes(t *testing.T) {
	dir := t.TempDir()
	raw := "\uFEFFText.\r\n"
	writeFiles(t, dir, map[string]string{"a.txt": raw})
	f := mustLoad(t, dir, Options{})[0]
	if f.Hash != hash([]byte(raw)) || f.Size != int64(len(raw)) {
		t.Errorf("Hash, Size = %s, %d; want those of the raw bytes %s, %d", f.Hash, f.Size, hash([]byte(raw)), len(raw))
	}
}

func TestLoadSymlinks(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "real-seeds")
	writeFiles(t, real, map[string]string{"a.txt": "Text a.", "sub/b.txt": "Text b."})
	symlink(t, "a.txt", filepath.Join(real, "rel-link.txt"))
	symlink(t, filepath.Join(real, "sub", "b.txt"), filepath.Join(real, "abs-link.txt"))
	symlink(t, "sub", filepath.Join(real, "sub-link")) // a link to a folder inside: not followed
	symlink(t, "real-seeds", filepath.Join(parent, "seeds"))

	t.Chdir(parent)
	got := summarize(mustLoad(t, "seeds", Options{})) // relative, and a link
	want := []summary{
		{"a.txt", "a", "", "Text a."},
		{"abs-link.txt", "abs-link", "", "Text b."},
		{"rel-link.txt", "rel-link", "", "Text a."},
		{"sub/b.txt", "b", "", "Text b."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadFolderErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"file.txt": "Text."})
	for _, d := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file.txt")} {
		if _, _, err := Load(d, Options{}); err == nil {
			t.Errorf("Load(%s) succeeded, want an error", d)
		} else {
			t.Logf("Load(%s): %v", d, err)
		}
	}
}

// badCase is a bad file placed beside a good one.
type badCase struct {
	name  string // the bad file's name
	setup func(t *testing.T, dir string)
	opt   Options
	want  error
}

// content returns a setup writing text to the file name.
func content(name, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) { writeFiles(t, dir, map[string]string{name: text}) }
}

func badCases() []badCase {
	c := func(name, text string, want error) badCase {
		return badCase{name: name, setup: content(name, text), want: want}
	}
	cases := []badCase{
		c("empty.txt", "", ErrEmpty),
		c("blank.txt", " \r\n\t\n\u00a0", ErrEmpty),
		c("bom-only.txt", "\uFEFF", ErrEmpty),
		c("nul.txt", "Some text.\x00\x01\x02 more", ErrBinary),
		c("report.txt", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ErrBinary),
		c("doc.md", "PK\x03\x04\x14\x00\x06\x00", ErrBinary),
		c("image.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary),
		c("controls.txt", strings.Repeat("text\x01\x02", 10), ErrBinary),
		c("utf16le.txt", utf16LE("Hello world. This is a briefing.", true), ErrUTF16),
		c("utf16be.txt", utf16BE("Hello world. This is a briefing."), ErrUTF16),
		c("utf16-nobom.txt", utf16LE("Hello world. This is a briefing.", false), ErrUTF16),
		c("latin1.txt", "Line one.\nLine two.\nThe caf\xe9 is open.", ErrInvalidUTF8),
		c("run.txt", strings.Repeat("word ", 30000), ErrRunTooLong),
		{name: "big.txt", setup: content("big.txt", strings.Repeat("Big. ", 100)), opt: Options{MaxFileBytes: 200}, want: ErrTooLarge},
		{name: "outside.txt", want: ErrOutsideRoot, setup: func(t *testing.T, dir string) {
			other := t.TempDir()
			writeFiles(t, other, map[string]string{"secret.txt": "Secret."})
			symlink(t, filepath.Join(other, "secret.txt"), filepath.Join(dir, "outside.txt"))
		}},
		{name: "up.txt", want: ErrOutsideRoot, setup: func(t *testing.T, dir string) {
			writeFiles(t, filepath.Dir(dir), map[string]string{"up-target.txt": "Up."})
			symlink(t, "../up-target.txt", filepath.Join(dir, "up.txt"))
		}},
		{name: "elsewhere", want: ErrOutsideRoot, setup: func(t *testing.T, dir string) {
			other := t.TempDir()
			writeFiles(t, other, map[string]string{"x.txt": "X."})
			symlink(t, other, filepath.Join(dir, "elsewhere"))
		}},
		{name: "loop.txt", want: ErrUnreadable, setup: func(t *testing.T, dir string) {
			symlink(t, "loop.txt", filepath.Join(dir, "loop.txt"))
		}},
		{name: "broken.txt", want: ErrUnreadable, setup: func(t *testing.T, dir string) {
			symlink(t, "missing.txt", filepath.Join(dir, "broken.txt"))
		}},
	}
	if os.Geteuid() != 0 { // chmod does not stop root
		cases = append(cases, badCase{name: "secret.txt", want: ErrUnreadable, setup: func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"secret.txt": "Secret."})
			if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0); err != nil {
				t.Fatal(err)
			}
		}})
		cases = append(cases, badCase{name: "locked", want: ErrUnreadable, setup: func(t *testing.T, dir string) {
			writeFiles(t, dir, map[string]string{"locked/x.txt": "Locked."})
			locked := filepath.Join(dir, "locked")
			if err := os.Chmod(locked, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(locked, 0o755) })
		}})
	}
	return cases
}

// checkBad loads a folder holding good.txt and the bad file of tc, and checks
// that only the bad file fails, with the wanted error.
func checkBad(t *testing.T, tc badCase) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds")
	writeFiles(t, dir, map[string]string{"good.txt": "A good file."})
	tc.setup(t, dir)
	files, fileErrs, err := Load(dir, tc.opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]summary{{"good.txt", "good", "", "A good file."}}, summarize(files)); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	if len(fileErrs) != 1 {
		t.Fatalf("got %d file errors %v, want 1", len(fileErrs), fileErrs)
	}
	err = fileErrs[0]
	t.Logf("%v", err)
	if !errors.Is(err, tc.want) {
		t.Errorf("error %q is not %q", err, tc.want)
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %q is a %T, want a *FileError", err, err)
	}
	if want := filepath.Join(dir, tc.name); fe.Path != want || !strings.HasPrefix(err.Error(), want+": ") {
		t.Errorf("error %q names %q, want %q", err, fe.Path, want)
	}
}

func TestLoadBadFiles(t *testing.T) {
	for _, tc := range badCases() {
		t.Run(tc.name, func(t *testing.T) { checkBad(t, tc) })
	}
}

func TestLoadVanished(t *testing.T) {
	defer func() { testHookAfterList = nil }()
	checkBad(t, badCase{name: "gone.txt", want: ErrVanished, setup: func(t *testing.T, dir string) {
		gone := filepath.Join(dir, "gone.txt")
		writeFiles(t, dir, map[string]string{"gone.txt": "Gone."})
		testHookAfterList = func() {
			if err := os.Remove(gone); err != nil {
				t.Error(err)
			}
		}
	}})
}

func TestReadVanished(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gone.txt")
	if _, _, err := read(p, DefaultMaxFileBytes); !errors.Is(err, ErrVanished) {
		t.Errorf("read of a missing file: %v, want ErrVanished", err)
	}
}

func TestReadAllGrows(t *testing.T) {
	_, err := readAll(strings.NewReader(strings.Repeat("x", 101)), 100)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("readAll past the limit: %v, want ErrTooLarge", err)
	}
	t.Log(err)
	data, err := readAll(strings.NewReader(strings.Repeat("x", 100)), 100)
	if err != nil || len(data) != 100 {
		t.Errorf("readAll at the limit: %d bytes, %v; want 100 bytes", len(data), err)
	}
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":     "Text a.",
		"bad.txt":   "caf\xe9", // listed: Scan does not validate text
		"b/c.md":    "Text c.",
		"other.pdf": "ignored",
	})
	first, fileErrs, err := Scan(dir, Options{}, nil)
	if err != nil || len(fileErrs) > 0 {
		t.Fatal(err, fileErrs)
	}
	var paths []string
	for _, e := range first {
		paths = append(paths, e.Path)
	}
	if diff := cmp.Diff([]string{"a.txt", "b/c.md", "bad.txt"}, paths); diff != "" {
		t.Errorf("Scan mismatch (-want +got):\n%s", diff)
	}
	if first[0].Hash != hash([]byte("Text a.")) {
		t.Errorf("hash of a.txt = %s, want %s", first[0].Hash, hash([]byte("Text a.")))
	}

	// Unchanged: the same entries and fingerprint, from the fast path or not.
	again, _, _ := Scan(dir, Options{}, first)
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("rescan mismatch (-want +got):\n%s", diff)
	}

	// Touched only: a new mod time, the same fingerprint.
	a := filepath.Join(dir, "a.txt")
	later := first[0].ModTime.Add(time.Hour)
	if err := os.Chtimes(a, later, later); err != nil {
		t.Fatal(err)
	}
	touched, _, _ := Scan(dir, Options{}, first)
	if Fingerprint(touched) != Fingerprint(first) {
		t.Error("touching a file changed the fingerprint")
	}

	// Edited with the same size and mod time: the fast path trusts them and
	// keeps the old hash; a full scan sees the edit.
	writeFiles(t, dir, map[string]string{"a.txt": "Text A."})
	if err := os.Chtimes(a, later, later); err != nil {
		t.Fatal(err)
	}
	fast, _, _ := Scan(dir, Options{}, touched)
	if fast[0].Hash != first[0].Hash {
		t.Error("the fast path read a file whose size and mod time did not change")
	}
	full, _, _ := Scan(dir, Options{}, nil)
	if full[0].Hash == first[0].Hash || Fingerprint(full) == Fingerprint(first) {
		t.Error("a full scan missed an edit")
	}

	// Hashes agrees with Scan.
	hashes, err := Hashes(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, e := range full {
		want[e.Path] = e.Hash
	}
	if diff := cmp.Diff(want, hashes); diff != "" {
		t.Errorf("Hashes mismatch (-want +got):\n%s", diff)
	}

	// A removed file changes the fingerprint; the order of entries does not.
	if Fingerprint(full[1:]) == Fingerprint(full) {
		t.Error("removing a file did not change the fingerprint")
	}
	if Fingerprint([]Entry{full[2], full[0], full[1]}) != Fingerprint(full) {
		t.Error("the fingerprint depends on the order of entries")
	}
}

func TestScanErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Text a.", "big.txt": strings.Repeat("x", 300)})
	entries, fileErrs, err := Scan(dir, Options{MaxFileBytes: 100}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Path != "a.txt" {
		t.Errorf("entries = %v, want a.txt only", entries)
	}
	if len(fileErrs) != 1 || !errors.Is(fileErrs[0], ErrTooLarge) {
		t.Errorf("file errors = %v, want one ErrTooLarge", fileErrs)
	}
}

func TestFileEntry(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Text a."})
	files := mustLoad(t, dir, Options{})
	entries, _, _ := Scan(dir, Options{}, nil)
	if diff := cmp.Diff(entries, []Entry{files[0].Entry()}); diff != "" {
		t.Errorf("File.Entry mismatch (-Scan +Load):\n%s", diff)
	}
}
