package gazetteer

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// describe renders matches as "Text = kind code name form" for table tests.
func describe(ms []Match) []string {
	var out []string
	for _, m := range ms {
		s := fmt.Sprintf("%s = %s %s %s", m.Text, m.Entry.Kind, m.Entry.Code, m.Entry.Name)
		if m.Entry.Form != "" {
			s += " " + m.Entry.Form
		}
		if m.Entry.Country != "" && m.Entry.Country != m.Entry.Code {
			s += " in " + m.Entry.Country
		}
		if m.Entry.Sub != "" {
			s += " (" + m.Entry.Sub + ")"
		}
		if m.Plural {
			s += " plural"
		}
		out = append(out, s)
	}
	return out
}

func TestScan(t *testing.T) {
	g := Default()
	tests := []struct {
		text  string
		kinds []Kind
		want  []string
	}{
		// longest match on word boundaries (data README)
		{"South Sudan and Sudan", nil, []string{"South Sudan = country SSD South Sudan name", "Sudan = country SDN Sudan name"}},
		{"Guinea-Bissau, Guinea and Equatorial Guinea", nil, []string{
			"Guinea-Bissau = country GNB Guinea-Bissau name",
			"Guinea = country GIN Guinea name",
			"Equatorial Guinea = country GNQ Equatorial Guinea name"}},
		{"the Dominican Republic, not Dominica", nil, []string{
			"Dominican Republic = country DOM Dominican Republic name",
			"Dominica = country DMA Dominica name"}},
		// capitals, seats of government, demonyms
		{"Seoul and Pyongyang", nil, []string{
			"Seoul = country KOR South Korea capital",
			"Pyongyang = country PRK North Korea capital"}},
		{"the Kremlin said", nil, []string{"Kremlin = government RUS Kremlin (gov)"}},
		{"Chinese and British officials", nil, []string{
			"Chinese = country CHN China demonym",
			"British = country GBR United Kingdom demonym",
			"officials = role GOV official plural"}},
		{"UK and U.S. and US", nil, []string{
			"UK = country GBR United Kingdom name",
			"U.S. = country USA United States name",
			"US = country USA United States name"}},
		{"NATO, Nato and nato", nil, []string{
			"NATO = organisation IGOWSTNAT NATO",
			"Nato = organisation IGOWSTNAT NATO"}},
		// the possessive stays out of the match, curly apostrophe or not
		{"According to South Korea’s intelligence agency, troops", nil, []string{"South Korea = country KOR South Korea name"}},
		{"NATO's chief", nil, []string{"NATO = organisation IGOWSTNAT NATO", "chief = role ELI chief"}},
		// titles with people (seed briefing)
		{"Russian Ambassador Georgiy Zinoviev", nil, []string{
			"Russian = country RUS Russia demonym",
			"Ambassador = role GOV ambassador"}},
		{"Vice Foreign Minister Kim Hong-kyun", nil, []string{"Vice Foreign Minister = role GOV vice foreign minister"}},
		{"Kremlin spokesperson Dmitry Peskov", nil, []string{
			"Kremlin = government RUS Kremlin (gov)",
			"spokesperson = role MED spokesperson"}},
		{"Chinese foreign ministry spokesperson Lin Jian", nil, []string{
			"Chinese = country CHN China demonym",
			"spokesperson = role MED spokesperson"}},
		{"UK Foreign Minister David Lammy", nil, []string{
			"UK = country GBR United Kingdom name",
			"Foreign Minister = role GOV foreign minister"}},
		{"NATO Secretary-General Mark Rutte", nil, []string{
			"NATO = organisation IGOWSTNAT NATO",
			"Secretary-General = role GOV secretary general"}},
		{"editor of the Ukrainian publication Defence Express", nil, []string{
			"editor = role MED editor",
			"Ukrainian = country UKR Ukraine demonym"}},
		{"Conservative MP Alan Pruett", nil, []string{
			"Conservative = organisation PTYGBR Conservative Party in GBR (party)",
			"MP = role LEG mp"}},
		{"Liberal Democrat leader Moira Gask", nil, []string{
			"Liberal Democrat = organisation PTYGBR Liberal Democrats in GBR (party)",
			"leader = role GOV leader"}},
		{"EU Trade Commissioner Lotte Brandvik", nil, []string{
			"EU = organisation IGOEUREEC European Union",
			"Trade Commissioner = role GOV trade commissioner"}},
		{"US Treasury Under-Secretary Dana Whitcombe", nil, []string{
			"US = country USA United States name",
			"Under-Secretary = role GOV under-secretary"}},
		{"Venezuelan president Rafael Quintero", nil, []string{
			"Venezuelan = country VEN Venezuela demonym",
			"president = role GOV president"}},
		{"Russian President Vladimir Putin and North Korean leader Kim Jong Un", nil, []string{
			"Russian = country RUS Russia demonym",
			"President = role GOV president",
			"North Korean = country PRK North Korea demonym",
			"leader = role GOV leader"}},
		{"World Health Organization (WHO) officials", nil, []string{
			"World Health Organization = organisation IGOUNOHLHWHO World Health Organization",
			"WHO = organisation IGOUNOHLHWHO World Health Organization",
			"officials = role GOV official plural"}},
		// modifiers join the title; plurals give the singular
		{"Deputy Defence Minister Alexander Fomin", nil, []string{"Deputy Defence Minister = role GOVMIL deputy defence minister"}},
		{"shadow health secretary Wes Streeting", nil, []string{"shadow health secretary = role OPP shadow health secretary"}},
		{"former president Trump", nil, []string{"former president = role ELI former president"}},
		{"ex-Prime Minister Boris Johnson", nil, []string{"ex-Prime Minister = role ELI ex-prime minister"}},
		{"Labour MPs and foreign ministers and spokesmen", nil, []string{
			"Labour = organisation PTYGBR Labour Party in GBR (party)",
			"MPs = role LEG mp plural",
			"foreign ministers = role GOV foreign minister plural",
			"spokesmen = role MED spokesman plural"}},
		{"secretaries of state", nil, []string{"secretaries of state = role GOV secretary of state plural"}},
		// a generic body after another country is not that country's institution
		{"the Philippine Senate, the US Senate and Congress", nil, []string{
			"Philippine = country PHL Philippines demonym",
			"US Senate = government USA US Senate (legislature)",
			"Congress = government USA Congress (legislature)"}},
		{"Canada's House of Commons", nil, []string{"Canada = country CAN Canada name"}},
		{"the White House and the Pentagon", nil, []string{
			"White House = government USA White House (gov)",
			"Pentagon = government USA Pentagon (military)"}},
		// things that must not match
		{"He ate a turkey sandwich with us.", nil, nil},
		{"Tell us what you think, said the conservative congress of chad growers", nil, nil},
		{"Kim Jong Un met them", nil, nil},
		{"Who knows? The economist said so in May.", nil, []string{"economist = role EDU economist"}},
		{"Chad and Turkey", nil, []string{"Chad = country TCD Chad name", "Turkey = country TUR Turkey name"}},
		// kinds
		{"Russian Ambassador Georgiy Zinoviev", []Kind{Country}, []string{"Russian = country RUS Russia demonym"}},
		{"Russian Ambassador Georgiy Zinoviev", []Kind{Role}, []string{"Ambassador = role GOV ambassador"}},
		{"the US Senate", []Kind{Country}, []string{"US = country USA United States name"}},
		{"fighting in Kharkiv and Bavaria", nil, nil},
		{"fighting in Bavaria", []Kind{Place}, []string{"Bavaria = place DEU Bavaria (place)"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		got := describe(g.Scan(tt.text, tt.kinds...))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Scan(%q, %v) mismatch (-want +got):\n%s", tt.text, tt.kinds, diff)
		}
	}
}

func TestScanOffsets(t *testing.T) {
	text := "According to South Korea’s intelligence agency, the Kremlin’s man."
	ms := Default().Scan(text)
	var got []string
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("Text %q is not text[%d:%d] = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		got = append(got, m.Text)
	}
	if diff := cmp.Diff([]string{"South Korea", "Kremlin"}, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestScanQuery(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []string
	}{
		{"what did nato say about chad?", []string{
			"nato = organisation IGOWSTNAT NATO",
			"chad = country TCD Chad name"}},
		{"can you tell us what the eu and the kremlin said", []string{
			"eu = organisation IGOEUREEC European Union",
			"kremlin = government RUS Kremlin (gov)"}},
		{"who is the who director", []string{"director = role ELI director"}},
		{"What did the US and WHO say?", []string{
			"US = country USA United States name",
			"WHO = organisation IGOUNOHLHWHO World Health Organization"}},
	}
	for _, tt := range tests {
		got := describe(g.ScanQuery(tt.text))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ScanQuery(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		alias string
		want  string // describe()'d entry without the text, "" for no match
	}{
		{"Seoul", "country KOR South Korea capital"},
		{"seoul", "country KOR South Korea capital"},
		{"Pyongyang", "country PRK North Korea capital"},
		{"the Kremlin", "government RUS Kremlin (gov)"},
		{"the Kremlin's", "government RUS Kremlin (gov)"},
		{"Chinese", "country CHN China demonym"},
		{"British", "country GBR United Kingdom demonym"},
		{"Russians", "country RUS Russia demonym"},
		{"UK", "country GBR United Kingdom name"},
		{"uk", "country GBR United Kingdom name"},
		{"Uk", ""},
		{"US", "country USA United States name"},
		{"us", "country USA United States name"},
		{"Us", ""},
		{"u.s.", "country USA United States name"},
		{"WHO", "organisation IGOUNOHLHWHO World Health Organization"},
		{"who", ""},
		{"Who", ""},
		{"NATO", "organisation IGOWSTNAT NATO"},
		{"Nato", "organisation IGOWSTNAT NATO"},
		{"nato", "organisation IGOWSTNAT NATO"},
		{"the  Netherlands", "country NLD Netherlands name"},
		{"The Hague", "country NLD Netherlands capital"},
		{"Türkiye", "country TUR Turkey name"},
		{"turkey", "country TUR Turkey name"},
		{"Côte d’Ivoire", "country CIV Ivory Coast name"},
		{"guinea bissau", "country GNB Guinea-Bissau name"},
		{"Tories", "organisation PTYGBR Conservative Party in GBR (party)"},
		{"Democrats", "organisation PTYUSA Democratic Party in USA (party)"},
		{"European Commission", "organisation IGOEUREEC European Commission"},
		{"foreign ministry", ""},
		{"Foreign Office", ""},
		{"treasury", ""},
		{"ministers", "role GOV minister plural"},
		{"Kharkov", "place UKR Kharkov (place)"},
		{"", ""},
		{"the", ""},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.alias)
		got := ""
		if ok {
			got = strings.TrimPrefix(describe([]Match{{Entry: e}})[0], " = ")
			if _, plural, _ := g.exactAlias(tt.alias); plural {
				got += " plural"
			}
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.alias, got, tt.want)
		}
	}
}

// exactAlias returns the entry of alias, ignoring case rules, and whether it is a
// generated plural.
func (g *Gazetteer) exactAlias(alias string) (e Entry, plural, ok bool) {
	toks, buf := tokenize(alias, nil, nil)
	if a := g.exact(toks, buf, modeAny, allKinds); a != nil {
		return g.entries[a.entry], a.plural, true
	}
	return Entry{}, false, false
}

func TestCountryNameDemonym(t *testing.T) {
	g := Default()
	tests := []struct{ code, name, demonym string }{
		{"RUS", "Russia", "Russian"},
		{"GBR", "United Kingdom", "British"},
		{"USA", "United States", "US"},
		{"KOR", "South Korea", "South Korean"},
		{"PRK", "North Korea", "North Korean"},
		{"CHN", "China", "Chinese"},
		{"CHE", "Switzerland", "Swiss"},
		{"NLD", "Netherlands", "Dutch"},
		{"PHL", "Philippines", "Philippine"},
		{"NZL", "New Zealand", "New Zealand"},
		{"GNB", "Guinea-Bissau", "Bissau-Guinean"},
		{"UKR", "Ukraine", "Ukrainian"},
		{"XXX", "", ""},
	}
	for _, tt := range tests {
		if got := g.CountryName(tt.code); got != tt.name {
			t.Errorf("CountryName(%q) = %q, want %q", tt.code, got, tt.name)
		}
		if got := g.Demonym(tt.code); got != tt.demonym {
			t.Errorf("Demonym(%q) = %q, want %q", tt.code, got, tt.demonym)
		}
	}
	// every country has a name; nearly all have a demonym
	var missing []string
	for code := range g.countryName {
		if g.Demonym(code) == "" {
			missing = append(missing, code)
		}
	}
	slices.Sort(missing)
	if diff := cmp.Diff([]string{"DMA"}, missing); diff != "" {
		t.Errorf("countries without demonym mismatch (-want +got):\n%s", diff)
	}
}

func TestRole(t *testing.T) {
	g := Default()
	tests := []struct {
		phrase      string
		title, kind string
		ok          bool
	}{
		{"minister", "minister", "GOV", true},
		{"ministers", "minister", "GOV", true},
		{"Foreign Ministers", "foreign minister", "GOV", true},
		{"spokesperson", "spokesperson", "MED", true},
		{"spokespeople", "spokesperson", "MED", true},
		{"secretaries", "secretary", "GOV", true},
		{"vice-president", "vice president", "GOV", true},
		{"deputy defence minister", "deputy defence minister", "GOVMIL", true},
		{"shadow foreign secretary", "shadow foreign secretary", "OPP", true},
		{"shadow defence secretary", "shadow defence secretary", "OPP", true},
		{"former foreign minister", "former foreign minister", "ELI", true},
		{"mp", "mp", "LEG", true},
		{"MPs", "mp", "LEG", true},
		{"home secretary", "home secretary", "GOV", true},
		{"undersecretary of state", "undersecretary of state", "GOV", true},
		{"pm", "pm", "GOV", true},
		{"deputy", "deputy", "COP", true},
		{"ministry", "", "", false},
		{"deputy ministry", "", "", false},
		{"foreign ministry spokesperson", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		title, kind, ok := g.RoleTitle(tt.phrase)
		if title != tt.title || kind != tt.kind || ok != tt.ok {
			t.Errorf("RoleTitle(%q) = %q, %q, %v; want %q, %q, %v", tt.phrase, title, kind, ok, tt.title, tt.kind, tt.ok)
		}
		if kind2, ok2 := g.Role(tt.phrase); kind2 != kind || ok2 != ok {
			t.Errorf("Role(%q) = %q, %v; RoleTitle gave %q, %v", tt.phrase, kind2, ok2, kind, ok)
		}
	}
}

func TestGenericBody(t *testing.T) {
	yes := []string{"ministry", "foreign ministry", "Foreign Ministry", "the foreign ministry",
		"intelligence agency", "government", "parliament", "army", "police", "embassy",
		"treasury", "foreign office", "state media", "defence ministry", "ministry of foreign affairs",
		"department of defense", "national security council", "armed forces", "central bank",
		"house of commons", "senate", "congress", "coast guard", "supreme court", "authorities"}
	no := []string{"", "spokesperson", "foreign", "foreign ministry spokesperson", "agency",
		"kremlin", "long alleged", "troops", "intelligence agency approximately", "ministry of"}
	for _, p := range yes {
		if !GenericBody(p) {
			t.Errorf("GenericBody(%q) = false, want true", p)
		}
	}
	for _, p := range no {
		if GenericBody(p) {
			t.Errorf("GenericBody(%q) = true, want false", p)
		}
	}
}

// TestData checks the tables against each other.
func TestData(t *testing.T) {
	g := Default()
	// aliases two entries claim: only hyphen/dot spelling variants that fold together
	wantConflicts := []string{
		`"attorney-general": role attorney general kept, role attorney-general dropped`,
		`"pro-democracy leader": role pro democracy leader kept, role pro-democracy leader dropped`,
		`"pro-democracy political activist": role pro democracy political activist kept, role pro-democracy political activist dropped`,
		`"pro-democratic leader": role pro democratic leader kept, role pro-democratic leader dropped`,
		`"secretary-general": role secretary general kept, role secretary-general dropped`,
		`"vice-president": role vice president kept, role vice-president dropped`,
		`"u.a.emirates": place U.a. Emirates kept, place U.a.emirates dropped`,
		`"d.r.congo": country DR Congo kept, place D.r.congo dropped`,
		`"st.helena": place St. Helena kept, place St.helena dropped`,
		`"s.korean": place S. Korean kept, place S.korean dropped`,
		`"st.lucia": country Saint Lucia kept, place St.lucia dropped`,
		`"ar-raqqa": place Ar Raqqa kept, place Ar-Raqqa dropped`,
		`"deir al-zor": place Deir Al Zor kept, place Deir Al-Zor dropped`,
		`"ee.uu.": place Ee. Uu. kept, place Ee.uu. dropped`,
		`"u.s. virgin islands": place U. S. Virgin Islands kept, place U.s. Virgin Islands dropped`,
		`"st.vincent": place St. Vincent kept, place St.vincent dropped`,
	}
	if diff := cmp.Diff(wantConflicts, g.conflicts); diff != "" {
		t.Errorf("alias conflicts mismatch (-want +got):\n%s", diff)
	}

	rows := func(name string) [][]string {
		data, err := fs.ReadFile(dataFS, "data/"+name)
		if err != nil {
			t.Fatal(err)
		}
		var out [][]string
		for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n")[1:] {
			out = append(out, strings.Split(line, "\t"))
		}
		return out
	}
	// every extra.tsv alias finds its own entry
	for _, r := range rows("extra.tsv") {
		for _, a := range strings.Split(r[5], "|") {
			e, _, ok := g.exactAlias(a)
			if !ok || e.Kind != Kind(r[0]) || e.Name != r[4] {
				t.Errorf("extra alias %q: got %+v, want %s %q", a, e, r[0], r[4])
			}
		}
	}
	// every forms.tsv alias is a country alias of that code, with that form
	for _, r := range rows("forms.tsv") {
		e, _, ok := g.exactAlias(r[0])
		if !ok || e.Kind != Country || e.Code != r[1] || e.Form != r[2] {
			t.Errorf("forms.tsv %q %s %s: got %+v", r[0], r[1], r[2], e)
		}
	}
	// the licence notice is embedded
	if lic, err := fs.ReadFile(dataFS, "data/LICENSE-PETRARCH2.txt"); err != nil || !strings.Contains(string(lic), "MIT") {
		t.Errorf("licence notice missing: %v", err)
	}
}

func TestDefaultLoadTime(t *testing.T) {
	start := time.Now()
	if _, err := load(dataFS); err != nil {
		t.Fatal(err)
	}
	t.Logf("load: %v", time.Since(start))
}

func TestTitleCase(t *testing.T) {
	tests := map[string]string{
		"white house": "White House", "fbi": "FBI", "quai d'orsay": "Quai d'Orsay",
		"u.s. army": "U.S. Army", "pla air force": "PLA Air Force", "mi6": "MI6",
		"house of commons": "House of Commons", "shin bet": "Shin Bet",
		"japan self-defense forces": "Japan Self-Defense Forces", "élysée": "Élysée",
	}
	for in, want := range tests {
		if got := govName(in); got != want {
			t.Errorf("govName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := titleWords("isle of man-xi'an"); got != "Isle of Man-Xi'an" {
		t.Errorf("titleWords = %q", got)
	}
}
