package bot

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/source"
)

// ParseLine turns a line typed in the console (or a message) into a request: a
// slash command ("/actor Kim", "/sources") or a question.
func ParseLine(line string) Request {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "/") {
		name, args, _ := strings.Cut(line[1:], " ")
		return Request{Command: strings.ToLower(name), Args: strings.TrimSpace(args)}
	}
	return Request{Command: CmdAsk, Args: line}
}

// ConsoleConversation is the conversation key of the console session: every
// line typed follows up on the ones before.
const ConsoleConversation = "console"

// MaxLine is the longest line the console reads: the rest of a longer line is
// dropped (the question parser keeps far less anyway).
const MaxLine = 1 << 20

// ReadLines calls fn with each line of r, without its line end ("\n" or
// "\r\n"), cut to at most max bytes: a line of any length is read without
// holding more than max bytes of it. It stops at the end of r, returning nil,
// or at the first error of r or fn.
func ReadLines(r io.Reader, max int, fn func(line string) error) error {
	br := bufio.NewReaderSize(r, 64*1024)
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if err != nil {
			if err == io.EOF {
				if len(buf) > 0 {
					return fn(string(buf))
				}
				return nil
			}
			return err
		}
		if room := max - len(buf); room > 0 {
			buf = append(buf, chunk[:min(len(chunk), room)]...)
		}
		if isPrefix {
			continue
		}
		if err := fn(string(buf)); err != nil {
			return err
		}
		buf = buf[:0]
	}
}

// Console runs the router on a terminal: it reads lines from in and writes
// replies to out until in ends or ctx is done. The console user is an admin.
//
// When ctx is done (SIGINT, SIGTERM) the console stops at once if it is
// waiting for a line; a reply being worked out is finished and printed first,
// unless that takes longer than DefaultShutdownTimeout.
func Console(ctx context.Context, r *Router, in io.Reader, out io.Writer) error {
	fmt.Fprintln(out, "briefbot console — ask a question, or type /help. Ctrl-D quits.")
	// The reader may stay blocked on in after Console returns: in ends with
	// the process.
	lines := make(chan string)
	ended := make(chan error, 1)
	go func() {
		ended <- ReadLines(in, MaxLine, func(line string) error {
			select {
			case lines <- line:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(DefaultShutdownTimeout, cancel) })
	defer stop()
	for {
		fmt.Fprint(out, "> ")
		var line string
		select {
		case <-ctx.Done():
			fmt.Fprintln(out)
			return nil
		case err := <-ended:
			fmt.Fprintln(out)
			if ctx.Err() != nil {
				return nil
			}
			return err
		case line = <-lines:
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		req := ParseLine(line)
		req.UserID, req.Admin = "console", true
		req.Conversation = ConsoleConversation
		req.Progress = func(text string) { fmt.Fprintln(out, text) }
		if req.Command == CmdAdd {
			f, err := readUpload(req.Args)
			if err != nil {
				fmt.Fprintln(out, "Not added:", err)
				continue
			}
			req.File = f
		}
		fmt.Fprintln(out, FormatText(r.Handle(work, req)))
	}
}

func citeTitle(c knowledge.Citation) string {
	if c.Title != "" {
		return c.Title
	}
	return c.Document
}

// FormatText renders a reply as plain text with numbered citations.
func FormatText(rep Reply) string {
	var b strings.Builder
	if rep.Title != "" {
		b.WriteString(rep.Title + "\n")
	}
	b.WriteString(rep.Text)
	for i, c := range rep.Citations {
		if i == 0 && rep.Text == "" && rep.Title == "" {
			fmt.Fprintf(&b, "[%d] %s, sentence %d: %s", i+1, citeTitle(c), c.Sentence, c.Text)
			continue
		}
		title := c.Title
		if title == "" {
			title = c.Document
		}
		fmt.Fprintf(&b, "\n  [%d] %s, sentence %d: %s", i+1, title, c.Sentence, c.Text)
	}
	if len(rep.More) > 0 {
		fmt.Fprintf(&b, "\n  (+%d more sources)", len(rep.More))
	}
	if rep.Footer != "" {
		b.WriteString("\n  — " + rep.Footer)
	}
	return b.String()
}

// readUpload reads the file of a console /add PATH, at most one byte past
// the size limit (the router refuses anything larger).
func readUpload(path string) (*File, error) {
	if path == "" {
		return nil, errors.New("give the file's path: /add PATH")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, source.DefaultMaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return &File{Name: filepath.Base(path), Data: data}, nil
}
