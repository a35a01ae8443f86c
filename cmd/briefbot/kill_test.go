//go:build unix

package main

// SIGKILL during a reload: the built binary ingests a folder large enough to
// take seconds and is killed at several points (reading, extracting, while
// the commit writes the log, at once). The store it leaves must be whole —
// the old knowledge or all of the new, never part of a document — must
// answer, and must let a later ingest complete.

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// buildBriefbot builds the command into a temporary folder.
func buildBriefbot(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "briefbot")
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// briefbotCmd prepares a run of the binary in a clean environment (no
// BRIEFBOT_ or DISCORD_ variables, an empty working folder without .env).
func briefbotCmd(ctx context.Context, t *testing.T, bin string, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = t.TempDir()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "BRIEFBOT_") && !strings.HasPrefix(kv, "DISCORD_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// copyFile copies src to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// bigSeeds makes a seeds folder whose ingest takes seconds: the seed, the
// shared SQuAD and BBC corpora when they are there, and generated variants of
// the seed (which name neither China nor Mark Rutte), up to about 6 MB in all.
func bigSeeds(t *testing.T) (dir string, names []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "seeds")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join("..", "..", "seeds", "north-korean-troops-in-russia.txt")
	copyFile(t, seed, filepath.Join(dir, filepath.Base(seed)))
	size := 0
	for _, pattern := range []string{
		filepath.Join("..", "..", "..", "shared", "eval", "squad", "corpus", "*.txt"),
		filepath.Join("..", "..", "..", "shared", "corpus", "bbc", "*.txt"),
	} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			dst := filepath.Join(dir, "c-"+filepath.Base(f))
			copyFile(t, f, dst)
			if fi, err := os.Stat(dst); err == nil {
				size += int(fi.Size())
			}
		}
	}
	text, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	places := []string{"Ostravia", "Belmark", "Quorin", "Talvesh", "Marrow", "Kestrel"}
	for i := 0; size < 6<<20; i++ {
		v := strings.NewReplacer("North Korea", places[i%len(places)]+" North", "Russia", places[(i+1)%len(places)],
			"China", places[(i+3)%len(places)], "Chinese", places[(i+3)%len(places)]+"n",
			"Mark Rutte", "Alda Brenn", "Rutte", "Brenn", "1,500", fmt.Sprint(1000+i)).Replace(string(text))
		v += fmt.Sprintf("\nBriefing %d closed with a note from the %s desk.\n", i, places[(i+2)%len(places)])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gen-%04d.txt", i)), []byte(v), 0o644); err != nil {
			t.Fatal(err)
		}
		size += len(v)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return dir, names
}

// storeState is what a store holds, read straight from SQLite (not through
// the library, which would bring the store up to date first).
type storeState struct {
	docs       []string
	generation string
	sentences  int
}

