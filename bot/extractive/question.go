package extractive

// This file reads a question: what it asks for, its key terms and
// the verb its answer must state.

import (
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// relations returns the stems of the words a question's word (or
// phrase) may stand for in the coverage: its other forms ("sent" for
// "send"), which count in full, and the words derived from it ("decision"
// for "decide", "Afghanistan" for "Afghan"), which count as
// SynonymCredit, and its synonyms in its frequent senses ("quake" for
// "earthquake"), which count as SynonymCredit too, all from the
// thesaurus (WordNet).
//
// hypo lists those of syn that are only more particular words (hyponyms,
// "kill" for "profit"): they stand for the word, but do not prove that the
// passages speak of it.
func (e *Answerer) relations(word string, name bool) (forms, syn, hypo []string) {
	key := word
	if name {
		key += "\x00"
	}
	e.relMu.Lock()
	r, ok := e.rel[key]
	e.relMu.Unlock()
	if ok {
		return r[0], r[1], r[2]
	}
	own := map[string]bool{}
	if ts := e.terms.Terms(word); strings.Contains(word, " ") {
		own[strings.Join(ts, " ")] = true // a phrase is one term
	} else {
		for _, st := range ts {
			own[st] = true
		}
	}
	stemOf := func(w string) string {
		ts := e.terms.Terms(w)
		if len(ts) == 0 {
			return ""
		}
		return strings.Join(ts, " ")
	}
	add := func(list []string, w string) []string {
		st := stemOf(w)
		if st == "" || own[st] || slices.Contains(list, st) {
			return list
		}
		return append(list, st)
	}
	if th := e.th; th != nil {
		lemmas := th.Lemmas(word)
		if e.is(word, wcPastForm|wcIngForm) {
			// "led" is "lead", not a light-emitting diode.
			lemmas = slices.DeleteFunc(lemmas, func(l string) bool { return !th.In(l, thesaurus.HasVerb) })
		}
		for _, l := range lemmas {
			forms = add(forms, l)
			for _, f := range th.Related(l, thesaurus.Form) {
				forms = add(forms, f)
			}
		}
		kinds := []byte{thesaurus.Derived, thesaurus.Synonym}
		if name {
			kinds = kinds[:1] // "Chile" is "Chilean", but "Acme" no summit
		}
		for _, l := range lemmas {
			for _, o := range th.Related(l, kinds...) {
				if st := stemOf(o); st != "" && !slices.Contains(forms, st) {
					syn = add(syn, o)
				}
			}
			if name {
				// News names a country by its capital: "Ottawa" for
				// Canada, "Paris" for France.
				for _, p := range append([]string{l}, th.Related(l, thesaurus.Derived)...) {
					for _, o := range th.Related("capital of "+p, thesaurus.Synonym) {
						syn = add(syn, o)
					}
				}
			}
			if name {
				continue
			}
			// A more particular word: "spokesman" for "spokesperson".
			for _, o := range th.Hyponyms(l) {
				if st := stemOf(o); st != "" && !slices.Contains(forms, st) && !slices.Contains(syn, st) {
					syn = add(syn, o)
					hypo = append(hypo, st)
				}
			}
			// Two steps of derivation, from a noun through its verb to
			// another noun: "opposition", oppose, "opponents".
			if e.pos(l) != wcNoun {
				continue
			}
			// A kind of it that one word names: "gross revenue" is
			// sales, "net income" earnings (of a noun the question
			// writes as one: "stationed" is no station).
			if isParticiple(word) {
				continue
			}
			for _, p := range th.Compounds(l) {
				for _, o := range th.Related(p, thesaurus.Synonym) {
					if !strings.Contains(o, " ") && e.pos(o) == wcNoun {
						syn = add(syn, o)
					}
				}
			}
			for _, o := range th.Related(l, thesaurus.Derived) {
				if e.pos(o) != wcVerb {
					continue
				}
				for _, d := range th.Related(o, thesaurus.Derived) {
					if e.pos(d) != wcNoun {
						continue
					}
					if st := stemOf(d); st != "" && !slices.Contains(forms, st) {
						syn = add(syn, d)
					}
				}
			}
		}
	}
	e.relMu.Lock()
	e.rel[key] = [3][]string{forms, syn, hypo}
	e.relMu.Unlock()
	return forms, syn, hypo
}

// baseStems returns the stems of the base forms of an irregular form
// ("broke" -> "break", "men" -> "man"), whose stems differ from its own;
// none for a regular one, whose stem is its base's already.
func (e *Answerer) baseStems(w string) []string {
	if len(w) < 3 || e.th == nil {
		return nil
	}
	return e.cachedStems(w+"\x01", func() []string { return e.bases(w) })
}

// cachedStems returns the stems f gives, once per key: sentences repeat
// their words across questions.
func (e *Answerer) cachedStems(key string, f func() []string) []string {
	e.relMu.Lock()
	r, ok := e.rel[key]
	e.relMu.Unlock()
	if ok {
		return r[0]
	}
	out := f()
	e.relMu.Lock()
	e.rel[key] = [3][]string{out}
	e.relMu.Unlock()
	return out
}

// bases is baseStems without its cache.
func (e *Answerer) bases(w string) []string {
	own := e.terms.Terms(w)
	var out []string
	// The thesaurus links forms both ways: a word that is a verb of its
	// own ("find", "found") is its own base.
	if len(own) == 1 && !e.th.In(w, thesaurus.HasVerb) {
		for _, l := range e.th.Lemmas(w) {
			if l == w || strings.Contains(l, " ") || !e.th.In(l, thesaurus.HasVerb) && !e.th.In(l, thesaurus.Noun) || !slices.Contains(e.th.Related(l, thesaurus.Form), w) {
				continue
			}
			for _, st := range e.terms.Terms(l) {
				if st != own[0] && !slices.Contains(out, st) {
					out = append(out, st)
				}
			}
		}
	}
	return out
}

// focus returns the index in q.terms of the term the answer must stand
// next to: the counted noun of "how many", the verb of "when" and
// "where" ("when did France decide"); -1 for none.
func (q questionInfo) focus() int {
	switch q.kind {
	case kindNumber:
		for j, t := range q.terms {
			if t.head {
				return j
			}
		}
	case kindDate, kindPlace:
		return q.verb
	}
	return -1
}

// asksDuration reports whether the question asks for a span of time: "how
// long", "how much time", "how many years".
func (lx *lexicon) asksDuration(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "how" {
			continue
		}
		switch next := toks[i+1].lower; {
		case next == "long":
			return true
		case (next == "much" || next == "many") && i+2 < len(toks) && lx.isTimeUnit(toks[i+2].lower):
			return true
		}
	}
	return false
}

