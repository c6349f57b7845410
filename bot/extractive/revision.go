package extractive

// This file writes a figure revised between reports (a cost that rose, a
// count of members that grew, money raised so far) as what it is: a
// change, with the older and the newer value each dated and cited, not a
// disagreement and not left out. A reader asking where the reports
// differ expects to hear that the cost went from one figure to another,
// and when.

import (
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// maxRevisions is the most revised figures one answer lists.
const maxRevisions = 8

// revisionsHead introduces the revised figures of a coverage.
const revisionsHead = "Figures revised between reports of different dates (a change over time, not a disagreement):"

// writeRevision renders an update point as a change: "- $96 million
// (2025-03-11) rose to $109 million (2026-02-17): <older report> says:
// …; <newer report> says: …". The older figure is dated by the last
// report that still gave it, the newer by the first that gave it: the
// change fell between the two. Every other report of either side is
// cited too.
func (p *point) writeRevision(b *strings.Builder, articles []coverageArticle, c *citer) {
	older, newer := 0, 1
	if i, ok := p.later(articles); ok && i == 0 {
		older, newer = 1, 0
	}
	from := p.sides[older][len(p.sides[older])-1]
	to := p.sides[newer][0]
	fmt.Fprintf(b, "\n- %s (%s) %s %s (%s):", p.values[older], sentenceDate(articles, from),
		changeVerb(p.values[older], p.values[newer]), p.values[newer], sentenceDate(articles, to))
	for k, i := range []int{older, newer} {
		if k > 0 {
			b.WriteString(";")
		}
		main := from
		if i == newer {
			main = to
		}
		fmt.Fprintf(b, " %s (%s) says: %s %s", articleName(articles, main), sentenceDate(articles, main), quote(main), c.cite(main))
		var more []string
		for _, s := range p.sides[i] {
			if s != main {
				more = append(more, articleName(articles, s)+" ("+sentenceDate(articles, s)+") "+c.cite(s))
			}
		}
		if len(more) > 0 {
			fmt.Fprintf(b, " (so does %s)", strings.Join(more, ", "))
		}
	}
}

// changeVerb says which way a figure went: "rose to", "fell to", or
// "changed to" when either value cannot be read as a number.
func changeVerb(from, to string) string {
	a, okA := figureValue(from)
	b, okB := figureValue(to)
	switch {
	case !okA || !okB || a == b:
		return "changed to"
	case b > a:
		return "rose to"
	}
	return "fell to"
}

// revisedForecast reports whether of two figures of reports apart in
// time, one foreseen ("is expected to cost $96 million") and one not,
// the later is given as a tally as of its report ("has risen to $109
// million"): the forecast revised, a change to list, where a forecast
// and a later outcome otherwise count different things.
func (e *Answerer) revisedForecast(a, b mention) bool {
	da, db := a.sentence.date, b.sentence.date
	if da.IsZero() || db.IsZero() || da.Equal(db) {
		return false
	}
	later := a
	if db.After(da) {
		later = b
	}
	return !later.foreseen && e.lexicon.running(later.sentence)
}

// newerFirst orders two sentences of a revised figure newest first, as
// timelineAnswer tells them.
func newerFirst(a, b *scoredSentence) (*scoredSentence, *scoredSentence) {
	if b.s.date.After(a.s.date) {
		return b, a
	}
	return a, b
}

// revisedTally reports whether an update point is one figure revised:
// on some side, the clause that gives it gives it as a tally as of its
// report ("has risen to 4,800", "has raised $18,400 so far") or as an
// estimate or forecast ("is expected to cost $96 million"), which later
// reports revise. Two years' figures given plainly ("drew 18,400
// visitors", "drew a record 31,200") are of two editions, and "evacuated
// 1,200 residents" against "600 residents remain" of two things; neither
// is a figure revised.
func (e *Answerer) revisedTally(p *point) bool {
	lx := e.lexicon
	for i, side := range p.sides {
		for _, s := range side {
			for _, m := range lx.mentions(s, e.terms.Terms) {
				if strings.ToLower(m.text) != p.keys[i] {
					continue
				}
				if lx.foreseenClause(m) || lx.runningClause(m) {
					return true
				}
			}
		}
	}
	return false
}

// runningTally reports whether two figures of reports apart in time, of
// one unit with a word of what they are of around both (close), are each
// given as a tally as of its report in their own clause ("has raised
// £52,000 so far", "has now reached £71,300"): one running figure at two
// dates, which needs no more evidence to be paired than figures of the
// same days do.
func (e *Answerer) runningTally(a, b mention, close bool) bool {
	if !close || a.kind != b.kind || a.kind != qMoney && a.kind != qCount || a.unit != b.unit && !e.lexicon.sameMeasure(a, b) {
		return false
	}
	return e.lexicon.runningClause(a) && e.lexicon.runningClause(b)
}

// runningClause reports whether the clause that gives m gives it as a
// tally as of its report: "has risen to 4,800", "£52,000 so far".
func (lx *lexicon) runningClause(m mention) bool {
	s := m.sentence
	lo, hi := clauseAround(s, m.first, m.last, false)
	return lx.running(&passageSentence{text: s.text, toks: s.toks[lo : hi+1]})
}

// foreseenClause reports whether the clause that gives m gives it as an
// estimate or forecast: a verb or participle of thinking ("is expected to
// cost", "estimates"), not a noun with such a sense ("this time", "will"
// read as a noun), which the mention's wider foreseen counts.
func (lx *lexicon) foreseenClause(m mention) bool {
	if lx.th == nil {
		return m.foreseen
	}
	s := m.sentence
	lo, hi := clauseAround(s, m.first, m.last, false)
	for k := lo; k <= hi; k++ {
		w := s.toks[k].lower
		if lx.pos(w) == wcNoun {
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
