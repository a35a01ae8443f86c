package gazetteer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// seedSentences are typical news sentences (about 30 words each).
var seedSentences = []string{
	"South Korea is urging an immediate withdrawal of North Korean troops from Russia amid concerns that they are being trained to participate in the ongoing conflict in Ukraine.",
	"Vice Foreign Minister Kim Hong-kyun expressed grave concerns in a meeting with Russian Ambassador Georgiy Zinoviev, stating that Seoul is prepared to respond with all available measures.",
	"According to South Korea’s intelligence agency, approximately 1,500 North Korean soldiers, including special forces, have already arrived in Russia.",
	"Kremlin spokesperson Dmitry Peskov stated that the military collaboration is “not directed against third countries” and should not alarm anyone, according to Russian state media.",
	"In response to inquiries regarding the alleged cooperation from the BBC, Chinese foreign ministry spokesperson Lin Jian emphasized that China hopes all involved parties will work toward de-escalation.",
	"UK Foreign Minister David Lammy, on a visit to Seoul, condemned Russia’s actions as “reckless and illegal,” affirming London’s commitment to collaborating with Seoul on a response.",
}

func BenchmarkScan(b *testing.B) {
	g := Default()
	words := 0
	for _, s := range seedSentences {
		words += len(strings.Fields(s))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range seedSentences {
			g.Scan(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(seedSentences)), "ns/sentence")
	b.ReportMetric(float64(words)/float64(len(seedSentences)), "words/sentence")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(dataFS); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range seedSentences {
		f.Add(s)
	}
	f.Add("U.S.-led NATO's MPs’ d'Ivoire ex-Prime Minister Deputy deputy \u00ad-- 'S' ’s")
	f.Add("\xff\xfe ’’ ''s 's x's")
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, scan := range []func(string, ...Kind) []Match{g.Scan, g.ScanQuery} {
			prev := 0
			for _, m := range scan(text, Country, Government, Organisation, Place, Role) {
				if m.Start < prev || m.End <= m.Start || m.End > len(text) {
					t.Fatalf("bad match %+v after %d in %q", m, prev, text)
				}
				if text[m.Start:m.End] != m.Text {
					t.Fatalf("Text %q != text[%d:%d]", m.Text, m.Start, m.End)
				}
				if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
					t.Fatalf("match %+v splits a rune", m)
				}
				prev = m.End
			}
		}
		g.Lookup(text)
		g.Role(text)
		GenericBody(text)
	})
}
