package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/discordtest"
)

// TestRunOnDiscord drives `briefbot run` through its environment against a
// fake Discord: it connects, answers a mention, and stops cleanly when its
// context is cancelled (as on SIGINT).
func TestRunOnDiscord(t *testing.T) {
	const token = "cmd-test-token"
	srv := discordtest.NewServer(discordtest.WithToken(token))
	t.Cleanup(srv.Close)
	t.Setenv("DISCORD_TOKEN", token)
	t.Setenv("DISCORD_GUILD_ID", srv.GuildID)
	t.Setenv("BRIEFBOT_DISCORD_API", srv.URL)
	t.Setenv("BRIEFBOT_LOG_LEVEL", "warn")
	logs := &lockedBuffer{}
	old := stderr
	stderr = logs
	t.Cleanup(func() { stderr = old })

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"run", "--seeds", filepath.Join("..", "..", "seeds"), "--db", filepath.Join(t.TempDir(), "b.db")})
	}()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			cancel()
			<-done
		}
	})

	wctx, wcancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer wcancel()
	if err := srv.WaitReady(wctx); err != nil {
		t.Fatalf("briefbot did not connect: %v", err)
	}
	id := srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	req, err := srv.WaitFor(wctx, func(r discordtest.Request) bool {
		m, err := r.Message()
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") && err == nil &&
			m.MessageReference != nil && m.MessageReference.MessageID == id
	})
	if err != nil {
		t.Fatalf("no reply: %v", err)
	}
	if !strings.Contains(string(req.Body), "NATO") {
		t.Errorf("reply = %s", req.Body)
	}

	cancel()
	select {
	case err := <-done:
		stopped = true
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-wctx.Done():
		t.Fatal("run did not stop")
	}
	if strings.Contains(logs.String(), token) {
		t.Error("the token appears in the logs")
	}
}

func TestRunRejectsMalformedConfig(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "secret token with spaces")
	t.Setenv("BRIEFBOT_SHARD_ID", "3")
	t.Setenv("BRIEFBOT_SHARD_COUNT", "2")
	err := run(context.Background(), []string{"run", "--db", filepath.Join(t.TempDir(), "b.db")})
	if err == nil {
		t.Fatal("run accepted a malformed configuration")
	}
	for _, want := range []string{"DISCORD_TOKEN", "BRIEFBOT_SHARD_ID"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if strings.Contains(err.Error(), "secret token") {
		t.Errorf("error shows the token: %v", err)
	}
}

// lockedBuffer collects log output written from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
