package extractive

// This file splits the retrieved passages into the sentences an answer
// can quote, knowing headlines, photo credits and captions.

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// passageSentence is one distinct sentence of the passages.
type passageSentence struct {
	source, title string
	date          time.Time
	text          string // verbatim, trimmed
	lower         string
	lines         [2]int
	rank          int // of the best passage holding it, 0 first
	terms         map[string]bool
	toks          []textWord
	caption       bool                // a photo caption or credit: rarely the answer
	fullNames     map[string]bool     // surnames its article gives in full, shared by its sentences
	fileNames     map[string]bool     // stems of its file's name ("1862_abraham_lincoln"), shared
	headline      bool                // the article's headline: the body says it better
	asks          bool                // a question of the text ("Q: Why?"): its reply answers
	byline        bool                // credits the story's reporters
	nameHeads     map[string][]string // the nouns its article calls its names by, by their other words (see linkNameHeads), shared
	common        map[string]bool     // words its passages write in lower case, shared: "minister" is a title, "Harper" a name
	prev, next    *passageSentence    // the sentences just before and after it, when retrieved
	periodList    []period            // the quarters it names, see periods
	periodsDone   bool
}

// isHeadline reports whether a sentence is the article's headline: its
// title, without the full stop of a sentence of the body, also as the
// header line it came from ("Title: …", "Headline: …" in exports from
// news databases).
func isHeadline(text, title string) bool {
	text = strings.Join(strings.Fields(text), " ")
	if key, rest, ok := strings.Cut(text, ": "); ok && rest == title && !strings.ContainsAny(key, " \t") {
		text = rest
	}
	if title == "" || text != title {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?\"”’'", r)
}

// collectSentences splits the passages into sentences, dropping the
// repeats that overlapping chunks produce.
func (e *Answerer) collectSentences(passages []retrieval.Result) []*passageSentence {
	lx := e.lexicon
	seen := make(map[string]*passageSentence)
	var out []*passageSentence
	files := make(map[string]map[string]bool)
	for rank, p := range passages {
		if files[p.Source] == nil {
			files[p.Source] = fileNameStems(p.Source)
		}
		var prev *passageSentence // the sentence before, in this passage
		prevEnd := 0
		for _, sp := range joinCredits(p.Text, retrieval.SplitSentences(p.Text)) {
			// SplitSentences trims its spans, and joinCredits joins trimmed ones.
			start, end := sp.Start, sp.End
			// A markdown heading is quoted without its marks ("# "),
			// which are markup, not words; it is a headline.
			heading := strings.HasPrefix(p.Text[start:end], "#")
			if heading {
				start = end - len(strings.TrimLeft(p.Text[start:end], "# \t"))
			}
			if start >= end {
				continue
			}
			text := p.Text[start:end]
			offKey := p.Source + "\x00" + strconv.Itoa(p.Start+start)
			textKey := p.Source + "\x00" + text
			gap := p.Text[prevEnd:start]
			prevEnd = end
			if s := cmp.Or(seen[offKey], seen[textKey]); s != nil {
				link(prev, s, gap)
				prev = s
				continue
			}
			toks := splitWords(text)
			if sentenceWords(toks) < 3 && !(prev != nil && prev.asks) { // "Doyle: No." replies
				prev = nil
				continue // a stray label, not a sentence
			}
			s := &passageSentence{
				source: p.Source, title: p.Title, date: p.Date,
				text: text, lower: strings.ToLower(text),
				lines: [2]int{
					p.FirstLine + retrieval.LineAt(p.Text, start) - 1,
					p.FirstLine + retrieval.LineAt(p.Text, end-1) - 1,
				},
				rank:      rank,
				fileNames: files[p.Source],
				terms:     make(map[string]bool),
				toks:      toks,
				caption:   isPhotoCredit(text),
				headline:  heading || isHeadline(text, p.Title),
				asks:      asksItself(text),
			}
			// The words as split here too, so that glued words
			// ("capitalKabul") give their terms.
			var words strings.Builder
			for _, w := range toks {
				words.WriteString(w.text)
				words.WriteByte(' ')
			}
			for _, t := range slices.Concat(e.terms.Terms(text), e.terms.Terms(words.String())) {
				s.terms[t] = true
			}
			// An irregular form stands for its base form too: "broke"
			// is "break", which "injury" relates to; an ordinal for its
			// number, however written ("13th", "thirteenth").
			for _, w := range toks {
				for _, t := range e.baseStems(w.lower) {
					s.terms[t] = true
				}
				if n := ordinalValue(w.lower); n > 0 {
					s.terms[ordinalTerm(n)] = true
				}
			}
			e.addConstraintTerms(s)
			seen[offKey], seen[textKey] = s, s
			link(prev, s, gap)
			prev = s
			out = append(out, s)
		}
	}
	// The words the passages write in lower case: "minister" is then a
	// title, where "Harper", never written so, is a surname.
	common := make(map[string]bool)
	for _, s := range out {
		s.common = common
		for i, tk := range s.toks {
			if !tk.upper && tk.letters > 0 && (i > 0 || !strings.HasPrefix(s.text, tk.text)) {
				common[tk.lower] = true
			}
		}
	}
	// The surnames each article gives in full somewhere: "Sarkozy" alone
	// is then a person, where "Kandahar" is not.
	surnames := make(map[string]map[string]bool)
	for _, s := range out {
		if surnames[s.source] == nil {
			surnames[s.source] = make(map[string]bool)
		}
		s.fullNames = surnames[s.source]
		s.byline = lx.isByline(s)
		for _, n := range lx.namesIn(s) {
			if n.full() {
				s.fullNames[n.surname(s.toks)] = true
			}
		}
	}
	linkNameHeads(out)
	return out
}

func sentenceWords(toks []textWord) int {
	n := 0
	for _, t := range toks {
		if t.letters > 0 {
			n++
		}
	}
	return n
}

// isPhotoCredit spots captions such as "... June 13 2009. REUTERS/Jorge
// Silva", whose names and dates would otherwise look like answers.
func isPhotoCredit(text string) bool {
	i := strings.Index(text, "/")
	if i < 3 {
		return false
	}
	agency := text[:i]
	if j := strings.LastIndexFunc(agency, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
		agency = agency[j+1:]
	}
	return len(agency) >= 2 && strings.ToUpper(agency) == agency && i+1 < len(text) && unicode.IsUpper(rune(text[i+1]))
}
