package extractive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/retrieval"
)

// seedPassages returns the passages of the seed coverage retrieved for
// question, best first, as the Bot would hand them to an Answerer.
//
// It uses the real hybrid search over a fresh index of the seeds.
func seedPassages(t testing.TB, question string) []retrieval.Result {
	t.Helper()
	res, err := bottest.Index(t, seedDir).Search(context.Background(), question, retrieval.SearchOptions{K: bot.DefaultK})
	if err != nil {
		t.Fatalf("Search(%q): %v", question, err)
	}
	return res
}

// ask answers question over the seed passages with the default options.
func ask(t testing.TB, e *Answerer, question string) bot.Answer {
	t.Helper()
	a, err := e.Answer(context.Background(), bot.Request{Question: question, Standalone: question, Passages: seedPassages(t, question)})
	if err != nil {
		t.Fatalf("Answer(%q) error: %v", question, err)
	}
	return a
}

// checkCitations fails unless a is a well-formed extractive answer: one
// to three citations numbered 1.. in the order of their markers, each
// quoting its source file verbatim at the lines it names, with no sentence
// quoted twice.
func checkCitations(t *testing.T, a bot.Answer) {
	t.Helper()
	if a.Mode != bot.ModeExtractive {
		t.Errorf("Answer(%q).Mode = %q, want %q", a.Question, a.Mode, bot.ModeExtractive)
	}
	if len(a.Citations) < 1 || len(a.Citations) > 3 {
		t.Fatalf("Answer(%q) has %d citations, want 1 to 3: %s", a.Question, len(a.Citations), a.Text)
	}
	last := -1
	quotes := make(map[string]bool)
	for i, c := range a.Citations {
		if c.N != i+1 {
			t.Errorf("Answer(%q).Citations[%d].N = %d, want %d", a.Question, i, c.N, i+1)
		}
		marker := "[" + strconv.Itoa(c.N) + "]"
		at := strings.Index(a.Text, marker)
		if at <= last {
			t.Errorf("Answer(%q): marker %s at %d, want after %d in %q", a.Question, marker, at, last, a.Text)
		}
		last = at
		if quotes[c.Source+c.Quote] {
			t.Errorf("Answer(%q) quotes %q twice", a.Question, c.Quote)
		}
		quotes[c.Source+c.Quote] = true
		if c.Quote != strings.TrimSpace(c.Quote) || c.Quote == "" {
			t.Errorf("Answer(%q).Citations[%d].Quote = %q, want a trimmed sentence", a.Question, i, c.Quote)
		}
		if !strings.Contains(a.Text, strings.Join(strings.Fields(c.Quote), " ")+" "+marker) {
			t.Errorf("Answer(%q).Text = %q, want it to hold the quote %q followed by %s", a.Question, a.Text, c.Quote, marker)
		}
		data, err := os.ReadFile(filepath.Join(seedDir, c.Source))
		if err != nil {
			t.Fatalf("citation %d of %q: %v", c.N, a.Question, err)
		}
		lines := strings.Split(string(data), "\n")
		if c.Lines[0] < 1 || c.Lines[1] < c.Lines[0] || c.Lines[1] > len(lines) {
			t.Fatalf("Answer(%q).Citations[%d].Lines = %v, want within 1..%d", a.Question, i, c.Lines, len(lines))
		}
		cited := strings.Join(lines[c.Lines[0]-1:c.Lines[1]], "\n")
		if !strings.Contains(cited, c.Quote) {
			t.Errorf("%s lines %v = %q, want them to hold the quote %q", c.Source, c.Lines, cited, c.Quote)
		}
		// The quote starts on its first line and ends on its last.
		qlines := strings.Split(c.Quote, "\n")
		if !strings.Contains(lines[c.Lines[0]-1], qlines[0]) || !strings.Contains(lines[c.Lines[1]-1], qlines[len(qlines)-1]) {
			t.Errorf("%s lines %v = %q, want the quote %q to start on the first and end on the last", c.Source, c.Lines, cited, c.Quote)
		}
	}
	if strings.Contains(a.Text, "  ") {
		t.Errorf("Answer(%q).Text = %q, want no doubled spaces", a.Question, a.Text)
	}
}

// Seed files, for readability of the cases.
const (
	ctv2008     = "000_7b664699113ac3fb.txt" // CTV, NATO talks in Brussels, 2008
	reuters2008 = "001_b7e1029fb9729208.txt" // Reuters, Vilnius, 2008
	reuters2009 = "002_6b9d529eae85757d.txt" // Reuters, Ottawa, 2009
)

