package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/dialog"
	"github.com/briefbot/briefbot/knowledge/eval"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/source"
	"github.com/briefbot/briefbot/knowledge/store"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
)

// stdout and stdin are variables so tests can capture them.
var (
	stdout io.Writer = os.Stdout
	stderr io.Writer = os.Stderr
	stdin  io.Reader = os.Stdin
)

// common holds the flags every sub-command takes.
type common struct {
	seeds, db string
	// maxIndexed is the most sentences indexed in memory.
	maxIndexed int
	// err is the configuration's error, reported by open.
	err error
}

// register adds --seeds and --db, whose defaults come from the configuration
// every sub-command reads the same way (the environment, then .env).
func (c *common) register(fs *flag.FlagSet) {
	cfg, err := loadConfig()
	if err != nil {
		c.err = err
		cfg.Seeds, cfg.DB = bot.DefaultSeeds, bot.DefaultDB
	}
	fs.StringVar(&c.seeds, "seeds", cfg.Seeds, "folder of briefings")
	fs.StringVar(&c.db, "db", cfg.DB, "the store: a SQLite file, or a postgres:// URL for a store shared by several machines")
	if cfg.MaxIndexed == 0 && c.err != nil {
		cfg.MaxIndexed = bot.DefaultMaxIndexed
	}
	fs.IntVar(&c.maxIndexed, "index-max-sentences", cfg.MaxIndexed, "the most sentences indexed in memory; above, each question takes its candidates from the store's full-text index (0: always)")
}

// options are the library options the flags set.
func (c *common) options() library.Options {
	opt := library.Options{MaxIndexed: c.maxIndexed}
	if c.maxIndexed <= 0 {
		opt.MaxIndexed = library.IndexNone
	}
	return opt
}

// open opens the library, reporting file errors on stderr.
func (c *common) open(ctx context.Context) (*library.Library, error) {
	if c.err != nil {
		return nil, c.err
	}
	lib, rep, err := library.Open(ctx, c.db, c.seeds, c.options())
	if err != nil {
		return nil, err
	}
	for _, e := range rep.Errors {
		fmt.Fprintln(stderr, "briefbot: skipped:", e)
	}
	return lib, nil
}

func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func cmdAsk(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("ask")
	c.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
	conversation := fs.Bool("conversation", false, "the questions on standard input are one conversation: follow-ups resolve against the earlier lines")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	lib, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	// Each line is a conversation of its own unless --conversation is given.
	convs, key := dialog.New(lib, dialog.Options{}), ""
	if *conversation {
		key = "stdin"
	}
	answer := func(q string) error {
		a, err := convs.Ask(ctx, key, q)
		if err != nil {
			return err
		}
		if *asJSON {
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, string(b))
			return nil
		}
		fmt.Fprintln(stdout, bot.FormatText(bot.Reply{Text: a.Text, Citations: a.Citations, More: a.More}))
		return nil
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	// Lines of any length are read (a question is cut to bot.MaxLine bytes),
	// so that one huge line cannot stop the questions after it.
	return bot.ReadLines(stdin, bot.MaxLine, func(q string) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return answer(q)
	})
}

func cmdActor(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("actor")
	c.register(fs)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: briefbot actor NAME")
		return errUsage
	}
	lib, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	r := bot.NewRouter(lib, slog.New(slog.NewTextHandler(stderr, nil)))
	fmt.Fprintln(stdout, bot.FormatText(r.Handle(ctx, bot.Request{Command: bot.CmdActor, Args: strings.Join(fs.Args(), " ")})))
	return nil
}

