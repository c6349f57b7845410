package extractive

// This file reads the quantities a sentence gives (counts, sums of money,
// percentages and dates) with what they are of, so that two articles'
// figures for the same thing can be compared.

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// Kinds of quantities.
const (
	qCount = iota + 1
	qMoney
	qPercent
	qDate
	qSpan // a length of time: "11 hours", "six months"
)

// mention is one quantity in a sentence.
type mention struct {
	kind        int
	value       float64 // counts, money (in units, scale applied) and percentages
	date        string  // dates, as precise as written: "2024-03-04", "2009-02", "2011"
	text        string  // as written: "1,450", "$1.8 million", "March 4", "Fourteen"
	unit        string  // stem of the counted noun ("worker"), the currency ("$"), ""
	people      bool    // counts people or a body of people
	noun        string  // the counted noun as written, lower-case ("positions")
	verb        string  // the word taking the figure as its object ("seats" 220 people)
	before      string  // stem of the nearest noun before it ("profit" rose 9 percent)
	first       int     // its tokens in the sentence
	last        int
	context     map[string]bool // stems of the words around it in its clause and sentence
	periods     map[string]bool // ordinals and years of its sentence other than itself: "third", "2023"
	places      map[string]bool // the places its clause names, a nationality or capital as its country
	impliedYear bool            // a date's year is its article's, not written
	when        int             // its clause's time against its report's: -1 "last year's", +1 "next year", 0 none said
	foreseen    bool            // its clause forecasts, expects or estimates it
	sentence    *passageSentence
}

// minClause is the fewest words around a quantity, in its clause, that
// say what it is of; fewer, and the commas around it are read through.
const minClause = 3

// clauseAround returns the first and last word of the clause around
// words first to last, at most mentionWindow either side; through
// commas when commas is set.
func clauseAround(s *passageSentence, first, last int, commas bool) (int, int) {
	brk := func(a, b int) bool {
		gap := s.text[s.toks[a].end:s.toks[b].start]
		if commas {
			gap = strings.ReplaceAll(gap, ",", "")
		}
		return strings.ContainsAny(gap, ",;:()[]—–") || strings.Contains(gap, " - ")
	}
	lo, hi := first, last
	for lo > 0 && first-lo < mentionWindow && !brk(lo-1, lo) {
		lo--
	}
	for hi+1 < len(s.toks) && hi-last < mentionWindow && !brk(hi, hi+1) {
		hi++
	}
	return lo, hi
}

// mentionWindow is how many words either side of a quantity say what it
// is of.
const mentionWindow = 10

