package extractive

// This file answers how one quantity changed over time ("How has
// attendance changed from 2022 to 2024?", "How did the area under lava
// grow?", "How did the death toll rise?"): the figure each report gives
// of it, oldest first, each dated and cited. Reports of different dates
// about a quantity that evolves are its history, not a disagreement.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// figureRow is the figure one article gives of the quantity asked.
type figureRow struct {
	a     coverageArticle
	s     *passageSentence
	value string // as written, with the noun it counts: "310 hectares"
	score float64
}

// minFigureRows is the fewest articles that must give a figure of the
// topic for its history to be told figure by figure.
const minFigureRows = 2

// quantityTimeline lists the figure each article gives of the quantity
// topic names, oldest first, and says which is the latest; "" when
// fewer than minFigureRows articles give one, or the topic is not a
// quantity (only names: a person's history is told by events).
func (e *Answerer) quantityTimeline(articles []coverageArticle, c *citer, topic string) string {
	names := nameTerms(e.lexicon, articles, e.terms.Terms)
	weight := e.figureWeights(articles, topic, names)
	if len(weight) == 0 {
		return ""
	}
	var rows []figureRow
	for _, a := range articles {
		if r, ok := e.figureOf(a, weight); ok {
			rows = append(rows, r)
		}
	}
	dated := 0
	for _, r := range rows {
		if !r.a.info.Date.IsZero() {
			dated++
		}
	}
	if len(rows) < minFigureRows || dated == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("The figure report by report, oldest first:")
	undated := false
	var latest *figureRow
	for i, r := range rows {
		if r.a.info.Date.IsZero() && !undated {
			undated = true
			b.WriteString("\nUndated reports, which say no more of when:")
		}
		fmt.Fprintf(&b, "\n- %s: %s: %s %s", describe(r.a.info), r.value, quote(r.s), c.cite(r.s))
		if !r.a.info.Date.IsZero() && (latest == nil || !r.a.info.Date.Before(latest.a.info.Date)) {
			latest = &rows[i]
		}
	}
	if latest != nil {
		fmt.Fprintf(&b, "\nThe latest report, of %s, gives %s.", bot.DateLabel(latest.a.info.Date), latest.value)
	}
	return b.String()
}

// figureWeights are the stems of the topic's words other than names, with
// their derived forms ("evacuee", "evacuate"), each weighted by how few
// sentences of the coverage hold it.
func (e *Answerer) figureWeights(articles []coverageArticle, topic string, names map[string]bool) map[string]float64 {
	terms := make(map[string]bool)
	for _, w := range strings.Fields(topic) {
		if _, err := strconv.Atoi(w); err == nil || isStopWord(w) {
			continue
		}
		words := []string{w}
		if th := e.lexicon.th; th != nil {
			for _, l := range th.Lemmas(w) {
				words = append(words, l)
				words = append(words, th.Related(l, thesaurus.Derived)...)
			}
		}
		for _, x := range words {
			for _, t := range e.terms.Terms(x) {
				if !names[t] {
					terms[t] = true
				}
			}
		}
	}
	n, df := 0, make(map[string]int)
	for _, a := range articles {
		for _, s := range a.sents {
			n++
			for t := range terms {
				for x := range s.terms {
					if sameStem(t, x) {
						df[t]++
						break
					}
				}
			}
		}
	}
	out := make(map[string]float64)
	for t := range terms {
		if df[t] > 0 {
			out[t] = math.Log(1 + float64(n)/float64(df[t]))
		}
	}
	return out
}

// figureOf is the figure an article gives of the topic: of its sentences'
// counts, sums and percentages, the one with most of the topic's words
// in its clause (ties to the earlier sentence, the lede's).
func (e *Answerer) figureOf(a coverageArticle, weight map[string]float64) (figureRow, bool) {
	var best figureRow
	for _, s := range a.sents {
		if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) {
			continue
		}
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.kind == qDate || m.kind == qSpan || m.foreseen {
				continue
			}
			sc := 0.0
			for t, w := range weight {
				if m.unit != "" && strings.HasPrefix(t, m.unit) {
					sc += w
					continue
				}
				for x := range m.context {
					if sameStem(t, x) {
						sc += w
						break
					}
				}
			}
			if sc > best.score {
				best = figureRow{a: a, s: s, value: withNoun(m), score: sc}
			}
		}
	}
	return best, best.s != nil
}

// asksFigure reports whether a question asks for a figure: "how many",
// "how much", or a noun of measure with what it measures ("the number
// of evacuees", "the size of the flow"). Its history is then told by
// its figures, even when the question does not say that it changed.
func (e *Answerer) asksFigure(question string) bool {
	toks := splitWords(question)
	for i := 0; i+1 < len(toks); i++ {
		w, next := toks[i].lower, toks[i+1].lower
		if w == "how" && (next == "many" || next == "much") || next == "of" && e.lexicon.is(w, wcMeasure) && e.lexicon.pos(w) == wcNoun {
			return true
		}
	}
	return false
}

// minStem is the fewest letters a stem needs to stand for the longer
// stems it begins ("evacu" for "evacue"): a noun and its verb, stemmed
// apart ("evacuees", "evacuated").
const minStem = 5

// sameStem reports whether two stems are of one word or of a noun and
// its verb: equal, or the shorter, of minStem letters or more, begins
// the longer.
func sameStem(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= minStem && strings.HasPrefix(b, a)
}

// oneYear reports whether the dated articles are all of one year: a
// figure they follow is a tally day by day (told figure by figure here),
// not one of editions or seasons (told year by year, see trendTimeline).
func oneYear(articles []coverageArticle) bool {
	year := 0
	for _, a := range articles {
		if a.info.Date.IsZero() {
			continue
		}
		if year != 0 && a.info.Date.Year() != year {
			return false
		}
		year = a.info.Date.Year()
	}
	return year != 0
}
