package extractive

// This file reads the constraints a question puts on its answer beyond
// its words: an edition ("the 13th festival"), a quarter of a year ("the
// fourth quarter of 2023", "Q1"), a month of publication ("when it
// reported results in February 2023"). Articles write them otherwise ("the
// last three months of the year", "between April and June", a date in
// the file name), so they are compared as values, not as words.

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ordinalWords are the ordinals written out, first to twentieth: a closed
// class, like the number words.
var ordinalWords = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}

// ordinalValue returns the number an ordinal stands for ("13th",
// "thirteenth" -> 13), or 0.
func ordinalValue(w string) int {
	for i, o := range ordinalWords {
		if i > 0 && w == o {
			return i
		}
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && len(d) <= 3 {
			if n, err := strconv.Atoi(d); err == nil && n > 0 {
				return n
			}
		}
	}
	return 0
}

// placeTerm is the term of a sentence that places someone n-th without the
// ordinal: "Solberg finished 42 minutes ahead of Tomas Varga" places
// Varga second. It differs from ordinalTerm, which also numbers editions.
func placeTerm(n int) string { return "@" + strconv.Itoa(n) }

// placesSecond reports whether toks tell of a win over someone named,
// which makes them second: "42 minutes ahead of Tomas Varga", "five
// points clear of Nora Quill", "a margin of 11 minutes over Aino
// Lehtinen", "beat Donal Feeney into second place". The words are the
// grammar of a margin (comparative prepositions), not a list of names.
func placesSecond(toks []textWord) bool {
	margin := false // a figure or "margin" before: "11 minutes over"
	for i, tk := range toks {
		if tk.digits > 0 || isNumberWord(tk.lower) || tk.lower == "margin" {
			margin = true
		}
		next := func(k int) bool { return i+k < len(toks) && toks[i+k].upper }
		switch tk.lower {
		case "ahead", "clear":
			if i+1 < len(toks) && toks[i+1].lower == "of" && next(2) {
				return true
			}
		case "over":
			if margin && next(1) {
				return true
			}
		case "beat", "beating", "defeated", "defeating":
			if next(1) {
				return true
			}
		}
	}
	return false
}

// ordinalTerm is the term a sentence holds for an ordinal, whichever way
// it is written: "13th" and "thirteenth" both hold "#13".
func ordinalTerm(n int) string { return "#" + strconv.Itoa(n) }

// period is a quarter of a year; year is 0 when unknown. compared is
// set on one a sentence names only to compare with.
type period struct {
	quarter, year int
	compared      bool
}

// periodSpot is a quarter a text names, at words first..last.
// compared is set on one named to compare with ("up from $33 million in
// the fourth quarter of 2022"): the sentence is about another.
type periodSpot struct {
	period
	first, last int
	compared    bool
}

// quarterOfMonths returns the quarter months a to b span (April to June
// is the second), or 0 when they span no quarter.
func quarterOfMonths(a, b time.Month) int {
	if a%3 == 1 && b == a+2 {
		return int(a+2) / 3
	}
	return 0
}

// monthOf returns the month a word names, or 0.
func monthOf(tk textWord) time.Month {
	m := monthName(tk)
	if m == "" {
		return 0
	}
	for i := time.January; i <= time.December; i++ {
		if strings.ToLower(i.String()) == m {
			return i
		}
	}
	return 0
}

