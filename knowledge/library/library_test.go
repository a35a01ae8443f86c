package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge/source"
	"github.com/briefbot/briefbot/knowledge/store"
)

// seedText is the seed briefing.
func seedText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// write writes files (path -> text) under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// folder makes a seeds folder of briefings cut from the seed, one paragraph
// each, plus the whole seed and the files given.
func folder(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds")
	files := map[string]string{}
	for i, para := range strings.Split(strings.TrimSpace(seedText(t)), "\n") {
		files["part/"+string(rune('a'+i))+".txt"] = para + "\n"
	}
	files["full.md"] = seedText(t)
	for p, text := range extra {
		files[p] = text
	}
	write(t, dir, files)
	return dir
}

func open(t *testing.T, db, seeds string, opt Options) (*Library, Report) {
	t.Helper()
	lib, rep, err := Open(context.Background(), db, seeds, opt)
	if err != nil {
		t.Fatal(err)
	}
	return lib, rep
}

func TestReopenIsUpToDate(t *testing.T) {
	seeds := folder(t, nil)
	db := filepath.Join(t.TempDir(), "b.db")
	lib, first := open(t, db, seeds, Options{})
	lib.Close()
	if first.UpToDate || len(first.Added) == 0 || first.Totals.Sentences == 0 {
		t.Fatalf("first open: %+v", first)
	}
	lib, again := open(t, db, seeds, Options{})
	defer lib.Close()
	if !again.UpToDate || again.Changed() || len(again.Errors) > 0 {
		t.Errorf("reopening an unchanged folder: up to date %v, changed %v, errors %v", again.UpToDate, again.Changed(), again.Errors)
	}
	if again.Unchanged != len(first.Added) || again.Totals != first.Totals {
		t.Errorf("reopen: %d unchanged, totals %+v; want %d, %+v", again.Unchanged, again.Totals, len(first.Added), first.Totals)
	}
	a, err := lib.Ask(context.Background(), "who is Mark Rutte?")
	if err != nil || !a.Answered {
		t.Errorf("after reopening, the library does not answer: %+v, %v", a, err)
	}
}

