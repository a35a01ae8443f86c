package answer

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/knowledge/store"
)

func TestExpectedAnswer(t *testing.T) {
	tests := []struct {
		question string
		want     answerType
	}{
		{"who signed the security pact?", ansPerson},
		{"whose likeness is on the coin?", ansPerson},
		{"when was the pact signed?", ansTime},
		{"in what year did the war end?", ansTime},
		{"which century saw the most growth?", ansTime},
		{"where did Lammy visit?", ansPlace},
		{"which country left the union?", ansPlace},
		{"how many troops?", ansNumber},
		{"how long was he held?", ansNumber},
		{"what percentage of voters back it?", ansNumber},
		{"what is the population of Korea?", ansNumber},
		{"which team won the cup?", ansName},
		{"what is the name of the ship?", ansName},
		{"why did trade fall?", ansReason},
		{"what did the fossils lack?", ansNone},
		// "a number of" is the subject, not the kind of answer.
		{"what do a number of researchers think?", ansNone},
		{"how did the party defend him?", ansNone},
		{"tell me about the bridge", ansNone},
	}
	for _, tt := range tests {
		if got := expectedAnswer(Parse(tt.question).Words); got != tt.want {
			t.Errorf("expectedAnswer(%q) = %d, want %d", tt.question, got, tt.want)
		}
	}
}

