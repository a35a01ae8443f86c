package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge/library"
)

// testToken is the bot token the tests use; no log or error may show it.
const testToken = "MTMwMDAwMDAwMDAwMDAwMDAwMQ.test.secret-token-value"

// waitTimeout guards every wait: a failure guard, never an assertion.
const waitTimeout = 60 * time.Second

// harness is a real discordgo session, run by Discord, against a fake
// Discord, answering from a library built from a copy of the real seeds.
type harness struct {
	t     *testing.T
	srv   *discordtest.Server
	bot   *Discord
	lib   *library.Library
	seeds string
	logs  *syncBuffer

	cancel context.CancelFunc
	done   chan error

	traceMu sync.Mutex
	traces  []string
	traced  chan struct{} // closed and replaced on every trace
}

type harnessOpts struct {
	server []discordtest.Option
	config func(*Config)
	// briefings are extra files written to the seeds folder before the
	// library is opened, by name.
	briefings map[string]string
	// router, when set, adjusts the router before the bot starts.
	router func(*Router)
}

// syncBuffer is a bytes.Buffer safe for concurrent writes (the bot logs
// from many goroutines).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// copySeeds copies the project's seed briefings into a new temp folder.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join("..", "seeds", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// openLibrary builds a library in t.TempDir() from seeds.
func openLibrary(t *testing.T, seeds string) *library.Library {
	t.Helper()
	lib, rep, err := library.Open(context.Background(), filepath.Join(t.TempDir(), "briefbot.db"), seeds, library.Options{})
	if err != nil {
		t.Fatalf("library.Open: %v", err)
	}
	for _, e := range rep.Errors {
		t.Fatalf("seed did not load: %v", e)
	}
	return lib
}

// testConfig is a Config pointing at srv with generous rate limits.
func testConfig(srv *discordtest.Server) Config {
	return Config{
		Token: testToken, DiscordAPI: srv.URL, GuildID: srv.GuildID,
		ShardCount: 1, UserRate: Rate{N: 100, Per: time.Minute}, ChannelRate: Rate{N: 100, Per: time.Minute},
		ShutdownTimeout: 30 * time.Second,
	}
}

// startBot starts a fake Discord and the bot, waits until the bot is
// connected and has registered its commands, and stops both at cleanup
// (the bot first, as discordtest requires).
func startBot(t *testing.T, o harnessOpts) *harness {
	t.Helper()
	srv := discordtest.NewServer(append([]discordtest.Option{discordtest.WithToken(testToken)}, o.server...)...)
	t.Cleanup(srv.Close)

	h := &harness{t: t, srv: srv, seeds: copySeeds(t), logs: &syncBuffer{}, traced: make(chan struct{})}
	for name, text := range o.briefings {
		h.writeBriefing(name, text)
	}
	h.lib = openLibrary(t, h.seeds)
	cfg := testConfig(srv)
	if o.config != nil {
		o.config(&cfg)
	}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r := NewRouter(h.lib, log)
	if o.router != nil {
		o.router(r)
	}
	d, err := NewDiscord(cfg, r, log)
	if err != nil {
		t.Fatalf("NewDiscord: %v", err)
	}
	d.trace = h.trace
	h.bot = d
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- d.Run(ctx) }()
	t.Cleanup(func() {
		h.stop()
		h.lib.Close()
		if strings.Contains(h.logs.String(), testToken) {
			t.Error("the token appears in the logs")
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", h.logs.String())
		}
	})

	wctx, wcancel := context.WithTimeout(context.Background(), waitTimeout)
	defer wcancel()
	if err := srv.WaitReady(wctx); err != nil {
		t.Fatalf("bot did not connect: %v", err)
	}
	h.waitTrace(wctx, "serving") // connected, commands registered
	return h
}

// stop shuts the bot down and waits for Run to return.
func (h *harness) stop() {
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
		h.done <- nil // later stops return at once
	case <-time.After(waitTimeout):
		h.t.Error("Run did not return after cancel")
	}
}

func (h *harness) trace(event string, attrs ...any) {
	s := event
	for i := 0; i+1 < len(attrs); i += 2 {
		s += " " + attrs[i].(string) + "=" + toString(attrs[i+1])
	}
	h.traceMu.Lock()
	h.traces = append(h.traces, s)
	close(h.traced)
	h.traced = make(chan struct{})
	h.traceMu.Unlock()
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// waitTrace waits for a trace line containing want.
func (h *harness) waitTrace(ctx context.Context, want string) {
	h.t.Helper()
	for {
		h.traceMu.Lock()
		ch := h.traced
		for _, s := range h.traces {
			if strings.Contains(s, want) {
				h.traceMu.Unlock()
				return
			}
		}
		h.traceMu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			h.t.Fatalf("no trace %q among %q", want, h.traces)
		}
	}
}

func (h *harness) writeBriefing(name, text string) {
	h.t.Helper()
	if err := os.WriteFile(filepath.Join(h.seeds, name), []byte(text), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	h.t.Cleanup(cancel)
	return ctx
}

// reply waits for the bot's reply to message id and returns it.
func (h *harness) reply(ctx context.Context, id string) *discordgo.Message {
	h.t.Helper()
	req, err := h.srv.WaitFor(ctx, func(r discordtest.Request) bool {
		if r.Method != "POST" || !strings.HasSuffix(r.Path, "/messages") || r.Status != 200 {
			return false
		}
		m, err := r.Message()
		return err == nil && m.MessageReference != nil && m.MessageReference.MessageID == id
	})
	if err != nil {
		h.t.Fatalf("no reply to %s: %v", id, err)
	}
	m, err := req.Message()
	if err != nil {
		h.t.Fatal(err)
	}
	return m
}

// original waits until the interaction's @original has been edited in and
// returns it.
func (h *harness) original(ctx context.Context, in discordtest.Interaction) *discordgo.Message {
	h.t.Helper()
	path := in.WebhookPath() + "/messages/@original"
	if _, err := h.srv.WaitFor(ctx, func(r discordtest.Request) bool {
		return r.Method == "PATCH" && r.Path == path && r.Status == 200
	}); err != nil {
		h.t.Fatalf("@original never edited: %v", err)
	}
	m, ok := h.srv.Original(in.ID)
	if !ok {
		h.t.Fatal("no @original")
	}
	return m
}

// callback waits for the interaction's callback and decodes it.
func (h *harness) callback(ctx context.Context, in discordtest.Interaction) *discordgo.InteractionResponse {
	h.t.Helper()
	req, err := h.srv.WaitFor(ctx, discordtest.Match("POST", in.CallbackPath()))
	if err != nil {
		h.t.Fatalf("no callback: %v", err)
	}
	if req.Status != 204 && req.Status != 200 {
		h.t.Fatalf("callback refused by Discord: %s %s", req, req.Body)
	}
	resp, err := req.InteractionResponse()
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

// embedText flattens an embed for assertions.
func embedText(e *discordgo.MessageEmbed) string {
	var b strings.Builder
	b.WriteString(e.Title + "\n" + e.Description + "\n")
	for _, f := range e.Fields {
		b.WriteString(f.Name + "\n" + f.Value + "\n")
	}
	if e.Footer != nil {
		b.WriteString(e.Footer.Text)
	}
	return b.String()
}

func messageText(m *discordgo.Message) string {
	s := m.Content
	for _, e := range m.Embeds {
		s += "\n" + embedText(e)
	}
	return s
}
