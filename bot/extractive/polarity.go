package extractive

// This file decides which sentence says yes or no to a yes/no question:
// one about the question's subject (by name, or by the noun its article
// calls it: "the theatre" for the Old Granary Theatre) that holds its
// predicate, or its opposite, as a verb ("would stay open" for "will the
// Granary close", not "camera traps" for "were the lynx released"). A
// sentence that only shares words with the question decides nothing,
// and a question whose object no sentence holds ("did the trust release
// any wolves?") is not answered.

import "slices"

// nounSlot reports whether word k of toks stands where a noun or an
// adjective does, not a verb: after a determiner or a possessive ("her
// last production", "the close of trading"), or as the subject of the
// auxiliary after it ("camera traps have recorded").
func nounSlot(toks []textWord, k int) bool {
	if k > 0 {
		if p := toks[k-1].lower; isDeterminer(p) || isPossessive(p) && p != "that" {
			return true
		}
	}
	if k+1 < len(toks) && isAuxiliary(toks[k+1].lower) && toks[k+1].start-toks[k].end <= 1 {
		return true
	}
	return false
}

// holdsVerb reports whether s holds t, a predicate's verb, as a verb:
// itself or one of its forms or synonyms, in a verb's place.
func (e *Answerer) holdsVerb(s *passageSentence, t qterm) bool {
	for k, tk := range s.toks {
		if !nounSlot(s.toks, k) && e.wordIs(tk, t) {
			return true
		}
	}
	return false
}

// saysDone reports whether s holds t, the verb of q's predicate, as a
// verb said to be done, not only wished or asked for ("wanted Canada to
// extend its mission": see wishedAt), and not as another word of the
// question that is one of its synonyms ("broke" of "when the fire broke
// out" is no "hurt", though a bone may break).
func (e *Answerer) saysDone(q questionInfo, s *passageSentence, t qterm) bool {
	for k, tk := range s.toks {
		if nounSlot(s.toks, k) || e.lexicon.wishedAt(s.toks, k) || !e.wordIs(tk, t) {
			continue
		}
		stems := e.terms.Terms(tk.text)
		if !slices.ContainsFunc(q.terms, func(u qterm) bool { return !u.pred && u.stem != t.stem && slices.Contains(stems, u.stem) }) {
			return true
		}
	}
	return false
}

// holdsPart reports whether s holds the part t of a question's
// predicate: its verb as a verb, any other word anyhow.
func (e *Answerer) holdsPart(s *passageSentence, t qterm) bool {
	if t.predVerb {
		return e.holdsVerb(s, t)
	}
	return e.holdsWord(s, t)
}

// affirms reports whether s itself says what a yes/no question asks, in
// its words or their synonyms: its verb and the last word of its object
// ("set up a compensation fund" for "create a compensation fund", where
// "most of it raised from donations" holds neither). A sentence quoted
// for one side of the question must; an echo of another does not.
func (e *Answerer) affirms(q questionInfo, s *passageSentence) bool {
	some := false
	for _, t := range q.terms {
		if !t.predCore || t.name || t.weight <= lightWeight && !t.predVerb {
			continue
		}
		some = true
		if t.predVerb && !e.saysDone(q, s, t) || !t.predVerb && !e.holdsWord(s, t) {
			return false
		}
	}
	return some
}

// nextName returns the word of the name term after t in q, "" when none:
// the surname after a given name.
func nextName(q questionInfo, t qterm) string {
	for i, u := range q.terms {
		if u.stem == t.stem && i+1 < len(q.terms) && q.terms[i+1].name {
			return q.terms[i+1].word
		}
	}
	return ""
}

// opposesAt reports whether word k of s is the opposite of a word of
// the question's predicate ("fell" of "grow", "open" of "close") used
// as that word is (a verb for a verb), in a clause that speaks of the
// question's subject or predicate: "the theatre would stay open", not
// "Hedda Gabler, opening on May 9".
func (e *Answerer) opposesAt(q questionInfo, s *passageSentence, k int) bool {
	tk := s.toks[k]
	if tk.upper || tk.letters < 3 {
		return false
	}
	verb := slices.ContainsFunc(q.terms, func(t qterm) bool { return t.predVerb && len(t.anto) > 0 })
	if verb && nounSlot(s.toks, k) && !slices.ContainsFunc(q.terms, func(t qterm) bool { return !t.predVerb && len(t.anto) > 0 }) {
		return false
	}
	if !e.opposes(q, tk) {
		return false
	}
	from, to := clauseOf(s, k)
	for i := from; i <= to; i++ {
		if i != k && e.speaksOfAt(q, s, i) {
			return true
		}
	}
	return false
}

