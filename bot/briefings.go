package bot

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/briefbot/briefbot/knowledge/library"
	"github.com/briefbot/briefbot/knowledge/source"
)

// Briefing is a loaded briefing, as offered for autocomplete.
type Briefing struct {
	Title, Path string
}

// CompleteBriefings lists up to n loaded briefings whose title or path
// contains partial (case aside), in the library's order.
func (r *Router) CompleteBriefings(ctx context.Context, partial string, n int) ([]Briefing, error) {
	docs, err := r.lib.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("complete briefings: %w", err)
	}
	p := strings.ToLower(strings.TrimSpace(partial))
	var out []Briefing
	for _, d := range docs {
		if len(out) == n {
			break
		}
		if strings.Contains(strings.ToLower(d.Title), p) || strings.Contains(strings.ToLower(d.Path), p) {
			out = append(out, Briefing{Title: d.Title, Path: d.Path})
		}
	}
	return out, nil
}

// adminOnly is the refusal of an admin command.
func adminOnly(what string) Reply {
	return Reply{Text: "Only admins can " + what + ".", Private: true, Failed: true}
}

// add saves an uploaded briefing into the seeds folder, once it passes the
// checks every briefing passes (size, encoding, not binary), and reloads.
// A bad file is refused with the reason and nothing is written.
func (r *Router) add(ctx context.Context, req Request) (Reply, error) {
	if !req.Admin {
		r.log.Warn("add refused", "user", req.UserID)
		return adminOnly("add briefings"), nil
	}
	if req.File == nil {
		return Reply{Text: "Attach the briefing: a .txt or .md file.", Private: true, Failed: true}, nil
	}
	name, err := briefingFileName(req.File.Name)
	if err == nil {
		err = validBriefing(req.File.Data)
	}
	if err != nil {
		return Reply{Title: "Not added", Text: fmt.Sprintf("%s was not added: %v.", oneLine(req.File.Name), err), Private: true, Failed: true}, nil
	}
	if err := writeAtomic(filepath.Join(r.lib.Seeds(), name), req.File.Data); err != nil {
		return Reply{}, fmt.Errorf("add %s: %w", name, err)
	}
	r.log.Info("briefing added", "user", req.UserID, "file", name, "bytes", len(req.File.Data))
	return r.reloadReply(ctx, req, "Added "+name)
}

// remove deletes a briefing, named by path or title, and reloads.
func (r *Router) remove(ctx context.Context, req Request) (Reply, error) {
	if !req.Admin {
		r.log.Warn("remove refused", "user", req.UserID)
		return adminOnly("remove briefings"), nil
	}
	want := strings.TrimSpace(req.Args)
	docs, err := r.lib.Sources(ctx)
	if err != nil {
		return Reply{}, err
	}
	for _, d := range docs {
		if d.Path != want && !strings.EqualFold(d.Title, want) {
			continue
		}
		if !filepath.IsLocal(filepath.FromSlash(d.Path)) {
			return Reply{}, fmt.Errorf("remove %q: path is not inside the seeds folder", d.Path)
		}
		if err := os.Remove(filepath.Join(r.lib.Seeds(), filepath.FromSlash(d.Path))); err != nil && !errors.Is(err, os.ErrNotExist) {
			return Reply{}, fmt.Errorf("remove %s: %w", d.Path, err)
		}
		r.log.Info("briefing removed", "user", req.UserID, "file", d.Path)
		return r.reloadReply(ctx, req, "Removed "+d.Path)
	}
	return Reply{Text: fmt.Sprintf("No briefing is called %q; /sources lists them.", clip(want)), Private: true, Failed: true}, nil
}

// briefingFileName checks an uploaded file's name: a plain .txt or .md name,
// no folder.
func briefingFileName(name string) (string, error) {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	ext := strings.ToLower(path.Ext(base))
	switch {
	case base != name || !filepath.IsLocal(base) || strings.HasPrefix(base, "."):
		return "", errors.New("the file name must be a plain name such as briefing.txt")
	case ext != ".txt" && ext != ".md":
		return "", errors.New("a briefing is a .txt or .md file")
	}
	return base, nil
}

// validBriefing applies the checks the library applies to every briefing.
func validBriefing(data []byte) error {
	if len(data) > source.DefaultMaxFileBytes {
		return fmt.Errorf("%w (%s, the limit is %s)", source.ErrTooLarge, byteCount(int64(len(data))), byteCount(source.DefaultMaxFileBytes))
	}
	_, err := source.Validate(data, source.Options{})
	return err
}

// byteCount formats a size: 8 MiB, 12 KiB, 300 bytes.
func byteCount(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// writeAtomic writes data to a hidden temporary file beside p and renames it
// over p, so a reload never reads half a file.
func writeAtomic(p string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), ".add-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// reloadReply reloads after a change to the seeds folder and reports it
// privately under title.
func (r *Router) reloadReply(ctx context.Context, req Request, title string) (Reply, error) {
	rep, err := r.reloadLibrary(ctx, req)
	if errors.Is(err, library.ErrReloading) {
		return Reply{Title: title, Text: "A reload is already running; run /reload when it ends to load this change.", Private: true}, nil
	}
	if err != nil {
		return Reply{Title: title, Text: "The reload failed; the briefings already loaded keep serving. " + err.Error(), Private: true, Failed: true}, nil
	}
	return Reply{Title: title, Text: ReloadSummary(rep), Private: true}, nil
}
