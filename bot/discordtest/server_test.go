package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"
)

// guard bounds every wait; it is a failure guard, not a speed assertion.
const guard = 15 * time.Second

const testToken = "test-token"

// rewrite is the test's stand-in for the bot's base-URL rewriting: it sends
// requests for https://discord.com to the fake server.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (rt rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = rt.base.Scheme, rt.base.Host, ""
	}
	return rt.next.RoundTrip(r)
}

func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(opts...)
	t.Cleanup(srv.Close) // registered first, so it runs after the sessions close
	return srv
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), guard)
	t.Cleanup(cancel)
	return c
}

// client is a real discordgo session whose events land in channels.
type client struct {
	*discordgo.Session
	ready        chan *discordgo.Ready
	messages     chan *discordgo.MessageCreate
	interactions chan *discordgo.InteractionCreate
}

// newSession builds a discordgo session for srv without opening it.
func newSession(t *testing.T, srv *Server, intents discordgo.Intent) *client {
	t.Helper()
	s, err := discordgo.New("Bot " + testToken)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(srv.URL)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	s.Client = &http.Client{Timeout: guard, Transport: rewrite{base, tr}}
	s.Identify.Intents = intents
	s.ShouldReconnectOnError = true
	c := &client{
		Session:      s,
		ready:        make(chan *discordgo.Ready, 16),
		messages:     make(chan *discordgo.MessageCreate, 64),
		interactions: make(chan *discordgo.InteractionCreate, 64),
	}
	done := make(chan struct{})
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.Ready) { send(c.ready, e, done) })
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.MessageCreate) { send(c.messages, e, done) })
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.InteractionCreate) { send(c.interactions, e, done) })
	t.Cleanup(func() {
		close(done)
		s.Close()
	})
	return c
}

// connect opens a session on srv and waits until it is READY.
func connect(t *testing.T, srv *Server, intents discordgo.Intent) *client {
	t.Helper()
	c := newSession(t, srv, intents)
	open(t, srv, c)
	return c
}

// open opens c and waits for its READY event and for the server to see the
// session connected (Open done, first heartbeat in).
func open(t *testing.T, srv *Server, c *client) *discordgo.Ready {
	t.Helper()
	if err := c.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	r := recv(t, c.ready)
	err := srv.WaitUntil(ctx(t), func() bool {
		for _, s := range srv.Sessions() {
			if s.ID == r.SessionID {
				return s.Connected
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("session %s never connected: %v", r.SessionID, err)
	}
	return r
}

func send[T any](ch chan T, v T, done chan struct{}) {
	select {
	case ch <- v:
	case <-done:
	}
}

func recv[T any](t *testing.T, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(guard):
		var zero T
		t.Fatalf("no %T within %v", zero, guard)
		return zero
	}
}

// recvMessage returns the next MESSAGE_CREATE not written by the bot.
func recvMessage(t *testing.T, c *client, botID string) *discordgo.MessageCreate {
	t.Helper()
	for {
		m := recv(t, c.messages)
		if m.Author.ID != botID {
			return m
		}
	}
}

const allMessages = discordgo.IntentGuilds | discordgo.IntentGuildMessages | discordgo.IntentDirectMessages

func TestReady(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithAppID("1111111111111111111"), WithBotUser("2222222222222222222", "brief"))
	c := newSession(t, srv, allMessages)
	r := open(t, srv, c)
	got := []string{r.Application.ID, r.User.ID, r.User.Username, strconv.FormatBool(r.User.Bot), r.SessionID}
	want := []string{"1111111111111111111", "2222222222222222222", "brief", "true", srv.Sessions()[0].ID}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("READY mismatch (-want +got):\n%s", diff)
	}
	if err := srv.WaitReady(ctx(t)); err != nil {
		t.Fatal(err)
	}
	sess := srv.Sessions()
	if len(sess) != 1 || sess[0].Token != "Bot "+testToken || sess[0].Intents != allMessages || sess[0].Shard != [2]int{0, 1} {
		t.Errorf("Sessions() = %+v", sess)
	}
	if n := srv.Identifies(); n != 1 {
		t.Errorf("Identifies() = %d, want 1", n)
	}
	// The gateway look-up went through REST, with the bot's token.
	req, err := srv.WaitFor(ctx(t), Match("GET", "/api/v9/gateway"))
	if err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("Authorization"); got != "Bot "+testToken {
		t.Errorf("Authorization = %q", got)
	}
}

