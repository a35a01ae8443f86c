package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge/library"
)

// TestKeepWarm checks that the background warmer answers for itself: it keeps
// working while the store is there, logs (and survives) a failing store, and
// stops when told to.
func TestKeepWarm(t *testing.T) {
	ctx := context.Background()
	lib, _, err := library.Open(ctx, filepath.Join(t.TempDir(), "b.db"), "../../seeds", library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	stop := keepWarm(ctx, lib, log, time.Millisecond)
	if a, err := lib.Ask(ctx, "how many troops?"); err != nil || !a.Answered {
		t.Fatalf("asking while warming: %+v, %v", a, err)
	}
	time.Sleep(20 * time.Millisecond)
	if strings.Contains(logs.String(), "warming") {
		t.Fatalf("warming a healthy store logged: %s", logs.String())
	}
	lib.Close() // the store goes away under the warmer
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "warming the indexes") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(logs.String(), "warming the indexes") {
		t.Error("a failing store was not logged")
	}
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("stop did not return")
	}
}

// TestConsoleIsQuiet runs `briefbot run` as a console: a reload answers in the
// console without info logs interleaved, unless a log level is asked for.
func TestConsoleIsQuiet(t *testing.T) {
	for _, level := range []string{"", "info"} {
		t.Run("level="+level, func(t *testing.T) {
			t.Setenv("DISCORD_TOKEN", "")
			t.Setenv("BRIEFBOT_LOG_LEVEL", level)
			var out, logs lockedBuffer
			oldIn, oldOut, oldErr := stdin, stdout, stderr
			stdin, stdout, stderr = strings.NewReader("/reload\n"), &out, &logs
			t.Cleanup(func() { stdin, stdout, stderr = oldIn, oldOut, oldErr })
			if err := run(context.Background(), []string{"run", "--seeds", "../../seeds", "--db", filepath.Join(t.TempDir(), "b.db")}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), "No changes: 1 briefing up to date.") {
				t.Errorf("console output:\n%s", out.String())
			}
			if logged := strings.Contains(logs.String(), "msg=reloaded"); logged != (level == "info") {
				t.Errorf("with BRIEFBOT_LOG_LEVEL=%q the reload was logged: %v\n%s", level, logged, logs.String())
			}
		})
	}
}
