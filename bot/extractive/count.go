package extractive

// This file binds the figure of a "how many" or "how much" answer to what
// the question counts and how. News gives several figures near one topic:
// "employs 940 people", "will take on 45 additional brewers", "treated 11
// children at the roadside and sent 17 to hospital", "a rise of 35
// cents". The answer is the figure that counts the asked noun, in the
// asked way: an increment where the question asks how many more ("how
// many extra teachers"), the total where it does not; the figure said
// with the question's predicate ("taken to hospital": sent to hospital),
// not the one of another predicate in the same sentence; the asked group
// itself ("38 brewers"), not the whole staff ("940 people"); the part
// asked ("3,100 acres ... privately owned") where the coverage gives it,
// not the whole; the measure of the asked thing ("1.9 million
// hectolitres of beer" for "how much beer"); a price, not its rise, and
// a share of a group ("71% of members voting in favour"), not a change
// ("a pay rise of 4 percent").

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
)

// countWant is what a "how many" or "how much" question asks of its
// figure beyond the noun it counts (kindWant.countedWord).
type countWant struct {
	// change is set for "how many more", "how many extra": the figure of
	// an increment or a cut ("45 additional brewers") answers, not a
	// total.
	change bool
	// pred holds the question's predicate as terms: its verb, when it
	// says something ("treated", "rescued"); after a light verb, the
	// noun it takes ("taken to hospital": hospital). The figure said
	// with it is the one asked for.
	pred []qterm
	// amount is set for "how much beer", "how much water": a measure of
	// a thing that is no money, which a quantity "of" it answers.
	amount bool
	// mods are the words that restrict the thing counted ("private" in
	// "how many acres of private land", "intensive" in "how many
	// intensive care beds"), as terms: a figure of the whole ("burned
	// 12,400 acres") does not count the part where the coverage gives it.
	mods []qterm
	// price is set where the question asks what a thing costs, and
	// share where it asks for a part of a whole ("what share of
	// members"): a change ("a fare increase of 15 cents", "a pay rise of
	// 4 percent") answers neither.
	price, share bool
}

// countWanted finds what toks, the words of the question parsed into q,
// ask of a count, the phrase "how many" counts at first..last (-1 for
// none).
func (e *Answerer) countWanted(toks []textWord, q questionInfo, first, last int) countWant {
	lx := e.lexicon
	var c countWant
	if q.margin || q.duration {
		return c
	}
	c.price, c.share = lx.asksPrice(toks), lx.asksShare(toks)
	if first < 0 {
		return c
	}
	c.mods = e.countMods(toks, first, last)
	for k := first; k <= last; k++ {
		c.change = c.change || isComparative(toks[k].lower) && toks[k].lower != "less"
	}
	if q.verb >= 0 && q.terms[q.verb].weight == 1 && !lx.isLightVerb(q.terms[q.verb].word) && !isBe(q.terms[q.verb].word) {
		c.pred = append(c.pred, q.terms[q.verb])
		return c
	}
	// A light verb says little: "taken to hospital" is said as "sent to
	// hospital", "flown to hospital"; the noun it takes is the predicate.
	from := max(0, last+1)
	for k := from; k < len(toks); k++ {
		if !lx.isLightVerb(toks[k].lower) || isAuxiliary(toks[k].lower) && !(k+1 < len(toks) && endsNounPhrase(toks[k+1].lower)) {
			continue
		}
		for j := k + 1; j < len(toks); j++ {
			w := toks[j].lower
			if isDeterminer(w) || isPossessive(w) || j == k+1 && (w == "to" || w == "into") {
				continue // "taken to hospital", "sent home": where to
			}
			if toks[j].upper || !lx.is(w, wcNoun) {
				break
			}
			if t, ok := e.countTerm(toks[j]); ok {
				c.pred = append(c.pred, t)
			}
			break
		}
		break
	}
	return c
}

// countTerm is the word tk as a term of a count.
func (e *Answerer) countTerm(tk textWord) (qterm, bool) {
	st := e.terms.Terms(tk.text)
	if len(st) != 1 {
		return qterm{}, false
	}
	forms, syn, hypo := e.relations(tk.lower, false)
	return qterm{stem: st[0], word: tk.lower, prefix: strings.TrimSuffix(st[0], "i"), forms: forms, syn: syn, hypo: hypo, weight: 1}, true
}

