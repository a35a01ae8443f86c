// Package pgtest starts throwaway PostgreSQL clusters for tests: initdb in a
// temporary folder, a server on a free 127.0.0.1 port with fsync off, a fresh
// database per test. When run as root the server runs as the postgres user.
// Tests skip, saying why, when PostgreSQL is not installed.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running throwaway server.
type Cluster struct {
	Dir  string // the data folder
	Port int
	bin  string
	cred *syscall.Credential
	log  string
}

// ErrNotInstalled is returned when initdb is found neither in PATH nor in
// /usr/lib/postgresql/*/bin.
var ErrNotInstalled = errors.New("PostgreSQL is not installed (no initdb in PATH or /usr/lib/postgresql/*/bin; apt-get install postgresql)")

// binDir finds the folder of initdb and pg_ctl.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		// A link in PATH leads to the folder of the other programs.
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		return filepath.Dir(p), nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return "", ErrNotInstalled
	}
	return filepath.Dir(matches[len(matches)-1]), nil
}

// credential is the postgres user's, when running as root (the server refuses
// to run as root), else nil.
func credential() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, and there is no postgres user to run the server as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// Start initialises a cluster in a new folder under parent and starts it.
func Start(parent string) (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	cred, err := credential()
	if err != nil {
		return nil, err
	}
	base, err := os.MkdirTemp(parent, "pg")
	if err != nil {
		return nil, fmt.Errorf("start cluster: %w", err)
	}
	c := &Cluster{Dir: filepath.Join(base, "data"), bin: bin, cred: cred, log: filepath.Join(base, "server.log")}
	if cred != nil {
		if err := reachable(base); err != nil {
			return nil, fmt.Errorf("start cluster: %w", err)
		}
		if err := os.Chown(base, int(cred.Uid), int(cred.Gid)); err != nil {
			return nil, fmt.Errorf("start cluster: %w", err)
		}
	}
	if err := c.run("initdb", "-D", c.Dir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"); err != nil {
		return nil, fmt.Errorf("start cluster: %w", err)
	}
	if c.Port, err = freePort(); err != nil {
		return nil, fmt.Errorf("start cluster: %w", err)
	}
	if err := c.Restart(); err != nil {
		return nil, err
	}
	return c, nil
}

// reachable lets other users pass through (not list) dir and the folders
// above it up to the temporary folder, so that the server's user reaches its
// data folder inside a test's temporary folder.
func reachable(dir string) error {
	tmp := filepath.Clean(os.TempDir())
	for d := filepath.Clean(dir); d != tmp && strings.HasPrefix(d, tmp+string(filepath.Separator)); d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil {
			return err
		}
		if err := os.Chmod(d, info.Mode().Perm()|0o011); err != nil {
			return err
		}
	}
	return nil
}

// StartStandby makes a streaming standby of c in a new folder under parent
// (pg_basebackup -R: it follows c's write-ahead log) and starts it.
func (c *Cluster) StartStandby(parent string) (*Cluster, error) {
	base, err := os.MkdirTemp(parent, "standby")
	if err != nil {
		return nil, fmt.Errorf("start standby: %w", err)
	}
	s := &Cluster{Dir: filepath.Join(base, "data"), bin: c.bin, cred: c.cred, log: filepath.Join(base, "server.log")}
	if s.cred != nil {
		if err := reachable(base); err != nil {
			return nil, fmt.Errorf("start standby: %w", err)
		}
		if err := os.Chown(base, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			return nil, fmt.Errorf("start standby: %w", err)
		}
	}
	if err := s.run("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(c.Port), "-U", "postgres",
		"-D", s.Dir, "-R", "-X", "stream", "--no-sync", "-c", "fast"); err != nil {
		return nil, fmt.Errorf("start standby: %w", err)
	}
	if s.Port, err = freePort(); err != nil {
		return nil, fmt.Errorf("start standby: %w", err)
	}
	if err := s.Restart(); err != nil {
		return nil, fmt.Errorf("start standby: %w", err)
	}
	return s, nil
}

