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
	"sync"
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
	// stmts are the read queries prepared, by text (see query).
	stmts sync.Map
}

// BusyTimeout is how long a statement waits for a lock held by another connection
// or process before it fails with SQLITE_BUSY.
const BusyTimeout = 10 * time.Second

// JournalSizeLimit is the size, in bytes, the write-ahead log is truncated to
// after a checkpoint.
const JournalSizeLimit = 64 << 20

// Open opens (creating it if needed) the store at path and brings its schema up to
// date. The path ":memory:" is not supported: use a file in a temporary folder.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(BusyTimeout/time.Millisecond))+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	// A big ingest grows the write-ahead log to the size of everything it
	// wrote; truncate it back after the checkpoint that follows.
	q.Add("_pragma", "journal_size_limit("+strconv.Itoa(JournalSizeLimit)+")")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	// Another process creating or migrating the same store can make the first
	// statements fail with SQLITE_BUSY before the busy timeout applies (turning
	// on WAL needs an exclusive lock): retry for as long as the timeout.
	deadline := time.Now().Add(BusyTimeout)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		err = s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-time.After(wait):
			continue
		}
		break
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// isBusy reports whether err is SQLite's "database is locked" or "busy".
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_LOCKED")
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// query runs a read query, prepared once per store rather than parsed at
// each call: an answer runs the same few queries, and their parse costs as
// much as the reading of small results. Only queries whose text is one of a
// few (their values in args) may come here: the one whose text grows with
// its arguments (DocFreq) has one per count of terms.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, ok := s.stmts.Load(query)
	if !ok {
		prepared, err := s.db.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		var loaded bool
		if st, loaded = s.stmts.LoadOrStore(query, prepared); loaded {
			prepared.Close()
		}
	}
	return st.(*sql.Stmt).QueryContext(ctx, args...)
}

// migrate applies the embedded migrations newer than the database's user_version.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	// Each step reads the version inside its own write transaction, so two
	// processes opening a new store at once apply each migration once.
	for i := range names {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			var version int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
				return err
			}
			if version > len(names) {
				return fmt.Errorf("store schema version %d is newer than this program (%d)", version, len(names))
			}
			if version > i {
				return nil
			}
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

// Meta returns the value of a key of the meta table, or "" when it is not set.
// Ingest.SetMeta sets keys.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// Change reports what one Apply or Ingest did.
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
	in, err := s.Begin(ctx)
	if err != nil {
		return Change{}, fmt.Errorf("apply: %w", err)
	}
	defer in.Rollback()
	for _, p := range remove {
		if err := in.Remove(p); err != nil {
			return Change{}, fmt.Errorf("apply: %w", err)
		}
	}
	for _, b := range add {
		if err := in.Put(b); err != nil {
			return Change{}, fmt.Errorf("apply: %w", err)
		}
	}
	ch, err := in.Commit()
	if err != nil {
		return Change{}, fmt.Errorf("apply: %w", err)
	}
	return ch, nil
}

// IngestCacheKiB is the page cache an ingest gives its connection while it
// writes (SQLite's default is 2 MiB); the connection returns to the default
// when the ingest ends.
const IngestCacheKiB = 256 << 10

// Ingest is one write transaction that stores, replaces and removes documents.
// Readers, in this process or another, keep seeing the knowledge as it was until
// Commit; Rollback (or an error) leaves it untouched. Rows are written in
// batches of many rows per statement, which lets the full-text index build its
// segments in memory instead of flushing them at every sentence.
//
// An Ingest is used by one goroutine at a time. Always call Rollback when done
// (it does nothing after Commit).
type Ingest struct {
	ctx  context.Context
	conn *sql.Conn
	tx   *sql.Tx

	existing map[string]int  // stored path -> facts, at Begin
	seen     map[string]bool // paths put or removed in this ingest
	ch       Change
	changed  bool
	meta     map[string]string

	next  [numTables]int64       // the next ID of each table with an ID
	rows  [numTables][]any       // buffered values, row after row
	stmts [numTables][]*sql.Stmt // by table, then by log2 of the rows
	done  bool
}

