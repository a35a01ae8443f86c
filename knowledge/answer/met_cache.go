package answer

import "sync"

// keyBriefings remembers the briefings where each actor key has a row, as
// metIn asks for them: a key that many briefings name has thousands of rows
// in a big store, and metIn asks about the same few keys for every
// candidate sentence of every question. It is safe for concurrent use; the
// zero value is empty.
type keyBriefings struct {
	mu sync.Mutex
	m  map[string]map[string]bool // key -> document path -> true
}

// of returns the set of the documents where key's actors are; the caller must
// not change it.
func (kb *keyBriefings) of(ix *index, key string) map[string]bool {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if docs, ok := kb.m[key]; ok {
		return docs
	}
	rows := ix.byKey[key]
	docs := make(map[string]bool, len(rows))
	for _, i := range rows {
		docs[ix.actors[i].DocPath] = true
	}
	if kb.m == nil {
		kb.m = map[string]map[string]bool{}
	}
	kb.m[key] = docs
	return docs
}
