package extractive

// This file reads a question's phrases: its predicate, the noun it asks
// about, its setting, names, and the grammar words that bound them.

import (
	"strings"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// qualifies reports whether the name at toks[i] stands in a phrase
// after "for" or "of" that qualifies a noun before it ("a ticket for the
// Corn Exchange concerts", "the price of a Valmora pass").
func qualifies(toks []textWord, i int) bool {
	for k := i - 1; k >= 1; k-- {
		w := toks[k].lower
		switch {
		case w == "for" || w == "of":
			return !toks[k-1].upper && !isAuxiliary(toks[k-1].lower) && !questionWord(toks[k-1].lower)
		case isDeterminer(w) || toks[k].upper:
			continue
		}
		return false
	}
	return false
}

// askedNoun returns the index of the noun of "what raise did", "which
// bridge will": a single word between "what" or "which" and the
// auxiliary; -1 for none.
func (lx *lexicon) askedNoun(toks []textWord, marker int) int {
	for i := 0; i+2 < len(toks); i++ {
		if w := toks[i].lower; w != "what" && w != "which" {
			continue
		}
		n := toks[i+1]
		if isAuxiliary(toks[i+2].lower) && !isAuxiliary(n.lower) && !questionWord(n.lower) && !markerWord(n.lower) && n.letters >= 3 {
			return i + 1
		}
		return -1
	}
	return -1
}

// predicate finds the main verb of a question, the word that says what
// happened: after "did", "will" and the like the last word of the subject
// and verb ("did France decide to", "will alliance leaders gather in"),
// after "is", "has" and the like the first participle ("have been
// wounded", "is the government planning"). It is -1 for questions with
// none, or with a verb that says little ("did Ottawa say", "has it had").
// passive is set for "were wounded", past for "did", "was" and "has".
func (lx *lexicon) predicate(toks []textWord) (verb int, passive, past bool) {
	aux := -1
	for i, tk := range toks {
		if i > 0 && isAuxiliary(tk.lower) {
			aux = i
			break
		}
	}
	if len(toks) > 1 && toks[0].lower == "who" && !isAuxiliary(toks[1].lower) && !toks[1].upper {
		// "Who leads the army?": the verb follows "who".
		if lx.isLightVerb(toks[1].lower) {
			return -1, false, false
		}
		return 1, false, strings.HasSuffix(toks[1].lower, "ed")
	}
	if aux < 0 {
		return -1, false, false
	}
	a := toks[aux].lower
	past = a == "did" || a == "was" || a == "were" || a == "has" || a == "have" || a == "had"
	verb = -1
	// After "did", "will" and the like the verb is a base form after the
	// subject; after "is" and "has" a participle.
	doSupport := !isCopula(a) && a != "has" && a != "have" && a != "had"
	started := false // past the determiners that open the subject
	for k := aux + 1; k < len(toks); k++ {
		w := toks[k].lower
		if w == "been" || w == "being" || w == "be" {
			passive = passive || !isModal(a) // "might be shifted" is no fact to count
			doSupport, verb = false, -1      // "will the summit be held"
			continue
		}
		if !started && (isDeterminer(w) || isPossessive(w)) {
			continue // "did the US ask", "is the government planning"
		}
		started = true
		if w == "of" && doSupport || toks[k].upper {
			continue // "does a barrel of oil cost", "did the US ask"
		}
		if doSupport && lx.isLightVerb(w) {
			verb = k // "did the alliance chief say"
			break
		}
		if endsNounPhrase(w) || isDeterminer(w) || isQuantifier(w) || w == "but" || questionWord(w) && !isParticiple(w) {
			break
		}
		if toks[k].upper || toks[k].letters < 2 {
			continue
		}
		if doSupport {
			// The last word of the subject and verb that does not look
			// like a noun: "did Canadian lawmakers adopt", "did Ottawa
			// dispatch senior officials", "will alliance leaders gather".
			next := ""
			if k+1 < len(toks) {
				next = toks[k+1].lower
			}
			lastOfRun := next == "" || endsNounPhrase(next) || isDeterminer(next) || isQuantifier(next)
			if !lx.looksLikeNoun(w, lastOfRun) && !isParticiple(w) {
				verb = k
			}
			continue
		}
		if isParticiple(w) || lx.isIrregularParticiple(w) {
			if k+2 < len(toks) && toks[k+1].lower == "to" && !toks[k+2].upper && lx.is(toks[k+2].lower, wcHasVerb) {
				// "is the bridge expected to open", "are talks
				// scheduled to resume": the verb after "to" says what.
				verb, passive = k+2, false
				break
			}
			if !lx.isLightVerb(w) {
				verb = k
			}
			break
		}
	}
	if verb < 0 || lx.isLightVerb(toks[verb].lower) {
		return -1, false, past
	}
	w := toks[verb].lower
	// "were wounded", "have been wounded": a participle after "be".
	passive = (passive || isCopula(a)) && !doSupport && !isModal(a) && !strings.HasSuffix(w, "ing") && (isParticiple(w) || lx.isIrregularParticiple(w)) &&
		!(verb >= 2 && toks[verb-1].lower == "to")
	return verb, passive, past
}

func isModal(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

func isQuantifier(w string) bool {
	switch w {
	case "each", "every", "per", "any", "all":
		return true
	}
	return false
}

// looksLikeNoun guesses from its ending whether w, in a question's
// subject, is a noun or adjective rather than the verb that follows: a
// plural ("lawmakers"), a noun suffix ("mission", "government"), or -er
// and -or unless last before the object ("minister say" but "leaders
// gather in").
func (lx *lexicon) looksLikeNoun(w string, lastOfRun bool) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true // after "did" or "will" the verb has no -s
	}
	switch w {
	case "each", "every", "all", "both", "most", "not", "never", "some", "any", "many", "few", "several", "more", "other":
		return true
	}
	c := lx.class(w)
	switch {
	case c&wcHasVerb != 0 && lastOfRun:
		return false // "did France plan to", "will leaders gather in"
	case c&wcVerb != 0:
		return false
	case c&(wcNoun|wcAdjective|wcAdverb) != 0:
		return true
	}
	// A word WordNet does not know: by its ending.
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ity", "ship", "ence", "ance", "ism", "ist", "ian", "ese", "ary", "ory", "al", "ic", "ive", "ous", "ful"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or")) && !lastOfRun
}

