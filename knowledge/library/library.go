// Package library ties briefbot's knowledge together: it keeps a store in step
// with a seeds folder (reading, validating and extracting only what changed, in
// one transaction) and answers questions, dossiers and source listings from it.
//
// Reloads never overlap. A reload builds the new knowledge inside one SQLite
// transaction, so answers in flight keep reading the old knowledge until it
// commits, and a failed or interrupted reload leaves the old knowledge serving.
package library

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

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
	// Progress, when set, is called as files are extracted during a reload.
	Progress func(done, total int)
}

// Library serves the knowledge of one seeds folder from one store.
type Library struct {
	seeds  string
	opt    Options
	st     *store.Store
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
}

// Changed reports whether the reload changed the store.
func (r Report) Changed() bool {
	return len(r.Added)+len(r.Replaced)+len(r.Removed) > 0
}

// Open opens the store at dbPath and brings it up to date with the seeds folder.
// A folder that cannot be read is an error only when the store holds nothing;
// otherwise the stored knowledge serves and the report says why it is stale.
func Open(ctx context.Context, dbPath, seeds string, opt Options) (*Library, Report, error) {
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return nil, Report{}, err
	}
	l := &Library{seeds: seeds, opt: opt, st: st, engine: answer.New(st)}
	rep, err := l.Reload(ctx)
	if err != nil {
		docs, derr := st.Documents(ctx)
		if derr != nil || len(docs) == 0 {
			st.Close()
			return nil, rep, err
		}
		rep.Errors = append(rep.Errors, err)
	}
	return l, rep, nil
}

// Close closes the store.
func (l *Library) Close() error { return l.st.Close() }

// Store returns the library's store.
func (l *Library) Store() *store.Store { return l.st }

// Seeds returns the seeds folder.
func (l *Library) Seeds() string { return l.seeds }

// ErrReloading is returned when a reload is asked for while one runs.
var ErrReloading = errors.New("a reload is already running")

// Reload brings the store up to date with the seeds folder: new and changed files
// are extracted and stored, files gone from the folder are removed, all in one
// transaction. Files that fail to load keep their old knowledge. It waits for a
// reload already running; TryReload does not.
func (l *Library) Reload(ctx context.Context) (Report, error) {
	l.reload.Lock()
	defer l.reload.Unlock()
	return l.sync(ctx)
}

// TryReload is Reload, but returns ErrReloading at once when a reload is running.
func (l *Library) TryReload(ctx context.Context) (Report, error) {
	if !l.reload.TryLock() {
		return Report{}, ErrReloading
	}
	defer l.reload.Unlock()
	return l.sync(ctx)
}

func (l *Library) sync(ctx context.Context) (Report, error) {
	var rep Report
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
	for _, fe := range fileErrs {
		var e *source.FileError
		if errors.As(fe, &e) {
			present[relPath(l.seeds, e.Path)] = true
		}
	}
	var todo []source.File
	for _, f := range files {
		present[f.Path] = true
		if stored[f.Path] == f.Hash {
			rep.Unchanged++
			continue
		}
		todo = append(todo, f)
	}
	var remove []string
	for p := range stored {
		if !present[p] {
			remove = append(remove, p)
		}
	}
	sort.Strings(remove)
	if len(todo) > 0 || len(remove) > 0 {
		briefings := l.extractAll(ctx, todo)
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("reload: %w", err)
		}
		ch, err := l.st.Apply(ctx, briefings, remove)
		if err != nil {
			return rep, fmt.Errorf("reload: %w", err)
		}
		rep.Change = ch
	}
	if rep.Totals, err = l.st.Totals(ctx); err != nil {
		return rep, fmt.Errorf("reload: %w", err)
	}
	return rep, nil
}

// extractAll extracts files in parallel, keeping their order.
func (l *Library) extractAll(ctx context.Context, files []source.File) []*knowledge.Briefing {
	out := make([]*knowledge.Briefing, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f := files[i]
				out[i] = extract.Extract(knowledge.Document{Path: f.Path, Title: f.Title, Date: f.Date, Hash: f.Hash, Text: f.Text})
				if l.opt.Progress != nil {
					mu.Lock()
					done++
					l.opt.Progress(done, len(files))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var res []*knowledge.Briefing
	for _, b := range out {
		if b != nil {
			res = append(res, b)
		}
	}
	return res
}

// Ask answers a question.
func (l *Library) Ask(ctx context.Context, question string) (knowledge.Answer, error) {
	return l.engine.Ask(ctx, question)
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
