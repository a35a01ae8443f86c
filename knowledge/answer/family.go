package answer

import "strings"

// useFamilies lets search match a question word's word family.
const useFamilies = true

// minFamilyRoot is the least length of the shorter stem of a word family: "part"
// and "parti" would be one family, "law" and "lawyer" are not tried.
const minFamilyRoot = 4

// familyEndings are the derivational endings (on stems) that join a word to
// its family: "worker" to "work", "safeti" to "safe", "investor" to
// "invest", "growth" to "grow". The "r" after an "e" makes "voter" "vote"'s,
// the "t" after an "n" "complaint" "complain"'s.
var familyEndings = set("er", "or", "ti", "iti", "ment", "ist", "th", "al", "ion",
	"ation", "ant", "ent", "ism", "ive", "ship")

// sameFamily reports whether two stems are of one word family: one is the
// other with a derivational ending (familyEndings).
func sameFamily(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < minFamilyRoot || a == b || !strings.HasPrefix(b, a) {
		return false
	}
	end := b[len(a):]
	switch {
	case familyEndings[end]:
		return true
	case end == "r":
		return strings.HasSuffix(a, "e")
	case end == "t":
		return strings.HasSuffix(a, "n")
	}
	return false
}

// withFamilies adds to each group, as alternatives, the stems of its word
// family (sameFamily) that some sentence holds: "worker" finds "work",
// "safety" "safe".
func withFamilies(ri *rankIndex, gs []termGroup) []termGroup {
	for gi := range gs {
		g := &gs[gi]
		for _, f := range familyOf(g.main) {
			if _, ok := ri.ids[f]; ok && !contains(g.alts, f) {
				g.alts = append(g.alts, f)
			}
		}
	}
	return gs
}

// familyOf lists the stems that may be of a stem's word family: it with a
// derivational ending, and it without one.
func familyOf(s string) []string {
	var out []string
	add := func(f string) {
		if sameFamily(s, f) {
			out = append(out, f)
		}
	}
	for end := range familyEndings {
		add(s + end)
		if base, ok := strings.CutSuffix(s, end); ok {
			add(base)
		}
	}
	add(s + "r")
	add(s + "t")
	add(strings.TrimSuffix(s, "r"))
	add(strings.TrimSuffix(s, "t"))
	return out
}
