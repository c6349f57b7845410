package bot

import (
	"math"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// Stories tells which articles of a coverage report the same story: those
// sharing many of their words, the rarer ones weighing more (names of its
// people, places and bodies above all), which a question about the story
// need not use ("the industrial action by the boat crews" for "the Tarrow
// Bay ferry strike").
type Stories struct {
	terms  []map[string]bool
	idf    map[string]float64
	source map[string]int // index of each article by source
}

// maxStoryArticles is the most articles whose stories are told apart: the
// likeness of every pair is not worth its cost on a large archive, where
// a topic's words find its articles anyway.
const maxStoryArticles = 2000

// NewStories reads the words of each article.
func NewStories(all []retrieval.ArticlePassages) *Stories {
	st := &Stories{idf: make(map[string]float64), source: make(map[string]int)}
	df := make(map[string]int)
	for i, a := range all {
		st.source[a.Info.Source] = i
		terms := make(map[string]bool)
		for _, p := range a.Passages {
			for _, t := range retrieval.Terms(a.Info.Title + "\n" + p.Text) {
				if !terms[t] {
					terms[t] = true
					df[t]++
				}
			}
		}
		st.terms = append(st.terms, terms)
	}
	n := float64(len(all))
	for t, d := range df {
		st.idf[t] = math.Log(n / float64(d)) // a word of every article weighs nothing
	}
	return st
}

// Likeness is the weighted Jaccard of the words of the articles of two
// sources, 0 for a source it does not hold.
func (st *Stories) Likeness(a, b string) float64 {
	i, ok := st.source[a]
	j, ok2 := st.source[b]
	if !ok || !ok2 {
		return 0
	}
	return st.likeness(i, j)
}

func (st *Stories) likeness(i, j int) float64 {
	var shared, all float64
	for t := range st.terms[i] {
		all += st.idf[t]
		if st.terms[j][t] {
			shared += st.idf[t]
		}
	}
	for t := range st.terms[j] {
		if !st.terms[i][t] {
			all += st.idf[t]
		}
	}
	if all == 0 {
		return 0
	}
	return shared / all
}

// SameStory is the least likeness of an article to the one a topic's
// search finds first for both to be of one story. Measured on the eval
// corpora (bot/eval/testdata): articles of one story 0.04 to 0.93, most
// above 0.07; of different stories at most 0.05, but for two stories of
// one firm (0.08 to 0.11).
const SameStory = 0.07

// maxMates is the most articles whose likes mates looks for: each look
// is over the whole coverage.
const maxMates = 200

// mates returns the indexes of the articles of the story of article i,
// i included, in order: those like i, and those like them in turn. A
// story's last report (the chief executive resigns) may share little with
// its first but much with the one before; articles of one story are
// chained so at SameStory on every eval corpus, where those of two
// stories are not (bot/eval/testdata: the least likeness of an article
// to the likest of its story 0.045 to 0.114, the most to another story's
// 0.022 to 0.05, but for two stories of one firm).
func (st *Stories) mates(i int) []int {
	in := make([]bool, len(st.terms))
	in[i] = true
	queue := []int{i}
	for n := 0; len(queue) > 0 && n < maxMates; n++ {
		k := queue[0]
		queue = queue[1:]
		for j := range st.terms {
			if !in[j] && st.likeness(k, j) >= SameStory {
				in[j] = true
				queue = append(queue, j)
			}
		}
	}
	var out []int
	for j, ok := range in {
		if ok {
			out = append(out, j)
		}
	}
	return out
}

// monthNumber is the number of an English month's name, 0 for none.
func monthNumber(w string) int {
	for m := time.January; m <= time.December; m++ {
		if w == strings.ToLower(m.String()) {
			return int(m)
		}
	}
	return 0
}

// copiedShare is the share of an undated article's paragraphs that must
// be passed by those standing word for word in a dated one for it to be a
// copy of it: a
// republished wire story keeps most of its paragraphs and changes a
// figure or a date in one, where two reports of one story share none.
const copiedShare = 0.5

// minCopiedParagraph is the shortest paragraph, in bytes, that counts: a
// one-word line ("Advertisement") says nothing of where a text came from.
const minCopiedParagraph = 20

// Copies maps each undated article of all that copies a dated one (a
// republished wire story, a syndicated page) to the
// earliest dated article it copies (its info): its date is when the copy's events
// happened, and the copy was published no earlier.
func Copies(all []retrieval.ArticlePassages) map[string]retrieval.ArticleInfo {
	paras := make([]map[string]bool, len(all))
	for i, a := range all {
		paras[i] = paragraphs(a)
	}
	out := make(map[string]retrieval.ArticleInfo)
	for i, a := range all {
		if !a.Info.Date.IsZero() || len(paras[i]) == 0 {
			continue
		}
		best := -1
		for j, b := range all {
			if b.Info.Date.IsZero() || len(paras[j]) == 0 {
				continue
			}
			shared := 0
			for p := range paras[i] {
				if paras[j][p] {
					shared++
				}
			}
			if float64(shared) > copiedShare*float64(len(paras[i])) && (best < 0 || b.Info.Date.Before(all[best].Info.Date)) {
				best = j
			}
		}
		if best >= 0 {
			out[a.Info.Source] = all[best].Info
		}
	}
	return out
}

// paragraphs returns the lines of an article's passages, white space
// folded, that are long enough to tell where a text came from.
func paragraphs(a retrieval.ArticlePassages) map[string]bool {
	out := make(map[string]bool)
	for _, p := range a.Passages {
		for line := range strings.Lines(p.Text) {
			if l := strings.Join(strings.Fields(line), " "); len(l) >= minCopiedParagraph {
				out[l] = true
			}
		}
	}
	return out
}
