package extractive

// This file tells how a figure went ("How has attendance changed from
// 2019 to 2023?", "How did the brewer's quarterly revenue develop?", "How
// did the death toll rise?"): the figure of the measure asked, oldest
// first, each from the sentence that gives it and cited. Over years or
// quarters it is one line per period the coverage gives a figure of: a
// figure's period is the one written beside it ("212,000 visitors in
// 2021", "£41.2 million in the first quarter of 2024", "from £38.5
// million a year earlier"), else its report's. Over a tally that reports
// of one year follow day by day ("has risen to 4,800"), it is the figure
// each report gives, and the latest said: reports of different dates
// about a quantity that evolves are its history, not a disagreement.
// Either way years are never figures ("founded in 2011" is no
// attendance), a figure foreseen ("expected to reach 500") is no one's
// yet, and a figure whose clause names another measure ("operating
// profit of £3.1 million") is not of the one asked ("revenue").

import (
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// figureTopic is what a question about a figure's history asks for, read
// once for both ways of telling it.
type figureTopic struct {
	topic    string             // the topic without the words naming its periods
	names    map[string]bool    // the terms of the coverage's names
	weight   map[string]float64 // the topic's terms, see figureWeights
	measures map[string]bool    // the stems of the topic's nouns of measure ("revenue", "number")
}

// figureHistory tells how the figure the topic names went, oldest first:
// period by period when the coverage gives it for several years or
// quarters, else, when the reports are of one year, report by report
// (a tally followed day by day). "" when neither: a person's history is
// told by events (see trendTimeline).
func (e *Answerer) figureHistory(articles []coverageArticle, c *citer, topic string) string {
	ft := e.readFigureTopic(articles, topic)
	if text := e.figureSeries(articles, c, ft); text != "" {
		return text
	}
	if oneYear(articles) {
		return e.figureByReport(articles, c, ft)
	}
	return ""
}

// readFigureTopic reads the topic of a figure's history.
func (e *Answerer) readFigureTopic(articles []coverageArticle, topic string) figureTopic {
	lx := e.lexicon
	ft := figureTopic{names: nameTerms(lx, articles, e.terms.Terms), measures: make(map[string]bool)}
	// "Quarterly", "annual" name the periods, not the measure.
	var words []string
	for _, w := range strings.Fields(topic) {
		if !lx.is(w, wcTime|wcTimespan|wcTimeUnit) && !strings.HasPrefix(w, "quarter") {
			words = append(words, w)
		}
	}
	ft.topic = strings.Join(words, " ")
	ft.weight = e.figureWeights(articles, ft.topic, ft.names)
	for _, w := range words {
		if lx.is(w, wcPossession|wcMeasure) {
			for _, t := range e.terms.Terms(w) {
				ft.measures[t] = true
			}
		}
	}
	return ft
}

// figureSentences yields the sentences of an article that may give a
// figure (not its headline, byline, a caption or an interviewer's
// question) with their figures: counts, sums and percentages, neither
// dates nor spans of time, nor figures foreseen.
func (e *Answerer) figureSentences(a coverageArticle) iter.Seq2[*passageSentence, []mention] {
	return func(yield func(*passageSentence, []mention) bool) {
		for _, s := range a.sents {
			if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) {
				continue
			}
			var ms []mention
			for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
				if m.kind != qDate && m.kind != qSpan && !m.foreseen {
					ms = append(ms, m)
				}
			}
			if !yield(s, ms) {
				return
			}
		}
	}
}

