package eval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/bottest"
	"github.com/newsbot/newsbot/retrieval"
)

// evalPassages returns retrieved passages from sources, in order.
func evalPassages(sources ...string) []retrieval.Result {
	out := make([]retrieval.Result, len(sources))
	for i, s := range sources {
		out[i] = retrieval.Result{Chunk: retrieval.Chunk{ID: fmt.Sprintf("%s#%d", s, i), Source: s, FirstLine: 1, LastLine: 1}}
	}
	return out
}

// evalCitations returns citations [1], [2]... of sources.
func evalCitations(sources ...string) []bot.Citation {
	out := make([]bot.Citation, len(sources))
	for i, s := range sources {
		out[i] = bot.Citation{N: i + 1, Source: s, Lines: [2]int{1, 1}}
	}
	return out
}

// evalReply is what cannedAsker answers to one question.
type evalReply struct {
	answer bot.Answer
	err    error
}

// cannedAsker answers from a table, standing in for the whole bot so that
// the scoring can be checked against known answers.
type cannedAsker struct {
	replies map[string]evalReply
	asked   []string
}

func (c *cannedAsker) Ask(ctx context.Context, conv *bot.Conversation, q string, onToken func(string)) (bot.Answer, error) {
	c.asked = append(c.asked, q)
	r, ok := c.replies[q]
	if !ok {
		return bot.Answer{}, fmt.Errorf("no canned answer for %q", q)
	}
	return r.answer, r.err
}

func TestEvalRank(t *testing.T) {
	for _, tt := range []struct {
		name     string
		want     []string
		passages []string
		rank     int
		at1, at5 bool
		rr       float64
	}{
		{"first", []string{"a.txt"}, []string{"a.txt", "b.txt"}, 1, true, true, 1},
		{"third", []string{"a.txt"}, []string{"b.txt", "c.txt", "a.txt"}, 3, false, true, 1.0 / 3},
		{"sixth is beyond five", []string{"a.txt"}, []string{"b", "c", "d", "e", "f", "a.txt"}, 6, false, false, 1.0 / 6},
		{"not retrieved", []string{"a.txt"}, []string{"b.txt", "c.txt"}, 0, false, false, 0},
		{"no passages", []string{"a.txt"}, nil, 0, false, false, 0},
		{"any expected source counts", []string{"a.txt", "c.txt"}, []string{"b.txt", "c.txt", "a.txt"}, 2, false, true, 0.5},
		{"first passage of a repeated source", []string{"a.txt"}, []string{"b.txt", "a.txt", "a.txt"}, 2, false, true, 0.5},
		{"compared as relative paths", []string{"./news/a.txt"}, []string{"news/b.txt", "news//a.txt"}, 2, false, true, 0.5},
		{"backslashes", []string{`news\a.txt`}, []string{"news/a.txt"}, 1, true, true, 1},
		{"same name in another folder", []string{"news/a.txt"}, []string{"old/a.txt", "a.txt"}, 0, false, false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreCase(Case{Question: "q", Sources: tt.want}, bot.Answer{Passages: evalPassages(tt.passages...)})
			if r.Rank != tt.rank {
				t.Errorf("Rank = %d, want %d", r.Rank, tt.rank)
			}
			if got := r.RecallAt(1); got != tt.at1 {
				t.Errorf("RecallAt(1) = %v, want %v", got, tt.at1)
			}
			if got := r.RecallAt(5); got != tt.at5 {
				t.Errorf("RecallAt(5) = %v, want %v", got, tt.at5)
			}
			if got := r.ReciprocalRank(); got != tt.rr {
				t.Errorf("ReciprocalRank() = %v, want %v", got, tt.rr)
			}
		})
	}
}

func TestEvalCitations(t *testing.T) {
	for _, tt := range []struct {
		name        string
		want, cited []string
		n, expected int
		sourceCited bool
		precision   float64
		precisionOK bool
	}{
		{"all expected", []string{"a.txt"}, []string{"a.txt", "a.txt"}, 2, 2, true, 1, true},
		{"half expected", []string{"a.txt"}, []string{"a.txt", "b.txt"}, 2, 1, true, 0.5, true},
		{"any of several", []string{"a.txt", "b.txt"}, []string{"b.txt", "c.txt", "d.txt", "b.txt"}, 4, 2, true, 0.5, true},
		{"none expected", []string{"a.txt"}, []string{"b.txt"}, 1, 0, false, 0, true},
		{"nothing cited", []string{"a.txt"}, nil, 0, 0, false, 0, false},
		{"relative paths", []string{"./a.txt"}, []string{"a.txt"}, 1, 1, true, 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := scoreCase(Case{Question: "q", Sources: tt.want}, bot.Answer{Citations: evalCitations(tt.cited...)})
			if r.Cited != tt.n || r.CitedExpected != tt.expected {
				t.Errorf("Cited, CitedExpected = %d, %d, want %d, %d", r.Cited, r.CitedExpected, tt.n, tt.expected)
			}
			if r.SourceCited != tt.sourceCited {
				t.Errorf("SourceCited = %v, want %v", r.SourceCited, tt.sourceCited)
			}
			p, ok := r.CitationPrecision()
			if p != tt.precision || ok != tt.precisionOK {
				t.Errorf("CitationPrecision() = %v, %v, want %v, %v", p, ok, tt.precision, tt.precisionOK)
			}
		})
	}
}

func TestEvalFacts(t *testing.T) {
	for _, tt := range []struct {
		text, fact string
		want       bool
	}{
		{"NATO spokesperson James Appathurai said", "Appathurai", true},
		{"nato spokesperson JAMES APPATHURAI", "James Appathurai", true},
		{"the 1,000 troops needed", "1,000", true},
		{"the 1000 troops needed", "1,000", true},
		{"the 1,000 troops needed", "1000", true},
		{"an extra 11,000 troops", "1,000", false},
		{"an extra 1,000,000 troops", "1,000", false},
		{"a 1,000,000 budget", "1000000", true},
		{"the 43,000-strongNATO-led force", "43,000", true},
		{"the 2,700-strong combat mission", "2700", true},
		{"by 20110", "2011", false},
		{"in 2011.", "2011", true},
		{"grew 3.55 percent", "3.5", false},
		{"in 2008, 2009 and 2010", "2008", true},
		{"Speaking to CTV's Canada\n  AM on Friday", "Canada AM", true},
		{"to CTV's Canada [1] AM", "Canada AM", true},
		{"Canada’s interest", "Canada's interest", true},
		{"“We are staying the course.”", `"We are staying the course."`, true},
		{"April 2–4", "April 2-4", true},
		{"Brussels, Belgium", "Vilnius", false},
		{"anything", " ", false},
	} {
		r := scoreCase(Case{Question: "q", Sources: []string{"a.txt"}, Facts: []string{tt.fact}}, bot.Answer{Text: tt.text})
		if got := r.FactsHit == 1; got != tt.want {
			t.Errorf("fact %q in %q = %v, want %v", tt.fact, tt.text, got, tt.want)
		}
		if got := len(r.FactsMissing) == 1; got == tt.want {
			t.Errorf("FactsMissing for %q in %q = %q, want it listed only when not found", tt.fact, tt.text, r.FactsMissing)
		}
	}
}

