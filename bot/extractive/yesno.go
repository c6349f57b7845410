package extractive

// This file answers yes/no questions ("Did Canada agree to extend its
// mission?") with the evidence on both sides: the coverage often holds
// one side pushing and the other refusing, and quoting only the first
// answers the question wrongly.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
)

// isYesNo reports whether a question asks yes or no: it opens with an
// auxiliary ("Did", "Is", "Will", "Has").
func isYesNo(toks []textWord) bool {
	return len(toks) > 1 && isAuxiliary(toks[0].lower)
}

// negative reports whether a sentence says no: a negation (not, no,
// never, nor, cannot, n't) in it.
func negative(s *passageSentence) bool {
	for i, t := range s.toks {
		switch t.lower {
		case "not", "no", "never", "nor", "cannot", "neither":
			return true
		case "t":
			if i > 0 && strings.HasSuffix(s.toks[i-1].lower, "n") && s.toks[i].start == s.toks[i-1].end+1 {
				return true // "didn't", "won't"
			}
		}
	}
	return false
}

// againstShare is the share of the best evidence's relevance a sentence
// saying no needs to be quoted against it.
const againstShare = 0.35

// yesNo returns the evidence for and against the question among the
// sentences: the best candidate, and the most relevant sentence that says
// the opposite (one saying no when the best says yes, and the reverse),
// or nil when there is none.
func (e *Answerer) yesNo(q questionInfo, cands []*scoredSentence, sents []*passageSentence) (pro, con *scoredSentence) {
	best := cands[0]
	bestNeg := negative(best.s)
	// Relevance, loosely: the question's terms in the sentence or, at
	// half, in the sentence before it, which a reply often follows
	// ("persuade Ottawa to change its mind ... Cannon reiterated that
	// Ottawa would not change its mind").
	relevance := func(s *passageSentence) float64 {
		var got, total float64
		names := false
		for _, t := range q.terms {
			total += t.weight
			c := e.termCredit(s, t)
			if s.prev != nil {
				c = max(c, e.termCredit(s.prev, t)/2)
			}
			got += t.weight * c
			names = names || (t.name || t.head) && e.termCredit(s, t) >= e.opt.SynonymCredit
		}
		if total == 0 || !names && slices.ContainsFunc(q.terms, func(t qterm) bool { return t.name || t.head }) {
			return 0
		}
		return got / total
	}
	onTopic := func(s *passageSentence) bool { return e.onTopic(q, s) }
	top := relevance(best.s)
	var other *passageSentence
	otherRel := 0.0
	for _, s := range sents {
		if s == best.s || s.headline || s.caption || s.byline || negative(s) == bestNeg || sameWords(s.text, best.s.text) || !onTopic(s) {
			continue
		}
		if r := relevance(s); r > otherRel {
			other, otherRel = s, r
		}
	}
	if other == nil || otherRel < againstShare*top || otherRel < 0.25 {
		return best, nil
	}
	o := &scoredSentence{s: other, score: otherRel}
	if bestNeg {
		return o, best
	}
	return best, o
}

// onTopic reports whether s speaks of what q asks, not only of whom:
// "the musicians were relieved, not triumphant" says nothing of whether
// they accepted an offer. It holds itself two of the question's words
// that are neither names nor light, or all of them when there are fewer.
//
// A reply holds them through the sentence it answers, which it echoes:
// "NATO is working to persuade Ottawa to change its mind about ending the
// mission. Cannon reiterated that Ottawa would not change its mind."
func (e *Answerer) onTopic(q questionInfo, s *passageSentence) bool {
	if e.holdsTopic(q, s, 2) {
		return true
	}
	return s.prev != nil && sharedTerms(s, s.prev) >= 2 && e.holdsTopic(q, s.prev, 1)
}

// holdsTopic reports whether s holds want of the question's words that
// are neither names nor light, or all of them when there are fewer.
func (e *Answerer) holdsTopic(q questionInfo, s *passageSentence, want int) bool {
	n, topical := 0, 0
	for _, t := range q.terms {
		if t.name || t.weight <= lightWeight {
			continue
		}
		topical++
		if e.termCredit(s, t) >= e.opt.SynonymCredit {
			n++
		}
	}
	return n >= min(want, topical)
}

// sharedTerms counts the terms two sentences both hold.
func sharedTerms(a, b *passageSentence) int {
	n := 0
	for t := range a.terms {
		if b.terms[t] {
			n++
		}
	}
	return n
}

// holdsNames reports whether s itself holds every name of q.
func (e *Answerer) holdsNames(q questionInfo, s *passageSentence) bool {
	for _, t := range q.terms {
		if t.name && e.termCredit(s, t) < 1 {
			return false
		}
	}
	return true
}

// asksStill reports whether a yes/no question asks whether something is
// still so ("Is X still racing?", "Does the route still include it?"):
// the latest report answers it.
func asksStill(toks []textWord) bool {
	for i, tk := range toks {
		switch {
		case tk.lower == "still", tk.lower == "anymore":
			return true
		case tk.lower == "any" && i+1 < len(toks) && toks[i+1].lower == "longer":
			return true
		}
	}
	return false
}

// latest returns the candidate of the newest dated article among those
// close to the best one, or nil when the best is the newest or no
// article is dated.
func (e *Answerer) latest(q questionInfo, cands []*scoredSentence) *scoredSentence {
	best := cands[0]
	var out *scoredSentence
	for _, c := range cands[1:] {
		if c.score < latestShare*best.score || c.s.date.IsZero() || c.s.headline || c.s.caption || !e.onTopic(q, c.s) || !e.holdsNames(q, c.s) {
			continue
		}
		if c.s.date.After(best.s.date) && (out == nil || c.s.date.After(out.s.date)) {
			out = c
		}
	}
	return out
}

// latestShare is the share of the best score a sentence of a newer
// article needs to answer "is it still so" in its stead.
const latestShare = 0.6

// yesNoAnswer quotes the evidence for and against.
func yesNoAnswer(pro, con *scoredSentence) bot.Answer {
	a := bot.Answer{}
	var b strings.Builder
	b.WriteString("The coverage points both ways. For: ")
	for i, c := range []*scoredSentence{pro, con} {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date,
		})
		if i > 0 {
			b.WriteString(" Against: ")
		}
		b.WriteString(strings.Join(strings.Fields(c.s.text), " ") + " [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}
