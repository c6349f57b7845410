package extractive

// This file finds what the articles of the coverage give differently:
// the same count, date or name in two reports of the same thing.

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// maxConflicts is the most disagreements one answer lists.
const maxConflicts = 12

// nearDuplicate is the share of content terms (Jaccard) two sentences of
// wire copies share: then any number, date or name that differs between
// them is a disagreement.
const nearDuplicate = 0.6

// maxPosting is the most sentences a term may be in to bring pairs
// together: commoner terms ("said", the name of the story's city) are in
// too many sentences to tell reports apart.
const maxPosting = 200

// conflict is one disagreement between two articles.
type conflict struct {
	a, b   *passageSentence
	va, vb string  // as shown: "9 people"
	ka, kb string  // as compared: "9"; va and vb when empty
	date   bool    // the values are dates
	age    bool    // the values are a person's age
	score  float64 // how surely the two are of the same thing
}

// minConflict is the least score (shared words around the two figures,
// weighted by how rare they are, plus the same counted noun) at which
// two figures of different articles are taken for the same quantity.
const minConflict = 2.5

// ledeBonus is added for two figures of the ledes of their articles, and
// storyWeight times the share of words their articles share: reports of
// the same story give its figures in other words.
const (
	ledeBonus   = 1
	storyWeight = 2
)

// sameDays is how many days apart two reports are of the same days, and
// sameDaysBonus what that adds to the score of their figures' pairing.
const (
	sameDays      = 7
	sameDaysBonus = 0.5
)

// placeBonus is added for two counts of people of the same place: the
// same body of people, most likely.
const placeBonus = 1

// minApart is the least score of two figures of reports more than
// sameDays apart, or undated: what was true then may have changed, so
// more must show that they are of one thing.
const minApart = 4

func absDays(d float64) float64 { return math.Abs(d) }

// nearRatio is the most two figures of reports apart in time differ
// by; those of the same days may differ more (a transposed "38,000" and
// "83,000"), up to maxRatio.
const nearRatio = 2

// maxRatio is the most two counts, sums or percentages of the same
// thing differ by in reports that disagree: "1,450 vs 1,540 workers",
// "38,000 vs 83,000 records"; farther apart, they count different things.
const maxRatio = 3

// disagreements lists the figures, dates and names the articles give
// differently for the same thing, each side cited with its article's date:
// first where reports of the same days differ, which is a disagreement,
// then where reports further apart do, which may be news (the toll rose,
// the plan changed), with which is newer.
func (e *Answerer) disagreements(articles []coverageArticle, c *citer) string {
	points := e.points(articles)
	var now, apart, revised, moved []*point
	updates := 0
	for _, p := range points {
		switch {
		case p.date && len(moved) < maxRevisions && e.movedPoint(p, articles):
			moved = append(moved, p) // a plan, then another date: told as a change (eventdate.go)
		case e.revisedEstimatePoint(p, articles):
			revised = append(revised, p) // an estimate revised (estimate.go)
		case e.update(p, articles) && e.revisedTally(p):
			revised = append(revised, p) // a figure revised: told as a change
		case e.update(p, articles):
			updates++ // figures of other years: news, not a disagreement
		case !p.apart(articles):
			now = append(now, p)
		default:
			apart = append(apart, p)
		}
	}
	var b strings.Builder
	if len(now)+len(apart)+len(moved) == 0 {
		b.WriteString("The articles do not give different figures, dates or names for the same thing, as far as they can be compared sentence by sentence.")
		if updates > 0 {
			b.WriteString(" Figures that changed between reports of different dates are updates, not disagreements.")
		}
	}
	if len(now) > 0 {
		n := min(len(now), maxConflicts)
		fmt.Fprintf(&b, "The sources differ on %d %s:", n, plural(n, "point", "points"))
		for _, p := range now[:n] {
			p.write(&b, articles, c)
		}
	}
	if n := min(len(apart), maxConflicts-min(len(now), maxConflicts)); n > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("Reports further apart in time give different figures (the sources differ, or things changed in between):")
		for _, p := range apart[:n] {
			p.write(&b, articles, c)
		}
	}
	if updates > 0 && len(now)+len(apart) > 0 {
		fmt.Fprintf(&b, "\n%d %s that changed between reports of different dates %s left out: updates, not disagreements.", updates, plural(updates, "figure", "figures"), plural(updates, "is", "are"))
	}
	if len(moved) > 0 {
		e.writeMoved(&b, moved, articles, c)
	}
	if len(revised) > 0 {
		b.WriteString("\n" + revisionsHead)
		for _, p := range revised[:min(len(revised), maxRevisions)] {
			p.writeRevision(&b, articles, c)
		}
	}
	return b.String()
}

