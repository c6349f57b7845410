package extractive

import (
	"flag"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seedDir is the default corpus the tests answer from.
const seedDir = "../../seeds"

// heldoutDir is the evaluation's corpus of news the answerer was not
// tuned on.
var heldoutDir = filepath.Join("..", "eval", "testdata", "heldout")

// sharedThesaurus is loaded once per test binary: every answerer of the
// tests reads it and none writes it, and loading WordNet is the slow part
// of New (about a second with -race).
var sharedThesaurus = sync.OnceValue(func() *thesaurus.Thesaurus {
	th, err := thesaurus.Load()
	if err != nil {
		panic(err)
	}
	return th
})

// testAnswerer returns New(opt) over the shared thesaurus.
func testAnswerer(opt Options) *Answerer {
	opt.Thesaurus = sharedThesaurus()
	return New(opt)
}

// offlineBot is the default bot: the real index of corpus and the
// extractive answerer, checking quotes against the files.
func offlineBot(t testing.TB, corpus string) *bot.Bot {
	t.Helper()
	return bot.New(bottest.Index(t, corpus), testAnswerer(Options{}), bot.Options{Corpus: corpus})
}

// testLexicon returns the lexicon of a new answerer: WordNet's classes.
func testLexicon(t testing.TB) *lexicon {
	t.Helper()
	return testAnswerer(Options{}).lexicon
}

// sentence is text as a sentence of the passages, without its article.
func sentence(text string) *passageSentence {
	return &passageSentence{text: text, lower: strings.ToLower(text), toks: splitWords(text), common: map[string]bool{}}
}

// datedAll returns texts as passages of articles a.txt, b.txt, … all of
// date d.
func datedAll(texts []string, d time.Time) []retrieval.Result {
	var out []retrieval.Result
	for i, text := range texts {
		out = append(out, dated(string(rune('a'+i))+".txt", text, d))
	}
	return out
}

// checkAnswer checks an answer: want in it, or a refusal when want is "".
func checkAnswer(t *testing.T, question, text string, refused bool, want string) {
	t.Helper()
	switch {
	case want == "" && !refused:
		t.Errorf("%q: got %q, want a refusal", question, text)
	case want != "" && (refused || !strings.Contains(text, want)):
		t.Errorf("%q: got %q, want %q in it", question, text, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
