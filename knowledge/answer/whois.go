package answer

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/lexicon"
	"github.com/briefbot/briefbot/knowledge/store"
)

// whoIs answers "who is X": the person's title and affiliation, citing the
// sentence that gives them.
func (e *Engine) whoIs(ctx context.Context, ix *index, q Question) (reply, error) {
	t := e.resolve(ctx, ix, q.Subject)
	if !t.found() {
		if t.how == "gazetteer" {
			return reply{text: fmt.Sprintf("The briefings do not mention %s.", t.name)}, nil
		}
		return e.search(ctx, ix, q, nil)
	}
	// The actor asked about: for a title ("the russian ambassador") the person
	// holding it; for a name, all its rows across briefings.
	rows := t.direct
	if len(rows) == 0 {
		rows = t.affiliates
	}
	main := ix.actors[rows[0]]
	var same []store.ActorRow
	for _, i := range rows {
		if ix.actors[i].Key == main.Key {
			same = append(same, ix.actors[i])
		}
	}
	var ids []int64
	for _, a := range same {
		ids = append(ids, a.ID)
	}
	hits, err := e.st.ActorSentences(ctx, ids, 50)
	if err != nil {
		return reply{}, err
	}
	if len(hits) == 0 {
		return reply{}, nil
	}
	// A headline names them but does not say who they are: the body does.
	if body := slices.DeleteFunc(slices.Clone(hits), func(h store.Hit) bool { return h.Text == h.DocTitle }); len(body) > 0 {
		hits = body
	}
	title, desc := "", ""
	for _, a := range same {
		if title == "" {
			title = a.Title
		}
		if desc == "" {
			desc = a.Description
		}
	}
	var r reply
	// Without a stored title or description, an appositive in the sentences
	// says who they are: "Hilda Brand, head of the academy, said".
	if title == "" && desc == "" && main.Kind == knowledge.Person {
		for i, h := range hits {
			app, ok := appositive(h.Text, main.Name)
			if !ok {
				app, ok = preNominal(h.Text, main.Name)
			}
			if ok {
				r.cites = append(r.cites, cite(h))
				for j, o := range hits {
					if j != i {
						r.more = append(r.more, cite(o))
					}
				}
				r.text = sentence(main.Name + " " + app)
				return r, nil
			}
		}
	}
	// The sentence that introduces the title (or description) comes first.
	first := -1
	for i, h := range hits {
		if title != "" && strings.Contains(h.Text, title) || title == "" && desc != "" && strings.Contains(h.Text, desc) {
			first = i
			break
		}
	}
	if first < 0 {
		first = 0
	}
	r.cites = append(r.cites, cite(hits[first]))
	for i, h := range hits {
		if i != first {
			r.more = append(r.more, cite(h))
		}
	}
	r.text = e.identity(main, title, desc)
	return r, nil
}

// identity says who or what an actor is.
func (e *Engine) identity(a store.ActorRow, title, desc string) string {
	switch a.Kind {
	case knowledge.Person:
		var bits []string
		if title != "" {
			bits = append(bits, title)
		}
		if desc != "" {
			bits = append(bits, desc)
		}
		if len(bits) == 0 {
			if a.Country != "" {
				return fmt.Sprintf("%s is mentioned in the briefings (%s).", a.Name, e.gz.CountryName(a.Country))
			}
			return fmt.Sprintf("%s is mentioned in the briefings.", a.Name)
		}
		if title != "" && !startsWithArticle(title) {
			bits[0] = "the " + title
		}
		s := fmt.Sprintf("%s is %s", a.Name, strings.Join(bits, ", "))
		if a.Country != "" && !mentionsCountry(e, title+" "+desc, a.Country) {
			s += " (" + e.gz.CountryName(a.Country) + ")"
		}
		return sentence(s)
	case knowledge.Country:
		return sentence(fmt.Sprintf("%s is a country the briefings mention", capitalize(withArticle(a))))
	case knowledge.Government:
		return sentence(fmt.Sprintf("%s is an institution of %s", a.Name, e.gz.CountryName(a.Country)))
	case knowledge.Organisation:
		return sentence(fmt.Sprintf("%s is an organisation the briefings mention", a.Name))
	}
	return sentence(fmt.Sprintf("%s are mentioned in the briefings", a.Name))
}

// appositivePattern finds a phrase set off by commas right after a name:
// "Hilda Brand, head of the academy, said", "Omar Reyes, who is on the
// union's national executive, accepted".
var appositivePattern = regexp.MustCompile(`^, ((?:who (?:is|was|has been|had been) )?[a-z][^,;:"“”()]{2,80}),`)

