// Command gen writes the model of package postag from the averaged-perceptron
// tagger that github.com/jdkato/prose/v2 ships (MIT, Copyright (c) 2017-2018
// Joseph Kato; weights of Matthew Honnibal's tagger trained on the Wall Street
// Journal treebank, 2013, MIT): a gzipped table of the words the treebank
// tags one way ("W\tword\tTAG") and of every feature's weights per tag
// ("F\tfeature\tTAG=weight ...", weights in thousandths, as prose rounded
// them), in sorted order. Run it from package postag:
// go generate.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"

	"github.com/jdkato/prose/v2"
)

func main() {
	out := flag.String("out", "data/perceptron.tsv.gz", "the table to write")
	flag.Parse()
	if err := run(*out); err != nil {
		log.Fatal(err)
	}
}

// asset decodes one of prose's model files into v.
func asset(name string, v any) error {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	if err != nil {
		return fmt.Errorf("gen: %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("gen: decode %s: %w", name, err)
	}
	return nil
}

func run(out string) error {
	var known map[string]string
	var weights map[string]map[string]float64
	if err := asset("tags.gob", &known); err != nil {
		return err
	}
	if err := asset("weights.gob", &weights); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	w := bufio.NewWriter(zw)
	for _, word := range sortedKeys(known) {
		fmt.Fprintf(w, "W\t%s\t%s\n", word, known[word])
	}
	for _, feat := range sortedKeys(weights) {
		ws := weights[feat]
		fmt.Fprintf(w, "F\t%s\t", feat)
		for i, tag := range sortedKeys(ws) {
			if i > 0 {
				w.WriteByte(' ')
			}
			milli := math.Round(ws[tag] * 1000)
			if math.Abs(milli-ws[tag]*1000) > 1e-6 {
				return fmt.Errorf("gen: %s %s: weight %v has more than three decimals", feat, tag, ws[tag])
			}
			fmt.Fprintf(w, "%s=%d", tag, int64(milli))
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return f.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
