package extractive

// This file decides whether a sentence answers the question at all, not
// only whether it shares its words. News repeats a story's words in every
// sentence (the lighthouse, the estate, the team), so a question the
// coverage does not answer still finds a sentence that shares most of
// them: "Who designed the lighthouse?" finds the sentence on what its
// restoration cost. A sentence answers only when it holds the answer the
// question expects (answertype.go: someone for "who", a colour for "what
// colour", a speed for "how fast") and that answer is said of what is
// asked: the figure of "how much did the visitor centre cost" in the
// clause that names the centre, not in "tickets cost 8 pounds"; the span
// of "how long has she chaired the board" in the clause of chairing, not
// in "the worst storm since 1994"; the someone of "who designed X" beside
// a designing. A question no sentence passes this for gets "the coverage
// doesn't say" rather than a sentence about something else.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// gate keeps the candidates, best first, whose sentences answer q, asked
// as question.
func (e *Answerer) gate(question string, q questionInfo, cands []*scoredSentence) []*scoredSentence {
	want := e.expectedAnswer(splitWords(question), q)
	return slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !e.answersAsked(q, want, c) })
}

// answersAsked reports whether c's sentence holds the answer want that q
// expects, bound to what q asks about.
func (e *Answerer) answersAsked(q questionInfo, want expected, c *scoredSentence) bool {
	s := c.s
	switch {
	case want.someone && !e.namesSomeone(q, c):
		return false // "who designed it": a sentence naming nobody
	case want.someone && !e.doerBound(q, c):
		return false // "who trained her": a sentence that names no training
	case want.colour && !e.colourBound(q, s):
		return false
	case want.speed && !e.holdsSpeed(s):
		return false
	case want.span && !e.spanBound(q, s):
		return false // "since 1994" of the storm, not of her chairing
	case want.sum && !e.sumBound(q, s):
		return false // "tickets cost 8 pounds" prices no visitor centre
	case want.sum && !e.holdsMeasure(q, s):
		return false // "how much compensation": a relief fund's size is none
	case want.per != "" && e.perOther(want.per, s):
		return false // "12,000 visitors a year" is no count of the first week
	case len(want.units) > 0 && !e.unitBound(q, want.units, want.unitAt, want.toks, s):
		return false // "how heavy is the bell": its height in metres is no weight
	}
	return true
}

// namesSomeone reports whether c's sentence names a person or an
// organisation other than those the question names, or says who holds
// the role asked (role.go).
func (e *Answerer) namesSomeone(q questionInfo, c *scoredSentence) bool {
	if c.bound || c.titled || len(c.s.fileNames) > 0 {
		return true // a file named for its speaker: every sentence is theirs
	}
	return len(e.findPeople(q, c.s)) > 0 || len(e.orgsIn(q, c.s)) > 0 || e.namesOther(q, c.s)
}

