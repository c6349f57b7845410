package extractive

// This file pairs an estimate with the later report that revises it: a
// cost, price or figure first given as expected ("the project's
// estimated $212 million cost", "will cost $27 million") and given again
// months later as risen, fallen or simply other ("the price has risen to
// $240 million", "will now cost $31.5 million"). Reports that far apart
// need more than the story's words to be paired (minApart); an estimate
// is a figure that later reports are expected to revise, so two of one
// measure with a word of what they are of around both are one figure at
// two dates: listed as a revision, both values dated, never as a
// disagreement.

import "strings"

// revisedEstimate reports whether two figures of dated reports of
// different days, of one measure with a word of what they are of around
// both (close), are one estimate revised: the earlier given as an
// estimate or forecast, the later as an estimate again or as a tally as
// of its report ("has risen to").
func (e *Answerer) revisedEstimate(a, b mention, close bool) bool {
	lx := e.lexicon
	if !close || a.kind != b.kind || a.kind != qMoney && a.kind != qCount {
		return false
	}
	if a.unit != b.unit && (a.kind != qCount || !lx.sameMeasure(a, b)) {
		return false
	}
	da, db := a.sentence.date, b.sentence.date
	if da.IsZero() || db.IsZero() || da.Equal(db) {
		return false
	}
	earlier, later := a, b
	if db.Before(da) {
		earlier, later = b, a
	}
	return lx.estimateClause(earlier) && lx.revises(earlier, later)
}

// revises reports whether later gives the figure of the estimate
// earlier again, changed: as a tally as of its report ("the price has
// risen to", "will now cost"), or as an estimate taken by the same verb
// ("will cost $212 million", "will cost $240 million"). An estimate of
// one sum and a later one of another ("set aside 6.4 million crowns",
// "will pay 9 million crowns" in a settlement) are two things.
func (lx *lexicon) revises(earlier, later mention) bool {
	if lx.runningClause(later) {
		return true
	}
	return lx.estimateClause(later) && earlier.verb != "" && later.verb != "" && lx.th != nil && lx.relatedNouns(earlier.verb, later.verb)
}

// estimateClause reports whether the clause that gives m gives it as an
// estimate: with a verb of thinking ("estimated", "is expected to
// cost"), as what will be ("will cost") or as what something is said
// to come to ("is projected to cost", "is set to reach").
func (lx *lexicon) estimateClause(m mention) bool {
	return lx.foreseenClause(m) || lx.futureClause(m)
}

// futureClause reports whether m's clause, before it, gives it as still
// to come: a sum after a modal of the future ("will cost", "would now
// cost") or a figure after a
// passive raising its verb ("is projected to cost", "are set to
// reach"), grammar words and forms, not a list of verbs.
func (lx *lexicon) futureClause(m mention) bool {
	s := m.sentence
	lo, _ := clauseAround(s, m.first, m.last, false)
	for k := lo; k < m.first; k++ {
		switch w := s.toks[k].lower; {
		case w == "will" || w == "would" || w == "shall":
			// A sum still to be paid is an estimate; a count of what
			// will be done ("will ban hosepipes for 84,000 households")
			// is a plan, which a later one replaces.
			return m.kind == qMoney
		case w == "to" && k >= lo+2 && isCopula(s.toks[k-2].lower) && lx.is(s.toks[k-1].lower, wcPastForm):
			return true
		}
	}
	return false
}

// revisedEstimatePoint reports whether a point is an estimate revised
// between reports apart in time: every report of one side more than
// sameDays from every report of the other, an earlier report giving its
// figure as an estimate and a later one as an estimate again or as a
// tally as of its report. Reports of the same days that give one
// estimate differently disagree.
func (e *Answerer) revisedEstimatePoint(p *point, articles []coverageArticle) bool {
	if p.date || p.age || p.named() || len(p.sides) != 2 || !p.apart(articles) {
		return false
	}
	newer, ok := p.later(articles)
	if !ok {
		return false
	}
	older := 1 - newer
	for _, a := range e.sideMentions(p, older) {
		for _, b := range e.sideMentions(p, newer) {
			if e.lexicon.estimateClause(a) && e.lexicon.revises(a, b) {
				return true
			}
		}
	}
	return false
}

// sideMentions are the mentions of side i's value in its reports.
func (e *Answerer) sideMentions(p *point, i int) []mention {
	var out []mention
	for _, s := range p.sides[i] {
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if strings.ToLower(m.text) == p.keys[i] {
				out = append(out, m)
			}
		}
	}
	return out
}
