package extractive

// This file says what kind of word a word is: a person, a place, a time,
// a sum of money, a verb of saying. The knowledge is WordNet's
// (retrieval/thesaurus), by the word's most frequent senses; only closed
// grammatical classes (auxiliaries, determiners, pronouns, number words,
// months and weekdays) are written out in the code.

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// lexicon answers questions about words from the thesaurus, caching the
// answers: the same words come back in every sentence.
type lexicon struct {
	th    *thesaurus.Thesaurus
	mu    sync.Mutex
	cache map[string]wordClass
}

// wordClass is what the lexicon knows of a lower-cased word, as bits.
type wordClass uint64

const (
	wcPerson       wordClass = 1 << iota // a person by role or trade: minister, welder
	wcPresence                           // a verb of being or being somewhere: remain, serve, deploy, believe
	wcPlacing                            // a verb of putting somewhere: deploy, station, base
	wcOffice                             // an office: premier, mayor, judge, coach
	wcGroup                              // a body of people: troop, staff, union
	wcPlaceNoun                          // a kind of place: city, province, harbour
	wcPlaceAdj                           // of a place: Canadian, French
	wcPlaceName                          // a place WordNet names: Canada, Kandahar
	wcTime                               // a time: year, week, deadline, spring
	wcTimespan                           // a unit or span of time: minute, day, decade
	wcTimeUnit                           // a unit of time: hour, day, month
	wcMeasure                            // a measure: number, amount, size, count
	wcMoney                              // a unit of money: dollar, euro, cent
	wcPossession                         // what is owned or paid: cost, price, revenue
	wcMotive                             // a reason: reason, motive
	wcAbstract                           // an idea, state, act or message: view, plan, deal
	wcThing                              // an organisation, place, event or document: ministry, bay, war, act
	wcOrganization                       // an organisation: company, union, party
	wcDocument                           // a text: speech, statement, letter, report
	wcPicture                            // a picture: photo, image
	wcWriter                             // who writes the news: reporter, editor, author
	wcSaying                             // a verb of saying: say, tell, add, warn, urge
	wcPaying                             // a verb of paying: pay, spend, buy
	wcAspect                             // a verb of beginning, ending or happening
	wcFrequentVerb                       // a verb that says little alone: be, have, make, take
	wcVerb                               // mostly a verb
	wcNoun                               // mostly a noun
	wcAdjective                          // mostly an adjective
	wcAdverb                             // mostly an adverb
	wcPastForm                           // a past tense or participle of a verb: sent, wounded
	wcIngForm                            // the -ing form of a verb: reporting
	wcVerbS                              // the -s form of a verb: says
	wcHasVerb                            // has a sense as a verb
	wcKnown                              // WordNet knows it
)

func newLexicon(th *thesaurus.Thesaurus) *lexicon {
	return &lexicon{th: th, cache: make(map[string]wordClass)}
}

// is reports whether the lower-cased word is of any of the classes c.
func (lx *lexicon) is(w string, c wordClass) bool {
	return lx.class(w)&c != 0
}

// class returns the classes of the lower-cased word, from its base forms.
func (lx *lexicon) class(w string) wordClass {
	if lx == nil || lx.th == nil || w == "" {
		return 0
	}
	lx.mu.Lock()
	c, ok := lx.cache[w]
	lx.mu.Unlock()
	if ok {
		return c
	}
	c = lx.compute(w)
	lx.mu.Lock()
	lx.cache[w] = c
	lx.mu.Unlock()
	return c
}

