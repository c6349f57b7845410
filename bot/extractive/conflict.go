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
const maxConflicts = 8

// Thresholds of sameness. Two sentences report the same thing when they
// share this share of their content terms (Jaccard) and count the same
// noun; near duplicates (wire copies) share far more, and then any
// number, date or name that differs between them is a disagreement.
const (
	sameReport    = 0.3
	nearDuplicate = 0.6
)

// figure is a count a sentence gives: its value and the nouns it counts.
type figure struct {
	value string          // normalised: "4", "1100"
	text  string          // as written: "Four", "1,100"
	nouns map[string]bool // stems of the words that follow it
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
	var found []conflict
	seen := make(map[string]bool)
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			x, y := all[i], all[j]
			if x.info == y.info || x.s.headline != y.s.headline || x.s.headline {
				continue
			}
			sim := jaccard(x.terms, y.terms)
			if sim < sameReport {
				continue
			}
			var va, vb string
			if sim >= nearDuplicate {
				va, vb = differingSpan(x.s.toks, y.s.toks)
			}
			if va == "" {
				va, vb = differingFigure(x.figs, y.figs)
			}
			if va == "" {
				continue
			}
			key := strings.ToLower(min(va, vb) + "\x00" + max(va, vb))
			if seen[key] {
				continue
			}
			seen[key] = true
			found = append(found, conflict{a: x.s, b: y.s, va: va, vb: vb})
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
func differingSpan(a, b []textWord) (string, string) {
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
	return span(a[i:ja], joinText(a)), span(b[i:jb], joinText(b))
}

// joinText rebuilds the text the words were split from, far enough for
// their offsets: the words carry their own.
func joinText(ts []textWord) string {
	if len(ts) == 0 {
		return ""
	}
	var b strings.Builder
	for _, t := range ts {
		for b.Len() < t.start {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// differingFigure returns two counts of the same nouns that differ, one of
// each sentence, when neither sentence also gives the other's value.
func differingFigure(a, b []figure) (string, string) {
	has := func(fs []figure, v string) bool {
		return slices.ContainsFunc(fs, func(f figure) bool { return f.value == v })
	}
	for _, x := range a {
		for _, y := range b {
			if x.value == y.value || has(a, y.value) || has(b, x.value) || !shareNoun(x.nouns, y.nouns) {
				continue
			}
			return x.text, y.text
		}
	}
	return "", ""
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
		f := figure{value: v, text: s.text[toks[i].start:toks[end].end], nouns: make(map[string]bool)}
		for k := end + 1; k < min(len(toks), end+4); k++ {
			for _, t := range e.terms.Terms(toks[k].text) {
				f.nouns[t] = true
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
