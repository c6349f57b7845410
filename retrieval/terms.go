package retrieval

import (
	"hash/maphash"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Terms returns the index terms of text for keyword search and the built-in
// embedder: lower-cased, English-stemmed words with stop words removed and
// numbers normalised ("43,000" -> "43000", "2,700-strong" -> "2700" "strong").
//
// Terms keeps no cache, so it stems every word afresh; code that analyses a
// lot of text should hold an Analyzer and call its Terms method instead. Both
// return the same terms.
func Terms(text string) []string {
	var a Analyzer // no cache: every word is stemmed
	return a.Terms(text)
}

// Analyzer splits text into index terms (see Terms) and remembers the stem of
// each word it has seen, because Snowball stemming costs far more than the
// rest of the analysis and news text repeats its words. The cache is bounded
// (about DefaultStemCacheSize words) and safe for concurrent use, so one
// Analyzer can serve every goroutine of an indexing run.
//
// The zero Analyzer is valid and caches nothing.
type Analyzer struct {
	seed   maphash.Seed
	shards []stemShard
	limit  int // entries per shard and generation
}

// DefaultStemCacheSize is the number of distinct words an Analyzer made by
// NewAnalyzer remembers at most: enough for the vocabulary of a large news
// corpus, at a few megabytes.
const DefaultStemCacheSize = 1 << 17

// stemShards spreads cache lookups over several locks so that concurrent
// indexing goroutines rarely contend.
const stemShards = 32

// maxWordBytes bounds a token: longer runs of letters are not words (URLs,
// base64, hashes) and would only bloat the cache and the index.
const maxWordBytes = 64

// NewAnalyzer returns an Analyzer with a stem cache of DefaultStemCacheSize
// words.
func NewAnalyzer() *Analyzer {
	a := &Analyzer{
		seed:   maphash.MakeSeed(),
		shards: make([]stemShard, stemShards),
		// Two generations per shard (see stemShard) hold at most 2*limit.
		limit: DefaultStemCacheSize / stemShards / 2,
	}
	return a
}

// stemShard is a two-generation cache: when the current map is full it becomes
// the previous one and the old previous one is dropped, so memory stays
// bounded while words still in use survive (they are copied forward on a hit
// in the previous generation).
type stemShard struct {
	mu   sync.RWMutex
	cur  map[string]*wordInfo
	prev map[string]*wordInfo
}

// wordInfo is what the analyser knows about one lower-cased word.
type wordInfo struct {
	word string // lower-cased surface form, apostrophes removed
	term string // index term: the stem, or the number as normalised
	stop bool   // a stop word: not a term unless written as an acronym
}

// Terms returns the index terms of text; see the package function Terms.
func (a *Analyzer) Terms(text string) []string {
	terms := make([]string, 0, len(text)/8)
	a.scan(text, func(_, term string) {
		terms = append(terms, term)
	})
	return terms
}

// scan calls emit for each index term of text, in order, with the word it
// came from (lower-cased, apostrophes removed). Both strings stay valid after
// scan returns; with a cache they are shared, so repeated words cost no
// allocation.
func (a *Analyzer) scan(text string, emit func(word, term string)) {
	var buf [maxWordBytes + utf8.UTFMax]byte
	i := 0
	for i < len(text) {
		r, size := decodeRune(text, i)
		if !isWordRune(r) {
			i += size
			continue
		}
		n := 0           // bytes in buf
		runes := 0       // runes in the token
		letters := 0     // letters in the token
		upper := 0       // upper-case letters in the token
		segment := 0     // runes since the token start or the last joined dot
		acronym := false // letters joined by dots: U.S., U.N.
		tooLong := false // token exceeds maxWordBytes; dropped
		lastDigit := false
		j := i
		for j < len(text) {
			r, size = decodeRune(text, j)
			if isWordRune(r) {
				isLetter := unicode.IsLetter(r)
				if isLetter {
					letters++
					if unicode.IsUpper(r) {
						upper++
					}
				}
				lastDigit = unicode.IsDigit(r)
				if n+utf8.UTFMax > maxWordBytes {
					tooLong = true
				} else {
					n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
				}
				runes++
				segment++
				j += size
				continue
			}
			if isApostrophe(r) && runes > 0 {
				if k := contractionEnd(text, j+size); k > 0 {
					// Possessive or contraction ("Canada's", "we'll"): the
					// suffix is no part of the term.
					j = k
					break
				}
				if next, _ := decodeRune(text, j+size); unicode.IsLetter(next) {
					// Elision inside a word (don't, O'Brien): join the parts.
					j += size
					continue
				}
				break
			}
			if lastDigit && (r == ',' || r == '.') {
				// Thousands separators ("43,000") go, decimal points stay
				// ("3.5"); a comma must be followed by exactly three digits so
				// that lists like "2,3" still split.
				if r == ',' && thousandsGroup(text, j+1) {
					j++
					continue
				}
				if r == '.' && j+1 < len(text) && isASCIIDigit(text[j+1]) && letters == 0 {
					if n < maxWordBytes {
						buf[n] = '.'
						n++
					}
					runes++
					j++
					continue
				}
				break
			}
			if r == '.' && segment == 1 && letters > 0 && !lastDigit {
				// Dotted acronym: a single letter, a dot, a single letter.
				next, nsize := decodeRune(text, j+1)
				if j+1 < len(text) && unicode.IsLetter(next) {
					after, _ := decodeRune(text, j+1+nsize)
					if j+1+nsize >= len(text) || !isWordRune(after) {
						acronym = true
						segment = 0
						j++
						continue
					}
				}
			}
			break
		}
		i = j
		if tooLong || (runes == 1 && !lastDigit) {
			continue // 1-letter words carry no meaning; digits do
		}
		info := a.lookup(buf[:n])
		if info.stop && !acronym && (letters < 2 || upper < letters) {
			// Stop words go, unless written as an acronym ("U.S.", "US",
			// "WHO"), where they name something.
			continue
		}
		emit(info.word, info.term)
	}
}

// lookup returns the analysis of the lower-cased word w, from the cache when
// possible.
func (a *Analyzer) lookup(w []byte) *wordInfo {
	if len(a.shards) == 0 {
		return analyzeWord(string(w))
	}
	s := &a.shards[maphash.Bytes(a.seed, w)%uint64(len(a.shards))]
	s.mu.RLock()
	info, ok := s.cur[string(w)]
	if !ok {
		info, ok = s.prev[string(w)]
	}
	s.mu.RUnlock()
	if ok {
		return info
	}
	info = analyzeWord(string(w))
	s.mu.Lock()
	if s.cur == nil || len(s.cur) >= a.limit {
		s.prev = s.cur
		s.cur = make(map[string]*wordInfo, a.limit/4)
	}
	s.cur[info.word] = info
	s.mu.Unlock()
	return info
}

// analyzeWord stems w unless it is a stop word or a number.
func analyzeWord(w string) *wordInfo {
	info := &wordInfo{word: w, term: w, stop: isStopWord(w)}
	if !info.stop && hasLetter(w) {
		// Our own stop list applies, not snowball's (true: stem them too).
		info.term = english.Stem(w, true)
	}
	return info
}

func decodeRune(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isApostrophe reports the straight and typographic apostrophes (and the
// modifier letter some editors produce).
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc'
}

// contractionEnd returns the end of the suffix when s[i:] starts with one
// that follows an apostrophe at the end of a word ('s, 'll, 're, 've, 'd, 'm),
// or 0. "n't" is not one of them: "don't" is joined to "dont".
func contractionEnd(s string, i int) int {
	k := i
	for k < len(s) && k-i < 3 && ('a' <= s[k]|0x20 && s[k]|0x20 <= 'z') {
		k++
	}
	if k < len(s) {
		if r, _ := decodeRune(s, k); isWordRune(r) {
			return 0
		}
	}
	switch suffix := s[i:k]; len(suffix) {
	case 1:
		if c := suffix[0] | 0x20; c == 's' || c == 'd' || c == 'm' {
			return k
		}
	case 2:
		switch {
		case equalFoldASCII(suffix, "ll"), equalFoldASCII(suffix, "re"), equalFoldASCII(suffix, "ve"):
			return k
		}
	}
	return 0
}

func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// thousandsGroup reports whether s[i:] starts with exactly three digits.
func thousandsGroup(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isASCIIDigit(s[k]) {
			return false
		}
	}
	return i+3 == len(s) || !isASCIIDigit(s[i+3])
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isStopWord reports the function words that carry no topic: articles,
// pronouns, auxiliaries, prepositions, conjunctions and their contractions
// (written without apostrophes, as scan joins them). Deliberately small:
// BM25's IDF handles the rest.
func isStopWord(w string) bool {
	switch w {
	case "a", "about", "above", "after", "again", "against", "all", "am", "an",
		"and", "any", "are", "arent", "as", "at",
		"be", "because", "been", "before", "being", "below", "between", "both",
		"but", "by",
		"can", "cannot", "cant", "could", "couldnt",
		"did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during",
		"each", "few", "for", "from", "further",
		"had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "her",
		"here", "hers", "herself", "him", "himself", "his", "how",
		"i", "if", "in", "into", "is", "isnt", "it", "its", "itself",
		"me", "more", "most", "my", "myself",
		"no", "nor", "not", "of", "off", "on", "once", "only", "or", "other",
		"ought", "our", "ours", "ourselves", "out", "over", "own",
		"same", "she", "should", "shouldnt", "so", "some", "such",
		"than", "that", "the", "their", "theirs", "them", "themselves", "then",
		"there", "these", "they", "this", "those", "through", "to", "too",
		"under", "until", "up", "us", "very",
		"was", "wasnt", "we", "were", "werent", "what", "when", "where", "which",
		"while", "who", "whom", "why", "will", "with", "wont", "would", "wouldnt",
		"you", "your", "yours", "yourself", "yourselves":
		return true
	}
	return false
}
