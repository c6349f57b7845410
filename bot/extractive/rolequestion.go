package extractive

// This file reads the role a question asks who (or which organisation)
// holds: "Who directed Harbour Lights?" (the verb, and the nouns of its
// doer: "director"), "Who is the lawyer of X?", "Which judge approved the
// settlement?", "Which label signed the singer?" (a noun and a verb),
// "Who finished second?" (a placing), "Who started as defending
// champion?" (last edition's winner). role.go binds a sentence's names
// to it.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// askedRole is the role a question asks who (or which organisation)
// holds.
type askedRole struct {
	cues []roleCue // the words that name the role, as verb or noun
	// org is set for "which label", "which company", "which team": the
	// name of an organisation answers, not only a person's.
	org bool
	// place is set for a placing: 2 for "finished second" and "the
	// runner-up", 3 for "came third".
	place int
	// defending is set for the holder of a title before a contest
	// ("the defending champion", "the reigning winner"), who won it the
	// edition before.
	defending bool
	// of holds the nationalities the question gives the role ("which
	// Canadian minister"): a title of another ("French Defence Minister
	// Herve Morin") is someone else's.
	of []string
}

// roleCue is one way of writing the role: the stems of a word or phrase,
// and whether it names the doer (a noun: "director") rather than the deed
// (a verb: "directed").
type roleCue struct {
	stems []string
	noun  bool
	// light is set on a verb that says little alone ("hold", "take"):
	// only a "by" phrase binds it ("the record is held by Marco Ferri").
	light bool
}

func (r askedRole) asked() bool { return len(r.cues) > 0 || r.place > 0 }

// agentSuffixes make the noun for the doer of a verb: direct-or,
// manage-r, lead-er (a closed class of English word formation). The doer
// nouns WordNet does not derive from their verbs ("director", "manager")
// are found by them, and kept only when WordNet knows the result as a
// person.
var agentSuffixes = []string{"er", "or", "r"}

// readRole reads the role a question asks for: the verb of "who VERB"
// ("Who directed X?"), the noun of "who is the NOUN" ("Who is the lawyer
// of X?", "Who was X's co-driver?", "as defending champion"), the noun and
// verb of "which NOUN VERB" ("Which judge dismissed the claim?", "Which
// label did X sign with?"), and an ordinal of placing ("Who finished
// second?").
func (e *Answerer) readRole(text string, toks []textWord) askedRole {
	lx := e.lexicon
	var r askedRole
	if len(toks) < 3 {
		return r
	}
	first := toks[0].lower
	if first != "who" && first != "which" && first != "what" {
		return r
	}
	for i, tk := range toks {
		if n := ordinalValue(tk.lower); n >= 2 && i > 1 && tk.digits == 0 && placingOrdinal(toks, i) && !toks[i-1].upper && !isDeterminer(toks[i-1].lower) {
			r.place = n // "finished second": the place is the role, not the verb
			return r
		}
	}
	nouns := func(a, b int) {
		for k := a; k < b; k++ {
			r.defending = r.defending || holdsTitle(toks[k].lower)
		}
		c, place := e.nounCue(text, toks, a, b)
		r.cues = append(r.cues, c...)
		r.place = max(r.place, place)
	}
	switch first {
	case "who":
		// "Who will start the race as defending champion?": the role
		// is the noun after "as".
		for i := 2; i+1 < len(toks); i++ {
			if toks[i].lower == "as" {
				if a, b := e.roleNoun(text, toks, i+1); b >= a && lx.is(toks[b].lower, wcPerson) {
					nouns(a, b)
					return r
				}
			}
		}
		if isAuxiliary(toks[1].lower) || isCopula(toks[1].lower) {
			// "Who is the lawyer of X?", "Who was X's co-driver?"
			if a, b := e.roleNoun(text, toks, 2); b >= a {
				nouns(a, b)
			}
			return r
		}
		if v := toks[1].lower; !toks[1].upper && !(lx.isReportingVerb(v) && lx.isLightVerb(v)) {
			cues := e.verbCues(v)
			if lx.isLightVerb(v) {
				cues = []roleCue{{stems: cues[0].stems, light: true}}
				for _, l := range e.th.Lemmas(v) {
					cues = append(cues, roleCue{stems: e.stems(l), light: true})
				}
			}
			r.cues = append(r.cues, cues...)
		}
	default:
		// The noun phrase after "which": "which Canadian defence
		// minister", up to its verb.
		n := 1
		for n < len(toks) && (lx.is(toks[n].lower, wcAdjective) && !lx.is(toks[n].lower, wcNoun) || lx.isNationality(toks[n].lower)) {
			if lx.isNationality(toks[n].lower) {
				r.of = append(r.of, toks[n].lower)
			}
			n++
		}
		for n+1 < len(toks) && !toks[n+1].upper && lx.is(toks[n+1].lower, wcNoun) && !lx.is(toks[n+1].lower, wcVerbS|wcPastForm) &&
			!isAuxiliary(toks[n+1].lower) && !lx.isFunctionWord(toks[n+1].lower) {
			n++
		}
		if n >= len(toks) || toks[n].upper || isAuxiliary(toks[n].lower) || isCopula(toks[n].lower) {
			return r
		}
		switch w := toks[n].lower; {
		case lx.is(w, wcPerson):
			nouns(n, n)
		case lx.is(w, wcTime|wcTimespan|wcMeasure|wcMoney|wcPossession|wcPlaceNoun|wcMotive|wcPicture):
			return r // "which year", "what percentage", "which city", "what reason"
		default:
			// "Which label", "which team": a named thing answers.
			r.org = true
		}
		// The verb: the first after the noun that is not an auxiliary
		// or a name ("Which label did Maren Oakes sign with?"), or the
		// noun of the predicate ("Which company is the main sponsor?").
		for k := n + 1; k < len(toks); k++ {
			w := toks[k].lower
			if toks[k].upper || isAuxiliary(w) || isCopula(w) || isPossessive(w) || w == "s" || toks[k].digits > 0 ||
				lx.isFunctionWord(w) && !lx.is(w, wcIngForm) || lx.is(w, wcAdjective) && !lx.is(w, wcNoun|wcHasVerb) {
				continue
			}
			if lx.is(w, wcPerson) {
				if a, b := e.roleNoun(text, toks, k); b >= a {
					nouns(a, b)
				}
			}
			if e.hasVerbSense(w) {
				r.cues = append(r.cues, e.verbCues(w)...)
			}
			break
		}
	}
	return r
}

