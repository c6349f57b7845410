package bot

import (
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// refusalSentence is the whole answer when the coverage does not answer the
// question.
const refusalSentence = "The coverage doesn't say."

// ExtractiveOptions tune the extractive answerer. A zero field takes its
// default from DefaultExtractiveOptions.
type ExtractiveOptions struct {
	// MaxSentences is the most sentences quoted in one answer.
	MaxSentences int
	// MinCoverage is the share of the question's key terms that must occur
	// somewhere in the passages; below it the answer is a refusal.
	MinCoverage float64
	// MinScore is the score the best sentence must reach; below it the
	// answer is a refusal.
	MinScore float64
	// RelativeScore is the share of the best sentence's score a further
	// sentence needs to be quoted too.
	RelativeScore float64
	// DisagreeCoverage is the share of the question's term weight both
	// sentences of a disagreement must hold, so that only sentences about
	// the same thing are reported as differing.
	DisagreeCoverage float64
	// TypeWeight is added to a sentence that holds what the question asks
	// for (a person, number, date, place or reason) next to the question's
	// terms; half of it when the two are far apart.
	TypeWeight float64
	// RankWeight is added to sentences of the first passage, and a
	// decreasing share of it to the following ones.
	RankWeight float64
	// SynonymCredit is the credit for a question term matched only by a
	// synonym ("soldiers" for "troops").
	SynonymCredit float64
	// DocCredit is the credit for a question term that is not in a sentence
	// but in another passage of the same article ("the 2009 report").
	DocCredit float64
}

// DefaultExtractiveOptions returns the defaults, calibrated on the seed
// questions of extract_test.go.
func DefaultExtractiveOptions() ExtractiveOptions {
	return ExtractiveOptions{
		MaxSentences:     3,
		MinCoverage:      0.6,
		MinScore:         0.45,
		RelativeScore:    0.7,
		DisagreeCoverage: 0.5,
		TypeWeight:       0.4,
		RankWeight:       0.1,
		SynonymCredit:    0.7,
		DocCredit:        0.3,
	}
}

// Extractive answers without a language model by quoting, verbatim and
// cited, the sentences of the passages that best answer the question. It
// never writes a fact of its own, so it can only be wrong by choosing the
// wrong sentence; it refuses when no sentence is good enough.
type Extractive struct {
	opt      ExtractiveOptions
	terms    *retrieval.Analyzer // caches stems: sentences repeat across questions
	synonyms map[string][]string // stem -> stems that may stand for it
}

// NewExtractive returns an extractive answerer.
func NewExtractive(opt ExtractiveOptions) *Extractive {
	def := DefaultExtractiveOptions()
	if opt.MaxSentences <= 0 {
		opt.MaxSentences = def.MaxSentences
	}
	for _, f := range []struct {
		v *float64
		d float64
	}{
		{&opt.MinCoverage, def.MinCoverage},
		{&opt.MinScore, def.MinScore},
		{&opt.RelativeScore, def.RelativeScore},
		{&opt.DisagreeCoverage, def.DisagreeCoverage},
		{&opt.TypeWeight, def.TypeWeight},
		{&opt.RankWeight, def.RankWeight},
		{&opt.SynonymCredit, def.SynonymCredit},
		{&opt.DocCredit, def.DocCredit},
	} {
		if *f.v == 0 {
			*f.v = f.d
		}
	}
	e := &Extractive{opt: opt, terms: retrieval.NewAnalyzer()}
	e.synonyms = e.synonymStems()
	return e
}

// synonymGroups are words a question may use for a word of the coverage.
// Kept small and news-specific: each group is a paraphrase seen in real
// questions, not a thesaurus.
func synonymGroups() [][]string {
	return [][]string{
		{"head", "heads", "leads", "leader", "chief", "boss", "secretary"},
		{"soldier", "troop", "force", "forces"},
		{"lose", "lost", "losses", "killed", "died", "deaths", "casualties"},
		{"size", "strong", "strength", "large", "big"},
		{"end", "ending", "finish", "leave", "withdraw", "withdrawal", "pull", "stop", "quit"},
		{"country", "countries", "nation", "nations", "ally", "allies"},
		{"meet", "meeting", "talks", "summit", "conference"},
		{"say", "said", "tell", "told", "state", "comment", "remark", "remarks", "quoted"},
		{"want", "wants", "ask", "urge", "persuade", "wish"},
		{"help", "support", "assist", "aid", "reinforce"},
		{"extend", "prolong", "prolonging", "continue", "remain", "stay", "staying", "maintain"},
		{"send", "deploy", "deployment", "dispatch", "provide", "sending"},
		{"vote", "motion"},
		{"decide", "decision", "choice", "choose"},
		{"canada", "canadian", "ottawa"},
		{"france", "french", "paris"},
		{"afghanistan", "afghan"},
		{"south", "southern"},
		{"mission", "tour", "role"},
		{"spokesperson", "spokesman", "spokeswoman"},
	}
}

func (e *Extractive) synonymStems() map[string][]string {
	syn := make(map[string][]string)
	for _, g := range synonymGroups() {
		var stems []string
		for _, w := range g {
			for _, s := range e.terms.Terms(w) {
				if !slices.Contains(stems, s) {
					stems = append(stems, s)
				}
			}
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !slices.Contains(syn[s], o) {
					syn[s] = append(syn[s], o)
				}
			}
		}
	}
	return syn
}

