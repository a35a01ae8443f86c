package extract

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

// actorByName returns the actor of b named name.
func actorByName(b *knowledge.Briefing, name string) (knowledge.Actor, bool) {
	for _, a := range b.Actors {
		if a.Name == name {
			return a, true
		}
	}
	return knowledge.Actor{}, false
}

// TestOrganisationNames checks that an organisation's name of several
// capitalised runs is one organisation, and that its parts are no actors.
func TestOrganisationNames(t *testing.T) {
	for _, tc := range []struct {
		text, org, country string
		notActors          []string
	}{
		{"The Bank of Wessex is working with the surveyors.", "Bank of Wessex", "", []string{"Bank", "Wessex"}},
		{"In March the respected Institute for Canal Studies (ICS) said tolls would rise.", "Institute for Canal Studies", "", []string{"Canal Studies"}},
		{"Official figures come from the Office for Harbour Statistics.", "Office for Harbour Statistics", "", []string{"Harbour Statistics"}},
		{"Ruth Kellaway, from the Canal and River Boatmen union, said a walkout was likely.", "Canal and River Boatmen", "", []string{"River Boatmen"}},
		{"Omar Haddad, chairman of the Commission for Tenant Rights, said more must follow.", "Commission for Tenant Rights", "", []string{"Tenant Rights", "Commission"}},
		{"The Association of Senior Lock Keepers has issued advice.", "Association of Senior Lock Keepers", "", []string{"Senior Lock Keepers"}},
		{"The Confederation of British Industry said the plan was costly.", "Confederation of British Industry", "GBR", []string{"Industry"}},
		{"The Bank of Japan kept rates on hold.", "Bank of Japan", "JPN", []string{"Bank"}},
		{"China Daily said the fleet was shrinking.", "China Daily", "CHN", []string{"Daily"}},
		{"The unions and the Trades Union Congress are discussing the issue.", "Trades Union Congress", "", []string{"Trades Union", "Congress"}},
		{"Mr Smith said the Department of Trade and Industry was wrong.", "Department of Trade and Industry", "", []string{"Industry"}},
		{"The League Against Cruel Traps welcomed the ban.", "League Against Cruel Traps", "", []string{"Cruel Traps"}},
		{"The Dredging and Salvage Executive said it was doing what it could.", "Dredging and Salvage Executive", "", []string{"Salvage Executive"}},
		{"He sat on the Regional Harbour Committee in the 1980s.", "Regional Harbour Committee", "", []string{"Regional Harbour", "Committee"}},
	} {
		b := extractText(tc.text)
		a, ok := actorByName(b, tc.org)
		if !ok || a.Kind != knowledge.Organisation || a.Country != tc.country {
			t.Errorf("%q: organisation %q (%s) missing; got %v", tc.text, tc.org, tc.country, b.Actors)
		}
		for _, n := range tc.notActors {
			if _, ok := actorByName(b, n); ok {
				t.Errorf("%q: %q is an actor of its own", tc.text, n)
			}
		}
	}
}

// TestOrganisationNamesStop checks that a name joined by "and" that speaks on
// its own stays apart from the organisation before it.
func TestOrganisationNamesStop(t *testing.T) {
	b := extractText("The Bank of Wessex and Hilda Crane said rates would stay on hold.")
	if _, ok := actorByName(b, "Hilda Crane"); !ok {
		t.Errorf("Hilda Crane was joined to the bank: %v", b.Actors)
	}
	if _, ok := actorByName(b, "Bank of Wessex"); !ok {
		t.Errorf("no Bank of Wessex: %v", b.Actors)
	}
}

