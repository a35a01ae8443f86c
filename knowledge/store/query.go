package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
)

// ActorRow is a stored actor, as seen from one document.
type ActorRow struct {
	ID      int64
	DocPath string
	knowledge.Actor
	// MentionCount is how often the document mentions the actor.
	MentionCount int
}

// Actors returns every stored actor with its aliases, in document order.
func (s *Store) Actors(ctx context.Context) ([]ActorRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, d.path, a.local, a.key, a.name, a.kind, a.title, a.org, a.country, a.description, a.mentions
		FROM actors a JOIN documents d ON d.id = a.doc_id ORDER BY d.date DESC, d.path, a.local`)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer rows.Close()
	var out []ActorRow
	byID := map[int64]int{}
	for rows.Next() {
		var a ActorRow
		var kind string
		if err := rows.Scan(&a.ID, &a.DocPath, &a.Actor.ID, &a.Key, &a.Name, &kind, &a.Title, &a.Org, &a.Country, &a.Description, &a.MentionCount); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		a.Kind = knowledge.ActorKind(kind)
		byID[a.ID] = len(out)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	arows, err := s.db.QueryContext(ctx, `SELECT actor_id, alias FROM aliases`)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var alias string
		if err := arows.Scan(&id, &alias); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		if i, ok := byID[id]; ok {
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	return out, arows.Err()
}

// StatementRow is a stored statement with its sentence.
type StatementRow struct {
	knowledge.Statement
	SpeakerID int64
	Hit
}

// Statements returns up to limit statements made by the given actors, newest
// briefing first, in document order.
func (s *Store) Statements(ctx context.Context, actorIDs []int64, limit int) ([]StatementRow, error) {
	if len(actorIDs) == 0 {
		return nil, nil
	}
	out, err := s.statementRows(ctx, `WHERE st.speaker_id IN (SELECT value FROM json_each(?)) ORDER BY d.date DESC, d.path, s.n LIMIT ?`,
		idList(actorIDs), limit)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	return out, nil
}

// statementRows reads the statements a WHERE (and ORDER BY) clause selects,
// with their sentences and briefings.
func (s *Store) statementRows(ctx context.Context, where string, args ...any) ([]StatementRow, error) {
	rows, err := s.query(ctx, `SELECT st.speaker_id, st.cue, st.content, st.direct, st.negated,
			s.id, d.path, d.title, d.date, s.n, s.text
		FROM statements st JOIN sentences s ON s.id = st.sentence_id JOIN documents d ON d.id = s.doc_id
		`+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StatementRow
	for rows.Next() {
		var r StatementRow
		if err := rows.Scan(&r.SpeakerID, &r.Cue, &r.Content, &r.Direct, &r.Negated,
			&r.SentenceID, &r.DocPath, &r.DocTitle, &r.DocDate, &r.N, &r.Text); err != nil {
			return nil, err
		}
		r.Sentence = r.N
		out = append(out, r)
	}
	return out, rows.Err()
}

// SentenceFacts are the figures and time expressions of some sentences.
type SentenceFacts struct {
	Quantities map[int64][]QuantityRow
	Times      map[int64][]knowledge.TimeExpr
	Mentions   map[int64][]MentionRow
}

// QuantityRow is a stored figure with the stored ID of its claimant (0 if none).
type QuantityRow struct {
	knowledge.Quantity
	ClaimantID int64
}

// MentionRow is a stored mention of an actor.
type MentionRow struct {
	ActorID int64
	Text    string
}

// Facts returns the figures, time expressions and mentions of the given sentences.
func (s *Store) Facts(ctx context.Context, sentenceIDs []int64) (SentenceFacts, error) {
	f := SentenceFacts{Quantities: map[int64][]QuantityRow{}, Times: map[int64][]knowledge.TimeExpr{}, Mentions: map[int64][]MentionRow{}}
	if len(sentenceIDs) == 0 {
		return f, nil
	}
	in, args := "SELECT value FROM json_each(?)", []any{idList(sentenceIDs)}
	err := s.each(ctx, `SELECT sentence_id, text, value, high, unit, hedge, counted, COALESCE(claimant_id, 0), source
		FROM quantities WHERE sentence_id IN (`+in+`) ORDER BY id`, args, func(r *sql.Rows) error {
		var id int64
		var q QuantityRow
		if err := r.Scan(&id, &q.Text, &q.Value, &q.High, &q.Unit, &q.Hedge, &q.Counted, &q.ClaimantID, &q.Source); err != nil {
			return err
		}
		f.Quantities[id] = append(f.Quantities[id], q)
		return nil
	})
	if err != nil {
		return f, fmt.Errorf("facts: %w", err)
	}
	err = s.each(ctx, `SELECT sentence_id, text, norm, event FROM times WHERE sentence_id IN (`+in+`) ORDER BY id`, args, func(r *sql.Rows) error {
		var id int64
		var t knowledge.TimeExpr
		if err := r.Scan(&id, &t.Text, &t.Norm, &t.Event); err != nil {
			return err
		}
		f.Times[id] = append(f.Times[id], t)
		return nil
	})
	if err != nil {
		return f, fmt.Errorf("facts: %w", err)
	}
	err = s.each(ctx, `SELECT sentence_id, actor_id, text FROM mentions WHERE sentence_id IN (`+in+`)`, args, func(r *sql.Rows) error {
		var id int64
		var m MentionRow
		if err := r.Scan(&id, &m.ActorID, &m.Text); err != nil {
			return err
		}
		f.Mentions[id] = append(f.Mentions[id], m)
		return nil
	})
	if err != nil {
		return f, fmt.Errorf("facts: %w", err)
	}
	return f, nil
}

// ActorSentences returns the sentences that mention the given actors, in document order.
func (s *Store) ActorSentences(ctx context.Context, actorIDs []int64, limit int) ([]Hit, error) {
	if len(actorIDs) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT s.id, d.path, d.title, d.date, s.n, s.text, 0.0
		FROM mentions m JOIN sentences s ON s.id = m.sentence_id JOIN documents d ON d.id = s.doc_id
		WHERE m.actor_id IN (SELECT value FROM json_each(?)) ORDER BY d.date DESC, d.path, s.n LIMIT ?`,
		idList(actorIDs), limit)
	if err != nil {
		return nil, fmt.Errorf("actor sentences: %w", err)
	}
	return scanHits(rows)
}

