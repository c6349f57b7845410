package extractive

// This file answers "who runs X?", "who leads X?", "who is in charge of
// X?" where the coverage names the person by an office of X ("festival
// director Ana Reis", "Harbourside manager Rhian Doyle", "the director
// of the festival, Ana Reis") and seldom repeats the question's verb.

import "slices"

// asksAgent reports whether a question asks who does something: "who"
// then a verb ("Who runs the festival?"), not "who is".
func asksAgent(toks []textWord) bool {
	return len(toks) > 2 && toks[0].lower == "who" && !isAuxiliary(toks[1].lower) && !toks[1].upper
}

// officeWindow is how many words an office may stand from the thing it
// is of ("Harbourside manager", "director of the festival"), and from
// the name it titles.
const officeWindow = 4

// titledFor reports whether s names a person by an office of what a "who
// VERB X?" question's X is: an office title next to a word of X, in the
// same clause, followed closely by a full name. Such a sentence says who
// runs, leads or heads X in its own words.
func (e *Answerer) titledFor(q questionInfo, s *passageSentence) bool {
	hasObject := false
	for _, t := range q.terms {
		hasObject = hasObject || t.object
	}
	if !hasObject {
		return false
	}
	toks := s.toks
	names := e.namesIn(s)
	for i := range toks {
		if !e.isTitleAt(s, i) || !e.isOfficeTitle(toks[i].lower) {
			continue
		}
		named := false
		for _, n := range names {
			if n.full() && n.first > i && n.first <= i+officeWindow {
				named = true
			}
		}
		if !named {
			continue
		}
		for k := max(0, i-officeWindow); k <= min(len(toks)-1, i+officeWindow); k++ {
			if k == i || clauseBreak(s, min(i, k), max(i, k)) {
				continue
			}
			for _, t := range q.terms {
				if t.object && e.wordIs(toks[k], t) {
					return true
				}
			}
		}
	}
	return false
}

// clauseBreak reports whether a comma, semicolon, colon, dash or bracket
// stands between words a and b of s.
func clauseBreak(s *passageSentence, a, b int) bool {
	if a == b {
		return false
	}
	from, to := clauseOf(s, a)
	return b < from || b > to
}

// officeFirst puts first the candidates that name someone by an office
// of X for "who VERB X?" when no candidate holds the verb itself: "Who
// runs Harbourside?" is answered by "Harbourside manager Rhian Doyle",
// not by a sentence holding a synonym of "run" from another sense ("Pelto
// scored twice").
func (e *Answerer) officeFirst(q questionInfo, cands []*scoredSentence) []*scoredSentence {
	if q.agent < 0 {
		return cands
	}
	// "Harbourside manager Rhian Doyle" does not say who manages
	// Millbrook: an office of another name is someone else's.
	cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !c.titled && e.officeOfOther(q, c.s) })
	if !slices.ContainsFunc(cands, func(c *scoredSentence) bool { return c.titled }) {
		return cands
	}
	verb := q.terms[q.agent]
	verb.syn = nil
	if slices.ContainsFunc(cands, func(c *scoredSentence) bool { return e.termCredit(c.s, verb) == 1 }) {
		return cands
	}
	out := make([]*scoredSentence, 0, len(cands))
	for _, c := range cands {
		if c.titled {
			out = append(out, c)
		}
	}
	for _, c := range cands {
		if !c.titled {
			out = append(out, c)
		}
	}
	return out
}

// officeOfOther reports whether s names someone by an office of a name
// that the "who VERB X?" question does not hold ("Harbourside manager
// Rhian Doyle" for "Who manages Millbrook?"), when X is a name; "Its
// director, Beatriz Fontainhas" is of what the question names.
func (e *Answerer) officeOfOther(q questionInfo, s *passageSentence) bool {
	if !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.object && t.name }) {
		return false
	}
	toks := s.toks
	for i := 1; i+1 < len(toks); i++ {
		if !e.isOfficeTitle(toks[i].lower) || toks[i].upper || !isProperWord(toks[i-1]) || isPossessive(toks[i-1].lower) || e.isFunctionWord(toks[i-1].lower) || e.isNationality(toks[i-1].lower) ||
			!isProperWord(toks[i+1]) || !joinedBySpace(s.text, toks[i-1], toks[i]) || !joinedBySpace(s.text, toks[i], toks[i+1]) {
			continue
		}
		if !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.object && e.wordIs(toks[i-1], t) }) {
			return true
		}
	}
	return false
}
