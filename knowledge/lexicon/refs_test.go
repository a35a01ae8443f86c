package lexicon

import (
	"slices"
	"strings"
	"testing"
)

func TestAcronymDefinition(t *testing.T) {
	for _, c := range []struct {
		text, acr, want string
	}{
		{"The Harbour and Coastal Pilots (HCP) union said it would strike.", "hcp", "Harbour and Coastal Pilots"},
		{"according to the Institute for Canal Studies (ICS).", "ICS", "Institute for Canal Studies"},
		{"The Association of Chief Lighthouse Keepers (Aclk) said", "aclk", "Association of Chief Lighthouse Keepers"},
		{"said the Weavers Union Council (WUC), which", "wuc", "Weavers Union Council"},
		{"the River and Canal Executive (RCE)", "rce", "River and Canal Executive"},
		{"a Commission for Tidal Energy (CTE) report", "cte", "Commission for Tidal Energy"},
		{"the Anti-Slavery Society (ASS)", "ass", "Anti-Slavery Society"},
	} {
		got, ok := AcronymDefinition(c.text, c.acr)
		if !ok || got != c.want {
			t.Errorf("AcronymDefinition(%q, %q) = %q, %v; want %q", c.text, c.acr, got, ok, c.want)
		}
	}
	for _, c := range []struct{ text, acr string }{
		{"the union (HCP) said", "hcp"},                     // no name before it
		{"The Coastal Pilots (HCP) union", "hcp"},           // initials do not spell it
		{"The Harbour and Coastal Pilots union", "hcp"},     // not spelled out
		{"the office (OCS) of the Office for Canal", "ocs"}, // lower-case words
	} {
		if got, ok := AcronymDefinition(c.text, c.acr); ok {
			t.Errorf("AcronymDefinition(%q, %q) = %q; want none", c.text, c.acr, got)
		}
	}
}

func TestLooksLikeAcronym(t *testing.T) {
	for w, want := range map[string]bool{"pcs": true, "ACPO": true, "g8": true, "a": false,
		"chancellor": false, "no.": false, "b&q": true} {
		if got := LooksLikeAcronym(w); got != want {
			t.Errorf("LooksLikeAcronym(%q) = %v; want %v", w, got, want)
		}
	}
}

func TestNicknames(t *testing.T) {
	for name, want := range map[string]string{"tories": "conservative party", "no 10": "downing street",
		"Fed": "federal reserve", "boe": "bank of england", "lib dems": "liberal democrats", "mod": "ministry of defence"} {
		got, ok := Canonical(name)
		if !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := Canonical("chancellor"); ok {
		t.Error("Canonical(chancellor) found a body")
	}
	if got := OtherNames("federal reserve"); !slices.Contains(got, "fed") || slices.Contains(got, "federal reserve") {
		t.Errorf("OtherNames(federal reserve) = %v; want fed and not itself", got)
	}
	// No name may stand for two bodies.
	seen := map[string]int{}
	for i, g := range Nicknames {
		for _, n := range g {
			if j, ok := seen[n]; ok && j != i {
				t.Errorf("%q is in two nickname groups", n)
			}
			seen[n] = i
		}
	}
}

func TestModifiers(t *testing.T) {
	if FoldRank("ex") != "former" || FoldRank("deputy") != "deputy" {
		t.Error("FoldRank: ex is former, deputy stays")
	}
	for w := range RankModifiers {
		if !TitleModifiers[w] && w != "under" && w != "co" && w != "sub" {
			t.Errorf("rank modifier %q is not a title modifier", w)
		}
	}
	for _, w := range []string{"chief", "boss", "head", "chairman"} {
		if !IsHead(w) {
			t.Errorf("IsHead(%q) = false", w)
		}
	}
	if got := Abbreviations["gov"]; len(got) != 2 || got[0] != "governor" {
		t.Errorf("gov expands to %v; want governor first", got)
	}
}

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{"harbour and coastal pilots": "hcp",
		"Association of Chief Lighthouse Keepers": "aclk", "oxfam": "", "the 1922 committee": ""} {
		if got := Initials(name); got != want {
			t.Errorf("Initials(%q) = %q; want %q", name, got, want)
		}
	}
}

func FuzzAcronymDefinition(f *testing.F) {
	f.Add("The Public and Commercial Services (PCS) union", "pcs")
	f.Add("Straße (SS) ẞ (ß)", "ss")
	f.Add("the Alpha  Beta\t(AB)", "ab")
	f.Fuzz(func(t *testing.T, text, acr string) {
		if name, ok := AcronymDefinition(text, acr); ok {
			for _, w := range strings.Fields(name) {
				if !strings.Contains(text, w) {
					t.Errorf("AcronymDefinition(%q, %q) = %q: %q is not in the text", text, acr, name, w)
				}
			}
		}
		Initials(text)
		LooksLikeAcronym(acr)
	})
}
