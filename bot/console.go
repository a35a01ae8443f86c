package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// ParseLine turns a line typed in the console (or a message) into a request: a
// slash command ("/actor Kim", "/sources") or a question.
func ParseLine(line string) Request {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "/") {
		name, args, _ := strings.Cut(line[1:], " ")
		switch strings.ToLower(name) {
		case CmdAsk, CmdActor, CmdSources, CmdReload, CmdHelp:
			return Request{Command: strings.ToLower(name), Args: strings.TrimSpace(args)}
		}
		return Request{Command: strings.ToLower(name), Args: strings.TrimSpace(args)}
	}
	return Request{Command: CmdAsk, Args: line}
}

// Console runs the router on a terminal: it reads lines from in and writes
// replies to out until in ends or ctx is done. The console user is an admin.
func Console(ctx context.Context, r *Router, in io.Reader, out io.Writer) error {
	fmt.Fprintln(out, "briefbot console — ask a question, or type /help. Ctrl-D quits.")
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for {
		fmt.Fprint(out, "> ")
		if !sc.Scan() {
			fmt.Fprintln(out)
			return sc.Err()
		}
		if ctx.Err() != nil {
			return nil
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		req := ParseLine(line)
		req.UserID, req.Admin = "console", true
		fmt.Fprintln(out, FormatText(r.Handle(ctx, req)))
	}
}

// FormatText renders a reply as plain text with numbered citations.
func FormatText(rep Reply) string {
	var b strings.Builder
	if rep.Title != "" {
		b.WriteString(rep.Title + "\n")
	}
	b.WriteString(rep.Text)
	for i, c := range rep.Citations {
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
