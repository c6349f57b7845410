package extractive

// This file answers yes/no questions ("Did Canada agree to extend its
// mission?") with the evidence on both sides: the coverage often holds
// one side pushing and the other refusing, and quoting only the first
// answers the question wrongly.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// isYesNo reports whether a question asks yes or no: it opens with an
// auxiliary ("Did", "Is", "Will", "Has").
func isYesNo(toks []textWord) bool {
	return len(toks) > 1 && isAuxiliary(toks[0].lower)
}

// saysNo reports whether s says no to what q asks: a negation (not, no,
// never, n't) in a clause of s that holds one of the question's words
// ("Ottawa would not change its mind"), or a reply that is "No." A
// negation in another clause, about something else, says nothing of
// it: "The fee was not disclosed, but reports put it at 400,000 pounds,
// a record".
func (e *Answerer) saysNo(q questionInfo, s *passageSentence) bool {
	toks := s.toks
	if e.refuses(q, s) || e.refusedRequest(q, s) || q.record && e.sinceRecord(q, s) && e.aboutRecord(q, s) {
		return true // "the union declined the offer", "Ruiz retired"
	}
	for k := range toks {
		if e.opposesAt(q, s, k) && !negatedAt(toks, k) {
			return true // "sales fell" for "did sales grow", "will close" for "stay open"
		}
	}
	for i, t := range toks {
		if !negationAt(toks, i) {
			continue
		}
		if t.lower == "no" && (i+1 == len(toks) || strings.ContainsAny(s.text[t.end:toks[i+1].start], ",.;:!")) {
			return true // "Doyle: No. I have two years left"
		}
		from, to := clauseOf(s, i)
		for k := from; k <= to; k++ {
			if k != i && slices.ContainsFunc(q.terms, func(qt qterm) bool { return (qt.name || qt.weight > lightWeight) && e.wordIs(toks[k], qt) }) {
				return true
			}
		}
	}
	return false
}

// wordIs reports whether a word stands for t: its stem, or that of its
// base form, is t's or one of its forms' or synonyms'. It is stricter
// than tokenMatches, which finds a term's prefix in any word ("disc",
// a record, in "disclosed").
func (e *Answerer) wordIs(tk textWord, t qterm) bool {
	for _, st := range slices.Concat(e.terms.Terms(tk.text), e.baseStems(tk.lower)) {
		if st == t.stem || slices.Contains(t.forms, st) || slices.Contains(t.syn, st) {
			return true
		}
	}
	return false
}

// opposes reports whether a word is the opposite of a word of the
// question's predicate ("fell" of "grow", "lost" of "win").
func (e *Answerer) opposes(q questionInfo, tk textWord) bool {
	if tk.upper || tk.letters < 3 {
		return false
	}
	var lemmas []string
	for _, t := range q.terms {
		if len(t.anto) == 0 {
			continue
		}
		if lemmas == nil {
			lemmas = e.antonymLemmas(tk.lower)
		}
		if slices.ContainsFunc(lemmas, func(st string) bool { return slices.Contains(t.anto, st) }) {
			return true
		}
	}
	return false
}

// antonymLemmas returns the stems of the base forms of a word whose
// opposites are looked up: an irregular form is of its verb only
// ("found" is find's, not the found of founding a firm; "left" leave's).
func (e *Answerer) antonymLemmas(w string) []string {
	if e.th != nil {
		if forms := e.th.Related(w, thesaurus.Form); len(forms) > 0 {
			var out []string
			for _, f := range forms {
				out = append(out, e.terms.Terms(f)...)
			}
			return out
		}
	}
	lemmas := append(e.terms.Terms(w), e.baseStems(w)...)
	if e.th != nil {
		for _, l := range e.th.Lemmas(w) {
			lemmas = append(lemmas, e.terms.Terms(l)...)
		}
	}
	return lemmas
}

// negationAt reports whether word i of toks negates: not, no, never,
// nor, cannot, neither, or the t of "didn't".
func negationAt(toks []textWord, i int) bool {
	switch toks[i].lower {
	case "not", "no", "never", "nor", "cannot", "neither", "nobody", "none", "nothing":
		return true
	case "t":
		return i > 0 && strings.HasSuffix(toks[i-1].lower, "n") && toks[i].start == toks[i-1].end+1
	}
	return false
}

