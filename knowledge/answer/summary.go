package answer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/store"
)

// Brief is the intent of a request for a briefing's summary ("summarise the
// briefing", "tl;dr", "what happened?").
const Brief Intent = "brief"

// summaryForms are the ways of asking for a summary, as the words left once
// summaryDropped are taken out; a form may be followed by the name of a briefing.
var summaryForms = [][]string{
	{"summarise"}, {"summarize"}, {"summary"}, {"summarise", "briefly"}, {"sum", "up"},
	{"recap"}, {"overview"}, {"tl", "dr"}, {"tldr"}, {"gist"}, {"brief"},
	{"key", "points"}, {"main", "points"}, {"headlines"}, {"highlights"},
	{"what", "happened"}, {"what", "is", "happening"}, {"what", "is", "going", "on"},
	{"what", "is", "new"}, {"what", "is", "news"}, {"what", "is", "about"},
	{"what", "are", "about"}, {"what", "did", "say"}, {"what", "does", "say"},
	{"what", "do", "say"}, {"what", "is", "gist"}, {"tell", "about"}, {"what", "is"}, {"what", "are"},
}

// summaryDropped are words that do not change a request for a summary:
// articles, pronouns and politeness.
var summaryDropped = set("the", "this", "these", "that", "a", "an", "me", "please",
	"pls", "can", "could", "you", "give", "quick", "short", "today", "today's", "latest",
	"it", "them", "everything", "all", "of", "for", "in", "so", "far", "up",
	"bot", "briefbot", "hey", "ok", "okay", "i", "want", "need", "'s")

// briefingNouns name a briefing: "the pension briefing", "this article".
var briefingNouns = set("briefing", "briefings", "article", "articles", "story", "stories",
	"news", "document", "documents", "file", "files", "text", "report", "reports")

// summaryRest matches a question against summaryForms and returns the words left
// after the form (a briefing's name, or none), and whether it matched. Words
// after the form must call themselves a briefing ("summarise the pension
// briefing"): "summarise Russia's position" asks about Russia.
func summaryRest(question string) ([]string, bool) {
	raw := strings.ToLower(clean(question))
	raw = strings.NewReplacer("tl;dr", "tldr", "tl:dr", "tldr", "tl-dr", "tldr").Replace(raw)
	var w []string
	named := false
	for _, x := range words(raw) {
		switch {
		case briefingNouns[x]:
			named = true
		case !summaryDropped[x] || x == "up" && len(w) > 0 && w[len(w)-1] == "sum":
			w = append(w, x)
		}
	}
	for _, f := range summaryForms {
		if len(w) < len(f) || !slices.Equal(w[:len(f)], f) {
			continue
		}
		rest := w[len(f):]
		if len(rest) == 0 || named && !isAboutForm(f) {
			return rest, true
		}
	}
	return nil, false
}

// isAboutForm reports whether a form is a whole question ("what is the
// briefing about", "what happened"), so that nothing may follow it: "what
// happened to the troops" asks about the troops.
func isAboutForm(f []string) bool {
	return f[0] == "what"
}

// summaryDocs picks the briefings a request for a summary names: all of them
// (newest first) when rest is empty, those whose title or path holds every word
// of rest otherwise; ok is false when rest names no briefing.
func summaryDocs(docs []store.DocInfo, rest []string) (out []store.DocInfo, ok bool) {
	if len(rest) == 0 {
		return docs, true
	}
	for _, d := range docs {
		have := set(words(strings.NewReplacer("-", " ", "_", " ", "/", " ", ".", " ").Replace(strings.ToLower(d.Title + " " + d.Path)))...)
		all := true
		for _, x := range rest {
			if !have[x] && !stopWords[x] {
				all = false
				break
			}
		}
		if all {
			out = append(out, d)
		}
	}
	return out, len(out) > 0
}

