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
	// TypeWeight is added to a sentence on the question's topic that holds
	// what the question asks for (a person, number, date, place or reason)
	// next to the question's terms; half of it when the two are far apart.
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
		MinCoverage:      0.5,
		MinScore:         0.45,
		RelativeScore:    0.75,
		DisagreeCoverage: 0.65,
		TypeWeight:       0.8,
		RankWeight:       0.1,
		SynonymCredit:    0.7,
		DocCredit:        0.2,
	}
}

// Extractive answers without a language model by quoting, verbatim and
// cited, the sentences of the passages that best answer the question. It
// never writes a fact of its own, so it can only be wrong by choosing the
// wrong sentence; it refuses when no sentence is good enough.
type Extractive struct {
	opt      ExtractiveOptions
	terms    *retrieval.Analyzer // caches stems: sentences repeat across questions
	forms    map[string][]string // stem -> stems of other forms of the word (send: sent)
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
	e.forms = e.stemGroups(irregularForms())
	e.synonyms = e.stemGroups(synonymGroups())
	return e
}

// synonymGroups are words a question may use for a word of the coverage.
// Kept small and news-specific: each group is a paraphrase seen in real
// questions, not a thesaurus.
func synonymGroups() [][]string {
	return [][]string{
		{"head", "heads", "leads", "leader", "chief", "boss", "secretary"},
		{"soldier", "troop", "force", "forces", "contingent"},
		{"lose", "lost", "losses", "killed", "died", "deaths", "casualties", "toll"},
		{"size", "strong", "strength", "large", "big"},
		{"end", "ending", "finish", "leave", "withdraw", "withdrawal", "pull", "stop", "quit"},
		{"country", "countries", "nation", "nations", "ally", "allies"},
		{"meet", "meeting", "talks", "summit", "conference", "gather", "gathering"},
		// News calls NATO "the alliance".
		{"nato", "alliance"},
		{"say", "said", "tell", "told", "state", "comment", "remark", "remarks", "quoted"},
		{"want", "wants", "ask", "urge", "persuade", "wish"},
		{"help", "support", "assist", "aid", "reinforce"},
		{"extend", "prolong", "prolonging", "continue", "remain", "stay", "staying", "maintain"},
		{"send", "deploy", "deployment", "dispatch", "provide", "sending"},
		{"vote", "motion"},
		{"decide", "decision", "choice", "choose"},
		{"canada", "canadian", "ottawa"},
		{"france", "french", "paris"},
		{"britain", "british", "london"},
		{"germany", "german", "berlin"},
		{"states", "american", "washington"},
		{"south", "southern"},
		{"mission", "tour", "role"},
		{"spokesperson", "spokesman", "spokeswoman"},
	}
}

// irregularForms are the forms of a word that stemming does not join:
// irregular verbs (a question asks what Canada "send"s, the article says
// "sent") and the adjectives of countries.
func irregularForms() [][]string {
	return [][]string{
		{"send", "sent"}, {"lose", "lost"}, {"say", "said"}, {"tell", "told"}, {"meet", "met"},
		{"lead", "led"}, {"win", "won"}, {"hold", "held"}, {"make", "made"}, {"take", "took", "taken"},
		{"leave", "left"}, {"go", "went", "gone"}, {"give", "gave", "given"}, {"pay", "paid"},
		{"bring", "brought"}, {"fight", "fought"}, {"speak", "spoke", "spoken"},
		{"begin", "began", "begun"}, {"come", "came"}, {"know", "knew", "known"},
		{"think", "thought"}, {"seek", "sought"}, {"strike", "struck"}, {"fall", "fell", "fallen"},
		{"rise", "rose", "risen"}, {"choose", "chose", "chosen"}, {"keep", "kept"}, {"run", "ran"},
		{"see", "saw", "seen"}, {"become", "became"}, {"build", "built"}, {"buy", "bought"},
		{"catch", "caught"}, {"feel", "felt"}, {"find", "found"}, {"hear", "heard"},
		{"shoot", "shot"}, {"stand", "stood"}, {"understand", "understood"},
		{"write", "wrote", "written"}, {"drive", "drove", "driven"}, {"fly", "flew", "flown"},
		{"grow", "grew", "grown"}, {"mean", "meant"}, {"sell", "sold"}, {"spend", "spent"},
		{"throw", "threw", "thrown"}, {"withdraw", "withdrew", "withdrawn"}, {"forget", "forgot"},
		{"get", "got", "gotten"}, {"have", "has", "had"}, {"die", "dead", "death"},
		// Countries and their people: "Canadian troops" are Canada's.
		{"canada", "canadian", "canadians"}, {"france", "french"}, {"afghanistan", "afghan", "afghans"},
		{"britain", "british"}, {"germany", "german", "germans"}, {"america", "american", "americans"},
		{"pakistan", "pakistani"}, {"netherlands", "dutch"}, {"russia", "russian"},
	}
}

