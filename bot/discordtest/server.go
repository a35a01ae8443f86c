package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Default identities used when no Option overrides them. They are realistic
// snowflakes, so shard routing ((guild_id >> 22) % shard_count) works on them.
const (
	DefaultAppID     = "1300000000000000001"
	DefaultBotName   = "briefbot"
	DefaultGuildID   = "1300000000000000100"
	DefaultChannelID = "1300000000000000200"
	DefaultUserID    = "1300000000000000300"
	DefaultUserName  = "alice"
)

// DefaultAppPermissions is the app_permissions value sent with interactions
// when InteractionOpts.AppPermissions is zero: what a bot invited with the
// usual scopes has in a text channel.
const DefaultAppPermissions int64 = discordgo.PermissionViewChannel |
	discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks |
	discordgo.PermissionAttachFiles |
	discordgo.PermissionReadMessageHistory |
	discordgo.PermissionUseApplicationCommands

// Server is a fake Discord: REST API under /api/v9 and a gateway websocket
// at /ws, on a loopback port. Create it with NewServer and stop it with Close.
// All methods are safe for concurrent use.
type Server struct {
	// URL is the base URL, e.g. http://127.0.0.1:PORT. Point the bot's
	// REST base (what replaces https://discord.com) at it.
	URL string
	// AppID, BotID and BotName identify the bot's application and user.
	AppID, BotID, BotName string
	// GuildID and ChannelID are the default guild and text channel that
	// events use when their options leave them empty.
	GuildID, ChannelID string
	// UserID and UserName are the default human author of events.
	UserID, UserName string

	cfg      config
	ts       *httptest.Server
	mux      *http.ServeMux
	upgrader websocket.Upgrader
	wsWG     sync.WaitGroup // one per live gateway handler
	nextID   atomic.Int64

	notifyMu sync.Mutex
	changed  chan struct{} // closed and replaced whenever state changes

	// mu guards everything below. Lock order: gwSession.mu before mu.
	mu           sync.Mutex
	closed       bool
	requests     []Request
	faults       []*fault
	sessions     map[string]*gwSession // by session id, resumable ones
	conns        map[*gwConn]struct{}
	identifies   int
	resumes      int
	heartbeats   int
	interactions map[string]*interactionState // by interaction id
	messages     map[string]*storedMessage    // by message id
	msgOrder     []string
	channels     map[string]*channelInfo
	dmByUser     map[string]string // user id -> DM channel id
	users        map[string]userInfo
	members      map[string]memberInfo // guild id + "/" + user id
	roles        map[string][]*discordgo.Role
	commands     map[string][]map[string]json.RawMessage // "" (global) or guild id
	commandIDs   map[string]string                       // scope + "/" + name -> id
	files        map[string][]byte                       // attachment id -> bytes
	nonces       map[string]string                       // channel id + "/" + nonce -> message id
	threadOf     map[string]string                       // message id -> thread started on it
}

type config struct {
	appID, botID, botName string
	guildID, channelID    string
	token                 string
	messageContent        bool
	heartbeat             time.Duration
	interactionDeadline   time.Duration
	shards                int
	botRole               string
}

// Option configures a Server.
type Option func(*config)

// WithAppID sets the application ID (default DefaultAppID). Unless
// WithBotUser says otherwise, the bot user has the same ID, as modern bots do.
func WithAppID(id string) Option { return func(c *config) { c.appID = id } }

// WithBotUser sets the bot user's ID and name.
func WithBotUser(id, name string) Option {
	return func(c *config) { c.botID, c.botName = id, name }
}

// WithGuild sets the default guild and text channel IDs.
func WithGuild(guildID, channelID string) Option {
	return func(c *config) { c.guildID, c.channelID = guildID, channelID }
}

// WithToken makes the server check credentials like Discord: REST calls
// must carry "Authorization: Bot <token>" (else 401) and IDENTIFY must carry
// the token (else the gateway closes with 4004). Without it any token whose
// REST header starts with "Bot " is accepted.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithMessageContentIntent says whether the application was granted the
// privileged MESSAGE_CONTENT intent. Without it (the default) an IDENTIFY
// asking for discordgo.IntentMessageContent is closed with 4014, and message
// content is blanked except in DMs, mentions and the bot's own messages. With
// it, content is visible to sessions that ask for the intent.
func WithMessageContentIntent(granted bool) Option {
	return func(c *config) { c.messageContent = granted }
}

