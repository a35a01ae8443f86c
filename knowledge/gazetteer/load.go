package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dataFS holds the tables and the licence notice of the data they derive from.
//
//go:embed data/*.tsv data/LICENSE-PETRARCH2.txt
var dataFS embed.FS

// builder collects entries and aliases while the tables are read.
type builder struct {
	g         *Gazetteer
	entryIdx  map[Entry]int32 // entry -> index in g.entries
	orgByName map[string]int32
	roles     []roleAlias // singular role aliases, for addPlurals
	toks      []token     // scratch
	buf       []byte      // scratch
}

// roleAlias is a role title's alias as keys.
type roleAlias struct {
	words []string
	a     *alias
}

// load parses the tables in fsys (laid out like data/).
func load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{root: &node{next: make(map[string]*node, 4096)}, entries: make([]Entry, 0, 8192), countryName: map[string]string{}, demonym: map[string]string{}}
	b := &builder{g: g, entryIdx: map[Entry]int32{}, orgByName: map[string]int32{}}
	read := func(name string, cols int, f func(row []string) error) error {
		data, err := fs.ReadFile(fsys, "data/"+name)
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		for i, line := range lines[1:] {
			row := strings.Split(line, "\t")
			if len(row) != cols {
				return fmt.Errorf("%s:%d: %d columns, want %d", name, i+2, len(row), cols)
			}
			if err := f(row); err != nil {
				return fmt.Errorf("%s:%d: %w", name, i+2, err)
			}
		}
		return nil
	}

	// forms.tsv: the form of country aliases that are not names
	forms := map[string]string{}
	if err := read("forms.tsv", 3, func(r []string) error {
		forms[r[1]+"\t"+r[0]] = r[2]
		return nil
	}); err != nil {
		return nil, err
	}
	addCountry := func(code, name, aliases string) {
		g.countryName[code] = name
		list := strings.Split(aliases, "|")
		for _, a := range list {
			form := forms[code+"\t"+a]
			if form == "" {
				form = FormName
			}
			b.add(a, Entry{Kind: Country, Name: name, Code: code, Country: code, Form: form})
			// the main demonym is the first that is not the plural of another
			plural := strings.HasSuffix(a, "s") && slices.Contains(list, a[:len(a)-1])
			if form == FormDemonym && g.demonym[code] == "" && !plural {
				g.demonym[code] = titleWords(a)
			}
		}
	}
	if err := read("countries.tsv", 3, func(r []string) error {
		addCountry(r[0], r[1], r[2])
		return nil
	}); err != nil {
		return nil, err
	}
	for code, d := range demonymOverrides {
		g.demonym[code] = d
	}
	if err := read("government.tsv", 3, func(r []string) error {
		e := Entry{Kind: Government, Name: govName(r[0]), Code: r[1], Country: r[1], Sub: strings.TrimSuffix(r[2], "+added")}
		b.addIdx(r[0], b.newEntry(e), false)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("organizations.tsv", 3, func(r []string) error {
		b.addOrg(Entry{Kind: Organisation, Name: r[1], Code: r[0]}, r[2])
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("roles.tsv", 2, func(r []string) error {
		title := strings.TrimPrefix(r[0], "the ") // "the pm"
		b.add(title, Entry{Kind: Role, Name: title, Code: strings.TrimSuffix(r[1], "+added")})
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("extra.tsv", 6, func(r []string) error {
		kind, code, country, sub, name, aliases := Kind(r[0]), r[1], r[2], r[3], r[4], r[5]
		switch kind {
		case Country:
			if g.countryName[code] != name {
				return fmt.Errorf("country %s is %q, not %q", code, g.countryName[code], name)
			}
			addCountry(code, name, aliases)
		case Government:
			for _, a := range strings.Split(aliases, "|") {
				b.add(a, Entry{Kind: Government, Name: name, Code: code, Country: code, Sub: sub})
			}
		case Organisation:
			b.addOrg(Entry{Kind: Organisation, Name: name, Code: code, Country: country, Sub: sub}, aliases)
		case Role:
			for _, a := range strings.Split(aliases, "|") {
				b.add(a, Entry{Kind: Role, Name: name, Code: code})
			}
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("places.tsv", 4, func(r []string) error {
		e := Entry{Kind: Place, Name: titleWords(r[0]), Code: r[1], Country: r[1], Sub: r[3]}
		b.addIdx(r[0], b.newEntry(e), false)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := read("case.tsv", 2, func(r []string) error {
		return b.setCase(r[0], r[1])
	}); err != nil {
		return nil, err
	}
	b.addPlurals()
	return g, nil
}

// newEntry adds e without looking for an equal entry.
func (b *builder) newEntry(e Entry) int32 {
	b.g.entries = append(b.g.entries, e)
	return int32(len(b.g.entries) - 1)
}

// entry returns the index of e, adding it if new.
func (b *builder) entry(e Entry) int32 {
	if i, ok := b.entryIdx[e]; ok {
		return i
	}
	i := int32(len(b.g.entries))
	b.g.entries = append(b.g.entries, e)
	b.entryIdx[e] = i
	return i
}

// addOrg adds an organisation's aliases; an organisation whose name is already known
// gains the aliases.
func (b *builder) addOrg(e Entry, aliases string) {
	i, ok := b.orgByName[e.Name]
	if !ok {
		i = b.entry(e)
		b.orgByName[e.Name] = i
	}
	for _, a := range strings.Split(aliases, "|") {
		b.addIdx(a, i, false)
	}
}

// add adds alias text a for entry e.
func (b *builder) add(a string, e Entry) {
	b.addIdx(a, b.entry(e), false)
}

// addIdx adds alias text a for entry index i: tokenised, put in the trie, with the
// automatic case rules. An alias already taken by another entry is kept for the
// first one (recorded in g.conflicts unless plural). A leading "the" is dropped when
// the rest is an alias of an entry of the same kind, since Lookup and Scan find
// that one anyway ("the netherlands"). It returns the new alias, or nil.
func (b *builder) addIdx(a string, i int32, plural bool) *alias {
	toks, buf := tokenize(a, b.toks[:0], b.buf[:0])
	b.toks, b.buf = toks, buf
	if len(toks) == 0 {
		return nil
	}
	e := b.g.entries[i]
	if len(toks) > 1 && key(buf, toks[0]) == "the" {
		if n := b.find(toks[1:], buf); n != nil && n.alias != nil && b.g.entries[n.alias.entry].Kind == e.Kind {
			return nil
		}
	}
	n := b.g.root
	for _, t := range toks {
		n = n.addChild(key(buf, t))
	}
	if n.alias != nil {
		if n.alias.entry != i && !plural {
			old := b.g.entries[n.alias.entry]
			b.g.conflicts = append(b.g.conflicts, fmt.Sprintf("%q: %s %s kept, %s %s dropped", a, old.Kind, old.Name, e.Kind, e.Name))
		}
		return nil
	}
	al := &alias{entry: i, kind: bit(e.Kind), capital: e.Kind != Role, plural: plural}
	if len(toks) == 1 && toks[0].ke-toks[0].ks <= 3 && toks[0].ke-toks[0].ks >= 2 && asciiLetters(key(buf, toks[0])) {
		al.needs = []needKind{needUpper}
	}
	if e.Kind == Government {
		al.generic = GenericBody(a)
	}
	if e.Kind == Role && !plural {
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = key(buf, t)
		}
		b.roles = append(b.roles, roleAlias{words, al})
	}
	n.alias = al
	return al
}

// find returns the trie node reached through toks, or nil.
func (b *builder) find(toks []token, buf []byte) *node {
	n := b.g.root
	for _, t := range toks {
		if n = n.child(buf[t.ks:t.ke]); n == nil {
			return nil
		}
	}
	return n
}

// setCase applies a case.tsv row: the alias written as form must be written so.
func (b *builder) setCase(form, rel string) error {
	toks, buf := tokenize(form, nil, nil)
	n := b.find(toks, buf)
	if n == nil || n.alias == nil {
		return fmt.Errorf("case form %q is no alias", form)
	}
	a := n.alias
	switch rel {
	case "query":
		a.relax = relaxQuery
	case "lookup":
		a.relax = relaxLookup
	case "never":
		a.relax = relaxNever
	default:
		return fmt.Errorf("unknown relax %q", rel)
	}
	a.needs = make([]needKind, len(toks))
	for i, t := range toks {
		switch {
		case !t.word || !t.first:
		case t.upper && t.ke-t.ks > 1:
			a.needs[i] = needUpper
		default:
			a.needs[i] = needCap
		}
	}
	return nil
}

// addPlurals adds the regular plural of every role title ("ministers", "secretaries
// of state", "spokesmen") unless the plural is already an alias; the plural keeps
// the singular's case rules ("MPs").
func (b *builder) addPlurals() {
	for _, r := range b.roles {
		words := r.words
		head := len(words) - 1
		for i := 1; i < len(words); i++ {
			if w := words[i]; w == "of" || w == "for" || w == "to" || w == "in" {
				head = i - 1
				break
			}
		}
		if !asciiLetters(words[head]) {
			continue
		}
		for _, p := range plurals(words[head]) {
			w := append([]string(nil), words...)
			w[head] = p
			if a := b.addIdx(strings.Join(w, " "), r.a.entry, true); a != nil {
				a.needs, a.relax = r.a.needs, r.a.relax
			}
		}
	}
}

// plurals returns the regular plurals of a lower-case English noun.
func plurals(w string) []string {
	switch {
	case strings.HasSuffix(w, "man"):
		return []string{w[:len(w)-3] + "men"}
	case strings.HasSuffix(w, "person"):
		return []string{w + "s", w[:len(w)-6] + "people"}
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return []string{w[:len(w)-1] + "ies"}
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	}
	return []string{w + "s"}
}

// asciiLetters reports whether s is made of ASCII letters only.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// demonymOverrides replace the first demonym of countries.tsv where news use another
// adjective or the first one is a noun.
var demonymOverrides = map[string]string{
	"USA": "US", "HKG": "Hong Kong", "VAT": "Vatican", "GGY": "Guernsey",
	"COK": "Cook Islands", "SLB": "Solomon Islands", "NZL": "New Zealand",
	"LUX": "Luxembourg", "PHL": "Philippine", "COG": "Congolese", "KIR": "I-Kiribati",
	"LIE": "Liechtenstein", "ISL": "Icelandic",
}

// smallWords stay lower case inside a title.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "do": true, "de": true, "in": true, "to": true}

// govAcronyms are government aliases written in capitals although they have vowels
// or more than three letters.
var govAcronyms = map[string]bool{
	"ansf": true, "cppcc": true, "darpa": true, "dcri": true, "dgse": true, "eucom": true,
	"fcdo": true, "fema": true, "gchq": true, "irgc": true, "jsdf": true, "mi5": true,
	"mi6": true, "nasa": true, "odni": true, "ofda": true, "opic": true, "pacom": true,
	"scotus": true, "socom": true, "spla": true, "usaid": true, "usda": true,
	"centcom": true, "africom": true, "northcom": true, "southcom": true,
	"stratcom": true, "transcom": true, "u.s.": true,
}

// govWords are short words of government aliases that are not acronyms.
var govWords = map[string]bool{"air": true, "bet": true, "dae": true, "her": true, "la": true, "lok": true, "wa": true}

// govName is the display name of a government.tsv alias: title case, with acronyms
// in capitals ("white house" → "White House", "fbi" → "FBI", "quai d'orsay" →
// "Quai d'Orsay", "u.s. army" → "U.S. Army").
func govName(a string) string {
	words := strings.Fields(a)
	for i, w := range words {
		switch {
		case i > 0 && smallWords[w]:
		case govAcronyms[w] || len(w) <= 3 && !smallWords[w] && !govWords[w]:
			words[i] = strings.ToUpper(w)
		default:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// titleWords title-cases every word of s (and each part of a hyphenated word) except
// small words after the first: "xi'an" → "Xi'an", "guinea-bissau" → "Guinea-Bissau",
// "isle of man" → "Isle of Man".
func titleWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true // at the start of a word or hyphenated part
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if start && unicode.IsLetter(r) {
			end := strings.IndexByte(s[i:], ' ')
			if end < 0 {
				end = len(s) - i
			}
			if i == 0 || !smallWords[s[i:i+end]] {
				r = unicode.ToUpper(r)
			}
		}
		b.WriteRune(r)
		start = r == ' ' || r == '-'
		i += size
	}
	return b.String()
}

// titleWord capitalises the first letter of each hyphenated part of w, and the
// letter after a French elision ("d'orsay" → "d'Orsay").
func titleWord(w string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if len(p) > 2 && (p[:2] == "d'" || p[:2] == "l'") {
			parts[i] = p[:2] + upperFirst(p[2:])
			continue
		}
		parts[i] = upperFirst(p)
	}
	return strings.Join(parts, "-")
}

// upperFirst upper-cases the first rune of s.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
