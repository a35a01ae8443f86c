package library

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/store"
	"github.com/briefbot/briefbot/knowledge/store/pgstore"
)

// Store is what a library needs of its store: what the answer engine reads,
// plus listing, writing and searching. Two implementations exist: the embedded
// SQLite store (package store, the default) and the shared PostgreSQL store
// (package pgstore, for shards on several machines).
type Store interface {
	answer.Store
	Documents(ctx context.Context) ([]store.DocInfo, error)
	Meta(ctx context.Context, key string) (string, error)
	Totals(ctx context.Context) (store.Counts, error)
	Search(ctx context.Context, match string, limit int) ([]store.Hit, error)
	Briefing(ctx context.Context, path string) (*knowledge.Briefing, error)
	// AddFeedback stores a user's vote on an answer; Feedbacks lists them.
	AddFeedback(ctx context.Context, f store.Feedback) error
	Feedbacks(ctx context.Context) ([]store.Feedback, error)
	// Begin starts one write transaction.
	Begin(ctx context.Context) (Ingest, error)
	Close() error
}

// Ingest is one write transaction of a store (store.Ingest, pgstore.Ingest).
type Ingest interface {
	Remove(path string) error
	Put(b *knowledge.Briefing) error
	SetMeta(key, value string)
	Commit() (store.Change, error)
	Rollback()
}

// snapshotter is a store that can give an answer one consistent snapshot.
type snapshotter interface {
	Snapshot(ctx context.Context) (context.Context, func(), error)
}

// snapshot returns a context reading one snapshot of a shared store, and the
// function that ends it; an embedded store's reads need none.
func (l *Library) snapshot(ctx context.Context) (context.Context, func(), error) {
	if sn, ok := l.st.(snapshotter); ok {
		return sn.Snapshot(ctx)
	}
	return ctx, func() {}, nil
}

// The implementations.
var (
	_ answer.Store = (*store.Store)(nil)
	_ answer.Store = (*pgstore.Store)(nil)
	_ Ingest       = (*store.Ingest)(nil)
	_ Ingest       = (*pgstore.Ingest)(nil)
	_ Store        = embedded{}
	_ Store        = shared{}
	_ snapshotter  = (*pgstore.Store)(nil)

	_ answer.CandidateStore = embedded{}
	_ answer.CandidateStore = shared{}
)

// embedded is the SQLite store as a library's Store.
type embedded struct{ *store.Store }

func (e embedded) Begin(ctx context.Context) (Ingest, error) {
	in, err := e.Store.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return in, nil
}

// shared is the PostgreSQL store as a library's Store.
type shared struct{ *pgstore.Store }

func (s shared) Begin(ctx context.Context) (Ingest, error) {
	in, err := s.Store.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return in, nil
}

// OpenStore opens the store named by db: a postgres:// (or postgresql://) URL
// is the shared PostgreSQL store, anything else the path of the embedded
// SQLite store. An embedded store that is corrupt or unreadable is moved aside
// with a warning and a new one made, to be rebuilt from the briefings.
func OpenStore(ctx context.Context, db string) (Store, error) {
	if pgstore.IsURL(db) {
		st, err := pgstore.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return shared{st}, nil
	}
	st, err := store.Open(ctx, db)
	if err != nil && isCorrupt(err) {
		if err = moveAside(db, err); err == nil {
			st, err = store.Open(ctx, db)
		}
	}
	if err != nil {
		return nil, err
	}
	return embedded{st}, nil
}

// corruptMarks are the SQLite messages of a file that is damaged or not a
// database at all.
var corruptMarks = []string{
	"database disk image is malformed",
	"file is not a database",
	"SQLITE_CORRUPT",
	"SQLITE_NOTADB",
}

// isCorrupt reports whether err says the SQLite file is damaged.
func isCorrupt(err error) bool {
	msg := err.Error()
	for _, m := range corruptMarks {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// moveAside renames a damaged store file (and its write-ahead log and shared
// memory) to NAME.corrupt-TIME, saying so on the log. The store is derived from
// the briefings, so nothing is lost that a reload does not rebuild.
func moveAside(path string, cause error) error {
	aside := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405")
	for i := 2; exists(aside); i++ {
		aside = fmt.Sprintf("%s.corrupt-%s-%d", path, time.Now().UTC().Format("20060102T150405"), i)
	}
	if err := os.Rename(path, aside); err != nil {
		return fmt.Errorf("move damaged store aside: %w (it was: %w)", err, cause)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+suffix, aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("move damaged store aside: %w", err)
		}
	}
	slog.Warn("the store is damaged: moved it aside, rebuilding it from the briefings", "store", path, "moved_to", aside, "error", cause)
	return nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// ErrNotReloader is returned by a reload asked of a process that serves a
// shared store without reloading it: one on a standby, or one without the
// seeds folder. The process connected to the primary whose seeds folder holds
// the briefings reloads them for every shard.
var ErrNotReloader = errors.New("this process does not reload the shared store")

// reloader says why this library must not reload its store, or nil when it
// may: always for an embedded store; for a shared store, when it is the
// primary and the seeds folder exists.
func (l *Library) reloader() error {
	sh, ok := l.st.(shared)
	if !ok {
		return nil
	}
	if sh.Standby() {
		return fmt.Errorf("%w: it reads a standby server; reloads run on the shard connected to the primary that holds the seeds folder", ErrNotReloader)
	}
	if info, err := os.Stat(l.seeds); err != nil || !info.IsDir() {
		return fmt.Errorf("%w: it has no seeds folder %s; reloads run on the shard whose seeds folder holds the briefings", ErrNotReloader, l.seeds)
	}
	return nil
}

// serveOnly opens a shared store that another process reloads: it must hold
// briefings already.
func (l *Library) serveOnly(ctx context.Context) (Report, error) {
	var rep Report
	var err error
	if rep.Totals, err = l.st.Totals(ctx); err != nil {
		return rep, fmt.Errorf("open: %w", err)
	}
	if rep.Totals.Documents == 0 {
		return rep, fmt.Errorf("open: the shared store holds no briefings yet, and %w", l.reloader())
	}
	rep.UpToDate = true
	return rep, nil
}
