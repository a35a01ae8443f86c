package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/knowledge"
)

// checkLimits fails the test for every Discord limit e breaks.
func checkLimits(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	check := func(what, s string, max int) {
		t.Helper()
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8", what)
		}
		if n := runeLen(s); n > max {
			t.Errorf("%s has %d characters, limit %d", what, n, max)
		}
	}
	check("title", e.Title, maxTitle)
	check("description", e.Description, maxDescription)
	if e.Footer != nil {
		check("footer", e.Footer.Text, maxFooter)
	}
	if len(e.Fields) > maxFields {
		t.Errorf("%d fields, limit %d", len(e.Fields), maxFields)
	}
	for i, f := range e.Fields {
		check("field name", f.Name, maxFieldName)
		check("field value", f.Value, maxFieldValue)
		if f.Name == "" || f.Value == "" {
			t.Errorf("field %d is empty", i)
		}
	}
	if n := embedSize(e); n > maxEmbedTotal {
		t.Errorf("embed has %d characters, limit %d", n, maxEmbedTotal)
	}
}

// tenKB is one 10 KB sentence, with multi-byte characters and markdown.
var tenKB = strings.Repeat("The ministry’s spokesperson said *again* that the «agreement» holds — ", 150)

func longReply() Reply {
	var cites []knowledge.Citation
	for i := range 30 {
		cites = append(cites, knowledge.Citation{Document: "long.txt", Title: strings.Repeat("Long title ", 40), Sentence: i + 1, Text: tenKB})
	}
	return Reply{
		Text:      tenKB,
		Citations: cites[:5],
		More:      cites[5:],
		Footer:    strings.Repeat("30 sources · said ", 200),
	}
}

func TestReplyEmbedLimits(t *testing.T) {
	rep := longReply()
	e, overflow := replyEmbed(rep, strings.Repeat("a very long question ", 50))
	checkLimits(t, e)
	if len(e.Fields) == 0 {
		t.Fatal("no citation fits under a 10 KB answer")
	}
	if got, want := len(e.Fields)+len(overflow), 30; got != want {
		t.Errorf("%d citations shown and %d overflowing, want %d in all", len(e.Fields), len(overflow), want)
	}
	if !strings.HasSuffix(e.Description, "…") || !strings.HasSuffix(e.Fields[0].Value, "…") {
		t.Error("truncated text is not marked with …")
	}
	more := moreEmbed(overflow, len(e.Fields)+1)
	checkLimits(t, more)
	if len(more.Fields) == 0 {
		t.Error("More sources shows nothing")
	}
}

func TestReplyEmbedShort(t *testing.T) {
	rep := Reply{Text: "Lin Jian said China hopes for de-escalation.", Footer: "1 source · said",
		Citations: []knowledge.Citation{{Document: "a.txt", Title: "Troops", Sentence: 18, Text: "In response, Lin Jian said _this_."}}}
	e, overflow := replyEmbed(rep, "what did China say?")
	checkLimits(t, e)
	if len(overflow) != 0 {
		t.Errorf("overflow %v", overflow)
	}
	if e.Title != "what did China say?" || e.Color != colorAnswer {
		t.Errorf("title %q colour %x", e.Title, e.Color)
	}
	if got, want := e.Fields[0].Name, "[1] Troops · sentence 18"; got != want {
		t.Errorf("field name %q, want %q", got, want)
	}
	if got, want := e.Fields[0].Value, `> In response, Lin Jian said \_this\_.`; got != want {
		t.Errorf("field value %q, want %q", got, want)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":              "plain text",
		"*bold* _it_ ~s~ `c` |x|": `\*bold\* \_it\_ \~s\~ \` + "`c\\`" + ` \|x\|`,
		"a > b":                   `a \> b`,
		`back\slash`:              `back\\slash`,
		"# heading\n## two":       "\\# heading\n\\## two",
		"no # heading":            "no # heading",
		"hi @everyone and @here":  "hi @" + zwsp + "everyone and @" + zwsp + "here",
		"<@123> <@!4> <@&5> <#6>": "<" + zwsp + `@123\> <` + zwsp + `@!4\> <` + zwsp + `@&5\> <` + zwsp + `#6\>`,
		"mail a@b.org":            "mail a@b.org",
	} {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"one two three four five", 12, "one two…"},
		{"abcdefghijklmnop", 8, "abcdefg…"},
		{"ééééééééé", 5, "éééé…"},
		{`cut \*here`, 6, "cut…"},
		{"x", 0, ""},
	} {
		got := truncate(tc.in, tc.max)
		if got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if runeLen(got) > tc.max || !utf8.ValidString(got) {
			t.Errorf("truncate(%q, %d) = %q breaks the limit", tc.in, tc.max, got)
		}
	}
}