// points are the figures, dates and names the articles give differently
// for the same thing, the surest first.
func (e *Answerer) points(articles []coverageArticle) []*point {
	figs := e.figureConflicts(articles)
	// A wire copy's sentence that differs in a figure read with its unit
	// is told by that figure ("$2.3 million", not "2.3").
	read := make(map[[2]*passageSentence]bool)
	for _, f := range figs {
		read[[2]*passageSentence{f.a, f.b}], read[[2]*passageSentence{f.b, f.a}] = true, true
	}
	found := slices.DeleteFunc(e.nearDuplicateConflicts(articles), func(f conflict) bool { return read[[2]*passageSentence{f.a, f.b}] })
	found = append(found, figs...)
	found = append(found, e.nameConflicts(articles)...)
	slices.SortFunc(found, surerFirst)
	return groupConflicts(found)
}

// surerFirst orders conflicts by score, the surest first, then by where
// they are, so that the answer reads the same every time: the scores sum
// weights over maps, whose order differs by the last bits.
func surerFirst(x, y conflict) int {
	if c := cmp.Compare(math.Round(y.score*1e6), math.Round(x.score*1e6)); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(x.a.source, y.a.source), cmp.Compare(x.a.lines[0], y.a.lines[0]),
		cmp.Compare(x.b.source, y.b.source), cmp.Compare(x.b.lines[0], y.b.lines[0]),
		cmp.Compare(x.va, y.va), cmp.Compare(x.vb, y.vb))
}

// point is one thing the articles give differently: each value with the
// sentences that give it, oldest first.
type point struct {
	date   bool     // of when something happened, which time passing does not change
	age    bool     // a person's age, which changes once a year
	keys   []string // each value as compared
	values []string
	sides  [][]*passageSentence
}

// groupConflicts merges the conflicts that oppose the same values (a
// wire story and its republished copy against a third report) into one
// point each, in the order of their best conflict.
func groupConflicts(found []conflict) []*point {
	var out []*point
	byKey := make(map[string]*point)
	for _, f := range found {
		ka, kb := strings.ToLower(cmp.Or(f.ka, f.va)), strings.ToLower(cmp.Or(f.kb, f.vb))
		key := min(ka, kb) + "\x00" + max(ka, kb)
		p := byKey[key]
		if p == nil {
			p = &point{}
			byKey[key] = p
			out = append(out, p)
		}
		p.date = p.date || f.date
		p.age = p.age || f.age
		p.add(ka, f.va, f.a)
		p.add(kb, f.vb, f.b)
	}
	for _, p := range out {
		for _, side := range p.sides {
			slices.SortStableFunc(side, func(x, y *passageSentence) int { return compareDates(x, y) })
		}
		// The side first reported first.
		if len(p.sides) == 2 && compareDates(p.sides[1][0], p.sides[0][0]) < 0 {
			p.sides[0], p.sides[1] = p.sides[1], p.sides[0]
			p.values[0], p.values[1] = p.values[1], p.values[0]
			p.keys[0], p.keys[1] = p.keys[1], p.keys[0]
		}
	}
	return out
}

func (p *point) add(key, v string, s *passageSentence) {
	i := slices.Index(p.keys, key)
	if i < 0 {
		p.keys = append(p.keys, key)
		p.values = append(p.values, v)
		p.sides = append(p.sides, nil)
		i = len(p.values) - 1
	}
	if len(v) > len(p.values[i]) {
		p.values[i] = v // "Four workers" rather than "four"
	}
	if !slices.ContainsFunc(p.sides[i], func(o *passageSentence) bool { return o.source == s.source }) {
		p.sides[i] = append(p.sides[i], s)
	}
}

// apart reports whether every report of one side is dated more than
// sameDays from every report of the other: then the difference may be
// news rather than a disagreement.
func (p *point) apart(articles []coverageArticle) bool {
	if len(p.sides) != 2 || p.date || p.age {
		return false
	}
	lo0, hi0, ok0 := sideSpan(articles, p.sides[0])
	lo1, hi1, ok1 := sideSpan(articles, p.sides[1])
	if !ok0 || !ok1 {
		return false
	}
	return lo1.Sub(hi0).Hours()/24 > sameDays || lo0.Sub(hi1).Hours()/24 > sameDays
}

// write renders a point: its values, then each side: the first article
// giving it, with its date and sentence, and any others giving it too.
func (p *point) write(b *strings.Builder, articles []coverageArticle, c *citer) {
	fmt.Fprintf(b, "\n- %s:", strings.Join(p.values, " vs "))
	for i, side := range p.sides {
		if i > 0 {
			b.WriteString(";")
		}
		first := side[0]
		fmt.Fprintf(b, " %s (%s) says: %s %s", articleName(articles, first), sentenceDate(articles, first), quote(first), c.cite(first))
		if len(side) > 1 {
			var more []string
			for _, s := range side[1:] {
				more = append(more, articleName(articles, s)+" ("+sentenceDate(articles, s)+") "+c.cite(s))
			}
			fmt.Fprintf(b, " (so does %s)", strings.Join(more, ", "))
		}
	}
	if i, ok := p.later(articles); ok {
		fmt.Fprintf(b, " The later report gives %s.", p.values[i])
	}
}

