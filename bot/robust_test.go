package bot

// Robustness: bad questions through the router, the console and Discord;
// forged admin commands; Discord REST failures (5xx, 429) and gateway
// outages; rate limits answered with a cool-down notice.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/discordtest"
	"github.com/briefbot/briefbot/knowledge/answer/answertest"
)

// internalWords betray an internal error when a user sees them.
var internalWords = []string{"sqlite", "sql logic", "syntax error", "fts5", "no such column", "unterminated",
	"malformed", "panic", "runtime error", "goroutine", "database", "context canceled", "nil pointer", "sorry"}

// checkUserText checks what a user sees in answer to q.
func checkUserText(t *testing.T, q, text string) {
	t.Helper()
	if strings.TrimSpace(text) == "" {
		t.Errorf("empty reply to %.60q", q)
	}
	if !utf8.ValidString(text) {
		t.Errorf("the reply to %.60q is not valid UTF-8", q)
	}
	low, lowQ := strings.ToLower(text), strings.ToLower(q)
	for _, w := range internalWords {
		if strings.Contains(low, w) && !strings.Contains(lowQ, w) {
			t.Errorf("the reply to %.60q shows %q: %.300q", q, w, text)
		}
	}
}

// TestBadQuestionsRouter sends every bad question through the router as a
// question, an actor name and a console line: never a failure, never an
// internal error, and the rendered embed stays inside Discord's limits.
func TestBadQuestionsRouter(t *testing.T) {
	lib := openLibrary(t, copySeeds(t))
	logs := &syncBuffer{}
	r := NewRouter(lib, slogTo(logs))
	for name, q := range answertest.BadQuestions() {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
			defer cancel()
			line := ParseLine(q)
			for _, req := range []Request{
				{Command: CmdAsk, Args: q, UserID: "u"},
				{Command: CmdActor, Args: q, UserID: "u"},
				line,
			} {
				rep := r.Handle(ctx, req)
				if req.Command == CmdAsk || req.Command == CmdActor {
					if rep.Failed {
						t.Errorf("/%s %.60q failed: %q", req.Command, q, rep.Text)
					}
					checkUserText(t, q, FormatText(rep)) // the text, or the quote it is
				}
				embed, _ := replyEmbed(rep, q)
				if err := checkEmbedLimits(embed); err != nil {
					t.Errorf("/%s %.60q: %v", req.Command, q, err)
				}
				if _, err := json.Marshal(embed); err != nil {
					t.Errorf("/%s %.60q: the embed does not encode: %v", req.Command, q, err)
				}
			}
		})
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a handler panicked:\n%s", logs.String())
	}
}

// checkEmbedLimits checks an embed against Discord's limits.
func checkEmbedLimits(e *discordgo.MessageEmbed) error {
	total := runeLen(e.Title) + runeLen(e.Description)
	if runeLen(e.Title) > maxTitle || runeLen(e.Description) > maxDescription || len(e.Fields) > maxFields {
		return fmt.Errorf("embed over the limits: title %d, description %d, %d fields", runeLen(e.Title), runeLen(e.Description), len(e.Fields))
	}
	for _, f := range e.Fields {
		if runeLen(f.Name) > maxFieldName || runeLen(f.Value) > maxFieldValue {
			return fmt.Errorf("field over the limits: %d, %d", runeLen(f.Name), runeLen(f.Value))
		}
		total += runeLen(f.Name) + runeLen(f.Value)
	}
	if e.Footer != nil {
		total += runeLen(e.Footer.Text)
	}
	if total > maxEmbedTotal {
		return fmt.Errorf("embed of %d characters", total)
	}
	return nil
}

// TestBadQuestionsConsole types every bad question into the console, one
// line each, and a line of 2 MB: every line gets a reply and the console
// ends cleanly at the end of its input.
func TestBadQuestionsConsole(t *testing.T) {
	lib := openLibrary(t, copySeeds(t))
	var in strings.Builder
	n := 0
	for _, q := range answertest.BadQuestions() {
		q = strings.NewReplacer("\n", " ", "\r", " ").Replace(q)
		if strings.TrimSpace(q) == "" {
			continue
		}
		in.WriteString(q + "\n")
		n++
	}
	in.WriteString(strings.Repeat("what did China say ", 2<<20/19) + "\n")
	in.WriteString("what did China say?\n")
	var out syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	if err := Console(ctx, NewRouter(lib, slogTo(&syncBuffer{})), strings.NewReader(in.String()), &out); err != nil {
		t.Errorf("Console: %v", err)
	}
	text := out.String()
	if strings.Contains(strings.ToLower(text), "sorry") {
		t.Errorf("the console apologised:\n%.2000s", text)
	}
	if !strings.Contains(text[max(0, len(text)-2000):], "Lin Jian") {
		t.Errorf("the question after the long line was not answered:\n%.2000s", text[max(0, len(text)-2000):])
	}
}

