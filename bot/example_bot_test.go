package bot_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/extractive"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
)

// The offline bot: a real index of the seed articles and the extractive
// answerer, which quotes the coverage with citations.
func ExampleBot_Ask() {
	dir, err := os.MkdirTemp("", "newsbot-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := local.Open(dir, local.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ix, err := retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), "../seeds", nil); err != nil {
		log.Fatal(err)
	}
	b := bot.New(ix, extractive.New(extractive.Options{}), bot.Options{Corpus: "../seeds"})

	a, err := b.Ask(context.Background(), nil, "Who is the NATO spokesperson?", nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range a.Citations {
		fmt.Printf("[%d] %s:%d\n", c.N, c.Source, c.Lines[0])
	}
	a, _ = b.Ask(context.Background(), nil, "What is the population of Toronto?", nil)
	fmt.Println(a.Text, a.Refused)
	// Output:
	// [1] 000_7b664699113ac3fb.txt:3
	// The coverage doesn't say. true
}