// evalCases is a small set covering every outcome the totals count.
func evalCases() ([]Case, *cannedAsker) {
	cases := []Case{
		{Question: "Who spoke to Canada AM?", Sources: []string{"000.txt"}, Facts: []string{"Appathurai", "1,000"}},
		{Question: "How many extra troops?", Sources: []string{"000.txt", "001.txt"}, Facts: []string{"1,000"}},
		{Question: "Where is French force based?", Sources: []string{"001.txt"}, Facts: []string{"Kabul"}},
		{Question: "How many Canadians died?", Sources: []string{"002.txt"}, Facts: []string{"127"}},
		{Question: "What is the population of Toronto?", Refuse: true},
		{Question: "Who is president of Afghanistan?", Refuse: true},
		{Question: "What did Germany pledge?", Refuse: true},
	}
	asker := &cannedAsker{replies: map[string]evalReply{
		// rank 1, both facts, citations all expected
		"Who spoke to Canada AM?": {answer: bot.Answer{
			Text:      "NATO spokesperson James Appathurai hopes for the 1000 troops [1].",
			Citations: evalCitations("000.txt"),
			Passages:  evalPassages("000.txt", "001.txt"),
		}},
		// rank 2, fact found, one of two citations expected
		"How many extra troops?": {answer: bot.Answer{
			Text:      "An extra 1,000 troops [1][2].",
			Citations: evalCitations("002.txt", "001.txt"),
			Passages:  evalPassages("002.txt", "001.txt", "000.txt"),
		}},
		// wrongly refused, source retrieved at rank 3
		"Where is French force based?": {answer: bot.Answer{
			Text:     "The coverage does not say.",
			Refused:  true,
			Passages: evalPassages("000.txt", "002.txt", "001.txt"),
		}},
		"How many Canadians died?": {err: errors.New("model unavailable")},
		"What is the population of Toronto?": {answer: bot.Answer{
			Text:     "The coverage does not say.",
			Refused:  true,
			Passages: evalPassages("000.txt"),
		}},
		// answered an unanswerable question, with a citation
		"Who is president of Afghanistan?": {answer: bot.Answer{
			Text:      "President Nicolas Sarkozy [1].",
			Citations: evalCitations("000.txt"),
			Passages:  evalPassages("000.txt"),
		}},
		"What did Germany pledge?": {answer: bot.Answer{Text: "The coverage does not say.", Refused: true}},
	}}
	return cases, asker
}

func TestRunTotals(t *testing.T) {
	cases, asker := evalCases()
	rep := Run(t.Context(), asker, cases)
	if len(rep.Results) != len(cases) {
		t.Fatalf("Run returned %d results, want %d", len(rep.Results), len(cases))
	}
	if !reflect.DeepEqual(asker.asked, questionsOf(cases)) {
		t.Errorf("asked %q, want %q", asker.asked, questionsOf(cases))
	}
	want := Totals{
		Questions:            7,
		Answerable:           4,
		Errors:               1,
		Recall1:              Rate{1, 4},
		Recall5:              Rate{3, 4},
		MRR:                  Rate{1 + 0.5 + 1.0/3, 4},
		CitationPrecision:    Rate{2, 3},
		FactHits:             Rate{3, 5},
		SourceCited:          Rate{2, 4},
		RefusalAccuracy:      Rate{4, 7},
		WronglyRefused:       1,
		AnsweredUnanswerable: 1,
		Correct:              Rate{4, 7},
		FalseDiffer:          Rate{0, 2},
	}
	if rep.Totals != want {
		t.Errorf("Totals = %+v\nwant     %+v", rep.Totals, want)
	}
	if got := rep.Results[3].Err; got == nil || got.Error() != "model unavailable" {
		t.Errorf("Results[3].Err = %v, want the asker's error", got)
	}
	if got, want := rep.Results[2].FactsMissing, []string{"Kabul"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Results[2].FactsMissing = %q, want %q", got, want)
	}
}

func questionsOf(cases []Case) []string {
	var qs []string
	for _, c := range cases {
		qs = append(qs, c.Question)
	}
	return qs
}

func TestRunCancelled(t *testing.T) {
	cases, asker := evalCases()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	rep := Run(ctx, asker, cases)
	if len(asker.asked) != 0 {
		t.Errorf("asked %q after cancellation, want nothing", asker.asked)
	}
	for i, r := range rep.Results {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("Results[%d].Err = %v, want context.Canceled", i, r.Err)
		}
	}
	if rep.Totals.Errors != len(cases) || rep.Totals.RefusalAccuracy.Sum != 0 {
		t.Errorf("Totals.Errors, RefusalAccuracy = %d, %v, want %d, none correct", rep.Totals.Errors, rep.Totals.RefusalAccuracy, len(cases))
	}
	if err := rep.Check(Thresholds{}); err == nil || !strings.Contains(err.Error(), "7 of 7 questions failed") {
		t.Errorf("Check() = %v, want it to report the failed questions", err)
	}
}

func TestEvalRate(t *testing.T) {
	for _, tt := range []struct {
		r        Rate
		value    float64
		measured bool
	}{
		{Rate{3, 4}, 0.75, true},
		{Rate{0, 4}, 0, true},
		{Rate{0, 0}, 0, false},
	} {
		if got := tt.r.Value(); got != tt.value {
			t.Errorf("%+v.Value() = %v, want %v", tt.r, got, tt.value)
		}
		if got := tt.r.Measured(); got != tt.measured {
			t.Errorf("%+v.Measured() = %v, want %v", tt.r, got, tt.measured)
		}
	}
}

