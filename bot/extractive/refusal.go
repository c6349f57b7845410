package extractive

// This file finds the sentences that say no to a yes/no question in
// other words than "not": news reports a refusal, a denial or an ending by
// its verb ("the union rejected the offer", "Ruiz retired at the end of
// last season", "the club demolished the old stand"), and a body that
// keeps out of something by distancing itself from it ("the council
// distanced itself from the decision"). Which verbs do so is WordNet's
// (the thesaurus's Negative class: the verbs below refuse, reject, deny,
// oppose, stop, end, resign, cancel, destroy, ban, die), not a list.
//
// It also tells what is asserted from what is only wished: "NATO wanted
// Canada to extend its mission" does not say that Canada extended it.

import (
	"slices"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// negativeVerb reports whether the lower-cased word, or the phrase it
// opens with next ("turned down", "stepped down"), is in one of its
// forms a verb that refuses, denies, ends or undoes what it takes.
func (e *Answerer) negativeVerb(w, next string) bool {
	if e.th == nil || len(w) < 3 {
		return false
	}
	for _, l := range e.th.Lemmas(w) {
		if e.th.In(l, thesaurus.Negative) || next != "" && e.th.In(l+" "+next, thesaurus.Negative) {
			return true
		}
	}
	return false
}

// negativeAt reports whether word k of s is such a verb, used as a verb
// and not itself negated ("did not reject" says no refusal).
func (e *Answerer) negativeAt(s *passageSentence, k int) bool {
	toks := s.toks
	tk := toks[k]
	if tk.upper && k > 0 || isAuxiliary(tk.lower) || nounSlot(toks, k) || negatedAt(toks, k) || k > 0 && toks[k-1].lower == "to" {
		return false // "can", a modal; "a vote to end the mission", an intent
	}
	if k > 0 && isTopicPreposition(toks[k-1].lower) {
		return false // "persuade Ottawa to change its mind about ending the mission": what is talked of
	}
	next := ""
	if k+1 < len(toks) {
		next = toks[k+1].lower
	}
	return e.negativeVerb(tk.lower, next) || dissociatesAt(toks, k)
}

// objectSpan is how many words after a verb its object is looked for in.
const objectSpan = 4

// isTopicPreposition reports whether w, before the -ing form of a verb,
// makes it what is spoken or thought of, not something done: "about
// ending", "of closing", "on quitting", "over cancelling".
func isTopicPreposition(w string) bool {
	switch w {
	case "about", "of", "on", "over", "against", "for", "whether":
		return true
	}
	return false
}

// dissociatesAt reports whether word k is the verb of a subject that
// keeps itself out of something: a verb with a reflexive pronoun and
// "from" after it ("distanced itself from", "excused himself from",
// "withdrew themselves from"). The grammar says it, whatever the verb.
func dissociatesAt(toks []textWord, k int) bool {
	if k+2 >= len(toks) || toks[k+2].lower != "from" {
		return false
	}
	switch toks[k+1].lower {
	case "itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself":
		return true
	}
	return false
}

// predicateNegative reports whether the verb of a yes/no question's
// predicate is itself one of refusing or ending ("Did the union reject
// the offer?", "Did she retire?"): a sentence with such a verb then
// says yes, not no.
func (e *Answerer) predicateNegative(q questionInfo) bool {
	return slices.ContainsFunc(q.terms, func(t qterm) bool { return t.predVerb && e.negativeVerb(t.word, "") })
}

// subjectTerms reports, for each term of q, whether it names the subject
// of a yes/no question: a word before its predicate that sets no scene,
// or a name when no predicate was found.
func subjectTerms(q questionInfo) []bool {
	out := make([]bool, len(q.terms))
	if !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.pred }) {
		// No predicate found ("Is Lindqvist still the director?"): the
		// subject is what the question names, if anything.
		for i, t := range q.terms {
			out[i] = t.name
		}
		return out
	}
	for i, t := range q.terms {
		if t.pred {
			break
		}
		out[i] = !t.aside && (t.name || t.weight > lightWeight)
	}
	return out
}