// asksHowMuch reports whether the question asks "how much".
func asksHowMuch(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "much" {
			return true
		}
	}
	return false
}

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindNumber
	kindDate
	kindPlace
	kindReason
)

func (k answerKind) String() string {
	return [...]string{"any", "person", "number", "date", "place", "reason"}[k]
}

// questionInfo is a question reduced to what it asks for and its key terms.
type questionInfo struct {
	kind   answerKind
	money  bool // a number question about money ("how much does it cost")
	author bool // asks who wrote or reported the story
	photo  bool // asks about a picture: captions answer it
	// duration is set for "how long" and "how much time": a span of time,
	// or since when, answers it, not any figure.
	duration bool
	// verb is the index in terms of the question's main verb ("did France
	// decide", "have been wounded"), or -1; passive, past and negated
	// ("had not decided") describe it.
	verb                   int
	passive, past, negated bool
	// asked is the index in terms of the noun right after "what" or
	// "which" ("what raise did the dockworkers get"), or -1: a sentence
	// holding it, in an article holding the rest, is on the question.
	asked int
	words map[string]bool // its words, lower-cased: a name it holds is not the answer
	// whoVerb is set for "who VERB ...?" ("who directed X"): the answer
	// must say who did it.
	whoVerb bool
	// agent is the index in terms of the verb of "who VERB X?", also a
	// light one ("who runs"), or -1.
	agent  int
	yesno  bool // "Did Canada agree ...?": the evidence for and against answers it
	origin bool // "Where is X from?": where they were born or grew up answers it
	still  bool // "Is X still racing?": the latest report answers it
	terms  []qterm
	// period is the quarter the question asks about, if any.
	period period
	// counted is the index in terms of the noun "how many" counts, or -1.
	counted int
	// margin is set for "by how much": the difference, written "by 42
	// seconds", answers it.
	margin bool
	want   kindWant // the kind and measure asked for beyond kind (kind.go)
	// asOf is the day a question asks how things stood on ("by March 9"):
	// a report of that day holds it (see asOfDay).
	asOf day
}