// TestAffiliationFromPremodifier checks that the name before a title is the
// organisation of the person it titles, and that a demonym gives the country.
func TestAffiliationFromPremodifier(t *testing.T) {
	for _, tc := range []struct {
		text, person, title, org, country string
	}{
		{"TUC general secretary Ian Moffat said members were furious.", "Ian Moffat", "TUC general secretary", "org:tuc", ""},
		{"Former Brindle Hawke banker Nadia Ferrante said she would appeal.", "Nadia Ferrante", "Former Brindle Hawke banker", "org:brindle hawke", ""},
		{"The ferry trade grew faster, according to Bank of Wessex deputy governor Agnes Thornley.", "Agnes Thornley", "Bank of Wessex deputy governor", "org:bank of wessex", ""},
		{"French finance minister Luc Vernier said the tolls were too high.", "Luc Vernier", "French finance minister", "", "FRA"},
		{"Former Downing Street press chief Rupert Vail stayed silent.", "Rupert Vail", "Former Downing Street press chief", "gov:GBR:downing street", "GBR"},
		{"Jane Doyle, general secretary of Loomcraft, said the rota was unfair.", "Jane Doyle", "general secretary of Loomcraft", "org:loomcraft", ""},
		{"Fares rose, said Petra Lindqvist, chief economist at Harbour Analytics.", "Petra Lindqvist", "chief economist at Harbour Analytics", "org:harbour analytics", ""},
		{"But US Treasury Under-Secretary Dana Whitcombe said the US would not back it.", "Dana Whitcombe", "US Treasury Under-Secretary", "gov:USA:treasury", "USA"},
		{"KVRA said it was proud. KVRA's boss Miriam Achebe said she was sorry.", "Miriam Achebe", "KVRA's boss", "org:kvra", ""},
		{"KVRA said it was proud. The e-mail was sent to Miriam Achebe, KVRA's boss, who said she was sorry.", "Miriam Achebe", "KVRA's boss", "org:kvra", ""},
		{"Ruth Kellaway, from the Canal and River Boatmen union, said a walkout was likely.", "Ruth Kellaway", "", "org:canal and river boatmen", ""},
		{"Ruth Kellaway, from the Canal and River Boatmen union said a walkout was likely.", "Ruth Kellaway", "", "org:canal and river boatmen", ""},
		{"The TUC has called for a change in the rules. General secretary Ian Moffat said members were at risk.", "Ian Moffat", "General secretary", "org:tuc", ""},
	} {
		b := extractText(tc.text)
		a, ok := actorByName(b, tc.person)
		if !ok {
			t.Errorf("%q: no %s: %v", tc.text, tc.person, b.Actors)
			continue
		}
		if a.Title != tc.title || a.Org != tc.org || a.Country != tc.country {
			t.Errorf("%q: %s is title %q org %q country %q; want %q %q %q", tc.text, tc.person, a.Title, a.Org, a.Country, tc.title, tc.org, tc.country)
		}
	}
}

// TestOrganisationByFirstWord checks that the first word of an organisation's
// name refers to it later on, and that a name seen before a title is an
// organisation in every sentence.
func TestOrganisationByFirstWord(t *testing.T) {
	b := extractText("Former Brindle Hawke banker Nadia Ferrante lost her case.",
		"Brindle Hawke denied the charges. Brindle said she lacked judgement.")
	a, ok := actorByName(b, "Brindle Hawke")
	if !ok || a.Kind != knowledge.Organisation {
		t.Fatalf("Brindle Hawke is not an organisation: %v", b.Actors)
	}
	if _, ok := actorByName(b, "Brindle"); ok {
		t.Errorf("Brindle is an actor of its own: %v", b.Actors)
	}
	said := 0
	for _, st := range b.Statements {
		if st.Speaker == a.ID {
			said++
		}
	}
	if said < 2 {
		t.Errorf("Brindle Hawke speaks %d times, want 2: %v", said, b.Statements)
	}
}