// mentions finds the quantities a sentence gives. year is the year of
// its article, for dates written without one.
func (lx *lexicon) mentions(s *passageSentence, terms func(string) []string) []mention {
	toks := s.toks
	var out []mention
	for i := 0; i < len(toks); i++ {
		m, ok := lx.mentionAt(s, i)
		if !ok {
			continue
		}
		m.sentence = s
		if m.text == "" {
			m.text = s.text[toks[m.first].start:toks[m.last].end]
		}
		m.context = make(map[string]bool)
		m.places = make(map[string]bool)
		m.periods = make(map[string]bool)
		// The words of its clause, at most mentionWindow either side:
		// "Torvald Marine employs about 3,200 people" is not about the
		// yard named after the comma.
		lo, hi := clauseAround(s, m.first, m.last, false)
		if (m.first-lo)+(hi-m.last) < minClause {
			// An aside ("from Friday, July 22, after"): what it is of is
			// in the clause around it.
			lo, hi = clauseAround(s, m.first, m.last, true)
		}
		for k := lo; k <= hi; k++ {
			if k >= m.first && k <= m.last || toks[k].digits > 0 && toks[k].letters == 0 || monthName(toks[k]) != "" || isWeekday(toks[k].lower) {
				continue
			}
			for _, w := range lx.contextWords(toks[k]) {
				for _, t := range terms(w) {
					m.context[t] = true
				}
				if toks[k].upper && lx.is(strings.ToLower(w), wcPlaceName) {
					m.places[strings.ToLower(w)] = true
				}
			}
		}
		// Only the words of its own clause right around it say of
		// when it is: "Built for $52 million, the stand opens next
		// week" is no cost of next week.
		clo, chi := clauseAround(s, m.first, m.last, false)
		m.when = lx.relativeTime(s, max(clo, m.first-nearWindow), min(chi, m.last+nearWindow))
		for k := lo; k <= hi && lx.th != nil; k++ {
			for _, l := range lx.th.Lemmas(toks[k].lower) {
				// "kept its forecast", "expects", "estimated": a figure
				// foreseen, which an outcome need not match.
				m.foreseen = m.foreseen || lx.th.In(l, thesaurus.Thinking)
			}
		}
		for k, tk := range toks {
			if k >= m.first && k <= m.last {
				continue
			}
			if isYearWord(tk) || periodOrdinal(tk.lower) > 0 {
				m.periods[periodKey(tk)] = true
			}
		}
		for k := m.first - 1; k >= max(0, m.first-5); k-- {
			w := toks[k]
			if (!w.upper || k == 0) && w.letters > 2 && lx.nounWord(w.lower) && !lx.is(w.lower, wcTime) {
				if ts := terms(w.text); len(ts) > 0 {
					m.before = ts[0]
				}
				break
			}
		}
		out = append(out, m)
		i = m.last
	}
	return out
}

// contextWords are a word and what the lexicon relates it to for telling
// what a figure is of: "Canadian" is also Canada, "Ottawa" the capital of
// Canada.
func (lx *lexicon) contextWords(tk textWord) []string {
	out := []string{tk.text}
	if !tk.upper || lx.th == nil {
		return out
	}
	for _, d := range lx.th.Related(tk.lower, thesaurus.Derived) {
		if lx.is(d, wcPlaceName) {
			out = append(out, d)
		}
	}
	for _, syn := range lx.th.Related(tk.lower, thesaurus.Synonym) {
		if country, ok := strings.CutPrefix(syn, "capital of "); ok {
			out = append(out, country)
		}
	}
	return out
}

