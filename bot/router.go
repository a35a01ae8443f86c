// Package bot is briefbot's chat front end: a command router shared by the
// Discord adapter and the local console, so that questions, /actor, /sources,
// /reload and /help behave the same everywhere.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/dialog"
	"github.com/briefbot/briefbot/knowledge/library"
)

// Commands the router knows.
const (
	CmdAsk     = "ask"
	CmdActor   = "actor"
	CmdSources = "sources"
	CmdReload  = "reload"
	CmdHelp    = "help"
)

// Request is one command from a user.
type Request struct {
	Command string // one of the Cmd constants
	Args    string // the question or the actor's name
	UserID  string
	Admin   bool // the user may run admin commands
	// Conversation keys the conversation a question belongs to, for follow-ups
	// (see knowledge/dialog); "" makes every question stand alone.
	Conversation string
	// Progress, when set, is told how a slow command (a reload) is going, at
	// most every ProgressEvery and never when it ends sooner. It is called
	// from the goroutine doing the work, so it should return quickly.
	Progress func(text string)
}

// ProgressEvery is how often a slow command reports its progress.
const ProgressEvery = 3 * time.Second

// Reply is what the bot answers, whatever the medium.
type Reply struct {
	Title     string
	Text      string
	Citations []knowledge.Citation
	More      []knowledge.Citation
	Footer    string
	// Private replies are shown only to the user who asked (ephemeral on Discord).
	Private bool
	// Failed marks replies that report a problem.
	Failed bool
}

// Router turns requests into replies.
type Router struct {
	lib   *library.Library
	log   *slog.Logger
	convs *dialog.Conversations
	// progressEvery is ProgressEvery, shorter in tests.
	progressEvery time.Duration
}

// NewRouter returns a router answering from lib and logging to log.
func NewRouter(lib *library.Library, log *slog.Logger) *Router {
	if log == nil {
		log = slog.Default()
	}
	return &Router{lib: lib, log: log, convs: dialog.New(lib, dialog.Options{}), progressEvery: ProgressEvery}
}

// Library returns the router's library.
func (r *Router) Library() *library.Library { return r.lib }

// Complete lists up to n known actor names matching a partial name, best
// match first, for autocomplete.
func (r *Router) Complete(ctx context.Context, partial string, n int) ([]string, error) {
	names, err := r.lib.Engine().Complete(ctx, partial, n)
	if err != nil {
		return nil, fmt.Errorf("complete %q: %w", partial, err)
	}
	return names, nil
}

// Handle answers a request. It never panics: a panic in a handler is logged and
// the user gets a plain apology.
func (r *Router) Handle(ctx context.Context, req Request) (rep Reply) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("panic in handler", "command", req.Command, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			rep = Reply{Text: "Sorry, something went wrong on my side. Please try again.", Failed: true}
		}
	}()
	var err error
	switch req.Command {
	case CmdAsk:
		rep, err = r.ask(ctx, req)
	case CmdActor:
		rep, err = r.actor(ctx, req)
	case CmdSources:
		rep, err = r.sources(ctx)
	case CmdReload:
		rep, err = r.reload(ctx, req)
	case CmdHelp:
		rep = helpReply()
	default:
		rep = Reply{Text: fmt.Sprintf("I don't know the command %q. Try /help.", req.Command), Failed: true}
	}
	if err != nil {
		r.log.Error("handler failed", "command", req.Command, "user", req.UserID, "err", err)
		return Reply{Text: "Sorry, I couldn't answer that just now. Please try again in a moment.", Failed: true}
	}
	return rep
}

func (r *Router) ask(ctx context.Context, req Request) (Reply, error) {
	q := strings.TrimSpace(req.Args)
	if q == "" {
		return Reply{Text: "Ask me something about the briefings, for example: what did China say?"}, nil
	}
	a, err := r.convs.Ask(ctx, req.Conversation, q)
	if err != nil {
		return Reply{}, err
	}
	rep := Reply{Text: a.Text, Citations: a.Citations, More: a.More}
	if a.Answered {
		rep.Footer = footer(len(a.Citations)+len(a.More), a.Intent)
	}
	return rep, nil
}