func isPossessive(w string) bool {
	switch w {
	case "its", "his", "her", "their", "our", "your", "my", "this", "these", "those", "that":
		return true
	}
	return false
}

func isAuxiliary(w string) bool {
	switch w {
	case "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would",
		"can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

// phraseAt returns the stems of the phrase the thesaurus knows that
// starts at toks[i] ("head of state", "prime minister", and "Romania's
// capital" read as "capital of Romania"), as one term, how many words it
// takes and the phrase as the thesaurus has it; n is 0 when none starts
// there.
func (e *Answerer) phraseAt(toks []textWord, i int) (stems []string, n int, phrase string) {
	known := func(p string) bool {
		return e.th != nil && len(e.th.Related(p, thesaurus.Synonym, thesaurus.Derived)) > 0
	}
	if i+2 < len(toks) && toks[i].upper && toks[i+1].lower == "s" && toks[i+1].start == toks[i].end+1 && !toks[i+2].upper {
		if p := toks[i+2].lower + " of " + toks[i].lower; known(p) {
			return []string{strings.Join(e.terms.Terms(p), " ")}, 3, p
		}
	}
	if i+1 < len(toks) && toks[i+1].start == toks[i].end+1 {
		// A compound written with a hyphen: "runner-up".
		if p := toks[i].lower + "-" + toks[i+1].lower; known(p) {
			if st := e.terms.Terms(p); len(st) > 0 {
				return []string{strings.Join(st, " ")}, 2, p
			}
		}
	}
	for n := min(4, len(toks)-i); n >= 2; n-- {
		p := phraseText(toks[i : i+n])
		key := strings.Join(e.terms.Terms(p), " ")
		if strings.Contains(key, " ") && known(p) {
			return []string{key}, n, p
		}
	}
	return nil, 0, ""
}

// phraseText is the lower-cased words of toks, space-separated.
func phraseText(toks []textWord) string {
	ws := make([]string, len(toks))
	for i, tk := range toks {
		ws[i] = tk.lower
	}
	return strings.Join(ws, " ")
}

// setting marks the words of the question's place and time phrases: "in
// southern Afghanistan", "in Kandahar", "according to the 2009 report". Such
// a phrase ends with the question, at a word that ends a noun phrase, or
// after a name ("in Kandahar end").
func (lx *lexicon) setting(toks []textWord) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		switch toks[i].lower {
		case "in", "at", "on", "during", "near", "inside", "within", "across", "since", "according":
		default:
			continue
		}
		start := i
		for k := i + 1; k < len(toks); k++ {
			w := toks[k]
			if w.lower == "to" && toks[i].lower == "according" {
				continue
			}
			if endsNounPhrase(w.lower) || questionWord(w.lower) && w.lower != "the" && w.lower != "a" && w.lower != "an" {
				break
			}
			if k > start+1 && !w.upper && toks[k-1].upper {
				if isDeterminer(toks[start+1].lower) {
					// "in the Acme fire": a name that tells which
					// event, not where.
					for m := start + 1; m < k; m++ {
						marks[m] = false
					}
				}
				break
			}
			marks[k] = true
			i = k
		}
	}
	return marks
}