func TestMessageCreate(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithMessageContentIntent(true))
	c := connect(t, srv, allMessages|discordgo.IntentMessageContent)
	id := srv.SendMessage(MessageOpts{Content: "how many troops?", Roles: []string{"42"}})
	m := recv(t, c.messages)
	type view struct {
		ID, Content, ChannelID, GuildID, AuthorID string
		Roles                                     []string
	}
	got := view{m.ID, m.Content, m.ChannelID, m.GuildID, m.Author.ID, m.Member.Roles}
	want := view{id, "how many troops?", srv.ChannelID, srv.GuildID, srv.UserID, []string{"42"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MESSAGE_CREATE mismatch (-want +got):\n%s", diff)
	}
}

func TestMessageContentIntent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		granted bool
		intents discordgo.Intent
		msg     MessageOpts
		want    string
	}{
		{"no intent, plain", false, allMessages, MessageOpts{Content: "hello"}, ""},
		{"no intent, mention", false, allMessages, MessageOpts{Content: "hello", MentionBot: true}, "<@" + DefaultAppID + "> hello"},
		{"no intent, dm", false, allMessages, MessageOpts{Content: "hello", DM: true}, "hello"},
		{"granted, not asked", true, allMessages, MessageOpts{Content: "hello"}, ""},
		{"granted and asked", true, allMessages | discordgo.IntentMessageContent, MessageOpts{Content: "hello"}, "hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, WithMessageContentIntent(tt.granted))
			c := connect(t, srv, tt.intents)
			srv.SendMessage(tt.msg)
			if got := recv(t, c.messages).Content; got != tt.want {
				t.Errorf("content = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("asked, not granted", func(t *testing.T) {
		t.Parallel()
		srv := newServer(t)
		c := newSession(t, srv, allMessages|discordgo.IntentMessageContent)
		err := c.Open()
		var ce *websocket.CloseError
		if !errors.As(err, &ce) || ce.Code != 4014 {
			t.Errorf("Open() = %v, want close 4014", err)
		}
	})
}

func TestInteractionCommand(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	sent := srv.SendInteraction(InteractionOpts{
		Command:     "ask",
		Options:     []*discordgo.ApplicationCommandInteractionDataOption{StringOption("question", "how many troops")},
		Permissions: discordgo.PermissionManageGuild,
		Roles:       []string{"7"},
	})
	ic := recv(t, c.interactions)
	data := ic.ApplicationCommandData()
	type view struct {
		ID, Token, GuildID, ChannelID, Name, Question, UserID string
		Roles                                                 []string
		Perms, AppPerms                                       int64
	}
	got := view{ic.ID, ic.Token, ic.GuildID, ic.ChannelID, data.Name, data.GetOption("question").StringValue(),
		ic.Member.User.ID, ic.Member.Roles, ic.Member.Permissions, ic.AppPermissions}
	want := view{sent.ID, sent.Token, srv.GuildID, srv.ChannelID, "ask", "how many troops",
		srv.UserID, []string{"7"}, discordgo.PermissionManageGuild, DefaultAppPermissions}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("interaction mismatch (-want +got):\n%s", diff)
	}

	// Defer, then edit @original, then a followup.
	err := c.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	if err != nil {
		t.Fatal(err)
	}
	req, err := srv.WaitFor(ctx(t), Match("POST", sent.CallbackPath()))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := req.InteractionResponse()
	if err != nil || resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || req.Status != http.StatusNoContent {
		t.Errorf("callback = %+v, %v, status %d", resp, err, req.Status)
	}
	answer := "About 1,500 soldiers."
	edited, err := c.InteractionResponseEdit(ic.Interaction, &discordgo.WebhookEdit{Content: &answer})
	if err != nil {
		t.Fatal(err)
	}
	if orig, ok := srv.Original(sent.ID); !ok || orig.Content != answer || orig.ID != edited.ID {
		t.Errorf("Original() = %+v, %v; edit returned %s", orig, ok, edited.ID)
	}
	f, err := c.FollowupMessageCreate(ic.Interaction, true, &discordgo.WebhookParams{Content: "more"})
	if err != nil || f.ID == "" || f.Content != "more" {
		t.Errorf("FollowupMessageCreate = %+v, %v", f, err)
	}

	// A second callback is refused, as Discord does.
	err = c.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "again"}})
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Message == nil || re.Message.Code != codeAlreadyAcked {
		t.Errorf("second callback: %v, want code %d", err, codeAlreadyAcked)
	}
}

