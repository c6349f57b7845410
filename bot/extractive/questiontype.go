package extractive

// This file tells what a question asks for: a person, a number, a date,
// a place, a length of time or a reason.

// asksDuration reports whether the question asks for a span of time: "how
// long", "how much time", "how many years".
func (lx *lexicon) asksDuration(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "how" {
			continue
		}
		switch next := toks[i+1].lower; {
		case next == "long":
			return true
		case (next == "much" || next == "many") && i+2 < len(toks) && lx.isTimeUnit(toks[i+2].lower):
			return true
		}
	}
	return false
}

// asksHowMuch reports whether the question asks "how much".
func asksHowMuch(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "how" && toks[i+1].lower == "much" {
			return true
		}
	}
	return false
}

// questionWord reports whether w only shapes the question and says nothing
// about its subject.
func questionWord(w string) bool {
	switch w {
	case "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "whereabouts",
		"many", "much", "name", "according", "tell", "me", "us", "please", "list", "identify",
		"give", "describe", "explain", "does", "did", "do", "is", "are", "was", "were", "will",
		"would", "can", "could", "should", "has", "have", "had", "the", "a", "an", "of", "in",
		"on", "at", "to", "for", "by", "with", "about", "from", "as", "and", "or", "that",
		"this", "these", "those", "there", "it", "its", "be", "been", "being", "so", "far",
		"exactly", "currently", "now", "say", "says", "said", "happen", "happened":
		return true
	}
	return false
}

// questionKind finds what the question asks for: the first wh-word
// decides, and "what"/"which"/"name" look at the noun that follows.
func (lx *lexicon) questionKind(toks []textWord) answerKind {
	k, _ := lx.questionType(toks)
	return k
}

// endsPhraseAsVerb reports whether word k of a question is the verb
// after its subject ("which film won the award", "which judge wrote"),
// not a participle inside it ("which newly appointed alliance chief").
func (lx *lexicon) endsPhraseAsVerb(toks []textWord, k int) bool {
	w := toks[k].lower
	if !lx.is(w, wcPastForm|wcVerbS) && lx.pos(w) != wcVerb {
		return false
	}
	if k+1 == len(toks) {
		return true
	}
	next := toks[k+1]
	return next.upper || isDeterminer(next.lower) || endsNounPhrase(next.lower) || isPossessive(next.lower) || lx.is(next.lower, wcPastForm)
}

// questionType finds what the question asks for, and the index of the
// noun that says so ("what year", "which city", "the size of"), which
// only names the kind of answer and so need not occur in the passages;
// -1 for none. The first wh-word decides; "what", "which" and "name" look
// at the noun phrase that follows.
func (lx *lexicon) questionType(toks []textWord) (answerKind, int) {
	for i, tk := range toks {
		switch tk.lower {
		case "who", "whom", "whose":
			return kindPerson, -1
		case "when":
			return kindDate, -1
		case "where", "whereabouts":
			return kindPlace, -1
		case "why":
			return kindReason, -1
		case "how":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "many", "much":
					if i+2 < len(toks) && lx.isTimeUnit(toks[i+2].lower) {
						return kindNumber, i + 2 // "how much time": a span, the kind of answer
					}
					return kindNumber, -1
				case "old", "far", "often":
					// An age, a distance, a frequency: the answer
					// seldom says "old" ("Fontainhas, 34,").
					return kindNumber, i + 1
				case "large", "big", "strong", "long", "few", "numerous":
					return kindNumber, -1
				case "soon", "late", "early":
					return kindDate, -1
				}
			}
			return kindAny, -1
		case "what", "which", "name", "identify":
			// The noun phrase right after, up to its verb: "what year",
			// "which Canadian defence minister", "which wartime message
			// argued", "what is the size of"; its last word says what
			// is asked ("what did X say" names no kind). It only names
			// the kind of answer (a marker) when nothing qualifies it:
			// "what year", not "the unemployment rate".
			k := i + 1
			if k < len(toks) && isCopula(toks[k].lower) {
				k++
			}
			for k < len(toks) && isDeterminer(toks[k].lower) {
				k++
			}
			start, head := k, -1
			for ; k < min(len(toks), i+8) && !endsNounPhrase(toks[k].lower); k++ {
				w := toks[k]
				if k > start && lx.endsPhraseAsVerb(toks, k) {
					break
				}
				if !w.upper && w.letters >= 2 {
					head = k
				}
			}
			if head < 0 || lx.isDocumentWord(toks[head].lower) {
				return kindAny, -1 // "which address": the answer is the document
			}
			kind := lx.nounKind(toks[head].lower)
			if kind == kindAny {
				return kindAny, -1
			}
			if head != start {
				return kind, -1
			}
			return kind, head
		}
	}
	// No wh-word ("Tell me the size of ..."): the first answer noun decides.
	for k, tk := range toks {
		if kind := lx.answerNoun(tk.lower); kind != kindAny && !tk.upper {
			return kind, k
		}
	}
	return kindAny, -1
}