// mentionAt reads the quantity starting at word i of s.
func (lx *lexicon) mentionAt(s *passageSentence, i int) (mention, bool) {
	toks := s.toks
	tk := toks[i]
	if mon := monthName(tk); mon != "" && (tk.lower == mon || len(tk.lower) <= 4) { // not "Mayor"
		return dateAt(toks, i, mon)
	}
	if isYearWord(tk) {
		// A year alone is a date only as a time something happens: "in
		// 2011", "by 2027".
		if i > 0 && isTimePreposition(toks[i-1].lower) {
			return mention{kind: qDate, date: tk.text, text: tk.text, first: i, last: i}, true
		}
		return mention{}, false
	}
	if m, ok := lx.tallyAt(s, i); ok {
		return m, true // "voting 7-4"
	}
	pre := strings.TrimSpace(s.text[max(0, tk.start-3):tk.start])
	v, end, ok := quantityAt(toks, i)
	if !ok {
		// "€15m", "2.3bn": the scale run on.
		var moneyOnly bool
		v, moneyOnly, ok = scaledFigure(tk)
		ok = ok && (!moneyOnly || strings.ContainsAny(pre, "$€£¥"))
	}
	if !ok || i > 0 && monthName(toks[i-1]) != "" {
		return mention{}, false
	}
	m := mention{kind: qCount, value: v, first: i, last: end, verb: lx.governor(s, i)}
	if end+1 < len(toks) && toks[end+1].lower == "strong" && toks[end+1].start == toks[end].end+1 {
		// "the 2,700-strong combat mission": the strength of a body of
		// people.
		m.people, m.last = true, end+1
		m.text = s.text[toks[i].start:toks[end+1].end]
		return m, true
	}
	// A currency sign before it ("$1.8", "C$600"), or a unit of money
	// after it ("85,000 dollars", "1.8 million euros").
	if strings.ContainsAny(pre, "$€£¥") {
		m.kind, m.unit = qMoney, currencyName(currencyOf(pre))
	}
	if end+1 < len(toks) {
		next := toks[end+1]
		switch {
		case next.lower == "percent" || next.lower == "per" && end+2 < len(toks) && toks[end+2].lower == "cent" || strings.HasPrefix(s.text[toks[end].end:], "%"):
			m.kind, m.unit = qPercent, "%"
			m.last = end + 1
		case m.kind == qCount && next.letters > 1 && lx.is(next.lower, wcMoney):
			m.kind, m.unit = qMoney, next.lower
			m.unit = strings.TrimSuffix(m.unit, "s")
			m.last = end + 1
		case m.kind == qCount:
			// The counted noun: the first noun after the figure and its
			// adjectives ("1,450 workers", "12 protesters", "six
			// ferries", "1,000 extra troops").
			for k := end + 1; k < min(len(toks), end+4); k++ {
				w := toks[k]
				if w.letters < 2 || isDeterminer(w.lower) || w.lower == "of" {
					continue
				}
				if lx.is(w.lower, wcTimeUnit|wcTimespan) {
					// "22 years", "six months": a span, not a count.
					m.kind, m.unit, m.last = qSpan, strings.TrimSuffix(w.lower, "s"), k
					break
				}
				if lx.nounWord(w.lower) || lx.is(w.lower, wcPerson|wcGroup) {
					m.unit = strings.TrimSuffix(strings.TrimSuffix(w.lower, "s"), "e")
					m.noun = w.lower
					m.people = lx.isPeopleNoun(w.lower)
					break
				}
				if w.upper || lx.pos(w.lower) == wcVerb {
					break
				}
			}
		}
	}
	m.text = s.text[tokStart(s, m)-currencyPrefix(s, m) : toks[m.last].end]
	return m, true
}

// tokStart is the byte offset in s's text of m's first word.
func tokStart(s *passageSentence, m mention) int { return s.toks[m.first].start }

// currencyPrefix is how many bytes of currency sign stand before m's
// first word ("$", "C$", "€").
func currencyPrefix(s *passageSentence, m mention) int {
	if m.kind != qMoney {
		return 0
	}
	start := tokStart(s, m)
	n := 0
	for n < 3 && start-n > 0 {
		r := s.text[start-n-1]
		if r == ' ' || r == '(' || r == '\n' {
			break
		}
		n++
	}
	for n > 0 && !strings.ContainsAny(s.text[start-n:start], "$€£¥") {
		n--
	}
	return n
}

// currencyOf names the currency of a sign ("C$" and "$" apart).
func currencyOf(pre string) string {
	i := strings.IndexAny(pre, "$€£¥")
	j := i
	for j > 0 && pre[j-1] >= 'A' && pre[j-1] <= 'Z' {
		j--
	}
	return pre[j:]
}

// quantityAt reads a number in figures or words starting at word i, with
// a scale word after it ("1.8 million", "two thousand"): its value and
// last word.
func quantityAt(toks []textWord, i int) (float64, int, bool) {
	t := toks[i]
	var v float64
	end := i
	switch {
	case t.digits > 0 && t.letters == 0:
		f, err := strconv.ParseFloat(strings.ReplaceAll(t.text, ",", ""), 64)
		if err != nil {
			return 0, i, false
		}
		v = f
	default:
		s, e := numberAt(toks, i)
		if s == "" {
			return 0, i, false
		}
		n, _ := strconv.Atoi(s)
		v, end = float64(n), e
	}
	if end+1 < len(toks) {
		switch toks[end+1].lower {
		case "thousand":
			v, end = v*1e3, end+1
		case "million":
			v, end = v*1e6, end+1
		case "billion":
			v, end = v*1e9, end+1
		}
	}
	return v, end, true
}

