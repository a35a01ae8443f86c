package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

// The first-name table gives the usual sex of 32,513 English given names,
// from the "en" list of the npm package gender-detection-from-name 1.11.5
// (MIT licence, data/LICENSE-first-names.txt), one "name<TAB>m|f" a line.
//
//go:embed data/firstnames.tsv.gz
var firstNameTable []byte

// FirstNamesLicence is the notice the first-name table is distributed under.
//
//go:embed data/LICENSE-first-names.txt
var FirstNamesLicence string

var (
	firstNamesOnce sync.Once
	firstNames     map[string]byte
)

// FirstNameSex returns 'm' or 'f' for a given name usually borne by men or
// by women ("Hillary": 'f'), or 0 when the table does not hold it.
func FirstNameSex(name string) byte {
	firstNamesOnce.Do(func() {
		firstNames = map[string]byte{}
		eachLine(firstNameTable, "first-name", func(line string) {
			if n, g, ok := strings.Cut(line, "\t"); ok && g != "" {
				firstNames[n] = g[0]
			}
		})
	})
	return firstNames[strings.ToLower(name)]
}
