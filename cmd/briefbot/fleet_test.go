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
	"github.com/briefbot/briefbot/knowledge/store/pgstore/pgtest"
)

// TestFleet runs four shard processes against one fake Discord and one shared
// PostgreSQL store: shards 0 and 1 on the primary, 2 and 3 on a streaming
// standby. Only shard 0 has the seeds folder. A /reload on shard 0 reaches
// every shard; a /reload on another is refused, saying why; the standby,
// stopped hard while the primary reloads, catches up when started again.
func TestFleet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	primary := pgtest.StartCluster(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	url, err := primary.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
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
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(seeds, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("seed.txt", string(seed))
	// Shard 0 loads the store before the standby is made from it.
	if out, err := exec.Command(bin, "ingest", "--progress", "lines", "--seeds", seeds, "--db", url).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	standby := pgtest.StartStandby(t, primary)
	if err := primary.WaitReplayed(ctx, standby); err != nil {
		t.Fatal(err)
	}
	standbyURL, err := standby.Same(url)
	if err != nil {
		t.Fatal(err)
	}

	const token = "fleet-test-token"
	const n = 4
	srv := discordtest.NewServer(discordtest.WithToken(token))
	t.Cleanup(srv.Close)
	var guilds, channels []string
	for i := range n {
		guilds = append(guilds, guildOnShard(i, n))
		channels = append(channels, fmt.Sprintf("12000000000000000%02d", i))
		srv.AddChannel(guilds[i], channels[i], fmt.Sprintf("news-%d", i))
	}
	noSeeds := filepath.Join(dir, "no-seeds")
	for shard := range n {
		db, dir := url, noSeeds
		if shard >= 2 {
			db = standbyURL
		}
		if shard == 0 {
			dir = seeds
		}
		cmd := exec.Command(bin, "run", "--seeds", dir, "--db", db)
		cmd.Env = append(os.Environ(),
			"DISCORD_TOKEN="+token,
			"BRIEFBOT_DISCORD_API="+srv.URL,
			"BRIEFBOT_SHARD_ID="+strconv.Itoa(shard),
			"BRIEFBOT_SHARD_COUNT="+strconv.Itoa(n),
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
				t.Logf("shard %d log:\n%s", shard, logs.String())
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
		return len(ready) == n
	})
	if err != nil {
		t.Fatalf("the shards did not all connect: %v", err)
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
	reload := func(i int) string {
		t.Helper()
		in := srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", GuildID: guilds[i], ChannelID: channels[i], Permissions: discordgo.PermissionAdministrator})
		req, err := srv.WaitFor(ctx, func(r discordtest.Request) bool {
			return r.Method == "PATCH" && strings.Contains(r.Path, "/messages/@original") && strings.Contains(r.Path, in.Token)
		})
		if err != nil {
			t.Fatalf("shard %d did not answer /reload: %v", i, err)
		}
		return string(req.Body)
	}
	everyShard := func(question, want string) {
		t.Helper()
		if err := primary.WaitReplayed(ctx, standby); err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if got := ask(i, question); !strings.Contains(got, want) {
				t.Errorf("shard %d answered %q with %s; want %q", i, question, got, want)
			}
		}
	}
	everyShard("who is Mark Rutte?", "NATO")

	// A new briefing, reloaded on shard 0, is answered on every shard.
	write("oslo.txt", "Ministers meet in Oslo\n\nNorwegian Foreign Minister Anniken Huitfeldt said that the fjord treaty would be signed in spring.\n")
	if got := reload(0); !strings.Contains(got, "oslo.txt") {
		t.Errorf("/reload on shard 0: %s", got)
	}
	everyShard("what did Huitfeldt say?", "fjord treaty")

	// The other shards refuse, and say which shard reloads.
	for i, why := range map[int]string{1: "no seeds folder", 2: "standby", 3: "standby"} {
		if got := reload(i); !strings.Contains(got, "does not reload the shared store") || !strings.Contains(got, why) {
			t.Errorf("/reload on shard %d: %s; want a refusal naming %q", i, got, why)
		}
	}

	// The standby stopped hard misses a reload, then catches up.
	if err := standby.Stop(); err != nil {
		t.Fatal(err)
	}
	write("lima.txt", "Talks in Lima\n\nPeruvian Foreign Minister Elmer Schialer said that the mining law would change in autumn.\n")
	if got := reload(0); !strings.Contains(got, "lima.txt") {
		t.Errorf("/reload on shard 0 with the standby down: %s", got)
	}
	if err := standby.Restart(); err != nil {
		t.Fatal(err)
	}
	everyShard("what did Schialer say?", "mining law")
}
