package extractive

// This file holds the answer to the kind and measure the question asks
// for, beyond person, number, date and place. "Which law firm represented
// the customers?" asks for an organisation, and of a kind: a sentence
// naming no organisation, or a court where a firm is asked, is no answer,
// however many of the question's words it shares. "What salary does the
// chief executive earn?" asks for a sum of that measure: the company's
// revenue is a sum, not her salary. "How many instructors does the resort
// employ?" asks for the figure that counts instructors, not the one that
// counts its staff beside them; "What time does the music stop?" for a
// clock time. The kinds come from WordNet's classes (organisations and
// bodies of people, possessions such as salary, price or profit) and
// from the text (capitalised names, figures and the nouns they count,
// clock times).

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// kindWant is what the question asks for beyond its answerKind.
type kindWant struct {
	// org is set for "which company", "which team": an organisation
	// named in the answer, not one the question names.
	org bool
	// orgNoun is the noun that says which kind of organisation ("firm",
	// "team"); mods the indexes in terms of the words before it that
	// restrict it ("law" in "law firm", "record" in "record label"),
	// as terms, which the answer must speak of.
	orgNoun string
	mods    []qterm
	// verb is the index in terms of the verb said of the organisation
	// ("represented" in "which law firm represented X"), or -1.
	verb int
	// measure is the index in terms of the measure of money asked for
	// ("salary", "profit", "price"), or -1: the answer must name it, not
	// only a sum.
	measure int
	// clock is set for "what time": a clock time answers ("10 p.m.").
	clock bool
	// money is set for "how much" with a word of money or paying ("how
	// much does a bus ticket cost"), or of a thing ("how much is a
	// single-day ticket"): a sum answers.
	money bool
	// calendar is set for "on what date": a day of a month answers, not
	// a weekday or a year.
	calendar bool
	// countedWord is the noun "how many" counts, the last of its phrase
	// ("runs" in "how many ski runs"), as a term: where terms holds it
	// in a phrase ("ski instructors"), the first word alone does not
	// count it.
	countedWord qterm
	// priced is the index in terms of what a "how much" question prices
	// ("pass" in "how much does a week-long lift pass cost"), or -1; and
	// rivals its words of time or people ("week", "adult"), which
	// another of their kind beside it in the answer contradicts ("a
	// three-day pass").
	priced int
	rivals []qterm
	// count is what a count asks of its figure beyond its noun (count.go).
	count countWant
}

// wantedKind finds what toks, the words of the question parsed into q,
// asks for beyond q.kind.
func (e *Answerer) wantedKind(toks []textWord, q questionInfo) kindWant {
	lx := e.lexicon
	w := kindWant{measure: -1, verb: -1, priced: -1}
	if q.yesno {
		return w
	}
	term := func(k int) int {
		return slices.IndexFunc(q.terms, func(t qterm) bool { return slices.Contains(strings.Fields(t.word), toks[k].lower) })
	}
	w.clock = asksClock(toks)
	w.money = q.money || asksHowMuch(toks) && !q.margin && !q.duration && (lx.endsInPaying(toks) || asksWorth(toks))
	w.calendar = asksCalendarDate(toks)
	first, last := lx.howManyPhrase(toks)
	if a := lx.amountNoun(toks); a >= 0 && last < 0 {
		// "How much beer did it sell": a measure of beer, not money.
		first, last, w.money = a, a, false
	}
	if last >= 0 {
		if t, ok := e.countTerm(toks[last]); ok {
			w.countedWord = t
		}
		w.rivals = e.rivalWords(toks, first, last)
	}
	w.count = e.countWanted(toks, q, first, last)
	w.count.amount = last >= 0 && toks[first].lower != "many" && first > 0 && toks[first-1].lower == "much"
	if w.money && !w.count.amount {
		if first, last := lx.pricedPhrase(toks); last >= 0 {
			w.priced = term(last)
			w.rivals = e.rivalWords(toks, first, last)
		}
	}
	if head, mods, verb := lx.askedOrgNoun(toks); head >= 0 {
		w.org, w.orgNoun, w.verb = true, toks[head].lower, q.verb
		for _, k := range mods {
			if st := e.terms.Terms(toks[k].text); len(st) == 1 {
				forms, syn, hypo := e.relations(toks[k].lower, false)
				w.mods = append(w.mods, qterm{stem: st[0], word: toks[k].lower, prefix: strings.TrimSuffix(st[0], "i"), forms: forms, syn: syn, hypo: hypo, weight: 1})
			}
		}
		if verb >= 0 && !isAuxiliary(toks[verb].lower) && !isBe(toks[verb].lower) {
			w.verb = term(verb)
		}
	}
	// "How much money" asks for a sum in any words; "what salary", "the
	// price of" for a sum of that measure.
	if head, of := lx.headNoun(toks); head >= 2 && lx.isMeasureOfMoney(toks[head].lower) && toks[head-1].lower != "much" {
		w.measure = term(head)
		if of >= 0 && lx.isCostOf(toks[head].lower) && lx.lastOfPhrase(toks, of) >= 0 {
			last := lx.lastOfPhrase(toks, of)
			// "the price of an adult single ticket": what the ticket
			// costs is its price.
			w.priced = term(last)
			w.rivals = e.rivalWords(toks, of, last)
		}
	} else if a := lx.askedNoun(toks, -1); a >= 0 && lx.isMeasureOfMoney(toks[a].lower) {
		w.measure = term(a)
	}
	return w
}