// qterm is a key term of a question.
type qterm struct {
	stem   string   // as retrieval.Terms gives it
	word   string   // as the question writes it, lower-cased (a phrase's words, spaced)
	prefix string   // the stem as it begins the written word ("februari" -> "februar")
	forms  []string // stems of its irregular forms
	syn    []string // stems of synonyms
	hypo   []string // those of syn that are hyponyms only
	name   bool     // from a proper noun: the passages must hold it
	head   bool     // the noun the question asks about: the passages must hold it or a synonym
	// complement is set on the words of the head's "of" phrase ("the
	// president of Afghanistan"): a sentence must hold one of them with
	// the head to answer.
	complement bool
	weight     float64 // 1, or contextWeight for the setting of the question ("in Afghanistan")
	role       bool    // names the kind of person asked for ("which official"): any title stands for it
	// title is set on an office the question is about ("what did the
	// premier say"): like a name, the answering article must hold it, or
	// a synonym; a premier's words are not anyone's.
	title bool
	// figure is set on a year or number the question states ("in 2018"):
	// the passages must hold it as written.
	figure bool
	// acronym is set on a word written in capitals ("NDP"): the words
	// it abbreviates ("New Democratic Party") stand for it.
	acronym bool
	// amount is set on a word of "how much ... cost" ("cost", "pay"): a
	// sum of money stands for it.
	amount bool
	// when is set on the verb of "when ... start" ("start", "open"): a
	// date stands for it, since it is what the date is of.
	when bool
	// pred is set on the words of a yes/no question's predicate, its
	// verb and what follows ("Will Acme cut jobs?": cut, jobs): what a
	// sentence must speak of to say yes or no, beyond naming the subject
	// (the names before it).
	pred bool
	// predCore is set on the predicate's verb and the last word of its
	// object ("accept the first offer": accept, offer), which a sentence
	// must hold to speak of it: "her first concert" does not.
	predCore bool
	// predVerb and predObj are set on the predicate's verb and on the
	// last word of its object when it has one with a determiner ("accept
	// the first offer": accept; offer), which names a thing the answer
	// must speak of.
	predVerb, predObj bool
	// aside is set on the words of a yes/no question's phrase of reason
	// or condition after its predicate ("close because of the grant
	// cut"): they are no part of its subject.
	aside bool
	// given is set on a name followed by another ("Callum" of "Callum
	// Dearlove"): a given name, which an article that has given the full
	// name leaves out.
	given bool
	// anto lists the stems of the words opposite to a predicate's word
	// ("lose" for "win", "fall" for "grow"): a sentence holding one says
	// no.
	anto []string
	// object is set on the words after the verb of "who VERB X?" ("Who
	// runs the festival?": festival): the thing a person's office may be
	// of ("the festival director Ana Reis").
	object bool
	// capital is set on a word the question capitalises inside it
	// ("Skerry Air"): part of a name, though no name on its own.
	capital bool
	// period is set on the words that name the quarter asked about
	// ("the fourth quarter of 2023", "Q1"): a sentence naming that quarter
	// in any words holds them.
	period bool
	// month and monthYear are set on a month the question names with a
	// year ("in February 2023"): an article of that month holds it.
	month     time.Month
	monthYear int
	day       int // and a day ("on May 12"), which may come without a year
	// qualifier is set on a name in a phrase that says which of the
	// thing asked about ("a ticket for the Corn Exchange concerts"):
	// the answer must name it beside the thing, not only elsewhere in
	// its article.
	qualifier bool
	// required is set on a phrase that holds a name ("Romania's
	// capital"): some passage must hold it, or what it stands for
	// ("Bucharest"), as a name must be.
	required bool
	// thing is set on the words of the object of the question's verb,
	// the thing asked about (asked.go).
	thing int
	// years are the years of the articles that name the edition an
	// ordinal term asks about ("the 15th regatta"), set by editionYears:
	// an article of such a year that numbers no edition itself (in
	// numbered) is of that edition.
	years    []int
	numbered map[string]bool
	// series is set on a numbered name ("Lumen-2", "Unit 3"), which a
	// sentence must hold with its number (numbered.go); seriesLead is
	// the number of that name each article names first.
	series     bool
	seriesLead map[string]int
	// about is set on the words of what someone said something about
	// ("What did Dupont say about the weather?").
	about bool
}

// lightWeight is the weight of a verb that says little ("go", "take"):
// sentences hold such verbs in any sense.
const lightWeight = 0.3

// contextWeight is the weight of the question's terms that only set the
// scene ("What number of troops does France have in Afghanistan?"): the
// answer must be about France; Afghanistan is where most sentences are.
const contextWeight = 0.6