// TestConsoleStopsWhenAskedWhileWaitingForInput: SIGINT or SIGTERM (the
// context) ends a console that waits for its next line.
func TestConsoleStopsWhenAskedWhileWaitingForInput(t *testing.T) {
	lib := openLibrary(t, copySeeds(t))
	pr, pw := io.Pipe()
	defer pw.Close()
	var out syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Console(ctx, NewRouter(lib, slogTo(&syncBuffer{})), pr, &out) }()
	if _, err := io.WriteString(pw, "what did China say?\n"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(waitTimeout)
	for !strings.Contains(out.String(), "Lin Jian") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel() // stdin stays open
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Console: %v", err)
		}
	case <-time.After(waitTimeout):
		t.Fatal("the console did not stop when its context ended while it waited for input")
	}
}

// TestBadQuestionsOnDiscord asks the bad questions as mentions and as /ask:
// each gets a reply Discord accepts, none a failure, and no message allows a
// mention.
func TestBadQuestionsOnDiscord(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	type asked struct {
		q   string
		msg string
		in  discordtest.Interaction
	}
	var all []asked
	for _, q := range answertest.BadQuestions() {
		all = append(all, asked{q: q, msg: h.srv.SendMessage(discordtest.MessageOpts{Content: q, MentionBot: true})})
		opt := q
		if strings.TrimSpace(opt) == "" {
			opt = "?" // Discord requires the option; a forged empty one is tested in the router
		}
		all = append(all, asked{q: q, in: h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask",
			Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", opt)}})})
	}
	for _, a := range all {
		var m *discordgo.Message
		if a.msg != "" {
			m = h.reply(ctx, a.msg)
		} else {
			m = h.original(ctx, a.in)
		}
		text := messageText(m)
		checkUserText(t, a.q, text)
		for _, e := range m.Embeds {
			if e.Color == colorFailed {
				t.Errorf("%.60q: a failure reply: %.300q", a.q, text)
			}
		}
	}
	for _, r := range h.srv.Requests() {
		if r.Status >= 400 {
			t.Errorf("Discord refused %s: %s", r, r.Body)
		}
	}
	assertNoMentionsAllowed(t, h.srv.Requests())
}

// TestForgedReloadRefused: /reload interactions from members without Manage
// Server or Administrator, without an admin role and not an admin user are
// refused on the server side, whatever else they carry; a typed "/reload" is
// not a command; a configured admin user may reload, even in a DM.
func TestForgedReloadRefused(t *testing.T) {
	const adminRole, adminUser = "1300000000000000777", "1300000000000000888"
	h := startBot(t, harnessOpts{config: func(c *Config) {
		c.AdminRoles = []string{adminRole}
		c.AdminUsers = []string{adminUser}
	}})
	ctx := h.ctx()
	h.writeBriefing("quell.txt", newBriefing)
	forged := map[string]discordtest.InteractionOpts{
		"no permissions":           {Command: "reload"},
		"many permissions but not": {Command: "reload", Permissions: discordgo.PermissionSendMessages | discordgo.PermissionManageMessages | discordgo.PermissionManageChannels | discordgo.PermissionBanMembers | discordgo.PermissionKickMembers},
		"another role":             {Command: "reload", Roles: []string{"1300000000000000999"}},
		"role ID as user ID":       {Command: "reload", UserID: adminRole},
		"DM from a non-admin":      {Command: "reload", DM: true},
		"reload with options":      {Command: "reload", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.BoolOption("force", true)}},
		"upper-case name":          {Command: "RELOAD"},
	}
	for name, o := range forged {
		in := h.srv.SendInteraction(o)
		resp := h.callback(ctx, in)
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data == nil {
			t.Errorf("%s: answered with type %d, want an immediate message", name, resp.Type)
			continue
		}
		text := resp.Data.Content
		for _, e := range resp.Data.Embeds {
			text += embedText(e)
		}
		if !strings.Contains(text, "Only admins") && !strings.Contains(text, "don't know the command") {
			t.Errorf("%s: answered %q", name, text)
		}
		if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 && strings.Contains(text, "Only admins") {
			t.Errorf("%s: the refusal is public", name)
		}
	}
	// A typed /reload, even from an admin role, is not the command.
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "/reload", MentionBot: true, Roles: []string{adminRole}})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "slash command") {
		t.Errorf("typed /reload answered %q", text)
	}
	docs, err := h.lib.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("a refused reload changed the library: %d briefings", len(docs))
	}
	if !strings.Contains(h.logs.String(), "reload refused") {
		t.Error("refusals are not logged")
	}
	// The admin user may, in a DM.
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", DM: true, UserID: adminUser})
	if m := h.original(ctx, in); !strings.Contains(messageText(m), "1 added") {
		t.Errorf("the admin user's reload: %q", messageText(m))
	}
	assertNoMentionsAllowed(t, h.srv.Requests())
}

