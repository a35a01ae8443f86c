package answer

import (
	"context"
	"maps"
	"slices"
	"sync"
)

// resolveCache remembers, for one question, what its phrases resolved to: a
// question resolves its subject several times (the answer, its parts, what it
// is about, the people it may mean), and the fuzzy match of an unknown name is
// the dearest part of answering. It lives in the question's context, so no
// question sees another's, and is safe for the goroutines of one question.
type resolveCache struct {
	mu sync.Mutex
	ix *index
	m  map[string]target
}

type resolveCacheKey struct{}

// withResolveCache returns a context whose resolves are remembered.
func withResolveCache(ctx context.Context) context.Context {
	if resolvedIn(ctx) != nil {
		return ctx
	}
	return context.WithValue(ctx, resolveCacheKey{}, &resolveCache{})
}

// resolvedIn returns the context's cache, or nil (a nil cache remembers
// nothing).
func resolvedIn(ctx context.Context) *resolveCache {
	c, _ := ctx.Value(resolveCacheKey{}).(*resolveCache)
	return c
}

// get returns a copy of what phrase resolved to in ix, if remembered.
func (c *resolveCache) get(ix *index, phrase string) (target, bool) {
	if c == nil {
		return target{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.m[phrase]
	if !ok || c.ix != ix {
		return target{}, false
	}
	return t.clone(), true
}

// put remembers a copy of what phrase resolved to in ix.
func (c *resolveCache) put(ix *index, phrase string, t target) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.ix != ix {
		c.ix, c.m = ix, make(map[string]target)
	}
	c.m[phrase] = t.clone()
}

// clone returns a target sharing no slice or map with t, so that a caller may
// change what it got.
func (t target) clone() target {
	t.direct = slices.Clone(t.direct)
	t.affiliates = slices.Clone(t.affiliates)
	t.extra = slices.Clone(t.extra)
	t.matched = maps.Clone(t.matched)
	return t
}
