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
	rows, err := s.db.QueryContext(ctx, `SELECT st.speaker_id, st.cue, st.content, st.direct, st.negated,
			s.id, d.path, d.title, d.date, s.n, s.text
		FROM statements st JOIN sentences s ON s.id = st.sentence_id JOIN documents d ON d.id = s.doc_id
		WHERE st.sentence_id IN (SELECT value FROM json_each(?)) ORDER BY d.path, s.n, st.id`, idList(sentenceIDs))
	if err != nil {
		return nil, fmt.Errorf("statements in: %w", err)
	}
	defer rows.Close()
	var out []StatementRow
	for rows.Next() {
		var r StatementRow
		if err := rows.Scan(&r.SpeakerID, &r.Cue, &r.Content, &r.Direct, &r.Negated,
			&r.SentenceID, &r.DocPath, &r.DocTitle, &r.DocDate, &r.N, &r.Text); err != nil {
			return nil, fmt.Errorf("statements in: %w", err)
		}
		r.Sentence = r.N
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("statements in: %w", err)
	}
	return out, nil
}