// answerCase is a seed question and what its answer must hold.
type answerCase struct {
	question string
	sources  []string // any of them may be cited first
	want     []string // in the answer
}

// answerCases are questions the seeds answer, asked as users do.
func answerCases() []answerCase {
	return []answerCase{
		// who
		{"Who is the NATO spokesperson?", []string{ctv2008}, []string{"James Appathurai"}},
		{"Which official spoke for NATO?", []string{ctv2008}, []string{"Appathurai"}},
		{"Name the French foreign minister.", []string{ctv2008}, []string{"Bernard Kouchner"}},
		{"Who will make the final decision on the French troops?", []string{ctv2008}, []string{"Sarkozy"}},
		{"Who is Canada's foreign minister?", []string{reuters2009}, []string{"Lawrence Cannon"}},
		{"Which Canadian defence minister spoke to reporters in Vilnius?", []string{reuters2008}, []string{"MacKay"}},
		// how many / how much
		{"How many soldiers has Canada lost?", []string{reuters2009}, []string{"127 soldiers"}},
		{"What is the size of the NATO-led force?", []string{reuters2008}, []string{"43,000-strong"}},
		{"How large is the NATO force in Afghanistan?", []string{reuters2008}, []string{"43,000-strong"}},
		{"What number of troops has France got in Kabul?", []string{reuters2008}, []string{"1,500 troops"}},
		{"How many French troops might be transferred to the south?", []string{reuters2008}, []string{"700 French troops"}},
		{"How many ministers are taking part in the NATO talks?", []string{ctv2008}, []string{"26 ministers"}},
		{"How long will the Canadian army need to recover?", []string{reuters2009}, []string{"18 months"}},
		// when
		{"By when must NATO provide the extra troops?", []string{ctv2008, reuters2008}, []string{"February"}},
		{"When is the next NATO summit?", []string{ctv2008, reuters2008}, []string{"April"}},
		{"When will Canada hold a parliamentary vote of confidence on the mission?", []string{reuters2008}, []string{"late March"}},
		{"Since what year has Canada had troops in Afghanistan?", []string{reuters2009}, []string{"2002"}},
		// where
		{"Where is NATO's headquarters?", []string{ctv2008}, []string{"Brussels"}},
		{"Where will the NATO summit be held?", []string{ctv2008, reuters2008}, []string{"Bucharest"}},
		{"Where are most French troops in Afghanistan based?", []string{reuters2008}, []string{"Kabul"}},
		// what / why / how
		{"Why does Canada want more NATO troops?", []string{ctv2008}, []string{"shouldering too much of the combat load"}},
		{"What did Rasmussen say he would regret?", []string{reuters2009}, []string{"strongly regret"}},
		{"What does Canada's government say about leaving Afghanistan in 2011?", []string{reuters2009}, []string{"2011"}},
		{"What did Canada send to Paris?", []string{reuters2008}, []string{"senior officials"}},
		{"What might Canadian troops do once the combat mission is over?", []string{reuters2009}, []string{"train their Afghan counterparts"}},
		// Paraphrased: "the alliance" for NATO, "country" for nations.
		{"Which country privately told Canada it would welcome a longer stay?", []string{reuters2009}, []string{"United States"}},
		{"Who is the prime minister of Canada?", []string{ctv2008}, []string{"Stephen Harper"}},
		// A role or a surname is completed by the sentence naming the
		// person in full; a decision not taken names no one.
		{"Who is NATO's new chief?", []string{reuters2009}, []string{"Anders Fogh Rasmussen"}},
		{"Who will decide where French troops go?", []string{ctv2008}, []string{"Nicolas Sarkozy"}},
		// The credit cut off its caption, and the byline.
		{"Who took the photo of the Canadian soldier?", []string{reuters2009}, []string{"REUTERS/Jorge Silva"}},
		{"Which reporter wrote the story about Rasmussen?", []string{reuters2009}, []string{"David Ljunggren"}},
		// A figure counts the noun that follows it; the sentence before
		// holds the rest ("NATO talks ... 26 ministers").
		{"How many ministers attended the NATO talks?", []string{ctv2008}, []string{"26 ministers"}},
		{"What is the size of the French force in Afghanistan?", []string{reuters2008}, []string{"1,500 troops"}},
		{"How long has Canada been in Afghanistan?", []string{reuters2009}, []string{"since first sending troops"}},
	}
}

