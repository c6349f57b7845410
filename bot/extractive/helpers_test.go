package extractive

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seedDir is the default corpus the tests answer from.
const seedDir = "../../seeds"

// heldoutDir is the evaluation's corpus of news the answerer was not
// tuned on.
var heldoutDir = filepath.Join("..", "eval", "testdata", "heldout")

// offlineBot is the default bot: the real index of corpus and the
// extractive answerer, checking quotes against the files.
func offlineBot(t testing.TB, corpus string) *bot.Bot {
	t.Helper()
	return bot.New(bottest.Index(t, corpus), New(Options{}), bot.Options{Corpus: corpus})
}

// testLexicon returns the lexicon of a new answerer: WordNet's classes.
func testLexicon(t testing.TB) *lexicon {
	t.Helper()
	return New(Options{}).lexicon
}

// sentence is text as a sentence of the passages, without its article.
func sentence(text string) *passageSentence {
	return &passageSentence{text: text, lower: strings.ToLower(text), toks: splitWords(text), common: map[string]bool{}}
}
