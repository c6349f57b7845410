package extractive

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// devDir holds the articles written for questions about the whole
// coverage: a fire reported by two outlets (with a wire update that
// changes one figure) and a film festival two years running.
var devDir = filepath.Join("..", "eval", "testdata", "dev")

func TestCoverageAnswers(t *testing.T) {
	b := offlineBot(t, devDir)
	for _, tt := range []struct {
		q       string
		want    []string // in the answer text
		sources []string // cited, at least
		not     []string // never in the answer
	}{
		{"What articles are in the coverage?",
			[]string{"The coverage holds 9 articles", "Three killed in Riverton chemical plant fire (2023-05-10, Valley Ledger, RIVERTON, By Tom Reilly; fire/2023-05-10-riverton-fire-ledger.txt)"},
			[]string{"fire/2023-05-10-riverton-fire-ledger.txt", "arts/2023-03-01-northlight-results.txt"}, nil},
		{"Who is quoted about the Riverton fire?",
			[]string{"Dana Okafor", "- Irene Vasquez", "- Lucia Brandt", "- Gareth Pryce", "Miriam Solberg", `"This was not an accident waiting to happen`},
			[]string{"fire/2024-05-21-halvorsen-fined.txt", "fire/2023-06-02-union-demands-inquiry.md"}, []string{"Marguerite Leblanc", "Riverton:"}},
		{"What do the sources disagree about on the Halvorsen fire?",
			[]string{"The sources differ", "Twenty-one vs Twelve", "Three workers vs Four workers", "Four workers died", "Northern Press (2023-05-11)"},
			[]string{"fire/2023-05-10-riverton-fire-ledger.txt", "fire/2023-05-10-riverton-fire-wire.txt", "fire/2023-05-11-riverton-fire-wire-update.txt"}, []string{"240 vs"}},
		{"Give me a timeline of the Halvorsen fire.",
			[]string{"May 9, 2023: RIVERTON (Valley Ledger) - Three workers were killed on Tuesday", "(Valley Ledger, 2023-05-10)", "(Valley Ledger, 2024-05-21)"},
			[]string{"fire/2023-06-02-union-demands-inquiry.md"}, []string{"Salt Roads"}},
		{"When was each article published?",
			[]string{"2021-09-12 (September 12, 2021):", "2024-05-21 (May 21, 2024):"}, []string{"arts/2021-09-12-lakeshore-film-prize.txt"}, nil},
	} {
		t.Run(tt.q, func(t *testing.T) {
			a := checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not)
			if a.Note != "" {
				t.Errorf("note = %q, want every quote found in its file", a.Note)
			}
		})
	}
}

// NATO's wish is what the question asks about, not a yes: Cannon's
// answer that Ottawa would not change its mind answers it, and the wish
// follows it.
func TestYesNoAnsweredByRefusal(t *testing.T) {
	a, err := offlineBot(t, seedDir).Ask(t.Context(), nil, "Did Canada agree to extend its mission?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(firstQuote(a.Text), "Ottawa would not change its mind") || !strings.Contains(a.Text, "wanted Canada to extend") || strings.Contains(a.Text, "For:") {
		t.Errorf("got %s\nwant Cannon's answer first, then NATO's wish, and no \"For:\"", a.Text)
	}
}

func TestQuestionShapes(t *testing.T) {
	b := offlineBot(t, devDir)
	for _, tt := range []struct{ q, want, not string }{
		{"Who was the runner-up at the 2021 festival?", "Copper Sky", "Night Ferry"},
		{"Who directed The Glass Orchard?", "Tomasz Wierzbicki", "Marguerite Leblanc"},
		{"Which film won the People's Choice Award in 2022?", "The Glass Orchard", "Salt Roads\", a drama"},
		{"Who will play Maud in the Salt Roads series?", "Noor Haddad", ""},
	} {
		a, err := b.Ask(t.Context(), nil, tt.q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Text, tt.want) || tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%s\n= %s\nwant %q, not %q", tt.q, a.Text, tt.want, tt.not)
		}
	}
}

// A question about the whole coverage is a new topic: it does not carry
// over the conversation's earlier question.
func TestCoverageEndsFollowUp(t *testing.T) {
	b := offlineBot(t, seedDir)
	conv := bot.NewConversation(4)
	if _, err := b.Ask(t.Context(), conv, "What did Cannon say?", nil); err != nil {
		t.Fatal(err)
	}
	a, err := b.Ask(t.Context(), conv, "summarize the coverage", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "The coverage holds 3 articles") || len(a.Cited()) != 3 {
		t.Errorf("answer = %q, want a summary citing all three articles", a.Text)
	}
}

