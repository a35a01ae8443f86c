package discordtest

import (
	"encoding/json"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord JSON error codes the fake returns.
const (
	codeUnknownChannel     = 10003
	codeUnknownGuild       = 10004
	codeUnknownMember      = 10007
	codeUnknownMessage     = 10008
	codeUnknownUser        = 10013
	codeUnknownWebhook     = 10015
	codeUnknownInteraction = 10062
	codeTooManyCommands    = 30032
	codeMissingAccess      = 50001
	codeOtherUsersMessage  = 50005
	codeEmptyMessage       = 50006
	codeInvalidFormBody    = 50035
	codeAlreadyAcked       = 40060
	codeInvalidJSON        = 50109
)

// Message limits Discord enforces (https://discord.com/developers/docs/resources/message).
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTotal       = 6000
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxAuthorName       = 256
	maxChoices          = 25
)

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	const api = "/api/v9"
	s.handle("GET "+api+"/gateway", func(w *response, _ *http.Request, _ []byte) {
		w.json(http.StatusOK, map[string]any{"url": s.GatewayURL()})
	})
	s.handle("GET "+api+"/gateway/bot", func(w *response, _ *http.Request, _ []byte) {
		w.json(http.StatusOK, map[string]any{
			"url": s.GatewayURL(), "shards": s.cfg.shards,
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1},
		})
	})
	s.handle("GET "+api+"/users/@me", func(w *response, _ *http.Request, _ []byte) {
		u := s.userJSON(s.BotID)
		u["verified"], u["mfa_enabled"], u["flags"] = true, false, 0
		w.json(http.StatusOK, u)
	})
	s.handle("GET "+api+"/users/{user}", s.getUser)
	s.handle("POST "+api+"/users/@me/channels", s.createDM)
	s.handle("GET "+api+"/applications/@me", func(w *response, _ *http.Request, _ []byte) {
		w.json(http.StatusOK, map[string]any{
			"id": s.AppID, "name": s.BotName, "description": "", "icon": nil,
			"bot_public": true, "bot_require_code_grant": false, "flags": s.appFlags(),
			"bot": s.userJSON(s.BotID),
		})
	})
	s.handle("GET "+api+"/applications/{app}/commands", s.getCommands)
	s.handle("PUT "+api+"/applications/{app}/commands", s.putCommands)
	s.handle("GET "+api+"/applications/{app}/guilds/{guild}/commands", s.getCommands)
	s.handle("PUT "+api+"/applications/{app}/guilds/{guild}/commands", s.putCommands)
	s.handle("POST "+api+"/interactions/{id}/{token}/callback", s.callback)
	s.handle("POST "+api+"/webhooks/{app}/{token}", s.followup)
	s.handle("GET "+api+"/webhooks/{app}/{token}/messages/{message}", s.webhookMessage)
	s.handle("PATCH "+api+"/webhooks/{app}/{token}/messages/{message}", s.webhookMessage)
	s.handle("DELETE "+api+"/webhooks/{app}/{token}/messages/{message}", s.webhookMessage)
	s.handle("GET "+api+"/channels/{channel}", s.getChannel)
	s.handle("POST "+api+"/channels/{channel}/messages", s.createMessage)
	s.handle("GET "+api+"/channels/{channel}/messages/{message}", s.channelMessage)
	s.handle("PATCH "+api+"/channels/{channel}/messages/{message}", s.channelMessage)
	s.handle("DELETE "+api+"/channels/{channel}/messages/{message}", s.channelMessage)
	s.handle("POST "+api+"/channels/{channel}/messages/{message}/threads", s.startThread)
	s.handle("PUT "+api+"/channels/{channel}/messages/{message}/reactions/{emoji}/@me", s.addReaction)
	s.handle("GET /attachments/{id}/{name}", func(w *response, r *http.Request, _ []byte) {
		s.mu.Lock()
		data, ok := s.files[r.PathValue("id")]
		s.mu.Unlock()
		if !ok {
			w.apiError(http.StatusNotFound, 0, "404: Not Found")
			return
		}
		w.header.Set("Content-Type", "application/octet-stream")
		w.body = data
	})
	s.handle("POST "+api+"/channels/{channel}/typing", func(w *response, r *http.Request, _ []byte) {
		if s.channel(r.PathValue("channel")) == nil {
			w.apiError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
			return
		}
		w.status = http.StatusNoContent
	})
	s.handle("GET "+api+"/guilds/{guild}", s.getGuild)
	s.handle("GET "+api+"/guilds/{guild}/members/{user}", s.getMember)
	s.handle("GET "+api+"/guilds/{guild}/roles", s.getRoles)
}