// periodsIn finds the quarters toks name: "Q1", "the first quarter",
// "third-quarter", "the December quarter", "the first three months of 2024", "the last three
// months of the year", "between April and June", "July to September",
// each with the year written just after it, if any.
func periodsIn(toks []textWord) []periodSpot {
	var out []periodSpot
	for i := 0; i < len(toks); i++ {
		w := toks[i].lower
		sp := periodSpot{first: i, last: i}
		switch {
		case len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4':
			sp.quarter = int(w[1] - '0')
		case i+1 < len(toks) && (toks[i+1].lower == "quarter" || toks[i+1].lower == "quarters"):
			if n := ordinalValue(w); n >= 1 && n <= 4 {
				sp.quarter, sp.last = n, i+1
			} else if w == "last" || w == "final" {
				sp.quarter, sp.last = 4, i+1
			} else if m := monthOf(toks[i]); m%3 == 0 && m != 0 {
				sp.quarter, sp.last = int(m)/3, i+1 // "the December quarter": named for the month it ends
			}
		case i+3 < len(toks) && (w == "first" || w == "last" || w == "final") && toks[i+1].lower == "three" && toks[i+2].lower == "months":
			sp.quarter, sp.last = 1, i+2
			if w != "first" {
				sp.quarter = 4
			}
		case (w == "quarter" || w == "months" && i > 0 && toks[i-1].lower == "three") && i+2 < len(toks) && endsAt(toks[i+1].lower) && monthOf(toks[i+2])%3 == 0 && monthOf(toks[i+2]) != 0:
			// "the quarter ended Dec. 31", "the three months to June 30"
			sp.quarter, sp.last = int(monthOf(toks[i+2]))/3, i+2
			if k := i + 3; k < len(toks) && toks[k].digits > 0 && toks[k].digits <= 2 && toks[k].letters == 0 {
				sp.last = k // the day
			}
			if w == "months" {
				sp.first = i - 1
			}
		case monthOf(toks[i]) != 0 && i+2 < len(toks) && (toks[i+1].lower == "to" || toks[i+1].lower == "and" || toks[i+1].lower == "through" || toks[i+1].lower == "until"):
			if q := quarterOfMonths(monthOf(toks[i]), monthOf(toks[i+2])); q > 0 {
				sp.quarter, sp.last = q, i+2
			}
		}
		if sp.quarter == 0 {
			continue
		}
		// "of 2024", "2023", "of the year": the year just after.
		for k := sp.last + 1; k < min(len(toks), sp.last+4); k++ {
			if isYearWord(toks[k]) {
				sp.year, _ = strconv.Atoi(toks[k].text)
				sp.last = k
				break
			}
			if lw := toks[k].lower; lw != "of" && lw != "the" && lw != "fiscal" && lw != "financial" {
				break
			}
		}
		for k := max(0, sp.first-6); k < sp.first; k++ {
			if k == sp.first-1 && monthOf(toks[sp.first]) != 0 {
				break // "from July to September" is the span itself
			}
			switch toks[k].lower {
			case "from", "against", "compared", "versus", "than", "earlier", "ago":
				sp.compared = true
			}
		}
		out = append(out, sp)
		i = sp.last
	}
	return out
}

// soleYear returns the one year toks write, or 0 for none or several: the
// year of a quarter asked about apart from it ("What was the
// fourth-quarter revenue in 2024?").
func soleYear(toks []textWord) int {
	year := 0
	for _, tk := range toks {
		if !isYearWord(tk) {
			continue
		}
		y, _ := strconv.Atoi(tk.text)
		if year != 0 && y != year {
			return 0
		}
		year = y
	}
	return year
}

// endsAt reports whether w says when a period ends: "the quarter ended
// Dec. 31", "the three months to June 30".
func endsAt(w string) bool {
	switch w {
	case "ended", "ending", "ends", "to", "through", "until":
		return true
	}
	return false
}

// reportedYear is the year of a quarter named without one in an article
// of date d: the last such quarter ended before d ("the fourth quarter"
// in February 2024 is 2023's); 0 when d is unknown.
func reportedYear(quarter int, d time.Time) int {
	if d.IsZero() {
		return 0
	}
	if int(d.Month()) > 3*quarter {
		return d.Year()
	}
	return d.Year() - 1
}

// periods returns the quarters s names, with their years filled in from
// its article's date where it writes none.
func (s *passageSentence) periods() []period {
	if s.periodsDone {
		return s.periodList
	}
	s.periodsDone = true
	for _, sp := range periodsIn(s.toks) {
		p := sp.period
		p.compared = sp.compared
		if p.year == 0 {
			p.year = reportedYear(p.quarter, s.date)
		}
		s.periodList = append(s.periodList, p)
	}
	for _, i := range longerPeriodsIn(s.toks) {
		// A half, nine months, the full year: of no quarter (0).
		s.periodList = append(s.periodList, period{compared: comparedBefore(s.toks, i)})
	}
	return s.periodList
}

