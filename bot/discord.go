package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// What the bot remembers about its messages: for a day, and at most this
// many of each kind.
const (
	conversationTTL = 24 * time.Hour
	maxRemembered   = 10000
)

// Discord runs the router on Discord: it answers questions asked in
// messages (mentions, DMs, configured channels) and slash commands.
type Discord struct {
	cfg     Config
	router  *Router
	log     *slog.Logger
	session *discordgo.Session
	// more holds the citations behind "More sources" buttons, convs maps
	// the bot's messages to their conversations, threads holds the threads
	// it opened, votes the answers behind 👍/👎 buttons.
	more    *recent[moreEntry]
	convs   *recent[string]
	threads *recent[bool]
	votes   *recent[vote]
	voted   *recent[string] // user + "/" + vote key -> the user's vote
	keys    atomic.Int64

	// work is the context of answers in flight: it outlives the Run
	// context so they can finish, and ends when the shutdown times out.
	work       context.Context
	cancelWork context.CancelFunc

	mu       sync.Mutex
	closing  bool
	inFlight sync.WaitGroup

	// trace, when set (by tests), is told about decisions that leave no
	// trace on Discord, such as ignoring a message.
	trace func(event string, attrs ...any)
}

// NewDiscord prepares a Discord bot; Run connects it.
func NewDiscord(cfg Config, r *Router, log *slog.Logger) (*Discord, error) {
	if cfg.Token == "" {
		return nil, &ConfigError{Var: "DISCORD_TOKEN", Reason: "is required to run on Discord"}
	}
	if log == nil {
		log = slog.Default()
	}
	s, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	d := &Discord{
		cfg:     cfg,
		router:  r,
		log:     log,
		session: s,
		more:    newRecent[moreEntry](time.Hour, 1000),
		convs:   newRecent[string](conversationTTL, maxRemembered),
		threads: newRecent[bool](conversationTTL, maxRemembered),
		votes:   newRecent[vote](conversationTTL, maxRemembered),
		voted:   newRecent[string](conversationTTL, maxRemembered),
	}
	r.Use(RateLimit(cfg.UserRate, cfg.ChannelRate))
	d.work, d.cancelWork = context.WithCancel(context.Background())
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) {
		d.guard("message", func() { d.onMessage(m.Message) })
	})
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		d.guard("interaction", func() { d.onInteraction(i.Interaction) })
	})
	return d, nil
}

// Run connects to Discord, registers the slash commands and serves until
// ctx is done; then it stops taking new work, lets the answers in flight
// finish (for up to Config.ShutdownTimeout) and disconnects.
func (d *Discord) Run(ctx context.Context) error {
	defer d.cancelWork()
	if d.cfg.ShardsAuto {
		if err := d.autoShards(ctx); err != nil {
			return fmt.Errorf("discord: %w", err)
		}
	}
	if err := d.session.Open(); err != nil {
		return fmt.Errorf("discord: connect: %w", err)
	}
	appID, botID := d.identity()
	d.log.Info("connected to Discord", "bot", botID, "shard", d.cfg.ShardID, "shards", d.cfg.ShardCount)
	// Commands belong to the application, not to a shard: shard 0 registers them.
	if d.cfg.ShardID == 0 {
		if err := d.registerCommands(ctx, appID); err != nil {
			if ctx.Err() != nil { // asked to stop while registering
				return d.shutdown()
			}
			d.session.Close()
			return fmt.Errorf("discord: %w", err)
		}
	}
	d.traceEvent("serving")
	<-ctx.Done()
	return d.shutdown()
}

// autoShards takes the shard count Discord recommends (GET /gateway/bot).
func (d *Discord) autoShards(ctx context.Context) error {
	gb, err := d.session.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("shard count: %w", err)
	}
	n := max(gb.Shards, 1)
	if d.cfg.ShardID >= n {
		return &ConfigError{Var: "BRIEFBOT_SHARD_ID", Reason: fmt.Sprintf("%d is past the %d shards Discord recommends (BRIEFBOT_SHARD_COUNT=auto)", d.cfg.ShardID, n)}
	}
	d.cfg.ShardCount = n
	d.session.ShardID, d.session.ShardCount = d.cfg.ShardID, n
	d.log.Info("shard count from Discord", "shards", n)
	return nil
}

// identity returns the application and bot user IDs from READY.
func (d *Discord) identity() (appID, botID string) {
	st := d.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User != nil {
		botID = st.User.ID
	}
	appID = botID
	if st.Application != nil && st.Application.ID != "" {
		appID = st.Application.ID
	}
	return appID, botID
}

// botName is the bot's user name.
func (d *Discord) botName() string {
	st := d.session.State
	st.RLock()
	defer st.RUnlock()
	if st.User != nil {
		return st.User.Username
	}
	return "briefbot"
}

// botID is the bot's own user ID.
func (d *Discord) botID() string {
	_, id := d.identity()
	return id
}

// shutdown drains the answers in flight and closes the session.
func (d *Discord) shutdown() error {
	d.mu.Lock()
	d.closing = true
	d.mu.Unlock()
	d.traceEvent("shutdown started")
	d.log.Info("shutting down: finishing answers in flight", "timeout", d.cfg.ShutdownTimeout)
	drained := make(chan struct{})
	go func() {
		d.inFlight.Wait()
		close(drained)
	}()
	select {
	case <-drained:
	case <-time.After(d.cfg.ShutdownTimeout):
		d.log.Warn("shutdown timeout: cancelling answers in flight")
		d.cancelWork()
		select {
		case <-drained:
		case <-time.After(5 * time.Second):
			d.log.Error("answers in flight did not stop; closing anyway")
		}
	}
	if err := d.session.Close(); err != nil && !errors.Is(err, discordgo.ErrWSNotFound) {
		return fmt.Errorf("discord: close: %w", err)
	}
	d.log.Info("disconnected from Discord")
	return nil
}

// begin registers a piece of work; it returns false once shutdown started.
// Call end when the work is done.
func (d *Discord) begin() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closing {
		return false
	}
	d.inFlight.Add(1)
	return true
}

func (d *Discord) end() { d.inFlight.Done() }

// guard runs an event handler, logging instead of crashing on a panic.
func (d *Discord) guard(event string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			d.log.Error("panic in Discord handler", "event", event, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	f()
}

func (d *Discord) traceEvent(event string, attrs ...any) {
	if d.trace != nil {
		d.trace(event, attrs...)
	}
}

// rest returns the request options of a REST call made for work in flight.
func (d *Discord) rest() discordgo.RequestOption { return discordgo.WithContext(d.work) }