// Paraphrases that only the hand-made synonym table bridged (heads for
// secretary-general, the alliance for NATO, head of government for prime
// minister, meeting for talks), which WordNet does not relate; the
// table is gone (the guide: language knowledge is learned or sourced),
// and these are answered wrongly or refused:
//
//	Who heads NATO according to the 2009 report?
//	When do alliance leaders meet in Bucharest?
//	Which head of government says Canada bears too much of the fighting?
//	Where were the ministers meeting?

func TestExtractiveAnswers(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range answerCases() {
		t.Run(tt.question, func(t *testing.T) {
			a := ask(t, e, tt.question)
			if a.Refused {
				t.Fatalf("Answer(%q) refused, want an answer from %q", tt.question, tt.sources)
			}
			checkCitations(t, a)
			if got := a.Citations[0].Source; !slices.Contains(tt.sources, got) {
				t.Errorf("Answer(%q) first cites %s, want one of %q: %s", tt.question, got, tt.sources, a.Text)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("Answer(%q) = %q, want it to contain %q", tt.question, a.Text, w)
				}
			}
		})
	}
}

// refusalCases are questions the seeds do not answer.
func refusalCases() []string {
	return []string{
		"What is the population of Toronto?",
		"Who won the 2008 Super Bowl?",
		"What did Germany's chancellor say?",
		"What is the capital of Australia?",
		"How much does a barrel of oil cost?",
		"What is the weather like in Kandahar tomorrow?",
		"What happened in 2010?",
		"When did the Berlin Wall fall?",
		"How many tanks does Canada have in Kandahar?",
		"What is the unemployment rate in Canada?",
		"Who is the mayor of Kandahar?",
		// The head noun is in the coverage, but never with its complement.
		"Who is the president of Afghanistan?",
		"Who is the king of France?",
		// Figures abound, but none is money.
		"How much will the French deployment cost?",
		"Why?",
		// Names of different articles: no article answers.
		"What did Harper say about Rasmussen?",
		"Where did Kouchner meet Morin?",
		// Its terms are in the coverage, but no sentence holds two of them.
		"What is the burden of the summit?",
		// Figures abound, but they count the dead, the present, the
		// extra: none counts what was asked.
		"How many Canadian soldiers were injured?",
		"How many French troops have been killed?",
		"How many NATO soldiers have been wounded in Afghanistan?",
		// Decisions not taken, or to come, have no date.
		"On what date did France decide to send troops to Kandahar?",
		"When did Canada decide to withdraw?",
		// The army and a leader are in the coverage, never together.
		"Who leads the Canadian army?",
	}
}

func TestExtractiveRefuses(t *testing.T) {
	e := testAnswerer(Options{})
	for _, q := range refusalCases() {
		t.Run(q, func(t *testing.T) {
			a := ask(t, e, q)
			if !a.Refused || a.Text != bot.RefusalText || len(a.Citations) != 0 {
				t.Errorf("Answer(%q) = %q (refused %v, %d citations), want the refusal %q with no citations",
					q, a.Text, a.Refused, len(a.Citations), bot.RefusalText)
			}
			if a.Mode != bot.ModeExtractive {
				t.Errorf("Answer(%q).Mode = %q, want %q", q, a.Mode, bot.ModeExtractive)
			}
		})
	}
}

func TestExtractiveDisagreement(t *testing.T) {
	e := testAnswerer(Options{})
	tests := []struct {
		question string
		want     [2][]string // per side: one of these figures or dates
	}{
		{"When will Canada's combat mission in Kandahar end?", [2][]string{{"February", "2009"}, {"2011"}}},
		// Not the "1,000 extra troops" Canada asks for: that is no head count.
		{"How many Canadian troops are in southern Afghanistan?", [2][]string{{"2,500"}, {"2,700"}}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := ask(t, e, tt.question)
			checkCitations(t, a)
			if !strings.HasPrefix(a.Text, "The sources differ.") {
				t.Errorf("Answer(%q) = %q, want it to start with %q", tt.question, a.Text, "The sources differ.")
			}
			if len(a.Citations) != 2 {
				t.Fatalf("Answer(%q) has %d citations, want 2 (one per side)", tt.question, len(a.Citations))
			}
			if a.Citations[0].Source == a.Citations[1].Source {
				t.Errorf("Answer(%q) cites %s twice, want two different sources", tt.question, a.Citations[0].Source)
			}
			// Each side is quoted, in either order.
			holds := func(c bot.Citation, side []string) bool {
				return slices.ContainsFunc(side, func(w string) bool { return strings.Contains(c.Quote, w) })
			}
			c0, c1 := a.Citations[0], a.Citations[1]
			if !(holds(c0, tt.want[0]) && holds(c1, tt.want[1]) || holds(c0, tt.want[1]) && holds(c1, tt.want[0])) {
				t.Errorf("Answer(%q) quotes %q and %q, want one of %q and one of %q", tt.question, c0.Quote, c1.Quote, tt.want[0], tt.want[1])
			}
		})
	}
}

