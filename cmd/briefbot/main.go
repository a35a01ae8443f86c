// Command briefbot answers questions about news briefings, on Discord or in a
// local console, and quotes the sentences it relied on.
//
// Usage:
//
//	briefbot                      run the bot (Discord when DISCORD_TOKEN is set, else a console)
//	briefbot ask [QUESTION]       answer one question, or one per line from standard input
//	briefbot actor NAME           an actor's dossier
//	briefbot ingest               bring the store up to date with the seeds folder
//	briefbot facts                show what was extracted
//	briefbot eval FILE.jsonl...   score question sets (see shared/eval/FORMAT.md)
//	briefbot bench                ingest and answer benchmarks
//	briefbot feedback [--json]    the 👍/👎 votes users gave answers on Discord
//
// Every sub-command takes --seeds DIR and --db PATH (defaults: BRIEFBOT_SEEDS or
// "seeds", BRIEFBOT_DB or "briefbot.db", from the environment or a .env file in
// the working directory: every sub-command reads the configuration the same way);
// --db also takes a postgres:// URL.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "briefbot:", err)
		}
		os.Exit(1)
	}
}

// errUsage is returned after a usage message was printed.
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string) error {
	cmd := "run"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "run":
		return cmdRun(ctx, args)
	case "ask":
		return cmdAsk(ctx, args)
	case "actor":
		return cmdActor(ctx, args)
	case "ingest":
		return cmdIngest(ctx, args)
	case "facts":
		return cmdFacts(ctx, args)
	case "eval":
		return cmdEval(ctx, args)
	case "bench":
		return cmdBench(ctx, args)
	case "feedback":
		return cmdFeedback(ctx, args)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}
	fmt.Fprintf(os.Stderr, "briefbot: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

const usage = `briefbot answers questions about news briefings and quotes its sources.

Usage:
  briefbot [run]                 run the bot: on Discord when DISCORD_TOKEN is set, else a local console
  briefbot ask [--json] [QUESTION]
                                 answer QUESTION, or each line of standard input
  briefbot actor NAME            everything the briefings say about an actor
  briefbot ingest [--progress auto|bar|lines|off]
                                 bring the store up to date with the seeds folder
  briefbot facts [--actor NAME] [--kind KIND] [--json]
                                 show the extracted facts (kinds: actors, statements,
                                 quantities, times, roles)
  briefbot eval [--baseline] [--sample N] FILE.jsonl...
                                 score question sets against the seeds folder
  briefbot bench [--large] [--sentences N] [--shared DIR]
                                 measure ingest, start-up and answer latency beside bm25
  briefbot feedback [--json]     the 👍/👎 votes users gave answers on Discord, with the
                                 question and the answer (one JSON object a line)

Common flags:
  --seeds DIR   the briefings (default $BRIEFBOT_SEEDS or ./seeds)
  --db PATH     the store (default $BRIEFBOT_DB or ./briefbot.db): a SQLite file,
                or a postgres:// URL for a store shared by several machines
  (variables are read from the environment, then from ./.env)
`
