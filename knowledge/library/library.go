// Package library ties briefbot's knowledge together: it keeps a store in step
// with a seeds folder (reading, validating and extracting only what changed, in
// one transaction) and answers questions, dossiers and source listings from it.
//
// Reloads never overlap. A reload builds the new knowledge inside one
// transaction of the store (the embedded SQLite file, or the PostgreSQL
// database that shards on several machines share: see OpenStore), so answers
// in flight keep reading the old knowledge until it commits, and a failed or
// interrupted reload leaves the old knowledge serving.
package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
	"github.com/briefbot/briefbot/knowledge/extract"
	"github.com/briefbot/briefbot/knowledge/source"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Options configure a library.
type Options struct {
	// Source limits what briefing files are accepted.
	Source source.Options
	// Progress, when set, is called each time a file has been extracted and
	// stored during a reload, with the number done and the number to do.
	Progress func(done, total int)
	// OnProgress, when set, is called as a reload moves through its phases and,
	// while extracting, after each file. It is called from the reloading
	// goroutine, so it should return quickly.
	OnProgress func(Progress)
	// Workers is how many files are extracted at once; GOMAXPROCS when 0.
	Workers int
	// MaxIndexed is the most sentences the answer engine indexes in memory;
	// above it each question takes its candidates from the store's
	// full-text index (answer.Engine.SetMaxIndexed). 0 means
	// answer.DefaultMaxIndexed; IndexNone keeps none in memory.
	MaxIndexed int
}

// IndexNone, as Options.MaxIndexed, ranks every question on candidates from
// the store's full-text index.
const IndexNone = -1

// Phase names a step of a reload.
type Phase string

// The phases of a reload, in order. An up-to-date folder goes from Scanning to
// Done.
const (
	Scanning   Phase = "scanning"   // listing the folder, comparing it with the store
	Reading    Phase = "reading"    // reading and validating the briefings
	Extracting Phase = "extracting" // extracting facts and writing them to the store
	Committing Phase = "committing" // writing the last rows, committing the transaction
	Done       Phase = "done"
)

// Progress tells how far a reload has gone.
type Progress struct {
	Phase Phase
	// Done and Total count the files to extract (Extracting and later).
	Done, Total int
	// Sentences counts the sentences extracted and written so far.
	Sentences int
}

// Library serves the knowledge of one seeds folder from one store.
type Library struct {
	seeds  string
	opt    Options
	st     Store
	engine *answer.Engine

	reload sync.Mutex // held by the one reload allowed at a time
}

// Report tells what a reload did.
type Report struct {
	store.Change
	// Unchanged counts the files whose content matched the store.
	Unchanged int
	// Errors are the files that could not be loaded; what was stored for them before
	// is kept.
	Errors []error
	// Totals are the store's counts after the reload.
	Totals store.Counts
	// UpToDate is set when the folder was found unchanged since the last reload
	// by size and modification time alone, without reading the briefings.
	UpToDate bool
}

// Changed reports whether the reload changed the store.
func (r Report) Changed() bool {
	return len(r.Added)+len(r.Replaced)+len(r.Removed) > 0
}

// Open opens the store at dbPath (a file, or a postgres:// URL: see OpenStore)
// and brings it up to date with the seeds folder. A folder that cannot be read is an error only when the store holds nothing;
// otherwise the stored knowledge serves and the report says why it is stale.
//
// Opening a folder that has not changed since the last reload is fast: the
// store remembers the size, modification time and hash of every file it was
// built from, so only the files whose size or time changed are read.
func Open(ctx context.Context, dbPath, seeds string, opt Options) (*Library, Report, error) {
	l, rep, err := openLibrary(ctx, dbPath, seeds, opt)
	if err != nil && l != nil && isCorrupt(err) {
		// Damage found past the file's header: start afresh, as OpenStore does.
		if _, ok := l.st.(embedded); ok {
			l.Close()
			if err = moveAside(dbPath, err); err != nil {
				return nil, rep, err
			}
			l, rep, err = openLibrary(ctx, dbPath, seeds, opt)
		}
	}
	if err != nil && l != nil {
		docs, derr := l.st.Documents(ctx)
		if derr != nil || len(docs) == 0 {
			l.Close()
			return nil, rep, err
		}
		rep.Errors = append(rep.Errors, err)
		err = nil
	}
	return l, rep, err
}