// TestFirmByFirstWord checks that a name the briefing shortens to its first
// word, and never to its last, is an organisation's, and that a person's name
// shortened to the surname stays a person's.
func TestFirmByFirstWord(t *testing.T) {
	b := extractText("A former trader at the Paris offices of Brindle Hawke has lost her case.",
		"Brindle Hawke denied the charges. Brindle said Owen Pargeter was wrong. Mr Pargeter disagreed with Brindle.")
	if a, ok := actorByName(b, "Brindle Hawke"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Brindle Hawke is not an organisation: %v", b.Actors)
	}
	if a, ok := actorByName(b, "Owen Pargeter"); !ok || a.Kind != knowledge.Person {
		t.Errorf("Owen Pargeter is not a person: %v", b.Actors)
	}
}

// TestPostNominals checks that letters after a name keep it a person's.
func TestPostNominals(t *testing.T) {
	b := extractText("In a pamphlet printed last month, Colin Marsh QC, a member of Lantern Chambers, says the toll was unlawful. Mr Marsh is a barrister.")
	a, ok := actorByName(b, "Colin Marsh")
	if !ok || a.Kind != knowledge.Person {
		t.Errorf("Colin Marsh QC is no person: %v", b.Actors)
	}
	if a, ok := actorByName(b, "Lantern Chambers"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Lantern Chambers is no organisation: %v", b.Actors)
	}
}

// TestPlacesAreNoPeople checks that a place of the gazetteer named in two
// words is no person.
func TestPlacesAreNoPeople(t *testing.T) {
	b := extractText("The firm was sued in New South Wales, the court in County Durham said.")
	for _, n := range []string{"New South Wales", "County Durham"} {
		if a, ok := actorByName(b, n); ok && a.Kind == knowledge.Person {
			t.Errorf("%s is a person", n)
		}
	}
}

// TestMembersMakeABody checks that a name with a word for an organisation's
// people after it is an organisation's.
func TestMembersMakeABody(t *testing.T) {
	b := extractText("Kessler Vogt bosses have held talks with the Lisbon Ferry Board, its chief has said.")
	if a, ok := actorByName(b, "Kessler Vogt"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Kessler Vogt is no organisation: %v", b.Actors)
	}
}

// TestListIsNoAppositive checks that a list going on after a name does not
// describe the person.
func TestListIsNoAppositive(t *testing.T) {
	b := extractText("Also expected to attend are UN Secretary General Amara Diallo, World Bank officials and trade ministers from 14 countries.")
	if a, ok := actorByName(b, "Amara Diallo"); !ok || a.Org == "org:world bank" {
		t.Errorf("Amara Diallo is %+v", a)
	}
}

// TestPeopleByFirstName checks that people named by their first name stay
// people: a titled name, and a first name that never speaks or owns.
func TestPeopleByFirstName(t *testing.T) {
	b := extractText("\"Norland won't permit new quarries,\" said Tao Mingzhe, a spokesman for the agency. Tao's statement is grim news. Tao said more.",
		"He was blocked by Michael Farrant. His son - Michael - was born in 1990. He met ex-King Michael of Romania.")
	for _, n := range []string{"Tao Mingzhe", "Michael Farrant"} {
		if a, ok := actorByName(b, n); !ok || a.Kind != knowledge.Person {
			t.Errorf("%s is no person: %v", n, b.Actors)
		}
	}
}

// TestRecurringWordsAreNoBodies checks that a place or a contraction the
// briefing keeps writing with a capital is no organisation.
func TestRecurringWordsAreNoBodies(t *testing.T) {
	b := extractText("Voters in Scotland were angry. \"I'm tired,\" one said. Scotland has its own parliament.",
		"\"I'm leaving,\" said another. Kelpco said it would appeal. Kelpco denied the claims.")
	for _, n := range []string{"Scotland", "I'm"} {
		if a, ok := actorByName(b, n); ok && a.Kind == knowledge.Organisation {
			t.Errorf("%s is an organisation", n)
		}
	}
	if a, ok := actorByName(b, "Kelpco"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Kelpco is no organisation: %v", b.Actors)
	}
}