// longerPeriodsIn returns where toks name a period of results longer
// than a quarter: "the first half", "H1", "the six months to June 30",
// "the first nine months", "the full year", "full-year", "for the year",
// "annual". A figure of one is no figure of a quarter.
func longerPeriodsIn(toks []textWord) []int {
	var out []int
	for i, tk := range toks {
		prev := ""
		if i > 0 {
			prev = toks[i-1].lower
		}
		switch w := tk.lower; {
		case w == "h1" || w == "h2" || w == "annual":
		case w == "half" && (prev == "first" || prev == "second"):
		case w == "months" && (prev == "six" || prev == "nine" || prev == "twelve" || prev == "6" || prev == "9" || prev == "12"):
		case w == "year" && (prev == "full" || prev == "whole" || prev == "the" && i >= 2 && toks[i-2].lower == "for"):
		default:
			continue
		}
		out = append(out, i)
	}
	return out
}

// comparedBefore reports whether the words just before toks[i] name what
// follows only to compare with ("up from $33 million in the first half of
// 2023").
func comparedBefore(toks []textWord, i int) bool {
	for k := max(0, i-6); k < i; k++ {
		switch toks[k].lower {
		case "from", "against", "compared", "versus", "than", "earlier", "ago":
			return true
		}
	}
	return false
}

// matches reports whether p is the period asked for, a.
func (p period) matches(a period) bool {
	return p.quarter == a.quarter && (a.year == 0 || p.year == 0 || p.year == a.year)
}

// periodFit says how a sentence stands to the quarter a question asks
// about: it names it, names only others, or names none.
type periodFit int

const (
	periodNone periodFit = iota
	periodSame
	periodOther
)

// fitPeriod says how a sentence naming ps stands to the quarter asked: a
// quarter named only to compare with is no other the sentence is about.
func fitPeriod(ps []period, asked period) periodFit {
	fit := periodNone
	for _, p := range ps {
		switch {
		case p.matches(asked):
			return periodSame
		case !p.compared:
			fit = periodOther
		}
	}
	return fit
}

// askedMonth returns the month and year a question names together ("in
// February 2023"), which an article's date may satisfy; 0 for none.
func askedMonth(toks []textWord) (time.Month, int, int) {
	for i, tk := range toks {
		m := monthOf(tk)
		if m == 0 || i+1 >= len(toks) || !isYearWord(toks[i+1]) {
			continue
		}
		if i+2 < len(toks) && (toks[i+2].lower == "to" || toks[i+2].lower == "and") {
			continue
		}
		y, _ := strconv.Atoi(toks[i+1].text)
		return m, y, i
	}
	return 0, 0, -1
}

// askedDay returns the day a question names ("on July 21", "July 21,
// 2024", "21 July"), with its year if written (else 0), and the indexes of
// its words; ok is false for none. An article of that day tells of it, as
// a sentence naming it does.
func askedDay(toks []textWord) (m time.Month, day, year int, at []int, ok bool) {
	isDay := func(k int) int {
		if k < 0 || k >= len(toks) || toks[k].letters > 0 || toks[k].digits == 0 || toks[k].digits > 2 {
			return 0
		}
		d, _ := strconv.Atoi(toks[k].text)
		if d < 1 || d > 31 {
			return 0
		}
		return d
	}
	for i, tk := range toks {
		if m = monthOf(tk); m == 0 {
			continue
		}
		switch {
		case isDay(i+1) > 0:
			day, at = isDay(i+1), []int{i, i + 1}
		case isDay(i-1) > 0:
			day, at = isDay(i-1), []int{i - 1, i}
		default:
			continue
		}
		if k := at[1] + 1; k < len(toks) && isYearWord(toks[k]) {
			year, _ = strconv.Atoi(toks[k].text)
			at = append(at, k)
		}
		return m, day, year, at, true
	}
	return 0, 0, 0, nil, false
}