// amountNoun returns the noun of "how much beer", "how much water did it
// use": a thing measured, not money nor a sum of a kind ("how much
// revenue"); -1 for none.
func (lx *lexicon) amountNoun(toks []textWord) int {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower != "how" || toks[i+1].lower != "much" {
			continue
		}
		k := i + 2
		w := toks[k].lower
		if toks[k].upper || toks[k].letters < 2 || isAuxiliary(w) || isCopula(w) || lx.isFunctionWord(w) || !lx.is(w, wcNoun) || lx.is(w, wcMoney|wcPossession|wcMeasure|wcTime|wcVerb) || lx.isMoneyWord(w) {
			return -1
		}
		return k
	}
	return -1
}

// boundFigure returns the figure of s said with the question's
// predicate: the one nearest a word of it, in its clause; -1 when s
// holds none of the predicate.
func (lx *lexicon) boundFigure(q questionInfo, s *passageSentence) int {
	pred := q.want.count.pred
	if len(pred) == 0 {
		return -1
	}
	toks := s.toks
	best, dist := -1, len(toks)
	figures := lx.findNumbers(toks)
	for k, tk := range toks {
		// "voters" is no voting: a person named after the act.
		if !slices.ContainsFunc(pred, func(t qterm) bool {
			return tokenMatches(tk.lower, t) && lx.isPeopleNoun(tk.lower) == lx.isPeopleNoun(t.word)
		}) {
			continue
		}
		for _, f := range figures {
			a, b := min(k, f.tok), max(k, f.tok)
			if a == b || strings.ContainsAny(s.text[toks[a].end:toks[b].start], ";()") {
				continue
			}
			if b-a < dist {
				best, dist = f.tok, b-a
			}
		}
	}
	return best
}

// changeAt reports whether the figure at word i is of an increment or a
// cut: a comparative between it and the noun it counts ("45 additional
// brewers", "60 more"), not "more than 60".
func changeAt(toks []textWord, i int) bool {
	for k := max(0, i-1); k <= min(i+3, len(toks)-1); k++ {
		if k == i {
			continue
		}
		w := toks[k].lower
		if isComparative(w) && !(k+1 < len(toks) && toks[k+1].lower == "than") && !(k < i && (w == "more" || w == "less" || w == "fewer")) {
			return true
		}
		if k > i && (toks[k].digits > 0 || endsNounPhrase(w)) {
			break
		}
	}
	return false
}

// countOther reports whether the figure at word i of s is not the count
// q asks for, by how it counts: an increment where the question asks no
// change and the other way round, a share where a count is asked, a
// figure of another predicate than the question's when the sentence
// says the question's with another figure. licensed is set when the
// figure is the one said with the question's predicate or the change it
// asks: what would otherwise make it another thing's count (a verb
// before it, "sent 17", a comparative, "74 extra") is what it is asked
// by.
func (lx *lexicon) countOther(q questionInfo, s *passageSentence, i int) (other, licensed bool) {
	toks := s.toks
	c := q.want.count
	if q.want.countedWord.stem == "" || q.duration || q.margin || q.want.money {
		return false, false
	}
	if (shareAt(s, i) || lx.sumAt(s, i)) && !lx.is(q.want.countedWord.word, wcMeasure|wcMoney) {
		return true, false // "4.5 percent", "14.20 dollars" count no teachers
	}
	if c.change && changeAt(toks, i) {
		return false, true
	}
	if c.amount && lx.countsNoun(toks, i, q.want.countedWord) {
		return false, true // "dumped 210 millimetres of rain": how much rain
	}
	if k := lx.nounAfter(s, i); k >= 0 && q.want.countedWord.stem != "" && lx.isBody(toks[k].lower) && lx.isTrade(q.want.countedWord.word) &&
		!tokenMatches(toks[k].lower, q.want.countedWord) {
		return true, false // "employs 310 people" counts no ski instructors
	}
	if b := lx.boundFigure(q, s); b >= 0 {
		if b != i {
			// "treated 11 children and sent 17 to hospital": 17 were
			// not treated; but a figure of the asked noun itself may
			// stand further from the predicate.
			return !lx.countsNoun(toks, i, q.want.countedWord), false
		}
		// "sent 17 to hospital": the noun left out is the one asked.
		return c.change && !changeAt(toks, i) && !lx.addsBy(q, s, i), nounElided(s, i) && changeAt(toks, i) == c.change
	}
	if c.change {
		return !lx.addsBy(q, s, i), false // "employs 940 people" is no increment
	}
	return false, false
}