// askedSummary answers a question that asks for a summary of the briefings
// ("summarise the briefing", "tl;dr", "what happened?"); ok is false for any
// other question.
func (e *Engine) askedSummary(ctx context.Context, question string) (a knowledge.Answer, ok bool, err error) {
	rest, ok := summaryRest(question)
	if !ok {
		return a, false, nil
	}
	docs, err := e.st.Documents(ctx)
	if err != nil {
		return a, true, fmt.Errorf("summary: %w", err)
	}
	picked, ok := summaryDocs(docs, rest)
	if !ok {
		return a, false, nil // "summarise Russia's position" is a question about Russia
	}
	a, err = e.summarise(ctx, picked)
	a.Question = question
	return a, true, err
}

// ErrNoBriefing is returned by Summary for a briefing that is not stored.
var ErrNoBriefing = errors.New("no such briefing")

// Summary sums up the briefing whose path or title is doc, or, when doc is "",
// the briefings, newest first: for each its lead, its key statements (one
// speaker per country or organisation) and its figures, each cited.
func (e *Engine) Summary(ctx context.Context, doc string) (knowledge.Answer, error) {
	docs, err := e.st.Documents(ctx)
	if err != nil {
		return knowledge.Answer{}, fmt.Errorf("summary: %w", err)
	}
	if doc != "" {
		docs = slices.DeleteFunc(docs, func(d store.DocInfo) bool {
			return d.Path != doc && !strings.EqualFold(d.Title, doc)
		})
		if len(docs) == 0 {
			return knowledge.Answer{}, fmt.Errorf("summary %q: %w", doc, ErrNoBriefing)
		}
	}
	a, err := e.summarise(ctx, docs)
	a.Question = strings.TrimSpace("summarise " + doc)
	return a, err
}

// Limits of a summary.
const (
	summaryDocsShown  = 3 // briefings summed up; the rest are named
	summaryStatements = 3 // key statements of a single briefing
	summaryFigures    = 2 // figures of a single briefing
)

// summarise sums up docs (newest first) within MaxCitations citations.
func (e *Engine) summarise(ctx context.Context, docs []store.DocInfo) (knowledge.Answer, error) {
	a := knowledge.Answer{Intent: string(Brief), Citations: []knowledge.Citation{}}
	if len(docs) == 0 {
		a.Text = "There are no briefings loaded yet."
		return a, nil
	}
	statements, figures := summaryStatements, summaryFigures
	if len(docs) > 1 {
		statements, figures = 1, 1
	}
	var paras []string
	shown := 0
	for _, d := range docs {
		if shown == summaryDocsShown || len(a.Citations) >= MaxCitations {
			break
		}
		b, err := e.st.Briefing(ctx, d.Path)
		if err != nil {
			return a, fmt.Errorf("summary: %w", err)
		}
		room := MaxCitations - len(a.Citations)
		text, cites := summariseOne(b, len(a.Citations), min(room, 1+statements+figures), statements, figures)
		if len(cites) == 0 {
			continue
		}
		a.More = append(a.More, further(b, cites)...)
		paras = append(paras, text)
		a.Citations = append(a.Citations, cites...)
		shown++
	}
	if rest := len(docs) - shown; rest > 0 && shown > 0 {
		var names []string
		for _, d := range docs[shown:min(len(docs), shown+5)] {
			names = append(names, docName(d.Title, d.Path))
		}
		more := ""
		if rest > len(names) {
			more = fmt.Sprintf(" and %d more", rest-len(names))
		}
		paras = append(paras, fmt.Sprintf("Older briefings: %s%s.", strings.Join(names, "; "), more))
	}
	if shown == 0 {
		a.Text = "The briefings are empty."
		return a, nil
	}
	a.Answered = true
	a.Text = strings.Join(paras, "\n")
	return a, nil
}