// figureWeights are the stems of the topic's words other than names, with
// their derived forms ("evacuee", "evacuate"), each weighted by how few
// sentences of the coverage hold it.
func (e *Answerer) figureWeights(articles []coverageArticle, topic string, names map[string]bool) map[string]float64 {
	terms := make(map[string]bool)
	for _, w := range strings.Fields(topic) {
		if _, err := strconv.Atoi(w); err == nil || isStopWord(w) {
			continue
		}
		words := []string{w}
		if th := e.lexicon.th; th != nil {
			for _, l := range th.Lemmas(w) {
				words = append(words, l)
				words = append(words, th.Related(l, thesaurus.Derived)...)
			}
		}
		for _, x := range words {
			for _, t := range e.terms.Terms(x) {
				if !names[t] {
					terms[t] = true
				}
			}
		}
	}
	n, df := 0, make(map[string]int)
	for _, a := range articles {
		for _, s := range a.sents {
			n++
			for t := range terms {
				for x := range s.terms {
					if sameStem(t, x) {
						df[t]++
						break
					}
				}
			}
		}
	}
	out := make(map[string]float64)
	for t := range terms {
		if df[t] > 0 {
			out[t] = math.Log(1 + float64(n)/float64(df[t]))
		}
	}
	return out
}

// otherMeasure reports a figure whose clause names a measure (a noun of
// what is owned or paid, or of measure) other than those the topic
// names, and none of those: "an operating profit of £3.1 million" is no
// revenue. With no measure in the topic, every figure may be of it.
func (e *Answerer) otherMeasure(s *passageSentence, m mention, measures map[string]bool) bool {
	if len(measures) == 0 {
		return false
	}
	lo, hi := clauseAround(s, m.first, m.last, false)
	other := false
	for k := lo; k <= hi; k++ {
		if k >= m.first && k <= m.last {
			continue
		}
		w := s.toks[k].lower
		if s.toks[k].digits > 0 || isDeterminer(w) || e.lexicon.isFunctionWord(w) || isNumberWord(w) || numberWordValue(w) > 0 ||
			!e.lexicon.is(w, wcPossession|wcMeasure) || e.lexicon.is(w, wcTime|wcTimespan|wcTimeUnit) || !e.lexicon.is(w, wcNoun) {
			continue
		}
		for _, t := range e.terms.Terms(w) {
			for x := range measures {
				if sameStem(t, x) {
					return false
				}
			}
		}
		if !e.lexicon.is(w, wcMoney) {
			other = true
		}
	}
	return other
}

// namesPerson reports whether the topic names a person of the coverage.
func (e *Answerer) namesPerson(articles []coverageArticle, topic string) bool {
	known := e.lexicon.coverageNames(articles)
	for _, w := range strings.Fields(topic) {
		if _, ok := known[w]; ok {
			return true
		}
	}
	return false
}

// figPeriod is a year, or a quarter of one.
type figPeriod struct {
	year    int
	quarter int // 1-4; 0 for the whole year
}

func (p figPeriod) String() string {
	if p.quarter > 0 {
		return "Q" + strconv.Itoa(p.quarter) + " " + strconv.Itoa(p.year)
	}
	return strconv.Itoa(p.year)
}

func (p figPeriod) before(q figPeriod) bool {
	if p.year != q.year {
		return p.year < q.year
	}
	return p.quarter < q.quarter
}

// seriesPoint is one figure of the measure, of one period.
type seriesPoint struct {
	p     figPeriod
	m     mention
	art   int
	score float64
	unit  string // what it counts, or its currency; a bare count's is that of its sentence's
}

// periodWindow is how many words after a figure may say its period ("in
// the first quarter of 2024").
const periodWindow = 7

