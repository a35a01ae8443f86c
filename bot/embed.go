package bot

import (
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge"
)

// Discord's message limits (characters).
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedTotal  = 6000
	// minFieldRoom is the least room worth quoting a sentence in; a
	// citation with less room left goes behind the "More sources" button.
	minFieldRoom = 120
	// citationReserve is kept free of a long answer so that at least one
	// citation can be quoted under it.
	citationReserve = 1300
)

// Embed colours.
const (
	colorAnswer  = 0x3b82f6 // blue
	colorNoFacts = 0x9ca3af // grey: nothing in the briefings
	colorFailed  = 0xef4444 // red
)

// replyEmbed lays out a reply as one embed: the title, the answer, one
// field per citation (briefing title and sentence number, the sentence
// quoted) and the footer, all inside Discord's limits. Citations that do not
// fit, followed by rep.More, are returned as the overflow for the "More
// sources" button.
func replyEmbed(rep Reply, title string) (*discordgo.MessageEmbed, []knowledge.Citation) {
	if rep.Title != "" {
		title = rep.Title
	}
	e := &discordgo.MessageEmbed{
		Title: truncate(defuseMentions(oneLine(title)), maxTitle),
		Color: colorAnswer,
	}
	switch {
	case rep.Failed:
		e.Color = colorFailed
	case len(rep.Citations) == 0:
		e.Color = colorNoFacts
	}
	if rep.Footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(defuseMentions(rep.Footer), maxFooter)}
	}
	used := runeLen(e.Title) + footerLen(e)
	descMax := maxDescription
	if len(rep.Citations) > 0 {
		descMax = min(descMax, maxEmbedTotal-used-citationReserve)
	}
	e.Description = truncate(escapeMarkdown(rep.Text), descMax)
	if e.Description == "" && e.Title == "" && len(rep.Citations) == 0 {
		e.Description = "(nothing to show)"
	}
	used += runeLen(e.Description)
	var rest []knowledge.Citation
	e.Fields, rest = citationFields(rep.Citations, 1, maxEmbedTotal-used)
	return e, append(rest, rep.More...)
}

// moreEmbed lists citations that did not fit under an answer, numbered on
// from first.
func moreEmbed(cites []knowledge.Citation, first int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: "More sources", Color: colorAnswer}
	const footerRoom = 40
	fields, rest := citationFields(cites, first, maxEmbedTotal-runeLen(e.Title)-footerRoom)
	e.Fields = fields
	if len(rest) > 0 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d more not shown", len(rest))}
	}
	if len(fields) == 0 {
		e.Description = "No further sources."
	}
	return e
}

// citationFields quotes citations, numbered from first, in at most room
// characters and maxFields fields; it returns the citations left over.
func citationFields(cites []knowledge.Citation, first, room int) ([]*discordgo.MessageEmbedField, []knowledge.Citation) {
	var fields []*discordgo.MessageEmbedField
	for i, c := range cites {
		name := truncate(defuseMentions(oneLine(citationName(c, first+i))), maxFieldName)
		left := min(maxFieldValue, room-runeLen(name))
		if len(fields) == maxFields || left < minFieldRoom {
			return fields, cites[i:]
		}
		value := "> " + truncate(escapeMarkdown(oneLine(c.Text)), left-2)
		fields = append(fields, &discordgo.MessageEmbedField{Name: name, Value: value})
		room -= runeLen(name) + runeLen(value)
	}
	return fields, nil
}

// citationName is a citation's heading: "[1] Briefing title · sentence 3".
func citationName(c knowledge.Citation, n int) string {
	title := c.Title
	if title == "" {
		title = c.Document
	}
	return fmt.Sprintf("[%d] %s · sentence %d", n, title, c.Sentence)
}

func footerLen(e *discordgo.MessageEmbed) int {
	if e.Footer == nil {
		return 0
	}
	return runeLen(e.Footer.Text)
}

// embedSize counts the characters Discord sums against the 6000 limit.
func embedSize(e *discordgo.MessageEmbed) int {
	n := runeLen(e.Title) + runeLen(e.Description) + footerLen(e)
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	return n
}

// noMentions allows no mention of any kind: nothing the bot sends can ping.
// Discord reads an explicit empty "parse" list as "parse nothing".
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// plainText is a short notice as message content, kept inside the limit.
func plainText(s string) string {
	return truncate(defuseMentions(s), maxContent)
}
