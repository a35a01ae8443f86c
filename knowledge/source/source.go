// Package source finds, reads and validates the briefing files under a seeds
// folder and returns their text ready for sentence segmentation.
//
// A briefing is any .txt or .md file (the extension in any case) under the folder,
// at any depth. Hidden files and folders (names starting with ".", such as .git)
// are skipped. Links to files are followed as long as they stay inside the folder;
// links to folders are not followed (those outside the folder are reported).
//
// Load reads and validates every briefing. A bad file never stops the others:
// it yields a *FileError naming it, which wraps one of the sentinel errors
// (ErrEmpty, ErrBinary, ...) for errors.Is.
//
// # Telling whether the folder changed
//
// Scan lists the briefings with their size, modification time and SHA-256
// without validating their text, Fingerprint sums a scan up in one string, and
// Hashes maps each path to its hash.
// To avoid re-ingesting an unchanged folder, store the Fingerprint of a Scan
// taken just before Load, and compare it with a fresh one at start-up. Do not
// rebuild it from Load's files: they leave out the files Load rejected, so the
// two would never match while a bad file is present.
//
// Hashing reads every file: SHA-256 runs at roughly 0.5-2 GB/s, so a few hundred
// MB of briefings cost well under a couple of seconds plus the disk reads, which
// is acceptable at start-up. Scan's fast path avoids even that: given the entries
// of an earlier scan, it reuses the hash of every file whose size and
// modification time are unchanged (the rule make and rsync use) and reads only
// the others.
package source

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Default limits, used when the matching Options field is zero or negative.
const (
	DefaultMaxFileBytes = 8 << 20 // 8 MiB
	DefaultMaxRunBytes  = 20000
)

// Options limit what Load accepts. The zero value uses the defaults.
type Options struct {
	// MaxFileBytes is the largest file accepted; DefaultMaxFileBytes when 0.
	MaxFileBytes int64
	// MaxRunBytes is the longest stretch of text without a sentence end
	// (. ! ? … or a line break); DefaultMaxRunBytes when 0.
	MaxRunBytes int
}

func (o Options) maxFile() int64 {
	if o.MaxFileBytes <= 0 {
		return DefaultMaxFileBytes
	}
	return o.MaxFileBytes
}

func (o Options) maxRun() int {
	if o.MaxRunBytes <= 0 {
		return DefaultMaxRunBytes
	}
	return o.MaxRunBytes
}

// The reasons a file is rejected. A *FileError wraps one of them.
var (
	// ErrEmpty: the file is empty or holds only white space.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: NUL bytes, a known binary signature (PDF, ZIP, PNG...) or many
	// control characters.
	ErrBinary = errors.New("binary file")
	// ErrUTF16: the file is UTF-16, with or without a byte-order mark.
	ErrUTF16 = errors.New("UTF-16 text: save it as UTF-8")
	// ErrInvalidUTF8: the text is not valid UTF-8; the message gives the line,
	// the column (in characters) and the byte (counting from 1 in the file).
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: the file is over Options.MaxFileBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrRunTooLong: a stretch of text longer than Options.MaxRunBytes has no
	// sentence end.
	ErrRunTooLong = errors.New("sentence too long")
	// ErrOutsideRoot: the file is a link that leads outside the seeds folder.
	ErrOutsideRoot = errors.New("outside the seeds folder")
	// ErrUnreadable: the file cannot be read (permission denied, a broken link,
	// a named pipe...); the operating system's error is wrapped too.
	ErrUnreadable = errors.New("cannot read file")
	// ErrVanished: the file disappeared between listing and reading.
	ErrVanished = errors.New("file vanished while loading")
)

// FileError reports a file that was not loaded.
type FileError struct {
	// Path is the seeds folder as given to Load or Scan joined with the file's
	// path inside it, e.g. "seeds/bad.txt".
	Path string
	// Err wraps one of the sentinel errors.
	Err error
}

// Error reads like "seeds/bad.txt: invalid UTF-8 at line 3, column 14 (byte 57)".
func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns Err.
func (e *FileError) Unwrap() error { return e.Err }

// Entry is a briefing file as listed by Scan, its text not validated.
type Entry struct {
	Path    string // relative to the seeds folder, forward slashes
	Size    int64
	ModTime time.Time
	Hash    string // hex SHA-256 of the file's bytes
}