func (e *Answerer) parseQuestion(text string) questionInfo {
	lx := e.lexicon
	toks := splitWords(text)
	kind, marker := lx.questionType(toks)
	q := questionInfo{kind: kind, words: make(map[string]bool)}
	// "How much" asks for money when it names money or a unit of it, or
	// what it asks about or its verb is had or paid ("how much ransom",
	// "how much will it cost"); "how much did profit increase" asks how
	// much more.
	q.money = asksHowMuch(toks) && slices.ContainsFunc(toks, func(w textWord) bool { return lx.is(w.lower, wcMoney) })
	for _, tk := range toks {
		q.words[tk.lower] = true
	}
	q.author = q.kind == kindPerson && lx.asksAuthor(commonWords(toks))
	q.duration = lx.asksDuration(toks)
	q.photo = slices.ContainsFunc(toks, func(tk textWord) bool { return lx.isPictureWord(tk.lower) })
	head, of := lx.headNoun(toks)
	// "How much did she win?" asks for money; "By how much did she
	// win?" for the margin.
	q.margin = len(toks) > 2 && toks[0].lower == "by" && toks[1].lower == "how" && (toks[2].lower == "much" || toks[2].lower == "many")
	q.money = q.money && !q.margin
	if verb, _, _ := lx.predicate(toks); asksHowMuch(toks) && !q.money && !q.margin {
		q.money = head >= 0 && lx.isMoneyWord(toks[head].lower) || verb >= 0 && lx.isMoneyWord(toks[verb].lower)
	}
	complement := make([]bool, len(toks)) // the words of "of Toronto"
	if of >= 0 {
		for k := of; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
			complement[k] = true
		}
	}
	index := make(map[string]int) // stem -> position in q.terms
	context := lx.setting(toks)
	verb, passive, past := lx.predicate(toks)
	if head < 0 && verb >= 0 && q.kind == kindPerson && lx.agentVerb(toks[verb].lower) {
		// "Who leads the Canadian army?" asks for the leader of the army:
		// the verb and the noun of its object must go together. A named
		// object ("Who leads Acme?") is what its story is about.
		if obj := lx.lastOfPhrase(toks, verb+1); obj > verb && !toks[obj].upper {
			head = verb
			complement[obj] = true
		}
	}
	q.verb, q.passive, q.past = -1, passive, past
	q.whoVerb = verb == 1 && toks[0].lower == "who"
	q.yesno = isYesNo(toks)
	predFrom, predTo := -1, -1 // a yes/no question's predicate
	if q.yesno {
		predFrom, predTo = lx.predicateOf(toks, verb)
	}
	q.still = q.yesno && asksStill(toks)
	q.origin = q.kind == kindPlace && asksOrigin(toks)
	if q.yesno {
		// "Has France decided where to send its troops?" asks whether,
		// not where: the evidence either way answers it.
		q.kind = kindAny
	}
	q.asked, q.counted, q.agent = -1, -1, -1
	asked := lx.askedNoun(toks, marker)
	counted := countedNoun(toks)
	q.negated = verb >= 0 && negatedAt(toks, verb)
	periodTok := make([]bool, len(toks))
	if ps := periodsIn(toks); len(ps) > 0 {
		q.period = ps[0].period
		for k := ps[0].first; k <= ps[0].last; k++ {
			periodTok[k] = true
		}
	}
	month, monthYear, monthAt := askedMonth(toks)
	q.asOf = asOfDay(toks)
	var thing []int
	if (kind == kindPerson || kind == kindAny) && !q.author && !asksForDocument(lx, toks) {
		// Who or which won what: the answer is whoever is said to; what
		// was won must be the same. A figure's question has its head.
		// "Which address called missile defense insurance against ..."
		// asks for an article, its object recalls what the article says
		// in the reader's words: no thing among others to hold it to.
		thing = lx.askedThing(toks, lx.thingVerb(toks, verb))
	}
	about := lx.aboutTopic(toks)
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		stems, n, surface := e.phraseAt(toks, i)
		if n == 0 {
			if tk.letters+tk.digits < 2 || questionWord(tk.lower) || markerWord(tk.lower) || aspectWord(tk.lower) || q.author && lx.isAuthorWord(tk.lower) ||
				i > 0 && !tk.upper && lx.isDocumentWord(tk.lower) && (toks[i-1].lower == "which" || toks[i-1].lower == "what") {
				continue
			}
			stems, n, surface = e.terms.Terms(tk.text), 1, tk.lower
			if w, ok := strings.CutSuffix(tk.lower, "ly"); ok && len(w) > 2 {
				stems = append(stems, e.terms.Terms(w)...) // "newly" is also "new"
			}
		}
		name := lx.isName(toks, i)
		weight := 1.0
		switch {
		case context[i]:
			weight = contextWeight
		case n == 1 && lx.isLightVerb(tk.lower):
			weight = lightWeight // "where French troops go"
		case i == marker && kind != kindPerson && !(i == asked && kind == kindNumber) && !q.yesno:
			// "what year", "which city": the kind of answer, which the
			// answer need not name; "what raise" names what is asked.
			weight = lightWeight
		}
		if n > 1 {
			i += n - 1 // the phrase's other words
		}
		for _, st := range stems {
			j, ok := index[st]
			if !ok {
				j = len(q.terms)
				index[st] = j
				prefix := strings.TrimSuffix(st, "i")
				if n > 1 {
					prefix = "" // a phrase is found by its stems, not inside words
				}
				forms, syn, hypo := e.relations(surface, name)
				q.terms = append(q.terms, qterm{
					stem: st, word: surface, prefix: prefix,
					forms: forms, syn: syn, hypo: hypo, weight: weight,
				})
			}
			q.terms[j].weight = max(q.terms[j].weight, weight)
			q.terms[j].name = q.terms[j].name || name
			q.terms[j].given = q.terms[j].given || name && n == 1 && i+1 < len(toks) && lx.isName(toks, i+1)
			q.terms[j].required = q.terms[j].required || n > 1 && slices.ContainsFunc(toks[i-n+1:i+1], func(w textWord) bool { return w.upper && !w.allCaps })
			q.terms[j].role = q.terms[j].role || n == 1 && i != head && q.kind == kindPerson && lx.answerNoun(tk.lower) == kindPerson
			q.terms[j].title = q.terms[j].title || slices.ContainsFunc(toks[i-n+1:i+1], func(w textWord) bool { return lx.isOfficeTitle(w.lower) })
			q.terms[j].period = q.terms[j].period || n == 1 && periodTok[i]
			q.terms[j].qualifier = q.terms[j].qualifier || n == 1 && name && qualifies(toks, i)
			q.terms[j].figure = q.terms[j].figure || n == 1 && tk.digits > 0 && tk.letters == 0
			if ord := ordinalValue(tk.lower); n == 1 && ord >= 2 && placingOrdinal(toks, i) {
				q.terms[j].forms = append(q.terms[j].forms, placeTerm(ord)) // "finished second": ahead of whom
			} else if n == 1 && ord >= 2 && !periodTok[i] && !(i+1 < len(toks) && markerWord(toks[i+1].lower)) {
				// "the 13th festival": an edition, which the article
				// must name, in figures or in words.
				q.terms[j].figure = true
				q.terms[j].forms = append(q.terms[j].forms, ordinalTerm(ord))
			}
			if monthAt >= 0 && n == 1 && (i == monthAt || i == monthAt+1) {
				q.terms[j].month, q.terms[j].monthYear = month, monthYear
			}
			q.terms[j].acronym = q.terms[j].acronym || n == 1 && tk.allCaps && tk.letters >= 2 && tk.letters <= 6
			q.terms[j].amount = q.terms[j].amount || n == 1 && q.money && lx.isMoneyWord(tk.lower)
			q.terms[j].when = q.terms[j].when || n == 1 && q.kind == kindDate && lx.isEventVerb(tk.lower)
			for k := i - n + 1; k <= i; k++ {
				q.terms[j].head = q.terms[j].head || k == head
				q.terms[j].complement = q.terms[j].complement || complement[k]
				q.terms[j].pred = q.terms[j].pred || predFrom >= 0 && k >= predFrom && k <= predTo
				q.terms[j].predCore = q.terms[j].predCore || predFrom >= 0 && (k == predFrom || k == predTo)
				q.terms[j].predVerb = q.terms[j].predVerb || predFrom >= 0 && k == predFrom
				q.terms[j].aside = q.terms[j].aside || predFrom >= 0 && k > predFrom && slices.ContainsFunc(toks[predFrom:k], func(w textWord) bool { return subordinator(w.lower) })
				q.terms[j].predObj = q.terms[j].predObj || predFrom >= 0 && k == predTo && predTo > predFrom && (!isParticiple(toks[k].lower) || nounSlot(toks, k)) &&
					slices.ContainsFunc(toks[predFrom+1:k], func(w textWord) bool { return isDeterminer(w.lower) || isQuantifier(w.lower) || isPossessive(w.lower) })
				q.terms[j].capital = q.terms[j].capital || k > 0 && toks[k].upper
				q.terms[j].object = q.terms[j].object || k >= 2 && asksAgent(toks) && weight == 1
				if k == verb && q.verb < 0 {
					q.verb = j
				}
				if k == asked && q.asked < 0 {
					q.asked = j
				}
				if k == counted && q.counted < 0 {
					q.counted = j
				}
				if slices.Contains(about, k) && !name {
					q.terms[j].about = true
				}
				if at := slices.Index(thing, k); at >= 0 && !name && weight == 1 {
					q.terms[j].thing = max(q.terms[j].thing, thingModifier+btoi(at == len(thing)-1))
				}
				if k == 1 && asksAgent(toks) && q.agent < 0 {
					q.agent = j
				}
			}
		}
	}
	q.terms = append(q.terms, lx.numberedTerms(text, toks)...)
	e.markAskedDay(&q, toks)
	for j, t := range q.terms {
		if t.pred && !t.name {
			q.terms[j].anto = e.antonyms(t.word)
		}
	}
	q.want = e.wantedKind(toks, q)
	return q
}