// The tables an ingest writes, in the order their rows are flushed (parents
// before children, for the foreign keys).
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
	insert string // "INSERT INTO t (cols) VALUES"
	cols   int
	id     bool // the first column is an INTEGER PRIMARY KEY the ingest assigns
}{
	tDocuments:  {`INSERT INTO documents (id, path, title, date, hash, size, sentences, facts) VALUES `, 8, true},
	tSentences:  {`INSERT INTO sentences (id, doc_id, n, text) VALUES `, 4, true},
	tActors:     {`INSERT INTO actors (id, doc_id, local, key, name, kind, title, org, country, description, mentions) VALUES `, 11, true},
	tAliases:    {`INSERT OR IGNORE INTO aliases (alias, actor_id) VALUES `, 2, false},
	tMentions:   {`INSERT INTO mentions (actor_id, sentence_id, text, start_byte, end_byte) VALUES `, 5, false},
	tStatements: {`INSERT INTO statements (id, sentence_id, speaker_id, cue, content, direct, negated) VALUES `, 7, true},
	tQuantities: {`INSERT INTO quantities (id, sentence_id, text, value, high, unit, hedge, counted, claimant_id, source) VALUES `, 10, true},
	tTimes:      {`INSERT INTO times (id, sentence_id, text, norm, event) VALUES `, 5, true},
	tRoles:      {`INSERT INTO roles (id, sentence_id, actor_id, title, of) VALUES `, 5, true},
}

var tableNames = [numTables]string{"documents", "sentences", "actors", "aliases", "mentions", "statements", "quantities", "times", "roles"}

// batchValues is how many values one INSERT binds at most (SQLite allows 32766);
// flushAt is how many buffered values make Put flush every table.
const (
	batchValues = 8192
	flushAt     = 64 << 10
)

