package extractive

// This file reads numbered names: "Lumen-2", "Unit 3", "TRIAL-2",
// "version 2", "Line 4". The number tells one of a series from the
// others, so a question about Lumen-2 is answered only where Lumen-2 is
// meant: a sentence about Lumen-3 answers another question, however many
// words it shares with this one.

import (
	"strconv"
	"strings"
)

// numberedSpot is a name with its number, at token at (the number).
type numberedSpot struct {
	word string // the name, lower case
	n    int
	at   int
}

// term is the sentence term standing for the numbered name: one key for
// the name and its number, however they are joined ("Lumen-2", "Lumen 2").
func (sp numberedSpot) term() string { return numberedKey + sp.word + "#" + strconv.Itoa(sp.n) }

// numberedKey begins the terms of numbered names: no word begins so.
const numberedKey = "\x03"

// numberedIn finds the numbered names of toks, split from text: a word
// joined to a number of at most three digits by a hyphen ("Lumen-2"), or
// a capitalised word before one ("Unit 3"), or a noun before one that
// ends its phrase ("in version 2 of the app"). Months ("May 12"),
// weekdays and years are not names.
func (lx *lexicon) numberedIn(text string, toks []textWord) []numberedSpot {
	var out []numberedSpot
	for i := 0; i+1 < len(toks); i++ {
		w, num := toks[i], toks[i+1]
		if w.letters == 0 || w.digits > 0 || num.letters > 0 || num.digits == 0 || num.digits > 3 || len(num.text) != num.digits {
			continue
		}
		if monthOf(w) != 0 || isWeekday(w.lower) || isNumberWord(w.lower) || ordinalValue(w.lower) > 0 {
			continue
		}
		sep := text[w.end:num.start]
		switch {
		case sep == "-":
		case sep != " ":
			continue
		case w.upper && (i > 0 || !lx.isFunctionWord(w.lower) && !endsNounPhrase(w.lower)):
			// "Unit 3", "TRIAL 2"; at the start of a sentence a capital
			// is no sign of a name, and "Only 3 teams", "About 30
			// homes" count.
		case !w.upper && !lx.isFunctionWord(w.lower) && !lx.isTimeUnit(w.lower) && !strings.HasSuffix(w.lower, "ed") && endsNumberedName(text, toks, i+1):
			// "version 2", "season 4": a noun and its number, the
			// phrase ending there.
		default:
			continue
		}
		n, err := strconv.Atoi(num.text)
		if err != nil {
			continue
		}
		out = append(out, numberedSpot{word: w.lower, n: n, at: i + 1})
	}
	return out
}

// endsNumberedName reports whether the number at toks[k] ends its noun
// phrase: the text ends, or punctuation or a grammar word follows ("season
// 4 of", "version 2?"), where a noun after it would make it a count
// ("scored 94 points").
func endsNumberedName(text string, toks []textWord, k int) bool {
	if k+1 >= len(toks) {
		return true
	}
	if strings.TrimSpace(text[toks[k].end:toks[k+1].start]) != "" {
		return true // punctuation between
	}
	return endsNounPhrase(toks[k+1].lower)
}

// addNumberedTerms gives s the terms of the numbered names it holds.
func (lx *lexicon) addNumberedTerms(s *passageSentence) {
	for _, sp := range lx.numberedIn(s.text, s.toks) {
		s.terms[sp.term()] = true
	}
}

// numberedTerms returns the question's numbered names as terms a sentence
// must hold, as it must a year the question states (figure): the number
// alone is too short to be a term ("Lumen-2"), or common to many figures.
func (lx *lexicon) numberedTerms(text string, toks []textWord) []qterm {
	var out []qterm
	for _, sp := range lx.numberedIn(text, toks) {
		out = append(out, qterm{stem: sp.term(), word: toks[sp.at-1].lower + " " + toks[sp.at].text, weight: 1, figure: true, series: true})
	}
	return out
}

// seriesInPassages keeps the question's numbered names as terms a
// sentence must hold only where the passages number that name at all:
// "How many COVID-19 cases?" is answered by a story that writes "Covid
// cases", where "Lumen-5" is not answered by stories on Lumen-2 and
// Lumen-3. A name the passages never number is no series. Where they do,
// it notes the number each article names first, in its title or its
// earliest sentence: what the article is about.
func (lx *lexicon) seriesInPassages(q questionInfo, sents []*passageSentence) {
	for j := range q.terms {
		t := &q.terms[j]
		if !t.series {
			continue
		}
		name, _, _ := strings.Cut(t.stem, "#")
		name = strings.TrimPrefix(name, numberedKey)
		t.seriesLead = make(map[string]int)
		first := make(map[string]int) // source -> line of its lead
		for _, s := range sents {
			for _, sp := range lx.numberedIn(s.title, splitWords(s.title)) {
				if sp.word == name {
					t.seriesLead[s.source], first[s.source] = sp.n, -1
					break
				}
			}
			if l, ok := first[s.source]; ok && (l < 0 || l <= s.lines[0]) {
				continue
			}
			for _, sp := range lx.numberedIn(s.text, s.toks) {
				if sp.word == name {
					t.seriesLead[s.source], first[s.source] = sp.n, s.lines[0]
					break
				}
			}
		}
		if len(t.seriesLead) == 0 {
			t.figure, t.weight = false, 0
		}
	}
}

// namesOtherNumbered reports whether s is about another of a series the
// question asks about one of: it names the name only with other numbers
// ("Lumen-3 cost 95 million euros" for Lumen-2), or names none in an
// article about another ("The satellite carries a camera" in a report
// headed "Lumen-3 reaches orbit").
func (lx *lexicon) namesOtherNumbered(q questionInfo, s *passageSentence) bool {
	for _, t := range q.terms {
		if !t.series || !t.figure || s.terms[t.stem] {
			continue
		}
		name, num, _ := strings.Cut(t.stem, "#")
		for k := range s.terms {
			if strings.HasPrefix(k, name+"#") {
				return true
			}
		}
		if lead := t.seriesLead[s.source]; lead != 0 && strconv.Itoa(lead) != num {
			return true
		}
	}
	return false
}

// addConstraintTerms gives s the terms its constraints stand for beyond
// its words: its numbered names, and the dates it speaks of relative to
// its article's ("last year", "on Monday").
func (e *Answerer) addConstraintTerms(s *passageSentence) {
	e.lexicon.addNumberedTerms(s)
	if placesSecond(s.toks) {
		s.terms[placeTerm(2)] = true
	}
}
