package extractive

// This file pairs the dates two reports give for one event told in other
// words: a plan ("The council will vote on the budget on June 4", "is
// scheduled to reopen March 2") and what a later report says happened
// ("approved the budget in a vote on June 11", "since the bridge's
// reopening on March 9"), or two outlets' dates for one event ("The race
// is set for September 20", "will be run on Sunday, September 13"). The
// event is what happens (a verb, or the noun made of it right before the
// date: "a vote on", "its debut on") and what it happens to (a noun of
// the clause, its possessor, or the sentence's subject); a plan in an
// earlier report and another date in a later one is a change, told with
// both dates and which report is newer, not a disagreement.

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// maxMovedGap is the most days apart a planned date and the date a later
// report gives for the same event may lie: a plan put off by weeks, not
// the next edition of the event.
const maxMovedGap = 62

// dateEvent is what a report says happens on a date.
type dateEvent struct {
	things  map[string]bool // stems of the nouns of its clause, its possessor and the sentence's subject
	subject map[string]bool // stems of the head nouns of the sentence's subject, and of the clause's possessor
	heads   []string        // those nouns' lemmas, for their kinds in WordNet
	below   map[string]bool // stems of the kinds of heads, two levels down; read once, by sameThing
	acts    []string        // lemmas of the verb of the date, or of the noun of the action right before it
	plan    bool            // told as planned: "will", "is scheduled to", "is expected to", "plans to"
}

