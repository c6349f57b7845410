package extractive

// This file decides, beside disagreement, which sentence of another
// article speaks of the same figure as the best one. Two reports of one
// count often share only the thing counted: "A fleet of 58 yachts took
// part" and "Fifty-six yachts lined up"; and a sentence that shares the
// thing but not what was done to it ("The company has about 3,900
// employees" for "How many jobs is it cutting?") counts something else.

import (
	"strings"
)

// countsHead reports whether s gives a figure that counts the noun q
// asks about, written as the question writes it, right after the figure:
// "58 yachts", "Fifty-six yachts", "480 jobs".
func (e *Answerer) countsHead(q questionInfo, s *passageSentence) bool {
	if q.kind != kindNumber || q.counted < 0 {
		return false
	}
	for _, t := range q.terms[q.counted : q.counted+1] {
		for _, sp := range e.lexicon.findNumbers(s.toks) {
			for k := sp.tok + 1; k <= sp.tok+3 && k < len(s.toks); k++ {
				w := s.toks[k].lower
				if w == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(w, t.prefix) {
					return true
				}
			}
		}
	}
	return false
}

// sameCount reports whether c, from another article than best, gives the
// figure of the same thing: it holds what best holds (all but one term,
// that one in its article), and the question's verb itself when best
// does; or both count the noun asked about in the same words, c holds
// the question's figures, and c's article holds its names.
func (e *Answerer) sameCount(q questionInfo, best, c *scoredSentence) bool {
	if q.verb >= 0 && best.held[q.verb] && !c.held[q.verb] {
		return false // "has 3,900 employees" is no count of the jobs cut
	}
	if !q.money && e.givesMoney(best.s) != e.givesMoney(c.s) {
		return false // "300 million pounds" in a story on the jobs is no count of them
	}
	if c.core >= e.opt.DisagreeCoverage && holdsAround(c, best.held) {
		return true
	}
	if !e.countsHead(q, best.s) || !e.countsHead(q, c.s) {
		return false
	}
	for j, t := range q.terms {
		if t.name && !c.docHeld[j] && !c.held[j] && t.weight == 1 {
			return false
		}
	}
	return true
}

// countedNoun returns the index of the noun "how many" counts ("How many
// jobs is it cutting?"), or -1.
func countedNoun(toks []textWord) int {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "many" && !toks[i+2].upper && toks[i+2].letters >= 2 {
			return i + 2
		}
	}
	return -1
}

// givesMoney reports whether every figure s gives is a sum of money
// ("300 million pounds", "$1.8 million").
func (e *Answerer) givesMoney(s *passageSentence) bool {
	spots := e.lexicon.findNumbers(s.toks)
	if len(spots) == 0 {
		return false
	}
	for _, sp := range spots {
		if !e.lexicon.moneyAt(s, sp.tok) {
			return false
		}
	}
	return true
}
