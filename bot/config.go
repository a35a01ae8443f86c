package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefbot/briefbot/knowledge/answer"
)

// Config is the bot's configuration, read from the environment by LoadConfig.
type Config struct {
	// Token is the Discord bot token; empty means "run the local console".
	Token Secret
	// GuildID, when set, registers the slash commands in that guild only
	// (instantly); otherwise they are registered globally.
	GuildID string
	// Seeds is the folder of briefings and DB the SQLite store built from it.
	Seeds, DB string
	// AdminRoles and AdminUsers may run /reload, besides members with the
	// Manage Server or Administrator permission.
	AdminRoles, AdminUsers []string
	// Channels are channels where every message is a question. Setting them
	// makes the bot ask for the privileged MESSAGE_CONTENT intent.
	Channels []string
	// Threads selects where a question gets a thread of its own for the
	// answer and the follow-ups (BRIEFBOT_THREADS).
	Threads Threads
	// DiscordAPI, when set, replaces https://discord.com for REST calls and
	// the gateway look-up (a rate-limit proxy, or a fake Discord in tests).
	DiscordAPI string
	// ShardID and ShardCount select the shard this process runs. ShardsAuto
	// (BRIEFBOT_SHARD_COUNT=auto) takes the count Discord recommends from
	// GET /gateway/bot at start.
	ShardID, ShardCount int
	ShardsAuto          bool
	// UserRate and ChannelRate limit questions per user and per channel.
	UserRate, ChannelRate Rate
	// LogLevel is the minimum level logged; LogJSON selects JSON logs.
	// LogLevelSet reports whether BRIEFBOT_LOG_LEVEL was given (the console
	// logs only warnings and errors unless it was).
	LogLevel    slog.Level
	LogLevelSet bool
	LogJSON     bool
	// ShutdownTimeout bounds how long answers in flight may take to finish
	// once the bot is asked to stop.
	ShutdownTimeout time.Duration
	// MaxIndexed is the most sentences each process indexes in memory
	// (BRIEFBOT_INDEX_MAX_SENTENCES); above it, each question takes its
	// candidates from the store's full-text index. 0: every question does.
	MaxIndexed int
}

// Threads says where questions open threads: everywhere on the server, or
// in the listed channels. The zero value opens none.
type Threads struct {
	All      bool
	Channels []string
}

// On reports whether threads are opened anywhere.
func (t Threads) On() bool { return t.All || len(t.Channels) > 0 }

// Defaults for the optional settings.
const (
	DefaultSeeds           = "seeds"
	DefaultDB              = "briefbot.db"
	DefaultUserRate        = "5/1m"
	DefaultChannelRate     = "20/1m"
	DefaultShutdownTimeout = 20 * time.Second
	DefaultMaxIndexed      = answer.DefaultMaxIndexed
)

// Secret is a string that never prints: fmt, %v, %+v, %#v and slog all show
// "[redacted]" (or "" when it is empty).
type Secret string

// String returns a redacted placeholder.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString returns a redacted placeholder, for %#v.
func (s Secret) GoString() string { return strconv.Quote(s.String()) }

// LogValue keeps the secret out of structured logs.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// ConfigError reports a missing or malformed setting. It names the variable
// and never includes a secret's value.
type ConfigError struct {
	Var    string
	Reason string
}

// Error names the variable and what is wrong with it.
func (e *ConfigError) Error() string { return e.Var + ": " + e.Reason }

// LoadConfig reads and validates the configuration. lookup returns a
// variable's value and whether it is set (os.LookupEnv, or Environment's
// result, which also reads a .env file). All problems are reported together.
func LoadConfig(lookup func(string) (string, bool)) (Config, error) {
	p := parser{lookup: lookup}
	c := Config{
		Token:           Secret(p.token("DISCORD_TOKEN")),
		GuildID:         p.snowflake("DISCORD_GUILD_ID"),
		Seeds:           p.str("BRIEFBOT_SEEDS", DefaultSeeds),
		DB:              p.str("BRIEFBOT_DB", DefaultDB),
		AdminRoles:      p.snowflakes("BRIEFBOT_ADMIN_ROLES"),
		AdminUsers:      p.snowflakes("BRIEFBOT_ADMIN_USERS"),
		Channels:        p.snowflakes("BRIEFBOT_CHANNELS"),
		Threads:         p.threads("BRIEFBOT_THREADS"),
		DiscordAPI:      p.baseURL("BRIEFBOT_DISCORD_API"),
		UserRate:        p.rate("BRIEFBOT_RATE_USER", DefaultUserRate),
		ChannelRate:     p.rate("BRIEFBOT_RATE_CHANNEL", DefaultChannelRate),
		LogLevel:        p.level("BRIEFBOT_LOG_LEVEL"),
		LogLevelSet:     p.get("BRIEFBOT_LOG_LEVEL") != "",
		LogJSON:         p.choice("BRIEFBOT_LOG_FORMAT", "text", "json") == "json",
		ShutdownTimeout: p.duration("BRIEFBOT_SHUTDOWN_TIMEOUT", DefaultShutdownTimeout),
		MaxIndexed:      p.count("BRIEFBOT_INDEX_MAX_SENTENCES", DefaultMaxIndexed),
	}
	c.ShardID, c.ShardCount, c.ShardsAuto = p.shards("BRIEFBOT_SHARD_ID", "BRIEFBOT_SHARD_COUNT")
	if len(p.errs) > 0 {
		return Config{}, fmt.Errorf("config: %w", errors.Join(p.errs...))
	}
	return c, nil
}

