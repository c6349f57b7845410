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
	"cmp"
	"github.com/newsbot/newsbot/bot"
	"slices"
	"strings"
	"time"
)

// How the other side of a single answer stands to it.
const (
	sideDiffers  = iota // another value for the same thing: the sources differ
	sideRevised         // a figure revised between reports: a change, newest first
	sideSpelling        // the same name spelt another way
)

// conflictSide returns the sentence of another article that gives the
// figure, date or name best answers with differently, or nil, with how
// the two stand: a disagreement, a figure revised between reports (an
// update), which the answer tells as a change, newest first, or a name
// spelt two ways.
func (e *Answerer) conflictSide(q questionInfo, best *scoredSentence, sents []*passageSentence) (other *scoredSentence, how int) {
	if q.kind == kindAny && e.asksDegree(q) {
		// "How heavy was the foal?": a figure answers it, as "how many"
		// is answered.
		q.kind = kindNumber
		best = &scoredSentence{s: best.s, score: best.score, core: best.core, held: best.held, docHeld: best.docHeld, holdsFocus: best.holdsFocus, values: e.figuresOf(best.s)}
	}
	if q.kind != kindNumber && q.kind != kindDate && q.kind != kindPerson || q.asOf.month != 0 {
		return nil, sideDiffers // "by May 13": the report of that day answers, see updateAnswer
	}
	if q.kind != kindPerson && len(best.values) == 0 || best.core < e.opt.DisagreeCoverage && !heldInArticle(q, best) {
		return nil, sideDiffers
	}
	articles := e.sentenceArticles(sents)
	if len(articles) < 2 {
		return nil, sideDiffers
	}
	var points []*point
	if q.kind == kindPerson {
		points = groupConflicts(e.nameConflicts(articles)) // a name's spellings: no figure need be compared
	} else {
		points = e.points(articles)
	}
	// A disagreement first: the figure first given differently by two
	// outlets, then revised, is answered with the two that differ.
	slices.SortStableFunc(points, func(x, y *point) int { return cmp.Compare(b2i(e.update(x, articles)), b2i(e.update(y, articles))) })
	for _, p := range points {
		if len(p.sides) != 2 || p.date != (q.kind == kindDate) || (q.kind == kindPerson) != p.named() {
			continue
		}
		update := e.update(p, articles) && e.revisedTally(p) || e.revisedEstimatePoint(p, articles)
		if !update && e.update(p, articles) {
			continue // figures of other years: of other editions, most often, which the question's own words tell apart
		}
		if !update && !p.date && !p.fixed() && e.mayHaveChanged(p) {
			continue // a tally that may have changed in between, or a disagreement: no telling
		}
		for i, side := range p.sides {
			if !slices.Contains(side, best.s) || !answersWith(best, p.keys[i], p.date) {
				continue
			}
			o := p.sides[1-i][0]
			if update {
				if best.s.date.IsZero() || o.date.IsZero() {
					return nil, sideDiffers
				}
				o = p.sides[1-i][len(p.sides[1-i])-1] // the newest report of the other figure
			}
			how := sideDiffers
			switch {
			case update:
				how = sideRevised
			case p.named():
				how = sideSpelling
			}
			return &scoredSentence{s: o, score: best.score, values: []string{p.values[1-i]}}, how
		}
	}
	return nil, sideDiffers
}

// asksDegree reports whether a question of no kind asks "how" with an
// adjective ("how heavy", "how tall", "how fast"): a degree, which a
// measure gives.
func (e *Answerer) asksDegree(q questionInfo) bool {
	if !q.words["how"] || q.yesno {
		return false
	}
	for w := range q.words {
		if e.lexicon.pos(w) == wcAdjective {
			return true
		}
	}
	return false
}