// holdsTitle reports the participles that say a title is held going
// into a contest, won the time before: "defending", "reigning" (a closed
// class of sports English).
func holdsTitle(w string) bool { return w == "defending" || w == "reigning" }

// answerDefending answers "Who started the 2024 race as defending
// champion?" by last year's winner, when no sentence names the holder
// as such: "Who won the 2023 race?".
func (e *Answerer) answerDefending(question string, q questionInfo, cands []*scoredSentence, passages []retrieval.Result) (bot.Answer, bool) {
	if !q.role.defending || len(cands) > 0 && cands[0].bound {
		return bot.Answer{}, false
	}
	alt := lastWinnerQuestion(question)
	if alt == "" {
		return bot.Answer{}, false
	}
	a := e.answer(alt, passages)
	return a, !a.Refused
}

// lastWinnerQuestion rewrites a question about the defending champion
// of a contest as one about who won its edition before: the contest is
// the phrase holding its year, or its name, with the year one less.
func lastWinnerQuestion(question string) string {
	toks := splitWords(question)
	from, year := -1, 0
	for i, tk := range toks {
		if isYearWord(tk) {
			from, year = i, atoiOr(tk.text)
			break
		}
	}
	if from < 0 {
		for i := 2; i < len(toks); i++ {
			if toks[i].upper {
				from = i
				break
			}
		}
	}
	if from < 0 {
		return ""
	}
	to := len(toks) - 1
	for k := from + 1; k < len(toks); k++ {
		if w := toks[k].lower; w == "as" || holdsTitle(w) || isCopula(w) {
			to = k - 1
			break
		}
	}
	for to > from && (isDeterminer(toks[to].lower) || endsNounPhrase(toks[to].lower)) {
		to--
	}
	contest := question[toks[from].start:toks[to].end]
	if year > 0 {
		contest = strconv.Itoa(year-1) + question[toks[from].end:toks[to].end]
	}
	return "Who won the " + contest + "?"
}

