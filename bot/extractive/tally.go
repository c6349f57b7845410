package extractive

// This file reads a tally: the result of a vote or a match written as two
// figures joined by a dash ("voting 7-4", "backed the plan 8-3", "a 5-4
// ruling", "won 3-1"). Two reports of one vote that give it differently
// disagree, as two counts of one crowd do; read as two separate counts,
// the 7 and the 4 were of nothing, and the disagreement went unseen.

import (
	"strconv"
	"strings"
)

// qTally is the kind of a tally's mention; its date field holds the
// tally as compared ("7-4").
const qTally = qSpan + 1

// maxTallySide is the most one side of a tally counts: votes of a
// council or a court, goals or sets; more, and "2010-11" is a season and
// "1200-1300" a range.
const maxTallySide = 999

// tallyAt reads a tally at word i of s: two whole figures joined by a
// hyphen or a dash with no space, the first at least the second (the
// winner's side is written first: "7-4", "2-2"; "18-24" is a range of
// ages), neither a year, and not a length of time ("3-4 weeks").
func (lx *lexicon) tallyAt(s *passageSentence, i int) (mention, bool) {
	toks := s.toks
	if i+1 >= len(toks) {
		return mention{}, false
	}
	a, b := toks[i], toks[i+1]
	if a.letters > 0 || b.letters > 0 || a.digits == 0 || b.digits == 0 || isYearWord(a) || isYearWord(b) {
		return mention{}, false
	}
	if sep := s.text[a.end:b.start]; sep != "-" && sep != "–" && sep != "—" {
		return mention{}, false
	}
	x, errX := strconv.Atoi(a.text)
	y, errY := strconv.Atoi(b.text)
	if errX != nil || errY != nil || x < y || x > maxTallySide {
		return mention{}, false
	}
	if i+2 < len(toks) && (lx.isTimeUnit(toks[i+2].lower) || toks[i+2].lower == "percent") || strings.HasPrefix(s.text[b.end:], "%") {
		return mention{}, false
	}
	if i > 0 && (monthName(toks[i-1]) != "" || strings.HasSuffix(s.text[:a.start], "-")) {
		return mention{}, false // "May 5-4"? a date; "1-2-3" a code
	}
	if i+2 < len(toks) && strings.HasPrefix(s.text[b.end:], "-") {
		return mention{}, false
	}
	key := a.text + "-" + b.text
	// The value orders tallies for the comparisons of figures: the
	// winning side, then the losing side as a fraction.
	return mention{kind: qTally, date: key, value: float64(x) + float64(y)/(maxTallySide+1), first: i, last: i + 1, text: s.text[a.start:b.end]}, true
}

// tallyWords is how many content words the sentences of two tallies must
// share to be of one contest: "Brannock city council on Tuesday
// approved plans for a new aquatics centre, voting 7-4" and "The city
// council backed the aquatics centre 8-3 on Tuesday night" share the
// council, the centre and the day, though the words right around the
// figures (the vote, the backing) differ.
const tallyWords = 3

// sameContest reports whether two tallies of reports of the same days
// are of one vote or match: a report gives the result of a contest
// once, and two reports of those days whose sentences share what was
// decided speak of the same one. Tallies of the same report are of
// different contests.
func sameContest(a, b mention) bool {
	if a.kind != qTally || b.kind != qTally {
		return false
	}
	da, db := a.sentence.date, b.sentence.date
	if da.IsZero() || db.IsZero() || absDays(da.Sub(db).Hours()/24) > sameDays {
		return false
	}
	return sharedCount(contentTerms(a.sentence), contentTerms(b.sentence)) >= tallyWords
}

// isTallyKey reports whether a point's value as compared is a tally:
// "7-4".
func isTallyKey(k string) bool {
	a, b, ok := strings.Cut(k, "-")
	return ok && a != "" && b != "" && strings.Trim(a, "0123456789") == "" && strings.Trim(b, "0123456789") == ""
}
