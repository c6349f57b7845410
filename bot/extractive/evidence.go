package extractive

// This file finds in a sentence what a question asks for: people,
// figures, dates, places and spans of time, and whether it states or
// denies the question's verb.

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clauseWords is how far in words an answer may stand from the focus of
// the question in the same clause.
const clauseWords = 12

// sameClause reports whether a word standing for term j lies within
// clauseWords of word i with no clause break (a comma, semicolon, colon,
// dash or bracket) between them.
func sameClause(s *passageSentence, matched [][]int, i, j int) bool {
	for k := max(0, i-clauseWords); k <= min(len(s.toks)-1, i+clauseWords); k++ {
		if k == i || !slices.Contains(matched[k], j) {
			continue
		}
		a, b := min(i, k), max(i, k)
		if !strings.ContainsAny(s.text[s.toks[a].end:s.toks[b].start], ",;:()[]—–") && !strings.Contains(s.text[s.toks[a].end:s.toks[b].start], " - ") {
			return true
		}
	}
	return false
}

// findDurations finds spans of time ("18 months", "a two-day meeting")
// and starts ("since 2002", "since first sending troops in late 2002").
func (lx *lexicon) findDurations(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case (tk.digits > 0 || isNumberWord(tk.lower) || tk.lower == "a" || tk.lower == "an") && !isYearWord(tk):
			for k := i + 1; k <= min(i+2, len(toks)-1); k++ {
				if lx.isTimeUnit(toks[k].lower) {
					v := strings.NewReplacer(",", "").Replace(tk.lower)
					if v == "a" || v == "an" {
						v = "" // "a year" is too vague to compare
					}
					out = append(out, answerSpot{tok: i, value: v})
					break
				}
			}
		case tk.lower == "since":
			for k := i + 1; k <= min(i+8, len(toks)-1); k++ {
				if isYearWord(toks[k]) || monthName(toks[k]) != "" {
					out = append(out, answerSpot{tok: k, value: toks[k].lower})
					break
				}
			}
		}
	}
	return out
}

// countsOther reports whether the figure at word i counts something the
// question does not name: "2,500 Canadian troops" when it asks about
// French ones.
// isHeadcount reports whether a sentence gives the strength of a body of
// people: a figure written with "-strong" ("a 43,000-strong force").
func isHeadcount(toks []textWord) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].lower == "strong" && toks[i-1].digits > 0 && toks[i-1].end == toks[i].start-1 {
			return true
		}
	}
	return false
}

// qualifiedOther reports whether the figure at word i is qualified by a
// word the question does not hold: "1,000 extra troops" or "1,000 troops
// needed" are not how many serve, "lost 127 soldiers" not how many were
// wounded.
func (lx *lexicon) qualifiedOther(s *passageSentence, matched [][]int, i int) bool {
	toks := s.toks
	for k := max(0, i-2); k <= min(i+2, len(toks)-1); k++ {
		if k == i || len(matched[k]) > 0 {
			continue
		}
		if a, b := min(i, k), max(i, k); strings.ContainsAny(s.text[toks[a].end:toks[b].start], ",;:()") {
			continue // "1,500 troops, based in Kabul": another clause
		}
		w := toks[k].lower
		switch {
		case isComparative(w):
			if !(w == "more" && k+1 < len(toks) && toks[k+1].lower == "than") {
				return true // "1,000 extra troops", not "more than 1,000"
			}
		case k < i && lx.is(w, wcPastForm) && !lx.is(w, wcSaying|wcFrequentVerb) && !(k > 0 && isDeterminer(toks[k-1].lower)) &&
			!(k+1 < i && isPlacePreposition(toks[k+1].lower)):
			// "lost 127 soldiers", not "an estimated 38,000", "said
			// 58,000 tickets", "had 12" or "stood at $2.9 billion".
			return true
		case k > i && lx.is(w, wcPastForm) && lx.is(w, wcAdjective) && !lx.is(w, wcPlacing) &&
			!(k+1 < len(toks) && (isDeterminer(toks[k+1].lower) || isPossessive(toks[k+1].lower))):
			// "1,000 troops needed", not "1,450 workers walked off",
			// "1,500 troops, based in Kabul" or "9,000 spectators
			// lined the harbour wall", a verb and its object.
			return true
		}
	}
	return false
}

