package extractive

// This file decides whether two figures are written in the same measure,
// however each report words it: a sum with a sign or a currency's name
// ("$52 million", "48 million dollars"), a scale run on ("€15m",
// "2.3bn"), a count of a noun or of one of its kinds ("350 jobs", "400
// positions"), or a count whose noun is the other's verb ("seats 220
// people", "a 240-seat dome"; "employs 65 people", "65 employees").

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// currencyName is the name of the currency a sign stands for, so that a
// sum written with the sign and one written with the name compare: a
// closed class. Signs shared by several currencies ("C$", "A$") keep
// their prefix.
func currencyName(sign string) string {
	switch sign {
	case "$":
		return "dollar"
	case "€":
		return "euro"
	case "£":
		return "pound"
	case "¥":
		return "yen"
	}
	return sign
}

// scaledFigure reads a figure with its scale run on ("15m", "2.3bn",
// "40k"), as sums are written in headlines and British copy: its value,
// and whether the scale reads so only for money ("15m" after a count
// is fifteen metres).
func scaledFigure(tk textWord) (v float64, moneyOnly, ok bool) {
	if tk.digits == 0 || tk.letters == 0 {
		return 0, false, false
	}
	i := strings.IndexFunc(tk.lower, func(r rune) bool { return r >= 'a' && r <= 'z' })
	num, suffix := strings.ReplaceAll(tk.lower[:i], ",", ""), tk.lower[i:]
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, false, false
	}
	switch suffix {
	case "bn":
		return f * 1e9, false, true
	case "m", "mn":
		return f * 1e6, true, true
	case "k":
		return f * 1e3, true, true
	}
	return 0, false, false
}

// governor is the word right before a figure that has it as its object
// ("seats 220", "employs about 65", "cut 350"), skipping what only
// qualifies the figure ("about", "some", "the"): its lemma, or "".
func (lx *lexicon) governor(s *passageSentence, first int) string {
	for k := first - 1; k >= max(0, first-3); k-- {
		w := s.toks[k]
		if w.letters == 0 || w.upper && k > 0 {
			return ""
		}
		if isNounMarker(w.lower) || lx.pos(w.lower) == wcAdverb || isApproximator(w.lower) {
			continue
		}
		if lx.th == nil || !lx.verbAt(s.toks, k) {
			return ""
		}
		return w.lower
	}
	return ""
}

// isApproximator reports the words that qualify a figure ("about 65",
// "some 340", "up to 400"): a closed class.
func isApproximator(w string) bool {
	switch w {
	case "about", "around", "some", "nearly", "almost", "roughly", "over", "under", "up", "to", "than", "more", "less", "fewer":
		return true
	}
	return false
}

// sameMeasure reports whether two counts count the same thing, however
// the reports word it: the same counted noun, both people, nouns one a
// synonym or a kind of the other ("jobs", "positions"), or the noun of
// one the verb that takes the other ("seats 220 people", "240 seats").
func (lx *lexicon) sameMeasure(a, b mention) bool {
	switch {
	case a.unit == b.unit, a.people && b.people:
		return true
	case lx.th == nil:
		return false
	}
	if a.noun != "" && b.noun != "" && lx.relatedNouns(a.noun, b.noun) {
		return true
	}
	return a.noun != "" && lx.verbOf(b.verb, a.noun) || b.noun != "" && lx.verbOf(a.verb, b.noun)
}

// relatedNouns reports two nouns of one thing: the same lemma, synonyms,
// or one a kind of the other one level down ("job", "position").
func (lx *lexicon) relatedNouns(x, y string) bool {
	for _, lx1 := range lx.th.Lemmas(x) {
		for _, ly := range lx.th.Lemmas(y) {
			if lx1 == ly {
				return true
			}
			for _, w := range lx.th.Related(lx1, thesaurus.Synonym) {
				if w == ly {
					return true
				}
			}
			for _, w := range lx.th.Hyponyms(lx1) {
				if w == ly {
					return true
				}
			}
			for _, w := range lx.th.Hyponyms(ly) {
				if w == lx1 {
					return true
				}
			}
		}
	}
	return false
}

// verbOf reports whether verb, the word taking a figure, is noun or is
// derived from it: "seats" and "seat", "employs" and "employee".
func (lx *lexicon) verbOf(verb, noun string) bool {
	if verb == "" {
		return false
	}
	for _, lv := range lx.th.Lemmas(verb) {
		for _, ln := range lx.th.Lemmas(noun) {
			if lv == ln {
				return true
			}
			for _, d := range lx.th.Related(ln, thesaurus.Derived) {
				if d == lv {
					return true
				}
			}
		}
	}
	return false
}

// verbAt reports whether word k is read as a verb: mostly a verb, or one
// with a sense of a verb ("seats", "houses") that follows no determiner
// or figure, which would make it a noun ("every show", "220 people").
func (lx *lexicon) verbAt(toks []textWord, k int) bool {
	w := toks[k].lower
	if k > 0 {
		prev := toks[k-1]
		if isNounMarker(prev.lower) || prev.digits > 0 || numberWordValue(prev.lower) > 0 {
			return false
		}
	}
	return lx.pos(w) == wcVerb || lx.is(w, wcHasVerb)
}

// isNounMarker reports the determiners and possessives that open a noun
// phrase ("every show", "its dome"): a closed class.
func isNounMarker(w string) bool {
	switch w {
	case "the", "a", "an", "every", "each", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "no", "any", "some":
		return true
	}
	return false
}

// nounWord reports a word that is mostly a noun, or the plural of one
// ("farms", "jobs", "films"), which WordNet lists by its lemma only.
func (lx *lexicon) nounWord(w string) bool {
	switch p := lx.pos(w); {
	case p == wcNoun:
		return true
	case p != 0 || lx.th == nil || !strings.HasSuffix(w, "s"):
		return false
	}
	for _, l := range lx.th.Lemmas(w) {
		if l != w && lx.pos(l) == wcNoun {
			return true
		}
	}
	return false
}

// givesQuantityOf reports whether s gives, in any wording, a quantity
// that other gives where it answers with one of values: "$1.2 billion"
// and "1,200 million dollars", "€15m" and "15 million euros" are one
// figure, whose digits ("1.2", "1200") alone differ.
func (lx *lexicon) givesQuantityOf(s, other *passageSentence, values []string, terms func(string) []string) bool {
	theirs := lx.mentions(s, terms)
	for _, m := range lx.mentions(other, terms) {
		if m.kind == qDate || m.value <= 0 || !answersIn(other, m, values) {
			continue
		}
		for _, o := range theirs {
			if o.kind == m.kind && sameValue(o, m) && (m.kind != qMoney || o.unit == m.unit) {
				return true
			}
		}
	}
	return false
}

// answersIn reports whether mention m of s holds one of values, the
// figures an answer gives, by its digits.
func answersIn(s *passageSentence, m mention, values []string) bool {
	for k := m.first; k <= m.last; k++ {
		d := strings.ReplaceAll(s.toks[k].text, ",", "")
		if slices.Contains(values, d) {
			return true
		}
	}
	return false
}
