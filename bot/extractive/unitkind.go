package extractive

// This file reads the kind of figure a quantity question expects from
// WordNet, and finds it in a sentence. "How heavy was the bell?" asks for
// a weight, and a weight is given in a unit of weight: a sentence giving
// the bell's height in metres, or what recasting it cost, does not
// answer it. The units are WordNet's, in families below "unit of
// measurement" (tonne, kilogram: weight and mass; mile, metre: length and
// distance; litre, gallon: volume and liquid; megawatt: power); the words
// that ask for one are WordNet's too: the measured noun and its kinds
// ("weight", "height", "electricity"), the adjectives whose attribute it
// is ("heavy", "far", "tall" through height) and the verbs of a state
// whose gloss names it ("weigh": have a certain weight). See
// retrieval/thesaurus/gen.go.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// askedUnits returns the measures (by the names thesaurus.Measures
// gives) of which q, written toks, asks a figure, and the indexes in toks
// of the words that ask for it; nil when it asks for none in particular:
// a count, a span of time, a sum of money (gate.go's sum) or no figure.
func (e *Answerer) askedUnits(toks []textWord, q questionInfo) (measures []string, at []int) {
	th := e.lexicon.th
	if th == nil || q.yesno || q.margin || q.duration || q.kind != kindNumber && q.kind != kindAny {
		return nil, nil // "how long" asks a length or a span: measure.go's
	}
	money := q.money || q.want.money
	add := func(i int, ms []string) {
		if len(ms) == 0 || slices.Contains(ms, "money") {
			return // a sum: the sum check's (sumBound)
		}
		for _, m := range ms {
			if !slices.Contains(measures, m) {
				measures = append(measures, m)
			}
		}
		at = append(at, i)
	}
	for i, tk := range toks {
		if tk.lower != "how" || i+1 >= len(toks) {
			continue
		}
		switch next := toks[i+1].lower; {
		case next == "much" || next == "many":
			// "How much water", "how much new bronze": the noun of the
			// phrase after it says what is measured, even where its verb
			// pays ("how much water does the town buy").
			if k := e.lexicon.lastOfPhrase(toks, i+2); k >= 0 {
				add(k, e.asksOf(toks[k].lower, false))
			}
		case !money:
			add(i+1, e.adjectiveAsks(next))
		}
	}
	if money {
		return measures, at
	}
	if head, _ := e.lexicon.headNoun(toks); head >= 0 && !toks[head].upper && !slices.Contains(at, head) && !slices.ContainsFunc(toks, func(tk textWord) bool { return tk.lower == "how" }) {
		// "What was its weight?": the noun asked is the measure. In
		// "how large is the NATO force" it is the thing measured.
		add(head, e.asksOf(toks[head].lower, false))
	}
	if q.verb >= 0 {
		// "What does the bell weigh?": the verb asks for a measure.
		v := q.terms[q.verb]
		if i := slices.IndexFunc(toks, func(tk textWord) bool { return tk.lower == v.word }); i >= 0 {
			for _, l := range th.Lemmas(v.word) {
				add(i, th.AsksByVerb(l))
			}
		}
	}
	return measures, at
}

