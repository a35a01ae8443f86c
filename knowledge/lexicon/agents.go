package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

// The agent nouns are the WordNet lemmas (of the paraphrase table) whose first
// sense reaches, within ten hypernyms, a person, people, a group or an
// organisation: kinds that can say things. Made by internal/genagents, so that
// extraction need not parse the whole table. Being derived from WordNet, it
// is distributed under WordNet's licence (data/LICENSE-WordNet.txt).
//
//go:generate go run ./internal/genagents -in data/wordnet.tsv.gz -out data/agents.txt.gz

//go:embed data/agents.txt.gz
var agentTable []byte

var (
	agentsOnce sync.Once
	agents     map[string]bool
)

// IsAgentNoun reports whether a lower-case noun (maybe plural) names, in its
// first WordNet sense, a kind of person or of a body of people, who can say
// things: "candidates", "critic", "woman", "company"; not "documentary",
// "report" or "campaign".
func IsAgentNoun(w string) bool {
	agentsOnce.Do(func() {
		agents = map[string]bool{}
		eachLine(agentTable, "agent-noun", func(line string) { agents[line] = true })
	})
	for _, b := range nounBases(w) {
		if agents[b] {
			return true
		}
	}
	return false
}

// nounBases are the singulars a noun may be the plural of, itself first:
// "critics", "critic"; "women", "woman"; "parties", "party".
func nounBases(w string) []string {
	out := []string{w}
	for _, r := range [][2]string{{"ies", "y"}, {"men", "man"}, {"ses", "s"}, {"es", ""}, {"s", ""}} {
		if b, ok := strings.CutSuffix(w, r[0]); ok && len(b) >= 2 {
			out = append(out, b+r[1])
		}
	}
	return out
}