// markAskedDay marks the words of the day q asks about (askedDay), so
// that an article of that day holds them; a day of one digit ("March
// 1"), too short to be a term of its own, is added as one.
func (e *Answerer) markAskedDay(q *questionInfo, toks []textWord) {
	m, day, year, at, ok := askedDay(toks)
	if !ok {
		return
	}
	found := false
	for j := range q.terms {
		t := &q.terms[j]
		for _, k := range at {
			if t.word == toks[k].lower {
				t.month, t.monthYear, t.day = m, year, day
				found = found || toks[k].digits > 0 && toks[k].digits <= 2
			}
		}
	}
	if !found {
		d := strconv.Itoa(day)
		q.terms = append(q.terms, qterm{stem: d, word: d, weight: 1, figure: true, month: m, monthYear: year, day: day})
	}
}

// datedBy reports whether an article of date d is of the month, and day,
// t names with the question's other date words ("in February 2023", "on
// May 12").
func (t qterm) datedBy(d time.Time) bool {
	return t.month > 0 && !d.IsZero() && d.Month() == t.month && (t.monthYear == 0 || d.Year() == t.monthYear) && (t.day == 0 || d.Day() == t.day)
}

// ofYear reports whether an article, src dated d, is of the year t
// states ("in 2022"), or of a year whose articles name the edition t
// states ("the 15th regatta", reported in 2024) while it numbers none
// itself.
func (t qterm) ofYear(src string, d time.Time) bool {
	if d.IsZero() {
		return false
	}
	return len(t.stem) == 4 && strconv.Itoa(d.Year()) == t.stem || slices.Contains(t.years, d.Year()) && !t.numbered[src]
}

// fitConstraints fits the question's constraints to the passages: the
// years of the editions it asks about, and which of its numbered names
// are of a series the passages number.
func (e *Answerer) fitConstraints(q questionInfo, sents []*passageSentence) {
	e.editionYears(q, sents)
	e.lexicon.seriesInPassages(q, sents)
}

// editionYears sets the years of the editions q's ordinals ask about:
// the years of the dated articles among sents that name the edition ("the
// 15th Kerrow Bay Regatta" in a report of June 2024). Another report of
// that year tells of the same edition without numbering it; one that
// numbers editions ("the 14th regatta ... last year's 13th") says itself
// which it is about.
func (e *Answerer) editionYears(q questionInfo, sents []*passageSentence) {
	for j := range q.terms {
		t := &q.terms[j]
		if !t.figure || !slices.ContainsFunc(t.forms, func(f string) bool { return strings.HasPrefix(f, "#") }) {
			continue
		}
		t.years, t.numbered = nil, make(map[string]bool)
		for _, s := range sents {
			if y := editionYearIn(s, *t); y > 0 && !slices.Contains(t.years, y) && e.termCredit(s, *t) == 1 {
				t.years = append(t.years, y)
			}
			if numbersEdition(s.toks) {
				t.numbered[s.source] = true
			}
		}
		if len(t.years) > 1 {
			t.years = nil // numbered in reports of several years: no year is sure
		}
		if len(t.years) == 0 {
			if y := e.impliedEditionYear(q, *t, sents); y > 0 {
				t.years = []int{y}
			}
		}
	}
	editionNounYears(q)
}

// markEventTerms marks what a question's words say of the event it asks
// about beyond their own: the measure it asks for (markMeasured) and the
// noun an edition's ordinal numbers.
func (e *Answerer) markEventTerms(q *questionInfo, toks []textWord) {
	e.markMeasured(q, toks)
	for i, tk := range toks {
		n := ordinalValue(tk.lower)
		if n < 2 || placingOrdinal(toks, i) {
			continue
		}
		last := e.lexicon.lastOfPhrase(toks, i+1)
		if last < 0 || toks[last].upper {
			continue // "the fifth Kessenmark Tour": a name, which its reports write
		}
		st := e.terms.Terms(toks[last].text)
		for j := range q.terms {
			if len(st) == 1 && q.terms[j].stem == st[0] && !q.terms[j].name && !q.terms[j].figure {
				q.terms[j].ofEdition = true
			}
		}
	}
}

// editionNounYears gives the nouns editions' ordinals number the years of
// those editions (see editionYears).
func editionNounYears(q questionInfo) {
	var years []int
	for _, t := range q.terms {
		if t.figure && len(t.years) > 0 {
			years = t.years
		}
	}
	for j := range q.terms {
		if q.terms[j].ofEdition {
			q.terms[j].years = years
		}
	}
}

