package bot

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update makes golden-file tests rewrite their files under testdata.
var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// checkGolden compares got with the file at testdata/name, rewriting the
// file instead when -update is given.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update if intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
