package extractive

// This file reads the words of a clause around a date, for eventdate.go:
// where a noun phrase starts and whether a word read as a verb sits in
// one ("the pay offer"), a finite or past verb, what a verb acts on, a
// noun that names an action ("a vote"), a plan ("will", "is scheduled
// to"), phrasal verbs ("kick off"), and the actions WordNet gives as
// opposites or as one family.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// maxSubject is the most words a sentence's subject runs to.
const maxSubject = 12

// nounPhraseStart returns the first word of the noun phrase word k
// would end: back over determiners, possessives and words in no form
// only a verb takes ("the pay offer", "the bridge's reopening"), to a
// modal, "to", a preposition, a form of "be" or "have", or a verb in the
// past; k itself when none is before it.
func (lx *lexicon) nounPhraseStart(s *passageSentence, k int) int {
	toks := s.toks
	j := k
	for j-1 >= 0 && j-1 >= k-4 {
		w := toks[j-1].lower
		if isModal(w) || w == "to" || isPreposition(w) || isTemporalPreposition(w) || isCopulaWord(w) || isHave(w) || isSubjectPronoun(w) ||
			lx.pastVerbAt(toks, j-1) || toks[j-1].digits > 0 || strings.ContainsAny(s.text[toks[j-1].end:toks[j].start], ",;:()") {
			break
		}
		j--
	}
	return j
}

// inNounPhrase reports whether word k, which may be read as a verb, is
// a noun of a noun phrase: a determiner or possessive opens the phrase
// it ends ("the pay offer", "its new wing"), and k is in no form only a
// verb takes ("the committee voted").
func (lx *lexicon) inNounPhrase(s *passageSentence, k int) bool {
	toks := s.toks
	if lx.pastVerbAt(toks, k) || lx.finiteVerb(toks[k].lower) && k > 0 && !isNounMarker(toks[k-1].lower) {
		return false // "the committee voted", "the regatta closes"
	}
	return lx.determined(s, k)
}

// determined reports whether a determiner or possessive opens the noun
// phrase word k would end: "a vote", "the bridge's reopening".
func (lx *lexicon) determined(s *passageSentence, k int) bool {
	for j := lx.nounPhraseStart(s, k); j < k; j++ {
		if isNounMarker(s.toks[j].lower) || s.toks[j].lower == "s" {
			return true
		}
	}
	return false
}

// isPreposition reports the prepositions that end a noun phrase before
// it: a closed class.
func isPreposition(w string) bool {
	switch w {
	case "on", "for", "of", "in", "at", "by", "over", "from", "with", "into", "about", "against", "under", "through",
		"without", "across", "toward", "towards", "between", "among", "near", "along", "onto", "upon", "within":
		return true
	}
	return false
}

// isTemporalPreposition reports the prepositions that set an event in
// time ("since the bridge's reopening", "after its debut"): a closed
// class.
func isTemporalPreposition(w string) bool {
	switch w {
	case "since", "after", "before", "until", "following", "during", "ahead":
		return true
	}
	return false
}

// pastVerbAt reports whether word k is a verb in the past ("closed",
// "approved", "began"), which WordNet may list as an adjective, after no
// determiner.
func (lx *lexicon) pastVerbAt(toks []textWord, k int) bool {
	w := toks[k].lower
	if lx.th == nil || toks[k].upper && k > 0 || lx.isLightVerb(w) || isStopWord(w) || k > 0 && isNounMarker(toks[k-1].lower) {
		return false
	}
	if !strings.HasSuffix(w, "ed") && !lx.isIrregularParticiple(w) && !lx.is(w, wcPastForm) {
		return false
	}
	for _, l := range lx.th.Lemmas(w) {
		if l != w && (lx.pos(l) == wcVerb || lx.is(l, wcHasVerb)) && !lx.is(l, wcSaying) {
			return true // "approved"; "docked", of a noun first
		}
	}
	return false
}

// isHave reports the forms of "have": a closed class.
func isHave(w string) bool { return w == "has" || w == "have" || w == "had" }

// finiteVerb reports a verb in a form that only a verb takes: past
// ("approved", "sent") or the third person ("opens") of a word mostly a
// verb.
func (lx *lexicon) finiteVerb(w string) bool {
	if lx.th == nil || lx.nounWord(w) {
		return false
	}
	for _, l := range lx.th.Lemmas(w) {
		if l != w && lx.pos(l) == wcVerb {
			return true
		}
	}
	return false
}

// argumentAt reports whether the noun at k is what a verb acts on ("vote
// on the pay offer on June 4", "approved the budget"), not an action of
// its own ("approved it in a vote on", "since the bridge's reopening
// on"): its noun phrase follows a verb, or a verb and a preposition not
// of time.
func (lx *lexicon) argumentAt(s *passageSentence, k int) bool {
	toks := s.toks
	j := lx.nounPhraseStart(s, k) - 1
	if j >= 0 && isPreposition(toks[j].lower) {
		j--
	}
	return j >= 0 && (lx.eventVerbAt(toks, j) || lx.pastVerbAt(toks, j))
}

// isDatePreposition reports the words between an action and its date:
// "a vote on June 4", "set for May 9": a closed class.
func isDatePreposition(w string) bool {
	switch w {
	case "on", "for", "of", "in", "at", "by":
		return true
	}
	return false
}