// commonWords returns the words of toks but those capitalised inside the
// question: "Jazz" in "the Marlow Jazz Weekend" is a name's, not a
// document ("Who headlined the Marlow Jazz Weekend?" asks for no author).
func commonWords(toks []textWord) map[string]bool {
	out := make(map[string]bool, len(toks))
	for i, tk := range toks {
		if i == 0 || !tk.upper {
			out[tk.lower] = true
		}
	}
	return out
}

// antonyms returns the stems of the words opposite to word in the
// thesaurus, in any of its forms ("won": lose).
func (e *Answerer) antonyms(word string) []string {
	if e.th == nil {
		return nil
	}
	return e.cachedStems(word+"\x02", func() []string {
		var out []string
		for _, l := range e.th.Lemmas(word) {
			for _, o := range e.th.Related(l, thesaurus.Antonym) {
				if st := strings.Join(e.terms.Terms(o), " "); st != "" && !strings.Contains(st, " ") && !slices.Contains(out, st) {
					out = append(out, st)
				}
			}
		}
		return out
	})
}

// qualifies reports whether the name at toks[i] stands in a phrase
// after "for" or "of" that qualifies a noun before it ("a ticket for the
// Corn Exchange concerts", "the price of a Valmora pass").
func qualifies(toks []textWord, i int) bool {
	for k := i - 1; k >= 1; k-- {
		w := toks[k].lower
		switch {
		case w == "for" || w == "of":
			return !toks[k-1].upper && !isAuxiliary(toks[k-1].lower) && !questionWord(toks[k-1].lower)
		case isDeterminer(w) || toks[k].upper:
			continue
		}
		return false
	}
	return false
}

// askedNoun returns the index of the noun of "what raise did", "which
// bridge will": a single word between "what" or "which" and the
// auxiliary; -1 for none.
func (lx *lexicon) askedNoun(toks []textWord, marker int) int {
	for i := 0; i+2 < len(toks); i++ {
		if w := toks[i].lower; w != "what" && w != "which" {
			continue
		}
		n := toks[i+1]
		if isAuxiliary(toks[i+2].lower) && !isAuxiliary(n.lower) && !questionWord(n.lower) && !markerWord(n.lower) && n.letters >= 3 {
			return i + 1
		}
		return -1
	}
	return -1
}

