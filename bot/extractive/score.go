package extractive

// This file scores each sentence for a question: how much of the
// question it holds, and whether it holds what the question asks for.

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// scoredSentence is a scored sentence.
type scoredSentence struct {
	s        *passageSentence
	score    float64
	coverage float64 // share of the question's term weight it holds
	core     float64 // the same, or the share of the terms outside the question's setting, if more
	held     []bool  // the question's terms outside its setting that it holds itself
	docHeld  []bool  // those its article holds somewhere
	matched  int     // question terms it holds itself, not by its article
	// aroundMatched counts the further terms the sentences before and
	// after it hold, and the names its article holds.
	aroundMatched int
	holdsFocus    bool     // holds the noun or verb the question is about
	holdsHead     bool     // holds the noun the question asks about itself ("the runner-up")
	titled        bool     // names someone by an office of what "who runs X" asks about (see titledFor)
	bound         bool     // binds a name to the role the question asks about (see roleNames)
	values        []string // the figures or dates it gives near the question's terms
}

// score ranks the sentences for q, best first. ok is false when the
// passages lack the question's names or too many of its terms.
func (e *Answerer) score(q questionInfo, sents []*passageSentence) ([]*scoredSentence, bool) {
	lx := e.lexicon
	e.fitConstraints(q, sents)
	// credit[i][j]: how well sentence i holds term j, from 0 to 1.
	credit := make([][]float64, len(sents))
	// lend[i][j]: the credit sentence i lends its neighbours for term j;
	// none for a term it denies ("there was no tsunami threat").
	lend := make([][]float64, len(sents))
	docBest := make(map[string][]float64) // source -> best credit per term
	given := e.givenNames(q, sents)
	for i, s := range sents {
		credit[i] = make([]float64, len(q.terms))
		lend[i] = make([]float64, len(q.terms))
		best := docBest[s.source]
		if best == nil {
			best = make([]float64, len(q.terms))
			docBest[s.source] = best
		}
		headcount := q.kind == kindNumber && (isHeadcount(s.toks) || lx.groupCount(s.toks) >= 0)
		denied := deniesVerb(q, s)
		if denied && q.kind != kindAny {
			// Who decided, when, how many: not a decision not taken.
			credit[i] = make([]float64, len(q.terms))
			continue
		}
		fit := periodNone
		if q.period.quarter > 0 {
			fit = fitPeriod(s.periods(), q.period)
		}
		for j, t := range q.terms {
			c := e.termCredit(s, t)
			if c == 0 && t.given {
				c = given.credit(e, q, t, s) // "Ashby" for Ruth Ashby, whom another report names in full
			}
			if j == q.verb && denied {
				c = 0 // "no decision" is not a decision
			}
			switch {
			case t.period && fit == periodSame:
				c = 1 // "the last three months of the year" is the fourth quarter
			case t.period && fit == periodOther:
				c = 0 // a figure of another quarter
			case t.datedBy(s.date):
				c = 1 // "when it reported in February 2023": the article's date
			case q.asOf.holds(t, s.date):
				c = 1 // "by March 9": a report of that day
			case t.figure && !t.period && len(t.stem) == 4:
				c = max(c, yearCredit(s, t, e.opt.SynonymCredit)) // "the prize fund in 2022": an article of 2022
			}
			if headcount && t.head && lx.isPeopleNoun(t.word) {
				c = max(c, e.opt.SynonymCredit) // "the 2,700-strong mission" counts soldiers
			}
			credit[i][j] = c
		}
		// A quotation attributed by a pronoun ("CTV quoted him as
		// saying", "he said") is the words of the person the sentence
		// before names: "What did Rasmussen say about terrorists?"
		if s.prev != nil && slices.Contains(lx.speakersIn(s, pronounSpeaker), pronounSpeaker) {
			for j, t := range q.terms {
				if t.name && credit[i][j] == 0 && e.termCredit(s.prev, t) == 1 {
					credit[i][j] = e.opt.SynonymCredit
				}
			}
		}
		// A sum of money stands for "cost" only in a sentence about what
		// is asked: "a C$600 million bridge", not any figure of the
		// story ("How much will the series cost?" is not answered by
		// the broadcaster's revenue).
		for j, t := range q.terms {
			if t.amount && credit[i][j] < 1 && credit[i][j] > 0 && !holdsOtherTopic(q, credit[i], j, e.opt.SynonymCredit) {
				credit[i][j] = 0
			}
		}
		for j, t := range q.terms {
			c := credit[i][j]
			best[j] = max(best[j], c)
			if c > 0 && !denies(s, t) {
				lend[i][j] = c
			}
		}
	}

	// Refuse when the passages lack a name of the question or too many of
	// its terms: then any sentence found would answer another question.
	present := 0
	idf := make([]float64, len(q.terms))
	var total float64
	n := float64(len(sents))
	for j, t := range q.terms {
		df, direct := 0, false
		for i, s := range sents {
			if credit[i][j] >= e.opt.SynonymCredit {
				df++
			}
			if credit[i][j] == 1 || t.figure && !t.period && t.ofYear(s.source, s.date) || metByYear(t, credit[i][j]) {
				direct = true // a year: also an article's date
			}
		}
		if (t.name || t.figure) && !direct || (t.head || t.title && !t.role || t.required) && df == 0 {
			return nil, false
		}
		if t.head && len(t.hypo) > 0 && !slices.ContainsFunc(sents, func(s *passageSentence) bool { return e.termCredit(s, t.general()) >= e.opt.SynonymCredit }) {
			// "What was Halvorsen's profit?" is not answered where a
			// profit is only "a kill", in "three workers were killed".
			return nil, false
		}
		if df > 0 {
			present++
			// Rare terms tell the sentences apart, but a term found in
			// every sentence (Canada) still counts: the floor of ln 2
			// keeps "Canadian minister" above "French minister".
			idf[j] = t.weight * math.Log(1+(n+1)/(float64(df)+0.5))
			total += idf[j]
		}
	}
	if present == 0 || float64(present) < e.opt.MinCoverage*float64(len(q.terms)) {
		return nil, false
	}

	// A sentence can only answer from an article that names everything
	// the question names: "What did Harper say about Rasmussen?" is not
	// answered by Harper in one article and Rasmussen in another. Names of
	// the setting ("in Kandahar") are spared: a passage of the article may
	// hold them without having been retrieved.
	// Likewise a year or number the question states ("the 2021
	// festival", "season 4") must be the article's: in its text, or the
	// year of its date.
	dated := make(map[string]time.Time)
	for _, s := range sents {
		dated[s.source] = s.date
	}
	// An article that names quarters, but not the one asked about, is
	// about another ("the third quarter" is not answered by the second).
	periodOf := make(map[string]periodFit)
	if q.period.quarter > 0 {
		for _, s := range sents {
			if f := fitPeriod(s.periods(), q.period); f == periodSame || f == periodOther && periodOf[s.source] == periodNone {
				periodOf[s.source] = f
			}
		}
	}
	coherent := make(map[string]bool)
	for src, best := range docBest {
		coherent[src] = periodOf[src] != periodOther
		for j, t := range q.terms {
			if (t.name || t.title && !t.role) && t.weight == 1 && best[j] < e.opt.SynonymCredit {
				coherent[src] = false
			}
			if t.figure && best[j] < 1 && !t.ofYear(src, dated[src]) && !metByYear(t, best[j]) {
				coherent[src] = false
			}
		}
	}
	focus := q.focus()
	index := make(map[*passageSentence]int, len(sents))
	for i, s := range sents {
		index[s] = i
	}
	// The figure of "how many were wounded" must count the wounded; "how
	// many troops are deployed" is answered by a head count that names no
	// verb.
	countsVerb := q.kind == kindNumber && q.passive && q.verb >= 0 && !lx.isPresenceVerb(q.terms[q.verb].word)
	// A name that says which of the thing asked about must stand by the
	// answer (in it, the sentence before, or the title): "a ticket for
	// the Corn Exchange concerts" is not priced by a sentence on another
	// hall's seats in a story that names the Corn Exchange after it.
	namedNear := func(i int, s *passageSentence) bool {
		for j, t := range q.terms {
			if t.qualifier && credit[i][j] < e.opt.SynonymCredit &&
				around(index, s.prev, credit, j) < e.opt.SynonymCredit && !strings.Contains(strings.ToLower(s.title), t.word) {
				return false
			}
		}
		return true
	}
	absent := e.thingAbsent(q, sents)
	topical := e.topical(q, sents)
	cands := make([]*scoredSentence, 0, len(sents))
	for i, s := range sents {
		if !coherent[s.source] || !e.holdsRelation(q, credit[i]) || !namedNear(i, s) || !e.holdsThing(q, s, absent) || topical != nil && !topical[s] || !e.fitsKind(q, s) {
			continue
		}
		if q.period.quarter > 0 && fitPeriod(s.periods(), q.period) == periodOther {
			continue // a figure of another quarter, in an article on both
		}
		if e.breaksConstraints(q, s, credit[i], docBest[s.source], idf) {
			continue // Lumen-3's cost is not Lumen-2's; a quarter is not its loss
		}
		c := &scoredSentence{s: s, held: make([]bool, len(q.terms)), docHeld: make([]bool, len(q.terms))}
		for j, t := range q.terms {
			c.docHeld[j] = t.weight == 1 && docBest[s.source][j] >= e.opt.SynonymCredit
		}
		var got, core, coreTotal float64
		// A sentence holding what was asked ("what raise") in an article
		// holding the rest ("the dockworkers") draws on its article as on
		// its neighbours.
		holdsAsked := q.asked >= 0 && credit[i][q.asked] >= e.opt.SynonymCredit
		docCredit := e.opt.DocCredit
		if holdsAsked {
			docCredit = max(docCredit, neighbourCredit)
		}
		for j, t := range q.terms {
			if t.figure && heldItself(t, s) {
				// "the 2022 champion" beside a sentence of a 2024
				// story does not make it about 2022.
				got += idf[j] * credit[i][j]
			} else {
				got += idf[j] * max(credit[i][j], docCredit*docBest[s.source][j], neighbourCredit*max(around(index, s.prev, lend, j), around(index, s.next, lend, j)))
			}
			if credit[i][j] >= e.opt.SynonymCredit {
				c.holdsHead = c.holdsHead || t.head
				c.matched++
				c.held[j] = t.weight == 1
				c.holdsFocus = c.holdsFocus || t.head || j == focus || j == q.verb
			} else if max(around(index, s.prev, lend, j), around(index, s.next, lend, j)) >= e.opt.SynonymCredit ||
				t.name && docBest[s.source][j] >= e.opt.SynonymCredit {
				c.aroundMatched++ // "Acme" for "Revenue climbed 15 percent" in a story on Acme
			}
			if t.weight == 1 {
				coreTotal += idf[j]
				core += idf[j] * min(1, credit[i][j]/e.opt.SynonymCredit)
			}
		}
		if holdsAsked {
			// "The deal includes a 14 percent wage increase" in the
			// story on the dockworkers: what was asked, about them.
			c.holdsFocus = true
			for j, t := range q.terms {
				if credit[i][j] < e.opt.SynonymCredit && t.weight == 1 && docBest[s.source][j] >= e.opt.SynonymCredit {
					c.aroundMatched++
				}
			}
		}
		if q.kind == kindPerson && e.titledFor(q, s) {
			// "Harbourside manager Rhian Doyle" says who runs it.
			c.matched++
			c.holdsFocus, c.titled = true, true
		}
		c.coverage = got / total
		c.core = c.coverage
		if coreTotal > 0 {
			c.core = max(c.coverage, core/coreTotal)
		}
		c.score = c.coverage + e.opt.RankWeight/float64(1+s.rank) + e.kindScore(q, s)
		c.score += e.assocScore(q, s, credit[i]) // "the walkout" where this report writes "strike"
		spots, near, values, weak := lx.answerEvidence(q, s, idf, total)
		if !spots && (q.kind == kindNumber || q.kind == kindDate) {
			// "How many" and "when" are answered by a figure or a date:
			// a sentence without one is about the topic, not the answer.
			continue
		}
		if q.verb >= 0 && !e.assertsVerb(q, s) && (q.kind == kindDate && !q.want.clock || countsVerb) {
			// The date of "when did France decide" is the date of the
			// decision: a date elsewhere, or of a decision not taken,
			// does not answer. Likewise the figure of "how many were
			// wounded" must count the wounded.
			continue
		}
		if spots {
			// Half for holding the kind of answer at all, the rest as
			// the question's terms surround it; and only in full in a
			// sentence on the question's topic: a date in a sentence
			// about something else answers nothing.
			w := e.opt.TypeWeight * (0.5 + 0.5*near) * min(1, c.coverage/onTopic)
			if weak {
				w /= 2 // a role or a surname, not who holds it
			}
			c.score += w
			c.values = values
		}
		if s.caption && !q.photo {
			c.score *= captionWeight
		}
		if s.headline {
			c.score *= headlineWeight
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, false
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	cands = e.countedFirst(q, cands) // "3,100 acres of private land", not "12,400 acres" (count.go)
	e.markBound(q, cands)
	if q.kind == kindPerson && slices.ContainsFunc(cands, func(c *scoredSentence) bool { return c.holdsHead }) {
		// "Who was the runner-up?" is answered by the sentence that
		// names the runner-up, not by one about the winner.
		cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !c.holdsHead && !c.bound })
	}
	if cands = e.saidFirst(q, e.roleFirst(q, e.officeFirst(q, cands))); len(cands) == 0 {
		return nil, false
	}
	if q.whoVerb && q.verb >= 0 && slices.ContainsFunc(cands, func(c *scoredSentence) bool { return e.assertsVerb(q, c.s) }) {
		// "Who directed X?" is answered by a sentence that says who
		// directed, not by one that names X and other people.
		cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !c.bound && !e.assertsVerb(q, c.s) })
	}
	// One shared word is no evidence: a sentence must hold two of the
	// question's terms (when two are in the passages at all), or the noun
	// or verb the question is about when the sentences around it or its
	// article hold the others: "NATO talks are underway. Bernier is among
	// the 26 ministers taking part."
	// When the sentences with such evidence score well below the best,
	// the question is about something the passages do not hold.
	// A question that names only a person and the kind of answer ("How
	// old is Ines Fontainhas?") is about the person: her surname is
	// focus enough ("Fontainhas, 34, thanked her crew").
	onlyNames := true
	for j, t := range q.terms {
		if !t.name && t.weight == 1 && idf[j] > 0 {
			onlyNames = false
		}
	}
	top := cands[0].score
	cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool {
		return c.matched < min(2, present) && !((c.holdsFocus || onlyNames && c.matched > 0) && c.matched+c.aroundMatched >= 2)
	})
	if len(cands) == 0 || cands[0].score < e.opt.RelativeScore*top {
		return nil, false
	}
	return cands, true
}

