package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// Speller gives the vocabulary of the coverage, against which misspelt
// question words are corrected; *retrieval.Index is one. Knows says
// cheaply that a question has no word the coverage lacks, so that the
// vocabulary, which takes reading the whole coverage, is made only for
// questions that may need it.
type Speller interface {
	Knows(question string) bool
	Vocabulary() *retrieval.Vocabulary
}

// Dictionary knows the words of the language: *extractive.Answerer is one
// (through its thesaurus).
type Dictionary interface {
	KnowsWord(word string) bool
}

// correction is one word of a question read as another.
type correction struct {
	from, to string
}

// spelling is how a question reads with its misspellings corrected.
type spelling struct {
	sure      string       // the question with the corrections sure enough to make unasked
	sureFixes []correction // what those changed
	guess     string       // the question with every correction, worth a try when the sure one is not answered
	allFixes  []correction
	suggest   []string // nearest words of the coverage for unknown names it dared not change
}

// Levels of confidence in a correction.
const (
	noFix = iota
	suggestFix
	guessFix
	sureFix
)

// spell corrects the words of question that the coverage does not hold
// but holds a word close to: names first ("Apathurai" is "Appathurai",
// "Harpr" is "Harper"), since names are what questions get wrong and no
// dictionary knows them. A lowercase word the coverage lacks may be
// rightly spelt ("start" is no misspelt "Stuart"), so its correction is
// only a guess.
func spell(v *retrieval.Vocabulary, dict Dictionary, question string) spelling {
	sp := spelling{sure: question, guess: question}
	if v == nil {
		return sp
	}
	var sure, guess strings.Builder
	last := 0
	first := true
	prev := "" // the word before, as corrected
	for i := 0; i < len(question); {
		r, size := utf8.DecodeRuneInString(question[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(question) {
			r, size := utf8.DecodeRuneInString(question[j:])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				break
			}
			j += size
		}
		word := question[i:j]
		// A possessive is corrected as its name: "Haloran's" is
		// "Halloran's".
		for _, pos := range []string{"'s", "’s", "'", "’"} {
			if w, ok := strings.CutSuffix(word, pos); ok && w != "" {
				word, j = w, j-len(pos)
				break
			}
		}
		to, level := correctWord(v, dict, word, first)
		if n, ok := nameAfter(v, prev, word); ok {
			to, level = n, sureFix
		} else if n, ok := nameBefore(v, dict, word, nextWord(question, j)); ok && level != sureFix {
			to, level = n, sureFix
		}
		prev = word
		if level == sureFix {
			prev = matchCase(to, word)
		}
		first = false
		i = j
		if level == noFix {
			continue
		}
		to = matchCase(to, word)
		if level == suggestFix {
			sp.suggest = append(sp.suggest, to)
			continue
		}
		guess.WriteString(question[last:i-len(word)] + to)
		sp.allFixes = append(sp.allFixes, correction{word, to})
		if level == sureFix {
			sure.WriteString(question[last:i-len(word)] + to)
			sp.sureFixes = append(sp.sureFixes, correction{word, to})
		} else {
			sure.WriteString(question[last:i])
		}
		last = i
	}
	if len(sp.allFixes) > 0 {
		sp.sure = sure.String() + question[last:]
		sp.guess = guess.String() + question[last:]
	}
	return sp
}

// correctWord returns the word of the coverage that word is a misspelling
// of, and how sure the correction is.
func correctWord(v *retrieval.Vocabulary, dict Dictionary, word string, first bool) (string, int) {
	lower := strings.ToLower(word)
	n := utf8.RuneCountInString(lower)
	if strings.ContainsAny(lower, "'’") || v.Count(lower) > 0 || isQuestionWord(lower) || isOrdinal(lower) {
		return "", noFix // "eighth" is no misspelt "eight": it asks for an edition
	}
	if len(retrieval.Terms(lower)) == 0 {
		return "", noFix // a function word ("these"), which the coverage may just not use
	}
	if n <= 4 {
		// Short words: a question word mistyped at the start ("wat",
		// "whta"), which shapes the whole question, or a short name
		// asked as one ("Nese" for "Nesse"), when the coverage names
		// someone so.
		if !first {
			if n == 4 && unicode.IsUpper([]rune(word)[0]) {
				for _, c := range v.Nearest(lower, 1) {
					if v.IsName(c) {
						return c, sureFix
					}
				}
			}
			return "", noFix
		}
		for _, q := range []string{"who", "what", "when", "where", "why", "how", "which"} {
			if editClose(lower, q) {
				return q, sureFix
			}
		}
		return "", noFix
	}
	// A word whose stem the coverage holds ("extends") is known.
	if v.HasForm(lower) {
		return "", noFix
	}
	capital := !first && unicode.IsUpper([]rune(word)[0])
	maxDist := 1
	if n >= 7 && capital {
		maxDist = 2 // a long name: "Apathurai"
	}
	near := v.Nearest(lower, maxDist)
	if capital {
		// Asked as a name, it is most likely one: "Price" for "Pryce"
		// before "prize".
		slices.SortStableFunc(near, func(a, b string) int {
			switch na, nb := v.IsName(a), v.IsName(b); {
			case na && !nb:
				return -1
			case nb && !na:
				return 1
			}
			return 0
		})
	}
	for _, c := range near {
		switch {
		case capital:
			return c, sureFix // a word asked as a name: "Price" for "Pryce"
		case n >= 6 && (v.IsName(c) || v.Count(c) >= 2 && editClose(lower, c)):
			return c, guessFix // "apathurai", "busses"
		case n == 5 && v.IsName(c) && dict != nil && !dict.KnowsWord(lower):
			// A short name typed in lower case, as chat is ("harpr"),
			// but no English word ("start" is no misspelt "Stuart").
			return c, guessFix
		}
	}
	if far := v.Nearest(lower, maxDist+1); len(far) > 0 && capital {
		return far[0], suggestFix
	}
	return "", noFix
}

// nameAfter returns the part of a name the coverage writes after prev
// that word misspells, when both are capitalised and the coverage never
// writes word after prev: "Juniper Hail" is "Juniper Hale", two edits
// apart but the only name after Juniper, even where "hail" is a word of
// the coverage.
func nameAfter(v *retrieval.Vocabulary, prev, word string) (string, bool) {
	if prev == "" || !startsUpper(prev) || !startsUpper(word) || utf8.RuneCountInString(word) < 4 {
		return "", false
	}
	after := v.After(prev)
	lower := strings.ToLower(word)
	if len(after) == 0 || slices.Contains(after, lower) {
		return "", false
	}
	for _, c := range v.Nearest(lower, 2) {
		if slices.Contains(after, c) {
			return c, true
		}
	}
	return "", false
}

// nameBefore returns the given name the coverage writes before the
// surname next (as it corrects it) that word misspells, when both are
// capitalised, the coverage does not write word at all and no other
// given name before that surname is as close: "Lukas Brener" is Luca
// Brenner, two edits apart but the only Brenner the coverage names.
func nameBefore(v *retrieval.Vocabulary, dict Dictionary, word, next string) (string, bool) {
	if !startsUpper(word) || !startsUpper(next) || utf8.RuneCountInString(word) < 3 || v.Count(word) > 0 {
		return "", false
	}
	surname := strings.ToLower(next)
	if v.Count(surname) == 0 {
		to, level := correctWord(v, dict, next, false)
		if level != sureFix {
			return "", false
		}
		surname = strings.ToLower(to)
	}
	found := ""
	for _, c := range v.Nearest(strings.ToLower(word), 2) {
		if slices.Contains(v.After(c), surname) {
			if found != "" {
				return "", false // Luca or Lucas Brenner: the reader's to say
			}
			found = c
		}
	}
	return found, found != ""
}

// nextWord returns the word of question that starts after offset i, or
// "".
func nextWord(question string, i int) string {
	for i < len(question) {
		r, size := utf8.DecodeRuneInString(question[i:])
		if unicode.IsLetter(r) {
			break
		}
		if r != ' ' {
			return "" // punctuation: no name goes on
		}
		i += size
	}
	j := i
	for j < len(question) {
		r, size := utf8.DecodeRuneInString(question[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return question[i:j]
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// editClose reports whether a and b are one edit apart.
func editClose(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == len(rb) {
		diff := -1
		for i := range ra {
			if ra[i] != rb[i] {
				if diff >= 0 {
					// Two differences: a transposition of neighbours only.
					return i == diff+1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
				}
				diff = i
			}
		}
		return true
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) != 1 {
		return false
	}
	for i := range rb {
		if string(rb[:i])+string(rb[i+1:]) == string(ra) {
			return true
		}
	}
	return false
}

// matchCase writes to in the case of the word it corrects: capitalised
// when that was, else as the coverage writes it when it is a name.
func matchCase(to, word string) string {
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(r) {
		t, size := utf8.DecodeRuneInString(to)
		return string(unicode.ToUpper(t)) + to[size:]
	}
	return to
}
