// Package eval scores a bot on a set of questions: retrieval recall and
// MRR, citation precision, fact hits and refusal accuracy.
package eval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"

	"go.yaml.in/yaml/v3"
)

// Case is one question of an evaluation set and what a good answer to
// it must show.
type Case struct {
	Question string   `yaml:"question"`
	Sources  []string `yaml:"sources"` // files that answer it, relative to the corpus root; any of them counts
	Facts    []string `yaml:"facts"`   // strings a correct answer contains
	Refuse   bool     `yaml:"refuse"`  // the coverage cannot answer it
	// Kind is the kind of question (see Kinds), "" for an ordinary one.
	// For the coverage kinds every source must be cited, not just one.
	Kind string `yaml:"kind"`
	// Conflict is set when the coverage disagrees on what is asked: the
	// answer must then surface every one of Values. When it is not set,
	// the answer must not say that the sources differ.
	Conflict bool     `yaml:"conflict"`
	Values   []string `yaml:"values"`
	Line     int      `yaml:"-"` // line of the case in its file, 0 when not read from one
}

// ReadCases reads a list of {question, sources, facts, refuse, kind,
// conflict, values} in YAML
// or JSON. It is strict, because a misspelt key would otherwise silently
// drop what a case checks: unknown keys, an answerable case without
// sources and a case to refuse with sources or facts are errors naming
// their line.
func ReadCases(r io.Reader) ([]Case, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading eval cases: %w", err)
	}
	// The node tree gives each case its line; the decoder gives strictness
	// (Node.Decode cannot reject unknown keys).
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("reading eval cases: %w", err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, errors.New("reading eval cases: no questions")
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("reading eval cases: line %d: want a list of questions", list.Line)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cases []Case
	if err := dec.Decode(&cases); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("reading eval cases: %s", strings.Join(te.Errors, "; "))
		}
		return nil, fmt.Errorf("reading eval cases: %w", err)
	}
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == nil:
		return nil, fmt.Errorf("reading eval cases: line %d: more than one YAML document", more.Line)
	case !errors.Is(err, io.EOF):
		return nil, fmt.Errorf("reading eval cases: %w", err)
	}
	if len(cases) == 0 {
		return nil, errors.New("reading eval cases: no questions")
	}
	var errs []error
	seen := make(map[string]int)
	for i := range cases {
		c := &cases[i]
		c.Line = list.Content[i].Line
		if err := c.validate(); err != nil {
			errs = append(errs, err)
		}
		key := normText(c.Question)
		if first, ok := seen[key]; ok && key != "" {
			errs = append(errs, fmt.Errorf("line %d: question repeats line %d", c.Line, first))
		}
		seen[key] = c.Line
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("reading eval cases: %w", err)
	}
	return cases, nil
}

// ReadFile reads the eval cases in the file at name.
func ReadFile(name string) ([]Case, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := ReadCases(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return cases, nil
}

func (c *Case) validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: "+format, append([]any{c.Line}, args...)...))
	}
	if strings.TrimSpace(c.Question) == "" {
		bad("question is empty")
	}
	if c.Refuse && len(c.Sources)+len(c.Facts) > 0 {
		bad("a question to refuse has no sources or facts")
	}
	if !c.Refuse && len(c.Sources) == 0 {
		bad("an answerable question needs sources (or refuse: true)")
	}
	for _, s := range c.Sources {
		n := normSource(s)
		switch {
		case strings.TrimSpace(s) == "":
			bad("empty source")
		case path.IsAbs(n) || n == ".." || strings.HasPrefix(n, "../"):
			bad("source %q is not relative to the corpus root", s)
		}
	}
	for _, f := range c.Facts {
		if strings.TrimSpace(f) == "" {
			bad("empty fact")
		}
	}
	if c.Kind != "" && !slices.Contains(Kinds, c.Kind) {
		bad("unknown kind %q (want one of %s)", c.Kind, strings.Join(Kinds, ", "))
	}
	if len(c.Values) > 0 && !c.Conflict {
		bad("values are the sides of a conflict: set conflict: true")
	}
	for _, v := range c.Values {
		if strings.TrimSpace(v) == "" {
			bad("empty value")
		}
	}
	return errors.Join(errs...)
}

