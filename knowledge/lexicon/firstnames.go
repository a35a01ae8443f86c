package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
		zr, err := gzip.NewReader(bytes.NewReader(firstNameTable))
		if err != nil {
			panic("lexicon: the embedded first-name table is unreadable: " + err.Error())
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			if n, g, ok := strings.Cut(sc.Text(), "\t"); ok && g != "" {
				firstNames[n] = g[0]
			}
		}
		if err := sc.Err(); err != nil {
			panic("lexicon: the embedded first-name table is unreadable: " + err.Error())
		}
	})
	return firstNames[strings.ToLower(name)]
}
