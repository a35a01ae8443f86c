package bot

import (
	"log/slog"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// threadArchiveMinutes is how long a quiet answer thread stays open (a day).
const threadArchiveMinutes = 1440

// maxThreadName is Discord's limit on a thread's name.
const maxThreadName = 100

// threadsIn reports whether questions asked in channelID get a thread
// (BRIEFBOT_THREADS).
func (d *Discord) threadsIn(channelID string) bool {
	return d.cfg.Threads.All || slices.Contains(d.cfg.Threads.Channels, channelID)
}

// openThread starts a thread on the question's message, named after the
// question, and returns its ID; "" when Discord refused (the answer then
// goes to the channel).
func (d *Discord) openThread(m *discordgo.Message, question string, log *slog.Logger) string {
	name := truncate(oneLine(question), maxThreadName)
	if name == "" {
		name = "Question"
	}
	th, err := d.session.MessageThreadStartComplex(m.ChannelID, m.ID, &discordgo.ThreadStart{
		Name: name, AutoArchiveDuration: threadArchiveMinutes, Type: discordgo.ChannelTypeGuildPublicThread,
	}, d.rest())
	if err != nil {
		log.Warn("opening a thread failed; answering in the channel", "err", err)
		return ""
	}
	d.threads.put(th.ID, true)
	d.traceEvent("thread opened", "thread", th.ID, "message", m.ID)
	return th.ID
}

// isThread reports whether a channel is a thread.
func (d *Discord) isThread(channelID string) bool {
	if _, ok := d.threads.get(channelID); ok {
		return true
	}
	c, err := d.session.State.Channel(channelID)
	return err == nil && c.IsThread()
}

// isBotThread reports whether a channel is a thread the bot opened, where
// every message is meant for it.
func (d *Discord) isBotThread(channelID string) bool {
	if _, ok := d.threads.get(channelID); ok {
		return true
	}
	c, err := d.session.State.Channel(channelID)
	return err == nil && c.IsThread() && c.OwnerID == d.botID()
}

// botRole is the bot's own role in a guild (the managed role Discord gives
// a bot when it joins), or "": mentioning it addresses the bot.
func (d *Discord) botRole(guildID string) string {
	if guildID == "" {
		return ""
	}
	st := d.session.State
	me, err := st.Member(guildID, d.botID())
	if err != nil {
		return ""
	}
	for _, id := range me.Roles {
		if r, err := st.Role(guildID, id); err == nil && r.Managed {
			return id
		}
	}
	return ""
}

// memberAdmin reports whether a message's author is an admin: as for
// interactions (Manage Server or Administrator through the guild's roles,
// BRIEFBOT_ADMIN_ROLES, BRIEFBOT_ADMIN_USERS).
func (d *Discord) memberAdmin(m *discordgo.Message) bool {
	var roles []string
	if m.Member != nil {
		roles = m.Member.Roles
	}
	return d.isAdmin(m.Author.ID, roles, d.rolePermissions(m.GuildID, roles))
}

// rolePermissions sums the guild-wide permissions of @everyone and roles,
// as the state knows them (channel overwrites aside: the admin permissions
// are guild-wide).
func (d *Discord) rolePermissions(guildID string, roles []string) int64 {
	if guildID == "" {
		return 0
	}
	g, err := d.session.State.Guild(guildID)
	if err != nil {
		return 0
	}
	st := d.session.State
	st.RLock()
	defer st.RUnlock()
	var perms int64
	for _, r := range g.Roles {
		if r.ID == guildID || slices.Contains(roles, r.ID) {
			perms |= r.Permissions
		}
	}
	return perms
}