// sentenceDate is the date of s's article, or what its text tells of it.
func sentenceDate(articles []coverageArticle, s *passageSentence) string {
	if !s.date.IsZero() {
		return bot.DateLabel(s.date)
	}
	if i := articleOf(articles, s); i >= 0 {
		return articles[i].bounds.label()
	}
	return bot.DateLabel(s.date)
}

// later returns the side of a two-sided point every report of which is
// later than every report of the other, by their dates or, for the
// undated, what their text tells of when they were written.
func (p *point) later(articles []coverageArticle) (int, bool) {
	if len(p.sides) != 2 {
		return 0, false
	}
	lo0, hi0, ok0 := sideSpan(articles, p.sides[0])
	lo1, hi1, ok1 := sideSpan(articles, p.sides[1])
	switch {
	case !ok0 || !ok1:
		return 0, false
	case hi0.Before(lo1):
		return 1, true
	case hi1.Before(lo0):
		return 0, true
	}
	return 0, false
}

// compareDates orders sentences by their articles' dates, the undated
// last.
func compareDates(x, y *passageSentence) int {
	switch {
	case x.date.IsZero() != y.date.IsZero():
		if x.date.IsZero() {
			return 1
		}
		return -1
	}
	return x.date.Compare(y.date)
}

// nearDuplicateConflicts finds wire copies of one sentence that differ
// in a number, date or name ("Kenneth Moyo" and "Helen Okoye").
func (e *Answerer) nearDuplicateConflicts(articles []coverageArticle) []conflict {
	type sent struct {
		s     *passageSentence
		terms map[string]bool
		info  int // index of its article
	}
	var all []sent
	post := make(map[string][]int)
	for i, a := range articles {
		for _, s := range a.sents {
			if s.byline || s.caption || s.headline {
				continue
			}
			x := sent{s: s, terms: contentTerms(s), info: i}
			for t := range x.terms {
				post[t] = append(post[t], len(all))
			}
			all = append(all, x)
		}
	}
	var found []conflict
	shared := make(map[int]int)
	for i, x := range all {
		clear(shared)
		for t := range x.terms {
			if list := post[t]; len(list) <= maxPosting {
				for _, j := range list {
					if j > i && all[j].info != x.info {
						shared[j]++
					}
				}
			}
		}
		for j, n := range shared {
			y := all[j]
			if n < 2 || jaccard(x.terms, y.terms) < nearDuplicate {
				continue
			}
			if ia, ja, ib, jb, ok := differingWords(x.s, y.s); ok {
				va, da := e.widenToMention(x.s, ia, ja)
				vb, db := e.widenToMention(y.s, ib, jb)
				found = append(found, conflict{a: x.s, b: y.s, va: va, vb: vb, date: da && db, score: 100})
			}
		}
	}
	slices.SortStableFunc(found, func(x, y conflict) int { return cmp.Compare(x.a.lines[0], y.a.lines[0]) })
	return found
}

