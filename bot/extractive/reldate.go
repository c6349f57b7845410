package extractive

// This file reads the dates a sentence speaks of relative to its
// article's date: "last year" in a report of 2024 is 2023, "on Monday" in
// a report of Tuesday May 13 is May 12, "the full year" in a results
// report of February 2024 is 2023. A question's year or day is met by
// them as by the same date written out, and a sentence about last year
// does not answer a question about its article's year.

import (
	"slices"
	"strconv"
	"time"
)

// relativeYears returns the years toks speak of relative to d, not to
// compare with: "last year", "last year's", "a year earlier", "a year
// ago", "the previous year", "this year", "next year". A year named after
// "from", "than" or "compared with" ("up from 31 million a year
// earlier") is what the sentence compares with, not what it is about.
func relativeYears(toks []textWord, d time.Time) []int {
	if d.IsZero() {
		return nil
	}
	var out []int
	for i, tk := range toks {
		if tk.lower != "year" && tk.lower != "year's" || i == 0 {
			continue
		}
		off, ok := 0, true
		switch prev := toks[i-1].lower; {
		case prev == "last" || prev == "previous" || prev == "past" && tk.lower == "year's":
			off = -1
		case prev == "this" || prev == "current":
		case prev == "next" || prev == "coming":
			off = 1
		case (prev == "a" || prev == "one") && i+1 < len(toks) && (toks[i+1].lower == "earlier" || toks[i+1].lower == "ago" || toks[i+1].lower == "before"):
			off = -1
			// "up 34% on a year earlier": after a figure, what the
			// figure is compared with; "A year earlier, she won" is
			// about that year.
			ok = !slices.ContainsFunc(toks[max(0, i-6):i], func(tk textWord) bool { return tk.digits > 0 && !isYearWord(tk) })
		default:
			ok = false
		}
		if !ok || comparedAt(toks, i-1) {
			continue
		}
		out = append(out, d.Year()+off)
	}
	if y := fullYear(toks, d); y > 0 {
		out = append(out, y)
	}
	return out
}

// fullYear returns the year a sentence's "full year" is ("for the full
// year", "full-year revenue", "its profit for the year"), or 0: companies
// report a year's results in the first months of the next, so in a report
// of January to March it is the year just ended; later in the year it is
// the one under way, whose outlook the report gives.
func fullYear(toks []textWord, d time.Time) int {
	for i, tk := range toks {
		if tk.lower != "year" || i == 0 || comparedAt(toks, i-1) {
			continue
		}
		if prev := toks[i-1].lower; prev == "full" || prev == "whole" || prev == "the" && i >= 2 && toks[i-2].lower == "for" {
			if d.Month() <= time.March {
				return d.Year() - 1
			}
			return d.Year()
		}
	}
	return 0
}

// comparedAt reports whether the words before toks[i] say that what
// follows is compared with ("from", "than", "compared with", "against").
func comparedAt(toks []textWord, i int) bool {
	for k := max(0, i-5); k < i; k++ {
		switch toks[k].lower {
		case "from", "than", "compared", "against", "versus":
			return true
		}
	}
	return false
}

// ownYears returns the years s speaks of as its own: written ("in 2022"),
// relative to its article's date ("last year", "the full year") or those
// of the quarters it names ("the three months to Dec. 31" in a report of
// February 2024 is 2023's), not those it compares with.
func ownYears(s *passageSentence) []int {
	out := relativeYears(s.toks, s.date)
	for _, p := range s.periods() {
		if p.year > 0 && !p.compared {
			out = append(out, p.year)
		}
	}
	for i, tk := range s.toks {
		if isYearWord(tk) && !comparedAt(s.toks, i) {
			y, _ := strconv.Atoi(tk.text)
			out = append(out, y)
		}
	}
	return out
}

// datedOtherYear reports whether s speaks only of years other than year
// (a figure such as "2024"): then its article's date does not make it of
// that year ("the dogs that carried him to victory last year" in a
// report of 2024 is about 2023).
func datedOtherYear(s *passageSentence, year string) bool {
	ys := ownYears(s)
	if len(ys) == 0 {
		return false
	}
	for _, y := range ys {
		if strconv.Itoa(y) == year {
			return false
		}
	}
	return true
}

// aboutOtherYear reports whether s is about another year than year: it
// gives the results of another ("the full year" in February 2024, "the
// three months to Dec. 31"), or writes only another ("first raced in
// 2018") in a report of another year or an undated one. A year written in
// a report of that year may be a title ("Vliet, the 2023 champion, won" in
// a report of 2024 is of 2024), and "last year" a clause aside ("Varga
// starts as defending champion, with the dogs that carried him to victory
// last year").
func aboutOtherYear(s *passageSentence, year string) bool {
	var rel []int
	if y := fullYear(s.toks, s.date); y > 0 && !s.date.IsZero() {
		rel = append(rel, y)
	}
	for _, p := range s.periods() {
		if p.year > 0 && !p.compared {
			rel = append(rel, p.year)
		}
	}
	if len(rel) > 0 {
		return !slices.Contains(rel, atoiYear(year))
	}
	return datedOtherYear(s, year) && (s.date.IsZero() || strconv.Itoa(s.date.Year()) != year)
}

// atoiYear is the value of a year written in figures, 0 for none.
func atoiYear(year string) int {
	y, _ := strconv.Atoi(year)
	return y
}

// eventYears returns the years s is about: those it speaks of as its own
// (ownYears), else its article's; none for a sentence of an undated
// article that names no year.
func eventYears(s *passageSentence) []int {
	if ys := ownYears(s); len(ys) > 0 {
		return ys
	}
	if s.date.IsZero() {
		return nil
	}
	return []int{s.date.Year()}
}

// yearCredit is the credit s has for a year the question states (t, a
// figure of four digits) that it does not write: SynonymCredit when it is
// about that year (eventYears): its article is of that year and it speaks
// of no other ("the prize fund in 2022": a report of 2022), or it speaks
// of that year relative to its article's date ("last year" in a report of
// 2024 for 2023; "the full year" in a report of February 2024 for 2023);
// else 0.
func yearCredit(s *passageSentence, t qterm, credit float64) float64 {
	if !isYearTerm(t) {
		return 0
	}
	for _, y := range eventYears(s) {
		if strconv.Itoa(y) == t.stem {
			return credit
		}
	}
	return 0
}

// metByYear reports whether c, the credit of a sentence for t, says that
// the sentence is about the year t states (yearCredit), though neither it
// nor its article's date writes it: "the full year" in a results report
// of February 2024 answers for 2023, so its article does.
func metByYear(t qterm, c float64) bool {
	return isYearTerm(t) && !t.period && c > 0
}
