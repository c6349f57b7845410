package retrieval_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
)

// An index is kept in a store (here a folder), synced with a corpus folder, and searched.
func ExampleIndex() {
	tmp, err := os.MkdirTemp("", "newsbot-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	corpus := filepath.Join(tmp, "coverage")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "ferry.txt"), []byte("Ferry strike ends\n\nHALIFAX (CP) - Ferry workers returned to work on Monday after a two-week strike over pay.\n"), 0o644)

	st, err := local.Open(filepath.Join(tmp, "index"), local.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	rep, err := ix.Sync(context.Background(), corpus, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("added:", rep.Added)

	res, err := ix.Search(context.Background(), "How long did the ferry strike last?", retrieval.SearchOptions{K: 1})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res {
		fmt.Printf("%s:%d-%d %s\n", r.Source, r.FirstLine, r.LastLine, r.Title)
	}
	// Output:
	// added: [ferry.txt]
	// ferry.txt:1-3 Ferry strike ends
}