// figureConflicts finds counts, sums, percentages and dates that two
// articles give differently for the same thing: of the same kind and
// unit, with the same words around them, and neither article giving the
// other's value. Each figure is paired once, with the figure of the other
// article whose words agree most.
func (e *Answerer) figureConflicts(articles []coverageArticle) []conflict {
	lx := e.lexicon
	type ment struct {
		mention
		art int
	}
	var all []ment
	artTerms := make([]map[string]bool, len(articles))
	ledes := make(map[*passageSentence]bool)
	for i, a := range articles {
		artTerms[i] = make(map[string]bool)
		if l := lede(a); l != nil {
			ledes[l] = true
		}
		for _, s := range a.sents {
			for t := range contentTerms(s) {
				artTerms[i][t] = true
			}
			if s.byline || s.caption || s.headline {
				continue
			}
			for _, m := range lx.mentions(s, e.terms.Terms) {
				if m.kind == qDate && inDateline(s, m) {
					continue // when the article was filed, not when it happened
				}
				if ref := articleDate(a); m.kind == qDate && strings.HasPrefix(m.date, "--") && !ref.IsZero() {
					// "July 22" in an article of 2022 is of 2022; of an
					// undated one, of the year of the latest date it gives.
					m.date, m.impliedYear = strconv.Itoa(ref.Year())+m.date[1:], true
				}
				all = append(all, ment{m, i})
			}
		}
	}
	simCache := make(map[[2]int]float64)
	articleSim := func(i, j int) float64 {
		k := [2]int{min(i, j), max(i, j)}
		v, ok := simCache[k]
		if !ok {
			v = jaccard(artTerms[i], artTerms[j])
			simCache[k] = v
		}
		return v
	}
	// gives reports whether article i gives value m anywhere: then it
	// knows both values, which are of different things.
	gives := func(i int, m mention) bool {
		for _, o := range all {
			if o.art == i && o.kind == m.kind && sameValue(o.mention, m) && (m.kind != qCount && m.kind != qSpan || o.unit == m.unit || o.people && m.people) &&
				(m.kind != qDate || asPrecise(o.date, m.date)) {
				return true
			}
		}
		return false
	}
	names := nameTerms(lx, articles, e.terms.Terms)
	events := e.newDateEvents(names) // what happens on each date (eventdate.go)
	years := make([]map[string]bool, len(articles))
	for i, a := range articles {
		years[i] = articleYears(a)
	}
	df := make(map[string]int)
	post := make(map[string][]int)
	for i, m := range all {
		for t := range m.context {
			df[t]++
			post[t] = append(post[t], i)
		}
	}
	n := float64(len(all))
	near := make(map[int]map[string]int)
	nearOf := func(i int) map[string]int {
		if w, ok := near[i]; ok {
			return w
		}
		w := e.nearWords(all[i].mention, names)
		near[i] = w
		return w
	}
	// How many figures have each word right around them, and which.
	nearDF := make(map[string]int)
	nearPost := make(map[string][]int)
	for i := range all {
		for t := range nearOf(i) {
			nearDF[t]++
			nearPost[t] = append(nearPost[t], i)
		}
	}
	// nearOwn reports whether the noun another figure is of (its
	// before) stands near figure i and is no other figure's of its
	// sentence: "debts of $31.2 million and assets of $12 million" puts
	// "assets" near $31.2 million, but they are the $12 million's.
	nearOwn := func(i int, before string) bool {
		if !has(nearOf(i), before) {
			return false
		}
		for k := max(0, i-maxSentenceFigures); k < min(len(all), i+maxSentenceFigures); k++ {
			if k != i && all[k].sentence == all[i].sentence && all[k].before == before {
				return false
			}
		}
		return true
	}
	type pair struct {
		x, y  int
		score float64
		prox  float64
		age   bool
	}
	var pairs []pair
	score := make(map[int]float64)
	for i, x := range all {
		clear(score)
		for t := range x.context {
			list := post[t]
			if len(list) > maxPosting {
				continue
			}
			w := math.Log(1 + n/float64(df[t]))
			if names[t] {
				// The names of the story's people and places say which
				// story a figure is of, as the articles' likeness does,
				// not which of its figures: "Kessling served nine years",
				// "Kessling was sentenced to six years".
				w *= nameWeight
			}
			for _, j := range list {
				if j > i && all[j].art != x.art {
					score[j] += w
				}
			}
		}
		// Two figures with a word of what they are of right around both
		// may be of one thing though their clauses share no other word:
		// "will cut 350 jobs at its mill", "400 positions will go".
		for t := range nearOf(i) {
			if list := nearPost[t]; len(list) <= maxPosting {
				for _, j := range list {
					if _, ok := score[j]; !ok && j > i && all[j].art != x.art && all[j].kind == x.kind {
						score[j] = 0
					}
				}
			}
		}
		if x.kind == qDate {
			// Two reports' dates a day or two apart may be of one event
			// told in other words ("the trial opened on May 6", "a trial
			// that began on May 7"): the words right around them tell.
			for j := i + 1; j < len(all); j++ {
				if _, ok := score[j]; !ok && all[j].kind == qDate && all[j].art != x.art {
					if d, ok := daysBetween(x.date, all[j].date); ok && (d <= dayOrTwo || events.candidate(x.mention, all[j].mention, d)) {
						score[j] = 0
					}
				}
			}
		}
		for j := i + 1; x.kind == qTally && j < len(all); j++ {
			if _, ok := score[j]; !ok && all[j].art != x.art && sameContest(x.mention, all[j].mention) {
				score[j] = 0 // "voting 7-4", "backed the centre 8-3"
			}
		}
		for j, sc := range score {
			y := all[j]
			moved := x.kind == qDate && events.moved(x.mention, y.mention) // a plan, then another date (eventdate.go)
			if !lx.comparable(x.mention, y.mention) && !moved || otherYears(articles[x.art], articles[y.art], years[x.art], years[y.art]) {
				continue
			}
			if x.kind != qCount && x.kind != qDate && x.kind != qTally && x.before != "" && y.before != "" && x.before != y.before && !nearOwn(i, y.before) && !nearOwn(j, x.before) {
				// "profit rose 9 percent", "shares rose 4 percent"; but
				// "put the damage at 14.2 million euros" and "will cost
				// the valley €15m": a cost is a damage.
				continue
			}
			event := moved || x.kind == qDate && events.one(x.mention, y.mention)
			if d, ok := daysBetween(x.date, y.date); ok && d > maxDateGap && !event {
				continue // the dates of two events, unless both name one and what happens on it
			}
			age := isAge(x.mention) && isAge(y.mention)
			if age && !agesDisagree(x.mention, y.mention) {
				continue // a year older in the later report
			}
			// The date of an event stays what it was; a count may change.
			// Without any date, nothing tells two reports apart in time.
			dx, dy := x.sentence.date, y.sentence.date
			near := x.kind == qDate || dx.IsZero() && dy.IsZero() ||
				!dx.IsZero() && !dy.IsZero() && absDays(dx.Sub(dy).Hours()/24) <= sameDays
			if x.foreseen != y.foreseen && !near && !e.revisedForecast(x.mention, y.mention) && !e.revisedEstimate(x.mention, y.mention, true) {
				continue // a forecast and, later, the outcome
			}
			if lo, hi := min(x.value, y.value), max(x.value, y.value); x.kind != qDate && (!near || dx.IsZero() && dy.IsZero()) && hi > nearRatio*lo {
				// Far apart in time and in value: two things, or news.
				// Undated reports may be far apart too: "the 1,000
				// troops needed" is no count of "the 2,700-strong mission".
				continue
			}
			switch {
			case x.unit != "" && x.unit == y.unit:
				sc++
			case x.people && y.people:
				sc += 0.5
			case x.kind == qCount && lx.sameMeasure(x.mention, y.mention):
				sc += 0.5 // "seats 220 people", "its 240-seat dome"
			}
			if x.people && y.people && sharedCount(x.places, y.places) > 0 {
				sc += placeBonus // "2,500 Canadian troops", "the 2,700-strong mission" Ottawa ends
			}
			// Two reports of one story give its main figure in their
			// ledes, often in other words.
			if ledes[x.sentence] && ledes[y.sentence] && near {
				sc += ledeBonus
			}
			sc += storyWeight * articleSim(x.art, y.art)
			// Reports of the same days tell the same state of things: a
			// figure they give differently is a disagreement, where one
			// of a year later may be news.
			if near {
				sc += sameDaysBonus
			}
			// A word of what both are of right around them, the rarer the
			// surer: "deliberating for 11 hours", "nine hours of
			// deliberation", more than "the town" of the story.
			closeness := 0.0
			prox := 0.0 // how near such words stand to both
			for t, di := range nearOf(i) {
				if dj, ok := nearOf(j)[t]; ok {
					closeness = max(closeness, math.Log(1+n/float64(nearDF[t]))/math.Log(1+n))
					prox += 1 / float64(di+dj)
				}
			}
			if x.kind != qDate && transposed(x.mention, y.mention) {
				sc += transposeBonus
				closeness = max(closeness, 1)
			}
			close := closeness > 0
			sc += closeBonus * closeness
			if d, ok := daysBetween(x.date, y.date); close && x.kind == qDate && ok && d <= dayOrTwo {
				sc += closeBonus // a day misreported, as often happens
			}
			if event {
				sc += closeBonus + events.surety(x.mention, y.mention) // "production will stop on", "production would end on"
				close = true
			}
			if sameContest(x.mention, y.mention) {
				sc += minConflict // one vote's result, given twice
				close = true
			}
			if !near && sc < minApart && !e.standing(x.mention, y.mention, close) && !e.runningTally(x.mention, y.mention, close) && !e.revisedEstimate(x.mention, y.mention, close) {
				continue // reports apart in time, or undated, need more to be of one thing
			}
			if bareCount(x.mention, y.mention) && !close {
				continue // a bare figure ("11 were taken to hospital") is of what the words around it say
			}
			if !lx.countedAlike(x.mention, y.mention) && !close && (!near || sharedWords(x.context, y.context, names) == 0) {
				// Nothing says the two are of one thing but the story they
				// are in: the words right around them, or, in reports of
				// the same days, a word of their clauses.
				continue
			}
			if sc >= minConflict {
				pairs = append(pairs, pair{i, j, sc, prox, age})
			}
		}
	}
	// The surest first; of two as sure, the pair whose words of what
	// they are of stand nearer both ("a depth of 12 kilometres", "a
	// depth of 10 kilometres", not "centred 14 kilometres south").
	slices.SortFunc(pairs, func(p, q pair) int {
		// Scores summed in map order differ in their last bits.
		rs, rq := math.Round(p.score*1e6), math.Round(q.score*1e6)
		return cmp.Or(cmp.Compare(rq, rs), cmp.Compare(q.prox, p.prox), cmp.Compare(p.x, q.x), cmp.Compare(p.y, q.y))
	})
	// A figure pairs once with each other article: its best match there.
	type use struct{ m, art int }
	used := make(map[use]bool)
	var found []conflict
	for _, p := range pairs {
		x, y := all[p.x], all[p.y]
		if used[use{p.x, y.art}] || used[use{p.y, x.art}] {
			continue
		}
		used[use{p.x, y.art}], used[use{p.y, x.art}] = true, true
		if gives(y.art, x.mention) || gives(x.art, y.mention) {
			continue
		}
		found = append(found, conflict{a: x.sentence, b: y.sentence, va: withNoun(x.mention), vb: withNoun(y.mention), ka: x.text, kb: y.text, date: x.kind == qDate, age: p.age, score: p.score})
	}
	return found
}