// isMeasureOfMoney reports nouns for a particular sum ("salary", "profit",
// "price", "fee", "fine", "revenue"): possessions in WordNet that are no
// unit of money and have kinds of their own, unlike "money" or "sum".
func (lx *lexicon) isMeasureOfMoney(w string) bool {
	c := lx.class(w)
	return c&wcPossession != 0 && c&wcMoney == 0 && c&wcNoun != 0 && c&(wcVerb|wcPastForm) == 0 && len(lx.th.Hyponyms(w)) > 0
}

// isCostOf reports measures of what a thing costs ("price", "fare",
// "fee"): kinds of cost in WordNet, which a sum beside the thing gives.
func (lx *lexicon) isCostOf(w string) bool {
	return slices.Contains(lx.th.Hyponyms("cost"), w) || slices.Contains(lx.th.Hyponyms("price"), w)
}

// endsInPaying reports a question that ends in a verb of paying ("how
// much does a bus ticket in Riverton cost?"), which a sum answers, where
// "how much did profit increase" asks by how much.
func (lx *lexicon) endsInPaying(toks []textWord) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].letters >= 2 {
			return lx.isMoneyWord(toks[k].lower) && lx.is(toks[k].lower, wcHasVerb)
		}
	}
	return false
}

// asksWorth reports "how much is a single-day ticket": "how much" and a
// copula before a noun phrase, which asks what the thing costs.
func asksWorth(toks []textWord) bool {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "much" && isCopula(toks[i+2].lower) && (isDeterminer(toks[i+3].lower) || isPossessive(toks[i+3].lower)) {
			return true
		}
	}
	return false
}

// asksCalendarDate reports "on what date", "what date", "which day of
// the month": a question for a day of the calendar.
func asksCalendarDate(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].lower == "what" || toks[i].lower == "which") && toks[i+1].lower == "date" {
			return true
		}
	}
	return false
}

// findCalendarDates finds the days of the calendar a sentence gives: a
// month with a day ("January 12", "12 January"), not a month, a weekday
// or a year alone.
func findCalendarDates(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		m := monthName(tk)
		if m == "" {
			continue
		}
		day := func(k int) bool {
			return k >= 0 && k < len(toks) && toks[k].digits > 0 && toks[k].digits <= 2 && toks[k].letters <= 2
		}
		if day(i+1) || day(i-1) {
			out = append(out, answerSpot{tok: i, value: m})
		}
	}
	return out
}

// asksClock reports "what time", "at what time": a question for the hour.
func asksClock(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "what" && toks[i+1].lower == "time" && !(i+2 < len(toks) && toks[i+2].lower == "of") {
			return true
		}
	}
	return false
}

// askedOrgNoun returns the noun of "which company", "what law firm",
// "which record label" when it names a kind of organisation (WordNet's
// organisations and bodies, not people, times, places or amounts), and
// the words before it in its phrase, and the verb after the phrase
// ("which company built"), or -1; -1 when the question asks for none.
func (lx *lexicon) askedOrgNoun(toks []textWord) (head int, mods []int, verb int) {
	for i, tk := range toks {
		if tk.lower != "which" && tk.lower != "what" {
			continue
		}
		k := i + 1
		for k < len(toks) && isDeterminer(toks[k].lower) {
			k++
		}
		var run []int
		verb = -1
		for ; k < len(toks) && !endsNounPhrase(toks[k].lower) && !toks[k].upper; k++ {
			if len(run) > 0 && lx.endsPhraseAsVerb(toks, k) {
				verb = k
				break
			}
			if toks[k].letters >= 2 {
				run = append(run, k)
			}
		}
		if verb >= 0 && verb+1 < len(toks) && lx.endsPhraseAsVerb(toks, verb+1) && (lx.isOrgNoun(toks[verb].lower) || lx.isOrgPhrase(toks, append(slices.Clone(run), verb))) {
			// "What record label signed": "label" may be a verb, but
			// the verb comes after it.
			run, verb = append(run, verb), verb+1
		}
		if len(run) == 0 {
			return -1, nil, -1
		}
		head := run[len(run)-1]
		if !lx.isOrgNoun(toks[head].lower) && !lx.isOrgPhrase(toks, run) {
			return -1, nil, -1
		}
		return head, run[:len(run)-1], verb
	}
	return -1, nil, -1
}

