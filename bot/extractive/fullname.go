package extractive

// This file names the person an answer is about in full: a sentence that
// says "Smith said" is quoted with the one that introduces "John Smith",
// and a byline or an antecedent names who "he" is.

import (
	"slices"
	"sort"
	"strings"
)

// namePerson makes sure the answer to "who" names the person: when the
// best sentence gives only a role ("the new secretary-general of NATO") or
// a surname ("Sarkozy"), it adds the sentence of the same article that
// gives the name in full; when the question asks who wrote the story, the
// article's byline.
func (e *Answerer) namePerson(q questionInfo, chosen []*scoredSentence, sents []*passageSentence) []*scoredSentence {
	lx := e.lexicon
	best := chosen[0].s
	if q.author {
		if b := byline(best, sents); b != nil && b != best {
			return []*scoredSentence{chosen[0], {s: b}} // the story and who wrote it
		}
		return chosen
	}
	add := lx.fullNameFor(q, best, sents)
	if add == nil || slices.ContainsFunc(chosen, func(c *scoredSentence) bool { return c.s == add }) {
		return chosen
	}
	out := []*scoredSentence{chosen[0], {s: add}}
	out = append(out, chosen[1:]...)
	return out[:min(len(out), e.opt.MaxSentences)]
}

// byline returns the byline of best's article ("Reporting by David
// Ljunggren; editing by Rob Wilson") among sents, or nil.
func byline(best *passageSentence, sents []*passageSentence) *passageSentence {
	for _, s := range sents {
		if s.source == best.source && s.byline {
			return s
		}
	}
	return nil
}

// isByline reports whether a sentence credits the story's reporters
// ("Reporting by David Ljunggren; editing by Rob Wilson", "By Jane Doe").
func (lx *lexicon) isByline(s *passageSentence) bool {
	t := strings.ToLower(strings.TrimLeft(s.text, "(["))
	for _, p := range []string{"reporting by ", "writing by ", "reported by ", "written by ", "additional reporting by ", "by "} {
		if strings.HasPrefix(t, p) && len(s.toks) <= 30 && len(lx.namesIn(s)) > 0 && !timeClause(s) {
			return true
		}
	}
	return false
}

// fullNameOf returns the first sentence of article that gives one of
// surnames in full, or nil.
func (lx *lexicon) fullNameOf(surnames []string, article []*passageSentence) *passageSentence {
	for _, sn := range surnames {
		for _, s := range article {
			for _, n := range lx.namesIn(s) {
				if n.full() && n.surname(s.toks) == sn {
					return s
				}
			}
		}
	}
	return nil
}

// fullNameFor returns the sentence of best's article that names in full
// the person best only names by surname or role, or nil when best names
// someone in full already or no such sentence was retrieved.
func (lx *lexicon) fullNameFor(q questionInfo, best *passageSentence, sents []*passageSentence) *passageSentence {
	if len(best.toks) > 0 && (best.toks[0].lower == "she" || best.toks[0].lower == "he") {
		// "She succeeds Paolo Ghirardelli": who she is, the sentence
		// before that names someone the question does not.
		return lx.antecedent(q, best, sents)
	}
	var surnames []string // the subjects first, then the speakers
	var speakers []string
	for _, n := range lx.namesIn(best) {
		if q.words[best.toks[n.last].lower] {
			continue // named by the question: not the answer
		}
		if n.full() {
			return nil
		}
		if n.speaker {
			speakers = append(speakers, n.surname(best.toks))
		} else {
			surnames = append(surnames, n.surname(best.toks))
		}
	}
	if toks := best.toks; len(toks) > 1 && isProperWord(toks[0]) && !isProperWord(toks[1]) && best.fullNames[toks[0].lower] && !q.words[toks[0].lower] {
		surnames = append(surnames, toks[0].lower) // "Brenner, who rides for Altavia", which namesIn leaves out
	}
	article := make([]*passageSentence, 0, len(sents))
	for _, s := range sents {
		if s.source == best.source && s != best && !s.caption && !s.headline && !s.byline {
			article = append(article, s)
		}
	}
	sort.SliceStable(article, func(a, b int) bool { return article[a].lines[0] < article[b].lines[0] })
	if s := lx.fullNameOf(surnames, article); s != nil {
		return s
	}
	// A role without a name ("the secretary-general"): the nearest
	// sentence naming someone with no other title, or with the same one;
	// before the speakers, when the question asks about that role.
	var roles []string
	asked := false
	for i, tk := range best.toks {
		plural := strings.HasSuffix(tk.lower, "s") && lx.isRole(strings.TrimSuffix(tk.lower, "s"))
		if lx.isTitleAt(best, i) && !plural && !(i+1 < len(best.toks) && isProperWord(best.toks[i+1])) {
			roles = append(roles, tk.lower)
			asked = asked || slices.ContainsFunc(q.terms, func(t qterm) bool { return tokenMatches(tk.lower, t) })
		}
	}
	if !asked {
		if s := lx.fullNameOf(speakers, article); s != nil {
			return s
		}
	}
	if len(roles) == 0 {
		return nil
	}
	var found *passageSentence
	dist := 0
	for _, s := range article {
		for _, n := range lx.namesIn(s) {
			if !n.full() || q.words[n.surname(s.toks)] {
				continue
			}
			if n.titled && !slices.ContainsFunc(s.toks[max(0, n.first-4):n.first], func(tk textWord) bool { return slices.Contains(roles, tk.lower) }) {
				continue
			}
			d := s.lines[0] - best.lines[1]
			if d < 0 {
				d = -d*2 + 1 // the role is named first, then the person
			}
			if found == nil || d < dist {
				found, dist = s, d
			}
		}
	}
	return found
}

// antecedent returns the nearest sentence before best in its article that
// names in full a person the question does not name, or nil.
func (lx *lexicon) antecedent(q questionInfo, best *passageSentence, sents []*passageSentence) *passageSentence {
	var found *passageSentence
	for _, s := range sents {
		if s.source != best.source || s.lines[0] >= best.lines[0] || s.caption || s.byline || found != nil && s.lines[0] <= found.lines[0] {
			continue
		}
		for _, n := range lx.namesIn(s) {
			if n.full() && !q.words[n.surname(s.toks)] {
				found = s
				break
			}
		}
	}
	return found
}
