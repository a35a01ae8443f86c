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

// Ingest is one write transaction that stores, replaces and removes documents,
// as store.Ingest is for the embedded store. Readers on every machine keep
// seeing the old knowledge until Commit; Rollback, an error or a lost
// connection leaves it untouched.
//
// An Ingest is used by one goroutine at a time. Always call Rollback when done
// (it does nothing after Commit).
type Ingest struct {
	ctx context.Context
	tx  pgx.Tx

	existing map[string]int  // stored path -> facts, at Begin
	seen     map[string]bool // paths put or removed in this ingest
	ch       store.Change
	changed  bool
	meta     map[string]string
	vocab    map[string]int // change of each term's sentence count
	tokens   int64          // change of the number of tokens stored

	next [numTables]int64 // the next ID of each table with an ID
	rows [numTables][][]any
	done bool
}

// The tables an ingest writes, parents before children.
const (
	tDocuments = iota
	tSentences
	tActors
	tAliases
	tMentions
	tStatements
	tQuantities
	tTimes
	tRoles
	numTables
)

var tables = [numTables]struct {
	name string
	cols []string
	id   bool // the first column is an ID the ingest assigns
}{
	tDocuments:  {"documents", []string{"id", "path", "title", "date", "hash", "size", "sentences", "facts"}, true},
	tSentences:  {"sentences", []string{"id", "doc_id", "n", "text", "terms", "tokens"}, true},
	tActors:     {"actors", []string{"id", "doc_id", "local", "key", "name", "kind", "title", "org", "country", "description", "mentions"}, true},
	tAliases:    {"aliases", []string{"alias", "actor_id"}, false},
	tMentions:   {"mentions", []string{"actor_id", "sentence_id", "text", "start_byte", "end_byte"}, false},
	tStatements: {"statements", []string{"id", "sentence_id", "speaker_id", "cue", "content", "direct", "negated"}, true},
	tQuantities: {"quantities", []string{"id", "sentence_id", "text", "value", "high", "unit", "hedge", "counted", "claimant_id", "source"}, true},
	tTimes:      {"times", []string{"id", "sentence_id", "text", "norm", "event"}, true},
	tRoles:      {"roles", []string{"id", "sentence_id", "actor_id", "title", "of"}, true},
}

// flushAt is how many buffered rows make Put write every table.
const flushAt = 20000

// maxLexeme is the longest term a tsvector holds (PostgreSQL allows < 2 KiB);
// longer terms are left out of the index.
const maxLexeme = 2046