// Asker answers one question; *Bot is one.
type Asker interface {
	Ask(ctx context.Context, conv *bot.Conversation, question string, onToken func(string)) (bot.Answer, error)
}

// Result is how one case was answered.
type Result struct {
	Case   Case
	Answer bot.Answer
	Err    error // Ask failed; the case then counts as wrong everywhere

	// Rank is the 1-based position in Answer.Passages of the first passage
	// from an expected source, 0 when none was retrieved.
	Rank          int
	Cited         int      // citations of the answer
	CitedExpected int      // of those, the ones of an expected source
	SourceCited   bool     // an expected source is cited
	FactsHit      int      // expected facts found in the answer text
	FactsMissing  []string // expected facts not found
	// AllSourcesCited is set when every expected source is cited, as a
	// coverage question needs.
	AllSourcesCited bool
	SaysDiffer      bool     // the answer says the sources differ
	ValuesHit       int      // values of a conflict found in the answer
	ValuesMissing   []string // values of a conflict not found
}

// RecallAt reports whether an expected source was among the first k
// passages retrieved.
func (r Result) RecallAt(k int) bool { return r.Rank > 0 && r.Rank <= k }

// ReciprocalRank is 1/Rank, or 0 when no expected source was retrieved.
func (r Result) ReciprocalRank() float64 {
	if r.Rank == 0 {
		return 0
	}
	return 1 / float64(r.Rank)
}

// CitationPrecision is the share of citations that cite an expected
// source; ok is false when the answer cites nothing.
func (r Result) CitationPrecision() (p float64, ok bool) {
	if r.Cited == 0 {
		return 0, false
	}
	return float64(r.CitedExpected) / float64(r.Cited), true
}

// RefusalCorrect reports whether the bot refused exactly when it should.
func (r Result) RefusalCorrect() bool {
	return r.Err == nil && r.Answer.Refused == r.Case.Refuse
}

// Rate is a mean over Of items: hits, or summed reciprocal ranks, in Sum.
// Of == 0 means there was nothing to measure, which is not the same as 0.
type Rate struct {
	Sum float64
	Of  int
}

// Value is Sum/Of, or 0 when nothing was measured.
func (r Rate) Value() float64 {
	if r.Of == 0 {
		return 0
	}
	return r.Sum / float64(r.Of)
}

// Measured reports whether the rate has anything behind it.
func (r Rate) Measured() bool { return r.Of > 0 }

func (r *Rate) add(hit bool) {
	r.Of++
	if hit {
		r.Sum++
	}
}

// Totals summarise an evaluation. Retrieval, facts, citations and
// sources are measured over the answerable cases; refusal over all.
type Totals struct {
	Questions  int
	Answerable int
	Errors     int // questions whose Ask failed

	Recall1           Rate // an expected source ranked first
	Recall5           Rate // an expected source in the top 5
	MRR               Rate // mean reciprocal rank of the first expected source
	CitationPrecision Rate // micro: citations of expected sources over all citations
	FactHits          Rate // expected facts found over expected facts
	SourceCited       Rate // answers citing an expected source
	RefusalAccuracy   Rate // refused exactly when they should, over all cases

	WronglyRefused       int // answerable cases refused
	AnsweredUnanswerable int // unanswerable cases answered

	// Correct is the share of cases answered right (see Result.Correct).
	Correct Rate
	// FalseDiffer is the share of answers to questions the coverage
	// agrees on that say the sources differ.
	FalseDiffer Rate
	// BothSides is the share of conflicts whose every value the answer
	// surfaces.
	BothSides Rate
	// CoverageCited is the share of coverage questions whose answer cites
	// every article it must draw on.
	CoverageCited Rate
}

// Report is the outcome of Run.
type Report struct {
	Results []Result
	Totals  Totals
}