// stemGroups maps the stem of every word of groups to the stems of the
// other words of its group.
func (e *Extractive) stemGroups(groups [][]string) map[string][]string {
	syn := make(map[string][]string)
	for _, g := range groups {
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
	return Answer{Text: RefusalText, Refused: true, Citations: []Citation{}}
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
		// The same wire story filed twice: quote its sentence once.
		if !slices.ContainsFunc(chosen, func(o *scoredSentence) bool { return sameWords(o.s.text, c.s.text) }) {
			chosen = append(chosen, c)
		}
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

func sameWords(a, b string) bool {
	return slices.Equal(strings.Fields(a), strings.Fields(b))
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
	caption       bool // a photo caption or credit: rarely the answer
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
				rank:    rank,
				terms:   make(map[string]bool),
				toks:    toks,
				caption: isPhotoCredit(text),
			}
			// The words as split here too, so that glued words
			// ("capitalKabul") give their terms.
			var words strings.Builder
			for _, w := range toks {
				words.WriteString(w.text)
				words.WriteByte(' ')
			}
			for _, t := range slices.Concat(e.terms.Terms(text), e.terms.Terms(words.String())) {
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
	matched  int      // question terms it holds itself, not by its article
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
	var total float64
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
		if t.name && !direct || t.head && df == 0 {
			return nil, false
		}
		if df > 0 {
			present++
			// Rare terms tell the sentences apart, but a term found in
			// every sentence (Canada) still counts: the floor of ln 2
			// keeps "Canadian minister" above "French minister".
			idf[j] = t.weight * math.Log(1+(n+1)/(float64(df)+0.5))
			total += idf[j]
		}
	}
	if present == 0 || float64(present) < e.opt.MinCoverage*float64(len(q.terms)) {
		return nil, false
	}

	// A sentence can only answer from an article that names everything
	// the question names: "What did Harper say about Rasmussen?" is not
	// answered by Harper in one article and Rasmussen in another. Names of
	// the setting ("in Kandahar") are spared: a passage of the article may
	// hold them without having been retrieved.
	coherent := make(map[string]bool)
	for src, best := range docBest {
		coherent[src] = true
		for j, t := range q.terms {
			if t.name && t.weight == 1 && best[j] < e.opt.SynonymCredit {
				coherent[src] = false
			}
		}
	}
	cands := make([]*scoredSentence, 0, len(sents))
	for i, s := range sents {
		if !coherent[s.source] || !e.holdsRelation(q, credit[i]) {
			continue
		}
		c := &scoredSentence{s: s}
		var got float64
		for j := range q.terms {
			got += idf[j] * max(credit[i][j], e.opt.DocCredit*docBest[s.source][j])
			if credit[i][j] >= e.opt.SynonymCredit {
				c.matched++
			}
		}
		c.coverage = got / total
		c.score = c.coverage + e.opt.RankWeight/float64(1+s.rank)
		spots, near, values := answerEvidence(q, s, idf, total)
		if !spots && (q.kind == kindNumber || q.kind == kindDate) {
			// "How many" and "when" are answered by a figure or a date:
			// a sentence without one is about the topic, not the answer.
			continue
		}
		if spots {
			// Half for holding the kind of answer at all, the rest as
			// the question's terms surround it; and only in full in a
			// sentence on the question's topic: a date in a sentence
			// about something else answers nothing.
			c.score += e.opt.TypeWeight * (0.5 + 0.5*near) * min(1, c.coverage/onTopic)
			c.values = values
		}
		if s.caption {
			c.score *= captionWeight
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, false
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	// One shared word is no evidence: the best sentence must hold two of
	// the question's terms (when two are in the passages at all).
	if cands[0].matched < min(2, present) {
		return nil, false
	}
	return cands, true
}

// holdsRelation reports whether a sentence whose credits per term are
// credit holds the head noun of the question together with its "of"
// complement, when it has one: "President Nicolas Sarkozy" does not answer
// "Who is the president of Afghanistan?".
func (e *Extractive) holdsRelation(q questionInfo, credit []float64) bool {
	head, complement, hasComplement := false, false, false
	for j, t := range q.terms {
		switch {
		case t.head:
			head = credit[j] >= e.opt.SynonymCredit
		case t.complement:
			hasComplement = true
			complement = complement || credit[j] >= e.opt.SynonymCredit
		}
	}
	return !hasComplement || head && complement
}

// termCredit says how well s holds t: 1 for the term itself (also glued to
// a neighbouring word, as in "peacekeepingmission"), SynonymCredit for a
// synonym, 0 otherwise.
func (e *Extractive) termCredit(s *passageSentence, t qterm) float64 {
	if s.terms[t.stem] || gluedIn(s.lower, t.prefix, t.name) {
		return 1
	}
	for _, f := range t.forms {
		if s.terms[f] {
			return 1
		}
	}
	for _, o := range t.syn {
		if s.terms[o] || gluedIn(s.lower, strings.TrimSuffix(o, "i"), false) {
			return e.opt.SynonymCredit
		}
	}
	return 0
}

// gluedIn reports whether stem occurs inside text. Wire copy loses spaces
// at line ends ("peacekeepingmission", "strongNATO-led"); long stems and
// names are distinctive enough to be found inside a glued word.
func gluedIn(lower, stem string, name bool) bool {
	return (len(stem) >= 5 || name && len(stem) >= 4) && strings.Contains(lower, stem)
}

// tokenMatches reports whether a word of a sentence stands for t; it is
// used to find what lies next to the question's terms.
func tokenMatches(lower string, t qterm) bool {
	if lower == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(lower, t.prefix) {
		return true
	}
	if gluedIn(lower, t.prefix, t.name) {
		return true
	}
	related := func(o string) bool {
		return lower == o || len(o) >= 4 && strings.HasPrefix(lower, strings.TrimSuffix(o, "i"))
	}
	return slices.ContainsFunc(t.forms, related) || slices.ContainsFunc(t.syn, related)
}

// captionWeight scales the score of a photo caption: it is seldom the
// answer, but its names and dates look like one.
const captionWeight = 0.8

// onTopic is the term coverage from which a sentence is on the
// question's topic.
const onTopic = 0.6

// nearWords is how many words apart an answer and a question term may be
// to count as related.
const nearWords = 5

// answerEvidence finds what q asks for in s. spots is false when s holds
// nothing of the kind. near is the largest share of the question's term
// weight (idf, summing to total) found within a few words of one of them.
// values are the figures or dates with question terms nearby, normalised
// ("1,000" -> "1000", "next February" -> "february").
func answerEvidence(q questionInfo, s *passageSentence, idf []float64, total float64) (spots bool, near float64, values []string) {
	if q.kind == kindAny {
		return false, 0, nil
	}
	found := findKind(q.kind, s)
	if q.money && !mentionsMoney(s.lower) {
		found = nil // "how much does it cost" is not answered by a head count
	}
	if len(found) == 0 {
		return false, 0, nil
	}
	// matched[i]: the question terms word i stands for.
	matched := make([][]int, len(s.toks))
	for i, tk := range s.toks {
		for j, t := range q.terms {
			if idf[j] > 0 && tokenMatches(tk.lower, t) {
				matched[i] = append(matched[i], j)
			}
		}
	}
	for _, f := range found {
		if q.kind == kindNumber && countsOther(s.toks, matched, f.tok) ||
			q.kind == kindPerson && servesOther(s.toks, matched, f.tok) {
			continue
		}
		spots = true
		seen := make(map[int]bool)
		var w float64
		for i := max(0, f.tok-nearWords); i <= min(len(s.toks)-1, f.tok+nearWords); i++ {
			if i == f.tok {
				continue
			}
			for _, j := range matched[i] {
				if !seen[j] {
					seen[j] = true
					w += idf[j]
				}
			}
		}
		if w == 0 {
			continue
		}
		near = max(near, w/total)
		if f.value != "" && !slices.Contains(values, f.value) {
			values = append(values, f.value)
		}
	}
	return spots, near, values
}

// mentionsMoney reports whether a lower-cased sentence speaks of money.
func mentionsMoney(lower string) bool {
	return strings.ContainsAny(lower, "$€£") || strings.Contains(lower, "dollar") ||
		strings.Contains(lower, "euro") || strings.Contains(lower, "pound") || strings.Contains(lower, " yen")
}

// asksHowMuch reports whether the question asks "how much".
func asksHowMuch(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "much" {
			return true
		}
	}
	return false
}

// isMoneyWord reports question words that ask for an amount of money.
func isMoneyWord(w string) bool {
	switch w {
	case "cost", "costs", "costing", "spend", "spent", "spending", "price", "budget", "pay",
		"paid", "worth", "money", "dollars", "funding", "fund", "expensive":
		return true
	}
	return false
}

// countsOther reports whether the figure at word i counts something the
// question does not name: "2,500 Canadian troops" when it asks about
// French ones.
func countsOther(toks []textWord, matched [][]int, i int) bool {
	for k := i + 1; k <= min(i+2, len(toks)-1); k++ {
		w := toks[k]
		if w.upper && w.letters >= 2 && monthName(w) == "" && len(matched[k]) == 0 {
			return true // "2,500 Canadian troops", "43,000-strong NATO-led force"
		}
	}
	return false
}

// servesOther reports whether the person at word i is of a country the
// question does not name: "French Defence Minister Herve Morin" when it
// asks who represented Canada.
func servesOther(toks []textWord, matched [][]int, i int) bool {
	for k := max(0, i-3); k <= i; k++ {
		if isNationality(toks[k].lower) && len(matched[k]) == 0 {
			return true
		}
	}
	return false
}

// isNationality reports the words that tie a person or a figure to a
// country.
func isNationality(w string) bool {
	switch w {
	case "canadian", "french", "british", "german", "american", "afghan", "dutch", "russian",
		"chinese", "italian", "spanish", "polish", "australian", "pakistani", "iranian",
		"iraqi", "israeli", "japanese", "indian", "turkish", "ukrainian", "danish",
		"norwegian", "swedish", "belgian", "romanian", "lithuanian", "european":
		return true
	}
	return false
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
	money bool // a number question about money ("how much does it cost")
	terms []qterm
}

// qterm is a key term of a question.
type qterm struct {
	stem   string   // as retrieval.Terms gives it
	prefix string   // the stem as it begins the written word ("februari" -> "februar")
	forms  []string // stems of its irregular forms
	syn    []string // stems of synonyms
	name   bool     // from a proper noun: the passages must hold it
	head   bool     // the noun the question asks about: the passages must hold it or a synonym
	// complement is set on the words of the head's "of" phrase ("the
	// president of Afghanistan"): a sentence must hold one of them with
	// the head to answer.
	complement bool
	weight     float64 // 1, or contextWeight for the setting of the question ("in Afghanistan")
}

// contextWeight is the weight of the question's terms that only set the
// scene ("What number of troops does France have in Afghanistan?"): the
// answer must be about France; Afghanistan is where most sentences are.
const contextWeight = 0.6

func (e *Extractive) parseQuestion(text string) questionInfo {
	toks := splitWords(text)
	q := questionInfo{kind: questionKind(toks)}
	q.money = asksHowMuch(toks) && slices.ContainsFunc(toks, func(w textWord) bool { return isMoneyWord(w.lower) })
	head, of := headNoun(toks)
	complement := make([]bool, len(toks)) // the words of "of Toronto"
	if of >= 0 {
		for k := of; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
			complement[k] = true
		}
	}
	index := make(map[string]int) // stem -> position in q.terms
	context := setting(toks)
	for i, tk := range toks {
		if tk.letters+tk.digits < 2 || questionWord(tk.lower) || markerWord(tk.lower) {
			continue
		}
		name := isName(toks, i)
		weight := 1.0
		if context[i] {
			weight = contextWeight
		}
		for _, st := range e.terms.Terms(tk.text) {
			j, ok := index[st]
			if !ok {
				j = len(q.terms)
				index[st] = j
				q.terms = append(q.terms, qterm{
					stem: st, prefix: strings.TrimSuffix(st, "i"),
					forms: e.forms[st], syn: e.synonyms[st], weight: weight,
				})
			}
			q.terms[j].weight = max(q.terms[j].weight, weight)
			q.terms[j].name = q.terms[j].name || name
			q.terms[j].head = q.terms[j].head || i == head
			q.terms[j].complement = q.terms[j].complement || complement[i]
		}
	}
	return q
}

// setting marks the words of the question's place and time phrases: "in
// southern Afghanistan", "in Kandahar", "according to the 2009 report". Such
// a phrase ends with the question, at a word that ends a noun phrase, or
// after a name ("in Kandahar end").
func setting(toks []textWord) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		switch toks[i].lower {
		case "in", "at", "on", "during", "near", "inside", "within", "across", "since", "according":
		default:
			continue
		}
		for k := i + 1; k < len(toks); k++ {
			w := toks[k]
			if w.lower == "to" && toks[i].lower == "according" {
				continue
			}
			if endsNounPhrase(w.lower) || questionWord(w.lower) && w.lower != "the" && w.lower != "a" && w.lower != "an" {
				break
			}
			if k > i+1 && !w.upper && toks[k-1].upper {
				break
			}
			marks[k] = true
			i = k
		}
	}
	return marks
}