// Sources that agree, or a single source, are not reported as differing.
func TestExtractiveAgreementIsNotDisagreement(t *testing.T) {
	e := testAnswerer(Options{})
	for _, q := range []string{
		"How many soldiers has Canada lost?",
		"When is the next NATO summit?",
		"By when must NATO provide the extra troops?",
		"What is the size of the NATO-led force?",
	} {
		a := ask(t, e, q)
		if strings.Contains(a.Text, "differ") {
			t.Errorf("Answer(%q) = %q, want no disagreement", q, a.Text)
		}
	}
}

func TestJoinCredits(t *testing.T) {
	// A credit on the caption's line joins it; one on a line of its own
	// is a line of its own.
	const text = "A soldier on patrol in Kandahar, June 13 2009. REUTERS/Jorge Silva\n\nThe remarks came on Thursday.\nREUTERS/Jane Doe"
	spans := joinCredits(text, retrieval.SplitSentences(text))
	var got []string
	for _, sp := range spans {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"A soldier on patrol in Kandahar, June 13 2009. REUTERS/Jorge Silva", "The remarks came on Thursday.", "REUTERS/Jane Doe"}
	if !slices.Equal(got, want) {
		t.Errorf("joinCredits(%q) = %q, want %q", text, got, want)
	}
	if !isPhotoCredit(want[0]) {
		t.Errorf("isPhotoCredit(%q) = false, want true", want[0])
	}
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		text, title string
		want        bool
	}{
		{"NATO boss wants Canada to extend Afghan tour: reports", "NATO boss wants Canada to extend Afghan tour: reports", true},
		// A first sentence standing in for a missing headline is body.
		{"There is a consensus among NATO members.", "There is a consensus among NATO members.", false},
		{"NATO boss wants Canada to stay", "NATO boss wants Canada to extend Afghan tour: reports", false},
		// The header line a database export gives the title on.
		{"Title: Harbour ferry strike ends", "Harbour ferry strike ends", true},
		{"Headline:  Harbour ferry strike ends", "Harbour ferry strike ends", true},
		{"The union said: Harbour ferry strike ends", "Harbour ferry strike ends", false},
	}
	for _, tt := range tests {
		if got := isHeadline(tt.text, tt.title); got != tt.want {
			t.Errorf("isHeadline(%q, %q) = %v, want %v", tt.text, tt.title, got, tt.want)
		}
	}
}

// namePerson adds the sentence naming in full the person the best
// sentence gives by role or surname, from the same article only.
func TestExtractiveNamesPeople(t *testing.T) {
	passage := func(src, text string) retrieval.Result {
		return retrieval.Result{Chunk: retrieval.Chunk{ID: src + "#0", Source: src, FirstLine: 1, LastLine: strings.Count(text, "\n") + 1, End: len(text), Text: text}}
	}
	tests := []struct {
		name, question string
		passages       []retrieval.Result
		want           []string // the quotes, in order
	}{
		{
			"role", "Who wants the alliance to grow?",
			[]retrieval.Result{passage("a.txt", "The new secretary-general of the alliance said he wants the alliance to grow.\n\n"+
				"A Canadian Defence Ministry spokesman declined to comment.\n\n"+
				"The remarks by Anders Fogh Rasmussen were the most pointed yet.")},
			[]string{"The new secretary-general of the alliance said he wants the alliance to grow.", "The remarks by Anders Fogh Rasmussen were the most pointed yet."},
		},
		{
			"surname", "Who will take the final decision on the deployment?",
			[]retrieval.Result{passage("a.txt", "The final decision will lie with President Nicolas Sarkozy, officials said.\n"+
				"Appathurai said Sarkozy will take the final decision on the deployment in April.")},
			[]string{"Appathurai said Sarkozy will take the final decision on the deployment in April.", "The final decision will lie with President Nicolas Sarkozy, officials said."},
		},
		{
			"not from another article", "Who will take the final decision on the deployment?",
			[]retrieval.Result{
				passage("a.txt", "Appathurai said Sarkozy will take the final decision on the deployment in April."),
				passage("b.txt", "President Nicolas Sarkozy visited troops in Kabul on a deployment tour."),
			},
			[]string{"Appathurai said Sarkozy will take the final decision on the deployment in April."},
		},
		{
			"byline", "Which reporter wrote the story about the deployment decision?",
			[]retrieval.Result{passage("a.txt", "Sarkozy will take the final decision on the deployment in April, officials said.\n\n"+
				"Reporting by David Ljunggren; editing by Rob Wilson")},
			[]string{"Sarkozy will take the final decision on the deployment in April, officials said.", "Reporting by David Ljunggren; editing by Rob Wilson"},
		},
	}
	e := testAnswerer(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Answer(context.Background(), bot.Request{Question: tt.question, Passages: tt.passages})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range a.Citations {
				got = append(got, c.Quote)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Answer(%q) quotes %q, want %q", tt.question, got, tt.want)
			}
		})
	}
}

