package extractive

// This file tells whether two dates reports give are of one scheduled
// event: the same thing named right around both ("production", "the
// fair"), and what happens on it told by verbs of one action ("will stop
// on September 25", "would end on September 30"), not of opposite ones
// ("opens on July 8", "closes on July 12"). A date misreported may be
// off by days, but two dates of a story a few days apart are as often
// of two events (the jury chosen, the trial opened); the verbs tell.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// maxEventGap is the most days apart two dates of one scheduled event,
// so named by both reports, may lie: a week.
const maxEventGap = 7

// sameEvent reports whether dates a and b are of one event: a noun
// around both that is no name, and a verb around each of one action.
func (e *Answerer) sameEvent(a, b mention, names map[string]bool) bool {
	lx := e.lexicon
	if lx.th == nil || a.kind != qDate || b.kind != qDate {
		return false
	}
	na, va := e.eventWords(a, names)
	nb, vb := e.eventWords(b, names)
	if !sharesAny(na, nb) {
		return false
	}
	for _, x := range va {
		for _, y := range vb {
			if lx.sameAction(x, y) {
				return true
			}
		}
	}
	return false
}

// eventWords are the stems of the nouns of date m's clause that are no
// names, times or figures (what happens: "production", "fair"), and the
// lemmas of the verb nearest before it (what happens then: "will stop
// on", "opens on"), or after it when none is before.
func (e *Answerer) eventWords(m mention, names map[string]bool) (map[string]bool, []string) {
	lx := e.lexicon
	s := m.sentence
	lo, hi := clauseAround(s, m.first, m.last, false)
	if (m.first-lo)+(hi-m.last) < minClause {
		lo, hi = clauseAround(s, m.first, m.last, true)
	}
	nouns := make(map[string]bool)
	for k := lo; k <= hi; k++ {
		tk := s.toks[k]
		if k >= m.first && k <= m.last || tk.letters < 3 || tk.digits > 0 || monthName(tk) != "" || isWeekday(tk.lower) || isStopWord(tk.lower) {
			continue
		}
		if lx.nounWord(tk.lower) && !lx.is(tk.lower, wcTime) && !lx.eventVerbAt(s.toks, k) {
			for _, t := range e.terms.Terms(tk.lower) {
				if !names[t] {
					nouns[t] = true
				}
			}
		}
	}
	for _, k := range slices.Concat(descending(m.first-1, max(lo, m.first-nearWindow)), ascending(m.last+1, min(hi, m.last+nearWindow))) {
		if lx.eventVerbAt(s.toks, k) {
			return nouns, lx.th.Lemmas(s.toks[k].lower)
		}
	}
	return nouns, nil
}

// eventVerbAt reports whether word k is a verb of what happens: read as
// a verb ("opens", "will stop", "would end"), not one of saying, being
// or having.
func (lx *lexicon) eventVerbAt(toks []textWord, k int) bool {
	w := toks[k].lower
	if toks[k].upper && k > 0 || lx.isLightVerb(w) || isStopWord(w) || !lx.verbAt(toks, k) || lx.is(w, wcSaying) {
		return false
	}
	if k > 0 && (isModal(toks[k-1].lower) || toks[k-1].lower == "to") {
		return true // "would end", "to open"
	}
	if lx.pos(w) == wcVerb {
		return true
	}
	if lx.pos(w) != 0 {
		return false // mostly a noun: "mill", "stage"
	}
	for _, l := range lx.th.Lemmas(w) {
		if l != w && lx.pos(l) == wcVerb || strings.HasSuffix(w, "ing") {
			return true // "opens", "ending"
		}
	}
	return false
}

// descending lists the word indexes from down to to: the words before a
// mention, nearest first.
func descending(from, to int) []int {
	var out []int
	for k := from; k >= to; k-- {
		out = append(out, k)
	}
	return out
}

// ascending lists the word indexes from up to to: the words after a
// mention, nearest first.
func ascending(from, to int) []int {
	var out []int
	for k := from; k <= to; k++ {
		out = append(out, k)
	}
	return out
}

// sameAction reports whether two verbs tell of one action: one lemma,
// or synonyms, directly or through a synonym both share ("stop" and
// "end" through "cease"); never antonyms ("open", "close").
func (lx *lexicon) sameAction(a, b string) bool {
	if a == b {
		return true
	}
	near := func(w string) []string {
		out := []string{w}
		for _, r := range lx.th.Related(w, thesaurus.Synonym, thesaurus.Derived) {
			if !strings.Contains(r, " ") {
				out = append(out, r)
			}
		}
		return out
	}
	na, nb := near(a), near(b)
	for _, x := range na {
		if slices.Contains(lx.th.Related(x, thesaurus.Antonym), b) {
			return false
		}
	}
	for _, x := range nb {
		if slices.Contains(lx.th.Related(x, thesaurus.Antonym), a) {
			return false
		}
	}
	for _, x := range na {
		if slices.Contains(nb, x) {
			return true
		}
	}
	return false
}
