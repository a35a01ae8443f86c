package discordtest

import (
	"encoding/json"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// MessageOpts describes a message a user posts; zero fields take defaults.
type MessageOpts struct {
	Content string
	// MentionBot prefixes Content with "<@BotID> " unless it already
	// mentions the bot. Mentions are always parsed from Content: <@id>,
	// <@!id>, <@&role> and @everyone, as Discord does.
	MentionBot bool
	// DM sends the message in the author's DM channel with the bot.
	DM bool
	// GuildID defaults to Server.GuildID; ignored for DMs.
	GuildID string
	// ChannelID defaults to Server.ChannelID, or for DMs to the author's DM
	// channel (created on first use).
	ChannelID string
	// AuthorID and AuthorName default to Server.UserID and Server.UserName.
	AuthorID, AuthorName string
	// AuthorBot marks the author as a bot account.
	AuthorBot bool
	// Roles are the author's role IDs in the guild (sent as member.roles).
	Roles []string
	// ReplyTo makes the message a reply to that message (type 19, with
	// message_reference and referenced_message); ReplyMention pings the
	// replied message's author, as Discord's reply does unless the user
	// turns the ping off (the author is then in mentions, not in Content).
	ReplyTo      string
	ReplyMention bool
}

var (
	userMention = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention = regexp.MustCompile(`<@&(\d+)>`)
)

// SendMessage posts a user's message: it is stored, and MESSAGE_CREATE is
// dispatched to the sessions Discord would deliver it to (the guild's shard,
// DMs to shard 0; intent GUILD_MESSAGES or DIRECT_MESSAGES). Content is
// blanked for a session unless the app has the MESSAGE_CONTENT intent
// (WithMessageContentIntent and the session asked for it), the message is a
// DM, it mentions the bot, or the bot wrote it. Sessions that are
// disconnected get the event on RESUME. It returns the message ID.
func (s *Server) SendMessage(o MessageOpts) string {
	if o.AuthorID == "" {
		o.AuthorID = s.UserID
	}
	if o.MentionBot && !mentions(o.Content, s.BotID) {
		o.Content = "<@" + s.BotID + "> " + o.Content
	}
	s.mu.Lock()
	s.rememberUserLocked(o.AuthorID, o.AuthorName, o.AuthorBot)
	m := &storedMessage{
		ID: s.newID(), AuthorID: o.AuthorID, Content: o.Content,
		Timestamp: time.Now(), Roles: o.Roles, ReplyTo: o.ReplyTo, ReplyMention: o.ReplyMention,
	}
	if o.ReplyTo != "" {
		m.Type = int(discordgo.MessageTypeReply)
	}
	if o.DM {
		m.ChannelID = o.ChannelID
		if m.ChannelID == "" {
			m.ChannelID = s.dmChannelLocked(o.AuthorID)
		} else {
			s.channels[m.ChannelID] = &channelInfo{ID: m.ChannelID, Recipient: o.AuthorID}
		}
	} else {
		m.GuildID = orDefault(o.GuildID, s.GuildID)
		m.ChannelID = orDefault(o.ChannelID, s.ChannelID)
		s.ensureChannelLocked(m.GuildID, m.ChannelID)
		s.members[m.GuildID+"/"+o.AuthorID] = memberInfo{UserID: o.AuthorID, Roles: o.Roles}
	}
	s.addMessageLocked(m)
	s.mu.Unlock()
	s.echo(m)
	return m.ID
}

func mentions(content, userID string) bool {
	for _, sub := range userMention.FindAllStringSubmatch(content, -1) {
		if sub[1] == userID {
			return true
		}
	}
	return false
}

// orDefault returns a if it is not empty, else b.
func orDefault(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// echo dispatches MESSAGE_CREATE for a stored message, modelling the
// MESSAGE_CONTENT intent per session.
func (s *Server) echo(m *storedMessage) {
	if m.Flags&int64(discordgo.MessageFlagsEphemeral) != 0 {
		return // ephemeral messages never reach the gateway
	}
	s.mu.Lock()
	full := s.messageJSONLocked(m)
	s.mu.Unlock()
	mentioned := mentions(m.Content, s.BotID) || s.pingsBot(m)
	intent := discordgo.IntentGuildMessages
	if m.GuildID == "" {
		intent = discordgo.IntentDirectMessages
	}
	s.dispatch("MESSAGE_CREATE", m.GuildID, intent, func(g *gwSession) any {
		if m.GuildID == "" || mentioned || m.AuthorID == s.BotID ||
			(s.cfg.messageContent && g.intents&discordgo.IntentMessageContent != 0) {
			return full
		}
		blank := maps.Clone(full)
		blank["content"] = ""
		blank["embeds"] = []any{}
		blank["attachments"] = []any{}
		blank["components"] = []any{}
		return blank
	})
}

// pingsBot reports whether m is a reply pinging the bot's message's author.
func (s *Server) pingsBot(m *storedMessage) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ref := s.messages[m.ReplyTo]
	return m.ReplyMention && ref != nil && ref.AuthorID == s.BotID
}

// InteractionOpts describes an interaction a user triggers; zero fields
// take defaults.
type InteractionOpts struct {
	// Type is the interaction type. When zero it is inferred: a component
	// (3) when CustomID is set, autocomplete (4) when an option is Focused,
	// else an application command (2).
	Type discordgo.InteractionType
	// Command is the command name for types 2 and 4. data.id is the ID the
	// command got from a bulk overwrite, if it was registered.
	Command string
	// Options are the command's options; see StringOption & co.
	Options []*discordgo.ApplicationCommandInteractionDataOption
	// CustomID, ComponentType (default button) and Values describe a
	// component interaction; MessageID is the message carrying the
	// component (a stored message is sent in full).
	CustomID      string
	ComponentType discordgo.ComponentType
	Values        []string
	MessageID     string
	// DM makes it a DM interaction: "user" instead of "member", no guild.
	DM bool
	// GuildID and ChannelID default like MessageOpts'.
	GuildID, ChannelID string
	// UserID and UserName default to Server.UserID and Server.UserName.
	UserID, UserName string
	// Roles are the member's role IDs.
	Roles []string
	// Permissions are the member's permissions in the channel, e.g.
	// discordgo.PermissionAdministrator (8) or PermissionManageGuild (32).
	Permissions int64
	// AppPermissions are the bot's permissions in the channel; zero means
	// DefaultAppPermissions.
	AppPermissions int64
	// Locale is the user's locale (default "en-US").
	Locale string
	// Attachments are files given as attachment options (type 11): each is
	// served at its URL and listed in data.resolved.attachments.
	Attachments []Attachment
}

// Attachment is a file a user attaches to a command's option.
type Attachment struct {
	Option      string // the option's name
	Name        string // the file name
	ContentType string
	Data        []byte
}

// Interaction identifies a sent interaction, to find the bot's answers.
type Interaction struct {
	ID, Token, AppID   string
	GuildID, ChannelID string
}

// CallbackPath is the path of the interaction's callback route.
func (i Interaction) CallbackPath() string {
	return "/api/v9/interactions/" + i.ID + "/" + i.Token + "/callback"
}

// WebhookPath is the path of the interaction's webhook: followups are
// POSTed to it and @original lives under WebhookPath()+"/messages/@original".
func (i Interaction) WebhookPath() string {
	return "/api/v9/webhooks/" + i.AppID + "/" + i.Token
}

// StringOption returns a string (type 3) command option.
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntegerOption returns an integer (type 4) command option.
func IntegerOption(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// BoolOption returns a boolean (type 5) command option.
func BoolOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// SubcommandOption returns a subcommand (type 1) holding options.
func SubcommandOption(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options}
}

// Focused marks an option as the one being typed (autocomplete) and
// returns it. Discord sends the partial input as a string whatever the type.
func Focused(o *discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o.Focused = true
	return o
}

func anyFocused(opts []*discordgo.ApplicationCommandInteractionDataOption) bool {
	for _, o := range opts {
		if o.Focused || anyFocused(o.Options) {
			return true
		}
	}
	return false
}

// SendInteraction dispatches INTERACTION_CREATE (to the guild's shard, DMs
// to shard 0; no intent needed) and returns its ID and token. The server
// then enforces Discord's rules on the answers: one callback per
// interaction, a callback type valid for the interaction type, @original
// only after a message callback, followups only after any callback.
func (s *Server) SendInteraction(o InteractionOpts) Interaction {
	typ := o.Type
	if typ == 0 {
		switch {
		case o.CustomID != "":
			typ = discordgo.InteractionMessageComponent
		case anyFocused(o.Options):
			typ = discordgo.InteractionApplicationCommandAutocomplete
		default:
			typ = discordgo.InteractionApplicationCommand
		}
	}
	if o.UserID == "" {
		o.UserID = s.UserID
	}
	appPerms := o.AppPermissions
	if appPerms == 0 {
		appPerms = DefaultAppPermissions
	}
	in := &interactionState{ID: s.newID(), Token: "tok-" + s.newID(), Type: typ, UserID: o.UserID, Created: time.Now()}

	s.mu.Lock()
	s.rememberUserLocked(o.UserID, o.UserName, false)
	if o.DM {
		in.ChannelID = o.ChannelID
		if in.ChannelID == "" {
			in.ChannelID = s.dmChannelLocked(o.UserID)
		} else if s.channels[in.ChannelID] == nil {
			s.channels[in.ChannelID] = &channelInfo{ID: in.ChannelID, Recipient: o.UserID}
		}
	} else {
		in.GuildID = orDefault(o.GuildID, s.GuildID)
		in.ChannelID = orDefault(o.ChannelID, s.ChannelID)
		s.ensureChannelLocked(in.GuildID, in.ChannelID)
		s.members[in.GuildID+"/"+o.UserID] = memberInfo{UserID: o.UserID, Roles: o.Roles}
	}
	in.MessageID = o.MessageID
	s.interactions[in.ID] = in

	p := map[string]any{
		"id":              in.ID,
		"application_id":  s.AppID,
		"type":            typ,
		"token":           in.Token,
		"version":         1,
		"channel_id":      in.ChannelID,
		"channel":         s.channelJSONLocked(in.ChannelID),
		"app_permissions": strconv.FormatInt(appPerms, 10),
		"locale":          orDefault(o.Locale, "en-US"),
		"entitlements":    []any{},
	}
	if o.DM {
		p["user"] = s.userJSONLocked(o.UserID)
		p["context"] = 1 // BOT_DM
	} else {
		p["guild_id"] = in.GuildID
		p["guild_locale"] = "en-US"
		p["context"] = 0 // GUILD
		p["authorizing_integration_owners"] = map[string]string{"0": in.GuildID}
		member := s.memberJSONLocked(in.GuildID, o.UserID)
		member["permissions"] = strconv.FormatInt(o.Permissions, 10)
		p["member"] = member
	}
	switch typ {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		scope := ""
		if _, ok := s.commandIDs[in.GuildID+"/"+o.Command]; ok && in.GuildID != "" {
			scope = in.GuildID
		}
		cmdID, ok := s.commandIDs[scope+"/"+o.Command]
		if !ok {
			cmdID = s.newID()
		}
		data := map[string]any{"id": cmdID, "name": o.Command, "type": discordgo.ChatApplicationCommand}
		opts := slices.Clone(o.Options)
		if len(o.Attachments) > 0 {
			resolved := map[string]any{}
			for _, a := range o.Attachments {
				id := s.newID()
				s.files[id] = a.Data
				resolved[id] = map[string]any{"id": id, "filename": a.Name, "size": len(a.Data),
					"content_type": a.ContentType, "url": s.URL + "/attachments/" + id + "/" + url.PathEscape(a.Name),
					"proxy_url": s.URL + "/attachments/" + id + "/" + url.PathEscape(a.Name)}
				opts = append(opts, &discordgo.ApplicationCommandInteractionDataOption{Name: a.Option,
					Type: discordgo.ApplicationCommandOptionAttachment, Value: id})
			}
			data["resolved"] = map[string]any{"attachments": resolved}
		}
		if opts != nil {
			data["options"] = opts
		}
		if scope != "" {
			data["guild_id"] = scope
		}
		p["data"] = data
	case discordgo.InteractionMessageComponent:
		ct := o.ComponentType
		if ct == 0 {
			ct = discordgo.ButtonComponent
		}
		data := map[string]any{"custom_id": o.CustomID, "component_type": ct}
		if o.Values != nil {
			data["values"] = o.Values
		}
		p["data"] = data
		if m := s.messages[o.MessageID]; m != nil {
			p["message"] = s.messageJSONLocked(m)
		} else {
			if in.MessageID == "" {
				in.MessageID = s.newID()
			}
			m := &storedMessage{ID: in.MessageID, ChannelID: in.ChannelID, GuildID: in.GuildID,
				AuthorID: s.BotID, Timestamp: time.Now(), Components: json.RawMessage("[]")}
			p["message"] = s.messageJSONLocked(m)
		}
	}
	s.mu.Unlock()

	s.dispatch("INTERACTION_CREATE", in.GuildID, 0, func(*gwSession) any { return p })
	return Interaction{ID: in.ID, Token: in.Token, AppID: s.AppID, GuildID: in.GuildID, ChannelID: in.ChannelID}
}

// AddChannel registers a guild text channel, so that REST calls on it
// succeed (unknown channels get 404 "Unknown Channel", code 10003).
func (s *Server) AddChannel(guildID, channelID, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[channelID] = &channelInfo{ID: channelID, GuildID: guildID, Name: name}
}

// AddRole registers a guild role, returned by GET /guilds/{id}/roles.
// Roles only referenced by members are listed with no permissions.
func (s *Server) AddRole(guildID string, role *discordgo.Role) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := *role
	s.roles[guildID] = slices.DeleteFunc(s.roles[guildID], func(x *discordgo.Role) bool { return x.ID == r.ID })
	s.roles[guildID] = append(s.roles[guildID], &r)
}