// clauseOf returns the first and last word of the clause of s that
// holds word i: up to a comma, semicolon, colon, dash or bracket, or the
// word "but".
func clauseOf(s *passageSentence, i int) (from, to int) {
	toks := s.toks
	breaks := func(a, b int) bool { // between words a and a+1 == b
		gap := s.text[toks[a].end:toks[b].start]
		return strings.ContainsAny(gap, ",;:()[]—–") || strings.Contains(gap, " - ") || toks[b].lower == "but" || toks[a].lower == "but"
	}
	for from = i; from > 0 && !breaks(from-1, from); from-- {
	}
	for to = i; to+1 < len(toks) && !breaks(to, to+1); to++ {
	}
	return from, to
}

// againstShare is the share of the best evidence's relevance a sentence
// saying no needs to be quoted against it.
const againstShare = 0.35

// decisiveShare is the share of the best score a sentence that speaks of
// a yes/no question's predicate needs to be preferred to a better one
// that only names its subject.
const decisiveShare = 0.5

// speaksOf reports whether s speaks of the predicate of a yes/no
// question, not only of its subject: it holds a word of the predicate
// ("Will Acme cut jobs?": cut, jobs), or of the whole question but its
// names when no predicate was found; or it echoes the sentence before,
// which does ("NATO is working to persuade Ottawa to change its mind
// about the mission. Cannon reiterated that Ottawa would not change its
// mind").
func (e *Answerer) speaksOf(q questionInfo, s *passageSentence) bool {
	return e.holdsPredicate(q, s) || s.prev != nil && sharedTerms(s, s.prev) >= echoTerms && e.holdsPredicate(q, s.prev)
}

// echoTerms is how many terms a sentence shares with the one before it
// to be a reply to it.
const echoTerms = 3

// holdsPredicate reports whether s itself holds its verb or the last
// word of its object, or their opposite, of the predicate of a yes/no
// question other than a name, when it has one ("Will Acme cut jobs at
// Leeds?": cut or jobs, not Leeds; "accept the first offer": not first), or of the whole question
// but its names when no predicate was found. A reply to a question of
// the text speaks of what it asks.
func (e *Answerer) holdsPredicate(q questionInfo, s *passageSentence) bool {
	if r := replyTo(s); r != nil {
		s = r
	}
	some := slices.ContainsFunc(q.terms, func(t qterm) bool { return t.pred && !t.name })
	core := slices.ContainsFunc(q.terms, func(t qterm) bool { return t.predCore && !t.name })
	for _, t := range q.terms {
		if t.pred && t.figure && e.termCredit(s, t) < 1 {
			return false // "the 13th regatta" does not decide whether they won the 14th
		}
	}
	for _, t := range q.terms {
		want := t.pred && !t.name && (t.predCore || !core)
		if !some {
			want = t.pred || !t.name && t.weight == 1
		}
		if want && e.holdsPart(s, t) {
			return true
		}
	}
	return e.opposedIn(q, s)
}

// holdsWord reports whether s holds t itself, or a word that is one of
// its forms or synonyms (see wordIs): evidence either way must speak of
// what is asked, not hold a synonym's stem inside a longer word.
func (e *Answerer) holdsWord(s *passageSentence, t qterm) bool {
	return e.termCredit(s, t) == 1 || slices.ContainsFunc(s.toks, func(tk textWord) bool { return e.wordIs(tk, t) })
}

// replyTo returns the question of the text that s replies to ("Q: Do you
// plan to leave? A: No. I have two years left."), or nil.
func replyTo(s *passageSentence) *passageSentence {
	for n, p := 0, s.prev; n < replyLen && p != nil; n, p = n+1, p.prev {
		if p.asks {
			return p
		}
	}
	return nil
}