// speaksOfAt reports whether word i of s stands for the question's
// subject or one of the other words of its predicate: a word of the
// question that is a name or not light, a noun its article calls a
// name of the question by, or a personal pronoun.
func (e *Answerer) speaksOfAt(q questionInfo, s *passageSentence, i int) bool {
	tk := s.toks[i]
	if isPronoun(tk.lower) || tk.lower == "it" || tk.lower == "we" {
		return true
	}
	for _, t := range q.terms {
		if !t.predVerb && (t.name || t.weight > lightWeight) && e.standsFor(s, i, t) {
			return true
		}
	}
	return false
}

// standsFor reports whether word i of s stands for the question's term
// t: t itself, one of its forms or synonyms, or the noun its article
// calls a name of it by ("the theatre" for the Granary).
func (e *Answerer) standsFor(s *passageSentence, i int, t qterm) bool {
	tk := s.toks[i]
	if e.wordIs(tk, t) || t.name && tk.lower == t.word {
		return true
	}
	return t.name && i > 0 && isDeterminer(s.toks[i-1].lower) && slices.Contains(s.nameHeads[t.word], tk.lower)
}

// refersTo reports whether s calls the thing a name of the question
// names by the noun its article names it with: "the theatre" in an
// article about the Old Granary Theatre is the Granary.
func refersTo(s *passageSentence, t qterm) bool {
	heads := s.nameHeads[t.word]
	if len(heads) == 0 {
		return false
	}
	for i := 1; i < len(s.toks); i++ {
		if s.toks[i-1].lower == "the" && !s.toks[i].upper && slices.Contains(heads, s.toks[i].lower) {
			return true
		}
	}
	return false
}

// linkNameHeads gives the sentences of each article the nouns that end
// the names it writes, by the name's other words ("Old Granary Theatre":
// granary -> theatre; "the Kettle Hill bus depot": kettle -> depot; "the
// University of Southmere": southmere -> university), when the passages
// also write that noun in lower case, as a common noun: the article may
// then call the thing by it.
func linkNameHeads(sents []*passageSentence) {
	heads := make(map[string]map[string][]string)
	for _, s := range sents {
		if heads[s.source] == nil {
			heads[s.source] = make(map[string][]string)
		}
		h := heads[s.source]
		s.nameHeads = h
		toks := s.toks
		for i := 0; i < len(toks); {
			j := i
			for j < len(toks) && toks[j].upper && toks[j].letters > 0 && (j == i || toks[j].start-toks[j-1].end == 1) {
				j++
			}
			if j-i == 1 && j+1 < len(toks) && toks[j].lower == "of" && toks[j+1].upper && toks[j+1].letters >= 3 && toks[i].letters >= 3 {
				// "the University of Southmere": the university.
				head, w := toks[i].lower, toks[j+1].lower
				if s.common[head] && !slices.Contains(h[w], head) {
					h[w] = append(h[w], head)
				}
			}
			link := func(head string, words []textWord) {
				for _, w := range words {
					if w.letters >= 3 && !isDeterminer(w.lower) && !slices.Contains(h[w.lower], head) {
						h[w.lower] = append(h[w.lower], head)
					}
				}
			}
			if j-i >= 2 {
				if head := toks[j-1].lower; s.common[head] && toks[j-1].letters >= 3 {
					link(head, toks[i:j-1])
				}
				// "the Kettle Hill bus depot": the depot, a common noun
				// right after the name.
				for k := j; k < min(len(toks), j+2) && !toks[k].upper && toks[k].letters >= 3 && toks[k].letters == len(toks[k].text) && toks[k].start-toks[k-1].end == 1; k++ {
					if s.common[toks[k].lower] {
						link(toks[k].lower, toks[i:j])
					}
				}
			}
			i = max(j, i+1)
		}
	}
}

// decidingSentence returns the sentence of the articles in named that
// decides a yes/no question when no candidate does: the most relevant
// that names its subject and says what it asks or its opposite, or nil.
func (e *Answerer) decidingSentence(q questionInfo, sents []*passageSentence, named map[string]bool) *scoredSentence {
	return e.mostRelevant(q, sents, named, func(s *passageSentence) bool { return e.namesSubject(q, s) && e.decides(q, s) })
}

// mostRelevant returns the sentence of the articles in named, neither a
// headline, caption, byline nor a question, that keep holds and that is
// most relevant to a yes/no question; nil when none is.
func (e *Answerer) mostRelevant(q questionInfo, sents []*passageSentence, named map[string]bool, keep func(*passageSentence) bool) *scoredSentence {
	var best *passageSentence
	bestRel := 0.0
	for _, s := range sents {
		if !named[s.source] || s.headline || s.caption || s.byline || s.asks || !keep(s) {
			continue
		}
		if r := e.yesNoRelevance(q, s); r > bestRel {
			best, bestRel = s, r
		}
	}
	if best == nil {
		return nil
	}
	return &scoredSentence{s: best, score: bestRel}
}

