package extractive

// This file answers "what happened in the 2020 election?", "what does
// the coverage say about the June strike?": a description of one event
// from the articles on it, its figures first, not a list of ledes, with
// what the reports give differently about it.

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
)

// Of an event, a description quotes at most eventSentences sentences, at
// most eventPerArticle of one article, each scoring at least eventKeep of
// the best.
const (
	eventSentences  = 8
	eventPerArticle = 3
	eventKeep       = 0.3
)

// figureWeight is what a figure (a count, sum, share or length of time)
// adds to a sentence's score, as a share of what it holds of the topic:
// a description of an event gives its numbers.
const figureWeight = 0.5

// eventArticle is the share of the most of the event one sentence tells
// that another must tell to be about it.
const eventArticle = 0.5

// eventDisagreements is the most points of disagreement a description
// lists.
const eventDisagreements = 4

// eventSummary describes the event topic names from its articles.
func (e *Answerer) eventSummary(articles []coverageArticle, stories *bot.Stories, c *citer, topic string) string {
	weight := e.topicWeights(articles, topic)
	lo, hi, dated := topicYears(topic)
	if !dated {
		// Told apart by its words; else by its year.
		weight = eventWeights(articles, weight)
	}
	reports := eventReports(articles, weight, e.terms.Terms, func(a coverageArticle) bool {
		y := articleDate(a).Year()
		return !dated || articleDate(a).IsZero() || y >= lo && y <= hi
	})
	type scored struct {
		s     *passageSentence
		art   int
		score float64
	}
	type candidate struct {
		scored
		figure bool
	}
	var cands []candidate
	best := make(map[int]float64) // the most of the event a sentence of each article tells
	told := make(map[*passageSentence]float64)
	for i, a := range articles {
		// An article of another year speaks of the event where it names
		// the event's year: "who lost the 2020 race".
		otherYear := false
		if y := articleDate(a).Year(); dated && !articleDate(a).IsZero() && (y < lo || y > hi) && !a.recalled {
			otherYear = true
		}
		for k, s := range a.sents {
			if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) || sentenceWords(s.toks) < 5 {
				continue
			}
			if otherYear && !slices.ContainsFunc(s.toks, func(tk textWord) bool {
				y, _ := strconv.Atoi(tk.text)
				return isYearWord(tk) && y >= lo && y <= hi
			}) {
				continue
			}
			var sc float64
			for t, w := range weight {
				if s.terms[t] {
					sc += w
				}
			}
			if k < 4 {
				sc += 0.01 * float64(4-k) // the opening tells the story first
			}
			if n, ok := reports[i]; len(articles) > 1 && ok && (sc > 0 || n < eventOpening) {
				// A report of the event tells it in its opening: what
				// happened, when, to whom, in figures; before what other
				// articles say of it. (Alone, its sentences rank by what
				// they tell of the event.)
				if n < eventOpening {
					sc += reportWeight(weight)
				}
				reports[i] = n + 1
			}
			figure := slices.ContainsFunc(e.lexicon.mentions(s, e.terms.Terms), func(m mention) bool { return m.kind != qDate })
			cands = append(cands, candidate{scored{s, i, sc}, figure})
			told[s] = sc
			best[i] = max(best[i], sc)
		}
	}
	top := 0.0
	for _, v := range best {
		top = max(top, v)
	}
	// A figure counts in an article as much as the article is on the
	// event: "Only 38.5 percent of eligible voters cast a ballot" in the
	// report of the election.
	var all []scored
	for _, x := range cands {
		if x.figure && top > 0 {
			x.score += figureWeight * top * best[x.art] / top
		}
		if x.score > 0.05 {
			all = append(all, x.scored)
		}
	}
	if len(all) == 0 {
		return ""
	}
	slices.SortStableFunc(all, func(x, y scored) int { return cmp.Compare(y.score, x.score) })
	// The event is of the story of the article that tells most of it: an
	// article of another story naming a word of it ("Mayor Celia Brandt"
	// for "the mayoral election") is left out.
	if stories != nil {
		anchor := articles[all[0].art].info.Source
		all = slices.DeleteFunc(all, func(x scored) bool {
			return x.s.source != anchor && stories.Likeness(anchor, x.s.source) < bot.SameStory
		})
	}
	var picked []scored
	also := make(map[*passageSentence][]int)
	per := make(map[int]int)
	copies := copiesIn(articles)
	for _, x := range all {
		if len(picked) == eventSentences || x.score < eventKeep*all[0].score {
			break
		}
		if o, ok := copies[x.art]; ok && copyIn(articles[o], x.s) != nil {
			continue // what a copy repeats is its original's, cited beside it
		}
		if i := slices.IndexFunc(picked, func(p scored) bool {
			return jaccard(contentTerms(p.s), contentTerms(x.s)) >= nearDuplicate
		}); i >= 0 {
			if picked[i].art != x.art && !slices.Contains(also[picked[i].s], x.art) {
				also[picked[i].s] = append(also[picked[i].s], x.art) // a wire copy says it again
			}
			continue
		}
		if per[x.art] == eventPerArticle {
			continue
		}
		per[x.art]++
		picked = append(picked, x)
	}
	for _, p := range picked {
		for c, o := range copies {
			if o == p.art && !slices.Contains(also[p.s], c) && copyIn(articles[c], p.s) != nil {
				also[p.s] = append(also[p.s], c)
			}
		}
	}
	// Who said what of it: the quotation most about it, when none was
	// picked.
	if !slices.ContainsFunc(picked, func(p scored) bool { return hasQuotation(p.s.text) }) {
		if i := slices.IndexFunc(all, func(x scored) bool { return hasQuotation(x.s.text) && x.score >= eventKeep*all[0].score }); i >= 0 {
			picked = append(picked, all[i])
		}
	}
	// Every article on the event is cited (the answer says it draws on
	// them), by what it tells most of it when its sentences ranked below
	// the others'.
	cited := make(map[int]bool)
	for _, p := range picked {
		cited[p.art] = true
		for _, i := range also[p.s] {
			cited[i] = true
		}
	}
	for _, x := range all {
		if !cited[x.art] && told[x.s] >= eventArticle*best[x.art] {
			cited[x.art] = true
			picked = append(picked, x)
		}
	}
	slices.SortStableFunc(picked, func(x, y scored) int {
		if c := compareDates(x.s, y.s); c != 0 {
			return c
		}
		if x.art != y.art {
			return x.art - y.art
		}
		return x.s.lines[0] - y.s.lines[0]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "From %s on it:", countArticles(len(cited))) // those it draws on
	// A sentence telling much of the event is about it: what it gives
	// differently from another report is of the event.
	onEvent := make(map[*passageSentence]bool)
	for _, x := range all {
		if told[x.s] >= eventArticle*top {
			onEvent[x.s] = true
		}
	}
	for _, p := range picked {
		fmt.Fprintf(&b, "\n- %s %s (%s)", quote(p.s), c.cite(p.s), e.reportLabel(articles, p.art))
		for _, i := range also[p.s] {
			if o := copyIn(articles[i], p.s); o != nil {
				fmt.Fprintf(&b, "; so does %s %s", e.reportLabel(articles, i), c.cite(o))
			}
		}
	}
	// What the reports give differently of the event: of a sentence
	// about it.
	var differ []*point
	for _, p := range e.points(articles) {
		if slices.ContainsFunc(p.sides, func(side []*passageSentence) bool {
			return slices.ContainsFunc(side, func(s *passageSentence) bool { return onEvent[s] })
		}) {
			differ = append(differ, p)
		}
	}
	if len(differ) > 0 {
		b.WriteString("\nThe sources differ on what they report of it:")
		for _, p := range differ[:min(len(differ), eventDisagreements)] {
			p.write(&b, articles, c)
		}
	}
	return b.String()
}