// predicate finds the main verb of a question, the word that says what
// happened: after "did", "will" and the like the last word of the subject
// and verb ("did France decide to", "will alliance leaders gather in"),
// after "is", "has" and the like the first participle ("have been
// wounded", "is the government planning"). It is -1 for questions with
// none, or with a verb that says little ("did Ottawa say", "has it had").
// passive is set for "were wounded", past for "did", "was" and "has".
func (lx *lexicon) predicate(toks []textWord) (verb int, passive, past bool) {
	aux := -1
	for i, tk := range toks {
		if i > 0 && isAuxiliary(tk.lower) {
			aux = i
			break
		}
	}
	if len(toks) > 1 && toks[0].lower == "who" && !isAuxiliary(toks[1].lower) && !toks[1].upper {
		// "Who leads the army?": the verb follows "who".
		if lx.isLightVerb(toks[1].lower) {
			return -1, false, false
		}
		return 1, false, strings.HasSuffix(toks[1].lower, "ed")
	}
	if aux < 0 {
		return -1, false, false
	}
	a := toks[aux].lower
	past = a == "did" || a == "was" || a == "were" || a == "has" || a == "have" || a == "had"
	verb = -1
	// After "did", "will" and the like the verb is a base form after the
	// subject; after "is" and "has" a participle.
	doSupport := !isCopula(a) && a != "has" && a != "have" && a != "had"
	started := false // past the determiners that open the subject
	for k := aux + 1; k < len(toks); k++ {
		w := toks[k].lower
		if w == "been" || w == "being" || w == "be" {
			passive = passive || !isModal(a) // "might be shifted" is no fact to count
			doSupport, verb = false, -1      // "will the summit be held"
			continue
		}
		if !started && (isDeterminer(w) || isPossessive(w)) {
			continue // "did the US ask", "is the government planning"
		}
		started = true
		if w == "of" && doSupport || toks[k].upper {
			continue // "does a barrel of oil cost", "did the US ask"
		}
		if doSupport && lx.isLightVerb(w) {
			verb = k // "did the alliance chief say"
			break
		}
		if endsNounPhrase(w) || isDeterminer(w) || isQuantifier(w) || w == "but" || questionWord(w) && !isParticiple(w) {
			break
		}
		if toks[k].upper || toks[k].letters < 2 {
			continue
		}
		if doSupport {
			// The last word of the subject and verb that does not look
			// like a noun: "did Canadian lawmakers adopt", "did Ottawa
			// dispatch senior officials", "will alliance leaders gather".
			next := ""
			if k+1 < len(toks) {
				next = toks[k+1].lower
			}
			lastOfRun := next == "" || endsNounPhrase(next) || isDeterminer(next) || isQuantifier(next)
			if !lx.looksLikeNoun(w, lastOfRun) && !isParticiple(w) {
				verb = k
			}
			continue
		}
		if isParticiple(w) || lx.isIrregularParticiple(w) {
			if k+2 < len(toks) && toks[k+1].lower == "to" && !toks[k+2].upper && lx.is(toks[k+2].lower, wcHasVerb) {
				// "is the bridge expected to open", "are talks
				// scheduled to resume": the verb after "to" says what.
				verb, passive = k+2, false
				break
			}
			if !lx.isLightVerb(w) {
				verb = k
			}
			break
		}
	}
	if verb < 0 || lx.isLightVerb(toks[verb].lower) {
		return -1, false, past
	}
	w := toks[verb].lower
	// "were wounded", "have been wounded": a participle after "be".
	passive = (passive || isCopula(a)) && !doSupport && !isModal(a) && !strings.HasSuffix(w, "ing") && (isParticiple(w) || lx.isIrregularParticiple(w)) &&
		!(verb >= 2 && toks[verb-1].lower == "to")
	return verb, passive, past
}

func isModal(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

func isQuantifier(w string) bool {
	switch w {
	case "each", "every", "per", "any", "all":
		return true
	}
	return false
}

// looksLikeNoun guesses from its ending whether w, in a question's
// subject, is a noun or adjective rather than the verb that follows: a
// plural ("lawmakers"), a noun suffix ("mission", "government"), or -er
// and -or unless last before the object ("minister say" but "leaders
// gather in").
func (lx *lexicon) looksLikeNoun(w string, lastOfRun bool) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true // after "did" or "will" the verb has no -s
	}
	switch w {
	case "each", "every", "all", "both", "most", "not", "never", "some", "any", "many", "few", "several", "more", "other":
		return true
	}
	c := lx.class(w)
	switch {
	case c&wcHasVerb != 0 && lastOfRun:
		return false // "did France plan to", "will leaders gather in"
	case c&wcVerb != 0:
		return false
	case c&(wcNoun|wcAdjective|wcAdverb) != 0:
		return true
	}
	// A word WordNet does not know: by its ending.
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ity", "ship", "ence", "ance", "ism", "ist", "ian", "ese", "ary", "ory", "al", "ic", "ive", "ous", "ful"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or")) && !lastOfRun
}

func isPossessive(w string) bool {
	switch w {
	case "its", "his", "her", "their", "our", "your", "my", "this", "these", "those", "that":
		return true
	}
	return false
}

