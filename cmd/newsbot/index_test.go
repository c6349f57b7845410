package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval/storetest"
)

// TestDamagedSegmentReportedOnce damages a segment of the index: the next
// command says so once, on one line, and answers.
func TestDamagedSegmentReportedOnce(t *testing.T) {
	corpus, index := storetest.CopySeeds(t), filepath.Join(t.TempDir(), "index")
	args := []string{"--corpus", corpus, "--index", index}
	if _, stderr, err := newsbot(t, "", append([]string{"index"}, args...)...); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	segs, err := filepath.Glob(filepath.Join(index, "segments", "*.seg"))
	if err != nil || len(segs) != 3 {
		t.Fatalf("segments = %v, %v; want 3", segs, err)
	}
	if err := os.Truncate(segs[0], 100); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := newsbot(t, "", append(append([]string{"ask"}, args...), "Who is the NATO spokesperson?")...)
	if err != nil || !strings.Contains(out, "Appathurai") {
		t.Fatalf("ask = %q, %v; want an answer\n%s", out, err, stderr)
	}
	if n := strings.Count(stderr, filepath.Base(segs[0])); n != 1 {
		t.Errorf("stderr names the damaged segment %d times, want once:\n%s", n, stderr)
	}
}