func TestInteractionRespondWithMessage(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	sent := srv.SendInteraction(InteractionOpts{Command: "actor", Options: []*discordgo.ApplicationCommandInteractionDataOption{StringOption("name", "Kim")}})
	ic := recv(t, c.interactions)
	err := c.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: "Two people match:",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: "Kim Jong Un", CustomID: "actor:kim-jong-un", Style: discordgo.PrimaryButton},
			}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	req, err := srv.WaitFor(ctx(t), Match("POST", sent.CallbackPath()))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := req.InteractionResponse()
	if err != nil {
		t.Fatal(err)
	}
	button := resp.Data.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.Button)
	if resp.Data.Content != "Two people match:" || button.CustomID != "actor:kim-jong-un" {
		t.Errorf("callback data = %+v", resp.Data)
	}
	// The response is a message in the channel, echoed on the gateway.
	orig, ok := srv.Original(sent.ID)
	if !ok {
		t.Fatal("no @original")
	}
	if echo := recv(t, c.messages); echo.ID != orig.ID || echo.Author.ID != srv.BotID {
		t.Errorf("echo = %+v, want message %s by the bot", echo.Message, orig.ID)
	}

	// Clicking the button: a component interaction carrying that message.
	srv.SendInteraction(InteractionOpts{CustomID: "actor:kim-jong-un", MessageID: orig.ID})
	click := recv(t, c.interactions)
	if click.Type != discordgo.InteractionMessageComponent || click.MessageComponentData().CustomID != "actor:kim-jong-un" ||
		click.Message == nil || click.Message.ID != orig.ID || len(click.Message.Components) != 1 {
		t.Errorf("component interaction = %+v", click.Interaction)
	}
	err = c.InteractionRespond(click.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{Content: "Kim Jong Un: North Korea's leader."},
	})
	if err != nil {
		t.Fatal(err)
	}
	if msgs := srv.Messages(srv.ChannelID); len(msgs) != 1 || msgs[0].Content != "Kim Jong Un: North Korea's leader." {
		t.Errorf("Messages() after update = %+v", msgs)
	}
}

func TestAutocomplete(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	srv.SendInteraction(InteractionOpts{Command: "actor", Options: []*discordgo.ApplicationCommandInteractionDataOption{Focused(StringOption("name", "Ki"))}})
	ic := recv(t, c.interactions)
	if ic.Type != discordgo.InteractionApplicationCommandAutocomplete {
		t.Fatalf("type = %v", ic.Type)
	}
	opt := ic.ApplicationCommandData().Options[0]
	if !opt.Focused || opt.StringValue() != "Ki" {
		t.Errorf("option = %+v", opt)
	}
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 26)
	for i := range choices {
		choices[i] = &discordgo.ApplicationCommandOptionChoice{Name: "c" + strconv.Itoa(i), Value: "c"}
	}
	respond := func(n int) error {
		return c.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices[:n]},
		})
	}
	var re *discordgo.RESTError
	if err := respond(26); !errors.As(err, &re) || re.Response.StatusCode != http.StatusBadRequest {
		t.Errorf("26 choices: %v, want 400", err)
	}
	if err := respond(25); err != nil {
		t.Errorf("25 choices: %v", err)
	}
}