func cmdIngest(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("ingest")
	c.register(fs)
	progress := fs.String("progress", "auto", "how to show progress on standard error: auto (a bar on a terminal, else a line every few seconds), bar, lines or off")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	mode, err := parseProgressMode(*progress)
	if err != nil {
		fmt.Fprintln(stderr, "briefbot:", err)
		return errUsage
	}
	if c.err != nil {
		return c.err
	}
	pp := newProgressPrinter(stderr, mode)
	lib, rep, err := library.Open(ctx, c.db, c.seeds, library.Options{OnProgress: pp.update})
	pp.finish()
	if err != nil {
		return err
	}
	defer lib.Close()
	t := rep.Totals
	fmt.Fprintf(stdout, "%s: %d added, %d changed, %d removed, %d unchanged\n", c.seeds, len(rep.Added), len(rep.Replaced), len(rep.Removed), rep.Unchanged)
	fmt.Fprintf(stdout, "store %s: %d documents, %d sentences, %d actors, %d statements, %d quantities, %d time expressions, %d roles\n",
		pgstore.Redact(c.db), t.Documents, t.Sentences, t.Actors, t.Statements, t.Quantities, t.Times, t.Roles)
	for _, e := range rep.Errors {
		fmt.Fprintln(stdout, "error:", e)
	}
	return nil
}

func cmdRun(ctx context.Context, args []string) error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	var c common
	fs := newFlags("run")
	c.register(fs)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	applyConfig(fs, &c, cfg)
	lib, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	if cfg.Token == "" && !cfg.LogLevelSet {
		cfg.LogLevel = slog.LevelWarn // the console's own replies say what happened
	}
	log := newLogger(stderr, cfg)
	stopWarm := keepWarm(ctx, lib, log, warmEvery)
	defer stopWarm()
	if cfg.Token != "" {
		return runDiscord(ctx, cfg, lib, log)
	}
	return bot.Console(ctx, bot.NewRouter(lib, log), stdin, stdout)
}

// warmEvery is how often the bot checks whether the store changed (a reload
// here or by another shard) to rebuild its indexes before the next question.
const warmEvery = 2 * time.Second