// ---- stored state and its JSON ----

type userInfo struct {
	ID, Name string
	Bot      bool
}

type memberInfo struct {
	UserID string
	Roles  []string
}

type channelInfo struct {
	ID, GuildID, Name string
	Recipient         string // DM channels: the other user
	ParentID, OwnerID string // threads: the channel and who started it
}

type interactionState struct {
	ID, Token          string
	Type               discordgo.InteractionType
	GuildID, ChannelID string
	UserID             string
	MessageID          string // component interactions: the message clicked
	Created            time.Time
	Acked              bool
	OriginalID         string   // message ID of @original, once it exists
	Followups          []string // message IDs
}

type storedMessage struct {
	ID, ChannelID, GuildID, AuthorID string
	Content                          string
	Embeds, Components               json.RawMessage // JSON arrays; nil means []
	Flags                            int64
	Type                             int
	WebhookID, InteractionID         string
	InteractionType                  discordgo.InteractionType
	InteractionUserID                string
	Timestamp                        time.Time
	Edited                           *time.Time
	Roles                            []string         // author's member roles (user messages)
	Attachments                      []map[string]any // uploaded files
	ReplyTo                          string           // the message replied to
	ReplyMention                     bool             // the reply pings that message's author
	Reactions                        []string         // emoji the bot reacted with
}