// parser reads variables, collecting errors.
type parser struct {
	lookup func(string) (string, bool)
	errs   []error
}

func (p *parser) fail(name, format string, args ...any) {
	p.errs = append(p.errs, &ConfigError{Var: name, Reason: fmt.Sprintf(format, args...)})
}

// get returns a variable's trimmed value; unset and blank are both "".
func (p *parser) get(name string) string {
	v, _ := p.lookup(name)
	return strings.TrimSpace(v)
}

func (p *parser) str(name, def string) string {
	if v := p.get(name); v != "" {
		return v
	}
	return def
}

// token reads the bot token. An optional "Bot " prefix is dropped. Its value
// never appears in an error.
func (p *parser) token(name string) string {
	v := strings.TrimPrefix(p.get(name), "Bot ")
	if strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		p.fail(name, "contains spaces or control characters (the value is not shown)")
		return ""
	}
	return v
}

// isSnowflake reports whether s is a Discord ID: decimal digits that fit in 64 bits.
func isSnowflake(s string) bool {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

func (p *parser) snowflake(name string) string {
	v := p.get(name)
	if v != "" && !isSnowflake(v) {
		p.fail(name, "%q is not a Discord ID (digits only)", clip(v))
		return ""
	}
	return v
}

func (p *parser) snowflakes(name string) []string {
	var ids []string
	for _, f := range strings.Split(p.get(name), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !isSnowflake(f) {
			p.fail(name, "%q is not a Discord ID (want comma-separated digits)", clip(f))
			continue
		}
		ids = append(ids, f)
	}
	return ids
}

func (p *parser) baseURL(name string) string {
	v := strings.TrimRight(p.get(name), "/")
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		p.fail(name, "%q is not a base URL like http://127.0.0.1:8080", clip(v))
		return ""
	}
	if u.User != nil {
		p.fail(name, "must not carry credentials")
		return ""
	}
	return v
}

func (p *parser) rate(name, def string) Rate {
	v := p.str(name, def)
	r, err := ParseRate(v)
	if err != nil {
		p.fail(name, "%v", err)
	}
	return r
}

func (p *parser) level(name string) slog.Level {
	switch strings.ToLower(p.get(name)) {
	case "", "info":
		return slog.LevelInfo
	case "debug":
		return slog.LevelDebug
	case "warn", "warning":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	p.fail(name, "%q is not one of debug, info, warn, error", clip(p.get(name)))
	return slog.LevelInfo
}

func (p *parser) choice(name string, options ...string) string {
	v := strings.ToLower(p.get(name))
	if v == "" {
		return options[0]
	}
	for _, o := range options {
		if v == o {
			return v
		}
	}
	p.fail(name, "%q is not one of %s", clip(v), strings.Join(options, ", "))
	return options[0]
}

func (p *parser) duration(name string, def time.Duration) time.Duration {
	v := p.get(name)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		p.fail(name, "%q is not a positive duration like 20s", clip(v))
		return def
	}
	return d
}

// threads reads BRIEFBOT_THREADS: "all" (or "server") for every channel,
// else channel IDs.
func (p *parser) threads(name string) Threads {
	switch strings.ToLower(p.get(name)) {
	case "all", "server":
		return Threads{All: true}
	case "", "off", "none":
		return Threads{}
	}
	return Threads{Channels: p.snowflakes(name)}
}

// shards reads the shard ID and count, which go together; a count of
// "auto" is looked up at start, with the ID 0 unless given.
// count reads a whole number, 0 or more ("2000000", "2_000_000").
func (p *parser) count(name string, def int) int {
	v := p.get(name)
	if v == "" {
		return def
	}
	n, err := strconv.ParseInt(v, 0, 64)
	if err != nil || n < 0 {
		p.fail(name, "%q is not a count (0 or more)", clip(v))
		return def
	}
	return int(n)
}

func (p *parser) shards(idName, countName string) (id, count int, auto bool) {
	idStr, countStr := p.get(idName), p.get(countName)
	if strings.EqualFold(countStr, "auto") {
		if idStr == "" {
			return 0, 0, true
		}
		id, err := strconv.Atoi(idStr)
		if err != nil || id < 0 {
			p.fail(idName, "%q is not a shard number (0 or more)", clip(idStr))
			return 0, 0, true
		}
		return id, 0, true
	}
	switch {
	case idStr == "" && countStr == "":
		return 0, 1, false
	case countStr == "":
		p.fail(countName, "is required when %s is set", idName)
		return 0, 1, false
	case idStr == "":
		p.fail(idName, "is required when %s is set", countName)
		return 0, 1, false
	}
	count, err := strconv.Atoi(countStr)
	if err != nil || count < 1 {
		p.fail(countName, "%q is not a positive number (or auto)", clip(countStr))
		return 0, 1, false
	}
	id, err = strconv.Atoi(idStr)
	if err != nil || id < 0 || id >= count {
		p.fail(idName, "%q must be a number from 0 to %d (%s - 1)", clip(idStr), count-1, countName)
		return 0, 1, false
	}
	return id, count, false
}

// clip shortens a value quoted in an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
