package lexicon

import "testing"

// TestCueForms checks the cue forms extraction reads: the literature's verbs in
// every inflection, the annotated forms with their sense, and no evidence verbs.
func TestCueForms(t *testing.T) {
	forms := CueForms()
	for form, want := range map[string]Cue{
		"said":       {"say", Speech},
		"criticised": {"criticize", Speech},
		"tweeted":    {"tweet", Speech},
		"asked":      {"ask", Speech},
		"thinks":     {"think", Belief},
		"hopes":      {"hope", Belief},
		"expects":    {"expect", Belief},
		"discussed":  {"discuss", Speech},
		"decided":    {"decide", Belief},
		"recalled":   {"recall", Speech},
		"boasting":   {"boast", Speech},
	} {
		if got, ok := forms[form]; !ok || got != want {
			t.Errorf("CueForms()[%q] = %v, %v; want %v", form, got, ok, want)
		}
	}
	for _, form := range []string{"showed", "found", "seemed", "declined", "statement", "also", "according", "posts", "thanks"} {
		if c, ok := forms[form]; ok {
			t.Errorf("CueForms()[%q] = %v; want no cue", form, c)
		}
	}
}

// TestLemmatize checks lemmas judged by the words known.
func TestLemmatize(t *testing.T) {
	known := func(w string) bool { return w == "deny" || w == "slam" || w == "note" || w == "tweet" }
	for form, want := range map[string]string{"denied": "deny", "slammed": "slam", "noting": "note", "tweets": "tweet", "told": "tell", "table": ""} {
		if got := Lemmatize(form, known); got != want {
			t.Errorf("Lemmatize(%q) = %q, want %q", form, got, want)
		}
	}
}
