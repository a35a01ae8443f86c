package answer

import "testing"

// TestEditDistanceFloor checks that the letter-count floor never rejects a
// pair within the limit: the bounded distance agrees with the full one on
// every pair of some invented names, misspelt and not.
func TestEditDistanceFloor(t *testing.T) {
	names := []string{"velmar", "velmra", "vlemar", "orrin", "orin", "orrinn", "tessaly", "tesally",
		"anna", "nana", "naan", "brekov", "brekoff", "bjørn", "björn", "bjorn", "", "a", "ab", "ba"}
	for _, a := range names {
		for _, b := range names {
			full := editDistance(a, b, 100)
			for limit := 1; limit <= 2; limit++ {
				got := editDistance(a, b, limit)
				if (got <= limit) != (full <= limit) || got <= limit && got != full {
					t.Errorf("editDistance(%q, %q, %d) = %d, full distance %d", a, b, limit, got, full)
				}
			}
		}
	}
}