// eventOpening is how many sentences of a report of an event, from its
// lede, tell the event.
const eventOpening = 3

// eventReach is how far apart reports of one event are dated: the news
// of it and the follow-ups of the next days. A later article recalls it.
const eventReach = 7 * 24 * time.Hour

// eventWeights drops the weight of the topic's words that every article
// holds when others are held by only some: of "the tunnel flooded" over
// a tunnel's story, "tunnel" is the story and "flood" the event.
func eventWeights(articles []coverageArticle, weight map[string]float64) map[string]float64 {
	if len(articles) < 2 {
		return weight
	}
	inAll := make(map[string]bool)
	distinct := false
	for t := range weight {
		all := true
		for _, a := range articles {
			if !slices.ContainsFunc(a.sents, func(s *passageSentence) bool { return s.terms[t] }) {
				all = false
				break
			}
		}
		inAll[t] = all
		distinct = distinct || !all
	}
	if !distinct {
		return weight
	}
	out := make(map[string]float64)
	for t, w := range weight {
		if !inAll[t] {
			out[t] = w
		}
	}
	return out
}

// eventReports returns the articles that report the event (mapped to
// 0): the first of the years the topic names whose headline and lede
// hold most of its words (at least eventArticle of the most), and those
// dated within eventReach of it. An
// article dated later that names the event recalls it; its sentences
// naming it still count, but not its opening.
func eventReports(articles []coverageArticle, weight map[string]float64, terms func(string) []string, ofYears func(coverageArticle) bool) map[int]int {
	held := func(s *passageSentence) float64 {
		var sc float64
		if s == nil {
			return 0
		}
		for t, w := range weight {
			if s.terms[t] {
				sc += w
			}
		}
		return sc
	}
	scores := make([]float64, len(articles))
	top := 0.0
	for i, a := range articles {
		if !ofYears(a) {
			continue // an article of a later year recalls it
		}
		sc := held(lede(a))
		title := make(map[string]bool)
		for _, t := range terms(a.info.Title) {
			title[t] = true
		}
		for t, w := range weight {
			if title[t] {
				sc += w
			}
		}
		scores[i] = sc
		top = max(top, sc)
	}
	out := make(map[int]int)
	if top == 0 {
		return out
	}
	// The first report of it is the news of the event; later ones that
	// open on it tell what followed (a fine, a lawsuit).
	best := -1
	for i, a := range articles {
		if scores[i] == 0 || scores[i] < eventArticle*top {
			continue
		}
		if best < 0 || articleDate(articles[best]).IsZero() || !articleDate(a).IsZero() && articleDate(a).Before(articleDate(articles[best])) {
			best = i
		}
	}
	if best < 0 {
		return out
	}
	d := articleDate(articles[best])
	for i, a := range articles {
		ad := articleDate(a)
		switch {
		case i == best:
		case a.bounds.copyOf.Source == articles[best].info.Source:
		case d.IsZero() || ad.IsZero() || ad.Sub(d) > eventReach || d.Sub(ad) > eventReach:
			continue
		}
		if held(lede(a)) > 0 {
			out[i] = 0
		}
	}
	return out
}