// actionNoun reports a noun that names an action or event ("vote",
// "opening", "debut", "reopening"): one of acts or events, or made from
// a verb.
func (lx *lexicon) actionNoun(w string) bool {
	if lx.th == nil || isStopWord(w) || lx.is(w, wcTime) {
		return false
	}
	for _, l := range lx.th.Lemmas(w) {
		if lx.th.In(l, thesaurus.Act) || lx.th.In(l, thesaurus.Event) || lx.pos(l) == wcVerb {
			return true
		}
	}
	return false
}

// scheduledFor reports a date given as when the subject is planned, with
// no action of its own: "is set for September 20", "scheduled for",
// "due on".
func scheduledFor(s *passageSentence, m mention) bool {
	k := m.first - 1
	for k >= 0 && isWeekday(s.toks[k].lower) {
		k--
	}
	if k < 1 || s.toks[k].lower != "for" && s.toks[k].lower != "on" {
		return false
	}
	w := s.toks[k-1].lower
	return k >= 2 && (s.toks[k].lower == "for" && (isParticiple(w) || w == "set") && isCopulaWord(s.toks[k-2].lower) || w == "due")
}

// isCopulaWord reports the forms of "be": a closed class.
func isCopulaWord(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

// plannedAt reports whether the words from lo to before end tell of a
// plan: a modal ("will vote", "would open"), "to" before a verb ("plans
// to open", "is scheduled to reopen"), or "due".
func plannedAt(s *passageSentence, lo, end int) bool {
	for k := max(0, lo); k < end; k++ {
		switch w := s.toks[k].lower; {
		case w == "will" || w == "shall" || w == "due":
			return true
		case w == "to" && k > 0 && (isParticiple(s.toks[k-1].lower) || strings.HasSuffix(s.toks[k-1].lower, "s")):
			return true // "is scheduled to", "plans to"
		}
	}
	return false
}

// phrasalVerb returns the phrasal verb w and particle make as WordNet
// has it ("kicks", "off": "kick off"), or "".
func (lx *lexicon) phrasalVerb(w, particle string) string {
	if !isParticle(particle) {
		return ""
	}
	for _, l := range lx.th.Lemmas(w) {
		if p := l + " " + particle; lx.th.Known(p) && (lx.pos(l) == wcVerb || lx.is(l, wcHasVerb)) {
			return p
		}
	}
	return ""
}

// isParticle reports the adverbs of phrasal verbs ("kick off", "open
// up"): a closed class.
func isParticle(w string) bool {
	switch w {
	case "off", "up", "out", "down", "over", "in", "on", "back":
		return true
	}
	return false
}

// isSubordinator reports the words that open a clause of its own
// ("since the terminal opened", "when it reopened"): a closed class.
func isSubordinator(w string) bool {
	return isTemporalPreposition(w) || w == "when" || w == "as" || w == "because" || w == "while" || w == "once" || w == "where" || w == "that" || w == "which"
}

// isTimeDeterminer reports the words that make a time noun a time ("next
// week", "this season"): a closed class.
func isTimeDeterminer(w string) bool {
	switch w {
	case "this", "next", "last", "every", "each", "coming", "past", "that", "previous":
		return true
	}
	return false
}

// isSubjectPronoun reports the personal pronouns a subject may be,
// which stand for one the sentence does not name: a closed class.
func isSubjectPronoun(w string) bool {
	switch w {
	case "i", "we", "you", "he", "she", "it", "they":
		return true
	}
	return false
}

// opposedActions reports two actions WordNet gives as opposites ("open",
// "close"; "start", "finish"), directly or through a synonym or the verb
// a noun is made from.
func (lx *lexicon) opposedActions(a, b string) bool {
	if a == b {
		return false
	}
	for _, x := range lx.actionFamily(a) {
		for _, y := range lx.actionFamily(b) {
			if slices.Contains(lx.th.Related(x, thesaurus.Antonym), y) {
				return true
			}
		}
	}
	return false
}

// actionFamily is w with its synonyms and the words derived from it or
// it from them: one word each ("opening", "open").
func (lx *lexicon) actionFamily(w string) []string {
	out := []string{w}
	for _, r := range lx.th.Related(w, thesaurus.Synonym, thesaurus.Derived) {
		if !strings.Contains(r, " ") {
			out = append(out, r)
		}
	}
	return out
}

// relatedAction reports two actions WordNet joins within a step more
// than sameAction does: one's family holds a word whose family, or the
// kinds of which, hold one of the other's ("debut", an introduction, of
// which an opening is a kind: "open").
func (lx *lexicon) relatedAction(a, b string) bool {
	fa, fb := lx.actionFamily(a), lx.actionFamily(b)
	reach := func(f []string) map[string]bool {
		out := make(map[string]bool)
		for _, w := range f {
			out[w] = true
			for _, h := range lx.th.Hyponyms(w) {
				out[h] = true
			}
		}
		return out
	}
	ra, rb := reach(fa), reach(fb)
	for _, w := range fb {
		if ra[w] {
			return true
		}
	}
	for _, w := range fa {
		if rb[w] {
			return true
		}
	}
	return false
}