// WithHeartbeatInterval sets the heartbeat_interval sent in HELLO (default
// 41.25 s, as Discord). Keep the default unless a test is about heartbeats:
// discordgo heartbeats once as soon as Open is done anyway, and with a short
// interval its heartbeat goroutine races Session.Close and DropConnections
// (a failed heartbeat write makes it Close the current connection and
// reconnect a second time, even after Session.Close).
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithInteractionDeadline makes interaction callbacks arriving later than d
// after SendInteraction fail with 404 "Unknown interaction" (code 10062), as
// Discord does after 3 s. Zero (the default) disables the check.
func WithInteractionDeadline(d time.Duration) Option {
	return func(c *config) { c.interactionDeadline = d }
}

// WithBotRole gives the bot its managed role in the default guild, as
// Discord does when a bot joins: a role named after the bot, managed by its
// integration, that members can mention (<@&roleID>).
func WithBotRole(roleID string) Option { return func(c *config) { c.botRole = roleID } }

// WithRecommendedShards sets the "shards" value of GET /gateway/bot (default 1).
func WithRecommendedShards(n int) Option { return func(c *config) { c.shards = n } }

// NewServer starts a fake Discord on 127.0.0.1. Call Close when done, after
// closing every discordgo.Session connected to it.
func NewServer(opts ...Option) *Server {
	cfg := config{
		appID:     DefaultAppID,
		botName:   DefaultBotName,
		guildID:   DefaultGuildID,
		channelID: DefaultChannelID,
		heartbeat: 41250 * time.Millisecond,
		shards:    1,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.botID == "" {
		cfg.botID = cfg.appID
	}
	if cfg.heartbeat < time.Millisecond {
		cfg.heartbeat = time.Millisecond // 0 would make discordgo's ticker panic
	}
	s := &Server{
		AppID: cfg.appID, BotID: cfg.botID, BotName: cfg.botName,
		GuildID: cfg.guildID, ChannelID: cfg.channelID,
		UserID: DefaultUserID, UserName: DefaultUserName,
		cfg:          cfg,
		changed:      make(chan struct{}),
		sessions:     map[string]*gwSession{},
		conns:        map[*gwConn]struct{}{},
		interactions: map[string]*interactionState{},
		messages:     map[string]*storedMessage{},
		channels:     map[string]*channelInfo{},
		dmByUser:     map[string]string{},
		users:        map[string]userInfo{},
		members:      map[string]memberInfo{},
		roles:        map[string][]*discordgo.Role{},
		commands:     map[string][]map[string]json.RawMessage{},
		commandIDs:   map[string]string{},
		files:        map[string][]byte{},
		nonces:       map[string]string{},
		threadOf:     map[string]string{},
	}
	s.upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	s.users[s.BotID] = userInfo{ID: s.BotID, Name: s.BotName, Bot: true}
	s.users[s.UserID] = userInfo{ID: s.UserID, Name: s.UserName}
	s.channels[s.ChannelID] = &channelInfo{ID: s.ChannelID, GuildID: s.GuildID, Name: "general"}
	s.members[s.GuildID+"/"+s.BotID] = memberInfo{UserID: s.BotID}
	if cfg.botRole != "" {
		s.roles[s.GuildID] = append(s.roles[s.GuildID], &discordgo.Role{ID: cfg.botRole, Name: s.BotName, Managed: true, Mentionable: true, Position: 1})
		s.members[s.GuildID+"/"+s.BotID] = memberInfo{UserID: s.BotID, Roles: []string{cfg.botRole}}
	}
	s.routes()
	s.ts = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.ts.URL
	return s
}

// Close closes every gateway connection, waits for their goroutines and
// stops the HTTP server. Close discordgo sessions first: a session whose
// server vanished keeps reconnecting with back-off.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
	s.wsWG.Wait()
	s.ts.Close()
	s.notify()
}

// newID returns a fresh, realistic snowflake.
func (s *Server) newID() string {
	const discordEpoch = 1420070400000
	n := s.nextID.Add(1)
	ms := time.Now().UnixMilli() - discordEpoch
	return strconv.FormatInt(ms<<22|n&0x3fffff, 10)
}

// notify wakes every WaitUntil / WaitFor caller.
func (s *Server) notify() {
	s.notifyMu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.notifyMu.Unlock()
}

func (s *Server) changedCh() <-chan struct{} {
	s.notifyMu.Lock()
	defer s.notifyMu.Unlock()
	return s.changed
}

// WaitUntil blocks until cond returns true or ctx ends. cond is evaluated
// again after every change of the server's state (a request, a gateway
// connection, an IDENTIFY, a RESUME, a dispatch); it may call Server methods.
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	for {
		ch := s.changedCh() // before cond, so no change is missed
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("discordtest: condition not met: %w", ctx.Err())
		}
	}
}

// Request is one REST request the server received.
type Request struct {
	Method string
	Path   string // e.g. /api/v9/channels/123/messages
	Query  url.Values
	Header http.Header // as sent, Authorization included
	Body   []byte
	// Route is the matched route pattern, e.g.
	// "POST /api/v9/channels/{channel}/messages"; empty for unknown routes.
	Route  string
	Status int // the status the server answered with
	Time   time.Time
}

