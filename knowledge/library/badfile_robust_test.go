package library_test

// Bad briefings, one test each, through the library with a real store: the
// report names the bad file with a clear message, the good seed keeps
// answering, and a briefing that was loaded before and then breaks keeps its
// old knowledge (a fresh start on the same store too).

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/source"
)

// rbSeedName is the seed briefing; "what did China say?" cites its sentence 18.
const rbSeedName = "north-korean-troops-in-russia.txt"

// rbQuell is a small good briefing that the bad-file tests break.
const (
	rbQuellName = "quell.txt"
	rbQuell     = `Quell visits Ostravia

Ostravian Foreign Minister Zara Quell said that the new canal treaty will double grain exports by spring.
Officials in the capital welcomed the announcement.
`
	rbQuellQuestion = "what did Zara Quell say?"
	rbQuellWords    = "double grain exports"
)

// rbCtx is a context for one test: its timeout only guards against hangs.
func rbCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// rbSeeds copies the real seed into a new seeds folder, with extra files.
func rbSeeds(t testing.TB, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "seeds")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "seeds", rbSeedName))
	if err != nil {
		t.Fatal(err)
	}
	rbWrite(t, dir, rbSeedName, string(src))
	for name, text := range extra {
		rbWrite(t, dir, name, text)
	}
	return dir
}

