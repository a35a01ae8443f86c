package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge/library"
)

func TestProgressText(t *testing.T) {
	for _, tt := range []struct {
		p    library.Progress
		want string
	}{
		{library.Progress{Phase: library.Scanning}, "Reloading: looking for changed briefings…"},
		{library.Progress{Phase: library.Extracting, Done: 1234, Total: 5000, Sentences: 56789},
			"Reloading: 1,234 of 5,000 briefings read (24%), 56,789 sentences so far…"},
		{library.Progress{Phase: library.Committing, Sentences: 1000000}, "Reloading: saving 1,000,000 sentences…"},
	} {
		if got := ProgressText(tt.p); got != tt.want {
			t.Errorf("ProgressText(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestRouterReloadProgress checks that a reload reports its progress to whoever
// asked, and only when it takes longer than the reporting interval.
func TestRouterReloadProgress(t *testing.T) {
	seeds := copySeeds(t)
	lib := openLibrary(t, seeds)
	defer lib.Close()
	r := NewRouter(lib, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for i := range 30 {
		writeFile(t, seeds, fmt.Sprintf("extra-%02d.txt", i), fmt.Sprintf("Extra %d\n\nMinister Ana Vell said talks on item %d would resume.\n", i, i))
	}
	var mu sync.Mutex
	var lines []string
	progress := func(text string) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, text)
	}

	// A reload quicker than the interval reports nothing.
	rep := r.Handle(context.Background(), Request{Command: CmdReload, Admin: true, Progress: progress})
	if rep.Failed || !strings.Contains(rep.Text, "30 added") {
		t.Fatalf("reload: %+v", rep)
	}
	if len(lines) != 0 {
		t.Errorf("a quick reload reported progress: %q", lines)
	}

	// With no interval, every step is reported, in order, and the reply still
	// comes last.
	r.progressEvery = 0
	for i := range 30 {
		writeFile(t, seeds, fmt.Sprintf("extra-%02d.txt", i), fmt.Sprintf("Extra %d\n\nMinister Ana Vell said talks on item %d would end.\n", i, i))
	}
	rep = r.Handle(context.Background(), Request{Command: CmdReload, Admin: true, Progress: progress})
	if rep.Failed || !strings.Contains(rep.Text, "30 changed") {
		t.Fatalf("reload: %+v", rep)
	}
	var read bool
	for _, l := range lines {
		if !strings.HasPrefix(l, "Reloading") {
			t.Errorf("progress line %q", l)
		}
		read = read || strings.Contains(l, "of 30 briefings read")
	}
	if !read {
		t.Errorf("no line counts the briefings read: %q", lines)
	}
}

// TestReloadProgressOnDiscord checks that a slow /reload edits its private
// reply with progress, and that the report replaces the progress at the end.
func TestReloadProgressOnDiscord(t *testing.T) {
	h := startBot(t, harnessOpts{})
	h.bot.router.progressEvery = 0
	ctx := h.ctx()
	for i := range 30 {
		h.writeBriefing(fmt.Sprintf("extra-%02d.txt", i), fmt.Sprintf("Extra %d\n\nMinister Ana Vell said talks on item %d would resume.\n", i, i))
	}
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", Permissions: discordgo.PermissionManageGuild})
	h.callback(ctx, in)
	var text string
	if err := h.srv.WaitUntil(ctx, func() bool {
		m, ok := h.srv.Original(in.ID)
		if ok {
			text = messageText(m)
		}
		return strings.Contains(text, "30 added")
	}); err != nil {
		t.Fatalf("reload report = %q: %v", text, err)
	}
	var edits []string
	for _, r := range h.srv.Requests() {
		if r.Method != "PATCH" || !strings.Contains(r.Path, "/webhooks/") {
			continue
		}
		var body struct {
			Content *string                   `json:"content"`
			Embeds  []*discordgo.MessageEmbed `json:"embeds"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		c := ""
		if body.Content != nil {
			c = *body.Content
		}
		if len(body.Embeds) > 0 {
			c += " [embed: " + body.Embeds[0].Title + "]"
		}
		edits = append(edits, c)
	}
	if len(edits) < 2 {
		t.Fatalf("edits = %q, want progress and then the report", edits)
	}
	for _, e := range edits[:len(edits)-1] {
		if !strings.HasPrefix(e, "Reloading") {
			t.Errorf("edit before the report = %q, want progress", e)
		}
	}
	if last := edits[len(edits)-1]; last != " [embed: Reload]" {
		t.Errorf("last edit = %q, want the report alone", last)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