func TestWhHead(t *testing.T) {
	tests := []struct{ question, want string }{
		{"what year did the bridge open?", "year"},
		{"what type of treaty was it?", "type"},
		{"which country left?", "country"},
		{"what Florida stadium was considered?", ""},
		{"what did they build?", ""},
		{"the bridge opened when?", ""},
	}
	for _, tt := range tests {
		if got := whHead(Parse(tt.question).Words); got != tt.want {
			t.Errorf("whHead(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"festiv", "feztiv", true},   // substitution
		{"railwai", "raliwai", true}, // neighbours swapped
		{"melanchthon", "melanchon", false},
		{"melanchthon", "melanchhon", true}, // substitution
		{"intercept", "intercpt", true},     // deletion
		{"bridg", "bridge", true},           // insertion
		{"bridg", "bridg", false},           // the same
		{"bridg", "brigs", false},           // two edits
		{"abcd", "badc", false},             // two swaps
		{"", "a", true},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestWordFlags(t *testing.T) {
	tests := []struct {
		word  string
		first bool
		want  uint8
	}{
		{"Bradfield", false, tokCap},
		{"The", true, tokFirst},
		{"1932", false, tokNum | tokTime},
		{"160", false, tokNum},
		{"1990s", false, tokNum | tokTime},
		{"18th", false, tokNum | tokTime},
		{"seven", false, tokNum},
		{"May", false, tokCap | tokTime},
		{"may", false, 0},
		{"Monday", false, tokCap | tokTime},
		{"century", false, tokTime},
		{"bridge", false, 0},
	}
	for _, tt := range tests {
		if got := wordFlags(tt.word, tt.first); got != tt.want {
			t.Errorf("wordFlags(%q, %v) = %b, want %b", tt.word, tt.first, got, tt.want)
		}
	}
}

// corpus turns documents (title, then sentences) into stored rows.
func corpus(docs ...[]string) []store.CorpusSentence {
	var rows []store.CorpusSentence
	id := int64(0)
	for d, doc := range docs {
		for n, text := range doc[1:] {
			id++
			rows = append(rows, store.CorpusSentence{ID: id, DocID: int64(d + 1), DocPath: doc[0] + ".txt", DocTitle: doc[0], N: n + 1, Text: text})
		}
	}
	return rows
}

var bridgeDocs = [][]string{
	{"Harbour Bridge",
		"The Harbour Bridge is a steel arch bridge across the river.",
		"Construction began in 1923 and the bridge opened in 1932.",
		"It was designed by the engineer John Bradfield.",
		"About 160,000 vehicles cross it every day."},
	{"River Festival",
		"The river festival is held every summer.",
		"The festival was first held in 1950."},
}

func TestBuildRankIndex(t *testing.T) {
	ix := buildRankIndex(7, corpus(bridgeDocs...))
	if ix.gen != 7 || len(ix.sents) != 6 || len(ix.docs) != 2 {
		t.Fatalf("gen %d, %d sentences, %d documents; want 7, 6, 2", ix.gen, len(ix.sents), len(ix.docs))
	}
	if d := ix.docs[1]; d.first != 4 || d.end != 6 {
		t.Errorf("second document holds sentences [%d, %d), want [4, 6)", d.first, d.end)
	}
	id, ok := ix.ids["bridg"]
	if !ok {
		t.Fatal("no term bridg")
	}
	if got := ix.post[id]; len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("postings of bridg = %v, want [0 1] (once per sentence)", got)
	}
	if got := ix.dpost[id]; len(got) != 1 || got[0].doc != 0 || got[0].tf != 3 {
		t.Errorf("document postings of bridg = %+v, want 3 in document 0", got)
	}
	if !ix.sents[2].anaphor || ix.sents[1].anaphor {
		t.Errorf("anaphor flags: %v %v, want sentence 3 only", ix.sents[1].anaphor, ix.sents[2].anaphor)
	}
	for i, s := range ix.sents {
		if len(s.terms) != len(s.flags) || len(s.terms) == 0 {
			t.Errorf("sentence %d: %d terms, %d flags", i, len(s.terms), len(s.flags))
		}
	}
}

func TestCorrect(t *testing.T) {
	ix := buildRankIndex(1, corpus(bridgeDocs...))
	tests := []struct{ term, want string }{
		{"feztiv", "festiv"},
		{"brigd", "bridg"},
		{"bradfeild", "bradfield"},
		{"lighthous", ""}, // nothing near it
		{"brid", ""},      // too short to correct
	}
	for _, tt := range tests {
		id, ok := ix.correct(tt.term)
		got := ""
		if ok {
			got = ix.terms[id]
		}
		if got != tt.want {
			t.Errorf("correct(%q) = %q, want %q", tt.term, got, tt.want)
		}
	}
}

// rankFor ranks the index's sentences for a question and returns their texts,
// best first.
func rankFor(ix *rankIndex, question string) []string {
	e := New(nil)
	q := Parse(question)
	rq := ix.query(e.termGroups(contentWords(q.Words)), q.expects, q.Words)
	var out []string
	for _, r := range ix.rank(rq) {
		out = append(out, ix.sents[r.sent].hit.Text)
	}
	return out
}

func TestRank(t *testing.T) {
	ix := buildRankIndex(1, corpus(bridgeDocs...))
	tests := []struct{ question, want string }{
		{"when did the bridge open", "Construction began in 1923 and the bridge opened in 1932."},
		// The sentence before says what "It" is.
		{"who designed the harbour bridge", "It was designed by the engineer John Bradfield."},
		// A misspelt word still finds its sentence.
		{"when was the feztival first held", "The festival was first held in 1950."},
		{"how many vehicles cross each day", "About 160,000 vehicles cross it every day."},
	}
	for _, tt := range tests {
		got := rankFor(ix, tt.question)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("%q ranks %q first, want %q", tt.question, strings.Join(got, " | "), tt.want)
		}
	}
	if got := rankFor(ix, "lighthouse keepers"); len(got) != 0 {
		t.Errorf("a question with no known word ranks %q", got)
	}
}

func TestPhrase(t *testing.T) {
	ix := buildRankIndex(1, corpus(bridgeDocs...))
	e := New(nil)
	q := Parse("what is a steel arch bridge")
	rq := ix.query(e.termGroups(contentWords(q.Words)), q.expects, q.Words)
	s := &ix.sents[0] // "The Harbour Bridge is a steel arch bridge across the river."
	// "steel arch bridge" is a run of the question's terms: three content words
	// of its three.
	if got := ix.phrase(rq, s.terms, s.flags); got != 1 {
		t.Errorf("phrase = %v, want 1", got)
	}
	s = &ix.sents[1]
	if got := ix.phrase(rq, s.terms, s.flags); got != 0 {
		t.Errorf("phrase of a sentence without the run = %v, want 0", got)
	}
}
