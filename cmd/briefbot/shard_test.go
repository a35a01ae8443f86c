package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// guildOnShard returns a guild ID that Discord routes to the given shard of n:
// (id >> 22) % n == shard.
func guildOnShard(shard, n int) string {
	base := int64(1100000000000000000) >> 22
	for id := base; ; id++ {
		if int(id%int64(n)) == shard {
			return strconv.FormatInt(id<<22, 10)
		}
	}
}

// TestTwoShards runs two briefbot processes, shards 0 and 1 of 2, against one
// fake Discord and one store: each answers the guilds routed to it, and a
// /reload run on shard 0 is seen by shard 1, which notices the store changed.
func TestTwoShards(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "briefbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds, "seed.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "shared.db")

	const token = "shard-test-token"
	srv := discordtest.NewServer(discordtest.WithToken(token))
	t.Cleanup(srv.Close)
	guilds := []string{guildOnShard(0, 2), guildOnShard(1, 2)}
	channels := []string{"1200000000000000001", "1200000000000000002"}
	for i := range guilds {
		srv.AddChannel(guilds[i], channels[i], fmt.Sprintf("news-%d", i))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	for shard := 0; shard < 2; shard++ {
		cmd := exec.Command(bin, "run", "--seeds", seeds, "--db", db)
		cmd.Env = append(os.Environ(),
			"DISCORD_TOKEN="+token,
			"BRIEFBOT_DISCORD_API="+srv.URL,
			"BRIEFBOT_SHARD_ID="+strconv.Itoa(shard),
			"BRIEFBOT_SHARD_COUNT=2",
			"BRIEFBOT_LOG_LEVEL=warn",
		)
		var logs lockedBuffer
		cmd.Stdout, cmd.Stderr = &logs, &logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Signal(os.Interrupt)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
			}
			if t.Failed() {
				t.Logf("shard log:\n%s", logs.String())
			}
		})
	}
	err = srv.WaitUntil(ctx, func() bool {
		ready := map[string]bool{}
		for _, s := range srv.Sessions() {
			if s.Connected && s.Seq > 0 {
				ready[fmt.Sprint(s.Shard)] = true
			}
		}
		return len(ready) == 2
	})
	if err != nil {
		t.Fatalf("the two shards did not both connect: %v", err)
	}
	shards := map[string]bool{}
	for _, s := range srv.Sessions() {
		shards[fmt.Sprint(s.Shard)] = true
	}
	if !shards["[0 2]"] || !shards["[1 2]"] {
		t.Fatalf("sessions identified as %v, want shards [0 2] and [1 2]", shards)
	}

	ask := func(i int, question string) string {
		t.Helper()
		id := srv.SendMessage(discordtest.MessageOpts{Content: question, MentionBot: true, GuildID: guilds[i], ChannelID: channels[i]})
		req, err := srv.WaitFor(ctx, func(r discordtest.Request) bool {
			m, err := r.Message()
			return r.Method == "POST" && err == nil && m.MessageReference != nil && m.MessageReference.MessageID == id
		})
		if err != nil {
			t.Fatalf("shard %d did not answer %q: %v", i, question, err)
		}
		return string(req.Body)
	}
	for i := range guilds {
		if got := ask(i, "who is Mark Rutte?"); !strings.Contains(got, "NATO") {
			t.Errorf("shard %d answered %s", i, got)
		}
	}

	// A new briefing, reloaded by an admin on shard 0, is answered on shard 1.
	brief := "Ministers meet in Oslo\n\nNorwegian Foreign Minister Anniken Huitfeldt said that the fjord treaty would be signed in spring.\n"
	if err := os.WriteFile(filepath.Join(seeds, "oslo.txt"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	in := srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", GuildID: guilds[0], ChannelID: channels[0], Permissions: discordgo.PermissionAdministrator})
	if _, err := srv.WaitFor(ctx, func(r discordtest.Request) bool {
		return r.Method == "PATCH" && strings.Contains(r.Path, "/messages/@original") && strings.Contains(r.Path, in.Token) && strings.Contains(string(r.Body), "oslo.txt")
	}); err != nil {
		t.Fatalf("the reload did not report the new briefing: %v", err)
	}
	if got := ask(1, "what did Huitfeldt say?"); !strings.Contains(got, "fjord treaty") {
		t.Errorf("shard 1 did not see the reload made on shard 0: %s", got)
	}
}