func (lx *lexicon) compute(w string) wordClass {
	th := lx.th
	lemmas := th.Lemmas(w)
	if len(lemmas) == 0 {
		return 0
	}
	if lx.pos(w) != 0 {
		// A word WordNet lists is itself, and its inflections' base:
		// "reporter" is no comparative of "report", "number" none of
		// "numb".
		lemmas = slices.DeleteFunc(lemmas, func(l string) bool {
			return l != w && !slices.Contains(th.Related(w, thesaurus.Form), l) && !inflects(w, l)
		})
	}
	c := wcKnown
	classes := []struct {
		name string
		bit  wordClass
	}{
		{thesaurus.Person, wcPerson}, {thesaurus.Office, wcOffice}, {thesaurus.Group, wcGroup}, {thesaurus.Location, wcPlaceNoun},
		{thesaurus.PlaceAdj, wcPlaceAdj}, {thesaurus.PlaceName, wcPlaceName}, {thesaurus.Time, wcTime},
		{thesaurus.Timespan, wcTimespan | wcTime}, {thesaurus.TimeUnit, wcTimeUnit}, {thesaurus.Money, wcMoney}, {thesaurus.Possession, wcPossession},
		{thesaurus.Motive, wcMotive}, {thesaurus.Organization, wcOrganization}, {thesaurus.Picture, wcPicture},
		{thesaurus.Writer, wcWriter}, {thesaurus.Saying, wcSaying}, {thesaurus.Paying, wcPaying},
		{thesaurus.Aspect, wcAspect}, {thesaurus.Stative, wcPresence}, {thesaurus.Thinking, wcPresence},
		{thesaurus.Placing, wcPresence | wcPlacing}, {thesaurus.Saying, wcPresence}, {thesaurus.FrequentVerb, wcFrequentVerb}, {thesaurus.Measure, wcMeasure},
		{thesaurus.Text, wcDocument},
		{thesaurus.Cognition, wcAbstract}, {thesaurus.State, wcAbstract}, {thesaurus.Act, wcAbstract | wcThing},
		{thesaurus.Event, wcAbstract | wcThing}, {thesaurus.Relation, wcAbstract}, {thesaurus.Tops, wcAbstract},
		{thesaurus.Communication, wcAbstract | wcThing}, {thesaurus.Organization, wcThing}, {thesaurus.Group, wcThing},
		{thesaurus.Location, wcThing}, {thesaurus.Object, wcThing}, {thesaurus.Time, wcThing},
	}
	for _, l := range lemmas {
		for _, k := range classes {
			if th.In(l, k.name) {
				c |= k.bit
			}
		}
		if len(retrieval.Terms(w)) == 0 {
			// A grammar word is no unit of money, whatever coin shares
			// its spelling: "4 at Drummel", "3 at halftime" (the at is
			// a Laotian coin).
			c &^= wcMoney
		}
		if th.In(l, thesaurus.HasVerb) {
			c |= wcHasVerb
		}
		if l != w && th.In(l, thesaurus.HasVerb) && !isAuxiliary(w) && !isBe(w) {
			// An inflected form of a verb: "reporting", "says", or a past
			// ("wounded", or irregular: "sent").
			switch {
			case strings.HasSuffix(w, "ing"):
				c |= wcIngForm
			case w == l+"s" || w == l+"es":
				c |= wcVerbS
			case strings.HasSuffix(w, "ed") || slices.Contains(th.Related(w, thesaurus.Form), l) && lx.pos(l) == wcVerb:
				c |= wcPastForm
			}
		}
	}
	// The part of speech is the word's own when WordNet lists it ("said"
	// an adjective too, "wounded" too), else its base form's.
	for _, l := range append([]string{w}, lemmas...) {
		if pos := lx.pos(l); pos != 0 {
			c |= pos
			break
		}
	}
	return c
}

// inflects reports whether w is a regular inflection of the base form l:
// its plural or third person, past or -ing form.
func inflects(w, l string) bool {
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && (b == l || b+"e" == l || strings.HasSuffix(b, "i") && strings.TrimSuffix(b, "i")+"y" == l ||
			len(b) > 2 && b[len(b)-1] == b[len(b)-2] && b[:len(b)-1] == l) {
			return true
		}
	}
	return false
}