// openLibrary opens the store and reloads it. The library is returned, with
// the reload's error, whenever the store opened.
func openLibrary(ctx context.Context, dbPath, seeds string, opt Options) (*Library, Report, error) {
	st, err := OpenStore(ctx, dbPath)
	if err != nil {
		return nil, Report{}, err
	}
	l := &Library{seeds: seeds, opt: opt, st: st, engine: answer.New(st)}
	if opt.MaxIndexed != 0 {
		l.engine.SetMaxIndexed(max(opt.MaxIndexed, 0))
	}
	if l.reloader() != nil {
		// A shard of a shared store that another process reloads.
		rep, err := l.serveOnly(ctx)
		return l, rep, err
	}
	rep, err := l.Reload(ctx)
	return l, rep, err
}

// Close closes the store.
func (l *Library) Close() error { return l.st.Close() }

// Store returns the library's store.
func (l *Library) Store() Store { return l.st }

// Seeds returns the seeds folder.
func (l *Library) Seeds() string { return l.seeds }

// ErrEmptyFolder is returned when a reload finds no briefings at all while the
// store holds some: the stored knowledge is kept.
var ErrEmptyFolder = errors.New("the seeds folder is empty")

// ErrReloading is returned when a reload is asked for while one runs, in this
// process or, on a shared store, in another.
var ErrReloading = store.ErrReloading

// Reload brings the store up to date with the seeds folder: new and changed files
// are extracted and stored, files gone from the folder are removed, all in one
// transaction. Files that fail to load keep their old knowledge. It waits for a
// reload already running; TryReload does not.
func (l *Library) Reload(ctx context.Context) (Report, error) {
	l.reload.Lock()
	defer l.reload.Unlock()
	return l.sync(ctx, nil)
}

// TryReload is Reload, but returns ErrReloading at once when a reload is running.
func (l *Library) TryReload(ctx context.Context) (Report, error) {
	return l.TryReloadWith(ctx, nil)
}

// TryReloadWith is TryReload that also calls progress (when not nil) as the
// reload goes, besides Options.OnProgress: a /reload command can show its own
// progress to whoever asked for it.
func (l *Library) TryReloadWith(ctx context.Context, progress func(Progress)) (Report, error) {
	if !l.reload.TryLock() {
		return Report{}, ErrReloading
	}
	defer l.reload.Unlock()
	return l.sync(ctx, progress)
}

// metaScan is the meta key under which the store keeps the scan of the folder
// it was last brought up to date with (see scanState).
const metaScan = "library.scan"

// scanState is what a reload remembers of the folder: the source options, the
// entries of the scan taken just before reading the folder, their fingerprint,
// and which of those files were rejected for their content.
type scanState struct {
	opt         source.Options
	fingerprint string
	entries     []source.Entry
	rejected    []string
}

// encode writes the state one item a line: a version, the options, the
// fingerprint, then "r PATH" per rejected file and "e SIZE MTIME HASH PATH" per
// entry, paths quoted.
func (s scanState) encode() string {
	var b strings.Builder
	b.Grow(64 + len(s.entries)*120)
	fmt.Fprintf(&b, "v1\no %d %d\nf %s\n", s.opt.MaxFileBytes, s.opt.MaxRunBytes, s.fingerprint)
	for _, p := range s.rejected {
		b.WriteString("r ")
		b.WriteString(strconv.Quote(p))
		b.WriteByte('\n')
	}
	for _, e := range s.entries {
		b.WriteString("e ")
		b.WriteString(strconv.FormatInt(e.Size, 10))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(e.ModTime.UnixNano(), 10))
		b.WriteByte(' ')
		b.WriteString(e.Hash)
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(e.Path))
		b.WriteByte('\n')
	}
	return b.String()
}

