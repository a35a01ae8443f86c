package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/stem"
	"github.com/briefbot/briefbot/knowledge/store"
)

// The queries below return what the embedded store's do, in the same order:
// where SQLite's order follows an index or the insertion order, the ID or
// the key orders here.

// Actors returns every stored actor with its aliases, in document order.
func (s *Store) Actors(ctx context.Context) ([]store.ActorRow, error) {
	var out []store.ActorRow
	byID := map[int64]int{}
	err := s.each(ctx, `SELECT a.id, d.path, a.local, a.key, a.name, a.kind, a.title, a.org, a.country, a.description, a.mentions
		FROM actors a JOIN documents d ON d.id = a.doc_id ORDER BY d.date DESC, d.path, a.local`, nil, func(r pgx.Rows) error {
		var a store.ActorRow
		var kind string
		if err := r.Scan(&a.ID, &a.DocPath, &a.Actor.ID, &a.Key, &a.Name, &kind, &a.Title, &a.Org, &a.Country, &a.Description, &a.MentionCount); err != nil {
			return err
		}
		a.Kind = knowledge.ActorKind(kind)
		byID[a.ID] = len(out)
		out = append(out, a)
		return nil
	})
	if err == nil {
		err = s.each(ctx, `SELECT actor_id, alias FROM aliases ORDER BY alias, actor_id`, nil, func(r pgx.Rows) error {
			var id int64
			var alias string
			if err := r.Scan(&id, &alias); err != nil {
				return err
			}
			if i, ok := byID[id]; ok {
				out[i].Aliases = append(out[i].Aliases, alias)
			}
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}

// Corpus returns every stored sentence in document order with the generation,
// read in one snapshot.
func (s *Store) Corpus(ctx context.Context) ([]store.CorpusSentence, int64, error) {
	if _, ok := ctx.Value(snapshotKey{}).(*snapshot); !ok {
		snap, end, err := s.Snapshot(ctx)
		if err != nil {
			return nil, 0, fmt.Errorf("corpus: %w", err)
		}
		defer end()
		ctx = snap
	}
	gen, err := s.Generation(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	var out []store.CorpusSentence
	type docStrings struct{ path, title, date string }
	docs := map[int64]docStrings{}
	err = s.each(ctx, `SELECT s.id, d.id, d.path, d.title, d.date, s.n, s.text
		FROM sentences s JOIN documents d ON d.id = s.doc_id ORDER BY d.id, s.n`, nil, func(r pgx.Rows) error {
		var c store.CorpusSentence
		if err := r.Scan(&c.ID, &c.DocID, &c.DocPath, &c.DocTitle, &c.DocDate, &c.N, &c.Text); err != nil {
			return err
		}
		if d, ok := docs[c.DocID]; ok {
			c.DocPath, c.DocTitle, c.DocDate = d.path, d.title, d.date
		} else {
			docs[c.DocID] = docStrings{c.DocPath, c.DocTitle, c.DocDate}
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("corpus: %w", err)
	}
	return out, gen, nil
}

// DocSentences returns every sentence of the documents at the given paths in
// document order, as Corpus gives them; unknown paths give none.
func (s *Store) DocSentences(ctx context.Context, paths []string) ([]store.CorpusSentence, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	var out []store.CorpusSentence
	err := s.each(ctx, `SELECT s.id, d.id, d.path, d.title, d.date, s.n, s.text
		FROM documents d JOIN sentences s ON s.doc_id = d.id
		WHERE d.path = ANY($1) ORDER BY d.id, s.n`, []any{paths}, func(r pgx.Rows) error {
		var c store.CorpusSentence
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

// Statements returns up to limit statements made by the given actors, newest
// briefing first, in document order.
func (s *Store) Statements(ctx context.Context, actorIDs []int64, limit int) ([]store.StatementRow, error) {
	if len(actorIDs) == 0 {
		return nil, nil
	}
	out, err := s.statementRows(ctx, `WHERE st.speaker_id = ANY($1) ORDER BY d.date DESC, d.path, s.n, st.id LIMIT $2`,
		actorIDs, limit)
	if err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	return out, nil
}

// StatementsIn returns the statements made in the given sentences, in
// document order (see store.Store.StatementsIn).
func (s *Store) StatementsIn(ctx context.Context, sentenceIDs []int64) ([]store.StatementRow, error) {
	if len(sentenceIDs) == 0 {
		return nil, nil
	}
	out, err := s.statementRows(ctx, `WHERE st.sentence_id = ANY($1) ORDER BY d.path, s.n, st.id`, sentenceIDs)
	if err != nil {
		return nil, fmt.Errorf("statements in: %w", err)
	}
	return out, nil
}

// statementRows reads the statements a WHERE (and ORDER BY) clause selects,
// with their sentences and briefings.
func (s *Store) statementRows(ctx context.Context, where string, args ...any) ([]store.StatementRow, error) {
	var out []store.StatementRow
	err := s.each(ctx, `SELECT st.speaker_id, st.cue, st.content, st.direct, st.negated,
			s.id, d.path, d.title, d.date, s.n, s.text
		FROM statements st JOIN sentences s ON s.id = st.sentence_id JOIN documents d ON d.id = s.doc_id
		`+where, args, func(r pgx.Rows) error {
		var st store.StatementRow
		if err := r.Scan(&st.SpeakerID, &st.Cue, &st.Content, &st.Direct, &st.Negated,
			&st.SentenceID, &st.DocPath, &st.DocTitle, &st.DocDate, &st.N, &st.Text); err != nil {
			return err
		}
		st.Sentence = st.N
		out = append(out, st)
		return nil
	})
	return out, err
}

// Quantities returns the figures claimed by the given actors.
func (s *Store) Quantities(ctx context.Context, claimantIDs []int64) ([]store.QuantityHit, error) {
	if len(claimantIDs) == 0 {
		return nil, nil
	}
	var out []store.QuantityHit
	err := s.each(ctx, `SELECT q.text, q.value, q.high, q.unit, q.hedge, q.counted, q.claimant_id, q.source,
			s.id, d.path, d.title, d.date, s.n, s.text
		FROM quantities q JOIN sentences s ON s.id = q.sentence_id JOIN documents d ON d.id = s.doc_id
		WHERE q.claimant_id = ANY($1) ORDER BY d.date DESC, d.path, s.n, q.id LIMIT 500`, []any{claimantIDs}, func(r pgx.Rows) error {
		var q store.QuantityHit
		if err := r.Scan(&q.Quantity.Text, &q.Value, &q.High, &q.Unit, &q.Hedge, &q.Counted, &q.ClaimantID, &q.Source,
			&q.SentenceID, &q.DocPath, &q.DocTitle, &q.DocDate, &q.N, &q.Hit.Text); err != nil {
			return err
		}
		q.Sentence = q.N
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("quantities: %w", err)
	}
	return out, nil
}

// Facts returns the figures, time expressions and mentions of the given sentences.
func (s *Store) Facts(ctx context.Context, sentenceIDs []int64) (store.SentenceFacts, error) {
	f := store.SentenceFacts{Quantities: map[int64][]store.QuantityRow{}, Times: map[int64][]knowledge.TimeExpr{}, Mentions: map[int64][]store.MentionRow{}}
	if len(sentenceIDs) == 0 {
		return f, nil
	}
	args := []any{sentenceIDs}
	err := s.each(ctx, `SELECT sentence_id, text, value, high, unit, hedge, counted, COALESCE(claimant_id, 0), source
		FROM quantities WHERE sentence_id = ANY($1) ORDER BY id`, args, func(r pgx.Rows) error {
		var id int64
		var q store.QuantityRow
		if err := r.Scan(&id, &q.Text, &q.Value, &q.High, &q.Unit, &q.Hedge, &q.Counted, &q.ClaimantID, &q.Source); err != nil {
			return err
		}
		f.Quantities[id] = append(f.Quantities[id], q)
		return nil
	})
	if err == nil {
		err = s.each(ctx, `SELECT sentence_id, text, norm, event FROM times WHERE sentence_id = ANY($1) ORDER BY id`, args, func(r pgx.Rows) error {
			var id int64
			var t knowledge.TimeExpr
			if err := r.Scan(&id, &t.Text, &t.Norm, &t.Event); err != nil {
				return err
			}
			f.Times[id] = append(f.Times[id], t)
			return nil
		})
	}
	if err == nil {
		err = s.each(ctx, `SELECT sentence_id, actor_id, text FROM mentions WHERE sentence_id = ANY($1) ORDER BY id`, args, func(r pgx.Rows) error {
			var id int64
			var m store.MentionRow
			if err := r.Scan(&id, &m.ActorID, &m.Text); err != nil {
				return err
			}
			f.Mentions[id] = append(f.Mentions[id], m)
			return nil
		})
	}
	if err != nil {
		return f, fmt.Errorf("facts: %w", err)
	}
	return f, nil
}

// ActorSentences returns the sentences that mention the given actors, in document order.
func (s *Store) ActorSentences(ctx context.Context, actorIDs []int64, limit int) ([]store.Hit, error) {
	if len(actorIDs) == 0 {
		return nil, nil
	}
	hits, err := s.hits(ctx, `SELECT s.id, d.path, d.title, d.date, s.n, s.text, 0.0
		FROM sentences s JOIN documents d ON d.id = s.doc_id
		WHERE s.id IN (SELECT sentence_id FROM mentions WHERE actor_id = ANY($1)) ORDER BY d.date DESC, d.path, s.n LIMIT $2`,
		actorIDs, limit)
	if err != nil {
		return nil, fmt.Errorf("actor sentences: %w", err)
	}
	return hits, nil
}

func (s *Store) hits(ctx context.Context, query string, args ...any) ([]store.Hit, error) {
	var hits []store.Hit
	err := s.each(ctx, query, args, func(r pgx.Rows) error {
		var h store.Hit
		if err := r.Scan(&h.SentenceID, &h.DocPath, &h.DocTitle, &h.DocDate, &h.N, &h.Text, &h.Score); err != nil {
			return err
		}
		hits = append(hits, h)
		return nil
	})
	return hits, err
}

// DocFreq returns how many sentences contain each stemmed term, and the number of
// sentences in all.
func (s *Store) DocFreq(ctx context.Context, terms []string) (map[string]int, int, error) {
	df := map[string]int{}
	// The count the last ingest recorded: counting a big table costs more
	// than the rest of an answer.
	c, err := s.Totals(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("doc freq: %w", err)
	}
	total := c.Sentences
	if len(terms) == 0 {
		return df, total, nil
	}
	err = s.each(ctx, `SELECT term, docs FROM vocab WHERE term = ANY($1)`, []any{terms}, func(r pgx.Rows) error {
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

// Search finds the sentences holding any of the words of match (an expression
// of quoted words OR-ed, as store.Terms builds it), best first by bm25 computed
// as FTS5 computes it (k1 = 1.2, b = 0.75, a word asked twice counted twice),
// so that both stores rank alike. Score is bm25: lower is better.
func (s *Store) Search(ctx context.Context, match string, limit int) ([]store.Hit, error) {
	terms := phraseTerms(match)
	if len(terms) == 0 {
		return nil, nil
	}
	c, err := s.Totals(ctx)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	tokens, err := s.Meta(ctx, metaTokens)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	n, _ := strconv.ParseFloat(tokens, 64)
	avgdl := 1.0
	if c.Sentences > 0 && n > 0 {
		avgdl = n / float64(c.Sentences)
	}
	hits, err := s.hits(ctx, `WITH q AS (SELECT t AS term, COUNT(*) AS times FROM unnest($1::text[]) AS t GROUP BY t),
		found AS (SELECT id, terms, tokens FROM sentences WHERE terms @@ CAST($2 AS tsquery)),
		scored AS (
			SELECT f.id, -SUM(q.times * GREATEST(ln(($3 - v.docs + 0.5) / (v.docs + 0.5)), 1e-6)
				* array_length(u.positions, 1) * 2.2
				/ (array_length(u.positions, 1) + 1.2 * (0.25 + 0.75 * f.tokens / $4::float8))) AS score
			FROM found f CROSS JOIN LATERAL unnest(f.terms) AS u
			JOIN q ON q.term = u.lexeme JOIN vocab v ON v.term = u.lexeme
			GROUP BY f.id ORDER BY score, f.id LIMIT $5)
		SELECT s.id, d.path, d.title, d.date, s.n, s.text, sc.score
		FROM scored sc JOIN sentences s ON s.id = sc.id JOIN documents d ON d.id = s.doc_id
		ORDER BY sc.score, s.id`, terms, tsquery(terms), float64(c.Sentences), avgdl, limit)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, nil
}

// phraseTerms reads an expression of quoted words OR-ed and returns the stems
// of the words, one for each word. A word of several tokens ("1,500") gives
// each of them, where FTS5 would match them as a phrase; eval.Baseline, the
// caller, splits words so that none has several.
func phraseTerms(match string) []string {
	var terms []string
	for rest := match; ; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		var w strings.Builder
		for {
			j := strings.IndexByte(rest, '"')
			if j < 0 {
				w.WriteString(rest)
				rest = ""
				break
			}
			w.WriteString(rest[:j])
			rest = rest[j+1:]
			if !strings.HasPrefix(rest, `"`) {
				break
			}
			w.WriteByte('"')
			rest = rest[1:]
		}
		for _, t := range stem.Terms(w.String()) {
			if len(t) <= maxLexeme {
				terms = append(terms, t)
			}
		}
	}
	return terms
}

// tsquery ORs the terms, each quoted so that none is read as query syntax.
func tsquery(terms []string) string {
	seen := map[string]bool{}
	var lexemes []string
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		lexemes = append(lexemes, "'"+strings.ReplaceAll(strings.ReplaceAll(t, `\`, `\\`), `'`, `''`)+"'")
	}
	return strings.Join(lexemes, " | ")
}

// Briefing rebuilds a stored document with its sentences and facts, as it was
// stored.
func (s *Store) Briefing(ctx context.Context, path string) (*knowledge.Briefing, error) {
	b := &knowledge.Briefing{}
	var docID int64
	err := s.row(ctx, `SELECT id, path, title, date, hash FROM documents WHERE path = $1`, []any{path}, &docID, &b.Path, &b.Title, &b.Date, &b.Hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("briefing %s: %w", path, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("briefing %s: %w", path, err)
	}
	args := []any{docID}
	q := func(query string, fn func(pgx.Rows) error) {
		if err == nil {
			err = s.each(ctx, query, args, fn)
		}
	}
	q(`SELECT n, text FROM sentences WHERE doc_id = $1 ORDER BY n`, func(r pgx.Rows) error {
		var st knowledge.Sentence
		if err := r.Scan(&st.N, &st.Text); err != nil {
			return err
		}
		b.Sentences = append(b.Sentences, st)
		return nil
	})
	local := map[int64]int{}
	q(`SELECT id, local, key, name, kind, title, org, country, description FROM actors WHERE doc_id = $1 ORDER BY local`, func(r pgx.Rows) error {
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
	q(`SELECT al.actor_id, al.alias FROM aliases al JOIN actors a ON a.id = al.actor_id WHERE a.doc_id = $1 ORDER BY a.local, al.alias`, func(r pgx.Rows) error {
		var id int64
		var alias string
		if err := r.Scan(&id, &alias); err != nil {
			return err
		}
		b.Actors[local[id]].Aliases = append(b.Actors[local[id]].Aliases, alias)
		return nil
	})
	q(`SELECT m.actor_id, s.n, m.text, m.start_byte, m.end_byte FROM mentions m JOIN actors a ON a.id = m.actor_id
		JOIN sentences s ON s.id = m.sentence_id WHERE a.doc_id = $1 ORDER BY m.id`, func(r pgx.Rows) error {
		var id int64
		var m knowledge.Mention
		if err := r.Scan(&id, &m.Sentence, &m.Text, &m.Start, &m.End); err != nil {
			return err
		}
		b.Actors[local[id]].Mentions = append(b.Actors[local[id]].Mentions, m)
		return nil
	})
	q(`SELECT s.n, st.speaker_id, st.cue, st.content, st.direct, st.negated FROM statements st
		JOIN sentences s ON s.id = st.sentence_id WHERE s.doc_id = $1 ORDER BY st.id`, func(r pgx.Rows) error {
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
		JOIN sentences s ON s.id = q.sentence_id WHERE s.doc_id = $1 ORDER BY q.id`, func(r pgx.Rows) error {
		var qt knowledge.Quantity
		var cl *int64
		if err := r.Scan(&qt.Sentence, &qt.Text, &qt.Value, &qt.High, &qt.Unit, &qt.Hedge, &qt.Counted, &cl, &qt.Source); err != nil {
			return err
		}
		qt.Claimant = -1
		if cl != nil {
			qt.Claimant = local[*cl]
		}
		b.Quantities = append(b.Quantities, qt)
		return nil
	})
	q(`SELECT s.n, t.text, t.norm, t.event FROM times t JOIN sentences s ON s.id = t.sentence_id WHERE s.doc_id = $1 ORDER BY t.id`, func(r pgx.Rows) error {
		var t knowledge.TimeExpr
		if err := r.Scan(&t.Sentence, &t.Text, &t.Norm, &t.Event); err != nil {
			return err
		}
		b.Times = append(b.Times, t)
		return nil
	})
	q(`SELECT s.n, r.actor_id, r.title, r.of FROM roles r JOIN sentences s ON s.id = r.sentence_id WHERE s.doc_id = $1 ORDER BY r.id`, func(r pgx.Rows) error {
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