// TestRESTFailuresRetried: Discord answering 500, 502, 503, 504 or 429 to a
// reply (a message, an interaction callback, an edit of @original) does not
// lose the answer: the call is retried and the answer delivered.
func TestRESTFailuresRetried(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	msgPath := "/api/v9/channels/" + h.srv.ChannelID + "/messages"
	for _, status := range []int{500, 502, 503, 504, 429} {
		func() { // not a subtest: the harness fails its own test
			// A reply to a mention.
			h.srv.FailNext("POST", msgPath, status, 20*time.Millisecond, 1)
			id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
			if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "Lin Jian") {
				t.Errorf("reply after %d = %q", status, text)
			}
			// An /ask whose deferral and then whose edit fail once each.
			h.srv.FailNext("POST", "/api/v9/interactions/", status, 20*time.Millisecond, 1)
			h.srv.FailNext("PATCH", "/api/v9/webhooks/", status, 20*time.Millisecond, 1)
			in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "who is Mark Rutte?")}})
			if text := messageText(h.original(ctx, in)); !strings.Contains(text, "NATO") {
				t.Errorf("/ask after %d = %q", status, text)
			}
			var statuses []int
			for _, r := range h.srv.Requests() {
				if (r.Method == "PATCH" && strings.HasPrefix(r.Path, in.WebhookPath())) || (r.Method == "POST" && r.Path == in.CallbackPath()) {
					statuses = append(statuses, r.Status)
				}
			}
			want := []int{status, 204, status, 200}
			if !slices.Equal(statuses, want) {
				t.Errorf("statuses of the callback and the edit = %v, want %v", statuses, want)
			}
		}()
	}
	if t.Failed() {
		return
	}
	// An outage longer than the retries: the bot gives up, logs it, and
	// keeps serving.
	h.srv.FailNext("POST", msgPath, 500, 0, restRetries+1) // every attempt fails
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did China say?", MentionBot: true})
	for !strings.Contains(h.logs.String(), "reply failed") { // logged after the last request: poll
		select {
		case <-ctx.Done():
			t.Fatalf("no failure logged for %s", id)
		case <-time.After(20 * time.Millisecond):
		}
	}
	n := 0
	for _, r := range h.srv.Requests() {
		if r.Method == "POST" && r.Path == msgPath && r.Status == 500 {
			n++
		}
	}
	t.Logf("a lasting outage: %d attempts, then the reply was given up", n-1)
	// The bot still serves once Discord is back.
	id = h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "NATO") {
		t.Errorf("reply after the outage = %q", text)
	}
}

// TestQuestionAskedDuringOutageIsAnsweredAfterResume: a question sent while
// the bot's gateway connection is down reaches it on RESUME and is answered.
func TestQuestionAskedDuringOutageIsAnsweredAfterResume(t *testing.T) {
	h := startBot(t, harnessOpts{})
	ctx := h.ctx()
	resumes := h.srv.Resumes()
	h.srv.DropConnections()
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "who is Mark Rutte?", MentionBot: true})
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "what did China say?")}})
	if err := h.srv.WaitUntil(ctx, func() bool { return h.srv.Resumes() > resumes }); err != nil {
		t.Fatalf("bot did not resume: %v", err)
	}
	if text := messageText(h.reply(ctx, id)); !strings.Contains(text, "NATO") {
		t.Errorf("reply after resume = %q", text)
	}
	if text := messageText(h.original(ctx, in)); !strings.Contains(text, "Lin Jian") {
		t.Errorf("/ask after resume = %q", text)
	}
	if n := h.srv.Identifies(); n != 1 {
		t.Errorf("%d IDENTIFYs, want 1 (a resume, not a new session)", n)
	}
}

