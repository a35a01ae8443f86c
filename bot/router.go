// Package bot is briefbot's chat front end: a command router shared by the
// Discord adapter and the local console, so that questions, /actor, /brief,
// /sources, /reload, /add, /remove and /help behave the same everywhere.
//
// The router holds a Handler per command and runs every request through
// middleware (Recover, Log, and RateLimit on Discord), as arikawa's cmdroute
// does; the adapters only translate between their medium and Request and
// Reply. A Request names its conversation (a thread, a DM, the conversation
// of the bot's message replied to, the console session), which the Asker
// uses to resolve follow-up questions.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/dialog"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Commands the router knows.
const (
	CmdAsk     = "ask"
	CmdActor   = "actor"
	CmdBrief   = "brief"
	CmdSources = "sources"
	CmdReload  = "reload"
	CmdAdd     = "add"
	CmdRemove  = "remove"
	CmdHelp    = "help"
)

// Request is one command from a user.
type Request struct {
	Command string // one of the Cmd constants
	Args    string // the question, the actor's or the briefing's name
	UserID  string
	// ChannelID is where the request was made (rate limits per channel).
	ChannelID string
	// Conversation identifies the conversation the request belongs to (a
	// thread, the conversation of the message replied to, a DM, the console
	// session), so follow-up questions resolve against earlier ones. Empty
	// means a conversation of its own.
	Conversation string
	Admin        bool // the user may run admin commands
	// File is the uploaded briefing of /add.
	File *File
	// Progress, when set, is told how a slow command (a reload) is going, at
	// most every ProgressEvery and never when it ends sooner. It is called
	// from the goroutine doing the work, so it should return quickly.
	Progress func(text string)
	// Accepted, when set, is called once the request has passed the
	// middleware, just before its handler runs: the Discord adapter
	// acknowledges an interaction there, so a refusal (a rate limit) can
	// still be private.
	Accepted func()
}

// File is an uploaded file: its name as given and its bytes.
type File struct {
	Name string
	Data []byte
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
	// Choices are what the user may pick from when a name was ambiguous
	// (buttons or a select menu on Discord).
	Choices []Choice
	// Question is the question answered, and Votable marks an answer that
	// users may rate (👍/👎 on Discord).
	Question string
	Answer   string
	Votable  bool
	// Private replies are shown only to the user who asked (ephemeral on Discord).
	Private bool
	// Failed marks replies that report a problem.
	Failed bool
	// Throttled marks a refusal by the rate limit: the user may ask again
	// after RetryAfter; Notify is set on the first refusal of a cool-down.
	Throttled  bool
	RetryAfter time.Duration
	Notify     bool
}

// Choice is one option offered to the user: picking it runs Command with Args.
type Choice struct {
	Label   string // what the user sees: "Kim Jong Un — North Korea's leader"
	Command string
	Args    string
}

// Asker answers a question within a conversation: the conversation key
// lets follow-ups ("what did he say?") resolve against earlier questions.
// knowledge/dialog's Conversations is one.
type Asker interface {
	Ask(ctx context.Context, conversation, question string) (knowledge.Answer, error)
}

// AskerFunc adapts a function to Asker.
type AskerFunc func(ctx context.Context, conversation, question string) (knowledge.Answer, error)

// Ask calls f.
func (f AskerFunc) Ask(ctx context.Context, conversation, question string) (knowledge.Answer, error) {
	return f(ctx, conversation, question)
}

// SummaryFunc summarises a briefing (its title or path), or all the
// briefings when briefing is "", within a conversation.
type SummaryFunc func(ctx context.Context, conversation, briefing string) (knowledge.Answer, error)

// FeedbackSink keeps users' votes on answers.
type FeedbackSink interface {
	AddFeedback(ctx context.Context, f store.Feedback) error
}