// measuresOther reports whether the figure at word i is the size of a
// noun other than focus, the one the question counts: "a workforce of
// 2,900" is not how many pilots, "a crowd of 9,000 spectators" is how
// many spectators.
func (lx *lexicon) measuresOther(s *passageSentence, matched [][]int, i, focus int) bool {
	toks := s.toks
	if i < 2 || toks[i-1].lower != "of" || slices.Contains(matched[i-2], focus) || !lx.is(toks[i-2].lower, wcNoun) || toks[i-2].upper {
		return false
	}
	if i+1 < len(toks) && !strings.ContainsAny(s.text[toks[i].end:toks[i+1].start], ",;:") && lx.is(toks[i+1].lower, wcNoun) {
		return false // "a crowd of 9,000 spectators": what follows is counted
	}
	return true
}

func countsOther(toks []textWord, matched [][]int, i int) bool {
	for k := i + 1; k <= min(i+2, len(toks)-1); k++ {
		w := toks[k]
		if !w.upper && (strings.HasSuffix(w.lower, "ed") || isPlacePreposition(w.lower) || w.lower == "to") {
			return false // "18,347 filled Rogers Place": a verb, then its object; "17 to Fernhill General": where
		}
		if w.upper && w.letters >= 2 && monthName(w) == "" && len(matched[k]) == 0 {
			return true // "2,500 Canadian troops", "43,000-strong NATO-led force"
		}
	}
	return false
}

// servesOther reports whether the person at word i is of a country the
// question does not name: "French Defence Minister Herve Morin" when it
// asks who represented Canada.
func (lx *lexicon) servesOther(toks []textWord, matched [][]int, i int) bool {
	for k := max(0, i-3); k <= i; k++ {
		if lx.isNationality(toks[k].lower) && len(matched[k]) == 0 {
			return true
		}
	}
	return false
}

// assertsVerb reports whether s states the question's main verb as a fact:
// it holds it (or a synonym), not negated ("had taken no decision"), and,
// when the question asks about the past, not as a prospect ("will make a
// final decision").
func (e *Answerer) assertsVerb(q questionInfo, s *passageSentence) bool {
	t := q.terms[q.verb]
	if e.termCredit(s, t) < e.opt.SynonymCredit {
		return false
	}
	found := false
	for k, tk := range s.toks {
		if !tokenMatches(tk.lower, t) {
			continue
		}
		found = true
		if (q.negated || !negatedAt(s.toks, k)) && !(q.past && prospectAt(s.toks, k)) {
			return true
		}
	}
	return !found // held only as a glued word: take it as stated
}

// deniesVerb reports whether s holds the question's main verb only
// negated ("had taken no decision" for "who decided"), when the question
// does not negate it itself.
func deniesVerb(q questionInfo, s *passageSentence) bool {
	if q.verb < 0 || q.negated {
		return false
	}
	return denies(s, q.terms[q.verb])
}

// denies reports whether s holds t only negated: "no tsunami threat".
func denies(s *passageSentence, t qterm) bool {
	found := false
	for k, tk := range s.toks {
		if tokenMatches(tk.lower, t) {
			if !negatedAt(s.toks, k) {
				return false
			}
			found = true
		}
	}
	return found
}

// negatedAt reports whether word k is negated: a negation just before it
// ("no decision", "has not decided", "didn't decide") or, for a noun, in
// the verb just after it ("the choice has not been made").
func negatedAt(toks []textWord, k int) bool {
	isNot := func(i int) bool {
		switch w := toks[i].lower; {
		case w == "not", w == "never":
			return true
		case w == "t" && i > 0 && strings.HasSuffix(toks[i-1].lower, "n"):
			return true // "didn't": the apostrophe splits it
		}
		return false
	}
	for i := max(0, k-3); i < k; i++ {
		switch w := toks[i].lower; {
		case w == "no", w == "nor", w == "without", w == "yet", isNot(i):
			return true
		}
	}
	if k+2 < len(toks) && isAuxiliary(toks[k+1].lower) && isNot(k+2) {
		return true
	}
	return k+3 < len(toks) && isAuxiliary(toks[k+1].lower) && toks[k+2].lower == "n" && isNot(k+3)
}

