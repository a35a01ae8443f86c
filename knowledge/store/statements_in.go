package store

import (
	"context"
	"fmt"
)

// StatementsIn returns the statements made in the given sentences, in
// document order: what a sentence settles for a yes/no question ("did not
// confirm") is read from them.
func (s *Store) StatementsIn(ctx context.Context, sentenceIDs []int64) ([]StatementRow, error) {
	if len(sentenceIDs) == 0 {
		return nil, nil
	}
	out, err := s.statementRows(ctx, `WHERE st.sentence_id IN (SELECT value FROM json_each(?)) ORDER BY d.path, s.n, st.id`,
		idList(sentenceIDs))
	if err != nil {
		return nil, fmt.Errorf("statements in: %w", err)
	}
	return out, nil
}