// Answer quotes the sentences of req.Passages that answer the question, or
// refuses. It uses the standalone rewrite of the question when there is one.
func (e *Extractive) Answer(ctx context.Context, req Request) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	q := req.Standalone
	if strings.TrimSpace(q) == "" {
		q = req.Question
	}
	a := e.answer(q, req.Passages)
	a.Question = req.Question
	a.Mode = ModeExtractive
	a.Passages = req.Passages
	if req.OnToken != nil {
		req.OnToken(a.Text)
	}
	return a, nil
}

func refusedAnswer() Answer {
	return Answer{Text: refusalSentence, Refused: true, Citations: []Citation{}}
}

// answer is Answer without its bookkeeping.
func (e *Extractive) answer(question string, passages []retrieval.Result) Answer {
	q := e.parseQuestion(question)
	sents := e.collectSentences(passages)
	if len(q.terms) == 0 || len(sents) == 0 {
		return refusedAnswer()
	}
	cands, ok := e.score(q, sents)
	if !ok || cands[0].score < e.opt.MinScore {
		return refusedAnswer()
	}
	best := cands[0]
	chosen := []*scoredSentence{best}
	for _, c := range cands[1:] {
		if len(chosen) == e.opt.MaxSentences || c.score < e.opt.RelativeScore*best.score {
			break
		}
		chosen = append(chosen, c)
	}
	if other := e.disagreement(q, chosen); other != nil {
		return quoteAnswer([]*scoredSentence{best, other}, true)
	}
	return quoteAnswer(chosen, false)
}

// disagreement returns a chosen sentence of another article that gives a
// different figure or date than the best one for the same question, or nil.
func (e *Extractive) disagreement(q questionInfo, chosen []*scoredSentence) *scoredSentence {
	if q.kind != kindNumber && q.kind != kindDate {
		return nil
	}
	best := chosen[0]
	if len(best.values) == 0 || best.coverage < e.opt.DisagreeCoverage {
		return nil
	}
	for _, c := range chosen[1:] {
		if c.s.source == best.s.source || len(c.values) == 0 || c.coverage < e.opt.DisagreeCoverage {
			continue
		}
		if disjointValues(best.values, c.values) {
			return c
		}
	}
	return nil
}

