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
	"time"
)

// trendKeep is the least share of an article's best sentence on the topic
// that a sentence of another year needs to have a line of its own.
const trendKeep = 0.5

// trendLine is what an article gives of the topic for one year.
type trendLine struct {
	year  int   // the year it tells of; 0 when not known
	years []int // the years its sentence tells of, when several
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
		if score != nil {
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
		case len(l.years) > 1:
			fmt.Fprintf(&b, "\n- %s (as %s reported it):", yearList(l.years), e.reportLabel(articles, l.art))
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
	several := make(map[*passageSentence][]int)
	for _, s := range a.sents {
		// A sentence dating several steps of what it tells is history
		// at a lower bar: "Okafor started as a physiotherapist in 2012,
		// took charge of the youth team in 2017" names less of the topic
		// than the lede naming her in full.
		sc := score(s)
		if sc == 0 || sc < trendKeep*trendKeep*best {
			continue
		}
		years := slices.DeleteFunc(historyYears(s, a.info.Date), func(y int) bool { return y == own })
		if len(years) == 1 && sc < trendKeep*best {
			continue
		}
		switch {
		case len(years) == 0:
			continue // of no year, or of its own
		case len(years) > 1:
			// "started as a keeper in 2012, took charge of its
			// carnivores in 2017 and was named director in 2021": a
			// history in one sentence, told at its first year.
			several[s] = years
			continue
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
	for _, s := range a.sents {
		if ys := several[s]; ys != nil && !placed[s] {
			placed[s] = true
			lines = append(lines, trendLine{year: slices.Min(ys), years: ys, art: i, sents: []*passageSentence{s}})
		}
	}
	return lines, placed
}

// historyYears are the years a sentence tells of, in order: those it
// names (see namedYears), and the year before its report's that "last
// year", "last spring" or "last September" points to.
func historyYears(s *passageSentence, date time.Time) []int {
	years := namedYears(s)
	if date.IsZero() {
		return years
	}
	for i, tk := range s.toks {
		if i == 0 || s.toks[i-1].lower != "last" || inQuotation(s.text, tk.start) {
			continue
		}
		y := 0
		switch {
		case tk.lower == "year" || isSeason(tk.lower):
			y = date.Year() - 1
		case monthNumber(tk.lower) > 0:
			y = date.Year()
			if time.Month(monthNumber(tk.lower)) >= date.Month() {
				y-- // "last September" in February is of the year before
			}
		}
		if y != 0 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return years
}

// isSeason reports the seasons of the year: a closed class.
func isSeason(w string) bool {
	switch w {
	case "spring", "summer", "autumn", "fall", "winter":
		return true
	}
	return false
}

// yearList writes years as "2012, 2017 and 2021".
func yearList(years []int) string {
	var parts []string
	for _, y := range years {
		parts = append(parts, strconv.Itoa(y))
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
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