// figureSeries lists the figure of the topic's measure for each period,
// oldest first; "" when fewer than two periods have one, or the topic
// names a person (whose history is told by events, see trendTimeline)
// and no measure ("her salary").
func (e *Answerer) figureSeries(articles []coverageArticle, c *citer, ft figureTopic) string {
	lx := e.lexicon
	topic, names, weight, measures := ft.topic, ft.names, ft.weight, ft.measures
	// What the topic counts, and the kinds of it ("fish": salmon).
	counted := make(map[string]bool)
	for _, w := range strings.Fields(topic) {
		if lx.is(w, wcNoun) && !names[w] {
			for _, x := range lx.below(w, countedDepth) {
				for _, t := range e.terms.Terms(x) {
					counted[t] = true
				}
			}
		}
	}
	lo, hi, ranged := topicYears(topic)
	ranged = ranged && lo < hi
	var points []seriesPoint
	ofOther := make(map[*passageSentence]map[string]bool) // units of the figures of another measure, by sentence
	for i, a := range articles {
		if articleDate(a).IsZero() {
			continue // of no period the reader can place
		}
		def := e.articlePeriod(a)
		for s, ms := range e.figureSentences(a) {
			unit := ""
			for _, m := range ms {
				u := m.unit
				if u == "" && m.kind == qCount {
					u = unit // "up from 118,000 in 2020": what the figure before counts
					if u == "" && m.before != "" && weightOf(weight, m.before) > 0 {
						u = m.before // "admissions of 24,900"
					}
					if u == "" {
						continue // a count of nothing said
					}
				} else if m.kind == qCount {
					unit = u
				}
				if e.otherMeasure(s, m, measures) {
					if ofOther[s] == nil {
						ofOther[s] = make(map[string]bool)
					}
					ofOther[s][u] = true
					continue
				}
				p, ok := figurePeriod(s, m, def, articleDate(a))
				if !ok || ranged && (p.year < lo || p.year > hi) {
					continue
				}
				sc := 0.0
				if counted[u] {
					sc += reportWeight(weight) // a count of what is asked
				}
				for t, w := range weight {
					if u != "" && sameStem(t, u) || m.before != "" && sameStem(t, m.before) {
						sc += 2 * w // the figure's own noun is the measure
						continue
					}
					for x := range m.context {
						if sameStem(t, x) {
							sc += w
							break
						}
					}
				}
				points = append(points, seriesPoint{p: p, m: m, art: i, score: sc, unit: u})
			}
		}
	}
	// A figure compared in its sentence with one of the measure ("rose
	// to £41.2 million, from £38.5 million a year earlier") is of it too;
	// compared with one of another measure, of that one.
	for i := range points {
		if points[i].score > 0 {
			continue
		}
		for _, o := range points {
			if o.m.sentence == points[i].m.sentence && o.unit == points[i].unit && o.p != points[i].p {
				points[i].score = max(points[i].score, o.score)
			}
		}
	}
	points = slices.DeleteFunc(points, func(pt seriesPoint) bool { return pt.score == 0 && ofOther[pt.m.sentence][pt.unit] })
	// The series is of one unit: the one whose best figures of each
	// period score most, the periods it covers breaking ties.
	total := make(map[string]float64)
	periods := make(map[string]map[figPeriod]bool)
	best := make(map[string]map[figPeriod]float64)
	for _, pt := range points {
		if best[pt.unit] == nil {
			best[pt.unit], periods[pt.unit] = make(map[figPeriod]float64), make(map[figPeriod]bool)
		}
		periods[pt.unit][pt.p] = true
		best[pt.unit][pt.p] = max(best[pt.unit][pt.p], pt.score)
	}
	for u, bp := range best {
		for _, v := range bp {
			total[u] += v
		}
	}
	// Of units as good, amounts before percentages: a period's result
	// is an amount, and a percentage its change or a share of it.
	rank := func(u string) int {
		if u == "%" {
			return 1
		}
		return 0
	}
	unit, found := "", false
	for _, u := range slices.Sorted(maps.Keys(best)) {
		if !found || total[u] > total[unit] || total[u] == total[unit] &&
			(len(periods[u]) > len(periods[unit]) || len(periods[u]) == len(periods[unit]) && rank(u) < rank(unit)) {
			unit, found = u, true
		}
	}
	if !found || len(periods[unit]) < 2 || len(measures) == 0 && e.namesPerson(articles, topic) {
		return ""
	}
	top := 0.0
	for _, v := range best[unit] {
		top = max(top, v)
	}
	chosen := make(map[figPeriod]seriesPoint)
	for _, pt := range points {
		if pt.unit != unit {
			continue
		}
		cur, ok := chosen[pt.p]
		// The figure most of the measure; of two as much, the later
		// report's (a revised figure), then the first given.
		if !ok || pt.score > cur.score || pt.score == cur.score && articleDate(articles[pt.art]).After(articleDate(articles[cur.art])) {
			chosen[pt.p] = pt
		}
	}
	if len(chosen) < 2 {
		return ""
	}
	keys := slices.SortedFunc(maps.Keys(chosen), func(a, b figPeriod) int {
		switch {
		case a.before(b):
			return -1
		case b.before(a):
			return 1
		}
		return 0
	})
	var b strings.Builder
	b.WriteString("The figure period by period, oldest first:")
	for _, k := range keys {
		pt := chosen[k]
		fmt.Fprintf(&b, "\n- %s: %s (%s): %s %s", k, withNoun(pt.m), e.reportLabel(articles, pt.art), quote(pt.m.sentence), c.cite(pt.m.sentence))
	}
	return b.String()
}

