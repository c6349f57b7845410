package extractive

// This file reads a question: what it asks for, its key terms and
// the verb its answer must state.

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

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
	assoc  *retrieval.Associations // the coverage's word associations, or nil (see assocCredit)
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
	record bool // "Was it the first strike in years?": "the biggest since 2023" answers it
	terms  []qterm
	// period is the quarter the question asks about, if any.
	period period
	// counted is the index in terms of the noun "how many" counts, or -1.
	counted int
	// margin is set for "by how much" and "the winning margin": the
	// difference, written "by 42 seconds", "42 seconds ahead of", answers
	// it.
	margin bool
	// length is set for "how long is the route": a length ("912
	// kilometres") answers it as a span of time does "how long did it
	// take".
	length bool
	want   kindWant // the kind and measure asked for beyond kind (kind.go)
	// asOf is the day a question asks how things stood on ("by March 9"):
	// a report of that day holds it (see asOfDay).
	asOf day
	role askedRole // the role "who directed X?" asks who holds (role.go)
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
	// measured is set on the noun whose measure the question asks
	// ("the winning margin", "how long is the route"): a margin or a
	// length in a sentence stands for it (see markMeasured).
	measured measureKind
	units    string // with measureUnit, the measures asked, "|" between ("weight|mass")
	// ofEdition is set on the noun an edition's ordinal numbers ("the
	// fifth edition", "the fifth festival"): with years set to the
	// edition's, every sentence of a report of that year holds it.
	ofEdition bool
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
	q.record = q.yesno && lx.asksRecord(toks)
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
		q.period.year = cmp.Or(q.period.year, soleYear(toks)) // "fourth-quarter revenue in 2024"
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
				q.terms[j].aside = q.terms[j].aside || predFrom >= 0 && k > predFrom && slices.ContainsFunc(toks[predFrom:k], func(w textWord) bool { return subordinator(w.lower) || isTimeConjunction(w.lower) })
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
	e.markEventTerms(&q, toks)
	q.money = q.money && !q.want.count.amount // "how much beer did it sell" (count.go)
	q.role = e.readRole(text, toks)
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