func TestEvalCheck(t *testing.T) {
	rep := Report{Totals: Totals{
		Questions:         10,
		Answerable:        8,
		Recall5:           Rate{6, 8},  // 0.75
		MRR:               Rate{4, 8},  // 0.5
		SourceCited:       Rate{8, 8},  // 1
		FactHits:          Rate{9, 12}, // 0.75
		RefusalAccuracy:   Rate{9, 10}, // 0.9
		CitationPrecision: Rate{0, 0},  // nothing cited: not measured
	}}
	for _, tt := range []struct {
		name string
		th   Thresholds
		want []string // parts of the error; nil for no error
	}{
		{"no thresholds", Thresholds{}, nil},
		{"all met, equal counts", Thresholds{MinRecall5: 0.75, MinMRR: 0.5, MinSourceCited: 1, MinFactHits: 0.75, MinRefusalAccuracy: 0.9}, nil},
		{"recall", Thresholds{MinRecall5: 0.8}, []string{"recall@5 0.750 < 0.800"}},
		{"mrr", Thresholds{MinMRR: 0.6}, []string{"MRR 0.500 < 0.600"}},
		{"facts and refusal", Thresholds{MinFactHits: 0.8, MinRefusalAccuracy: 0.95, MinSourceCited: 0.9},
			[]string{"fact hits 0.750 < 0.800", "refusal accuracy 0.900 < 0.950"}},
		{"unmeasured precision is not checked", Thresholds{MinCitationPrecision: 0.9}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := rep.Check(tt.th)
			if tt.want == nil {
				if err != nil {
					t.Errorf("Check(%+v) = %v, want nil", tt.th, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Check(%+v) = nil, want an error with %q", tt.th, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Check(%+v) = %q, want it to contain %q", tt.th, err, w)
				}
			}
			if strings.Contains(err.Error(), "source cited") {
				t.Errorf("Check(%+v) = %q, want no complaint about source cited (1.0 >= threshold)", tt.th, err)
			}
		})
	}
	measured := rep
	measured.Totals.CitationPrecision = Rate{5, 10}
	if err := measured.Check(Thresholds{MinCitationPrecision: 0.9}); err == nil || !strings.Contains(err.Error(), "citation precision 0.500 < 0.900") {
		t.Errorf("Check(MinCitationPrecision 0.9) = %v, want citation precision below threshold", err)
	}
}