func disjointValues(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// quoteAnswer formats the chosen sentences as a cited answer.
func quoteAnswer(cs []*scoredSentence, differ bool) Answer {
	a := Answer{Citations: make([]Citation, 0, len(cs))}
	var b strings.Builder
	if differ {
		b.WriteString("The sources differ. ")
	}
	for i, c := range cs {
		n := i + 1
		a.Citations = append(a.Citations, Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text,
		})
		if i > 0 {
			b.WriteString(" ")
			if differ {
				b.WriteString(otherReport(cs[0].s.date, c.s.date))
			}
		}
		// Sentences that span lines carry the file's line breaks; the
		// answer reads as prose while the citation keeps them verbatim.
		b.WriteString(strings.Join(strings.Fields(c.s.text), " "))
		b.WriteString(" [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}

// otherReport introduces the second side of a disagreement, dated when the
// two articles' dates are known and differ.
func otherReport(first, other time.Time) string {
	if !first.IsZero() && !other.IsZero() && !sameMonthOf(first, other) {
		return "A report from " + other.Format("January 2006") + " says otherwise: "
	}
	return "Another report says otherwise: "
}

func sameMonthOf(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month()
}

// passageSentence is one distinct sentence of the passages.
type passageSentence struct {
	source, title string
	date          time.Time
	text          string // verbatim, trimmed
	lower         string
	lines         [2]int
	rank          int // of the best passage holding it, 0 first
	terms         map[string]bool
	toks          []textWord
	credit        bool // a photo credit or caption: rarely the answer
}

// collectSentences splits the passages into sentences, dropping the
// repeats that overlapping chunks produce.
func (e *Extractive) collectSentences(passages []retrieval.Result) []*passageSentence {
	seen := make(map[string]bool)
	var out []*passageSentence
	for rank, p := range passages {
		for _, sp := range retrieval.SplitSentences(p.Text) {
			start, end := trimSentence(p.Text, sp.Start, sp.End)
			if start >= end {
				continue
			}
			text := p.Text[start:end]
			offKey := p.Source + "\x00" + strconv.Itoa(p.Start+start)
			textKey := p.Source + "\x00" + text
			if seen[offKey] || seen[textKey] {
				continue
			}
			seen[offKey], seen[textKey] = true, true
			toks := splitWords(text)
			if sentenceWords(toks) < 3 {
				continue // a stray label, not a sentence
			}
			s := &passageSentence{
				source: p.Source, title: p.Title, date: p.Date,
				text: text, lower: strings.ToLower(text),
				lines: [2]int{
					p.FirstLine + retrieval.LineAt(p.Text, start) - 1,
					p.FirstLine + retrieval.LineAt(p.Text, end-1) - 1,
				},
				rank:   rank,
				terms:  make(map[string]bool),
				toks:   toks,
				credit: isPhotoCredit(text),
			}
			for _, t := range e.terms.Terms(text) {
				s.terms[t] = true
			}
			out = append(out, s)
		}
	}
	return out
}

func trimSentence(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

func sentenceWords(toks []textWord) int {
	n := 0
	for _, t := range toks {
		if t.letters > 0 {
			n++
		}
	}
	return n
}

// isPhotoCredit spots captions such as "... June 13 2009. REUTERS/Jorge
// Silva", whose names and dates would otherwise look like answers.
func isPhotoCredit(text string) bool {
	i := strings.Index(text, "/")
	if i < 3 {
		return false
	}
	agency := text[:i]
	if j := strings.LastIndexFunc(agency, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
		agency = agency[j+1:]
	}
	return len(agency) >= 2 && strings.ToUpper(agency) == agency && i+1 < len(text) && unicode.IsUpper(rune(text[i+1]))
}

// scoredSentence is a scored sentence.
type scoredSentence struct {
	s        *passageSentence
	score    float64
	coverage float64  // share of the question's term weight it holds
	values   []string // the figures or dates it gives near the question's terms
}

// score ranks the sentences for q, best first. ok is false when the
// passages lack the question's names or too many of its terms.
func (e *Extractive) score(q questionInfo, sents []*passageSentence) ([]*scoredSentence, bool) {
	// credit[i][j]: how well sentence i holds term j, from 0 to 1.
	credit := make([][]float64, len(sents))
	docBest := make(map[string][]float64) // source -> best credit per term
	for i, s := range sents {
		credit[i] = make([]float64, len(q.terms))
		best := docBest[s.source]
		if best == nil {
			best = make([]float64, len(q.terms))
			docBest[s.source] = best
		}
		for j, t := range q.terms {
			c := e.termCredit(s, t)
			credit[i][j] = c
			best[j] = max(best[j], c)
		}
	}

	// Refuse when the passages lack a name of the question or too many of
	// its terms: then any sentence found would answer another question.
	present := 0
	idf := make([]float64, len(q.terms))
	n := float64(len(sents))
	for j, t := range q.terms {
		df, direct := 0, false
		for i := range sents {
			if credit[i][j] >= e.opt.SynonymCredit {
				df++
			}
			if credit[i][j] == 1 {
				direct = true
			}
		}
		if t.name && !direct {
			return nil, false
		}
		if df > 0 {
			present++
			idf[j] = math.Log((n + 1) / (float64(df) + 0.5))
		}
	}
	if float64(present) < e.opt.MinCoverage*float64(len(q.terms)) {
		return nil, false
	}
	var total float64
	for _, w := range idf {
		total += w
	}
	if total == 0 {
		// Every present term is in every sentence: they cannot tell the
		// sentences apart, but they are all there.
		for j := range idf {
			if idf[j] == 0 && presentTerm(credit, j, e.opt.SynonymCredit) {
				idf[j] = 1
				total++
			}
		}
	}

	cands := make([]*scoredSentence, len(sents))
	for i, s := range sents {
		var got float64
		for j := range q.terms {
			c := max(credit[i][j], e.opt.DocCredit*docBest[s.source][j])
			got += idf[j] * c
		}
		c := &scoredSentence{s: s, coverage: got / total}
		near, far, values := answerEvidence(q, s)
		switch {
		case near:
			c.score += e.opt.TypeWeight
		case far:
			c.score += e.opt.TypeWeight / 2
		}
		c.values = values
		c.score += c.coverage + e.opt.RankWeight/float64(1+s.rank)
		if s.credit {
			c.score /= 2
		}
		cands[i] = c
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	return cands, true
}

func presentTerm(credit [][]float64, j int, min float64) bool {
	for i := range credit {
		if credit[i][j] >= min {
			return true
		}
	}
	return false
}

// termCredit says how well s holds t: 1 for the term itself (also glued to
// a neighbouring word, as in "peacekeepingmission"), SynonymCredit for a
// synonym, 0 otherwise.
func (e *Extractive) termCredit(s *passageSentence, t qterm) float64 {
	if s.terms[t.stem] {
		return 1
	}
	if len(t.prefix) >= 5 && strings.Contains(s.lower, t.prefix) {
		return 1
	}
	for _, o := range t.syn {
		if s.terms[o] {
			return e.opt.SynonymCredit
		}
	}
	return 0
}

// tokenMatches reports whether a word of a sentence stands for t; it is
// used to find what lies next to the question's terms.
func tokenMatches(lower string, t qterm) bool {
	if lower == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(lower, t.prefix) {
		return true
	}
	if len(t.prefix) >= 5 && strings.Contains(lower, t.prefix) {
		return true
	}
	for _, o := range t.syn {
		if lower == o || len(o) >= 4 && strings.HasPrefix(lower, strings.TrimSuffix(o, "i")) {
			return true
		}
	}
	return false
}

// nearWords is how many words apart an answer and a question term may be
// to count as related.
const nearWords = 5

// answerEvidence finds what q asks for in s: near when it lies within a few
// words of a question term, far when it is only somewhere in the sentence.
// values are the figures or dates found near the question's terms,
// normalised ("1,000" -> "1000", "next February" -> "february").
func answerEvidence(q questionInfo, s *passageSentence) (near, far bool, values []string) {
	if q.kind == kindAny {
		return false, false, nil
	}
	var anchors []int
	for i, tk := range s.toks {
		for _, t := range q.terms {
			if tokenMatches(tk.lower, t) {
				anchors = append(anchors, i)
				break
			}
		}
	}
	isNear := func(i int) bool {
		for _, a := range anchors {
			if a != i && a >= i-nearWords && a <= i+nearWords {
				return true
			}
		}
		return false
	}
	for _, f := range findKind(q.kind, s) {
		if isNear(f.tok) {
			near = true
			if f.value != "" && !slices.Contains(values, f.value) {
				values = append(values, f.value)
			}
		} else {
			far = true
		}
	}
	return near, far, values
}

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindNumber
	kindDate
	kindPlace
	kindReason
)

func (k answerKind) String() string {
	return [...]string{"any", "person", "number", "date", "place", "reason"}[k]
}

// questionInfo is a question reduced to what it asks for and its key terms.
type questionInfo struct {
	kind  answerKind
	terms []qterm
}

// qterm is a key term of a question.
type qterm struct {
	stem   string   // as retrieval.Terms gives it
	prefix string   // the stem as it begins the written word ("februari" -> "februar")
	syn    []string // stems of synonyms
	name   bool     // from a proper noun: the passages must hold it
}

func (e *Extractive) parseQuestion(text string) questionInfo {
	toks := splitWords(text)
	q := questionInfo{kind: questionKind(toks)}
	seen := make(map[string]bool)
	for i, tk := range toks {
		if tk.letters+tk.digits < 2 || questionWord(tk.lower) || markerWord(tk.lower) {
			continue
		}
		name := isName(toks, i)
		for _, st := range e.terms.Terms(tk.text) {
			if seen[st] {
				continue
			}
			seen[st] = true
			q.terms = append(q.terms, qterm{
				stem:   st,
				prefix: strings.TrimSuffix(st, "i"),
				syn:    e.synonyms[st],
				name:   name,
			})
		}
	}
	return q
}

// isName reports whether toks[i] is a proper noun the coverage must
// mention for the question to be answerable: a capitalised word inside the
// question, or an acronym anywhere. Short acronyms (PM, US) are too often
// spelled out in the text to be required, as are titles (Mr, Dr).
func isName(toks []textWord, i int) bool {
	tk := toks[i]
	if !tk.upper || tk.letters < 3 || isHonorific(tk.lower) || answerNoun(tk.lower) != kindAny {
		return false
	}
	if i == 0 {
		return tk.allCaps
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "sgt", "prof", "rev", "st":
		return true
	}
	return false
}

// questionWord reports whether w only shapes the question and says nothing
// about its subject.
func questionWord(w string) bool {
	switch w {
	case "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "whereabouts",
		"many", "much", "name", "according", "tell", "me", "us", "please", "list", "identify",
		"give", "describe", "explain", "does", "did", "do", "is", "are", "was", "were", "will",
		"would", "can", "could", "should", "has", "have", "had", "the", "a", "an", "of", "in",
		"on", "at", "to", "for", "by", "with", "about", "from", "as", "and", "or", "that",
		"this", "these", "those", "there", "it", "its", "be", "been", "being", "so", "far",
		"exactly", "currently", "now", "say", "says", "said", "happen", "happened":
		return true
	}
	return false
}

// markerWord reports whether w only names the kind of answer wanted
// ("what year", "which city", "the number of") and so need not occur in
// the passages.
func markerWord(w string) bool {
	switch w {
	case "number", "amount", "count", "total", "figure", "percentage", "numerous", "long",
		"year", "date", "day", "month", "time", "week", "place", "location", "venue", "site",
		"city", "country", "town", "region", "province", "reason", "reasons", "cause",
		"purpose", "motive":
		return true
	}
	return false
}

// answerNoun returns what a question asks for when it names it with w
// ("which official", "what year", "the size of").
func answerNoun(w string) answerKind {
	switch w {
	case "official", "officials", "minister", "person", "people", "leader", "spokesperson",
		"spokesman", "spokeswoman", "diplomat", "president", "chancellor", "secretary",
		"politician", "reporter", "journalist", "man", "woman", "commander", "ambassador",
		"author", "boss", "chief", "head":
		return kindPerson
	case "city", "country", "place", "town", "region", "province", "capital", "location",
		"venue", "area", "site":
		return kindPlace
	case "year", "date", "day", "month", "time", "deadline", "week":
		return kindDate
	case "number", "amount", "size", "count", "total", "figure", "percentage", "strength",
		"population", "large", "big", "long", "strong", "numerous":
		return kindNumber
	case "reason", "reasons", "cause", "purpose", "motive", "why":
		return kindReason
	}
	return kindAny
}

// questionKind finds what the question asks for: the first wh-word
// decides, and "what"/"which"/"name" look at the noun that follows.
func questionKind(toks []textWord) answerKind {
	for i, tk := range toks {
		switch tk.lower {
		case "who", "whom", "whose":
			return kindPerson
		case "when":
			return kindDate
		case "where", "whereabouts":
			return kindPlace
		case "why":
			return kindReason
		case "how":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "many", "much", "large", "big", "strong", "long", "far", "few", "numerous", "old", "often":
					return kindNumber
				case "soon", "late", "early":
					return kindDate
				}
			}
			return kindAny
		case "what", "which", "name", "identify":
			for _, next := range toks[i+1 : min(len(toks), i+7)] {
				if k := answerNoun(next.lower); k != kindAny {
					return k
				}
			}
			return kindAny
		}
	}
	// No wh-word ("Tell me the size of ..."): the first answer noun decides.
	for _, tk := range toks {
		if k := answerNoun(tk.lower); k != kindAny {
			return k
		}
	}
	return kindAny
}

// textWord is a word or number of a text.
type textWord struct {
	text    string
	lower   string
	letters int
	digits  int
	upper   bool // starts with a capital
	allCaps bool // two or more letters, all capitals
}

// splitWords splits text into words and numbers. Hyphens and apostrophes
// split words ("2,700-strong", "Canada's"); a comma or point between
// digits stays inside the number ("2,500", "3.5").
func splitWords(text string) []textWord {
	var toks []textWord
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		t := textWord{text: w, lower: strings.ToLower(w), allCaps: true}
		for i, r := range w {
			switch {
			case unicode.IsLetter(r):
				t.letters++
				if i == 0 {
					t.upper = unicode.IsUpper(r)
				}
				if !unicode.IsUpper(r) {
					t.allCaps = false
				}
			case unicode.IsDigit(r):
				t.digits++
			}
		}
		t.allCaps = t.allCaps && t.letters >= 2
		toks = append(toks, t)
		start = -1
	}
	prevDigit := false
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			prevDigit = unicode.IsDigit(r)
			continue
		case (r == ',' || r == '.') && prevDigit && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsDigit(next) {
				continue
			}
		}
		prevDigit = false
		flush(i)
	}
	flush(len(text))
	return toks
}