// addsBy reports whether the figure at word i is the object of the
// question's own verb of adding ("will hire 45 brewers" for "how many
// more brewers will it hire"): the verb stands within a few words before
// it.
func (lx *lexicon) addsBy(q questionInfo, s *passageSentence, i int) bool {
	if q.verb < 0 {
		return false
	}
	t := q.terms[q.verb]
	for k := max(0, i-3); k < i; k++ {
		if tokenMatches(s.toks[k].lower, t) {
			return true
		}
	}
	return false
}

// sumAt reports a figure that is a sum of money ("$212 million", "14.20
// dollars"), which counts no things.
func (lx *lexicon) sumAt(s *passageSentence, i int) bool {
	toks := s.toks
	if strings.HasSuffix(strings.TrimRight(s.text[:toks[i].start], " "), "$") {
		return true
	}
	k := i + 1
	for k < len(toks) && (toks[k].lower == "million" || toks[k].lower == "billion" || toks[k].lower == "thousand") {
		k++
	}
	return k < len(toks) && lx.is(toks[k].lower, wcMoney)
}

// shareAt reports a figure that is a share ("64 percent", "41%", "6 per
// cent"), which measures a part, not a count.
func shareAt(s *passageSentence, i int) bool {
	toks := s.toks
	if strings.HasPrefix(s.text[toks[i].end:], "%") {
		return true
	}
	if i+1 < len(toks) && (toks[i+1].lower == "percent" || toks[i+1].lower == "pct") {
		return true
	}
	return i+2 < len(toks) && toks[i+1].lower == "per" && toks[i+2].lower == "cent"
}

// countsNoun reports whether the figure at word i counts the noun t: the
// word after it, or the next but one, stands for t ("45 more
// instructors", "24 intensive care beds"), as a thing of the same sort
// (a brewery is derived from a brewer, but does not count brewers); or
// a measure of it ("1.9 million hectolitres of beer").
func (lx *lexicon) countsNoun(toks []textWord, i int, t qterm) bool {
	people := lx.isPeopleNoun(t.word)
	if i > 1 && (toks[i-1].lower == "to" || toks[i-1].lower == "of") {
		// "bringing its teaching staff to 1,150", "a staff of 120
		// teachers": the noun before says what the figure counts.
		for k := i - 2; k >= max(0, i-4) && !endsNounPhrase(toks[k].lower); k-- {
			if tokenMatches(toks[k].lower, t) && lx.is(toks[k+1].lower, wcNoun) || isFormOf(toks[k], t) {
				return true
			}
		}
	}
	for k := i + 1; k <= min(i+4, len(toks)-1); k++ {
		w := toks[k].lower
		if tokenMatches(w, t) && (lx.isPeopleNoun(w) == people || isFormOf(toks[k], t)) {
			return k <= i+3 || toks[k-1].lower == "of"
		}
		if toks[k].digits > 0 || k > i+1 && w != "of" && endsNounPhrase(w) {
			return false
		}
	}
	return false
}

// isBody reports a noun for a body of people ("people", "staff",
// "workforce"), not for one of them by a trade ("brewer", "pilot").
func (lx *lexicon) isBody(w string) bool {
	return lx.is(w, wcGroup) && !lx.is(w, wcPerson|wcOrganization)
}

// isTrade reports a noun for people by a trade or role ("brewers",
// "pilots", "nurses"), not a body of them.
func (lx *lexicon) isTrade(w string) bool {
	return lx.is(w, wcPerson) && !lx.is(w, wcGroup)
}