// JSON decodes the request's JSON body into v. For multipart bodies (messages
// with files) it decodes the payload_json part.
func (r Request) JSON(v any) error {
	body, err := r.payload()
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// payload returns the JSON part of the body.
func (r Request) payload() ([]byte, error) {
	body, _, err := jsonPayload(r.Header.Get("Content-Type"), r.Body)
	return body, err
}

// Message decodes a message-shaped body (POST channel messages, followups,
// edits) into a discordgo.Message, components included.
func (r Request) Message() (*discordgo.Message, error) {
	var m discordgo.Message
	if err := r.JSON(&m); err != nil {
		return nil, fmt.Errorf("discordtest: decode message: %w", err)
	}
	return &m, nil
}

// InteractionResponse decodes an interaction callback body. Unlike a plain
// json.Unmarshal into discordgo.InteractionResponse, it understands
// components (discordgo cannot unmarshal InteractionResponseData.Components).
func (r Request) InteractionResponse() (*discordgo.InteractionResponse, error) {
	body, err := r.payload()
	if err != nil {
		return nil, err
	}
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, fmt.Errorf("discordtest: decode interaction response: %w", err)
	}
	resp := &discordgo.InteractionResponse{Type: raw.Type}
	if len(raw.Data) == 0 || string(raw.Data) == "null" {
		return resp, nil
	}
	var data struct {
		discordgo.InteractionResponseData
		Components json.RawMessage `json:"components"` // shadows the interface slice
	}
	if err := json.Unmarshal(raw.Data, &data); err != nil {
		return nil, fmt.Errorf("discordtest: decode interaction response data: %w", err)
	}
	resp.Data = &data.InteractionResponseData
	if len(data.Components) > 0 && string(data.Components) != "null" {
		var m discordgo.Message
		if err := json.Unmarshal([]byte(`{"components":`+string(data.Components)+`}`), &m); err != nil {
			return nil, fmt.Errorf("discordtest: decode components: %w", err)
		}
		resp.Data.Components = m.Components
	}
	return resp, nil
}

// String summarises the request, e.g. "POST /api/v9/channels/1/messages -> 200".
func (r Request) String() string {
	return fmt.Sprintf("%s %s -> %d", r.Method, r.Path, r.Status)
}

// Match returns a predicate for WaitFor matching requests whose method is
// method ("" for any) and whose path starts with pathPrefix.
func Match(method, pathPrefix string) func(Request) bool {
	return func(r Request) bool {
		return (method == "" || r.Method == method) && strings.HasPrefix(r.Path, pathPrefix)
	}
}

// Requests returns every REST request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitFor returns the first request, already received or still to come,
// for which match returns true. On timeout the error lists what was seen.
func (s *Server) WaitFor(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	err := s.WaitUntil(ctx, func() bool {
		for _, r := range s.Requests() {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	if err != nil {
		var seen []string
		for _, r := range s.Requests() {
			seen = append(seen, r.String())
		}
		return Request{}, fmt.Errorf("discordtest: no matching request among [%s]: %w", strings.Join(seen, ", "), ctx.Err())
	}
	return found, nil
}

type fault struct {
	method, prefix string
	status         int
	retryAfter     time.Duration
	left           int
	after          bool // the request takes effect; only its answer is lost
}

// FailNext makes the next times requests whose method is method ("" for any)
// and whose path starts with pathPrefix fail with status. A 429 carries
// Discord's body {"message":"You are being rate limited.","retry_after":S,
// "global":false} and the Retry-After and X-RateLimit-* headers; other
// statuses carry {"message":"<status text>","code":0}. The failed requests
// are recorded (with that status) but have no other effect.
func (s *Server) FailNext(method, pathPrefix string, status int, retryAfter time.Duration, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{method: method, prefix: pathPrefix, status: status, retryAfter: retryAfter, left: times})
}

// FailAfter makes the next times requests matching method and pathPrefix
// take effect as usual but answer status (a 5xx after the work was done, as
// when Discord's edge times out waiting for its backend): a client that
// retries without a nonce Discord enforces posts twice.
func (s *Server) FailAfter(method, pathPrefix string, status int, times int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{method: method, prefix: pathPrefix, status: status, left: times, after: true})
}

// takeFault returns the first matching armed fault, consuming one use.
func (s *Server) takeFault(r *http.Request) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.faults {
		if f.left > 0 && (f.method == "" || f.method == r.Method) && strings.HasPrefix(r.URL.Path, f.prefix) {
			f.left--
			return f
		}
	}
	return nil
}