// answerSpot is one thing of the kind a question asks for, at token tok.
type answerSpot struct {
	tok   int
	value string // normalised figure or date; "" when not comparable
}

// findKind finds in s what a question of kind k asks for.
func findKind(k answerKind, s *passageSentence) []answerSpot {
	switch k {
	case kindPerson:
		return findPeople(s.toks)
	case kindNumber:
		return findNumbers(s.toks)
	case kindDate:
		return findDates(s.toks)
	case kindPlace:
		return findPlaces(s)
	case kindReason:
		return findReasons(s.toks)
	}
	return nil
}

func findPeople(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		if isPersonTitle(tk.lower) {
			out = append(out, answerSpot{tok: i})
			continue
		}
		// Two capitalised words inside a sentence: "James Appathurai".
		if i > 0 && i+1 < len(toks) && isProperWord(tk) && isProperWord(toks[i+1]) {
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}

func isProperWord(tk textWord) bool {
	return tk.upper && !tk.allCaps && tk.letters >= 2 && monthName(tk) == "" && !isWeekday(tk.lower)
}

func isPersonTitle(w string) bool {
	switch w {
	case "minister", "ministers", "spokesperson", "spokesman", "spokeswoman", "president",
		"chancellor", "secretary", "official", "officials", "diplomat", "diplomats", "boss",
		"chief", "leader", "leaders", "commander", "ambassador", "premier", "king", "queen",
		"senator", "mayor", "governor":
		return true
	}
	return false
}

func findNumbers(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case tk.digits > 0 && tk.letters == 0:
			if isYearWord(tk) || i > 0 && (monthName(toks[i-1]) != "" || i > 1 && monthName(toks[i-2]) != "" && toks[i-1].digits > 0) {
				continue // a date, not a figure
			}
			out = append(out, answerSpot{tok: i, value: strings.NewReplacer(",", "").Replace(tk.text)})
		case isNumberWord(tk.lower):
			out = append(out, answerSpot{tok: i, value: tk.lower})
		}
	}
	return out
}

