// Command gen writes the paraphrase table of package lexicon from the WordNet
// 3.0 database files (Debian's wordnet-base puts them in /usr/share/wordnet):
// for every lemma, the one-word lemmas of its first sense (its synonyms) in the
// parts of speech where that sense is common (its SemCor count at least a
// quarter of the commonest part's), the one-word lemmas of a noun's or a
// phrasal verb's direct hypernyms ("bribe": "payment"; "cough up": "give"), and
// WordNet's irregular forms whose base is a lemma ("went": "go"). A word is
// kept only where that sense is its own first sense too or the word has few
// senses, except for a phrasal verb, whose words are its meaning ("step down":
// "resign"). Phrases other
// than verbs ("bank of england") are left out. Run it from package lexicon: go
// generate.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// maxSenses keeps as a synonym a word of few senses even when the sense is not
// its first (-maxsenses; 0: first senses only). Four held best on the dev
// halves: "start" gives "begin" and "commence" but not "get".
var maxSenses int

func main() {
	flag.IntVar(&maxSenses, "maxsenses", 4, "keep synonyms with at most this many senses even where the sense is not their first")
	dir := flag.String("wordnet", "/usr/share/wordnet", "the WordNet database folder")
	out := flag.String("out", "data/wordnet.tsv.gz", "the table to write")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		log.Fatal(err)
	}
}

// synset is one WordNet synset: its lemmas and its hypernyms' offsets.
type synset struct {
	words []string
	hyper []string
}

// entry is what the table holds for one lemma.
type entry struct {
	syn, hyper map[string]bool
}

func run(dir, out string) error {
	table := map[string]*entry{}
	get := func(lemma string) *entry {
		e := table[lemma]
		if e == nil {
			e = &entry{syn: map[string]bool{}, hyper: map[string]bool{}}
			table[lemma] = e
		}
		return e
	}
	counts, err := readCounts(filepath.Join(dir, "cntlist.rev"))
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	for pi, pos := range []string{"noun", "verb", "adj", "adv"} {
		data, err := readData(filepath.Join(dir, "data."+pos))
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		firsts, senses, err := readIndex(filepath.Join(dir, "index."+pos))
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		for lemma, off := range firsts {
			ss, ok := data[off]
			phrase := strings.Contains(lemma, "_")
			if !ok || phrase && pos != "verb" || !common(counts[lemma], pi) {
				continue
			}
			var syn, hyper []string
			// Only words whose own first sense this is: "start" gives "begin"
			// but not "get", whose first sense is another.
			for _, w := range ss.words {
				if w != lemma && oneWord(w) && (phrase || keep(w, off, firsts, senses)) {
					syn = append(syn, w)
				}
			}
			for _, h := range ss.hyper {
				if pos != "noun" && !phrase {
					break // a verb's hypernym is too general: "say" is "express"
				}
				for _, w := range data[h].words {
					if w != lemma && oneWord(w) && (phrase || keep(w, h, firsts, senses)) {
						hyper = append(hyper, w)
					}
				}
			}
			if len(syn)+len(hyper) == 0 {
				continue
			}
			for _, key := range keys(lemma) {
				e := get(key)
				for _, w := range syn {
					e.syn[w] = true
				}
				for _, w := range hyper {
					e.hyper[w] = true
				}
			}
		}
	}
	exc := map[string]string{}
	for _, pos := range []string{"noun", "verb", "adj"} {
		if err := readExc(filepath.Join(dir, pos+".exc"), table, exc); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return write(out, table, exc)
}

// keep reports whether word w may stand for synset off: off is w's own first
// sense, or w has at most maxSenses senses.
func keep(w, off string, firsts map[string]string, senses map[string]int) bool {
	return firsts[w] == off || maxSenses > 0 && senses[w] <= maxSenses
}

// common reports whether a lemma's first sense in part of speech pi is common
// enough to stand for the lemma: its count at least a quarter of the largest
// count of the lemma's first senses (or no counts at all).
func common(c [4]int, pi int) bool {
	most := max(c[0], c[1], c[2], c[3])
	return most == 0 || 4*c[pi] >= most
}

// readCounts reads cntlist.rev: how often each lemma's first sense in each part
// of speech (noun, verb, adjective, adverb) was tagged in SemCor.
func readCounts(path string) (map[string][4]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string][4]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var key string
		var sense, n int
		if _, err := fmt.Sscanf(sc.Text(), "%s %d %d", &key, &sense, &n); err != nil || sense != 1 {
			continue
		}
		lemma, rest, ok := strings.Cut(key, "%")
		if !ok || rest == "" {
			continue
		}
		pi := map[byte]int{'1': 0, '2': 1, '3': 2, '5': 2, '4': 3}[rest[0]]
		c := m[lemma]
		c[pi] += n
		m[lemma] = c
	}
	return m, sc.Err()
}

