package extractive

// This file answers "give me a timeline of the strike": the events the
// articles tell, in the order of the dates they give for them ("from
// March 5", "effective April 1", "on Tuesday" in a report of Wednesday),
// with the dates the reports give differently, and each article's own
// date beside what it says.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// maxEvents is the most events a timeline lists.
const maxEvents = 40

// event is what a sentence tells, at the date it gives for it.
type event struct {
	when  time.Time
	exact bool   // to the day; else to the month
	shown string // the date as the timeline writes it
	s     *passageSentence
	art   int                // index of its article
	also  []*passageSentence // copies of it in other articles
}

// datedEvents returns the events of the articles' sentences: each date
// that is not the filing date of a dateline, given to the day or to the
// month of a year, its year taken from the article's when not written;
// a weekday ("on Tuesday") is read from the article's date when the
// sentence gives no other date.
func (e *Answerer) datedEvents(articles []coverageArticle) []event {
	var out []event
	for i, a := range articles {
		ref := a.info.Date
		if ref.IsZero() {
			ref = a.bounds.notBefore
		}
		for _, s := range a.sents {
			if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) {
				continue
			}
			n := len(out)
			for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
				if m.kind != qDate || inDateline(s, m) {
					continue
				}
				if when, exact, ok := resolveDate(m.date, ref); ok {
					if wd, ok := weekdayBefore(s, m.first); ok && exact && strings.HasPrefix(m.date, "--") {
						when = onWeekday(when, wd)
					}
					out = append(out, event{when: when, exact: exact, s: s, art: i})
				}
			}
			if len(out) == n && !a.info.Date.IsZero() {
				if when, ok := weekdayDate(s, a.info.Date); ok {
					out = append(out, event{when: when, exact: true, s: s, art: i})
				}
			}
		}
	}
	for i := range out {
		if out[i].exact {
			out[i].shown = out[i].when.Format("January 2, 2006")
		} else {
			out[i].shown = out[i].when.Format("January 2006")
		}
	}
	// A month alone goes after the days of it.
	key := func(ev event) time.Time {
		if ev.exact {
			return ev.when
		}
		return ev.when.AddDate(0, 1, -1)
	}
	slices.SortStableFunc(out, func(x, y event) int {
		if c := key(x).Compare(key(y)); c != 0 {
			return c
		}
		return compareDates(x.s, y.s) // the first report first
	})
	// A wire copy tells the same event again: one line, both cited.
	var kept []event
	for _, ev := range out {
		i := slices.IndexFunc(kept, func(k event) bool {
			return k.when.Equal(ev.when) && (k.s == ev.s || jaccard(contentTerms(k.s), contentTerms(ev.s)) >= nearDuplicate)
		})
		switch {
		case i < 0:
			kept = append(kept, ev)
		case kept[i].s != ev.s && !slices.Contains(kept[i].also, ev.s):
			kept[i].also = append(kept[i].also, ev.s)
		}
	}
	return kept
}

// resolveDate reads a date as dateAt writes it ("2024-03-05",
// "--03-05", "2024-03") against the date of its report: a date without
// a year is of the year that puts it nearest the report.
func resolveDate(d string, ref time.Time) (time.Time, bool, bool) {
	p := dateParts(d)
	if p[1] == "" {
		return time.Time{}, false, false // a year alone, or a month without one
	}
	month, _ := strconv.Atoi(p[1])
	day, _ := strconv.Atoi(p[2])
	exact := day > 0
	if !exact {
		day = 1
	}
	if p[0] != "" {
		y, _ := strconv.Atoi(p[0])
		return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), exact, exact || p[0] != ""
	}
	if ref.IsZero() || !exact {
		return time.Time{}, false, false
	}
	best := time.Time{}
	for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if best.IsZero() || absDays(t.Sub(ref).Hours()) < absDays(best.Sub(ref).Hours()) {
			best = t
		}
	}
	return best, true, true
}