// countedFirst keeps, of the candidates for "how many acres of private
// land", those that say private where any does: "burned 12,400 acres"
// counts the whole, not the part asked.
func (e *Answerer) countedFirst(q questionInfo, cands []*scoredSentence) []*scoredSentence {
	mods := q.want.count.mods
	if q.kind != kindNumber || len(mods) == 0 || !slices.ContainsFunc(cands, func(c *scoredSentence) bool { return len(c.values) > 0 && holdsMods(c.s, mods) }) {
		return cands
	}
	return slices.DeleteFunc(cands, func(c *scoredSentence) bool { return !holdsMods(c.s, mods) })
}

// changeSeeds are the words for a change of a quantity, whose WordNet
// relatives ("hike", "boost", "cut", "reduction") name one too.
var changeSeeds = []string{"increase", "decrease", "rise", "fall", "raise", "cut", "change"}

// isChangeWord reports a noun for a change of a quantity ("rise",
// "increase", "hike", "cut").
func (lx *lexicon) isChangeWord(w string) bool {
	for _, l := range lx.th.Lemmas(w) {
		for _, seed := range changeSeeds {
			if l == seed || slices.Contains(lx.th.Related(seed, 's'), l) || slices.Contains(lx.th.Related(l, 's'), seed) {
				return true
			}
		}
	}
	return false
}

// changedSum reports whether the sum at word i is a change of a price or
// the price it changed from, not the price: "9 dollars more", "a rise of
// 35 cents", "up from 29.90 dollars".
func (lx *lexicon) changedSum(toks []textWord, i int) bool {
	if i > 1 && toks[i-1].lower == "of" && lx.isChangeWord(toks[i-2].lower) {
		return true
	}
	if i > 1 && toks[i-1].lower == "from" && (toks[i-2].lower == "up" || toks[i-2].lower == "down") {
		return true
	}
	return changeAfter(lx, toks, i) >= 0
}

// changeAfter returns the index of the comparative after the quantity at
// word i ("9 dollars more", "35 cents higher"), or -1.
func changeAfter(lx *lexicon, toks []textWord, i int) int {
	k := i + 1
	for k < len(toks) && (toks[k].lower == "million" || toks[k].lower == "billion" || toks[k].lower == "thousand") {
		k++
	}
	if k < len(toks) && (lx.is(toks[k].lower, wcMoney|wcMeasure) || toks[k].lower == "percent") {
		k++
	}
	if k < len(toks) && k > i+1 && (isComparative(toks[k].lower) || toks[k].lower == "higher" || toks[k].lower == "lower") &&
		!(k+1 < len(toks) && toks[k+1].lower == "than") {
		return k
	}
	return -1
}

// findChanges finds the differences written without "by": "9 dollars
// more", "a rise of 35 cents", "an increase of 15 cents", which answer
// "by how much".
func (lx *lexicon) findChanges(toks []textWord) []answerSpot {
	var out []answerSpot
	for i := range toks {
		if toks[i].digits == 0 || i > 0 && toks[i-1].lower == "by" {
			continue
		}
		of := i > 1 && toks[i-1].lower == "of" && lx.isChangeWord(toks[i-2].lower)
		if !of && changeAfter(lx, toks, i) < 0 {
			continue
		}
		if v, _ := numberAt(toks, i); v != "" {
			out = append(out, answerSpot{tok: i, value: v})
		}
	}
	return out
}

// isFormOf reports whether tk is t's word in another form: its stem, or
// an irregular form ("children", "child").
func isFormOf(tk textWord, t qterm) bool {
	st := retrieval.Terms(tk.text)
	return len(st) == 1 && (st[0] == t.stem || slices.Contains(t.forms, st[0]))
}

// nounElided reports a figure whose noun is left out, said by the
// sentence before or by the question: "sent 17 to hospital", "31
// withdrew", "the toll rose to 12.".
func nounElided(s *passageSentence, i int) bool {
	toks := s.toks
	if i+1 >= len(toks) || strings.ContainsAny(s.text[toks[i].end:toks[i+1].start], ",;:.()") {
		return true
	}
	w := toks[i+1].lower
	return endsNounPhrase(w) && w != "of" || strings.HasSuffix(w, "ed")
}

