package library

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot/knowledge"
)

// Summary sums up the briefing whose path or title is doc, or all of them,
// newest first, when doc is "" (see answer.Engine.Summary): for `/brief`. Like
// Ask, it reads one snapshot of a shared store.
func (l *Library) Summary(ctx context.Context, doc string) (knowledge.Answer, error) {
	ctx, end, err := l.snapshot(ctx)
	if err != nil {
		return knowledge.Answer{Citations: []knowledge.Citation{}}, fmt.Errorf("summary: %w", err)
	}
	defer end()
	return l.engine.Summary(ctx, doc)
}