func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000+00:00")
}

// rememberUserLocked records a user seen in an event. An empty name keeps
// the known one (or makes one up); the bot's own entry is never replaced.
func (s *Server) rememberUserLocked(id, name string, bot bool) {
	if id == s.BotID {
		return
	}
	if name == "" {
		name = s.users[id].Name
	}
	if name == "" {
		name = "user" + id
	}
	s.users[id] = userInfo{ID: id, Name: name, Bot: bot}
}

func (s *Server) userJSON(id string) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.userJSONLocked(id)
}

func (s *Server) userJSONLocked(id string) map[string]any {
	u, ok := s.users[id]
	if !ok {
		u = userInfo{ID: id, Name: "user" + id}
	}
	j := map[string]any{
		"id": u.ID, "username": u.Name, "global_name": u.Name, "discriminator": "0",
		"avatar": nil, "public_flags": 0,
	}
	if u.Bot {
		j["bot"] = true
		j["global_name"] = nil
	}
	return j
}

func (s *Server) memberJSONLocked(guildID, userID string) map[string]any {
	roles := s.members[guildID+"/"+userID].Roles
	if roles == nil {
		roles = []string{}
	}
	return map[string]any{
		"user": s.userJSONLocked(userID), "roles": roles, "nick": nil, "avatar": nil,
		"joined_at": "2024-01-01T00:00:00.000000+00:00", "premium_since": nil,
		"deaf": false, "mute": false, "flags": 0, "pending": false,
	}
}