// summariseOne picks a briefing's lead, key statements and figures (at most
// limit sentences in all) and sums them up in a few short sentences, each
// part marked with its citation; markers count on from before.
func summariseOne(b *knowledge.Briefing, before, limit, statements, figures int) (string, []knowledge.Citation) {
	var picked []int // sentence numbers, in the order chosen
	used := map[int]bool{}
	take := func(n int) bool {
		if used[n] || n < 1 || n > len(b.Sentences) || len(picked) >= limit {
			return false
		}
		used[n] = true
		picked = append(picked, n)
		return true
	}
	lead := 0
	for _, s := range b.Sentences {
		if strings.TrimSpace(s.Text) != strings.TrimSpace(b.Title) {
			lead = s.N
			break
		}
	}
	if !take(lead) {
		return "", nil
	}
	// Figures before statements, so that a full budget keeps both kinds.
	// Figures someone claims first, then any figure written in digits.
	var figs []knowledge.Quantity
	for _, sourced := range []bool{true, false} {
		for _, q := range b.Quantities {
			if len(figs) == figures {
				break
			}
			if q.Counted == "" || sourced && q.Source == "" && q.Claimant < 0 || !sourced && !hasDigit(q.Text) {
				continue
			}
			if take(q.Sentence) {
				figs = append(figs, q)
			}
		}
	}
	var says []knowledge.Statement
	voices := map[string]bool{}
	for _, st := range b.Statements {
		if len(says) == statements || len(picked) >= limit {
			break
		}
		if st.Negated || st.Speaker < 0 || st.Speaker >= len(b.Actors) {
			continue
		}
		sp := b.Actors[st.Speaker]
		if sp.Kind == knowledge.Group || strings.HasPrefix(sp.Key, "role:") {
			continue
		}
		voice := cmpOr(sp.Country, sp.Org, sp.Key)
		if voices[voice] || used[st.Sentence] {
			continue
		}
		if take(st.Sentence) {
			voices[voice] = true
			says = append(says, fullestStatement(b, st))
		}
	}
	// A range of estimates of one thing reads low to high.
	ranged := len(figs) == 2 && figs[0].Counted == figs[1].Counted && figs[0].Value != figs[1].Value
	if ranged && figs[0].Value > figs[1].Value {
		figs[0], figs[1] = figs[1], figs[0]
	}
	// Cite in the order the text names them: lead, statements, figures.
	order := []int{lead}
	for _, st := range says {
		order = append(order, st.Sentence)
	}
	for _, q := range figs {
		order = append(order, q.Sentence)
	}
	cites := make([]knowledge.Citation, 0, len(order))
	for _, n := range order {
		s := b.Sentences[n-1]
		cites = append(cites, knowledge.Citation{Document: b.Path, Title: b.Title, Sentence: s.N, Text: s.Text})
	}
	mark := func(i int) string { return fmt.Sprintf(" [%d]", before+i+1) }
	var t strings.Builder
	name := docName(b.Title, b.Path)
	if b.Date != "" {
		name += " (" + b.Date + ")"
	}
	if g := leadGist(b.Sentences[lead-1].Text); g != "" {
		fmt.Fprintf(&t, "%s: %s%s.", name, g, mark(0))
	} else {
		fmt.Fprintf(&t, "%s%s.", name, mark(0))
	}
	if len(says) > 0 {
		var ss []string
		for i, st := range says {
			ss = append(ss, summaryStatement(b, st, t.String()+strings.Join(ss, " "))+mark(1+i))
		}
		t.WriteString(" " + sentence(strings.Join(ss, "; ")))
	}
	if len(figs) > 0 {
		k := 1 + len(says)
		if ranged {
			fmt.Fprintf(&t, " Estimates of %s range from %s%s to %s%s%s%s.", figs[0].Counted,
				figs[0].Text, figureSource(figs[0], b.Actors), figs[1].Text, figureSource(figs[1], b.Actors), mark(k), strings.TrimSpace(mark(k+1)))
		} else {
			var fs, said []string
			for i, q := range figs {
				if st, ok := figureSaid(b, q); ok {
					said = append(said, summaryStatement(b, st, t.String())+mark(k+i))
					continue
				}
				fs = append(fs, q.Text+" "+q.Counted+figureSource(q, b.Actors)+mark(k+i))
			}
			if len(said) > 0 {
				t.WriteString(" " + sentence(strings.Join(said, "; ")))
			}
			if len(fs) > 0 {
				t.WriteString(" Figures: " + joinAnd(fs) + ".")
			}
		}
	}
	return t.String(), cites
}