// decodeScan reads what encode wrote; ok is false for anything else.
func decodeScan(text string) (s scanState, ok bool) {
	lines := strings.Split(text, "\n")
	if len(lines) < 3 || lines[0] != "v1" {
		return s, false
	}
	if _, err := fmt.Sscanf(lines[1], "o %d %d", &s.opt.MaxFileBytes, &s.opt.MaxRunBytes); err != nil {
		return s, false
	}
	fp, found := strings.CutPrefix(lines[2], "f ")
	if !found {
		return s, false
	}
	s.fingerprint = fp
	s.entries = make([]source.Entry, 0, len(lines))
	for _, line := range lines[3:] {
		switch {
		case line == "":
		case strings.HasPrefix(line, "r "):
			p, err := strconv.Unquote(line[2:])
			if err != nil {
				return s, false
			}
			s.rejected = append(s.rejected, p)
		case strings.HasPrefix(line, "e "):
			f := strings.SplitN(line[2:], " ", 4)
			if len(f) != 4 {
				return s, false
			}
			size, err1 := strconv.ParseInt(f[0], 10, 64)
			mtime, err2 := strconv.ParseInt(f[1], 10, 64)
			p, err3 := strconv.Unquote(f[3])
			if err1 != nil || err2 != nil || err3 != nil {
				return s, false
			}
			s.entries = append(s.entries, source.Entry{Path: p, Size: size, ModTime: time.Unix(0, mtime), Hash: f[2]})
		default:
			return s, false
		}
	}
	return s, true
}

func (l *Library) sync(ctx context.Context, progress func(Progress)) (Report, error) {
	if err := l.reloader(); err != nil {
		return Report{}, fmt.Errorf("reload: %w", err)
	}
	var rep Report
	report := func(p Progress) {
		if l.opt.OnProgress != nil {
			l.opt.OnProgress(p)
		}
		if progress != nil {
			progress(p)
		}
	}
	report(Progress{Phase: Scanning})

	// The fast path: the folder's files have the sizes and times they had when
	// the store was last brought up to date, so nothing needs reading.
	var prev scanState
	var prevOK bool
	if text, err := l.st.Meta(ctx, metaScan); err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	} else if text != "" {
		prev, prevOK = decodeScan(text)
		prevOK = prevOK && prev.opt == l.opt.Source
	}
	upToDate := func(scanErrs []error) (Report, error) {
		rep.UpToDate = true
		rep.Errors = append(scanErrs, l.revalidate(prev.rejected)...)
		sortFileErrors(rep.Errors)
		rep.Unchanged = len(prev.entries) - len(prev.rejected)
		var err error
		if rep.Totals, err = l.st.Totals(ctx); err != nil {
			return rep, fmt.Errorf("reload: %w", err)
		}
		report(Progress{Phase: Done})
		return rep, nil
	}
	var known []source.Entry
	if prevOK {
		if unchanged(l.seeds, prev.entries) {
			return upToDate(nil)
		}
		known = prev.entries
	}
	entries, scanErrs, err := source.Scan(l.seeds, l.opt.Source, known)
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	cur := scanState{opt: l.opt.Source, fingerprint: source.Fingerprint(entries), entries: entries}
	if prevOK && cur.fingerprint == prev.fingerprint {
		if !sameTimes(prev.entries, entries) {
			// Files were touched, not changed: remember their new times so
			// that the next start need not read them again.
			cur.rejected = prev.rejected
			l.remember(ctx, cur)
		}
		return upToDate(scanErrs)
	}

	report(Progress{Phase: Reading})
	docs, err := l.st.Documents(ctx)
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	stored := map[string]string{}
	for _, d := range docs {
		stored[d.Path] = d.Hash
	}
	files, fileErrs, err := source.Load(l.seeds, l.opt.Source)
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	rep.Errors = fileErrs
	present := map[string]bool{}
	listed := make(map[string]bool, len(entries))
	for _, e := range entries {
		listed[e.Path] = true
	}
	for _, fe := range fileErrs {
		var e *source.FileError
		if errors.As(fe, &e) {
			p := relPath(l.seeds, e.Path)
			present[p] = true
			if listed[p] {
				cur.rejected = append(cur.rejected, p)
			}
		}
	}
	var todo []source.File
	for i := range files {
		f := &files[i]
		present[f.Path] = true
		if stored[f.Path] == f.Hash {
			rep.Unchanged++
			f.Text = "" // not needed: let it go
			continue
		}
		todo = append(todo, *f)
	}
	files = nil
	var remove []string
	for p := range stored {
		if !present[p] {
			remove = append(remove, p)
		}
	}
	sort.Strings(remove)
	// A folder that suddenly holds nothing (an unmounted volume, a wrong path)
	// would take every briefing away: keep serving them and say why.
	if len(present) == 0 && len(stored) > 0 {
		return rep, fmt.Errorf("reload: %w: %s holds no briefings; keeping the %d already loaded", ErrEmptyFolder, l.seeds, len(stored))
	}

	if len(todo) == 0 && len(remove) == 0 {
		// Nothing to serve differently: only the remembered scan is stale.
		l.remember(ctx, cur)
		return l.finish(ctx, rep, report)
	}
	in, err := l.st.Begin(ctx)
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	defer in.Rollback()
	for _, p := range remove {
		if err := in.Remove(p); err != nil {
			return rep, fmt.Errorf("reload: %w", err)
		}
	}
	sentences, err := l.extractAll(ctx, todo, in, report)
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	in.SetMeta(metaScan, cur.encode())
	report(Progress{Phase: Committing, Done: len(todo), Total: len(todo), Sentences: sentences})
	ch, err := in.Commit()
	if err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	rep.Change = ch
	return l.finish(ctx, rep, report)
}

