// Package answertest holds test inputs for the answer engine and the front
// ends that pass questions to it (the bot, the console).
package answertest

import (
	"strings"
)

// BadQuestions returns hostile and malformed questions, by name, that no front
// end may crash on, fail on or answer with internal error text.
func BadQuestions() map[string]string {
	return map[string]string{
		"empty":                    "",
		"blank":                    " \t\r\n  \u00a0\u3000 ",
		"100 KB of words":          strings.Repeat("what did China say about the troops ", 100*1024/36),
		"100 KB one word":          strings.Repeat("a", 100*1024),
		"100 KB of question marks": strings.Repeat("?", 100*1024),
		"100 KB of emoji":          strings.Repeat("🙂", 100*1024/4),
		"10,000 names":             strings.Repeat("China Russia NATO Kim ", 10000/4),
		"control characters":       "what\x00 did\x07 China\x1b[31m say?\x08\x7f\r\n",
		"only control characters":  "\x00\x01\x02\x03\x1b\x7f",
		"zero-width and bidi":      "what did \u200bChi\u200dna\u202e say\u2066?",
		"emoji":                    "🙂🙂🙂",
		"flag emoji":               "what did 🇨🇳 say?",
		"emoji ZWJ sequence":       "who is 👩‍👩‍👧‍👦?",
		"FTS NEAR(":                "NEAR(",
		"FTS NEAR( with terms":     "NEAR(china russia",
		"FTS NEAR/2":               "china NEAR/2 russia",
		"FTS NEAR with distance":   `NEAR("china" "troops", 3)`,
		"FTS lone quote":           `"`,
		"FTS quotes":               `""""`,
		"FTS open quote":           `what did "China say?`,
		"FTS star":                 "*",
		"FTS prefix":               "chin*",
		"FTS AND OR NOT":           "AND OR NOT",
		"FTS NOT":                  "NOT china",
		"FTS column filter":        "text:china",
		"FTS col:term":             "col:term",
		"FTS column set":           "{text title}: troops",
		"FTS caret":                "^china",
		"FTS plus":                 "china + russia",
		"FTS parentheses":          "(china OR (russia",
		"FTS minus":                "-china",
		"FTS table name":           "sentences_fts:troops",
		"SQL quote":                "'",
		"SQL injection":            "'; DROP TABLE sentences; --",
		"SQL injection quoted":     `" OR 1=1 --`,
		"SQL tautology":            "China' OR '1'='1",
		"SQL LIKE wildcards":       "%_%\\",
		"invalid UTF-8":            "what did Chin\xe9 say?",
		"invalid UTF-8 only":       "\xff\xfe\xfd",
		"truncated UTF-8":          "who is Mark Rutte\xe2\x82",
		"UTF-16 bytes":             "\xff\xfew\x00h\x00o\x00",
		"mentions":                 "<@123> <@&456> @everyone @here what did China say?",
		"markdown":                 "**what** did `China` say? ||spoiler|| [x](http://example.com)",
		"huge number":              "how many 99999999999999999999999999999999 troops?",
		"cyrillic":                 "что сказала Россия?",
		"chinese":                  "中国说了什么？",
		"arabic":                   "ماذا قالت الصين؟",
		"newlines":                 "what did\nChina\n\nsay?",
	}
}