// phrase returns the words of toks at idx, spaced.
func phrase(toks []textWord, idx []int) string {
	ws := make([]string, len(idx))
	for n, k := range idx {
		ws[n] = toks[k].lower
	}
	return strings.Join(ws, " ")
}

// isOrgPhrase reports whether the words of toks at run name a kind of
// organisation as a phrase WordNet lists, in its words or their stems
// ("record label" for WordNet's "recording label").
func (lx *lexicon) isOrgPhrase(toks []textWord, run []int) bool {
	if len(run) < 2 {
		return false
	}
	if p := phrase(toks, run[len(run)-2:]); lx.isOrgNoun(p) {
		return true
	}
	head := toks[run[len(run)-1]].lower
	mod := retrieval.Terms(toks[run[len(run)-2]].text)
	for _, c := range lx.th.Compounds(head) {
		ws := strings.Fields(c)
		// A trade name ("recording label") names a company too.
		if len(ws) == 2 && slices.Equal(retrieval.Terms(ws[0]), mod) && (lx.isOrgNoun(c) || lx.th.In(c, thesaurus.Communication)) {
			return true
		}
	}
	return false
}

// isOrgNoun reports nouns for an organisation or a body ("company",
// "team", "court", "record label"), not for people or what a body is
// made of.
func (lx *lexicon) isOrgNoun(w string) bool {
	c := lx.class(w)
	return c&(wcOrganization|wcGroup) != 0 && c&(wcPerson|wcTime|wcMeasure|wcPlaceNoun) == 0 && lx.nounKind(w) == kindAny
}

// orgName is a name in a sentence that may be an organisation's, at
// toks[first:last+1]; kind is the noun that says what it is, from the
// name ("Athletics Club") or beside it ("the law firm Pell & Garrow"),
// "" when the text does not say.
type orgName struct {
	first, last int
	kind        string
}

