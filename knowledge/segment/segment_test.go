package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// sentences returns the texts of spans.
func sentences(text string, spans []Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

// checkSpans reports spans that break Split's contract: in range, increasing,
// non-overlapping, non-empty, trimmed, at most MaxLen bytes.
func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("span %d = %v after %d in a text of %d bytes", i, sp, prev, len(text))
		}
		if sp.End-sp.Start > MaxLen {
			t.Errorf("span %d = %v is longer than %d bytes", i, sp, MaxLen)
		}
		s := text[sp.Start:sp.End]
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Errorf("span %d = %q is not trimmed", i, s)
		}
		prev = sp.End
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"white space only", " \n\r\n\t ", nil},
		{"simple", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
		{"question", "What is your name? My name is Jonas.", []string{"What is your name?", "My name is Jonas."}},
		{"exclamation", "There it is! I found it.", []string{"There it is!", "I found it."}},
		{"no final mark", "It rained. Then it stopped", []string{"It rained.", "Then it stopped"}},
		{"surrounding space", "  One.   Two.  \n", []string{"One.", "Two."}},

		// Layout.
		{"headline and blank line", "Marsh backs Aland-Norland ferry pact\n\nEdna Marsh has backed a pact.",
			[]string{"Marsh backs Aland-Norland ferry pact", "Edna Marsh has backed a pact."}},
		{"CRLF paragraphs", "Headline here\r\n\r\nFirst para. Second.\r\n\r\nThird para without stop\r\n",
			[]string{"Headline here", "First para.", "Second.", "Third para without stop"}},
		{"blank line with spaces", "No stop here\n \t \nNext", []string{"No stop here", "Next"}},
		{"hard-wrapped", "This is a sentence\ncut off in the middle because pdf.", []string{"This is a sentence\ncut off in the middle because pdf."}},
		{"hard-wrapped CRLF", "It was a cold \r\nnight in the city.", []string{"It was a cold \r\nnight in the city."}},
		{"lines with full stops", "First line.\nSecond line.", []string{"First line.", "Second line."}},
		{"bullets", "He proposes:\n - Upgrading security\n - Creating a new authority\n* Star item\n+ Plus item\n• Dot item",
			[]string{"He proposes:", "- Upgrading security", "- Creating a new authority", "* Star item", "+ Plus item", "• Dot item"}},
		{"numbered list", "Steps:\n1. Open the door\n2. Walk in\n3) Sit down",
			[]string{"Steps:", "1. Open the door", "2. Walk in", "3) Sit down"}},
		{"wrapped list item", "- first item that\n  wraps\n- second", []string{"- first item that\n  wraps", "- second"}},
		{"number at line start is not a list", "the formula O\n2. It is a gas.", []string{"the formula O\n2.", "It is a gas."}},
		{"dash without space", "Text goes on\n-5 degrees outside.", []string{"Text goes on\n-5 degrees outside."}},
		{"heading", "# Title\nSome text here\n## Section two\nMore text.",
			[]string{"# Title", "Some text here", "## Section two", "More text."}},
		{"hashtag is no heading", "Trending\n#news today.", []string{"Trending\n#news today."}},

		// Titles and other abbreviations.
		{"Mr Mrs Dr", "Mr. Smith met Mrs. Jones and Dr. Who. They talked.", []string{"Mr. Smith met Mrs. Jones and Dr. Who.", "They talked."}},
		{"military titles", "Gen. Smith, Lt. Col. Brown and Sgt. Capt. Jones arrived. Gov. Sen. Rep. Rev. Hill left.",
			[]string{"Gen. Smith, Lt. Col. Brown and Sgt. Capt. Jones arrived.", "Gov. Sen. Rep. Rev. Hill left."}},
		{"Prof and Ms", "Prof. Okafor and Ms. Lund spoke.", []string{"Prof. Okafor and Ms. Lund spoke."}},
		{"St. Louis", "He moved to St. Louis in 1990. St. Michael's Church is on 5th st. near the light.",
			[]string{"He moved to St. Louis in 1990.", "St. Michael's Church is on 5th st. near the light."}},
		{"Mt.", "I can see Mt. Fuji from here.", []string{"I can see Mt. Fuji from here."}},
		{"Jr.", "Martin Luther King Jr. was born in Atlanta. JFK Jr.'s book sold.", []string{"Martin Luther King Jr. was born in Atlanta.", "JFK Jr.'s book sold."}},
		{"Jr. at the end", "He met Sammy Davis Jr. The show went on.", []string{"He met Sammy Davis Jr.", "The show went on."}},
		{"months", "On Oct. 3, 2004, and Sept. 11 it rained. It was Jan. 5. Then Dec. came.",
			[]string{"On Oct. 3, 2004, and Sept. 11 it rained.", "It was Jan. 5.", "Then Dec. came."}},
		{"month at the end", "It happened in Dec. The next year was calm.", []string{"It happened in Dec.", "The next year was calm."}},
		{"U.S. mid sentence", "I work for the U.S. Government in Virginia. I have lived in the U.S. for 20 years.",
			[]string{"I work for the U.S. Government in Virginia.", "I have lived in the U.S. for 20 years."}},
		{"U.S. at the end", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
		{"U.N. U.K. E.U.", "The U.N. Security Council, the U.K. Treasury and the E.U. Commission met. The U.S.-led force left.",
			[]string{"The U.N. Security Council, the U.K. Treasury and the E.U. Commission met.", "The U.S.-led force left."}},
		{"E.U. at the end", "I live in the E.U. How about you?", []string{"I live in the E.U.", "How about you?"}},
		{"e.g. i.e.", "Some states, e.g. Iran, and others, i.e. Syria, refused. Others, e.g. the UK, agreed.",
			[]string{"Some states, e.g. Iran, and others, i.e. Syria, refused.", "Others, e.g. the UK, agreed."}},
		{"etc. lowercase", "Oil, copper, etc. were dearer. Steel, tin, etc. Prices rose.",
			[]string{"Oil, copper, etc. were dearer.", "Steel, tin, etc.", "Prices rose."}},
		{"vs.", "It was Chelsea vs. Arsenal. Roe v. Wade was decided in 1973.", []string{"It was Chelsea vs. Arsenal.", "Roe v. Wade was decided in 1973."}},
		{"No. before a digit", "He lives at No. 10 Downing Street. The answer was No. Then he left.",
			[]string{"He lives at No. 10 Downing Street.", "The answer was No.", "Then he left."}},
		{"a.m. p.m.", "At 5 a.m. on Monday he left. He came back at 6 p.m. The next day he left again.",
			[]string{"At 5 a.m. on Monday he left.", "He came back at 6 p.m.", "The next day he left again."}},
		{"a.m. before a day", "The vote is at 10 a.m. Tuesday in Washington.", []string{"The vote is at 10 a.m. Tuesday in Washington."}},
		{"Inc. Co. lowercase", "Apple Inc. said sales rose. Pitt, Briggs & Co. at noon closed the deal.",
			[]string{"Apple Inc. said sales rose.", "Pitt, Briggs & Co. at noon closed the deal."}},
		{"Co. at the end", "They closed the deal with Pitt, Briggs & Co. It closed yesterday. Let's ask Jane and co. They should know.",
			[]string{"They closed the deal with Pitt, Briggs & Co.", "It closed yesterday.", "Let's ask Jane and co.", "They should know."}},
		{"Ltd. Corp.", "Acme Ltd. and Initech Corp. merged. He works for Acme Ltd. Trading was halted.",
			[]string{"Acme Ltd. and Initech Corp. merged.", "He works for Acme Ltd.", "Trading was halted."}},
		{"initials", "George W. Bush met J. K. Rowling and J.R.R. Tolkien's heirs. My name is Jonas E. Smith.",
			[]string{"George W. Bush met J. K. Rowling and J.R.R. Tolkien's heirs.", "My name is Jonas E. Smith."}},
		{"letter at the end", "The third stage of the Saturn V. The first stage burned RP-1. It used chlorophyll a. Phycobilins are common.",
			[]string{"The third stage of the Saturn V.", "The first stage burned RP-1.", "It used chlorophyll a.", "Phycobilins are common."}},
		{"I at the end", "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
			[]string{"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"}},
		{"circa and born", "The plague (c. 1350) spread. Smith (b. 1950) and Jones (d. 2001, ca. 70) wrote. See p. 55 and pp. 10-12.",
			[]string{"The plague (c. 1350) spread.", "Smith (b. 1950) and Jones (d. 2001, ca. 70) wrote.", "See p. 55 and pp. 10-12."}},
		{"Ph.D. et al.", "She earned a Ph.D. in physics. Smith et al. found more. Smith et al. The paper is long.",
			[]string{"She earned a Ph.D. in physics.", "Smith et al. found more.", "Smith et al.", "The paper is long."}},
		{"Fig. Vol.", "See Fig. 3 and Vol. 2 for details.", []string{"See Fig. 3 and Vol. 2 for details."}},
		{"Rs.", "It costs Rs. 500 today.", []string{"It costs Rs. 500 today."}},
		{"dash after abbreviation", "The company – known as Capital Cities/ABC, Inc. – added four stations.",
			[]string{"The company – known as Capital Cities/ABC, Inc. – added four stations."}},

		// Numbers.
		{"numbers", "Norland lent Aland $4bn (£2.7bn) to buy Kelpco for $8.6bn. Norland had 30.4% of the fleet, or 2,300 boats. It grew 3.5 times.",
			[]string{"Norland lent Aland $4bn (£2.7bn) to buy Kelpco for $8.6bn.", "Norland had 30.4% of the fleet, or 2,300 boats.", "It grew 3.5 times."}},
		{"money at the end", "She has $100.00. It is in her bag.", []string{"She has $100.00.", "It is in her bag."}},
		{"number after a full stop", "The war ended in 1945. 25 million people had died.", []string{"The war ended in 1945.", "25 million people had died."}},
		{"times", "The train left at 10.30 and arrived at 11.45. It was late.", []string{"The train left at 10.30 and arrived at 11.45.", "It was late."}},
		{"factorial", "The factorial (p − 1)! + 1 is divisible by p. Wilson proved it.", []string{"The factorial (p − 1)! + 1 is divisible by p.", "Wilson proved it."}},

		// URLs and e-mail.
		{"email", "Her email is Jane.Doe@example.com. I sent her an email.", []string{"Her email is Jane.Doe@example.com.", "I sent her an email."}},
		{"url", "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out. Visit bbc.co.uk/news for more.",
			[]string{"The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out.", "Visit bbc.co.uk/news for more."}},

		// Ellipses.
		{"ellipsis", "So the ferry might be one of these cases... where rowing would help. Stop... Why?",
			[]string{"So the ferry might be one of these cases... where rowing would help.", "Stop... Why?"}},
		{"four dots", "I never meant that.... She left the store.", []string{"I never meant that....", "She left the store."}},
		{"spaced ellipsis", "I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it.",
			[]string{"I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it."}},
		{"spaced ellipsis and full stop", "Words were combined into compounds. . . . The practice was not abandoned. . . .",
			[]string{"Words were combined into compounds. . . .", "The practice was not abandoned. . . ."}},
		{"ellipsis in brackets", `"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).`,
			[]string{`"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).`}},

		// Quotes and brackets.
		{"curly closing quote", "It is conducted “within the framework of international law.” However, he did not elaborate.",
			[]string{"It is conducted “within the framework of international law.”", "However, he did not elaborate."}},
		{"straight closing quote", `He called it "within the law." However, he did not elaborate.`,
			[]string{`He called it "within the law."`, "However, he did not elaborate."}},
		{"quote and bracket", `It was law.') Then it was not. (He said "never.") So be it.`,
			[]string{`It was law.')`, "Then it was not.", `(He said "never.")`, "So be it."}},
		{"question in quotes then lowercase", `"Why?" he asked. "Really!" she said.`, []string{`"Why?" he asked.`, `"Really!" she said.`}},
		{"single quotes then lowercase", "She turned to him, 'This is great.' she said.", []string{"She turned to him, 'This is great.' she said."}},
		{"double quotes then lowercase", `She turned to him, "This is great." she said.`, []string{`She turned to him, "This is great." she said.`}},
		{"double quotes then capital", `She turned to him, "This is great." She held the book out.`,
			[]string{`She turned to him, "This is great."`, "She held the book out."}},
		{"comma inside closing quote", "He condemned Russia’s actions as “reckless and illegal,” affirming London’s commitment.",
			[]string{"He condemned Russia’s actions as “reckless and illegal,” affirming London’s commitment."}},
		{"multi-sentence quote with attribution", `"We are ready. We will act," he said. Others agreed.`,
			[]string{`"We are ready. We will act," he said.`, "Others agreed."}},
		{"curly multi-sentence quote", "“We are ready. We will act!” he said. Others agreed.",
			[]string{"“We are ready. We will act!” he said.", "Others agreed."}},
		{"multi-sentence quote at the end", `Ms Varga said: "That toll is old. Nobody can defend it now." But the council objected.`,
			[]string{`Ms Varga said: "That toll is old. Nobody can defend it now."`, "But the council objected."}},
		{"BBC continued quote", `But she added: "The council must hurry. "Ten thousand ferries will rust. If the harbours act they can save them." Work goes on.`,
			[]string{`But she added: "The council must hurry.`, `"Ten thousand ferries will rust. If the harbours act they can save them."`, "Work goes on."}},
		{"BBC continued quote with several sentences", `She said: "The tides look similar. The true worry is the dam. "Does she really believe that?" Ms Orlo was freed.`,
			[]string{`She said: "The tides look similar. The true worry is the dam.`, `"Does she really believe that?"`, "Ms Orlo was freed."}},
		{"unclosed quote then new speaker", `She said: "I've wasted two summers. She added: "They toughened me."`,
			[]string{`She said: "I've wasted two summers.`, `She added: "They toughened me."`}},
		{"quote left open at paragraph end", "He said: \"I believe it. I do.\n\n\"The UK is a big contributor.\" He left.",
			[]string{`He said: "I believe it.`, "I do.", `"The UK is a big contributor."`, "He left."}},
		{"parenthesis", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
			[]string{"He teaches science (He previously worked for 5 years as an engineer.) at the local University."}},
		{"brackets opening a sentence", "He left. (In addition, they lost money. Warner was right.) Then it ended.",
			[]string{"He left.", "(In addition, they lost money.", "Warner was right.)", "Then it ended."}},
		{"square brackets", "He said it [the deal. It was signed] was fine. Then he left.",
			[]string{"He said it [the deal. It was signed] was fine.", "Then he left."}},
		{"unclosed bracket", "He left (without a word. Then she came.", []string{"He left (without a word.", "Then she came."}},
		{"parenthesised quote", `It is not settled (she once wrote: "boats that sink and boats that reach port first.") There is gossip.`,
			[]string{`It is not settled (she once wrote: "boats that sink and boats that reach port first.")`, "There is gossip."}},
		{"inch marks", `He bought a 12" record. It was loud.`, []string{`He bought a 12" record.`, "It was loud."}},
		{"space before full stop", `"Aland is among the largest payers into the ferry fund ." The harbour master agreed.`,
			[]string{`"Aland is among the largest payers into the ferry fund ."`, "The harbour master agreed."}},
		{"double punctuation", "Hello!! Long time no see. Hello?? Who is there? Hello!? Is that you?",
			[]string{"Hello!!", "Long time no see.", "Hello??", "Who is there?", "Hello!?", "Is that you?"}},
		{"Yahoo!", "She works at Yahoo! in the accounting department.", []string{"She works at Yahoo! in the accounting department."}},
		{"camel-case start", "He bought a phone. iPhone sales rose.", []string{"He bought a phone.", "iPhone sales rose."}},
		{"opening quote starts sentence", `He left. "Come back," she said. (It rained.) 'Fine.'`,
			[]string{"He left.", `"Come back," she said.`, "(It rained.)", "'Fine.'"}},

		// Robustness.
		{"no space after full stop", "He left immediately.South Korea urged calm.", []string{"He left immediately.South Korea urged calm."}},
		{"stray punctuation", "He left. . !", []string{"He left. . !"}},
		{"punctuation only", "***", []string{"***"}},
		{"NUL bytes", "a\x00b. C\x00.", []string{"a\x00b.", "C\x00."}},
		{"invalid UTF-8", "\xff\xfe. Bad \xc3.", []string{"\xff\xfe.", "Bad \xc3."}},
		{"non-breaking space", "It rained.\u00a0Then it stopped.", []string{"It rained.", "Then it stopped."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Split(tt.in)
			checkSpans(t, tt.in, spans)
			if diff := cmp.Diff(tt.want, sentences(tt.in, spans)); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSplitLong(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
	}{
		{"words", strings.Repeat("word ", 20_000)},
		{"no space", strings.Repeat("x", 100_000)},
		{"no space multibyte", strings.Repeat("é", 50_001)},
		{"dots", strings.Repeat("a.", 50_000)},
		{"open brackets", strings.Repeat("((\"“ ", 20_000) + "end."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spans := Split(tt.in)
			checkSpans(t, tt.in, spans)
			if len(spans) < len(tt.in)/MaxLen {
				t.Errorf("got %d sentences for %d bytes, want at least %d", len(spans), len(tt.in), len(tt.in)/MaxLen)
			}
			for i, sp := range spans {
				s := tt.in[sp.Start:sp.End]
				if !utf8.ValidString(s) {
					t.Errorf("sentence %d cuts a character: %q…", i, s[:20])
				}
				if i+1 < len(spans) && strings.HasPrefix(tt.name, "words") && len(s) < MaxLen-len("word ") {
					t.Errorf("sentence %d has %d bytes, want a cut close to %d", i, len(s), MaxLen)
				}
			}
		})
	}
}

func TestSplitSeed(t *testing.T) {
	b, err := os.ReadFile("../../seeds/north-korean-troops-in-russia.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	spans := Split(text)
	checkSpans(t, text, spans)
	got := sentences(text, spans)
	if len(got) != 22 {
		t.Fatalf("got %d sentences, want 22:\n%s", len(got), strings.Join(got, "\n"))
	}
	want := map[int]string{
		1:  "South Korea is urging an immediate withdrawal of North Korean troops from Russia amid concerns that they are being trained to participate in the ongoing conflict in Ukraine.",
		3:  "According to South Korea’s intelligence agency, approximately 1,500 North Korean soldiers, including special forces, have already arrived in Russia.",
		5:  "Ambassador Zinoviev acknowledged the concerns but emphasized that the military cooperation between Moscow and Pyongyang is conducted “within the framework of international law.”",
		6:  "However, he did not elaborate on the specific cooperation and did not confirm reports that North Korea has dispatched troops to aid Russia.",
		10: "Some reports suggest that as many as 12,000 North Korean soldiers could be deployed in Russia.",
		14: "NATO Secretary-General Mark Rutte indicated that North Korea’s troop involvement would represent a significant escalation in the conflict.",
		16: "UK Foreign Minister David Lammy, on a visit to Seoul, condemned Russia’s actions as “reckless and illegal,” affirming London’s commitment to collaborating with Seoul on a response.",
		18: "In response to inquiries regarding the alleged cooperation from the BBC, Chinese foreign ministry spokesperson Lin Jian emphasized that China hopes all involved parties will work toward de-escalation and seek political resolutions to the crisis in Ukraine.",
		22: "He dismissed the idea that these troops would be deployed directly to the front lines immediately.",
	}
	for n, w := range want {
		if diff := cmp.Diff(w, got[n-1]); diff != "" {
			t.Errorf("sentence %d mismatch (-want +got):\n%s", n, diff)
		}
	}
}

// corpus returns the text of the .txt files in dir, by file name, or skips t when
// there are none.
func corpus(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		tb.Skipf("no corpus in %s", dir)
	}
	texts := make(map[string]string)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts[filepath.Base(p)] = string(b)
	}
	return texts
}

// isOpening reports whether the straight quote at s[i] opens a quotation: white
// space or nothing comes before it, and no white space after it.
func isOpening(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return (i == 0 || unicode.IsSpace(before)) && i+1 < len(s) && !unicode.IsSpace(after)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// TestSplitBBC checks invariants over the BBC articles in ../shared/corpus/bbc (which
// belong to the BBC and are not part of the project): the headline is sentence 1
// alone, no sentence crosses a paragraph break or ends inside a quotation, no
// sentence but the headline is shorter than 2 words, and none starts in lower case.
func TestSplitBBC(t *testing.T) {
	texts := corpus(t, "../../../shared/corpus/bbc")
	total := 0
	for name, text := range texts {
		spans := Split(text)
		checkSpans(t, text, spans)
		got := sentences(text, spans)
		total += len(got)
		headline, _, _ := strings.Cut(text, "\n")
		if len(got) == 0 || got[0] != strings.TrimSpace(headline) {
			t.Errorf("%s: sentence 1 = %q, want the headline %q", name, got[0], headline)
		}
		for i, s := range got {
			if strings.Contains(s, "\n") {
				t.Errorf("%s: sentence %d crosses a line break: %q", name, i+1, s)
			}
			if i > 0 && len(strings.Fields(s)) < 2 {
				t.Errorf("%s: sentence %d is shorter than 2 words: %q", name, i+1, s)
			}
			if startsLower(s) {
				t.Errorf("%s: sentence %d starts in lower case: %q", name, i+1, s)
			}
			// A sentence with an odd number of quotation marks ends inside a
			// quotation when the paragraph's next quotation mark closes it. BBC copy
			// also leaves quotes open: where a quotation ran over several paragraphs
			// of the original, a new opening quote follows (`poorest. "Two million`),
			// and now and then a closing quote is simply missing.
			if strings.Count(s, `"`)%2 == 1 {
				para, _, _ := strings.Cut(text[spans[i].End:], "\n")
				if q := strings.Index(para, `"`); q >= 0 && !isOpening(para, q) {
					t.Errorf("%s: sentence %d ends inside a quotation: %s", name, i+1, s)
				}
			}
		}
	}
	t.Logf("%d BBC articles, %d sentences", len(texts), total)
}

// TestSplitSquad checks Split over the 48 Wikipedia articles of SQuAD v1.1 dev:
// every paragraph of the corpus is split without crossing a paragraph break, and
// sentences that start in lower case are where a paragraph starts so.
func TestSplitSquad(t *testing.T) {
	texts := corpus(t, "../../../shared/eval/squad/corpus")
	total, lower := 0, 0
	for name, text := range texts {
		spans := Split(text)
		checkSpans(t, text, spans)
		total += len(spans)
		for i, s := range sentences(text, spans) {
			if strings.Contains(s, "\n\n") {
				t.Errorf("%s: sentence %d crosses a paragraph break: %q", name, i+1, s)
			}
			if startsLower(s) {
				lower++
				if start := spans[i].Start; start > 0 && text[start-1] != '\n' {
					t.Errorf("%s: sentence %d starts in lower case inside a paragraph: %q", name, i+1, s)
				}
			}
		}
	}
	t.Logf("%d SQuAD articles, %d sentences, %d starting in lower case at a paragraph start", len(texts), total, lower)
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		"Hello World. My name is Jonas.",
		"Headline\n\nMr. Smith met U.S. officials at 10.30 a.m. \"Why?\" he asked. “We are ready. We will act,” he said.",
		" - item\n1. first\n2. second\n# heading\ntext... more. . . . End!",
		"(b. 1950) J. K. Rowling (p − 1)! + 1 \xff\x00 «Non.» ¿Qué? \u00a0x.\u00a0Y",
		strings.Repeat("ab ", 1000) + strings.Repeat("c", 1200),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Split(text)
		checkSpans(t, text, spans)
		// Nothing but white space is left out.
		prev := 0
		for _, sp := range append(spans, Span{len(text), len(text)}) {
			if gap := text[prev:sp.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
				t.Fatalf("text between sentences is not white space: %q", gap)
			}
			prev = sp.End
		}
	})
}

// BenchmarkSplit splits the SQuAD corpus (about 1.6 MB, 10,000 sentences).
func BenchmarkSplit(b *testing.B) {
	texts := corpus(b, "../../../shared/eval/squad/corpus")
	size, n := 0, 0
	for _, text := range texts {
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		n = 0
		for _, text := range texts {
			n += len(Split(text))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
