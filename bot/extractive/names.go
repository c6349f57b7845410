package extractive

// This file finds a person's name spelt differently by reports of the
// same days ("Gwen Talbot" and "Gwen Tabor" leading the same rescue):
// one of them is wrong, a disagreement as much as a figure is; and
// lets a surname stand for the full name another report gives.

import (
	"slices"

	"github.com/newsbot/newsbot/retrieval"
)

// spelling is one full name as an article writes it.
type spelling struct {
	given, surname string // lower-cased
	text           string // as written: "Gwen Talbot"
	s              *passageSentence
	art            int
}

// maxSpellingEdits is the most letters two spellings of one surname (or
// given name) differ by: a slip of the keys, not another family.
const maxSpellingEdits = 2

// minSpelling is the fewest letters a name needs for a spelling slip to
// be told from another name ("Tabor" and "Talbot", not "Li" and "Lu").
const minSpelling = 4

// nameConflicts finds the full names that reports of the same days give
// with one part the same and the other spelt differently, neither
// report writing the other's spelling anywhere.
func (e *Answerer) nameConflicts(articles []coverageArticle) []conflict {
	var all []spelling
	written := make([]map[string]bool, len(articles)) // every capitalised word of each article
	for i, a := range articles {
		written[i] = make(map[string]bool)
		for _, s := range a.sents {
			for _, tk := range s.toks {
				if tk.upper {
					written[i][tk.lower] = true
				}
			}
			if s.byline || s.caption || s.headline {
				continue
			}
			for _, n := range e.lexicon.namesIn(s) {
				if n.last != n.first+1 || e.lexicon.is(s.toks[n.last].lower, wcPlaceName) {
					continue // "Gwen Talbot": a given name and a surname
				}
				all = append(all, spelling{
					given: s.toks[n.first].lower, surname: s.toks[n.last].lower,
					text: s.text[s.toks[n.first].start:s.toks[n.last].end], s: s, art: i,
				})
			}
		}
	}
	var found []conflict
	seen := make(map[string]bool)
	for i, x := range all {
		for _, y := range all[i+1:] {
			if x.art == y.art || !sameDaysReports(articles[x.art], articles[y.art]) {
				continue
			}
			var a, b string // the parts that differ
			switch {
			case x.given == y.given && x.surname != y.surname:
				a, b = x.surname, y.surname
			case x.surname == y.surname && x.given != y.given:
				a, b = x.given, y.given
			default:
				continue
			}
			if len(a) < minSpelling || len(b) < minSpelling || retrieval.EditDistance(a, b, maxSpellingEdits) > maxSpellingEdits ||
				written[x.art][b] || written[y.art][a] {
				continue
			}
			key := min(x.text, y.text) + "\x00" + max(x.text, y.text)
			if seen[key] {
				continue
			}
			seen[key] = true
			found = append(found, conflict{a: x.s, b: y.s, va: x.text, vb: y.text, score: minConflict + 1})
		}
	}
	return found
}

// givenOf holds the given names the passages write with each surname:
// for the whole coverage retrieved and per article.
type givenOf struct {
	all   map[string]map[string]bool            // surname -> given names
	bySrc map[string]map[string]map[string]bool // source -> surname -> given names
}

// givenNames reads the full names of the passages, when the question
// gives a given name ("What did Ruth Ashby say?").
func (e *Answerer) givenNames(q questionInfo, sents []*passageSentence) givenOf {
	g := givenOf{all: map[string]map[string]bool{}, bySrc: map[string]map[string]map[string]bool{}}
	if !slices.ContainsFunc(q.terms, func(t qterm) bool { return t.given }) {
		return g
	}
	put := func(m map[string]map[string]bool, sn, gn string) {
		if m[sn] == nil {
			m[sn] = map[string]bool{}
		}
		m[sn][gn] = true
	}
	for _, s := range sents {
		for _, n := range e.lexicon.namesIn(s) {
			if !n.full() {
				continue
			}
			sn, gn := n.surname(s.toks), s.toks[n.first].lower
			put(g.all, sn, gn)
			if g.bySrc[s.source] == nil {
				g.bySrc[s.source] = map[string]map[string]bool{}
			}
			put(g.bySrc[s.source], sn, gn)
		}
	}
	return g
}

// credit is the credit of the given name t in s, which writes only the
// surname after it: that of the surname, when another report gives the
// person in full with that given name and s's article gives no full name
// with the surname. A report names "Ashby" once another has introduced Ruth
// Ashby; a question naming her in full asks about both.
func (g givenOf) credit(e *Answerer, q questionInfo, t qterm, s *passageSentence) float64 {
	sn := nextName(q, t)
	if sn == "" || !g.all[sn][t.word] {
		return 0
	}
	if len(g.bySrc[s.source][sn]) > 0 {
		// An article that gives the name in full holds it already, or
		// names another ("Kit Oakes" in an article on Maren Oakes's
		// brother).
		return 0
	}
	for _, u := range q.terms {
		if u.word == sn && u.name {
			return e.termCredit(s, u)
		}
	}
	return 0
}

// sameDaysReports reports whether two articles are of the same days:
// dated at most sameDays apart, or one undated (a copy, most often).
func sameDaysReports(a, b coverageArticle) bool {
	da, db := a.info.Date, b.info.Date
	return da.IsZero() || db.IsZero() || absDays(da.Sub(db).Hours()/24) <= sameDays
}