// Run asks every case, each as a one-off question, and scores the
// answers. A failed question is recorded in its result, not returned, so
// that one failure does not hide the rest; once ctx is done the remaining
// cases are recorded as failed without being asked.
func Run(ctx context.Context, asker Asker, cases []Case) Report {
	results := make([]Result, len(cases))
	for i, c := range cases {
		if err := ctx.Err(); err != nil {
			results[i] = Result{Case: c, Err: err}
			continue
		}
		a, err := asker.Ask(ctx, nil, c.Question, nil)
		if err != nil {
			results[i] = Result{Case: c, Err: err}
			continue
		}
		results[i] = scoreCase(c, a)
	}
	return Report{Results: results, Totals: summarise(results)}
}

// scoreCase measures answer a against case c.
func scoreCase(c Case, a bot.Answer) Result {
	r := Result{Case: c, Answer: a}
	want := make(map[string]bool, len(c.Sources))
	for _, s := range c.Sources {
		want[normSource(s)] = true
	}
	for i, p := range a.Passages {
		if want[normSource(p.Source)] {
			r.Rank = i + 1
			break
		}
	}
	for _, ct := range a.Citations {
		r.Cited++
		if want[normSource(ct.Source)] {
			r.CitedExpected++
			r.SourceCited = true
		}
	}
	text := normText(a.Text)
	for _, f := range c.Facts {
		if containsFact(text, normText(f)) {
			r.FactsHit++
		} else {
			r.FactsMissing = append(r.FactsMissing, f)
		}
	}
	cited := make(map[string]bool)
	for _, ct := range a.Citations {
		cited[normSource(ct.Source)] = true
	}
	r.AllSourcesCited = len(want) > 0
	for s := range want {
		r.AllSourcesCited = r.AllSourcesCited && cited[s]
	}
	r.SaysDiffer = !a.Refused && SaysDiffer(a.Text)
	for _, v := range c.Values {
		if containsFact(text, normText(v)) {
			r.ValuesHit++
		} else {
			r.ValuesMissing = append(r.ValuesMissing, v)
		}
	}
	return r
}

func summarise(results []Result) Totals {
	var t Totals
	for _, r := range results {
		t.Questions++
		if r.Err != nil {
			t.Errors++
		}
		t.RefusalAccuracy.add(r.RefusalCorrect())
		if r.Case.Refuse {
			if r.Err == nil && !r.Answer.Refused {
				t.AnsweredUnanswerable++
			}
			continue
		}
		t.Answerable++
		if r.Err == nil && r.Answer.Refused {
			t.WronglyRefused++
		}
		t.Recall1.add(r.RecallAt(1))
		t.Recall5.add(r.RecallAt(5))
		t.MRR.Sum += r.ReciprocalRank()
		t.MRR.Of++
		t.CitationPrecision.Sum += float64(r.CitedExpected)
		t.CitationPrecision.Of += r.Cited
		t.FactHits.Sum += float64(r.FactsHit)
		t.FactHits.Of += len(r.Case.Facts)
		t.SourceCited.add(r.SourceCited)
	}
	for _, r := range results {
		t.Correct.add(r.Correct())
		if r.Case.Refuse || r.Err != nil {
			continue
		}
		if r.Case.Conflict {
			t.BothSides.add(!r.Answer.Refused && len(r.ValuesMissing) == 0)
		} else if !r.Answer.Refused {
			t.FalseDiffer.add(r.SaysDiffer)
		}
		if IsCoverageKind(r.Case.Kind) {
			t.CoverageCited.add(r.AllSourcesCited)
		}
	}
	return t
}