// Lengths in a summary, in bytes: a lead cut shorter than leadMin is not
// cut; a statement's content is clipped at maxSummaryContent.
const (
	leadMin           = 40
	maxSummaryContent = 120
)

// leadCuts are where a lead may be cut to its gist: the clause breaks, and
// the phrases that add circumstances or a source to the main clause.
var leadCuts = append(slices.Clone(clauseBreaks), " amid ", ", as ", ", which ", ", saying ",
	", stating ", ", adding ", " because ", ", according to ", " in order to ")

// leadGist is the main clause of a briefing's first sentence, so that the
// summary does not repeat the sentence quoted under it; "" when the sentence
// has no shorter gist.
func leadGist(text string) string {
	t := strings.TrimRight(dropOpener(strings.TrimSpace(text)), " .")
	cut := len(t)
	for _, c := range leadCuts {
		if i := strings.Index(t, c); i >= leadMin && i < cut && !insideQuote(t[:i]) {
			cut = i
		}
	}
	if g := strings.TrimRight(t[:cut], " ,;:"); !sameText(g, text) {
		return g
	}
	return ""
}

// fullestStatement is the statement of st's speaker in st's sentence that
// says the most: "acknowledged the concerns but emphasized that ..." sums up
// as what was emphasized.
func fullestStatement(b *knowledge.Briefing, st knowledge.Statement) knowledge.Statement {
	best := st
	for _, o := range b.Statements {
		if o.Sentence == st.Sentence && o.Speaker == st.Speaker && !o.Negated && len(o.Content) > len(best.Content) {
			best = o
		}
	}
	return best
}

// clauseCues are the cue lemmas whose content is a reported clause, written
// after "that".
var clauseCues = set("say", "state", "emphasize", "emphasise", "stress", "indicate", "note",
	"argue", "suggest", "warn", "caution", "claim", "allege", "insist", "add", "believe",
	"think", "explain", "predict", "confirm", "announce", "declare", "acknowledge", "admit")

// summaryStatement writes a statement for a summary: its speaker with their
// title (by surname when before, the text so far, names them), the cue in
// the past tense and what was said, clipped.
func summaryStatement(b *knowledge.Briefing, st knowledge.Statement, before string) string {
	sp := b.Actors[st.Speaker]
	who := speakerLabel(b, sp)
	if f := strings.Fields(sp.Name); sp.Kind == knowledge.Person && len(f) > 1 && strings.Contains(before, sp.Name) {
		who = f[len(f)-1]
	}
	content := strings.TrimRight(clip(st.Content, maxSummaryContent), " ,;:.")
	for _, q := range []string{".”", ".\"", ".’"} {
		if strings.HasSuffix(content, q) { // the summary's sentence goes on
			content = strings.TrimSuffix(content, q) + q[1:]
		}
	}
	switch {
	case st.Cue == "according to":
		return "according to " + who + ", " + content
	case st.Direct:
		return who + " " + pastTense(st.Cue) + ": " + content
	case clauseCues[st.Cue] && !strings.HasPrefix(strings.ToLower(content), "that "):
		return who + " " + pastTense(st.Cue) + " that " + content
	}
	return who + " " + pastTense(st.Cue) + " " + content
}

// speakerLabel names a speaker with their title, and their country when
// the title does not say it: "Jane Doyle (Ireland's Health Minister)".
func speakerLabel(b *knowledge.Briefing, a knowledge.Actor) string {
	t := a.Title
	if t == "" || len(t) > maxTitle || a.Kind != knowledge.Person || strings.Contains(strings.ToLower(a.Name), strings.ToLower(t)) {
		return titled(a)
	}
	if c, ok := countryActor(b, a.Country); ok && !namesCountry(t, c) {
		t = c.Name + "’s " + t
	}
	return a.Name + " (" + t + ")"
}