// Router turns requests into replies: each command has a Handler, and every
// request passes through the middleware (Recover and Log always, then those
// added with Use) on its way.
type Router struct {
	lib *library.Library
	log *slog.Logger
	// Asker answers questions; by default a knowledge/dialog Conversations
	// over the library, so follow-ups resolve within their conversation.
	Asker Asker
	// Summarise answers /brief; by default the library's summary of the
	// briefing (every briefing when none is named). When nil, /brief asks
	// "summarise <briefing>" through Asker.
	Summarise SummaryFunc
	// Feedback stores votes; by default the library's store.
	Feedback FeedbackSink

	handlers map[string]Handler
	mws      []Middleware
	// progressEvery is ProgressEvery, shorter in tests.
	progressEvery time.Duration
}

// NewRouter returns a router answering from lib and logging to log.
func NewRouter(lib *library.Library, log *slog.Logger) *Router {
	if log == nil {
		log = slog.Default()
	}
	r := &Router{lib: lib, log: log, progressEvery: ProgressEvery, Feedback: lib.Store()}
	r.Asker = dialog.New(lib, dialog.Options{})
	r.Summarise = func(ctx context.Context, _, briefing string) (knowledge.Answer, error) {
		return lib.Summary(ctx, briefing)
	}
	r.handlers = map[string]Handler{
		CmdAsk:     r.ask,
		CmdActor:   r.actor,
		CmdBrief:   r.brief,
		CmdSources: func(ctx context.Context, _ Request) (Reply, error) { return r.sources(ctx) },
		CmdReload:  r.reload,
		CmdAdd:     r.add,
		CmdRemove:  r.remove,
		CmdHelp:    func(context.Context, Request) (Reply, error) { return helpReply(), nil },
	}
	return r
}

// Use adds middleware, run in the order added, inside Recover and Log.
func (r *Router) Use(mws ...Middleware) { r.mws = append(r.mws, mws...) }

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
// the user gets a plain apology; so does an error.
func (r *Router) Handle(ctx context.Context, req Request) Reply {
	h := Handler(r.dispatch)
	for i := len(r.mws) - 1; i >= 0; i-- {
		h = r.mws[i](h)
	}
	h = Recover(r.log)(Log(r.log)(h))
	rep, err := h(ctx, req)
	if err != nil {
		return Reply{Text: "Sorry, I couldn't answer that just now. Please try again in a moment.", Failed: true}
	}
	return rep
}

// dispatch runs the request's command handler.
func (r *Router) dispatch(ctx context.Context, req Request) (Reply, error) {
	h, ok := r.handlers[req.Command]
	if !ok {
		return Reply{Text: fmt.Sprintf("I don't know the command %q. Try /help.", req.Command), Failed: true}, nil
	}
	if req.Accepted != nil {
		req.Accepted()
	}
	return h(ctx, req)
}

func (r *Router) ask(ctx context.Context, req Request) (Reply, error) {
	q := strings.TrimSpace(req.Args)
	if q == "" {
		return Reply{Text: "Ask me something about the briefings, for example: what did China say?"}, nil
	}
	a, err := r.Asker.Ask(ctx, req.Conversation, q)
	if err != nil {
		return Reply{}, err
	}
	return answerReply(q, a), nil
}

// answerReply lays out an answer: the text with [n] markers matching the
// quotes (left out when it only repeats the first quote), and a footer
// naming the sources in words.
func answerReply(q string, a knowledge.Answer) Reply {
	rep := Reply{Text: a.Text, Citations: a.Citations, More: a.More, Question: q, Answer: a.Text}
	if a.Answered {
		rep.Votable = true
		if len(a.Citations) > 0 && sameSentence(a.Text, a.Citations[0].Text) {
			rep.Text = "" // the quote says it: do not show the sentence twice
		}
		rep.Text = markQuotes(rep.Text, len(a.Citations))
		rep.Footer = sourcesFooter(append(slices.Clip(a.Citations), a.More...))
	}
	offerReadings(&rep, a.Readings)
	return rep
}

