package answer

import (
	"context"
	"testing"
)

// TestResolveCache: within one question a phrase is resolved once, what a
// caller gets can be changed without changing what the cache holds, and a
// context without a cache remembers nothing.
func TestResolveCache(t *testing.T) {
	ix := &index{}
	ctx := withResolveCache(context.Background())
	c := resolvedIn(ctx)
	c.put(ix, "the mayor", target{name: "Jane Doyle", direct: []int{3}, matched: map[int]bool{3: true}})
	got, ok := c.get(ix, "the mayor")
	if !ok || got.name != "Jane Doyle" || len(got.direct) != 1 {
		t.Fatalf("get = %+v, %v; want Jane Doyle", got, ok)
	}
	got.direct[0], got.matched[4] = 9, true
	again, _ := c.get(ix, "the mayor")
	if again.direct[0] != 3 || again.matched[4] {
		t.Errorf("a caller's change reached the cache: %+v", again)
	}
	if _, ok := c.get(&index{}, "the mayor"); ok {
		t.Error("another index (generation) saw the phrase")
	}
	if _, ok := resolvedIn(context.Background()).get(ix, "the mayor"); ok {
		t.Error("a context without a cache remembered a phrase")
	}
	if withResolveCache(ctx) != ctx {
		t.Error("a second withResolveCache replaced the question's cache")
	}
}
