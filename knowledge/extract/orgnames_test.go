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
		{"The Bank of England is working with the statisticians.", "Bank of England", "", []string{"Bank", "England"}},
		{"In January the independent Institute for Fiscal Studies (IFS) said taxes would rise.", "Institute for Fiscal Studies", "", []string{"Fiscal Studies"}},
		{"Official data comes from the Office for National Statistics.", "Office for National Statistics", "", []string{"National Statistics"}},
		{"Mark Serwotka, from the Public and Commercial Services union, said there should be a strike.", "Public and Commercial Services", "", []string{"Commercial Services"}},
		{"Trevor Phillips, chairman of the Commission for Racial Equality, said more must be done.", "Commission for Racial Equality", "", []string{"Racial Equality", "Commission"}},
		{"The Association of Chief Police Officers has issued guidance.", "Association of Chief Police Officers", "", []string{"Chief Police Officers"}},
		{"The Confederation of British Industry said the plan was costly.", "Confederation of British Industry", "GBR", []string{"Industry"}},
		{"The Bank of Japan kept rates on hold.", "Bank of Japan", "JPN", []string{"Bank"}},
		{"China Daily said the market was growing.", "China Daily", "CHN", []string{"Daily"}},
		{"The unions and the Trades Union Congress are discussing the issue.", "Trades Union Congress", "", []string{"Trades Union", "Congress"}},
		{"Mr Smith said the Department of Trade and Industry was wrong.", "Department of Trade and Industry", "", []string{"Industry"}},
		{"The League Against Cruel Sports welcomed the ban.", "League Against Cruel Sports", "", []string{"Cruel Sports"}},
		{"The Health and Safety Executive said it was trying.", "Health and Safety Executive", "", []string{"Safety Executive"}},
		{"She served on the National Executive Committee in the 1990s.", "National Executive Committee", "", []string{"National Executive", "Committee"}},
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
	b := extractText("The Bank of England and Gordon Brown said rates would stay on hold.")
	if _, ok := actorByName(b, "Gordon Brown"); !ok {
		t.Errorf("Gordon Brown was joined to the bank: %v", b.Actors)
	}
	if _, ok := actorByName(b, "Bank of England"); !ok {
		t.Errorf("no Bank of England: %v", b.Actors)
	}
}