// appositive returns what a sentence says a named person is, as a predicate
// ("is principal of the college"), from the appositive after their name.
func appositive(text, name string) (string, bool) {
	i := strings.Index(text, name)
	if i < 0 {
		return "", false
	}
	m := appositivePattern.FindStringSubmatch(text[i+len(name):])
	if m == nil {
		return "", false
	}
	app := m[1]
	for _, rel := range []string{"who is ", "who was ", "who has been ", "who had been "} {
		if rest, ok := strings.CutPrefix(app, rel); ok {
			return strings.TrimPrefix(rel, "who ") + rest, true
		}
	}
	if strings.HasPrefix(app, "who ") || strings.HasPrefix(app, "which ") {
		return "", false
	}
	return "is " + app, true
}

// maxPreNominal is the most words taken as a description before a name.
const maxPreNominal = 3

// preNominal returns what a sentence says a named person is from the words
// right before their name that describe them ("Green councillor Rosa
// Finch" is "a Green councillor"): a lower-case noun, not a function
// word, a verb of speech or a form ending in -ing or -ed, after any names
// that qualify it.
func preNominal(text, name string) (string, bool) {
	i := strings.Index(text, name)
	if i <= 0 {
		return "", false
	}
	before := strings.Fields(text[:i])
	if len(before) == 0 {
		return "", false
	}
	head := before[len(before)-1]
	if firstUpper(head) || !describing(head) {
		return "", false
	}
	run := []string{head}
	for k := len(before) - 2; k > 0 && len(run) < maxPreNominal; k-- {
		// k > 0: a sentence's first word is capitalised whatever it is.
		if w := before[k]; firstUpper(w) && !strings.ContainsAny(w, ",;:.\"“”()") || describing(w) {
			run = append([]string{w}, run...)
			continue
		}
		break
	}
	desc := strings.Join(run, " ")
	article := "a "
	if strings.ContainsRune("aeiouAEIOU", rune(desc[0])) {
		article = "an "
	}
	return "is " + article + desc, true
}

// describing reports whether a lower-case word may describe a person before
// their name: not punctuated, not a function word, a verb of speech or a form
// in -ing or -ed ("including", "named").
func describing(w string) bool {
	lw := strings.ToLower(w)
	return !firstUpper(w) && len(lw) >= 3 && !strings.ContainsAny(w, ",;:.\"“”()'’") && !stopWords[lw] &&
		!lexicon.QuestionSpeechVerbs[lw] && !strings.HasSuffix(lw, "ing") && !strings.HasSuffix(lw, "ed")
}

func startsWithArticle(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "a ") || strings.HasPrefix(l, "an ") || strings.HasPrefix(l, "the ")
}

// mentionsCountry reports whether text already names the country (by name or
// demonym).
func mentionsCountry(e *Engine, text, code string) bool {
	l := strings.ToLower(text)
	for _, n := range []string{e.gz.CountryName(code), e.gz.Demonym(code), code} {
		if n != "" && strings.Contains(l, strings.ToLower(n)) {
			return true
		}
	}
	for _, m := range e.gz.Scan(text) {
		if m.Entry.Country == code || m.Entry.Code == code {
			return true
		}
	}
	return false
}

// maxReadings is how many readings of an ambiguous name are offered.
const maxReadings = 5

// readingForms ask the question of a person by name when the question's own
// words cannot be rewritten around the name, by intent.
var readingForms = map[Intent]string{
	WhoIs:   "who is %s?",
	Said:    "what did %s say?",
	Summary: "tell me about %s",
}

// namedBy are the ways a phrase matches actors by their names (see target.how).
var namedBy = map[string]bool{"alias": true, "fuzzy": true}

// readings lists the questions a question may mean when its subject names
// several people ("who is Kim?": Kim Hong-kyun or Kim Jong Un), in the order
// of the briefings; nil when it names one person or none.
func (e *Engine) readings(ctx context.Context, ix *index, q Question) []knowledge.Reading {
	if _, ok := readingForms[q.Intent]; !ok || q.Subject == "" {
		return nil
	}
	t := e.resolve(ctx, ix, q.Subject)
	if !namedBy[t.how] {
		return nil // a title ("the spokesperson") is answered for all who hold it
	}
	var people []store.ActorRow
	for _, i := range t.direct {
		a := ix.actors[i]
		if a.Kind == knowledge.Person && !slices.ContainsFunc(people, func(p store.ActorRow) bool { return p.Key == a.Key }) {
			people = append(people, a)
		}
	}
	if len(people) < 2 {
		return nil
	}
	phrase := q.Subject
	at := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(q.Subject) + `\b`).FindStringIndex(q.Raw)
	if at != nil {
		phrase = q.Raw[at[0]:at[1]]
	}
	var out []knowledge.Reading
	for _, p := range people[:min(len(people), maxReadings)] {
		question := fmt.Sprintf(readingForms[q.Intent], p.Name)
		if at != nil {
			question = q.Raw[:at[0]] + p.Name + q.Raw[at[1]:]
		}
		out = append(out, knowledge.Reading{Phrase: phrase, Label: label(p), Question: question})
	}
	return out
}