// Begin starts an ingest. It takes the store's advisory ingest lock for the
// transaction, or fails at once with store.ErrReloading when another process,
// on this machine or another, holds it.
func (s *Store) Begin(ctx context.Context) (*Ingest, error) {
	if s.standby {
		return nil, fmt.Errorf("begin: %w", ErrStandby)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	in := &Ingest{ctx: ctx, tx: tx, existing: map[string]int{}, seen: map[string]bool{}, meta: map[string]string{}, vocab: map[string]int{}}
	fail := func(err error) (*Ingest, error) {
		in.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	var locked bool
	if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock($1)`, int64(ingestLock)).Scan(&locked); err != nil {
		return fail(err)
	}
	if !locked {
		return fail(fmt.Errorf("%w (on another connection or machine)", store.ErrReloading))
	}
	rows, err := tx.Query(ctx, `SELECT path, facts FROM documents`)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var p string
		var n int
		if err := rows.Scan(&p, &n); err != nil {
			rows.Close()
			return fail(err)
		}
		in.existing[p] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	for t := range numTables {
		if !tables[t].id {
			continue
		}
		var max int64
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+tables[t].name).Scan(&max); err != nil {
			return fail(err)
		}
		in.next[t] = max + 1
	}
	return in, nil
}

// Remove deletes the stored document at path, with its sentences and facts. A
// path the store does not hold is ignored.
func (in *Ingest) Remove(path string) error {
	if in.done {
		return errors.New("remove: ingest ended")
	}
	if _, ok := in.existing[path]; !ok || in.seen[path] {
		return nil
	}
	if err := in.delete(path); err != nil {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	in.ch.Removed = append(in.ch.Removed, path)
	return nil
}

// delete removes a stored document and takes its terms out of the vocabulary.
func (in *Ingest) delete(path string) error {
	in.seen[path] = true
	in.changed = true
	in.ch.FactsRemoved += in.existing[path]
	rows, err := in.tx.Query(in.ctx, `SELECT t, COUNT(*) FROM sentences s, unnest(tsvector_to_array(s.terms)) AS t
		WHERE s.doc_id = (SELECT id FROM documents WHERE path = $1) GROUP BY t`, path)
	if err != nil {
		return err
	}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			rows.Close()
			return err
		}
		in.vocab[t] -= n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var tokens int64
	if err := in.tx.QueryRow(in.ctx, `SELECT COALESCE(SUM(tokens), 0) FROM sentences
		WHERE doc_id = (SELECT id FROM documents WHERE path = $1)`, path).Scan(&tokens); err != nil {
		return err
	}
	in.tokens -= tokens
	_, err = in.tx.Exec(in.ctx, `DELETE FROM documents WHERE path = $1`, path)
	return err
}

// Put stores a briefing, replacing any stored document with the same path. Its
// rows may be buffered until a later Put or Commit.
func (in *Ingest) Put(b *knowledge.Briefing) error {
	if in.done {
		return errors.New("put: ingest ended")
	}
	if in.seen[b.Path] {
		return fmt.Errorf("put %s: the path was already put or removed in this ingest", b.Path)
	}
	if err := check(b); err != nil {
		return fmt.Errorf("put %s: %w", b.Path, err)
	}
	if _, ok := in.existing[b.Path]; ok {
		if err := in.delete(b.Path); err != nil {
			return fmt.Errorf("put %s: %w", b.Path, err)
		}
		in.ch.Replaced = append(in.ch.Replaced, b.Path)
	} else {
		in.seen[b.Path] = true
		in.ch.Added = append(in.ch.Added, b.Path)
	}
	in.buffer(b)
	in.changed = true
	in.ch.Counts.Documents++
	in.ch.Counts.Sentences += len(b.Sentences)
	in.ch.Counts.Actors += len(b.Actors)
	in.ch.Counts.Statements += len(b.Statements)
	in.ch.Counts.Quantities += len(b.Quantities)
	in.ch.Counts.Times += len(b.Times)
	in.ch.Counts.Roles += len(b.Roles)
	if in.buffered() >= flushAt {
		if err := in.flush(); err != nil {
			return fmt.Errorf("put %s: %w", b.Path, err)
		}
	}
	return nil
}

// check verifies that every fact of a briefing points at a sentence and an
// actor of it, before anything is buffered.
func check(b *knowledge.Briefing) error {
	seen := make([]bool, len(b.Sentences)+1)
	for _, s := range b.Sentences {
		if s.N < 1 || s.N > len(b.Sentences) || seen[s.N] {
			return fmt.Errorf("sentence number %d out of place", s.N)
		}
		seen[s.N] = true
	}
	sentence := func(n int) error {
		if n < 1 || n > len(b.Sentences) {
			return fmt.Errorf("fact points at sentence %d of %d", n, len(b.Sentences))
		}
		return nil
	}
	actor := func(i int) error {
		if i < 0 || i >= len(b.Actors) {
			return fmt.Errorf("fact points at actor %d of %d", i, len(b.Actors))
		}
		return nil
	}
	var errs []error
	for _, a := range b.Actors {
		for _, m := range a.Mentions {
			errs = append(errs, sentence(m.Sentence))
		}
	}
	for _, st := range b.Statements {
		errs = append(errs, sentence(st.Sentence), actor(st.Speaker))
	}
	for _, q := range b.Quantities {
		errs = append(errs, sentence(q.Sentence))
		if q.Claimant >= 0 {
			errs = append(errs, actor(q.Claimant))
		}
	}
	for _, t := range b.Times {
		errs = append(errs, sentence(t.Sentence))
	}
	for _, r := range b.Roles {
		errs = append(errs, sentence(r.Sentence), actor(r.Person))
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// id assigns the next ID of table t.
func (in *Ingest) id(t int) int64 {
	id := in.next[t]
	in.next[t]++
	return id
}

func (in *Ingest) add(t int, vals ...any) { in.rows[t] = append(in.rows[t], vals) }

func (in *Ingest) buffered() int {
	n := 0
	for _, r := range in.rows {
		n += len(r)
	}
	return n
}

// buffer buffers the rows of a checked briefing, assigning IDs as the embedded
// store does, so that both stores number everything alike.
func (in *Ingest) buffer(b *knowledge.Briefing) {
	facts := len(b.Actors) + len(b.Statements) + len(b.Quantities) + len(b.Times) + len(b.Roles)
	docID := in.id(tDocuments)
	in.add(tDocuments, docID, b.Path, b.Title, b.Date, b.Hash, int64(len(b.Text)), len(b.Sentences), facts)
	sentIDs := make([]int64, len(b.Sentences)+1)
	for _, s := range b.Sentences {
		sentIDs[s.N] = in.id(tSentences)
		terms, tokens := in.terms(s.Text)
		in.add(tSentences, sentIDs[s.N], docID, s.N, s.Text, terms, tokens)
	}
	actorBase := in.next[tActors]
	for i, a := range b.Actors {
		id := in.id(tActors)
		in.add(tActors, id, docID, i, a.Key, a.Name, string(a.Kind), a.Title, a.Org, a.Country, a.Description, len(a.Mentions))
		seen := map[string]bool{}
		for _, al := range a.Aliases {
			if !seen[al] {
				seen[al] = true
				in.add(tAliases, al, id)
			}
		}
		for _, m := range a.Mentions {
			in.add(tMentions, id, sentIDs[m.Sentence], m.Text, m.Start, m.End)
		}
	}
	for _, st := range b.Statements {
		in.add(tStatements, in.id(tStatements), sentIDs[st.Sentence], actorBase+int64(st.Speaker), st.Cue, st.Content, st.Direct, st.Negated)
	}
	for _, q := range b.Quantities {
		var claimant any
		if q.Claimant >= 0 {
			claimant = actorBase + int64(q.Claimant)
		}
		in.add(tQuantities, in.id(tQuantities), sentIDs[q.Sentence], q.Text, q.Value, q.High, q.Unit, q.Hedge, q.Counted, claimant, q.Source)
	}
	for _, t := range b.Times {
		in.add(tTimes, in.id(tTimes), sentIDs[t.Sentence], t.Text, t.Norm, t.Event)
	}
	for _, r := range b.Roles {
		in.add(tRoles, in.id(tRoles), sentIDs[r.Sentence], actorBase+int64(r.Person), r.Title, r.Of)
	}
}

// terms returns a sentence's stems with their positions, as the text of a
// tsvector, and how many tokens it has; it counts the distinct stems in the
// vocabulary.
func (in *Ingest) terms(text string) (vector string, tokens int) {
	ts := stem.Terms(text)
	in.tokens += int64(len(ts))
	positions := make(map[string][]int, len(ts))
	var order []string
	for i, t := range ts {
		if len(t) > maxLexeme {
			continue
		}
		if positions[t] == nil {
			order = append(order, t)
			in.vocab[t]++
		}
		positions[t] = append(positions[t], min(i+1, maxPosition))
	}
	var b strings.Builder
	for i, t := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(t, `\`, `\\`), `'`, `''`))
		b.WriteString("':")
		for j, p := range positions[t] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String(), len(ts)
}

// maxPosition is the largest position a tsvector holds; later words share it.
const maxPosition = 16383

// insertSentences writes sentences in one statement, their stems read as a
// tsvector as they are (no parsing, no stemming by PostgreSQL).
const insertSentences = `INSERT INTO sentences (id, doc_id, n, text, terms, tokens)
	SELECT u.id, u.doc, u.n, u.t, u.terms::tsvector, u.tokens
	FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::int[]) AS u (id, doc, n, t, terms, tokens)`

// flush writes every buffered row, parents first: sentences in one INSERT,
// the rest by COPY.
func (in *Ingest) flush() error {
	for t := range numTables {
		rows := in.rows[t]
		if len(rows) == 0 {
			continue
		}
		var err error
		if t == tSentences {
			ids, docs, ns, texts, terms, tokens := make([]int64, len(rows)), make([]int64, len(rows)), make([]int32, len(rows)), make([]string, len(rows)), make([]string, len(rows)), make([]int32, len(rows))
			for i, r := range rows {
				ids[i], docs[i], ns[i], texts[i], terms[i], tokens[i] = r[0].(int64), r[1].(int64), int32(r[2].(int)), r[3].(string), r[4].(string), int32(r[5].(int))
			}
			_, err = in.tx.Exec(in.ctx, insertSentences, ids, docs, ns, texts, terms, tokens)
		} else {
			_, err = in.tx.CopyFrom(in.ctx, pgx.Identifier{tables[t].name}, tables[t].cols, pgx.CopyFromRows(rows))
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", tables[t].name, err)
		}
		clear(in.rows[t])
		in.rows[t] = in.rows[t][:0]
	}
	return nil
}

// SetMeta sets a key of the meta table when the ingest commits. Setting meta
// alone does not count as a change of the knowledge.
func (in *Ingest) SetMeta(key, value string) { in.meta[key] = value }

// Commit writes what is buffered and the vocabulary's changes, counts the
// ingest in the generation when it changed the knowledge, and commits.
func (in *Ingest) Commit() (store.Change, error) {
	if in.done {
		return store.Change{}, errors.New("commit: ingest ended")
	}
	err := in.flush()
	if err == nil {
		err = in.writeVocab()
	}
	if err == nil && in.changed {
		_, err = in.tx.Exec(in.ctx, `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation'`)
		if err == nil {
			err = in.recordTotals()
		}
	}
	for k, v := range in.meta {
		if err == nil {
			_, err = in.tx.Exec(in.ctx, `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
		}
	}
	if err == nil {
		err = in.tx.Commit(in.ctx)
	}
	in.Rollback()
	if err != nil {
		return store.Change{}, fmt.Errorf("commit: %w", err)
	}
	return in.ch, nil
}

// writeVocab adds the ingest's changes to the terms' sentence counts.
func (in *Ingest) writeVocab() error {
	terms := make([]string, 0, len(in.vocab))
	deltas := make([]int32, 0, len(in.vocab))
	for t, d := range in.vocab {
		if d != 0 {
			terms = append(terms, t)
			deltas = append(deltas, int32(d))
		}
	}
	if in.tokens != 0 {
		if _, err := in.tx.Exec(in.ctx, `INSERT INTO meta (key, value) VALUES ($1, $2::bigint::text)
			ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + $2::bigint)::text`, metaTokens, in.tokens); err != nil {
			return fmt.Errorf("write token count: %w", err)
		}
	}
	if len(terms) == 0 {
		return nil
	}
	if _, err := in.tx.Exec(in.ctx, `INSERT INTO vocab (term, docs) SELECT * FROM unnest($1::text[], $2::int[])
		ON CONFLICT (term) DO UPDATE SET docs = vocab.docs + excluded.docs`, terms, deltas); err != nil {
		return fmt.Errorf("write vocab: %w", err)
	}
	if _, err := in.tx.Exec(in.ctx, `DELETE FROM vocab WHERE term = ANY($1) AND docs <= 0`, terms); err != nil {
		return fmt.Errorf("write vocab: %w", err)
	}
	return nil
}

// recordTotals stores the counts with the generation being committed.
func (in *Ingest) recordTotals() error {
	var gen string
	if err := in.tx.QueryRow(in.ctx, `SELECT value FROM meta WHERE key = 'generation'`).Scan(&gen); err != nil {
		return err
	}
	c, err := countAll(in.ctx, in.tx)
	if err != nil {
		return err
	}
	in.meta[store.MetaTotals] = store.FormatTotals(c, gen)
	return nil
}

// Rollback abandons the ingest, unless it was committed, and releases its
// connection and the ingest lock.
func (in *Ingest) Rollback() {
	if in.done {
		return
	}
	in.done = true
	in.tx.Rollback(context.WithoutCancel(in.ctx))
}