// TestChannelRateLimit: many users in one channel share its limit; the
// refused get a short cool-down notice, privately for /ask.
func TestChannelRateLimit(t *testing.T) {
	h := startBot(t, harnessOpts{config: func(c *Config) {
		c.UserRate = Rate{N: 100, Per: time.Hour}
		c.ChannelRate = Rate{N: 2, Per: time.Hour}
	}})
	ctx := h.ctx()
	var ids []string
	for i := range 3 {
		ids = append(ids, h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true, AuthorID: fmt.Sprint(1300000000000010000 + i)}))
	}
	notices := 0
	for _, id := range ids {
		m := h.reply(ctx, id)
		if strings.Contains(m.Content, "try again in") {
			notices++
			if strings.Contains(strings.ToLower(m.Content), "sorry") || len(m.Content) > 200 {
				t.Errorf("cool-down notice %q", m.Content)
			}
		}
	}
	if notices != 1 {
		t.Errorf("%d cool-down notices, want 1", notices)
	}
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "ask", UserID: "1300000000000010009",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("question", "how many troops")}})
	resp := h.callback(ctx, in)
	if resp.Data == nil || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "try again in") {
		t.Errorf("rate-limited /ask answered %+v", resp.Data)
	}
	// Other channels are not limited by this one.
	other := h.srv.SendMessage(discordtest.MessageOpts{Content: "how many troops?", MentionBot: true, ChannelID: "1300000000000000201"})
	if m := h.reply(ctx, other); strings.Contains(m.Content, "try again in") {
		t.Errorf("another channel was limited: %q", m.Content)
	}
	assertNoMentionsAllowed(t, h.srv.Requests())
}

// TestHostileBriefingNeverPings: a briefing whose file name, title and text
// hold mention syntax is listed, reloaded, quoted and described without any
// raw mention in what the bot sends, and with no mention allowed.
func TestHostileBriefingNeverPings(t *testing.T) {
	const adminRole = "1300000000000000777"
	const name = "@everyone <@&456> <@123> @here.txt"
	const text = "@here <@&456> Ping title\n\n<@123> Spokesperson Ana Vell said @everyone must read <#789> and <@!321> before noon.\n"
	h := startBot(t, harnessOpts{
		briefings: map[string]string{name: text},
		config:    func(c *Config) { c.AdminRoles = []string{adminRole} },
	})
	ctx := h.ctx()
	var sent []string
	id := h.srv.SendMessage(discordtest.MessageOpts{Content: "what did Ana Vell say?", MentionBot: true})
	sent = append(sent, messageText(h.reply(ctx, id)))
	for _, o := range []discordtest.InteractionOpts{
		{Command: "sources"},
		{Command: "help"},
	} {
		resp := h.callback(ctx, h.srv.SendInteraction(o))
		for _, e := range resp.Data.Embeds {
			sent = append(sent, resp.Data.Content+embedText(e))
		}
	}
	in := h.srv.SendInteraction(discordtest.InteractionOpts{Command: "actor", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption("name", "Ana Vell")}})
	sent = append(sent, messageText(h.original(ctx, in)))
	h.writeBriefing("<@&456> second @everyone.md", "# @everyone heading\n\nAna Vell said <@&456> again.\n")
	in = h.srv.SendInteraction(discordtest.InteractionOpts{Command: "reload", Roles: []string{adminRole}})
	sent = append(sent, messageText(h.original(ctx, in)))
	if !strings.Contains(strings.Join(sent, "\n"), "Ana Vell") {
		t.Fatalf("the hostile briefing was never quoted:\n%s", strings.Join(sent, "\n---\n"))
	}
	for _, s := range sent {
		for _, raw := range []string{"@everyone", "@here", "<@&", "<@1", "<@!", "<#7"} {
			if strings.Contains(s, raw) {
				t.Errorf("raw %q sent:\n%s", raw, s)
			}
		}
	}
	assertNoMentionsAllowed(t, h.srv.Requests())
}

func TestReadLines(t *testing.T) {
	long := strings.Repeat("x", 300)
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\nb\n\nc", []string{"a", "b", "", "c"}},
		{long + "\nshort\n" + long, []string{long[:100], "short", long[:100]}},
	} {
		var got []string
		err := ReadLines(bufioSmall{strings.NewReader(tc.in)}, 100, func(l string) error {
			got = append(got, l)
			return nil
		})
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("ReadLines(%.20q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// bufioSmall reads at most 7 bytes at a time, to split lines across reads.
type bufioSmall struct{ r io.Reader }

func (b bufioSmall) Read(p []byte) (int, error) { return b.r.Read(p[:min(len(p), 7)]) }
