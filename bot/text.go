package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// zwsp (zero-width space) breaks mention syntax without changing how the
// text looks.
const zwsp = "\u200b"

// escapeMarkdown makes quoted text display literally on Discord: markdown
// characters are backslash-escaped, a heading marker at the start of a line
// too, and mention syntax is defused (see defuseMentions).
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for _, r := range s {
		switch {
		case strings.ContainsRune(`\*_~`+"`"+`|>`, r):
			b.WriteByte('\\')
		case r == '#' && lineStart:
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		if r == '\n' {
			lineStart = true
		} else if !unicode.IsSpace(r) {
			lineStart = false
		}
	}
	return defuseMentions(b.String())
}

// defuseMentions breaks mention syntax (@everyone, @here, <@id>, <@!id>,
// <@&id>, <#id>, </cmd:id>, <:emoji:id>, <a:emoji:id>) with a zero-width
// space, so quoted text can neither ping nor render as a mention. Allowed
// mentions are empty on every message as well; this keeps the text honest.
func defuseMentions(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		b.WriteRune(r)
		rest := s[i+1:]
		switch {
		case r == '<' && rest != "" && strings.ContainsRune("@#/:a", rune(rest[0])):
			b.WriteString(zwsp)
		case r == '@' && (strings.HasPrefix(rest, "everyone") || strings.HasPrefix(rest, "here")):
			b.WriteString(zwsp)
		}
	}
	return b.String()
}

// runeLen counts characters as Discord does for its limits.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// truncate shortens s to at most limit characters, cutting at a word boundary
// when one is near the end and marking the cut with "…". It never splits a
// character or leaves a dangling escape backslash.
func truncate(s string, limit int) string {
	if runeLen(s) <= limit {
		return s
	}
	if limit <= 1 {
		return strings.Repeat("…", max(limit, 0))
	}
	r := []rune(s)[:limit-1]
	cut := len(r)
	window := max(len(r)/5, 30) // look this far back for a space
	for i := len(r) - 1; i > 0 && i >= len(r)-window; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	out := strings.TrimRight(string(r[:cut]), `\`+zwsp)
	return strings.TrimRightFunc(out, unicode.IsSpace) + "…"
}

// oneLine folds line breaks into spaces, for quoting a sentence.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