// ofYears reports whether s is of a report of one of years.
func (s *passageSentence) ofYears(years []int) bool {
	return !s.date.IsZero() && slices.Contains(years, s.date.Year())
}

// heldItself reports whether s may hold the figure t only itself, not
// through its article or the sentences beside it: a year when s is of an
// article of another ("the 2022 champion" beside a sentence of a 2024
// story) or speaks of another ("last year"), an edition of another year
// than its article's ("the second edition, in 2020" in a report of
// 2024).
func heldItself(t qterm, s *passageSentence) bool {
	switch {
	case otherYear(t, s.date):
		return true
	case isYearTerm(t):
		return datedOtherYear(s, t.stem)
	}
	return len(t.years) > 0 && !s.date.IsZero() && !slices.Contains(t.years, s.date.Year())
}

// editionYearIn returns the year of the edition t asks about that s
// names: the year written after it ("the second edition, in 2020"), else
// its article's ("the 15th regatta" in a report of 2024; "last year's
// 13th" in it, 2023); 0 when s does not name it or the year is unknown.
func editionYearIn(s *passageSentence, t qterm) int {
	for i, tk := range s.toks {
		n := ordinalValue(tk.lower)
		if n == 0 || !slices.Contains(t.forms, ordinalTerm(n)) {
			continue
		}
		if y := yearAfter(s.toks, i); y > 0 {
			return y
		}
		if !s.date.IsZero() {
			return s.date.Year() + yearsOff(s.toks, i)
		}
	}
	return 0
}

// impliedEditionYear returns the year of the edition t asks about when no
// report numbers it, from the editions of a yearly event the reports do
// number: "the tenth Greyfell Derby" in a report of 2023 makes the ninth
// 2022's and the eleventh 2024's, as "first run in 2014" makes the tenth
// 2023's. Every such anchor must agree, or no year is sure; 0 for none.
func (e *Answerer) impliedEditionYear(q questionInfo, t qterm, sents []*passageSentence) int {
	asked := 0
	for _, f := range t.forms {
		if n, err := strconv.Atoi(strings.TrimPrefix(f, "#")); err == nil && strings.HasPrefix(f, "#") {
			asked = n
		}
	}
	if asked == 0 {
		return 0
	}
	base := 0 // the year before the first edition
	for _, s := range sents {
		if !e.aboutEvent(q, t, s) {
			continue
		}
		for i, tk := range s.toks {
			n := ordinalValue(tk.lower)
			if n == 0 {
				continue
			}
			y := yearAfter(s.toks, i)
			switch {
			case y > 0:
				// "first run in 2014", "the 10th edition in 2023"
			case n >= 2 && !s.date.IsZero() && (tk.digits > 0 || i+1 < len(s.toks) && s.toks[i+1].upper):
				y = s.date.Year() + yearsOff(s.toks, i)
			default:
				continue
			}
			switch {
			case base == 0:
				base = y - n
			case base != y-n:
				return 0 // editions not a year apart, or two events
			}
		}
	}
	if base == 0 {
		return 0
	}
	return base + asked
}

// aboutEvent reports whether s tells of the event an edition question
// asks about: it holds every name of the question and another of its
// words besides the ordinal ("derby" for "the ninth derby").
func (e *Answerer) aboutEvent(q questionInfo, ord qterm, s *passageSentence) bool {
	other := false
	for _, t := range q.terms {
		if t.stem == ord.stem || t.figure || t.period {
			continue
		}
		c := e.termCredit(s, t)
		if t.name && t.weight == 1 && c < 1 {
			return false
		}
		other = other || c == 1 && !e.lexicon.isLightVerb(t.word)
	}
	return other
}

// yearAfter returns the year written just after the ordinal at toks[i]
// ("first run in 2014", "the 10th edition, in 2023"), or 0.
func yearAfter(toks []textWord, i int) int {
	for k := i + 1; k < min(len(toks), i+5); k++ {
		if isYearWord(toks[k]) {
			y, _ := strconv.Atoi(toks[k].text)
			return y
		}
	}
	return 0
}

