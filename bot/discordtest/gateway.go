package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opResume         = 6
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// Gateway close codes the fake uses.
const (
	closeAuthenticationFailed = 4004
	closeAlreadyAuthenticated = 4005
	closeInvalidShard         = 4010
	closeDisallowedIntents    = 4014
)

const writeTimeout = 5 * time.Second

// maxLog bounds the events a session keeps for RESUME replays.
const maxLog = 1000

// gwConn is one gateway websocket.
type gwConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	sess    *gwSession  // guarded by Server.mu; nil until IDENTIFY/RESUME
	beat    atomic.Bool // a heartbeat arrived after READY/RESUMED
}

func (c *gwConn) write(frame []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
	return c.ws.WriteMessage(websocket.TextMessage, frame)
}

func (c *gwConn) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.write(b)
}

// closeWith sends a close frame with a gateway close code and hangs up.
func (c *gwConn) closeWith(code int, text string) {
	c.writeMu.Lock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(writeTimeout))
	c.writeMu.Unlock()
	c.ws.Close()
}

// gwSession is a gateway session: created by IDENTIFY, survives dropped
// connections so that RESUME can pick it up and replay missed events.
type gwSession struct {
	id      string // immutable
	token   string
	intents discordgo.Intent
	shard   [2]int

	mu   sync.Mutex
	seq  int64
	log  []loggedEvent
	conn *gwConn // nil while disconnected
}

type loggedEvent struct {
	seq   int64
	frame []byte
}

// send dispatches an event to the session, logging it for RESUME. The
// caller holds sess.mu. Write errors are ignored: the connection's reader
// notices the broken socket and detaches it.
func (g *gwSession) send(typ string, data any, logIt bool) {
	g.seq++
	frame, err := json.Marshal(struct {
		Op   int    `json:"op"`
		S    int64  `json:"s"`
		T    string `json:"t"`
		Data any    `json:"d"`
	}{opDispatch, g.seq, typ, data})
	if err != nil {
		panic("discordtest: marshal " + typ + ": " + err.Error())
	}
	if logIt {
		g.log = append(g.log, loggedEvent{g.seq, frame})
		if len(g.log) > maxLog {
			g.log = slices.Delete(g.log, 0, len(g.log)-maxLog)
		}
	}
	if g.conn != nil {
		g.conn.write(frame)
	}
}

// inShard reports whether Discord routes events of guildID ("" for DMs,
// which go to shard 0) to this session.
func (g *gwSession) inShard(guildID string) bool {
	if g.shard[1] <= 1 {
		return true
	}
	if guildID == "" {
		return g.shard[0] == 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return g.shard[0] == 0
	}
	return int((id>>22)%uint64(g.shard[1])) == g.shard[0]
}

// Session describes a gateway session the server knows.
type Session struct {
	ID      string
	Token   string           // token sent in IDENTIFY
	Intents discordgo.Intent // intents sent in IDENTIFY
	Shard   [2]int           // [shard_id, num_shards]; [0, 1] when not sharded
	// Connected says a websocket carries the session: READY or RESUMED was
	// sent on it and the client has heartbeated since, which discordgo
	// does as soon as Open has finished.
	Connected bool
	Seq       int64 // last sequence number dispatched
}

// Sessions lists the gateway sessions that are resumable (identified and
// not closed by the client with code 1000/1001), oldest first.
func (s *Server) Sessions() []Session {
	var out []Session
	for _, g := range s.sessionList() {
		g.mu.Lock()
		out = append(out, Session{
			ID: g.id, Token: g.token, Intents: g.intents, Shard: g.shard,
			Connected: g.conn != nil && g.conn.beat.Load(), Seq: g.seq,
		})
		g.mu.Unlock()
	}
	return out
}

// sessionList returns the sessions ordered by id (ids grow with time).
func (s *Server) sessionList() []*gwSession {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*gwSession, 0, len(s.sessions))
	for _, g := range s.sessions {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *gwSession) int {
		if len(a.id) != len(b.id) {
			return len(a.id) - len(b.id)
		}
		return strings.Compare(a.id, b.id)
	})
	return out
}

// connected counts the sessions that currently have a live websocket.
func (s *Server) connected() int {
	n := 0
	for _, g := range s.Sessions() {
		if g.Connected {
			n++
		}
	}
	return n
}

// WaitReady blocks until at least one gateway session is connected (see
// Session.Connected): the client has READY (or RESUMED) and has sent its
// first heartbeat, so discordgo's Open has returned. After DropConnections
// it waits for a reconnection.
func (s *Server) WaitReady(ctx context.Context) error {
	return s.WaitUntil(ctx, func() bool { return s.connected() > 0 })
}

// Identifies counts the IDENTIFY payloads accepted so far.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies
}

// Heartbeats counts the heartbeats (op 1) received so far.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// Resumes counts the RESUME payloads accepted so far.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// DropConnections closes every gateway websocket abruptly, without a close
// frame (the client sees 1006), as a network failure would. Sessions stay
// resumable and events dispatched meanwhile are replayed on RESUME.
func (s *Server) DropConnections() {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		s.detach(c)
		c.ws.Close()
	}
	s.notify()
}

// detach forgets c as the connection of its session, if it still is.
func (s *Server) detach(c *gwConn) {
	s.mu.Lock()
	g := c.sess
	s.mu.Unlock()
	if g == nil {
		return
	}
	g.mu.Lock()
	if g.conn == c {
		g.conn = nil
	}
	g.mu.Unlock()
}

// Dispatch sends an arbitrary event (e.g. "GUILD_MEMBER_ADD") to every
// session, ignoring intents and shards. data is marshalled as the "d" field.
func (s *Server) Dispatch(event string, data any) {
	for _, g := range s.sessionList() {
		g.mu.Lock()
		g.send(event, data, true)
		g.mu.Unlock()
	}
	s.notify()
}