// dmChannelLocked returns the DM channel between the bot and userID.
func (s *Server) dmChannelLocked(userID string) string {
	if id, ok := s.dmByUser[userID]; ok {
		return id
	}
	id := s.newID()
	s.dmByUser[userID] = id
	s.channels[id] = &channelInfo{ID: id, Recipient: userID}
	return id
}

func (s *Server) ensureChannelLocked(guildID, channelID string) {
	if _, ok := s.channels[channelID]; !ok {
		s.channels[channelID] = &channelInfo{ID: channelID, GuildID: guildID, Name: "channel-" + channelID}
	}
}

func (s *Server) channelJSONLocked(id string) map[string]any {
	c := s.channels[id]
	if c == nil {
		return nil
	}
	if c.Recipient != "" {
		return map[string]any{
			"id": c.ID, "type": discordgo.ChannelTypeDM, "last_message_id": nil, "flags": 0,
			"recipients": []any{s.userJSONLocked(c.Recipient)},
		}
	}
	if c.ParentID != "" {
		return map[string]any{
			"id": c.ID, "type": discordgo.ChannelTypeGuildPublicThread, "guild_id": c.GuildID, "name": c.Name,
			"parent_id": c.ParentID, "owner_id": c.OwnerID, "last_message_id": nil, "flags": 0,
			"rate_limit_per_user": 0, "message_count": 0, "member_count": 1,
			"thread_metadata": map[string]any{"archived": false, "auto_archive_duration": 1440, "locked": false,
				"archive_timestamp": timestamp(time.Now())},
		}
	}
	return map[string]any{
		"id": c.ID, "type": discordgo.ChannelTypeGuildText, "guild_id": c.GuildID, "name": c.Name,
		"position": 0, "permission_overwrites": []any{}, "parent_id": nil, "nsfw": false,
		"topic": nil, "rate_limit_per_user": 0, "last_message_id": nil, "flags": 0,
	}
}