// count formats a count of things: "1 briefing", "3 briefings".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return thousands(n) + " " + thing + "s"
}

func footer(n int, intent string) string {
	s := "1 source"
	if n != 1 {
		s = fmt.Sprintf("%d sources", n)
	}
	if intent != "" {
		s += " · " + intent
	}
	return s
}

func (r *Router) actor(ctx context.Context, req Request) (Reply, error) {
	name := strings.TrimSpace(req.Args)
	if name == "" {
		return Reply{Text: "Which actor? For example: /actor Mark Rutte"}, nil
	}
	d, err := r.lib.Engine().Dossier(ctx, name)
	var amb *answer.Ambiguous
	var nf *answer.NotFound
	switch {
	case errors.As(err, &amb):
		var b strings.Builder
		fmt.Fprintf(&b, "%q may mean %d actors; pick one:\n", name, len(amb.Candidates))
		for _, c := range amb.Candidates {
			fmt.Fprintf(&b, "• %s — /actor %s\n", c.Label, c.Name)
		}
		return Reply{Title: "Which one?", Text: strings.TrimSpace(b.String())}, nil
	case errors.As(err, &nf):
		text := fmt.Sprintf("I know no actor called %q.", name)
		if len(nf.Suggestions) > 0 {
			text += " Did you mean " + strings.Join(nf.Suggestions, ", ") + "?"
		}
		return Reply{Text: text}, nil
	case err != nil:
		return Reply{}, err
	}
	return dossierReply(d), nil
}

// dossierReply lays out a dossier: who, then statements and figures, each cited.
func dossierReply(d answer.Dossier) Reply {
	var b strings.Builder
	b.WriteString(d.Summary)
	var cites []knowledge.Citation
	add := func(c knowledge.Citation) int {
		for i, x := range cites {
			if x.Document == c.Document && x.Sentence == c.Sentence {
				return i + 1
			}
		}
		cites = append(cites, c)
		return len(cites)
	}
	if d.Intro != nil {
		fmt.Fprintf(&b, " [%d]", add(*d.Intro))
	}
	if len(d.Statements) > 0 {
		b.WriteString("\n\nStatements:")
		for _, s := range d.Statements {
			fmt.Fprintf(&b, "\n• %s [%d]", s.Text, add(s.Citation))
		}
	}
	if len(d.Figures) > 0 {
		b.WriteString("\n\nFigures:")
		for _, f := range d.Figures {
			fmt.Fprintf(&b, "\n• %s [%d]", f.Text, add(f.Citation))
		}
	}
	if len(d.With) > 0 {
		b.WriteString("\n\nAppears with: " + strings.Join(d.With, ", "))
	}
	rep := Reply{Title: d.Name, Text: b.String(), Citations: cites}
	if len(cites) > answer.MaxCitations {
		rep.Citations, rep.More = cites[:answer.MaxCitations], cites[answer.MaxCitations:]
	}
	rep.Footer = count(len(d.Statements), "statement") + " · " + count(len(d.Figures), "figure") + " · " + count(len(d.Briefings), "briefing")
	return rep
}

func (r *Router) sources(ctx context.Context) (Reply, error) {
	docs, err := r.lib.Sources(ctx)
	if err != nil {
		return Reply{}, err
	}
	if len(docs) == 0 {
		return Reply{Text: "No briefings are loaded."}, nil
	}
	var b strings.Builder
	sentences, facts := 0, 0
	for _, d := range docs {
		date := ""
		if d.Date != "" {
			date = d.Date + " · "
		}
		fmt.Fprintf(&b, "• %s — %s%s: %d sentences, %d facts\n", d.Title, date, d.Path, d.Sentences, d.Facts)
		sentences += d.Sentences
		facts += d.Facts
	}
	return Reply{
		Title:  count(len(docs), "briefing"),
		Text:   strings.TrimSpace(b.String()),
		Footer: count(sentences, "sentence") + " · " + count(facts, "fact"),
	}, nil
}

