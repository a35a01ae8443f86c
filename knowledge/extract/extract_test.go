package extract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seedPath = "../../seeds/north-korean-troops-in-russia.txt"

func extractSeed(t *testing.T) *knowledge.Briefing {
	t.Helper()
	text, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return Extract(knowledge.Document{Path: "north-korean-troops-in-russia.txt", Title: "north-korean-troops-in-russia", Text: string(text)})
}

// extractText extracts facts from a made-up briefing whose paragraphs are given.
func extractText(paragraphs ...string) *knowledge.Briefing {
	return Extract(knowledge.Document{Path: "t.txt", Text: strings.Join(paragraphs, "\n\n")})
}

// TestSeedGolden compares every fact extracted from the seed briefing with
// testdata/seed.golden, which was checked line by line. Run with -update after a
// deliberate change, and read the diff.
func TestSeedGolden(t *testing.T) {
	b := extractSeed(t)
	var got bytes.Buffer
	if err := knowledge.WriteFacts(&got, b, nil, ""); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("seed facts mismatch (-want +got):\n%s", diff)
	}
}

// speakers maps sentence numbers to the sorted names of who speaks in them.
func speakers(b *knowledge.Briefing) map[int][]string {
	m := map[int][]string{}
	for _, s := range b.Statements {
		name := b.Actors[s.Speaker].Name
		if !contains(m[s.Sentence], name) {
			m[s.Sentence] = append(m[s.Sentence], name)
		}
	}
	for _, v := range m {
		sort.Strings(v)
	}
	return m
}

func TestSeedSpeakers(t *testing.T) {
	b := extractSeed(t)
	if len(b.Sentences) != 22 {
		t.Fatalf("got %d sentences, want 22", len(b.Sentences))
	}
	want := map[int][]string{
		1:  {"South Korea"},
		2:  {"Kim Hong-kyun"},
		3:  {"South Korea’s intelligence agency"},
		5:  {"Georgiy Zinoviev"},
		6:  {"Georgiy Zinoviev"},                     // "he"
		7:  {"Dmitry Peskov", "Russian state media"}, // ..., according to Russian state media
		8:  {"North Korea"},                          // Pyongyang has yet to release a statement
		9:  {"South Korea"},
		10: {"Some reports"},
		11: {"Kim Hong-kyun"}, // "Minister Kim"
		14: {"Mark Rutte"},
		15: {"Yoon Suk Yeol"},
		16: {"David Lammy"},
		17: {"Japan", "United States"},
		18: {"Lin Jian"},
		19: {"Defense analysts"},
		20: {"Some critics"},
		21: {"Valeriy Ryabykh"},
		22: {"Valeriy Ryabykh"}, // "He"
	}
	if diff := cmp.Diff(want, speakers(b)); diff != "" {
		t.Errorf("speakers mismatch (-want +got):\n%s", diff)
	}
}

func TestSeedActors(t *testing.T) {
	b := extractSeed(t)
	byName := map[string]knowledge.Actor{}
	for _, a := range b.Actors {
		byName[a.Name] = a
	}
	for _, tc := range []struct {
		name, title, country, org string
	}{
		{"Kim Hong-kyun", "Vice Foreign Minister", "KOR", ""},
		{"Kim Jong Un", "North Korean leader", "PRK", ""},
		{"Georgiy Zinoviev", "Russian Ambassador", "RUS", ""},
		{"Dmitry Peskov", "Kremlin spokesperson", "RUS", "gov:RUS:kremlin"},
		{"Lin Jian", "Chinese foreign ministry spokesperson", "CHN", "gov:CHN:foreign ministry"},
		{"Mark Rutte", "NATO Secretary-General", "", "org:nato"},
		{"David Lammy", "UK Foreign Minister", "GBR", ""},
		{"Valeriy Ryabykh", "editor of the Ukrainian publication Defence Express", "UKR", "org:defence express"},
	} {
		a, ok := byName[tc.name]
		if !ok {
			t.Errorf("no actor %q", tc.name)
			continue
		}
		if a.Kind != knowledge.Person || a.Title != tc.title || a.Country != tc.country || a.Org != tc.org {
			t.Errorf("%s: got kind %s title %q country %q org %q, want person %q %q %q", tc.name, a.Kind, a.Title, a.Country, a.Org, tc.title, tc.country, tc.org)
		}
	}
	// The two Kims stay apart, and "Minister Kim" is the vice foreign minister.
	if byName["Kim Hong-kyun"].Key == byName["Kim Jong Un"].Key {
		t.Error("Kim Hong-kyun and Kim Jong Un share a key")
	}
	if !hasMention(byName["Kim Hong-kyun"], 11, "Minister Kim") {
		t.Errorf("Minister Kim (sentence 11) not a mention of Kim Hong-kyun: %v", byName["Kim Hong-kyun"].Mentions)
	}
	if hasMention(byName["Kim Jong Un"], 11, "Kim") {
		t.Error("Minister Kim (sentence 11) attached to Kim Jong Un")
	}
	if !hasMention(byName["Georgiy Zinoviev"], 6, "he") {
		t.Errorf("the he of sentence 6 is not Zinoviev: %v", byName["Georgiy Zinoviev"].Mentions)
	}
	// Capitals and seats of government stand for their country.
	if !hasMention(byName["North Korea"], 8, "Pyongyang") || !hasMention(byName["South Korea"], 2, "Seoul") {
		t.Error("capitals not coded as their countries")
	}
}

// TestHeadlineSurname checks that a surname in a headline, before anyone is
// mentioned, is the person the briefing introduces first, not a later namesake.
func TestHeadlineSurname(t *testing.T) {
	b := extractText("Harlow rejects audit calls",
		"Nadia Harlow has turned down demands for the audit to go online.",
		"The auditor, a cousin of Ben Harlow, said little.")
	for _, a := range b.Actors {
		if a.Name == "Nadia Harlow" && hasMention(a, 1, "Harlow") {
			return
		}
	}
	t.Errorf("the headline's Harlow is not Nadia Harlow: %+v", b.Actors)
}

