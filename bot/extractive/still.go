package extractive

// This file answers yes/no questions about a state that may have changed
// ("Is Ruiz still competing?", "Is the bridge still part of the route?"):
// the newest report that decides it answers, whatever the older ones
// said, since news of a change ("Ruiz retired at the end of last season")
// comes after the news it changes.

import "slices"

// stillAnswer returns the quotes that answer a question asking whether
// something is still so: the sentence of the newest dated article that
// names its subject and decides it (says it, its opposite, or ends it),
// when that article is newer than the best candidate's, then the best
// when it decides it too, so the reader sees what changed; else the
// newest close candidate (see latest), or nil when the best is newest.
func (e *Answerer) stillAnswer(q questionInfo, cands []*scoredSentence, sents []*passageSentence) []*scoredSentence {
	named := make(map[string]bool)
	for _, c := range cands {
		named[c.s.source] = true
	}
	var newest *passageSentence
	newestRel := 0.0
	for _, s := range sents {
		if !named[s.source] || s.date.IsZero() || s.headline || s.caption || s.byline || s.asks || !e.namesSubject(q, s) {
			continue
		}
		if !e.decides(q, s) {
			continue
		}
		r := e.yesNoRelevance(q, s)
		if r == 0 {
			continue
		}
		if newest == nil || s.date.After(newest.date) || s.date.Equal(newest.date) && r > newestRel {
			newest, newestRel = s, r
		}
	}
	// The best is as new: it answers, as any other question (a newer
	// report may say it without a word that decides: "who played her
	// last match in October").
	if newest == nil || !newest.date.After(cands[0].s.date) {
		if c := e.latest(q, cands); c != nil {
			return []*scoredSentence{c}
		}
		return nil
	}
	out := []*scoredSentence{{s: newest, score: newestRel}}
	best := cands[0]
	if best.s != newest && best.s.date.Before(newest.date) && !best.s.headline && e.namesSubject(q, best.s) && e.decides(q, best.s) &&
		!slices.ContainsFunc(out, func(o *scoredSentence) bool { return sameWords(o.s.text, best.s.text) }) {
		out = append(out, best)
	}
	return out
}