// dateAt reads a date starting at month name mon at word i: "March 4",
// "March 4, 2024", "February 2009", "March" alone.
func dateAt(toks []textWord, i int, mon string) (mention, bool) {
	m := mention{kind: qDate, first: i, last: i}
	month := monthNumber(mon)
	day, year := 0, 0
	k := i + 1
	if k < len(toks) && toks[k].digits > 0 && toks[k].letters == 0 && len(toks[k].text) <= 2 {
		day, _ = strconv.Atoi(toks[k].text)
		m.last = k
		k++
	}
	if k < len(toks) && isYearWord(toks[k]) {
		year, _ = strconv.Atoi(toks[k].text)
		m.last = k
	}
	if i > 0 && toks[i-1].digits > 0 && toks[i-1].letters == 0 && len(toks[i-1].text) <= 2 && day == 0 {
		day, _ = strconv.Atoi(toks[i-1].text) // "4 March"
		m.first = i - 1
	}
	switch {
	case day > 0 && year > 0:
		m.date = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	case day > 0:
		m.date = "--" + twoDigits(month) + "-" + twoDigits(day)
	case year > 0:
		m.date = strconv.Itoa(year) + "-" + twoDigits(month)
	default:
		m.date = "--" + twoDigits(month)
	}
	return m, true
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func monthNumber(m string) int {
	for mo := time.January; mo <= time.December; mo++ {
		if m == strings.ToLower(mo.String()) {
			return int(mo)
		}
	}
	return 0
}

// isTimePreposition reports the prepositions before a time: a closed
// class.
func isTimePreposition(w string) bool {
	switch w {
	case "in", "by", "until", "till", "since", "before", "after", "from", "during", "through":
		return true
	}
	return false
}

// periodOrdinal is the value of an ordinal or a quarter ("third",
// "13th", "Q4"), 0 for none.
func periodOrdinal(w string) int {
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		return int(w[1] - '0')
	}
	return ordinalValue(w)
}

// periodKey is how an ordinal or year of a sentence is compared.
func periodKey(tk textWord) string {
	if isYearWord(tk) {
		return "y" + tk.text
	}
	return "o" + strconv.Itoa(periodOrdinal(tk.lower))
}

// sameValue reports whether two mentions give the same quantity: equal
// values, or dates that agree as far as both are precise.
func sameValue(a, b mention) bool {
	if a.kind == qTally {
		return a.date == b.date
	}
	if a.kind == qDate {
		return datesAgree(a.date, b.date)
	}
	return math.Abs(a.value-b.value) <= 1e-9*max(1, math.Abs(a.value))
}

// datesAgree compares two dates written as dateAt gives them, at the
// precision both have.
func datesAgree(a, b string) bool {
	pa, pb := dateParts(a), dateParts(b)
	for i := range pa {
		if pa[i] != "" && pb[i] != "" && pa[i] != pb[i] {
			return false
		}
	}
	return true
}

// dateParts splits "2024-03-04", "--03-04", "2009-02", "2011" or "--03"
// into year, month and day, "" where not given.
func dateParts(d string) [3]string {
	var p [3]string
	if rest, ok := strings.CutPrefix(d, "--"); ok {
		f := strings.Split(rest, "-")
		p[1] = f[0]
		if len(f) > 1 {
			p[2] = f[1]
		}
		return p
	}
	f := strings.Split(d, "-")
	copy(p[:], f)
	return p
}

// asPrecise reports whether date a gives every part (year, month, day)
// that b gives: "February 2009" is not "2009-02-14", and "March" alone
// gives no year.
func asPrecise(a, b string) bool {
	pa, pb := dateParts(a), dateParts(b)
	for i := range pb {
		if pb[i] != "" && pa[i] == "" {
			return false
		}
	}
	return true
}