// dateEventOf reads what happens on date m of its sentence.
func (e *Answerer) dateEventOf(m mention, names map[string]bool) *dateEvent {
	lx := e.lexicon
	s := m.sentence
	ev := &dateEvent{things: make(map[string]bool), subject: make(map[string]bool)}
	nouns, _ := e.eventWords(m, names)
	for t := range nouns {
		ev.things[t] = true
	}
	// addNoun adds w to what the date is about, and to its subject when
	// head is set.
	addNoun := func(w string, head bool) {
		if head {
			ev.heads = append(ev.heads, cmp.Or(slices.Concat(lx.th.Lemmas(w), []string{w})[0]))
		}
		for _, t := range e.terms.Terms(w) {
			if !names[t] {
				ev.things[t] = true
				if head {
					ev.subject[t] = true
				}
			}
		}
	}
	lo, hi := clauseAround(s, m.first, m.last, true)
	for k := lo; k <= hi; k++ {
		// A time noun that is a thing, not a time: "open the season",
		// "the festival's parade".
		if k > 0 && (k < m.first || k > m.last) && lx.is(s.toks[k].lower, wcTime) && lx.nounWord(s.toks[k].lower) &&
			(s.toks[k-1].lower == "the" || s.toks[k-1].lower == "s") {
			addNoun(s.toks[k].lower, false)
		}
	}
	// The action named by a noun right before the date: "a vote on",
	// "the bridge's reopening on", "its switch-on on", "public debut
	// on"; its possessor is what it happens to.
	k := m.first - 1
	for k >= lo && (isDatePreposition(s.toks[k].lower) || isWeekday(s.toks[k].lower)) {
		k--
	}
	if k >= lo && k < m.first-1 && lx.actionNoun(s.toks[k].lower) && !s.toks[k].upper && !isParticle(s.toks[k].lower) &&
		(lx.nounWord(s.toks[k].lower) || lx.determined(s, k)) && !lx.argumentAt(s, k) {
		ev.acts = append(ev.acts, lx.th.Lemmas(s.toks[k].lower)...)
		for j := k - 1; j >= max(lo, k-4); j-- {
			if s.toks[j].lower == "s" && j > 0 && s.text[s.toks[j-1].end:s.toks[j].start] == "'" {
				addNoun(s.toks[j-1].lower, true)
				break
			}
		}
	}
	// The verb the date hangs on: the nearest verb of what happens before
	// it in its clause ("is scheduled to be switched on for the first
	// time on March 20"), else after it.
	verb := -1
	for _, j := range slices.Concat(descending(k, lo), ascending(m.last+1, hi)) {
		if isParticle(s.toks[j].lower) && j-1 >= lo && j-1 < m.first && lx.phrasalVerb(s.toks[j-1].lower, s.toks[j].lower) != "" {
			verb = j - 1 // "kicks off on"
			break
		}
		if lx.eventVerbAt(s.toks, j) && !lx.inNounPhrase(s, j) || lx.pastVerbAt(s.toks, j) {
			verb = j
			break
		}
	}
	if verb >= 0 && len(ev.acts) == 0 {
		ev.acts = lx.th.Lemmas(s.toks[verb].lower)
		if verb+1 < len(s.toks) {
			if p := lx.phrasalVerb(s.toks[verb].lower, s.toks[verb+1].lower); p != "" {
				ev.acts = append([]string{p}, ev.acts...) // "kicks off", "opens up"
			}
		}
	}
	if len(ev.acts) > 0 && scheduledFor(s, m) {
		ev.acts = nil // "is set for", "scheduled for": the date is the subject's own
	}
	// The subject: the nouns before the sentence's first verb, after any
	// dateline ("ALDERMOOR, Jan 14 (Wire) - The new telescope ...").
	start := 0
	if i := strings.Index(s.text, " - "); i >= 0 && i <= datelineLen {
		for start < len(s.toks) && s.toks[start].start < i {
			start++
		}
	}
	subjectWord := func(j int, head bool) bool {
		tk := s.toks[j]
		return tk.letters >= 3 && tk.digits == 0 && !isStopWord(tk.lower) && !isPreposition(tk.lower) && !isTemporalPreposition(tk.lower) &&
			(head || lx.pos(tk.lower) != wcAdjective) && lx.pos(tk.lower) != wcAdverb && !(lx.is(tk.lower, wcTime) && j > 0 && isTimeDeterminer(s.toks[j-1].lower))
	}
	last := -1 // the subject's last word, its head: "terminal" in "The new ferry terminal"
	for j := start; j < len(s.toks) && j < m.first && j < start+maxSubject; j++ {
		tk := s.toks[j]
		if isModal(tk.lower) || isCopulaWord(tk.lower) || isHave(tk.lower) || lx.finiteVerb(tk.lower) || isSubjectPronoun(tk.lower) ||
			isDatePreposition(tk.lower) && len(ev.subject) > 0 {
			break // its head noun: "Registration for the regatta", "The telescope at Kestrel Ridge"
		}
		if tk.upper && (j > start || lx.pos(tk.lower) == 0) {
			continue // a name; the sentence's first word only by its capital
		}
		last = j
		if subjectWord(j, false) {
			addNoun(tk.lower, true) // "The festival", "The league's season"; not "Next week"
		}
	}
	if last >= 0 && subjectWord(last, true) {
		addNoun(s.toks[last].lower, true)
	}
	// The subject of the date's own verb, in a clause of its own: "since
	// the ferry terminal opened on".
	if np := lx.nounPhraseStart(s, verb-1); verb > lo && verb < m.first && len(ev.acts) > 0 && np > 0 && isSubordinator(s.toks[np-1].lower) {
		for j := np; j < verb; j++ {
			if !s.toks[j].upper && subjectWord(j, j == verb-1) && !lx.finiteVerb(s.toks[j].lower) {
				addNoun(s.toks[j].lower, true)
			}
		}
	}
	ev.plan = m.foreseen || plannedAt(s, lo, m.first)
	return ev
}

// oneDatedEvent reports whether dates a and b, each with what its report
// says happens on it, are of one event: something both are about, and
// actions that are one (the same verb, its noun, a synonym, or one that
// WordNet relates within a step of each), never opposite ones; or, when
// either date is only the subject's own ("the race is set for"), the
// same subject on both. strong says that the actions themselves match.
func (e *Answerer) oneDatedEvent(a, b *dateEvent) (one, strong bool) {
	lx := e.lexicon
	if lx.th == nil {
		return false, false
	}
	for _, x := range a.acts {
		for _, y := range b.acts {
			if lx.opposedActions(x, y) {
				return false, false
			}
		}
	}
	if len(a.acts) == 0 || len(b.acts) == 0 {
		if len(a.acts)+len(b.acts) > 0 && slices.ContainsFunc(slices.Concat(a.acts, b.acts), func(w string) bool { return lx.th.In(w, thesaurus.Negative) }) {
			return false, false // "the race is set for", "registration closes on"
		}
		// The date is the subject's own: the other's subject is the same
		// thing, or names the other's action ("The vote took place on",
		// "will vote on").
		if len(a.subject) == 0 || len(b.subject) == 0 && len(b.acts) == 0 {
			return false, false
		}
		if e.namesAction(a, b) || e.namesAction(b, a) {
			return true, true // the action itself, named: as sure as two verbs of it
		}
		return e.sameThing(a, b), false
	}
	matched := false
	for _, x := range a.acts {
		for _, y := range b.acts {
			matched = matched || lx.sameAction(x, y) || lx.relatedAction(x, y)
		}
	}
	if !matched || !sharesAny(a.things, b.things) && !e.sameThing(a, b) || otherObjects(a, b) {
		return false, false
	}
	return true, true
}

