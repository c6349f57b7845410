package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// SplitSentences returns the sentences of text in order, trimmed of
// surrounding white space. It never cuts a sentence in the middle of an
// abbreviation (U.S., Mr., Feb.), a number (2,500; 3.5) or a quotation.
//
// A sentence ends at '.', '?', '!' or an ellipsis (with any closing quotes
// and brackets after it) followed by white space and a word that does not
// start in lower case; after an abbreviation, an initial or an ellipsis only
// when that word usually starts sentences ("The", "He", ...). A '.' glued to
// the next word ends a sentence only in run-together text such as
// "equipment.France". A blank line and U+2029 (which the HTML loader puts
// between blocks) always end one; a single newline ends one after a line
// that looks like a headline, a byline or a whole paragraph (longer than a
// hard-wrapped line), but not inside hard-wrapped prose.
func SplitSentences(text string) []Span {
	var spans []Span
	start := 0
	cut := func(end int) {
		s, e := trimSpan(text, start, end)
		if s < e {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			if newlineEnds(text, i) {
				cut(i)
			}
			i++
		case c == '.' || c == '?' || c == '!':
			i = punctuation(text, start, i, cut)
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '\u2029':
				cut(i)
				i += size
			case '…':
				i = punctuation(text, start, i, cut)
			default:
				i += size
			}
		}
	}
	cut(len(text))
	return spans
}

// punctuation decides whether the run of terminal punctuation at i, in the
// sentence that starts at start, ends that sentence; it cuts there if so
// and returns the offset after the run.
func punctuation(text string, start, i int, cut func(int)) int {
	runEnd := i
	dots, marks := 0, 0 // '.' (an ellipsis counts as 3) and '?', '!'
	for runEnd < len(text) {
		r, size := utf8.DecodeRuneInString(text[runEnd:])
		switch r {
		case '.':
			dots++
		case '…':
			dots += 3
		case '?', '!':
			marks++
		case ' ': // a spaced ellipsis ". . ."
			if dots == 0 || runEnd+1 >= len(text) || text[runEnd+1] != '.' {
				size = 0
			}
		default:
			size = 0
		}
		if size == 0 {
			break
		}
		runEnd += size
	}
	end := runEnd
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isCloser(r) {
			end += footnoteMark(text[end:])
			break
		}
		end += size
	}
	if sentenceEnds(text, start, i, end, dots, marks) {
		cut(end)
	}
	return end
}

// footnoteMark returns the length of a footnote mark ("[1]") that starts s.
func footnoteMark(s string) int {
	if len(s) < 3 || s[0] != '[' {
		return 0
	}
	k := 1
	for k < len(s) && k < 4 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > 1 && k < len(s) && s[k] == ']' {
		return k + 1
	}
	return 0
}

// sentenceEnds reports whether terminal punctuation starting at runStart,
// with closing quotes up to end, ends the sentence that starts at start.
func sentenceEnds(text string, start, runStart, end, dots, marks int) bool {
	if end == len(text) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(r) {
		return dots+marks == 1 && runTogether(text, runStart, end)
	}
	// Look at the next word, past white space and opening quotes.
	j := end
	quoted := false
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case r == '\u2029':
			return true
		case unicode.IsSpace(r):
		case r == '"' || r == '“':
			quoted = true
		case isOpener(r):
		default:
			size = 0
		}
		if size == 0 {
			break
		}
		j += size
	}
	if j == len(text) {
		return true
	}
	next := nextWord(text[j:])
	if first, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLower(first) {
		return false
	}
	if marks > 0 {
		return true
	}
	if dots == 3 { // an ellipsis ends a sentence only before a new one
		return quoted || isStarter(next)
	}
	if dots > 1 { // "said.." or a period and an ellipsis, "end. . . ."
		return true
	}
	tok := prevToken(text, runStart)
	if isListNumber(tok) && strings.TrimSpace(text[start:runStart-len(tok)]) == "" {
		return false // "2. Our revenue...": the number of an item
	}
	switch abbreviationKind(tok) {
	case abbrTitle:
		return false
	case abbrBeforeNumber:
		return !startsWithDigit(text[j:])
	case abbrAmbiguous:
		return quoted || isStarter(next)
	}
	return true
}

