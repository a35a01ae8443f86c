//go:build unix

package source

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe is unreadable even for root, and must not hang Load.
func TestLoadNamedPipe(t *testing.T) {
	checkBad(t, badCase{name: "pipe.txt", want: ErrUnreadable, setup: func(t *testing.T, dir string) {
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
			t.Skipf("cannot make a named pipe: %v", err)
		}
	}})
}