// dispatch sends an event to the sessions that Discord would route it to:
// those on guildID's shard that asked for intent (0 for none needed).
// payload builds the data per session.
func (s *Server) dispatch(event, guildID string, intent discordgo.Intent, payload func(*gwSession) any) {
	for _, g := range s.sessionList() {
		if !g.inShard(guildID) || g.intents&intent != intent {
			continue
		}
		g.mu.Lock()
		g.send(event, payload(g), true)
		g.mu.Unlock()
	}
	s.notify()
}

// GatewayURL is the websocket URL that GET /api/v9/gateway hands out,
// e.g. ws://127.0.0.1:PORT/ws.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/ws"
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "closed", http.StatusServiceUnavailable)
		return
	}
	s.wsWG.Add(1)
	s.mu.Unlock()
	defer s.wsWG.Done()

	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.detach(c)
		ws.Close()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		s.notify()
	}()

	hello := map[string]any{"op": opHello, "d": map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()}}
	if c.writeJSON(hello) != nil {
		return
	}
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
				s.invalidate(c) // Discord ends the session on a clean close
			}
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(msg, &p) != nil {
			c.closeWith(4002, "Error while decoding payload.")
			return
		}
		switch p.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.heartbeats++
			attached := c.sess != nil
			s.mu.Unlock()
			if attached {
				c.beat.Store(true)
			}
			s.notify()
			c.writeJSON(map[string]any{"op": opHeartbeatAck})
		case opIdentify:
			if !s.identify(c, p.D) {
				return
			}
		case opResume:
			s.resume(c, p.D)
		case opPresenceUpdate:
			// accepted and ignored
		}
	}
}

// invalidate removes the session carried by c.
func (s *Server) invalidate(c *gwConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.sess != nil {
		delete(s.sessions, c.sess.id)
	}
}

func (s *Server) tokenOK(token string) bool {
	if s.cfg.token == "" {
		return token != ""
	}
	return token == s.cfg.token || token == "Bot "+s.cfg.token
}

// identify handles op 2; it returns false when it closed the connection.
func (s *Server) identify(c *gwConn, raw json.RawMessage) bool {
	var d struct {
		Token   string           `json:"token"`
		Intents discordgo.Intent `json:"intents"`
		Shard   *[2]int          `json:"shard"`
	}
	s.mu.Lock()
	again := c.sess != nil
	s.mu.Unlock()
	if again {
		c.closeWith(closeAlreadyAuthenticated, "Already authenticated.")
		return false
	}
	if json.Unmarshal(raw, &d) != nil || !s.tokenOK(d.Token) {
		c.closeWith(closeAuthenticationFailed, "Authentication failed.")
		return false
	}
	if d.Intents&discordgo.IntentMessageContent != 0 && !s.cfg.messageContent {
		c.closeWith(closeDisallowedIntents, "Disallowed intent(s).")
		return false
	}
	shard := [2]int{0, 1}
	if d.Shard != nil {
		shard = *d.Shard
	}
	if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
		c.closeWith(closeInvalidShard, "Invalid shard.")
		return false
	}
	g := &gwSession{id: s.newID(), token: d.Token, intents: d.Intents, shard: shard}

	g.mu.Lock()
	s.mu.Lock()
	s.sessions[g.id] = g
	c.sess = g
	s.identifies++
	s.mu.Unlock()
	g.conn = c
	guilds := []map[string]any{}
	if g.inShard(s.GuildID) {
		guilds = append(guilds, map[string]any{"id": s.GuildID, "unavailable": true})
	}
	g.send("READY", map[string]any{
		"v":                  10,
		"session_id":         g.id,
		"session_type":       "normal",
		"resume_gateway_url": s.GatewayURL(),
		"user":               s.userJSON(s.BotID),
		"application":        map[string]any{"id": s.AppID, "flags": s.appFlags()},
		"guilds":             guilds,
		"private_channels":   []any{},
		"shard":              shard,
	}, true)
	if len(guilds) > 0 && g.intents&discordgo.IntentGuilds != 0 {
		g.send("GUILD_CREATE", s.guildJSON(s.GuildID, true), true)
	}
	g.mu.Unlock()
	s.notify()
	return true
}

// resume handles op 6: replay what the client missed, then RESUMED.
func (s *Server) resume(c *gwConn, raw json.RawMessage) {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	json.Unmarshal(raw, &d)
	s.mu.Lock()
	g := s.sessions[d.SessionID]
	s.mu.Unlock()
	if g == nil || g.token != d.Token {
		c.writeJSON(map[string]any{"op": opInvalidSession, "d": false})
		return
	}
	g.mu.Lock()
	if len(g.log) > 0 && d.Seq < g.log[0].seq-1 {
		g.mu.Unlock()
		c.writeJSON(map[string]any{"op": opInvalidSession, "d": false})
		return
	}
	old := g.conn
	s.mu.Lock()
	c.sess = g
	s.resumes++
	s.mu.Unlock()
	g.conn = c
	for _, e := range g.log {
		if e.seq > d.Seq {
			c.write(e.frame)
		}
	}
	g.send("RESUMED", map[string]any{}, false)
	g.mu.Unlock()
	if old != nil && old != c {
		old.ws.Close()
	}
	s.notify()
}

// appFlags are the application flags: GATEWAY_MESSAGE_CONTENT_LIMITED
// (1<<19) when the privileged intent was granted.
func (s *Server) appFlags() int {
	if s.cfg.messageContent {
		return 1 << 19
	}
	return 0
}
