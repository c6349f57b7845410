//go:build !unix

package local

import "os"

// Without flock, writers are not excluded across processes here.
func tryLock(f *os.File) (bool, error) { return true, nil }

func unlockFile(f *os.File) {}
