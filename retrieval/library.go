package retrieval

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// ArticlePassages is an indexed article with its passages, in order.
type ArticlePassages struct {
	Info     ArticleInfo
	Passages []Chunk
}

// Library returns every indexed article with its passages, by source:
// what a question about the whole coverage ("what do the sources
// disagree about?") reads, where a search returns only the top passages.
// The passages are made again from the files of the corpus the index was
// last synced with, as a sync makes them, so that any store serves; an
// article whose file cannot be read is listed without passages.
func (ix *Index) Library() []ArticlePassages {
	infos := ix.Articles()
	corpus, _ := ix.corpus.Load().(string)
	out := make([]ArticlePassages, len(infos))
	var cdir *corpusDir
	if corpus != "" {
		var err error
		if cdir, err = openCorpus(corpus); err != nil {
			ix.log.Warn("reading the corpus for the whole coverage", "err", err)
		} else {
			defer cdir.Close()
		}
	}
	parallel(len(infos), func(i int) {
		out[i].Info = infos[i]
		if cdir == nil {
			return
		}
		data, err := cdir.ReadFile(infos[i].Source)
		if err != nil {
			ix.log.Warn("reading an article for the whole coverage", "source", infos[i].Source, "err", err)
			return
		}
		a, err := ParseArticle(infos[i].Source, data)
		if err != nil {
			ix.log.Warn("reading an article for the whole coverage", "source", infos[i].Source, "err", err)
			return
		}
		out[i].Passages = ChunkArticle(a, ix.opt.Chunk)
	})
	return out
}

// parallel runs f(0..n-1) on all cores.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// Vocabulary is the words of the coverage as written, with how often each
// occurs: what a misspelt question word is corrected against ("Apathurai"
// is "Appathurai"), since names of the coverage are in no dictionary.
type Vocabulary struct {
	count map[string]int // lower-cased word -> occurrences
	upper map[string]int // lower-cased word -> occurrences written capitalised
	stems map[string]bool
	byLen map[int][]string
	// after maps a capitalised word to the capitalised words written
	// right after it ("juniper" -> "hale"): the names a given name goes
	// with.
	after map[string][]string
}

// Knows reports whether the index holds every keyword term of text (a
// question), asking the store, which is cheap: then no word of it can be
// misspelt, and the vocabulary, whose making reads the whole coverage, is
// not needed.
func (ix *Index) Knows(text string) bool {
	terms := ix.terms.Terms(text)
	if len(terms) == 0 {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), statTimeout)
	defer cancel()
	ok, err := ix.store.HasTerms(ctx, ix.model, terms)
	if err != nil {
		ix.log.Warn("looking up a question's words", "err", err)
		return false
	}
	return ok
}

// Vocabulary returns the vocabulary of the coverage, computed on first
// use and again after the index changed. It reads every article: Knows
// says when it is not needed.
func (ix *Index) Vocabulary() *Vocabulary {
	ctx, cancel := context.WithTimeout(context.Background(), statTimeout)
	defer cancel()
	gen, err := ix.store.Generation(ctx)
	if err != nil {
		ix.log.Warn("checking the index generation", "err", err)
	}
	ix.vocabMu.Lock()
	defer ix.vocabMu.Unlock()
	if ix.vocab != nil && ix.vocabGen == gen && err == nil {
		return ix.vocab
	}
	var texts []string
	for _, a := range ix.Library() {
		texts = append(texts, a.Info.Title)
		for _, c := range a.Passages {
			texts = append(texts, c.Text)
		}
	}
	ix.vocab, ix.vocabGen = NewVocabulary(texts...), gen
	return ix.vocab
}

// vocabCache is the vocabulary of an Index and the store generation it
// was computed at.
type vocabCache struct {
	vocabMu  sync.Mutex
	vocab    *Vocabulary
	vocabGen uint64
}

// NewVocabulary returns the vocabulary of texts. Overlapping passages
// repeat a sentence, which only shifts the counts a little.
func NewVocabulary(texts ...string) *Vocabulary {
	v := &Vocabulary{count: make(map[string]int), upper: make(map[string]int), stems: make(map[string]bool), byLen: make(map[int][]string), after: make(map[string][]string)}
	for _, text := range texts {
		v.addNames(text)
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			l := strings.ToLower(w)
			if len(l) < 2 || len(l) > maxWordBytes {
				continue
			}
			if v.count[l] == 0 {
				v.byLen[len([]rune(l))] = append(v.byLen[len([]rune(l))], l)
			}
			v.count[l]++
			if r := []rune(w); unicode.IsUpper(r[0]) {
				v.upper[l]++
			}
		}
	}
	for _, ws := range v.byLen {
		sort.Strings(ws)
	}
	for w := range v.count {
		v.stems[analyzeWord(w).term] = true
	}
	return v
}

// addNames notes in v.after the capitalised words that follow one
// another in text, parted by a space only ("Juniper Hale"): the parts of
// a name.
func (v *Vocabulary) addNames(text string) {
	prev := ""
	for _, f := range strings.Fields(text) {
		w := strings.TrimRightFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			prev = ""
			continue
		}
		l := strings.ToLower(w)
		if prev != "" && !slices.Contains(v.after[prev], l) {
			v.after[prev] = append(v.after[prev], l)
		}
		prev = l
		if w != f {
			prev = "" // punctuation ends the name: "Hale, the mayor"
		}
	}
}

// After returns the capitalised words the coverage writes right after
// the capitalised word (lower case): "hale" after "juniper".
func (v *Vocabulary) After(word string) []string { return v.after[strings.ToLower(word)] }

// HasForm reports whether the coverage holds a form of word: a word with
// its stem ("officials" for "official").
func (v *Vocabulary) HasForm(word string) bool {
	return v.stems[analyzeWord(strings.ToLower(word)).term]
}

// Count returns how often the lower-cased word occurs in the coverage.
func (v *Vocabulary) Count(word string) int { return v.count[strings.ToLower(word)] }

// IsName reports whether word is mostly written capitalised in the
// coverage, as names are.
func (v *Vocabulary) IsName(word string) bool {
	l := strings.ToLower(word)
	return v.count[l] > 0 && 2*v.upper[l] > v.count[l]
}

// Nearest returns the words of the coverage within maxDist edits
// (insertions, deletions, substitutions and transpositions of letters) of
// word, closest first, then the most frequent; word itself is never
// among them.
func (v *Vocabulary) Nearest(word string, maxDist int) []string {
	w := []rune(strings.ToLower(word))
	type cand struct {
		word        string
		dist, count int
	}
	var cands []cand
	for n := len(w) - maxDist; n <= len(w)+maxDist; n++ {
		for _, o := range v.byLen[n] {
			if o == string(w) {
				continue
			}
			if d := editDistance(w, []rune(o), maxDist); d <= maxDist {
				cands = append(cands, cand{o, d, v.count[o]})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].dist != cands[j].dist {
			return cands[i].dist < cands[j].dist
		}
		return cands[i].count > cands[j].count
	})
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.word
	}
	return out
}

// EditDistance is the optimal string alignment distance of two words
// (insertions, deletions, substitutions and transpositions of adjacent
// letters), or limit+1 once it must exceed limit: how far a misspelt
// word or name is from the one meant.
func EditDistance(a, b string, limit int) int { return editDistance([]rune(a), []rune(b), limit) }

// editDistance is the optimal string alignment distance of a and b
// (Damerau-Levenshtein without repeated edits of a substring), or
// limit+1 once it must exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