// prospectAt reports whether a modal stands just before word k: "will
// make a final decision", "may decide", "would welcome a decision".
func prospectAt(toks []textWord, k int) bool {
	for i := max(0, k-4); i < k; i++ {
		switch toks[i].lower {
		case "will", "would", "may", "might", "shall", "should", "could", "ll":
			return true
		}
	}
	return false
}

// textWord is a word or number of a text.
type textWord struct {
	text    string
	lower   string
	start   int // byte offsets in the text split
	end     int
	letters int
	digits  int
	upper   bool // starts with a capital
	allCaps bool // two or more letters, all capitals
}

// splitWords splits text into words and numbers. Hyphens and apostrophes
// split words ("2,700-strong", "Canada's"), and so does a capital after
// three small letters, where wire copy lost a space ("capitalKabul"); a
// comma or point between digits stays inside the number ("2,500", "3.5").
func splitWords(text string) []textWord {
	var toks []textWord
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		t := textWord{text: w, lower: strings.ToLower(w), start: start, end: end, allCaps: true}
		for i, r := range w {
			switch {
			case unicode.IsLetter(r):
				t.letters++
				if i == 0 {
					t.upper = unicode.IsUpper(r)
				}
				if !unicode.IsUpper(r) {
					t.allCaps = false
				}
			case unicode.IsDigit(r):
				t.digits++
			}
		}
		t.allCaps = t.allCaps && t.letters >= 2
		toks = append(toks, t)
		start = -1
	}
	prevDigit, lowerRun := false, 0
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if lowerRun >= 3 && unicode.IsUpper(r) {
				flush(i) // a lost space: "capitalKabul", "theNATO", but not "MacKay"
			}
			if start < 0 {
				start = i
			}
			prevDigit = unicode.IsDigit(r)
			if unicode.IsLower(r) {
				lowerRun++
			} else {
				lowerRun = 0
			}
			continue
		case (r == ',' || r == '.') && prevDigit && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsDigit(next) {
				continue
			}
		}
		prevDigit, lowerRun = false, 0
		flush(i)
	}
	flush(len(text))
	return toks
}

// answerSpot is one thing of the kind a question asks for, at token tok.
type answerSpot struct {
	tok   int
	value string // normalised figure or date; "" when not comparable
	weak  bool   // only hints at the answer: a role or surname for "who"
}

// findKind finds in s what a question of kind k asks for.
func (lx *lexicon) findKind(q questionInfo, s *passageSentence) []answerSpot {
	switch {
	case q.want.clock:
		return findClockTimes(s.toks)
	case q.want.calendar:
		return findCalendarDates(s.toks)
	case q.duration && q.length:
		return append(lx.findDurations(s.toks), lx.findLengths(s.toks)...) // "how long is the route"
	case q.duration:
		return lx.findDurations(s.toks)
	case q.length:
		return lx.findLengths(s.toks) // "how far"
	case q.margin:
		return append(findMargins(s.toks), lx.findChanges(s.toks)...) // "by 9 dollars", "9 dollars more" (count.go)
	}
	switch q.kind {
	case kindPerson:
		return lx.findPeople(q, s)
	case kindNumber:
		return lx.findNumbers(s.toks)
	case kindDate:
		return lx.findDates(s.toks)
	case kindPlace:
		return lx.findPlaces(s)
	case kindReason:
		return lx.findReasons(s.toks)
	}
	return nil
}

// findMargins finds the differences a sentence gives: a quantity after
// "by" ("holding off Blue Heron by 42 seconds", "rose by 4 percent").
func findMargins(toks []textWord) []answerSpot {
	var out []answerSpot
	for i := 1; i < len(toks); i++ {
		if toks[i-1].lower != "by" {
			continue
		}
		if v, _ := numberAt(toks, i); v != "" {
			out = append(out, answerSpot{tok: i, value: v})
		}
	}
	return append(out, marginsAhead(toks)...) // "42 seconds ahead of"
}

// findPeople finds the people a sentence names, but not those the
// question names: a full name is the answer to "who", a role or a surname
// only a weak one.
func (lx *lexicon) findPeople(q questionInfo, s *passageSentence) []answerSpot {
	var out []answerSpot
	for _, n := range lx.namesIn(s) {
		if sn := n.surname(s.toks); !q.words[sn] {
			out = append(out, answerSpot{tok: n.first, weak: !n.full() && !s.fullNames[sn]})
		}
	}
	for i := range s.toks {
		if lx.isTitleAt(s, i) {
			out = append(out, answerSpot{tok: i, weak: true})
		}
	}
	return out
}

