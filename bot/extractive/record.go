package extractive

// This file answers yes/no questions of a first or a record ("Was the
// stoppage the first in years?", "Were the losses the worst ever?"). News
// measures such an event against the last one like it: "the biggest
// disruption since a 24-hour walkout in June 2023" says there was one
// before, so it was not the first, nor the worst ever.

import "strings"

// asksRecord reports whether a yes/no question asks whether something
// was a first or a record: it holds "first", "only", "ever" or a
// superlative ("the worst", "the biggest").
func (lx *lexicon) asksRecord(toks []textWord) bool {
	for _, tk := range toks[1:] {
		if tk.lower == "first" || tk.lower == "only" || tk.lower == "ever" || lx.isSuperlative(tk.lower) {
			return true
		}
	}
	return false
}

// isSuperlative reports whether w is the superlative of an adjective:
// one of the irregular few, or an adjective WordNet knows with -est
// ("heaviest", "biggest", "largest").
func (lx *lexicon) isSuperlative(w string) bool {
	switch w {
	case "best", "worst", "most", "least":
		return true
	}
	stem, ok := strings.CutSuffix(w, "est")
	if !ok || len(stem) < 2 {
		return false
	}
	bases := []string{stem, stem + "e"}
	if b, ok := strings.CutSuffix(stem, "i"); ok {
		bases = append(bases, b+"y") // heavi-est: heavy
	}
	if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] {
		bases = append(bases, stem[:n-1]) // bigg-est: big
	}
	for _, b := range bases {
		if lx.is(b, wcAdjective) {
			return true
		}
	}
	return false
}

// sinceRecord reports whether s measures what q asks of against the last
// one like it: "since" after "first" or a superlative in the sentence
// ("the worst damage since a lightning strike in 2011", "the first comet
// found from a New Zealand observatory since 1998"), and an earlier
// event after it, not the one asked of ("the first images since the
// April storm" measures the images by the storm).
func (e *Answerer) sinceRecord(q questionInfo, s *passageSentence) bool {
	record := false
	for i, tk := range s.toks {
		switch {
		case tk.lower == "first" || e.lexicon.isSuperlative(tk.lower):
			record = true
		case tk.lower == "since" && record:
			_, to := clauseOf(s, i)
			for _, w := range s.toks[i+1 : to+1] {
				for _, t := range q.terms {
					if t.weight > lightWeight && e.wordIs(w, t) {
						return false
					}
				}
			}
			return true
		}
	}
	return false
}

// recordSentence returns the sentence of the articles in named that says
// a question's first or record was not one (see sinceRecord), about what
// it asks: two of its words, or one and its names; nil when none does.
func (e *Answerer) recordSentence(q questionInfo, sents []*passageSentence, named map[string]bool) *scoredSentence {
	if !q.record {
		return nil
	}
	return e.mostRelevant(q, sents, named, func(s *passageSentence) bool { return e.sinceRecord(q, s) && e.aboutRecord(q, s) })
}

// aboutRecord reports whether s speaks of what a record question asks:
// two of its words that are neither names nor light, or one and all its
// names.
func (e *Answerer) aboutRecord(q questionInfo, s *passageSentence) bool {
	return e.holdsTopic(q, s, 2) || e.holdsTopic(q, s, 1) && e.holdsNames(q, s)
}
