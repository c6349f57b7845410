package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// lockDir takes the writer lock of the index folder: an OS lock on its
// LOCK file, which the OS drops when the process dies, so a crashed writer
// never leaves the folder locked.
func lockDir(ctx context.Context, dir string, wait bool) (func(), error) {
	path := filepath.Join(dir, "LOCK")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		// A read-only index: a lock works on a file opened for reading,
		// and where there is no LOCK file nothing can be written either,
		// so a sync that finds nothing to do may go ahead.
		if f, err = os.Open(path); err != nil {
			return func() {}, nil
		}
	}
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking the index: %w", err)
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if !wait {
			f.Close()
			return nil, retrieval.ErrLocked
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, errors.Join(retrieval.ErrLocked, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