// inspectStore checks that the store at db is whole and returns what it
// holds: every document has exactly the sentences and facts its row counts
// and, when thorough, SQLite's and FTS5's integrity checks pass and foreign
// keys hold.
func inspectStore(t *testing.T, db string, thorough bool) storeState {
	t.Helper()
	defer func(start time.Time) { t.Logf("inspected the store in %v", time.Since(start).Round(time.Millisecond)) }(time.Now())
	conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var st storeState
	one := func(q string, dst any) {
		t.Helper()
		if err := conn.QueryRow(q).Scan(dst); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if thorough {
		// Under the race detector the test's own SQLite is slow: a
		// quick_check (no index contents) and no foreign-key scan there.
		var check string
		if raceEnabled {
			one("PRAGMA quick_check", &check)
		} else {
			one("PRAGMA integrity_check", &check)
		}
		if check != "ok" {
			t.Errorf("integrity check: %s", check)
		}
		if _, err := conn.Exec(`INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')`); err != nil {
			t.Errorf("FTS5 integrity-check: %v", err)
		}
		if !raceEnabled {
			rows, err := conn.Query("PRAGMA foreign_key_check")
			if err != nil {
				t.Fatal(err)
			}
			if rows.Next() {
				t.Error("foreign_key_check found orphans")
			}
			rows.Close()
		}
	}
	one(`SELECT value FROM meta WHERE key = 'generation'`, &st.generation)
	// What each document's row says, and what is stored for it, counted in
	// one pass per table.
	type counts struct{ sentences, lastN, facts int }
	stored := map[int64]*counts{}
	at := func(id int64) *counts {
		if stored[id] == nil {
			stored[id] = &counts{}
		}
		return stored[id]
	}
	each := func(q string, fn func(id int64, a, b int)) {
		t.Helper()
		rows, err := conn.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var a, b int
			if err := rows.Scan(&id, &a, &b); err != nil {
				t.Fatal(err)
			}
			fn(id, a, b)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	each(`SELECT doc_id, COUNT(*), MAX(n) FROM sentences GROUP BY doc_id`, func(id int64, n, last int) {
		at(id).sentences, at(id).lastN = n, last
	})
	each(`SELECT doc_id, COUNT(*), 0 FROM actors GROUP BY doc_id`, func(id int64, n, _ int) { at(id).facts += n })
	for _, table := range []string{"statements", "quantities", "times", "roles"} {
		each(`SELECT s.doc_id, COUNT(*), 0 FROM `+table+` x JOIN sentences s ON s.id = x.sentence_id GROUP BY s.doc_id`,
			func(id int64, n, _ int) { at(id).facts += n })
	}
	rows, err := conn.Query(`SELECT id, path, sentences, facts FROM documents ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		var path string
		var sentences, facts int
		if err := rows.Scan(&id, &path, &sentences, &facts); err != nil {
			t.Fatal(err)
		}
		c := at(id)
		seen[id] = true
		if c.sentences != sentences || c.lastN != sentences || c.facts != facts {
			t.Errorf("%s is partial: %d sentences counted, %d stored (last %d); %d facts counted, %d stored", path, sentences, c.sentences, c.lastN, facts, c.facts)
		}
		st.docs = append(st.docs, path)
		st.sentences += c.sentences
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for id := range stored {
		if !seen[id] {
			t.Errorf("rows of a document %d that is not stored", id)
		}
	}
	return st
}

// askJSON runs `briefbot ask --json` and decodes its answer.
func askJSON(t *testing.T, bin, seeds, db, question string) (answer struct {
	Answered  bool
	Answer    string
	Citations []struct {
		Document string
		Sentence int
	}
}) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := briefbotCmd(ctx, t, bin, nil, "ask", "--json", "--seeds", seeds, "--db", db, question)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, &answer); err != nil {
		t.Fatalf("ask printed %q: %v", out, err)
	}
	return answer
}

// killPoint says when to kill an ingest: trigger is called with each line
// of its standard error and polled every few milliseconds with the size of
// the store's write-ahead log; it returns true to kill.
type killPoint struct {
	name    string
	trigger func(line string, wal int64, since time.Duration) bool
}

func TestSIGKILLDuringReload(t *testing.T) {
	bin := buildBriefbot(t)
	seedsNew, names := bigSeeds(t)
	seedsOld := filepath.Join(t.TempDir(), "old")
	if err := os.MkdirAll(seedsOld, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(seedsNew, "north-korean-troops-in-russia.txt"), filepath.Join(seedsOld, "north-korean-troops-in-russia.txt"))

	// The old knowledge: the seed alone.
	base := filepath.Join(t.TempDir(), "old.db")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if out, err := briefbotCmd(ctx, t, bin, nil, "ingest", "--seeds", seedsOld, "--db", base).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	old := inspectStore(t, base, true)
	t.Logf("new folder: %d files; old store: %d documents", len(names), len(old.docs))

	// A full ingest, timed, to kill another one halfway.
	full := filepath.Join(t.TempDir(), "full.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(base + suffix); err == nil {
			copyFile(t, base+suffix, full+suffix)
		}
	}
	start := time.Now()
	if out, err := briefbotCmd(ctx, t, bin, nil, "ingest", "--seeds", seedsNew, "--db", full, "--progress", "off").CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	whole := time.Since(start)
	t.Logf("a full ingest of the new folder took %v", whole.Round(time.Millisecond))

	points := []killPoint{
		{"halfway", func(_ string, _ int64, since time.Duration) bool { return since > whole/2 }},
		{"at once", func(_ string, _ int64, since time.Duration) bool { return since > 50*time.Millisecond }},
		{"while extracting", func(line string, _ int64, _ time.Duration) bool { return strings.Contains(line, "extracting") }},
		{"when committing", func(line string, _ int64, _ time.Duration) bool { return strings.Contains(line, "committing") }},
		{"while the commit writes the log", func(_ string, wal int64, _ time.Duration) bool { return wal > 512<<10 }},
	}
	for _, p := range points {
		t.Run(p.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "briefbot.db")
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if _, err := os.Stat(base + suffix); err == nil {
					copyFile(t, base+suffix, db+suffix)
				}
			}
			killed, took := killIngest(t, bin, seedsNew, db, p)
			st := inspectStore(t, db, true)
			switch {
			case slices.Equal(st.docs, old.docs) && st.generation == old.generation:
				t.Logf("killed=%v after %v: the old knowledge (%d documents, generation %s)", killed, took.Round(time.Millisecond), len(st.docs), st.generation)
			case slices.Equal(st.docs, names):
				t.Logf("killed=%v after %v: all the new knowledge (%d documents, %d sentences, generation %s)", killed, took.Round(time.Millisecond), len(st.docs), st.sentences, st.generation)
			default:
				t.Errorf("killed=%v after %v: the store holds %d documents, neither the old %d nor the new %d: %q", killed, took, len(st.docs), len(old.docs), len(names), st.docs)
			}
			// It answers (bringing itself up to date first)...
			for q, want := range map[string]string{"who is Mark Rutte?": "NATO", "what did China say?": ""} {
				a := askJSON(t, bin, seedsNew, db, q)
				if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Answer, want) {
					t.Errorf("after the kill, %q answered %+v", q, a)
				}
				for _, c := range a.Citations {
					if !slices.Contains(names, c.Document) || c.Sentence < 1 {
						t.Errorf("after the kill, %q cites %s sentence %d", q, c.Document, c.Sentence)
					}
				}
			}
			// ...and a later ingest completes with nothing left to do.
			out, err := briefbotCmd(ctx, t, bin, nil, "ingest", "--seeds", seedsNew, "--db", db, "--progress", "off").CombinedOutput()
			if err != nil {
				t.Fatalf("ingest after the kill: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), fmt.Sprintf("0 added, 0 changed, 0 removed, %d unchanged", len(names))) || strings.Contains(string(out), "error:") {
				t.Errorf("ingest after the kill:\n%s", out)
			}
			if st := inspectStore(t, db, false); !slices.Equal(st.docs, names) {
				t.Errorf("after the ingest the store holds %d documents, want %d", len(st.docs), len(names))
			}
		})
	}
}

// killIngest runs `briefbot ingest` on db and SIGKILLs it at p, or lets it
// finish if p never triggers. It reports whether it killed it, and when.
func killIngest(t *testing.T, bin, seeds, db string, p killPoint) (killed bool, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := briefbotCmd(ctx, t, bin, nil, "ingest", "--seeds", seeds, "--db", db, "--progress", "lines")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	exited := make(chan error, 1)
	go func() {
		readers.Wait()
		exited <- cmd.Wait()
	}()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	var log []string
	for {
		line := ""
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("ingest failed on its own: %v\n%s", err, strings.Join(log, "\n"))
			}
			t.Logf("ingest finished before the kill point %q (%v)", p.name, time.Since(start).Round(time.Millisecond))
			return false, time.Since(start)
		case l, ok := <-lines:
			if !ok {
				lines = nil
				continue
			}
			line = l
			log = append(log, l)
		case <-tick.C:
		}
		var wal int64
		if fi, err := os.Stat(db + "-wal"); err == nil {
			wal = fi.Size()
		}
		if p.trigger(line, wal, time.Since(start)) {
			took = time.Since(start)
			if err := cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			err := <-exited
			if err == nil {
				t.Logf("ingest finished just before SIGKILL at %q", p.name)
				return false, took
			}
			t.Logf("SIGKILL at %q after %v (wal %d bytes, last line %q): %v", p.name, took.Round(time.Millisecond), wal, line, err)
			return true, took
		}
	}
}
