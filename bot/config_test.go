package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// env is a lookup over a map.
func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := vars[k]
		return v, ok
	}
}

func TestLoadConfigDefaults(t *testing.T) {
	c, err := LoadConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Seeds: DefaultSeeds, DB: DefaultDB, ShardCount: 1,
		UserRate: Rate{5, time.Minute}, ChannelRate: Rate{20, time.Minute},
		LogLevel: slog.LevelInfo, ShutdownTimeout: DefaultShutdownTimeout, MaxIndexed: DefaultMaxIndexed,
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadConfigFull(t *testing.T) {
	c, err := LoadConfig(env(map[string]string{
		"DISCORD_TOKEN":                "Bot " + testToken,
		"DISCORD_GUILD_ID":             "1300000000000000100",
		"BRIEFBOT_SEEDS":               "/srv/seeds",
		"BRIEFBOT_DB":                  "/srv/b.db",
		"BRIEFBOT_ADMIN_ROLES":         "1, 2 ,3",
		"BRIEFBOT_ADMIN_USERS":         "42",
		"BRIEFBOT_CHANNELS":            "7,8,",
		"BRIEFBOT_DISCORD_API":         "http://127.0.0.1:8080/",
		"BRIEFBOT_SHARD_ID":            "2",
		"BRIEFBOT_SHARD_COUNT":         "4",
		"BRIEFBOT_RATE_USER":           "3/30s",
		"BRIEFBOT_RATE_CHANNEL":        "off",
		"BRIEFBOT_LOG_LEVEL":           "DEBUG",
		"BRIEFBOT_LOG_FORMAT":          "json",
		"BRIEFBOT_SHUTDOWN_TIMEOUT":    "5s",
		"BRIEFBOT_INDEX_MAX_SENTENCES": "0",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Token: testToken, GuildID: "1300000000000000100", Seeds: "/srv/seeds", DB: "/srv/b.db",
		AdminRoles: []string{"1", "2", "3"}, AdminUsers: []string{"42"}, Channels: []string{"7", "8"},
		DiscordAPI: "http://127.0.0.1:8080", ShardID: 2, ShardCount: 4,
		UserRate: Rate{3, 30 * time.Second}, LogLevel: slog.LevelDebug, LogLevelSet: true, LogJSON: true, ShutdownTimeout: 5 * time.Second,
	}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		vars    map[string]string
		wantVar string
	}{
		{map[string]string{"DISCORD_TOKEN": testToken + " trailing junk"}, "DISCORD_TOKEN"},
		{map[string]string{"DISCORD_TOKEN": testToken + "\n"}, ""}, // trimmed: fine
		{map[string]string{"DISCORD_GUILD_ID": "my-guild"}, "DISCORD_GUILD_ID"},
		{map[string]string{"BRIEFBOT_ADMIN_ROLES": "123,@mods"}, "BRIEFBOT_ADMIN_ROLES"},
		{map[string]string{"BRIEFBOT_ADMIN_USERS": "99999999999999999999999"}, "BRIEFBOT_ADMIN_USERS"},
		{map[string]string{"BRIEFBOT_CHANNELS": "general"}, "BRIEFBOT_CHANNELS"},
		{map[string]string{"BRIEFBOT_DISCORD_API": "127.0.0.1:8080"}, "BRIEFBOT_DISCORD_API"},
		{map[string]string{"BRIEFBOT_DISCORD_API": "ftp://x"}, "BRIEFBOT_DISCORD_API"},
		{map[string]string{"BRIEFBOT_SHARD_ID": "1"}, "BRIEFBOT_SHARD_COUNT"},
		{map[string]string{"BRIEFBOT_SHARD_COUNT": "2"}, "BRIEFBOT_SHARD_ID"},
		{map[string]string{"BRIEFBOT_SHARD_ID": "2", "BRIEFBOT_SHARD_COUNT": "2"}, "BRIEFBOT_SHARD_ID"},
		{map[string]string{"BRIEFBOT_SHARD_ID": "0", "BRIEFBOT_SHARD_COUNT": "zero"}, "BRIEFBOT_SHARD_COUNT"},
		{map[string]string{"BRIEFBOT_RATE_USER": "5 per minute"}, "BRIEFBOT_RATE_USER"},
		{map[string]string{"BRIEFBOT_RATE_CHANNEL": "5/-1m"}, "BRIEFBOT_RATE_CHANNEL"},
		{map[string]string{"BRIEFBOT_LOG_LEVEL": "loud"}, "BRIEFBOT_LOG_LEVEL"},
		{map[string]string{"BRIEFBOT_LOG_FORMAT": "xml"}, "BRIEFBOT_LOG_FORMAT"},
		{map[string]string{"BRIEFBOT_SHUTDOWN_TIMEOUT": "soon"}, "BRIEFBOT_SHUTDOWN_TIMEOUT"},
		{map[string]string{"BRIEFBOT_INDEX_MAX_SENTENCES": "-1"}, "BRIEFBOT_INDEX_MAX_SENTENCES"},
		{map[string]string{"BRIEFBOT_INDEX_MAX_SENTENCES": "lots"}, "BRIEFBOT_INDEX_MAX_SENTENCES"},
	} {
		vars := map[string]string{"DISCORD_TOKEN": testToken}
		for k, v := range tc.vars {
			vars[k] = v
		}
		_, err := LoadConfig(env(vars))
		if tc.wantVar == "" {
			if err != nil {
				t.Errorf("%v: %v", tc.vars, err)
			}
			continue
		}
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Var != tc.wantVar || !strings.Contains(err.Error(), tc.wantVar) {
			t.Errorf("%v: error %v, want one naming %s", tc.vars, err, tc.wantVar)
		}
		if err != nil && strings.Contains(err.Error(), "secret-token-value") {
			t.Errorf("%v: the error shows the token: %v", tc.vars, err)
		}
	}
}

func TestSecretNeverPrints(t *testing.T) {
	c := Config{Token: testToken}
	var logs syncBuffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "token", c.Token, "config", c)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), logs.String()} {
		if strings.Contains(s, "secret-token-value") {
			t.Errorf("token printed: %s", s)
		}
	}
}