// isBe reports the forms of "be" that are no auxiliary of a question.
func isBe(w string) bool {
	switch w {
	case "be", "am", "been", "being", "'s":
		return true
	}
	return false
}

// pos returns the dominant part of speech of a base form: the class
// WordNet's tagged corpus says, or the only one it has.
func (lx *lexicon) pos(l string) wordClass {
	th := lx.th
	switch {
	case th.In(l, thesaurus.Verb):
		return wcVerb
	case th.In(l, thesaurus.Noun):
		return wcNoun
	case th.In(l, thesaurus.Adjective):
		return wcAdjective
	case th.In(l, thesaurus.Adverb):
		return wcAdverb
	}
	return 0
}

// isDocumentWord reports nouns by which a question asks for a document of
// the coverage ("which address proposed ...", "what story reported ..."):
// the text need not name itself.
func (lx *lexicon) isDocumentWord(w string) bool { return lx.is(w, wcDocument) }

// isPictureWord reports the words of a question about a picture: a photo,
// an image, who photographed it.
func (lx *lexicon) isPictureWord(w string) bool {
	return lx.is(w, wcPicture) || lx.derives(w, wcPicture)
}

// derives reports whether a word derived from w's base forms is of class
// c: "photographed" from "photograph", "wrote" from "writer".
func (lx *lexicon) derives(w string, c wordClass) bool {
	if lx == nil || lx.th == nil {
		return false
	}
	for _, l := range lx.th.Lemmas(w) {
		for _, d := range lx.th.Related(l, thesaurus.Derived) {
			if lx.is(d, c) {
				return true
			}
		}
	}
	return false
}

// asksAuthor reports whether a question with words asks who wrote or
// edited the story: "which reporter wrote", "who wrote the story", "who
// reported the story".
func (lx *lexicon) asksAuthor(words map[string]bool) bool {
	document := false
	for w := range words {
		if lx.is(w, wcWriter) && lx.is(w, wcNoun) {
			return true
		}
		document = document || lx.isDocumentWord(w) && lx.is(w, wcNoun) && !lx.is(w, wcPastForm) // "headlined" is no headline
	}
	if !document {
		return false
	}
	for w := range words {
		if lx.is(w, wcVerb) && lx.derives(w, wcWriter) || lx.is(w, wcSaying) && lx.is(w, wcPastForm) {
			return true // "who wrote the story", "who reported the story"
		}
	}
	return false
}

// isAuthorWord reports the words of a question about the author that name
// the writing, not its subject.
func (lx *lexicon) isAuthorWord(w string) bool {
	return lx.is(w, wcWriter) || lx.derives(w, wcWriter) || lx.isDocumentWord(w)
}

// isMoneyWord reports question words that ask for an amount of money:
// cost, price, budget, paid, dollars.
func (lx *lexicon) isMoneyWord(w string) bool {
	return lx.is(w, wcMoney|wcPossession|wcPaying)
}

// isEventVerb reports the verbs of "when" questions whose answer is the
// date itself: "when will construction start" is answered by
// "construction in 2026".
func (lx *lexicon) isEventVerb(w string) bool { return lx.is(w, wcAspect) }

// agentVerb reports verbs whose doer has a name of their own, a person
// derived from the verb ("lead", leader; "direct", director; "chair",
// chairman): "who leads the army" asks for the army's leader.
func (lx *lexicon) agentVerb(w string) bool {
	return lx.is(w, wcVerb) && !lx.is(w, wcFrequentVerb) && lx.derives(w, wcPerson)
}

// isLightVerb reports verbs that say too little to be required of an
// answer ("when did Ottawa say", "since when has Canada had"): the most
// frequent verbs of English.
func (lx *lexicon) isLightVerb(w string) bool { return lx.is(w, wcFrequentVerb) }

// isIrregularParticiple reports participles without -ed ("sent", "lost").
func (lx *lexicon) isIrregularParticiple(w string) bool {
	return !strings.HasSuffix(w, "ed") && lx.is(w, wcPastForm)
}

