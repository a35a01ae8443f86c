package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// discordHost is the host every discordgo REST endpoint (the gateway
// look-up included) is built on.
const discordHost = "discord.com"

// newSession builds a discordgo session from the configuration: token,
// intents, shard, and an HTTP client that sends discord.com requests to
// cfg.DiscordAPI when it is set. It does not connect.
func newSession(cfg Config) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + string(cfg.Token))
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	transport := http.DefaultTransport
	if cfg.DiscordAPI != "" {
		base, err := url.Parse(cfg.DiscordAPI)
		if err != nil {
			return nil, fmt.Errorf("new session: BRIEFBOT_DISCORD_API: %w", err)
		}
		transport = &rewriteTransport{base: base, next: http.DefaultTransport}
	}
	transport = &retryTransport{next: transport, retries: restRetries, backoff: restBackoff}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: transport}
	s.Identify.Intents = intents(cfg)
	s.ShardID, s.ShardCount = cfg.ShardID, max(cfg.ShardCount, 1)
	s.StateEnabled = true
	return s, nil
}

// intents are the gateway intents the bot asks for: guilds (for roles and
// channels in the state), guild messages and DMs; the privileged
// MESSAGE_CONTENT only when some channels take every message as a question
// or threads are on (follow-ups in a thread need no mention).
func intents(cfg Config) discordgo.Intent {
	i := discordgo.IntentGuilds | discordgo.IntentGuildMessages | discordgo.IntentDirectMessages
	if len(cfg.Channels) > 0 || cfg.Threads.On() {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// rewriteTransport sends requests for https://discord.com to another base
// URL (scheme, host and an optional path prefix), leaving others alone.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip rewrites the request's URL and passes it on.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != discordHost {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = t.base.Scheme
	r.URL.Host = t.base.Host
	r.URL.Path = strings.TrimRight(t.base.Path, "/") + req.URL.Path
	if req.URL.RawPath != "" {
		r.URL.RawPath = strings.TrimRight(t.base.EscapedPath(), "/") + req.URL.RawPath
	}
	r.Host = t.base.Host
	return t.next.RoundTrip(r)
}