// orgsIn returns the names in s that may be organisations the question
// does not name: runs of capitalised words, less the places, datelines,
// months and people known to be people (by a title, as speakers, or by
// an office given beside them).
func (lx *lexicon) orgsIn(q questionInfo, s *passageSentence) []orgName {
	toks, text := s.toks, s.text
	named := make(map[string]bool)
	for _, t := range q.terms {
		if t.name || t.capital {
			for _, f := range strings.Fields(t.word) {
				named[f] = true
			}
		}
	}
	capital := func(tk textWord) bool { return isProperWord(tk) || tk.allCaps && tk.letters >= 2 }
	var out []orgName
	for i := 0; i < len(toks); {
		if !capital(toks[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && capital(toks[j+1]) {
			gap := text[toks[j].end:toks[j+1].start]
			if gap != " " && gap != "-" && gap != " & " && gap != " of " && gap != " and " {
				break
			}
			j++
		}
		n := orgName{first: i, last: j}
		i = j + 1
		person := false
		for n.first <= n.last {
			w := toks[n.first].lower
			office := lx.is(w, wcOffice) && !lx.isOrgNoun(w)
			person = person || office || isHonorific(w)
			if !lx.isFunctionWord(w) && !lx.isNationality(w) && !office && !isHonorific(w) {
				break
			}
			n.first++
		}
		if n.first > n.last || person {
			continue
		}
		n.kind = lx.orgKind(s, n)
		if lx.notOrg(q, s, n, named) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// notOrg reports a run of capitals that is no organisation the answer
// may name: one the question names, a dateline or credit, a date, a
// place, a word that only opens the sentence, or a person named as one.
func (lx *lexicon) notOrg(q questionInfo, s *passageSentence, n orgName, named map[string]bool) bool {
	toks, text := s.toks, s.text
	places := 0
	for k := n.first; k <= n.last; k++ {
		w := toks[k]
		if named[w.lower] || monthName(w) != "" || isWeekday(w.lower) {
			return true
		}
		if lx.is(w.lower, wcPlaceName|wcPlaceAdj) {
			places++
		}
	}
	if places == n.last-n.first+1 {
		return true // Oslo, Drammen
	}
	if toks[n.first].allCaps && n.first < 3 {
		return true // "OSLO, Sept 8": a dateline
	}
	before := text[:toks[n.first].start]
	if strings.HasSuffix(before, "(") && n.first < 12 {
		return true // "(Finance Wire)": the agency that filed it
	}
	opens := strings.TrimRight(before, " ")
	partyOf := n.last+1 < len(toks) && lx.isRole(toks[n.last+1].lower) && !toks[n.last+1].upper // "Green candidate Petra Greaves"
	if n.first == n.last && lx.is(toks[n.first].lower, wcKnown) && !lx.isOrgNoun(toks[n.first].lower) && !partyOf &&
		(opens == "" || s.common[toks[n.first].lower] || strings.ContainsAny(opens[len(opens)-1:], "-–—:\"“(")) {
		return true // "Customers were ...": a word, capitalised to open
	}
	after := n.last + 1
	if after < len(toks) && !lx.isOrgNoun(n.kind) {
		gap := text[toks[n.last].end:toks[after].start]
		if gap == ":" || lx.isReportingVerb(toks[after].lower) || gap == ", " && after+1 < len(toks) && lx.isReportingVerb(toks[after+1].lower) {
			return true // "Saether:", "Fell said": a speaker
		}
		if gap == ", " && (toks[after].lower == "who" || toks[after].lower == "whose") {
			return true // "Kiprono, who runs for": a person
		}
		if gap == ", " {
			// "Marcus Fell, Lumen's chief executive,": an office beside.
			for k := after; k < min(len(toks), after+5); k++ {
				if strings.ContainsAny(text[toks[k-1].end:toks[k].start], ",;.") && k > after {
					break
				}
				if lx.isOfficeTitle(toks[k].lower) && !toks[k].upper {
					return true
				}
			}
		}
	}
	return false
}

// orgKind returns the noun that says what kind of body the name n is:
// a word of the name ("Kaptagat Athletics Club", "Team Vesta"), or the
// noun just before it ("the forensic firm Greyline Security") or after
// it ("Nordvall Leisure, a Bergen-based group"); "" for none.
func (lx *lexicon) orgKind(s *passageSentence, n orgName) string {
	toks := s.toks
	for k := n.last; k >= n.first; k-- {
		if lx.isOrgNoun(toks[k].lower) {
			return toks[k].lower
		}
	}
	if k := n.first - 1; k >= 0 && !toks[k].upper && (lx.is(toks[k].lower, wcNoun) || lx.isOrgNoun(toks[k].lower)) && s.text[toks[k].end:toks[n.first].start] == " " {
		return toks[k].lower
	}
	if a := n.last + 1; a+1 < len(toks) && s.text[toks[n.last].end:toks[a].start] == ", " && isDeterminer(toks[a].lower) {
		// ", a Bergen-based group": the last noun of the phrase.
		kind := ""
		for k := a + 1; k < min(len(toks), a+5); k++ {
			if strings.ContainsAny(s.text[toks[k-1].end:toks[k].start], ",;.()") {
				break
			}
			if !toks[k].upper && lx.is(toks[k].lower, wcNoun) {
				kind = toks[k].lower
			}
		}
		return kind
	}
	return ""
}

// kindOf reports whether the noun kind says a body of the kind asked
// ("firm" for "law firm", "club" for "team"?): the same word, a synonym,
// or a kind of it in WordNet, two levels down.
func (e *Answerer) kindOf(kind, asked string) bool {
	if kind == "" {
		return false
	}
	ks, as := e.terms.Terms(kind), e.terms.Terms(asked)
	if len(ks) > 0 && len(as) > 0 && ks[0] == as[0] {
		return true
	}
	_, syn, _ := e.relations(asked, false)
	for _, st := range ks {
		if slices.Contains(syn, st) {
			return true
		}
	}
	th := e.lexicon.th
	for _, h := range th.Hyponyms(asked) {
		if h == kind || slices.Contains(th.Hyponyms(h), kind) {
			return true
		}
	}
	return false
}

// fitsKind reports whether s can answer what q asks for beyond its
// answerKind: for "which company", a name that may be an organisation's
// other than those the question names, with the words that restrict the
// kind asked ("law" in "which law firm") in it or beside it, and either
// the question's verb ("represented") or the kind asked said of the
// name ("the law firm Pell & Garrow"); for a measure of money, that
// measure named, not only a sum.
func (e *Answerer) fitsKind(q questionInfo, s *passageSentence) bool {
	w := q.want
	if w.measure >= 0 {
		t := q.terms[w.measure]
		t.amount = false // a sum is not the salary
		if !slices.ContainsFunc([]*passageSentence{s, s.prev, s.next}, func(x *passageSentence) bool {
			return x != nil && (e.sumOf(x, t) || w.priced >= 0 && !w.money && e.sumOf(x, q.terms[w.priced]))
		}) {
			return false
		}
	}
	if (w.count.price || w.count.share) && q.kind != kindNumber && e.onlyChanges(s) {
		return false // "a fare increase of 15 cents" says no fare (count.go)
	}
	if w.money && !q.money && !e.mentionsMoney(s) {
		return false // "how much does it cost" is answered by a sum
	}
	if w.priced >= 0 && w.money {
		t := q.terms[w.priced]
		if !slices.ContainsFunc([]*passageSentence{s, s.prev}, func(x *passageSentence) bool {
			return x != nil && e.termCredit(x, t) >= e.opt.SynonymCredit && (x == s || !e.opensNewThing(s, t))
		}) || e.rivalled(w.rivals, t, s) {
			return false // "the gondola cost 38 million" prices no pass
		}
	}
	if w.priced >= 0 && e.rivalled(w.rivals, q.terms[w.priced], s) || w.countedWord.stem != "" && e.rivalled(w.rivals, w.countedWord, s) {
		return false // "a three-day pass" is no week-long one
	}
	if e.endsOther(q, s) {
		return false
	}
	if !w.org {
		return true
	}
	orgs := e.orgsIn(q, s)
	if len(orgs) == 0 {
		return false
	}
	for _, t := range w.mods {
		if !e.holdsThingWord(s, t) {
			return false
		}
	}
	if w.verb < 0 || q.terms[w.verb].weight < 1 || e.termCredit(s, q.terms[w.verb]) >= e.opt.SynonymCredit {
		return true
	}
	return slices.ContainsFunc(orgs, func(n orgName) bool { return e.kindOf(n.kind, w.orgNoun) || tiedToName(q, s, n) })
}

// tiedToName reports whether the name n stands within a few words of a
// name the question holds, in one clause: "Anna Rossi of Team Vesta",
// "Green candidate Petra Greaves" say which team or party she is of
// without the question's verb.
func tiedToName(q questionInfo, s *passageSentence, n orgName) bool {
	for k := max(0, n.first-tiedWords); k <= min(len(s.toks)-1, n.last+tiedWords); k++ {
		if k >= n.first && k <= n.last {
			continue
		}
		a, b := min(k, n.first), max(k, n.last)
		if strings.ContainsAny(s.text[s.toks[a].end:s.toks[b].start], ";.()") {
			continue
		}
		if slices.ContainsFunc(q.terms, func(t qterm) bool { return t.name && tokenMatches(s.toks[k].lower, t) }) {
			return true
		}
	}
	return false
}

// tiedWords is how far from a name of the question an organisation may
// stand to be said of it.
const tiedWords = 3

// kindScore is what s gains for naming the kind asked: an organisation
// of the kind asked in full, one of unknown kind in part.
func (e *Answerer) kindScore(q questionInfo, s *passageSentence) float64 {
	if !q.want.org {
		return 0
	}
	best := 0.0
	for _, n := range e.orgsIn(q, s) {
		switch {
		case e.kindOf(n.kind, q.want.orgNoun):
			best = max(best, e.opt.TypeWeight)
		case n.kind == "" || !e.isOrgNoun(n.kind) && !e.is(n.kind, wcOffice):
			// "the lift maker Hollmann": a body of unknown kind; an
			// inspectorate is known to be no company.
			best = max(best, e.opt.TypeWeight/2)
		}
	}
	return best
}

// findClockTimes finds the clock times of a sentence: "9 p.m.", "7:30
// a.m.", "noon", "midnight".
func findClockTimes(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case tk.lower == "noon" || tk.lower == "midnight":
			out = append(out, answerSpot{tok: i, value: tk.lower})
		case tk.digits > 0 && tk.digits <= 2 && (strings.HasSuffix(tk.lower, "am") || strings.HasSuffix(tk.lower, "pm")) && tk.letters == 2:
			out = append(out, answerSpot{tok: i, value: tk.lower[:tk.digits]}) // "11pm"
		case i > 0 && toks[i-1].digits > 0 && toks[i-1].end == tk.start-1:
			// the minutes of "7:30"
		case tk.digits > 0 && tk.letters == 0 && len(tk.text) <= 2:
			k := i + 1
			if k+1 < len(toks) && toks[k].digits == 2 && toks[k].letters == 0 && toks[k].start == tk.end+1 {
				k++ // "7:30"
			}
			if k < len(toks) && (toks[k].lower == "am" || toks[k].lower == "pm" || toks[k].lower == "o'clock") ||
				k+1 < len(toks) && (toks[k].lower == "a" || toks[k].lower == "p") && toks[k+1].lower == "m" {
				out = append(out, answerSpot{tok: i, value: tk.text})
			}
		}
	}
	return out
}

// figureOfOther reports whether the figure at word i of s is not what a
// "how many" or "how much" question asks for. A count: one of other
// things ("2,500 Canadian troops", "1,000 extra troops", "a crowd of
// 9,000" for soldiers), or any figure but the one before the noun
// counted when the sentence has it ("employs 310 people and is hiring 45
// more instructors" does not say how many instructors); "a workforce of
// 3,800" counts people. A sum: one that is a change or an extra ("will
// rise by 4 euros", "an extra 10 cents"), not the sum itself; a verb
// before it ("set aside 6.4 million crowns") states it.
func (lx *lexicon) figureOfOther(q questionInfo, s *passageSentence, matched [][]int, i, focus int) bool {
	if lx.inAskedUnit(q, s, i) {
		return false // "31 megawatt hours" of "how much electricity" (unitkind.go)
	}
	toks := s.toks
	if (q.want.count.price || q.want.count.share) && lx.changeFigure(toks, i) {
		return true // "a fare increase of 15 cents" is no fare, "a pay rise of 4 percent" no share of the members
	}
	if q.want.money {
		if i > 0 && toks[i-1].lower == "by" || lx.changedSum(toks, i) {
			return true // "9 dollars more", "a rise of 35 cents": no price
		}
		for k := max(0, i-2); k < i; k++ {
			if isComparative(toks[k].lower) && !(toks[k].lower == "more" && k+1 < len(toks) && toks[k+1].lower == "than") {
				return true
			}
		}
		return false
	}
	other, licensed := lx.countOther(q, s, i)
	if other || countsOther(toks, matched, i) || !licensed && lx.qualifiedOther(s, matched, i) || isClockAt(toks, i) || strings.HasPrefix(s.text[toks[i].end:], "%") {
		return true
	}
	if focus >= 0 && lx.measuresOther(s, matched, i, focus) && !(lx.groupCount(toks) == i && lx.isPeopleNoun(q.terms[focus].word)) {
		return true
	}
	// The noun of "how many ski runs": runs.
	if q.want.countedWord.stem == "" || isFraction(toks[i]) || lx.countsNoun(toks, i, q.want.countedWord) {
		return false
	}
	if toks[i].digits == 0 && i+1 < len(toks) && toks[i+1].lower == "of" {
		return true // "half of the month": a share
	}
	word := q.want.countedWord.word
	abstract := lx.is(word, wcAbstract) && !lx.isPeopleNoun(word)
	if k := lx.nounAfter(s, i); k >= 0 && !lx.sameHeads(toks[k].lower, word) && !isHeadcount(toks[i:k+1]) &&
		!(abstract && lx.isPeopleNoun(toks[k].lower)) { // deaths are counted as the soldiers killed
		return true // "2,400 skiers" counts no instructors, "6 percent" none
	}
	if licensed {
		return false // "sent 17 to hospital": the figure said with the predicate asked
	}
	for _, sp := range lx.findNumbers(toks) {
		if sp.tok != i && lx.countsNoun(toks, sp.tok, q.want.countedWord) && (!q.want.count.change || changeAt(toks, sp.tok)) {
			return true
		}
	}
	return false
}

// countsTerm reports whether the figure at word i counts term j: the
// word after it stands for j, or the next but one ("45 more
// instructors", "24 intensive care beds").
func countsTerm(toks []textWord, i int, t qterm) bool {
	for k := i + 1; k <= min(i+3, len(toks)-1); k++ {
		if tokenMatches(toks[k].lower, t) {
			return true
		}
		if toks[k].digits > 0 {
			return false
		}
	}
	return false
}

// nounAfter returns the index of the noun the figure at word i counts,
// past number words and adjectives ("2.1 million customers", "45 more
// ski instructors"), or -1 when none follows it in its clause.
func (lx *lexicon) nounAfter(s *passageSentence, i int) int {
	toks := s.toks
	for k := i + 1; k <= min(i+4, len(toks)-1); k++ {
		w := toks[k]
		switch {
		case strings.ContainsAny(s.text[toks[k-1].end:w.start], ",;:()"), w.upper, w.digits > 0, endsNounPhrase(w.lower), lx.isFunctionWord(w.lower):
			return -1
		case isNumberWord(w.lower) || numberWordValue(w.lower) > 0 || isComparative(w.lower) || w.letters < 2:
			continue
		case lx.is(w.lower, wcNoun) && !lx.is(w.lower, wcPastForm|wcIngForm):
			return k
		case lx.is(w.lower, wcAdjective|wcPastForm):
			continue
		default:
			return -1
		}
	}
	return -1
}

// groupCount returns the index of the figure of "a workforce of 3,800",
// "a staff of 120": a body of people and its size; -1 for none.
func (lx *lexicon) groupCount(toks []textWord) int {
	for i := 2; i < len(toks); i++ {
		if toks[i].digits > 0 && toks[i-1].lower == "of" && !toks[i-2].upper && lx.is(toks[i-2].lower, wcGroup) && lx.is(toks[i-2].lower, wcNoun) && !lx.is(toks[i-2].lower, wcMeasure) {
			return i
		}
	}
	return -1
}

// isClockAt reports whether the figure at word i is a clock time: "9
// p.m.", "7:30 a.m.".
func isClockAt(toks []textWord, i int) bool {
	return slices.ContainsFunc(findClockTimes(toks[i:min(len(toks), i+4)]), func(sp answerSpot) bool { return sp.tok == 0 })
}

// sameHeads reports whether a figure of counted people, w, may count
// those the question asks about, asked: people of one kind may be
// counted as of another ("1,540 members of the guild" went on strike,
// the workers).
func (lx *lexicon) sameHeads(w, asked string) bool {
	return lx.isPeopleNoun(w) && lx.isPeopleNoun(asked)
}

// howManyPhrase returns the first and last words of the noun phrase
// "how many" counts ("ski runs"); -1, -1 for none.
func (lx *lexicon) howManyPhrase(toks []textWord) (int, int) {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].lower != "how" || toks[i+1].lower != "many" {
			continue
		}
		// The phrase goes on while its word is no plural and a noun
		// follows: "ski runs", "intensive care beds", but "people work".
		last := i + 2
		for last+1 < len(toks) && !lx.isPlural(toks[last].lower) && !toks[last+1].upper && !endsNounPhrase(toks[last+1].lower) &&
			(lx.is(toks[last+1].lower, wcNoun) || lx.isPlural(toks[last+1].lower) ||
				last+2 < len(toks) && !isAuxiliary(toks[last+1].lower) && !lx.isFunctionWord(toks[last+1].lower) && lx.isPlural(toks[last+2].lower) && lx.is(toks[last+2].lower, wcNoun)) { // "intensive care beds"
			last++
		}
		if toks[last].upper || toks[last].letters < 2 {
			return -1, -1
		}
		return i + 2, last
	}
	return -1, -1
}