func isAuxiliary(w string) bool {
	switch w {
	case "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would",
		"can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

// phraseAt returns the stems of the phrase the thesaurus knows that
// starts at toks[i] ("head of state", "prime minister", and "Romania's
// capital" read as "capital of Romania"), as one term, how many words it
// takes and the phrase as the thesaurus has it; n is 0 when none starts
// there.
func (e *Answerer) phraseAt(toks []textWord, i int) (stems []string, n int, phrase string) {
	known := func(p string) bool {
		return e.th != nil && len(e.th.Related(p, thesaurus.Synonym, thesaurus.Derived)) > 0
	}
	if i+2 < len(toks) && toks[i].upper && toks[i+1].lower == "s" && toks[i+1].start == toks[i].end+1 && !toks[i+2].upper {
		if p := toks[i+2].lower + " of " + toks[i].lower; known(p) {
			return []string{strings.Join(e.terms.Terms(p), " ")}, 3, p
		}
	}
	if i+1 < len(toks) && toks[i+1].start == toks[i].end+1 {
		// A compound written with a hyphen: "runner-up".
		if p := toks[i].lower + "-" + toks[i+1].lower; known(p) {
			if st := e.terms.Terms(p); len(st) > 0 {
				return []string{strings.Join(st, " ")}, 2, p
			}
		}
	}
	for n := min(4, len(toks)-i); n >= 2; n-- {
		p := phraseText(toks[i : i+n])
		key := strings.Join(e.terms.Terms(p), " ")
		if strings.Contains(key, " ") && known(p) {
			return []string{key}, n, p
		}
	}
	return nil, 0, ""
}

// phraseText is the lower-cased words of toks, space-separated.
func phraseText(toks []textWord) string {
	ws := make([]string, len(toks))
	for i, tk := range toks {
		ws[i] = tk.lower
	}
	return strings.Join(ws, " ")
}

// setting marks the words of the question's place and time phrases: "in
// southern Afghanistan", "in Kandahar", "according to the 2009 report". Such
// a phrase ends with the question, at a word that ends a noun phrase, or
// after a name ("in Kandahar end").
func (lx *lexicon) setting(toks []textWord) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		switch toks[i].lower {
		case "in", "at", "on", "during", "near", "inside", "within", "across", "since", "according":
		default:
			continue
		}
		start := i
		for k := i + 1; k < len(toks); k++ {
			w := toks[k]
			if w.lower == "to" && toks[i].lower == "according" {
				continue
			}
			if endsNounPhrase(w.lower) || questionWord(w.lower) && w.lower != "the" && w.lower != "a" && w.lower != "an" {
				break
			}
			if k > start+1 && !w.upper && toks[k-1].upper {
				if isDeterminer(toks[start+1].lower) {
					// "in the Acme fire": a name that tells which
					// event, not where.
					for m := start + 1; m < k; m++ {
						marks[m] = false
					}
				}
				break
			}
			marks[k] = true
			i = k
		}
	}
	return marks
}

// headNoun returns the index in toks of the noun the question asks about
// ("the population of Toronto", "how many soldiers", "who is the NATO
// spokesperson"), or -1 when it has none that the passages must hold: a
// marker ("what year"), a vague noun ("what is France's position"), or a
// noun that only names the kind of answer ("which official spoke", "what
// danger did he see"), which the text need not spell out. of is the index
// of the first word of its "of" complement ("of Toronto"), or -1.
func (lx *lexicon) headNoun(toks []textWord) (head, of int) {
	_, marker := lx.questionType(toks)
	head = -1
	for i, tk := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case tk.lower == "how" && (next == "many" || next == "much"):
			head = lx.lastOfPhrase(toks, i+2)
		case tk.lower == "how" && (next == "large" || next == "big" || next == "strong") && i+2 < len(toks) && isCopula(toks[i+2].lower):
			head = lx.lastOfPhrase(toks, i+3)
		case (tk.lower == "what" || tk.lower == "which" || tk.lower == "who") && isCopula(next):
			if i+2 < len(toks) && isParticiple(toks[i+2].lower) {
				return -1, -1 // "who is credited with", "what is expected": a verb
			}
			head = lx.lastOfPhrase(toks, i+2)
		case tk.lower == "name" || tk.lower == "identify":
			head = lx.lastOfPhrase(toks, i+1)
		case tk.lower == "what" || tk.lower == "which" || tk.lower == "who" || tk.lower == "how":
			return -1, -1
		default:
			continue
		}
		break
	}
	if head > 0 && len(retrieval.Terms(toks[head].text)) == 0 && toks[head-1].end == toks[head].start-1 {
		head-- // "runner-up": the particle of a compound is no noun
	}
	if head < 0 || markerWord(toks[head].lower) || head == marker && lx.nounKind(toks[head].lower) > kindPerson || lx.vagueNoun(toks[head].lower) || toks[head].letters < 2 {
		return -1, -1
	}
	of = -1
	if head+2 < len(toks) && toks[head+1].lower == "of" {
		of = head + 2
		for of < len(toks)-1 && isDeterminer(toks[of].lower) {
			of++
		}
	}
	return head, of
}

// lastOfPhrase returns the last word of the noun phrase starting at
// toks[i], or -1 when none starts there.
func (lx *lexicon) lastOfPhrase(toks []textWord, i int) int {
	last := -1
	for k := i; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		w := toks[k]
		// A verb after a plural noun ends the phrase: "how many
		// ministers attended the talks", "how many people died".
		if last >= 0 && !w.upper && (strings.HasSuffix(toks[last].lower, "s") && !lx.looksLikeNoun(w.lower, true) ||
			lx.is(w.lower, wcPastForm) && !lx.is(w.lower, wcNoun|wcAdjective)) {
			break
		}
		switch {
		case w.letters+w.digits < 2, isDeterminer(w.lower):
		default:
			last = k
		}
	}
	return last
}

// isParticiple guesses whether w is a verb form ("credited", "leading")
// rather than a noun; nouns in -ing/-ed that questions ask about are rare.
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an"
}

func isCopula(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were"
}

// endsNounPhrase reports whether w ends the noun phrase a question asks
// about: a preposition, an auxiliary or a wh-word.
func endsNounPhrase(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "for", "by", "with", "about", "from", "like", "as",
		"and", "or", "that", "who", "whom", "which", "what", "when", "where", "why", "how",
		"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have",
		"had", "do", "does", "did", "might", "may", "must", "according", "since", "during",
		"per", "after", "before", "under", "over", "into", "than", "be", "been", "there":
		return true
	}
	return subordinator(w)
}

