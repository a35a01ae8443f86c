//go:build !race

package main

// raceEnabled is set when the tests run under the race detector, which makes
// the pure-Go SQLite in the test process many times slower.
const raceEnabled = false
