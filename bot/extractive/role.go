package extractive

// This file answers questions that ask for the one in a role: "Who
// directed Harbour Lights?", "Who founded the festival?", "Which judge
// approved the settlement?", "Which label signed the singer?", "Who
// finished second?". News seldom writes the question's verb with the
// name as its subject. It gives the role in a title before the name
// ("director Kofi Mensah", "Judge Ann Ko"), an appositive ("Maria Sol,
// president of the network", "its lawyer, Simon Hale"), a "by" phrase
// ("founded in 2009 by songwriter Ada Crane"), a relative clause ("Crane,
// who started the festival"), a complement ("signed to Bluebird
// Records"), or through the story ("won, 42 seconds ahead of Y" makes Y
// second). The sentence that binds a name other than the question's own
// to the role answers; one that only speaks of the topic does not.

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

// roleWindow is how many words a name may stand from the role it is
// bound to: a title and its name ("the Irish director Cillian Roe"), a
// "by" and its name ("by the former club DJ Ruth Ashby").
const roleWindow = 5

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

// stems returns the stems of a word or phrase as the index writes them.
func (e *Answerer) stems(w string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ReplaceAll(w, "-", " ")) {
		ts := e.terms.Terms(f)
		if len(ts) == 0 {
			ts = []string{f}
		}
		out = append(out, ts[0])
	}
	return out
}

// cueAt returns the last word of the cue c written at word i of s, or -1.
func (e *Answerer) cueAt(s *passageSentence, i int, c roleCue) int {
	if i+len(c.stems) > len(s.toks) {
		return -1
	}
	for k, st := range c.stems {
		if !e.tokenIs(s.toks[i+k], st) {
			return -1
		}
	}
	return i + len(c.stems) - 1
}

// tokenIs reports whether a word of a sentence is written with the stem
// st: in any of its forms ("led" for "lead").
func (e *Answerer) tokenIs(tk textWord, st string) bool {
	if tk.lower == st || slices.Contains(e.terms.Terms(tk.text), st) || slices.Contains(e.baseStems(tk.lower), st) {
		return true
	}
	return len(st) >= 4 && strings.HasPrefix(tk.lower, st) && len(tk.lower) <= len(st)+3 // "director" of "direct"
}

// span is a name a sentence gives: words first..last.
type span struct{ first, last int }

