// Command gencues counts, in PolNeAR's attribution annotations, how often each
// word form is part of a cue (the words that report speech or belief: "said",
// "tweeted", "called on") against how often it occurs at all, and writes the
// forms that are cues often enough as a Go table for package lexicon.
//
//	go run ./knowledge/lexicon/internal/gencues -data DIR -out knowledge/lexicon/cues_polnear.go
//
// DIR holds train/*.txt (the articles) and gold/train/*.ann (brat standoff:
// T lines with code-point spans, E lines tying an Attribution to its Cue).
// Only the cue spans of E lines are counted; the spans' text is checked against
// the article. With -wordnet (Debian's wordnet-base puts the WordNet 3.0
// database in /usr/share/wordnet) each lemma also gets the lexicographer files
// of its verb senses, commonest first ("communication,cognition"), which tell
// a verb of saying or thinking from one of motion or possession.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/knowledge/lexicon"
)

func main() {
	data := flag.String("data", "", "PolNeAR split folder holding train/ and gold/train/")
	out := flag.String("out", "cues_polnear.go", "Go file to write")
	minCue := flag.Int("min", 3, "least number of times a form is a cue")
	wn := flag.String("wordnet", "", "WordNet database folder (index.verb, data.verb); none: no verb senses")
	flag.Parse()
	if *data == "" {
		log.Fatal("gencues: -data is required")
	}
	cue, seen, files, err := count(*data)
	if err != nil {
		log.Fatalf("gencues: %v", err)
	}
	senses := map[string]string{}
	if *wn != "" {
		if senses, err = verbSenses(*wn); err != nil {
			log.Fatalf("gencues: %v", err)
		}
	}
	if err := write(*out, cue, seen, senses, files, *minCue); err != nil {
		log.Fatalf("gencues: %v", err)
	}
}

// words splits text into lower-case letter runs (apostrophes inside words kept)
// with their code-point offsets.
func words(text []rune) (ws []string, at [][2]int) {
	for i := 0; i < len(text); {
		if !unicode.IsLetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (unicode.IsLetter(text[j]) || (text[j] == '\'' || text[j] == '’') && j+1 < len(text) && unicode.IsLetter(text[j+1])) {
			j++
		}
		ws = append(ws, strings.ToLower(string(text[i:j])))
		at = append(at, [2]int{i, j})
		i = j
	}
	return ws, at
}

// count reads every article and its annotation: cue[f] is how many times form f
// lies in a cue span, seen[f] how many times it occurs.
func count(dir string) (cue, seen map[string]int, files int, err error) {
	cue, seen = map[string]int{}, map[string]int{}
	anns, err := filepath.Glob(filepath.Join(dir, "gold", "train", "*.ann"))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("list annotations: %w", err)
	}
	for _, ann := range anns {
		txt := filepath.Join(dir, "train", strings.TrimSuffix(filepath.Base(ann), ".ann")+".txt")
		b, err := os.ReadFile(txt)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("read article: %w", err)
		}
		text := []rune(string(b))
		spans, err := cueSpans(ann, text)
		if err != nil {
			return nil, nil, 0, err
		}
		ws, at := words(text)
		for i, w := range ws {
			seen[w]++
			for _, sp := range spans {
				if at[i][0] >= sp[0] && at[i][1] <= sp[1] {
					cue[w]++
					break
				}
			}
		}
		files++
	}
	return cue, seen, files, nil
}