// pricedPhrase returns the first and last words of the subject of "how
// much does X cost" ("a week-long lift pass"), when it is a noun phrase
// of the question's own words, not a pronoun or a name; -1, -1 for none.
func (lx *lexicon) pricedPhrase(toks []textWord) (int, int) {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].lower != "how" || toks[i+1].lower != "much" {
			continue
		}
		k := i + 2
		for k < len(toks) && !isAuxiliary(toks[k].lower) && !isCopula(toks[k].lower) {
			k++ // "how much prize money does"
		}
		k++
		for k < len(toks) && (isDeterminer(toks[k].lower) || toks[k].lower == "each" || toks[k].lower == "one") {
			k++
		}
		// Up to a preposition or the verb of paying at the end: "a
		// week-long lift pass (at Karvik) cost".
		first, last := k, -1
		for ; k < len(toks) && !endsNounPhrase(toks[k].lower) && !toks[k].upper; k++ {
			if last >= 0 && lx.isMoneyWord(toks[k].lower) && (k+1 == len(toks) || endsNounPhrase(toks[k+1].lower) || toks[k+1].letters == 0) {
				break
			}
			if toks[k].letters >= 2 {
				last = k
			}
		}
		if last < 0 || lx.isFunctionWord(toks[last].lower) || !lx.is(toks[last].lower, wcNoun|wcHasVerb) {
			return -1, -1
		}
		return first, last
	}
	return -1, -1
}