func (s *Server) guildJSON(guildID string, full bool) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := map[string]any{
		"id": guildID, "name": "guild-" + guildID, "owner_id": s.UserID, "icon": nil,
		"roles": s.rolesJSONLocked(guildID), "features": []string{}, "unavailable": false,
		"emojis": []any{}, "stickers": []any{}, "verification_level": 0,
		"default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
		"premium_tier": 0, "preferred_locale": "en-US", "system_channel_id": nil,
	}
	if full { // GUILD_CREATE extras
		var chans, threads []any
		for _, c := range s.channels {
			switch {
			case c.GuildID == guildID && c.ParentID != "":
				threads = append(threads, s.channelJSONLocked(c.ID))
			case c.GuildID == guildID:
				chans = append(chans, s.channelJSONLocked(c.ID))
			}
		}
		g["channels"] = chans
		g["members"] = []any{s.memberJSONLocked(guildID, s.BotID)}
		g["member_count"] = 2
		g["joined_at"] = "2024-01-01T00:00:00.000000+00:00"
		g["large"] = false
		g["threads"], g["voice_states"], g["presences"] = orEmptyList(threads), []any{}, []any{}
	}
	return g
}

// rolesJSONLocked lists @everyone, the added roles and any role a member
// has that was not added.
func (s *Server) rolesJSONLocked(guildID string) []*discordgo.Role {
	everyone := &discordgo.Role{ID: guildID, Name: "@everyone",
		Permissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
			discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands}
	roles := []*discordgo.Role{everyone}
	known := map[string]bool{guildID: true}
	for _, r := range s.roles[guildID] {
		roles = append(roles, r)
		known[r.ID] = true
	}
	var extra []string
	for key, m := range s.members {
		if strings.HasPrefix(key, guildID+"/") {
			for _, id := range m.Roles {
				if !known[id] {
					known[id] = true
					extra = append(extra, id)
				}
			}
		}
	}
	slices.Sort(extra)
	for i, id := range extra {
		roles = append(roles, &discordgo.Role{ID: id, Name: "role-" + id, Position: i + 1})
	}
	return roles
}

func (s *Server) addMessageLocked(m *storedMessage) {
	s.messages[m.ID] = m
	s.msgOrder = append(s.msgOrder, m.ID)
}