// File is one briefing file, read and validated.
type File struct {
	// Path is relative to the seeds folder, with forward slashes.
	Path string
	// Title is the first line when a blank line follows it (trimmed, and without
	// the leading #s of a Markdown heading), else the file name without extension.
	Title string
	// Date is YYYY-MM-DD from a file-name prefix "2024-10-23-..." or
	// "20241023-..." that is a real date, else "".
	Date string
	// Hash is the hex SHA-256 of the raw bytes.
	Hash string
	// Text is the text exactly as in the file, minus a UTF-8 byte-order mark;
	// CRLF line ends are kept.
	Text string
	// Size is the number of bytes read.
	Size    int64
	ModTime time.Time
}

// Entry returns the file's Scan entry.
func (f *File) Entry() Entry {
	return Entry{Path: f.Path, Size: f.Size, ModTime: f.ModTime, Hash: f.Hash}
}

// testHookAfterList, when set, runs between listing the files and reading them.
var testHookAfterList func()

// Load reads every .txt and .md file under dir (recursively, skipping hidden
// files and folders such as .git), sorted by path. A bad file yields a
// *FileError in fileErrs and never stops the others. Load returns an error only
// when dir itself cannot be read.
func Load(dir string, opt Options) (files []File, fileErrs []error, err error) {
	d, rels, fileErrs, err := list(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, rel := range rels {
		f, err := d.load(rel, opt)
		if err != nil {
			fileErrs = append(fileErrs, d.fail(rel, err))
			continue
		}
		files = append(files, f)
	}
	sortErrors(fileErrs)
	return files, fileErrs, nil
}

// Scan lists the files Load would read, with their size, modification time and
// hash, without validating their text: a file Load rejects for its content is
// listed; one that cannot be read, is too large or leads outside the folder
// yields a *FileError instead. prev, which may be nil, are entries from an
// earlier scan: a file whose path, size and modification time match one of them
// keeps that entry's hash without being read. Scan returns an error only when
// dir itself cannot be read.
func Scan(dir string, opt Options, prev []Entry) (entries []Entry, fileErrs []error, err error) {
	d, rels, fileErrs, err := list(dir)
	if err != nil {
		return nil, nil, err
	}
	known := make(map[string]Entry, len(prev))
	for _, e := range prev {
		known[e.Path] = e
	}
	for _, rel := range rels {
		e, err := d.scan(rel, opt.maxFile(), known[rel])
		if err != nil {
			fileErrs = append(fileErrs, d.fail(rel, err))
			continue
		}
		entries = append(entries, e)
	}
	sortErrors(fileErrs)
	return entries, fileErrs, nil
}

// Hashes returns the hash of every file Scan lists, by path; the files Scan
// cannot read are left out. It reads every file (see Scan for a fast path).
func Hashes(dir string, opt Options) (map[string]string, error) {
	entries, _, err := Scan(dir, opt, nil)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.Path] = e.Hash
	}
	return m, nil
}

// Fingerprint sums entries up as one hex SHA-256 of their paths and hashes:
// it changes when a file is added, removed, renamed or edited, and not when a
// file is merely touched. The order of entries does not matter.
func Fingerprint(entries []Entry) string {
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = e.Path + "\x00" + e.Hash + "\n"
	}
	slices.Sort(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "")))
	return hex.EncodeToString(sum[:])
}

// folder is a seeds folder being read.
type folder struct {
	dir  string // as given, for messages
	root string // absolute, symbolic links resolved
}

// list opens the folder dir and lists its candidate files, sorted, with the
// errors met on the way.
func list(dir string) (d *folder, rels []string, fileErrs []error, err error) {
	root, err := filepath.Abs(dir)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read seeds folder: %w", err)
	}
	d = &folder{dir: dir, root: root}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if p == root {
			if err == nil && !e.IsDir() {
				err = fmt.Errorf("%s is not a folder", dir)
			}
			return err
		}
		rel, _ := filepath.Rel(root, p) // cannot fail: p is under root
		rel = filepath.ToSlash(rel)
		if err != nil { // an unreadable sub-folder
			fileErrs = append(fileErrs, d.fail(rel, unreadable(err)))
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				// Not followed: inside the folder, its files are listed under
				// their own path; outside, they are refused.
				if _, err := d.resolve(rel); errors.Is(err, ErrOutsideRoot) {
					fileErrs = append(fileErrs, d.fail(rel, err))
				}
				return nil
			}
		}
		if isBriefing(e.Name()) {
			rels = append(rels, rel)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read seeds folder: %w", err)
	}
	slices.Sort(rels)
	if testHookAfterList != nil {
		testHookAfterList()
	}
	return d, rels, fileErrs, nil
}

