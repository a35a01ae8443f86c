package library_test

// Faults of the store: another connection holding the write lock (a busy or
// locked store), and a disk that fills up during a reload. Answers keep
// coming from the old knowledge; a reload waits for the lock (busy timeout)
// and then succeeds, or fails cleanly with the old knowledge kept.

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge/library"
	kstore "github.com/briefbot/briefbot/knowledge/store"

	_ "modernc.org/sqlite"
)

// rbLocker holds the store's write lock from a second connection, as another
// process writing to the store would.
type rbLocker struct {
	db   *sql.DB
	conn *sql.Conn
}

func rbLock(t testing.TB, dbPath string) *rbLocker {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := rbCtx(t)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatalf("taking the write lock: %v", err)
	}
	// A pending write, never committed.
	if _, err := conn.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('robust.lock', 'held')`); err != nil {
		t.Fatal(err)
	}
	l := &rbLocker{db: db, conn: conn}
	t.Cleanup(l.release)
	return l
}

// release rolls the locker's transaction back (once).
func (l *rbLocker) release() {
	if l.conn == nil {
		return
	}
	l.conn.ExecContext(context.Background(), "ROLLBACK")
	l.conn.Close()
	l.conn = nil
}

// rbAskLoop asks the seed question over and over until stop is closed and
// returns how many answers came and the first failure.
func rbAskLoop(t testing.TB, lib *library.Library, stop <-chan struct{}) (wait func() (int, error)) {
	var n atomic.Int64
	var first error
	var once sync.Once
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			a, err := lib.Ask(context.Background(), "what did China say?")
			if err == nil && !rbCites(a, rbSeedName, 18) {
				err = fmt.Errorf("answered %q citing %+v", a.Text, a.Citations)
			}
			if err != nil {
				once.Do(func() { first = err })
				return
			}
			n.Add(1)
			time.Sleep(time.Millisecond) // leave the CPU to the rest
		}
	}()
	return func() (int, error) {
		<-done
		return int(n.Load()), first
	}
}

// TestLockedStoreAnswersAndReloadWaits: while another connection holds the
// write lock, questions are answered (WAL readers), and a reload waits for
// the lock, then succeeds once it is released.
func TestLockedStoreAnswersAndReloadWaits(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	reading := make(chan struct{})
	var once sync.Once
	opt := library.Options{OnProgress: func(p library.Progress) {
		if p.Phase == library.Reading {
			once.Do(func() { close(reading) })
		}
	}}
	lib, _, db := rbOpen(t, seeds, opt)
	lock := rbLock(t, db)

	stop := make(chan struct{})
	wait := rbAskLoop(t, lib, stop)
	rbSeedAnswers(t, lib)
	rbQuellAnswers(t, lib)

	rbWrite(t, seeds, rbQuellName, strings.Replace(rbQuell, "double grain exports", "triple timber exports", 1))
	type result struct {
		rep library.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := lib.Reload(context.Background())
		done <- result{rep, err}
	}()
	<-reading
	// The reload is now at, or about to reach, the write lock; questions
	// still come from the old knowledge.
	for range 5 {
		rbSeedAnswers(t, lib)
		rbQuellAnswers(t, lib)
	}
	select {
	case r := <-done:
		t.Fatalf("the reload ended while another connection held the write lock: %+v, %v", r.rep.Change, r.err)
	default:
	}
	time.Sleep(50 * time.Millisecond) // let it wait on the lock a little; not asserted
	lock.release()
	r := <-done
	if r.err != nil {
		t.Fatalf("the reload failed after the lock was released (within the busy timeout): %v", r.err)
	}
	if a := rbAsk(t, lib, rbQuellQuestion); !strings.Contains(a.Text, "triple timber exports") {
		t.Errorf("after the reload %q answered %q", rbQuellQuestion, a.Text)
	}
	close(stop)
	n, err := wait()
	if err != nil {
		t.Errorf("a question failed while the store was locked: %v", err)
	}
	t.Logf("%d answers while the store was locked or reloading", n)
}

// TestLockedStoreReloadTimesOut: a write lock held for longer than the busy
// timeout makes the reload fail cleanly, saying why; the old knowledge keeps
// serving throughout, and a reload after the lock is gone succeeds.
func TestLockedStoreReloadTimesOut(t *testing.T) {
	if testing.Short() {
		t.Skipf("waits for the store's busy timeout (%v)", kstore.BusyTimeout)
	}
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	lib, _, db := rbOpen(t, seeds, library.Options{})
	lock := rbLock(t, db)
	stop := make(chan struct{})
	wait := rbAskLoop(t, lib, stop)

	rbWrite(t, seeds, rbQuellName, strings.Replace(rbQuell, "double grain exports", "triple timber exports", 1))
	rep, err := lib.Reload(rbCtx(t))
	if err == nil {
		t.Fatalf("the reload succeeded while another connection held the write lock: %+v", rep.Change)
	}
	t.Logf("reload error: %v", err)
	if !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "busy") {
		t.Errorf("the error does not say the store is locked: %v", err)
	}
	rbQuellAnswers(t, lib) // the old version
	rbSeedAnswers(t, lib)
	close(stop)
	if n, err := wait(); err != nil {
		t.Errorf("a question failed while the store was locked: %v", err)
	} else {
		t.Logf("%d answers while the store was locked", n)
	}

	lock.release()
	rep, err = lib.Reload(rbCtx(t))
	if err != nil {
		t.Fatalf("the reload after the lock was released: %v", err)
	}
	if a := rbAsk(t, lib, rbQuellQuestion); !strings.Contains(a.Text, "triple timber exports") {
		t.Errorf("after the reload %q answered %q", rbQuellQuestion, a.Text)
	}
}

// TestReloadsNeverOverlap: TryReload while a reload runs says so at once,
// and Reload waits for it.
func TestReloadsNeverOverlap(t *testing.T) {
	seeds := rbSeeds(t, nil)
	inside := make(chan struct{})
	release := make(chan struct{})
	var armed atomic.Bool
	opt := library.Options{OnProgress: func(p library.Progress) {
		if p.Phase == library.Reading && armed.CompareAndSwap(true, false) {
			close(inside)
			<-release
		}
	}}
	lib, _, _ := rbOpen(t, seeds, opt)
	rbWrite(t, seeds, rbQuellName, rbQuell)
	armed.Store(true)
	first := make(chan error, 1)
	go func() {
		_, err := lib.Reload(context.Background())
		first <- err
	}()
	<-inside
	if _, err := lib.TryReload(rbCtx(t)); err != library.ErrReloading {
		t.Errorf("TryReload during a reload: %v, want ErrReloading", err)
	}
	rbSeedAnswers(t, lib)
	second := make(chan error, 1)
	go func() {
		_, err := lib.Reload(context.Background())
		second <- err
	}()
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	rbQuellAnswers(t, lib)
}

// rbGenerated writes a briefing of about n bytes of varied sentences, whose
// many distinct words make the store grow fast. It names few actors, so that
// it extracts quickly.
func rbGenerated(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString("Generated briefing\n\n")
	places := []string{"Ostravia", "Belmark", "Quorin", "Talvesh"}
	for b.Len() < n {
		fmt.Fprintf(&b, "The convoy reached %s on day %d with %d trucks. ", places[r.IntN(len(places))], r.IntN(400), r.IntN(100000))
		fmt.Fprintf(&b, "The word zq%x appeared beside kv%x and mb%x.\n", r.Uint32(), r.Uint32(), r.Uint32())
	}
	return b.String()
}

// rbStoreFiles sums the sizes of the store's files.
func rbStoreFiles(db string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// TestFullStoreDuringReload is the same where no small file system can be
// mounted: the store is capped with SQLite's max_page_count (on every
// connection, through the store's file name), which fails writes with
// SQLITE_FULL ("database or disk is full") as a full disk does.
func TestFullStoreDuringReload(t *testing.T) {
	db := filepath.Join(t.TempDir(), "briefbot.db")
	// store.Open appends "?<its pragmas>" to the path: "&x=" swallows the
	// "?" and its first pragma (the busy timeout), given again here.
	rbFullDisk(t, db+"?_pragma=max_page_count(300)&_pragma=busy_timeout(10000)&x=")
}

func rbFullDisk(t *testing.T, db string) {
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	lib, rep, err := library.Open(rbCtx(t), db, seeds, library.Options{})
	if err != nil {
		t.Fatalf("library.Open: %v", err)
	}
	t.Cleanup(func() { lib.Close() })
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %q", rep.Errors)
	}
	rbSeedAnswers(t, lib)
	rbQuellAnswers(t, lib)
	t.Logf("store after the first load: %d bytes", rbStoreFiles(strings.SplitN(db, "?", 2)[0]))

	// A changed briefing and one too big for the space left.
	rbWrite(t, seeds, rbQuellName, strings.Replace(rbQuell, "double grain exports", "triple timber exports", 1))
	rbWrite(t, seeds, "huge.txt", rbGenerated(512<<10, 1))
	rep, err = lib.Reload(rbCtx(t))
	if err == nil {
		t.Fatalf("the reload into a full disk succeeded: %+v (store %d bytes)", rep.Change, rbStoreFiles(strings.SplitN(db, "?", 2)[0]))
	}
	t.Logf("reload error: %v", err)
	if !strings.Contains(err.Error(), "full") {
		t.Errorf("the error does not say the disk is full: %v", err)
	}
	// The old knowledge serves, the old version of quell.txt included.
	rbSeedAnswers(t, lib)
	rbQuellAnswers(t, lib)
	if _, _, ok := rbDoc(t, lib, "huge.txt"); ok {
		t.Error("part of the reload that failed was stored")
	}
	// A fresh start on the full store serves the old knowledge too.
	lib2, rep, err := library.Open(rbCtx(t), db, seeds, library.Options{})
	if err != nil {
		t.Fatalf("reopening the full store: %v", err)
	}
	t.Logf("reopened: errors %q", rep.Errors)
	rbSeedAnswers(t, lib2)
	rbQuellAnswers(t, lib2)
	lib2.Close()

	// With the big file gone, a reload fits and loads the change.
	if err := os.Remove(filepath.Join(seeds, "huge.txt")); err != nil {
		t.Fatal(err)
	}
	rep, err = lib.Reload(rbCtx(t))
	if err != nil {
		t.Fatalf("the reload after making room: %v", err)
	}
	if a := rbAsk(t, lib, rbQuellQuestion); !strings.Contains(a.Text, "triple timber exports") {
		t.Errorf("after the reload %q answered %q", rbQuellQuestion, a.Text)
	}
	rbSeedAnswers(t, lib)
}

// TestReloadCancelledMidway: a reload whose context ends while it extracts
// (a shutdown timing out) rolls back: the old knowledge serves, and the next
// reload does the work.
func TestReloadCancelledMidway(t *testing.T) {
	seeds := rbSeeds(t, map[string]string{rbQuellName: rbQuell})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var armed atomic.Bool
	opt := library.Options{OnProgress: func(p library.Progress) {
		if p.Phase == library.Extracting && p.Done > 0 && armed.CompareAndSwap(true, false) {
			cancel()
		}
	}}
	lib, _, _ := rbOpen(t, seeds, opt)
	rbWrite(t, seeds, rbQuellName, strings.Replace(rbQuell, "double grain exports", "triple timber exports", 1))
	for i := range 20 {
		rbWrite(t, seeds, fmt.Sprintf("gen-%02d.txt", i), rbGenerated(20<<10, uint64(i)))
	}
	armed.Store(true)
	if _, err := lib.Reload(ctx); err == nil {
		t.Fatal("a cancelled reload succeeded")
	} else {
		t.Logf("reload error: %v", err)
	}
	rbQuellAnswers(t, lib) // the old version
	rbSeedAnswers(t, lib)
	if _, _, ok := rbDoc(t, lib, "gen-00.txt"); ok {
		t.Error("part of the cancelled reload was stored")
	}
	rep, err := lib.Reload(rbCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 20 || len(rep.Replaced) != 1 {
		t.Errorf("the reload after: added %d, replaced %q", len(rep.Added), rep.Replaced)
	}
	if a := rbAsk(t, lib, rbQuellQuestion); !strings.Contains(a.Text, "triple timber exports") {
		t.Errorf("after the reload %q answered %q", rbQuellQuestion, a.Text)
	}
}