// TestCountryBodyCapitalised checks that a country's generic body written with
// capitals is the same body as in lower case.
func TestCountryBodyCapitalised(t *testing.T) {
	b := extractText("The Chinese Foreign Ministry said it was concerned. Later the Chinese foreign ministry said it hoped for talks. Russia's Defence Ministry said nothing.")
	for _, n := range []string{"Foreign Ministry", "Defence Ministry"} {
		if _, ok := actorByName(b, n); ok {
			t.Errorf("%s is an actor without its country: %v", n, b.Actors)
		}
	}
	found := 0
	for _, a := range b.Actors {
		if a.Kind == knowledge.Government && (a.Country == "CHN" || a.Country == "RUS") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("found %d country bodies, want the Chinese and Russian ministries: %v", found, b.Actors)
	}
}

// TestUnnamedIntroduced checks that someone introduced by a description with
// their body is a person a later definite title refers to.
func TestUnnamedIntroduced(t *testing.T) {
	b := extractText("Veltrex has agreed to pay a penalty. A former senior manager at Veltrex directed an agent to pay a kickback. The manager told the agent to relabel a receipt.")
	var p knowledge.Actor
	for _, a := range b.Actors {
		if a.Kind == knowledge.Person && a.Title == "former senior manager" {
			p = a
		}
	}
	if p.Org != "org:veltrex" {
		t.Fatalf("no former senior manager at Veltrex: %v", b.Actors)
	}
	said := false
	for _, st := range b.Statements {
		if st.Sentence == 3 {
			said = true
			if st.Speaker != p.ID {
				t.Errorf("sentence 3 is said by %d, want the manager %d", st.Speaker, p.ID)
			}
		}
	}
	if !said {
		t.Errorf("no statement in sentence 3: %v", b.Statements)
	}
}

// TestHeadsClause checks that "who leads X" after a name says the person heads
// X.
func TestHeadsClause(t *testing.T) {
	b := extractText(`"This is a historic morning," said flood victim Gwen Tarrant, who leads a residents' association.`)
	if a, ok := actorByName(b, "Gwen Tarrant"); !ok || a.Description != "head of a residents' association" {
		t.Errorf("Gwen Tarrant is %+v", a)
	}
}

// TestNoBodyFromModifiers checks that a capitalised word before a body noun is
// no organisation without a determiner, and that a title in the plural or in
// capitals does not make the name after "of the" or "at" a body.
func TestNoBodyFromModifiers(t *testing.T) {
	b := extractText("Mina Osei, head of policy at Asthma charity the Harold Pembury Trust, said it was mistaken.",
		"\"The painters of the Renaissance shaped the modern eye,\" he said. He met the Queen at Sandringham in 2001.")
	for _, n := range []string{"Asthma", "Renaissance", "Sandringham"} {
		if a, ok := actorByName(b, n); ok && a.Kind == knowledge.Organisation {
			t.Errorf("%s is an organisation", n)
		}
	}
}

// TestAdjectiveIsNoBody checks that a capitalised word always written before a
// noun is no organisation, however often it recurs.
func TestAdjectiveIsNoBody(t *testing.T) {
	b := extractText("Scottish anglers were priced out. Scottish rivers are popular. Shares in Kelpco fell. Investors in Kelpco shares lost money.")
	if a, ok := actorByName(b, "Scottish"); ok && a.Kind == knowledge.Organisation {
		t.Errorf("Scottish is an organisation")
	}
	if a, ok := actorByName(b, "Kelpco"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Kelpco is no organisation: %v", b.Actors)
	}
}

// TestSeatOfGovernmentNickname checks that "No 10" is Downing Street, of the
// United Kingdom.
func TestSeatOfGovernmentNickname(t *testing.T) {
	b := extractText("A No 10 spokesman said the prime minister was relaxed.")
	for _, a := range b.Actors {
		if a.Kind == knowledge.Government && a.Country == "GBR" {
			return
		}
	}
	t.Errorf("No 10 is no British government body: %v", b.Actors)
}