// countryActor is the briefing's actor for the country with ISO code code.
func countryActor(b *knowledge.Briefing, code string) (knowledge.Actor, bool) {
	if code == "" {
		return knowledge.Actor{}, false
	}
	for _, c := range b.Actors {
		if c.Kind == knowledge.Country && c.Country == code {
			return c, true
		}
	}
	return knowledge.Actor{}, false
}

// namesCountry reports whether a title names a country by any of its names
// in the briefing ("Russian Ambassador", "UK Foreign Minister").
func namesCountry(title string, c knowledge.Actor) bool {
	have := set(words(strings.ToLower(title))...)
	for _, n := range append([]string{c.Name}, c.Aliases...) {
		if f := words(strings.ToLower(n)); len(f) > 0 && have[f[0]] && strings.Contains(strings.ToLower(title), strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// figureSaid is the statement of a named person that gives a figure, which
// says more than the figure alone: "Ada Park (union leader) said that the deal
// saves 300 jobs".
func figureSaid(b *knowledge.Briefing, q knowledge.Quantity) (knowledge.Statement, bool) {
	for _, st := range b.Statements {
		if st.Sentence == q.Sentence && !st.Negated && st.Speaker >= 0 && st.Speaker < len(b.Actors) &&
			b.Actors[st.Speaker].Kind == knowledge.Person && strings.Contains(st.Content, q.Text) {
			return st, true
		}
	}
	return knowledge.Statement{}, false
}

// figureSource says whom a figure comes from: " (some reports)".
func figureSource(q knowledge.Quantity, actors []knowledge.Actor) string {
	switch {
	case q.Source != "":
		return " (" + q.Source + ")"
	case q.Claimant >= 0 && q.Claimant < len(actors):
		return " (" + actors[q.Claimant].Name + ")"
	}
	return ""
}

// maxFurther is how many further sentences of a briefing a summary keeps for
// "more sources" and "tell me more".
const maxFurther = 10

// further lists the statements and figures of a briefing that its summary
// did not cite, in document order, up to maxFurther.
func further(b *knowledge.Briefing, cited []knowledge.Citation) []knowledge.Citation {
	used := map[int]bool{}
	for _, c := range cited {
		used[c.Sentence] = true
	}
	key := map[int]bool{}
	for _, st := range b.Statements {
		if !st.Negated && st.Speaker >= 0 && st.Speaker < len(b.Actors) && b.Actors[st.Speaker].Kind != knowledge.Group {
			key[st.Sentence] = true
		}
	}
	for _, q := range b.Quantities {
		if q.Counted != "" && hasDigit(q.Text) {
			key[q.Sentence] = true
		}
	}
	var out []knowledge.Citation
	for _, s := range b.Sentences {
		if len(out) == maxFurther {
			break
		}
		if key[s.N] && !used[s.N] {
			out = append(out, knowledge.Citation{Document: b.Path, Title: b.Title, Sentence: s.N, Text: s.Text})
		}
	}
	return out
}

// maxTitle is the longest title put before a speaker's name in a summary.
const maxTitle = 40

// titled names a speaker with their title: "Russian Ambassador Georgiy
// Zinoviev", "Jane Doyle (general secretary of the Weavers Union)".
func titled(a knowledge.Actor) string {
	t := a.Title
	if t == "" || len(t) > maxTitle || a.Kind != knowledge.Person || strings.Contains(strings.ToLower(a.Name), strings.ToLower(t)) {
		return a.Name
	}
	if r := []rune(t)[0]; unicode.IsUpper(r) && !strings.Contains(t, " of ") {
		return t + " " + a.Name
	}
	return a.Name + " (" + t + ")"
}

// docName is how a summary names a briefing: its title, or its file name.
func docName(title, path string) string {
	if title != "" {
		return title
	}
	return path
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// cmpOr returns the first of xs that is not "".
func cmpOr(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// Gist is the main clause of a sentence, shorter than the sentence, for a
// text that introduces the sentence quoted under it; "" when the sentence has
// no shorter gist.
func Gist(sentence string) string { return leadGist(sentence) }
