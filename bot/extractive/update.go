package extractive

// This file tells a figure that changed over time (an update: the toll
// rose, the flood grew, the next edition drew more) from two reports
// that disagree about one thing. Reports of different dates about a
// quantity that evolves are a timeline, not a conflict; the same figure
// given differently for the same moment, a transposed figure or a
// person's age given differently are a disagreement whatever the dates.

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// transposed reports whether two figures are written with the same
// digits in another order ("1,450" and "1,540", "340" and "430"): the
// commonest slip of a copy, so the two are surely of one thing.
func transposed(a, b mention) bool {
	da, db := digitsOf(a.text), digitsOf(b.text)
	if len(da) < 3 || len(da) != len(db) || da == db {
		return false
	}
	sa, sb := []byte(da), []byte(db)
	slices.Sort(sa)
	slices.Sort(sb)
	return string(sa) == string(sb)
}

// digitsOf is the digits of a figure as written, separators left out.
func digitsOf(text string) string {
	var b strings.Builder
	for _, r := range text {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// transposeBonus is added to the score of two figures of different
// articles written with the same digits in another order.
const transposeBonus = 2

// isAge reports whether m is a person's age: a bare whole number set off
// by commas right after a name ("Henri Lacombe, 81, a retired
// fisherman"). A person's age changes once a year, so
// two reports of one age that differ by more disagree.
func isAge(m mention) bool {
	if m.kind != qCount || !isWhole(m.value) || m.value <= 0 || m.value >= 120 || m.first == 0 || m.first != m.last {
		return false
	}
	s := m.sentence
	prev := s.toks[m.first-1]
	gap := s.text[prev.end:s.toks[m.first].start]
	if !prev.upper || prev.allCaps || strings.TrimSpace(gap) != "," {
		return false
	}
	// A comma closes the age too, or ends the sentence.
	if m.last+1 >= len(s.toks) {
		return true
	}
	after := s.text[s.toks[m.last].end:s.toks[m.last+1].start]
	return strings.HasPrefix(strings.TrimSpace(after), ",")
}

// agesDisagree reports whether two ages of one person, given by reports
// apart in time, differ by more than the years between the reports.
func agesDisagree(a, b mention) bool {
	years := 0.0
	if da, db := a.sentence.date, b.sentence.date; !da.IsZero() && !db.IsZero() {
		years = absDays(da.Sub(db).Hours()/24) / 365
	}
	return absDays(a.value-b.value) > years+1
}

// runningWords are the grammar words that say a figure is a tally as of
// its report, liable to change ("so far", "to date", "in all", "by
// now"): a closed class of adverbials.
var runningWords = [][]string{{"so", "far"}, {"to", "date"}, {"in", "all"}, {"in", "total"}, {"thus", "far"}, {"by", "now"}, {"altogether"}, {"now"}}

// running reports whether s gives its figures as a tally as of its
// report: in the perfect ("has risen to 4,800", "have been destroyed",
// "had been evacuated") or with an adverbial of a tally ("so far", "in
// all").
func (lx *lexicon) running(s *passageSentence) bool {
	toks := s.toks
	for i, tk := range toks {
		for _, phrase := range runningWords {
			if i+len(phrase) <= len(toks) && slices.EqualFunc(phrase, toks[i:i+len(phrase)], func(w string, t textWord) bool { return w == t.lower }) {
				return true
			}
		}
		if tk.lower != "has" && tk.lower != "have" && tk.lower != "had" {
			continue
		}
		// The auxiliary, then a participle within a few words ("has
		// risen", "have so far been destroyed", "had been evacuated").
		for k := i + 1; k < min(len(toks), i+4); k++ {
			w := toks[k].lower
			if w == "been" || lx.is(w, wcPastForm) || strings.HasSuffix(w, "ed") && lx.is(w, wcHasVerb) {
				return true
			}
			if toks[k].digits > 0 || lx.pos(w) == wcNoun && !lx.is(w, wcPastForm) {
				break // "had 600 employees", "has a plan": a possession
			}
		}
	}
	return false
}

// sameStory is how many days apart two reports may be and still tell of
// a standing figure that has not changed in between: a dome's seats, a
// building's cost.
const sameStory = 31

// standing reports whether two counts of reports apart in time, of one
// counted noun with a word of what they are of around both, are of a
// thing as it stands rather than a tally or a forecast (sums and shares
// are bargained and revised: "an offer of 4.5 percent", "a rise of 5.2"): neither given as a tally
// as of its report ("has risen to", "so far") nor foreseen, in reports
// less than sameStory days apart. Such a figure does not change within
// weeks, so two reports that give it differently disagree.
func (e *Answerer) standing(a, b mention, close bool) bool {
	if !close || a.kind != qCount || a.unit == "" || b.unit == "" || e.lexicon.forecasts(a) || e.lexicon.forecasts(b) || !e.lexicon.sameMeasure(a, b) {
		return false
	}
	da, db := a.sentence.date, b.sentence.date
	if da.IsZero() || db.IsZero() || absDays(da.Sub(db).Hours()/24) > sameStory {
		return false
	}
	return !e.lexicon.running(a.sentence) && !e.lexicon.running(b.sentence)
}

// forecasts reports whether a verb of thinking stands in m's clause
// ("expects 150,000 visitors", "estimated"): a figure foreseen. Unlike
// the mention's foreseen, only words that are mostly verbs count, not
// nouns with a sense of one ("a show", "a screen").
func (lx *lexicon) forecasts(m mention) bool {
	if lx.th == nil {
		return m.foreseen
	}
	s := m.sentence
	lo, hi := clauseAround(s, m.first, m.last, false)
	for k := lo; k <= hi; k++ {
		w := s.toks[k].lower
		if lx.pos(w) != wcVerb || !lx.verbAt(s.toks, k) {
			continue
		}
		for _, l := range lx.th.Lemmas(w) {
			if lx.th.In(l, thesaurus.Thinking) {
				return true
			}
		}
	}
	return false
}

// relativeTime is the time words lo to hi give against their report's
// own ("last year's record", "next season", "a year earlier"): -1 for
// an earlier time, +1 for a later one, 0 when they give none, as of
// the report. A fronted adverbial ("Last year, ...") speaks for the
// whole sentence. A figure of last year is no figure of this year.
func (lx *lexicon) relativeTime(s *passageSentence, lo, hi int) int {
	when := func(lo, hi int) int {
		toks := s.toks
		for k := lo; k <= hi; k++ {
			unit := k+1 < len(toks) && lx.is(strings.TrimSuffix(toks[k+1].lower, "'s"), wcTimeUnit|wcTimespan)
			switch w := toks[k].lower; {
			case unit && (w == "last" || w == "previous" || w == "past"):
				return -1
			case unit && (w == "next" || w == "coming"):
				return 1
			case lx.is(w, wcTimeUnit|wcTimespan) && k+1 < len(toks) && (toks[k+1].lower == "earlier" || toks[k+1].lower == "ago" || toks[k+1].lower == "before"):
				return -1 // "a year earlier"
			}
		}
		return 0
	}
	if w := when(lo, hi); w != 0 {
		return w
	}
	end := 0
	for end+1 < len(s.toks) && !strings.Contains(s.text[s.toks[end].end:s.toks[end+1].start], ",") {
		end++
	}
	if end+1 < len(s.toks) && end < lo && end <= 4 {
		return when(0, end)
	}
	return 0
}

// yearApart is how many days apart two reports are that tell of
// different times of a thing more than of the same: the next edition,
// the next season, the next year's figures.
const yearApart = 180

// update reports whether a point is a figure that changed rather than a
// disagreement: reports of different years; reports more than sameDays
// apart of which one gives it as a tally as of its date; or reports of
// different days of which one does and the later gives more (a toll
// that rose overnight). Reports of the same day cannot tell of a change.
func (e *Answerer) update(p *point, articles []coverageArticle) bool {
	if p.date || p.age || len(p.sides) != 2 {
		return false
	}
	lo0, hi0, ok0 := sideSpan(articles, p.sides[0])
	lo1, hi1, ok1 := sideSpan(articles, p.sides[1])
	if !ok0 || !ok1 {
		return false
	}
	gap, later := lo1.Sub(hi0).Hours()/24, 1
	if g := lo0.Sub(hi1).Hours() / 24; g > gap {
		gap, later = g, 0
	}
	switch {
	case gap < 1:
		return false
	case gap > yearApart:
		return true
	}
	if copied(p) {
		return false // one sentence with another figure: a copy's slip, not news
	}
	running := false
	for _, side := range p.sides {
		for _, s := range side {
			running = running || e.lexicon.running(s)
		}
	}
	grew := false // only reports both dated tell a change within days
	if len(p.values) == 2 && datedSide(p.sides[0]) && datedSide(p.sides[1]) {
		a, okA := figureValue(p.values[1-later])
		b, okB := figureValue(p.values[later])
		grew = okA && okB && b > a
	}
	return running && (gap > sameDays || grew)
}

// sideSpan is the earliest and latest date of the reports of one side,
// by their dates or, for the undated, what their text tells of when they
// were written; ok is false when one tells nothing.
func sideSpan(articles []coverageArticle, side []*passageSentence) (lo, hi time.Time, ok bool) {
	for _, s := range side {
		a, b := s.date, s.date
		if s.date.IsZero() {
			i := articleOf(articles, s)
			if i < 0 {
				return lo, hi, false
			}
			a, b = articles[i].bounds.notBefore, articles[i].bounds.notAfter
		}
		if a.IsZero() && b.IsZero() {
			return lo, hi, false
		}
		if a.IsZero() {
			a = b.AddDate(-100, 0, 0) // before b, no more known
		}
		if b.IsZero() {
			b = a.AddDate(100, 0, 0)
		}
		if lo.IsZero() || a.Before(lo) {
			lo = a
		}
		if hi.IsZero() || b.After(hi) {
			hi = b
		}
	}
	return lo, hi, true
}

// articleYears are the years an article is of: its date's, and those its
// text names of what has happened ("the 2024 convention", "in 2019").
func articleYears(a coverageArticle) map[string]bool {
	out := make(map[string]bool)
	if !a.info.Date.IsZero() {
		out[a.info.Date.Format("2006")] = true
	}
	for _, s := range a.sents {
		if s.byline {
			continue
		}
		for i, tk := range s.toks {
			if isYearWord(tk) && !inFuture(s, i) && (i == 0 || s.toks[i-1].lower != "since") {
				// "premiums have tripled since 2020" tells of a span up
				// to the article's time, not of what it is about.

				out[tk.text] = true
			}
		}
	}
	return out
}

// otherYears reports whether an undated article and another are of
// different years: each names some, and none in common. Without a date,
// that is what says the two tell of different editions or seasons.
func otherYears(a, b coverageArticle, ya, yb map[string]bool) bool {
	if !a.info.Date.IsZero() && !b.info.Date.IsZero() || len(ya) == 0 || len(yb) == 0 {
		return false
	}
	for y := range ya {
		if yb[y] {
			return false
		}
	}
	return true
}

// timeClause reports a sentence that opens with a time ("By Sunday,
// 2,100 people had been moved", "By March 9, ...") or gives a figure:
// a report of how things stood, not a byline crediting a reporter.
func timeClause(s *passageSentence) bool {
	if len(s.toks) < 2 {
		return false
	}
	if next := s.toks[1]; isWeekday(next.lower) || monthName(next) != "" {
		return true
	}
	return slices.ContainsFunc(s.toks, func(t textWord) bool { return t.digits > 0 && t.letters == 0 })
}

// updateAnswer answers a question on a figure that two reports of
// different dates give differently as the figure's history rather than
// a disagreement: the latest report's figure first, then the other as
// an earlier figure, each dated; or, when the question asks how things
// stood on a day, the figure of the report nearest to it alone.
// ok is false when the two are a disagreement: dates of events, a
// person's age, reports of the same days or undated.
func (e *Answerer) updateAnswer(question string, q questionInfo, best, other *scoredSentence) (bot.Answer, bool) {
	if q.kind != kindNumber {
		return bot.Answer{}, false
	}
	da, db := best.s.date, other.s.date
	if da.IsZero() || db.IsZero() || e.givesAge(best) || e.givesAge(other) {
		return bot.Answer{}, false
	}
	first, second := best, other
	if db.After(da) {
		first, second = other, best
	}
	// Reports of different days: a change when they are more than
	// sameDays apart, or when one gives a tally as of its day and the
	// later gives more.
	gap := absDays(da.Sub(db).Hours() / 24)
	grew := false
	if a, ok := valueOf(first.values); ok {
		if b, ok := valueOf(second.values); ok {
			grew = a > b
		}
	}
	running := e.lexicon.running(best.s) || e.lexicon.running(other.s)
	if gap < 1 || gap <= sameDays && !(running && grew) || copied(&point{sides: [][]*passageSentence{{best.s}, {other.s}}}) {
		return bot.Answer{}, false
	}
	if when, ok := e.askedDate(question, da, db); ok {
		// How things stood on a day: the report of that day alone.
		if absDays(when.Sub(db).Hours()) < absDays(when.Sub(da).Hours()) {
			return quoteAnswer([]*scoredSentence{other}, false), true
		}
		return quoteAnswer([]*scoredSentence{best}, false), true
	}
	return timelineAnswer(first, second), true
}

// givesAge reports whether the figures c gives near the question's terms
// are a person's age.
func (e *Answerer) givesAge(c *scoredSentence) bool {
	for _, m := range e.lexicon.mentions(c.s, e.terms.Terms) {
		if isAge(m) && slices.Contains(c.values, digitsOf(m.text)) {
			return true
		}
	}
	return false
}

// askedDate is the date a question asks how things stood on ("by March
// 9", "on May 2"), read in the year of the reports (a, b).
func (e *Answerer) askedDate(question string, a, b time.Time) (time.Time, bool) {
	for _, m := range e.lexicon.mentions(&passageSentence{text: question, lower: strings.ToLower(question), toks: splitWords(question), common: map[string]bool{}}, e.terms.Terms) {
		if m.kind != qDate {
			continue
		}
		p := dateParts(m.date)
		if p[1] == "" || p[2] == "" {
			continue
		}
		y := p[0]
		if y == "" {
			y = a.Format("2006")
		}
		if t, err := time.Parse(time.DateOnly, y+"-"+p[1]+"-"+p[2]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// timelineAnswer quotes the latest report's figure, dated, then the
// earlier report's: how it changed, not a disagreement.
func timelineAnswer(first, second *scoredSentence) bot.Answer {
	a := bot.Answer{}
	var b strings.Builder
	for i, c := range []*scoredSentence{first, second} {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date,
		})
		if i == 0 {
			b.WriteString("As of the latest report, of " + bot.DateLabel(c.s.date) + ": ")
		} else {
			b.WriteString(" Earlier, on " + bot.DateLabel(c.s.date) + ", the figure was: ")
		}
		b.WriteString(strings.Join(strings.Fields(c.s.text), " ") + " [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}

// ageAside reports whether the figures two sentences give differently
// are a person's age where the question counts something else ("How
// many people died?" against "Henri Lacombe, 81" and "Henri Lacombe,
// 84"): not the disagreement asked about.
func (e *Answerer) ageAside(q questionInfo, best, other *scoredSentence) bool {
	return q.counted >= 0 && (e.givesAge(best) || e.givesAge(other))
}

// day is a day of a month a question names without a year ("by March
// 9", "on 2 May"); month is 0 when it names none.
type day struct {
	month time.Month
	day   int
}

// asOfDay is the day a question asks how things stood on: a month
// with a day of it, before or after, and no year.
func asOfDay(toks []textWord) day {
	for i, tk := range toks {
		m := monthOf(tk)
		if m == 0 {
			continue
		}
		for _, k := range []int{i + 1, i - 1} {
			if k < 0 || k >= len(toks) || toks[k].letters > 0 {
				continue
			}
			if n, err := strconv.Atoi(toks[k].text); err == nil && n >= 1 && n <= 31 {
				if i+2 < len(toks) && k == i+1 && isYearWord(toks[i+2]) {
					return day{} // "March 9, 2025": a full date, asked as such
				}
				return day{m, n}
			}
		}
	}
	return day{}
}

// holds reports whether a report dated d holds the term t of the day
// asked (its month or its day): it is of that day, or the next, which
// reports the day before.
func (a day) holds(t qterm, d time.Time) bool {
	if a.month == 0 || d.IsZero() || d.Month() != a.month || d.Day() < a.day || d.Day() > a.day+1 {
		return false
	}
	return t.stem == strconv.Itoa(a.day) || strings.EqualFold(t.word, a.month.String()) || strings.HasPrefix(strings.ToLower(a.month.String()), t.stem)
}

// asksLatest reports whether a question asks for how a figure ended up
// or stands now ("the final toll", "in the end", "in total", "the
// latest number"): the newest report's figure answers it. The words are
// a closed set of markers of the end of a time, like the question words.
func asksLatest(toks []textWord) bool {
	for i, tk := range toks {
		switch tk.lower {
		case "latest", "final", "finally", "eventually", "ultimately", "altogether", "overall", "total", "now", "current", "currently":
			return true
		case "end": // "in the end"
			if i > 1 && toks[i-1].lower == "the" && toks[i-2].lower == "in" {
				return true
			}
		case "up": // "ended up"
			if i > 0 && toks[i-1].lower == "ended" {
				return true
			}
		}
	}
	return false
}

// latestFigure returns, for a question asking how a figure ended up, the
// sentence of the newest report that gives a figure on the question as
// well as the best one nearly does, when it is newer than the best; or
// nil.
func (e *Answerer) latestFigure(question string, q questionInfo, cands []*scoredSentence) *scoredSentence {
	if q.kind != kindNumber || !asksLatest(splitWords(question)) {
		return nil
	}
	best := cands[0]
	var out *scoredSentence
	for _, c := range cands[1:] {
		if c.score < latestShare*best.score || c.s.date.IsZero() || len(c.values) == 0 || c.s.headline || c.s.caption ||
			!c.s.date.After(best.s.date) || !e.onTopic(q, c.s) || !e.holdsNames(q, c.s) {
			continue
		}
		if q.counted >= 0 && e.countsHead(q, best.s) && !e.countsHead(q, c.s) {
			continue // "112 homes" is answered by a count of homes, not of people
		}
		if out == nil || c.s.date.After(out.s.date) {
			out = c
		}
	}
	return out
}

// valueOf is the number of the first of a sentence's values, when it is
// one ("4800", "1.8").
func valueOf(values []string) (float64, bool) {
	if len(values) == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(values[0], ",", ""), 64)
	return v, err == nil
}

// figureValue is the number a value as shown starts with ("1,450
// workers", "Thirty-seven"), when it is one.
func figureValue(v string) (float64, bool) {
	toks := splitWords(v)
	if len(toks) == 0 {
		return 0, false
	}
	n, _, ok := quantityAt(toks, 0)
	return n, ok
}

// datedSide reports whether every report of a side is dated.
func datedSide(side []*passageSentence) bool {
	return !slices.ContainsFunc(side, func(s *passageSentence) bool { return s.date.IsZero() })
}

// copied reports whether the two sides of a point are one sentence, a
// wire story and its copy, that differ in the figure alone: what was
// copied was not updated ("has risen to 465 million dollars ... said on
// Wednesday", republished the next day with "485 million").
func copied(p *point) bool {
	for _, x := range p.sides[0] {
		for _, y := range p.sides[1] {
			if _, _, _, _, ok := differingWords(x, y); ok && jaccard(contentTerms(x), contentTerms(y)) >= nearDuplicate {
				return true
			}
		}
	}
	return false
}