// Sentences returns sentences by ID, in the order asked.
func (s *Store) Sentences(ctx context.Context, ids []int64) ([]Hit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, d.path, d.title, d.date, s.n, s.text, 0.0
		FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	hits, err := scanHits(rows)
	if err != nil {
		return nil, err
	}
	pos := map[int64]int{}
	for i, id := range ids {
		pos[id] = i
	}
	out := make([]Hit, len(ids))
	var n int
	for _, h := range hits {
		out[pos[h.SentenceID]] = h
		n++
	}
	res := out[:0]
	for _, h := range out {
		if h.SentenceID != 0 {
			res = append(res, h)
		}
	}
	return res, nil
}

// Neighbours returns the sentence before each given sentence in its document, by
// the given sentence's ID.
func (s *Store) Neighbours(ctx context.Context, ids []int64) (map[int64]Hit, error) {
	out := map[int64]Hit{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.each(ctx, `SELECT s.id, p.id, p.n, p.text FROM sentences s JOIN sentences p ON p.doc_id = s.doc_id AND p.n = s.n - 1
		WHERE s.id IN (SELECT value FROM json_each(?))`, []any{idList(ids)}, func(r *sql.Rows) error {
		var id int64
		var h Hit
		if err := r.Scan(&id, &h.SentenceID, &h.N, &h.Text); err != nil {
			return err
		}
		out[id] = h
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neighbours: %w", err)
	}
	return out, nil
}

// DocFreq returns how many sentences contain each stemmed term, and the number of
// sentences in all.
func (s *Store) DocFreq(ctx context.Context, terms []string) (map[string]int, int, error) {
	df := map[string]int{}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sentences`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("doc freq: %w", err)
	}
	if len(terms) == 0 {
		return df, total, nil
	}
	args := make([]any, len(terms))
	for i, t := range terms {
		args[i] = t
	}
	err := s.each(ctx, `SELECT term, doc FROM sentences_vocab WHERE term IN (`+placeholders(len(terms))+`)`, args, func(r *sql.Rows) error {
		var t string
		var n int
		if err := r.Scan(&t, &n); err != nil {
			return err
		}
		df[t] = n
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("doc freq: %w", err)
	}
	return df, total, nil
}

// Roles returns the roles stored for the given actors.
func (s *Store) Roles(ctx context.Context, actorIDs []int64) (map[int64][]knowledge.Role, error) {
	out := map[int64][]knowledge.Role{}
	if len(actorIDs) == 0 {
		return out, nil
	}
	err := s.each(ctx, `SELECT r.actor_id, s.n, r.title, r.of FROM roles r JOIN sentences s ON s.id = r.sentence_id
		WHERE r.actor_id IN (SELECT value FROM json_each(?)) ORDER BY s.n`, []any{idList(actorIDs)}, func(r *sql.Rows) error {
		var id int64
		var role knowledge.Role
		if err := r.Scan(&id, &role.Sentence, &role.Title, &role.Of); err != nil {
			return err
		}
		out[id] = append(out[id], role)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	return out, nil
}

// Quantities returns the figures claimed by the given actors.
func (s *Store) Quantities(ctx context.Context, claimantIDs []int64) ([]QuantityHit, error) {
	if len(claimantIDs) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT q.text, q.value, q.high, q.unit, q.hedge, q.counted, q.claimant_id, q.source,
			s.id, d.path, d.title, d.date, s.n, s.text
		FROM quantities q JOIN sentences s ON s.id = q.sentence_id JOIN documents d ON d.id = s.doc_id
		WHERE q.claimant_id IN (SELECT value FROM json_each(?)) ORDER BY d.date DESC, d.path, s.n LIMIT 500`, idList(claimantIDs))
	if err != nil {
		return nil, fmt.Errorf("quantities: %w", err)
	}
	defer rows.Close()
	var out []QuantityHit
	for rows.Next() {
		var q QuantityHit
		if err := rows.Scan(&q.Quantity.Text, &q.Value, &q.High, &q.Unit, &q.Hedge, &q.Counted, &q.ClaimantID, &q.Source,
			&q.SentenceID, &q.DocPath, &q.DocTitle, &q.DocDate, &q.N, &q.Hit.Text); err != nil {
			return nil, fmt.Errorf("quantities: %w", err)
		}
		q.Sentence = q.N
		out = append(out, q)
	}
	return out, rows.Err()
}

// QuantityHit is a figure with its sentence.
type QuantityHit struct {
	QuantityRow
	Hit
}

func (s *Store) each(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// idList encodes IDs as a JSON array, for json_each: one parameter however many
// IDs there are.
func idList(ids []int64) string {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

// Briefing rebuilds a stored document with its sentences and facts, as it was
// stored (actor and sentence numbers as in the document).
func (s *Store) Briefing(ctx context.Context, path string) (*knowledge.Briefing, error) {
	b := &knowledge.Briefing{}
	var docID int64
	err := s.db.QueryRowContext(ctx, `SELECT id, path, title, date, hash FROM documents WHERE path = ?`, path).
		Scan(&docID, &b.Path, &b.Title, &b.Date, &b.Hash)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("briefing %s: %w", path, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("briefing %s: %w", path, err)
	}
	args := []any{docID}
	q := func(query string, fn func(*sql.Rows) error) {
		if err == nil {
			err = s.each(ctx, query, args, fn)
		}
	}
	q(`SELECT n, text FROM sentences WHERE doc_id = ? ORDER BY n`, func(r *sql.Rows) error {
		var st knowledge.Sentence
		if err := r.Scan(&st.N, &st.Text); err != nil {
			return err
		}
		b.Sentences = append(b.Sentences, st)
		return nil
	})
	local := map[int64]int{}
	q(`SELECT id, local, key, name, kind, title, org, country, description FROM actors WHERE doc_id = ? ORDER BY local`, func(r *sql.Rows) error {
		var id int64
		var a knowledge.Actor
		var kind string
		if err := r.Scan(&id, &a.ID, &a.Key, &a.Name, &kind, &a.Title, &a.Org, &a.Country, &a.Description); err != nil {
			return err
		}
		a.Kind = knowledge.ActorKind(kind)
		local[id] = len(b.Actors)
		b.Actors = append(b.Actors, a)
		return nil
	})
	q(`SELECT al.actor_id, al.alias FROM aliases al JOIN actors a ON a.id = al.actor_id WHERE a.doc_id = ? ORDER BY a.local`, func(r *sql.Rows) error {
		var id int64
		var alias string
		if err := r.Scan(&id, &alias); err != nil {
			return err
		}
		b.Actors[local[id]].Aliases = append(b.Actors[local[id]].Aliases, alias)
		return nil
	})
	q(`SELECT m.actor_id, s.n, m.text, m.start_byte, m.end_byte FROM mentions m JOIN actors a ON a.id = m.actor_id
		JOIN sentences s ON s.id = m.sentence_id WHERE a.doc_id = ? ORDER BY m.rowid`, func(r *sql.Rows) error {
		var id int64
		var m knowledge.Mention
		if err := r.Scan(&id, &m.Sentence, &m.Text, &m.Start, &m.End); err != nil {
			return err
		}
		b.Actors[local[id]].Mentions = append(b.Actors[local[id]].Mentions, m)
		return nil
	})
	q(`SELECT s.n, st.speaker_id, st.cue, st.content, st.direct, st.negated FROM statements st
		JOIN sentences s ON s.id = st.sentence_id WHERE s.doc_id = ? ORDER BY st.id`, func(r *sql.Rows) error {
		var st knowledge.Statement
		var sp int64
		if err := r.Scan(&st.Sentence, &sp, &st.Cue, &st.Content, &st.Direct, &st.Negated); err != nil {
			return err
		}
		st.Speaker = local[sp]
		b.Statements = append(b.Statements, st)
		return nil
	})
	q(`SELECT s.n, q.text, q.value, q.high, q.unit, q.hedge, q.counted, q.claimant_id, q.source FROM quantities q
		JOIN sentences s ON s.id = q.sentence_id WHERE s.doc_id = ? ORDER BY q.id`, func(r *sql.Rows) error {
		var qt knowledge.Quantity
		var cl sql.NullInt64
		if err := r.Scan(&qt.Sentence, &qt.Text, &qt.Value, &qt.High, &qt.Unit, &qt.Hedge, &qt.Counted, &cl, &qt.Source); err != nil {
			return err
		}
		qt.Claimant = -1
		if cl.Valid {
			qt.Claimant = local[cl.Int64]
		}
		b.Quantities = append(b.Quantities, qt)
		return nil
	})
	q(`SELECT s.n, t.text, t.norm, t.event FROM times t JOIN sentences s ON s.id = t.sentence_id WHERE s.doc_id = ? ORDER BY t.id`, func(r *sql.Rows) error {
		var t knowledge.TimeExpr
		if err := r.Scan(&t.Sentence, &t.Text, &t.Norm, &t.Event); err != nil {
			return err
		}
		b.Times = append(b.Times, t)
		return nil
	})
	q(`SELECT s.n, r.actor_id, r.title, r.of FROM roles r JOIN sentences s ON s.id = r.sentence_id WHERE s.doc_id = ? ORDER BY r.id`, func(r *sql.Rows) error {
		var role knowledge.Role
		var id int64
		if err := r.Scan(&role.Sentence, &id, &role.Title, &role.Of); err != nil {
			return err
		}
		role.Person = local[id]
		b.Roles = append(b.Roles, role)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("briefing %s: %w", path, err)
	}
	return b, nil
}