// countedDepth is how many levels below a counted noun its kinds are
// looked for ("fish", "food fish", "salmon").
const countedDepth = 3

// weightOf is the weight of the term of weight that is of stem t.
func weightOf(weight map[string]float64, t string) float64 {
	for x, w := range weight {
		if sameStem(x, t) {
			return w
		}
	}
	return 0
}

// articlePeriod is the period an article reports on: the quarter its
// lede names ("in the second quarter"), else the year of its date.
func (e *Answerer) articlePeriod(a coverageArticle) figPeriod {
	d := articleDate(a)
	if l := lede(a); l != nil {
		if sps := periodsIn(l.toks); len(sps) > 0 {
			return spotPeriod(sps[0], d)
		}
	}
	return figPeriod{year: d.Year()}
}

// spotPeriod is the quarter a text names, in a report of date d: of the
// year written with it, else of the last such quarter ended before d.
func spotPeriod(sp periodSpot, d time.Time) figPeriod {
	y := sp.year
	if y == 0 {
		y = reportedYear(sp.quarter, d)
	}
	return figPeriod{year: y, quarter: sp.quarter}
}

// figurePeriod reads the period written just after a figure: a quarter,
// a year ("in 2021"), or one a year before that of its report ("a year
// earlier", "last year"); else def.
func figurePeriod(s *passageSentence, m mention, def figPeriod, date time.Time) (figPeriod, bool) {
	toks := s.toks
	spots := periodsIn(toks)
	end := min(len(toks), m.last+1+periodWindow)
	for k := m.last + 1; k < end; k++ {
		if k > m.last+1 && strings.ContainsAny(s.text[toks[k-1].end:toks[k].start], ",;:()") {
			break // another clause
		}
		if i := slices.IndexFunc(spots, func(sp periodSpot) bool { return sp.first == k }); i >= 0 {
			return spotPeriod(spots[i], date), true // a quarter
		}
		w := toks[k].lower
		switch {
		case isYearWord(toks[k]) && k > 0 && isPeriodPreposition(toks[k-1].lower):
			y, _ := strconv.Atoi(toks[k].text)
			return figPeriod{year: y}, true
		case w == "year" && k > 0 && (toks[k-1].lower == "last" || toks[k-1].lower == "previous"):
			return figPeriod{year: date.Year() - 1}, true
		case w == "year" && m.kind != qPercent && k+1 < len(toks) && (toks[k+1].lower == "earlier" || toks[k+1].lower == "before" || toks[k+1].lower == "ago"):
			// "from £38.5 million a year earlier"; but "up 9 percent
			// from a year earlier" is a change of this period's.
			p := def
			p.year--
			return p, true
		}
	}
	return def, true
}

// isPeriodPreposition reports the words that put a figure in a year:
// "in 2021", "for 2023", "during 2020".
func isPeriodPreposition(w string) bool {
	switch w {
	case "in", "for", "during", "of", "over":
		return true
	}
	return false
}

// figureRow is the figure one article gives of the quantity asked.
type figureRow struct {
	a     coverageArticle
	s     *passageSentence
	value string // as written, with the noun it counts: "310 hectares"
	score float64
}