func (s *Server) messageJSONLocked(m *storedMessage) map[string]any {
	mentionIDs := []any{}
	seen := map[string]bool{}
	for _, sub := range userMention.FindAllStringSubmatch(m.Content, -1) {
		if !seen[sub[1]] {
			seen[sub[1]] = true
			mentionIDs = append(mentionIDs, s.userJSONLocked(sub[1]))
		}
	}
	ref := s.messages[m.ReplyTo]
	if ref != nil && m.ReplyMention && !seen[ref.AuthorID] {
		mentionIDs = append(mentionIDs, s.userJSONLocked(ref.AuthorID))
	}
	roleIDs := []string{}
	for _, sub := range roleMention.FindAllStringSubmatch(m.Content, -1) {
		roleIDs = append(roleIDs, sub[1])
	}
	raw := func(r json.RawMessage) json.RawMessage {
		if len(r) == 0 || string(r) == "null" {
			return json.RawMessage("[]")
		}
		return r
	}
	j := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "author": s.userJSONLocked(m.AuthorID),
		"content": m.Content, "timestamp": timestamp(m.Timestamp), "edited_timestamp": nil,
		"tts": false, "mention_everyone": strings.Contains(m.Content, "@everyone"),
		"mentions": mentionIDs, "mention_roles": roleIDs, "attachments": orEmptyAny(m.Attachments),
		"embeds": raw(m.Embeds), "components": raw(m.Components), "pinned": false,
		"type": m.Type, "flags": m.Flags,
	}
	if m.Edited != nil {
		j["edited_timestamp"] = timestamp(*m.Edited)
	}
	if m.ReplyTo != "" {
		j["message_reference"] = map[string]any{"message_id": m.ReplyTo, "channel_id": m.ChannelID, "guild_id": m.GuildID}
		if ref != nil {
			r := *ref
			r.ReplyTo = "" // Discord nests one level only
			j["referenced_message"] = s.messageJSONLocked(&r)
		} else {
			j["referenced_message"] = nil
		}
	}
	if len(m.Reactions) > 0 {
		var rs []any
		for _, e := range m.Reactions {
			rs = append(rs, map[string]any{"count": 1, "me": true, "emoji": map[string]any{"id": nil, "name": e}})
		}
		j["reactions"] = rs
	}
	if m.GuildID != "" {
		j["guild_id"] = m.GuildID
		if m.WebhookID == "" {
			member := s.memberJSONLocked(m.GuildID, m.AuthorID)
			delete(member, "user")
			if m.AuthorID != s.BotID {
				member["roles"] = orEmpty(m.Roles)
			}
			j["member"] = member
		}
	}
	if m.WebhookID != "" {
		j["webhook_id"] = m.WebhookID
		j["application_id"] = s.AppID
	}
	if m.InteractionID != "" {
		j["interaction_metadata"] = map[string]any{
			"id": m.InteractionID, "type": m.InteractionType, "user": s.userJSONLocked(m.InteractionUserID),
		}
	}
	return j
}

func orEmptyAny(a []map[string]any) []map[string]any {
	if a == nil {
		return []map[string]any{}
	}
	return a
}

func orEmptyList(a []any) []any {
	if a == nil {
		return []any{}
	}
	return a
}

func orEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// toMessage converts stored state to the discordgo type, as a client would
// have decoded it.
func (s *Server) toMessageLocked(m *storedMessage) *discordgo.Message {
	b, err := json.Marshal(s.messageJSONLocked(m))
	if err != nil {
		panic("discordtest: marshal message: " + err.Error())
	}
	var out discordgo.Message
	if err := json.Unmarshal(b, &out); err != nil {
		panic("discordtest: message does not decode: " + err.Error())
	}
	return &out
}

// Messages returns the current state (edits applied, deletions removed) of
// the messages in a channel, oldest first: users' messages from SendMessage
// and the bot's, whether sent to the channel, as interaction responses or
// as followups, ephemeral ones included.
func (s *Server) Messages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.Message
	for _, id := range s.msgOrder {
		if m := s.messages[id]; m != nil && m.ChannelID == channelID {
			out = append(out, s.toMessageLocked(m))
		}
	}
	return out
}

// Original returns the current state of an interaction's original response
// (@original), and false while there is none.
func (s *Server) Original(interactionID string) (*discordgo.Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[interactionID]
	if in == nil || in.OriginalID == "" || s.messages[in.OriginalID] == nil {
		return nil, false
	}
	return s.toMessageLocked(s.messages[in.OriginalID]), true
}

// Thread returns the thread started on a message, if any.
func (s *Server) Thread(messageID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.threadOf[messageID]
	return id, ok
}

// Reactions returns the emoji the bot reacted to a message with.
func (s *Server) Reactions(messageID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.messages[messageID]; m != nil {
		return slices.Clone(m.Reactions)
	}
	return nil
}

// Commands returns the application commands registered by bulk overwrite,
// globally (guildID "") or in a guild.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.ApplicationCommand
	for _, c := range s.commands[guildID] {
		b, _ := json.Marshal(c)
		var cmd discordgo.ApplicationCommand
		if err := json.Unmarshal(b, &cmd); err == nil {
			out = append(out, &cmd)
		}
	}
	return out
}