// roleNames returns the names s binds to the role q asks about, other
// than the question's own.
func (e *Answerer) roleNames(q questionInfo, s *passageSentence) []span {
	r := q.role
	if !r.asked() {
		return nil
	}
	names := e.answerNames(q, s)
	if len(names) == 0 {
		return nil
	}
	var out []span
	add := func(n span) {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	toks := s.toks
	for i := range toks {
		for _, c := range r.cues {
			j := e.cueAt(s, i, c)
			if j < 0 {
				continue
			}
			// "producer" is a doer, whichever cue found it.
			noun := c.noun || e.lexicon.is(toks[j].lower, wcPerson) && !e.lexicon.is(toks[j].lower, wcPastForm)
			for _, n := range names {
				if n.first <= i && j < n.last {
					n.first = j + 1 // "District Judge Ann Kowal": the name after its title
				}
				if e.bound(s, i, j, noun, c.light, n, names, r) {
					add(n)
				}
			}
		}
	}
	if r.place > 0 {
		for _, n := range e.placed(s, r.place, names) {
			add(n)
		}
	}
	return out
}

// answerNames returns the names of s that may answer: people, or for an
// organisation any run of capitalised words, that the question does not
// name.
func (e *Answerer) answerNames(q questionInfo, s *passageSentence) []span {
	var out []span
	own := func(n span) bool { // a name the question gives
		for k := n.first; k <= n.last; k++ {
			if slices.ContainsFunc(q.terms, func(t qterm) bool {
				return (t.name || t.capital) && (t.word == s.toks[k].lower || e.tokenIs(s.toks[k], t.stem))
			}) {
				return true
			}
		}
		return false
	}
	if q.role.org {
		toks := s.toks
		for i := 0; i < len(toks); {
			if !isProperWord(toks[i]) || i == 0 && !toks[i].upper {
				i++
				continue
			}
			j := i
			for j+1 < len(toks) && isProperWord(toks[j+1]) && joinedBySpace(s.text, toks[j], toks[j+1]) {
				j++
			}
			// "Nashville's Bluebird Records": the possessive only
			// says which.
			if n := (span{i, j}); !own(n) && !(j+1 < len(toks) && s.text[toks[j].end:toks[j+1].start] == "'" && toks[j+1].lower == "s") {
				out = append(out, n)
			}
			i = j + 1
		}
		return out
	}
	for _, n := range e.lexicon.namesIn(s) {
		if isWeekday(s.toks[n.last].lower) || n.endsInMonth(s.toks) {
			continue
		}
		if sp := (span{n.first, n.last}); !own(sp) {
			out = append(out, sp)
		}
	}
	// A surname opening the sentence, which namesIn leaves out as any
	// capitalised word: "Lehtola had to settle for second", where the
	// article gives the full name or the dictionary does not know it.
	if toks := s.toks; len(toks) > 1 && isProperWord(toks[0]) && !isProperWord(toks[1]) && !s.common[toks[0].lower] && !e.lexicon.isFunctionWord(toks[0].lower) &&
		(s.fullNames[toks[0].lower] || !e.lexicon.is(toks[0].lower, wcKnown)) && !own(span{0, 0}) {
		out = append([]span{{0, 0}}, out...)
	}
	return out
}

// bound reports whether the cue at words i..j of s names the role of n:
// a title before it ("director Kofi Mensah"), an appositive after it
// ("Maria Sol, president of"), one before it ("its lawyer, Simon Hale"),
// a "by" phrase ("founded in 2009 by Ada Crane"), a relative clause
// ("Crane, who started"), the verb with the name as subject ("Crane
// founded") or, for an organisation, as object ("signed to Bluebird
// Records"), or a predicate ("X has been the title sponsor", "X will start
// as the defending champion").
func (e *Answerer) bound(s *passageSentence, i, j int, noun, light bool, n span, names []span, r askedRole) bool {
	toks := s.toks
	org := r.org
	if noun && len(r.of) > 0 {
		// "French Defence Minister Herve Morin" is no Canadian minister.
		for k := max(0, i-3); k < i; k++ {
			if w := toks[k].lower; e.lexicon.isNationality(w) && !slices.Contains(r.of, w) {
				return false
			}
		}
	}
	gap := func(a, b int) string { return s.text[toks[a].end:toks[b].start] }
	plain := func(a, b int) bool { // only words of a noun phrase between a and b
		for k := a + 1; k < b; k++ {
			if clauseBreak(s, a, k) || e.lexicon.pos(toks[k].lower) == wcVerb && !toks[k].upper && !e.lexicon.is(toks[k].lower, wcNoun) {
				return false
			}
		}
		return !clauseBreak(s, a, b)
	}
	between := func(a, b int) bool { // no other name between a and b
		return !slices.ContainsFunc(names, func(o span) bool { return o != n && o.first > a && o.last < b })
	}
	if n.first > j && n.first-j <= roleWindow && !light {
		// A title: "director Cillian Roe", "Judge Felicity Awdry".
		if noun && n.first-j <= 2 && (n.first == j+1 || toks[j+1].upper) && joinedBySpace(s.text, toks[j], toks[j+1]) {
			return true
		}
		// An appositive before the name: "Oakes's lawyer, Simon Hale".
		if noun && strings.HasPrefix(gap(n.first-1, n.first), ",") && n.first-1 >= j && plain(j, n.first-1) {
			return true
		}
	}
	if noun && !light && n.first > j && n.first-j <= 2*roleWindow {
		// The predicate names the holder: "The first winner was Per
		// Lund", "Its clerk of the course is the former co-driver Marta
		// Sanz".
		for k := j + 1; k < n.first && k-j <= roleWindow; k++ {
			if isCopula(toks[k].lower) && !clauseBreak(s, j, k) && n.first-k <= roleWindow && plain(k, n.first) && between(j, n.first) {
				return true
			}
		}
	}
	if !noun && n.first > j && j+1 < len(toks) && !isDeterminer(toks[j+1].lower) && !isPossessive(toks[j+1].lower) && (toks[j+1].lower == "by" || endsNounPhrase(toks[j+1].lower) || toks[j+1].digits > 0 || e.lexicon.pos(toks[j+1].lower) == wcAdverb) {
		// "by": "launched in 1987 by Jacques Dervaux", not "dismissed a
		// claim by Rob Tennant", whose "by" is the claim's.
		for k := j + 1; k < n.first && k-j <= roleWindow; k++ {
			if toks[k].lower == "by" && n.first-k <= roleWindow && !clauseBreak(s, j, k) && plain(k, n.first) && between(j, n.first) {
				return true
			}
		}
	}
	if light {
		return false
	}
	if n.first > j && n.first-j <= roleWindow {
		// The object of the verb, for an organisation: "signed to
		// Bristol's Lanternfish Records", "rides for Veloce-Harmon".
		if org && !noun && !clauseBreak(s, j, n.first) && between(j, n.first) {
			return true
		}
	}
	if n.last < i {
		g := gap(n.last, n.last+1)
		// An appositive after the name: "Maria Sol, president of".
		if noun && strings.HasPrefix(g, ",") && i-n.last <= roleWindow && plain(n.last+1, i) && !clauseBreak(s, n.last+1, i) {
			return true
		}
		// A relative clause: "Crane, who started the festival".
		if !noun && strings.HasPrefix(g, ",") && n.last+1 < i && (toks[n.last+1].lower == "who" || toks[n.last+1].lower == "which") && i-n.last <= 4 {
			return true
		}
		// The subject: "Crane founded", "Holm now rides for".
		if !noun && !org && i-n.last <= 3 && !clauseBreak(s, n.last, i) {
			return true
		}
		// A predicate: "Cresta Insurance has been the title sponsor",
		// "Brenner will start as the defending champion", "Ortega had
		// to settle for the runner-up spot".
		if noun && i-n.last <= 2*roleWindow && !clauseBreak(s, n.last, i) && between(n.last, i) {
			for k := n.last + 1; k < i; k++ {
				if w := toks[k].lower; w == "as" || isCopula(w) || w == "been" || w == "for" {
					return true
				}
			}
		}
	}
	return false
}

// placed returns the names s places n-th: the subject of the ordinal
// ("Iker Zubeldia finished third", "Lehtola took second place"), the one
// beaten for second ("42 seconds ahead of Anders Holm", "beating Y"),
// the one completing a podium of n ("Z completed the podium", "rounded
// out the top three").
func (e *Answerer) placed(s *passageSentence, n int, names []span) []span {
	toks := s.toks
	var out []span
	subject := func(k int) {
		// The last name before word k in its clause.
		for m := len(names) - 1; m >= 0; m-- {
			if names[m].last < k && !clauseBreak(s, names[m].last, k) && k-names[m].last <= 2*roleWindow {
				out = append(out, names[m])
				return
			}
		}
	}
	for k, tk := range toks {
		if ordinalValue(tk.lower) == n && e.placingAt(s, k) {
			subject(k)
		}
		// A podium is the first three; "the top three" the first n.
		if n == 3 && tk.lower == podium || k > 0 && toks[k-1].lower == "top" && numberWordValue(tk.lower) == n {
			subject(k)
		}
	}
	if n == 2 {
		for k := range toks {
			after := -1
			switch toks[k].lower {
			case "ahead", "clear":
				if k+1 < len(toks) && toks[k+1].lower == "of" {
					after = k + 2
				}
			case "beat", "beating", "defeated", "defeating", "edged", "edging", "denying":
				after = k + 1
			}
			if after < 0 {
				continue
			}
			for _, nm := range names {
				if nm.first >= after && nm.first-after <= 3 && !clauseBreak(s, k, nm.first) {
					out = append(out, nm)
					break
				}
			}
		}
	}
	return out
}

// placingAt reports whether the ordinal at word k of s places someone
// ("finished third, two minutes back", "took second place"), not numbers
// a thing ("the second stage"): no noun follows it but one of place.
func (e *Answerer) placingAt(s *passageSentence, k int) bool {
	toks := s.toks
	if k+1 >= len(toks) || clauseBreak(s, k, k+1) {
		return true
	}
	next := toks[k+1].lower
	return endsNounPhrase(next) || !e.lexicon.is(next, wcNoun) || e.lexicon.is(next, wcPlaceNoun)
}

// podium is the three places of a race's ceremony: who "completed the
// podium" finished third.
const podium = "podium"

// roleFirst puts first the candidates that bind a name to the role the
// question asks about, when some do and score near the best: "Who
// directed X?" is answered by "the debut feature of director Kofi
// Mensah", not by a sentence about X that names no director.
func (e *Answerer) roleFirst(q questionInfo, cands []*scoredSentence) []*scoredSentence {
	if !q.role.asked() || len(cands) == 0 {
		return cands
	}
	top := cands[0].score
	var bound, rest []*scoredSentence
	for _, c := range cands {
		if c.bound && c.score >= roleKeep*top {
			bound = append(bound, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(bound) == 0 {
		return cands
	}
	return append(bound, rest...)
}

// roleKeep is the least share of the best score a sentence binding the
// role needs to be put first: below it, it is about something else.
const roleKeep = 0.5

// bindsRole reports whether s binds a name to the role the question
// asks about: "42 seconds ahead of Anders Holm" says who finished second
// in the race of its report, though it says no "finished".
func (e *Answerer) bindsRole(q questionInfo, s *passageSentence) bool {
	return len(e.roleNames(q, s)) > 0
}

// markBound marks the candidates that bind a name to the asked role.
func (e *Answerer) markBound(q questionInfo, cands []*scoredSentence) {
	if !q.role.asked() {
		return
	}
	for _, c := range cands {
		c.bound = e.bindsRole(q, c.s)
		// Who holds the role is what is asked: the sentence is on it.
		c.holdsFocus = c.holdsFocus || c.bound
	}
}