// apiErr is a Discord error response built before it is written.
type apiErr struct {
	status int
	body   map[string]any
}

func (w *response) fail(e *apiErr) { w.json(e.status, e.body) }

func newAPIErr(status, code int, message string) *apiErr {
	return &apiErr{status, map[string]any{"message": message, "code": code}}
}

// formError is Discord's 50035 "Invalid Form Body" with the offending
// field's path, e.g. formError("BASE_TYPE_MAX_LENGTH", "...", "content").
func formError(code, message string, path ...string) *apiErr {
	var errs any = map[string]any{"_errors": []any{map[string]string{"code": code, "message": message}}}
	for i := len(path) - 1; i >= 0; i-- {
		errs = map[string]any{path[i]: errs}
	}
	return &apiErr{http.StatusBadRequest, map[string]any{
		"message": "Invalid Form Body", "code": codeInvalidFormBody, "errors": errs,
	}}
}

func tooLong(max int, path ...string) *apiErr {
	return formError("BASE_TYPE_MAX_LENGTH", "Must be "+itoa(max)+" or fewer in length.", path...)
}

func itoa(n int) string { return strconv.Itoa(n) }

// ---- users, channels, guilds ----

func (s *Server) getUser(w *response, r *http.Request, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := r.PathValue("user")
	if _, ok := s.users[id]; !ok {
		w.apiError(http.StatusNotFound, codeUnknownUser, "Unknown User")
		return
	}
	w.json(http.StatusOK, s.userJSONLocked(id))
}

