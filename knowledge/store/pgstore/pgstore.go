// Package pgstore keeps briefings and their facts in PostgreSQL, reached with
// pgx (pure Go): the shared store for shards on several machines, where the
// embedded SQLite store (package store) needs them all on one.
//
// The schema is the embedded store's, from embedded migrations recorded in a
// table of applied versions. Every ingest is one transaction under an advisory
// lock, so reloads never overlap across machines (a second one gets
// store.ErrReloading), and readers see the old knowledge until it commits.
// Search uses the project's own stems (package stem) in a tsvector with a GIN
// index, so both stores find the same sentences. Snapshot gives an answer one
// REPEATABLE READ READ ONLY transaction: old knowledge or new, never a mix.
package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/briefbot/briefbot/knowledge/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys: one for migrations, one for ingests.
const (
	migrateLock = 0x62726965_66000001 // "brief", 1
	ingestLock  = 0x62726965_66000002
)

// Store is an open PostgreSQL store. It is safe for concurrent use.
type Store struct {
	pool    *pgxpool.Pool
	standby bool // a read-only standby: migrations and ingests run on the primary
}

// ErrStandby is returned by Begin on a standby server, which only reads.
var ErrStandby = errors.New("the store is a read-only standby: reloads run against the primary")

// Standby reports whether the store is a read-only standby server.
func (s *Store) Standby() bool { return s.standby }

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL) and brings its schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s := &Store{pool: pool}
	if err := pool.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&s.standby); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(cfg), err)
	}
	migrate := s.migrate
	if s.standby {
		migrate = s.checkSchema
	}
	if err := migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(cfg), err)
	}
	return s, nil
}

// Redact returns db fit for logs: a URL without its password, anything else
// (a file path) as it is.
func Redact(db string) string {
	if !IsURL(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://(unreadable URL)"
	}
	return u.Redacted()
}

// redact names the database without its password.
func redact(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("postgres://%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Close closes the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, each in its own transaction, under an advisory lock so that
// machines starting together apply each once.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for i, name := range names {
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrateLock)); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
				return err
			}
			var newest int
			if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&newest); err != nil {
				return err
			}
			if newest > len(names) {
				return fmt.Errorf("store schema version %d is newer than this program (%d)", newest, len(names))
			}
			if newest > i {
				return nil
			}
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, i+1, strings.TrimPrefix(name, "migrations/"))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// checkSchema makes sure a standby's schema, which only the primary can
// migrate, is one this program reads.
func (s *Store) checkSchema(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("check schema: %w", err)
	}
	var version int
	if err := s.pool.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("check schema: the primary has not made the store yet: %w", err)
	}
	if version != len(names) {
		return fmt.Errorf("check schema: the store's schema version is %d, this program's %d: open the primary with this program first", version, len(names))
	}
	return nil
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// snapshot is one read-only transaction that a context carries.
type snapshot struct {
	s  *Store
	mu sync.Mutex // a transaction runs one statement at a time
	tx pgx.Tx
}

type snapshotKey struct{}

// Snapshot starts a REPEATABLE READ READ ONLY transaction and returns a context
// carrying it: every read of this store under that context sees the knowledge
// as of one moment, whatever commits meanwhile. Call end when done.
func (s *Store) Snapshot(ctx context.Context) (snap context.Context, end func(), err error) {
	var tx pgx.Tx
	err = retry(s.retries(), func() (err error) {
		tx, err = s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		return err
	})
	if err != nil {
		return ctx, func() {}, fmt.Errorf("snapshot: %w", err)
	}
	sn := &snapshot{s: s, tx: tx}
	end = func() {
		sn.mu.Lock()
		defer sn.mu.Unlock()
		tx.Rollback(context.WithoutCancel(ctx))
	}
	return context.WithValue(ctx, snapshotKey{}, sn), end, nil
}

// q returns what reads under ctx use: its snapshot of this store, if any, else
// the pool. Call done when the rows are read.
func (s *Store) q(ctx context.Context) (q querier, done func()) {
	if sn, ok := ctx.Value(snapshotKey{}).(*snapshot); ok && sn.s == s {
		sn.mu.Lock()
		return sn.tx, sn.mu.Unlock
	}
	return s.pool, func() {}
}

