// Command genagents writes the agent nouns of the embedded WordNet table: the
// lemmas whose first sense reaches, up its hypernyms, a person or a body of
// people (see lexicon.IsAgentNoun), one a line, gzipped.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

// roots are the WordNet nouns whose kinds can speak.
var roots = map[string]bool{"person": true, "people": true, "organization": true, "organisation": true, "group": true, "social_group": true}

// depth is how far up the hypernyms the search looks.
const depth = 10

func main() {
	in := flag.String("in", "data/wordnet.tsv.gz", "the paraphrase table")
	out := flag.String("out", "data/agents.txt.gz", "where to write the agent nouns")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genagents:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	hyper, err := read(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	var agents []string
	for l := range hyper {
		if agent(hyper, l) {
			agents = append(agents, l)
		}
	}
	sort.Strings(agents)
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(strings.Join(agents, "\n") + "\n")); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return f.Close()
}

// read returns the hypernyms of each lemma of the table.
func read(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	hyper := map[string][]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if p := strings.Split(sc.Text(), "\t"); len(p) == 3 && p[2] != "" {
			hyper[p[0]] = strings.Split(p[2], ",")
		}
	}
	return hyper, sc.Err()
}

// agent reports whether lemma l reaches a root within depth hypernyms.
func agent(hyper map[string][]string, l string) bool {
	seen := map[string]bool{l: true}
	frontier := []string{l}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, x := range frontier {
			for _, h := range hyper[x] {
				if roots[h] {
					return true
				}
				if !seen[h] {
					seen[h] = true
					next = append(next, h)
				}
			}
		}
		frontier = next
	}
	return false
}