// yearsOff returns how many years before or after its article's the
// edition at toks[i] is: -1 for "last year's 13th regatta", 1 for "next
// year's", else 0.
func yearsOff(toks []textWord, i int) int {
	for k := max(0, i-3); k+1 < i; k++ {
		if toks[k+1].lower == "year's" || toks[k+1].lower == "year" {
			switch toks[k].lower {
			case "last", "previous":
				return -1
			case "next":
				return 1
			}
		}
	}
	return 0
}

// placingOrdinal reports whether the ordinal at toks[i] places someone
// ("Who finished second in 2022?", "Who came third?") rather than numbering
// an edition ("the second festival"): no noun follows it.
func placingOrdinal(toks []textWord, i int) bool {
	return i+1 >= len(toks) || endsNounPhrase(toks[i+1].lower)
}

// numbersEdition reports whether toks name an edition by its number: an
// ordinal in figures ("13th") or one in words before a name ("the fifth
// Brannock Film Festival").
func numbersEdition(toks []textWord) bool {
	for i, tk := range toks {
		if n := ordinalValue(tk.lower); n >= 2 && (tk.digits > 0 || i+1 < len(toks) && toks[i+1].upper) {
			return true
		}
	}
	return false
}

// breaksConstraints reports whether s, crediting the question's terms
// with credit (its article, with docBest), is about another than the
// question's constraints say: of another of a numbered series, of another
// edition, of another year than the one asked in an article of another
// year that does not write it, or holding nothing of what is asked but
// the constraint (holdsAsked).
func (e *Answerer) breaksConstraints(q questionInfo, s *passageSentence, credit, docBest, idf []float64) bool {
	if e.lexicon.namesOtherNumbered(q, s) || !e.holdsAsked(q, credit, idf) && !e.bindsRole(q, s) {
		return true
	}
	for j, t := range q.terms {
		if len(t.years) > 0 && credit[j] < 1 && !s.date.IsZero() && !slices.Contains(t.years, s.date.Year()) {
			return true // "Okafor won the prize" in 2024 is not of the 2020 edition
		}
		if isYearTerm(t) && !t.period && credit[j] == 0 && (docBest[j] < 1 && otherYear(t, s.date) || aboutOtherYear(s, t.stem)) {
			// A report of 2023 that says what comes "next year" answers
			// for 2024 there, not in its other sentences.
			return true
		}
	}
	return false
}

// holdsAsked reports whether a sentence crediting the question's terms
// with credit holds what the question asks beyond its constraints: a
// year or a quarter says which, never what.
//   - A question about a quarter: "Revenue rose to 41.2 million euros in
//     the quarter ended Dec. 31" names the quarter of "Orbitalis's net
//     loss in the fourth quarter" but not its loss.
//   - "Who won the derby in 2024?": a sentence that does not write the
//     year, only dated by its article, must say the verb or the noun asked
//     itself; "Solberg has withdrawn", in a preview of the 2024 race,
//     says nothing of who won.
//
// A question about a quarter whose other words no passage holds (idf 0)
// puts no such demand: they may be the reader's words for what it gives.
func (e *Answerer) holdsAsked(q questionInfo, credit, idf []float64) bool {
	if q.period.quarter > 0 {
		wanted := false
		for j, t := range q.terms {
			if t.period || t.figure || t.series || t.name || t.weight < 1 || idf[j] == 0 {
				continue
			}
			wanted = true
			if credit[j] >= e.opt.SynonymCredit {
				return true
			}
		}
		return !wanted
	}
	if q.kind != kindPerson || !slices.ContainsFunc(q.terms, func(t qterm) bool { return isYearTerm(t) }) {
		return true
	}
	for j, t := range q.terms {
		if isYearTerm(t) && credit[j] == 1 {
			return true // "the 2024 race": it says which itself
		}
	}
	wanted := false
	for j, t := range q.terms {
		if j == q.verb && t.weight == 1 || t.head {
			wanted = true
			if credit[j] >= e.opt.SynonymCredit {
				return true
			}
		}
	}
	return !wanted
}

// isYearTerm reports whether t is a year the question states.
func isYearTerm(t qterm) bool {
	return t.figure && !t.period && len(t.stem) == 4 && strings.Trim(t.stem, "0123456789") == ""
}