// weekdayDate reads "on Tuesday" in a report of ref: the last such day up
// to the report's, or, when the sentence speaks of what will be, the next.
func weekdayDate(s *passageSentence, ref time.Time) (time.Time, bool) {
	for i, tk := range s.toks {
		if !isWeekday(tk.lower) || i == 0 || s.toks[i-1].lower != "on" && s.toks[i-1].lower != "last" && s.toks[i-1].lower != "next" {
			continue
		}
		future := inFuture(s, i)
		want := weekdayNumber(tk.lower)
		day := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
		step := -1
		if future || s.toks[i-1].lower == "next" {
			step = 1
			day = day.AddDate(0, 0, 1)
		}
		for k := 0; k < 7; k++ {
			if int(day.Weekday()) == want {
				return day, true
			}
			day = day.AddDate(0, 0, step)
		}
	}
	return time.Time{}, false
}

func weekdayNumber(w string) int {
	return slices.Index([]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}, w)
}

// futureWindow is how many words before a date may put it in the future:
// "will go on strike from Monday".
const futureWindow = 8

// inFuture reports whether the date at word i of s is of what will be: a
// word of the future shortly before it, in its sentence.
func inFuture(s *passageSentence, i int) bool {
	for k := max(0, i-futureWindow); k < i; k++ {
		if isFutureWord(s.toks[k].lower) {
			return true
		}
	}
	return false
}

// isFutureWord reports the words that put a clause in the future: a
// closed class of English grammar.
func isFutureWord(w string) bool {
	switch w {
	case "will", "shall", "next", "upcoming", "scheduled", "due", "planned", "plans", "expected":
		return true
	}
	return false
}

// bounds are the dates an undated article was written between, as its
// own text tells: not before the latest date it gives of what has
// happened, not after the earliest it gives of what will.
type bounds struct {
	notBefore, notAfter time.Time
	copyOf              retrieval.ArticleInfo // the dated article it copies, if any
}

// textBounds reads an article's bounds from the full dates (to the day,
// or a month of a year) its body gives.
func textBounds(lx *lexicon, terms func(string) []string, a coverageArticle) bounds {
	var b bounds
	for _, s := range a.sents {
		if s.byline {
			continue
		}
		for _, m := range lx.mentions(s, terms) {
			if m.kind != qDate {
				continue
			}
			future := inFuture(s, m.first)
			p := dateParts(m.date)
			if p[0] == "" || p[1] == "" {
				continue
			}
			when, _, ok := resolveDate(m.date, time.Time{})
			if !ok {
				continue
			}
			switch {
			case future && (b.notAfter.IsZero() || when.Before(b.notAfter)):
				b.notAfter = when
			case !future && when.After(b.notBefore):
				b.notBefore = when // "in February 2009": from its first day
			}
		}
	}
	if !b.notAfter.IsZero() && !b.notBefore.IsZero() && b.notAfter.Before(b.notBefore) {
		b.notAfter = time.Time{} // the text contradicts itself: keep what has happened
	}
	return b
}

// label is how an answer dates an undated article from its bounds:
// "undated; not before 2009-06-13".
func (b bounds) label() string {
	switch {
	case b.copyOf.Source != "":
		label := "undated copy of the " + bot.DateLabel(b.copyOf.Date)
		if b.copyOf.Agency != "" {
			label += " " + b.copyOf.Agency
		}
		return label + " report"
	case !b.notBefore.IsZero() && !b.notAfter.IsZero():
		return "undated; between " + bot.DateLabel(b.notBefore) + " and " + bot.DateLabel(b.notAfter)
	case !b.notBefore.IsZero():
		return "undated; not before " + bot.DateLabel(b.notBefore)
	case !b.notAfter.IsZero():
		return "undated; before " + bot.DateLabel(b.notAfter)
	}
	return "undated"
}

// recalledBefore is how long before its publication an article's dated
// events may be and still be its news rather than what it recalls.
const recalledBefore = 45 * 24 * time.Hour

