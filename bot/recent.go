package bot

import (
	"sync"
	"time"
)

// recent is a bounded map of recent entries: entries expire after ttl, and
// past max entries the oldest go first. It keeps what the bot must remember
// about its own messages (their conversations, the threads it opened, the
// answers behind feedback buttons) without growing without end. A restart
// forgets it all.
type recent[V any] struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu      sync.Mutex
	entries map[string]recentEntry[V]
	order   []string
}

type recentEntry[V any] struct {
	v       V
	expires time.Time
}

func newRecent[V any](ttl time.Duration, max int) *recent[V] {
	return &recent[V]{ttl: ttl, max: max, now: time.Now, entries: map[string]recentEntry[V]{}}
}

// put stores v under key, replacing what was there.
func (m *recent[V]) put(key string, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.entries[key]; !ok {
		m.order = append(m.order, key)
	}
	m.entries[key] = recentEntry[V]{v: v, expires: m.now().Add(m.ttl)}
	for len(m.order) > m.max {
		delete(m.entries, m.order[0])
		m.order = m.order[1:]
	}
}

// get returns the value under key unless it expired.
func (m *recent[V]) get(key string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok || m.now().After(e.expires) {
		var zero V
		return zero, false
	}
	return e.v, true
}