// The headline is not quoted beside the body sentence that says the same.
func TestExtractiveHeadline(t *testing.T) {
	const q = "Who wants Canada to extend its mission in Afghanistan?"
	a := ask(t, testAnswerer(Options{}), q)
	checkCitations(t, a)
	for _, c := range a.Citations {
		if c.Source == reuters2009 && c.Lines[0] == 1 {
			t.Errorf("Answer(%q) quotes the headline %q", q, c.Quote)
		}
	}
	if !strings.Contains(a.Text, "Anders Fogh Rasmussen") {
		t.Errorf("Answer(%q) = %q, want it to name Anders Fogh Rasmussen", q, a.Text)
	}
}

func TestExtractiveOptions(t *testing.T) {
	const q = "When will Canada's combat mission in Kandahar end?"
	t.Run("MaxSentences", func(t *testing.T) {
		a := ask(t, testAnswerer(Options{MaxSentences: 1, DisagreeCoverage: 2}), q)
		if a.Refused || len(a.Citations) != 1 {
			t.Errorf("with MaxSentences 1, Answer(%q) has %d citations (refused %v), want 1", q, len(a.Citations), a.Refused)
		}
	})
	t.Run("MinScore", func(t *testing.T) {
		a := ask(t, testAnswerer(Options{MinScore: 100}), q)
		if !a.Refused {
			t.Errorf("with MinScore 100, Answer(%q) = %q, want a refusal", q, a.Text)
		}
	})
	t.Run("MinCoverage", func(t *testing.T) {
		// A third of its terms (army, morale, pay) are in the passages.
		const half = "What did the army say about morale and pay?"
		if a := ask(t, testAnswerer(Options{}), half); !a.Refused {
			t.Errorf("Answer(%q) = %q, want a refusal", half, a.Text)
		}
		if a := ask(t, testAnswerer(Options{MinCoverage: 0.3, MinScore: 0.01}), half); a.Refused {
			t.Errorf("with MinCoverage 0.3, Answer(%q) refused, want an answer", half)
		}
	})
	t.Run("DisagreeCoverage", func(t *testing.T) {
		a := ask(t, testAnswerer(Options{DisagreeCoverage: 2}), q)
		if strings.Contains(a.Text, "differ") {
			t.Errorf("with DisagreeCoverage 2, Answer(%q) = %q, want no disagreement", q, a.Text)
		}
	})
}

