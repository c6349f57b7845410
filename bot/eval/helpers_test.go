package eval

import (
	"flag"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/bot/extractive"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seedDir is the default corpus the tests answer from.
const seedDir = "../../seeds"

// offlineBot is the default bot: the real index of corpus and the
// extractive answerer, checking quotes against the files.
func offlineBot(t testing.TB, corpus string) *bot.Bot {
	t.Helper()
	return bot.New(bottest.Index(t, corpus), extractive.New(extractive.Options{Thesaurus: bottest.Thesaurus(t)}), bot.Options{Corpus: corpus})
}