// decides reports whether s says what a yes/no question asks, or its
// opposite, or opens the reply to a question of the text that does.
func (e *Answerer) decides(q questionInfo, s *passageSentence) bool {
	return e.affirms(q, s) || e.opposedIn(q, s) || e.denies(q, s) || e.refuses(q, s) || e.refusedRequest(q, s) || e.repliesTo(q, s)
}

// repliesTo reports whether s opens the reply to a question of the text
// that says what the reader's question asks ("Q: Have you seen one of
// the lynx yourself? A: Never."): the reply decides it.
func (e *Answerer) repliesTo(q questionInfo, s *passageSentence) bool {
	r := replyTo(s)
	return r != nil && r.next == s && e.affirms(q, r)
}

// opposedIn reports whether a word of s is the opposite of the
// question's predicate, as opposesAt has it.
func (e *Answerer) opposedIn(q questionInfo, s *passageSentence) bool {
	for k := range s.toks {
		if e.opposesAt(q, s, k) {
			return true
		}
	}
	return false
}

// unasked reports whether the coverage does not speak of what a yes/no
// question asks: no sentence holds the last word of its object, or a
// synonym ("Did the trust release any wolves?" of an article on lynx).
// Quoting what the subject did instead would answer another question.
// Only an object with a determiner counts (see predObj): a bare noun
// may go without saying ("Is she still playing tennis?").
func (e *Answerer) unasked(q questionInfo, sents []*passageSentence) bool {
	for _, t := range q.terms {
		if !t.predObj || t.name || t.figure || t.weight <= lightWeight {
			continue
		}
		if !slices.ContainsFunc(sents, func(s *passageSentence) bool {
			return e.holdsWord(s, t) || e.termCredit(s, t) >= e.opt.SynonymCredit
		}) {
			// Unless the subject is said to keep out of what is asked, in
			// other words: "the university distanced itself from the
			// decision to leave the shutters open" answers whether it took
			// the blame for it.
			return !slices.ContainsFunc(sents, func(s *passageSentence) bool {
				return !s.headline && e.namesSubject(q, s) && e.onTopic(q, s) && e.holdsRest(q, s) && (e.refuses(q, s) || e.refusedRequest(q, s))
			})
		}
	}
	return e.elsewhere(q, sents)
}

// elsewhere reports whether the coverage has the subject of a yes/no
// question do what it asks only to something else, and speaks of what
// it asks it of only otherwise: "The Granary sold 71 percent of its
// seats" and "asked the council to waive the rent on the building" do
// not say whether the Granary is selling its building. That needs a
// predicate with a verb and an object, and no sentence about the
// subject that says it, its opposite, or replies to a question that
// does.
func (e *Answerer) elsewhere(q questionInfo, sents []*passageSentence) bool {
	var verb, obj *qterm
	for i, t := range q.terms {
		switch {
		case t.name:
		case t.predVerb && t.weight > lightWeight:
			verb = &q.terms[i]
		case t.predObj:
			obj = &q.terms[i]
		}
	}
	if verb == nil || obj == nil {
		return false
	}
	other := false
	for _, s := range sents {
		if s.headline || s.caption || s.byline || !e.namesSubject(q, s) {
			continue
		}
		if e.decides(q, s) {
			return false
		}
		other = other || e.holdsVerb(s, *verb) && !e.holdsWord(s, *obj)
	}
	return other
}

// yesNoRelevance is how much of a yes/no question a sentence holds,
// loosely: its terms in the sentence or, at half, in the sentence before
// it, which a reply often follows ("persuade Ottawa to change its mind
// ... Cannon reiterated that Ottawa would not change its mind"); 0 when
// it holds none of the question's names.
func (e *Answerer) yesNoRelevance(q questionInfo, s *passageSentence) float64 {
	var got, total float64
	names := false
	for _, t := range q.terms {
		total += t.weight
		c := e.termCredit(s, t)
		if s.prev != nil {
			c = max(c, e.termCredit(s.prev, t)/2)
		}
		if c == 0 && t.name && refersTo(s, t) {
			c = e.opt.SynonymCredit
		}
		got += t.weight * c
		names = names || (t.name || t.head) && (e.termCredit(s, t) >= e.opt.SynonymCredit || t.name && refersTo(s, t))
	}
	if total == 0 || !names && slices.ContainsFunc(q.terms, func(t qterm) bool { return t.name || t.head }) {
		return 0
	}
	return got / total
}