func TestExtractiveRequest(t *testing.T) {
	e := testAnswerer(Options{})
	passages := seedPassages(t, "How many soldiers has Canada lost?")

	t.Run("standalone question wins", func(t *testing.T) {
		req := bot.Request{Question: "And how many has it lost?", Standalone: "How many soldiers has Canada lost?", Passages: passages}
		a, err := e.Answer(context.Background(), req)
		if err != nil || a.Refused || !strings.Contains(a.Text, "127") {
			t.Errorf("Answer(standalone %q) = %q, %v; want 127 soldiers", req.Standalone, a.Text, err)
		}
		if a.Question != req.Question {
			t.Errorf("Answer().Question = %q, want the question as asked %q", a.Question, req.Question)
		}
		if len(a.Passages) != len(passages) {
			t.Errorf("Answer().Passages has %d passages, want the %d of the request", len(a.Passages), len(passages))
		}
	})
	t.Run("streams the answer", func(t *testing.T) {
		var streamed strings.Builder
		req := bot.Request{Question: "How many soldiers has Canada lost?", Passages: passages, OnToken: func(s string) { streamed.WriteString(s) }}
		a, err := e.Answer(context.Background(), req)
		if err != nil || streamed.String() != a.Text {
			t.Errorf("streamed %q, %v; want the answer %q", streamed.String(), err, a.Text)
		}
	})
	t.Run("no passages", func(t *testing.T) {
		a, err := e.Answer(context.Background(), bot.Request{Question: "How many soldiers has Canada lost?"})
		if err != nil || !a.Refused {
			t.Errorf("Answer(no passages) = %q, %v; want a refusal", a.Text, err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := e.Answer(ctx, bot.Request{Question: "How many soldiers has Canada lost?", Passages: passages})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Answer(cancelled) error = %v, want %v", err, context.Canceled)
		}
	})
	t.Run("overlapping and repeated passages", func(t *testing.T) {
		doubled := append(append([]retrieval.Result(nil), passages...), passages...)
		// A chunk that overlaps the first: its text starts one sentence later.
		first := passages[0]
		spans := retrieval.SplitSentences(first.Text)
		if len(spans) > 1 {
			o := first
			o.Start += spans[1].Start
			o.Text = first.Text[spans[1].Start:]
			o.FirstLine += strings.Count(first.Text[:spans[1].Start], "\n")
			doubled = append([]retrieval.Result{o}, doubled...)
		}
		a, err := e.Answer(context.Background(), bot.Request{Question: "How many soldiers has Canada lost?", Passages: doubled})
		if err != nil {
			t.Fatal(err)
		}
		checkCitations(t, a)
	})
	t.Run("the same story in two files", func(t *testing.T) {
		text := "Canada has lost 127 soldiers so far since first sending troops to Afghanistan in late 2002."
		var twice []retrieval.Result
		for _, src := range []string{"a.txt", "b.txt"} {
			twice = append(twice, retrieval.Result{Chunk: retrieval.Chunk{
				ID: src + "#0", Source: src, FirstLine: 1, LastLine: 1, End: len(text), Text: text,
			}})
		}
		a, err := e.Answer(context.Background(), bot.Request{Question: "How many soldiers has Canada lost?", Passages: twice})
		if err != nil || len(a.Citations) != 1 || a.Citations[0].Source != "a.txt" {
			t.Errorf("Answer(same sentence in a.txt and b.txt) = %+v, %v; want one citation of a.txt", a.Citations, err)
		}
	})
}

// A sentence that runs over a line break is cited with both lines and
// quoted verbatim, and reads as one line in the answer.
func TestExtractiveLines(t *testing.T) {
	// Hard-wrapped prose, as in plain-text wire copy.
	text := "Talks went on all week in Brussels and the allies met again on Friday to\n" +
		"discuss the mission. Officials said Canada has lost 127 soldiers in\n" +
		"Afghanistan since 2002, more than any other ally in the south of the\n" +
		"country."
	p := retrieval.Result{Chunk: retrieval.Chunk{
		ID: "a.txt#1", Source: "a.txt", N: 1, Start: 300, End: 300 + len(text),
		FirstLine: 10, LastLine: 13, Text: text,
	}}
	a, err := testAnswerer(Options{}).Answer(context.Background(), bot.Request{
		Question: "How many soldiers has Canada lost?", Passages: []retrieval.Result{p},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := bot.Citation{N: 1, Source: "a.txt", Lines: [2]int{11, 13}, Quote: "Officials said Canada has lost 127 soldiers in\n" +
		"Afghanistan since 2002, more than any other ally in the south of the\ncountry."}
	if len(a.Citations) != 1 || a.Citations[0] != want {
		t.Fatalf("Answer().Citations = %+v, want [%+v]", a.Citations, want)
	}
	if wantText := "Officials said Canada has lost 127 soldiers in Afghanistan since 2002, more than any other ally in the south of the country. [1]"; a.Text != wantText {
		t.Errorf("Answer().Text = %q, want %q", a.Text, wantText)
	}
}

func TestExtractiveGolden(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range []struct{ name, question string }{
		{"who", "Who is the NATO spokesperson?"},
		{"how_many", "How many soldiers has Canada lost?"},
		{"disagreement", "When will Canada's combat mission in Kandahar end?"},
		{"refusal", "What is the population of Toronto?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := ask(t, e, tt.question)
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", tt.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("Answer(%q) =\n%s\nwant (%s)\n%s", tt.question, got, path, want)
			}
		})
	}
}

func ExampleAnswerer() {
	text := "Canada has lost 127 soldiers so far since first sending troops to Afghanistan in late 2002.\n" +
		"Senior military officials say the army is worn out and will need at least 18 months to recover once the mission ends."
	passage := retrieval.Result{Chunk: retrieval.Chunk{
		ID: "002.txt#0", Source: "002.txt", Title: "NATO boss wants Canada to extend Afghan tour",
		FirstLine: 19, LastLine: 20, End: len(text), Text: text,
	}}
	e := New(DefaultOptions())
	a, err := e.Answer(context.Background(), bot.Request{
		Question: "How many soldiers has Canada lost?",
		Passages: []retrieval.Result{passage},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Text)
	for _, c := range a.Citations {
		fmt.Printf("[%d] %s:%d-%d\n", c.N, c.Source, c.Lines[0], c.Lines[1])
	}
	// Output:
	// Canada has lost 127 soldiers so far since first sending troops to Afghanistan in late 2002. [1]
	// [1] 002.txt:19-19
}

func BenchmarkExtractive(b *testing.B) {
	e := testAnswerer(Options{})
	const q = "When will Canada's combat mission in Kandahar end?"
	req := bot.Request{Question: q, Passages: seedPassages(b, q)}
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.Answer(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// The answerer is tuned on the seeds; these wire stories, written for this
// test, check that what it does holds for other stories and questions.
func TestExtractiveOtherStories(t *testing.T) {
	b := offlineBot(t, filepath.Join("testdata", "wire"))
	tests := []struct {
		question string
		want     string // "" for a refusal
	}{
		{"How many people died in the Chile earthquake?", "killing at least 12 people"},
		{"How many people were injured in the quake?", "injuring more than 300"},
		{"Who is Chile's interior minister?", "Rodrigo Pena"},
		{"Who declared a state of emergency?", "President Maria Soto"},
		{"How many soldiers will the government send?", "2,000 soldiers"},
		{"Who wrote the earthquake story?", "Reporting by Ana Lopez"},
		{"How many people died in the 2010 quake?", "more than 500 people"},
		{"What was Acme's revenue?", "$8.4 billion"},
		{"Who is Acme's chief executive?", "Linda Marsh"},
		{"How many engineers will Acme hire?", "5,000 new engineers"},
		{"Has Acme decided to sell its printer unit?", "has not decided"},
		{"Who manages Rovers?", "Peter Grant"},
		{"How many fans watched the match?", "85,000 fans"},
		{"Who will Rovers face in the final?", "City"},
		// Not in the stories, or only denied or to come.
		{"When did Acme sell its printer unit?", ""},
		{"When did the tsunami hit?", ""},
		{"When did United's coach resign?", ""},
		{"How many buildings collapsed?", ""},
		{"How many people were killed in the Acme fire?", ""},
		{"Who is the CEO of United?", ""},
	}
	for _, tt := range tests {
		a, err := b.Ask(context.Background(), nil, tt.question, nil)
		if err != nil {
			t.Fatalf("Ask(%q) error: %v", tt.question, err)
		}
		switch {
		case tt.want == "" && !a.Refused:
			t.Errorf("Ask(%q) = %q, want a refusal", tt.question, a.Text)
		case tt.want != "" && !strings.Contains(a.Text, tt.want):
			t.Errorf("Ask(%q) = %q, want it to contain %q", tt.question, a.Text, tt.want)
		}
	}
}

// The answerer must generalise to news it was not tuned on: paraphrases
// ("raise" for "increase"), word families ("opposition", "opponents"), a
// sum for "how much ... cost", an office nobody in the coverage holds.
func TestExtractiveHeldout(t *testing.T) {
	b := offlineBot(t, heldoutDir)
	tests := []struct {
		question string
		want     string // in the answer; "" for a refusal
	}{
		{"What raise did the dockworkers get?", "14 percent wage increase"},
		{"When will construction of the bridge start?", "construction would begin in 2026"},
		{"Who led the opposition to the bridge?", "Lisa Blackburn"},
		{"How much will the bridge cost?", "C$600 million"},
		{"Who leads the NDP in Saskatchewan?", "Carla Beck"},
		// "fans" for "crowd" was the synonym table's; WordNet relates
		// them not.
		{"What did the premier say about the strike?", ""},
		{"What did the prime minister say about the rent ruling?", ""},
		{"Who won the Saskatchewan Party leadership race in 2018?", ""},
		{"How much is Maplefield's chief executive paid?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a, err := b.Ask(t.Context(), bot.NewConversation(4), tt.question, nil)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && !a.Refused:
				t.Errorf("Ask(%q) = %q, want a refusal", tt.question, a.Text)
			case tt.want != "" && !strings.Contains(a.Text, tt.want):
				t.Errorf("Ask(%q) = %q, want it to contain %q", tt.question, a.Text, tt.want)
			}
		})
	}
}

// A markdown heading is a headline: quoted without its marks, and not
// beside a sentence of its body.
func TestExtractiveMarkdownHeading(t *testing.T) {
	b := offlineBot(t, heldoutDir)
	q := "How did council vote on the bridge?"
	a, err := b.Ask(t.Context(), bot.NewConversation(4), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "voted 11-5") {
		t.Errorf("Ask(%q) = %q, want it to contain %q", q, a.Text, "voted 11-5")
	}
	for _, c := range a.Citations {
		if strings.HasPrefix(c.Quote, "#") || c.Quote == "City council approves new harbour bridge" {
			t.Errorf("Ask(%q) quotes the heading %q, want the body only", q, c.Quote)
		}
	}
	e := testAnswerer(Options{})
	sents := e.collectSentences([]retrieval.Result{{Chunk: retrieval.Chunk{Source: "a.md", Text: "## Bridge approved in vote\n\nThe council voted 11-5.", FirstLine: 1}}})
	if len(sents) == 0 || sents[0].text != "Bridge approved in vote" || !sents[0].headline {
		t.Errorf("collectSentences(heading) = %v, want the headline %q without its marks", sents, "Bridge approved in vote")
	}
}

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		acronym, text string
		want          bool
	}{
		{"ndp", "The New Democratic Party won 27 seats.", true},
		{"boc", "The Bank of Canada held rates.", true},
		{"ndp", "The new democratic party won.", false},
		{"ndp", "New Brunswick and Nova Scotia.", false},
		{"nato", "NATO met in Brussels.", false},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.acronym, splitWords(tt.text)); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.acronym, tt.text, got, tt.want)
		}
	}
}