// A quotation attributed by a pronoun is the words of the person named
// just before it.
func TestPronounQuote(t *testing.T) {
	a, err := offlineBot(t, seedDir).Ask(t.Context(), nil, "What did Rasmussen say about terrorists?", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "safe haven for terrorists") {
		t.Errorf("answer = %q, want Rasmussen's words on terrorists", a.Text)
	}
}

// dev3Dir holds the third round's articles: a drought over two summers
// (a wire story and a republished copy changing one figure, an HTML page
// giving another start date, a Q/A interview, an undated explainer) and a
// chess tournament's three editions.
var dev3Dir = filepath.Join("..", "eval", "testdata", "dev3cov")

func TestCoverageAnswersRound3(t *testing.T) {
	b := offlineBot(t, dev3Dir)
	for _, tt := range []struct {
		q       string
		want    []string // in the answer text
		sources []string // cited, at least
		not     []string // never in the answer
	}{
		{"Who is quoted in these articles?",
			// a surname alone, whose full name another article gives; a
			// name after its title and a comma; an appositive before the
			// verb; the interviewee's answers.
			[]string{"- Henrik Aas", "- Emeka Obi", "- Anita Rowe", `"We cannot rely on one reservoir`, "I cannot rule it out."},
			[]string{"water/2022-09-02-caldbeck-reservoir.html", "water/2023-03-14-abernethy-interview.md", "water/why-the-valley-runs-dry.txt", "chess/norderby-open-2024.md"},
			[]string{"Harrow Water:"}},
		{"What do the sources disagree about?",
			[]string{"84,000 households vs 86,000 households", "July 22 vs July 23", "Reports further apart in time"},
			[]string{"water/hosepipe-ban-valley-courier.txt", "water/2022-09-02-caldbeck-reservoir.html"},
			[]string{"150,000", "1964 vs"}},
		{"Give me a timeline of the Harrow Valley drought.",
			[]string{"Undated articles", "(Meridian News Service, 2023-08-08)", "July 22 vs July 23"},
			[]string{"water/why-the-valley-runs-dry.txt", "water/2023-03-14-abernethy-interview.md"},
			[]string{"Norderby"}},
		{"Trace Tobias Lindqvist's history with the Norderby Open year by year.",
			[]string{"2022-10-03", "2023-10-02", "withdrew after four rounds"},
			[]string{"chess/2022-10-03-norderby-open.txt", "chess/norderby-open-2024.md"},
			[]string{"Harrow"}},
	} {
		t.Run(tt.q, func(t *testing.T) {
			checkCoverage(t, b, tt.q, tt.want, tt.sources, tt.not)
		})
	}
}

// checkCoverage asks q and checks that the answer holds every string of
// want and none of not, and cites every one of sources.
func checkCoverage(t *testing.T, b *bot.Bot, q string, want, sources, not []string) bot.Answer {
	t.Helper()
	a, err := b.Ask(t.Context(), nil, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(a.Text, w) {
			t.Errorf("answer lacks %q:\n%s", w, a.Text)
		}
	}
	for _, w := range not {
		if strings.Contains(a.Text, w) {
			t.Errorf("answer holds %q:\n%s", w, a.Text)
		}
	}
	cited := map[string]bool{}
	for _, c := range a.Cited() {
		cited[c.Source] = true
	}
	for _, s := range sources {
		if !cited[s] {
			t.Errorf("answer cites no %s:\n%s", s, a.Text)
		}
	}
	return a
}

// The seeds are undated, so nothing says two of their reports are of the
// same days: figures far apart in value count different things ("the
// 1,000 troops needed" is no count of "the 2,700-strong mission").
func TestSeedsDisagreements(t *testing.T) {
	checkCoverage(t, offlineBot(t, seedDir), "What do the sources disagree about?",
		[]string{"2,500 vs 2,700", "February 2009 vs 2011"},
		[]string{"000_7b664699113ac3fb.txt", "001_b7e1029fb9729208.txt", "002_6b9d529eae85757d.txt"},
		[]string{"1,000 vs"})
}
