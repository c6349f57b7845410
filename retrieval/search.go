package retrieval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// SearchOptions narrows and sizes a search.
type SearchOptions struct {
	K            int       // results wanted; 0 means 5
	SourcePrefix string    // only sources whose path starts with this
	Source       string    // only sources MatchSource accepts: a part of the path, or a glob
	After        time.Time // only articles dated on or after this (undated ones are excluded when set)
	Before       time.Time // only articles dated before this
}

// Result is one retrieved passage.
type Result struct {
	Chunk
	Score        float64 `json:"score"`         // fused score, higher is better
	VectorScore  float64 `json:"vector_score"`  // cosine similarity
	KeywordScore float64 `json:"keyword_score"` // BM25
}

// SearchHit is a search result as `newsbot search --json` and the web API
// give it: where the passage is, and its text for display.
type SearchHit struct {
	Source string  `json:"source"`
	Title  string  `json:"title"`
	Page   int     `json:"page,omitempty"` // a PDF's page; lines are then lines of that page
	Lines  [2]int  `json:"lines"`
	Score  float64 `json:"score"`
	Text   string  `json:"text"`
	Date   string  `json:"date,omitempty"` // YYYY-MM-DD, when known
}

// Display returns r as a SearchHit; pages are the page starts of a PDF
// source (ArticleInfo.Pages), nil for other articles.
func (r Result) Display(pages []int) SearchHit {
	h := SearchHit{Source: r.Source, Title: r.Title, Lines: [2]int{r.FirstLine, r.LastLine}, Score: r.Score, Text: DisplayText(r.Text)}
	if pages != nil {
		h.Page, h.Lines[0] = PageLine(pages, r.FirstLine)
		if lp, l := PageLine(pages, r.LastLine); lp == h.Page {
			h.Lines[1] = l
		} else {
			h.Lines[1] = pages[h.Page] - pages[h.Page-1] // to the end of the page it starts on
		}
	}
	if !r.Date.IsZero() {
		h.Date = r.Date.Format(time.DateOnly)
	}
	return h
}

// DefaultVectorWeight is the share of the vector score in the fused score
// of a search. The two rankings are fused by a convex combination of
// max-normalised scores rather than by reciprocal rank: Bruch, Gai and
// Ingber ("An Analysis of Fusion Functions for Hybrid Retrieval", 2023)
// found it at least as good and more robust, and it keeps the size of a
// lead: a passage that BM25 ranks far ahead on a rare name does not tie
// with one both methods rank vaguely well, as under RRF. The weight suits
// the built-in embedder, whose hashed features carry less meaning than
// BM25 on long documents (on the sotu question set: recall@5 0.78 at 0.25,
// 0.67 at 0.5, 0.33 for vectors alone); a learned embedding deserves more.
const DefaultVectorWeight = 0.25

// Search returns the passages that best match query: the store's nearest
// vectors and its BM25 ranking over stemmed terms, fused, with
// near-duplicate passages removed.
func (ix *Index) Search(ctx context.Context, query string, opt SearchOptions) ([]Result, error) {
	if opt.K <= 0 {
		opt.K = 5
	}
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	vec, err := ix.opt.Embedder.Embed(ctx, []string{query})
	if err != nil {
		return nil, fmt.Errorf("embedding the query: %w", err)
	}
	q := Query{
		Model: ix.model, Vector: vec[0], Terms: queryTerms(ix.terms, query), Depth: max(50, 8*opt.K),
		Filter: Filter{SourcePrefix: strings.TrimPrefix(opt.SourcePrefix, "./"), After: opt.After, Before: opt.Before},
	}
	if !ix.opt.NoExpansion {
		q.Expansion = ix.Associations().Expand(q.Terms, ix.opt.ExpandMinSentences)
	}
	if opt.Source != "" {
		// The store filters by the sources the pattern names, which any
		// store can do, rather than by the pattern.
		q.Filter.Sources = []string{}
		for _, a := range ix.Articles() {
			if MatchSource(opt.Source, a.Source) {
				q.Filter.Sources = append(q.Filter.Sources, a.Source)
			}
		}
		if len(q.Filter.Sources) == 0 {
			return nil, nil
		}
		slices.Sort(q.Filter.Sources)
	}
	vhits, khits, err := ix.store.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("searching the index: %w", err)
	}
	return fuse(vhits, khits, ix.opt.VectorWeight, opt.K), nil
}

