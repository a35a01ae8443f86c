package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/knowledge/library"
)

// progressMode says how a long ingest shows its progress.
type progressMode string

const (
	progressAuto  progressMode = "auto"  // a bar on a terminal, else lines
	progressBar   progressMode = "bar"   // a bar redrawn in place
	progressLines progressMode = "lines" // a plain line every few seconds
	progressOff   progressMode = "off"
)

func parseProgressMode(s string) (progressMode, error) {
	switch m := progressMode(s); m {
	case progressAuto, progressBar, progressLines, progressOff:
		return m, nil
	}
	return "", fmt.Errorf("unknown progress mode %q (want auto, bar, lines or off)", s)
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressPrinter shows a reload's progress: a bar redrawn in place on a
// terminal, or a plain line every few seconds elsewhere (logs, CI). Nothing is
// shown for a reload that ends quickly.
type progressPrinter struct {
	w     io.Writer
	bar   bool
	now   func() time.Time
	start time.Time
	// delay is how long a reload runs before anything is shown; every is how
	// often the display is refreshed (bar) or a line is printed (lines).
	delay, every time.Duration

	mu      sync.Mutex
	last    time.Time
	shown   bool
	phase   library.Phase
	current library.Progress
	width   int // of the bar line last drawn
}

// newProgressPrinter returns a printer for mode writing to w, or nil when the
// mode is off.
func newProgressPrinter(w io.Writer, mode progressMode) *progressPrinter {
	p := &progressPrinter{w: w, now: time.Now, delay: 2 * time.Second, every: 5 * time.Second}
	switch mode {
	case progressOff:
		return nil
	case progressBar:
		p.bar = true
	case progressAuto:
		p.bar = isTerminal(w)
	}
	if p.bar {
		p.delay, p.every = 300*time.Millisecond, 100*time.Millisecond
	}
	p.start = p.now()
	return p
}

// update records a step of the reload and redraws when it is time to.
func (p *progressPrinter) update(pr library.Progress) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	newPhase := pr.Phase != p.phase
	p.phase, p.current = pr.Phase, pr
	if pr.Phase == library.Done {
		p.finishLocked(now)
		return
	}
	if now.Sub(p.start) < p.delay {
		return
	}
	if p.bar {
		if newPhase || now.Sub(p.last) >= p.every {
			p.drawBar(now)
		}
		return
	}
	if !p.shown || now.Sub(p.last) >= p.every || newPhase && pr.Phase == library.Committing {
		p.printLine(now)
	}
}

// finish ends the display, if anything was shown.
func (p *progressPrinter) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked(p.now())
}

func (p *progressPrinter) finishLocked(now time.Time) {
	if !p.shown {
		return
	}
	if p.bar {
		p.drawBar(now)
		fmt.Fprintln(p.w)
	} else {
		p.printLine(now)
	}
	p.shown = false
}

// describe sums the progress up: "1,234/10,000 files, 45,678 sentences, 20,000 sentences/s".
func (p *progressPrinter) describe(now time.Time) string {
	pr := p.current
	elapsed := now.Sub(p.start)
	var b strings.Builder
	if pr.Total > 0 {
		fmt.Fprintf(&b, "%s/%s files, ", thousands(pr.Done), thousands(pr.Total))
	}
	fmt.Fprintf(&b, "%s sentences", thousands(pr.Sentences))
	if secs := elapsed.Seconds(); secs > 0 && pr.Sentences > 0 {
		fmt.Fprintf(&b, ", %s sentences/s", thousands(int(float64(pr.Sentences)/secs)))
	}
	if pr.Phase == library.Extracting && pr.Done > 0 && pr.Done < pr.Total {
		left := time.Duration(float64(elapsed) * float64(pr.Total-pr.Done) / float64(pr.Done))
		fmt.Fprintf(&b, ", about %s left", left.Round(time.Second))
	}
	fmt.Fprintf(&b, ", %s", elapsed.Round(100*time.Millisecond))
	return b.String()
}

func (p *progressPrinter) printLine(now time.Time) {
	pct := ""
	if p.current.Total > 0 {
		pct = fmt.Sprintf(" %d%%", 100*p.current.Done/p.current.Total)
	}
	fmt.Fprintf(p.w, "ingest: %s%s: %s\n", p.current.Phase, pct, p.describe(now))
	p.last, p.shown = now, true
}

// barWidth is the number of cells of the bar.
const barWidth = 30

func (p *progressPrinter) drawBar(now time.Time) {
	pr := p.current
	frac := 0.0
	if pr.Total > 0 {
		frac = float64(pr.Done) / float64(pr.Total)
	}
	if pr.Phase == library.Committing || pr.Phase == library.Done {
		frac = 1
	}
	filled := int(frac * barWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	line := fmt.Sprintf("%-10s %s %3d%% %s", pr.Phase, bar, int(frac*100), p.describe(now))
	pad := ""
	if n := len([]rune(line)); n < p.width {
		pad = strings.Repeat(" ", p.width-n)
	}
	p.width = len([]rune(line))
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.last, p.shown = now, true
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