func TestParseDotEnv(t *testing.T) {
	got, err := ParseDotEnv(strings.NewReader(`# comment
DISCORD_TOKEN=abc.def # trailing comment
export BRIEFBOT_SEEDS = "my seeds"
  BRIEFBOT_DB='/tmp/x # not a comment'
EMPTY=
ESCAPED="a\"b\\c\nd"
HASH=a#b
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"DISCORD_TOKEN": "abc.def", "BRIEFBOT_SEEDS": "my seeds", "BRIEFBOT_DB": "/tmp/x # not a comment",
		"EMPTY": "", "ESCAPED": "a\"b\\c\nd", "HASH": "a#b",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"NOEQUALS\n", "1BAD=x\n", `K="open` + "\n", `K="a" b` + "\n", "=v\n"} {
		_, err := ParseDotEnv(strings.NewReader("DISCORD_TOKEN=" + testToken + "\n" + bad))
		if err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: error %v, want one at line 2", bad, err)
		}
		if err != nil && strings.Contains(err.Error(), testToken) {
			t.Errorf("%q: error shows the token", bad)
		}
	}
}

func TestEnvironmentPrefersProcessEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	if err := os.WriteFile(path, []byte("BRIEFBOT_TEST_A=file\nBRIEFBOT_TEST_B=file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BRIEFBOT_TEST_A", "env")
	lookup, err := Environment(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := lookup("BRIEFBOT_TEST_A"); v != "env" {
		t.Errorf("A = %q, want the environment's value", v)
	}
	if v, _ := lookup("BRIEFBOT_TEST_B"); v != "file" {
		t.Errorf("B = %q, want the file's value", v)
	}
	if _, ok := lookup("BRIEFBOT_TEST_C"); ok {
		t.Error("C should be unset")
	}
	if _, err := Environment(filepath.Join(dir, "missing.env")); err != nil {
		t.Errorf("a missing .env is not an error: %v", err)
	}
}

// TestEnvExample checks that .env.example parses, loads, and documents every
// variable LoadConfig reads.
func TestEnvExample(t *testing.T) {
	f, err := os.Open(filepath.Join("..", ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vars, err := ParseDotEnv(f)
	if err != nil {
		t.Fatalf(".env.example: %v", err)
	}
	read := map[string]bool{}
	if _, err := LoadConfig(func(k string) (string, bool) {
		read[k] = true
		v, ok := vars[k]
		return v, ok
	}); err != nil {
		t.Fatalf(".env.example does not load: %v", err)
	}
	for k := range read {
		if _, ok := vars[k]; !ok {
			t.Errorf("%s is not documented in .env.example", k)
		}
	}
	for k := range vars {
		if !read[k] {
			t.Errorf(".env.example documents %s, which nothing reads", k)
		}
	}
}

func TestLoadConfigThreadsAndAutoShards(t *testing.T) {
	for _, c := range []struct {
		vars      map[string]string
		threads   Threads
		id, count int
		auto      bool
	}{
		{map[string]string{"BRIEFBOT_THREADS": "all"}, Threads{All: true}, 0, 1, false},
		{map[string]string{"BRIEFBOT_THREADS": "Server"}, Threads{All: true}, 0, 1, false},
		{map[string]string{"BRIEFBOT_THREADS": "7, 8"}, Threads{Channels: []string{"7", "8"}}, 0, 1, false},
		{map[string]string{"BRIEFBOT_THREADS": "off"}, Threads{}, 0, 1, false},
		{map[string]string{"BRIEFBOT_SHARD_COUNT": "auto"}, Threads{}, 0, 0, true},
		{map[string]string{"BRIEFBOT_SHARD_COUNT": "AUTO", "BRIEFBOT_SHARD_ID": "2"}, Threads{}, 2, 0, true},
	} {
		got, err := LoadConfig(env(c.vars))
		if err != nil {
			t.Errorf("%v: %v", c.vars, err)
			continue
		}
		if diff := cmp.Diff(c.threads, got.Threads); diff != "" {
			t.Errorf("%v: threads mismatch (-want +got):\n%s", c.vars, diff)
		}
		if got.ShardID != c.id || got.ShardCount != c.count || got.ShardsAuto != c.auto {
			t.Errorf("%v: shard %d of %d (auto %v), want %d of %d (auto %v)", c.vars, got.ShardID, got.ShardCount, got.ShardsAuto, c.id, c.count, c.auto)
		}
	}
	for _, bad := range []map[string]string{
		{"BRIEFBOT_THREADS": "general"},
		{"BRIEFBOT_SHARD_COUNT": "auto", "BRIEFBOT_SHARD_ID": "-1"},
	} {
		if _, err := LoadConfig(env(bad)); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