// decisive returns the sentence that decides a yes/no question: the best
// of those close to the best score that name its subject and speak of
// its predicate, or the best when none does (each is of an article that
// names everything the question names), which is then quoted with the
// others that score close to it. A sentence that only names
// the subject is no evidence either way.
func (e *Answerer) decisive(q questionInfo, cands []*scoredSentence, sents []*passageSentence) *scoredSentence {
	close := func(yield func(*scoredSentence) bool) {
		for _, c := range cands {
			if c.score < decisiveShare*cands[0].score || !yield(c) {
				return
			}
		}
	}
	named := make(map[string]bool)
	for _, c := range cands {
		named[c.s.source] = true
	}
	// "The worst since 2011" answers "was it the first".
	if r := e.recordSentence(q, sents, named); r != nil {
		return r
	}
	// One that says it, or its opposite, or replies to a question of the
	// text that does.
	for c := range close {
		if !c.s.headline && e.namesSubject(q, c.s) && e.decides(q, c.s) {
			return c
		}
	}
	// None close to the best does: the one of their articles that does,
	// which the search's words ranked low ("the theatre would stay open"
	// for "will the Granary close").
	if d := e.decidingSentence(q, sents, named); d != nil {
		return d
	}
	// Else one that holds a word of the predicate.
	for c := range close {
		if !c.s.headline && e.namesSubject(q, c.s) && e.holdsPredicate(q, c.s) {
			return c
		}
	}
	return cands[0]
}

// yesNoQuotes returns what answers a yes/no question that the coverage
// answers one way: the deciding sentence pro first, then the others
// chosen, which may say what pro's words do not ("will close the
// plant" beside "the plant, which opened in 1987").
// bareReply is the most words of a reply that only says yes or no
// ("A: Never.", "Doyle: No.").
const bareReply = 3

func yesNoQuotes(pro *scoredSentence, chosen []*scoredSentence, most int) []*scoredSentence {
	out := []*scoredSentence{pro}
	if r := replyTo(pro.s); r != nil && r.next == pro.s && sentenceWords(pro.s.toks) <= bareReply && pro.s.next != nil && !pro.s.next.asks {
		// "A: Never." says why in the sentence after it: "I've seen the
		// footprints, nothing more."
		out = append(out, &scoredSentence{s: pro.s.next, score: pro.score})
	}
	for _, c := range chosen {
		if c != pro && len(out) < most && !slices.ContainsFunc(out, func(o *scoredSentence) bool { return o.s == c.s }) {
			out = append(out, c)
		}
	}
	return out
}

// namesSubject reports whether s (or the question it replies to) names
// the subject of a yes/no question itself: every name of it and one of
// its other words, if it has any ("Did Acme's revenue grow?": Acme and
// revenue, or sales; "Did the floodlight failure end the final?":
// floodlight or failure). Without a predicate found, what is the subject is not
// known: the article names it.
func (e *Answerer) namesSubject(q questionInfo, s *passageSentence) bool {
	if !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.pred }) {
		return true
	}
	holds := func(s *passageSentence) bool {
		words, held := false, false
		for _, t := range q.terms {
			switch {
			case t.pred || t.aside || t.weight < 1 || t.capital && !t.name || isIndefinite(t.word):
			case t.name && t.given && s.fullNames[nextName(q, t)]:
				// "Dearlove" for Callum Dearlove, once the article
				// has named him in full.
			case t.name:
				if e.termCredit(s, t) < e.opt.SynonymCredit && !refersTo(s, t) { // "Ottawa" for Canada, "the theatre" for the Granary
					return false
				}
			default:
				words = true
				held = held || e.holdsWord(s, t)
			}
		}
		return !words || held
	}
	if r := replyTo(s); r != nil {
		return holds(r)
	}
	return holds(s) || pointsBack(s) && s.prev != nil && holds(s.prev)
}

// isIndefinite reports whether w is an indefinite pronoun ("Was anyone
// hurt?"): a subject any sentence may be about.
func isIndefinite(w string) bool {
	switch w {
	case "anyone", "anybody", "someone", "somebody", "anything", "something", "everyone", "everybody":
		return true
	}
	return false
}

// pointsBack reports whether s speaks of what the sentence before it
// names without naming it: by a personal pronoun ("We asked them to close
// it and they said no"), or a subject that only counts it ("All three
// recovered", "Two of the three", "Both").
func pointsBack(s *passageSentence) bool {
	toks := s.toks
	if len(toks) == 0 {
		return false
	}
	switch w := toks[0].lower; {
	case w == "all" || w == "both" || w == "neither" || w == "none" || w == "each":
		return true
	case toks[0].digits > 0 || numberWordValue(w) > 0:
		return len(toks) > 1 && (toks[1].lower == "of" || !toks[1].upper && len(toks) > 2 && toks[2].lower == "of")
	}
	return slices.ContainsFunc(toks, func(tk textWord) bool { return isPronoun(tk.lower) || tk.lower == "it" })
}