// response is a buffered HTTP response: handlers fill it, and serveHTTP
// records the request before the client can see the answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (w *response) json(status int, v any) {
	w.status = status
	w.header.Set("Content-Type", "application/json")
	w.body, _ = json.Marshal(v)
}

// apiError writes a Discord-style JSON error.
func (w *response) apiError(status, code int, message string) {
	w.json(status, map[string]any{"message": message, "code": code})
}

type handler func(w *response, r *http.Request, body []byte)

func (s *Server) serveHTTP(hw http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/ws" || r.URL.Path == "/ws/" {
		s.serveGateway(hw, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	w := &response{status: http.StatusOK, header: http.Header{}}
	_, route := s.mux.Handler(r)
	switch f := s.takeFault(r); {
	case f != nil && f.after && route != "" && s.authorized(r, route):
		s.mux.ServeHTTP(&bodyPasser{w: w, body: body}, r)
		*w = response{status: http.StatusOK, header: http.Header{}}
		writeFault(w, f)
	case f != nil:
		writeFault(w, f)
	case route == "":
		w.apiError(http.StatusNotFound, 0, "404: Not Found")
	case !s.authorized(r, route):
		w.apiError(http.StatusUnauthorized, 0, "401: Unauthorized")
	default:
		s.mux.ServeHTTP(&bodyPasser{w: w, body: body}, r)
	}
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(),
		Body: body, Route: route, Status: w.status, Time: time.Now(),
	})
	s.mu.Unlock()
	s.notify()

	for k, v := range w.header {
		hw.Header()[k] = v
	}
	if w.body != nil {
		hw.Header().Set("Content-Length", strconv.Itoa(len(w.body)))
	}
	hw.WriteHeader(w.status)
	hw.Write(w.body)
}

// bodyPasser carries the buffered response and body through http.ServeMux,
// which sets the path values before calling the route's handler.
type bodyPasser struct {
	w    *response
	body []byte
}

func (b *bodyPasser) Header() http.Header { return b.w.header }
func (b *bodyPasser) Write(p []byte) (int, error) {
	b.w.body = append(b.w.body, p...)
	return len(p), nil
}
func (b *bodyPasser) WriteHeader(status int) { b.w.status = status }

// handle registers a route; the handler gets the buffered response and body.
func (s *Server) handle(pattern string, h handler) {
	s.mux.HandleFunc(pattern, func(hw http.ResponseWriter, r *http.Request) {
		bp := hw.(*bodyPasser)
		h(bp.w, r, bp.body)
	})
}

func writeFault(w *response, f *fault) {
	if f.status != http.StatusTooManyRequests {
		w.apiError(f.status, 0, fmt.Sprintf("%d: %s", f.status, http.StatusText(f.status)))
		return
	}
	secs := f.retryAfter.Seconds()
	w.header.Set("Retry-After", strconv.Itoa(int(f.retryAfter.Round(time.Second)/time.Second)))
	w.header.Set("X-RateLimit-Limit", "5")
	w.header.Set("X-RateLimit-Remaining", "0")
	w.header.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(f.retryAfter).UnixMilli())/1000, 'f', 3, 64))
	w.header.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
	w.header.Set("X-RateLimit-Bucket", "discordtest")
	w.header.Set("X-RateLimit-Scope", "user")
	w.json(http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": secs, "global": false,
	})
}

// authorized applies Discord's bot-token rule. Routes authenticated by their
// URL (gateway, interaction callbacks, webhooks) need no header.
func (s *Server) authorized(r *http.Request, route string) bool {
	if strings.HasPrefix(route, "GET /attachments/") {
		return true // attachment URLs are signed in the URL itself
	}
	for _, open := range []string{"/gateway", "/interactions/", "/webhooks/"} {
		if strings.Contains(route, "/api/v9"+open) {
			return true
		}
	}
	auth := r.Header.Get("Authorization")
	if s.cfg.token != "" {
		return auth == "Bot "+s.cfg.token
	}
	return strings.HasPrefix(auth, "Bot ") && len(auth) > len("Bot ")
}

// uploadedFile describes one file of a multipart message body.
type uploadedFile struct {
	Name, ContentType string
	Size              int
}

// jsonPayload returns the JSON part of a body and the files that came with
// it (multipart/form-data with payload_json, as discordgo sends files).
func jsonPayload(contentType string, body []byte) ([]byte, []uploadedFile, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		return body, nil, nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var payload []byte
	var files []uploadedFile
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("discordtest: multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, fmt.Errorf("discordtest: multipart body: %w", err)
		}
		if p.FormName() == "payload_json" {
			payload = data
		} else {
			files = append(files, uploadedFile{p.FileName(), p.Header.Get("Content-Type"), len(data)})
		}
	}
	return payload, files, nil
}
