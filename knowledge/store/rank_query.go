package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// CorpusSentence is one stored sentence with its document, as the answer ranker
// indexes it.
type CorpusSentence struct {
	ID       int64
	DocID    int64
	DocPath  string
	DocTitle string
	DocDate  string
	N        int
	Text     string
}

// Corpus returns every stored sentence in document order (by document ID, then
// sentence number) together with the store's generation, read in one statement so
// that the sentences are exactly those of that generation.
func (s *Store) Corpus(ctx context.Context) ([]CorpusSentence, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT (SELECT value FROM meta WHERE key = 'generation'),
			s.id, d.id, d.path, d.title, d.date, s.n, s.text
		FROM sentences s JOIN documents d ON d.id = s.doc_id ORDER BY d.id, s.n`)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	defer rows.Close()
	var out []CorpusSentence
	var gen string
	// Documents repeat on every row: keep one copy of their strings.
	type docStrings struct{ path, title, date string }
	docs := map[int64]docStrings{}
	for rows.Next() {
		var c CorpusSentence
		if err := rows.Scan(&gen, &c.ID, &c.DocID, &c.DocPath, &c.DocTitle, &c.DocDate, &c.N, &c.Text); err != nil {
			return nil, 0, fmt.Errorf("corpus: %w", err)
		}
		if d, ok := docs[c.DocID]; ok {
			c.DocPath, c.DocTitle, c.DocDate = d.path, d.title, d.date
		} else {
			docs[c.DocID] = docStrings{c.DocPath, c.DocTitle, c.DocDate}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	if len(out) == 0 {
		g, err := s.Generation(ctx)
		return nil, g, err
	}
	n, err := strconv.ParseInt(gen, 10, 64)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	return out, n, nil
}

// DocSentences returns every sentence of the documents at the given paths in
// document order, as Corpus gives them; unknown paths give none. A ranking
// that takes its candidates from the full-text index reads their briefings
// whole with it.
func (s *Store) DocSentences(ctx context.Context, paths []string) ([]CorpusSentence, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	args := make([]any, len(paths))
	for i, p := range paths {
		args[i] = p
	}
	var out []CorpusSentence
	err := s.each(ctx, `SELECT s.id, d.id, d.path, d.title, d.date, s.n, s.text
		FROM documents d JOIN sentences s ON s.doc_id = d.id
		WHERE d.path IN (`+placeholders(len(paths))+`) ORDER BY d.id, s.n`, args, func(r *sql.Rows) error {
		var c CorpusSentence
		if err := r.Scan(&c.ID, &c.DocID, &c.DocPath, &c.DocTitle, &c.DocDate, &c.N, &c.Text); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("doc sentences: %w", err)
	}
	return out, nil
}