func TestChannelMessageSend(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	m, err := c.ChannelMessageSendComplex(srv.ChannelID, &discordgo.MessageSend{
		Content:         "Lin Jian said China hopes for de-escalation. [18]",
		Embeds:          []*discordgo.MessageEmbed{{Title: "Sources"}},
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	req, err := srv.WaitFor(ctx(t), Match("POST", "/api/v9/channels/"+srv.ChannelID+"/messages"))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		AllowedMentions struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := req.JSON(&body); err != nil || body.AllowedMentions.Parse == nil {
		t.Errorf("allowed_mentions.parse = %v (%v), want []", body.AllowedMentions.Parse, err)
	}
	stored := srv.Messages(srv.ChannelID)
	if len(stored) != 1 || stored[0].ID != m.ID || stored[0].Embeds[0].Title != "Sources" {
		t.Errorf("Messages() = %+v, want the sent message %s", stored, m.ID)
	}
	// The bot sees its own message, content included.
	if echo := recv(t, c.messages); echo.ID != m.ID || echo.Content != m.Content {
		t.Errorf("echo = %+v", echo.Message)
	}
	edited, err := c.ChannelMessageEdit(srv.ChannelID, m.ID, "edited")
	if err != nil || edited.Content != "edited" || edited.EditedTimestamp == nil {
		t.Errorf("ChannelMessageEdit = %+v, %v", edited, err)
	}
	if err := c.ChannelTyping(srv.ChannelID); err != nil {
		t.Errorf("ChannelTyping: %v", err)
	}
	ch, err := c.Channel(srv.ChannelID)
	if err != nil || ch.Type != discordgo.ChannelTypeGuildText || ch.GuildID != srv.GuildID {
		t.Errorf("Channel() = %+v, %v", ch, err)
	}

	// Discord's limits.
	var re *discordgo.RESTError
	for _, tc := range []struct {
		name string
		msg  *discordgo.MessageSend
		code int
	}{
		{"too long", &discordgo.MessageSend{Content: strings.Repeat("x", 2001)}, codeInvalidFormBody},
		{"empty", &discordgo.MessageSend{}, codeEmptyMessage},
		{"embed too big", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("x", 4097)}}}, codeInvalidFormBody},
	} {
		_, err := c.ChannelMessageSendComplex(srv.ChannelID, tc.msg)
		if !errors.As(err, &re) || re.Message == nil || re.Message.Code != tc.code {
			t.Errorf("%s: %v, want code %d", tc.name, err, tc.code)
		}
	}
	if _, err := c.ChannelMessageSend("999", "hi"); !errors.As(err, &re) || re.Response.StatusCode != http.StatusNotFound {
		t.Errorf("unknown channel: %v, want 404", err)
	}
}