// headNoun returns the index in toks of the noun the question asks about
// ("the population of Toronto", "how many soldiers", "who is the NATO
// spokesperson"), or -1 when it has none that the passages must hold: a
// marker ("what year"), a vague noun ("what is France's position"), or a
// noun that only names the kind of answer ("which official spoke", "what
// danger did he see"), which the text need not spell out. of is the index
// of the first word of its "of" complement ("of Toronto"), or -1.
func (lx *lexicon) headNoun(toks []textWord) (head, of int) {
	_, marker := lx.questionType(toks)
	head = -1
	for i, tk := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case tk.lower == "how" && (next == "many" || next == "much"):
			head = lx.lastOfPhrase(toks, i+2)
		case tk.lower == "how" && (next == "large" || next == "big" || next == "strong") && i+2 < len(toks) && isCopula(toks[i+2].lower):
			head = lx.lastOfPhrase(toks, i+3)
		case (tk.lower == "what" || tk.lower == "which" || tk.lower == "who") && isCopula(next):
			if i+2 < len(toks) && isParticiple(toks[i+2].lower) {
				return -1, -1 // "who is credited with", "what is expected": a verb
			}
			head = lx.lastOfPhrase(toks, i+2)
		case tk.lower == "name" || tk.lower == "identify":
			head = lx.lastOfPhrase(toks, i+1)
		case tk.lower == "what" || tk.lower == "which" || tk.lower == "who" || tk.lower == "how":
			return -1, -1
		default:
			continue
		}
		break
	}
	if head > 0 && len(retrieval.Terms(toks[head].text)) == 0 && toks[head-1].end == toks[head].start-1 {
		head-- // "runner-up": the particle of a compound is no noun
	}
	if head < 0 || markerWord(toks[head].lower) || head == marker && lx.nounKind(toks[head].lower) > kindPerson || lx.vagueNoun(toks[head].lower) || toks[head].letters < 2 {
		return -1, -1
	}
	of = -1
	if head+2 < len(toks) && toks[head+1].lower == "of" {
		of = head + 2
		for of < len(toks)-1 && isDeterminer(toks[of].lower) {
			of++
		}
	}
	return head, of
}

// lastOfPhrase returns the last word of the noun phrase starting at
// toks[i], or -1 when none starts there.
func (lx *lexicon) lastOfPhrase(toks []textWord, i int) int {
	last := -1
	for k := i; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		w := toks[k]
		// A verb after a plural noun ends the phrase: "how many
		// ministers attended the talks", "how many people died".
		if last >= 0 && !w.upper && (strings.HasSuffix(toks[last].lower, "s") && !lx.looksLikeNoun(w.lower, true) ||
			lx.is(w.lower, wcPastForm) && !lx.is(w.lower, wcNoun|wcAdjective)) {
			break
		}
		switch {
		case w.letters+w.digits < 2, isDeterminer(w.lower):
		default:
			last = k
		}
	}
	return last
}

// isParticiple guesses whether w is a verb form ("credited", "leading")
// rather than a noun; nouns in -ing/-ed that questions ask about are rare.
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an"
}

func isCopula(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were"
}

// endsNounPhrase reports whether w ends the noun phrase a question asks
// about: a preposition, an auxiliary or a wh-word.
func endsNounPhrase(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "for", "by", "with", "about", "from", "like", "as",
		"and", "or", "that", "who", "whom", "which", "what", "when", "where", "why", "how",
		"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have",
		"had", "do", "does", "did", "might", "may", "must", "according", "since", "during",
		"per", "after", "before", "under", "over", "into", "than", "be", "been", "there":
		return true
	}
	return subordinator(w)
}

// subordinator reports whether w opens a clause or phrase that gives a
// reason, condition or concession ("close because of the grant cut"):
// it ends the noun phrase, and a yes/no question's predicate, before it.
func subordinator(w string) bool {
	switch w {
	case "because", "despite", "although", "though", "unless", "until", "whether":
		return true
	}
	return false
}

// isName reports whether toks[i] is a proper noun the coverage must
// mention for the question to be answerable: a capitalised word inside the
// question, or an acronym anywhere. Short acronyms (PM, US) are too often
// spelled out in the text to be required, as are titles (Mr, Dr).
func (lx *lexicon) isName(toks []textWord, i int) bool {
	tk := toks[i]
	if !tk.upper || tk.letters < 3 || isHonorific(tk.lower) || lx.answerNoun(tk.lower) != kindAny {
		return false
	}
	if i == 0 {
		return tk.allCaps
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "sgt", "prof", "rev", "st":
		return true
	}
	return false
}
