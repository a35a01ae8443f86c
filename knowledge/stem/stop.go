package stem

import "strings"

// stopWords are the English function words Stop recognises, as written (Stop
// matches their stems). Words that double as common content words in news and
// encyclopedia text are left out: "us" (the US), "may" (the month, whose stem
// "mai" it shares), "won" (from "won't"), "one" and the other numbers.
// Contraction remnants such as the "s" of "Korea's" and the "t" of "don't" are
// in, because the tokenizer splits at apostrophes.
var stopWords = strings.Fields(`
	a an the this that these those some any each every either neither no all
	both few many much more most other another such own same

	i me my myself we our ours you your yours yourself he him his himself
	she her hers herself it its itself they them their theirs themselves

	what which who whom whose when where why how

	be am is are was were been being have has had having do does did doing
	done will would shall should can could might must

	about above across after against along among around at before behind
	below beside between beyond by despite down during except for from in
	into near of off on onto out over since through throughout to toward
	towards under until up upon via with within without

	and or but nor so yet if then than because as although though while
	whether unless whereas

	not very too also just only even ever here there again else thus

	s t d ll m re ve don doesn didn isn wasn
`)

// stopTerms holds the stems of stopWords.
var stopTerms = func() map[string]struct{} {
	m := make(map[string]struct{}, len(stopWords))
	for _, w := range stopWords {
		m[Porter(w)] = struct{}{}
	}
	return m
}()

// Stop reports whether term, a stemmed term as Terms returns it, is an English
// function word ("the", "of", "and", "wa" from "was", "doe" from "does", "s"
// from "Korea's"): some 170 closed-class words that say little about what a
// sentence is about.
func Stop(term string) bool {
	_, ok := stopTerms[term]
	return ok
}