// opensNewThing reports whether s opens on a thing of its own other than
// t ("A 24-bottle case of Kettleby Gold will cost 31.50 dollars"): an
// indefinite noun phrase brings in a new thing, which the sum is of, not
// the one the sentence before spoke of (t, a keg).
func (e *Answerer) opensNewThing(s *passageSentence, t qterm) bool {
	toks := s.toks
	if len(toks) < 2 || toks[0].lower != "a" && toks[0].lower != "an" {
		return false
	}
	for k := 1; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		if tokenMatches(toks[k].lower, t) {
			return false
		}
		if e.lexicon.is(toks[k].lower, wcVerb) && !e.lexicon.is(toks[k].lower, wcNoun) {
			break
		}
	}
	return true
}

// countMods returns, as terms, the words that restrict the thing counted
// at toks[first:last+1]: adjectives before its noun ("private",
// "organic", "intensive") and in the "of" phrase after it ("acres of
// private land"), not comparatives nor words of time or people, which
// other rules weigh.
func (e *Answerer) countMods(toks []textWord, first, last int) []qterm {
	lx := e.lexicon
	idx := []int{}
	for k := first; k < last; k++ {
		idx = append(idx, k)
	}
	if last+2 < len(toks) && toks[last+1].lower == "of" {
		for k := last + 2; k+1 < len(toks) && !endsNounPhrase(toks[k+1].lower) && !isAuxiliary(toks[k+1].lower); k++ {
			idx = append(idx, k) // "acres of private land": private
		}
	}
	var out []qterm
	for _, k := range idx {
		w := toks[k].lower
		if toks[k].upper || isComparative(w) || isDeterminer(w) || lx.is(w, wcTimespan) || !lx.is(w, wcAdjective) || lx.is(w, wcPastForm) {
			continue
		}
		if t, ok := e.countTerm(toks[k]); ok {
			out = append(out, t)
		}
	}
	return out
}

// holdsMods reports whether s holds a word for each restricting word of
// the count, or one derived from it ("privately" for "private").
func holdsMods(s *passageSentence, mods []qterm) bool {
	for _, m := range mods {
		if !slices.ContainsFunc(s.toks, func(tk textWord) bool { return tokenMatches(tk.lower, m) }) {
			return false
		}
	}
	return true
}

// asksPrice reports a question for what a thing costs ("how much does a
// pass cost", "what does a monthly pass cost now", "what is the fare"),
// not for how much it rose: it names a cost or its verb and no change.
func (lx *lexicon) asksPrice(toks []textWord) bool {
	price := false
	for _, tk := range toks {
		if lx.isChangeWord(tk.lower) || tk.lower == "by" || tk.lower == "up" || tk.lower == "down" {
			return false
		}
		price = price || tk.lower == "cost" || tk.lower == "costs" || lx.isCostOf(tk.lower)
	}
	return price
}

// asksShare reports "what share of", "what percentage of", "what
// proportion of": a part of a whole, in a word of WordNet's measures.
func (lx *lexicon) asksShare(toks []textWord) bool {
	for i := 0; i+2 < len(toks); i++ {
		if (toks[i].lower == "what" || toks[i].lower == "which") && toks[i+2].lower == "of" && lx.is(toks[i+1].lower, wcMeasure|wcPossession) && !lx.is(toks[i+1].lower, wcMoney) {
			return true
		}
	}
	return false
}

// changeFigure reports whether the figure at word i is a change of a
// quantity, not the quantity or a part of it: "rose by 4 percent", "a pay
// rise of 4 percent", "9 dollars more", "up from 29.90 dollars".
func (lx *lexicon) changeFigure(toks []textWord, i int) bool {
	if i > 1 && toks[i-1].lower == "by" && lx.isChangeWord(toks[i-2].lower) {
		return true // "rose by 4 percent", not "voted by 71 percent"
	}
	return lx.changedSum(toks, i)
}

// onlyChanges reports whether every figure s gives is a change ("a fare
// increase of 15 cents"): no price, and no share of a whole.
func (lx *lexicon) onlyChanges(s *passageSentence) bool {
	figures := lx.findNumbers(s.toks)
	return len(figures) > 0 && !slices.ContainsFunc(figures, func(f answerSpot) bool { return !lx.changeFigure(s.toks, f.tok) })
}