// namesAction reports whether a, whose date is its subject's own ("The
// vote took place on June 11"), has for its subject b's action ("will
// vote on").
func (e *Answerer) namesAction(a, b *dateEvent) bool {
	if len(a.acts) > 0 {
		return false
	}
	for _, x := range b.acts {
		for _, t := range e.terms.Terms(x) {
			if a.subject[t] {
				return true
			}
		}
	}
	return false
}

// sameThing reports whether the subjects of a and b share a noun, or
// one is a kind of the other within two levels of WordNet ("marathon",
// a footrace, a race).
func (e *Answerer) sameThing(a, b *dateEvent) bool {
	return sharesAny(a.subject, b.subject) || sharesAny(e.kindsOf(a), b.subject) || sharesAny(e.kindsOf(b), a.subject)
}

// kindsOf returns the stems of the kinds of ev's subject, two levels
// down, reading them once.
func (e *Answerer) kindsOf(ev *dateEvent) map[string]bool {
	if ev.below != nil {
		return ev.below
	}
	th := e.lexicon.th
	ev.below = make(map[string]bool)
	for _, w := range ev.heads {
		for _, h := range th.Hyponyms(w) {
			for _, h2 := range append([]string{h}, th.Hyponyms(h)...) {
				for _, t := range e.terms.Terms(h2) {
					ev.below[t] = true
				}
			}
		}
	}
	return ev.below
}

// dateEvents reads what happens on the dates of a coverage once each,
// for the pairing of its dates (figureConflicts).
type dateEvents struct {
	e     *Answerer
	names map[string]bool
	read  map[dateKey]*dateEvent
}

type dateKey struct {
	s     *passageSentence
	first int
}

func (e *Answerer) newDateEvents(names map[string]bool) *dateEvents {
	return &dateEvents{e: e, names: names, read: make(map[dateKey]*dateEvent)}
}

func (d *dateEvents) of(m mention) *dateEvent {
	k := dateKey{m.sentence, m.first}
	ev, ok := d.read[k]
	if !ok {
		ev = d.e.dateEventOf(m, d.names)
		d.read[k] = ev
	}
	return ev
}

// one reports whether dates a and b are of one event: named so by both
// reports (sameEvent), or told in other words ("will vote on", "in a
// vote on"; "will open to the public for the first time on", "its
// public debut on"; "the half marathon will be run on", "the race is set
// for").
func (d *dateEvents) one(a, b mention) bool {
	if a.kind != qDate || b.kind != qDate {
		return false
	}
	ea, eb := d.of(a), d.of(b)
	one, _ := d.e.oneDatedEvent(ea, eb)
	if !one && len(ea.acts) > 0 && len(eb.acts) > 0 {
		return false // "will vote on the pay offer on", "went on strike over the pay offer on": two actions
	}
	return one || d.e.sameEvent(a, b, d.names) && !otherObjects(ea, eb)
}

// otherObjects reports whether the two dates' clauses are about other
// things beside their subjects, none shared: "will vote on the budget
// on June 4", "will vote on the zoning plan on June 11".
func otherObjects(a, b *dateEvent) bool {
	objects := func(ev *dateEvent) map[string]bool {
		out := make(map[string]bool)
		for t := range ev.things {
			if !ev.subject[t] {
				out[t] = true
			}
		}
		return out
	}
	oa, ob := objects(a), objects(b)
	return len(oa) > 0 && len(ob) > 0 && !sharesAny(oa, b.things) && !sharesAny(ob, a.things)
}

