package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// adminPermissions are the permissions that make a member an admin:
// Manage Server or Administrator.
const adminPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// InvitePermissions are the permissions the invite link asks for: View
// Channels, Send Messages, Send Messages in Threads, Create Public Threads,
// Embed Links, Add Reactions, Read Message History, Use Application Commands.
const InvitePermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionSendMessagesInThreads | discordgo.PermissionCreatePublicThreads |
	discordgo.PermissionEmbedLinks | discordgo.PermissionAddReactions |
	discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands

// slashCommands are the commands registered at start by bulk overwrite.
// Every command works in servers and in DMs with the bot; the admin ones
// only in servers. The bot is installed to servers.
func slashCommands() []*discordgo.ApplicationCommand {
	manageGuild := int64(discordgo.PermissionManageGuild)
	everywhere := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	guildOnly := &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	installs := &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	briefing := func(required bool, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "briefing",
			Description: desc, Required: required, Autocomplete: true, MaxLength: 200}
	}
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        CmdAsk,
			Description: "Ask a question about the briefings",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "question",
				Description: "For example: what did China say?", Required: true, MaxLength: 1000,
			}, {
				Type: discordgo.ApplicationCommandOptionBoolean, Name: "private",
				Description: "Show the answer only to you",
			}},
		},
		{
			Name:        CmdActor,
			Description: "Everything the briefings say about a person, country or organisation",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "name",
				Description: "The actor's name, for example Mark Rutte", Required: true,
				Autocomplete: true, MaxLength: 100,
			}},
		},
		{
			Name:        CmdBrief,
			Description: "A summary of a briefing, or of all of them",
			Options:     []*discordgo.ApplicationCommandOption{briefing(false, "The briefing to summarise (all when empty)")},
		},
		{Name: CmdSources, Description: "The briefings I know, with sentence and fact counts"},
		{
			Name:        CmdReload,
			Description: "Reload the briefings from disk (admins only)",
			// Hidden from members without Manage Server; the handler checks again,
			// since server admins can override this default.
			DefaultMemberPermissions: &manageGuild,
		},
		{
			Name:                     CmdAdd,
			Description:              "Add a briefing from a .txt or .md file (admins only)",
			DefaultMemberPermissions: &manageGuild,
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionAttachment, Name: "file",
				Description: "The briefing: UTF-8 text, .txt or .md", Required: true,
			}},
		},
		{
			Name:                     CmdRemove,
			Description:              "Remove a briefing (admins only)",
			DefaultMemberPermissions: &manageGuild,
			Options:                  []*discordgo.ApplicationCommandOption{briefing(true, "The briefing to remove")},
		},
		{Name: CmdHelp, Description: "How to use briefbot"},
	}
	for _, c := range cmds {
		c.IntegrationTypes = installs
		c.Contexts = everywhere
		if c.DefaultMemberPermissions != nil {
			c.Contexts = guildOnly
		}
	}
	return cmds
}

// registerCommands overwrites the application's commands, in cfg.GuildID
// when set (instant) or globally (slow to propagate).
func (d *Discord) registerCommands(ctx context.Context, appID string) error {
	cmds, err := d.session.ApplicationCommandBulkOverwrite(appID, d.cfg.GuildID, slashCommands(), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	scope := "global"
	if d.cfg.GuildID != "" {
		scope = "guild " + d.cfg.GuildID
	}
	d.log.Info("slash commands registered", "count", len(cmds), "scope", scope)
	return nil
}

// isAdmin reports whether a user may run admin commands: Manage Server or
// Administrator permission, a role in BRIEFBOT_ADMIN_ROLES or an ID in
// BRIEFBOT_ADMIN_USERS.
func (d *Discord) isAdmin(userID string, roles []string, perms int64) bool {
	if perms&adminPermissions != 0 {
		return true
	}
	for _, id := range d.cfg.AdminUsers {
		if id == userID {
			return true
		}
	}
	for _, r := range roles {
		for _, id := range d.cfg.AdminRoles {
			if r == id {
				return true
			}
		}
	}
	return false
}
