package extractive

// This file answers how a figure went over the years or quarters ("How
// has attendance changed from 2019 to 2023?", "How did the brewer's
// quarterly revenue develop?"): one line per period the coverage gives a
// figure of the measure asked for, oldest first, each from the sentence
// that gives it and cited. A figure's period is the one written beside it
// ("212,000 visitors in 2021", "£41.2 million in the first quarter of
// 2024", "from £38.5 million a year earlier"), else its report's. Years
// are never figures ("founded in 2011" is no attendance), and a figure
// whose clause names another measure ("operating profit of £3.1
// million") is not of the one asked ("revenue").

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

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
func (e *Answerer) figureSeries(articles []coverageArticle, c *citer, topic string) string {
	lx := e.lexicon
	names := nameTerms(lx, articles, e.terms.Terms)
	// "Quarterly", "annual" name the periods, not the measure.
	var words []string
	for _, w := range strings.Fields(topic) {
		if !lx.is(w, wcTime|wcTimespan|wcTimeUnit) && !strings.HasPrefix(w, "quarter") {
			words = append(words, w)
		}
	}
	topic = strings.Join(words, " ")
	weight := e.figureWeights(articles, topic, names)
	measures := make(map[string]bool) // the topic's nouns of measure
	for _, w := range strings.Fields(topic) {
		if lx.is(w, wcPossession|wcMeasure) {
			for _, t := range e.terms.Terms(w) {
				measures[t] = true
			}
		}
	}
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
		for _, s := range a.sents {
			if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) {
				continue
			}
			unit := ""
			for _, m := range lx.mentions(s, e.terms.Terms) {
				if m.kind == qDate || m.kind == qSpan {
					continue
				}
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

// below returns a word's base forms and the words below them in WordNet
// down to depth levels.
func (lx *lexicon) below(word string, depth int) []string {
	th := lx.th
	if th == nil {
		return []string{word}
	}
	seen := make(map[string]bool)
	var out []string
	var walk func(w string, d int)
	walk = func(w string, d int) {
		if seen[w] {
			return
		}
		seen[w] = true
		out = append(out, w)
		if d < depth {
			for _, h := range th.Hyponyms(w) {
				walk(h, d+1)
			}
		}
	}
	for _, l := range th.Lemmas(word) {
		walk(l, 0)
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

// articlePeriod is the period an article reports on: the quarter its
// lede names ("in the second quarter"), else the year of its date.
func (e *Answerer) articlePeriod(a coverageArticle) figPeriod {
	d := articleDate(a)
	if l := lede(a); l != nil {
		for i := range l.toks {
			if q := quarterAt(l.toks, i); q > 0 {
				return figPeriod{year: quarterYear(l.toks, i, q, d), quarter: q}
			}
		}
	}
	return figPeriod{year: d.Year()}
}

// figurePeriod reads the period written just after a figure: a quarter,
// a year ("in 2021"), or one a year before that of its report ("a year
// earlier", "last year"); else def.
func figurePeriod(s *passageSentence, m mention, def figPeriod, date time.Time) (figPeriod, bool) {
	toks := s.toks
	end := min(len(toks), m.last+1+periodWindow)
	for k := m.last + 1; k < end; k++ {
		if k > m.last+1 && strings.ContainsAny(s.text[toks[k-1].end:toks[k].start], ",;:()") {
			break // another clause
		}
		w := toks[k].lower
		switch {
		case isYearWord(toks[k]) && k > 0 && isPeriodPreposition(toks[k-1].lower):
			y, _ := strconv.Atoi(toks[k].text)
			return figPeriod{year: y}, true
		case quarterAt(toks, k) > 0:
			q := quarterAt(toks, k)
			return figPeriod{year: quarterYear(toks, k, q, date), quarter: q}, true
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

// quarterAt returns the quarter named at word i ("first quarter",
// "Q3"), 0 for none.
func quarterAt(toks []textWord, i int) int {
	w := toks[i].lower
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		return int(w[1] - '0')
	}
	if w != "quarter" || i == 0 {
		return 0
	}
	return slices.Index([]string{"", "first", "second", "third", "fourth"}, toks[i-1].lower) // -1 -> none
}

// quarterYear is the year of the quarter named at word i: written after
// it ("of 2024"), else the last such quarter ended by the report's date.
func quarterYear(toks []textWord, i, q int, date time.Time) int {
	if i+2 < len(toks) && toks[i+1].lower == "of" && isYearWord(toks[i+2]) {
		y, _ := strconv.Atoi(toks[i+2].text)
		return y
	}
	if date.IsZero() {
		return 0
	}
	end := time.Date(date.Year(), time.Month(3*q)+1, 1, 0, 0, 0, 0, time.UTC)
	if end.After(date) {
		return date.Year() - 1
	}
	return date.Year()
}
