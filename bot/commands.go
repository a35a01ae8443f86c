package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// adminPermissions are the permissions that make a member an admin:
// Manage Server or Administrator.
const adminPermissions = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// slashCommands are the commands registered at start by bulk overwrite.
func slashCommands() []*discordgo.ApplicationCommand {
	manageGuild := int64(discordgo.PermissionManageGuild)
	return []*discordgo.ApplicationCommand{
		{
			Name:        CmdAsk,
			Description: "Ask a question about the briefings",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "question",
				Description: "For example: what did China say?", Required: true, MaxLength: 1000,
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
		{Name: CmdSources, Description: "The briefings I know, with sentence and fact counts"},
		{
			Name:        CmdReload,
			Description: "Reload the briefings from disk (admins only)",
			// Hidden from members without Manage Server; the handler checks again,
			// since server admins can override this default.
			DefaultMemberPermissions: &manageGuild,
		},
		{Name: CmdHelp, Description: "How to use briefbot"},
	}
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
