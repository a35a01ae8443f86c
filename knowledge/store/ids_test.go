package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestManyIDs asks with more IDs than SQLite allows bound parameters (32,766):
// a country with officials in thousands of briefings must still answer.
func TestManyIDs(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "ids.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids := make([]int64, 40_000)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	if _, err := st.Statements(ctx, ids, 10); err != nil {
		t.Errorf("Statements: %v", err)
	}
	if _, err := st.Facts(ctx, ids); err != nil {
		t.Errorf("Facts: %v", err)
	}
	if _, err := st.ActorSentences(ctx, ids, 10); err != nil {
		t.Errorf("ActorSentences: %v", err)
	}
	if _, err := st.Quantities(ctx, ids); err != nil {
		t.Errorf("Quantities: %v", err)
	}
	if _, err := st.Roles(ctx, ids); err != nil {
		t.Errorf("Roles: %v", err)
	}
}