// yesNo returns the evidence for and against the question among the
// sentences: the sentence that decides it, and the most relevant
// sentence that says the opposite (one saying no when the first says
// yes, and the reverse), or nil when there is none. Both must speak of
// the question's predicate, in articles that name its subject: "points both ways"
// means one sentence supports and another contradicts what is asked.
func (e *Answerer) yesNo(q questionInfo, cands []*scoredSentence, sents []*passageSentence) (pro, con *scoredSentence) {
	best := e.decisive(q, cands, sents)
	if !e.speaksOf(q, best.s) {
		return best, nil
	}
	// The other side is of an article that names what the question
	// names, as the candidates' articles do.
	named := make(map[string]bool)
	for _, c := range cands {
		named[c.s.source] = true
	}
	if q.record && e.sinceRecord(q, best.s) {
		return best, nil // "the worst since 2011": there was one before
	}
	bestNeg := e.saysNo(q, best.s)
	relevance := func(s *passageSentence) float64 { return e.yesNoRelevance(q, s) }
	onTopic := func(s *passageSentence) bool { return e.onTopic(q, s) }
	top := relevance(best.s)
	var other *passageSentence
	otherRel := 0.0
	for _, s := range sents {
		if s == best.s || s.headline || s.caption || s.byline || s.asks || e.saysNo(q, s) == bestNeg || sameWords(s.text, best.s.text) ||
			!named[s.source] || !onTopic(s) || !e.speaksOf(q, s) || !e.namesSubject(q, s) {
			continue
		}
		if bestNeg && !e.affirms(q, s) {
			continue // the side that says yes must say it, not echo what does
		}
		if r := relevance(s); r > otherRel {
			other, otherRel = s, r
		}
	}
	if other == nil || otherRel < againstShare*top || otherRel < 0.25 {
		return best, nil
	}
	o := &scoredSentence{s: other, score: otherRel}
	if !bestNeg && !e.affirms(q, best.s) && !e.repliesTo(q, best.s) {
		// The best says neither yes nor no ("NATO wanted Canada to extend
		// its mission"): the sentence that says no answers, the best
		// says what it answers.
		return o, nil
	}
	if bestNeg {
		return o, best
	}
	return best, o
}

// onTopic reports whether s speaks of what q asks, not only of whom:
// "the musicians were relieved, not triumphant" says nothing of whether
// they accepted an offer. It holds itself two of the question's words
// that are neither names nor light, or all of them when there are fewer.
//
// A reply holds them through the sentence it answers, which it echoes:
// "NATO is working to persuade Ottawa to change its mind about ending the
// mission. Cannon reiterated that Ottawa would not change its mind."
func (e *Answerer) onTopic(q questionInfo, s *passageSentence) bool {
	if e.holdsTopic(q, s, 2) {
		return true
	}
	return s.prev != nil && sharedTerms(s, s.prev) >= 2 && e.holdsTopic(q, s.prev, 1)
}

// holdsTopic reports whether s holds want of the question's words that
// are neither names nor light, or all of them when there are fewer.
func (e *Answerer) holdsTopic(q questionInfo, s *passageSentence, want int) bool {
	n, topical := 0, 0
	for _, t := range q.terms {
		if t.name || t.weight <= lightWeight {
			continue
		}
		topical++
		if e.termCredit(s, t) >= e.opt.SynonymCredit {
			n++
		}
	}
	return n >= min(want, topical)
}

// sharedTerms counts the terms two sentences both hold.
func sharedTerms(a, b *passageSentence) int {
	n := 0
	for t := range a.terms {
		if b.terms[t] {
			n++
		}
	}
	return n
}

// holdsNames reports whether s itself holds every name of q.
func (e *Answerer) holdsNames(q questionInfo, s *passageSentence) bool {
	for _, t := range q.terms {
		if t.name && e.termCredit(s, t) < 1 {
			return false
		}
	}
	return true
}

// asksStill reports whether a yes/no question asks whether something is
// still so ("Is X still racing?", "Does the route still include it?"):
// the latest report answers it.
func asksStill(toks []textWord) bool {
	for i, tk := range toks {
		switch {
		case tk.lower == "still", tk.lower == "anymore":
			return true
		case tk.lower == "any" && i+1 < len(toks) && toks[i+1].lower == "longer":
			return true
		}
	}
	return false
}

