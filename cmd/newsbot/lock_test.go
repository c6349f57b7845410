//go:build linux

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot/newsbot/retrieval/storetest"

	"golang.org/x/sys/unix"
)

// noteWriter is a stderr that signals when a line containing note is
// written.
type noteWriter struct {
	note string
	seen chan struct{}
	once sync.Once
	mu   sync.Mutex
	b    bytes.Buffer
}

func (w *noteWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if strings.Contains(w.b.String(), w.note) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

func (w *noteWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestWriterWaitsWithANote holds the index's writer lock, as another
// newsbot in the middle of a sync would: ask says once that it waits,
// and answers when the lock is released.
func TestWriterWaitsWithANote(t *testing.T) {
	corpus, index := storetest.CopySeeds(t), filepath.Join(t.TempDir(), "index")
	args := []string{"--corpus", corpus, "--index", index}
	if _, stderr, err := newsbot(t, "", append([]string{"index"}, args...)...); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	lock, err := os.OpenFile(filepath.Join(index, "LOCK"), os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("the index has no lock file: %v", err)
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		t.Fatal(err)
	}

	stderr := &noteWriter{note: "waiting for another newsbot to finish updating the index in " + index + "\n", seen: make(chan struct{})}
	var stdout bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(context.Background(), append(append([]string{"ask"}, args...), "Who is the NATO spokesperson?"),
			func(string) string { return "" }, strings.NewReader(""), &stdout, stderr)
	}()
	select {
	case <-stderr.seen:
	case err := <-done:
		t.Fatalf("ask finished without waiting for the lock: %v\n%s", err, stderr)
	}
	lock.Close()
	if err := <-done; err != nil || !strings.Contains(stdout.String(), "Appathurai") {
		t.Fatalf("ask after the lock was released = %q, %v; want an answer\n%s", stdout.String(), err, stderr)
	}
	if n := strings.Count(stderr.String(), "waiting for"); n != 1 {
		t.Errorf("stderr has %d notes of waiting, want 1:\n%s", n, stderr)
	}
}
