package bot

import (
	"strconv"
	"sync"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// moreCache remembers the citations behind "More sources" buttons for a
// while. It is bounded: the oldest entries go first.
type moreCache struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu      sync.Mutex
	next    int
	entries map[string]moreEntry
	order   []string
}

type moreEntry struct {
	cites   []knowledge.Citation
	first   int // number of the first citation
	expires time.Time
}

func newMoreCache(ttl time.Duration, max int) *moreCache {
	return &moreCache{ttl: ttl, max: max, now: time.Now, entries: map[string]moreEntry{}}
}

// put stores citations numbered from first and returns their key.
func (m *moreCache) put(cites []knowledge.Citation, first int) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.next++
	key := strconv.FormatInt(m.now().UnixNano(), 36) + "-" + strconv.Itoa(m.next)
	m.entries[key] = moreEntry{cites: cites, first: first, expires: m.now().Add(m.ttl)}
	m.order = append(m.order, key)
	for len(m.order) > m.max {
		delete(m.entries, m.order[0])
		m.order = m.order[1:]
	}
	return key
}

// get returns the citations stored under key, if they have not expired.
func (m *moreCache) get(key string) (moreEntry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok || m.now().After(e.expires) {
		return moreEntry{}, false
	}
	return e, true
}
