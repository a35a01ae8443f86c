// Package store keeps briefings and their facts in SQLite (modernc.org/sqlite, pure
// Go): documents, sentences with a stemmed FTS5 index, actors with their aliases and
// mentions, statements, quantities, time expressions and roles.
//
// The schema comes from embedded migrations. The store runs in WAL mode with a busy
// timeout, so several processes can read it while one writes, and every ingest is
// one transaction: readers see the old knowledge until the new is complete, and a
// crash or a full disk leaves the old knowledge in place.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open briefbot database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

// BusyTimeout is how long a statement waits for a lock held by another connection
// or process before it fails with SQLITE_BUSY.
const BusyTimeout = 10 * time.Second

// Open opens (creating it if needed) the store at path and brings its schema up to
// date. The path ":memory:" is not supported: use a file in a temporary folder.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(BusyTimeout/time.Millisecond))+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the embedded migrations newer than the database's user_version.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("migrate: store schema version %d is newer than this program (%d)", version, len(names))
	}
	for i := version; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", names[i], err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// DocInfo describes a stored document.
type DocInfo struct {
	ID        int64
	Path      string
	Title     string
	Date      string
	Hash      string
	Size      int64
	Sentences int
	Facts     int
}

// Documents lists the stored documents, newest date first, then by path.
func (s *Store) Documents(ctx context.Context) ([]DocInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, path, title, date, hash, size, sentences, facts
		FROM documents ORDER BY date DESC, path`)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var docs []DocInfo
	for rows.Next() {
		var d DocInfo
		if err := rows.Scan(&d.ID, &d.Path, &d.Title, &d.Date, &d.Hash, &d.Size, &d.Sentences, &d.Facts); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return docs, nil
}

// Generation counts the ingests committed to the store; it changes whenever the
// knowledge changes, in this process or another.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var v string
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'generation'`).Scan(&v); err != nil {
		return 0, fmt.Errorf("generation: %w", err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("generation: %w", err)
	}
	return n, nil
}

// Change reports what one Apply did.
type Change struct {
	Added, Replaced, Removed []string // document paths
	Counts                   Counts   // what was added
	FactsRemoved             int
}

// Counts are numbers of stored things.
type Counts struct {
	Documents, Sentences, Actors, Statements, Quantities, Times, Roles int
}

// Facts is the total number of facts counted.
func (c Counts) Facts() int { return c.Actors + c.Statements + c.Quantities + c.Times + c.Roles }

func (c *Counts) add(b *knowledge.Briefing) {
	c.Documents++
	c.Sentences += len(b.Sentences)
	c.Actors += len(b.Actors)
	c.Statements += len(b.Statements)
	c.Quantities += len(b.Quantities)
	c.Times += len(b.Times)
	c.Roles += len(b.Roles)
}

// Apply removes the documents at the paths in remove and stores the briefings in
// add (replacing any stored document with the same path), all in one transaction.
func (s *Store) Apply(ctx context.Context, add []*knowledge.Briefing, remove []string) (Change, error) {
	var ch Change
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ch = Change{}
		existing := map[string]int{}
		rows, err := tx.QueryContext(ctx, `SELECT path, facts FROM documents`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p string
			var n int
			if err := rows.Scan(&p, &n); err != nil {
				rows.Close()
				return err
			}
			existing[p] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		del := func(path string) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE path = ?`, path)
			ch.FactsRemoved += existing[path]
			return err
		}
		for _, p := range remove {
			if _, ok := existing[p]; !ok {
				continue
			}
			if err := del(p); err != nil {
				return err
			}
			ch.Removed = append(ch.Removed, p)
		}
		w, err := newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, b := range add {
			if _, ok := existing[b.Path]; ok {
				if err := del(b.Path); err != nil {
					return err
				}
				ch.Replaced = append(ch.Replaced, b.Path)
			} else {
				ch.Added = append(ch.Added, b.Path)
			}
			if err := w.write(b); err != nil {
				return fmt.Errorf("%s: %w", b.Path, err)
			}
			ch.Counts.add(b)
		}
		_, err = tx.ExecContext(ctx, `UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'`)
		return err
	})
	if err != nil {
		return Change{}, fmt.Errorf("apply: %w", err)
	}
	return ch, nil
}

