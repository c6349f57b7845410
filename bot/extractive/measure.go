package extractive

// This file reads the questions that ask for a measure of an event by
// the noun of the measure: "What was the winning margin in 2023?", "How
// long is the 2024 route?". Reports seldom write the noun: they give the
// measure itself ("finished 42 seconds ahead of Varga", "eight stages and
// 1,180 kilometres"), which then stands for it, as a sum of money stands
// for "cost".

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// measureKind is the kind of measure a question's noun is answered by.
type measureKind int

const (
	measureNone   measureKind = iota
	measureMargin             // "the winning margin": "42 seconds ahead of", "by 11 minutes"
	measureLength             // "how long is the route": "1,180 kilometres"
	measurePrice              // "the share price": "shares fell 8% to $41.20"
	measureUnit               // "how heavy": "4.2 tonnes", a unit of what is asked (unitkind.go)
)

// markMeasured marks what q asks the measure of:
//   - "the winning margin", "the margin of victory": the difference by
//     which someone won, as "by how much did she win" asks;
//   - "the share price", "the fare": a sum of money beside the thing, as
//     for "how much does it cost";
//   - "how far did they race": a length;
//   - "how long is the route", "how long was the course of the fifth
//     race": a length as well as a span of time, when the question has no
//     verb of its own ("how long did the strike last" asks for a time).
func (e *Answerer) markMeasured(q *questionInfo, toks []textWord) {
	defer e.markUnits(q, toks) // once "how far" and "how long is" are read
	lx := e.lexicon
	head, _ := lx.headNoun(toks)
	margin := slices.IndexFunc(toks, func(tk textWord) bool { return e.isMarginNoun(tk.text) })
	kind := measureNone
	switch {
	case head >= 1 && !q.yesno && lx.isPriceWord(toks[head].lower) && q.want.priced < 0:
		// "What was the share price after the results?" asks what a
		// share cost, as "the price of a share" does: "shares fell 8%
		// to $41.20" gives it, a sum beside the thing priced.
		mod := toks[head-1]
		priced := slices.IndexFunc(q.terms, func(t qterm) bool { return t.word == mod.lower && !t.name })
		if priced < 0 || mod.upper {
			return
		}
		q.want.priced = priced
		for j := range q.terms {
			if q.terms[j].head {
				q.terms[j].measured = measurePrice
			}
		}
		return
	case margin >= 0 && e.asksWin(toks):
		// "the winning margin", "what margin of victory": headNoun
		// takes a noun of measure for the kind of answer, not its head.
		head = margin
		q.margin, q.money = true, false
		kind = measureMargin
		for j := range q.terms {
			// "the margin of victory": the margin says the victory.
			q.terms[j].complement = false
		}
	case asksHowFar(toks):
		q.length = true // "how far did they race": a length, no noun measured
		return
	case q.duration && !q.yesno:
		// "How long is the route", "how long was the course of the
		// fifth race": a copula, then what is measured.
		head = -1
		for i := 0; i+2 < len(toks); i++ {
			if toks[i].lower == "how" && toks[i+1].lower == "long" && isCopula(toks[i+2].lower) {
				head = lx.lastOfPhrase(toks, i+3)
				break
			}
		}
		if head < 0 {
			return
		}
		q.length = true
		kind = measureLength
	default:
		return
	}
	stems := e.terms.Terms(toks[head].text)
	for j := range q.terms {
		if len(stems) == 1 && q.terms[j].stem == stems[0] {
			q.terms[j].measured = kind
			q.terms[j].head = true // what is asked about, though headNoun reads no "how long"
		}
	}
}

// asksHowFar reports a question that asks "how far".
func asksHowFar(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "far" {
			return true
		}
	}
	return false
}

// isMarginNoun reports the noun "margin" in any of its forms.
func (e *Answerer) isMarginNoun(w string) bool {
	st := e.terms.Terms(w)
	return len(st) == 1 && st[0] == e.stemOf("margin")
}

// asksWin reports whether toks speak of winning: a form of "win" or
// "victory" ("the winning margin", "the margin of victory").
func (e *Answerer) asksWin(toks []textWord) bool {
	win, victory := e.stemOf("win"), e.stemOf("victory")
	for _, tk := range toks {
		for _, st := range append(e.terms.Terms(tk.text), e.baseStems(tk.lower)...) {
			if st == win || st == victory {
				return true
			}
		}
	}
	return false
}

// measures reports whether s gives the measure t stands for: a margin or
// a length.
func (lx *lexicon) measures(s *passageSentence, t qterm) bool {
	switch t.measured {
	case measureMargin:
		return len(findMargins(s.toks)) > 0
	case measureLength:
		return len(lx.findLengths(s.toks)) > 0
	case measurePrice:
		return lx.mentionsMoney(s) && len(lx.findNumbers(s.toks)) > 0
	case measureUnit:
		return lx.holdsUnit(s, strings.Split(t.units, "|"))
	}
	return false
}

// findLengths finds the figures a sentence gives in units of measure
// other than time and money ("912 kilometres", "a 40-metre balloon"):
// what "how long is the route" asks for.
func (lx *lexicon) findLengths(toks []textWord) []answerSpot {
	var out []answerSpot
	for i := 0; i+1 < len(toks); i++ {
		v, end := numberAt(toks, i)
		if v == "" || isYearWord(toks[i]) || end+1 >= len(toks) {
			continue
		}
		if lx.isUnitOfMeasure(toks[end+1].lower) {
			out = append(out, answerSpot{tok: i, value: v + " " + strings.TrimSuffix(toks[end+1].lower, "s")})
		}
		i = end
	}
	return out
}

// isUnitOfMeasure reports units of measure that are neither of time nor
// of money, nor a ratio: kilometre, mile, metre, tonne.
func (lx *lexicon) isUnitOfMeasure(w string) bool {
	return lx.is(w, wcMeasure) && lx.is(w, wcNoun) && !lx.is(w, wcMoney|wcTimespan|wcAbstract|wcVerb|wcAdjective)
}

// marginsAhead finds the margins a sentence gives without "by": "finished
// 42 seconds ahead of Tomas Varga", "five points clear of", "a margin of
// 11 minutes", "11 minutes over Aino Lehtinen" after a win.
func marginsAhead(toks []textWord) []answerSpot {
	var out []answerSpot
	for i := 0; i < len(toks); i++ {
		v, end := numberAt(toks, i)
		if v == "" || isYearWord(toks[i]) {
			continue
		}
		// The figure, its unit and what follows: "42 seconds ahead of",
		// "1 minute 12 seconds clear of".
		k := end + 1
		for k < len(toks) && k <= end+4 && toks[k].lower != "ahead" && toks[k].lower != "clear" {
			k++
		}
		ahead := k+1 < len(toks) && k <= end+4 && (toks[k].lower == "ahead" || toks[k].lower == "clear") && toks[k+1].lower == "of"
		margin := false // "a margin of 11 minutes", "the margin was just 11 minutes"
		for k := max(0, i-3); k < i; k++ {
			margin = margin || toks[k].lower == "margin"
		}
		if ahead || margin {
			out = append(out, answerSpot{tok: i, value: v})
		}
		i = end
	}
	return out
}

// isPriceWord reports the words for what a thing costs: "cost" and its
// synonyms and kinds ("price", "fare", "fee").
func (lx *lexicon) isPriceWord(w string) bool {
	return lx.isCostOf(w) || slices.Contains(lx.th.Related(w, thesaurus.Synonym), "cost")
}