func TestCommandsBulkOverwrite(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	admin := int64(discordgo.PermissionManageGuild)
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the briefings", Options: []*discordgo.ApplicationCommandOption{
			{Name: "question", Description: "Your question", Type: discordgo.ApplicationCommandOptionString, Required: true},
		}},
		{Name: "reload", Description: "Reload the briefings", DefaultMemberPermissions: &admin},
	}
	got, err := c.ApplicationCommandBulkOverwrite(srv.AppID, srv.GuildID, cmds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == "" || got[0].Name != "ask" || got[1].DefaultMemberPermissions == nil || *got[1].DefaultMemberPermissions != admin {
		t.Fatalf("overwrite returned %+v", got)
	}
	listed, err := c.ApplicationCommands(srv.AppID, srv.GuildID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, listed); diff != "" {
		t.Errorf("GET commands mismatch (-put +get):\n%s", diff)
	}
	if diff := cmp.Diff(got, srv.Commands(srv.GuildID)); diff != "" {
		t.Errorf("Commands() mismatch (-put +stored):\n%s", diff)
	}
	// Overwriting again keeps the IDs; interactions carry them.
	again, err := c.ApplicationCommandBulkOverwrite(srv.AppID, srv.GuildID, cmds)
	if err != nil || again[0].ID != got[0].ID {
		t.Errorf("second overwrite: %+v, %v; want ID %s kept", again, err, got[0].ID)
	}
	srv.SendInteraction(InteractionOpts{Command: "ask"})
	if ic := recv(t, c.interactions); ic.ApplicationCommandData().ID != got[0].ID {
		t.Errorf("interaction command ID = %s, want %s", ic.ApplicationCommandData().ID, got[0].ID)
	}
	// Discord's validation.
	var re *discordgo.RESTError
	for _, bad := range []*discordgo.ApplicationCommand{
		{Name: "Ask", Description: "upper case"},
		{Name: "ask", Description: ""},
		{Name: "ask", Description: "order", Options: []*discordgo.ApplicationCommandOption{
			{Name: "a", Description: "a", Type: discordgo.ApplicationCommandOptionString},
			{Name: "b", Description: "b", Type: discordgo.ApplicationCommandOptionString, Required: true},
		}},
	} {
		_, err := c.ApplicationCommandBulkOverwrite(srv.AppID, "", []*discordgo.ApplicationCommand{bad})
		if !errors.As(err, &re) || re.Message == nil || re.Message.Code != codeInvalidFormBody {
			t.Errorf("%+v: %v, want code %d", bad, err, codeInvalidFormBody)
		}
	}
}

// TestRESTFaults pins down how discordgo v0.29 reacts to 429 and 5xx.
func TestRESTFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		status   int
		times    int
		wantErr  bool
		statuses []int
	}{
		{"429 is retried", http.StatusTooManyRequests, 1, false, []int{429, 200}},
		{"502 is retried", http.StatusBadGateway, 1, false, []int{502, 200}},
		{"502 up to MaxRestRetries", http.StatusBadGateway, 4, true, []int{502, 502, 502, 502}},
		{"500 is not retried", http.StatusInternalServerError, 1, true, []int{500}},
		{"503 is not retried", http.StatusServiceUnavailable, 1, true, []int{503}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			c := newSession(t, srv, allMessages) // REST only: no gateway needed
			path := "/api/v9/channels/" + srv.ChannelID + "/messages"
			srv.FailNext("POST", path, tt.status, 50*time.Millisecond, tt.times)
			_, err := c.ChannelMessageSend(srv.ChannelID, "answer")
			if (err != nil) != tt.wantErr {
				t.Errorf("ChannelMessageSend error = %v, want error %v", err, tt.wantErr)
			}
			var statuses []int
			for _, r := range srv.Requests() {
				if r.Path == path {
					statuses = append(statuses, r.Status)
				}
			}
			if diff := cmp.Diff(tt.statuses, statuses); diff != "" {
				t.Errorf("statuses mismatch (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("429 without retry", func(t *testing.T) {
		t.Parallel()
		srv := newServer(t)
		c := newSession(t, srv, allMessages)
		c.ShouldRetryOnRateLimit = false
		srv.FailNext("", "/api/v9/channels/", http.StatusTooManyRequests, 2*time.Second, 1)
		_, err := c.ChannelMessageSend(srv.ChannelID, "answer")
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter != 2*time.Second {
			t.Errorf("error = %v, want RateLimitError with RetryAfter 2s", err)
		}
	})
}

func TestResume(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithMessageContentIntent(true))
	c := connect(t, srv, allMessages|discordgo.IntentMessageContent)
	srv.DropConnections()
	missed := srv.SendMessage(MessageOpts{Content: "sent while disconnected"})
	if err := srv.WaitUntil(ctx(t), func() bool { return srv.Resumes() >= 1 }); err != nil {
		t.Fatal(err)
	}
	if m := recvMessage(t, c, srv.BotID); m.ID != missed {
		t.Errorf("first message after resume = %s %q, want the missed %s", m.ID, m.Content, missed)
	}
	after := srv.SendMessage(MessageOpts{Content: "after resume"})
	if m := recvMessage(t, c, srv.BotID); m.ID != after || m.Content != "after resume" {
		t.Errorf("message after resume = %s %q", m.ID, m.Content)
	}
	if n := srv.Identifies(); n != 1 {
		t.Errorf("Identifies() = %d, want 1 (resumed, not re-identified)", n)
	}
}