// retries is how many times a read is tried again on a connection the server
// closed (restarted, failed over), each time on another connection of the
// pool, which drops the broken ones: more than the pool holds.
func (s *Store) retries() int { return int(s.pool.Config().MaxConns) + 1 }

// retry runs the read fn again, up to n times, while it fails on a broken
// connection. Reads change nothing, so running one twice is harmless.
func retry(n int, fn func() error) error {
	err := fn()
	for i := 0; i < n && err != nil && broken(err); i++ {
		err = fn()
	}
	return err
}

// broken reports whether err says the connection is gone, rather than that
// the statement failed.
func broken(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// admin_shutdown, crash_shutdown, cannot_connect_now
		return pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	return pgconn.SafeToRetry(err) || errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// retriesFor is how often a read through q is retried: never within a
// transaction, which a broken connection ends.
func (s *Store) retriesFor(q querier) int {
	if q == querier(s.pool) {
		return s.retries()
	}
	return 0
}

// each runs a query and calls fn for each row.
func (s *Store) each(ctx context.Context, query string, args []any, fn func(pgx.Rows) error) error {
	q, done := s.q(ctx)
	defer done()
	var rows pgx.Rows
	err := retry(s.retriesFor(q), func() (err error) {
		rows, err = q.Query(ctx, query, args...)
		return err
	})
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

// row runs a query of one row.
func (s *Store) row(ctx context.Context, query string, args []any, dest ...any) error {
	q, done := s.q(ctx)
	defer done()
	return retry(s.retriesFor(q), func() error { return q.QueryRow(ctx, query, args...).Scan(dest...) })
}

// Generation counts the ingests committed to the store, on any machine.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var v string
	if err := s.row(ctx, `SELECT value FROM meta WHERE key = 'generation'`, nil, &v); err != nil {
		return 0, fmt.Errorf("generation: %w", err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("generation: %w", err)
	}
	return n, nil
}

// Meta returns the value of a key of the meta table, or "" when it is not set.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.row(ctx, `SELECT value FROM meta WHERE key = $1`, []any{key}, &v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// Documents lists the stored documents, newest date first, then by path.
func (s *Store) Documents(ctx context.Context) ([]store.DocInfo, error) {
	var docs []store.DocInfo
	err := s.each(ctx, `SELECT id, path, title, date, hash, size, sentences, facts FROM documents ORDER BY date DESC, path`, nil,
		func(r pgx.Rows) error {
			var d store.DocInfo
			if err := r.Scan(&d.ID, &d.Path, &d.Title, &d.Date, &d.Hash, &d.Size, &d.Sentences, &d.Facts); err != nil {
				return err
			}
			docs = append(docs, d)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return docs, nil
}

// metaTokens is the meta key of the number of tokens of every sentence, for
// bm25's average sentence length.
const metaTokens = "store.tokens"

// Totals counts everything stored: one look-up of the counts the last ingest
// recorded, or a count of every table.
func (s *Store) Totals(ctx context.Context) (store.Counts, error) {
	var gen, cached string
	err := s.row(ctx, `SELECT (SELECT value FROM meta WHERE key = 'generation'),
		COALESCE((SELECT value FROM meta WHERE key = $1), '')`, []any{store.MetaTotals}, &gen, &cached)
	if err != nil {
		return store.Counts{}, fmt.Errorf("totals: %w", err)
	}
	if c, ok := store.ParseTotals(cached, gen); ok {
		return c, nil
	}
	q, done := s.q(ctx)
	defer done()
	c, err := countAll(ctx, q)
	if err != nil {
		return c, fmt.Errorf("totals: %w", err)
	}
	return c, nil
}

// countAll counts the rows of every table.
func countAll(ctx context.Context, q querier) (store.Counts, error) {
	var c store.Counts
	err := q.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences),
		(SELECT COUNT(*) FROM actors), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(*) FROM quantities), (SELECT COUNT(*) FROM times),
		(SELECT COUNT(*) FROM roles)`).Scan(&c.Documents, &c.Sentences, &c.Actors, &c.Statements, &c.Quantities, &c.Times, &c.Roles)
	return c, err
}
