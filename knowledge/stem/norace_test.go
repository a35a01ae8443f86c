//go:build !race

package stem

// raceEnabled reports whether the race detector is on; it slows SQLite down
// some twentyfold.
const raceEnabled = false