// adjectiveAsks returns the measure "how ADJ" asks: the one the
// adjective or its attributes in WordNet ask for ("far": distance;
// "heavy": weight; "tall": height, a length), an attribute that names a
// family of units asking for that family alone; none for several ("how
// loud": loudness, intensity and a volume).
func (e *Answerer) adjectiveAsks(adj string) []string {
	th := e.lexicon.th
	var ms []string
	add := func(m string) {
		if !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	for _, l := range append(th.Lemmas(adj), adj) {
		for _, m := range th.Asks(l) {
			add(m)
		}
		for _, a := range th.Related(l, thesaurus.Attr) {
			if slices.Contains(th.Asks(a), a) {
				add(a) // "distance" names its units' family
				continue
			}
			for _, m := range th.Asks(a) {
				add(m)
			}
		}
	}
	if len(ms) != 1 {
		return nil // "how loud": a volume of sound, not of litres
	}
	return ms
}

// asksOf returns the measures the word w asks for, in its base forms;
// with attr, those of the attributes WordNet gives an adjective ("tall":
// height). A word of time ("duration") asks for a span, not a length.
func (e *Answerer) asksOf(w string, attr bool) []string {
	th := e.lexicon.th
	if e.lexicon.is(w, wcTime|wcTimespan|wcTimeUnit) {
		return nil
	}
	var out []string
	add := func(ms []string) {
		for _, m := range ms {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	for _, l := range append(th.Lemmas(w), w) {
		add(th.Asks(l))
		if attr {
			for _, a := range th.Related(l, thesaurus.Attr) {
				add(th.Asks(a))
			}
		}
	}
	return out
}

// unitsAt returns what the unit after the figure at word i of s measures
// ("4.2 tonnes": weight, mass), reading on over the words of its scale
// ("1.9 million litres") and taking a unit of two words first ("nautical
// miles", "kilowatt hours"), and the unit's last word.
func (lx *lexicon) unitsAt(s *passageSentence, i int) (measures []string, end int) {
	toks := s.toks
	k := i + 1
	for k < len(toks) && (numberWordValue(toks[k].lower) >= 100 || toks[k].digits > 0 && toks[k].letters == 0) {
		k++ // "1.9 million litres", "2 1/2 tonnes"
	}
	if k >= len(toks) {
		return nil, i
	}
	if gap := ""; k+1 < len(toks) {
		if gap = s.text[toks[k].end:toks[k+1].start]; gap == " " || gap == "-" {
			if ms := lx.measuresOf(toks[k].lower + " " + toks[k+1].lower); len(ms) > 0 {
				return ms, k + 1
			}
		}
	}
	return lx.measuresOf(toks[k].lower), k
}

// measuresOf returns what the unit word or phrase w measures, in its
// base forms. A phrase WordNet lacks is read by a like one it has: a
// "megawatt hour" measures what a "kilowatt hour" does, a unit of the
// same measures before the same word.
func (lx *lexicon) measuresOf(w string) []string {
	th := lx.th
	if th == nil || len(w) < 2 || lx.isFunctionWord(w) {
		return nil // "half a tone": "a" is no angstrom
	}
	for _, l := range th.Lemmas(w) {
		if ms := th.Measures(l); len(ms) > 0 {
			return ms
		}
	}
	first, last, ok := strings.Cut(w, " ")
	if !ok {
		return nil
	}
	firsts := lx.measuresOf(first)
	if len(firsts) == 0 {
		return nil
	}
	for _, l := range append(th.Lemmas(last), last) {
		for _, p := range th.Compounds(l) {
			f, _, _ := strings.Cut(p, " ")
			if ms := th.Measures(p); len(ms) > 0 && slices.Equal(th.Measures(f), firsts) {
				return ms
			}
		}
	}
	return nil
}

// unitBound reports whether s gives a figure in a unit of one of the
// measures asked, said of what the question asks the measure of: a
// noun of it (or, when it names none, a name) before the figure ("The
// bell, cast in 1784, weighs 4.2 tonnes"), not only after it ("The bell
// weighs 2.1 tonnes and its clapper is 90 centimetres long"; "The new
// bell weighs 4.5 tonnes, more than the cracked bell"), or in the title
// of a story whose sentence does not name it ("The 38-metre tower"); or
// the figure is of the very thing asked ("2,400 litres of water" for
// "how much water").
func (e *Answerer) unitBound(q questionInfo, measures []string, at []int, toks []textWord, s *passageSentence) bool {
	asking := map[string]bool{}
	for _, i := range at {
		asking[toks[i].lower] = true
	}
	skip := func(t qterm) bool { return asking[t.word] || e.lexicon.isUnitWord(t.word) }
	var things, names []qterm
	for j, t := range q.terms {
		switch {
		case skip(t) || t.weight < 1 || j == q.verb:
		case t.name || t.capital:
			names = append(names, t)
		case e.nounTerm(t.word):
			things = append(things, t)
		}
	}
	if len(things) == 0 {
		things = names // "How far did Old Tam travel?"
	}
	if k := e.measuredThing(toks, q, at); k >= 0 {
		// What the measure is of: "the pipe" of "how long is the pipe
		// that carries water to the turbines", not the water.
		if i := slices.IndexFunc(q.terms, func(t qterm) bool { return thingMatches(toks[k].lower, t) }); i >= 0 {
			things = []qterm{q.terms[i]}
		}
	}
	isThing := func(tk textWord) bool {
		return slices.ContainsFunc(things, func(t qterm) bool { return thingMatches(tk.lower, t) })
	}
	thing := func(k int) bool { return isThing(s.toks[k]) }
	inTitle := slices.ContainsFunc(splitWords(s.title), isThing)
	near := inTitle || slices.ContainsFunc(s.toks, isThing) || s.prev != nil && slices.ContainsFunc(s.prev.toks, isThing)
	for _, sp := range e.findNumbers(s.toks) {
		ms, end := e.lexicon.unitsAt(s, sp.tok)
		if !slices.ContainsFunc(ms, func(m string) bool { return slices.Contains(measures, m) }) {
			continue
		}
		if of := e.partitive(s, end); of >= 0 {
			// "300 kilograms of new bronze" weighs the bronze, not the
			// bell; "2,400 litres of water" is the water asked.
			if asking[s.toks[of].lower] && (len(things) == 0 || near) || thing(of) {
				return true // of the plant's, said here or just before
			}
			continue
		}
		if len(things) == 0 {
			return true
		}
		if slices.ContainsFunc(s.toks[:sp.tok], isThing) {
			return true
		}
		if inTitle && !slices.ContainsFunc(s.toks, isThing) {
			return true // "The 38-metre tower" in the story on the lighthouse
		}
		// "The bell was cast in 1784. It weighs 4.2 tonnes", "Q: How
		// cold does the camera have to be? A: Minus 110 degrees": a
		// sentence that names nothing before its figure goes on with
		// the sentence before.
		if s.prev != nil && !slices.ContainsFunc(s.toks[:sp.tok], func(tk textWord) bool {
			return len(tk.lower) > 1 && !isPronoun(tk.lower) && !e.lexicon.isFunctionWord(tk.lower) && e.nounTerm(tk.lower)
		}) && slices.ContainsFunc(s.prev.toks, isThing) {
			return true
		}
	}
	return false
}

// thingMatches reports whether a word of a sentence is the question's
// term t, in one of its forms or single-word synonyms: not a word of a
// phrase under it ("water" of "water pipe" is no pipe).
func thingMatches(lower string, t qterm) bool {
	return lower == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(lower, t.prefix) || slices.Contains(t.forms, lower) || slices.Contains(t.syn, lower)
}

// partitive returns the noun of the "of" phrase after the unit ending at
// word end of s ("kilograms of new bronze": bronze), -1 for none.
func (e *Answerer) partitive(s *passageSentence, end int) int {
	toks := s.toks
	if end+2 >= len(toks) || toks[end+1].lower != "of" || s.text[toks[end].end:toks[end+1].start] != " " {
		return -1
	}
	for k := end + 2; k < min(end+5, len(toks)); k++ {
		if isDeterminer(toks[k].lower) || e.lexicon.pos(toks[k].lower) == wcAdjective {
			continue
		}
		if e.nounTerm(toks[k].lower) || toks[k].upper {
			return k
		}
		break
	}
	return -1
}

// measuredThing returns the index in toks of the noun whose measure the
// question asks: the head of the phrase after its auxiliary or copula
// ("how heavy was the cracked bell", "what does the bell weigh", "how
// much water does the plant take"), or of the "of" phrase of the noun
// that asks ("the weight of the bell"); -1 for none.
func (e *Answerer) measuredThing(toks []textWord, q questionInfo, at []int) int {
	lx := e.lexicon
	start, verbFollows := -1, false
	if head, of := lx.headNoun(toks); head >= 0 && of >= 0 && slices.Contains(at, head) {
		start = of
	} else {
		aux := slices.IndexFunc(toks, func(tk textWord) bool { return isAuxiliary(tk.lower) || isCopula(tk.lower) })
		// After "did", "does", "will" the subject is followed by its
		// verb; after "is", "was" it ends the question.
		start, verbFollows = aux+1, aux >= 0 && !isCopula(toks[aux].lower)
	}
	if start <= 0 || start >= len(toks) {
		return -1
	}
	last := lx.lastOfPhrase(toks, start)
	if next := last + 1; verbFollows && last > start && (next >= len(toks) || !isAuxiliary(toks[next].lower) && !isCopula(toks[next].lower) && toks[next].lower != "be") {
		// "the plant take out", "the bell hang", "Old Tam travel": the
		// verb and its particle end the phrase, unless a verb of its own
		// ends it ("the camera be kept").
		if isParticle(toks[last].lower) && last-1 > start {
			last--
		}
		last--
	}
	for last > start && slices.Contains(at, last) {
		last--
	}
	if last < start || slices.Contains(at, last) {
		return -1
	}
	return last
}

// nounTerm reports a word that is mostly a noun in WordNet ("bell",
// "pipe"), not an adjective ("cracked", "old") nor a verb ("travel").
func (e *Answerer) nounTerm(w string) bool {
	th := e.lexicon.th
	return slices.ContainsFunc(th.Lemmas(w), func(l string) bool { return e.lexicon.pos(l) == wcNoun })
}

// isUnitWord reports a unit of measure ("tonnes", "metres"): a word of
// the answer, not of what the question is about.
func (lx *lexicon) isUnitWord(w string) bool { return len(lx.measuresOf(w)) > 0 }

// holdsUnit reports whether s gives a figure in a unit of one of
// measures: what stands in a sentence for the word that asks for it
// ("heavy": "weighs 4.2 tonnes").
func (lx *lexicon) holdsUnit(s *passageSentence, measures []string) bool {
	for _, sp := range lx.findNumbers(s.toks) {
		if ms, _ := lx.unitsAt(s, sp.tok); slices.ContainsFunc(ms, func(m string) bool { return slices.Contains(measures, m) }) {
			return true
		}
	}
	return false
}

// inAskedUnit reports whether the figure at word i of s is in a unit of
// a measure q asks (markUnits): the answer's kind, whatever it counts.
func (lx *lexicon) inAskedUnit(q questionInfo, s *passageSentence, i int) bool {
	for _, t := range q.terms {
		if t.measured == measureUnit {
			ms, _ := lx.unitsAt(s, i)
			if slices.ContainsFunc(ms, func(m string) bool { return slices.Contains(strings.Split(t.units, "|"), m) }) {
				return true
			}
		}
	}
	return false
}

// markUnits marks the words of q that ask for a figure in a unit
// (askedUnits): a sentence giving one holds them ("heavy" in "weighs 4.2
// tonnes"), and the question asks for no sum of money ("how much water
// does the plant take" is answered in litres) and counts nothing.
func (e *Answerer) markUnits(q *questionInfo, toks []textWord) {
	ms, at := e.askedUnits(toks, *q)
	if len(ms) == 0 {
		return
	}
	q.money, q.want.money, q.want.measure = false, false, -1
	// "How much power": "12 megawatts" counts no power, it measures it.
	q.want.countedWord, q.want.rivals = qterm{}, nil
	for _, i := range at {
		for j := range q.terms {
			if q.terms[j].measured == measureNone && tokenMatches(toks[i].lower, q.terms[j]) {
				q.terms[j].measured = measureUnit
				q.terms[j].units = strings.Join(ms, "|")
			}
		}
	}
}
