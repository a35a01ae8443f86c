package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge/source"
)

// downloadTimeout bounds fetching an attachment of /add.
const downloadTimeout = 30 * time.Second

// addCommand runs /add for an admin: it acknowledges privately, fetches the
// attached file (refusing one over the size limit without fetching it) and
// hands it to the router, which validates, saves and reloads.
func (d *Discord) addCommand(i *discordgo.Interaction, req Request, log *slog.Logger) {
	att := attachment(i, "file")
	if att == nil {
		d.respond(i, notice("Attach the briefing to /add: a .txt or .md file."), log)
		return
	}
	if att.Size > source.DefaultMaxFileBytes {
		d.respond(i, notice(fmt.Sprintf("%s was not added: %v (%s, the limit is %s).", oneLine(att.Filename),
			source.ErrTooLarge, byteCount(int64(att.Size)), byteCount(source.DefaultMaxFileBytes))), log)
		return
	}
	if !d.deferAck(i, true, log) {
		return
	}
	data, err := d.download(att.URL)
	if err != nil {
		log.Error("fetching the attachment failed", "file", att.Filename, "err", err)
		d.editAnswer(i, notice("I couldn't fetch "+oneLine(att.Filename)+" from Discord; please try again."), log)
		return
	}
	req.File = &File{Name: att.Filename, Data: data}
	send, stop := d.progressEditor(i, log)
	req.Progress = send
	rep := d.router.Handle(d.work, req)
	stop()
	rep.Private = true
	d.editAnswer(i, d.replyData(rep, ""), log)
}

// attachment returns the attachment given as the named option.
func attachment(i *discordgo.Interaction, name string) *discordgo.MessageAttachment {
	data := i.ApplicationCommandData()
	id := optionValue(data.Options, name)
	if id == "" || data.Resolved == nil {
		return nil
	}
	return data.Resolved.Attachments[id]
}

// download fetches an attachment, reading at most one byte past the size
// limit (so a file that lied about its size is still refused as too large).
func (d *Discord) download(url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(d.work, downloadTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	resp, err := d.session.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download: %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, source.DefaultMaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("download: %w", err)
	}
	return data, nil
}