// isOfficeTitle reports the offices a question may ask about ("the
// premier", "the mayor", "the coach"): one held by nobody in the coverage
// means the coverage does not hold the answer.
func (lx *lexicon) isOfficeTitle(w string) bool {
	return lx.is(w, wcOffice) && !lx.is(w, wcVerb|wcAdjective)
}

// vagueNoun reports nouns a question may ask about that the coverage
// seldom spells out ("France's position", "the outcome"): ideas, states,
// acts and messages, not people, places, times or amounts.
func (lx *lexicon) vagueNoun(w string) bool {
	c := lx.class(w)
	return c&wcAbstract != 0 && c&(wcPerson|wcMeasure|wcPossession|wcMoney|wcTime) == 0
}

// markerWord reports the words of a question that only say which answer
// is wanted among several ("the next summit", "how long") and so need not
// occur in the passages: a closed class.
func markerWord(w string) bool {
	switch w {
	case "next", "last", "upcoming", "previous", "name", "names", "long", "numerous":
		return true
	}
	return false
}

// answerNoun returns what a question asks for when it names it with w
// ("which official", "what year", "the size of").
func (lx *lexicon) answerNoun(w string) answerKind {
	switch w {
	case "name", "names":
		return kindPerson
	case "why":
		return kindReason
	}
	if c := lx.class(w); c&(wcVerb|wcAdjective|wcAdverb|wcPastForm|wcIngForm|wcVerbS) != 0 || c&wcNoun == 0 {
		return kindAny
	}
	return lx.nounKind(w)
}

// nounKind is answerNoun for a word known to stand as a noun ("which
// judge"), whatever its commonest use.
func (lx *lexicon) nounKind(w string) answerKind {
	c := lx.class(w)
	switch {
	case c&wcTime != 0:
		return kindDate
	case c&wcMeasure != 0:
		return kindNumber
	case c&wcPlaceNoun != 0:
		return kindPlace
	case c&wcPerson != 0:
		return kindPerson
	case c&wcMotive != 0:
		return kindReason
	}
	return kindAny
}

// mentionsMoney reports whether a sentence speaks of money: a currency
// sign, or a figure in a unit of money ("30,000 pounds", "1.8 million
// euros").
func (lx *lexicon) mentionsMoney(s *passageSentence) bool {
	if strings.ContainsAny(s.lower, "$€£¥") {
		return true
	}
	for i, tk := range s.toks {
		if i > 0 && tk.letters > 1 && lx.is(tk.lower, wcMoney) {
			if p := s.toks[i-1]; p.digits > 0 || numberWordValue(p.lower) > 0 || isNumberWord(p.lower) {
				return true
			}
		}
	}
	return false
}

// moneyAt reports whether the figure at word i is a sum of money: a
// currency sign just before it ("£21", "US$40") or a unit of money after
// it, across the number words that scale it ("8 pounds", "5 million
// euro"). differ.go and gate.go both read sums by it.
func (lx *lexicon) moneyAt(s *passageSentence, i int) bool {
	toks := s.toks
	if before := strings.TrimRight(s.text[:toks[i].start], "ABCDEFGHIJKLMNOPQRSTUVWXYZ"); strings.HasSuffix(before, "$") || strings.HasSuffix(before, "£") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "¥") {
		return true
	}
	for k := i + 1; k <= min(i+3, len(toks)-1); k++ {
		if lx.is(toks[k].lower, wcMoney) {
			return true
		}
		if toks[k].digits == 0 && !isNumberWord(toks[k].lower) && numberWordValue(toks[k].lower) == 0 {
			break
		}
	}
	return false
}

// isTimeUnit reports the words of spans of time.
// A word mostly of another part of speech ("full", as in "86 full-time
// musicians") is none.
func (lx *lexicon) isTimeUnit(w string) bool {
	return lx.is(w, wcTimespan) && !lx.is(w, wcAdjective|wcVerb|wcAdverb)
}