// minFigureRows is the fewest articles that must give a figure of the
// topic for its history to be told figure by figure.
const minFigureRows = 2

// figureByReport lists the figure each article gives of the quantity
// the topic names, oldest first, and says which is the latest; "" when
// fewer than minFigureRows articles give one, or the topic is not a
// quantity (only names: a person's history is told by events).
func (e *Answerer) figureByReport(articles []coverageArticle, c *citer, ft figureTopic) string {
	if len(ft.weight) == 0 {
		return ""
	}
	var rows []figureRow
	for _, a := range articles {
		if r, ok := e.figureOf(a, ft); ok {
			rows = append(rows, r)
		}
	}
	dated := 0
	for _, r := range rows {
		if !r.a.info.Date.IsZero() {
			dated++
		}
	}
	if len(rows) < minFigureRows || dated == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("The figure report by report, oldest first:")
	undated := false
	var latest *figureRow
	for i, r := range rows {
		if r.a.info.Date.IsZero() && !undated {
			undated = true
			b.WriteString("\nUndated reports, which say no more of when:")
		}
		fmt.Fprintf(&b, "\n- %s: %s: %s %s", describe(r.a.info), r.value, quote(r.s), c.cite(r.s))
		if !r.a.info.Date.IsZero() && (latest == nil || !r.a.info.Date.Before(latest.a.info.Date)) {
			latest = &rows[i]
		}
	}
	if latest != nil {
		fmt.Fprintf(&b, "\nThe latest report, of %s, gives %s.", bot.DateLabel(latest.a.info.Date), latest.value)
	}
	return b.String()
}

// figureOf is the figure an article gives of the topic: of its sentences'
// counts, sums and percentages, the one with most of the topic's words
// in its clause (ties to the earlier sentence, the lede's), none of
// another measure.
func (e *Answerer) figureOf(a coverageArticle, ft figureTopic) (figureRow, bool) {
	var best figureRow
	for s, ms := range e.figureSentences(a) {
		for _, m := range ms {
			if e.otherMeasure(s, m, ft.measures) {
				continue
			}
			sc := 0.0
			for t, w := range ft.weight {
				if m.unit != "" && strings.HasPrefix(t, m.unit) {
					sc += w
					continue
				}
				for x := range m.context {
					if sameStem(t, x) {
						sc += w
						break
					}
				}
			}
			if sc > best.score {
				best = figureRow{a: a, s: s, value: withNoun(m), score: sc}
			}
		}
	}
	return best, best.s != nil
}

// asksFigure reports whether a question asks for a figure: "how many",
// "how much", or a noun of measure with what it measures ("the number
// of evacuees", "the size of the flow"). Its history is then told by
// its figures, even when the question does not say that it changed.
func (e *Answerer) asksFigure(question string) bool {
	toks := splitWords(question)
	for i := 0; i+1 < len(toks); i++ {
		w, next := toks[i].lower, toks[i+1].lower
		if w == "how" && (next == "many" || next == "much") || next == "of" && e.lexicon.is(w, wcMeasure) && e.lexicon.pos(w) == wcNoun {
			return true
		}
	}
	return false
}

// minStem is the fewest letters a stem needs to stand for the longer
// stems it begins ("evacu" for "evacue"): a noun and its verb, stemmed
// apart ("evacuees", "evacuated").
const minStem = 5

// sameStem reports whether two stems are of one word or of a noun and
// its verb: equal, or the shorter, of minStem letters or more, begins
// the longer.
func sameStem(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= minStem && strings.HasPrefix(b, a)
}

// oneYear reports whether the dated articles are all of one year: a
// figure they follow is a tally day by day (told figure by figure here),
// not one of editions or seasons (told year by year, see trendTimeline).
func oneYear(articles []coverageArticle) bool {
	year := 0
	for _, a := range articles {
		if a.info.Date.IsZero() {
			continue
		}
		if year != 0 && a.info.Date.Year() != year {
			return false
		}
		year = a.info.Date.Year()
	}
	return year != 0
}