// WaitReplayed waits until standby has replayed everything written to c so
// far, or ctx ends.
func (c *Cluster) WaitReplayed(ctx context.Context, standby *Cluster) error {
	p, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return fmt.Errorf("wait for the standby: %w", err)
	}
	defer p.Close(ctx)
	var lsn string
	// A record written now ends after everything written before: the
	// standby has replayed all once it has replayed that. (The insert position
	// itself may sit past a page header that no record reaches until the next
	// write, seconds later on an idle server.)
	if err := p.QueryRow(ctx, `SELECT pg_logical_emit_message(false, 'pgtest', 'replayed?')::text`).Scan(&lsn); err != nil {
		return fmt.Errorf("wait for the standby: %w", err)
	}
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 500*time.Millisecond) {
		var done bool
		s, err := pgx.Connect(ctx, standby.URL("postgres"))
		if err == nil {
			err = s.QueryRow(ctx, `SELECT COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)`, lsn).Scan(&done)
			s.Close(ctx)
		}
		if err == nil && done {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for the standby: %w (last error: %v)", ctx.Err(), err)
		case <-time.After(wait):
		}
	}
}

// StartStandby starts a standby of c in tb.TempDir(), stopped when the test
// ends.
func StartStandby(tb testing.TB, c *Cluster) *Cluster {
	tb.Helper()
	s, err := c.StartStandby(tb.TempDir())
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() { s.Stop() })
	return s
}

// Restart starts the server again after Stop.
func (c *Cluster) Restart() error {
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c wal_retrieve_retry_interval=100ms", c.Port)
	if err := c.run("pg_ctl", "start", "-w", "-t", "120", "-D", c.Dir, "-l", c.log, "-o", opts); err != nil {
		log, _ := os.ReadFile(c.log)
		return fmt.Errorf("start server: %w\n%s", err, log)
	}
	return nil
}

// Stop stops the server at once (pg_ctl -m immediate).
func (c *Cluster) Stop() error {
	if err := c.run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", c.Dir); err != nil {
		return fmt.Errorf("stop server: %w", err)
	}
	return nil
}

func (c *Cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	cmd.Dir = os.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", name, err, out)
	}
	return nil
}

// URL is the address of database db.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, db)
}

// Same returns the URL of the database that dbURL names, on c (a standby of
// the cluster dbURL points at, say).
func (c *Cluster) Same(dbURL string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", fmt.Errorf("same database: %w", err)
	}
	u.Host = fmt.Sprintf("127.0.0.1:%d", c.Port)
	return u.String(), nil
}

var dbSeq atomic.Int64

// NewDatabase creates an empty database and returns its URL.
func (c *Cluster) NewDatabase(ctx context.Context) (string, error) {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return "", fmt.Errorf("new database: %w", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", fmt.Errorf("new database: %w", err)
	}
	return c.URL(name), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

var (
	shared    *Cluster
	sharedErr error
	sharedDir string
	once      sync.Once
	// mainCalled is set by Main, which stops the shared cluster.
	mainCalled bool
)

// Main runs a test package's tests with one shared cluster, started on first
// use by URL and stopped when the tests end. Call it from TestMain.
func Main(m *testing.M) {
	mainCalled = true
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// URL returns the URL of a fresh database on the package's shared cluster (see
// Main, which must have been called); it skips the test when PostgreSQL is
// not installed.
func URL(tb testing.TB) string {
	tb.Helper()
	if !mainCalled {
		tb.Fatal("pgtest.URL: call pgtest.Main from the package's TestMain, which stops the shared cluster (or use StartCluster)")
	}
	once.Do(func() {
		sharedDir, sharedErr = os.MkdirTemp("", "pgtest")
		if sharedErr == nil {
			shared, sharedErr = Start(sharedDir)
		}
	})
	if errors.Is(sharedErr, ErrNotInstalled) {
		tb.Skipf("skipping: %v", sharedErr)
	}
	if sharedErr != nil {
		tb.Fatalf("pgtest: %v", sharedErr)
	}
	u, err := shared.NewDatabase(context.Background())
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	return u
}

// StartCluster starts a cluster of the test's own in tb.TempDir(), stopped when
// the test ends.
func StartCluster(tb testing.TB) *Cluster {
	tb.Helper()
	c, err := Start(tb.TempDir())
	if errors.Is(err, ErrNotInstalled) {
		tb.Skipf("skipping: %v", err)
	}
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() { c.Stop() })
	return c
}
