package store_test

import (
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/knowledge/store/storetest"
)

// TestConformance runs the store suite on the embedded store.
func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Backend{
		New:  func(t *testing.T) string { return filepath.Join(t.TempDir(), "briefbot.db") },
		Seed: "../../seeds/north-korean-troops-in-russia.txt",
	})
}