// cueSpans returns the code-point spans of the cues of an annotation's E lines.
func cueSpans(path string, text []rune) ([][2]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read annotation: %w", err)
	}
	defer f.Close()
	ts := map[string][2]int{}
	var cues []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case strings.HasPrefix(cols[0], "T") && len(cols) >= 3:
			f := strings.Fields(strings.ReplaceAll(cols[1], ";", " "))
			if len(f) < 3 {
				continue
			}
			a, err1 := strconv.Atoi(f[1])
			b, err2 := strconv.Atoi(f[len(f)-1])
			if err1 != nil || err2 != nil || a < 0 || b > len(text) || a > b {
				continue
			}
			if string(text[a:b]) != cols[2] && len(f) == 3 {
				continue // the span's text must match the article
			}
			ts[cols[0]] = [2]int{a, b}
		case strings.HasPrefix(cols[0], "E") && len(cols) >= 2:
			for _, arg := range strings.Fields(cols[1]) {
				if strings.HasPrefix(arg, "Cue:") {
					cues = append(cues, strings.TrimPrefix(arg, "Cue:"))
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read annotation: %w", err)
	}
	var spans [][2]int
	for _, c := range cues {
		if sp, ok := ts[c]; ok {
			spans = append(spans, sp)
		}
	}
	return spans, nil
}

// write prints the table: forms that are a cue at least min times, by form.
func write(path string, cue, seen map[string]int, senses map[string]string, files, min int) error {
	var forms []string
	for f, n := range cue {
		if n >= min && float64(n) >= 0.2*float64(seen[f]) {
			forms = append(forms, f)
		}
	}
	sort.Strings(forms)
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by gencues from the PolNeAR attribution annotations of %d articles; DO NOT EDIT.\n\n", files)
	b.WriteString("package lexicon\n\n")
	b.WriteString("// polnearCues holds, for each word form that is part of an annotated cue at\n")
	fmt.Fprintf(&b, "// least %d times and in a fifth of its occurrences, how often it is and how often it occurs, and its lemma\n", min)
	b.WriteString("// (lexicon.Lemmatize, judging candidate lemmas by whether they occur), with the\n")
	b.WriteString("// WordNet 3.0 lexicographer files of the lemma's verb senses, commonest first.\n")
	b.WriteString("// The counts come from PolNeAR (Newell, Margolin and Ruths, \"An Attribution\n")
	b.WriteString("// Relations Corpus for Political News\", LREC 2018); no article text is kept.\n")
	b.WriteString("var polnearCues = []cueCount{\n")
	for _, f := range forms {
		lemma := lexicon.Lemmatize(f, func(w string) bool {
			return seen[w] > 0 && (len(senses) == 0 || senses[w] != "") // "noted" is "note", not "not"
		})
		fmt.Fprintf(&b, "\t{%q, %d, %d, %q, %q},\n", f, cue[f], seen[f], lemma, senses[lemma])
	}
	b.WriteString("}\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// verbSenses reads WordNet's verb index and data files: for each verb lemma,
// the lexicographer files ("communication", "cognition") of its senses in
// index order (commonest first), each named once.
func verbSenses(dir string) (map[string]string, error) {
	lexfile := map[string]string{} // synset offset -> lexicographer file
	if err := eachLine(filepath.Join(dir, "data.verb"), func(f []string) {
		if len(f) > 2 {
			if n, err := strconv.Atoi(f[1]); err == nil && n >= 29 && n < 29+len(verbFiles) {
				lexfile[f[0]] = verbFiles[n-29]
			}
		}
	}); err != nil {
		return nil, err
	}
	out := map[string]string{}
	err := eachLine(filepath.Join(dir, "index.verb"), func(f []string) {
		if len(f) < 4 {
			return
		}
		nptr, err := strconv.Atoi(f[3])
		if err != nil || len(f) < 6+nptr {
			return
		}
		var names []string
		for _, off := range f[6+nptr:] {
			if n := lexfile[off]; n != "" && !contains(names, n) {
				names = append(names, n)
			}
		}
		out[f[0]] = strings.Join(names, ",")
	})
	return out, err
}

// verbFiles are WordNet's verb lexicographer files, numbered from 29.
var verbFiles = []string{"body", "change", "cognition", "communication", "competition",
	"consumption", "contact", "creation", "emotion", "motion", "perception", "possession",
	"social", "stative", "weather"}

// eachLine calls fn with the space-separated fields of each line of a WordNet
// file that is not part of its licence header.
func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && line[0] != ' ' {
			fn(strings.Fields(line))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read wordnet: %w", err)
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