// Begin starts an ingest. It takes the store's write lock at once (waiting up
// to BusyTimeout for another writer), so two ingests never interleave.
func (s *Store) Begin(ctx context.Context) (*Ingest, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	in := &Ingest{ctx: ctx, conn: conn, existing: map[string]int{}, seen: map[string]bool{}, meta: map[string]string{}}
	fail := func(err error) (*Ingest, error) {
		in.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	// A bigger page cache keeps the indexes being filled in memory; temporary
	// b-trees and statement journals stay in memory too.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", IngestCacheKiB)); err != nil {
		return fail(err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return fail(err)
	}
	if in.tx, err = conn.BeginTx(ctx, nil); err != nil {
		return fail(err)
	}
	rows, err := in.tx.QueryContext(ctx, `SELECT path, facts FROM documents`)
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
		if err := in.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+tableNames[t]).Scan(&max); err != nil {
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

func (in *Ingest) delete(path string) error {
	in.seen[path] = true
	in.changed = true
	in.ch.FactsRemoved += in.existing[path]
	_, err := in.tx.ExecContext(in.ctx, `DELETE FROM documents WHERE path = ?`, path)
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
	if err := in.buffer(b); err != nil {
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
	in.changed = true
	in.ch.Counts.add(b)
	if in.buffered() >= flushAt {
		if err := in.flush(); err != nil {
			return fmt.Errorf("put %s: %w", b.Path, err)
		}
	}
	return nil
}

// SetMeta sets a key of the meta table when the ingest commits. Setting meta
// alone does not count as a change of the knowledge.
func (in *Ingest) SetMeta(key, value string) { in.meta[key] = value }

// Commit writes what is buffered, counts the ingest in the generation when it
// changed the knowledge, and commits.
func (in *Ingest) Commit() (Change, error) {
	if in.done {
		return Change{}, errors.New("commit: ingest ended")
	}
	err := in.flush()
	if err == nil && in.changed {
		_, err = in.tx.ExecContext(in.ctx, `UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'`)
		if err == nil {
			err = in.recordTotals()
		}
	}
	for k, v := range in.meta {
		if err == nil {
			_, err = in.tx.ExecContext(in.ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
		}
	}
	if err == nil {
		err = in.tx.Commit()
		in.tx = nil
	}
	in.Rollback()
	if err != nil {
		return Change{}, fmt.Errorf("commit: %w", err)
	}
	return in.ch, nil
}

// recordTotals stores the counts with the generation being committed, for
// Totals.
func (in *Ingest) recordTotals() error {
	var gen string
	if err := in.tx.QueryRowContext(in.ctx, `SELECT value FROM meta WHERE key = 'generation'`).Scan(&gen); err != nil {
		return err
	}
	c, err := countAll(in.ctx, in.tx)
	if err != nil {
		return err
	}
	in.meta[MetaTotals] = FormatTotals(c, gen)
	return nil
}

// Rollback abandons the ingest, unless it was committed, and releases its
// connection.
func (in *Ingest) Rollback() {
	if in.done {
		return
	}
	in.done = true
	for _, sts := range in.stmts {
		for _, st := range sts {
			if st != nil {
				st.Close()
			}
		}
	}
	if in.tx != nil {
		in.tx.Rollback()
	}
	// Give the pool its connection back as other connections are.
	ctx := context.WithoutCancel(in.ctx)
	in.conn.ExecContext(ctx, "PRAGMA cache_size = -2000")
	in.conn.ExecContext(ctx, "PRAGMA temp_store = DEFAULT")
	in.conn.Close()
}

func (in *Ingest) buffered() int {
	n := 0
	for _, r := range in.rows {
		n += len(r)
	}
	return n
}

// add buffers one row of table t.
func (in *Ingest) add(t int, vals ...any) {
	in.rows[t] = append(in.rows[t], vals...)
}

// id assigns the next ID of table t.
func (in *Ingest) id(t int) int64 {
	id := in.next[t]
	in.next[t]++
	return id
}

// buffer checks a briefing's facts and buffers its rows.
func (in *Ingest) buffer(b *knowledge.Briefing) error {
	sentIDs := make([]int64, len(b.Sentences)+1) // by sentence number
	for _, s := range b.Sentences {
		if s.N < 1 || s.N > len(b.Sentences) || sentIDs[s.N] != 0 {
			return fmt.Errorf("sentence number %d out of place", s.N)
		}
		sentIDs[s.N] = -1
	}
	sentence := func(n int) (int64, error) {
		if n < 1 || n >= len(sentIDs) {
			return 0, fmt.Errorf("fact points at sentence %d of %d", n, len(b.Sentences))
		}
		return sentIDs[n], nil
	}
	actor := func(i int) (int64, error) {
		if i < 0 || i >= len(b.Actors) {
			return 0, fmt.Errorf("fact points at actor %d of %d", i, len(b.Actors))
		}
		return in.next[tActors] + int64(i), nil
	}
	// Check every reference before buffering anything.
	for _, a := range b.Actors {
		for _, m := range a.Mentions {
			if _, err := sentence(m.Sentence); err != nil {
				return err
			}
		}
	}
	for _, st := range b.Statements {
		if _, err := sentence(st.Sentence); err != nil {
			return err
		}
		if _, err := actor(st.Speaker); err != nil {
			return err
		}
	}
	for _, q := range b.Quantities {
		if _, err := sentence(q.Sentence); err != nil {
			return err
		}
		if q.Claimant >= 0 {
			if _, err := actor(q.Claimant); err != nil {
				return err
			}
		}
	}
	for _, t := range b.Times {
		if _, err := sentence(t.Sentence); err != nil {
			return err
		}
	}
	for _, r := range b.Roles {
		if _, err := sentence(r.Sentence); err != nil {
			return err
		}
		if _, err := actor(r.Person); err != nil {
			return err
		}
	}

	var c Counts
	c.add(b)
	docID := in.id(tDocuments)
	in.add(tDocuments, docID, b.Path, b.Title, b.Date, b.Hash, len(b.Text), len(b.Sentences), c.Facts())
	for _, s := range b.Sentences {
		sentIDs[s.N] = in.id(tSentences)
		in.add(tSentences, sentIDs[s.N], docID, s.N, s.Text)
	}
	actorBase := in.next[tActors]
	for i, a := range b.Actors {
		id := in.id(tActors)
		in.add(tActors, id, docID, i, a.Key, a.Name, string(a.Kind), a.Title, a.Org, a.Country, a.Description, len(a.Mentions))
		for _, al := range a.Aliases {
			in.add(tAliases, al, id)
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
	return nil
}

// flush writes every buffered row, parents first.
func (in *Ingest) flush() error {
	for t := range numTables {
		if err := in.flushTable(t); err != nil {
			return fmt.Errorf("write %s: %w", tableNames[t], err)
		}
	}
	return nil
}

func (in *Ingest) flushTable(t int) error {
	vals := in.rows[t]
	cols := tables[t].cols
	// Full statements of rowsPerStmt rows, then the rest in statements of
	// 2^k rows, largest first: every statement is prepared once per ingest.
	for k := maxShift(t); len(vals) > 0; k-- {
		size := (1 << k) * cols
		for len(vals) >= size {
			st, err := in.stmt(t, k)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(in.ctx, vals[:size]...); err != nil {
				return err
			}
			vals = vals[size:]
		}
	}
	clear(in.rows[t])
	in.rows[t] = in.rows[t][:0]
	return nil
}

// maxShift is the largest k with 2^k rows of table t in one statement.
func maxShift(t int) int {
	k := 0
	for (2<<k)*tables[t].cols <= batchValues {
		k++
	}
	return k
}

// stmt returns the prepared INSERT of 2^k rows into table t.
func (in *Ingest) stmt(t, k int) (*sql.Stmt, error) {
	if in.stmts[t] == nil {
		in.stmts[t] = make([]*sql.Stmt, maxShift(t)+1)
	}
	if in.stmts[t][k] == nil {
		st, err := in.tx.PrepareContext(in.ctx, insertSQL(t, 1<<k))
		if err != nil {
			return nil, err
		}
		in.stmts[t][k] = st
	}
	return in.stmts[t][k], nil
}

// insertSQL is an INSERT of n rows into table t.
func insertSQL(t, n int) string {
	row := "(" + placeholders(tables[t].cols) + ")"
	var b strings.Builder
	b.Grow(len(tables[t].insert) + n*(len(row)+1))
	b.WriteString(tables[t].insert)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(row)
	}
	return b.String()
}

// ErrNotFound is returned when a looked-up thing is not in the store.
var ErrNotFound = errors.New("not found")

// ErrReloading is returned by a shared store's Begin when another process,
// perhaps on another machine, is writing to it.
var ErrReloading = errors.New("a reload is already running")

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

// Totals counts everything stored. Each ingest that changes the knowledge
// records the counts with the generation it commits, so Totals costs one
// look-up; a store last written otherwise is counted row by row.
func (s *Store) Totals(ctx context.Context) (Counts, error) {
	var gen, cached string
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT value FROM meta WHERE key = 'generation'),
		COALESCE((SELECT value FROM meta WHERE key = ?), '')`, MetaTotals).Scan(&gen, &cached)
	if err != nil {
		return Counts{}, fmt.Errorf("totals: %w", err)
	}
	if c, ok := ParseTotals(cached, gen); ok {
		return c, nil
	}
	c, err := countAll(ctx, s.db)
	if err != nil {
		return c, fmt.Errorf("totals: %w", err)
	}
	return c, nil
}

// MetaTotals is the meta key of the counts recorded by the last ingest:
// "GENERATION DOCUMENTS SENTENCES ACTORS STATEMENTS QUANTITIES TIMES ROLES".
const MetaTotals = "store.totals"

// FormatTotals records counts taken at generation gen, as ParseTotals reads
// them.
func FormatTotals(c Counts, gen string) string {
	return fmt.Sprintf("%s %d %d %d %d %d %d %d", gen, c.Documents, c.Sentences, c.Actors, c.Statements, c.Quantities, c.Times, c.Roles)
}

// ParseTotals reads recorded counts, if they were recorded at generation gen.
func ParseTotals(v, gen string) (Counts, bool) {
	var c Counts
	f := strings.Fields(v)
	ptrs := []*int{&c.Documents, &c.Sentences, &c.Actors, &c.Statements, &c.Quantities, &c.Times, &c.Roles}
	if len(f) != len(ptrs)+1 || f[0] != gen {
		return c, false
	}
	for i, p := range ptrs {
		n, err := strconv.Atoi(f[i+1])
		if err != nil {
			return c, false
		}
		*p = n
	}
	return c, true
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// countAll counts the rows of every table.
func countAll(ctx context.Context, q queryer) (Counts, error) {
	var c Counts
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),
		(SELECT COUNT(*) FROM actors), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(*) FROM quantities), (SELECT COUNT(*) FROM times),
		(SELECT COUNT(*) FROM roles)`).Scan(&c.Documents, &c.Sentences, &c.Actors, &c.Statements, &c.Quantities, &c.Times, &c.Roles)
	return c, err
}