func isYearWord(tk textWord) bool {
	if len(tk.text) != 4 || tk.digits != 4 {
		return false
	}
	y, err := strconv.Atoi(tk.text)
	return err == nil && y >= 1900 && y <= 2099
}

func isNumberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
		"thousand", "thousands", "million", "millions", "dozen", "dozens", "half", "double":
		return true
	}
	return false
}

func findDates(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case isYearWord(tk):
			out = append(out, answerSpot{tok: i, value: tk.text})
		case monthName(tk) != "":
			out = append(out, answerSpot{tok: i, value: monthName(tk)})
		case isWeekday(tk.lower):
			// Wire stories date every remark by weekday; it seldom answers "when".
			out = append(out, answerSpot{tok: i})
		case isRelativeDate(tk.lower):
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}

// monthName returns the month a capitalised word names, also when a missing
// space glued it to the next word ("Februaryunless").
func monthName(tk textWord) string {
	if !tk.upper {
		return ""
	}
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if strings.HasPrefix(tk.lower, m) || len(tk.lower) == 3 && tk.lower == m[:3] && m != "may" {
			return m
		}
	}
	if tk.lower == "sept" {
		return "september"
	}
	return ""
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func isRelativeDate(w string) bool {
	switch w {
	case "yesterday", "today", "tomorrow", "tonight", "weeks", "months", "years", "spring",
		"summer", "autumn", "fall", "winter", "deadline", "schedule":
		return true
	}
	return false
}

func findPlaces(s *passageSentence) []answerSpot {
	var out []answerSpot
	toks := s.toks
	if len(toks) > 1 && toks[0].allCaps && strings.Contains(s.text[:min(len(s.text), 40)], "(") {
		out = append(out, answerSpot{tok: 0}) // dateline: "VILNIUS (Reuters) -"
	}
	for i := 1; i < len(toks); i++ {
		switch toks[i-1].lower {
		case "in", "at", "from", "near", "to", "outside", "inside", "into", "across", "around":
			if isProperWord(toks[i]) && toks[i].lower != "the" {
				out = append(out, answerSpot{tok: i})
			}
		}
	}
	return out
}

func findReasons(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch tk.lower {
		case "because", "since", "due", "reason", "so", "too", "must", "need", "needs", "needed",
			"requirements", "burden", "security", "interest", "order", "unless", "if":
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}