// pronounSpeaker stands for the person named before a sentence that
// quotes "him" or "her": speakersIn returns it for such a sentence.
const pronounSpeaker = "\x00"

// holdsOtherTopic reports whether a sentence with credits credit holds a
// term of the question other than term skip that is neither a name nor
// a light word: what the question is about.
func holdsOtherTopic(q questionInfo, credit []float64, skip int, min float64) bool {
	for j, t := range q.terms {
		if j != skip && !t.name && !t.amount && t.weight == 1 && credit[j] >= min {
			return true
		}
	}
	return false
}

// neighbourCredit is the credit for a question term that is not in a
// sentence but in the sentence before or after it in its paragraph: "NATO
// talks are underway in Brussels. Canada's minister is among the 26
// ministers taking part."
const neighbourCredit = 0.4

// around returns the credit of term j in s, a neighbour, or 0 for none.
func around(index map[*passageSentence]int, s *passageSentence, credit [][]float64, j int) float64 {
	if s == nil {
		return 0
	}
	return credit[index[s]][j]
}

// holdsRelation reports whether a sentence whose credits per term are
// credit holds the head noun of the question together with its "of"
// complement, when it has one: "President Nicolas Sarkozy" does not answer
// "Who is the president of Afghanistan?".
func (e *Answerer) holdsRelation(q questionInfo, credit []float64) bool {
	head, complement, hasComplement := false, false, false
	for j, t := range q.terms {
		switch {
		case t.head:
			head = credit[j] >= e.opt.SynonymCredit
		case t.complement:
			hasComplement = true
			complement = complement || credit[j] >= e.opt.SynonymCredit
		}
	}
	return !hasComplement || head && complement
}