// isPeopleNoun reports nouns for people or bodies of people, which a
// headcount measures.
func (lx *lexicon) isPeopleNoun(w string) bool { return lx.is(w, wcPerson|wcGroup) }

// isComparative reports the determiners that make a figure the count of
// something more or less than the whole: a closed class.
func isComparative(w string) bool {
	switch w {
	case "more", "fewer", "less", "another", "further", "extra", "additional":
		return true
	}
	return false
}

// isNationality reports the words that tie a person or a figure to a
// place: Canadian, French.
func (lx *lexicon) isNationality(w string) bool { return lx.is(w, wcPlaceAdj) }

// isRole reports nouns for people by their office or trade ("minister",
// "spokesperson", "welder"), as written in lower case.
func (lx *lexicon) isRole(w string) bool {
	return lx.is(w, wcPerson) && lx.is(w, wcNoun)
}

// isRelativeDate reports words for a time that is no date: "tomorrow",
// "next spring", "in the coming weeks", "the deadline".
func (lx *lexicon) isRelativeDate(w string) bool {
	return lx.is(w, wcTime) && !lx.is(w, wcVerb|wcAdjective|wcTimeUnit)
}

// isPlaceWord reports words that stand between a preposition and the name
// of a place: "in the capital Kabul", "in the restive southern city of
// Kandahar": kinds of places and adjectives.
func (lx *lexicon) isPlaceWord(w string) bool {
	return lx.is(w, wcPlaceNoun) || lx.pos(w) == wcAdjective
}

// isOrgWord reports words that make a run of capitalised words the name
// of an organisation, a place or a thing rather than of a person
// ("Defence Ministry", "Kestrel Bay", "Royal Nursing Union").
func (lx *lexicon) isOrgWord(w string) bool {
	c := lx.class(w)
	return c&(wcThing|wcOrganization) != 0 && c&wcPerson == 0 && c&wcNoun != 0
}

// isReportingVerb reports the verbs that follow the name of a speaker:
// said, told, added, warned, urged.
func (lx *lexicon) isReportingVerb(w string) bool {
	return lx.is(w, wcSaying) && lx.is(w, wcVerb|wcPastForm|wcIngForm|wcVerbS)
}

// isFunctionWord reports the words that start sentences in capitals ("The
// remarks by ...", "Meanwhile", "Speaking to") and so do not begin names:
// closed grammatical classes, adverbs and the -ing forms of verbs.
func (lx *lexicon) isFunctionWord(w string) bool {
	switch w {
	case "the", "a", "an", "in", "on", "at", "of", "for", "by", "with", "from", "to", "and",
		"but", "or", "if", "as", "after", "before", "when", "while", "this", "that", "these",
		"those", "there", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
		"our", "some", "many", "most", "all", "according", "so":
		return true
	}
	if lx.pos(w) == wcAdverb {
		return true
	}
	return lx.is(w, wcIngForm)
}

// isPresenceVerb reports verbs that only place or state what is counted
// ("how many troops are deployed", "are stationed", "are believed"): a
// head count answers them without the verb, where "how many were
// wounded" must count the wounded.
func (lx *lexicon) isPresenceVerb(w string) bool { return lx.is(w, wcPresence) }

// below returns a word's base forms and the words below them in WordNet
// down to depth levels.
func (lx *lexicon) below(word string, depth int) []string {
	th := lx.th
	if th == nil {
		return []string{word}
	}
	seen := make(map[string]bool)
	var out []string
	var walk func(w string, d int)
	walk = func(w string, d int) {
		if seen[w] {
			return
		}
		seen[w] = true
		out = append(out, w)
		if d < depth {
			for _, h := range th.Hyponyms(w) {
				walk(h, d+1)
			}
		}
	}
	for _, l := range th.Lemmas(word) {
		walk(l, 0)
	}
	return out
}