func (r *Router) reload(ctx context.Context, req Request) (Reply, error) {
	if !req.Admin {
		r.log.Warn("reload refused", "user", req.UserID)
		return Reply{Text: "Only admins can reload the briefings.", Private: true, Failed: true}, nil
	}
	var progress func(library.Progress)
	if req.Progress != nil {
		last := time.Now()
		progress = func(p library.Progress) {
			if p.Phase == library.Done || time.Since(last) < r.progressEvery {
				return
			}
			last = time.Now()
			req.Progress(ProgressText(p))
		}
	}
	rep, err := r.lib.TryReloadWith(ctx, progress)
	if errors.Is(err, library.ErrReloading) {
		return Reply{Text: "A reload is already running; try again when it ends.", Private: true}, nil
	}
	if err != nil {
		r.log.Error("reload failed", "user", req.UserID, "err", err)
		return Reply{Text: "The reload failed; the briefings already loaded keep serving. " + err.Error(), Private: true, Failed: true}, nil
	}
	r.log.Info("reloaded", "user", req.UserID, "added", len(rep.Added), "replaced", len(rep.Replaced), "removed", len(rep.Removed), "errors", len(rep.Errors))
	return Reply{Title: "Reload", Text: ReloadSummary(rep), Private: true}, nil
}

// ProgressText describes how far a reload has gone, for people.
func ProgressText(p library.Progress) string {
	switch p.Phase {
	case library.Scanning:
		return "Reloading: looking for changed briefings…"
	case library.Reading:
		return "Reloading: reading the briefings…"
	case library.Extracting:
		pct := 0
		if p.Total > 0 {
			pct = 100 * p.Done / p.Total
		}
		return fmt.Sprintf("Reloading: %s of %s briefings read (%d%%), %s sentences so far…",
			thousands(p.Done), thousands(p.Total), pct, thousands(p.Sentences))
	case library.Committing:
		return fmt.Sprintf("Reloading: saving %s sentences…", thousands(p.Sentences))
	}
	return "Reloading…"
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ReloadSummary describes a reload for people.
func ReloadSummary(rep library.Report) string {
	var b strings.Builder
	if !rep.Changed() {
		fmt.Fprintf(&b, "No changes: %s up to date.", count(rep.Unchanged, "briefing"))
	} else {
		fmt.Fprintf(&b, "%d added, %d changed, %d removed, %d unchanged. Facts: %d added, %d removed.",
			len(rep.Added), len(rep.Replaced), len(rep.Removed), rep.Unchanged, rep.Counts.Facts(), rep.FactsRemoved)
		for _, p := range rep.Added {
			fmt.Fprintf(&b, "\n+ %s", p)
		}
		for _, p := range rep.Replaced {
			fmt.Fprintf(&b, "\n~ %s", p)
		}
		for _, p := range rep.Removed {
			fmt.Fprintf(&b, "\n- %s", p)
		}
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(&b, "\n! %v", e)
	}
	t := rep.Totals
	fmt.Fprintf(&b, "\nNow serving %s, %s, %s.", count(t.Documents, "briefing"), count(t.Sentences, "sentence"), count(t.Facts(), "fact"))
	return b.String()
}

func helpReply() Reply {
	return Reply{Title: "briefbot", Text: strings.TrimSpace(`
Ask me about the briefings and I answer in a line or two, quoting the sentences I used.
• Ask a question: what did China say? · how many troops? · who is Mark Rutte?
• /actor NAME — everything the briefings say about someone
• /sources — the briefings I know
• /reload — reload the briefings (admins only)
• /help — this message`)}
}