func TestReadCases(t *testing.T) {
	want := []Case{
		{Question: "How many extra troops?", Sources: []string{"000.txt", "001.txt"}, Facts: []string{"1,000"}, Line: 2},
		{Question: "What is the population of Toronto?", Refuse: true, Line: 5},
	}
	for _, tt := range []struct{ name, in string }{
		{"yaml", `# comment
- question: How many extra troops?
  sources: [000.txt, 001.txt]
  facts: ["1,000"]
- question: What is the population of Toronto?
  refuse: true
`},
		{"json", `[
 {"question": "How many extra troops?",
  "sources": ["000.txt", "001.txt"], "facts": ["1,000"]},
 {"refuse": true,
  "question": "What is the population of Toronto?"}
]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCases(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadCases() error = %v", err)
			}
			if tt.name == "json" { // lines differ; the rest must not
				for i := range got {
					got[i].Line = want[i].Line
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ReadCases() = %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestReadCasesErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"unknown key", "- question: q\n  sources: [a.txt]\n  sorces: [b.txt]\n", []string{"line 3", "sorces"}},
		{"unknown kind", "- question: q\n  sources: [a.txt]\n  kind: yes-no\n", []string{"line 1", "unknown kind"}},
		{"values without conflict", "- question: q\n  sources: [a.txt]\n  values: [1, 2]\n", []string{"line 1", "conflict"}},
		{"unknown key in json", `[{"question": "q", "sources": ["a.txt"],` + "\n" + `"refused": true}]`, []string{"line 2", "refused"}},
		{"refuse with sources", "- question: q\n  sources: [a.txt]\n  refuse: true\n", []string{"line 1: a question to refuse has no sources or facts"}},
		{"refuse with facts", "- question: a\n  sources: [a.txt]\n- question: q\n  facts: [x]\n  refuse: true\n", []string{"line 3: a question to refuse"}},
		{"answerable without sources", "- question: q\n  facts: [x]\n", []string{"line 1: an answerable question needs sources"}},
		{"empty question", "- sources: [a.txt]\n", []string{"line 1: question is empty"}},
		{"empty fact", "- question: q\n  sources: [a.txt]\n  facts: ['']\n", []string{"line 1: empty fact"}},
		{"empty source", "- question: q\n  sources: ['']\n", []string{"line 1: empty source"}},
		{"absolute source", "- question: q\n  sources: [/etc/a.txt]\n", []string{"line 1", `"/etc/a.txt" is not relative`}},
		{"escaping source", "- question: q\n  sources: [../a.txt]\n", []string{"line 1", "not relative"}},
		{"repeated question", "- question: How many troops?\n  sources: [a.txt]\n- question: how many  troops?\n  sources: [b.txt]\n", []string{"line 3: question repeats line 1"}},
		{"every problem reported", "- question: q\n- question: ''\n  sources: [a.txt]\n", []string{"line 1: an answerable", "line 2: question is empty"}},
		{"wrong type", "- question: q\n  sources: a.txt\n", []string{"line 2", "cannot unmarshal"}},
		{"not a list", "question: q\nsources: [a.txt]\n", []string{"line 1: want a list of questions"}},
		{"empty input", "", []string{"no questions"}},
		{"only a comment", "# nothing yet\n", []string{"no questions"}},
		{"empty list", "[]\n", []string{"no questions"}},
		{"syntax error", "- question: q\n  sources: [a.txt\n", []string{"line"}},
		{"two documents", "- question: q\n  sources: [a.txt]\n---\n- question: r\n  sources: [b.txt]\n", []string{"more than one YAML document"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCases(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("ReadCases(%q) = %+v, want an error with %q", tt.in, got, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ReadCases(%q) error = %q, want it to contain %q", tt.in, err, w)
				}
			}
		})
	}
}

func TestReadEvalFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte("- question: q\n  sources: [a.txt]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("- question: q\n  source: [a.txt]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cases, err := ReadFile(good); err != nil || len(cases) != 1 {
		t.Errorf("ReadEvalFile(good) = %+v, %v, want one case", cases, err)
	}
	if _, err := ReadFile(bad); err == nil || !strings.HasPrefix(err.Error(), bad+": ") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("ReadEvalFile(bad) error = %v, want it to start with the path and name line 2", err)
	}
	missing := filepath.Join(dir, "missing.yaml")
	if _, err := ReadFile(missing); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("ReadEvalFile(missing) error = %v, want a not-exist error naming the file", err)
	}
}

func TestEvalReportWriteText(t *testing.T) {
	cases, asker := evalCases()
	rep := Run(t.Context(), asker, cases)
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatalf("WriteText() error = %v", err)
	}
	bottest.Golden(t, "golden/report.txt", buf.String(), *update)

	var empty bytes.Buffer
	if err := (Report{}).WriteText(&empty); err != nil {
		t.Fatalf("WriteText() of an empty report error = %v", err)
	}
	if !strings.Contains(empty.String(), "recall@5") || !strings.Contains(empty.String(), "n/a") {
		t.Errorf("WriteText() of an empty report = %q, want totals marked n/a", empty.String())
	}
}

// The question sets must hold what their headers promise: enough questions,
// sources that exist, and facts that are verbatim in the sources, every
// listed source holding at least one of them.
func TestEvalSets(t *testing.T) {
	for _, tt := range []struct {
		file, corpus         string
		min, minUnanswerable int
	}{
		{"seeds.yaml", seedDir, 30, 7},
		{"sotu.yaml", sotuDir, 15, 2},
		{"heldout.yaml", heldoutDir, 40, 8},
		{"dev.yaml", devDir, 25, 3},
		{"devheldout.yaml", devHeldoutDir, 18, 2},
		{"dev2.yaml", dev2Dir, 30, 3},
		{"heldout2.yaml", heldout2Dir, 30, 3},
		{"dev3facts.yaml", dev3FactsDir, 30, 5},
		{"heldout3facts.yaml", heldout3FactsDir, 30, 5},
		{"dev3cov.yaml", dev3covDir, 15, 2},
		{"heldout3cov.yaml", heldout3covDir, 15, 2},
		{"dev4typo.yaml", dev4TypoDir, 30, 5},
		{"heldout4typo.yaml", heldout4TypoDir, 30, 5},
		{"dev5yesno.yaml", dev5YesNoDir, 30, 3},
		{"heldout5yesno.yaml", heldout5YesNoDir, 30, 3},
		{"dev6yesno.yaml", dev6YesNoDir, 25, 3},
		{"heldout6yesno.yaml", heldout6YesNoDir, 25, 3},
		{"dev5stories.yaml", dev5StoriesDir, 25, 4},
		{"heldout5stories.yaml", heldout5StoriesDir, 25, 4},
		{"dev5kinds.yaml", dev5KindsDir, 30, 8},
		{"heldout5kinds.yaml", heldout5KindsDir, 30, 8},
		{"dev6stories.yaml", dev6StoriesDir, 25, 3},
		{"heldout6stories.yaml", heldout6StoriesDir, 25, 3},
		{"dev6counts.yaml", dev6CountsDir, 30, 5},
		{"heldout6counts.yaml", heldout6CountsDir, 30, 5},
		{"dev7assoc.yaml", dev7AssocDir, 30, 6},
		{"heldout7assoc.yaml", heldout7AssocDir, 30, 6},
		{"dev7gate.yaml", dev7GateDir, 30, 6},
		{"heldout7gate.yaml", heldout7GateDir, 30, 6},
		{"dev8type.yaml", dev8TypeDir, 25, 5},
		{"heldout8type.yaml", heldout8TypeDir, 24, 6},
	} {
		t.Run(tt.file, func(t *testing.T) {
			cases, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			unanswerable := 0
			for _, c := range cases {
				if c.Refuse {
					unanswerable++
				}
			}
			if len(cases) < tt.min || unanswerable < tt.minUnanswerable {
				t.Errorf("%s has %d questions, %d unanswerable, want at least %d and %d", tt.file, len(cases), unanswerable, tt.min, tt.minUnanswerable)
			}
			if _, err := os.Stat(tt.corpus); errors.Is(err, os.ErrNotExist) {
				t.Skipf("corpus %s is absent; sources and facts not checked", tt.corpus)
			}
			for _, c := range cases {
				if IsCoverageKind(c.Kind) {
					continue // its facts are drawn from all its sources, and dates from their files
				}
				texts := make(map[string]string)
				for _, s := range c.Sources {
					b, err := os.ReadFile(filepath.Join(tt.corpus, filepath.FromSlash(s)))
					if err != nil {
						t.Errorf("line %d: source: %v", c.Line, err)
						continue
					}
					texts[s] = normText(string(b))
				}
				for _, f := range c.Facts {
					found := false
					for _, text := range texts {
						found = found || containsFact(text, normText(f))
					}
					if !found {
						t.Errorf("line %d: fact %q is in none of %q", c.Line, f, c.Sources)
					}
				}
				for s, text := range texts {
					answers := false
					for _, f := range c.Facts {
						answers = answers || containsFact(text, normText(f))
					}
					if !answers {
						t.Errorf("line %d: source %s holds none of the facts %q", c.Line, s, c.Facts)
					}
				}
			}
		})
	}
}

// seedThresholds are the least the bot must reach on the seed coverage
// with the built-in embedder and the extractive answerer. The seeds'
// questions paraphrase the articles on purpose ("the alliance" for NATO,
// "head of government" for prime minister), and the hand-made synonym
// table that bridged them is gone (language knowledge comes from
// WordNet now, which does not relate those words): measured 0.833 source
// cited, 0.675 fact hits, 0.909 refusal accuracy, 0.706 citation
// precision, where the table gave 1, 0.95, 1 and 0.905.
func seedThresholds() Thresholds {
	return Thresholds{
		MinRecall5:           0.9,
		MinMRR:               0.7,
		MinSourceCited:       0.8,
		MinFactHits:          0.6,
		MinRefusalAccuracy:   0.88,
		MinCitationPrecision: 0.65,
	}
}

func TestEvalSeeds(t *testing.T) {
	cases, err := ReadFile(filepath.Join("testdata", "seeds.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	b := newEvalBot(t, seedDir)
	rep := Run(t.Context(), b, cases)
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("eval of seeds.yaml:\n%s", buf.String())
	if err := rep.Check(seedThresholds()); err != nil {
		t.Error(err)
	}
}

// sotuDir is the State of the Union corpus, which lives beside the
// checkout and is not copied into it.
var sotuDir = filepath.Join("..", "..", "..", "shared", "corpora", "sotu")

// sotuThresholds are the least the offline bot reaches on sotu.yaml. The
// aim for recall@5 is 0.8; the search, not the answerer, sets it, and an
// answer can cite only what was retrieved (12 of 18 questions).
//
// Measured 0.556 source cited, 0.474 fact hits and 0.531 citation
// precision, answered right 0.571 (with the hand-made synonym table:
// 0.667, 0.474, 0.600 and 0.571: two answers that cited the expected
// address beside others now cite only the others).
func sotuThresholds() Thresholds {
	return Thresholds{
		MinRecall5:           0.65,
		MinMRR:               0.4,
		MinSourceCited:       0.5,
		MinFactHits:          0.4,
		MinCitationPrecision: 0.5,
	}
}

func TestEvalSotu(t *testing.T) {
	if testing.Short() {
		t.Skip("indexing 233 addresses takes seconds")
	}
	if _, err := os.Stat(sotuDir); errors.Is(err, os.ErrNotExist) {
		t.Skipf("corpus %s is absent", sotuDir)
	}
	cases, err := ReadFile(filepath.Join("testdata", "sotu.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(t.Context(), newEvalBot(t, sotuDir), cases)
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("eval of sotu.yaml:\n%s", buf.String())
	if err := rep.Check(sotuThresholds()); err != nil {
		t.Error(err)
	}
	if n := rep.Totals.AnsweredUnanswerable; n > 0 {
		t.Errorf("answered %d unanswerable questions, want 0", n)
	}
}

// heldoutDir is a small corpus of news the answerer was not tuned on:
// its questions check that what works on the seeds generalises.
var heldoutDir = filepath.Join("testdata", "heldout")

// heldoutThresholds are the least the offline bot reaches on heldout.yaml
// (measured: recall@5 1, MRR 0.958, source cited 0.925, fact hits 0.875,
// refusal accuracy 0.9, citation precision 1; with the hand-made synonym
// table, before WordNet replaced it: 1, 1, 0.98), a little below so that
// a new question does not fail the build before it is looked at.
func heldoutThresholds() Thresholds {
	return Thresholds{
		MinRecall5:           0.95,
		MinMRR:               0.9,
		MinSourceCited:       0.9,
		MinFactHits:          0.85,
		MinRefusalAccuracy:   0.88,
		MinCitationPrecision: 0.9,
	}
}

func TestEvalHeldout(t *testing.T) {
	cases, err := ReadFile(filepath.Join("testdata", "heldout.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(t.Context(), newEvalBot(t, heldoutDir), cases)
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("eval of heldout.yaml:\n%s", buf.String())
	if err := rep.Check(heldoutThresholds()); err != nil {
		t.Error(err)
	}
}

// newEvalBot returns the real bot over corpus: the built-in embedder, a
// fresh index in a temporary directory, the extractive answerer.
func newEvalBot(t *testing.T, corpus string) *bot.Bot {
	t.Helper()
	return offlineBot(t, corpus)
}

func ExampleRun() {
	cases, err := ReadCases(strings.NewReader(`
- question: Which alliance official spoke to a morning TV show?
  sources: [000_7b664699113ac3fb.txt]
  facts: [Appathurai]
- question: What is the population of Toronto?
  refuse: true
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// In use the asker is the *Bot; here it replays known answers.
	asker := &cannedAsker{replies: map[string]evalReply{
		"Which alliance official spoke to a morning TV show?": {answer: bot.Answer{
			Text:      "NATO spokesperson James Appathurai spoke to CTV's Canada AM [1].",
			Citations: evalCitations("000_7b664699113ac3fb.txt"),
			Passages:  evalPassages("001_b7e1029fb9729208.txt", "000_7b664699113ac3fb.txt"),
		}},
		"What is the population of Toronto?": {answer: bot.Answer{Text: "The coverage does not say.", Refused: true}},
	}}
	rep := Run(context.Background(), asker, cases)
	rep.WriteText(os.Stdout)
	fmt.Println(rep.Check(Thresholds{MinRecall5: 0.9, MinMRR: 0.9}))
	// Output:
	// #  rank  cited  facts  source  refusal  right  question
	// 1  2     1/1    1/1    yes     ok       yes    Which alliance official spoke to a morning TV show?
	// 2  -     -      -      -       ok       yes    What is the population of Toronto?
	//
	// questions                2 (1 answerable, 1 unanswerable)
	// recall@1                 0.000 (0/1)
	// recall@5                 1.000 (1/1)
	// MRR                      0.500 (over 1)
	// citation precision       1.000 (1/1)
	// fact hits                1.000 (1/1)
	// source cited             1.000 (1/1)
	// refusal accuracy         1.000 (2/2)
	// answered right           1.000 (2/2)
	// false "sources differ"   0.000 (0/1)
	// both sides of conflicts  n/a
	// coverage citing all      n/a
	// wrongly refused          0
	// answered unanswerable    0
	// errors                   0
	// eval below thresholds: MRR 0.500 < 0.900
}

func TestEvalConflictAndCoverage(t *testing.T) {
	differ := "The sources differ. 2,500 troops [1]. A later report says otherwise: 2,700 [2]."
	for _, tt := range []struct {
		name                         string
		c                            Case
		text                         string
		cited                        []string
		right, says, allCited, sides bool
	}{
		{"conflict with both values", Case{Sources: []string{"a", "b"}, Facts: []string{"2,500"}, Conflict: true, Values: []string{"2,500", "2,700"}},
			differ, []string{"a", "b"}, true, true, true, true},
		{"conflict with one value", Case{Sources: []string{"a"}, Facts: []string{"2,500"}, Conflict: true, Values: []string{"2,500", "2,700"}},
			"2,500 troops [1].", []string{"a"}, false, false, true, false},
		{"false differ", Case{Sources: []string{"a"}, Facts: []string{"2,500"}},
			differ, []string{"a"}, false, true, true, false},
		{"coverage citing some", Case{Kind: "coverage-articles", Sources: []string{"a", "b"}, Facts: []string{"troops"}},
			"troops [1]", []string{"a"}, false, false, false, false},
		{"coverage citing all", Case{Kind: "coverage-articles", Sources: []string{"a", "b"}, Facts: []string{"troops"}},
			"troops [1][2]", []string{"b", "a"}, true, false, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Question = "q"
			r := scoreCase(tt.c, bot.Answer{Text: tt.text, Citations: evalCitations(tt.cited...)})
			if r.Correct() != tt.right || r.SaysDiffer != tt.says || r.AllSourcesCited != tt.allCited {
				t.Errorf("Correct, SaysDiffer, AllSourcesCited = %v, %v, %v, want %v, %v, %v", r.Correct(), r.SaysDiffer, r.AllSourcesCited, tt.right, tt.says, tt.allCited)
			}
			if got := tt.c.Conflict && len(r.ValuesMissing) == 0; got != tt.sides {
				t.Errorf("both sides = %v, want %v (missing %q)", got, tt.sides, r.ValuesMissing)
			}
		})
	}
}

func TestSaysDiffer(t *testing.T) {
	for text, want := range map[string]bool{
		"The sources differ. One says 2,500 [1].":        true,
		"Another report says otherwise: 2,700 [2].":      true,
		"The reports disagree on the number of troops.":  true,
		"Canada has 2,500 troops [1].":                   false,
		"Harper said the allies must differ in approach": false,
	} {
		if got := SaysDiffer(text); got != want {
			t.Errorf("SaysDiffer(%q) = %v, want %v", text, got, want)
		}
	}
}

// devDir and devHeldoutDir hold the articles written for the question
// kinds of issue 8: dev.yaml was tuned on, devheldout.yaml kept out of
// sight while tuning.
var (
	devDir        = filepath.Join("testdata", "dev")
	devHeldoutDir = filepath.Join("testdata", "devheldout")
)

// dev2Dir and heldout2Dir are the second round's: dev2.yaml was tuned on,
// heldout2.yaml measured once, blind, at the end.
var (
	dev2Dir     = filepath.Join("testdata", "dev2")
	heldout2Dir = filepath.Join("testdata", "heldout2")
)

// dev3FactsDir and heldout3FactsDir are the third round's, on single
// facts: dev3facts.yaml was tuned on, heldout3facts.yaml written at the
// same time and only its aggregate looked at.
var (
	dev3FactsDir     = filepath.Join("testdata", "dev3facts")
	heldout3FactsDir = filepath.Join("testdata", "heldout3facts")
)

// dev4FactsDir and heldout4FactsDir are the fourth round's single
// answers (yes/no decided in other words, question shapes, facts asked
// in other words): dev4facts.yaml was tuned on, heldout4facts.yaml
// written at the same time and only its totals looked at.
var (
	dev4FactsDir     = filepath.Join("testdata", "dev4facts")
	heldout4FactsDir = filepath.Join("testdata", "heldout4facts")
)

// dev5KindsDir and heldout5KindsDir are the fifth round's, on answers
// of the kind and measure asked (which organisation, which person by
// office, a sum of a given measure, a count of a given thing, a clock
// time): dev5kinds.yaml was tuned on, only the totals of
// heldout5kinds.yaml looked at.
var (
	dev5KindsDir     = filepath.Join("testdata", "dev5kinds")
	heldout5KindsDir = filepath.Join("testdata", "heldout5kinds")
)

// dev6CountsDir and heldout6CountsDir are the sixth round's, on "how
// many", "how much" and "what share" answered by the figure that counts
// the asked thing in the asked way (an increment or a total, the
// predicate asked, a trade or the whole staff, a price or its rise):
// dev6counts.yaml was tuned on, only the totals of heldout6counts.yaml
// looked at.
var (
	dev6CountsDir     = filepath.Join("testdata", "dev6counts")
	heldout6CountsDir = filepath.Join("testdata", "heldout6counts")
)

// dev7AssocDir and heldout7AssocDir are the seventh round's, on questions
// in the words of the story's world rather than the answering sentence's
// ("the walkout" for the strike, "the fine" for the penalty), and on
// look-alikes that share the story's words: dev7assoc.yaml was tuned on,
// only the totals of heldout7assoc.yaml looked at.
var (
	dev7AssocDir     = filepath.Join("testdata", "dev7assoc")
	heldout7AssocDir = filepath.Join("testdata", "heldout7assoc")
)

// dev7GateDir and heldout7GateDir are the seventh round's, on whether
// the best sentence answers the question at all (the answer it expects,
// bound to what it asks; look-alikes refused): dev7gate.yaml was tuned
// on, only the totals of heldout7gate.yaml looked at.
var (
	dev7GateDir     = filepath.Join("testdata", "dev7gate")
	heldout7GateDir = filepath.Join("testdata", "heldout7gate")
)

// dev4TypoDir and heldout4TypoDir are the fourth round's, on typos,
// the question's constraints, who is quoted and single-fact conflicts:
// dev4typo.yaml was tuned on, only the totals of heldout4typo.yaml looked
// at while tuning.
var (
	dev4TypoDir     = filepath.Join("testdata", "dev4typo")
	heldout4TypoDir = filepath.Join("testdata", "heldout4typo")
	// The fifth round's on figures that change over time (updates)
	// against real disagreements.
	dev5UpdatesDir     = filepath.Join("testdata", "dev5updates")
	heldout5UpdatesDir = filepath.Join("testdata", "heldout5updates")
)

// dev5YesNoDir and heldout5YesNoDir are the fifth round's, on yes/no
// questions decided in other words and misspelt names: dev5yesno.yaml
// was tuned on, only the totals of heldout5yesno.yaml looked at.
var (
	dev5YesNoDir     = filepath.Join("testdata", "dev5yesno")
	heldout5YesNoDir = filepath.Join("testdata", "heldout5yesno")
)

// dev6YesNoDir and heldout6YesNoDir are the sixth round's, on yes/no
// questions answered by implication, by a later report, or by a refusal
// that does not repeat the question's verb: dev6yesno.yaml was tuned on,
// only the totals of heldout6yesno.yaml looked at.
var (
	dev6YesNoDir     = filepath.Join("testdata", "dev6yesno")
	heldout6YesNoDir = filepath.Join("testdata", "heldout6yesno")
)

// dev5StoriesDir and heldout5StoriesDir are the fifth round's, on
// summaries of a story, events, timelines and who is quoted: dev5stories
// was tuned on, only the totals of heldout5stories looked at.
var (
	dev5StoriesDir     = filepath.Join("testdata", "dev5stories")
	heldout5StoriesDir = filepath.Join("testdata", "heldout5stories")
)

// dev6StoriesDir and heldout6StoriesDir are the sixth round's, on
// coverage questions other than disagreements: dev6stories was tuned on,
// only the totals of heldout6stories looked at.
var (
	dev6StoriesDir     = filepath.Join("testdata", "dev6stories")
	heldout6StoriesDir = filepath.Join("testdata", "heldout6stories")
)

// dev5EditionsDir and heldout5EditionsDir are the fifth round's, on the
// question's constraints (years met by an article's date, editions,
// ordinals, days, quarters, numbered names): dev5editions.yaml was tuned
// on, only the totals of heldout5editions.yaml looked at while tuning.
var (
	dev5EditionsDir     = filepath.Join("testdata", "dev5editions")
	heldout5EditionsDir = filepath.Join("testdata", "heldout5editions")
)

// dev6EditionsDir and heldout6EditionsDir are the sixth round's, on the
// years, editions, ordinals and quarters of the event asked about that
// an article's date or another article states (a margin, a route's
// length, a share price, a full year's results): dev6editions.yaml was
// tuned on, only the totals of heldout6editions.yaml looked at.
var (
	dev6EditionsDir     = filepath.Join("testdata", "dev6editions")
	heldout6EditionsDir = filepath.Join("testdata", "heldout6editions")
)

// dev6RolesDir and heldout6RolesDir are the sixth round's, on who holds a
// role (a title, an appositive, a "by" phrase, a place in a race, the
// defending champion) and misspelt names: dev6roles.yaml was tuned on,
// only the totals of heldout6roles.yaml looked at.
var (
	dev6RolesDir     = filepath.Join("testdata", "dev6roles")
	heldout6RolesDir = filepath.Join("testdata", "heldout6roles")
)

// The sixth and seventh rounds' sets on where the reports disagree.
var (
	dev6DisagreeDir     = filepath.Join("testdata", "dev6disagree")
	heldout6DisagreeDir = filepath.Join("testdata", "heldout6disagree")
	dev7DisagreeDir     = filepath.Join("testdata", "dev7disagree")
	heldout7DisagreeDir = filepath.Join("testdata", "heldout7disagree")
	dev8WhenDir         = filepath.Join("testdata", "dev8when")
	heldout8WhenDir     = filepath.Join("testdata", "heldout8when")
)

// The eighth round's on one quantity given in differently shaped
// sentences and estimates revised.
var (
	dev8MeasureDir     = filepath.Join("testdata", "dev8measure")
	heldout8MeasureDir = filepath.Join("testdata", "heldout8measure")
)

// dev8TypeDir and heldout8TypeDir are the eighth round's, on the kind of
// answer a quantity question expects: dev8type.yaml was tuned on, only
// the totals of heldout8type.yaml looked at.
var (
	dev8TypeDir     = filepath.Join("testdata", "dev8type")
	heldout8TypeDir = filepath.Join("testdata", "heldout8type")
)

// dev3covDir and heldout3covDir are the third round's, of questions
// about the whole coverage: dev3cov.yaml was tuned on, only the total of
// heldout3cov.yaml looked at while tuning.
var (
	dev3covDir     = filepath.Join("testdata", "dev3cov")
	heldout3covDir = filepath.Join("testdata", "heldout3cov")
)

// dev4covDir and heldout4covDir are the fourth round's, of questions
// about disagreements, timelines and topic summaries: dev4cov.yaml was
// tuned on, only the totals of heldout4cov.yaml looked at while tuning.
var (
	dev4covDir     = filepath.Join("testdata", "dev4cov")
	heldout4covDir = filepath.Join("testdata", "heldout4cov")
)

// kindThresholds are the targets on coverage not tuned on: answered
// right, at most 3% false "the sources differ", both sides of conflicts,
// and every article cited by a coverage question.
func kindThresholds() Thresholds {
	return Thresholds{
		MinCorrect:       0.8,
		MaxFalseDiffer:   0.03,
		MinBothSides:     0.4,
		MinCoverageCited: 1,
	}
}

// TestEvalKinds holds the sets written for issue 8's question kinds to
// their thresholds: dev and devheldout to kindThresholds; the third
// round's single-fact sets to what the offline bot reaches (measured:
// answered right 0.833 on dev3facts.yaml, 0.844 on heldout3facts.yaml;
// 0.583 and 0.656 before the round), and the fourth round's likewise
// (0.806 on dev4facts.yaml, 0.794 on heldout4facts.yaml; 0.694 and 0.735
// before), a little below so that a new question does not fail the
// build before it is looked at.
func TestEvalKinds(t *testing.T) {
	for _, tt := range []struct {
		file, corpus string
		want         Thresholds
	}{
		{"dev.yaml", devDir, kindThresholds()},
		{"devheldout.yaml", devHeldoutDir, kindThresholds()},
		{"dev3facts.yaml", dev3FactsDir, Thresholds{MinCorrect: 0.8}},
		{"heldout3facts.yaml", heldout3FactsDir, Thresholds{MinCorrect: 0.8}},
		{"dev4cov.yaml", dev4covDir, Thresholds{MinCorrect: 0.7, MaxFalseDiffer: 0.03}},
		{"heldout4cov.yaml", heldout4covDir, Thresholds{MinCorrect: 0.75, MaxFalseDiffer: 0.03}},
		{"dev4facts.yaml", dev4FactsDir, Thresholds{MinCorrect: 0.78, MaxFalseDiffer: 0.03}},
		{"heldout4facts.yaml", heldout4FactsDir, Thresholds{MinCorrect: 0.76, MaxFalseDiffer: 0.03}},
		// The fourth round's on typos and constraints (answered right
		// 0.861 and 0.706; 0.639 and 0.618 before it).
		{"dev4typo.yaml", dev4TypoDir, Thresholds{MinCorrect: 0.83, MinBothSides: 0.9, MaxFalseDiffer: 0.03}},
		{"heldout4typo.yaml", heldout4TypoDir, Thresholds{MinCorrect: 0.68}},
		// The fifth round's on the kind and measure asked (answered
		// right 0.806 and 0.667; 0.500 and 0.667 before it).
		{"dev5kinds.yaml", dev5KindsDir, Thresholds{MinCorrect: 0.78, MaxFalseDiffer: 0.03}},
		{"heldout5kinds.yaml", heldout5KindsDir, Thresholds{MinCorrect: 0.64}},
		// The fifth round's on updates against disagreements.
		{"dev5updates.yaml", dev5UpdatesDir, Thresholds{MinCorrect: 0.52, MinBothSides: 0.65, MaxFalseDiffer: 0.03}},
		{"heldout5updates.yaml", heldout5UpdatesDir, Thresholds{MinCorrect: 0.72, MinBothSides: 0.45}},
		// The fifth round's on yes/no and misspelt names (answered right
		// 0.968 and 0.774; 0.677 and 0.710 before it).
		{"dev5yesno.yaml", dev5YesNoDir, Thresholds{MinCorrect: 0.93, MaxFalseDiffer: 0.03}},
		{"heldout5yesno.yaml", heldout5YesNoDir, Thresholds{MinCorrect: 0.74, MaxFalseDiffer: 0.03}},
		// The sixth round's on yes/no answered by implication, a later
		// report or a refusal in other words (answered right 0.800 and
		// 0.714; 0.667 and 0.679 before it).
		{"dev6yesno.yaml", dev6YesNoDir, Thresholds{MinCorrect: 0.76, MaxFalseDiffer: 0.03}},
		{"heldout6yesno.yaml", heldout6YesNoDir, Thresholds{MinCorrect: 0.68, MaxFalseDiffer: 0.03}},
		// The fifth round's on stories, events, timelines and who is
		// quoted (answered right 0.853 and 0.621; 0.559 and 0.586 before).
		{"dev5stories.yaml", dev5StoriesDir, Thresholds{MinCorrect: 0.8, MinCoverageCited: 0.95}},
		{"heldout5stories.yaml", heldout5StoriesDir, Thresholds{MinCorrect: 0.58}},
		// The fifth round's on constraints (answered right 0.794 and
		// 0.710; 0.588 and 0.581 before it).
		{"dev5editions.yaml", dev5EditionsDir, Thresholds{MinCorrect: 0.76, MaxFalseDiffer: 0.03}},
		{"heldout5editions.yaml", heldout5EditionsDir, Thresholds{MinCorrect: 0.68, MaxFalseDiffer: 0.03}},
		// The sixth round's on the event's year, edition and quarter
		// (answered right 0.846 and 0.647; 0.718 and 0.647 before it).
		{"dev6editions.yaml", dev6EditionsDir, Thresholds{MinCorrect: 0.82, MaxFalseDiffer: 0.03}},
		{"heldout6editions.yaml", heldout6EditionsDir, Thresholds{MinCorrect: 0.62, MaxFalseDiffer: 0.1}},
		// The sixth round's on summaries of a sub-event, histories, a
		// figure's trend, who is quoted by role and story, and dates by
		// story (answered right 0.600 and 0.750; 0.467 and 0.679 before).
		{"dev6stories.yaml", dev6StoriesDir, Thresholds{MinCorrect: 0.58}},
		{"heldout6stories.yaml", heldout6StoriesDir, Thresholds{MinCorrect: 0.69}},
		// The sixth round's on counts and measures (answered right
		// 0.886 and 0.765; 0.629 and 0.706 before it).
		{"dev6counts.yaml", dev6CountsDir, Thresholds{MinCorrect: 0.85, MaxFalseDiffer: 0.03}},
		{"heldout6counts.yaml", heldout6CountsDir, Thresholds{MinCorrect: 0.73, MaxFalseDiffer: 0.03}},
		// The sixth round's on roles and misspelt names (answered right
		// 0.952 and 0.500; 0.786 and 0.469 before it).
		{"dev6roles.yaml", dev6RolesDir, Thresholds{MinCorrect: 0.92, MaxFalseDiffer: 0.03}},
		{"heldout6roles.yaml", heldout6RolesDir, Thresholds{MinCorrect: 0.47, MaxFalseDiffer: 0.03}},
		// The sixth round's on where the reports disagree (answered right
		// 0.444 and 0.577 before it).
		{"dev6disagree.yaml", dev6DisagreeDir, Thresholds{MinCorrect: 0.6, MaxFalseDiffer: 0.03}},
		{"heldout6disagree.yaml", heldout6DisagreeDir, Thresholds{MinCorrect: 0.55}},
		// The seventh round's on the story's words for what a report
		// says otherwise (answered right 0.306 and 0.375, the same
		// before the coverage's word associations: the sets' five to
		// seven articles are too few for them, see retrieval/assoc.go).
		{"dev7assoc.yaml", dev7AssocDir, Thresholds{MinCorrect: 0.3, MaxFalseDiffer: 0.03}},
		{"heldout7assoc.yaml", heldout7AssocDir, Thresholds{MinCorrect: 0.35, MaxFalseDiffer: 0.03}},
		// The seventh round's on whether the best sentence answers at
		// all (answered right 0.795 and 0.538; 0.615 and 0.462 before
		// it).
		{"dev7gate.yaml", dev7GateDir, Thresholds{MinCorrect: 0.75, MaxFalseDiffer: 0.03}},
		{"heldout7gate.yaml", heldout7GateDir, Thresholds{MinCorrect: 0.5, MaxFalseDiffer: 0.03}},
		// The seventh round's on where the reports disagree: revised
		// figures as changes, tallies, names spelt two ways (answered
		// right 0.500 and 0.613; 0.353 and 0.613 before it).
		{"dev7disagree.yaml", dev7DisagreeDir, Thresholds{MinCorrect: 0.47, MinBothSides: 0.55, MaxFalseDiffer: 0.03}},
		{"heldout7disagree.yaml", heldout7DisagreeDir, Thresholds{MinCorrect: 0.58, MaxFalseDiffer: 0.03}},
		// The eighth round's on dates that disagree: a date planned, then
		// given otherwise by a later report, and two outlets' dates of
		// one event (answered right 0.750 and 0.750; 0.458 and 0.600
		// before it).
		{"dev8when.yaml", dev8WhenDir, Thresholds{MinCorrect: 0.72, MinBothSides: 0.85, MaxFalseDiffer: 0.03}},
		{"heldout8when.yaml", heldout8WhenDir, Thresholds{MinCorrect: 0.72, MaxFalseDiffer: 0.03}},
		// The eighth round's on one quantity in differently shaped
		// sentences and estimates revised (answered right 0.609 and
		// 0.619; 0.565 and 0.619 before it).
		{"dev8measure.yaml", dev8MeasureDir, Thresholds{MinCorrect: 0.58, MinBothSides: 0.6, MaxFalseDiffer: 0.03}},
		{"heldout8measure.yaml", heldout8MeasureDir, Thresholds{MinCorrect: 0.58, MaxFalseDiffer: 0.03}},
		// The eighth round's on the kind of answer a quantity question
		// expects (a figure in a unit of what it asks, of the thing
		// asked) and disagreement asked in other words (answered right
		// 0.560 and 0.750; 0.440 and 0.583 before it).
		{"dev8type.yaml", dev8TypeDir, Thresholds{MinCorrect: 0.52}},
		{"heldout8type.yaml", heldout8TypeDir, Thresholds{MinCorrect: 0.7, MaxFalseDiffer: 0.03}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			cases, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			rep := Run(t.Context(), newEvalBot(t, tt.corpus), cases)
			var buf bytes.Buffer
			if err := rep.WriteText(&buf); err != nil {
				t.Fatal(err)
			}
			t.Logf("eval of %s:\n%s", tt.file, buf.String())
			if err := rep.Check(tt.want); err != nil {
				t.Error(err)
			}
		})
	}
}
