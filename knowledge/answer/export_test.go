package answer

import "context"

// IndexesBuilt reports whether the engine holds both its indexes for the
// store's current generation (for tests of Warm).
func (e *Engine) IndexesBuilt(ctx context.Context) bool {
	gen, err := e.st.Generation(ctx)
	if err != nil {
		return false
	}
	e.mu.Lock()
	ix := e.ix
	e.mu.Unlock()
	return ix != nil && ix.gen == gen && e.builtRankIndex(gen) != nil
}