// maxSentenceFigures is how far apart, in the list of figures, two of
// one sentence may stand: the most figures a sentence gives.
const maxSentenceFigures = 16

// closeBonus is added for two figures with a word of what they are of
// right around both, times how rare the word is around figures (1 for a
// word around these two alone).
const closeBonus = 1

// dayOrTwo is how far apart two dates of one event given differently
// most often are.
const dayOrTwo = 2

// nearWindow is how many words either side of a figure say what it is
// of most surely: "sent 9 people to hospital", "11 were taken to
// hospital".
const nearWindow = 6

// nearWords are the stems of the words within nearWindow of m, each with
// how many words it stands from m, that say
// what it is of, with their synonyms and the more particular words for
// them ("begin" and "start", "strike" and "walkout"): not names, function words, verbs of saying or being,
// figures or dates.
func (e *Answerer) nearWords(m mention, names map[string]bool) map[string]int {
	lx := e.lexicon
	s := m.sentence
	out := make(map[string]int)
	for k := max(0, m.first-nearWindow); k <= min(len(s.toks)-1, m.last+nearWindow); k++ {
		tk := s.toks[k]
		if k >= m.first && k <= m.last || tk.letters < 3 || tk.digits > 0 || monthName(tk) != "" || isWeekday(tk.lower) ||
			lx.isLightVerb(tk.lower) || lx.isOfficeTitle(tk.lower) || lx.pos(tk.lower) == wcAdverb || isStopWord(tk.lower) {
			continue
		}
		words := []string{tk.lower}
		if lx.th != nil {
			for _, l := range lx.th.Lemmas(tk.lower) {
				words = append(words, l)
				for _, syn := range slices.Concat(lx.th.Related(l, thesaurus.Synonym, thesaurus.Derived), lx.th.Hyponyms(l)) {
					if !strings.Contains(syn, " ") {
						words = append(words, syn)
					}
				}
			}
		}
		dist := max(m.first-k, k-m.last)
		for _, w := range words {
			for _, t := range e.terms.Terms(w) {
				if d, ok := out[t]; !names[t] && (!ok || dist < d) {
					out[t] = dist
				}
			}
		}
	}
	return out
}

