//go:build unix

package main

// SIGINT and SIGTERM on the built binary: the console stops even while it
// waits for input, after printing the answer it is working on; on Discord,
// every answer already started is delivered, then the session closes and the
// process exits 0.

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// waitExit waits for cmd to exit, failing after a generous guard.
func waitExit(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(60 * time.Second):
		t.Fatal("the process did not exit after the signal")
		return nil
	}
}

func TestConsoleSignals(t *testing.T) {
	bin := buildBriefbot(t)
	seeds := filepath.Join("..", "..", "seeds")
	seeds, _ = filepath.Abs(seeds)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			db := filepath.Join(t.TempDir(), "b.db")
			cmd := briefbotCmd(ctx, t, bin, nil, "run", "--seeds", seeds, "--db", db)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var out, errs lockedBuffer
			cmd.Stdout, cmd.Stderr = &out, &errs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// Many questions at once: the signal comes while some are being
			// answered and others wait.
			const n = 200
			go io.WriteString(stdin, strings.Repeat("what did China say?\n", n))
			for !strings.Contains(out.String(), "Lin Jian") {
				select {
				case err := <-done:
					t.Fatalf("exited early: %v\n%s\n%s", err, out.String(), errs.String())
				case <-time.After(5 * time.Millisecond):
				}
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := waitExit(t, done); err != nil {
				t.Errorf("exit after %v: %v\nstderr: %s", sig, err, errs.String())
			}
			text := out.String()
			answers := strings.Count(text, "sentence 18:")
			if strings.Count(text, "Lin Jian emphasized") != 2*answers || strings.Contains(strings.ToLower(text), "sorry") {
				t.Errorf("an answer was cut or failed:\n%s", text[max(0, len(text)-1500):])
			}
			t.Logf("%v: %d of %d answers printed, then a clean exit", sig, answers, n)

			// Waiting for input (stdin open, nothing typed), it stops too.
			db2 := filepath.Join(t.TempDir(), "b.db")
			cmd = briefbotCmd(ctx, t, bin, nil, "run", "--seeds", seeds, "--db", db2)
			idle, err := cmd.StdinPipe() // left open, never written
			if err != nil {
				t.Fatal(err)
			}
			defer idle.Close()
			var out2 lockedBuffer
			cmd.Stdout, cmd.Stderr = &out2, &errs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done2 := make(chan error, 1)
			go func() { done2 <- cmd.Wait() }()
			for !strings.Contains(out2.String(), "> ") {
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := waitExit(t, done2); err != nil {
				t.Errorf("exit after %v while waiting for input: %v", sig, err)
			}
		})
	}
}

// TestDiscordSIGTERMFinishesAnswersInFlight runs the binary on a fake Discord,
// sends a burst of /ask interactions and SIGTERM as soon as the first is
// answered: every interaction the bot deferred ("thinking…") gets its answer
// edited in, the others a polite "restarting" notice or nothing at all, then
// the session closes and the process exits 0.
func TestDiscordSIGTERMFinishesAnswersInFlight(t *testing.T) {
	bin := buildBriefbot(t)
	const token = "sigterm-test-token"
	srv := discordtest.NewServer(discordtest.WithToken(token))
	t.Cleanup(srv.Close)
	seeds, _ := filepath.Abs(filepath.Join("..", "..", "seeds"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := briefbotCmd(ctx, t, bin, []string{
		"DISCORD_TOKEN=" + token, "DISCORD_GUILD_ID=" + srv.GuildID, "BRIEFBOT_DISCORD_API=" + srv.URL,
		"BRIEFBOT_RATE_USER=off", "BRIEFBOT_RATE_CHANNEL=off",
	}, "run", "--seeds", seeds, "--db", filepath.Join(t.TempDir(), "b.db"))
	var logs lockedBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-done
		}
	}()
	if err := srv.WaitReady(ctx); err != nil {
		t.Fatalf("no connection: %v\n%s", err, logs.String())
	}
	// Wait for the commands, registered once connected.
	if err := srv.WaitUntil(ctx, func() bool { return len(srv.Commands(srv.GuildID)) > 0 }); err != nil {
		t.Fatal(err)
	}
	var ins []discordtest.Interaction
	for range 40 {
		ins = append(ins, srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
			Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "what did China say?")}}))
	}
	if _, err := srv.WaitFor(ctx, discordtest.Match("PATCH", "/api/v9/webhooks/")); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := waitExit(t, done); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, logs.String())
	}
	answered, refused, unanswered := 0, 0, 0
	reqs := srv.Requests()
	for _, in := range ins {
		var deferred, edited, notice bool
		for _, r := range reqs {
			switch {
			case r.Method == "POST" && r.Path == in.CallbackPath() && r.Status == 204:
				resp, err := r.InteractionResponse()
				if err != nil {
					t.Fatal(err)
				}
				deferred = resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource
				notice = resp.Type == discordgo.InteractionResponseChannelMessageWithSource && strings.Contains(resp.Data.Content, "restarting")
			case r.Method == "PATCH" && strings.HasPrefix(r.Path, in.WebhookPath()) && r.Status == 200:
				m, err := r.Message()
				edited = err == nil && len(m.Embeds) == 1 && strings.Contains(m.Embeds[0].Description, "Lin Jian")
			}
		}
		switch {
		case deferred && edited:
			answered++
		case deferred:
			t.Errorf("interaction %s was deferred, then left without an answer", in.ID)
		case notice:
			refused++
		default:
			unanswered++ // never reached the bot before it stopped
		}
	}
	t.Logf("SIGTERM with 40 /ask in flight: %d answered, %d told to retry, %d never started", answered, refused, unanswered)
	if err := srv.WaitUntil(ctx, func() bool { return len(srv.Sessions()) == 0 }); err != nil {
		t.Errorf("the gateway session is still open after exit")
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the token appears in the logs")
	}
}
