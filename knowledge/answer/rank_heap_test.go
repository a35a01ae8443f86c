package answer

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBestCandidates checks the bounded heap against a full sort, ties
// included.
func TestBestCandidates(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 5, 199, 200, 201, 5000} {
		cs := make([]candidate, size)
		for i := range cs {
			cs[i] = candidate{sent: int32(i), stage: float64(r.Intn(50)) / 10}
		}
		want := append([]candidate(nil), cs...)
		sort.Slice(want, func(i, j int) bool { return want[i].before(want[j]) })
		if len(want) > 200 {
			want = want[:200]
		}
		got := bestCandidates(append([]candidate(nil), cs...), 200)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(candidate{})); diff != "" {
			t.Errorf("size %d: mismatch (-want +got):\n%s", size, diff)
		}
	}
}