// rivalWords returns, as terms, the words of toks[first:last] (before
// the noun) that say which of the thing by a time or a kind of person
// ("week" in "week-long lift pass", "adult" in "adult ticket").
func (e *Answerer) rivalWords(toks []textWord, first, last int) []qterm {
	var out []qterm
	for k := first; k < last; k++ {
		if rivalClass(e.lexicon, toks[k].lower) == 0 {
			continue
		}
		if st := e.terms.Terms(toks[k].text); len(st) == 1 {
			out = append(out, qterm{stem: st[0], word: toks[k].lower, prefix: strings.TrimSuffix(st[0], "i"), weight: 1})
		}
	}
	return out
}

// rivalClass returns the classes by which two words before one noun say
// different things of it: a span of time ("day", "week", "season") or a
// kind of person ("adult", "child").
func rivalClass(lx *lexicon, w string) wordClass {
	return lx.class(w) & (wcTimespan | wcPerson)
}

// rivalled reports whether s speaks of the noun t only as another of its
// kind than the rival words ask: "a three-day pass" for "a week-long
// pass", "a child's ticket" for "an adult ticket".
func (e *Answerer) rivalled(rivals []qterm, t qterm, s *passageSentence) bool {
	if len(rivals) == 0 {
		return false
	}
	other := false
	for k, tk := range s.toks {
		if !tokenMatches(tk.lower, t) {
			continue
		}
		for b := max(0, k-3); b < k; b++ {
			w := s.toks[b].lower
			if slices.ContainsFunc(rivals, func(r qterm) bool { return tokenMatches(w, r) }) {
				return false // the one asked
			}
			if slices.ContainsFunc(rivals, func(r qterm) bool { return rivalClass(e.lexicon, w)&rivalClass(e.lexicon, r.word) != 0 }) {
				other = true
			}
		}
	}
	return other
}