// TestAffiliationFromPremodifier checks that the name before a title is the
// organisation of the person it titles, and that a demonym gives the country.
func TestAffiliationFromPremodifier(t *testing.T) {
	for _, tc := range []struct {
		text, person, title, org, country string
	}{
		{"TUC general secretary Brendan Barber said workers were angry.", "Brendan Barber", "TUC general secretary", "org:tuc", ""},
		{"Former Merrill Lynch banker Stephanie Villalba said she would appeal.", "Stephanie Villalba", "Former Merrill Lynch banker", "org:merrill lynch", ""},
		{"The economy grew faster, according to Bank of England deputy governor Rachel Lomax.", "Rachel Lomax", "Bank of England deputy governor", "org:bank of england", ""},
		{"French finance minister Thierry Breton said the euro was too strong.", "Thierry Breton", "French finance minister", "", "FRA"},
		{"Former Downing Street communications chief Alastair Campbell said nothing.", "Alastair Campbell", "Former Downing Street communications chief", "gov:GBR:downing street", "GBR"},
		{"Dave Prentis, general secretary of Unison, said the changes were unfair.", "Dave Prentis", "general secretary of Unison", "org:unison", ""},
		{"Prices rose, said Jonathan Loynes, chief economist at Capital Economics.", "Jonathan Loynes", "chief economist at Capital Economics", "org:capital economics", ""},
		{"But US Treasury Under-Secretary John Taylor said the US could not support it.", "John Taylor", "US Treasury Under-Secretary", "gov:USA:treasury", "USA"},
		{"TBWA said it was proud. TBWA's boss Trevor Beattie said he was sorry.", "Trevor Beattie", "TBWA's boss", "org:tbwa", ""},
		{"TBWA said it was proud. The e-mail was sent to Trevor Beattie, TBWA's boss, who said he was sorry.", "Trevor Beattie", "TBWA's boss", "org:tbwa", ""},
		{"Mark Serwotka, from the Public and Commercial Services union, said there should be a strike.", "Mark Serwotka", "", "org:public and commercial services", ""},
		{"Mark Serwotka, from the Public and Commercial Services union said there should be a strike.", "Mark Serwotka", "", "org:public and commercial services", ""},
		{"The TUC has called for a change in the law. General secretary Brendan Barber said workers were at risk.", "Brendan Barber", "General secretary", "org:tuc", ""},
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
	b := extractText("Former Merrill Lynch banker Stephanie Villalba lost her claim.",
		"Merrill Lynch denied the claims. Merrill said she lacked leadership skills.")
	a, ok := actorByName(b, "Merrill Lynch")
	if !ok || a.Kind != knowledge.Organisation {
		t.Fatalf("Merrill Lynch is not an organisation: %v", b.Actors)
	}
	if _, ok := actorByName(b, "Merrill"); ok {
		t.Errorf("Merrill is an actor of its own: %v", b.Actors)
	}
	said := 0
	for _, st := range b.Statements {
		if st.Speaker == a.ID {
			said++
		}
	}
	if said < 2 {
		t.Errorf("Merrill Lynch speaks %d times, want 2: %v", said, b.Statements)
	}
}

// TestFirmByFirstWord checks that a name the briefing shortens to its first
// word, and never to its last, is an organisation's, and that a person's name
// shortened to the surname stays a person's.
func TestFirmByFirstWord(t *testing.T) {
	b := extractText("A former executive at the London offices of Merrill Lynch has lost her claim.",
		"Merrill Lynch denied the claims. Merrill said Tony Blair was wrong. Mr Blair disagreed with Merrill.")
	if a, ok := actorByName(b, "Merrill Lynch"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Merrill Lynch is not an organisation: %v", b.Actors)
	}
	if a, ok := actorByName(b, "Tony Blair"); !ok || a.Kind != knowledge.Person {
		t.Errorf("Tony Blair is not a person: %v", b.Actors)
	}
}

// TestPostNominals checks that letters after a name keep it a person's.
func TestPostNominals(t *testing.T) {
	b := extractText("In a book published this week, Philippe Sands QC, a member of Matrix Chambers, says the war was illegal. Mr Sands is a lawyer.")
	a, ok := actorByName(b, "Philippe Sands")
	if !ok || a.Kind != knowledge.Person {
		t.Errorf("Philippe Sands QC is no person: %v", b.Actors)
	}
	if a, ok := actorByName(b, "Matrix Chambers"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Matrix Chambers is no organisation: %v", b.Actors)
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
	b := extractText("Deutsche Boerse bosses have held talks with the London Stock Exchange, its chief has said.")
	if a, ok := actorByName(b, "Deutsche Boerse"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Deutsche Boerse is no organisation: %v", b.Actors)
	}
}

// TestListIsNoAppositive checks that a list going on after a name does not
// describe the person.
func TestListIsNoAppositive(t *testing.T) {
	b := extractText("Also due to attend are UN Secretary General Kofi Annan, World Bank officials and foreign ministers from 23 countries.")
	if a, ok := actorByName(b, "Kofi Annan"); !ok || a.Org == "org:world bank" {
		t.Errorf("Kofi Annan is %+v", a)
	}
}

// TestPeopleByFirstName checks that people named by their first name stay
// people: a titled name, and a first name that never speaks or owns.
func TestPeopleByFirstName(t *testing.T) {
	b := extractText("\"China won't allow new factories,\" said Xing Wangli, a spokesman for the regulator. Xing's statement is bad news. Xing said more.",
		"He was thwarted by Michael Ancram. His son - Michael - was born in 1990. He met ex-King Michael of Romania.")
	for _, n := range []string{"Xing Wangli", "Michael Ancram"} {
		if a, ok := actorByName(b, n); !ok || a.Kind != knowledge.Person {
			t.Errorf("%s is no person: %v", n, b.Actors)
		}
	}
}

// TestRecurringWordsAreNoBodies checks that a place or a contraction the
// briefing keeps writing with a capital is no organisation.
func TestRecurringWordsAreNoBodies(t *testing.T) {
	b := extractText("Voters in Scotland were angry. \"I'm tired,\" one said. Scotland has its own parliament.",
		"\"I'm leaving,\" said another. Yukos said it would appeal. Yukos denied the claims.")
	for _, n := range []string{"Scotland", "I'm"} {
		if a, ok := actorByName(b, n); ok && a.Kind == knowledge.Organisation {
			t.Errorf("%s is an organisation", n)
		}
	}
	if a, ok := actorByName(b, "Yukos"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Yukos is no organisation: %v", b.Actors)
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
	b := extractText("Monsanto has agreed to pay a fine. A former senior manager at Monsanto directed a firm to give a bribe. The manager told the company to disguise an invoice.")
	var p knowledge.Actor
	for _, a := range b.Actors {
		if a.Kind == knowledge.Person && a.Title == "former senior manager" {
			p = a
		}
	}
	if p.Org != "org:monsanto" {
		t.Fatalf("no former senior manager at Monsanto: %v", b.Actors)
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
	b := extractText(`"This is a momentous day," said asbestosis sufferer Bernie Banton, who leads a victims' association.`)
	if a, ok := actorByName(b, "Bernie Banton"); !ok || a.Description != "head of a victims' association" {
		t.Errorf("Bernie Banton is %+v", a)
	}
}

// TestNoBodyFromModifiers checks that a capitalised word before a body noun is
// no organisation without a determiner, and that a title in the plural or in
// capitals does not make the name after "of the" or "at" a body.
func TestNoBodyFromModifiers(t *testing.T) {
	b := extractText("Lisa Power, head of policy at Aids charity the Terrence Higgins Trust, said it was wrong.",
		"\"The intellectuals of the Enlightenment created the modern vision,\" he said. He met the Queen at Balmoral in 2002.")
	for _, n := range []string{"Aids", "Enlightenment", "Balmoral"} {
		if a, ok := actorByName(b, n); ok && a.Kind == knowledge.Organisation {
			t.Errorf("%s is an organisation", n)
		}
	}
}

// TestAdjectiveIsNoBody checks that a capitalised word always written before a
// noun is no organisation, however often it recurs.
func TestAdjectiveIsNoBody(t *testing.T) {
	b := extractText("Scottish students were squeezed out. Scottish universities are popular. Shares in Yukos fell. Investors in Yukos shares lost money.")
	if a, ok := actorByName(b, "Scottish"); ok && a.Kind == knowledge.Organisation {
		t.Errorf("Scottish is an organisation")
	}
	if a, ok := actorByName(b, "Yukos"); !ok || a.Kind != knowledge.Organisation {
		t.Errorf("Yukos is no organisation: %v", b.Actors)
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
	b := extractText("ONS figures came late.",
		"In January the independent Institute for Fiscal Studies (IFS) said Mr Brown would need to raise taxes. Official data comes from the Office for National Statistics (ONS). The IFS also said spending would fall.")
	for _, name := range []string{"IFS", "ONS"} {
		if _, ok := actorByName(b, name); ok {
			t.Errorf("%s is an actor of its own: %v", name, b.Actors)
		}
	}
	ifs, ok := actorByName(b, "Institute for Fiscal Studies")
	if !ok {
		t.Fatalf("no Institute for Fiscal Studies: %v", b.Actors)
	}
	var said []int
	for _, st := range b.Statements {
		if st.Speaker == ifs.ID {
			said = append(said, st.Sentence)
		}
	}
	if len(said) != 2 {
		t.Errorf("the IFS speaks in sentences %v, want 2 and 4: %v", said, b.Statements)
	}
	if ons, ok := actorByName(b, "Office for National Statistics"); !ok || len(ons.Mentions) < 3 {
		t.Errorf("ONS in the headline is not the Office for National Statistics: %+v", ons)
	}
}

// TestTitleBeforeName checks that a definite title no one holds goes to the
// person named in the next sentence, who then speaks in both, and that a
// person with a title of their own does not take it.
func TestTitleBeforeName(t *testing.T) {
	b := extractText("Meanwhile, France's finance minister has said the world faced catastrophe. Herve Gaymard said he would seek action at the next meeting.")
	a, ok := actorByName(b, "Herve Gaymard")
	if !ok || a.Title != "finance minister" || a.Country != "FRA" {
		t.Fatalf("Herve Gaymard is %+v; want France's finance minister", a)
	}
	var said []int
	for _, st := range b.Statements {
		if st.Speaker == a.ID {
			said = append(said, st.Sentence)
		}
	}
	if len(said) != 2 || said[0] != 1 {
		t.Errorf("Gaymard speaks in sentences %v, want 1 and 2", said)
	}
	b = extractText("The finance minister said the world faced catastrophe. John Smith, a teacher, said he disagreed.")
	if a, _ := actorByName(b, "John Smith"); a.Title == "finance minister" {
		t.Errorf("the teacher took the minister's title: %+v", a)
	}
}

// FuzzOrgNames extracts text built around the shapes the organisation rules
// read, and checks that every mention and statement stays inside the text.
func FuzzOrgNames(f *testing.F) {
	for _, seed := range []string{
		"The Bank of England (BoE) and the Institute for Fiscal Studies (IFS) said. The IFS said.",
		"A former senior manager at Monsanto directed it. The manager told them.",
		"TUC general secretary Brendan Barber, of the Public and Commercial Services union,",
		"Philippe Sands QC, who leads the Health and Safety Executive of the Trades Union Congress",
		"France's finance minister has said. Herve Gaymard said. The Chinese Foreign Ministry (",
		"Merrill Lynch bosses. Merrill said. Merrill's (M)",
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
