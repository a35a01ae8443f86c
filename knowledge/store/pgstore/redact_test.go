package pgstore_test

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge/store/pgstore"
)

// TestRedact: what the logs show of a store's name has no password.
func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://bot:s3cret@db.example:5432/briefbot?sslmode=require": "postgres://bot:xxxxx@db.example:5432/briefbot?sslmode=require",
		"postgresql://bot@db/briefbot":                                   "postgresql://bot@db/briefbot",
		"/var/lib/briefbot/briefbot.db":                                  "/var/lib/briefbot/briefbot.db",
	} {
		if got := pgstore.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