func hasMention(a knowledge.Actor, sentence int, text string) bool {
	for _, m := range a.Mentions {
		if m.Sentence == sentence && m.Text == text {
			return true
		}
	}
	return false
}

func TestSeedQuantities(t *testing.T) {
	b := extractSeed(t)
	type q struct {
		Sentence             int
		Text, Hedge, Counted string
		Source               string
		Value                float64
	}
	var got []q
	for _, x := range b.Quantities {
		if strings.Contains(x.Counted, "soldiers") {
			got = append(got, q{x.Sentence, x.Text, x.Hedge, x.Counted, x.Source, x.Value})
		}
	}
	want := []q{
		{3, "approximately 1,500", "approximately", "North Korean soldiers", "South Korea’s intelligence agency", 1500},
		{10, "as many as 12,000", "as many as", "North Korean soldiers", "some reports", 12000},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("troop figures mismatch (-want +got):\n%s", diff)
	}
}

func TestStatements(t *testing.T) {
	type st struct {
		Speaker string
		Cue     string
		Negated bool
		Direct  bool
	}
	for _, tc := range []struct {
		name  string
		paras []string
		want  map[int][]st
	}{
		{"say that", []string{"Foreign Minister Anna Berg said that talks would resume."},
			map[int][]st{1: {{"Anna Berg", "say", false, false}}}},
		{"inverted after a quote", []string{`"We will not give in," said Finance Minister Omar Haddad.`},
			map[int][]st{1: {{"Omar Haddad", "say", false, true}}}},
		{"subject after a quote", []string{`Omar Haddad is the finance minister.`, `"We will not give in," he said.`},
			map[int][]st{2: {{"Omar Haddad", "say", false, true}}}},
		{"two apostrophes quote, as in the NYT", []string{`''We will not give in,'' Mr. Omar Haddad said.`},
			map[int][]st{1: {{"Omar Haddad", "say", false, true}}}},
		{"according to", []string{"According to the United Nations, 300 people fled the town."},
			map[int][]st{1: {{"United Nations", "according to", false, false}}}},
		{"appositive between subject and verb", []string{"Lena Vogt, a spokeswoman for the charity, warned that funds were running out."},
			map[int][]st{1: {{"Lena Vogt", "warn", false, false}}}},
		{"relative clause", []string{"The plan was welcomed by Paris, which described it as a breakthrough."},
			map[int][]st{1: {{"France", "describe", false, false}}}},
		{"non-statement", []string{"Tehran has yet to release a statement on the incident."},
			map[int][]st{1: {{"Iran", "release a statement", true, false}}}},
		{"denial", []string{"Peter Hall did not confirm reports that he would resign."},
			map[int][]st{1: {{"Peter Hall", "confirm", true, false}}}},
		{"conjoined speakers", []string{"France and Germany have condemned the attack."},
			map[int][]st{1: {{"France", "condemn", false, false}, {"Germany", "condemn", false, false}}}},
		{"unnamed group", []string{"Some economists argue that rates will rise."},
			map[int][]st{1: {{"Some economists", "argue", false, false}}}},
		{"a description names the speaker", []string{"The chess champion said critics misread the trainer."},
			map[int][]st{1: {{"The chess champion", "say", false, false}}}},
		{"a trailing participle speaks for the subject, not the object", []string{"Ann Pell attacked Tom Rivers in a speech, accusing his aides of lying."},
			map[int][]st{1: {{"Ann Pell", "attack", false, false}, {"Ann Pell", "accuse", false, false}}}},
		{"a participle speaks for the verb's subject, past a dateline and names in the object", []string{"OSLO (AP) — Ann Pell's chief aide rallied supporters of Tom Rivers, saying the vote was lost."},
			map[int][]st{1: {{"Ann Pell's chief aide", "say", false, false}}}},
		{"a participle speaks for the main clause, not a clause before it", []string{"Two days after Tom Rivers resigned, Nadia Harlow broke her silence by saying she would run."},
			map[int][]st{1: {{"Nadia Harlow", "say", false, false}}}},
		{"a verb after an appositive has its object after it, not its subject", []string{"Washington, star of the series “Harbour,” thanked Tom Rivers for the tribute."},
			map[int][]st{}},
		{"a passive with an adverb between be and the participle reports nobody", []string{"Nadia Harlow was once asked to run.", "Tom Rivers isn't expected to attend."},
			map[int][]st{}},
		{"a cue word the tagger reads as a noun after an adjective reports nobody", []string{"Her gains include strong support from young voters.", "The best highlights from the rally were shown."},
			map[int][]st{}},
		{"other senses of back and accused", []string{"The mayor fought back a rival bid from Tom Rivers.", "A contractor accused of spying was freed."},
			map[int][]st{}},
		{"a name that holds a country and a time word", []string{"USA Today reported that the plan failed."},
			map[int][]st{1: {{"USA Today", "report", false, false}}}},
		{"a name with Jr. before an appositive, and a middle initial after according to", []string{"Ann Pell Jr., a lawyer, said it was bad.", "It was bad, according to Tom K. Rivers."},
			map[int][]st{1: {{"Ann Pell", "say", false, false}}, 2: {{"Tom K. Rivers", "according to", false, false}}}},
		{"a quotation cue before a colon announces the next sentence's quotation", []string{"Tom Rivers continued:", "“We will win this.”"},
			map[int][]st{1: {{"Tom Rivers", "continue", false, false}}, 2: {{"Tom Rivers", "say", false, true}}}},
		{"he is the clause's subject, not the person its object names", []string{"Tom Rivers spoke first.", "Mr. Rivers offered kind words about Ian Marsh, whom he attacked during the campaign."},
			map[int][]st{2: {{"Tom Rivers", "attack", false, false}}}},
		{"a long post-modifier after a document names its author, not the speaker", []string{"A study by Ann Pell and Tom Rivers of the University of Leeds and Professor Ian Marsh concluded that rents would rise."},
			map[int][]st{1: {{"A study", "conclude", false, false}}}},
		{"a headline's speaker before a colon is the one before a preposition", []string{"Ann Pell to Farmers Union: Prices will rise this year.", "Ann Pell spoke on Monday in Leeds to the union."},
			map[int][]st{1: {{"Ann Pell", "say", false, false}}}},
		{"a quotation after a sentence ending with a colon is its subject's", []string{"Tom Rivers said the clinic was shut.", "Nadia Harlow then listed her demands:", "“The clinic must open again this year.”"},
			map[int][]st{1: {{"Tom Rivers", "say", false, false}}, 3: {{"Nadia Harlow", "say", false, true}}}},
		{"a lead-in phrase is not the subject", []string{"In an interview with the Harbour Gazette, Nadia Harlow set no deadline, saying a vote would follow in 2031."},
			map[int][]st{1: {{"Nadia Harlow", "say", false, false}}}},
		{"it is the institution named before", []string{"Oxfam published a report on Monday.", "It said 1,500 workers had lost their jobs."},
			map[int][]st{2: {{"Oxfam", "say", false, false}}}},
		{"a contrast without a comma", []string{"The US says it wants a firm currency but many traders think it would welcome a slide."},
			map[int][]st{1: {{"United States", "say", false, false}, {"many traders", "think", false, false}}}},
		{"a headline's speaker before a colon", []string{"Dara Quell: I have no wish to run for governor", "Senator Dara Quell spoke on Monday."},
			map[int][]st{1: {{"Dara Quell", "say", false, false}}}},
		{"a transcript's speaker in capitals", []string{"Rosa Quint hosted the show.", "QUINT: And surely, you back the mayor."},
			map[int][]st{2: {{"Rosa Quint", "say", false, false}}}},
		{"a share of people", []string{"Asked about the harbour, 64 percent of residents said it was dirty."},
			map[int][]st{1: {{"64 percent of residents", "say", false, false}}}},
		{"a quantifier for people", []string{"Others, however, say a rethink is long delayed."},
			map[int][]st{1: {{"Others", "say", false, false}}}},
		{"a restrictive relative", []string{"Lawmakers who thought the plan was unfair voted against it."},
			map[int][]st{1: {{"Lawmakers", "think", false, false}}}},
		{"a state is not a statement", []string{"Several small coastal states petitioned the EU.", "The Western Australia state audit criticised the builder."},
			map[int][]st{}},
		{"a reporting clause standing alone after a quotation", []string{`Lena Osk spoke in Brockton.`, `"Look at these roads, are they safe roads?" Osk said.`},
			map[int][]st{2: {{"Lena Osk", "say", false, true}}, 3: {{"Lena Osk", "say", false, true}}}},
		{"an abbreviated title keeps its full stop and opens the name", []string{`''There's always pushback,'' said Mr. Varga.`, "Florida Sen. Dara Quell said she would run."},
			map[int][]st{1: {{"Varga", "say", false, true}}, 2: {{"Dara Quell", "say", false, false}}}},
		{"a cue coordinated with its clause's verb", []string{"Judge Ann Cole rubbed her chin, and then said the case was closed."},
			map[int][]st{1: {{"Ann Cole", "say", false, false}}}},
		{"coordinated nouns are no cue", []string{"Ann Pell thrilled the voters with jokes and promises to cut fares."}, map[int][]st{}},
		{"a description after the cue", []string{`"Donald is an amazing leader," said a source in the campaign.`},
			map[int][]st{1: {{"a source", "say", false, true}}}},
		{"a report of a statement closing the sentence", []string{`Lena Osk spoke in Brockton.`, `Osk said: "There will always be delays," the Times reported.`},
			map[int][]st{2: {{"Lena Osk", "say", false, true}, {"Times", "report", false, false}}}},
		{"a nested according to", []string{`"We will win," Tom Rivers said, according to CNN.`},
			map[int][]st{1: {{"Tom Rivers", "say", false, true}, {"CNN", "according to", false, false}}}},
		{"a party modifying the title after the cue", []string{`"It got noisy," said Republican political consultant Lou Brand.`},
			map[int][]st{1: {{"Lou Brand", "say", false, true}}}},
		{"the first person outside quotation marks is the writer", []string{"I think the plan will fail."},
			map[int][]st{1: {{"the writer", "think", false, false}}}},
		{"a quotation carried over sentences", []string{`Mayor Ann Cole spoke at the rally.`, `"We are proud. I think we will win," she said.`},
			map[int][]st{2: {{"Ann Cole", "say", false, true}}}},
		{"a sentence inside a quotation continues it", []string{`Mayor Ann Cole said: "We are proud. We will win this race.`},
			map[int][]st{1: {{"Ann Cole", "say", false, true}}, 2: {{"Ann Cole", "say", false, true}}}},
		{"other senses of cue words say nothing", []string{
			"Ann Pell maintains a wide lead in the county.",
			"Facing blowback, Berlin backed off.",
			"Ann Pell won Vermont, adding to her victories.",
			"A new group called Fair Roads Now is raising funds.",
			"The clear signal lifted the peso.",
		}, map[int][]st{}},
		{"a description owned by a named actor", []string{"Tom Rivers' campaign says it raised $4 million."},
			map[int][]st{1: {{"Tom Rivers' campaign", "say", false, false}}}},
		{"a share in words", []string{"Fifty-two percent said it changed nothing.", "A third of farmers say they feel the same."},
			map[int][]st{1: {{"Fifty-two percent", "say", false, false}}, 2: {{"A third of farmers", "say", false, false}}}},
		{"a present tense after but", []string{"Loom-Q Ltd keeps its accounts private but says its sales have doubled."},
			map[int][]st{1: {{"Loom-Q Ltd", "say", false, false}}}},
		{"according to a description", []string{"Varga opened the shop in 2019, according to public property records."},
			map[int][]st{1: {{"public property records", "according to", false, false}}}},
		{"as reported by", []string{"As reported by Harbour Weekly, auditors found 1,400 invoices."},
			map[int][]st{1: {{"Harbour Weekly", "according to", false, false}}}},
		{"a gerund after by", []string{"Hal Dorsey distanced himself from the group by saying he would help."},
			map[int][]st{1: {{"Hal Dorsey", "distance", false, false}, {"Hal Dorsey", "say", false, false}}}},
		{"seeing as and knowing that are beliefs", []string{"Analysts see the tariffs as a threat.", "Voters know that the race is close.", "Traders saw a rise in prices."},
			map[int][]st{1: {{"Analysts", "see", false, false}}, 2: {{"Voters", "know", false, false}}}},
		{"a belief, not a passive", []string{"Analysts expect rates to rise.", "Rates are expected to rise."},
			map[int][]st{1: {{"Analysts", "expect", false, false}}}},
		{"a cue in a relative clause does not end the parenthesis", []string{"Mr Tom Reyes, who insists he is not angry, said he lost two seasons."},
			map[int][]st{1: {{"Tom Reyes", "insist", false, false}, {"Tom Reyes", "say", false, false}}}},
		{"according to the head of the phrase", []string{"Pell led in Vermont, according to initial results of the phone survey conducted by Northfield Research for the Daily Ledger."},
			map[int][]st{1: {{"Northfield Research", "according to", false, false}}}},
		{"according to the head of the phrase, not what modifies it", []string{"Varga's role was central, according to Hungarian politicians who dealt with him."},
			map[int][]st{1: {{"Hungarian politicians", "according to", false, false}}}},
		{"according to figures by their author", []string{"Peru became Chile's largest copper buyer, according to numbers released by the Trade Ministry."},
			map[int][]st{1: {{"Trade Ministry", "according to", false, false}}}},
		{"titles before the name after the cue", []string{`"Everyone is watching Idaho," said Democratic Rep. Mara Linde.`},
			map[int][]st{1: {{"Mara Linde", "say", false, true}}}},
		{"a parenthesis after the subject", []string{"Rep. Jim Smith (R-Texas) said the bill would fail."},
			map[int][]st{1: {{"Jim Smith", "say", false, false}}}},
		{"a name and a colon before a quotation", []string{"Ann Pell spoke first.", `Pell: "Our goal is to fix the roads."`},
			map[int][]st{2: {{"Ann Pell", "say", false, true}}}},
		{"a headline's document before a colon", []string{"Poll: Pell leads Osk statewide for the first time"},
			map[int][]st{1: {{"Poll", "say", false, false}}}},
		{"the head before a preposition speaks", []string{"Ann Pell campaigned in Iowa.", "Aides to Pell say she is changing her message.", "A producer for Lumen Studios told reporters the broadcast was dropped."},
			map[int][]st{2: {{"Aides to Pell", "say", false, false}}, 3: {{"producer for Lumen Studios", "tell", false, false}}}},
		{"a noun after a copula", []string{"Among the perks were plans to move the office to Lisbon."}, map[int][]st{}},
		{"a dash-delimited parenthesis after the subject", []string{"Senator Ann Cole -- who has been in a feud with the mayor -- said she regretted her comments."},
			map[int][]st{1: {{"Ann Cole", "say", false, false}}}},
		{"a message carries its sender's words", []string{"Mayor Ann Cole issued a statement saying the vote was fair."},
			map[int][]st{1: {{"Ann Cole", "say", false, false}}}},
		{"a participle speaks for a description of people", []string{"The officials declined to give details, saying the case was open."},
			map[int][]st{1: {{"The officials", "say", false, false}}}},
		{"went on to say", []string{"Hal Dorsey went on to say the danger was growing.", "Some accused Pell of stoking anger."},
			map[int][]st{1: {{"Hal Dorsey", "say", false, false}}, 2: {{"Some", "accuse", false, false}}}},
		{"a cue opening the sentence, then its subject", []string{"Edna Marsh grew up with Kato.", `Said Marsh, "We all looked up to him."`},
			map[int][]st{2: {{"Edna Marsh", "say", false, true}}}},
		{"charged that, not charged with", []string{"Critics charged that the plan was unfair.", "Police charged him with fraud."},
			map[int][]st{1: {{"Critics", "charge", false, false}}}},
		{"a possessor before the speaker's title", []string{`"This is odd," said Pell's top foreign policy aide Owen Tark.`},
			map[int][]st{1: {{"Owen Tark", "say", false, true}}}},
		{"a headline's cue is no part of a name", []string{"Rosa Quint Says Varga Is Reckless", "Rosa Quint spoke on Monday about Ivo Varga."},
			map[int][]st{1: {{"Rosa Quint", "say", false, false}}}},
		{"a lead-in phrase is no name of a chain", []string{"Shaken by the riots in Idaho, Senator Mara Linde, the majority whip, said that she called Mr. Tark."},
			map[int][]st{1: {{"Mara Linde", "say", false, false}}}},
		{"follow-on quotation", []string{`Jan Olsen said the deal was fair. "It protects jobs."`},
			map[int][]st{1: {{"Jan Olsen", "say", false, false}}, 2: {{"Jan Olsen", "say", false, true}}}},
		{"a cue inside a quotation is not a statement", []string{`"They said it could not be done," Mary Lee told reporters.`},
			map[int][]st{1: {{"Mary Lee", "tell", false, true}}}},
		{"a chain of descriptions", []string{"Mr Tom Reyes, 32, from Leeds, Yorkshire, said he was innocent."},
			map[int][]st{1: {{"Tom Reyes", "say", false, false}}}},
		{"a name inside the quotation is not he", []string{"Senator Ann Cole spoke first.", `"I am glad President Moreau is coming," he said.`},
			map[int][]st{2: {{"Ann Cole", "say", false, true}}}},
		{"irregular passive", []string{"Washington is thought to dread a price war."}, map[int][]st{}},
		{"the report of an owner", []string{"Oxfam's Fair Trade report said aid had fallen.", "The report said the target was missed."},
			map[int][]st{1: {{"Oxfam", "say", false, false}}, 2: {{"Oxfam", "say", false, false}}}},
		{"no cue, no statement", []string{"The minister arrived in Paris on Monday."}, map[int][]st{}},
		{"a noun is not a cue", []string{"The claims were rejected by the court."}, map[int][]st{}},
		{"a contrast opens a statement of its own", []string{"Critics say the plan is flawed, but advocates say it will work."},
			map[int][]st{1: {{"Critics", "say", false, false}, {"advocates", "say", false, false}}}},
		{"a cue in a relative clause, then the main verb", []string{"Ivo Grant, who backs the treaty, said he expected a vote."},
			map[int][]st{1: {{"Ivo Grant", "back", false, false}, {"Ivo Grant", "say", false, false}}}},
		{"a list with a determiner inside", []string{"Portugal, the Netherlands and Finland want a ceiling."},
			map[int][]st{1: {{"Portugal", "want", false, false}, {"Netherlands", "want", false, false}, {"Finland", "want", false, false}}}},
		{"a headline with its speaker after a dash", []string{"Port levy 'unfair' - Dumont", "French President Luc Dumont has called the levy unfair."},
			map[int][]st{1: {{"Luc Dumont", "say", false, false}}, 2: {{"Luc Dumont", "call", false, false}}}},
		{"a description, then the name", []string{"The bakery's chief executive, Ivo Grant, said sales fell."},
			map[int][]st{1: {{"Ivo Grant", "say", false, false}}}},
		{"one of a group, then the name", []string{"One of its senior engineers, Rafi Noor Adel, admitted selling designs."},
			map[int][]st{1: {{"Rafi Noor Adel", "admit", false, false}}}},
		{"refusing to be drawn says nothing", []string{"Mr Tom Reyes refused to be pinned down on the cost."}, map[int][]st{}},
		{"a name modifying a noun after a preposition", []string{"The EU has filed a complaint about US support for Boeing."}, map[int][]st{}},
		{"a product is not a speaker", []string{"Airbus said sales rose.", "On Monday, Airbus and Boeing accused each other of cheating.", "UPS ordered ten Airbus A300s."},
			map[int][]st{1: {{"Airbus", "say", false, false}}, 2: {{"Airbus", "accuse", false, false}, {"Boeing", "accuse", false, false}}}},
		{"a negated auxiliary written as one word", []string{"Ivo Grant doesn't believe the mill will close.", "Ivo Grant didn't comment on the sale."},
			map[int][]st{1: {{"Ivo Grant", "believe", true, false}}, 2: {{"Ivo Grant", "comment", true, false}}}},
		{"a poll's finding is not its respondents' speech", []string{"A survey of Dunmore bakers found that 64 percent of bakers say flour costs too much."}, map[int][]st{}},
		{"a quotation's own reporting verb names its speaker", []string{`"We need water," said Petra Osk.`, `"You broke every promise," Ivo Grant snapped in a speech.`, `"Not yet," replies Tova Lind.`},
			map[int][]st{1: {{"Petra Osk", "say", false, true}}, 2: {{"Ivo Grant", "say", false, true}}, 3: {{"Tova Lind", "reply", false, true}}}},
		{"after the cue, the person a named person's aide speaks", []string{"Mayor Tova Lind toured the mill.", `"Flour costs too much," said Lind constituent Petra Osk.`},
			map[int][]st{2: {{"Petra Osk", "say", false, true}}}},
		{"a manner adverb after a name", []string{"Tova Lind bluntly suggested that the plan was flawed."},
			map[int][]st{1: {{"Tova Lind", "suggest", false, false}}}},
		{"a contracted is before a participle", []string{"Mayor Tova Lind met farmers.", "She's predicting a win in the next vote."},
			map[int][]st{2: {{"Tova Lind", "predict", false, false}}}},
		{"a belief adjective after be", []string{"Mr. Ivo Torvald is convinced that the mill will reopen.", "The union leaders are deeply skeptical of the new contract.", "The baker is certain to win."},
			map[int][]st{1: {{"Ivo Torvald", "convinced", false, false}}, 2: {{"The union leaders", "skeptical", false, false}}}},
		{"talking about a topic, discussing it", []string{"Governor Ivo Grant talked about the budget on Monday.", "Senator Ray Osk spoke favorably of the deal.", "Mayor Ann Pell discussed the plan with reporters.", "Ann Pell spoke at the rally."},
			map[int][]st{1: {{"Ivo Grant", "talk about", false, false}}, 2: {{"Ray Osk", "speak of", false, false}}, 3: {{"Ann Pell", "discuss", false, false}}}},
		{"declining to discuss is a silence", []string{"Mayor Ann Pell declined to discuss the plant."},
			map[int][]st{1: {{"Ann Pell", "discuss", true, false}}}},
		{"a decision to act and a memory of a fact are beliefs", []string{"Ray Osk decided to run for governor.", "Osk remembers that the mill closed.", "Osk decided the case.", "Osk remembered his mother."},
			map[int][]st{1: {{"Ray Osk", "decide", false, false}}, 2: {{"Ray Osk", "remember", false, false}}}},
		{"feeling free is no view", []string{"Ivo Grant feels that the mill will close.", "Ivo Grant felt free to leave the mill."},
			map[int][]st{1: {{"Ivo Grant", "feel", false, false}}}},
		{"a quantifier before a base form is its subject", []string{"Many believe the mill will close.", "Some view the levy as a threat.", "Some support for the levy remains."},
			map[int][]st{1: {{"Many", "believe", false, false}}, 2: {{"Some", "view", false, false}}}},
		{"a share of them", []string{"The bakers of Dunmore met on Friday.", "Most of them said flour costs too much."},
			map[int][]st{2: {{"Most of them", "say", false, false}}}},
		{"a name modifying its verb's subject", []string{"A spokeswoman for Oxfam said the mill would close.", "Senator Dara Quell of Ohio said she would run."},
			map[int][]st{1: {{"spokeswoman for Oxfam", "say", false, false}}, 2: {{"Dara Quell", "say", false, false}}}},
		{"a headline in title case with a full stop", []string{"Dara Quell Says The Harbour Mill Will Close.", "Dara Quell spoke on Monday."},
			map[int][]st{1: {{"Dara Quell", "say", false, false}}}},
		{"a passive's agent after by speaks", []string{"The closure was first reported by the Harbour Gazette.", "The mill was backed by Oxfam.", "Ann Pell concluded by thanking the workers."},
			map[int][]st{1: {{"Harbour Gazette", "report", false, false}}, 3: {{"Ann Pell", "thank", false, false}}}},
		{"a bare noun phrase naming a kind of person", []string{"Local nurses insist the ward will reopen.", "Local records show the ward will reopen."},
			map[int][]st{1: {{"Local nurses", "insist", false, false}}}},
		{"pointing to is a cue", []string{"Ann Pell pointed to the closure of the mill as a warning."},
			map[int][]st{1: {{"Ann Pell", "point to", false, false}}}},
		{"a present tense coordinated with its clause's verb", []string{"Judge Ann Cole sat in Leeds on Monday and says the case is closed.", "Ann Cole likes speeches and promises to voters."},
			map[int][]st{1: {{"Ann Cole", "say", false, false}}}},
		{"a participle clause opening the sentence", []string{"Ann Pell runs the mill.", "After warning that the mill would close, she left for Leeds.", "Citing the flood, Ivo Grant urged calm."},
			map[int][]st{2: {{"Ann Pell", "warn", false, false}}, 3: {{"Ivo Grant", "cite", false, false}, {"Ivo Grant", "urge", false, false}}}},
		{"a cue after a raising verb or an adjective and to", []string{"Ann Pell is quick to insist that the mill is safe.", "Ivo Grant seemed to confirm the closure.", "It is hard to say whether the mill will close."},
			map[int][]st{1: {{"Ann Pell", "insist", false, false}}, 2: {{"Ivo Grant", "confirm", false, false}}}},
		{"a participle after began keeps its subject", []string{"Ann Pell began talking about the closure of the mill."},
			map[int][]st{1: {{"Ann Pell", "talk about", false, false}}}},
		{"a name ending in Jr.", []string{"Vice President Ivo R. Grant Jr. said the mill would close."},
			map[int][]st{1: {{"Ivo R. Grant", "say", false, false}}}},
		{"a quotation closing inside a quotation", []string{"''We hear it every day, 'the mill is a special case,''' Mr. Ivo Grant said."},
			map[int][]st{1: {{"Ivo Grant", "say", false, true}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := extractText(tc.paras...)
			got := map[int][]st{}
			for _, s := range b.Statements {
				got[s.Sentence] = append(got[s.Sentence], st{b.Actors[s.Speaker].Name, s.Cue, s.Negated, s.Direct})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("statements mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReportingPronounMention checks that the pronoun of a reporting clause
// the last speaker's quotation continues through is recorded as its mention.
func TestReportingPronounMention(t *testing.T) {
	b := extractText(`"Aid has fallen," said the Dunmore Bakers' Guild.`, `"Only one in three farms has water," it added.`)
	var found bool
	for _, a := range b.Actors {
		for _, m := range a.Mentions {
			if m.Sentence == 2 && m.Text == "it" {
				found = a.Name == "Dunmore Bakers"
			}
		}
	}
	if !found {
		t.Errorf("no mention of the guild at \"it added\" in %+v", b.Actors)
	}
}

// TestStatementContent checks what a statement says, where the words start.
func TestStatementContent(t *testing.T) {
	for _, tc := range []struct{ text, speaker, content string }{
		{"Foreign Minister Anna Berg said that talks would resume.", "Anna Berg", "talks would resume"},
		{"Anna Berg told reporters in Oslo that talks would resume.", "Anna Berg", "talks would resume"},
		// After a quotation, where they said it is not what they said.
		{`"Talks must resume," Mr Tom Reyes said during his speech in London.`, "Tom Reyes", "Talks must resume"},
		{"However, Tom Reyes did not elaborate on the plan.", "Tom Reyes", "on the plan"},
		// Where or when they said it is not what they said.
		{"Martin Reyes claimed in the Courier that a clerk had lied.", "Martin Reyes", "a clerk had lied"},
		// Whom someone told is not what they said.
		{"Minister Ana Vell told Harbour Radio 2's Morning programme the deal had collapsed.", "Ana Vell", "the deal had collapsed"},
		{"Minister Ana Vell told a Senate budget committee fair wages mattered.", "Ana Vell", "fair wages mattered"},
		{"Minister Ana Vell told them she had not resigned.", "Ana Vell", "she had not resigned"},
		{"Minister Ana Vell told the committee on Export Controls.", "Ana Vell", "the committee on Export Controls"},
		// After a quotation, whom and where someone told is not what they said.
		{`"Yes, I support the canal," Tova Lind tells the Dunmore Gazette in an exclusive interview.`, "Tova Lind", "Yes, I support the canal"},
		// A relative clause's words end where the clause does.
		{"Ivo Grant, who is a lawyer, backs the treaty, which he calls fair.", "Ivo Grant", "the treaty, which he calls fair"},
		// A quotation right after the cue is what was said, not the lead-in.
		{`On ABC on Tuesday, Tom Reyes said, "I never promised I would pay."`, "Tom Reyes", `"I never promised I would pay."`},
		// A quotation split by its reporting clause is one.
		{`"It is good," Tom Reyes said, "and it is fair."`, "Tom Reyes", `It is good "and it is fair."`},
		// A restrictive relative holds the name; a clause after the cue is the words.
		{"Executives who have dealt with Petra Lind say she is demanding.", "Executives", "she is demanding"},
		// A refusal states a position: its words start at "to", not at the
		// that-clause of someone else's denial.
		{"The Chilean government refuses to accept Peru's denials that it was to blame.", "Chile", "to accept Peru's denials that it was to blame"},
		// A reporting clause inside the words is no part of them.
		{"Nor does the mill have any plans, Ivo Grant said, to close before the spring.", "Ivo Grant", "Nor does the mill have any plans to close before the spring"},
		{"By closing the mill early, Ivo Grant said, the owners saved a fortune.", "Ivo Grant", "By closing the mill early the owners saved a fortune"},
		{"A new levy, Ivo Grant said, would ''widen the gap.''", "Ivo Grant", "A new levy would ''widen the gap.''"},
		// A passive's agent speaks: the words are the passive's subject, or
		// the clause after the agent, whose subject was addressed.
		{"The closure was first reported by the Harbour Gazette.", "Harbour Gazette", "The closure"},
		{"Ann Pell was told by Ivo Grant that the mill would close.", "Ivo Grant", "the mill would close"},
	} {
		b := extractText(tc.text)
		if len(b.Statements) != 1 {
			t.Errorf("%q: %d statements, want 1", tc.text, len(b.Statements))
			continue
		}
		s := b.Statements[0]
		if got := b.Actors[s.Speaker].Name; got != tc.speaker || s.Content != tc.content {
			t.Errorf("%q: %s said %q, want %s said %q", tc.text, got, s.Content, tc.speaker, tc.content)
		}
	}
}

// TestQuantitySource checks that a figure's source is named: the words of the
// sentence, or the speaker's name where the sentence says "he".
func TestQuantitySource(t *testing.T) {
	b := extractText("Energy Minister Omar Haddad visited the fields.", "He said 15 oil fields would open.", "The charity Oxfam said exports rose by 12%.",
		"Scientists estimate that 390 billion trees grow there.", "British officials said 300 troops would stay.")
	var got []string
	for _, q := range b.Quantities {
		got = append(got, q.Text+" <- "+q.Source)
	}
	want := []string{"15 <- Omar Haddad", "12% <- Oxfam", "390 billion <- scientists", "300 <- British officials"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", diff)
	}
}

func TestQuantities(t *testing.T) {
	type q struct {
		Text, Hedge, Unit, Counted string
		Value, High                float64
	}
	for _, tc := range []struct {
		text string
		want []q
	}{
		{"About 1,500 troops arrived.", []q{{"About 1,500", "About", "", "troops", 1500, 1500}}},
		{"The brewery was bought for $9.3bn in a sale.", []q{{"$9.3bn", "", "$", "", 9.3e9, 9.3e9}}},
		{"It ships about 45% of its crop to Asia.", []q{{"about 45%", "about", "%", "of its crop", 45, 45}}},
		{"Between 100 and 120 people were hurt.", []q{{"100 and 120", "", "", "people", 100, 120}}},
		{"Up to 15 years could pass.", []q{{"Up to 15", "Up to", "", "years", 15, 15}}},
		{"Aid rose from $1.1bn to $4.6bn a year.", []q{{"$1.1bn to $4.6bn", "", "$", "", 1.1e9, 4.6e9}}},
		{"The talks began in 2004.", nil},
		{"On 7 March 2003 he wrote to them.", nil},
	} {
		b := extractText(tc.text)
		var got []q
		for _, x := range b.Quantities {
			got = append(got, q{x.Text, x.Hedge, x.Unit, x.Counted, x.Value, x.High})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q: quantities mismatch (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestTimes(t *testing.T) {
	type tm struct{ Text, Norm string }
	for _, tc := range []struct {
		text string
		want []tm
	}{
		{"He warned the governor on 9 May 2011 that it was unsafe.", []tm{{"on 9 May 2011", "2011-05-09"}}},
		{"Talks start in April 2005.", []tm{{"in April 2005", "2005-04"}}},
		{"A pact was signed in June.", []tm{{"in June", "--06"}}},
		{"Last week, the bill passed.", []tm{{"Last week", ""}}},
		{"The rebate was won in 1984.", []tm{{"in 1984", "1984"}}},
		{"She may decide soon.", nil},
	} {
		b := extractText(tc.text)
		var got []tm
		for _, x := range b.Times {
			got = append(got, tm{x.Text, x.Norm})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q: times mismatch (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestTimeEvent(t *testing.T) {
	b := extractSeed(t)
	for _, x := range b.Times {
		if x.Text == "in June" {
			if !strings.HasPrefix(x.Event, "a security pact signed by") {
				t.Errorf("event of %q = %q, want the security pact", x.Text, x.Event)
			}
			return
		}
	}
	t.Error("no time expression \"in June\" in the seed")
}

func TestRoles(t *testing.T) {
	b := extractText("Mike Dale, deputy leader of the Green Party, said the vote was lost.")
	want := []knowledge.Role{{Sentence: 1, Person: 0, Title: "deputy leader", Of: "the Green Party"}}
	if diff := cmp.Diff(want, b.Roles); diff != "" {
		t.Errorf("roles mismatch (-want +got):\n%s", diff)
	}
	if b.Actors[0].Title != "deputy leader of the Green Party" {
		t.Errorf("title = %q", b.Actors[0].Title)
	}
}

// TestBBCInvariants checks extraction over the BBC articles kept in ../shared
// (they belong to the BBC and never enter the project): every statement has a
// speaker and a cue, and every fact points at an existing sentence.
func TestBBCInvariants(t *testing.T) {
	files := corpusFiles("bbc")
	if len(files) == 0 {
		t.Skip("no BBC corpus beside the project")
	}
	total := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b := Extract(knowledge.Document{Path: filepath.Base(f), Text: string(text)})
		n := len(b.Sentences)
		ok := func(s int) bool { return s >= 1 && s <= n }
		for _, s := range b.Statements {
			total++
			if s.Speaker < 0 || s.Speaker >= len(b.Actors) || s.Cue == "" || !ok(s.Sentence) {
				t.Errorf("%s: bad statement %+v", f, s)
			}
		}
		for _, a := range b.Actors {
			for _, m := range a.Mentions {
				if !ok(m.Sentence) || b.Sentences[m.Sentence-1].Text[m.Start:m.End] != m.Text {
					t.Errorf("%s: bad mention %+v of %s", f, m, a.Name)
				}
			}
		}
		for _, q := range b.Quantities {
			if !ok(q.Sentence) || q.Claimant >= len(b.Actors) {
				t.Errorf("%s: bad quantity %+v", f, q)
			}
		}
		for _, x := range b.Times {
			if !ok(x.Sentence) {
				t.Errorf("%s: bad time %+v", f, x)
			}
		}
		for _, r := range b.Roles {
			if !ok(r.Sentence) || r.Person < 0 || r.Person >= len(b.Actors) {
				t.Errorf("%s: bad role %+v", f, r)
			}
		}
	}
	if total < 200 {
		t.Errorf("only %d statements in the BBC articles; expected far more", total)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Kremlin spokesperson Dmitry Peskov said the talks \"failed\".\n\nHe added: \"No.\"")
	f.Add("According to the UN, about 1,500-2,000 people fled in June 2004, he said.")
	f.Add("\"\u201c, said , which who he\n\nMr . . 's 's")
	f.Fuzz(func(t *testing.T, text string) {
		b := Extract(knowledge.Document{Path: "f.txt", Text: text})
		for _, s := range b.Statements {
			if s.Speaker < 0 || s.Speaker >= len(b.Actors) || s.Sentence < 1 || s.Sentence > len(b.Sentences) {
				t.Fatalf("bad statement %+v", s)
			}
		}
		for _, a := range b.Actors {
			for _, m := range a.Mentions {
				if m.Sentence < 1 || m.Sentence > len(b.Sentences) || m.Start < 0 || m.End > len(b.Sentences[m.Sentence-1].Text) || m.Start > m.End {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}

// TestExplain checks that each statement is named by the rule that read it.
func TestExplain(t *testing.T) {
	b, rules := Explain(knowledge.Document{Path: "t.txt", Text: strings.Join([]string{
		"Foreign Minister Anna Berg said that talks would resume.",
		`"We will not give in," she said.`,
		`"Nor will we."`,
		"Ann Pell attacked Tom Rivers, accusing him of lying.",
	}, "\n\n")})
	want := []string{
		"subject before the cue: named actor",
		"subject before the cue: personal pronoun: the last person",
		"quotation standing alone continues the last speaker",
		"subject before the cue: named actor",
		"participle continues the last statement",
	}
	if len(rules) != len(b.Statements) {
		t.Fatalf("%d rules for %d statements", len(rules), len(b.Statements))
	}
	if diff := cmp.Diff(want, rules); diff != "" {
		t.Errorf("rules mismatch (-want +got):\n%s", diff)
	}
}

// corpusFiles lists the articles of a corpus in the shared folder beside the
// project (../shared/corpus/NAME), or beside its worktree's parent.
func corpusFiles(name string) []string {
	for _, dir := range []string{"../../../shared/corpus", "../../../../shared/corpus"} {
		if files, _ := filepath.Glob(filepath.Join(dir, name, "*.txt")); len(files) > 0 {
			return files
		}
	}
	return nil
}

// TestRuleCounts reads the BBC articles and counts which rule made each
// statement and which veto turned each cue word down (go test -v prints the
// counts): every statement names its rule, and the speaker rules and vetoes
// are all in use.
func TestRuleCounts(t *testing.T) {
	files := corpusFiles("bbc")
	if len(files) == 0 {
		t.Skip("no BBC corpus beside the project")
	}
	rules, vetoes := map[string]int{}, map[string]int{}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := knowledge.Document{Path: filepath.Base(f), Text: string(text)}
		doc.Sentences = Sentences(doc.Text)
		x := newExtractor(doc)
		x.run()
		if len(x.rules) != len(x.statements) {
			t.Fatalf("%s: %d rules for %d statements", f, len(x.rules), len(x.statements))
		}
		for _, r := range x.rules {
			if r == "" || strings.HasSuffix(r, ": ") {
				t.Errorf("%s: a statement without its rule", f)
			}
			rules[r]++
		}
		for _, v := range x.vetoes {
			vetoes[v]++
		}
	}
	for _, m := range []map[string]int{rules, vetoes} {
		var names []string
		for n := range m {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return m[names[i]] > m[names[j]] })
		for _, n := range names {
			t.Logf("%5d %s", m[n], n)
		}
	}
	for _, want := range []string{"subject before the cue: named actor", "subject after the cue", "according to"} {
		if rules[want] == 0 {
			t.Errorf("rule %q never made a statement", want)
		}
	}
	for _, want := range []string{"passive", "noun after a determiner"} {
		if vetoes[want] == 0 {
			t.Errorf("veto %q never held", want)
		}
	}
}

// TestQuotationContinued checks that a quotation the next sentence continues
// is one statement's words, and the next sentence a statement of its own.
func TestQuotationContinued(t *testing.T) {
	b := extractText(`"There is always pushback," Tom Reyes said. "The cost is high."`)
	if len(b.Statements) != 2 {
		t.Fatalf("%d statements, want 2: %+v", len(b.Statements), b.Statements)
	}
	if got, want := b.Statements[0].Content, `There is always pushback "The cost is high."`; got != want {
		t.Errorf("content %q, want %q", got, want)
	}
	if s := b.Statements[1]; s.Sentence != 2 || b.Actors[s.Speaker].Name != "Tom Reyes" {
		t.Errorf("second statement %+v", s)
	}
}

// TestWordsAfterAColon checks that "He said:" takes its words from the next
// sentence, which is the speaker's statement too.
func TestWordsAfterAColon(t *testing.T) {
	b := extractText("Hal Dorsey spoke on Monday. He said:", `"We will win this race."`)
	if len(b.Statements) != 2 {
		t.Fatalf("%d statements, want 2: %+v", len(b.Statements), b.Statements)
	}
	for _, s := range b.Statements {
		if b.Actors[s.Speaker].Name != "Hal Dorsey" || !strings.Contains(s.Content, "We will win this race") {
			t.Errorf("statement %+v by %s", s, b.Actors[s.Speaker].Name)
		}
	}
}