// offerReadings adds the people an ambiguous name may mean to a reply: named
// in its text, and as choices that ask the question of each.
func offerReadings(rep *Reply, rs []knowledge.Reading) {
	if len(rs) < 2 {
		return
	}
	var labels []string
	for _, r := range rs {
		labels = append(labels, r.Label)
		rep.Choices = append(rep.Choices, Choice{Label: r.Label, Command: CmdAsk, Args: r.Question})
	}
	line := fmt.Sprintf("“%s” may mean %d people: %s.", rs[0].Phrase, len(rs), strings.Join(labels, " or "))
	rep.Text = strings.TrimSpace(rep.Text + "\n\n" + line)
}

// brief summarises a briefing, or all of them.
func (r *Router) brief(ctx context.Context, req Request) (Reply, error) {
	name := strings.TrimSpace(req.Args)
	var a knowledge.Answer
	var err error
	if r.Summarise != nil {
		a, err = r.Summarise(ctx, req.Conversation, name)
	} else {
		q := "summarise the briefings"
		if name != "" {
			q = "summarise " + name
		}
		a, err = r.Asker.Ask(ctx, req.Conversation, q)
	}
	if err != nil {
		return Reply{}, err
	}
	title := "Summary"
	if name != "" {
		title = "Summary: " + name
	}
	rep := answerReply(title, a)
	rep.Title = title
	return rep, nil
}

// count formats a count of things: "1 briefing", "3 briefings".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return thousands(n) + " " + thing + "s"
}

func (r *Router) actor(ctx context.Context, req Request) (Reply, error) {
	name := strings.TrimSpace(req.Args)
	if name == "" {
		return Reply{Text: "Which actor? For example: /actor Mark Rutte"}, nil
	}
	d, err := r.lib.Dossier(ctx, name)
	var amb *answer.Ambiguous
	var nf *answer.NotFound
	switch {
	case errors.As(err, &amb):
		var b strings.Builder
		fmt.Fprintf(&b, "%q may mean %d actors; pick one:\n", name, len(amb.Candidates))
		var choices []Choice
		for _, c := range amb.Candidates {
			fmt.Fprintf(&b, "• %s — /actor %s\n", c.Label, c.Name)
			choices = append(choices, Choice{Label: c.Label, Command: CmdActor, Args: c.Name})
		}
		return Reply{Title: "Which one?", Text: strings.TrimSpace(b.String()), Choices: choices}, nil
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
		return adminOnly("reload the briefings"), nil
	}
	return r.reloadReply(ctx, req, "Reload")
}

// reloadLibrary reloads the briefings, telling req.Progress how it goes.
func (r *Router) reloadLibrary(ctx context.Context, req Request) (library.Report, error) {
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
	if err != nil && !errors.Is(err, library.ErrReloading) {
		r.log.Error("reload failed", "user", req.UserID, "err", err)
		return rep, err
	}
	if err == nil {
		r.log.Info("reloaded", "user", req.UserID, "added", len(rep.Added), "replaced", len(rep.Replaced), "removed", len(rep.Removed), "errors", len(rep.Errors))
	}
	return rep, err
}

// ProgressText describes how far a reload has gone, for people.
func ProgressText(p library.Progress) string {
	switch p.Phase {
	case library.Scanning:
		return "Reloading: looking for changed briefings…"
	case library.Reading:
		return "Reloading: reading the briefings…"
	case library.Extracting:
		if p.Total == 0 {
			return "Reloading: updating the store…"
		}
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
• Follow up in the thread I open, or reply to my answer: what did he say? · and Russia?
• /actor NAME — everything the briefings say about someone
• /brief [BRIEFING] — a summary of one briefing, or of them all
• /sources — the briefings I know
• /reload — reload the briefings (admins only)
• /add FILE, /remove BRIEFING — add or remove a briefing (admins only)
• /help — this message`)}
}