func TestTermCreditDerived(t *testing.T) {
	e := testAnswerer(Options{})
	tests := []struct {
		question, text string
		want           float64
	}{
		{"Who led the opposition?", "Councillors opposed the plan.", e.opt.SynonymCredit},
		{"Who led the opposition?", "Opponents argued the cost would double.", e.opt.SynonymCredit},
		{"Who led the opposition?", "The council voted 11-5.", 0},
		{"What was the raise?", "A 14 percent wage increase.", e.opt.SynonymCredit},
	}
	for _, tt := range tests {
		q := e.parseQuestion(tt.question)
		s := e.collectSentences([]retrieval.Result{{Chunk: retrieval.Chunk{Source: "a.txt", Text: tt.text, FirstLine: 1}}})[0]
		var got float64
		for _, term := range q.terms {
			if term.stem == "opposit" || term.stem == "rais" {
				got = e.termCredit(s, term)
			}
		}
		if got != tt.want {
			t.Errorf("termCredit(%q, %q) = %v, want %v", tt.question, tt.text, got, tt.want)
		}
	}
}

func TestExtractiveNamesFromTheFileName(t *testing.T) {
	// Archives often name a file for its speaker: the speaker's name in
	// the question is then evidence, though the text never says it.
	text := "I now respectfully recall your attention to what may be called compensated emancipation. If the plan shall be adopted, it is assumed that emancipation will follow, at least in several of the States."
	p := retrieval.Result{Chunk: retrieval.Chunk{ID: "x#0", Source: "1862_abraham_lincoln_r.txt", Title: "Annual message", FirstLine: 1, LastLine: 1, Text: text}}
	ext := testAnswerer(Options{})
	cases := []struct {
		question string
		refused  bool
	}{
		{"What did Lincoln say about emancipation?", false},
		{"What did Jefferson say about emancipation?", true},
	}
	for _, c := range cases {
		a, err := ext.Answer(context.Background(), bot.Request{Question: c.question, Passages: []retrieval.Result{p}})
		if err != nil {
			t.Fatal(err)
		}
		if a.Refused != c.refused {
			t.Errorf("Answer(%q) refused = %v, want %v: %q", c.question, a.Refused, c.refused, a.Text)
		}
	}
}
