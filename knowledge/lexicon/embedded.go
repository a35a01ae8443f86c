package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
)

// eachLine calls f with each line of an embedded gzip table. The tables are
// built into the binary, so one that does not read is a broken build: it
// panics, naming the table.
func eachLine(table []byte, name string, f func(line string)) {
	zr, err := gzip.NewReader(bytes.NewReader(table))
	if err != nil {
		panic("lexicon: the embedded " + name + " table is unreadable: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f(sc.Text())
	}
	if err := sc.Err(); err != nil {
		panic("lexicon: the embedded " + name + " table is unreadable: " + err.Error())
	}
}