// figuresOf are the figures s gives, as answers hold them: their
// digits, dates left out.
func (e *Answerer) figuresOf(s *passageSentence) []string {
	var out []string
	for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
		if m.kind == qDate {
			continue
		}
		for k := m.first; k <= m.last; k++ {
			if d := strings.ReplaceAll(s.toks[k].text, ",", ""); digitsOf(d) != "" {
				out = append(out, d)
			}
		}
	}
	return out
}

// heldInArticle reports whether best holds the question's terms but for
// names, which its article holds: a report names what it measures once
// ("Pebble", "Hadley's solar farm") and then writes "the animal", "its
// shell". A word of what is measured ("record", "first") it must hold
// itself: the article may be on another measure of it. The point the
// answer joins is itself one the coverage comparison found of one thing
// in both reports.
func heldInArticle(q questionInfo, best *scoredSentence) bool {
	if !best.holdsFocus {
		return false
	}
	for j, t := range q.terms {
		if t.weight == 1 && !best.held[j] && (!t.name || !best.docHeld[j]) {
			return false
		}
	}
	return true
}

// named reports whether a point opposes two spellings of a name, as
// wire copies and outlets give them: values without a figure in digits
// or words ("sixty-eight").
func (p *point) named() bool {
	return !p.date && !slices.ContainsFunc(p.keys, isFigureKey)
}

// isFigureKey reports whether a point's value as compared gives a
// figure, in digits or in words.
func isFigureKey(k string) bool {
	if digitsOf(k) != "" {
		return true
	}
	toks := splitWords(k)
	return slices.ContainsFunc(toks, func(t textWord) bool { return isNumberWord(t.lower) || numberWordValue(t.lower) > 0 })
}

// fixed reports whether a point's values are of a kind no report revises
// as a running tally: a name's spelling, a vote's result ("7-4").
func (p *point) fixed() bool {
	return p.named() || !slices.ContainsFunc(p.keys, func(k string) bool { return !isTallyKey(k) })
}

// answersWith reports whether key, a point's value as compared ("april
// 21", "14.2 million euros", "sixty-eight"), is one best answers with:
// its month, or its figure in digits or words.
func answersWith(best *scoredSentence, key string, date bool) bool {
	if isTallyKey(key) {
		return slices.Contains(strings.Fields(best.s.lower), key) || strings.Contains(best.s.lower, key)
	}
	if !date && !isFigureKey(key) {
		return strings.Contains(best.s.lower, key) // a name as spelt
	}
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
// risk calling one: a side given, in its figure's clause, as a tally as
// of its report ("had grown to", "so far"), or of a report whose date
// is unknown.
func (e *Answerer) mayHaveChanged(p *point) bool {
	for i, side := range p.sides {
		for _, s := range side {
			if s.date.IsZero() {
				return true
			}
		}
		// The clause of the figure, not the sentence: "the loggerhead,
		// which rescuers have named Pebble, weighed 84 kilograms" gives
		// no tally.
		if slices.ContainsFunc(e.sideMentions(p, i), e.lexicon.runningClause) {
			return true
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

// spellingAnswer quotes best, then the other report that spells the name
// in it another way, saying so: a reader cannot tell which is right, but
// should know that both are in print.
func spellingAnswer(best, other *scoredSentence) bot.Answer {
	a := quoteAnswer([]*scoredSentence{best, other}, false)
	at := strings.LastIndex(a.Text, strings.Join(strings.Fields(other.s.text), " "))
	if at < 0 || len(other.values) == 0 {
		return a
	}
	a.Text = a.Text[:at] + "Another report spells the name " + other.values[0] + otherDate(best.s.date, other.s.date) + ": " + a.Text[at:]
	return a
}

// otherDate dates the other report of a single answer against the
// first: the same day, or its own date, or nothing when undated.
func otherDate(first, other time.Time) string {
	switch {
	case other.IsZero():
		return ""
	case first.Equal(other):
		return " (a report of the same day, " + bot.DateLabel(other) + ")"
	}
	return " (a report of " + bot.DateLabel(other) + ")"
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
