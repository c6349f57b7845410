package extractive

// This file answers where someone is from ("Where is Oduya from?",
// "Where did Dearlove grow up?"): a place the text ties to the person as
// where they were born or grew up ("Oduya, who was born in Leeds"), or
// gives after the name as where they come from ("Szabo, 19, from Szeged
// in Hungary"), or a reply to the same question in an interview ("Q:
// Where are you from? A: Brough"). Any other place of a sentence that
// names them ("will leave to run the Kelvin Playhouse in Glasgow") is
// somewhere else.

import "slices"

// originWord reports whether w, the word before "in" or "up", ties a
// person to the place after it as where they were born or raised: the
// few participles English says it with, a closed class like the
// prepositions.
func originWord(w string) bool {
	switch w {
	case "born", "raised", "grew", "grown", "brought", "native", "hometown":
		return true
	}
	return false
}

// asksOrigin reports whether a question asks where someone is from:
// "Where is X from?", "Where does X come from?", "Where was X born?",
// "Where did X grow up?", "What is X's hometown?".
func asksOrigin(toks []textWord) bool {
	if len(toks) < 3 {
		return false
	}
	if toks[len(toks)-1].lower == "from" && slices.ContainsFunc(toks, func(tk textWord) bool { return tk.lower == "where" }) {
		return true
	}
	for _, tk := range toks[1:] {
		switch tk.lower {
		case "born", "raised", "grow", "grew", "hometown", "birthplace":
			return true
		}
	}
	return false
}

// originAt returns the place word i of s gives as someone's origin, or
// -1: the first proper word after "born in", "grew up in", "native of",
// or after a "from" that follows the person's name or a comma ("Szabo, 19, from
// Szeged"), not a verb ("joined the Granary from the Bristol Old Vic").
func originAt(s *passageSentence, i int, name string) int {
	toks := s.toks
	w := toks[i].lower
	switch {
	case originWord(w):
	case w == "from" && i > 0 && (toks[i-1].lower == name || toks[i-1].digits > 0 || commaBefore(s, i)):
	default:
		return -1
	}
	for k := i + 1; k < min(len(toks), i+4); k++ {
		if isProperWord(toks[k]) {
			return k
		}
		switch toks[k].lower {
		case "in", "up", "of", "at", "the", "from":
		default:
			return -1
		}
	}
	return -1
}

// commaBefore reports whether a comma parts word i of s from the word
// before it.
func commaBefore(s *passageSentence, i int) bool {
	return i > 0 && slices.Contains([]byte(s.text[s.toks[i-1].end:s.toks[i].start]), ',')
}

// origin returns the sentence that says where the person a question
// names is from, among sents: one that names them (or a pronoun after a
// sentence that does, or the reply to an interview's question of where
// "you" are from, in their article) and gives a place as their origin;
// nil when none does.
func (e *Answerer) origin(q questionInfo, sents []*passageSentence) *scoredSentence {
	// The person is known by the last word of their name: "Oduya"
	// after "Amara Oduya".
	var surname *qterm
	for i, t := range q.terms {
		if t.name {
			surname = &q.terms[i]
		}
	}
	if surname == nil {
		return nil
	}
	// names: the sentence itself names them; theirs: also by its file
	// ("dearlove-interview.txt").
	names := func(s *passageSentence) bool {
		return s.holds(surname.stem) || slices.ContainsFunc(surname.forms, func(f string) bool { return s.terms[f] })
	}
	theirs := func(s *passageSentence) bool { return e.termCredit(s, *surname) >= 1 }
	var best *passageSentence
	bestRank := 0
	for _, s := range sents {
		if s.headline || s.caption || s.byline || s.asks {
			continue
		}
		rank := 0
		for i := range s.toks {
			if originAt(s, i, surname.word) < 0 {
				continue
			}
			switch {
			case names(s):
				rank = max(rank, 3)
			case s.prev != nil && names(s.prev) && startsWithPronoun(s):
				rank = max(rank, 2)
			}
		}
		if r := replyTo(s); r != nil && r.next == s && theirs(s) && asksOrigin(r.toks) {
			rank = max(rank, 2) // "Q: Where are you from? A: Brough, on the far side of the moor."
		}
		if rank > bestRank {
			best, bestRank = s, rank
		}
	}
	if best == nil {
		return nil
	}
	return &scoredSentence{s: best, score: float64(bestRank)}
}

// startsWithPronoun reports whether s opens with a personal pronoun
// ("She was born in Tromso"), which stands for the person the sentence
// before names.
func startsWithPronoun(s *passageSentence) bool {
	return len(s.toks) > 0 && isPronoun(s.toks[0].lower)
}