// isTitleAt reports whether word i of s names a person by an office or
// trade ("the minister", "Defence Minister Peter MacKay", "a welder"). A
// capitalised one last in a run of capitals may be a surname instead
// ("Stephen Harper", "John Smith"): it is a title only where the
// coverage also writes it in lower case.
func (lx *lexicon) isTitleAt(s *passageSentence, i int) bool {
	tk := s.toks[i]
	if !lx.isRole(tk.lower) {
		return false
	}
	if !tk.upper || s.common[tk.lower] {
		return true
	}
	return i+1 < len(s.toks) && isProperWord(s.toks[i+1]) && joinedBySpace(s.text, tk, s.toks[i+1])
}

func isProperWord(tk textWord) bool {
	return tk.upper && !tk.allCaps && tk.letters >= 2 && monthName(tk) == "" && !isWeekday(tk.lower)
}

func (lx *lexicon) findNumbers(toks []textWord) []answerSpot {
	var out []answerSpot
	skip := -1
	for i, tk := range toks {
		if i <= skip {
			continue
		}
		if i+1 < len(toks) && lx.isTimeUnit(toks[i+1].lower) {
			continue // "a two-day meeting" lasts, it counts nothing
		}
		switch {
		case tk.digits > 0 && tk.letters == 0:
			if isYearWord(tk) || i > 0 && (monthName(toks[i-1]) != "" || i > 1 && monthName(toks[i-2]) != "" && toks[i-1].digits > 0) {
				continue // a date, not a figure
			}
			out = append(out, answerSpot{tok: i, value: strings.NewReplacer(",", "").Replace(tk.text)})
		case isNumberWord(tk.lower) || numberWordValue(tk.lower) > 1:
			// "Fifty-six" is one number, 56, not "fifty".
			if v, end := numberAt(toks, i); end > i {
				out = append(out, answerSpot{tok: i, value: v})
				skip = end
				continue
			}
			out = append(out, answerSpot{tok: i, value: tk.lower})
		}
	}
	return out
}

func isYearWord(tk textWord) bool {
	if len(tk.text) != 4 || tk.digits != 4 {
		return false
	}
	y, err := strconv.Atoi(tk.text)
	return err == nil && y >= 1900 && y <= 2099
}

func isNumberWord(w string) bool {
	switch w {
	case "twice", "thrice", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
		"thousand", "thousands", "million", "millions", "dozen", "dozens", "half", "double":
		return true
	}
	return false
}

func (lx *lexicon) findDates(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case isYearWord(tk):
			out = append(out, answerSpot{tok: i, value: tk.text})
		case monthName(tk) != "":
			out = append(out, answerSpot{tok: i, value: monthName(tk)})
		case isWeekday(tk.lower):
			// Wire stories date every remark by weekday; it seldom answers "when".
			out = append(out, answerSpot{tok: i})
		case lx.isRelativeDate(tk.lower):
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}

// monthName returns the month a capitalised word names, also when a missing
// space glued it to the next word ("Februaryunless"). A glued word must go
// on for five letters or more: names that begin with a month ("Mayor",
// "Marchetti", "Augustine", "Junes") do not name one.
func monthName(tk textWord) string {
	if !tk.upper {
		return ""
	}
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if tk.lower == m || strings.HasPrefix(tk.lower, m) && len(tk.lower) >= len(m)+5 ||
			len(tk.lower) == 3 && tk.lower == m[:3] && m != "may" {
			return m
		}
	}
	if tk.lower == "sept" {
		return "september"
	}
	return ""
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func (lx *lexicon) findPlaces(s *passageSentence) []answerSpot {
	var out []answerSpot
	toks := s.toks
	if len(toks) > 1 && toks[0].allCaps && strings.Contains(s.text[:min(len(s.text), 40)], "(") {
		out = append(out, answerSpot{tok: 0, value: toks[0].lower}) // dateline: "VILNIUS (Reuters) -"
	}
	for i, tk := range toks {
		if !isPlacePreposition(tk.lower) {
			continue
		}
		// "in Kandahar", "in the capital Kabul", "at the southern city
		// of Kandahar": a capitalised word after words that describe a
		// place, but not "to help Canada".
		for k := i + 1; k < min(len(toks), i+5); k++ {
			if isProperWord(toks[k]) {
				if !lx.isNationality(toks[k].lower) {
					out = append(out, answerSpot{tok: k, value: toks[k].lower})
				}
				break
			}
			if !isDeterminer(toks[k].lower) && !lx.isPlaceWord(toks[k].lower) && toks[k].lower != "of" {
				break
			}
		}
	}
	return out
}