// keepWarm keeps the library's indexes built for the store's current contents
// in the background, until the returned function is called (it waits for the
// work in progress to stop).
func keepWarm(ctx context.Context, lib *library.Library, log *slog.Logger, every time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if err := lib.Warm(ctx); err != nil && ctx.Err() == nil {
				log.Warn("warming the indexes", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

func cmdEval(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("eval")
	c.register(fs)
	baseline := fs.Bool("baseline", false, "also score the plain FTS5 bm25 baseline")
	sample := fs.Int("sample", 0, "score a random sample of N questions per file (fixed seed)")
	seed := fs.Int64("seed", 1, "seed for --sample")
	half := fs.String("half", "", "score only half A or B of each set, split by briefing (alternate briefings in sorted order)")
	verbose := fs.Bool("v", false, "list the questions missed")
	byIntent := fs.Bool("by-intent", false, "also score the answers of each intent apart (the calibration of each path)")
	dbSet := false
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	fs.Visit(func(f *flag.Flag) { dbSet = dbSet || f.Name == "db" })
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: briefbot eval [--seeds DIR] [--baseline] FILE.jsonl...")
		return errUsage
	}
	if !dbSet {
		dir, err := os.MkdirTemp("", "briefbot-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.db = filepath.Join(dir, "eval.db")
	}
	lib, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	fmt.Fprintf(stdout, "%-22s %6s %7s %9s %9s %10s %7s %9s %7s %6s %9s %10s\n", "set", "n", "top1", "recall@5", "contains", "abstain_ok", "score", "cite_prec", "other", "cites", "wrong_ans", "wrong_decl")
	for _, file := range fs.Args() {
		qs, err := eval.Load(file)
		if err != nil {
			return err
		}
		if qs, err = eval.Half(qs, *half); err != nil {
			return err
		}
		qs = eval.Sample(qs, *sample, *seed)
		// Questions are answered as `ask` answers them: each alone, a question
		// of several parts part by part.
		convs := dialog.New(lib, dialog.Options{})
		res, err := eval.Run(ctx, qs, func(ctx context.Context, q string) (knowledge.Answer, error) {
			return convs.Ask(ctx, "", q)
		})
		if err != nil {
			return err
		}
		name := filepath.Base(file)
		if *half != "" {
			name = strings.TrimSuffix(name, ".jsonl") + "-" + *half
		}
		printResult(name, res)
		if *byIntent {
			for _, p := range res.ByIntent() {
				printResult("  intent "+p.Intent, p.Result)
			}
		}
		if *baseline {
			base, err := eval.Run(ctx, qs, eval.Baseline(lib.Store()))
			if err != nil {
				return err
			}
			printResult("  baseline (bm25)", base)
		}
		if *verbose {
			for _, o := range res.Outcomes {
				if o.Correct() {
					continue
				}
				first := "(no citation)"
				if len(o.Answer.Citations) > 0 {
					c := o.Answer.Citations[0]
					first = fmt.Sprintf("%s#%d %s", c.Document, c.Sentence, clipText(c.Text, 100))
				}
				fmt.Fprintf(stdout, "  miss %s [%s] %q\n       got: %s\n       answer: %s\n", o.Question.ID, o.Answer.Intent, o.Question.Question, first, clipText(o.Answer.Text, 160))
			}
		}
	}
	return nil
}

func printResult(name string, r eval.Result) {
	fmt.Fprintf(stdout, "%-22s %6d %7.3f %9.3f %9.3f %10.3f %7.3f %9.3f %7.3f %6.2f %9.3f %10.3f\n", name, r.Questions, r.Top1(), r.Recall5(), r.AnswerContains(), r.AbstainOK(), r.Score(), r.CitationPrecision(), r.OtherBriefing(), r.CitationsPerAnswer(), r.WrongAnswered(), r.WronglyDeclined())
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func cmdFacts(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("facts")
	c.register(fs)
	actor := fs.String("actor", "", "only facts about actors whose name contains this")
	kind := fs.String("kind", "", "only this kind: "+strings.Join(knowledge.FactKinds, ", "))
	doc := fs.String("doc", "", "only this briefing (its path in the seeds folder)")
	asJSON := fs.Bool("json", false, "print each briefing's facts as JSON")
	explain := fs.Bool("explain", false, "name the extraction rule that read each statement (reads the briefing again)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	var kinds []string
	if *kind != "" {
		if !slices.Contains(knowledge.FactKinds, *kind) {
			fmt.Fprintf(stderr, "briefbot: unknown kind %q (want one of %s)\n", *kind, strings.Join(knowledge.FactKinds, ", "))
			return errUsage
		}
		kinds = []string{*kind}
	}
	lib, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer lib.Close()
	docs, err := lib.Sources(ctx)
	if err != nil {
		return err
	}
	texts := map[string]string{}
	if *explain {
		texts = briefingTexts(c.seeds)
	}
	for _, d := range docs {
		if *doc != "" && d.Path != *doc {
			continue
		}
		b, err := lib.Store().Briefing(ctx, d.Path)
		if err != nil {
			return err
		}
		var rules []string
		if *explain {
			// The rules are those of this build: read the briefing again,
			// from its file when it is there (the store keeps its sentences,
			// not the paragraphs that quotations and transcripts run over).
			redo := b.Document
			if text, ok := texts[d.Path]; ok {
				redo = knowledge.Document{Path: b.Path, Title: b.Title, Date: b.Date, Hash: b.Hash, Text: text}
			}
			re, why := extract.Explain(redo)
			if len(re.Sentences) != len(b.Sentences) {
				re, why = extract.Explain(b.Document) // the file changed since ingest
			}
			b.Facts, rules = re.Facts, why
		}
		if *asJSON {
			if err := json.NewEncoder(stdout).Encode(factsJSON(b, kinds, *actor, rules)); err != nil {
				return err
			}
			continue
		}
		if err := knowledge.WriteFacts(stdout, b, kinds, *actor); err != nil {
			return err
		}
		if *explain {
			if err := writeRules(stdout, b, kinds, *actor, rules); err != nil {
				return err
			}
		}
	}
	return nil
}

// briefingTexts reads the text of each briefing in the seeds folder, by path;
// a folder or file that cannot be read gives none.
func briefingTexts(seeds string) map[string]string {
	files, _, err := source.Load(seeds, source.Options{})
	out := map[string]string{}
	if err != nil {
		return out
	}
	for _, f := range files {
		out[f.Path] = f.Text
	}
	return out
}

// briefingJSON is one line of `facts --json`: the briefing's path in the seeds
// folder, its sentences and its facts.
type briefingJSON struct {
	Document   string
	Sentences  []sentenceJSON
	Actors     []knowledge.Actor
	Statements []statementJSON
	Quantities []knowledge.Quantity
	Times      []knowledge.TimeExpr
	Roles      []knowledge.Role
}

type sentenceJSON struct {
	Sentence int
	Text     string
}

// statementJSON is a statement and, with --explain, the rule that read it.
type statementJSON struct {
	knowledge.Statement
	Rule string `json:",omitempty"`
}

// factsJSON selects a briefing's facts by kind and actor; rules, when given,
// name the rule of each of b's statements.
func factsJSON(b *knowledge.Briefing, kinds []string, actor string, rules []string) briefingJSON {
	f := b.Facts.Filter(kinds, actor)
	out := briefingJSON{Document: b.Path, Sentences: []sentenceJSON{}, Actors: f.Actors, Statements: []statementJSON{},
		Quantities: f.Quantities, Times: f.Times, Roles: f.Roles}
	for _, s := range b.Sentences {
		out.Sentences = append(out.Sentences, sentenceJSON{s.N, s.Text})
	}
	for _, s := range f.Statements {
		out.Statements = append(out.Statements, statementJSON{Statement: s, Rule: ruleOf(b, s, rules)})
	}
	return out
}

// ruleOf finds the rule of statement s among b's statements.
func ruleOf(b *knowledge.Briefing, s knowledge.Statement, rules []string) string {
	if len(rules) != len(b.Statements) {
		return ""
	}
	for i, t := range b.Statements {
		if t == s {
			return rules[i]
		}
	}
	return ""
}

// writeRules prints which rule read each statement shown.
func writeRules(w io.Writer, b *knowledge.Briefing, kinds []string, actor string, rules []string) error {
	f := b.Facts.Filter(kinds, actor)
	for _, s := range f.Statements {
		name := "-"
		if s.Speaker >= 0 && s.Speaker < len(b.Actors) {
			name = b.Actors[s.Speaker].Name
		}
		if _, err := fmt.Fprintf(w, "rule s%d %s [%s]: %s\n", s.Sentence, name, s.Cue, ruleOf(b, s, rules)); err != nil {
			return err
		}
	}
	return nil
}

func cmdFeedback(ctx context.Context, args []string) error {
	var c common
	fs := newFlags("feedback")
	c.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per vote")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if c.err != nil {
		return c.err
	}
	if _, err := os.Stat(c.db); err != nil && !pgstore.IsURL(c.db) {
		return fmt.Errorf("feedback: no store at %s: %w", c.db, err)
	}
	st, err := library.OpenStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	fbs, err := st.Feedbacks(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	for _, f := range fbs {
		if *asJSON {
			if err := enc.Encode(f); err != nil {
				return err
			}
			continue
		}
		thumb := "👍"
		if f.Vote == store.VoteDown {
			thumb = "👎"
		}
		fmt.Fprintf(stdout, "%s %s %q\n   %s\n", f.At.Format(time.DateTime), thumb, f.Question, clipText(f.Answer, 160))
	}
	if !*asJSON {
		fmt.Fprintf(stdout, "%d votes\n", len(fbs))
	}
	return nil
}