// normSource makes paths comparable: slash-separated, cleaned, without a
// leading "./".
func normSource(s string) string {
	return path.Clean(strings.ReplaceAll(strings.TrimSpace(s), `\`, "/"))
}

// normText prepares text for fact matching: lower case, citation markers
// removed, typographic quotes and dashes folded to what a keyboard types,
// thousands separators dropped ("1,000" -> "1000") and white space
// collapsed.
func normText(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '[':
			// A marker like [12] may sit inside a quoted phrase.
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == ']' {
				b.WriteByte(' ')
				i = j + 1
				continue
			}
		case r == ',' && i > 0 && isDigit(s[i-1]) && isThousands(s[i+1:]):
			i += size
			continue
		case r == '\u2018' || r == '\u2019':
			r = '\''
		case r == '\u201c' || r == '\u201d':
			r = '"'
		case r == '\u2013' || r == '\u2014':
			r = '-'
		}
		b.WriteRune(r)
		i += size
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isThousands reports whether s starts with exactly three digits, as after
// a thousands separator.
func isThousands(s string) bool {
	return len(s) >= 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && (len(s) == 3 || !isDigit(s[3]))
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// containsFact reports whether the normalised fact occurs in the
// normalised text, not as part of a longer number: "1000" is not in
// "11000".
func containsFact(text, fact string) bool {
	if fact == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], fact)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(fact)
		if !(isDigit(fact[0]) && i > 0 && isDigit(text[i-1])) &&
			!(isDigit(fact[len(fact)-1]) && end < len(text) && isDigit(text[end])) {
			return true
		}
		from = i + 1
	}
}

// Thresholds are the lowest acceptable totals; a zero threshold is not
// checked.
type Thresholds struct {
	MinRecall5           float64
	MinMRR               float64
	MinSourceCited       float64
	MinFactHits          float64
	MinRefusalAccuracy   float64
	MinCitationPrecision float64
	MinCorrect           float64
	MinBothSides         float64
	MinCoverageCited     float64
	// MaxFalseDiffer is the highest acceptable share of answers saying
	// the sources differ where they agree; like the others, 0 is not
	// checked (a tiny value allows none).
	MaxFalseDiffer float64
}

// Check returns an error listing every total below its threshold, and the
// questions that failed to run. A total with nothing behind it (no
// citations at all, no answerable cases) is not checked: other totals
// already fail for the cause.
func (rep Report) Check(th Thresholds) error {
	t := rep.Totals
	var problems []string
	for _, m := range []struct {
		name string
		rate Rate
		min  float64
	}{
		{"recall@5", t.Recall5, th.MinRecall5},
		{"MRR", t.MRR, th.MinMRR},
		{"source cited", t.SourceCited, th.MinSourceCited},
		{"fact hits", t.FactHits, th.MinFactHits},
		{"refusal accuracy", t.RefusalAccuracy, th.MinRefusalAccuracy},
		{"citation precision", t.CitationPrecision, th.MinCitationPrecision},
		{"answered right", t.Correct, th.MinCorrect},
		{"both sides of conflicts", t.BothSides, th.MinBothSides},
		{"coverage questions citing every article", t.CoverageCited, th.MinCoverageCited},
	} {
		if m.min > 0 && m.rate.Measured() && m.rate.Value() < m.min {
			problems = append(problems, fmt.Sprintf("%s %.3f < %.3f", m.name, m.rate.Value(), m.min))
		}
	}
	if th.MaxFalseDiffer > 0 && t.FalseDiffer.Measured() && t.FalseDiffer.Value() > th.MaxFalseDiffer {
		problems = append(problems, fmt.Sprintf("false \"sources differ\" %.3f > %.3f", t.FalseDiffer.Value(), th.MaxFalseDiffer))
	}
	if t.Errors > 0 {
		problems = append(problems, fmt.Sprintf("%d of %d questions failed", t.Errors, t.Questions))
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("eval below thresholds: %s", strings.Join(problems, "; "))
}

// WriteText writes a table of the questions, what went wrong with each,
// and the totals.
func (rep Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\trank\tcited\tfacts\tsource\trefusal\tright\tquestion")
	for i, r := range rep.Results {
		rank, cited, facts, source := "-", "-", "-", "-"
		right := "no"
		if r.Correct() {
			right = "yes"
		}
		if !r.Case.Refuse && r.Err == nil {
			rank = "miss"
			if r.Rank > 0 {
				rank = fmt.Sprint(r.Rank)
			}
			cited = fmt.Sprintf("%d/%d", r.CitedExpected, r.Cited)
			facts = fmt.Sprintf("%d/%d", r.FactsHit, len(r.Case.Facts))
			source = "no"
			if r.SourceCited {
				source = "yes"
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, rank, cited, facts, source, refusalWord(r), right, clip(r.Case.Question, 72))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	var notes []string
	for i, r := range rep.Results {
		var why []string
		switch {
		case r.Err != nil:
			why = append(why, "error: "+r.Err.Error())
		case r.Case.Refuse && !r.Answer.Refused:
			why = append(why, "answered a question the coverage cannot answer")
		case !r.Case.Refuse && r.Answer.Refused:
			why = append(why, "refused an answerable question")
		}
		if r.Err == nil && !r.Case.Refuse {
			if r.Rank == 0 {
				why = append(why, "retrieved none of "+strings.Join(r.Case.Sources, ", "))
			}
			// A refusal already says why the facts and sources are missing.
			if !r.Answer.Refused && len(r.FactsMissing) > 0 {
				why = append(why, "missing "+quoteAll(r.FactsMissing))
			}
			if !r.Answer.Refused && !r.SourceCited {
				why = append(why, "cited none of the expected sources")
			}
			if !r.Answer.Refused && r.SourceCited && IsCoverageKind(r.Case.Kind) && !r.AllSourcesCited {
				why = append(why, "cited only some of the articles")
			}
			if !r.Answer.Refused && len(r.ValuesMissing) > 0 {
				why = append(why, "conflict: missing "+quoteAll(r.ValuesMissing))
			}
			if !r.Answer.Refused && !r.Case.Conflict && r.SaysDiffer {
				why = append(why, "says the sources differ where they agree")
			}
		}
		if len(why) > 0 {
			notes = append(notes, fmt.Sprintf("  #%d: %s", i+1, strings.Join(why, "; ")))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\nproblems:\n%s\n", strings.Join(notes, "\n"))
	}

	t := rep.Totals
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "questions\t%d (%d answerable, %d unanswerable)\n", t.Questions, t.Answerable, t.Questions-t.Answerable)
	fmt.Fprintf(tw, "recall@1\t%s\n", fraction(t.Recall1))
	fmt.Fprintf(tw, "recall@5\t%s\n", fraction(t.Recall5))
	fmt.Fprintf(tw, "MRR\t%s\n", mean(t.MRR))
	fmt.Fprintf(tw, "citation precision\t%s\n", fraction(t.CitationPrecision))
	fmt.Fprintf(tw, "fact hits\t%s\n", fraction(t.FactHits))
	fmt.Fprintf(tw, "source cited\t%s\n", fraction(t.SourceCited))
	fmt.Fprintf(tw, "refusal accuracy\t%s\n", fraction(t.RefusalAccuracy))
	fmt.Fprintf(tw, "answered right\t%s\n", fraction(t.Correct))
	if slices.ContainsFunc(rep.Results, func(r Result) bool { return r.Case.Kind != "" }) {
		for _, k := range rep.ByKind() {
			fmt.Fprintf(tw, "  %s\t%s\n", k.Kind, fraction(k.Correct))
		}
	}
	fmt.Fprintf(tw, "false \"sources differ\"\t%s\n", fraction(t.FalseDiffer))
	fmt.Fprintf(tw, "both sides of conflicts\t%s\n", fraction(t.BothSides))
	fmt.Fprintf(tw, "coverage citing all\t%s\n", fraction(t.CoverageCited))
	fmt.Fprintf(tw, "wrongly refused\t%d\n", t.WronglyRefused)
	fmt.Fprintf(tw, "answered unanswerable\t%d\n", t.AnsweredUnanswerable)
	fmt.Fprintf(tw, "errors\t%d\n", t.Errors)
	return tw.Flush()
}

func refusalWord(r Result) string {
	switch {
	case r.Err != nil:
		return "error"
	case r.RefusalCorrect():
		return "ok"
	case r.Answer.Refused:
		return "REFUSED"
	default:
		return "ANSWERED"
	}
}

func fraction(r Rate) string {
	if !r.Measured() {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (%g/%d)", r.Value(), r.Sum, r.Of)
}

func mean(r Rate) string {
	if !r.Measured() {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (over %d)", r.Value(), r.Of)
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// clip shortens s to at most n runes so that long questions do not wrap
// the table.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