func TestReloadSeesChanges(t *testing.T) {
	ctx := context.Background()
	seeds := folder(t, nil)
	db := filepath.Join(t.TempDir(), "b.db")
	lib, _ := open(t, db, seeds, Options{})
	defer lib.Close()

	// Touching a file alone changes nothing, and the next reload is fast again.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(seeds, "full.md"), later, later); err != nil {
		t.Fatal(err)
	}
	rep, err := lib.Reload(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.UpToDate || rep.Changed() {
		t.Errorf("after a touch: up to date %v, changed %v; want true, false", rep.UpToDate, rep.Changed())
	}
	text, err := lib.Store().Meta(ctx, metaScan)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := decodeScan(text); !ok || !unchanged(seeds, s.entries) {
		t.Error("the reload after a touch did not remember the new time")
	}

	// An edit, an addition and a removal.
	write(t, seeds, map[string]string{
		"part/a.txt":              "Mark Rutte said NATO is watching closely.\n",
		"new/2024-10-30-more.txt": "Lin Jian said China hopes for calm.\n",
	})
	if err := os.Remove(filepath.Join(seeds, "part", "b.txt")); err != nil {
		t.Fatal(err)
	}
	rep, err = lib.Reload(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := [][]string{rep.Added, rep.Replaced, rep.Removed}
	want := [][]string{{"new/2024-10-30-more.txt"}, {"part/a.txt"}, {"part/b.txt"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("added, replaced, removed mismatch (-want +got):\n%s", diff)
	}
	if rep, _ = lib.Reload(ctx); !rep.UpToDate || rep.Changed() {
		t.Errorf("the reload after the changes: up to date %v, changed %v", rep.UpToDate, rep.Changed())
	}
}

// A file rejected for its content is reported at every start, fast or not.
func TestRejectedFileReportedWhenUpToDate(t *testing.T) {
	seeds := folder(t, map[string]string{"bad.txt": "some text\x00\x00 with NUL bytes\n"})
	db := filepath.Join(t.TempDir(), "b.db")
	for i := range 2 {
		lib, rep := open(t, db, seeds, Options{})
		lib.Close()
		if rep.UpToDate != (i == 1) {
			t.Errorf("open %d: up to date %v", i, rep.UpToDate)
		}
		if len(rep.Errors) != 1 || !errors.Is(rep.Errors[0], source.ErrBinary) {
			t.Errorf("open %d: errors %v, want bad.txt as binary", i, rep.Errors)
			continue
		}
		var fe *source.FileError
		if !errors.As(rep.Errors[0], &fe) || fe.Path != filepath.Join(seeds, "bad.txt") {
			t.Errorf("open %d: error %v does not name %s", i, rep.Errors[0], filepath.Join(seeds, "bad.txt"))
		}
	}
}

// A change of the source options makes the next open look at every file.
func TestOptionsChangeRescans(t *testing.T) {
	seeds := folder(t, nil)
	db := filepath.Join(t.TempDir(), "b.db")
	lib, _ := open(t, db, seeds, Options{})
	lib.Close()
	lib, rep := open(t, db, seeds, Options{Source: source.Options{MaxFileBytes: 1000}})
	defer lib.Close()
	if rep.UpToDate {
		t.Error("new source options, yet the folder was taken as up to date")
	}
	if len(rep.Errors) == 0 || !errors.Is(rep.Errors[0], source.ErrTooLarge) {
		t.Errorf("errors %v, want full.md too large", rep.Errors)
	}
}

func TestUnchangedAgreesWithScan(t *testing.T) {
	seeds := folder(t, map[string]string{
		".hidden/x.txt":   "hidden\n",
		".skip.txt":       "hidden\n",
		"notes.pdf":       "not a briefing\n",
		"deep/er/Up.TXT":  "Upper-case extension.\n",
		"deep/README":     "no extension\n",
		"deep/er/more.md": "# More\n\nText.\n",
	})
	entries, errs, err := source.Scan(seeds, source.Options{}, nil)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	if !unchanged(seeds, entries) {
		t.Fatal("unchanged is false for the folder just scanned")
	}
	if unchanged(seeds, entries[1:]) {
		t.Error("unchanged missed a file")
	}
	if unchanged(filepath.Join(seeds, "missing"), entries) {
		t.Error("unchanged is true for a missing folder")
	}
	cases := map[string]func(dir string){
		"new file":    func(dir string) { write(t, dir, map[string]string{"deep/new.txt": "New.\n"}) },
		"edit":        func(dir string) { write(t, dir, map[string]string{"part/a.txt": "Another text entirely.\n"}) },
		"removal":     func(dir string) { os.Remove(filepath.Join(dir, "part", "c.txt")) },
		"link":        func(dir string) { os.Symlink(filepath.Join(dir, "full.md"), filepath.Join(dir, "link.txt")) },
		"folder link": func(dir string) { os.Symlink(filepath.Join(dir, "part"), filepath.Join(dir, "partlink")) },
		"touch": func(dir string) {
			later := time.Now().Add(time.Hour)
			os.Chtimes(filepath.Join(dir, "part", "a.txt"), later, later)
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			dir := folder(t, nil)
			entries, _, err := source.Scan(dir, source.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			change(dir)
			if unchanged(dir, entries) {
				t.Errorf("unchanged missed a change: %s", name)
			}
		})
	}
}

func TestScanStateRoundTrip(t *testing.T) {
	s := scanState{
		opt:         source.Options{MaxFileBytes: 5, MaxRunBytes: 7},
		fingerprint: "abc",
		rejected:    []string{"a b.txt", "quote\".txt"},
		entries: []source.Entry{
			{Path: "x/y z.txt", Size: 12, ModTime: time.Unix(1700000000, 123456789), Hash: "h1"},
			{Path: "new\nline.txt", Size: 0, ModTime: time.Unix(0, 1), Hash: "h2"},
		},
	}
	got, ok := decodeScan(s.encode())
	if !ok {
		t.Fatal("decode failed")
	}
	if diff := cmp.Diff(s, got, cmp.AllowUnexported(scanState{}), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "v2\n", "v1\no x y\nf z\n", "v1\no 0 0\nf z\ne 1 2\n", "v1\no 0 0\nf z\nq\n"} {
		if _, ok := decodeScan(bad); ok {
			t.Errorf("decodeScan(%q) succeeded", bad)
		}
	}
}

// phaseList records the phases a reload goes through.
type phaseList []Phase

func (l *phaseList) add(p Progress) {
	if len(*l) == 0 || (*l)[len(*l)-1] != p.Phase {
		*l = append(*l, p.Phase)
	}
}

func TestProgress(t *testing.T) {
	seeds := folder(t, nil)
	var phases phaseList
	var last Progress
	var perFile int
	opt := Options{
		OnProgress: func(p Progress) {
			phases.add(p)
			if p.Phase == Extracting && p.Done > 0 && p.Done != last.Done+1 {
				t.Errorf("extracting went from %d to %d files", last.Done, p.Done)
			}
			last = p
		},
		Progress: func(done, total int) { perFile++ },
	}
	lib, rep := open(t, filepath.Join(t.TempDir(), "b.db"), seeds, opt)
	defer lib.Close()
	want := phaseList{Scanning, Reading, Extracting, Committing, Done}
	if diff := cmp.Diff(want, phases); diff != "" {
		t.Errorf("phases mismatch (-want +got):\n%s", diff)
	}
	if n := len(rep.Added); perFile != n || last.Done != n || last.Total != n || last.Sentences != rep.Totals.Sentences {
		t.Errorf("%d per-file calls, last %+v; want %d files, %d sentences", perFile, last, n, rep.Totals.Sentences)
	}

	// A reload's own callback, for a /reload command, sees the same.
	write(t, seeds, map[string]string{"later.txt": "Mark Rutte said more.\n"})
	phases = nil
	var own phaseList
	if _, err := lib.TryReloadWith(context.Background(), own.add); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, own); diff != "" {
		t.Errorf("TryReloadWith phases mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, phases); diff != "" {
		t.Errorf("OnProgress phases during TryReloadWith mismatch (-want +got):\n%s", diff)
	}

	// An up-to-date folder goes from scanning to done.
	phases, own = nil, nil
	if _, err := lib.TryReloadWith(context.Background(), own.add); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(phaseList{Scanning, Done}, own); diff != "" {
		t.Errorf("up-to-date phases mismatch (-want +got):\n%s", diff)
	}
}

// Until a reload commits, readers (here another process's store) see the old
// knowledge; an interrupted reload leaves it in place.
func TestReloadIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	seeds := folder(t, nil)
	db := filepath.Join(t.TempDir(), "b.db")
	lib, first := open(t, db, seeds, Options{Workers: 1})
	defer lib.Close()
	other, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	extra := map[string]string{}
	for _, c := range "abcdefghij" {
		extra["more/"+string(c)+".txt"] = "Dmitry Peskov said the talks went well.\n"
	}
	write(t, seeds, extra)

	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var seen []store.Counts
	_, err = lib.TryReloadWith(rctx, func(p Progress) {
		if p.Phase == Extracting && p.Done == 5 {
			c, err := other.Totals(ctx)
			if err != nil {
				t.Error(err)
			}
			seen = append(seen, c)
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("the interrupted reload returned %v, want context.Canceled", err)
	}
	if len(seen) != 1 || seen[0] != first.Totals {
		t.Errorf("during the reload another reader saw %+v, want the old %+v", seen, first.Totals)
	}
	if c, _ := other.Totals(ctx); c != first.Totals {
		t.Errorf("after the interrupted reload: %+v, want the old %+v", c, first.Totals)
	}

	rep, err := lib.Reload(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != len(extra) || rep.UpToDate {
		t.Errorf("the next reload added %v", rep.Added)
	}
	if c, _ := other.Totals(ctx); c.Documents != first.Totals.Documents+len(extra) {
		t.Errorf("after the reload another reader sees %d documents, want %d", c.Documents, first.Totals.Documents+len(extra))
	}
}

func TestTryReloadWhileReloading(t *testing.T) {
	seeds := folder(t, nil)
	lib, _ := open(t, filepath.Join(t.TempDir(), "b.db"), seeds, Options{})
	defer lib.Close()
	write(t, seeds, map[string]string{"x.txt": "Mark Rutte said so.\n"})
	var during error
	_, err := lib.TryReloadWith(context.Background(), func(p Progress) {
		if p.Phase == Reading {
			_, during = lib.TryReload(context.Background())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(during, ErrReloading) {
		t.Errorf("TryReload during a reload: %v, want ErrReloading", during)
	}
}

func TestSortFileErrors(t *testing.T) {
	errs := []error{&source.FileError{Path: "b"}, &source.FileError{Path: "a"}}
	sortFileErrors(errs)
	var paths []string
	for _, e := range errs {
		paths = append(paths, e.(*source.FileError).Path)
	}
	if !slices.Equal(paths, []string{"a", "b"}) {
		t.Errorf("sorted %v", paths)
	}
}