// eventTimeline lists the events of the articles by the dates they give,
// each with the report telling it; an article that dates nothing it tells
// appears at its own date by its lede. Dates the reports give differently
// for the same event follow, each side cited.
func (e *Answerer) eventTimeline(articles []coverageArticle, c *citer) string {
	evs := e.datedEvents(articles)
	// An article is told by an event of its own days; one that dates only
	// what it recalls ("the second escape, after one in 2023") has its
	// news told by its lede at its date.
	told := make(map[int]bool)
	own := func(i int, when time.Time) bool {
		d := articles[i].info.Date
		return d.IsZero() || !when.Before(d.Add(-recalledBefore))
	}
	for _, ev := range evs {
		told[ev.art] = told[ev.art] || own(ev.art, ev.when)
		for _, o := range ev.also {
			i := articleOf(articles, o)
			told[i] = told[i] || own(i, ev.when)
		}
	}
	type line struct {
		when time.Time
		text string
	}
	var lines []line
	var undated []string
	n := 0
	for _, ev := range evs {
		if n == maxEvents {
			break
		}
		n++
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s %s (%s)", ev.shown, quote(ev.s), c.cite(ev.s), e.reportLabel(articles, ev.art))
		for _, o := range ev.also {
			fmt.Fprintf(&b, "; so does %s %s", e.reportLabel(articles, articleOf(articles, o)), c.cite(o))
		}
		lines = append(lines, line{ev.when, b.String()})
	}
	for i, a := range articles {
		if told[i] {
			continue
		}
		s := lede(a)
		if s == nil {
			continue
		}
		if a.info.Date.IsZero() {
			undated = append(undated, fmt.Sprintf("%s: %s %s (%s)", oneLineTitle(a.info.Title), quote(s), c.cite(s), e.reportLabel(articles, i)))
			continue
		}
		lines = append(lines, line{a.info.Date, fmt.Sprintf("%s (reported): %s %s (%s)", a.info.Date.Format("January 2, 2006"), quote(s), c.cite(s), e.reportLabel(articles, i))})
	}
	if len(lines)+len(undated) == 0 {
		return ""
	}
	slices.SortStableFunc(lines, func(x, y line) int { return x.when.Compare(y.when) })
	var b strings.Builder
	b.WriteString("What happened, by the dates the articles give, earliest first:")
	for _, l := range lines {
		b.WriteString("\n- " + l.text)
	}
	if len(undated) > 0 {
		b.WriteString("\nUndated articles that date nothing they tell:")
		for _, u := range undated {
			b.WriteString("\n- " + u)
		}
	}
	if ps := e.dateDisagreements(articles); len(ps) > 0 {
		b.WriteString("\nThe reports differ on when:")
		for _, p := range ps {
			p.write(&b, articles, c)
		}
	}
	return b.String()
}

// dateDisagreements are the points on which the articles give different
// dates for the same event.
func (e *Answerer) dateDisagreements(articles []coverageArticle) []*point {
	var out []*point
	for _, p := range e.points(articles) {
		if p.date {
			out = append(out, p)
		}
	}
	return out
}

// reportLabel names article i by its outlet and date: "Lakeshore Press
// Agency, 2024-02-12", or its file and what its text tells of its date.
func (e *Answerer) reportLabel(articles []coverageArticle, i int) string {
	a := articles[i]
	name := a.info.Agency
	if name == "" {
		name = a.info.Source
	}
	if a.info.Date.IsZero() {
		return name + ", " + a.bounds.label()
	}
	return name + ", " + bot.DateLabel(a.info.Date)
}

// articleOf returns the index of the article of s.
func articleOf(articles []coverageArticle, s *passageSentence) int {
	return slices.IndexFunc(articles, func(a coverageArticle) bool { return a.info.Source == s.source })
}

// weekdayBefore returns the weekday written just before the date starting
// at word i ("on Saturday, September 16").
func weekdayBefore(s *passageSentence, i int) (time.Weekday, bool) {
	if i == 0 || !isWeekday(s.toks[i-1].lower) {
		return 0, false
	}
	return time.Weekday(weekdayNumber(s.toks[i-1].lower)), true
}

// onWeekday moves a date written without its year ("Saturday, September
// 16"), placed in the year nearest its report's date, to the nearest year
// within two that falls on the weekday written beside it: an undated
// report is dated only roughly, and within five years a day of the year
// falls on a weekday once at most.
func onWeekday(when time.Time, wd time.Weekday) time.Time {
	for _, dy := range []int{0, 1, -1, 2, -2} {
		if t := when.AddDate(dy, 0, 0); t.Weekday() == wd {
			return t
		}
	}
	return when
}