// MatchSource reports whether source, a path relative to the corpus,
// matches pattern: a glob in gitignore syntax when it has a wildcard
// ("*.pdf" anywhere, "2009/*" in a folder, "reuters/**"), else a part of
// the path, ignoring case ("reuters", "2009/06").
func MatchSource(pattern, source string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	if strings.ContainsAny(pattern, "*?[") {
		r, ok := compileIgnore("", pattern)
		return ok && r.re.MatchString(source)
	}
	return strings.Contains(strings.ToLower(source), strings.ToLower(pattern))
}

// fuse combines the two rankings into one: a convex combination of
// max-normalised scores (weight w for the vectors), best first, without
// near duplicates, at most k.
func fuse(vhits, khits []Hit, w float64, k int) []Result {
	acc := make(map[string]*Result, len(vhits)+len(khits))
	get := func(h *Hit) *Result {
		r := acc[h.ID]
		if r == nil {
			r = &Result{Chunk: h.Chunk}
			acc[h.ID] = r
		}
		return r
	}
	var maxVec, maxKey float64
	for i := range vhits {
		get(&vhits[i]).VectorScore = vhits[i].Score
		maxVec = max(maxVec, vhits[i].Score)
	}
	for i := range khits {
		get(&khits[i]).KeywordScore = khits[i].Score
		maxKey = max(maxKey, khits[i].Score)
	}
	all := make([]*Result, 0, len(acc))
	for _, r := range acc {
		if maxVec > 0 {
			r.Score += w * max(r.VectorScore, 0) / maxVec
		}
		if maxKey > 0 {
			r.Score += (1 - w) * r.KeywordScore / maxKey
		}
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.N < b.N
	})
	var out []Result
	var kept []shingles
	for _, r := range all {
		sh := newShingles(r.Text)
		if i := sh.nearDuplicateOf(kept); i >= 0 && !differsInFact(r.Text, out[i].Text) {
			continue
		}
		kept = append(kept, sh)
		out = append(out, *r)
		if len(out) == k {
			break
		}
	}
	return out
}

// DisplayText returns a passage's text for people to read: the block
// separators (U+2029) that HTML extraction leaves between paragraphs on one
// line become spaces, and those before a line break disappear.
func DisplayText(text string) string {
	if !strings.ContainsRune(text, '\u2029') {
		return text
	}
	text = strings.ReplaceAll(text, "\u2029\n", "\n")
	return strings.ReplaceAll(text, "\u2029", " ")
}

// queryTerms are the keyword terms of a query, plus each pair of adjacent
// words run together: wire copy often loses the space between words at
// line ends ("peacekeepingmission"), and the joined pair finds it.
func queryTerms(an *Analyzer, query string) []string {
	terms := an.Terms(query)
	words := strings.FieldsFunc(query, func(r rune) bool { return !unicode.IsLetter(r) })
	for i := 0; i+1 < len(words); i++ {
		if len(words[i]) >= 3 && len(words[i+1]) >= 3 {
			terms = append(terms, an.Terms(words[i]+words[i+1])...)
		}
	}
	return terms
}

// shingles is the set of word 3-grams of a passage, for spotting near
// duplicates: wire copies of one story, or a passage mostly repeated by
// its neighbour.
type shingles map[string]struct{}

func newShingles(text string) shingles {
	words := strings.Fields(strings.ToLower(text))
	s := make(shingles, len(words))
	for i := 0; i+3 <= len(words); i++ {
		s[strings.Join(words[i:i+3], " ")] = struct{}{}
	}
	return s
}

// nearDuplicateOf returns the index of the first of others that holds
// most of s, or -1.
func (s shingles) nearDuplicateOf(others []shingles) int {
	if len(s) == 0 {
		return -1
	}
	for i, o := range others {
		common := 0
		for k := range s {
			if _, ok := o[k]; ok {
				common++
			}
		}
		// Containment rather than Jaccard: a short passage wholly inside a
		// longer copy is a duplicate even though the sets differ in size.
		if float64(common) >= 0.8*float64(min(len(s), len(o))) {
			return i
		}
	}
	return -1
}

// differsInFact reports whether two near-duplicate passages differ in a
// word that states a fact: a figure or a name ("Twelve" and "Twenty-one
// workers", "chair Kenneth Moyo" and "chair Helen Okoye"). Such copies
// are the two sides of a disagreement, which removing one would hide.
func differsInFact(a, b string) bool {
	count := func(s string) map[string]int {
		m := make(map[string]int)
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	ca, cb := count(a), count(b)
	if len(ca) > len(cb) {
		ca, cb = cb, ca
	}
	// Only words of the shorter that the longer lacks: a passage wholly
	// inside a longer one (the overlap of neighbours) differs in nothing.
	for w := range ca {
		if r := []rune(w); cb[w] == 0 && (unicode.IsDigit(r[0]) || unicode.IsUpper(r[0])) {
			return true
		}
	}
	return false
}