// TestCloseThenOpen: Session.Close ends the session (close 1000); discordgo
// keeps its session ID and tries RESUME, gets op 9 and identifies again.
func TestCloseThenOpen(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := connect(t, srv, allMessages)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	open(t, srv, c)
	if i, r := srv.Identifies(), srv.Resumes(); i != 2 || r != 0 {
		t.Errorf("Identifies, Resumes = %d, %d; want 2, 0", i, r)
	}
}

func TestHeartbeat(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithHeartbeatInterval(20*time.Millisecond))
	g := dialGateway(t, srv)
	if got := string(g.hello.D); got != `{"heartbeat_interval":20}` {
		t.Errorf("HELLO d = %s", got)
	}
	g.write(opIdentify, map[string]any{"token": "Bot x", "intents": 0})
	if f := g.read(); f.T != "READY" {
		t.Fatalf("got %s, want READY", f.T)
	}
	for i := range 3 {
		g.write(opHeartbeat, 1)
		if f := g.read(); f.Op != opHeartbeatAck {
			t.Fatalf("heartbeat %d answered with op %d", i, f.Op)
		}
	}
	if n := srv.Heartbeats(); n != 3 {
		t.Errorf("Heartbeats() = %d, want 3", n)
	}
}

func TestShards(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	shards := make([]*client, 2)
	for i := range shards {
		c := newSession(t, srv, allMessages)
		c.ShardID, c.ShardCount = i, 2
		open(t, srv, c)
		shards[i] = c
	}
	sessions := srv.Sessions()
	var got [][2]int
	for _, s := range sessions {
		got = append(got, s.Shard)
	}
	if diff := cmp.Diff([][2]int{{0, 2}, {1, 2}}, got); diff != "" {
		t.Fatalf("shards mismatch (-want +got):\n%s", diff)
	}
	gid, _ := strconv.ParseUint(srv.GuildID, 10, 64)
	home := int((gid >> 22) % 2)
	seqBefore := []int64{sessions[0].Seq, sessions[1].Seq}
	id := srv.SendMessage(MessageOpts{Content: "hi"})
	if m := recv(t, shards[home].messages); m.ID != id {
		t.Errorf("shard %d got %s, want %s", home, m.ID, id)
	}
	after := srv.Sessions()
	if after[home].Seq != seqBefore[home]+1 || after[1-home].Seq != seqBefore[1-home] {
		t.Errorf("seqs %v -> [%d %d]: the event must reach shard %d only", seqBefore, after[0].Seq, after[1].Seq, home)
	}
	// DMs go to shard 0.
	dm := srv.SendMessage(MessageOpts{Content: "psst", DM: true})
	if m := recv(t, shards[0].messages); m.ID != dm || m.GuildID != "" {
		t.Errorf("shard 0 got %+v, want DM %s", m.Message, dm)
	}
}

func TestAuthAndUnknownRoutes(t *testing.T) {
	t.Parallel()
	srv := newServer(t, WithToken(testToken))
	c := newSession(t, srv, allMessages)
	if _, err := c.User("@me"); err != nil {
		t.Errorf("User(@me): %v", err)
	}
	var re *discordgo.RESTError
	if _, err := c.Request("GET", discordgo.EndpointAPI+"nope", nil); !errors.As(err, &re) || re.Response.StatusCode != http.StatusNotFound {
		t.Errorf("unknown route: %v, want 404", err)
	}
	c.Token = testToken // no "Bot " prefix
	if _, err := c.User("@me"); !errors.As(err, &re) || re.Response.StatusCode != http.StatusUnauthorized {
		t.Errorf("token without Bot prefix: %v, want 401", err)
	}
	var unknown []string
	for _, r := range srv.Requests() {
		if r.Route == "" {
			unknown = append(unknown, r.String())
		}
	}
	if diff := cmp.Diff([]string{"GET /api/v9/nope -> 404"}, unknown); diff != "" {
		t.Errorf("unknown routes mismatch (-want +got):\n%s", diff)
	}

	c2 := newSession(t, srv, allMessages)
	c2.Identify.Token = "Bot wrong"
	var ce *websocket.CloseError
	if err := c2.Open(); !errors.As(err, &ce) || ce.Code != 4004 {
		t.Errorf("Open with a wrong token = %v, want close 4004", err)
	}
}