// writer inserts briefings with prepared statements.
type writer struct {
	ctx                                                                   context.Context
	doc, sent, actor, alias, mention, statement, quantity, timeExpr, role *sql.Stmt
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.doc, `INSERT INTO documents (path, title, date, hash, size, sentences, facts) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&w.sent, `INSERT INTO sentences (doc_id, n, text) VALUES (?, ?, ?)`},
		{&w.actor, `INSERT INTO actors (doc_id, local, key, name, kind, title, org, country, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.alias, `INSERT OR IGNORE INTO aliases (alias, actor_id) VALUES (?, ?)`},
		{&w.mention, `INSERT INTO mentions (actor_id, sentence_id, text, start_byte, end_byte) VALUES (?, ?, ?, ?, ?)`},
		{&w.statement, `INSERT INTO statements (sentence_id, speaker_id, cue, content, direct, negated) VALUES (?, ?, ?, ?, ?, ?)`},
		{&w.quantity, `INSERT INTO quantities (sentence_id, text, value, high, unit, hedge, counted, claimant_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.timeExpr, `INSERT INTO times (sentence_id, text, norm, event) VALUES (?, ?, ?, ?)`},
		{&w.role, `INSERT INTO roles (sentence_id, actor_id, title, of) VALUES (?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*st.dst = p
	}
	return w, nil
}

func (w *writer) close() {
	for _, p := range []*sql.Stmt{w.doc, w.sent, w.actor, w.alias, w.mention, w.statement, w.quantity, w.timeExpr, w.role} {
		if p != nil {
			p.Close()
		}
	}
}

func (w *writer) write(b *knowledge.Briefing) error {
	var c Counts
	c.add(b)
	res, err := w.doc.ExecContext(w.ctx, b.Path, b.Title, b.Date, b.Hash, len(b.Text), len(b.Sentences), c.Facts())
	if err != nil {
		return err
	}
	docID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	sentIDs := make([]int64, len(b.Sentences)+1) // by sentence number
	for _, s := range b.Sentences {
		res, err := w.sent.ExecContext(w.ctx, docID, s.N, s.Text)
		if err != nil {
			return err
		}
		if sentIDs[s.N], err = res.LastInsertId(); err != nil {
			return err
		}
	}
	sentence := func(n int) (int64, error) {
		if n < 1 || n >= len(sentIDs) || sentIDs[n] == 0 {
			return 0, fmt.Errorf("fact points at sentence %d of %d", n, len(b.Sentences))
		}
		return sentIDs[n], nil
	}
	actorIDs := make([]int64, len(b.Actors))
	actor := func(i int) (int64, error) {
		if i < 0 || i >= len(actorIDs) {
			return 0, fmt.Errorf("fact points at actor %d of %d", i, len(actorIDs))
		}
		return actorIDs[i], nil
	}
	for i, a := range b.Actors {
		res, err := w.actor.ExecContext(w.ctx, docID, i, a.Key, a.Name, string(a.Kind), a.Title, a.Org, a.Country, a.Description)
		if err != nil {
			return err
		}
		if actorIDs[i], err = res.LastInsertId(); err != nil {
			return err
		}
		for _, al := range a.Aliases {
			if _, err := w.alias.ExecContext(w.ctx, al, actorIDs[i]); err != nil {
				return err
			}
		}
		for _, m := range a.Mentions {
			sid, err := sentence(m.Sentence)
			if err != nil {
				return err
			}
			if _, err := w.mention.ExecContext(w.ctx, actorIDs[i], sid, m.Text, m.Start, m.End); err != nil {
				return err
			}
		}
	}
	for _, st := range b.Statements {
		sid, err := sentence(st.Sentence)
		if err != nil {
			return err
		}
		aid, err := actor(st.Speaker)
		if err != nil {
			return err
		}
		if _, err := w.statement.ExecContext(w.ctx, sid, aid, st.Cue, st.Content, st.Direct, st.Negated); err != nil {
			return err
		}
	}
	for _, q := range b.Quantities {
		sid, err := sentence(q.Sentence)
		if err != nil {
			return err
		}
		var claimant any
		if q.Claimant >= 0 {
			if claimant, err = actor(q.Claimant); err != nil {
				return err
			}
		}
		if _, err := w.quantity.ExecContext(w.ctx, sid, q.Text, q.Value, q.High, q.Unit, q.Hedge, q.Counted, claimant, q.Source); err != nil {
			return err
		}
	}
	for _, t := range b.Times {
		sid, err := sentence(t.Sentence)
		if err != nil {
			return err
		}
		if _, err := w.timeExpr.ExecContext(w.ctx, sid, t.Text, t.Norm, t.Event); err != nil {
			return err
		}
	}
	for _, r := range b.Roles {
		sid, err := sentence(r.Sentence)
		if err != nil {
			return err
		}
		aid, err := actor(r.Person)
		if err != nil {
			return err
		}
		if _, err := w.role.ExecContext(w.ctx, sid, aid, r.Title, r.Of); err != nil {
			return err
		}
	}
	return nil
}

// ErrNotFound is returned when a looked-up thing is not in the store.
var ErrNotFound = errors.New("not found")

// Hit is one sentence found by a search.
type Hit struct {
	SentenceID int64
	DocPath    string
	DocTitle   string
	DocDate    string
	N          int
	Text       string
	Score      float64 // bm25: lower is better
}

// Search runs an FTS5 MATCH expression over sentences and returns the best hits by
// bm25. The caller builds match from quoted terms: see Terms.
func (s *Store) Search(ctx context.Context, match string, limit int) ([]Hit, error) {
	if strings.TrimSpace(match) == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, d.path, d.title, d.date, s.n, s.text, f.score
		FROM (SELECT rowid, bm25(sentences_fts) AS score FROM sentences_fts
		      WHERE sentences_fts MATCH ? ORDER BY score LIMIT ?) AS f
		JOIN sentences s ON s.id = f.rowid
		JOIN documents d ON d.id = s.doc_id
		ORDER BY f.score`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return scanHits(rows)
}

func scanHits(rows *sql.Rows) ([]Hit, error) {
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.SentenceID, &h.DocPath, &h.DocTitle, &h.DocDate, &h.N, &h.Text, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, nil
}

// Terms builds an FTS5 expression that ORs the given words, each quoted so that no
// word can be read as query syntax.
func Terms(words []string) string {
	var b strings.Builder
	for _, w := range words {
		w = strings.ReplaceAll(w, `"`, `""`)
		if strings.TrimSpace(w) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" OR ")
		}
		b.WriteString(`"` + w + `"`)
	}
	return b.String()
}

// Totals counts everything stored.
func (s *Store) Totals(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),
		(SELECT COUNT(*) FROM actors), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(*) FROM quantities), (SELECT COUNT(*) FROM times),
		(SELECT COUNT(*) FROM roles)`).Scan(&c.Documents, &c.Sentences, &c.Actors, &c.Statements, &c.Quantities, &c.Times, &c.Roles)
	if err != nil {
		return c, fmt.Errorf("totals: %w", err)
	}
	return c, nil
}