// endsOther reports whether s gives the date of the opposite event to
// the one a "when" question asks about: "will open on November 29" for
// when the season ends. The opposites are WordNet's antonyms of the
// verb and of its synonyms.
func (e *Answerer) endsOther(q questionInfo, s *passageSentence) bool {
	at := slices.IndexFunc(q.terms, func(t qterm) bool { return t.when })
	if q.kind != kindDate || at < 0 {
		return false
	}
	t := q.terms[at]
	if s.holds(t.stem) || slices.ContainsFunc(t.forms, s.holds) {
		return false // the event asked, itself
	}
	words := []string{t.word}
	_, syn, _ := e.relations(t.word, false)
	words = append(words, syn...)
	var opposite []string
	for _, w := range words {
		opposite = append(opposite, e.antonyms(w)...)
	}
	// The opposite event is the one dated when its verb stands just
	// before the date: "will open on November 29".
	for _, d := range e.findDates(s.toks) {
		for k := max(0, d.tok-4); k < d.tok; k++ {
			if slices.ContainsFunc(opposite, func(o string) bool { return tokenMatches(s.toks[k].lower, qterm{stem: o, prefix: o}) }) {
				return true
			}
		}
	}
	return false
}

// sumOf reports whether s gives a figure of the measure t ("My salary is
// 4.1 million crowns", "paid 1.4 million dollars"): a word for it within
// a few words of a figure, across one comma at most, not "earnings" at
// the end of a sentence on revenue.
func (e *Answerer) sumOf(s *passageSentence, t qterm) bool {
	th := e.lexicon.th
	for k, tk := range s.toks {
		// A word one level above it stands for it too: a price is
		// what a ticket costs.
		if !tokenMatches(tk.lower, t) && !slices.ContainsFunc(th.Lemmas(tk.lower), func(l string) bool { return slices.Contains(th.Hyponyms(l), t.word) }) {
			continue
		}
		for _, sp := range e.findNumbers(s.toks) {
			a, b := min(k, sp.tok), max(k, sp.tok)
			if gap := s.text[s.toks[min(a+1, b)].start:s.toks[b].start]; a == b || b-a <= sumWords && !strings.ContainsAny(gap, ";()") && strings.Count(gap, ", ") <= 1 {
				return true
			}
		}
	}
	return false
}

// sumWords is how far a figure may stand from the word of its measure.
const sumWords = 10

// isFraction reports a figure with a decimal part ("6.1"), which
// measures rather than counts ("a magnitude 6.1 earthquake"): what it
// stands before is no count of other things.
func isFraction(tk textWord) bool {
	return tk.digits > 0 && strings.Contains(tk.text, ".")
}

// isPlural reports a noun for many: in -s, an irregular plural
// ("children"), or a body of people ("people").
func (lx *lexicon) isPlural(w string) bool {
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true
	}
	if lx.is(w, wcGroup) && lx.is(w, wcNoun) && !lx.is(w, wcOrganization) {
		return true // "people", "staff": many, whatever the form
	}
	return slices.ContainsFunc(lx.th.Related(w, thesaurus.Form), func(l string) bool { return !strings.HasPrefix(l, w) && lx.is(l, wcNoun) })
}