// runTogether reports whether a '.' (or '?', '!') at runStart glued to the
// next word ends a sentence in text whose spaces were lost:
// "equipment.France has" does, "U.S.", "e.g." and "reuters.com" do not.
// The word before must be lower case and at least 3 letters long, the next
// one capitalised with at least 2 lower-case letters after its capital, or
// a word that usually starts sentences ("peace.We will").
func runTogether(text string, runStart, end int) bool {
	letters := 0
	for k := runStart; k > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return false
		}
		letters++
		k -= size
	}
	if letters < 3 {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsUpper(r) {
		return false
	}
	lower := 0
	for _, r := range text[end+size : min(len(text), end+size+8)] {
		if !unicode.IsLower(r) {
			break
		}
		lower++
	}
	return lower >= 2 || isStarter(nextWord(text[end:]))
}

// isListNumber reports whether tok numbers a list item: "2", "12", "IV".
func isListNumber(tok string) bool {
	if tok == "" || len(tok) > 4 {
		return false
	}
	digits := strings.Trim(tok, "0123456789") == ""
	roman := strings.Trim(tok, "IVXLC") == ""
	return (digits && len(tok) <= 2) || roman
}

// prevToken returns the word that ends at off (the characters since the
// last white space), without opening quotes or brackets: "U.S" for
// "the U.S.", "Mr" for "(Mr.".
func prevToken(text string, off int) string {
	k := off
	for k > 0 && off-k < 32 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if unicode.IsSpace(r) {
			break
		}
		k -= size
	}
	return strings.TrimLeftFunc(text[k:off], func(r rune) bool { return isOpener(r) || r == '-' || r == '—' })
}

// nextWord returns the letters that start s.
func nextWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// Kinds of words before a '.'.
const (
	abbrNone         = iota
	abbrTitle        // Mr., Dr., Gen.: a name always follows
	abbrBeforeNumber // No. 5, Feb. 22: a number follows
	abbrAmbiguous    // U.S., Inc., J.: may end a sentence
)

// abbreviationKind classifies the token before a '.'.
func abbreviationKind(tok string) int {
	if tok == "" {
		return abbrNone
	}
	switch tok { // capitalised only: "Sat." is a day, "sat." a verb
	case "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return abbrAmbiguous
	}
	// Initials and dotted abbreviations: "W", "U.S", "e.g", "Ph.D", "a.m".
	if isInitials(tok) {
		switch strings.ToLower(tok) {
		case "e.g", "i.e", "cf", "viz":
			return abbrTitle
		}
		return abbrAmbiguous
	}
	switch strings.ToLower(tok) {
	case "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "sen", "sens",
		"rep", "reps", "gov", "govs", "lt", "col", "maj", "capt", "cmdr", "cdr", "adm", "sgt", "cpl",
		"pvt", "brig", "lieut", "gov't", "pres", "supt", "insp", "det", "atty", "rev", "hon", "fr",
		"st", "mt", "ft", "vs", "v", "cf", "approx", "ca", "esp", "incl", "dept", "est", "viz":
		return abbrTitle
	case "no", "nos", "vol", "vols", "fig", "figs", "pp", "p", "art", "sec", "ch", "op",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return abbrBeforeNumber
	case "inc", "corp", "co", "cos", "ltd", "plc", "llc", "bros", "jr", "sr", "etc", "al",
		"ave", "blvd", "rd", "univ", "assn", "intl":
		return abbrAmbiguous
	}
	return abbrNone
}