// namesOther reports whether s holds a name the question does not: a
// run of capitalised words, not all of places, that is more than a
// known word opening the sentence ("Kerry Dale, who heads the guild":
// Kerry is a county in WordNet, Dale a valley, the run a person).
func (e *Answerer) namesOther(q questionInfo, s *passageSentence) bool {
	lx := e.lexicon
	toks := s.toks
	for i := 0; i < len(toks); {
		if !isProperWord(toks[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && isProperWord(toks[j+1]) && s.text[toks[j].end:toks[j+1].start] == " " {
			j++
		}
		other, places := false, 0
		for k := i; k <= j; k++ {
			other = other || !q.words[toks[k].lower]
			if lx.is(toks[k].lower, wcPlaceName|wcPlaceAdj) {
				places++
			}
		}
		opener := i == j && (i == 0 || lx.isFunctionWord(toks[i].lower)) && lx.is(toks[i].lower, wcKnown)
		if other && places < j-i+1 && !opener {
			return true
		}
		i = j + 1
	}
	return false
}

// doerBound reports whether the sentence of "who VERB X?" says who did
// it: it holds the verb, a word of its family ("designer", "leader"), or
// binds a name to the role (role.go). A question whose verb says little
// ("who is", "who has") asks nothing of the sentence's verb.
func (e *Answerer) doerBound(q questionInfo, c *scoredSentence) bool {
	if !q.whoVerb || q.verb < 0 || c.bound || c.titled {
		return true
	}
	t := q.terms[q.verb]
	if t.weight < 1 || e.lexicon.is(t.word, wcFrequentVerb) || e.stative(t.word) {
		// A standing state ("who leads", "who owns") is as often given
		// by a title ("Dale, the guild's head") as by its verb.
		return true
	}
	// What is won, got or earned goes "to" its holder: "The best actress
	// award went to Ilona Varga" says who won it.
	gain := e.lexicon.is(t.word, wcPaying)
	return e.termCredit(c.s, t) >= e.opt.SynonymCredit || e.holdsKin(c.s, t.word) || agentBy(q, c.s, gain)
}

// agentBy reports whether s names the doer of the question's topic by
// "by" after a word of the question: "a claim by Maren Oakes's former
// bandmate", "was opened in 2021 by the explorer"; with gain, the one who
// gets it by "to" and a name ("the award went to Ilona Varga").
func agentBy(q questionInfo, s *passageSentence, gain bool) bool {
	for k, tk := range s.toks {
		if !slices.ContainsFunc(q.terms, func(t qterm) bool { return !t.name && t.weight == 1 && tokenMatches(tk.lower, t) }) {
			continue
		}
		for b := k + 1; b <= min(k+8, len(s.toks)-1); b++ {
			to := gain && s.toks[b].lower == "to" && slices.ContainsFunc(s.toks[b+1:min(b+4, len(s.toks))], isProperWord) // "to the painter Mira Sol"
			if to && !strings.ContainsAny(s.text[tk.end:s.toks[b].start], ";:()") {
				return true // "the award, first given in 2019, went to the painter Mira Sol"
			}
			if s.toks[b].lower == "by" && b <= k+4 {
				return !strings.ContainsAny(s.text[tk.end:s.toks[b].start], ",;:()")
			}
		}
	}
	return false
}

// stative reports a verb of a standing state in WordNet ("lead",
// "represent"), not an act.
func (e *Answerer) stative(w string) bool {
	th := e.lexicon.th
	return th != nil && slices.ContainsFunc(th.Lemmas(w), func(l string) bool { return th.In(l, thesaurus.Stative) })
}

// holdsKin reports whether s holds a word derived from w or one w is
// derived from ("designer" for "designed", "leader" for "leads"), or a
// synonym in any frequent sense ("heads" for "leads"), in WordNet's
// relations of its base forms.
func (e *Answerer) holdsKin(s *passageSentence, w string) bool {
	th := e.lexicon.th
	if th == nil {
		return false
	}
	for _, l := range th.Lemmas(w) {
		for _, d := range th.Related(l, 'd', 's') {
			if st := e.terms.Terms(d); len(st) == 1 && s.terms[st[0]] {
				return true
			}
		}
	}
	return false
}

// topicAt reports whether word k of s stands for a term of q that says
// what is asked about: not a word of paying, and not one of skip (the
// colour noun itself). A term of the setting counts: "in royalties" is
// what "how much did he seek" asks about.
func (e *Answerer) topicAt(q questionInfo, s *passageSentence, k int, skip func(qterm) bool) bool {
	return slices.ContainsFunc(q.terms, func(t qterm) bool {
		return (!e.paying(q, t) || t.head) && (skip == nil || !skip(t)) && tokenMatches(s.toks[k].lower, t)
	})
}

// measureAt reports whether word k of s stands for the measure a sum
// question asks ("salary", "revenue"), which its words of paying do not.
func (e *Answerer) measureAt(q questionInfo, s *passageSentence, k int, measure func(qterm) bool) bool {
	return slices.ContainsFunc(q.terms, func(t qterm) bool { return measure(t) && tokenMatches(s.toks[k].lower, t) })
}

// paying reports a word of paying or costing ("cost", "pay", "fund"),
// which stands for any sum, where a noun of one ("royalties") says what
// the sum is of.
func (e *Answerer) paying(q questionInfo, t qterm) bool {
	if t.amount {
		return true
	}
	if !e.lexicon.isMoneyWord(t.word) || !e.lexicon.is(t.word, wcHasVerb|wcVerb|wcPaying) {
		return false
	}
	// Used as the verb: the question's own, or its last word ("how much
	// did the centre cost"); "the prize money" is a noun.
	return q.verb >= 0 && q.terms[q.verb].stem == t.stem || q.terms[len(q.terms)-1].stem == t.stem
}

// clauseHolds reports whether the clause of word i of s holds a word for
// which at reports true. With across, a clause that follows an aside
// (a relative clause or an apposition between commas) reaches back over
// it to the words it interrupts, and a figure in apposition reaches
// the words it stands beside: "Cider revenue, which now includes
// Marsh Lane, was £19 million"; "has ordered a new vessel, the MV
// Curlew, for 28 million pounds". A verb is bound without: "Agnes Moll,
// who chairs the board, said the storm was the worst since 1994" dates
// no chairing.
func clauseHolds(s *passageSentence, i int, at func(k int) bool, across bool) bool {
	from, to := clauseOf(s, i)
	if across && from >= 1 && to+1 < len(s.toks) && to-from < 8 && !isRelative(s.toks[from].lower) {
		// "would use the prize money, 50,000 euros, to": a figure in
		// apposition is of what stands before it.
		from, _ = clauseOf(s, from-1)
	} else if across && from >= 1 && isPreposition(s.toks[from].lower) {
		// "would build Unit 4 as planned, at a cost of 140 million
		// euros": a phrase set off by a comma goes on with the clause
		// before it.
		from, _ = clauseOf(s, from-1)
	} else if across && from >= 1 {
		if f, _ := clauseOf(s, from-1); f > 0 && (isRelative(s.toks[f].lower) || isDeterminer(s.toks[f].lower)) {
			from, _ = clauseOf(s, f-1)
		}
	}
	for k := from; k <= to; k++ {
		if k != i && at(k) {
			return true
		}
	}
	return false
}

// isRelative reports the words that open a relative clause.
func isRelative(w string) bool {
	switch w {
	case "which", "who", "whose", "whom", "where", "that":
		return true
	}
	return false
}

// sumBound reports whether s gives a figure in a clause that names what
// the question prices or measures: a word of the question beyond its
// words of paying ("Repairing the lens will cost 410,000 pounds"). That
// the figure is a sum is the scorer's to say (kind.go): WordNet knows
// no "crowns" of money.
func (e *Answerer) sumBound(q questionInfo, s *passageSentence) bool {
	// The measure asked ("salary", "revenue") names what the sum is of,
	// in any currency; a word of paying ("cost") asks for money.
	measure := func(t qterm) bool {
		return t.head && t.weight == 1 && !e.isMoney(t.word) || q.want.measure >= 0 && t.stem == q.terms[q.want.measure].stem
	}
	money := q.money || q.want.money
	if !slices.ContainsFunc(q.terms, func(t qterm) bool {
		return measure(t) || !t.name && !t.capital && t.weight == 1 && !e.paying(q, t) && !e.isMoney(t.word) && !e.lexicon.is(t.word, wcFrequentVerb)
	}) {
		// "How much money comes with the Fenwick Prize": a question
		// on a name alone, which the article holds (score.go).
		return true
	}
	for _, sp := range e.findNumbers(s.toks) {
		if money && !e.lexicon.moneyAt(s, sp.tok) {
			continue // "the 164 steps" is no sum
		}
		topic := func(s *passageSentence) func(int) bool {
			return func(k int) bool { return e.topicAt(q, s, k, measure) || e.measureAt(q, s, k, measure) }
		}
		if clauseHolds(s, sp.tok, topic(s), true) {
			return true
		}
		// "Pubs buy it by the keg. It will cost 180 dollars": a clause
		// opened by a pronoun goes on with the sentence before.
		if from, _ := clauseOf(s, sp.tok); from == 0 && s.prev != nil && (isPronoun(s.toks[0].lower) || s.toks[0].lower == "it") {
			for k := range s.prev.toks {
				if topic(s.prev)(k) {
					return true
				}
			}
		}
	}
	return false
}

// holdsMeasure reports whether s holds the noun a "how much" question
// asks the sum of ("compensation", "fee"), when it asks one other than
// money itself ("how much money").
func (e *Answerer) holdsMeasure(q questionInfo, s *passageSentence) bool {
	for _, t := range q.terms {
		if t.head && t.weight == 1 && !e.isMoney(t.word) && e.lexicon.is(t.word, wcNoun) && !e.lexicon.is(t.word, wcHasVerb) {
			t.amount = false // any sum stands for an amount term: not here
			return e.termCredit(s, t) >= e.opt.SynonymCredit
		}
	}
	return true
}

// isMoney reports "money" and the words WordNet gives for it or for its
// kinds ("cash", "funds"): a sum in any words answers them.
func (e *Answerer) isMoney(w string) bool {
	th := e.lexicon.th
	if th == nil || e.lexicon.is(w, wcMoney) {
		return true
	}
	for _, l := range append(th.Lemmas(w), w) {
		if l == "money" || slices.Contains(th.Related(l, thesaurus.Synonym), "money") || slices.Contains(th.Hyponyms("money"), l) {
			return true
		}
	}
	return false
}

// spanBound reports whether s gives a span of time for "how long" in the
// clause of the question's verb, when s holds that verb: "has stood
// empty since 1989", not "who chairs the board, said the storm was the
// worst since 1994".
func (e *Answerer) spanBound(q questionInfo, s *passageSentence) bool {
	v := q.verb
	if v < 0 {
		// "How long has she led it": "led" read as no verb.
		v = slices.IndexFunc(q.terms, func(t qterm) bool {
			return !t.name && t.weight == 1 && e.lexicon.is(t.word, wcPastForm|wcVerb) && !e.lexicon.is(t.word, wcFrequentVerb)
		})
	}
	if v < 0 {
		return true
	}
	t := q.terms[v]
	var at []int
	for k, tk := range s.toks {
		if tokenMatches(tk.lower, t) {
			at = append(at, k)
		}
	}
	if len(at) == 0 {
		return true // the span of a sentence that says it in other words
	}
	for _, sp := range e.findKind(q, s) {
		if clauseHolds(s, sp.tok, func(k int) bool { return slices.Contains(at, k) }, false) {
			return true
		}
	}
	return false
}

// colourBound reports whether s names a colour in a clause that holds a
// word of what the question asks the colour of.
func (e *Answerer) colourBound(q questionInfo, s *passageSentence) bool {
	for i := range s.toks {
		if !e.isColourAt(s, i) {
			continue
		}
		if clauseHolds(s, i, func(k int) bool { return e.topicAt(q, s, k, func(t qterm) bool { return e.isColourNoun(t.word) }) }, true) {
			return true
		}
	}
	return false
}

// isColourAt reports whether word i of s is a colour ("white", "dark
// green"), not a name that holds one ("Red Cross" mid-sentence).
func (e *Answerer) isColourAt(s *passageSentence, i int) bool {
	tk := s.toks[i]
	if tk.upper && i > 0 {
		return false
	}
	return e.isColour(tk.lower)
}

// holdsSpeed reports whether s gives a speed: a figure and a unit per a
// unit of time ("90 kilometres an hour", "12 knots per hour") or a unit
// WordNet gives as such a ratio ("mph"), or written with a slash of time
// ("90 km/h").
func (e *Answerer) holdsSpeed(s *passageSentence) bool {
	toks := s.toks
	for _, sp := range e.findNumbers(toks) {
		for k := sp.tok + 1; k <= min(sp.tok+4, len(toks)-1); k++ {
			w := toks[k].lower
			if e.perHour(w) || strings.Contains(w, "/") {
				return true
			}
			if (w == "per" || w == "an" || w == "a" || w == "each") && k+1 < len(toks) && e.lexicon.isTimeUnit(toks[k+1].lower) {
				return true
			}
		}
	}
	return false
}

// perOther reports whether every figure of s is given per a span of time
// other than the one the question asks about: "12,000 visitors a year"
// for a question on the first week.
func (e *Answerer) perOther(per string, s *passageSentence) bool {
	toks := s.toks
	nums := e.findNumbers(toks)
	if len(nums) == 0 {
		return false
	}
	for _, sp := range nums {
		other := false
		for k := sp.tok + 1; k+1 < len(toks) && k <= sp.tok+4; k++ {
			w := toks[k].lower
			if (w == "per" || w == "a" || w == "an" || w == "each" || w == "every") && e.lexicon.isTimeUnit(toks[k+1].lower) {
				other = !e.sameWord(toks[k+1].lower, per)
				break
			}
		}
		if !other {
			return false
		}
	}
	return true
}

// sameWord reports whether two words have one stem ("weeks", "week").
func (e *Answerer) sameWord(a, b string) bool {
	x, y := e.terms.Terms(a), e.terms.Terms(b)
	return len(x) == 1 && len(y) == 1 && x[0] == y[0]
}