// atoiOr returns the number s writes, or 0.
func atoiOr(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hasVerbSense reports whether w is a form of a verb.
func (e *Answerer) hasVerbSense(w string) bool {
	if e.lexicon.is(w, wcVerb|wcPastForm|wcIngForm|wcVerbS) {
		return true
	}
	return e.th != nil && slices.ContainsFunc(e.th.Lemmas(w), func(l string) bool { return e.th.In(l, thesaurus.HasVerb) })
}

// roleNoun returns the noun phrase of "who is the NOUN of X" from word
// from on: the words after any name, possessive or determiner, up to
// the first that ends a noun phrase; b < a when there is none.
func (e *Answerer) roleNoun(text string, toks []textWord, from int) (a, b int) {
	lx := e.lexicon
	a, b = -1, -2
	for k := from; k < len(toks); k++ {
		w := toks[k].lower
		switch {
		case toks[k].upper || isDeterminer(w) || isPossessive(w) || w == "s" || toks[k].digits > 0:
			if b >= a && a >= 0 {
				return a, b
			}
		case (endsNounPhrase(w) || lx.isFunctionWord(w) && !lx.is(w, wcIngForm)) && !(k > 0 && joinedByHyphen(text, toks[k-1], toks[k])):
			return a, b
		default:
			if a < 0 {
				a = k
			}
			b = k
		}
	}
	return a, b
}

// nounCue returns the cues of the role noun phrase toks[a..b]: the noun
// with a word joined to it by a hyphen or a participle before it
// ("co-driver", "defending champion"), which the role needs (a driver is
// no co-driver), and the words for the same role; and the place it
// stands for ("runner-up" is the second best: 2).
func (e *Answerer) nounCue(text string, toks []textWord, a, b int) ([]roleCue, int) {
	lx := e.lexicon
	var out []roleCue
	place := 0
	add := func(stems []string) {
		if len(stems) > 0 && !slices.ContainsFunc(out, func(c roleCue) bool { return slices.Equal(c.stems, stems) }) {
			out = append(out, roleCue{stems: stems, noun: true})
		}
	}
	// The head: the last word, or a compound written with hyphens.
	h := b
	for h > a && joinedByHyphen(text, toks[h-1], toks[h]) {
		h--
	}
	var words []string
	for _, tk := range toks[h : b+1] {
		words = append(words, tk.lower)
	}
	head := strings.Join(words, "-")
	var mods []string
	if !lx.is(head, wcPerson) && h < b {
		// "co-driver", unknown as a whole: a driver, but only the one
		// written with "co".
		for k := h; k < b; k++ {
			mods = append(mods, e.stems(toks[k].lower)...)
		}
		head, h = toks[b].lower, b
	}
	for k := a; k < h; k++ {
		if strings.HasSuffix(toks[k].lower, "ing") && !joinedByHyphen(text, toks[k], toks[k+1]) {
			mods = append(mods, e.stems(toks[k].lower)...) // "defending"
		}
	}
	for _, w := range append([]string{head}, e.nounFamily(head)...) {
		add(append(slices.Clone(mods), e.stems(w)...))
		if f := strings.Fields(w); len(f) == 2 && ordinalValue(f[0]) >= 2 {
			place = ordinalValue(f[0]) // "second best"
		}
	}
	return out, place
}

// joinedByHyphen reports whether two words are written as one with a
// hyphen ("co-driver").
func joinedByHyphen(text string, a, b textWord) bool { return text[a.end:b.start] == "-" }

// nounFamily returns the words that name the same role as the noun w:
// its synonyms and more particular words ("attorney", "solicitor" for
// "lawyer"), and the verb it is the doer of ("manage" for "manager").
func (e *Answerer) nounFamily(w string) []string {
	if e.th == nil {
		return nil
	}
	out := slices.Clone(e.th.Related(w, thesaurus.Synonym))
	out = append(out, e.th.Hyponyms(w)...)
	for _, o := range slices.Clone(out) {
		for _, suf := range agentSuffixes {
			if v, ok := strings.CutSuffix(o, suf); ok && len(v) >= 3 && e.th.In(v, thesaurus.HasVerb) {
				out = append(out, v) // "backer": back
			}
		}
	}
	for _, suf := range agentSuffixes {
		if v, ok := strings.CutSuffix(w, suf); ok && len(v) >= 3 && e.th.In(v, thesaurus.HasVerb) {
			out = append(out, v) // "manager": manage
		}
	}
	return slices.DeleteFunc(out, func(o string) bool { return strings.Contains(o, " ") && len(strings.Fields(o)) > 2 })
}

// verbCues returns the cues of a role verb: the verb, its forms and
// synonyms, the nouns for its doer ("founder", "director"), and the
// words for the same doer ("backer" of "sponsor", and its verb "back").
func (e *Answerer) verbCues(v string) []roleCue {
	var out []roleCue
	add := func(w string, noun bool) {
		st := e.stems(w)
		if len(st) > 0 && !slices.ContainsFunc(out, func(c roleCue) bool { return slices.Equal(c.stems, st) && c.noun == noun }) {
			out = append(out, roleCue{stems: st, noun: noun})
		}
	}
	add(v, false)
	if e.th == nil {
		return out
	}
	var agents []string
	lemmas := slices.DeleteFunc(e.th.Lemmas(v), func(l string) bool { return !e.th.In(l, thesaurus.HasVerb) && !e.th.In(l, thesaurus.Person) })
	for _, l := range lemmas {
		add(l, false)
		for _, f := range e.th.Related(l, thesaurus.Form) {
			add(f, false)
		}
		for _, o := range e.th.Related(l, thesaurus.Synonym) {
			if len(strings.Fields(o)) <= 2 {
				add(o, false)
			}
		}
		if e.th.In(l, thesaurus.Person) {
			agents = append(agents, l) // "sponsor" is its own doer
		}
		for _, d := range e.th.Related(l, thesaurus.Derived) {
			if e.th.In(d, thesaurus.Person) {
				agents = append(agents, d) // "founder", "leader"
			}
		}
		for _, n := range []string{strings.TrimSuffix(l, "e") + "er", strings.TrimSuffix(l, "e") + "or", l + "r", l + "er"} {
			if e.th.In(n, thesaurus.Person) {
				agents = append(agents, n) // "director", "manager"
			}
		}
	}
	for _, n := range agents {
		add(n, true)
		for _, o := range e.nounFamily(n) {
			add(o, e.th.In(o, thesaurus.Person))
		}
	}
	return out
}
