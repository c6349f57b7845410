package extractive

// This file decides whether the best sentences of two articles give the
// asked figure, date or place differently: "the sources differ".

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

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
		if disjointValues(best.values, c.values) && !lx.mentionsAny(c.s, best.values) && !lx.mentionsAny(best.s, c.values) &&
			!lx.givesQuantityOf(c.s, best.s, best.values, e.terms.Terms) {
			return c
		}
	}
	return nil
}

// otherYear reports whether t is a year and d the date of an article of
// another year.
func otherYear(t qterm, d time.Time) bool {
	return isYearTerm(t) && !d.IsZero() && strconv.Itoa(d.Year()) != t.stem
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
