package library

import (
	"context"

	"github.com/briefbot/briefbot/knowledge"
)

// Summary sums up the briefing whose path or title is doc, or all of them,
// newest first, when doc is "" (see answer.Engine.Summary): for `/brief`.
func (l *Library) Summary(ctx context.Context, doc string) (knowledge.Answer, error) {
	return l.engine.Summary(ctx, doc)
}