// remember stores the scan of the folder for the next start, when the
// knowledge itself did not change. It is only a shortcut: when the store is
// busy or read-only, the next start reads the folder again.
func (l *Library) remember(ctx context.Context, s scanState) {
	in, err := l.st.Begin(ctx)
	if err != nil {
		return
	}
	defer in.Rollback()
	in.SetMeta(metaScan, s.encode())
	in.Commit()
}

// sameTimes reports whether two scans list the same files with the same sizes
// and modification times.
func sameTimes(a, b []source.Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || a[i].Size != b[i].Size || !a[i].ModTime.Equal(b[i].ModTime) {
			return false
		}
	}
	return true
}

func (l *Library) finish(ctx context.Context, rep Report, report func(Progress)) (Report, error) {
	var err error
	if rep.Totals, err = l.st.Totals(ctx); err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	report(Progress{Phase: Done, Done: len(rep.Added) + len(rep.Replaced), Total: len(rep.Added) + len(rep.Replaced), Sentences: rep.Counts.Sentences})
	return rep, nil
}

// unchanged reports, cheaply, whether the seeds folder holds exactly the
// briefing files of entries, with the same sizes and modification times. It
// lists the folder with one lstat per file, where source.Scan also resolves the
// links of every path, which costs several times more on a large folder. It
// follows the rules of package source's documentation (.txt and .md files, the
// extension in any case, at any depth; hidden files and folders skipped) and
// says false whenever in doubt: a link, an unreadable folder, a special file, a
// briefing not in entries. Then source.Scan decides.
func unchanged(dir string, entries []source.Entry) bool {
	root, err := filepath.Abs(dir)
	if err == nil {
		root, err = filepath.EvalSymlinks(root)
	}
	if err != nil {
		return false
	}
	want := make(map[string]*source.Entry, len(entries))
	for i := range entries {
		want[entries[i].Path] = &entries[i]
	}
	same, n := true, 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			same = false
			return fs.SkipAll
		}
		if p == root {
			if !d.IsDir() {
				same = false
				return fs.SkipAll
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			same = false
			return fs.SkipAll
		}
		if d.IsDir() {
			return nil
		}
		if ext := strings.ToLower(filepath.Ext(d.Name())); ext != ".txt" && ext != ".md" {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			same = false
			return fs.SkipAll
		}
		e := want[filepath.ToSlash(rel)]
		if e == nil {
			same = false
			return fs.SkipAll
		}
		info, err := d.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() != e.Size || !info.ModTime().Equal(e.ModTime) {
			same = false
			return fs.SkipAll
		}
		n++
		return nil
	})
	return err == nil && same && n == len(entries)
}

