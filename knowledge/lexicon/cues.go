package lexicon

import (
	"sort"
	"strings"
)

// cues_polnear.go is counted from a PolNeAR split folder (train/ and
// gold/train/, as ../shared/eval/polnear/score.py lays it out): it was made
// from the part of the training split whose failures were read (480 articles
// of four publishers), so the other part stays a fair test. Regenerate with
// BRIEFBOT_CUE_DATA=DIR go generate ./knowledge/lexicon.
//go:generate go run ./internal/gencues -data $BRIEFBOT_CUE_DATA -wordnet /usr/share/wordnet -out cues_polnear.go

// Sense is what a cue reports.
type Sense uint8

const (
	// Speech is something said or written: "said", "tweeted", "warned".
	Speech Sense = iota
	// Belief is a belief, wish or intention: "thinks", "wants", "hopes".
	Belief
	// Other reports neither: "showed", "found", "seemed"; not a statement.
	Other
)

// Cue is an inflected cue form: its lemma and what it reports.
type Cue struct {
	Lemma string
	Sense Sense
}

// cueLemmas are the verbs that report speech or a stated position, as in the
// speech-attribution literature (GenderGapTracker, Pareti's PARC corpus).
var cueLemmas = []string{
	"say", "tell", "state", "add", "acknowledge", "emphasize", "emphasise", "stress",
	"caution", "warn", "urge", "condemn", "indicate", "suggest", "dismiss", "argue",
	"note", "insist", "deny", "confirm", "express", "allege", "claim", "announce",
	"admit", "accuse", "criticise", "criticize", "describe", "welcome", "reject",
	"predict", "explain", "report", "reply", "respond", "demand", "propose", "hail",
	"maintain", "agree", "defend", "promise", "pledge", "vow", "praise", "concede",
	"declare", "complain", "believe", "think", "hope", "want", "fear", "estimate",
	"comment", "write", "recommend", "reveal", "assert", "contend", "observe",
	"remark", "signal", "threaten", "forecast", "disclose", "mention", "call", "blame",
	"dispute", "repeat", "reiterate", "highlight", "point", "back", "rule", "affirm",
	"underline", "voice", "speculate", "support", "oppose", "endorse", "name",
	"recognise", "recognize", "concur", "protest", "plead", "testify", "brief",
	"refuse", "plan", "expect", "feel", "worry", "intend", "doubt", "prefer", "see", "know", "seek", "view", "charge",
	"wish", "realize", "realise", "talk", "speak", "discuss", "decide", "aim", "remember",
	"understand",
}

// beliefLemmas report a belief, wish or intention rather than words.
var beliefLemmas = set("believe", "think", "hope", "want", "fear", "plan", "expect", "see", "know", "seek", "view",
	"feel", "wish", "intend", "worry", "doubt", "consider", "prefer", "trust", "suspect", "realize",
	"decide", "aim", "remember", "understand")

// otherLemmas are annotated as attribution cues in news corpora but report no
// one's words or beliefs: evidence, appearance, knowledge, decisions.
var otherLemmas = set("show", "find", "seem", "appear",
	"offer", "look", "vote", "share", "push", "sign", "give", "make",
	"take", "get", "go", "come", "have", "be", "do", "win", "lose", "lead", "help",
	"refer", "title", "favor", "favour", "concern", "accord", "hold", "mean", "put",
	"order", "list", "present", "project", "sound", "ignore", "nominate", "press",
	"portray", "complaint", "decline", "read", "issue")

// decline is left to extraction's silences: "declined to comment" says nothing.

// CueParticles are the words a phrasal cue needs after it: "pointed out",
// "ruled out".
var CueParticles = map[string][]string{
	"talk":  {"about"},
	"speak": {"about", "of", "out"},
	"point": {"out", "to"},
	"rule":  {"out"},
	"name":  {"as"},
}

// irregular maps irregular inflections to their lemma.
var irregular = map[string]string{
	"said": "say", "says": "say", "saying": "say",
	"told": "tell", "tells": "tell", "telling": "tell",
	"thought": "think", "wrote": "write", "written": "write", "writes": "write",
	"forecast": "forecast", "forecasts": "forecast", "forecasting": "forecast",
	"spoke": "speak", "spoken": "speak", "sought": "seek", "felt": "feel",
	"found": "find", "known": "know", "knew": "know", "shown": "show", "saw": "see",
	"seen": "see", "gave": "give", "given": "give", "made": "make", "took": "take",
	"taken": "take", "meant": "mean", "held": "hold", "put": "put", "led": "lead",
	"won": "win", "lost": "lose", "got": "get", "went": "go", "came": "come",
	"understood": "understand", "learnt": "learn",
}

// Irregular returns the lemma of an irregular verb form, or "".
func Irregular(form string) string { return irregular[form] }

// MinCueCount and MinCueRate select the annotated cue forms (cues_polnear.go)
// that extraction reads as cues: a form is a cue at least MinCueCount times
// and in at least MinCueRate of its occurrences.
const (
	MinCueCount = 3
	MinCueRate  = 0.6
)

