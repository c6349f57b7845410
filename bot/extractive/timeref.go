package extractive

// This file reads the stretch of time a figure is of, as its clause
// gives it: "in its first 24 hours", "on its first day", "in its first
// seven days", "a week". Two reports' figures of the same measure over
// stretches of different length ("its first day", "its first week") are
// two quantities, never a disagreement; the same stretch in other words
// ("the first 24 hours", "the first day") is one.

import (
	"math"
	"strconv"
)

// timeSpan returns how many hours the stretch of time m's clause gives
// is, outside m itself: a time unit, with the number before it ("seven
// days") or alone ("its first day", "a week"); false when the clause
// gives none, or more than one.
func (lx *lexicon) timeSpan(m mention) (float64, bool) {
	s := m.sentence
	lo, hi := clauseAround(s, m.first, m.last, false)
	hours, found := 0.0, 0
	for k := lo; k <= hi; k++ {
		if k >= m.first && k <= m.last {
			continue
		}
		w := s.toks[k].lower
		if !lx.isTimeUnit(w) || k > 0 && s.toks[k-1].digits == 0 && s.text[s.toks[k-1].end:s.toks[k].start] == "-" {
			continue // not "megawatt-hours", a unit of its own
		}
		h := lx.unitHours(w)
		if h == 0 {
			continue
		}
		n := 1.0
		if k > lo && (k-1 < m.first || k-1 > m.last) {
			if v, _ := numberAt(s.toks, k-1); v != "" {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					n = f
				}
			}
		}
		hours, found = n*h, found+1
	}
	return hours, found == 1
}

// unitHours is how many hours a unit of time is: a closed class of
// calendar arithmetic, by the unit's lemma ("days", "day").
func (lx *lexicon) unitHours(w string) float64 {
	lemmas := []string{w}
	if lx.th != nil {
		lemmas = append(lemmas, lx.th.Lemmas(w)...)
	}
	for _, l := range lemmas {
		switch l {
		case "hour":
			return 1
		case "day":
			return 24
		case "week":
			return 7 * 24
		case "fortnight":
			return 14 * 24
		case "month":
			return 30 * 24
		case "year":
			return 365 * 24
		}
	}
	return 0
}

// otherStretches reports whether two figures are of stretches of time
// of different length, as their clauses give them: "produced 2.1
// megawatt-hours in its first 24 hours" and "generated 2.6 on its first
// day" are of one; "96 in its first week" and "410 in its first month"
// are not.
func (lx *lexicon) otherStretches(a, b mention) bool {
	ha, okA := lx.timeSpan(a)
	hb, okB := lx.timeSpan(b)
	return okA && okB && math.Abs(ha-hb) > 0.1*max(ha, hb)
}