func has(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// isStopWord reports the words too common to say what a figure is of: a
// closed class.
func isStopWord(w string) bool {
	switch w {
	case "the", "and", "but", "for", "from", "with", "after", "before", "this", "that", "these", "those", "there",
		"she", "they", "his", "her", "their", "our", "its", "some", "many", "most", "all", "about", "than", "more", "less",
		"who", "which", "what", "when", "while", "was", "were", "has", "have", "had", "been", "will", "would", "could",
		"said", "says", "say", "told", "tell", "tells":
		return true
	}
	return false
}

// countedAlike reports two counts of the same noun ("1,280 workers",
// "1,820 workers") or both of people: that alone says what they are of.
func (lx *lexicon) countedAlike(a, b mention) bool {
	return a.kind == qCount && lx.sameMeasure(a, b)
}

// sharedWords counts the terms two contexts share that are not names.
func sharedWords(a, b, names map[string]bool) int {
	n := 0
	for t := range a {
		if b[t] && !names[t] {
			n++
		}
	}
	return n
}

// withNoun is a count as written with the noun it counts when that
// follows it: "9 people", not "9".
func withNoun(m mention) string {
	s := m.sentence
	if m.kind != qCount || m.unit == "" || m.last+1 >= len(s.toks) {
		return m.text
	}
	next := s.toks[m.last+1]
	if next.upper || !strings.HasPrefix(next.lower, m.unit) || strings.ContainsAny(s.text[s.toks[m.last].end:next.start], ",;:()") {
		return m.text
	}
	end := next.end
	if k := m.last + 2; k < len(s.toks) && s.text[end:s.toks[k].start] == "-" && s.toks[k].letters > 0 {
		end = s.toks[k].end // a compound unit: "megawatt-hours", not "megawatt"
	}
	return m.text + s.text[s.toks[m.last].end:end]
}

// bareCount reports a whole figure without a counted noun ("11 were
// taken to hospital") beside a count of people ("sent 9 people to
// hospital"): the same count when the words around them agree.
func bareCount(a, b mention) bool {
	bare := func(m mention) bool { return m.kind == qCount && m.unit == "" && isWhole(m.value) }
	return bare(a) && b.people && isWhole(b.value) || bare(b) && a.people && isWhole(a.value)
}

func sharesAny(a, b map[string]bool) bool {
	for t := range a {
		if b[t] {
			return true
		}
	}
	return false
}

// nameWeight is what a name shared by two figures' contexts counts for,
// against a word of what they are of.
const nameWeight = 0.3

// nameTerms are the stems of the words the articles write only with a
// capital, within sentences (names of people, places and bodies), and of
// titles of office, which name people too.
func nameTerms(lx *lexicon, articles []coverageArticle, terms func(string) []string) map[string]bool {
	upper := make(map[string]bool)
	lower := make(map[string]bool)
	for _, a := range articles {
		for _, s := range a.sents {
			for i, tk := range s.toks {
				if tk.letters == 0 {
					continue
				}
				switch {
				case !tk.upper && lx.isOfficeTitle(tk.lower):
					upper[tk.lower] = true // "treasurer", "mayor": who, like a name
				case !tk.upper:
					lower[tk.lower] = true
				case i > 0 && !tk.allCaps:
					upper[tk.lower] = true
				}
			}
		}
	}
	out := make(map[string]bool)
	for w := range upper {
		if !lower[w] {
			for _, t := range terms(w) {
				out[t] = true
			}
		}
	}
	return out
}

// articleDate is an article's date, or, undated, the latest date its
// text gives of what has happened.
func articleDate(a coverageArticle) time.Time {
	if !a.info.Date.IsZero() {
		return a.info.Date
	}
	return a.bounds.notBefore
}

// comparable reports whether two quantities may be the same thing given
// differently: of one kind and unit, different values not far apart, in
// sentences of no contrary period ("third quarter", "fourth quarter").
func (lx *lexicon) comparable(a, b mention) bool {
	if a.kind != b.kind || sameValue(a, b) {
		return false
	}
	switch a.kind {
	case qCount:
		if !lx.sameMeasure(a, b) && !bareCount(a, b) {
			return false
		}
	case qMoney, qSpan:
		if a.unit != b.unit {
			return false
		}
	case qDate:
		if (a.impliedYear || b.impliedYear) && !strings.HasPrefix(a.date, "--") && !strings.HasPrefix(b.date, "--") && a.date[:4] != b.date[:4] {
			return false // dates of events a year or more apart
		}
		if len(a.date) == 4 && len(b.date) == 4 {
			return false // two years: of two events, most often ("since 2011", "first held in 2010")
		}
		// A month alone ("reopen in September") is too vague to
		// contradict another.
		if vagueDate(a) || vagueDate(b) {
			return false
		}
		if d, ok := daysBetween(a.date, b.date); ok && d > maxEventGap {
			return false // the dates of two events: a misreported day is off by a few
		}
	}
	if a.when != b.when {
		return false // "drew 31,000 people this year", "last year's record of 36,500"
	}
	if a.kind != qDate {
		if lo, hi := min(a.value, b.value), max(a.value, b.value); lo <= 0 || hi/lo > maxRatio {
			return false
		}
		if a.kind == qCount && a.unit == "" && b.unit == "" && isWhole(a.value) != isWhole(b.value) {
			return false // "magnitude 6.3" and "12 kilometres": a measure and a count
		}
		if lx.otherStretches(a, b) {
			return false // "in its first week", "in its first month" (timeref.go)
		}
	}
	return !contrary(a.periods, b.periods)
}

// contrary reports whether two sentences' ordinals or years exclude each
// other: each gives some, and none in common.
func contrary(a, b map[string]bool) bool {
	for _, prefix := range []string{"o", "y"} {
		has := func(m map[string]bool) bool {
			for k := range m {
				if strings.HasPrefix(k, prefix) {
					return true
				}
			}
			return false
		}
		if !has(a) || !has(b) {
			continue
		}
		common := false
		for k := range a {
			common = common || strings.HasPrefix(k, prefix) && b[k]
		}
		if !common {
			return true
		}
	}
	return false
}

// articleName names the article of s by its outlet, else its file.
func articleName(articles []coverageArticle, s *passageSentence) string {
	for _, a := range articles {
		if a.info.Source == s.source {
			if a.info.Agency != "" {
				return a.info.Agency
			}
		}
	}
	return s.source
}

// contentTerms are the stems of a sentence's words, figures left out:
// what it is about.
func contentTerms(s *passageSentence) map[string]bool {
	out := make(map[string]bool, len(s.terms))
	for t := range s.terms {
		if strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			out[t] = true
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for t := range a {
		if b[t] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// differingSpan compares two near-identical sentences word by word and
// returns the words where they part, when those are a short run holding
// a number, date or name on each side: "Twelve" and "Twenty-one",
// "Kenneth Moyo" and "Helen Okoye".
func differingSpan(sa, sb *passageSentence) (string, string) {
	ia, ja, ib, jb, ok := differingWords(sa, sb)
	if !ok {
		return "", ""
	}
	span := func(s *passageSentence, i, j int) string { return s.text[s.toks[i].start:s.toks[j-1].end] }
	return span(sa, ia, ja), span(sb, ib, jb)
}

// differingWords is differingSpan's words: a.toks[ia:ja] and
// b.toks[ib:jb].
func differingWords(sa, sb *passageSentence) (ia, ja, ib, jb int, ok bool) {
	a, b := sa.toks, sb.toks
	i := 0
	for i < len(a) && i < len(b) && a[i].lower == b[i].lower {
		i++
	}
	ja, jb = len(a), len(b)
	for ja > i && jb > i && a[ja-1].lower == b[jb-1].lower {
		ja, jb = ja-1, jb-1
	}
	if i == len(a) && i == len(b) || ja-i > 3 || jb-i > 3 || ja == i || jb == i {
		return 0, 0, 0, 0, false
	}
	telling := func(ts []textWord) bool {
		return slices.ContainsFunc(ts, func(t textWord) bool {
			return t.digits > 0 || t.upper || isNumberWord(t.lower) || numberWordValue(t.lower) > 0
		})
	}
	if !telling(a[i:ja]) || !telling(b[i:jb]) {
		return 0, 0, 0, 0, false
	}
	return i, ja, i, jb, true
}

// widenToMention returns the words s.toks[i:j] as written, widened to the
// quantities they are part of, so that a value is read with its unit or
// month ("February 20", "$2.4 million", not "20" and "2.4"), and whether
// they are a date.
func (e *Answerer) widenToMention(s *passageSentence, i, j int) (string, bool) {
	start, end := s.toks[i].start, s.toks[j-1].end
	date := false
	for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
		if m.last < i || m.first >= j {
			continue
		}
		ms := strings.LastIndex(s.text[:s.toks[m.last].end], m.text)
		if ms < 0 {
			continue
		}
		start, end = min(start, ms), max(end, ms+len(m.text))
		date = m.kind == qDate
	}
	return s.text[start:end], date
}

// numberAt reads the number starting at toks[i], in figures ("1,100",
// "3.5") or in words ("Twenty-one", "three hundred"), and returns its
// value and the index of its last word; "" when none starts there.
func numberAt(toks []textWord, i int) (string, int) {
	t := toks[i]
	if t.digits > 0 && t.letters == 0 {
		return strings.ReplaceAll(t.text, ",", ""), i
	}
	v := numberWordValue(t.lower)
	if v == 0 {
		return "", i
	}
	// total holds what the scales above a hundred have closed ("sixty-one
	// thousand"), cur the group being read ("six hundred and fifty").
	total, cur, end := 0, v, i
	scaled := false // the last word read was "hundred" or larger: units may follow
	for k := i + 1; k < len(toks); k++ {
		w := numberWordValue(toks[k].lower)
		if toks[k].lower == "and" && scaled && k+1 < len(toks) {
			if n := numberWordValue(toks[k+1].lower); n > 0 && n < 100 {
				continue // "six hundred and fifty"
			}
		}
		switch {
		case w == 0:
		case w == 100 && cur%100 != 0 || w == 100 && cur == 100:
			cur *= w
			end, scaled = k, true
			continue
		case w == 1000 || w == 1000000:
			total += cur * w
			cur = 0
			end, scaled = k, true
			continue
		case w < 100 && scaled && cur%100 == 0:
			cur += w // "hundred and fifty", "thousand three"
			end, scaled = k, false
			continue
		case w < 10 && cur%100 >= 20 && cur%10 == 0:
			cur += w // "twenty-one"
			end = k
			continue
		}
		break
	}
	return strconv.Itoa(total + cur), end
}

// numberWordValue is the value of an English number word, 0 for none: a
// closed class.
func numberWordValue(w string) int {
	words := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	if i := slices.Index(words, w); i > 0 {
		return i
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	if i := slices.Index(tens, w); i > 1 {
		return 10 * i
	}
	switch w {
	case "hundred":
		return 100
	case "thousand":
		return 1000
	case "million":
		return 1000000
	}
	return 0
}

// inDateline reports whether m is in the dateline that opens s
// ("HARROW, Aug 8 (Meridian News Service) -").
func inDateline(s *passageSentence, m mention) bool {
	i := strings.Index(s.text, " - ")
	if i < 0 || i > datelineLen {
		return false
	}
	return s.toks[m.last].end <= i
}

// datelineLen is the longest a dateline runs, in bytes.
const datelineLen = 80

// vagueDate reports a month without its day or year ("reopen in
// September"), too vague to contradict another date.
func vagueDate(m mention) bool {
	return strings.HasPrefix(m.date, "--") && len(m.date) == 4 || m.impliedYear && len(m.date) == 7
}

// maxDateGap is the most days two reports' dates of the same event lie
// apart: a date misreported is off by a day or a few ("June 3", "June
// 4"); dates a week apart are most often of two events of the story (the
// jury chosen, the trial opened).
const maxDateGap = 3

// daysBetween is how many days lie between two dates given to the day,
// the year left out when either lacks one (at most half a year apart
// then, across a new year).
func daysBetween(a, b string) (float64, bool) {
	pa, pb := dateParts(a), dateParts(b)
	if pa[2] == "" || pb[2] == "" || pa[1] == "" || pb[1] == "" {
		return 0, false
	}
	year := func(p [3]string) string {
		if p[0] == "" || pa[0] == "" || pb[0] == "" {
			return "2001" // a year that is no leap year, for both
		}
		return p[0]
	}
	ta, ea := time.Parse(time.DateOnly, year(pa)+"-"+pa[1]+"-"+pa[2])
	tb, eb := time.Parse(time.DateOnly, year(pb)+"-"+pb[1]+"-"+pb[2])
	if ea != nil || eb != nil {
		return 0, false
	}
	d := absDays(ta.Sub(tb).Hours() / 24)
	if pa[0] == "" || pb[0] == "" {
		d = min(d, 365-d)
	}
	return d, true
}

func sharedCount(a, b map[string]bool) int {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return n
}

func isWhole(v float64) bool { return v == math.Trunc(v) }
