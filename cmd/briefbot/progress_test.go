package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge/library"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)} }
func steps(p *progressPrinter, ps ...library.Progress) {
	for _, pr := range ps {
		p.update(pr)
	}
}

func printer(mode progressMode, clock *fakeClock) (*progressPrinter, *bytes.Buffer) {
	var buf bytes.Buffer
	p := newProgressPrinter(&buf, mode)
	p.now = clock.now
	p.start = clock.now()
	return p, &buf
}

func TestProgressLines(t *testing.T) {
	clock := newFakeClock()
	p, buf := printer(progressAuto, clock) // a buffer is not a terminal: lines
	p.update(library.Progress{Phase: library.Scanning})
	p.update(library.Progress{Phase: library.Reading})
	if buf.Len() > 0 {
		t.Fatalf("printed before the delay: %q", buf.String())
	}
	clock.add(3 * time.Second)
	p.update(library.Progress{Phase: library.Extracting, Done: 10, Total: 100, Sentences: 500})
	clock.add(time.Second)
	p.update(library.Progress{Phase: library.Extracting, Done: 20, Total: 100, Sentences: 1000}) // too soon
	clock.add(5 * time.Second)
	p.update(library.Progress{Phase: library.Extracting, Done: 50, Total: 100, Sentences: 2500})
	p.update(library.Progress{Phase: library.Committing, Done: 100, Total: 100, Sentences: 5000})
	p.update(library.Progress{Phase: library.Done, Done: 100, Total: 100, Sentences: 5000})
	p.finish()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{
		"ingest: extracting 10%: 10/100 files, 500 sentences, 166 sentences/s, about 27s left, 3s",
		"ingest: extracting 50%: 50/100 files, 2,500 sentences, 277 sentences/s, about 9s left, 9s",
		"ingest: committing 100%: 100/100 files, 5,000 sentences, 555 sentences/s, 9s",
		"ingest: done 100%: 100/100 files, 5,000 sentences, 555 sentences/s, 9s",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(buf.String(), "\r") {
		t.Error("a line printer redrew in place")
	}
}

func TestProgressBar(t *testing.T) {
	clock := newFakeClock()
	p, buf := printer(progressBar, clock)
	p.update(library.Progress{Phase: library.Scanning})
	clock.add(time.Second)
	for i := 1; i <= 4; i++ {
		p.update(library.Progress{Phase: library.Extracting, Done: i, Total: 4, Sentences: 10 * i})
		clock.add(200 * time.Millisecond)
	}
	p.update(library.Progress{Phase: library.Done, Done: 4, Total: 4, Sentences: 40})
	out := buf.String()
	if n := strings.Count(out, "\r"); n < 4 {
		t.Errorf("the bar was drawn %d times, want at least 4:\n%q", n, out)
	}
	if !strings.HasSuffix(out, "\n") || !strings.Contains(out, "██████████████████████████████ 100%") {
		t.Errorf("the bar did not end full on its own line:\n%q", out)
	}
	if !strings.Contains(out, "extracting ███████▌") && !strings.Contains(out, "extracting ███████░") {
		t.Errorf("no quarter-full bar:\n%q", out)
	}
}

func TestProgressQuietForQuickWork(t *testing.T) {
	for _, mode := range []progressMode{progressBar, progressLines} {
		clock := newFakeClock()
		p, buf := printer(mode, clock)
		steps(p, library.Progress{Phase: library.Scanning}, library.Progress{Phase: library.Extracting, Done: 1, Total: 1},
			library.Progress{Phase: library.Done, Done: 1, Total: 1})
		p.finish()
		if buf.Len() > 0 {
			t.Errorf("%s: printed %q for a reload that took no time", mode, buf.String())
		}
	}
	if newProgressPrinter(os.Stderr, progressOff) != nil {
		t.Error("progress off still makes a printer")
	}
	var nilPrinter *progressPrinter
	nilPrinter.update(library.Progress{Phase: library.Done}) // must not panic
	nilPrinter.finish()
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !isTerminal(tty) {
			t.Error("/dev/tty is not a terminal")
		}
	}
}

func TestIngestCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	oldOut, oldErr := stdout, stderr
	stdout, stderr = &out, &errOut
	t.Cleanup(func() { stdout, stderr = oldOut, oldErr })
	db := filepath.Join(t.TempDir(), "b.db")
	if err := run(context.Background(), []string{"ingest", "--seeds", "../../seeds", "--db", db, "--progress", "lines"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 added") {
		t.Errorf("ingest printed %q", out.String())
	}
	if err := run(context.Background(), []string{"ingest", "--seeds", "../../seeds", "--db", db, "--progress", "sometimes"}); err != errUsage {
		t.Errorf("a bad --progress gave %v, want a usage error", err)
	}
}

func TestBenchCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	oldOut, oldErr := stdout, stderr
	stdout, stderr = &out, &errOut
	t.Cleanup(func() { stdout, stderr = oldOut, oldErr })
	args := []string{"bench", "--seeds", "../../seeds", "--corpus", "seed", "--questions", "2", "--progress", "off"}
	if err := run(context.Background(), args); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{"| seed | 1 |", "| seed | said |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("bench printed no %q:\n%s", want, out.String())
		}
	}
}
