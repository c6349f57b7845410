package retrieval

import (
	"os"
	"path/filepath"
	"testing"
)

// sotuCorpus is the public-domain corpus used for scale benchmarks; it lives
// beside the checkout and is never copied into the repository.
func sotuCorpus(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpora", "sotu")
	if d := os.Getenv("NEWSBOT_SOTU"); d != "" {
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("scale corpus not found at %s (set NEWSBOT_SOTU): %v", dir, err)
	}
	return dir
}