// ofDay reports a date of a day, with its year or without ("--04-15"
// in an undated interview).
func ofDay(date string) bool {
	return len(date) == 10 || strings.HasPrefix(date, "--") && len(date) == 7
}

// surety is what two dates of one event told in other words (one, not
// sameEvent) add to their pairing: what happens and to what, read on
// both sides, say as much as a word shared right around both
// (closeBonus), which such reports seldom share.
func (d *dateEvents) surety(a, b mention) float64 {
	if d.e.sameEvent(a, b, d.names) || !d.one(a, b) && !d.moved(a, b) {
		return 0
	}
	return closeBonus
}

// candidate reports whether two dates of different articles, days apart,
// are worth weighing as one event's though the words around them differ:
// within maxMovedGap, both of a day, of one event.
func (d *dateEvents) candidate(a, b mention, days float64) bool {
	if days > maxMovedGap || !ofDay(a.date) || !ofDay(b.date) || d.e.lexicon.th == nil {
		return false
	}
	return days <= maxEventGap && d.one(a, b) || d.moved(a, b)
}

// moved reports whether date a or b is a plan in an earlier report and
// the other the date a later report gives for the same event, weeks
// apart at most: the plan changed, or was kept on another day, which the
// gap between dates of a misreported day (comparable) would not let
// pair. The actions themselves must match: a subject alone ("the race")
// has many dates over months.
func (d *dateEvents) moved(a, b mention) bool {
	if a.kind != qDate || b.kind != qDate || sameValue(a, b) || vagueDate(a) || vagueDate(b) || len(a.date) < 10 || len(b.date) < 10 {
		return false
	}
	da, db := a.sentence.date, b.sentence.date
	if da.IsZero() || db.IsZero() || da.Equal(db) {
		return false
	}
	if n, ok := daysBetween(a.date, b.date); !ok || n > maxMovedGap {
		return false
	}
	early, late := a, b
	if db.Before(da) {
		early, late = b, a
	}
	ee, le := d.of(early), d.of(late)
	if le.plan && absDays(late.sentence.date.Sub(early.sentence.date).Hours()/24) <= sameDays {
		return false // two plans reported within days of each other: one of them is wrong, a disagreement
	}
	_, strong := d.e.oneDatedEvent(ee, le)
	return strong && ee.plan
}

// movedDatesHead introduces the dates a later report gives otherwise
// than an earlier one planned.
const movedDatesHead = "Dates planned in an earlier report and given otherwise by a later one (a change over time, not a disagreement):"

// plannedSide returns which side of a two-sided date point is a plan in
// reports all earlier than every report of the other side, and whether
// there is one: then the other is what happened, or the plan changed.
func (e *Answerer) plannedSide(p *point, articles []coverageArticle) (int, bool) {
	if !p.date || len(p.sides) != 2 {
		return 0, false
	}
	later, ok := p.later(articles)
	if !ok {
		return 0, false
	}
	early := 1 - later
	if p.sides[early][0].date.IsZero() || p.sides[later][0].date.IsZero() {
		return 0, false
	}
	// The pair is one this file makes: a plan, and the later report's
	// date of the same event weeks apart at most.
	events := e.newDateEvents(nameTerms(e.lexicon, articles, e.terms.Terms))
	for _, ma := range e.datesOf(p.sides[early][0]) {
		for _, mb := range e.datesOf(p.sides[later][0]) {
			if strings.ToLower(ma.text) == p.keys[early] && strings.ToLower(mb.text) == p.keys[later] && events.moved(ma, mb) {
				return early, true
			}
		}
	}
	return 0, false
}

// movedPoint reports whether p is a date planned in an earlier report
// and given otherwise by a later one (plannedSide).
func (e *Answerer) movedPoint(p *point, articles []coverageArticle) bool {
	_, ok := e.plannedSide(p, articles)
	return ok
}

// writeMoved renders the dates planned and then given otherwise, under
// their heading, each as "- March 20 (planned, report of 2026-01-14)
// then March 27 (report of 2026-03-30, the newer): <earlier> says: …;
// <later> says: …".
func (e *Answerer) writeMoved(b *strings.Builder, moved []*point, articles []coverageArticle, c *citer) {
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString(movedDatesHead)
	for _, p := range moved {
		early, _ := e.plannedSide(p, articles)
		p.writeMoved(b, early, articles, c)
	}
}

