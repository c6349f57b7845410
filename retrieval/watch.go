package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// ErrCorpusGone is what Watch reports, once, when the corpus folder
// disappears (deleted, renamed, or a network drive gone); it keeps the
// index as it was and waits for the folder to come back.
var ErrCorpusGone = errors.New("the corpus folder is gone; the index is kept, waiting for the folder to come back")

// Watch keeps the index in step with the corpus folder until ctx is done:
// files created, written, renamed or removed anywhere under corpus trigger
// a Sync once the folder has been quiet for debounce (1s when <= 0), so a
// burst of writes costs one reindex. onSync, when non-nil, receives every
// sync's outcome. When the folder itself goes away, onSync gets
// ErrCorpusGone once and Watch checks every debounce for its return, then
// syncs and watches it again. Watch returns nil when ctx is cancelled.
//
// Each of its syncs takes the store's writer lock as Sync does, so other
// processes may sync the same store between them (`newsbot index` beside a
// watching bot): each finds done what the other did.
func (ix *Index) Watch(ctx context.Context, corpus string, debounce time.Duration, onSync func(SyncReport, error)) error {
	if debounce <= 0 {
		debounce = time.Second
	}
	if onSync == nil {
		onSync = func(SyncReport, error) {}
	}
	if !isDir(corpus) {
		return fmt.Errorf("watching %s: %w", corpus, ErrCorpusGone)
	}
	for {
		gone, err := ix.watchFolder(ctx, corpus, debounce, onSync)
		if err != nil || !gone {
			return err
		}
		onSync(SyncReport{}, ErrCorpusGone)
		// Poll: there is nothing to watch until the folder is back.
		tick := time.NewTicker(debounce)
		for !isDir(corpus) {
			select {
			case <-ctx.Done():
				tick.Stop()
				return nil
			case <-tick.C:
			}
		}
		tick.Stop()
		rep, err := ix.Sync(ctx, corpus, nil)
		if ctx.Err() != nil {
			return nil
		}
		onSync(rep, err)
	}
}

// watchFolder watches corpus until ctx is done (gone false) or the folder
// disappears (gone true).
func (ix *Index) watchFolder(ctx context.Context, corpus string, debounce time.Duration, onSync func(SyncReport, error)) (gone bool, err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return false, fmt.Errorf("watching %s: %w", corpus, err)
	}
	defer w.Close()
	if err := watchTree(w, corpus); err != nil {
		if !isDir(corpus) {
			return true, nil
		}
		return false, fmt.Errorf("watching %s: %w", corpus, err)
	}
	root := filepath.Clean(corpus)
	timer := time.NewTimer(debounce)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return false, nil
		case ev, ok := <-w.Events:
			if !ok {
				return false, nil
			}
			if filepath.Clean(ev.Name) == root && ev.Has(fsnotify.Remove|fsnotify.Rename) && !isDir(corpus) {
				return true, nil
			}
			if hiddenUnder(corpus, ev.Name) && filepath.Base(ev.Name) != IgnoreFile {
				continue
			}
			// New folders must be watched too: fsnotify is not recursive.
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					if err := watchTree(w, ev.Name); err != nil {
						ix.log.Warn("watching new folder", "dir", ev.Name, "err", err)
					}
				}
			}
			timer.Reset(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return false, nil
			}
			ix.log.Warn("file watcher", "err", err)
			timer.Reset(debounce)
		case <-timer.C:
			if !isDir(corpus) { // e.g. a network drive gone without an event
				return true, nil
			}
			rep, err := ix.Sync(ctx, corpus, nil)
			if ctx.Err() != nil {
				return false, nil
			}
			if err != nil && !isDir(corpus) {
				return true, nil
			}
			onSync(rep, err)
		}
	}
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// watchTree adds root and every non-hidden folder below it to w.
func watchTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(path)
	})
}

// hiddenUnder reports whether path lies in a hidden file or folder below
// root, such as an editor's swap file or the index itself.
func hiddenUnder(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}
