package stem

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	_ "modernc.org/sqlite"
)

// The corpora the tests compare against SQLite, skipped when absent.
const (
	squadCorpus = "/work/shared/eval/squad/corpus"
	bbcCorpus   = "/work/shared/corpus/bbc"
)

// porterExamples are the examples of Porter's 1980 paper, plus a few more.
var porterExamples = []struct{ word, stem string }{
	// Step 1a.
	{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
	// Step 1b.
	{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
	{"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"},
	{"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"}, {"falling", "fall"},
	{"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"}, {"filing", "file"},
	// Step 1c.
	{"happy", "happi"}, {"sky", "sky"},
	// Step 2.
	{"relational", "relat"}, {"conditional", "condit"}, {"rational", "ration"},
	{"valenci", "valenc"}, {"hesitanci", "hesit"}, {"digitizer", "digit"},
	{"conformabli", "conform"}, {"radicalli", "radic"}, {"differentli", "differ"},
	{"vileli", "vile"}, {"analogousli", "analog"}, {"vietnamization", "vietnam"},
	{"predication", "predic"}, {"operator", "oper"}, {"feudalism", "feudal"},
	{"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"},
	{"formaliti", "formal"}, {"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"},
	// Step 3.
	{"triplicate", "triplic"}, {"formative", "form"}, {"formalize", "formal"},
	{"electriciti", "electr"}, {"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"},
	// Step 4.
	{"revival", "reviv"}, {"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
	{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
	{"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
	{"dependent", "depend"}, {"adoption", "adopt"}, {"homologou", "homolog"},
	{"communism", "commun"}, {"activate", "activ"}, {"angulariti", "angular"},
	{"homologous", "homolog"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
	// Step 5.
	{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
	// Whole words.
	{"generalization", "gener"}, {"generalizations", "gener"}, {"oscillators", "oscil"},
	{"agreement", "agreement"}, {"was", "wa"}, {"does", "doe"}, {"during", "dure"},
	// Left alone: too short, or longer than 64 bytes.
	{"is", "is"}, {"as", "as"}, {"", ""}, {strings.Repeat("nations", 10), strings.Repeat("nations", 10)},
	// SQLite's quirks: 1-byte stems, non-ASCII bytes are consonants.
	{"aed", "a"}, {"eing", "e"}, {"straße", "straß"}, {"1990s", "1990"},
}

func TestPorter(t *testing.T) {
	for _, ex := range porterExamples {
		if got := Porter(ex.word); got != ex.stem {
			t.Errorf("Porter(%q) = %q, want %q", ex.word, got, ex.stem)
		}
	}
}

func TestPorterMatchesSQLite(t *testing.T) {
	texts := make([]string, len(porterExamples))
	for i, ex := range porterExamples {
		texts[i] = ex.word
	}
	if n := compareWithSQLite(t, texts); n > 0 {
		t.Errorf("%d of %d Porter examples differ from SQLite", n, len(texts))
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"  ,.;  ", nil},
		{"The cats sat", []string{"the", "cat", "sat"}},
		{"Korea’s don't", []string{"korea", "s", "don", "t"}},
		{"Hong-kyun, Secretary-General", []string{"hong", "kyun", "secretari", "gener"}},
		{"1,500 9.3bn 20.1%", []string{"1", "500", "9", "3bn", "20", "1"}},
		{"Élysée Malacañang", []string{"elyse", "malacanang"}},
		{"Ａｂｃ ÀÉÎÕÜ", []string{"ａｂｃ", "aeiou"}},
		{"e\u0301te\u0301", []string{"et"}}, // combining acute accents are dropped
		{"naïve Œuvre ﬁne", []string{"naiv", "œuvr", "ﬁne"}},
		{"中文 🙂", []string{"中文", "🙂"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Terms(tt.text)); diff != "" {
			t.Errorf("Terms(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Korea’s Secretary-General ÉLYSÉE relational")
	want := []string{"korea", "s", "secretary", "general", "elysee", "relational"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokens (-want +got):\n%s", diff)
	}
}

// tricky are hand-written texts that exercise the corners of unicode61.
var tricky = []string{
	"Korea’s president said Korea's economy won't grow; don't panic, isn’t it?",
	"Hong-kyun met the Secretary-General of the U.N. in Seoul (South Korea).",
	"Sales rose 20.1% to $1,500m (£9.3bn) in 2004-05, up from 1.2bn in the 1990s.",
	"Élysée Palace, Malacañang, São Paulo, Zürich, Kraków, Øresund, Ærø, İstanbul.",
	"Straße, STRASSE, ß, ẞ, Maße; ǅemal ǄEMAL ǆemal; ﬁnance ﬂow.",
	"“Curly quotes” and ‘single ones’ — em dashes – en dashes … ellipses «guillemets».",
	"Emoji: 🙂👍🏽🇬🇧 ❤️ ☕ and CJK: 日本語の文章、中文句子。한국어 문장.",
	"Greek ΑΘΗΝΑ Αθήνα, Cyrillic МОСКВА Москва, Arabic العربية, Hebrew עִבְרִית.",
	"Combining: e\u0301 a\u0300 o\u0308 n\u0303 c\u0327 x\u0332y a\u20ddb ﬀ ¹²³ ½ Ⅻ ⑦.",
	"Full-width ＡＢＣ１２３, superscripts x² m³, µ, ª, º, ©, ®, ™, °C, №5.",
	"Tabs\tand\nnewlines\r\nand\u00a0nbsp\u2009thin\u200bzwsp\u2028line\ufeffbom.",
	"Hyphens: self-driving, co-operate, e-mail, x‐ray (U+2010), non‑breaking (U+2011).",
	"Apostrophes: O'Neill, O’Neill, rock ’n’ roll, ʻOkina ʼ, Ma`ayan, Xi'an.",
	"Ligatures and letters: Æsir œuvre Þór ðæt Łódź Ħal Đorđe ı ĸ ŉ ſ.",
	"Numbers: ٣٤٥ ३४५ ๓๔๕ 1st 2nd 3rd 4th 10,000,000 3.14159 1e10 0x1F.",
	"URLs http://www.bbc.co.uk/news/12345 and e-mails john.smith@example.com #tag @user.",
	"Runs: caresses ponies ties relational conditional generalization oscillators.",
	"Quirks: happy sky aed eing feed agreed hopping filing controlling rolled.",
	strings.Repeat("supercalifragilistic", 4) + " " + strings.Repeat("Ñ", 40) + " end",
	"Private use \ue000\ue001, plane 16 \U00100000, tags \U000E0041, unassigned \u0378\U0003FFFD.",
	"Deseret 𐐀𐐁 𐐨, Gothic 𐌰𐌱, math 𝐀𝐁𝐂 𝔸, old italic 𐌀.",
	"Lone surrogate-ish bytes \xed\xa0\x80 and \xef\xbf\xbe and invalid \xff\xfe x\x80y \xc3 tail.",
}

func TestTrickyMatchesSQLite(t *testing.T) {
	if n := compareWithSQLite(t, tricky); n > 0 {
		t.Errorf("%d of %d tricky texts differ from SQLite", n, len(tricky))
	}
}

func TestSquadCorpusMatchesSQLite(t *testing.T) {
	testCorpus(t, squadCorpus)
}

func TestBBCCorpusMatchesSQLite(t *testing.T) {
	testCorpus(t, bbcCorpus)
}

func testCorpus(t *testing.T, dir string) {
	lines := corpusLines(t, dir)
	n := compareWithSQLite(t, lines)
	t.Logf("%s: %d lines, %d mismatches", dir, len(lines), n)
	if n > 0 {
		t.Errorf("%d of %d lines differ from SQLite", n, len(lines))
	}
}

// TestAllCodePointsMatchSQLite runs code points through both tokenizers:
// starting a token, inside one after an upper-case letter, and doubled. It
// takes every code point except in the planes no Unicode version assigns
// (4 to 13), which it samples.
func TestAllCodePointsMatchSQLite(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("slow (and some twenty times slower with the race detector)")
	}
	const parts = 4
	for part := range parts {
		t.Run(fmt.Sprint(part), func(t *testing.T) {
			t.Parallel()
			var texts []string
			var sb strings.Builder
			for block := rune(part); block <= maxRune>>8; block += parts {
				sb.Reset()
				for c := block << 8; c < (block+1)<<8; c++ {
					if c < 0x40000 || c >= 0xE0000 || c&0xFF == 0 || c&0xFF == 0xFF || c%61 == 0 {
						fmt.Fprintf(&sb, "%cQ A%cb%c%c ", c, c, c, c)
					}
				}
				texts = append(texts, sb.String())
			}
			if n := compareWithSQLite(t, texts); n > 0 {
				t.Errorf("%d of %d blocks of code points differ from SQLite", n, len(texts))
			}
		})
	}
}

// TestRandomBytesMatchSQLite compares random, often invalid, UTF-8.
func TestRandomBytesMatchSQLite(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{
		"a", "E", "z", "Y", "s", "ed", "ing", "ies", "ational", "ness", "9", " ", ",", "'", "-", ".",
		"é", "É", "ß", "ǅ", "\u0301", "\u0332", "’", "—", "中", "🙂", "\U00100000", "\U000E0041",
		"\x00", "\x80", "\xaa", "\xbf", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xef\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
		"\xfe", "\xff", "\xc0\x80", "\xe0\x80\x80",
	}
	texts := make([]string, 3000)
	for i := range texts {
		var sb strings.Builder
		for range rng.IntN(40) {
			if rng.IntN(4) == 0 {
				sb.WriteByte(byte(rng.IntN(256)))
			} else {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		texts[i] = sb.String()
	}
	if n := compareWithSQLite(t, texts); n > 0 {
		t.Errorf("%d of %d random texts differ from SQLite", n, len(texts))
	}
}

func TestLongTokensMatchSQLite(t *testing.T) {
	texts := []string{
		strings.Repeat("a", maxTokenSize+100),
		strings.Repeat("A", maxTokenSize+100) + " b",
		strings.Repeat("a", maxTokenSize-1) + "Жж tail",
		strings.Repeat("x", 63) + "s " + strings.Repeat("x", 64) + "s " + strings.Repeat("x", 65) + "s",
	}
	if n := compareWithSQLite(t, texts); n > 0 {
		t.Errorf("%d of %d long texts differ from SQLite", n, len(texts))
	}
}

func TestAppendTermsAllocations(t *testing.T) {
	dst := make([]string, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		dst = AppendTerms(dst[:0], "the cats sat on the mats, running 1,500 laps")
	})
	if allocs != 0 {
		t.Errorf("AppendTerms allocated %v times for lower-case ASCII text", allocs)
	}
	want := []string{"the", "cat", "sat", "on", "the", "mat", "run", "1", "500", "lap"}
	if diff := cmp.Diff(want, dst); diff != "" {
		t.Errorf("AppendTerms (-want +got):\n%s", diff)
	}
}

func TestStop(t *testing.T) {
	for _, term := range []string{"the", "a", "of", "and", "to", "in", "is", "wa", "what", "which", "who", "did", "doe", "how", "s", "t", "thi", "hi", "ha"} {
		if !Stop(term) {
			t.Errorf("Stop(%q) = false, want true", term)
		}
	}
	for _, term := range []string{"us", "mai", "won", "one", "korea", "presid", "was", "does", ""} {
		if Stop(term) {
			t.Errorf("Stop(%q) = true, want false", term)
		}
	}
	// Every stop word is known by the term FTS5 indexes for it.
	for _, w := range stopWords {
		terms := Terms(w)
		if len(terms) != 1 || !Stop(terms[0]) {
			t.Errorf("stop word %q: Terms = %q, not a stop term", w, terms)
		}
	}
	if n := len(stopTerms); n < 120 || n > 200 {
		t.Errorf("%d stop terms, want about 170", n)
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	for _, ex := range porterExamples {
		f.Add(ex.word)
	}
	f.Add("\xf8\x88\x80\x80\x80z \xc3\xc3 \x80\x80")
	db := openFTS(f, f.TempDir())
	f.Fuzz(func(t *testing.T, text string) {
		terms := Terms(text)
		for i, term := range terms {
			if term == "" {
				t.Fatalf("Terms(%q)[%d] is empty", text, i)
			}
		}
		toks := Tokens(text)
		if len(toks) != len(terms) {
			t.Fatalf("Terms(%q) has %d terms, Tokens %d", text, len(terms), len(toks))
		}
		for i, tok := range toks {
			if p := Porter(tok); p != terms[i] {
				t.Fatalf("Terms(%q)[%d] = %q, Porter(%q) = %q", text, i, terms[i], tok, p)
			}
		}
		if got := AppendTerms([]string{"x"}, text); !slices.Equal(got[1:], terms) {
			t.Fatalf("AppendTerms(%q) = %q, Terms = %q", text, got[1:], terms)
		}
		if want := db.terms(t, []string{text})[0]; !slices.Equal(terms, want) {
			t.Fatalf("Terms(%q) = %q, SQLite %q", text, terms, want)
		}
	})
}

// BenchmarkTerms measures Terms over the SQuAD corpus, line by line.
func BenchmarkTerms(b *testing.B) {
	lines := corpusLines(b, squadCorpus)
	size, tokens := 0, 0
	for _, l := range lines {
		size += len(l)
		tokens += len(Terms(l))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	var dst []string
	for b.Loop() {
		for _, l := range lines {
			dst = AppendTerms(dst[:0], l)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tokens), "ns/token")
}

// corpusLines returns the non-blank lines of the .txt files in dir, skipping
// the test when dir is absent.
func corpusLines(tb testing.TB, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("no corpus in %s", dir)
	}
	var lines []string
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for l := range strings.Lines(string(b)) {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// compareWithSQLite indexes texts with FTS5 and reports each text whose Terms
// and Tokens differ from the terms FTS5 recorded, returning how many differ.
func compareWithSQLite(t *testing.T, texts []string) int {
	t.Helper()
	db := openFTS(t, t.TempDir())
	wantTerms := db.terms(t, texts)
	wantToks := db.tokens(t, texts)
	bad := 0
	for i, text := range texts {
		dTerms := cmp.Diff(wantTerms[i], Terms(text))
		dToks := cmp.Diff(wantToks[i], Tokens(text))
		if dTerms == "" && dToks == "" {
			continue
		}
		if bad++; bad <= 10 {
			show := text
			if len(show) > 200 {
				show = show[:200] + "..."
			}
			t.Errorf("text %q:\nTerms (-sqlite +go):\n%s\nTokens (-sqlite +go):\n%s", show, dTerms, dToks)
		}
	}
	return bad
}

// ftsDB holds two FTS5 tables: p with the porter tokenizer briefbot uses and
// u with the bare unicode61 tokenizer beneath it.
type ftsDB struct{ *sql.DB }

func openFTS(tb testing.TB, dir string) ftsDB {
	db, err := sql.Open("sqlite", filepath.Join(dir, "fts.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE p USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE pv USING fts5vocab(p, 'instance')`,
		`CREATE VIRTUAL TABLE u USING fts5(text, tokenize='unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE uv USING fts5vocab(u, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	return ftsDB{db}
}

// terms returns the terms the porter table records for each text.
func (db ftsDB) terms(tb testing.TB, texts []string) [][]string {
	return db.index(tb, "p", texts)
}

// tokens returns the terms the unicode61 table records for each text.
func (db ftsDB) tokens(tb testing.TB, texts []string) [][]string {
	return db.index(tb, "u", texts)
}

// index replaces the contents of table with texts (rowid i+1 for texts[i])
// and returns the terms recorded for each, in order.
func (db ftsDB) index(tb testing.TB, table string, texts []string) [][]string {
	tb.Helper()
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM ` + table); err != nil {
		tb.Fatal(err)
	}
	for i, text := range texts {
		if _, err := tx.Exec(`INSERT INTO `+table+`(rowid, text) VALUES (?, ?)`, i+1, text); err != nil {
			tb.Fatal(err)
		}
	}
	rows, err := tx.Query(`SELECT doc, term FROM ` + table + `v ORDER BY doc, offset`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	out := make([][]string, len(texts))
	for rows.Next() {
		var doc int
		var term string
		if err := rows.Scan(&doc, &term); err != nil {
			tb.Fatal(err)
		}
		out[doc-1] = append(out[doc-1], term)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return out
}