// oneWord reports whether a lemma is one plain lower-case word of three letters
// or more: the only kind a question's stems can meet.
func oneWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// keys are the table keys of a lemma: its words, and without the placeholder
// words of idioms ("grease one's palms" is also "grease palms").
func keys(lemma string) []string {
	k := strings.ReplaceAll(lemma, "_", " ")
	out := []string{k}
	var w []string
	for _, x := range strings.Fields(k) {
		if x != "one's" && x != "someone's" && x != "someone" && x != "something" && x != "oneself" {
			w = append(w, x)
		}
	}
	if s := strings.Join(w, " "); s != k && len(w) > 1 {
		out = append(out, s)
	}
	return out
}

// readData reads a data file: synsets by offset.
func readData(path string) (map[string]synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]synset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // the licence header
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		var n int
		fmt.Sscanf(f[3], "%x", &n)
		var ss synset
		i := 4
		for k := 0; k < n && i+1 < len(f); k++ {
			w := strings.ToLower(f[i])
			if p := strings.IndexByte(w, '('); p > 0 {
				w = w[:p] // an adjective's marker: "(a)"
			}
			ss.words = append(ss.words, w)
			i += 2
		}
		if i < len(f) {
			var p int
			fmt.Sscanf(f[i], "%d", &p)
			i++
			for k := 0; k < p && i+3 < len(f); k++ {
				if f[i] == "@" || f[i] == "@i" {
					ss.hyper = append(ss.hyper, f[i+1])
				}
				i += 4
			}
		}
		m[f[0]] = ss
	}
	return m, sc.Err()
}

// readIndex reads an index file: each lemma's first sense, and how many senses
// it has.
func readIndex(path string) (map[string]string, map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	m := map[string]string{}
	n := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		var senses, ptrs int
		fmt.Sscanf(f[2], "%d", &senses)
		fmt.Sscanf(f[3], "%d", &ptrs)
		i := 4 + ptrs + 2
		if senses < 1 || i >= len(f) {
			continue
		}
		m[f[0]] = f[i]
		n[f[0]] = senses
	}
	return m, n, sc.Err()
}

// readExc reads an exception list, keeping the forms whose base is in table.
func readExc(path string, table map[string]*entry, exc map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.Fields(sc.Text())
		if len(w) < 2 {
			continue
		}
		base := strings.ReplaceAll(w[1], "_", " ")
		if _, ok := table[base]; ok && exc[w[0]] == "" && !strings.Contains(w[0], "_") {
			exc[w[0]] = base
		}
	}
	return sc.Err()
}

// write writes the table, sorted: "lemma TAB synonyms TAB hypernyms" (comma
// separated), then "~form TAB base" for the irregular forms.
func write(path string, table map[string]*entry, exc map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	lemmas := make([]string, 0, len(table))
	for l := range table {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	for _, l := range lemmas {
		e := table[l]
		fmt.Fprintf(bw, "%s\t%s\t%s\n", l, joinSet(e.syn), joinSet(e.hyper))
	}
	forms := make([]string, 0, len(exc))
	for w := range exc {
		forms = append(forms, w)
	}
	sort.Strings(forms)
	for _, w := range forms {
		fmt.Fprintf(bw, "~%s\t%s\n", w, exc[w])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return f.Close()
}

// joinSet joins a set's words in sorted order.
func joinSet(s map[string]bool) string {
	w := make([]string, 0, len(s))
	for x := range s {
		w = append(w, x)
	}
	sort.Strings(w)
	return strings.Join(w, ",")
}
