package extractive

// This file answers "how has attendance changed from 2022 to 2024?" and
// "trace her history with the race year by year": what each article gives
// of the topic, in time, one line for each year an article speaks of. An
// article of 2021 that says she "joined the company in 2015" tells of
// 2015 as well as of 2021.

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// trendKeep is the least share of an article's best sentence on the topic
// that a sentence of another year needs to have a line of its own.
const trendKeep = 0.5

// trendLine is what an article gives of the topic for one year.
type trendLine struct {
	year  int // the year it tells of; 0 when not known
	art   int
	sents []*passageSentence
	own   bool               // of the article's own year
	also  []*passageSentence // the same in copies of its article
}

// trendTimeline lists, oldest first, what each article says of the topic
// in its own year and, on lines of their own, in the years before or
// after that it names. The undated come last, apart, for the reader to
// place.
func (e *Answerer) trendTimeline(articles []coverageArticle, c *citer, topic string) string {
	pick := e.topicPicker(articles, topic)
	score := e.topicScorer(articles, topic)
	var lines []trendLine
	for i, a := range articles {
		own := articleDate(a).Year()
		if articleDate(a).IsZero() {
			own = 0
		}
		other := make(map[*passageSentence]bool)
		if score != nil && own != 0 {
			lines, other = appendOtherYears(lines, a, i, own, score)
		}
		var said []*passageSentence
		for _, s := range pick(a) {
			if !other[s] {
				said = append(said, s)
			}
		}
		if len(said) == 0 && score != nil {
			// Its best sentence tells of another year: its own year's is
			// the next best not placed elsewhere.
			best := 0.0
			var bs *passageSentence
			for _, s := range a.sents {
				if sc := score(s); sc > best && !other[s] {
					best, bs = sc, s
				}
			}
			if bs != nil {
				said = []*passageSentence{bs}
			}
		}
		if len(said) == 0 && len(other) == 0 {
			said = ledeOnly(a)
		}
		if len(said) > 0 {
			lines = append(lines, trendLine{year: own, art: i, sents: said, own: true})
		}
	}
	lines = mergeCopies(lines, articles)
	slices.SortStableFunc(lines, func(x, y trendLine) int {
		switch {
		case (x.year == 0) != (y.year == 0):
			if x.year == 0 {
				return 1
			}
			return -1
		case x.year != y.year:
			return x.year - y.year
		}
		return articleDate(articles[x.art]).Compare(articleDate(articles[y.art]))
	})
	var b strings.Builder
	b.WriteString("As the coverage reported it, oldest first:")
	shown := 0
	undated := false
	for _, l := range lines {
		if shown == maxListed {
			fmt.Fprintf(&b, "\n… and %d more lines.", len(lines)-shown)
			break
		}
		shown++
		a := articles[l.art]
		switch {
		case l.year == 0:
			if !undated {
				undated = true
				b.WriteString("\nUndated articles, which say no more of when:")
			}
			fmt.Fprintf(&b, "\n- %s: %s:", describe(a.info), oneLineTitle(a.info.Title))
		case l.own && a.info.Date.IsZero():
			// Of the year of the latest date it gives.
			fmt.Fprintf(&b, "\n- %d (%s):", l.year, e.reportLabel(articles, l.art))
		case l.own:
			fmt.Fprintf(&b, "\n- %s:", describe(a.info))
		default:
			fmt.Fprintf(&b, "\n- %d (as %s reported it):", l.year, e.reportLabel(articles, l.art))
		}
		for _, s := range l.sents {
			fmt.Fprintf(&b, " %s %s", quote(s), c.cite(s))
		}
		for _, o := range l.also {
			fmt.Fprintf(&b, "; so does %s %s", e.reportLabel(articles, articleOf(articles, o)), c.cite(o))
		}
	}
	return b.String()
}

// mergeCopies folds the lines of an undated copy into those of the
// article it copies where they quote the same sentences: one line, both
// cited.
func mergeCopies(lines []trendLine, articles []coverageArticle) []trendLine {
	copies := copiesIn(articles)
	var out []trendLine
	for _, l := range lines {
		orig, ok := copies[l.art]
		if ok && len(l.sents) > 0 {
			if i := slices.IndexFunc(out, func(o trendLine) bool {
				return o.art == orig && slices.ContainsFunc(o.sents, func(s *passageSentence) bool {
					return jaccard(contentTerms(s), contentTerms(l.sents[0])) >= nearDuplicate
				})
			}); i >= 0 {
				out[i].also = append(out[i].also, l.sents[0])
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// appendOtherYears adds a line for each year other than own that a
// sentence of article i on the topic names (its best sentence of that
// year), and returns the sentences so placed.
func appendOtherYears(lines []trendLine, a coverageArticle, i, own int, score func(*passageSentence) float64) ([]trendLine, map[*passageSentence]bool) {
	best := 0.0
	for _, s := range a.sents {
		best = max(best, score(s))
	}
	type cand struct {
		s     *passageSentence
		score float64
	}
	byYear := make(map[int]cand)
	for _, s := range a.sents {
		sc := score(s)
		if sc == 0 || sc < trendKeep*best {
			continue
		}
		years := namedYears(s)
		if len(years) != 1 || years[0] == own {
			continue // of no year, of its own, or comparing several
		}
		if c, ok := byYear[years[0]]; !ok || sc > c.score {
			byYear[years[0]] = cand{s, sc}
		}
	}
	placed := make(map[*passageSentence]bool)
	for _, y := range slices.Sorted(maps.Keys(byYear)) {
		placed[byYear[y].s] = true
		lines = append(lines, trendLine{year: y, art: i, sents: []*passageSentence{byYear[y].s}})
	}
	return lines, placed
}

// namedYears are the years a sentence names, once each, outside
// quotation marks: "exactly what we warned the council about in 2021"
// is what was said when it was reported.
func namedYears(s *passageSentence) []int {
	var out []int
	for _, tk := range s.toks {
		if isYearWord(tk) && !inQuotation(s.text, tk.start) {
			if y, _ := strconv.Atoi(tk.text); !slices.Contains(out, y) {
				out = append(out, y)
			}
		}
	}
	return out
}
