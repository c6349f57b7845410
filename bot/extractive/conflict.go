package extractive

// This file finds what the articles of the coverage give differently:
// the same count, date or name in two reports of the same thing.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
)

// maxConflicts is the most disagreements one answer lists.
const maxConflicts = 12

// Thresholds of sameness. Two sentences report the same thing when they
// share this share of their content terms (Jaccard) and count the same
// noun; near duplicates (wire copies) share far more, and then any
// number, date or name that differs between them is a disagreement.
const (
	sameReport    = 0.2
	nearDuplicate = 0.6
)

// maxPosting is the most sentences a term may be in to bring pairs
// together: commoner terms ("said", the name of the story's city) are in
// too many sentences to tell reports apart.
const maxPosting = 200

// figure is a count a sentence gives: its value and the nouns it counts.
type figure struct {
	value   string          // normalised: "4", "1100"
	text    string          // as written: "Four", "1,100"
	nouns   map[string]bool // stems of the words that follow it
	context map[string]bool // stems of the words around it
}

// conflict is one disagreement between two articles.
type conflict struct {
	a, b   *passageSentence
	va, vb string
}

// disagreements lists the figures, dates and names the articles give
// differently for the same thing, each side cited with its article's date.
func (e *Answerer) disagreements(articles []coverageArticle, c *citer) string {
	type sent struct {
		s     *passageSentence
		terms map[string]bool
		figs  []figure
		info  int // index of its article
	}
	var all []sent
	for i, a := range articles {
		for _, s := range a.sents {
			if s.byline || s.caption {
				continue
			}
			all = append(all, sent{s: s, terms: contentTerms(s), figs: figuresIn(s, e), info: i})
		}
	}
	// The figures each article gives anywhere: an article that gives
	// both values knows they are of different things.
	given := make([]map[string]bool, len(articles))
	for i := range given {
		given[i] = make(map[string]bool)
	}
	for _, x := range all {
		for _, f := range x.figs {
			given[x.info][f.value] = true
		}
	}
	// Candidate pairs share terms; an inverted index finds them without
	// comparing every sentence with every other, and skips the terms so
	// common that they tell no report from another.
	post := make(map[string][]int)
	for i, x := range all {
		if x.s.headline {
			continue
		}
		for t := range x.terms {
			post[t] = append(post[t], i)
		}
	}
	var found []conflict
	seen := make(map[string]bool)
	shared := make(map[int]int)
	for i := range all {
		x := all[i]
		if x.s.headline {
			continue
		}
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
		cands := make([]int, 0, len(shared))
		for j, n := range shared {
			if n >= 2 {
				cands = append(cands, j)
			}
		}
		slices.Sort(cands)
		for _, j := range cands {
			y := all[j]
			sim := jaccard(x.terms, y.terms)
			if sim < sameReport {
				continue
			}
			var values [][2]string
			if sim >= nearDuplicate {
				if va, vb := differingSpan(x.s, y.s); va != "" {
					values = append(values, [2]string{va, vb})
				}
			}
			if len(values) == 0 {
				hasX := func(v string) bool { return given[x.info][v] }
				hasY := func(v string) bool { return given[y.info][v] }
				values = differingFigure(x.figs, y.figs, hasX, hasY)
			}
			for _, v := range values {
				key := strings.ToLower(min(v[0], v[1]) + "\x00" + max(v[0], v[1]))
				if seen[key] {
					continue
				}
				seen[key] = true
				found = append(found, conflict{a: x.s, b: y.s, va: v[0], vb: v[1]})
			}
		}
	}
	if len(found) == 0 {
		return "The articles do not give different figures, dates or names for the same thing, as far as they can be compared sentence by sentence."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The sources differ on %d %s:", min(len(found), maxConflicts), plural(min(len(found), maxConflicts), "point", "points"))
	for _, f := range found[:min(len(found), maxConflicts)] {
		older, newer := f.a, f.b
		if newer.date.Before(older.date) {
			older, newer = newer, older
		}
		fmt.Fprintf(&b, "\n- %s vs %s: %s (%s) says: %s %s %s (%s) says: %s %s",
			valueOf(f, older), valueOf(f, newer),
			articleName(articles, older), bot.DateLabel(older.date), quote(older), c.cite(older),
			laterWord(older, newer), bot.DateLabel(newer.date), quote(newer), c.cite(newer))
	}
	return b.String()
}

func valueOf(f conflict, s *passageSentence) string {
	if s == f.a {
		return f.va
	}
	return f.vb
}

// laterWord introduces the second side of a disagreement: which report is
// newer, when their dates say so.
func laterWord(older, newer *passageSentence) string {
	switch {
	case older.date.IsZero() || newer.date.IsZero():
		return "Another report"
	case newer.date.After(older.date):
		return "A later report"
	}
	return "A report of the same day"
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
	a, b := sa.toks, sb.toks
	i := 0
	for i < len(a) && i < len(b) && a[i].lower == b[i].lower {
		i++
	}
	ja, jb := len(a), len(b)
	for ja > i && jb > i && a[ja-1].lower == b[jb-1].lower {
		ja, jb = ja-1, jb-1
	}
	if i == len(a) && i == len(b) || ja-i > 3 || jb-i > 3 || ja == i || jb == i {
		return "", ""
	}
	telling := func(ts []textWord) bool {
		return slices.ContainsFunc(ts, func(t textWord) bool {
			return t.digits > 0 || t.upper || isNumberWord(t.lower) || numberWordValue(t.lower) > 0
		})
	}
	if !telling(a[i:ja]) || !telling(b[i:jb]) {
		return "", ""
	}
	span := func(ts []textWord, text string) string { return text[ts[0].start:ts[len(ts)-1].end] }
	return span(a[i:ja], sa.text), span(b[i:jb], sb.text)
}

// differingFigure returns two counts of the same thing that differ, one
// of each sentence: they count the same noun, and the words around them
// agree most of all the pairs ("a depth of 10 kilometres" and "a depth of
// 12 kilometres", not "14 kilometres south"). It returns "" when the
// other article also gives a value (in has): then it knows both figures,
// which are of different things ("seeking 12 percent", "offered 7").
func differingFigure(a, b []figure, hasA, hasB func(string) bool) [][2]string {
	type pair struct {
		x, y   int
		shared int
	}
	var pairs []pair
	for i, x := range a {
		for j, y := range b {
			if x.value == y.value || !shareNoun(x.nouns, y.nouns) {
				continue
			}
			if shared := sharedCount(x.context, y.context); shared >= figureAgreement {
				pairs = append(pairs, pair{i, j, shared})
			}
		}
	}
	// Best agreeing pairs first, each figure in one pair at most.
	slices.SortStableFunc(pairs, func(p, q pair) int { return q.shared - p.shared })
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out [][2]string
	for _, p := range pairs {
		if usedA[p.x] || usedB[p.y] {
			continue
		}
		usedA[p.x], usedB[p.y] = true, true
		if hasA(b[p.y].value) || hasB(a[p.x].value) {
			continue
		}
		out = append(out, [2]string{a[p.x].text, b[p.y].text})
	}
	return out
}

// figureContext is how many words either side of a figure say what it
// counts; figureAgreement how many of them two figures must share.
const (
	figureContext   = 3
	figureAgreement = 2
)

func sharedCount(a, b map[string]bool) int {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return n
}

func shareNoun(a, b map[string]bool) bool {
	for t := range a {
		if b[t] {
			return true
		}
	}
	return false
}

// figuresIn finds the counts a sentence gives, in figures or words
// ("Four workers", "1,100 bus drivers", "Twenty-one other workers"), with
// the stems of the three words after each: what it counts.
func figuresIn(s *passageSentence, e *Answerer) []figure {
	toks := s.toks
	var out []figure
	for i := 0; i < len(toks); i++ {
		v, end := numberAt(toks, i)
		if v == "" {
			continue
		}
		if isYearWord(toks[i]) || i > 0 && monthName(toks[i-1]) != "" {
			i = end
			continue // a date, not a count
		}
		f := figure{value: v, text: s.text[toks[i].start:toks[end].end], nouns: make(map[string]bool), context: make(map[string]bool)}
		for k := max(0, i-figureContext); k < min(len(toks), end+1+figureContext); k++ {
			if k >= i && k <= end || toks[k].digits > 0 {
				continue
			}
			for _, t := range e.terms.Terms(toks[k].text) {
				if k > end && k < end+4 {
					f.nouns[t] = true
				}
				f.context[t] = true
			}
		}
		out = append(out, f)
		i = end
	}
	return out
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
	end := i
	for k := i + 1; k < len(toks); k++ {
		w := numberWordValue(toks[k].lower)
		switch {
		case w == 0:
		case w == 100 || w == 1000 || w == 1000000:
			v *= w
			end = k
			continue
		case w < 10 && v >= 20 && v%10 == 0:
			v += w // "twenty-one"
			end = k
			continue
		}
		break
	}
	return strconv.Itoa(v), end
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
