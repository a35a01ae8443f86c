//go:build linux

package library_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestFullDiskDuringReload puts the store on a tiny file system (a tmpfs of
// 1 MiB, which needs root; skipped otherwise) and reloads a briefing too big
// to fit: the reload fails saying the disk is full, the old knowledge keeps
// serving (that of the changed briefing too), and once the big briefing is
// gone a reload succeeds again, on the same store.
func TestFullDiskDuringReload(t *testing.T) {
	mnt := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=1024k,mode=0755"); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, 0); err != nil {
			t.Errorf("unmount %s: %v", mnt, err)
		}
	})
	rbFullDisk(t, filepath.Join(mnt, "briefbot.db"))
}