// isInitials reports whether tok is one capital letter ("W") or letters
// of one or two characters joined by dots ("U.S", "e.g", "Ph.D").
func isInitials(tok string) bool {
	parts := strings.Split(tok, ".")
	if len(parts) == 1 {
		r, size := utf8.DecodeRuneInString(tok)
		return size == len(tok) && unicode.IsUpper(r)
	}
	for _, p := range parts {
		n := 0
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// isStarter reports whether a capitalised word commonly starts sentences,
// which tells "in the U.S. The" (a new sentence) from "U.S. President".
func isStarter(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its",
		"Their", "Our", "My", "This", "That", "These", "Those", "There", "Here", "But", "And",
		"Or", "So", "Yet", "In", "On", "At", "For", "If", "When", "While", "After", "Before",
		"As", "Since", "Although", "Though", "However", "Meanwhile", "Still", "Also", "Some",
		"Many", "Most", "Other", "Such", "No", "Not", "What", "Who", "Why", "How", "Where",
		"Which", "Then", "Now", "Today", "Yesterday", "Earlier", "Later", "Last", "Next",
		"Both", "Each", "All", "One", "Two", "Three", "According", "Under", "With", "Without",
		"By", "From", "To", "Asked", "Well", "Yes", "Thus", "Indeed", "Instead", "Finally",
		"First", "Second", "Third":
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket after the end of
// a sentence.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}', '*', '_':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '{', '¿', '¡':
		return true
	}
	return false
}

// newlineEnds reports whether the '\n' at i ends a sentence by itself.
func newlineEnds(text string, i int) bool {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\f' || text[j] == '\v') {
		j++
	}
	if j == len(text) || text[j] == '\n' {
		return true // a blank line
	}
	prev := lastLine(text, i)
	if prev == "" {
		return true
	}
	next := text[j:]
	if k := strings.IndexByte(next, '\n'); k >= 0 {
		next = next[:k]
	}
	next = strings.TrimRightFunc(next, unicode.IsSpace)
	if startsBlock(next) || prev[0] == '#' {
		return true // Markdown structure: a list item, a heading, a quote, a table row
	}
	if endsSentence(prev) {
		return false // punctuation decided already, as for any white space
	}
	if last, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune(",;:-–—(/&", last) || endsWithConnective(prev) {
		return false
	}
	first := next
	for first != "" {
		r, size := utf8.DecodeRuneInString(first)
		if !isOpener(r) {
			break
		}
		first = first[size:]
	}
	if r, _ := utf8.DecodeRuneInString(first); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if isBylineLine(next) {
		return true
	}
	if _, ok := parseDateline(next); ok {
		return true
	}
	p, n := utf8.RuneCountInString(prev), utf8.RuneCountInString(next)
	// Hard-wrapped prose has lines of 60-80 characters ending mid-sentence.
	// A shorter line before a capitalised one is a headline or the like; a
	// longer one is a paragraph of its own.
	return p <= 50 || p > 100 || n > 100 || 2*p < n
}

// lastLine returns the line (or U+2029 block) that ends at i, trimmed.
func lastLine(text string, i int) string {
	k := strings.LastIndexByte(text[:i], '\n') + 1
	line := text[k:i]
	if s := strings.LastIndex(line, "\u2029"); s >= 0 {
		line = line[s+len("\u2029"):]
	}
	return strings.TrimSpace(line)
}

// endsSentence reports whether a line ends with terminal punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRightFunc(line, isCloser)
	r, _ := utf8.DecodeLastRuneInString(line)
	return r == '.' || r == '?' || r == '!' || r == '…'
}

// endsWithConnective reports whether a line ends with a word that cannot
// end a sentence ("and", "the"), as hard-wrapped lines often do.
func endsWithConnective(line string) bool {
	k := strings.LastIndexFunc(line, unicode.IsSpace)
	switch line[k+1:] {
	case "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "on", "at", "for",
		"with", "by", "from", "that", "as", "is", "was", "are", "were", "his", "her", "its",
		"their", "our", "this", "which", "who", "than", "into", "over", "under", "about":
		return true
	}
	return false
}

// startsBlock reports whether a line starts a Markdown list item, heading,
// block quote or table row.
func startsBlock(line string) bool {
	line = strings.TrimLeft(line, " \t")
	if line == "" {
		return false
	}
	switch line[0] {
	case '#', '>', '|':
		return true
	case '-', '*', '+':
		return len(line) > 1 && line[1] == ' '
	}
	if strings.HasPrefix(line, "• ") {
		return true
	}
	k := 0
	for k < len(line) && k < 3 && line[k] >= '0' && line[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' '
}

// trimSpan narrows [start, end) of text to exclude surrounding white space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}