func (p *point) writeMoved(b *strings.Builder, early int, articles []coverageArticle, c *citer) {
	later := 1 - early
	from, to := p.sides[early][len(p.sides[early])-1], p.sides[later][0]
	fmt.Fprintf(b, "\n- %s (planned, report of %s) then %s (report of %s, the newer):", p.values[early], sentenceDate(articles, from), p.values[later], sentenceDate(articles, to))
	for k, i := range []int{early, later} {
		if k > 0 {
			b.WriteString(";")
		}
		for n, s := range p.sides[i] {
			if n == 0 {
				fmt.Fprintf(b, " %s (%s) says: %s %s", articleName(articles, s), sentenceDate(articles, s), quote(s), c.cite(s))
			} else {
				fmt.Fprintf(b, " (so does %s (%s) %s)", articleName(articles, s), sentenceDate(articles, s), c.cite(s))
			}
		}
	}
}

// movedDateAnswer answers a "when" question whose best sentence and the
// other report's give one event's date differently, one a plan in the
// earlier report: the newer report's date first, then the planned one,
// each cited with its report's date. Same-day reports, or no plan, are a
// disagreement, which the caller tells.
func (e *Answerer) movedDateAnswer(q questionInfo, best, other *scoredSentence, sents []*passageSentence) (bot.Answer, bool) {
	if q.kind != kindDate || best.s.date.IsZero() || other.s.date.IsZero() || best.s.date.Equal(other.s.date) {
		return bot.Answer{}, false
	}
	newer, older := newerFirst(best, other)
	names := nameTerms(e.lexicon, e.sentenceArticles(sents), e.terms.Terms)
	events := e.newDateEvents(names)
	var planned, given string
	for _, mo := range e.datesOf(older.s) {
		for _, mn := range e.datesOf(newer.s) {
			if planned == "" && mo.kind == qDate && mn.kind == qDate && events.moved(mo, mn) {
				planned, given = mo.text, mn.text
			}
		}
	}
	if planned == "" {
		return bot.Answer{}, false
	}
	a := bot.Answer{}
	var b strings.Builder
	for i, c := range []*scoredSentence{newer, older} {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date})
		if i == 0 {
			fmt.Fprintf(&b, "%s, by the newer report, of %s: ", given, bot.DateLabel(c.s.date))
		} else {
			fmt.Fprintf(&b, " An earlier report, of %s, gave it as planned for %s: ", bot.DateLabel(c.s.date), planned)
		}
		b.WriteString(quote(c.s) + " [" + fmt.Sprint(n) + "]")
	}
	a.Text = b.String()
	return a, true
}

// datesOf returns the dates s gives, those without a year given its
// article's ("July 22" in an article of 2022 is of 2022), as
// figureConflicts reads them.
func (e *Answerer) datesOf(s *passageSentence) []mention {
	var out []mention
	for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
		if m.kind != qDate || inDateline(s, m) {
			continue
		}
		if strings.HasPrefix(m.date, "--") && !s.date.IsZero() {
			m.date, m.impliedYear = strconv.Itoa(s.date.Year())+m.date[1:], true
		}
		out = append(out, m)
	}
	return out
}

// quotedDateSide answers a "when" question whose best sentence's date
// has no other side but another quoted sentence's has: the best may give
// the date of something else told beside the asked event ("approved the
// course in a vote on May 19, clearing the way for September's half
// marathon"), and the quoted sentence that gives the event's own date
// ("will be run on Sunday, September 13") is one the reports give
// differently. Both sides are given as conflictSide's would be.
func (e *Answerer) quotedDateSide(q questionInfo, chosen []*scoredSentence, sents []*passageSentence) (bot.Answer, bool) {
	if q.kind != kindDate {
		return bot.Answer{}, false
	}
	for _, c := range chosen[1:] {
		other, how := e.conflictSide(q, c, sents)
		if other == nil || how != sideDiffers {
			continue
		}
		if a, ok := e.movedDateAnswer(q, c, other, sents); ok {
			return a, true
		}
		return quoteAnswer([]*scoredSentence{c, other}, true), true
	}
	return bot.Answer{}, false
}
