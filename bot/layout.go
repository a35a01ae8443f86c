package bot

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
)

// sameSentence reports whether an answer's text is the quoted sentence
// itself (letters and digits compared, case and punctuation aside).
func sameSentence(text, quote string) bool {
	a, b := letters(text), letters(quote)
	return a != "" && a == b
}

func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var markerRE = regexp.MustCompile(`\s?\[(\d+)\]`)

// markQuotes makes the [n] markers of a text match its n quotes: markers of
// quotes that are not there are dropped, and a text with no marker left
// gets one per quote at its end.
func markQuotes(text string, n int) string {
	kept := 0
	text = markerRE.ReplaceAllStringFunc(text, func(m string) string {
		k, _ := strconv.Atoi(markerRE.FindStringSubmatch(m)[1])
		if k < 1 || k > n {
			return ""
		}
		kept++
		return m
	})
	if kept > 0 || n == 0 || strings.TrimSpace(text) == "" {
		return text
	}
	var b strings.Builder
	b.WriteString(strings.TrimRightFunc(text, unicode.IsSpace))
	b.WriteByte(' ')
	for i := 1; i <= n; i++ {
		b.WriteString("[" + strconv.Itoa(i) + "]")
	}
	return b.String()
}

// maxFooterNames is how many briefings a footer names before "+N more".
const maxFooterNames = 2

// sourcesFooter says how many sentences an answer quotes and from which
// briefings, in words people use: "2 sources · north-korean-troops-in-russia".
func sourcesFooter(cites []knowledge.Citation) string {
	if len(cites) == 0 {
		return ""
	}
	var names []string
	seen := map[string]bool{}
	for _, c := range cites {
		name := briefingName(c.Document)
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	s := count(len(cites), "source") + " · "
	if len(names) > maxFooterNames {
		return s + strings.Join(names[:maxFooterNames], ", ") + " +" + strconv.Itoa(len(names)-maxFooterNames) + " more"
	}
	return s + strings.Join(names, ", ")
}

// briefingName is a briefing's file name without folder and extension.
func briefingName(doc string) string {
	base := path.Base(doc)
	return strings.TrimSuffix(base, path.Ext(base))
}