// captionWeight scales the score of a photo caption: it is seldom the
// answer, but its names and dates look like one.
const captionWeight = 0.8

// headlineWeight scales the score of a headline: it holds the words of the
// story's main sentence, which says the same with who and when.
const headlineWeight = 0.8

// onTopic is the term coverage from which a sentence is on the
// question's topic.
const onTopic = 0.6

// nearWords is how many words apart an answer and a question term may be
// to count as related.
const nearWords = 5

// answerEvidence finds what q asks for in s. spots is false when s holds
// nothing of the kind. near is the largest share of the question's term
// weight (idf, summing to total) found within a few words of one of them.
// values are the figures or dates with question terms nearby, normalised
// ("1,000" -> "1000", "next February" -> "february").
func (lx *lexicon) answerEvidence(q questionInfo, s *passageSentence, idf []float64, total float64) (spots bool, near float64, values []string, weak bool) {
	if q.kind == kindAny {
		return false, 0, nil, false
	}
	found := lx.findKind(q, s)
	if q.money && !lx.mentionsMoney(s) {
		found = nil // "how much does it cost" is not answered by a head count
	}
	if len(found) == 0 {
		return false, 0, nil, false
	}
	weak = true
	// matched[i]: the question terms word i stands for.
	matched := make([][]int, len(s.toks))
	for i, tk := range s.toks {
		for j, t := range q.terms {
			if idf[j] > 0 && (tokenMatches(tk.lower, t) || t.head && lx.isPeopleNoun(t.word) && i > 0 && isHeadcount(s.toks[i-1:i+1])) {
				matched[i] = append(matched[i], j)
			}
		}
	}
	focus := q.focus()
	if focus >= 0 && idf[focus] == 0 {
		focus = -1
	}
	for _, f := range found {
		if q.kind == kindNumber && !q.margin && lx.figureOfOther(q, s, matched, f.tok, focus) ||
			q.kind == kindPerson && lx.servesOther(s.toks, matched, f.tok) {
			continue
		}
		spots = true
		seen := make(map[int]bool)
		var w float64
		of := total
		focused := true
		if focus >= 0 {
			// The focus counts twice, and from anywhere in the spot's
			// clause: "NATO talks are underway at the organization's
			// headquarters in Brussels". A spot away from it is weak.
			of += idf[focus]
			if focused = sameClause(s, matched, f.tok, focus); focused {
				w += idf[focus]
			}
		}
		weak = weak && (f.weak || !focused)
		for i := max(0, f.tok-nearWords); i <= min(len(s.toks)-1, f.tok+nearWords); i++ {
			if i == f.tok {
				continue
			}
			for _, j := range matched[i] {
				if !seen[j] {
					seen[j] = true
					w += idf[j]
				}
			}
		}
		if w == 0 {
			continue
		}
		near = max(near, min(1, w/of))
		if f.value != "" && !slices.Contains(values, f.value) {
			values = append(values, f.value)
		}
	}
	return spots, near, values, weak
}