// TestSpelledOutAcronym checks that an acronym in brackets after an
// organisation's name is the same organisation, there and later on, and that
// the name with its acronym speaks.
func TestSpelledOutAcronym(t *testing.T) {
	b := extractText("OHS figures came late.",
		"In March the respected Institute for Canal Studies (ICS) said Ms Varga would need to raise tolls. Official figures come from the Office for Harbour Statistics (OHS). The ICS also said traffic would fall.")
	for _, name := range []string{"ICS", "OHS"} {
		if _, ok := actorByName(b, name); ok {
			t.Errorf("%s is an actor of its own: %v", name, b.Actors)
		}
	}
	ifs, ok := actorByName(b, "Institute for Canal Studies")
	if !ok {
		t.Fatalf("no Institute for Canal Studies: %v", b.Actors)
	}
	var said []int
	for _, st := range b.Statements {
		if st.Speaker == ifs.ID {
			said = append(said, st.Sentence)
		}
	}
	if len(said) != 2 {
		t.Errorf("the ICS speaks in sentences %v, want 2 and 4: %v", said, b.Statements)
	}
	if ons, ok := actorByName(b, "Office for Harbour Statistics"); !ok || len(ons.Mentions) < 3 {
		t.Errorf("OHS in the headline is not the Office for Harbour Statistics: %+v", ons)
	}
}

// TestTitleBeforeName checks that a definite title no one holds goes to the
// person named in the next sentence, who then speaks in both, and that a
// person with a title of their own does not take it.
func TestTitleBeforeName(t *testing.T) {
	b := extractText("Later, Germany's finance minister has said that the region faced ruin. Dieter Kahl said he would push for action at the next summit.")
	a, ok := actorByName(b, "Dieter Kahl")
	if !ok || a.Title != "finance minister" || a.Country != "DEU" {
		t.Fatalf("Dieter Kahl is %+v; want Germany's finance minister", a)
	}
	var said []int
	for _, st := range b.Statements {
		if st.Speaker == a.ID {
			said = append(said, st.Sentence)
		}
	}
	if len(said) != 2 || said[0] != 1 {
		t.Errorf("Kahl speaks in sentences %v, want 1 and 2", said)
	}
	b = extractText("The finance minister said the region faced ruin. John Smith, a teacher, said he disagreed.")
	if a, _ := actorByName(b, "John Smith"); a.Title == "finance minister" {
		t.Errorf("the teacher took the minister's title: %+v", a)
	}
}

// FuzzOrgNames extracts text built around the shapes the organisation rules
// read, and checks that every mention and statement stays inside the text.
func FuzzOrgNames(f *testing.F) {
	for _, seed := range []string{
		"The Bank of Wessex (BoW) and the Institute for Canal Studies (ICS) said. The ICS said.",
		"A former senior manager at Veltrex directed it. The manager told them.",
		"TUC general secretary Ian Moffat, of the Canal and River Boatmen union,",
		"Colin Marsh QC, who leads the Dredging and Salvage Executive of the Trades Union Congress",
		"Germany's finance minister has said. Dieter Kahl said. The Chinese Foreign Ministry (",
		"Brindle Hawke bosses. Brindle said. Brindle's (B)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		b := Extract(knowledge.Document{Path: "f.txt", Text: text})
		for _, s := range b.Statements {
			if s.Speaker < 0 || s.Speaker >= len(b.Actors) {
				t.Fatalf("bad statement %+v", s)
			}
		}
		for _, a := range b.Actors {
			for _, m := range a.Mentions {
				if m.Sentence < 1 || m.Sentence > len(b.Sentences) || m.Start < 0 || m.End > len(b.Sentences[m.Sentence-1].Text) || m.Start > m.End {
					t.Fatalf("bad mention %+v of %s", m, a.Name)
				}
			}
		}
	})
}
