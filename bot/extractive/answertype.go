package extractive

// This file reads from a question the answer it expects, beyond the
// answerKind that ranks sentences: "who" expects someone, a person or an
// organisation; "what colour" a colour (WordNet's colours, below its
// chromatic and achromatic colour); "how fast" and "what speed" a figure
// per a unit of time; "how long" a span in the clause of the verb; "how
// much" with paying a sum said of the thing asked; "how many X" in a
// span of time ("in its first week") a figure not given per another
// ("a year"); "how heavy", "how far", "how much water" a figure in a unit
// of what is asked (unitkind.go).

import (
	"slices"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// expected is the answer a question expects, as gate.go checks it.
type expected struct {
	someone bool   // "who": a person or an organisation
	colour  bool   // "what colour"
	speed   bool   // "how fast", "what speed", "top speed"
	span    bool   // "how long": a span of time, in the clause of the verb
	sum     bool   // "how much does X cost": a sum, in the clause of X
	per     string // the span of time a count is asked in ("week"), "" for none
	// units are the measures a figure must be in ("how heavy": weight,
	// in tonnes or pounds; unitkind.go), unitAt the question's words
	// that ask for them, in toks.
	units  []string
	unitAt []int
	toks   []textWord
}

// expectedAnswer reads what the question toks, parsed into q, expects.
func (e *Answerer) expectedAnswer(toks []textWord, q questionInfo) expected {
	var w expected
	if q.yesno {
		return w
	}
	w.someone = q.kind == kindPerson && !q.author && !q.photo && !asksWhoIs(toks)
	w.span = q.duration && !q.length
	w.units, w.unitAt = e.askedUnits(toks, q)
	if len(w.units) > 0 {
		w.toks = toks // "how much water": litres, not a sum
	} else {
		w.sum = q.money || q.want.money || q.want.measure >= 0
	}
	for i, tk := range toks {
		if tk.lower != "what" && tk.lower != "which" && tk.lower != "how" {
			continue
		}
		if i+1 >= len(toks) {
			break
		}
		next := toks[i+1].lower
		switch {
		case tk.lower == "how" && (next == "fast" || next == "quickly"):
			w.speed = true
		case tk.lower != "how" && e.isColourNoun(next):
			w.colour = true
		case tk.lower != "how" && e.isSpeedNoun(next):
			w.speed = true
		}
		break
	}
	for i := 1; i < len(toks); i++ {
		if toks[i-1].lower == "top" && e.isSpeedNoun(toks[i].lower) {
			w.speed = true // "what is the ferry's top speed"
		}
	}
	if q.kind == kindNumber && !q.duration && !q.length && !w.sum {
		w.per = e.spanAsked(toks)
	}
	if w.speed {
		w.units, w.unitAt, w.toks = nil, nil, nil // a unit per a time: holdsSpeed's
	}
	return w
}

// asksWhoIs reports "who is X?", "who was X?" of a name: a question
// about the person it names, which a description of them answers, not
// another name. "Who is the architect of X?" asks for a name.
func asksWhoIs(toks []textWord) bool {
	if len(toks) < 3 || toks[0].lower != "who" || !isCopula(toks[1].lower) {
		return false
	}
	for _, tk := range toks[2:] {
		if tk.letters > 0 && !tk.upper {
			return false
		}
	}
	return true
}

// spanAsked returns the span of time a count is asked in ("in its first
// week", "this month"), a unit of time after "in", "this", "that",
// "first", "last" or "per"; "" for none.
func (e *Answerer) spanAsked(toks []textWord) string {
	for i := 1; i < len(toks); i++ {
		if !e.lexicon.isTimeUnit(toks[i].lower) {
			continue
		}
		switch toks[i-1].lower {
		case "first", "last", "this", "that", "per", "a", "each", "every", "opening":
			return toks[i].lower
		}
	}
	return ""
}

// isColour reports a colour in WordNet ("white", "navy", "dark green").
func (e *Answerer) isColour(w string) bool {
	th := e.lexicon.th
	if th == nil || len(w) < 3 {
		return false
	}
	for _, l := range th.Lemmas(w) {
		if th.In(l, thesaurus.Colour) {
			return true
		}
	}
	return false
}

// isColourNoun reports the noun "colour" in either spelling and its
// synonyms in WordNet: what "what colour" asks for.
func (e *Answerer) isColourNoun(w string) bool { return e.namesNoun(w, "color") }

// isSpeedNoun reports the noun "speed" and its synonyms ("velocity"):
// what "what speed" asks for.
func (e *Answerer) isSpeedNoun(w string) bool { return e.namesNoun(w, "speed") }

// namesNoun reports whether w is the noun base, in one of its forms or a
// synonym WordNet gives ("colour" for color, "velocity" for speed).
func (e *Answerer) namesNoun(w, base string) bool {
	th := e.lexicon.th
	if th == nil {
		return false
	}
	for _, l := range append(th.Lemmas(w), w) {
		if l == base || slices.Contains(th.Related(l, thesaurus.Synonym), base) && !e.lexicon.is(l, wcVerb) {
			return true
		}
	}
	return false
}

// perHour reports a unit WordNet gives as a ratio to the hour ("mph":
// miles per hour).
func (e *Answerer) perHour(w string) bool {
	th := e.lexicon.th
	if th == nil {
		return false
	}
	for _, s := range th.Related(w, thesaurus.Synonym) {
		if len(s) > 9 && s[len(s)-9:] == " per hour" {
			return true
		}
	}
	return false
}