// headNoun returns the index in toks of the noun the question asks about
// ("the population of Toronto", "how many soldiers", "who is the NATO
// spokesperson"), or -1 when it has none that the passages must hold: a
// marker ("what year"), a vague noun ("what is France's position"), or a
// noun that only names the kind of answer ("which official spoke", "what
// danger did he see"), which the text need not spell out. of is the index
// of the first word of its "of" complement ("of Toronto"), or -1.
func headNoun(toks []textWord) (head, of int) {
	head = -1
	for i, tk := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case tk.lower == "how" && (next == "many" || next == "much"):
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "how" && (next == "large" || next == "big" || next == "strong") && i+2 < len(toks) && isCopula(toks[i+2].lower):
			head = lastOfPhrase(toks, i+3)
		case (tk.lower == "what" || tk.lower == "which" || tk.lower == "who") && isCopula(next):
			if i+2 < len(toks) && isParticiple(toks[i+2].lower) {
				return -1, -1 // "who is credited with", "what is expected": a verb
			}
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "name" || tk.lower == "identify":
			head = lastOfPhrase(toks, i+1)
		case tk.lower == "what" || tk.lower == "which" || tk.lower == "who" || tk.lower == "how":
			return -1, -1
		default:
			continue
		}
		break
	}
	if head < 0 || markerWord(toks[head].lower) || vagueNoun(toks[head].lower) || toks[head].letters < 2 {
		return -1, -1
	}
	of = -1
	if head+2 < len(toks) && toks[head+1].lower == "of" {
		of = head + 2
		for of < len(toks)-1 && isDeterminer(toks[of].lower) {
			of++
		}
	}
	return head, of
}

