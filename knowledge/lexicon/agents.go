package lexicon

// agentRoots are the WordNet nouns whose kinds can speak: people, and the
// groups and institutions they form.
var agentRoots = refSet("person", "people", "organization", "organisation", "group", "social_group")

// agentDepth is how far up WordNet's hypernyms IsAgentNoun looks.
const agentDepth = 10

// IsAgentNoun reports whether a lower-case noun (maybe plural) names, in its
// first WordNet sense, a kind of person or of a body of people, who can say
// things: "candidates", "critic", "woman", "company"; not "documentary",
// "report" or "campaign".
func IsAgentNoun(w string) bool {
	p := wordnet()
	l := p.lemma(w)
	if l == "" {
		return false
	}
	seen := map[string]bool{l: true}
	frontier := []string{l}
	for d := 0; d < agentDepth && len(frontier) > 0; d++ {
		var next []string
		for _, x := range frontier {
			for _, h := range p.hyper[x] {
				if agentRoots[h] {
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