func isPlacePreposition(w string) bool {
	switch w {
	case "in", "at", "from", "near", "to", "outside", "inside", "into", "across", "around":
		return true
	}
	return false
}

func (lx *lexicon) findReasons(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch tk.lower {
		case "because", "since", "due", "so", "too", "must", "need", "needs", "needed", "order", "unless", "if":
			out = append(out, answerSpot{tok: i}) // conjunctions and modals of cause and need
		default:
			if lx.is(tk.lower, wcMotive) && !tk.upper {
				out = append(out, answerSpot{tok: i}) // "the reason", "requirements"
			}
		}
	}
	return out
}

// personName is a person a sentence names: words first..last of its
// tokens, the name proper without the title before it.
type personName struct {
	first, last int
	titled      bool // a title stands before it ("Foreign Minister Lawrence Cannon")
	speaker     bool // a reporting verb follows it ("Appathurai said"): the source, not the subject
}

func (n personName) full() bool { return n.last > n.first }

// surname returns the last word of the name, lower-cased.
func (n personName) surname(toks []textWord) string { return toks[n.last].lower }

// namesIn finds the people a sentence names: runs of capitalised words,
// written next to each other, after any title or nationality that leads
// them ("French Foreign Minister Bernard Kouchner" -> "Bernard Kouchner").
// A single word is kept as a surname ("Sarkozy"); places also pass for
// names here, which callers allow for.
func (lx *lexicon) namesIn(s *passageSentence) []personName {
	text, toks := s.text, s.toks
	var out []personName
	for i := 0; i < len(toks); {
		if !isProperWord(toks[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && (isProperWord(toks[j+1]) || namedLikeMonth(toks[j+1])) && joinedBySpace(text, toks[j], toks[j+1]) {
			j++
		}
		n := personName{first: i, last: j}
		if j > i && lx.isOrgWord(toks[j].lower) {
			i = j + 1
			continue // "Defence Ministry", "Kestrel Bay", but not "Fire Chief Dana Okafor"
		}
		for k := i; k <= j; k++ {
			title := lx.isTitleAt(s, k)
			if title || isHonorific(toks[k].lower) || lx.isNationality(toks[k].lower) || lx.isFunctionWord(toks[k].lower) {
				n.first = k + 1
				n.titled = n.titled || title || isHonorific(toks[k].lower)
			}
		}
		for k := max(0, i-3); k < i && !n.titled; k++ {
			n.titled = lx.isTitleAt(s, k)
		}
		if j+1 < len(toks) && lx.isReportingVerb(toks[j+1].lower) ||
			j+2 < len(toks) && text[toks[j].end:toks[j+1].start] == ", " && lx.isReportingVerb(toks[j+2].lower) {
			n.speaker = true
		}
		if n.first <= n.last && !(n.first == 0 && !n.speaker && !n.full()) {
			out = append(out, n)
		}
		i = j + 1
	}
	return out
}

// namedLikeMonth reports a name that begins as a month does
// ("Marchetti", "Augustine"), which monthName takes for a month glued to
// the next word ("Februaryunless"): after a first name it is a surname.
func namedLikeMonth(tk textWord) bool {
	m := monthName(tk)
	return m != "" && !tk.allCaps && len(tk.lower) > len(m)
}

// endsInMonth reports whether the name n ends in a month ("on Thursday,
// March"): no person, unless a first name stands before what only begins
// as a month ("Lucien Marchetti").
func (n personName) endsInMonth(toks []textWord) bool {
	return monthName(toks[n.last]) != "" && !(n.last > n.first && namedLikeMonth(toks[n.last]))
}

// joinedBySpace reports whether two words are separated by one space or a
// hyphen only, as the words of one name are.
func joinedBySpace(text string, a, b textWord) bool {
	gap := text[a.end:b.start]
	return gap == " " || gap == "-"
}