// isBriefing reports whether a file name has a briefing's extension.
func isBriefing(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".txt" || ext == ".md"
}

// fail wraps err as a *FileError for the file rel.
func (d *folder) fail(rel string, err error) error {
	return &FileError{Path: filepath.Join(d.dir, filepath.FromSlash(rel)), Err: err}
}

// load reads and validates the file rel.
func (d *folder) load(rel string, opt Options) (File, error) {
	real, _, err := d.stat(rel, opt.maxFile())
	if err != nil {
		return File{}, err
	}
	data, info, err := read(real, opt.maxFile())
	if err != nil {
		return File{}, err
	}
	text, err := Validate(data, opt)
	if err != nil {
		return File{}, err
	}
	return File{
		Path:    rel,
		Title:   title(text, rel),
		Date:    date(rel),
		Hash:    hash(data),
		Text:    text,
		Size:    int64(len(data)),
		ModTime: info.ModTime(),
	}, nil
}

// scan returns the entry of the file rel, reusing prev's hash when the file's
// size and modification time match it.
func (d *folder) scan(rel string, max int64, prev Entry) (Entry, error) {
	real, info, err := d.stat(rel, max)
	if err != nil {
		return Entry{}, err
	}
	if prev.Hash != "" && prev.Size == info.Size() && prev.ModTime.Equal(info.ModTime()) {
		return prev, nil
	}
	data, info, err := read(real, max)
	if err != nil {
		return Entry{}, err
	}
	return Entry{Path: rel, Size: int64(len(data)), ModTime: info.ModTime(), Hash: hash(data)}, nil
}

// resolve returns the real path of the file rel, following links, and checks
// that it lies inside the folder.
func (d *folder) resolve(rel string) (string, error) {
	p := filepath.Join(d.root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(p)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(p); errors.Is(lerr, fs.ErrNotExist) {
			return "", ErrVanished
		}
		return "", fmt.Errorf("%w: broken link: %w", ErrUnreadable, err)
	}
	if err != nil {
		return "", unreadable(err)
	}
	if r, err := filepath.Rel(d.root, real); err != nil || !filepath.IsLocal(r) {
		return "", fmt.Errorf("%w: it leads to %s", ErrOutsideRoot, real)
	}
	return real, nil
}

// stat resolves the file rel and checks that it is a regular file no larger
// than max, without opening it.
func (d *folder) stat(rel string, max int64) (real string, info fs.FileInfo, err error) {
	real, err = d.resolve(rel)
	if err != nil {
		return "", nil, err
	}
	info, err = os.Stat(real)
	if err != nil {
		return "", nil, readError(err)
	}
	if err := checkInfo(info, max); err != nil {
		return "", nil, err
	}
	return real, info, nil
}

// checkInfo checks that info describes a regular file no larger than max.
func checkInfo(info fs.FileInfo, max int64) error {
	if m := info.Mode(); !m.IsRegular() {
		return fmt.Errorf("%w: not a regular file (%s)", ErrUnreadable, fileKind(m))
	}
	if info.Size() > max {
		return fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, byteSize(info.Size()), byteSize(max))
	}
	return nil
}

// read reads the regular file at real, at most max bytes of it.
func read(real string, max int64) ([]byte, fs.FileInfo, error) {
	f, err := os.Open(real)
	if err != nil {
		return nil, nil, readError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, readError(err)
	}
	if err := checkInfo(info, max); err != nil { // it changed since it was listed
		return nil, nil, err
	}
	data, err := readAll(f, max)
	if err != nil {
		return nil, nil, err
	}
	return data, info, nil
}

// readAll reads r to the end, failing with ErrTooLarge past max bytes (a file
// may grow after its size was checked).
func readAll(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: it grew past the limit of %s while being read", ErrTooLarge, byteSize(max))
	}
	return data, nil
}

// readError classifies an error met while opening or reading a file.
func readError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return ErrVanished
	}
	return unreadable(err)
}

// unreadable wraps an operating-system error in ErrUnreadable, dropping the
// path the *FileError names anyway.
func unreadable(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, err)
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// byteSize writes n as "9437184 bytes (9.0 MiB)".
func byteSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
}

// hash returns the hex SHA-256 of data.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// sortErrors sorts file errors by path.
func sortErrors(errs []error) {
	slices.SortStableFunc(errs, func(a, b error) int {
		return strings.Compare(a.(*FileError).Path, b.(*FileError).Path)
	})
}