// lastOfPhrase returns the last word of the noun phrase starting at
// toks[i], or -1 when none starts there.
func lastOfPhrase(toks []textWord, i int) int {
	last := -1
	for k := i; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		switch w := toks[k]; {
		case w.letters+w.digits < 2, isDeterminer(w.lower):
		default:
			last = k
		}
	}
	return last
}

// isParticiple guesses whether w is a verb form ("credited", "leading")
// rather than a noun; nouns in -ing/-ed that questions ask about are rare.
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an"
}

func isCopula(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were"
}

// vagueNoun reports nouns a question may ask about that the coverage
// seldom spells out ("France's position", "the latest").
func vagueNoun(w string) bool {
	switch w {
	case "position", "positions", "view", "views", "stance", "role", "plan", "plans",
		"reaction", "response", "status", "situation", "opinion", "latest", "news",
		"story", "issue", "problem", "point", "thing", "things", "deal", "outcome",
		"result", "idea", "message", "goal", "aim", "policy", "difference", "state":
		return true
	}
	return false
}

// endsNounPhrase reports whether w ends the noun phrase a question asks
// about: a preposition, an auxiliary or a wh-word.
func endsNounPhrase(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "for", "by", "with", "about", "from", "like", "as",
		"and", "or", "that", "who", "whom", "which", "what", "when", "where", "why", "how",
		"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have",
		"had", "do", "does", "did", "might", "may", "must", "according", "since", "during",
		"per", "after", "before", "under", "over", "into", "than", "be", "been", "there":
		return true
	}
	return false
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
		"purpose", "motive", "next", "last", "upcoming", "previous":
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
		"author", "boss", "chief", "head", "cabinet", "representative", "envoy", "negotiator",
		"lawmaker", "general":
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
			// The noun phrase right after: "what year", "which Canadian
			// defence minister", "what is the size"; "what did X say"
			// names no kind.
			k := i + 1
			if k < len(toks) && isCopula(toks[k].lower) {
				k++
			}
			for ; k < min(len(toks), i+7) && !endsNounPhrase(toks[k].lower); k++ {
				if kind := answerNoun(toks[k].lower); kind != kindAny {
					return kind
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
// split words ("2,700-strong", "Canada's"), and so does a capital after
// three small letters, where wire copy lost a space ("capitalKabul"); a
// comma or point between digits stays inside the number ("2,500", "3.5").
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
	prevDigit, lowerRun := false, 0
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if lowerRun >= 3 && unicode.IsUpper(r) {
				flush(i) // a lost space: "capitalKabul", "theNATO", but not "MacKay"
			}
			if start < 0 {
				start = i
			}
			prevDigit = unicode.IsDigit(r)
			if unicode.IsLower(r) {
				lowerRun++
			} else {
				lowerRun = 0
			}
			continue
		case (r == ',' || r == '.') && prevDigit && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsDigit(next) {
				continue
			}
		}
		prevDigit, lowerRun = false, 0
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
		"summer", "autumn", "fall", "winter", "deadline", "schedule", "future", "soon", "shortly":
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
	for i, tk := range toks {
		if !isPlacePreposition(tk.lower) {
			continue
		}
		// "in Kandahar", "in the capital Kabul", "at an April summit in
		// Bucharest": a capitalised word after a few small ones.
		for k := i + 1; k < min(len(toks), i+4); k++ {
			if isProperWord(toks[k]) || toks[k].allCaps && toks[k].letters > 3 {
				out = append(out, answerSpot{tok: k})
				break
			}
			if toks[k].upper || toks[k].digits > 0 || isPlacePreposition(toks[k].lower) {
				break
			}
		}
	}
	return out
}

func isPlacePreposition(w string) bool {
	switch w {
	case "in", "at", "from", "near", "to", "outside", "inside", "into", "across", "around":
		return true
	}
	return false
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
