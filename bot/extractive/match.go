package extractive

// This file matches a question term in a sentence: by its stem, forms,
// synonyms and more general words, an acronym, or the file name.

import (
	"path"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
)

// termCredit says how well s holds t: 1 for the term itself (also glued to
// a neighbouring word, as in "peacekeepingmission"), SynonymCredit for a
// synonym, 0 otherwise.
func (e *Answerer) termCredit(s *passageSentence, t qterm) float64 {
	lx := e.lexicon
	if s.holds(t.stem) || gluedIn(s.lower, t.prefix, t.name) {
		return 1
	}
	if t.name && s.fileNames[t.stem] {
		return 1 // a file named for its speaker or subject: every sentence is theirs
	}
	for _, f := range t.forms {
		if s.terms[f] {
			return 1
		}
	}
	for _, o := range t.syn {
		if s.holds(o) || !strings.Contains(o, " ") && gluedIn(s.lower, strings.TrimSuffix(o, "i"), false) {
			return e.opt.SynonymCredit
		}
		// A title of three words or more goes without its last:
		// "Chief Executive" is the chief executive officer; a place
		// is its ordinal: "finished second" is the second best.
		ws := strings.Fields(o)
		if len(ws) >= 3 && s.holds(strings.Join(ws[:len(ws)-1], " ")) {
			return e.opt.SynonymCredit
		}
		if n := ordinalValue(ws[0]); len(ws) == 2 && n >= 2 && (s.terms[ordinalTerm(n)] || t.head && s.terms[placeTerm(n)]) {
			return e.opt.SynonymCredit
		}
	}
	if t.acronym && abbreviates(t.stem, s.toks) {
		return 1 // "NDP": the New Democratic Party
	}
	if t.measured == measureUnit && !t.head && lx.measures(s, t) {
		// "Weighs 4.2 tonnes" for "heavy": less than the word itself
		// (unitkind.go); for the noun asked ("how much power"), as much.
		return e.opt.SynonymCredit / 2
	}
	if t.measured != measureNone && lx.measures(s, t) {
		return e.opt.SynonymCredit // "42 seconds ahead of" is the winning margin
	}
	if t.ofEdition && s.ofYears(t.years) {
		return e.opt.SynonymCredit // a report of 2022 tells of the fifth edition, 2022's
	}
	if t.amount && lx.mentionsMoney(s) && len(lx.findNumbers(s.toks)) > 0 {
		return e.opt.SynonymCredit // "a C$600 million bridge" is what it costs
	}
	if t.when && slices.ContainsFunc(lx.findDates(s.toks), func(a answerSpot) bool { return a.value != "" }) {
		return e.opt.SynonymCredit // "construction in 2026" is when it starts
	}
	if !t.name && len(t.stem) > derivedLen && !strings.Contains(t.stem, " ") {
		// A word of the same family, shorter: "oppos" (opposed) for
		// "opposit" (opposition), "elect" for "elector".
		for st := range s.terms {
			if len(st) >= derivedLen && len(st) < len(t.stem) && strings.HasPrefix(t.stem, st) {
				return e.opt.SynonymCredit
			}
		}
	}
	if s.caption && lx.isPictureWord(t.word) {
		return 1 // a caption is about its picture
	}
	if t.role && slices.ContainsFunc(s.toks, func(tk textWord) bool { return lx.isRole(tk.lower) && !tk.upper }) {
		return e.opt.SynonymCredit // "which official": the spokesperson
	}
	return 0
}

// general returns t without its hyponyms.
func (t qterm) general() qterm {
	t.syn = slices.DeleteFunc(slices.Clone(t.syn), func(o string) bool { return slices.Contains(t.hypo, o) })
	return t
}

// derivedLen is the least length of a stem that begins a longer one of
// the same family: shorter ones ("con", "pres") begin unrelated words.
const derivedLen = 5

// abbreviates reports whether acronym (lower-cased, "ndp") is the
// initials of a run of capitalised words of toks ("New Democratic Party"),
// skipping the small words inside it ("Bank of Canada" for "boc").
func abbreviates(acronym string, toks []textWord) bool {
	for i := range toks {
		k, j := 0, i
		for j < len(toks) && k < len(acronym) {
			tk := toks[j]
			if j > i && (tk.lower == "of" || tk.lower == "and" || tk.lower == "for" || tk.lower == "the") {
				if tk.lower[0] == acronym[k] {
					k++ // "BoC": the small word has its letter
				}
				j++
				continue
			}
			if !tk.upper || tk.lower[0] != acronym[k] {
				break
			}
			k, j = k+1, j+1
		}
		if k == len(acronym) && j-i > 1 {
			return true
		}
	}
	return false
}

// fileNameStems returns the stems of the words of a file's base name,
// which archives often name for the speaker or subject
// ("1862_abraham_lincoln_r.txt", "2008-02-22-harper-troops.txt").
func fileNameStems(source string) map[string]bool {
	base := path.Base(source)
	base = strings.TrimSuffix(base, path.Ext(base))
	out := make(map[string]bool)
	for _, t := range retrieval.Terms(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(base)) {
		out[t] = true
	}
	return out
}

// holds reports whether s holds the stem, or every stem of a phrase ("prime
// minist").
func (s *passageSentence) holds(stem string) bool {
	if !strings.Contains(stem, " ") {
		return s.terms[stem]
	}
	for _, p := range strings.Fields(stem) {
		if !s.terms[p] {
			return false
		}
	}
	return true
}

// gluedIn reports whether stem occurs inside text. Wire copy loses spaces
// at line ends ("peacekeepingmission", "strongNATO-led"); long stems and
// names are distinctive enough to be found inside a glued word.
func gluedIn(lower, stem string, name bool) bool {
	return (len(stem) >= 5 || name && len(stem) >= 4) && strings.Contains(lower, stem)
}

// tokenMatches reports whether a word of a sentence stands for t; it is
// used to find what lies next to the question's terms.
func tokenMatches(lower string, t qterm) bool {
	if lower == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(lower, t.prefix) {
		return true
	}
	if gluedIn(lower, t.prefix, t.name) {
		return true
	}
	related := func(o string) bool {
		for _, p := range strings.Fields(o) { // any word of a phrase
			if lower == p || len(p) >= 4 && strings.HasPrefix(lower, strings.TrimSuffix(p, "i")) {
				return true
			}
		}
		return false
	}
	return related(t.stem) || slices.ContainsFunc(t.forms, related) || slices.ContainsFunc(t.syn, related)
}