func rbWrite(t testing.TB, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rbOpen opens a library on a new store in t.TempDir().
func rbOpen(t testing.TB, seeds string, opt library.Options) (*library.Library, library.Report, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "briefbot.db")
	lib, rep, err := library.Open(rbCtx(t), db, seeds, opt)
	if err != nil {
		t.Fatalf("library.Open: %v", err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib, rep, db
}

// rbAsk asks a question; the library must never fail on it.
func rbAsk(t testing.TB, lib *library.Library, q string) knowledge.Answer {
	t.Helper()
	a, err := lib.Ask(rbCtx(t), q)
	if err != nil {
		t.Fatalf("Ask(%q): %v", q, err)
	}
	return a
}

// rbCites reports whether the answer cites sentence n of doc (n 0: any).
func rbCites(a knowledge.Answer, doc string, n int) bool {
	for _, c := range slices.Concat(a.Citations, a.More) {
		if c.Document == doc && (n == 0 || c.Sentence == n) {
			return true
		}
	}
	return false
}

// rbSeedAnswers checks that the good seed still answers: "what did China
// say?" cites its sentence 18.
func rbSeedAnswers(t testing.TB, lib *library.Library) {
	t.Helper()
	a := rbAsk(t, lib, "what did China say?")
	if !a.Answered || !rbCites(a, rbSeedName, 18) {
		t.Errorf("the seed stopped answering: %q cites %+v, want %s sentence 18", a.Text, a.Citations, rbSeedName)
	}
}

// rbQuellAnswers checks that quell.txt's knowledge serves.
func rbQuellAnswers(t testing.TB, lib *library.Library) {
	t.Helper()
	a := rbAsk(t, lib, rbQuellQuestion)
	if !rbCites(a, rbQuellName, 0) || !strings.Contains(a.Text, rbQuellWords) {
		t.Errorf("quell.txt lost its knowledge: %q answered %q citing %+v", rbQuellQuestion, a.Text, a.Citations)
	}
}

// rbFileError finds the report's error for the file name and checks that it
// wraps want and mentions every one of words.
func rbFileError(t testing.TB, rep library.Report, name string, want error, words ...string) {
	t.Helper()
	for _, e := range rep.Errors {
		var fe *source.FileError
		if !errors.As(e, &fe) || filepath.Base(fe.Path) != name {
			continue
		}
		if !errors.Is(e, want) {
			t.Errorf("%s: error %q does not wrap %q", name, e, want)
		}
		msg := e.Error()
		if !strings.Contains(msg, name) {
			t.Errorf("the message %q does not name %s", msg, name)
		}
		for _, w := range words {
			if !strings.Contains(msg, w) {
				t.Errorf("the message %q lacks %q", msg, w)
			}
		}
		t.Logf("reported: %v", e)
		return
	}
	t.Errorf("no error names %s; errors: %q", name, rep.Errors)
}

// rbDoc returns the stored document at path, if any.
func rbDoc(t testing.TB, lib *library.Library, path string) (hash string, sentences int, ok bool) {
	t.Helper()
	docs, err := lib.Sources(rbCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Path == path {
			return d.Hash, d.Sentences, true
		}
	}
	return "", 0, false
}

func rbUTF16LE(s string, bom bool) string {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// rbBadCase is a bad briefing: make turns the file at p (which may exist)
// into the bad file; outside is a folder outside the seeds folder.
type rbBadCase struct {
	name  string
	opt   library.Options
	make  func(t *testing.T, p, outside string)
	want  error
	words []string
}

func rbReplace(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func rbSymlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
}

var rbBadCases = []rbBadCase{
	{
		name: "empty",
		make: func(t *testing.T, p, _ string) { rbReplace(t, p, nil) },
		want: source.ErrEmpty, words: []string{"empty file"},
	},
	{
		name: "blank",
		make: func(t *testing.T, p, _ string) { rbReplace(t, p, []byte(" \n\t\r\n  \n")) },
		want: source.ErrEmpty, words: []string{"only white space"},
	},
	{
		name: "binary PNG",
		make: func(t *testing.T, p, _ string) {
			rbReplace(t, p, append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 300)...))
		},
		want: source.ErrBinary, words: []string{"binary file", "PNG"},
	},
	{
		name: "binary NUL bytes",
		make: func(t *testing.T, p, _ string) {
			rbReplace(t, p, []byte("Some text.\x00\x01\x02\x03\x00\xff\xfe binary junk \x00 follows."))
		},
		want: source.ErrBinary, words: []string{"binary file"},
	},
	{
		name: "invalid UTF-8",
		make: func(t *testing.T, p, _ string) {
			rbReplace(t, p, []byte("Line one.\nSecond line has caf\xe9 in Latin-1.\n"))
		},
		want: source.ErrInvalidUTF8, words: []string{"invalid UTF-8", "line 2", "column 20", "byte 30"},
	},
	{
		name: "UTF-16 with BOM",
		make: func(t *testing.T, p, _ string) { rbReplace(t, p, []byte(rbUTF16LE(rbQuell, true))) },
		want: source.ErrUTF16, words: []string{"UTF-16", "UTF-8"},
	},
	{
		name: "UTF-16 without BOM",
		make: func(t *testing.T, p, _ string) { rbReplace(t, p, []byte(rbUTF16LE(rbQuell, false))) },
		want: source.ErrUTF16, words: []string{"UTF-16"},
	},
	{
		name: "over the size limit",
		opt:  library.Options{Source: source.Options{MaxFileBytes: 10000}},
		make: func(t *testing.T, p, _ string) {
			rbReplace(t, p, []byte(strings.Repeat("A sentence that is perfectly fine on its own. ", 500)))
		},
		want: source.ErrTooLarge, words: []string{"too large", "23000 bytes", "the limit is 10000 bytes"},
	},
	{
		name: "100 KB sentence",
		make: func(t *testing.T, p, _ string) {
			rbReplace(t, p, []byte("Headline\n\n"+strings.Repeat("word ", 20*1024)))
		},
		want: source.ErrRunTooLong, words: []string{"sentence too long", "without a full stop", "line 3", "the limit is 20000"},
	},
	{
		name: "link outside the seeds folder",
		make: func(t *testing.T, p, outside string) {
			target := filepath.Join(outside, "secret.txt")
			if err := os.WriteFile(target, []byte("Outside\n\nThe secret plan said the canal will close.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			rbSymlink(t, target, p)
		},
		want: source.ErrOutsideRoot, words: []string{"outside the seeds folder", "leads to"},
	},
	{
		name: "relative link climbing out",
		make: func(t *testing.T, p, outside string) {
			target := filepath.Join(outside, "climb.txt")
			if err := os.WriteFile(target, []byte("Outside\n\nThe climb said nothing useful.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			rel, err := filepath.Rel(filepath.Dir(p), target)
			if err != nil {
				t.Fatal(err)
			}
			rbSymlink(t, rel, p) // ../outside/climb.txt
		},
		want: source.ErrOutsideRoot, words: []string{"outside the seeds folder"},
	},
	{
		name: "named pipe",
		make: func(t *testing.T, p, _ string) {
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("cannot make a named pipe: %v", err)
			}
		},
		want: source.ErrUnreadable, words: []string{"cannot read file", "named pipe"},
	},
	{
		name: "broken link",
		make: func(t *testing.T, p, outside string) { rbSymlink(t, filepath.Join(filepath.Dir(p), "gone.txt.bak"), p) },
		want: source.ErrUnreadable, words: []string{"cannot read file", "broken link"},
	},
	{
		name: "link loop",
		make: func(t *testing.T, p, _ string) {
			other := filepath.Join(filepath.Dir(p), "loop-b.bak")
			rbSymlink(t, other, p)
			if err := os.Symlink(p, other); err != nil {
				t.Fatal(err)
			}
		},
		want: source.ErrUnreadable, words: []string{"cannot read file"},
	},
}

// TestBadBriefingNew: a bad file beside the seed is reported by name and the
// seed loads and answers.
func TestBadBriefingNew(t *testing.T) {
	for _, tc := range rbBadCases {
		t.Run(tc.name, func(t *testing.T) {
			seeds := rbSeeds(t, nil)
			outside := t.TempDir()
			tc.make(t, filepath.Join(seeds, rbQuellName), outside)
			lib, rep, _ := rbOpen(t, seeds, tc.opt)
			rbFileError(t, rep, rbQuellName, tc.want, tc.words...)
			if len(rep.Errors) != 1 {
				t.Errorf("%d errors, want 1: %q", len(rep.Errors), rep.Errors)
			}
			if _, _, ok := rbDoc(t, lib, rbSeedName); !ok {
				t.Errorf("the seed was not stored")
			}
			if _, _, ok := rbDoc(t, lib, rbQuellName); ok {
				t.Errorf("the bad file was stored")
			}
			rbSeedAnswers(t, lib)
			// An unchanged folder reports the bad file again.
			rep, err := lib.Reload(rbCtx(t))
			if err != nil {
				t.Fatalf("Reload: %v", err)
			}
			rbFileError(t, rep, rbQuellName, tc.want, tc.words...)
		})
	}
}

// TestBadBriefingBreaksLoaded: a briefing that was loaded, then breaks, keeps
// its old knowledge through a reload and a restart, and is reported by name
// each time; once repaired, its new version loads.
func TestBadBriefingBreaksLoaded(t *testing.T) {
	for _, tc := range rbBadCases {
		t.Run(tc.name, func(t *testing.T) {
			seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
			outside := t.TempDir()
			lib, rep, db := rbOpen(t, seeds, tc.opt)
			if len(rep.Errors) > 0 {
				t.Fatalf("the good files did not load: %q", rep.Errors)
			}
			hash, n, ok := rbDoc(t, lib, rbQuellName)
			if !ok {
				t.Fatal("quell.txt not stored")
			}
			rbQuellAnswers(t, lib)

			tc.make(t, filepath.Join(seeds, rbQuellName), outside)
			rep, err := lib.Reload(rbCtx(t))
			if err != nil {
				t.Fatalf("Reload: %v", err)
			}
			rbFileError(t, rep, rbQuellName, tc.want, tc.words...)
			if rep.Changed() {
				t.Errorf("a reload with only a broken file changed the store: %+v", rep.Change)
			}
			if h, m, ok := rbDoc(t, lib, rbQuellName); !ok || h != hash || m != n {
				t.Errorf("quell.txt after it broke: stored %v, hash %.8s sentences %d; want the old version (%.8s, %d)", ok, h, m, hash, n)
			}
			rbQuellAnswers(t, lib)
			rbSeedAnswers(t, lib)

			// A restart on the same store keeps it too, and says why.
			lib.Close()
			lib2, rep, err := library.Open(rbCtx(t), db, seeds, tc.opt)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer lib2.Close()
			rbFileError(t, rep, rbQuellName, tc.want, tc.words...)
			rbQuellAnswers(t, lib2)
			rbSeedAnswers(t, lib2)

			// Repaired, the new version replaces the old.
			p := filepath.Join(seeds, rbQuellName)
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			rbWrite(t, seeds, rbQuellName, strings.Replace(rbQuell, "double grain exports", "triple timber exports", 1))
			rep, err = lib2.Reload(rbCtx(t))
			if err != nil {
				t.Fatalf("Reload after the repair: %v", err)
			}
			if len(rep.Errors) > 0 || !slices.Contains(rep.Replaced, rbQuellName) {
				t.Errorf("the repair: errors %q, replaced %q", rep.Errors, rep.Replaced)
			}
			if a := rbAsk(t, lib2, rbQuellQuestion); !strings.Contains(a.Text, "triple timber exports") {
				t.Errorf("after the repair %q answered %q", rbQuellQuestion, a.Text)
			}
		})
	}
}

// TestBadBriefingLinkToFolderOutside: a link to a folder outside the seeds
// folder is refused by name; its files are not loaded.
func TestBadBriefingLinkToFolderOutside(t *testing.T) {
	seeds := rbSeeds(t, nil)
	outside := t.TempDir()
	rbWrite(t, outside, "leak.txt", rbQuell)
	if err := os.Symlink(outside, filepath.Join(seeds, "more")); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
	lib, rep, _ := rbOpen(t, seeds, library.Options{})
	rbFileError(t, rep, "more", source.ErrOutsideRoot, "outside the seeds folder")
	if a := rbAsk(t, lib, rbQuellQuestion); rbCites(a, "more/leak.txt", 0) {
		t.Errorf("a file outside the seeds folder was served: %+v", a.Citations)
	}
	rbSeedAnswers(t, lib)
}

// TestBadBriefingFolderNamedTxt: a folder whose name ends in .txt is a folder,
// not a briefing: its briefings load, and nothing fails.
func TestBadBriefingFolderNamedTxt(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{"x.txt/" + rbQuellName: rbQuell})
	lib, rep, _ := rbOpen(t, seeds, library.Options{})
	if len(rep.Errors) > 0 {
		t.Errorf("errors: %q", rep.Errors)
	}
	a := rbAsk(t, lib, rbQuellQuestion)
	if !rbCites(a, "x.txt/"+rbQuellName, 0) {
		t.Errorf("%q cites %+v, want x.txt/quell.txt", rbQuellQuestion, a.Citations)
	}
	rbSeedAnswers(t, lib)
}

// TestBadBriefingManyAtOnce: every bad file at once, in sub-folders too: each
// is named, the good ones load.
func TestBadBriefingManyAtOnce(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{"sub/" + rbQuellName: rbQuell})
	outside := t.TempDir()
	want := map[string]error{}
	for i, tc := range rbBadCases {
		if tc.opt.Source != (source.Options{}) {
			continue // needs its own limits
		}
		name := "bad" + string(rune('a'+i)) + ".txt"
		tc.make(t, filepath.Join(seeds, name), outside)
		want[name] = tc.want
	}
	lib, rep, _ := rbOpen(t, seeds, library.Options{})
	for name, err := range want {
		rbFileError(t, rep, name, err)
	}
	rbSeedAnswers(t, lib)
	a := rbAsk(t, lib, rbQuellQuestion)
	if !rbCites(a, "sub/"+rbQuellName, 0) {
		t.Errorf("%q cites %+v", rbQuellQuestion, a.Citations)
	}
}

// TestBadBriefingVanishesAfterScan: a loaded briefing deleted while a reload
// runs, after the folder was scanned and before it is read, is dropped by
// that reload, which names it, and the rest keeps serving.
func TestBadBriefingVanishesAfterScan(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	var hook atomic.Pointer[func(library.Progress)]
	opt := library.Options{OnProgress: func(p library.Progress) {
		if f := hook.Load(); f != nil {
			(*f)(p)
		}
	}}
	lib, rep, _ := rbOpen(t, seeds, opt)
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %q", rep.Errors)
	}
	rbQuellAnswers(t, lib)
	rbWrite(t, seeds, "other.txt", "Other\n\nThe harbour master said the port reopens on Monday.\n")
	remove := func(p library.Progress) {
		if p.Phase == library.Reading {
			if err := os.Remove(filepath.Join(seeds, rbQuellName)); err != nil {
				t.Error(err)
			}
		}
	}
	hook.Store(&remove)
	rep, err := lib.Reload(rbCtx(t))
	hook.Store(nil)
	if err != nil {
		t.Fatalf("Reload: %v", err)
	}
	t.Logf("report: added %q removed %q errors %q", rep.Added, rep.Removed, rep.Errors)
	if !slices.Contains(rep.Removed, rbQuellName) {
		t.Errorf("the vanished file is not named in the report: removed %q, errors %q", rep.Removed, rep.Errors)
	}
	if !slices.Contains(rep.Added, "other.txt") {
		t.Errorf("other.txt not added: %q", rep.Added)
	}
	rbSeedAnswers(t, lib)
	// The store and the remembered scan agree: the next reload has nothing to do.
	rep, err = lib.Reload(rbCtx(t))
	if err != nil || rep.Changed() || len(rep.Errors) > 0 {
		t.Errorf("the reload after: changed %v, errors %q, err %v", rep.Changed(), rep.Errors, err)
	}
}

// TestBadBriefingVanishesWhileRead races a deletion against the reading of
// the folder: a loaded briefing deleted after it was listed and before it was
// read is reported as vanished (ErrVanished), naming it, and keeps its old
// knowledge until the next reload drops it. Other timings (deleted before the
// listing, or after the read) are valid outcomes too; every outcome must leave
// a consistent store. The test retries until it has seen the vanished case or
// run out of attempts, and logs what it saw.
func TestBadBriefingVanishesWhileRead(t *testing.T) {
	const target = "zz-quell.txt" // read last
	extra := map[string]string{target: rbQuell}
	// Big files read before the target, rejected after reading (no full
	// stop), so that reading the folder takes a while without extracting.
	runOn := strings.Repeat("word ", 16*1024)
	for i := range 100 {
		extra["a"+strconv.Itoa(1000+i)+".txt"] = runOn
	}
	seeds := rbSeeds(t, extra)
	var hook atomic.Pointer[func(library.Progress)]
	opt := library.Options{OnProgress: func(p library.Progress) {
		if f := hook.Load(); f != nil {
			(*f)(p)
		}
	}}
	lib, _, _ := rbOpen(t, seeds, opt)
	seen := map[string]int{}
	for attempt := 0; attempt < 12 && seen["vanished"] == 0; attempt++ {
		// A new version of the target, loaded; then a reload that must read
		// the folder (other.txt changed) while the target is deleted.
		version := strings.Replace(rbQuell, "double grain exports", "double grain exports "+strconv.Itoa(attempt)+" times", 1)
		rbWrite(t, seeds, target, version)
		if _, err := lib.Reload(rbCtx(t)); err != nil {
			t.Fatal(err)
		}
		rbWrite(t, seeds, "other.txt", "Other\n\nThe harbour master said the port reopens on day "+strconv.Itoa(attempt)+".\n")
		done := make(chan struct{})
		remove := func(p library.Progress) {
			if p.Phase == library.Reading {
				go func() {
					defer close(done)
					time.Sleep(time.Duration(attempt%4+1) * time.Millisecond)
					if err := os.Remove(filepath.Join(seeds, target)); err != nil {
						t.Error(err)
					}
				}()
			}
		}
		hook.Store(&remove)
		rep, err := lib.Reload(rbCtx(t))
		hook.Store(nil)
		<-done
		if err != nil {
			t.Fatalf("Reload: %v", err)
		}
		var outcome string
		for _, e := range rep.Errors {
			var fe *source.FileError
			if errors.As(e, &fe) && filepath.Base(fe.Path) == target {
				if !errors.Is(e, source.ErrVanished) {
					t.Errorf("%s: %v, want ErrVanished", target, e)
				}
				outcome = "vanished"
				t.Logf("attempt %d reported: %v", attempt, e)
			}
		}
		switch {
		case outcome == "vanished":
			// Kept until the next reload.
			a := rbAsk(t, lib, rbQuellQuestion)
			if !rbCites(a, target, 0) || !strings.Contains(a.Text, strconv.Itoa(attempt)+" times") {
				t.Errorf("the vanished briefing lost its knowledge at once: %q", a.Text)
			}
		case slices.Contains(rep.Removed, target):
			outcome = "removed"
		default:
			outcome = "read before it went"
		}
		seen[outcome]++
		rbSeedAnswers(t, lib)
		// Whatever happened, the next reload drops it and leaves a store
		// whose every document is whole.
		rep, err = lib.Reload(rbCtx(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, ok := rbDoc(t, lib, target); ok {
			t.Errorf("attempt %d (%s): %s still stored after the reload that followed: %+v", attempt, outcome, target, rep.Change)
		}
		rbSeedAnswers(t, lib)
	}
	t.Logf("outcomes: %v", seen)
}

// TestSeedsFolderGone: when the seeds folder disappears (unmounted, renamed),
// a reload fails saying so and the knowledge keeps serving, through a restart
// too.
func TestSeedsFolderGone(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	lib, _, db := rbOpen(t, seeds, library.Options{})
	if err := os.Rename(seeds, seeds+".away"); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Reload(rbCtx(t)); err == nil || !strings.Contains(err.Error(), "seeds folder") {
		t.Errorf("Reload without the seeds folder: %v, want an error naming it", err)
	}
	rbSeedAnswers(t, lib)
	rbQuellAnswers(t, lib)
	lib.Close()
	lib2, rep, err := library.Open(rbCtx(t), db, seeds, library.Options{})
	if err != nil {
		t.Fatalf("Open without the seeds folder, on a store that holds knowledge: %v", err)
	}
	defer lib2.Close()
	t.Logf("reported: %q", rep.Errors)
	if len(rep.Errors) == 0 {
		t.Error("Open did not say the folder is gone")
	}
	rbSeedAnswers(t, lib2)
	rbQuellAnswers(t, lib2)
}