// refuses reports whether s says no to what q asks by a verb of refusing
// or ending (see negativeAt): one whose subject is the question's (a
// word of it, or a pronoun, before the verb) or whose object is what the
// question asks of it (a word of its predicate after the verb: "an
// injury ended her season" for "did she finish the season"), and that
// speaks of what is asked: a word of the question other than its subject
// after the verb ("declined the offer"), or anything when the question
// asks whether the subject still does it ("retired" for "is she still
// competing").
func (e *Answerer) refuses(q questionInfo, s *passageSentence) bool {
	if !q.yesno || q.negated || e.predicateNegative(q) {
		return false
	}
	subj := subjectTerms(q)
	// isSubject: word i of s stands for the subject, by a word of it, the
	// noun its article calls a name of it ("the council"), or a pronoun.
	isSubject := func(i int) bool {
		tk := s.toks[i]
		if isPronoun(tk.lower) || tk.lower == "it" || tk.lower == "we" {
			// A pronoun after another name stands for that name:
			// "Varga-Lenz will not take part; he retired".
			return !slices.ContainsFunc(s.toks[min(1, i):i], func(w textWord) bool {
				return w.upper && !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.name && e.wordIs(w, t) })
			})
		}
		for j, t := range q.terms {
			if subj[j] && e.standsFor(s, i, t) {
				return true
			}
		}
		return false
	}
	// what: a word of what is asked beyond the subject; pred: of the
	// predicate itself.
	what := func(tk textWord, predOnly bool) bool {
		for i, t := range q.terms {
			if subj[i] || t.name && !t.pred || t.weight <= lightWeight || predOnly && !t.pred {
				continue
			}
			if e.wordIs(tk, t) {
				return true
			}
		}
		return false
	}
	toks := s.toks
	for k := range toks {
		if !e.negativeAt(s, k) {
			continue
		}
		before := false
		for i := range k {
			before = before || isSubject(i)
		}
		after := toks[k+1:]
		// The object of the verb: the few words after it ("ended her
		// season", "withdrew veltrazine from sale"); one who distances
		// itself from something is its subject.
		object := !dissociatesAt(toks, k) && slices.ContainsFunc(after[:min(len(after), objectSpan)], func(tk textWord) bool { return what(tk, true) })
		if !before && !object {
			continue
		}
		if q.still || object || slices.ContainsFunc(after, func(tk textWord) bool { return what(tk, false) }) {
			return true
		}
	}
	return false
}

// denies reports whether s says no to a yes/no question by negating its
// predicate's verb itself: a negation in the clause that holds it
// ("Nobody was hurt", "the shutters could not be closed" for "were the
// shutters closed").
func (e *Answerer) denies(q questionInfo, s *passageSentence) bool {
	if !q.yesno || q.negated {
		return false
	}
	for i := range s.toks {
		if !negationAt(s.toks, i) {
			continue
		}
		from, to := clauseOf(s, i)
		for k := from; k <= to; k++ {
			if k != i && !nounSlot(s.toks, k) && slices.ContainsFunc(q.terms, func(t qterm) bool { return e.predicateVerb(t) && e.wordIs(s.toks[k], t) }) {
				return true
			}
		}
	}
	return false
}

// holdsRest reports whether s holds a word of what a yes/no question
// asks about beyond its subject and predicate ("leaving the shutters
// open" of "did the university take the blame for leaving the shutters
// open"): a refusal of that answers it in other words than the
// predicate's, where a refusal of the predicate's verb alone ("Tarn will
// not be released again" for "did the trust release any wolves") speaks
// of something else.
func (e *Answerer) holdsRest(q questionInfo, s *passageSentence) bool {
	subj := subjectTerms(q)
	for i, t := range q.terms {
		if subj[i] || t.pred || t.name || t.weight <= lightWeight {
			continue
		}
		if e.holdsWord(s, t) {
			return true
		}
	}
	return false
}

// predicateVerb reports whether t is a verb of a yes/no question's
// predicate that says something: its main verb, or one after it ("did
// they manage to shut the dome": shut).
func (e *Answerer) predicateVerb(t qterm) bool {
	return t.pred && t.weight > lightWeight && (t.predVerb || !t.predObj && e.lexicon.is(t.word, wcVerb))
}

// refusedRequest reports whether s reports that what a yes/no question
// asks was asked for and refused: its predicate's verb as a request
// ("asked them to close it", see wishedAt) and, after it, a negation or
// a verb of refusing ("and they said no", "he told us he would not",
// "they refused"); or the request in the sentence before and the
// refusal in s, which points back to it or names the one asked ("They
// refused.", "The council refused, citing its budget.").
func (e *Answerer) refusedRequest(q questionInfo, s *passageSentence) bool {
	if !q.yesno || q.negated || e.predicateNegative(q) {
		return false
	}
	requested := func(s *passageSentence) int {
		for k, tk := range s.toks {
			if e.lexicon.wishedAt(s.toks, k) && slices.ContainsFunc(q.terms, func(t qterm) bool { return t.predVerb && e.wordIs(tk, t) }) {
				return k
			}
		}
		return -1
	}
	refused := func(s *passageSentence, from int) bool {
		for i := from; i < len(s.toks); i++ {
			next := ""
			if i+1 < len(s.toks) {
				next = s.toks[i+1].lower
			}
			if negationAt(s.toks, i) || !s.toks[i].upper && e.negativeVerb(s.toks[i].lower, next) && !nounSlot(s.toks, i) {
				return true
			}
		}
		return false
	}
	if k := requested(s); k >= 0 {
		return refused(s, k+1)
	}
	return s.prev != nil && (pointsBack(s) || e.namesSubject(q, s)) && requested(s.prev) >= 0 && refused(s, 0)
}

// wishedAt reports whether word k of toks is a verb only wished, asked
// or planned for someone: after "to" that follows a noun or a name, not a
// verb ("wanted Canada to extend", "asked the organisers to close",
// "money to pay for"). "Agreed to extend" says it was agreed.
func (lx *lexicon) wishedAt(toks []textWord, k int) bool {
	if k < 2 || toks[k-1].lower != "to" {
		return false
	}
	p := toks[k-2]
	if isPronoun(p.lower) || p.lower == "us" || p.lower == "it" || p.lower == "me" || p.lower == "you" {
		return true
	}
	return p.upper || p.letters > 0 && !lx.is(p.lower, wcVerb|wcPastForm|wcIngForm|wcVerbS)
}
