//go:build unix

package local

import (
	"os"
	"syscall"
)

// mapFile maps a file read-only into memory; its pages are read on first
// touch and shared with the page cache, so opening costs nothing per byte.
func mapFile(f *os.File, size int) ([]byte, func() error, error) {
	if size == 0 {
		return nil, func() error { return nil }, nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return b, func() error { return syscall.Munmap(b) }, nil
}
