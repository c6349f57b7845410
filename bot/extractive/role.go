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
	"strings"
)

// roleWindow is how many words a name may stand from the role it is
// bound to: a title and its name ("the Irish director Cillian Roe"), a
// "by" and its name ("by the former club DJ Ruth Ashby").
const roleWindow = 5

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
