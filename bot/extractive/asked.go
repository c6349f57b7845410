package extractive

// This file holds the question to the thing it asks about. "Who won the
// sprint classification in 2023?" names a thing (the sprint
// classification); a sentence on the overall winner of 2023 holds the
// question's other words and would be quoted, answering another question.
// The words of the object of the question's verb must stand in the
// answer's sentence or beside it: a word that restricts which thing is
// meant ("sprint", "audience", "deputy") always, the noun itself unless
// the passages never use it ("Which judge wrote the majority opinion?" is
// answered by "Writing for the majority, Justice Jamal said").

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
)

// Roles of a question word in the object of its verb.
const (
	thingNone     = iota
	thingModifier // restricts which thing: "sprint" in "the sprint classification"
	thingNoun     // the thing: "classification"
)

// askedThing returns the words of the noun phrase that is the object of
// the verb at toks[verb] ("won the cruising class", "was named best
// actor"), the noun last, or nil when there is none or it holds a name,
// a figure or a time ("the Golden Lantern", "the race last year"), which
// other checks hold the answer to.
func (lx *lexicon) askedThing(toks []textWord, verb int) []int {
	if verb < 0 {
		return nil
	}
	var out []int
	for k := verb + 1; k < len(toks); k++ {
		w := toks[k]
		switch {
		case len(out) == 0 && (isDeterminer(w.lower) || isPossessive(w.lower)):
			continue
		case endsNounPhrase(w.lower) || isQuantifier(w.lower) || isPossessive(w.lower) || isTimeAdverb(w.lower):
			return out
		case w.upper || w.digits > 0 || isNumberWord(w.lower) || ordinalValue(w.lower) > 0 || isWeekday(w.lower) || monthName(w) != "" || lx.isTimeUnit(w.lower):
			return nil
		case w.letters < 2:
			continue // the "s" of a possessive
		}
		if len(out) == 0 && lx.is(w.lower, wcPastForm) && !lx.is(w.lower, wcNoun|wcAdjective) {
			return nil // a second verb: "was expected to", "has been wounded"
		}
		out = append(out, k)
	}
	return out
}

// thingVerb returns the verb whose object the question asks about: its
// main verb when it opens the question ("Who won", "Who was named"), or
// the verb after "which film" in "Which film won the audience award?";
// -1 for none. A verb further on is of a clause that says more about
// the answer ("Which country told Canada it would welcome a longer
// stay?"), in words the article may not share.
func (lx *lexicon) thingVerb(toks []textWord, verb int) int {
	if verb >= 0 && verb <= 2 {
		return verb
	}
	if len(toks) < 4 || toks[0].lower != "which" && toks[0].lower != "what" {
		return -1
	}
	w := toks[2]
	if w.upper || isAuxiliary(toks[1].lower) || isAuxiliary(w.lower) || lx.isLightVerb(w.lower) || !lx.is(w.lower, wcPastForm|wcVerbS) {
		return -1
	}
	return 2
}

// asksForDocument reports a question that asks which document of the
// coverage said something: "Which message reported ...", "What story
// described ...".
func asksForDocument(lx *lexicon, toks []textWord) bool {
	return len(toks) > 2 && (toks[0].lower == "which" || toks[0].lower == "what") && !toks[1].upper && lx.isDocumentWord(toks[1].lower)
}

// isTimeAdverb reports words that end the object of a verb by saying
// when: "Who won the race last year?".
func isTimeAdverb(w string) bool {
	switch w {
	case "last", "next", "this", "ago", "now", "so", "yet", "still", "again", "ever", "first", "today", "yesterday", "tomorrow":
		return true
	}
	return false
}

