// Package extractive answers offline, without a model: it picks the one to
// three sentences of the retrieved passages that hold what the question
// asks for, quotes them verbatim with citations, and refuses when the
// evidence is too weak.
package extractive

import (
	"cmp"
	"context"
	"math"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// Options tune the extractive answerer. A zero field takes its
// default from DefaultOptions.
type Options struct {
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
	// DisagreeCoverage is the share of the question's term weight (or of
	// the terms outside its setting, "in southern Afghanistan") both
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

// DefaultOptions returns the defaults, calibrated on the seed
// questions of extract_test.go.
func DefaultOptions() Options {
	return Options{
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
type Answerer struct {
	*lexicon
	opt   Options
	terms *retrieval.Analyzer // caches stems: sentences repeat across questions
	relMu sync.Mutex
	rel   map[string][3][]string // word -> stems of its forms, synonyms and hyponyms, as relations gives them
}

// New returns an extractive answerer.
func New(opt Options) *Answerer {
	def := DefaultOptions()
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
	e := &Answerer{opt: opt, terms: retrieval.NewAnalyzer()}
	// The thesaurus is embedded: it cannot fail to load unless the build
	// is broken, and then answers just lack synonyms and word classes.
	th, _ := thesaurus.Load()
	e.lexicon = newLexicon(th)
	e.rel = make(map[string][3][]string)
	return e
}

// KnowsWord reports whether word (lower case) is an English word, so that
// the Bot does not take it for a misspelt name (bot.Dictionary).
func (e *Answerer) KnowsWord(word string) bool {
	return e.lexicon.th != nil && e.lexicon.th.KnowsWord(word)
}

// Answer quotes the sentences of req.Passages that answer the question, or
// refuses. It uses the standalone rewrite of the question when there is one.
func (e *Answerer) Answer(ctx context.Context, req bot.Request) (bot.Answer, error) {
	if err := ctx.Err(); err != nil {
		return bot.Answer{}, err
	}
	q := req.Standalone
	if strings.TrimSpace(q) == "" {
		q = req.Question
	}
	var a bot.Answer
	if req.Coverage != nil {
		cov := *req.Coverage
		// "How did the number of evacuees evolve?": a figure's history.
		cov.Trend = cov.Trend || cov.Kind == bot.CoverageTimeline && e.asksFigure(req.Question)
		a = e.answerCoverage(&cov)
	} else {
		a = e.answer(q, req.Passages)
	}
	a.Question = req.Question
	a.Mode = bot.ModeExtractive
	a.Passages = req.Passages
	if req.OnToken != nil {
		req.OnToken(a.Text)
	}
	return a, nil
}

func refusedAnswer() bot.Answer {
	return bot.Answer{Text: bot.RefusalText, Refused: true, Citations: []bot.Citation{}}
}

// answer is Answer without its bookkeeping.
func (e *Answerer) answer(question string, passages []retrieval.Result) bot.Answer {
	q := e.parseQuestion(question)
	sents := e.collectSentences(passages)
	if len(q.terms) == 0 || len(sents) == 0 {
		return refusedAnswer()
	}
	cands, ok := e.score(q, sents)
	if ok {
		cands = replies(cands)
	}
	if !ok || len(cands) == 0 || cands[0].score < e.opt.MinScore {
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
	if q.origin {
		if o := e.origin(q, sents); o != nil {
			return quoteAnswer([]*scoredSentence{o}, false)
		}
	}
	if other := e.disagreement(q, cands); other != nil && !e.ageAside(q, best, other) {
		if a, ok := e.updateAnswer(question, q, best, other); ok {
			return a // a figure that changed, not a disagreement
		}
		return quoteAnswer([]*scoredSentence{best, other}, true)
	}
	if q.yesno && e.unasked(q, sents) {
		return refusedAnswer()
	}
	if c := e.latestFigure(question, q, cands); c != nil {
		return timelineAnswer(c, best) // "the final toll": the newest report's, then the earlier
	}
	if q.yesno {
		if q.still {
			// "Is he still racing?": what the newest report says.
			if c := e.latest(q, cands); c != nil {
				return quoteAnswer([]*scoredSentence{c}, false)
			}
		}
		pro, con := e.yesNo(q, cands, sents)
		if con != nil {
			return yesNoAnswer(pro, con)
		}
		chosen = yesNoQuotes(pro, chosen, e.opt.MaxSentences)
	}
	chosen = dropHeadlines(chosen)
	if q.author && byline(chosen[0].s, sents) == nil {
		// Who wrote a story with no byline: the story is no answer.
		return refusedAnswer()
	}
	if q.kind == kindPerson {
		chosen = e.namePerson(q, chosen, sents)
	}
	return quoteAnswer(chosen, false)
}

// namePerson makes sure the answer to "who" names the person: when the
// best sentence gives only a role ("the new secretary-general of NATO") or
// a surname ("Sarkozy"), it adds the sentence of the same article that
// gives the name in full; when the question asks who wrote the story, the
// article's byline.
func (e *Answerer) namePerson(q questionInfo, chosen []*scoredSentence, sents []*passageSentence) []*scoredSentence {
	lx := e.lexicon
	best := chosen[0].s
	if q.author {
		if b := byline(best, sents); b != nil && b != best {
			return []*scoredSentence{chosen[0], {s: b}} // the story and who wrote it
		}
		return chosen
	}
	add := lx.fullNameFor(q, best, sents)
	if add == nil || slices.ContainsFunc(chosen, func(c *scoredSentence) bool { return c.s == add }) {
		return chosen
	}
	out := []*scoredSentence{chosen[0], {s: add}}
	out = append(out, chosen[1:]...)
	return out[:min(len(out), e.opt.MaxSentences)]
}

// byline returns the byline of best's article ("Reporting by David
// Ljunggren; editing by Rob Wilson") among sents, or nil.
func byline(best *passageSentence, sents []*passageSentence) *passageSentence {
	for _, s := range sents {
		if s.source == best.source && s.byline {
			return s
		}
	}
	return nil
}

// isByline reports whether a sentence credits the story's reporters
// ("Reporting by David Ljunggren; editing by Rob Wilson", "By Jane Doe").
func (lx *lexicon) isByline(s *passageSentence) bool {
	t := strings.ToLower(strings.TrimLeft(s.text, "(["))
	for _, p := range []string{"reporting by ", "writing by ", "reported by ", "written by ", "additional reporting by ", "by "} {
		if strings.HasPrefix(t, p) && len(s.toks) <= 30 && len(lx.namesIn(s)) > 0 && !timeClause(s) {
			return true
		}
	}
	return false
}

// fullNameOf returns the first sentence of article that gives one of
// surnames in full, or nil.
func (lx *lexicon) fullNameOf(surnames []string, article []*passageSentence) *passageSentence {
	for _, sn := range surnames {
		for _, s := range article {
			for _, n := range lx.namesIn(s) {
				if n.full() && n.surname(s.toks) == sn {
					return s
				}
			}
		}
	}
	return nil
}

// fullNameFor returns the sentence of best's article that names in full
// the person best only names by surname or role, or nil when best names
// someone in full already or no such sentence was retrieved.
func (lx *lexicon) fullNameFor(q questionInfo, best *passageSentence, sents []*passageSentence) *passageSentence {
	if len(best.toks) > 0 && (best.toks[0].lower == "she" || best.toks[0].lower == "he") {
		// "She succeeds Paolo Ghirardelli": who she is, the sentence
		// before that names someone the question does not.
		return lx.antecedent(q, best, sents)
	}
	var surnames []string // the subjects first, then the speakers
	var speakers []string
	for _, n := range lx.namesIn(best) {
		if q.words[best.toks[n.last].lower] {
			continue // named by the question: not the answer
		}
		if n.full() {
			return nil
		}
		if n.speaker {
			speakers = append(speakers, n.surname(best.toks))
		} else {
			surnames = append(surnames, n.surname(best.toks))
		}
	}
	article := make([]*passageSentence, 0, len(sents))
	for _, s := range sents {
		if s.source == best.source && s != best && !s.caption && !s.headline && !s.byline {
			article = append(article, s)
		}
	}
	sort.SliceStable(article, func(a, b int) bool { return article[a].lines[0] < article[b].lines[0] })
	if s := lx.fullNameOf(surnames, article); s != nil {
		return s
	}
	// A role without a name ("the secretary-general"): the nearest
	// sentence naming someone with no other title, or with the same one;
	// before the speakers, when the question asks about that role.
	var roles []string
	asked := false
	for i, tk := range best.toks {
		plural := strings.HasSuffix(tk.lower, "s") && lx.isRole(strings.TrimSuffix(tk.lower, "s"))
		if lx.isTitleAt(best, i) && !plural && !(i+1 < len(best.toks) && isProperWord(best.toks[i+1])) {
			roles = append(roles, tk.lower)
			asked = asked || slices.ContainsFunc(q.terms, func(t qterm) bool { return tokenMatches(tk.lower, t) })
		}
	}
	if !asked {
		if s := lx.fullNameOf(speakers, article); s != nil {
			return s
		}
	}
	if len(roles) == 0 {
		return nil
	}
	var found *passageSentence
	dist := 0
	for _, s := range article {
		for _, n := range lx.namesIn(s) {
			if !n.full() || q.words[n.surname(s.toks)] {
				continue
			}
			if n.titled && !slices.ContainsFunc(s.toks[max(0, n.first-4):n.first], func(tk textWord) bool { return slices.Contains(roles, tk.lower) }) {
				continue
			}
			d := s.lines[0] - best.lines[1]
			if d < 0 {
				d = -d*2 + 1 // the role is named first, then the person
			}
			if found == nil || d < dist {
				found, dist = s, d
			}
		}
	}
	return found
}

// antecedent returns the nearest sentence before best in its article that
// names in full a person the question does not name, or nil.
func (lx *lexicon) antecedent(q questionInfo, best *passageSentence, sents []*passageSentence) *passageSentence {
	var found *passageSentence
	for _, s := range sents {
		if s.source != best.source || s.lines[0] >= best.lines[0] || s.caption || s.byline || found != nil && s.lines[0] <= found.lines[0] {
			continue
		}
		for _, n := range lx.namesIn(s) {
			if n.full() && !q.words[n.surname(s.toks)] {
				found = s
				break
			}
		}
	}
	return found
}

// dropHeadlines leaves out a headline quoted next to a sentence of its own
// article, which says the same in full.
func dropHeadlines(chosen []*scoredSentence) []*scoredSentence {
	return slices.DeleteFunc(chosen, func(c *scoredSentence) bool {
		return c.s.headline && slices.ContainsFunc(chosen, func(o *scoredSentence) bool {
			return o != c && !o.s.headline && o.s.source == c.s.source
		})
	})
}

// disagreement returns a candidate of another article that gives a
// different figure, date or place than the best one for the same question,
// or nil.
func (e *Answerer) disagreement(q questionInfo, cands []*scoredSentence) *scoredSentence {
	lx := e.lexicon
	if q.kind != kindNumber && q.kind != kindDate && q.kind != kindPlace {
		return nil
	}
	best := cands[0]
	if len(best.values) == 0 || best.core < e.opt.DisagreeCoverage {
		return nil
	}
	if q.verb >= 0 && q.terms[q.verb].weight == 1 && !best.held[q.verb] {
		// Without the verb ("asking for") a figure may be of something
		// else (the raise agreed, not the one asked): no sure
		// disagreement.
		return nil
	}
	// Each other article speaks through its best sentence on the same
	// thing: the one that holds the question's terms, or all but those
	// of its setting ("in southern Afghanistan" is where the article is).
	heard := map[string]bool{best.s.source: true}
	for _, c := range cands[1:] {
		if c.score < disagreeScore*best.score {
			break
		}
		if heard[c.s.source] || len(c.values) == 0 || !e.sameCount(q, best, c) || !e.holdsFigures(q, c.s) {
			continue
		}
		heard[c.s.source] = true
		if q.kind == kindPlace && jaccard(contentTerms(best.s), contentTerms(c.s)) < samePlaceReport {
			// A sentence names many places: two that share little
			// speak of different ones, not of one place differently.
			continue
		}
		if disjointValues(best.values, c.values) && !lx.mentionsAny(c.s, best.values) && !lx.mentionsAny(best.s, c.values) {
			return c
		}
	}
	return nil
}

// otherYear reports whether t is a year and d the date of an article of
// another year.
func otherYear(t qterm, d time.Time) bool {
	return len(t.stem) == 4 && !d.IsZero() && strconv.Itoa(d.Year()) != t.stem
}

// holdsFigures reports whether s holds the years and numbers q states
// itself, or is of an article of the year stated: the other side of a
// disagreement on "the prize fund in 2022" must be about 2022, not a
// story that mentions "the 2022 champion" elsewhere.
func (e *Answerer) holdsFigures(q questionInfo, s *passageSentence) bool {
	for _, t := range q.terms {
		if !t.figure || e.termCredit(s, t) == 1 {
			continue
		}
		if t.ofYear(s.source, s.date) {
			continue
		}
		return false
	}
	return true
}

// samePlaceReport is the share of content terms (Jaccard) two sentences
// naming different places must share to be two reports of one place.
const samePlaceReport = 0.25

// mentionsAny reports whether s gives any of values anywhere, not only
// near the question's terms: then it does not contradict them.
func (lx *lexicon) mentionsAny(s *passageSentence, values []string) bool {
	for _, sp := range slices.Concat(lx.findNumbers(s.toks), lx.findDates(s.toks), lx.findPlaces(s)) {
		if sp.value != "" && slices.Contains(values, sp.value) {
			return true
		}
	}
	return false
}

// disagreeScore is the share of the best sentence's score the other side
// of a disagreement needs: less than to be quoted beside it, since it
// speaks for another article.
const disagreeScore = 0.5

// holdsAround reports whether c holds every term of held, all but one
// itself and that one in its article: a sentence that lacks one ("first")
// may give the date of something else, but "the combat role" in a story
// about the mission is the mission.
func holdsAround(c *scoredSentence, held []bool) bool {
	missing := 0
	for j := range held {
		switch {
		case !held[j] || c.held[j]:
		case c.docHeld[j]:
			missing++
		default:
			return false
		}
	}
	return missing <= 1
}

// holdsAll reports whether a holds every term b holds: a sentence that
// lacks one ("first") may give the date of something else.
func holdsAll(a, b []bool) bool {
	for j := range b {
		if b[j] && !a[j] {
			return false
		}
	}
	return true
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

// quoteAnswer formats the chosen sentences as a cited answer. The two
// sides of a disagreement are dated when their articles are, and the
// second says whether it is the later or the earlier report: the age of
// a report often explains the difference.
func quoteAnswer(cs []*scoredSentence, differ bool) bot.Answer {
	a := bot.Answer{Citations: make([]bot.Citation, 0, len(cs))}
	var b strings.Builder
	if differ {
		b.WriteString("The sources differ. ")
		if d := cs[0].s.date; !d.IsZero() && len(cs) > 1 && !cs[1].s.date.IsZero() && !d.Equal(cs[1].s.date) {
			b.WriteString("A report of " + bot.DateLabel(d) + " says: ")
		}
	}
	for i, c := range cs {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date,
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
// two articles' dates are known and differ, saying which is newer.
func otherReport(first, other time.Time) string {
	switch {
	case first.IsZero() || other.IsZero() || first.Equal(other):
		return "Another report says otherwise: "
	case other.After(first):
		return "A later report, of " + bot.DateLabel(other) + ", says otherwise: "
	}
	return "An earlier report, of " + bot.DateLabel(other) + ", says otherwise: "
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
	caption       bool                // a photo caption or credit: rarely the answer
	fullNames     map[string]bool     // surnames its article gives in full, shared by its sentences
	fileNames     map[string]bool     // stems of its file's name ("1862_abraham_lincoln"), shared
	headline      bool                // the article's headline: the body says it better
	asks          bool                // a question of the text ("Q: Why?"): its reply answers
	byline        bool                // credits the story's reporters
	nameHeads     map[string][]string // the nouns its article calls its names by, by their other words (see linkNameHeads), shared
	common        map[string]bool     // words its passages write in lower case, shared: "minister" is a title, "Harper" a name
	prev, next    *passageSentence    // the sentences just before and after it, when retrieved
	periodList    []period            // the quarters it names, see periods
	periodsDone   bool
}

// link makes a and b neighbours when only the white space gap parts them:
// within a paragraph, or across one blank line, as wire copy sets its
// one-sentence paragraphs.
func link(a, b *passageSentence, gap string) {
	if a == nil || a == b || strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") > 2 {
		return
	}
	if a.next == nil && b.prev == nil {
		a.next, b.prev = b, a
	}
}

// joinCredits joins a photo credit ("REUTERS/Jorge Silva") that the
// splitter cut off after a caption's final date back to its caption, on the
// same line: alone it is too short to quote, and it is the answer to "who
// took the picture".
func joinCredits(text string, spans []retrieval.Span) []retrieval.Span {
	out := spans[:0:0]
	for _, sp := range spans {
		t := text[sp.Start:sp.End]
		if n := len(out); n > 0 && isPhotoCredit(t) && len(strings.Fields(t)) <= 6 &&
			!strings.Contains(text[out[n-1].End:sp.Start], "\n") {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

// isHeadline reports whether a sentence is the article's headline: its
// title, without the full stop of a sentence of the body, also as the
// header line it came from ("Title: …", "Headline: …" in exports from
// news databases).
func isHeadline(text, title string) bool {
	text = strings.Join(strings.Fields(text), " ")
	if key, rest, ok := strings.Cut(text, ": "); ok && rest == title && !strings.ContainsAny(key, " \t") {
		text = rest
	}
	if title == "" || text != title {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?\"”’'", r)
}

// collectSentences splits the passages into sentences, dropping the
// repeats that overlapping chunks produce.
func (e *Answerer) collectSentences(passages []retrieval.Result) []*passageSentence {
	lx := e.lexicon
	seen := make(map[string]*passageSentence)
	var out []*passageSentence
	files := make(map[string]map[string]bool)
	for rank, p := range passages {
		if files[p.Source] == nil {
			files[p.Source] = fileNameStems(p.Source)
		}
		var prev *passageSentence // the sentence before, in this passage
		prevEnd := 0
		for _, sp := range joinCredits(p.Text, retrieval.SplitSentences(p.Text)) {
			// SplitSentences trims its spans, and joinCredits joins trimmed ones.
			start, end := sp.Start, sp.End
			// A markdown heading is quoted without its marks ("# "),
			// which are markup, not words; it is a headline.
			heading := strings.HasPrefix(p.Text[start:end], "#")
			if heading {
				start = end - len(strings.TrimLeft(p.Text[start:end], "# \t"))
			}
			if start >= end {
				continue
			}
			text := p.Text[start:end]
			offKey := p.Source + "\x00" + strconv.Itoa(p.Start+start)
			textKey := p.Source + "\x00" + text
			gap := p.Text[prevEnd:start]
			prevEnd = end
			if s := cmp.Or(seen[offKey], seen[textKey]); s != nil {
				link(prev, s, gap)
				prev = s
				continue
			}
			toks := splitWords(text)
			if sentenceWords(toks) < 3 && !(prev != nil && prev.asks) { // "Doyle: No." replies
				prev = nil
				continue // a stray label, not a sentence
			}
			s := &passageSentence{
				source: p.Source, title: p.Title, date: p.Date,
				text: text, lower: strings.ToLower(text),
				lines: [2]int{
					p.FirstLine + retrieval.LineAt(p.Text, start) - 1,
					p.FirstLine + retrieval.LineAt(p.Text, end-1) - 1,
				},
				rank:      rank,
				fileNames: files[p.Source],
				terms:     make(map[string]bool),
				toks:      toks,
				caption:   isPhotoCredit(text),
				headline:  heading || isHeadline(text, p.Title),
				asks:      asksItself(text),
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
			// An irregular form stands for its base form too: "broke"
			// is "break", which "injury" relates to; an ordinal for its
			// number, however written ("13th", "thirteenth").
			for _, w := range toks {
				for _, t := range e.baseStems(w.lower) {
					s.terms[t] = true
				}
				if n := ordinalValue(w.lower); n > 0 {
					s.terms[ordinalTerm(n)] = true
				}
			}
			e.addConstraintTerms(s)
			seen[offKey], seen[textKey] = s, s
			link(prev, s, gap)
			prev = s
			out = append(out, s)
		}
	}
	// The words the passages write in lower case: "minister" is then a
	// title, where "Harper", never written so, is a surname.
	common := make(map[string]bool)
	for _, s := range out {
		s.common = common
		for i, tk := range s.toks {
			if !tk.upper && tk.letters > 0 && (i > 0 || !strings.HasPrefix(s.text, tk.text)) {
				common[tk.lower] = true
			}
		}
	}
	// The surnames each article gives in full somewhere: "Sarkozy" alone
	// is then a person, where "Kandahar" is not.
	surnames := make(map[string]map[string]bool)
	for _, s := range out {
		if surnames[s.source] == nil {
			surnames[s.source] = make(map[string]bool)
		}
		s.fullNames = surnames[s.source]
		s.byline = lx.isByline(s)
		for _, n := range lx.namesIn(s) {
			if n.full() {
				s.fullNames[n.surname(s.toks)] = true
			}
		}
	}
	linkNameHeads(out)
	return out
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
	coverage float64 // share of the question's term weight it holds
	core     float64 // the same, or the share of the terms outside the question's setting, if more
	held     []bool  // the question's terms outside its setting that it holds itself
	docHeld  []bool  // those its article holds somewhere
	matched  int     // question terms it holds itself, not by its article
	// aroundMatched counts the further terms the sentences before and
	// after it hold, and the names its article holds.
	aroundMatched int
	holdsFocus    bool     // holds the noun or verb the question is about
	holdsHead     bool     // holds the noun the question asks about itself ("the runner-up")
	titled        bool     // names someone by an office of what "who runs X" asks about (see titledFor)
	values        []string // the figures or dates it gives near the question's terms
}

// score ranks the sentences for q, best first. ok is false when the
// passages lack the question's names or too many of its terms.
func (e *Answerer) score(q questionInfo, sents []*passageSentence) ([]*scoredSentence, bool) {
	lx := e.lexicon
	e.fitConstraints(q, sents)
	// credit[i][j]: how well sentence i holds term j, from 0 to 1.
	credit := make([][]float64, len(sents))
	// lend[i][j]: the credit sentence i lends its neighbours for term j;
	// none for a term it denies ("there was no tsunami threat").
	lend := make([][]float64, len(sents))
	docBest := make(map[string][]float64) // source -> best credit per term
	for i, s := range sents {
		credit[i] = make([]float64, len(q.terms))
		lend[i] = make([]float64, len(q.terms))
		best := docBest[s.source]
		if best == nil {
			best = make([]float64, len(q.terms))
			docBest[s.source] = best
		}
		headcount := q.kind == kindNumber && (isHeadcount(s.toks) || lx.groupCount(s.toks) >= 0)
		denied := deniesVerb(q, s)
		if denied && q.kind != kindAny {
			// Who decided, when, how many: not a decision not taken.
			credit[i] = make([]float64, len(q.terms))
			continue
		}
		fit := periodNone
		if q.period.quarter > 0 {
			fit = fitPeriod(s.periods(), q.period)
		}
		for j, t := range q.terms {
			c := e.termCredit(s, t)
			if j == q.verb && denied {
				c = 0 // "no decision" is not a decision
			}
			switch {
			case t.period && fit == periodSame:
				c = 1 // "the last three months of the year" is the fourth quarter
			case t.period && fit == periodOther:
				c = 0 // a figure of another quarter
			case t.datedBy(s.date):
				c = 1 // "when it reported in February 2023": the article's date
			case q.asOf.holds(t, s.date):
				c = 1 // "by March 9": a report of that day
			case t.figure && !t.period && len(t.stem) == 4:
				c = max(c, yearCredit(s, t, e.opt.SynonymCredit)) // "the prize fund in 2022": an article of 2022
			}
			if headcount && t.head && lx.isPeopleNoun(t.word) {
				c = max(c, e.opt.SynonymCredit) // "the 2,700-strong mission" counts soldiers
			}
			credit[i][j] = c
		}
		// A quotation attributed by a pronoun ("CTV quoted him as
		// saying", "he said") is the words of the person the sentence
		// before names: "What did Rasmussen say about terrorists?"
		if s.prev != nil && slices.Contains(lx.speakersIn(s, pronounSpeaker), pronounSpeaker) {
			for j, t := range q.terms {
				if t.name && credit[i][j] == 0 && e.termCredit(s.prev, t) == 1 {
					credit[i][j] = e.opt.SynonymCredit
				}
			}
		}
		// A sum of money stands for "cost" only in a sentence about what
		// is asked: "a C$600 million bridge", not any figure of the
		// story ("How much will the series cost?" is not answered by
		// the broadcaster's revenue).
		for j, t := range q.terms {
			if t.amount && credit[i][j] < 1 && credit[i][j] > 0 && !holdsOtherTopic(q, credit[i], j, e.opt.SynonymCredit) {
				credit[i][j] = 0
			}
		}
		for j, t := range q.terms {
			c := credit[i][j]
			best[j] = max(best[j], c)
			if c > 0 && !denies(s, t) {
				lend[i][j] = c
			}
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
		for i, s := range sents {
			if credit[i][j] >= e.opt.SynonymCredit {
				df++
			}
			if credit[i][j] == 1 || t.figure && !t.period && t.ofYear(s.source, s.date) {
				direct = true // a year: also an article's date
			}
		}
		if (t.name || t.figure) && !direct || (t.head || t.title && !t.role || t.required) && df == 0 {
			return nil, false
		}
		if t.head && len(t.hypo) > 0 && !slices.ContainsFunc(sents, func(s *passageSentence) bool { return e.termCredit(s, t.general()) >= e.opt.SynonymCredit }) {
			// "What was Halvorsen's profit?" is not answered where a
			// profit is only "a kill", in "three workers were killed".
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
	// Likewise a year or number the question states ("the 2021
	// festival", "season 4") must be the article's: in its text, or the
	// year of its date.
	dated := make(map[string]time.Time)
	for _, s := range sents {
		dated[s.source] = s.date
	}
	// An article that names quarters, but not the one asked about, is
	// about another ("the third quarter" is not answered by the second).
	periodOf := make(map[string]periodFit)
	if q.period.quarter > 0 {
		for _, s := range sents {
			if f := fitPeriod(s.periods(), q.period); f == periodSame || f == periodOther && periodOf[s.source] == periodNone {
				periodOf[s.source] = f
			}
		}
	}
	coherent := make(map[string]bool)
	for src, best := range docBest {
		coherent[src] = periodOf[src] != periodOther
		for j, t := range q.terms {
			if (t.name || t.title && !t.role) && t.weight == 1 && best[j] < e.opt.SynonymCredit {
				coherent[src] = false
			}
			if t.figure && best[j] < 1 && !t.ofYear(src, dated[src]) {
				coherent[src] = false
			}
		}
	}
	focus := q.focus()
	index := make(map[*passageSentence]int, len(sents))
	for i, s := range sents {
		index[s] = i
	}
	// The figure of "how many were wounded" must count the wounded; "how
	// many troops are deployed" is answered by a head count that names no
	// verb.
	countsVerb := q.kind == kindNumber && q.passive && q.verb >= 0 && !lx.isPresenceVerb(q.terms[q.verb].word)
	// A name that says which of the thing asked about must stand by the
	// answer (in it, the sentence before, or the title): "a ticket for
	// the Corn Exchange concerts" is not priced by a sentence on another
	// hall's seats in a story that names the Corn Exchange after it.
	namedNear := func(i int, s *passageSentence) bool {
		for j, t := range q.terms {
			if t.qualifier && credit[i][j] < e.opt.SynonymCredit &&
				around(index, s.prev, credit, j) < e.opt.SynonymCredit && !strings.Contains(strings.ToLower(s.title), t.word) {
				return false
			}
		}
		return true
	}
	absent := e.thingAbsent(q, sents)
	topical := e.topical(q, sents)
	cands := make([]*scoredSentence, 0, len(sents))
	for i, s := range sents {
		if !coherent[s.source] || !e.holdsRelation(q, credit[i]) || !namedNear(i, s) || !e.holdsThing(q, s, absent) || topical != nil && !topical[s] || !e.fitsKind(q, s) {
			continue
		}
		if q.period.quarter > 0 && fitPeriod(s.periods(), q.period) == periodOther {
			continue // a figure of another quarter, in an article on both
		}
		if e.breaksConstraints(q, s, credit[i], idf) {
			continue // Lumen-3's cost is not Lumen-2's; a quarter is not its loss
		}
		c := &scoredSentence{s: s, held: make([]bool, len(q.terms)), docHeld: make([]bool, len(q.terms))}
		for j, t := range q.terms {
			c.docHeld[j] = t.weight == 1 && docBest[s.source][j] >= e.opt.SynonymCredit
		}
		var got, core, coreTotal float64
		// A sentence holding what was asked ("what raise") in an article
		// holding the rest ("the dockworkers") draws on its article as on
		// its neighbours.
		holdsAsked := q.asked >= 0 && credit[i][q.asked] >= e.opt.SynonymCredit
		docCredit := e.opt.DocCredit
		if holdsAsked {
			docCredit = max(docCredit, neighbourCredit)
		}
		for j, t := range q.terms {
			if t.figure && heldItself(t, s) {
				// "the 2022 champion" beside a sentence of a 2024
				// story does not make it about 2022.
				got += idf[j] * credit[i][j]
			} else {
				got += idf[j] * max(credit[i][j], docCredit*docBest[s.source][j], neighbourCredit*max(around(index, s.prev, lend, j), around(index, s.next, lend, j)))
			}
			if credit[i][j] >= e.opt.SynonymCredit {
				c.holdsHead = c.holdsHead || t.head
				c.matched++
				c.held[j] = t.weight == 1
				c.holdsFocus = c.holdsFocus || t.head || j == focus || j == q.verb
			} else if max(around(index, s.prev, lend, j), around(index, s.next, lend, j)) >= e.opt.SynonymCredit ||
				t.name && docBest[s.source][j] >= e.opt.SynonymCredit {
				c.aroundMatched++ // "Acme" for "Revenue climbed 15 percent" in a story on Acme
			}
			if t.weight == 1 {
				coreTotal += idf[j]
				core += idf[j] * min(1, credit[i][j]/e.opt.SynonymCredit)
			}
		}
		if holdsAsked {
			// "The deal includes a 14 percent wage increase" in the
			// story on the dockworkers: what was asked, about them.
			c.holdsFocus = true
			for j, t := range q.terms {
				if credit[i][j] < e.opt.SynonymCredit && t.weight == 1 && docBest[s.source][j] >= e.opt.SynonymCredit {
					c.aroundMatched++
				}
			}
		}
		if q.kind == kindPerson && e.titledFor(q, s) {
			// "Harbourside manager Rhian Doyle" says who runs it.
			c.matched++
			c.holdsFocus, c.titled = true, true
		}
		c.coverage = got / total
		c.core = c.coverage
		if coreTotal > 0 {
			c.core = max(c.coverage, core/coreTotal)
		}
		c.score = c.coverage + e.opt.RankWeight/float64(1+s.rank) + e.kindScore(q, s)
		spots, near, values, weak := lx.answerEvidence(q, s, idf, total)
		if !spots && (q.kind == kindNumber || q.kind == kindDate) {
			// "How many" and "when" are answered by a figure or a date:
			// a sentence without one is about the topic, not the answer.
			continue
		}
		if q.verb >= 0 && !e.assertsVerb(q, s) && (q.kind == kindDate && !q.want.clock || countsVerb) {
			// The date of "when did France decide" is the date of the
			// decision: a date elsewhere, or of a decision not taken,
			// does not answer. Likewise the figure of "how many were
			// wounded" must count the wounded.
			continue
		}
		if spots {
			// Half for holding the kind of answer at all, the rest as
			// the question's terms surround it; and only in full in a
			// sentence on the question's topic: a date in a sentence
			// about something else answers nothing.
			w := e.opt.TypeWeight * (0.5 + 0.5*near) * min(1, c.coverage/onTopic)
			if weak {
				w /= 2 // a role or a surname, not who holds it
			}
			c.score += w
			c.values = values
		}
		if s.caption && !q.photo {
			c.score *= captionWeight
		}
		if s.headline {
			c.score *= headlineWeight
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, false
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	if q.kind == kindPerson && slices.ContainsFunc(cands, func(c *scoredSentence) bool { return c.holdsHead }) {
		// "Who was the runner-up?" is answered by the sentence that
		// names the runner-up, not by one about the winner.
		cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !c.holdsHead })
	}
	if cands = e.officeFirst(q, cands); len(cands) == 0 {
		return nil, false
	}
	if q.whoVerb && q.verb >= 0 && slices.ContainsFunc(cands, func(c *scoredSentence) bool { return e.assertsVerb(q, c.s) }) {
		// "Who directed X?" is answered by a sentence that says who
		// directed, not by one that names X and other people.
		cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !e.assertsVerb(q, c.s) })
	}
	// One shared word is no evidence: a sentence must hold two of the
	// question's terms (when two are in the passages at all), or the noun
	// or verb the question is about when the sentences around it or its
	// article hold the others: "NATO talks are underway. Bernier is among
	// the 26 ministers taking part."
	// When the sentences with such evidence score well below the best,
	// the question is about something the passages do not hold.
	// A question that names only a person and the kind of answer ("How
	// old is Ines Fontainhas?") is about the person: her surname is
	// focus enough ("Fontainhas, 34, thanked her crew").
	onlyNames := true
	for j, t := range q.terms {
		if !t.name && t.weight == 1 && idf[j] > 0 {
			onlyNames = false
		}
	}
	top := cands[0].score
	cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool {
		return c.matched < min(2, present) && !((c.holdsFocus || onlyNames && c.matched > 0) && c.matched+c.aroundMatched >= 2)
	})
	if len(cands) == 0 || cands[0].score < e.opt.RelativeScore*top {
		return nil, false
	}
	return cands, true
}

// pronounSpeaker stands for the person named before a sentence that
// quotes "him" or "her": speakersIn returns it for such a sentence.
const pronounSpeaker = "\x00"

// holdsOtherTopic reports whether a sentence with credits credit holds a
// term of the question other than term skip that is neither a name nor
// a light word: what the question is about.
func holdsOtherTopic(q questionInfo, credit []float64, skip int, min float64) bool {
	for j, t := range q.terms {
		if j != skip && !t.name && !t.amount && t.weight == 1 && credit[j] >= min {
			return true
		}
	}
	return false
}

// neighbourCredit is the credit for a question term that is not in a
// sentence but in the sentence before or after it in its paragraph: "NATO
// talks are underway in Brussels. Canada's minister is among the 26
// ministers taking part."
const neighbourCredit = 0.4

// around returns the credit of term j in s, a neighbour, or 0 for none.
func around(index map[*passageSentence]int, s *passageSentence, credit [][]float64, j int) float64 {
	if s == nil {
		return 0
	}
	return credit[index[s]][j]
}

// holdsRelation reports whether a sentence whose credits per term are
// credit holds the head noun of the question together with its "of"
// complement, when it has one: "President Nicolas Sarkozy" does not answer
// "Who is the president of Afghanistan?".
func (e *Answerer) holdsRelation(q questionInfo, credit []float64) bool {
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
func (e *Answerer) termCredit(s *passageSentence, t qterm) float64 {
	lx := e.lexicon
	if s.holds(t.stem) || gluedIn(s.lower, t.prefix, t.name) {
		return 1
	}
	if t.name && s.fileNames[t.stem] {
		return 1 // a file named for its speaker or subject: every sentence is theirs
	}
	for _, f := range t.forms {
		if s.terms[f] {
			return 1
		}
	}
	for _, o := range t.syn {
		if s.holds(o) || !strings.Contains(o, " ") && gluedIn(s.lower, strings.TrimSuffix(o, "i"), false) {
			return e.opt.SynonymCredit
		}
		// A title of three words or more goes without its last:
		// "Chief Executive" is the chief executive officer; a place
		// is its ordinal: "finished second" is the second best.
		ws := strings.Fields(o)
		if len(ws) >= 3 && s.holds(strings.Join(ws[:len(ws)-1], " ")) {
			return e.opt.SynonymCredit
		}
		if n := ordinalValue(ws[0]); len(ws) == 2 && n >= 2 && (s.terms[ordinalTerm(n)] || t.head && s.terms[placeTerm(n)]) {
			return e.opt.SynonymCredit
		}
	}
	if t.acronym && abbreviates(t.stem, s.toks) {
		return 1 // "NDP": the New Democratic Party
	}
	if t.amount && lx.mentionsMoney(s) && len(lx.findNumbers(s.toks)) > 0 {
		return e.opt.SynonymCredit // "a C$600 million bridge" is what it costs
	}
	if t.when && slices.ContainsFunc(lx.findDates(s.toks), func(a answerSpot) bool { return a.value != "" }) {
		return e.opt.SynonymCredit // "construction in 2026" is when it starts
	}
	if !t.name && len(t.stem) > derivedLen && !strings.Contains(t.stem, " ") {
		// A word of the same family, shorter: "oppos" (opposed) for
		// "opposit" (opposition), "elect" for "elector".
		for st := range s.terms {
			if len(st) >= derivedLen && len(st) < len(t.stem) && strings.HasPrefix(t.stem, st) {
				return e.opt.SynonymCredit
			}
		}
	}
	if s.caption && lx.isPictureWord(t.word) {
		return 1 // a caption is about its picture
	}
	if t.role && slices.ContainsFunc(s.toks, func(tk textWord) bool { return lx.isRole(tk.lower) && !tk.upper }) {
		return e.opt.SynonymCredit // "which official": the spokesperson
	}
	return 0
}

// general returns t without its hyponyms.
func (t qterm) general() qterm {
	t.syn = slices.DeleteFunc(slices.Clone(t.syn), func(o string) bool { return slices.Contains(t.hypo, o) })
	return t
}

// derivedLen is the least length of a stem that begins a longer one of
// the same family: shorter ones ("con", "pres") begin unrelated words.
const derivedLen = 5

// abbreviates reports whether acronym (lower-cased, "ndp") is the
// initials of a run of capitalised words of toks ("New Democratic Party"),
// skipping the small words inside it ("Bank of Canada" for "boc").
func abbreviates(acronym string, toks []textWord) bool {
	for i := range toks {
		k, j := 0, i
		for j < len(toks) && k < len(acronym) {
			tk := toks[j]
			if j > i && (tk.lower == "of" || tk.lower == "and" || tk.lower == "for" || tk.lower == "the") {
				if tk.lower[0] == acronym[k] {
					k++ // "BoC": the small word has its letter
				}
				j++
				continue
			}
			if !tk.upper || tk.lower[0] != acronym[k] {
				break
			}
			k, j = k+1, j+1
		}
		if k == len(acronym) && j-i > 1 {
			return true
		}
	}
	return false
}

// fileNameStems returns the stems of the words of a file's base name,
// which archives often name for the speaker or subject
// ("1862_abraham_lincoln_r.txt", "2008-02-22-harper-troops.txt").
func fileNameStems(source string) map[string]bool {
	base := path.Base(source)
	base = strings.TrimSuffix(base, path.Ext(base))
	out := make(map[string]bool)
	for _, t := range retrieval.Terms(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(base)) {
		out[t] = true
	}
	return out
}

// holds reports whether s holds the stem, or every stem of a phrase ("prime
// minist").
func (s *passageSentence) holds(stem string) bool {
	if !strings.Contains(stem, " ") {
		return s.terms[stem]
	}
	for _, p := range strings.Fields(stem) {
		if !s.terms[p] {
			return false
		}
	}
	return true
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
		for _, p := range strings.Fields(o) { // any word of a phrase
			if lower == p || len(p) >= 4 && strings.HasPrefix(lower, strings.TrimSuffix(p, "i")) {
				return true
			}
		}
		return false
	}
	return related(t.stem) || slices.ContainsFunc(t.forms, related) || slices.ContainsFunc(t.syn, related)
}

// captionWeight scales the score of a photo caption: it is seldom the
// answer, but its names and dates look like one.
const captionWeight = 0.8

// headlineWeight scales the score of a headline: it holds the words of the
// story's main sentence, which says the same with who and when.
const headlineWeight = 0.8

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
func (lx *lexicon) answerEvidence(q questionInfo, s *passageSentence, idf []float64, total float64) (spots bool, near float64, values []string, weak bool) {
	if q.kind == kindAny {
		return false, 0, nil, false
	}
	found := lx.findKind(q, s)
	if q.money && !lx.mentionsMoney(s) {
		found = nil // "how much does it cost" is not answered by a head count
	}
	if len(found) == 0 {
		return false, 0, nil, false
	}
	weak = true
	// matched[i]: the question terms word i stands for.
	matched := make([][]int, len(s.toks))
	for i, tk := range s.toks {
		for j, t := range q.terms {
			if idf[j] > 0 && (tokenMatches(tk.lower, t) || t.head && lx.isPeopleNoun(t.word) && i > 0 && isHeadcount(s.toks[i-1:i+1])) {
				matched[i] = append(matched[i], j)
			}
		}
	}
	focus := q.focus()
	if focus >= 0 && idf[focus] == 0 {
		focus = -1
	}
	for _, f := range found {
		if q.kind == kindNumber && !q.margin && lx.figureOfOther(q, s, matched, f.tok, focus) ||
			q.kind == kindPerson && lx.servesOther(s.toks, matched, f.tok) {
			continue
		}
		spots = true
		seen := make(map[int]bool)
		var w float64
		of := total
		focused := true
		if focus >= 0 {
			// The focus counts twice, and from anywhere in the spot's
			// clause: "NATO talks are underway at the organization's
			// headquarters in Brussels". A spot away from it is weak.
			of += idf[focus]
			if focused = sameClause(s, matched, f.tok, focus); focused {
				w += idf[focus]
			}
		}
		weak = weak && (f.weak || !focused)
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
		near = max(near, min(1, w/of))
		if f.value != "" && !slices.Contains(values, f.value) {
			values = append(values, f.value)
		}
	}
	return spots, near, values, weak
}