// aspectWord reports whether w only says when or how often the
// question's proposition holds ("Is she still racing?", "Has he ever
// won?", "Did they already sign?"): the answer need not hold it, and
// its senses as a word of its own ("an electron volt" for "ever", "a
// still" for "still") would only lead astray.
func aspectWord(w string) bool {
	switch w {
	case "still", "ever", "already", "yet", "anymore", "again":
		return true
	}
	return false
}

// predicateOf returns the words of a yes/no question's predicate, first
// to last: its main verb, or failing that the first verb that says
// little ("Is she still playing?", "Did the final set a record?"), and
// its object, up to a phrase that only sets the scene ("Will Acme cut
// jobs after the recall?": cut jobs). first is -1 when there is no verb.
func (lx *lexicon) predicateOf(toks []textWord, verb int) (first, last int) {
	first = verb
	if first < 0 {
		// predicate reads the auxiliary after a wh-word; a yes/no
		// question opens with it, so it reads it as if a word came first.
		if v, _, _ := lx.predicate(append([]textWord{{text: "?", lower: "?"}}, toks...)); v > 0 {
			first = v - 1
		}
	}
	// After "is" a participle ("still playing"); after "did" or "will"
	// a base form too, where after "is" it would be a noun ("part of").
	copula := isCopula(toks[0].lower)
	for k := 2; k < len(toks) && first < 0; k++ {
		w := toks[k].lower
		if !toks[k].upper && (isParticiple(w) && (!lx.is(w, wcNoun) || copula && strings.HasSuffix(w, "ing")) || copula && (lx.isIrregularParticiple(w) || lx.is(w, wcVerb) && !lx.is(w, wcNoun)) || !copula && lx.isLightVerb(w)) {
			first = k
		}
	}
	for k := 3; k < len(toks) && first < 0 && !copula; k++ {
		// After "did" or "will", the first word that is mostly a verb
		// past a subject of several words: "Did the patients with
		// kidney damage recover?"
		if w := toks[k].lower; !toks[k].upper && lx.is(w, wcVerb) && !lx.is(w, wcNoun) && !isAuxiliary(w) {
			first = k
		}
	}
	if first < 0 {
		return -1, -1
	}
	last = len(toks) - 1
	if first+1 < len(toks) && (subordinator(toks[first+1].lower) || isTimeConjunction(toks[first+1].lower)) {
		return first, first // "Will the Granary close because of the cut?"
	}
	for k := first + 2; k < len(toks); k++ {
		w := toks[k].lower
		if w == "to" && k+1 < len(toks) && !toks[k+1].upper && lx.is(toks[k+1].lower, wcHasVerb) || w == "of" {
			continue // "agree to extend its mission", "part of the Open"
		}
		if endsNounPhrase(w) || isTimeConjunction(w) {
			last = k - 1
			break
		}
	}
	return first, last
}

// isTimeConjunction reports whether w opens a clause that only says when
// ("Was anyone hurt when the storm hit?"): no part of the predicate.
func isTimeConjunction(w string) bool {
	return w == "when" || w == "while" || w == "once" || w == "as"
}

// latest returns the candidate of the newest dated article among those
// close to the best one, or nil when the best is the newest or no
// article is dated.
func (e *Answerer) latest(q questionInfo, cands []*scoredSentence) *scoredSentence {
	best := cands[0]
	var out *scoredSentence
	for _, c := range cands[1:] {
		if c.score < latestShare*best.score || c.s.date.IsZero() || c.s.headline || c.s.caption || !e.onTopic(q, c.s) || !e.holdsNames(q, c.s) {
			continue
		}
		if c.s.date.After(best.s.date) && (out == nil || c.s.date.After(out.s.date)) {
			out = c
		}
	}
	return out
}

// latestShare is the share of the best score a sentence of a newer
// article needs to answer "is it still so" in its stead.
const latestShare = 0.6

// yesNoAnswer quotes the evidence for and against.
func yesNoAnswer(pro, con *scoredSentence) bot.Answer {
	a := bot.Answer{}
	var b strings.Builder
	b.WriteString("The coverage points both ways. For: ")
	for i, c := range []*scoredSentence{pro, con} {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date,
		})
		if i > 0 {
			b.WriteString(" Against: ")
		}
		b.WriteString(strings.Join(strings.Fields(c.s.text), " ") + " [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}