// holdsThing reports whether s holds the thing the question asks about,
// itself or in the sentence before or after it or its article's title:
// every restricting word, and the noun unless no passage holds it
// (absent[j]) while a restricting word stands, or s says the thing in
// one word made from a restricting one ("scored the winner" for "the
// winning goal").
func (e *Answerer) holdsThing(q questionInfo, s *passageSentence, absent []bool) bool {
	modifier, reshaped := false, false
	for _, t := range q.terms {
		if t.thing == thingModifier {
			if !e.holdsThingWord(s, t) {
				return false
			}
			modifier = true
			reshaped = reshaped || derivedIn(s, t)
		}
	}
	for j, t := range q.terms {
		if t.thing == thingNoun && !e.holdsThingWord(s, t) && !(modifier && (absent[j] || reshaped)) {
			return false
		}
	}
	return true
}

// derivedIn reports whether s holds a word made from t's stem but not
// t's word or stem itself: "winner" for "winning".
func derivedIn(s *passageSentence, t qterm) bool {
	if len(t.stem) < 3 {
		return false
	}
	for _, tk := range s.toks {
		if tk.lower == t.word || !strings.HasPrefix(tk.lower, t.stem) {
			continue
		}
		if st := retrieval.Terms(tk.lower); len(st) == 1 && st[0] != t.stem {
			return true
		}
	}
	return false
}

// holdsThingWord reports whether s, a sentence beside it or its title
// holds the word t of the thing asked about, as itself or a synonym: a
// role ("best actor") is not held by any person's name.
func (e *Answerer) holdsThingWord(s *passageSentence, t qterm) bool {
	t.role = false
	if strings.Contains(strings.ToLower(s.title), t.word) {
		return true
	}
	for _, x := range []*passageSentence{s, s.prev, s.next} {
		if x != nil && e.termCredit(x, t) >= e.opt.SynonymCredit {
			return true
		}
	}
	return false
}

// thingAbsent reports, for each word of the thing asked about, whether no
// sentence of the passages holds it.
func (e *Answerer) thingAbsent(q questionInfo, sents []*passageSentence) []bool {
	out := make([]bool, len(q.terms))
	for j, t := range q.terms {
		if t.thing == thingNone {
			continue
		}
		t.role = false
		out[j] = !slices.ContainsFunc(sents, func(s *passageSentence) bool { return e.termCredit(s, t) >= e.opt.SynonymCredit })
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// aboutTopic returns the words of what a question asks someone said
// something about: "What did Marc Dupont say about the weather?" asks
// for his words on the weather, not any of his.
func (lx *lexicon) aboutTopic(toks []textWord) []int {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].lower != "about" || !lx.isReportingVerb(toks[i-1].lower) && toks[i-1].lower != "think" {
			continue
		}
		var out []int
		for k := i + 1; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
			if w := toks[k]; !isDeterminer(w.lower) && !isPossessive(w.lower) && w.letters >= 2 {
				out = append(out, k)
			}
		}
		return out
	}
	return nil
}

// topical returns the sentences of sents that speak of the topic of
// "say about", in its words, their synonyms or the kinds of them two
// levels down ("rain" for "the weather"); nil when the question has no
// such topic or no sentence speaks of it, so that nothing is held to it.
func (e *Answerer) topical(q questionInfo, sents []*passageSentence) map[*passageSentence]bool {
	var words []qterm
	for _, t := range q.terms {
		if t.about {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return nil
	}
	out := make(map[*passageSentence]bool)
	for _, s := range sents {
		for _, t := range words {
			if e.termCredit(s, t) >= e.opt.SynonymCredit || e.holdsKindOf(s, t.word) {
				out[s] = true
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// holdsKindOf reports whether s holds a word WordNet gives as a kind of
// word, one or two levels down ("precipitation", "rain" for "weather").
func (e *Answerer) holdsKindOf(s *passageSentence, word string) bool {
	th := e.lexicon.th
	if th == nil {
		return false
	}
	for _, h := range th.Hyponyms(word) {
		for _, w := range append([]string{h}, th.Hyponyms(h)...) {
			if strings.Contains(w, " ") {
				continue
			}
			for _, st := range retrieval.Terms(w) {
				if s.holds(st) {
					return true
				}
			}
		}
	}
	return false
}
