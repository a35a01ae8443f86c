package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
)

// loadConfig reads the bot's configuration from the environment and a .env
// file in the working directory.
func loadConfig() (bot.Config, error) {
	lookup, err := bot.Environment(".env")
	if err != nil {
		return bot.Config{}, err
	}
	return bot.LoadConfig(lookup)
}

// applyConfig fills the --seeds and --db flags the command line left unset
// from the configuration (which also reads .env).
func applyConfig(fs *flag.FlagSet, c *common, cfg bot.Config) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["seeds"] {
		c.seeds = cfg.Seeds
	}
	if !set["db"] {
		c.db = cfg.DB
	}
}

// newLogger returns the structured logger the configuration asks for.
func newLogger(w io.Writer, cfg bot.Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// runDiscord serves the library on Discord until ctx is done.
func runDiscord(ctx context.Context, cfg bot.Config, lib *library.Library, log *slog.Logger) error {
	d, err := bot.NewDiscord(cfg, bot.NewRouter(lib, log), log)
	if err != nil {
		return err
	}
	log.Info("starting on Discord", "seeds", cfg.Seeds, "db", pgstore.Redact(cfg.DB), "guild", cfg.GuildID,
		"channels", len(cfg.Channels), "threads", threadsSetting(cfg.Threads), "shard", cfg.ShardID, "shards", shardsSetting(cfg),
		"rate_user", cfg.UserRate.String(), "rate_channel", cfg.ChannelRate.String())
	return d.Run(ctx)
}

// threadsSetting describes BRIEFBOT_THREADS for the start-up log.
func threadsSetting(t bot.Threads) string {
	switch {
	case t.All:
		return "all"
	case len(t.Channels) > 0:
		return fmt.Sprintf("%d channels", len(t.Channels))
	}
	return "off"
}

// shardsSetting describes the shard count for the start-up log.
func shardsSetting(cfg bot.Config) string {
	if cfg.ShardsAuto {
		return "auto"
	}
	return fmt.Sprint(cfg.ShardCount)
}