func TestWaitForTimeout(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	short, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := srv.WaitFor(short, Match("POST", "/api/v9/never"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("WaitFor = %v, want context.Canceled", err)
	}
}

// rawGateway speaks the gateway protocol by hand, for exact frames.
type rawGateway struct {
	t     *testing.T
	ws    *websocket.Conn
	hello frame
}

func dialGateway(t *testing.T, srv *Server) *rawGateway {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(srv.GatewayURL()+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	g := &rawGateway{t: t, ws: ws}
	if g.hello = g.read(); g.hello.Op != opHello {
		t.Fatalf("first frame op %d, want HELLO", g.hello.Op)
	}
	return g
}

type frame struct {
	Op int             `json:"op"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
	D  json.RawMessage `json:"d"`
}

func (g *rawGateway) read() frame {
	g.t.Helper()
	g.ws.SetReadDeadline(time.Now().Add(guard))
	var f frame
	if err := g.ws.ReadJSON(&f); err != nil {
		g.t.Fatalf("read: %v", err)
	}
	return f
}

func (g *rawGateway) write(op int, d any) {
	g.t.Helper()
	if err := g.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		g.t.Fatal(err)
	}
}

func TestResumeReplaysMissedEvents(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	g := dialGateway(t, srv)
	g.write(opIdentify, map[string]any{"token": "Bot x", "intents": discordgo.IntentGuildMessages})
	ready := g.read()
	var r struct {
		SessionID string `json:"session_id"`
		ResumeURL string `json:"resume_gateway_url"`
	}
	json.Unmarshal(ready.D, &r)
	if ready.T != "READY" || ready.S != 1 || r.ResumeURL != srv.GatewayURL() {
		t.Fatalf("got %s s=%d %s, want READY s=1", ready.T, ready.S, ready.D)
	}
	g.write(opHeartbeat, 1)
	if ack := g.read(); ack.Op != opHeartbeatAck {
		t.Fatalf("heartbeat answered with op %d", ack.Op)
	}

	srv.DropConnections()
	srv.SendMessage(MessageOpts{Content: "one"})
	srv.SendMessage(MessageOpts{Content: "two"})

	g2 := dialGateway(t, srv)
	g2.write(opResume, map[string]any{"token": "Bot x", "session_id": r.SessionID, "seq": 1})
	var got []string
	for range 3 {
		f := g2.read()
		got = append(got, f.T+" "+strconv.FormatInt(f.S, 10))
	}
	if diff := cmp.Diff([]string{"MESSAGE_CREATE 2", "MESSAGE_CREATE 3", "RESUMED 4"}, got); diff != "" {
		t.Errorf("resume frames mismatch (-want +got):\n%s", diff)
	}

	g3 := dialGateway(t, srv)
	g3.write(opResume, map[string]any{"token": "Bot x", "session_id": "unknown", "seq": 1})
	if f := g3.read(); f.Op != opInvalidSession {
		t.Errorf("resume of an unknown session answered with op %d, want 9", f.Op)
	}
}

func TestCloseEndsConnections(t *testing.T) {
	t.Parallel()
	srv := NewServer()
	g := dialGateway(t, srv)
	srv.Close() // returns only once every gateway goroutine has ended
	g.ws.SetReadDeadline(time.Now().Add(guard))
	if _, _, err := g.ws.ReadMessage(); err == nil || errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("read after Close = %v, want a closed connection", err)
	}
	srv.Close() // idempotent
}