func (s *Server) createDM(w *response, r *http.Request, body []byte) {
	var d struct {
		RecipientID string `json:"recipient_id"`
	}
	if json.Unmarshal(body, &d) != nil || d.RecipientID == "" {
		w.fail(formError("BASE_TYPE_REQUIRED", "This field is required", "recipient_id"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[d.RecipientID]; !ok {
		w.apiError(http.StatusBadRequest, codeUnknownUser, "Unknown User")
		return
	}
	w.json(http.StatusOK, s.channelJSONLocked(s.dmChannelLocked(d.RecipientID)))
}

func (s *Server) channel(id string) *channelInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[id]; c != nil {
		cp := *c
		return &cp
	}
	return nil
}

func (s *Server) getChannel(w *response, r *http.Request, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channelJSONLocked(r.PathValue("channel"))
	if c == nil {
		w.apiError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
		return
	}
	w.json(http.StatusOK, c)
}

// knownGuildLocked reports whether any channel or member belongs to id.
func (s *Server) knownGuildLocked(id string) bool {
	if id == s.GuildID {
		return true
	}
	for _, c := range s.channels {
		if c.GuildID == id {
			return true
		}
	}
	return false
}

func (s *Server) getGuild(w *response, r *http.Request, _ []byte) {
	id := r.PathValue("guild")
	s.mu.Lock()
	known := s.knownGuildLocked(id)
	s.mu.Unlock()
	if !known {
		w.apiError(http.StatusNotFound, codeUnknownGuild, "Unknown Guild")
		return
	}
	w.json(http.StatusOK, s.guildJSON(id, false))
}

func (s *Server) getMember(w *response, r *http.Request, _ []byte) {
	g, u := r.PathValue("guild"), r.PathValue("user")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.members[g+"/"+u]; !ok {
		w.apiError(http.StatusNotFound, codeUnknownMember, "Unknown Member")
		return
	}
	w.json(http.StatusOK, s.memberJSONLocked(g, u))
}

func (s *Server) getRoles(w *response, r *http.Request, _ []byte) {
	g := r.PathValue("guild")
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.knownGuildLocked(g) {
		w.apiError(http.StatusNotFound, codeUnknownGuild, "Unknown Guild")
		return
	}
	w.json(http.StatusOK, s.rolesJSONLocked(g))
}

// ---- messages ----

// messageBody is a parsed message create/edit body.
type messageBody struct {
	fields map[string]json.RawMessage
	files  []uploadedFile
}

func parseMessageBody(r *http.Request, body []byte) (*messageBody, *apiErr) {
	payload, files, err := jsonPayload(r.Header.Get("Content-Type"), body)
	if err != nil {
		return nil, newAPIErr(http.StatusBadRequest, codeInvalidJSON, "The request body contains invalid JSON.")
	}
	mb := &messageBody{files: files, fields: map[string]json.RawMessage{}}
	if len(payload) > 0 && json.Unmarshal(payload, &mb.fields) != nil {
		return nil, newAPIErr(http.StatusBadRequest, codeInvalidJSON, "The request body contains invalid JSON.")
	}
	return mb, nil
}

func (b *messageBody) has(key string) bool {
	v, ok := b.fields[key]
	return ok && string(v) != "null"
}

func nonEmptyArray(raw json.RawMessage) bool {
	var a []json.RawMessage
	return json.Unmarshal(raw, &a) == nil && len(a) > 0
}

// validate checks Discord's limits on the fields present in the body.
func (b *messageBody) validate() *apiErr {
	if b.has("content") {
		var c string
		if json.Unmarshal(b.fields["content"], &c) != nil {
			return formError("BASE_TYPE_STRING", "Must be a string.", "content")
		}
		if utf8.RuneCountInString(c) > maxContent {
			return tooLong(maxContent, "content")
		}
	}
	if b.has("embeds") {
		var embeds []*discordgo.MessageEmbed
		if json.Unmarshal(b.fields["embeds"], &embeds) != nil {
			return formError("MODEL_TYPE_CONVERT", "Could not interpret the embeds.", "embeds")
		}
		if e := validateEmbeds(embeds); e != nil {
			return e
		}
	}
	return nil
}

func validateEmbeds(embeds []*discordgo.MessageEmbed) *apiErr {
	if len(embeds) > maxEmbeds {
		return tooLong(maxEmbeds, "embeds")
	}
	n := utf8.RuneCountInString
	total := 0
	for i, e := range embeds {
		if e == nil {
			continue
		}
		idx := itoa(i)
		switch {
		case n(e.Title) > maxEmbedTitle:
			return tooLong(maxEmbedTitle, "embeds", idx, "title")
		case n(e.Description) > maxEmbedDescription:
			return tooLong(maxEmbedDescription, "embeds", idx, "description")
		case len(e.Fields) > maxEmbedFields:
			return tooLong(maxEmbedFields, "embeds", idx, "fields")
		case e.Footer != nil && n(e.Footer.Text) > maxFooter:
			return tooLong(maxFooter, "embeds", idx, "footer", "text")
		case e.Author != nil && n(e.Author.Name) > maxAuthorName:
			return tooLong(maxAuthorName, "embeds", idx, "author", "name")
		}
		total += n(e.Title) + n(e.Description)
		if e.Footer != nil {
			total += n(e.Footer.Text)
		}
		if e.Author != nil {
			total += n(e.Author.Name)
		}
		for j, f := range e.Fields {
			if f == nil {
				continue
			}
			if n(f.Name) > maxFieldName {
				return tooLong(maxFieldName, "embeds", idx, "fields", itoa(j), "name")
			}
			if n(f.Value) > maxFieldValue {
				return tooLong(maxFieldValue, "embeds", idx, "fields", itoa(j), "value")
			}
			total += n(f.Name) + n(f.Value)
		}
	}
	if total > maxEmbedTotal {
		return formError("MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000", "embeds")
	}
	return nil
}

// apply copies the body's fields onto a stored message.
func (b *messageBody) apply(m *storedMessage, s *Server) {
	if v, ok := b.fields["content"]; ok {
		var c *string
		json.Unmarshal(v, &c)
		m.Content = ""
		if c != nil {
			m.Content = *c
		}
	}
	if v, ok := b.fields["embeds"]; ok {
		m.Embeds = v
	}
	if v, ok := b.fields["components"]; ok {
		m.Components = v
	}
	if v, ok := b.fields["flags"]; ok {
		var f int64
		json.Unmarshal(v, &f)
		m.Flags = m.Flags&int64(discordgo.MessageFlagsEphemeral) | f
	}
	for _, f := range b.files {
		m.Attachments = append(m.Attachments, map[string]any{
			"id": s.newID(), "filename": f.Name, "size": f.Size, "content_type": f.ContentType,
			"url": s.URL + "/attachments/" + f.Name, "proxy_url": s.URL + "/attachments/" + f.Name,
		})
	}
}

// empty reports whether a message has nothing to show.
func (m *storedMessage) empty() bool {
	return m.Content == "" && !nonEmptyArray(m.Embeds) && !nonEmptyArray(m.Components) && len(m.Attachments) == 0
}

var errEmptyMessage = newAPIErr(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")

// newBotMessage builds and validates a message the bot creates.
func (s *Server) newBotMessage(b *messageBody, channelID, guildID string) (*storedMessage, *apiErr) {
	if e := b.validate(); e != nil {
		return nil, e
	}
	m := &storedMessage{ID: s.newID(), ChannelID: channelID, GuildID: guildID, AuthorID: s.BotID, Timestamp: time.Now()}
	b.apply(m, s)
	if m.empty() && !b.has("sticker_ids") && !b.has("poll") {
		return nil, errEmptyMessage
	}
	return m, nil
}

// editMessage applies an edit body; the result must not be empty.
func (s *Server) editMessage(m *storedMessage, b *messageBody) *apiErr {
	if e := b.validate(); e != nil {
		return e
	}
	edited := *m
	b.apply(&edited, s)
	edited.Flags &^= int64(discordgo.MessageFlagsLoading)
	if edited.empty() {
		return errEmptyMessage
	}
	now := time.Now()
	edited.Edited = &now
	*m = edited
	return nil
}

func (s *Server) createMessage(w *response, r *http.Request, body []byte) {
	c := s.channel(r.PathValue("channel"))
	if c == nil {
		w.apiError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
		return
	}
	b, e := parseMessageBody(r, body)
	if e != nil {
		w.fail(e)
		return
	}
	m, e := s.newBotMessage(b, c.ID, c.GuildID)
	if e != nil {
		w.fail(e)
		return
	}
	if b.has("message_reference") {
		m.Type = int(discordgo.MessageTypeReply)
		var ref struct {
			MessageID string `json:"message_id"`
		}
		json.Unmarshal(b.fields["message_reference"], &ref)
		m.ReplyTo = ref.MessageID
	}
	nonceKey := ""
	if b.has("nonce") && b.has("enforce_nonce") && string(b.fields["enforce_nonce"]) == "true" {
		nonceKey = c.ID + "/" + strings.Trim(string(b.fields["nonce"]), `"`)
	}
	s.mu.Lock()
	if first := s.messages[s.nonces[nonceKey]]; nonceKey != "" && first != nil {
		// Discord answers a repeated enforced nonce with the message it made.
		j := s.messageJSONLocked(first)
		s.mu.Unlock()
		w.json(http.StatusOK, j)
		return
	}
	if nonceKey != "" {
		s.nonces[nonceKey] = m.ID
	}
	s.addMessageLocked(m)
	j := s.messageJSONLocked(m)
	s.mu.Unlock()
	w.json(http.StatusOK, j)
	s.echo(m)
}

// startThread starts a public thread on a message: a channel whose
// parent is the message's channel, owned by the bot, announced with
// THREAD_CREATE.
func (s *Server) startThread(w *response, r *http.Request, body []byte) {
	var d struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(body, &d) != nil || d.Name == "" || utf8.RuneCountInString(d.Name) > 100 {
		w.fail(formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "name"))
		return
	}
	s.mu.Lock()
	m := s.messages[r.PathValue("message")]
	if m == nil || m.ChannelID != r.PathValue("channel") || m.GuildID == "" {
		s.mu.Unlock()
		w.apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return
	}
	if _, ok := s.threadOf[m.ID]; ok {
		s.mu.Unlock()
		w.apiError(http.StatusBadRequest, 160004, "A thread has already been created for this message")
		return
	}
	// A thread started on a message has the message's ID.
	c := &channelInfo{ID: m.ID, GuildID: m.GuildID, Name: d.Name, ParentID: m.ChannelID, OwnerID: s.BotID}
	s.channels[c.ID] = c
	s.threadOf[m.ID] = c.ID
	j := s.channelJSONLocked(c.ID)
	s.mu.Unlock()
	w.json(http.StatusCreated, j)
	s.dispatch("THREAD_CREATE", c.GuildID, discordgo.IntentGuilds, func(*gwSession) any {
		t := maps.Clone(j)
		t["newly_created"] = true
		return t
	})
}

// addReaction records the bot's reaction to a message.
func (s *Server) addReaction(w *response, r *http.Request, _ []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[r.PathValue("message")]
	if m == nil || m.ChannelID != r.PathValue("channel") {
		w.apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return
	}
	emoji := r.PathValue("emoji")
	if !slices.Contains(m.Reactions, emoji) {
		m.Reactions = append(m.Reactions, emoji)
	}
	w.status = http.StatusNoContent
}

func (s *Server) channelMessage(w *response, r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[r.PathValue("message")]
	if m == nil || m.ChannelID != r.PathValue("channel") {
		w.apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return
	}
	switch r.Method {
	case http.MethodGet:
		w.json(http.StatusOK, s.messageJSONLocked(m))
	case http.MethodDelete:
		delete(s.messages, m.ID)
		w.status = http.StatusNoContent
	case http.MethodPatch:
		if m.AuthorID != s.BotID {
			w.apiError(http.StatusForbidden, codeOtherUsersMessage, "Cannot edit a message authored by another user")
			return
		}
		b, e := parseMessageBody(r, body)
		if e == nil {
			e = s.editMessage(m, b)
		}
		if e != nil {
			w.fail(e)
			return
		}
		w.json(http.StatusOK, s.messageJSONLocked(m))
	}
}

// ---- interactions ----

// callbackTypes lists the response types Discord accepts per interaction type.
var callbackTypes = map[discordgo.InteractionType][]discordgo.InteractionResponseType{
	discordgo.InteractionPing:                           {discordgo.InteractionResponsePong},
	discordgo.InteractionApplicationCommand:             {4, 5, 9},
	discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
	discordgo.InteractionApplicationCommandAutocomplete: {8},
	discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
}

func (s *Server) callback(w *response, r *http.Request, body []byte) {
	payload, files, err := jsonPayload(r.Header.Get("Content-Type"), body)
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err != nil || json.Unmarshal(payload, &resp) != nil {
		w.apiError(http.StatusBadRequest, codeInvalidJSON, "The request body contains invalid JSON.")
		return
	}
	data := &messageBody{fields: map[string]json.RawMessage{}, files: files}
	if len(resp.Data) > 0 && string(resp.Data) != "null" && json.Unmarshal(resp.Data, &data.fields) != nil {
		w.fail(formError("MODEL_TYPE_CONVERT", "Could not interpret the data.", "data"))
		return
	}

	s.mu.Lock()
	in := s.interactions[r.PathValue("id")]
	if in == nil || in.Token != r.PathValue("token") ||
		(s.cfg.interactionDeadline > 0 && time.Since(in.Created) > s.cfg.interactionDeadline) {
		s.mu.Unlock()
		w.apiError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
		return
	}
	if in.Acked {
		s.mu.Unlock()
		w.apiError(http.StatusBadRequest, codeAlreadyAcked, "Interaction has already been acknowledged.")
		return
	}
	valid := false
	for _, t := range callbackTypes[in.Type] {
		valid = valid || t == resp.Type
	}
	if !valid {
		s.mu.Unlock()
		w.fail(formError("INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type for this interaction", "type"))
		return
	}
	var echo *storedMessage
	var e *apiErr
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		var m *storedMessage
		if m, e = s.newBotMessage(data, in.ChannelID, in.GuildID); e == nil {
			s.attachLocked(in, m)
			echo = m
		}
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		var f struct {
			Flags int64 `json:"flags"`
		}
		json.Unmarshal(resp.Data, &f)
		m := &storedMessage{ID: s.newID(), ChannelID: in.ChannelID, GuildID: in.GuildID, AuthorID: s.BotID,
			Timestamp: time.Now(), Flags: f.Flags&int64(discordgo.MessageFlagsEphemeral) | int64(discordgo.MessageFlagsLoading)}
		s.attachLocked(in, m)
	case discordgo.InteractionResponseDeferredMessageUpdate:
		in.OriginalID = s.componentMessageLocked(in).ID
	case discordgo.InteractionResponseUpdateMessage:
		m := s.componentMessageLocked(in)
		if e = s.editMessage(m, data); e == nil {
			in.OriginalID = m.ID
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		var d struct {
			Choices []struct {
				Name string `json:"name"`
			} `json:"choices"`
		}
		json.Unmarshal(resp.Data, &d)
		if len(d.Choices) > maxChoices {
			e = tooLong(maxChoices, "data", "choices")
		}
		for i, c := range d.Choices {
			if n := utf8.RuneCountInString(c.Name); e == nil && (n < 1 || n > 100) {
				e = formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "data", "choices", itoa(i), "name")
			}
		}
	}
	if e == nil {
		in.Acked = true
	}
	s.mu.Unlock()
	if e != nil {
		w.fail(e)
		return
	}
	w.status = http.StatusNoContent
	if echo != nil {
		s.echo(echo)
	}
}

// componentMessageLocked returns the message a component interaction came
// from, storing it first if the bot never sent it through the fake.
func (s *Server) componentMessageLocked(in *interactionState) *storedMessage {
	if m := s.messages[in.MessageID]; m != nil {
		return m
	}
	m := &storedMessage{ID: orDefault(in.MessageID, s.newID()), ChannelID: in.ChannelID, GuildID: in.GuildID,
		AuthorID: s.BotID, Timestamp: time.Now()}
	s.addMessageLocked(m)
	return m
}

// attachLocked stores m as the interaction's original response.
func (s *Server) attachLocked(in *interactionState, m *storedMessage) {
	m.WebhookID, m.InteractionID, m.InteractionType, m.InteractionUserID = s.AppID, in.ID, in.Type, in.UserID
	if in.Type == discordgo.InteractionApplicationCommand {
		m.Type = int(discordgo.MessageTypeChatInputCommand)
	}
	s.addMessageLocked(m)
	in.OriginalID = m.ID
}

// webhookInteractionLocked finds the interaction a webhook URL belongs to.
func (s *Server) webhookInteractionLocked(r *http.Request) *interactionState {
	if r.PathValue("app") != s.AppID {
		return nil
	}
	token := r.PathValue("token")
	for _, in := range s.interactions {
		if in.Token == token {
			return in
		}
	}
	return nil
}

func (s *Server) followup(w *response, r *http.Request, body []byte) {
	b, e := parseMessageBody(r, body)
	if e != nil {
		w.fail(e)
		return
	}
	s.mu.Lock()
	in := s.webhookInteractionLocked(r)
	if in == nil || !in.Acked {
		s.mu.Unlock()
		w.apiError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
		return
	}
	m, e := s.newBotMessage(b, in.ChannelID, in.GuildID)
	if e != nil {
		s.mu.Unlock()
		w.fail(e)
		return
	}
	m.WebhookID, m.InteractionID, m.InteractionType, m.InteractionUserID = s.AppID, in.ID, in.Type, in.UserID
	s.addMessageLocked(m)
	in.Followups = append(in.Followups, m.ID)
	j := s.messageJSONLocked(m)
	s.mu.Unlock()
	if r.URL.Query().Get("wait") == "true" {
		w.json(http.StatusOK, j)
	} else {
		w.status = http.StatusNoContent
	}
	s.echo(m)
}

func (s *Server) webhookMessage(w *response, r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.webhookInteractionLocked(r)
	if in == nil {
		w.apiError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
		return
	}
	id := r.PathValue("message")
	if id == "@original" {
		id = in.OriginalID
	} else if id != in.OriginalID && !containsString(in.Followups, id) {
		id = ""
	}
	m := s.messages[id]
	if m == nil {
		w.apiError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
		return
	}
	switch r.Method {
	case http.MethodGet:
		w.json(http.StatusOK, s.messageJSONLocked(m))
	case http.MethodDelete:
		delete(s.messages, m.ID)
		w.status = http.StatusNoContent
	case http.MethodPatch:
		b, e := parseMessageBody(r, body)
		if e == nil {
			e = s.editMessage(m, b)
		}
		if e != nil {
			w.fail(e)
			return
		}
		w.json(http.StatusOK, s.messageJSONLocked(m))
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ---- application commands ----

var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}]{1,32}$`)

type commandOption struct {
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Type        int               `json:"type"`
	Required    bool              `json:"required"`
	Choices     []json.RawMessage `json:"choices"`
	Options     []commandOption   `json:"options"`
}

func (s *Server) commandScope(w *response, r *http.Request) (string, bool) {
	if r.PathValue("app") != s.AppID {
		w.apiError(http.StatusForbidden, codeMissingAccess, "Missing Access")
		return "", false
	}
	return r.PathValue("guild"), true
}

func (s *Server) getCommands(w *response, r *http.Request, _ []byte) {
	scope, ok := s.commandScope(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[scope]
	if cmds == nil {
		cmds = []map[string]json.RawMessage{}
	}
	w.json(http.StatusOK, cmds)
}

func (s *Server) putCommands(w *response, r *http.Request, body []byte) {
	scope, ok := s.commandScope(w, r)
	if !ok {
		return
	}
	var in []map[string]json.RawMessage
	if json.Unmarshal(body, &in) != nil {
		w.apiError(http.StatusBadRequest, codeInvalidJSON, "The request body contains invalid JSON.")
		return
	}
	if e := validateCommands(in); e != nil {
		w.fail(e)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for key := range s.commandIDs {
		if strings.HasPrefix(key, scope+"/") {
			delete(s.commandIDs, key)
		}
	}
	out := make([]map[string]json.RawMessage, 0, len(in))
	ids := map[string]string{}
	for _, c := range in {
		var name string
		json.Unmarshal(c["name"], &name)
		id := s.idForCommandLocked(scope, name)
		ids[scope+"/"+name] = id
		c["id"] = mustJSON(id)
		c["application_id"] = mustJSON(s.AppID)
		c["version"] = mustJSON(s.newID())
		if _, ok := c["type"]; !ok {
			c["type"] = mustJSON(discordgo.ChatApplicationCommand)
		}
		if _, ok := c["description"]; !ok {
			c["description"] = mustJSON("")
		}
		if _, ok := c["default_member_permissions"]; !ok {
			c["default_member_permissions"] = json.RawMessage("null")
		}
		if _, ok := c["nsfw"]; !ok {
			c["nsfw"] = mustJSON(false)
		}
		if scope != "" {
			c["guild_id"] = mustJSON(scope)
		}
		out = append(out, c)
	}
	for k, v := range ids {
		s.commandIDs[k] = v
	}
	s.commands[scope] = out
	w.json(http.StatusOK, out)
}

// idForCommandLocked keeps a command's ID across overwrites, as Discord does
// for a command of the same name.
func (s *Server) idForCommandLocked(scope, name string) string {
	for _, c := range s.commands[scope] {
		var n, id string
		json.Unmarshal(c["name"], &n)
		json.Unmarshal(c["id"], &id)
		if n == name {
			return id
		}
	}
	return s.newID()
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("discordtest: " + err.Error())
	}
	return b
}

func validateCommands(cmds []map[string]json.RawMessage) *apiErr {
	if len(cmds) > 100 {
		return newAPIErr(http.StatusBadRequest, codeTooManyCommands, "Maximum number of application commands reached (100)")
	}
	seen := map[string]bool{}
	for i, raw := range cmds {
		var c commandOption
		b, _ := json.Marshal(raw)
		if json.Unmarshal(b, &c) != nil {
			return formError("MODEL_TYPE_CONVERT", "Could not interpret the command.", itoa(i))
		}
		if c.Type == 0 {
			c.Type = int(discordgo.ChatApplicationCommand)
		}
		idx := itoa(i)
		key := itoa(c.Type) + "/" + c.Name
		if seen[key] {
			return formError("APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique", idx, "name")
		}
		seen[key] = true
		chat := c.Type == int(discordgo.ChatApplicationCommand)
		if chat {
			if e := validateOption(c, idx); e != nil {
				return e
			}
		} else if n := utf8.RuneCountInString(c.Name); n < 1 || n > 32 {
			return formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.", idx, "name")
		}
	}
	return nil
}

// validateOption checks a chat command or one of its options, recursively.
func validateOption(o commandOption, path ...string) *apiErr {
	at := func(field ...string) []string { return append(append([]string{}, path...), field...) }
	if !commandName.MatchString(o.Name) || o.Name != strings.ToLower(o.Name) {
		return formError("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid", at("name")...)
	}
	if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
		return formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", at("description")...)
	}
	if len(o.Choices) > maxChoices {
		return tooLong(maxChoices, at("choices")...)
	}
	if len(o.Options) > 25 {
		return tooLong(25, at("options")...)
	}
	optional := false
	for i, sub := range o.Options {
		if sub.Required && optional {
			return formError("APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
				"Required options must be placed before non-required options", at("options")...)
		}
		optional = optional || !sub.Required
		if e := validateOption(sub, at("options", itoa(i))...); e != nil {
			return e
		}
	}
	return nil
}