// subordinator reports whether w opens a clause or phrase that gives a
// reason, condition or concession ("close because of the grant cut"):
// it ends the noun phrase, and a yes/no question's predicate, before it.
func subordinator(w string) bool {
	switch w {
	case "because", "despite", "although", "though", "unless", "until", "whether":
		return true
	}
	return false
}

// isName reports whether toks[i] is a proper noun the coverage must
// mention for the question to be answerable: a capitalised word inside the
// question, or an acronym anywhere. Short acronyms (PM, US) are too often
// spelled out in the text to be required, as are titles (Mr, Dr).
func (lx *lexicon) isName(toks []textWord, i int) bool {
	tk := toks[i]
	if !tk.upper || tk.letters < 3 || isHonorific(tk.lower) || lx.answerNoun(tk.lower) != kindAny {
		return false
	}
	if i == 0 {
		return tk.allCaps
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "sgt", "prof", "rev", "st":
		return true
	}
	return false
}

// questionWord reports whether w only shapes the question and says nothing
// about its subject.
func questionWord(w string) bool {
	switch w {
	case "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "whereabouts",
		"many", "much", "name", "according", "tell", "me", "us", "please", "list", "identify",
		"give", "describe", "explain", "does", "did", "do", "is", "are", "was", "were", "will",
		"would", "can", "could", "should", "has", "have", "had", "the", "a", "an", "of", "in",
		"on", "at", "to", "for", "by", "with", "about", "from", "as", "and", "or", "that",
		"this", "these", "those", "there", "it", "its", "be", "been", "being", "so", "far",
		"exactly", "currently", "now", "say", "says", "said", "happen", "happened":
		return true
	}
	return false
}

// questionKind finds what the question asks for: the first wh-word
// decides, and "what"/"which"/"name" look at the noun that follows.
func (lx *lexicon) questionKind(toks []textWord) answerKind {
	k, _ := lx.questionType(toks)
	return k
}

// endsPhraseAsVerb reports whether word k of a question is the verb
// after its subject ("which film won the award", "which judge wrote"),
// not a participle inside it ("which newly appointed alliance chief").
func (lx *lexicon) endsPhraseAsVerb(toks []textWord, k int) bool {
	w := toks[k].lower
	if !lx.is(w, wcPastForm|wcVerbS) && lx.pos(w) != wcVerb {
		return false
	}
	if k+1 == len(toks) {
		return true
	}
	next := toks[k+1]
	return next.upper || isDeterminer(next.lower) || endsNounPhrase(next.lower) || isPossessive(next.lower) || lx.is(next.lower, wcPastForm)
}

// questionType finds what the question asks for, and the index of the
// noun that says so ("what year", "which city", "the size of"), which
// only names the kind of answer and so need not occur in the passages;
// -1 for none. The first wh-word decides; "what", "which" and "name" look
// at the noun phrase that follows.
func (lx *lexicon) questionType(toks []textWord) (answerKind, int) {
	for i, tk := range toks {
		switch tk.lower {
		case "who", "whom", "whose":
			return kindPerson, -1
		case "when":
			return kindDate, -1
		case "where", "whereabouts":
			return kindPlace, -1
		case "why":
			return kindReason, -1
		case "how":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "many", "much":
					if i+2 < len(toks) && lx.isTimeUnit(toks[i+2].lower) {
						return kindNumber, i + 2 // "how much time": a span, the kind of answer
					}
					return kindNumber, -1
				case "old", "far", "often":
					// An age, a distance, a frequency: the answer
					// seldom says "old" ("Fontainhas, 34,").
					return kindNumber, i + 1
				case "large", "big", "strong", "long", "few", "numerous":
					return kindNumber, -1
				case "soon", "late", "early":
					return kindDate, -1
				}
			}
			return kindAny, -1
		case "what", "which", "name", "identify":
			// The noun phrase right after, up to its verb: "what year",
			// "which Canadian defence minister", "which wartime message
			// argued", "what is the size of"; its last word says what
			// is asked ("what did X say" names no kind). It only names
			// the kind of answer (a marker) when nothing qualifies it:
			// "what year", not "the unemployment rate".
			k := i + 1
			if k < len(toks) && isCopula(toks[k].lower) {
				k++
			}
			for k < len(toks) && isDeterminer(toks[k].lower) {
				k++
			}
			start, head := k, -1
			for ; k < min(len(toks), i+8) && !endsNounPhrase(toks[k].lower); k++ {
				w := toks[k]
				if k > start && lx.endsPhraseAsVerb(toks, k) {
					break
				}
				if !w.upper && w.letters >= 2 {
					head = k
				}
			}
			if head < 0 || lx.isDocumentWord(toks[head].lower) {
				return kindAny, -1 // "which address": the answer is the document
			}
			kind := lx.nounKind(toks[head].lower)
			if kind == kindAny {
				return kindAny, -1
			}
			if head != start {
				return kind, -1
			}
			return kind, head
		}
	}
	// No wh-word ("Tell me the size of ..."): the first answer noun decides.
	for k, tk := range toks {
		if kind := lx.answerNoun(tk.lower); kind != kindAny && !tk.upper {
			return kind, k
		}
	}
	return kindAny, -1
}