// reportWeight is what the opening of a report of the event adds to a
// sentence's score: as much as all the event's words.
func reportWeight(weight map[string]float64) float64 {
	var sum float64
	for _, w := range weight {
		sum += w
	}
	return sum
}

// topicYears are the first and last years a topic names.
func topicYears(topic string) (int, int, bool) {
	lo, hi := 0, 0
	for _, w := range strings.Fields(topic) {
		if y, err := strconv.Atoi(w); err == nil && len(w) == 4 && y >= 1800 && y <= 2200 {
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
	}
	return lo, hi, lo > 0
}

// copyIn returns the sentence of a that is a copy of s.
func copyIn(a coverageArticle, s *passageSentence) *passageSentence {
	cs := contentTerms(s)
	for _, o := range a.sents {
		if jaccard(contentTerms(o), cs) >= nearDuplicate {
			return o
		}
	}
	return nil
}

// topicWeights weighs topic's words (years left out) by how few
// sentences of the articles hold them.
func (e *Answerer) topicWeights(articles []coverageArticle, topic string) map[string]float64 {
	var terms []string
	for _, w := range strings.Fields(topic) {
		if _, err := strconv.Atoi(w); err == nil || monthNumber(w) > 0 {
			continue
		}
		terms = append(terms, e.terms.Terms(w)...)
	}
	df := make(map[string]int)
	n := 0
	for _, a := range articles {
		for _, s := range a.sents {
			n++
			for _, t := range terms {
				if s.terms[t] {
					df[t]++
				}
			}
		}
	}
	weight := make(map[string]float64)
	for _, t := range terms {
		if df[t] > 0 {
			weight[t] = math.Log(1 + float64(n)/float64(df[t]))
		}
	}
	return weight
}

// copiesIn maps the index of each undated copy among articles to that of
// the article it copies, when both are there.
func copiesIn(articles []coverageArticle) map[int]int {
	out := make(map[int]int)
	for i, a := range articles {
		if src := a.bounds.copyOf.Source; src != "" {
			if j := slices.IndexFunc(articles, func(o coverageArticle) bool { return o.info.Source == src }); j >= 0 {
				out[i] = j
			}
		}
	}
	return out
}