// CueForms maps each inflected cue form to its lemma and sense: the forms of the
// literature's cue verbs, and the verb forms that PolNeAR's annotators marked
// as cues often enough. Lemmas in both spellings (criticise, criticize) share
// the -ize one.
func CueForms() map[string]Cue {
	m := map[string]Cue{}
	add := func(form, lemma string) {
		if strings.HasSuffix(lemma, "ise") && lemma != "promise" && lemma != "advise" {
			lemma = strings.TrimSuffix(lemma, "ise") + "ize"
		}
		m[form] = Cue{Lemma: lemma, Sense: senseOf(lemma)}
	}
	for _, c := range polnearCues {
		// Only inflected forms: a bare form may as well be a noun ("statement").
		if c.cue >= MinCueCount && float64(c.cue) >= MinCueRate*float64(c.seen) &&
			c.lemma != "" && c.lemma != c.form && senseOf(c.lemma) != Other {
			add(c.form, c.lemma)
		}
	}
	for _, l := range annotatedLemmas() {
		// Past and -ing forms only: "posts", "emails" and "thanks" are
		// more often nouns.
		for _, f := range Inflect(l)[1:] {
			if _, ok := m[f]; !ok && (strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "ing")) {
				add(f, l)
			}
		}
	}
	for _, l := range cueLemmas {
		for _, f := range Inflect(l) {
			add(f, l)
		}
	}
	lemmas := map[string]bool{}
	for _, c := range m {
		lemmas[c.Lemma] = true
	}
	for f, l := range irregular {
		if lemmas[l] {
			add(f, l)
		}
	}
	return m
}

// annotatedLemmas are the verbs of saying or thinking (by their WordNet
// senses) whose forms, counted together, are annotated cues often enough
// (MinCueCount, MinCueRate), though no single form is: "slams", "slamming".
func annotatedLemmas() []string {
	type count struct{ cue, seen int }
	by := map[string]*count{}
	senses := map[string]string{}
	for _, c := range polnearCues {
		if c.lemma == "" || c.lemma == c.form {
			continue
		}
		n := by[c.lemma]
		if n == nil {
			n = &count{}
			by[c.lemma] = n
		}
		n.cue += c.cue
		n.seen += c.seen
		senses[c.lemma] = c.senses
	}
	var out []string
	for l, n := range by {
		if n.cue >= MinCueCount && float64(n.cue) >= MinCueRate*float64(n.seen) &&
			senseOf(l) != Other && reportingSense(senses[l]) {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// reportingSense reports whether a verb's WordNet senses (lexicographer
// files, commonest first) make it a verb of saying or thinking: its first or
// second sense is one of communication or cognition.
func reportingSense(senses string) bool {
	fs := strings.Split(senses, ",")
	for i := 0; i < len(fs) && i < 2; i++ {
		switch fs[i] {
		case "communication", "cognition":
			return true
		}
	}
	return false
}

func senseOf(lemma string) Sense {
	switch {
	case beliefLemmas[lemma]:
		return Belief
	case otherLemmas[lemma]:
		return Other
	}
	return Speech
}

// cueCount is one row of the generated table: a word form, how often it lies in
// an annotated cue and how often it occurs, its lemma ("" when the form is
// not a verb form) and the WordNet lexicographer files of the lemma's verb
// senses, commonest first ("communication,cognition"; "" for no verb).
type cueCount struct {
	form      string
	cue, seen int
	lemma     string
	senses    string
}

// Inflect returns the regular forms of an English verb: base, -s, -ed, -ing.
func Inflect(v string) []string {
	forms := []string{v}
	switch {
	case strings.HasSuffix(v, "e"):
		forms = append(forms, v+"s", v+"d", v[:len(v)-1]+"ing")
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		forms = append(forms, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing")
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		forms = append(forms, v+"es", v+"ed", v+"ing")
	default:
		forms = append(forms, v+"s", v+"ed", v+"ing")
	}
	switch v { // doubled final consonant
	case "admit", "regret", "plan", "refer", "prefer", "concur", "rebut", "commit", "omit", "slam", "quip", "chat", "stop", "ban", "vet":
		last := v[len(v)-1:]
		forms = append(forms, v+last+"ed", v+last+"ing")
	}
	return forms
}

// Lemmatize returns the lemma of a verb form whose candidate lemmas are judged
// by known(lemma): the irregular lemma, or the known base whose regular
// inflections hold the form, or "".
func Lemmatize(form string, known func(string) bool) string {
	if l := irregular[form]; l != "" {
		return l
	}
	var cands []string
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if !strings.HasSuffix(form, suf) || len(form) <= len(suf)+2 {
			continue
		}
		stem := strings.TrimSuffix(form, suf)
		cands = append(cands, stem, stem+"e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			cands = append(cands, stem[:n-1]) // "slammed"
		}
		if strings.HasSuffix(stem, "i") {
			cands = append(cands, strings.TrimSuffix(stem, "i")+"y") // "denied"
		}
	}
	cands = append(cands, form)
	for _, c := range cands {
		if !known(c) {
			continue
		}
		for _, f := range Inflect(c) {
			if f == form {
				return c
			}
		}
	}
	return ""
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// stanceLemmas are speech cues that report a stance taken rather than words
// spoken: "a plan backed by the unions" names no one's words.
var stanceLemmas = set("support", "back", "endorse", "oppose", "welcome", "hail", "name",
	"recognize", "rule", "brief", "agree", "concur", "refuse", "signal", "voice", "defend",
	"praise", "dispute", "reject", "protest", "plead", "condemn", "dismiss")

// ReportsWords reports whether a cue lemma reports someone's words: a speech
// cue, not a belief, nor a stance ("backed", "endorsed").
func ReportsWords(lemma string) bool {
	return senseOf(lemma) == Speech && !stanceLemmas[lemma]
}