// revalidate reads the files a reload rejected for their content again, to
// report why, as Load would.
func (l *Library) revalidate(paths []string) []error {
	var errs []error
	for _, p := range paths {
		full := filepath.Join(l.seeds, filepath.FromSlash(p))
		data, err := os.ReadFile(full)
		if err != nil {
			errs = append(errs, &source.FileError{Path: full, Err: fmt.Errorf("%w: %w", source.ErrUnreadable, err)})
			continue
		}
		if _, err := source.Validate(data, l.opt.Source); err != nil {
			errs = append(errs, &source.FileError{Path: full, Err: err})
		}
	}
	return errs
}

func sortFileErrors(errs []error) {
	sort.SliceStable(errs, func(i, j int) bool {
		var a, b *source.FileError
		if errors.As(errs[i], &a) && errors.As(errs[j], &b) {
			return a.Path < b.Path
		}
		return false
	})
}

// extractAll extracts files on several goroutines and writes them to the
// ingest in their order as they come, so that extracting and writing overlap
// and only a window of extracted files is held in memory.
func (l *Library) extractAll(ctx context.Context, files []source.File, in Ingest, report func(Progress)) (sentences int, err error) {
	total := len(files)
	report(Progress{Phase: Extracting, Total: total})
	if total == 0 {
		return 0, nil
	}
	workers := l.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i int
		b *knowledge.Briefing
	}
	window := make(chan struct{}, 4*workers+8) // extracted but not yet written
	jobs := make(chan int)
	results := make(chan result, cap(window))
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f := &files[i]
				b := extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text})
				select {
				case results <- result{i, b}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]*knowledge.Briefing{}
	next := 0
	for r := range results {
		pending[r.i] = r.b
		for pending[next] != nil {
			b := pending[next]
			delete(pending, next)
			if err := in.Put(b); err != nil {
				cancel()
				return sentences, err
			}
			files[next].Text = "" // extracted and written: let it go
			next++
			sentences += len(b.Sentences)
			<-window
			if l.opt.Progress != nil {
				l.opt.Progress(next, total)
			}
			report(Progress{Phase: Extracting, Done: next, Total: total, Sentences: sentences})
		}
	}
	if err := ctx.Err(); err != nil {
		return sentences, err
	}
	if next < total {
		return sentences, fmt.Errorf("extracted %d of %d files", next, total)
	}
	return sentences, nil
}

// Ask answers a question.
// A shared store answers it from one snapshot, so that a reload committed
// meanwhile on another machine is seen whole or not at all.
func (l *Library) Ask(ctx context.Context, question string) (knowledge.Answer, error) {
	ctx, end, err := l.snapshot(ctx)
	if err != nil {
		return knowledge.Answer{Question: question, Citations: []knowledge.Citation{}}, fmt.Errorf("ask: %w", err)
	}
	defer end()
	return l.engine.Ask(ctx, question)
}

// Dossier is answer.Engine.Dossier, from one snapshot of a shared store as Ask.
func (l *Library) Dossier(ctx context.Context, name string) (answer.Dossier, error) {
	ctx, end, err := l.snapshot(ctx)
	if err != nil {
		return answer.Dossier{}, fmt.Errorf("dossier: %w", err)
	}
	defer end()
	return l.engine.Dossier(ctx, name)
}

// Warm prepares the answer engine for the store's current contents (see
// answer.Engine.Warm). It is cheap when they have not changed.
func (l *Library) Warm(ctx context.Context) error {
	// The indexes of a shared store are built from one generation.
	ctx, end, err := l.snapshot(ctx)
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	defer end()
	return l.engine.Warm(ctx)
}

// Sources lists the stored briefings, newest first.
func (l *Library) Sources(ctx context.Context) ([]store.DocInfo, error) {
	return l.st.Documents(ctx)
}

// Engine returns the answer engine.
func (l *Library) Engine() *answer.Engine { return l.engine }

// relPath turns a file error's path (the seeds folder joined with the file's
// path) back into the file's path relative to the folder.
func relPath(seeds, p string) string {
	if r, err := filepath.Rel(seeds, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}
