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
// "third-quarter", "the first three months of 2024", "the last three
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
			}
		case i+3 < len(toks) && (w == "first" || w == "last" || w == "final") && toks[i+1].lower == "three" && toks[i+2].lower == "months":
			sp.quarter, sp.last = 1, i+2
			if w != "first" {
				sp.quarter = 4
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
	return s.periodList
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
			if !s.date.IsZero() && !slices.Contains(t.years, s.date.Year()) && e.termCredit(s, *t) == 1 {
				t.years = append(t.years, s.date.Year())
			}
			if numbersEdition(s.toks) {
				t.numbered[s.source] = true
			}
		}
		if len(t.years) > 1 {
			t.years = nil // numbered in reports of several years: no year is sure
		}
	}
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
