package extractive

// This file finds the other side of a single answer: when the figure or
// date the best sentence answers with is one the reports give
// differently, the sentence of the other report that gives it. It asks
// the comparison that lists where the whole coverage disagrees
// (conflict.go), over the articles of the passages retrieved, so that a
// question and the list of disagreements see the same points: the same
// measure however worded ("€15m", "14.2 million euros"), the same event
// ("opens on June 5", "will open its doors on Saturday, June 6"), and
// not a figure that changed in between (an update).

import (
	"slices"
	"strings"
	"time"
)

// conflictSide returns the sentence of another article that gives the
// figure or date best answers with differently, or nil.
func (e *Answerer) conflictSide(q questionInfo, best *scoredSentence, sents []*passageSentence) *scoredSentence {
	if q.kind != kindNumber && q.kind != kindDate || len(best.values) == 0 || q.asOf.month != 0 || best.core < e.opt.DisagreeCoverage {
		return nil // "by May 13": the report of that day answers, see updateAnswer
	}
	articles := e.sentenceArticles(sents)
	if len(articles) < 2 {
		return nil
	}
	for _, p := range e.points(articles) {
		if len(p.sides) != 2 || p.date != (q.kind == kindDate) || e.update(p, articles) || !p.date && e.mayHaveChanged(p) {
			continue
		}
		for i, side := range p.sides {
			if !slices.Contains(side, best.s) || !answersWith(best, p.keys[i], p.date) {
				continue
			}
			other := p.sides[1-i][0]
			return &scoredSentence{s: other, score: best.score, values: []string{p.values[1-i]}}
		}
	}
	return nil
}

// answersWith reports whether key, a point's value as compared ("april
// 21", "14.2 million euros", "sixty-eight"), is one best answers with:
// its month, or its figure in digits or words.
func answersWith(best *scoredSentence, key string, date bool) bool {
	if date {
		return slices.ContainsFunc(strings.Fields(key), func(f string) bool { return slices.Contains(best.values, f) })
	}
	want := digitsOf(key)
	if want == "" {
		if toks := splitWords(key); len(toks) > 0 {
			want, _ = numberAt(toks, 0)
		}
	}
	return want != "" && slices.ContainsFunc(best.values, func(v string) bool { return digitsOf(v) == want })
}

// sentenceArticles groups the retrieved sentences by their article, in
// the order of their lines, as the coverage comparison reads articles.
func (e *Answerer) sentenceArticles(sents []*passageSentence) []coverageArticle {
	var out []coverageArticle
	index := make(map[string]int)
	for _, s := range sents {
		i, ok := index[s.source]
		if !ok {
			i = len(out)
			index[s.source] = i
			out = append(out, coverageArticle{})
			out[i].info.Source, out[i].info.Title, out[i].info.Date = s.source, s.title, s.date
		}
		out[i].sents = append(out[i].sents, s)
	}
	for i := range out {
		slices.SortStableFunc(out[i].sents, func(x, y *passageSentence) int { return x.lines[0] - y.lines[0] })
		if out[i].info.Date.IsZero() {
			out[i].bounds = textBounds(e.lexicon, e.terms.Terms, out[i])
		}
	}
	return out
}

// mayHaveChanged reports whether a point of figures may be a tally that
// changed rather than a disagreement, which a single answer does not
// risk calling one: a side given as a tally as of its report ("had
// grown to", "so far"), or of a report whose date is unknown.
func (e *Answerer) mayHaveChanged(p *point) bool {
	for _, side := range p.sides {
		for _, s := range side {
			if s.date.IsZero() || e.lexicon.running(s) {
				return true
			}
		}
	}
	// Reports weeks apart: a standing figure (a dome's seats) stays
	// what it was for a few weeks, not longer.
	lo, hi := p.sides[0][0].date, p.sides[0][0].date
	for _, side := range p.sides {
		for _, s := range side {
			lo, hi = minTime(lo, s.date), maxTime(hi, s.date)
		}
	}
	return hi.Sub(lo).Hours()/24 > sameStory
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
