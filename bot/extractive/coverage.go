package extractive

// This file answers questions about the whole coverage: a summary by
// article, the list of articles, their dates and outlets, who is quoted,
// what the articles disagree about and a timeline. Every line quotes a
// sentence of an article and cites it.

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// maxListed is the most articles a coverage answer lists one by one; a
// list of hundreds helps nobody, and `newsbot articles` shows them all.
const maxListed = 25

// coverageArticle is an article of a coverage question, split into its
// sentences.
type coverageArticle struct {
	info   retrieval.ArticleInfo
	sents  []*passageSentence // in order, headline and byline included
	bounds bounds             // of an undated article, as its text tells
	// recalled is set for an article dated after the years a topic
	// names that opens on what happened within them.
	recalled bool
}

// citer numbers the sentences an answer cites, once each.
type citer struct {
	cites []bot.Citation
	seen  map[*passageSentence]int
}

func (c *citer) cite(s *passageSentence) string {
	if c.seen == nil {
		c.seen = make(map[*passageSentence]int)
	}
	n, ok := c.seen[s]
	if !ok {
		n = len(c.cites) + 1
		c.seen[s] = n
		c.cites = append(c.cites, bot.Citation{N: n, Source: s.source, Title: s.title, Lines: s.lines, Quote: s.text, Date: s.date})
	}
	return "[" + strconv.Itoa(n) + "]"
}

// answerCoverage answers a question about the whole coverage.
func (e *Answerer) answerCoverage(cov *bot.Coverage) bot.Answer {
	articles := make([]coverageArticle, 0, len(cov.Articles))
	for _, a := range cov.Articles {
		res := make([]retrieval.Result, len(a.Passages))
		for i, p := range a.Passages {
			res[i] = retrieval.Result{Chunk: p}
		}
		sents := e.collectSentences(res)
		slices.SortStableFunc(sents, func(x, y *passageSentence) int { return x.lines[0] - y.lines[0] })
		ca := coverageArticle{info: a.Info, sents: sents, recalled: cov.Recalled[a.Info.Source]}
		if a.Info.Date.IsZero() {
			ca.bounds = textBounds(e.lexicon, e.terms.Terms, ca)
			if orig, ok := cov.Copies[a.Info.Source]; ok {
				// A copy was published no earlier than what it copies,
				// and tells of the same days.
				ca.bounds = bounds{notBefore: orig.Date, copyOf: orig}
			}
		}
		articles = append(articles, ca)
	}
	var c citer
	var text string
	switch cov.Kind {
	case bot.CoverageSummary:
		if cov.Event {
			text = e.eventSummary(articles, cov.Stories, &c, cov.Topic)
		} else {
			text = summary(articles, &c, e.summaryPicker(articles, cov.Topic))
		}
	case bot.CoverageArticles:
		text = articleList(articles, &c, "The coverage holds "+countArticles(len(articles))+":", articleEntry)
	case bot.CoverageDates:
		text = articleList(articles, &c, "Publication dates, oldest first:", dateEntry)
	case bot.CoverageOutlets:
		text = outlets(articles, &c)
	case bot.CoverageQuoted:
		text = e.quoted(articles, &c, cov.Roles...)
	case bot.CoverageDisagree:
		text = e.disagreements(articles, &c)
	case bot.CoverageTimeline:
		if cov.Trend {
			// A figure year by year, quarter by quarter; a tally of
			// one year report by report.
			text = e.figureHistory(articles, &c, cov.Topic)
			if text == "" {
				text = e.trendTimeline(articles, &c, cov.Topic)
			}
		} else {
			text = e.eventTimeline(articles, &c)
		}
	}
	if text == "" {
		return refusedAnswer()
	}
	return bot.Answer{Text: text, Citations: c.cites}
}

func countArticles(n int) string {
	if n == 1 {
		return "1 article"
	}
	return strconv.Itoa(n) + " articles"
}

// lede returns the first sentence of an article's body: not its
// headline, byline, dateline alone or a caption.
func lede(a coverageArticle) *passageSentence {
	title := strings.Join(strings.Fields(a.info.Title), " ")
	for _, s := range a.sents {
		if title != "" && strings.HasPrefix(strings.Join(strings.Fields(s.text), " "), title) {
			continue // the headline run into a "Date:" line below it
		}
		if !s.headline && !s.byline && !s.caption && sentenceWords(s.toks) >= 6 {
			return s
		}
	}
	if len(a.sents) > 0 {
		return a.sents[0]
	}
	return nil
}

// describe is how an answer names an article: its date and outlet.
func describe(info retrieval.ArticleInfo) string {
	d := bot.DateLabel(info.Date)
	if info.Agency != "" {
		d += ", " + info.Agency
	}
	return d
}

// quote is a sentence as prose: the line breaks of the file folded.
func quote(s *passageSentence) string {
	return strings.Join(strings.Fields(s.text), " ")
}

// listed cuts a list of articles to maxListed, and says how many more
// there are.
func listed(articles []coverageArticle) ([]coverageArticle, string) {
	if len(articles) <= maxListed {
		return articles, ""
	}
	return articles[:maxListed], fmt.Sprintf("\n… and %d more (`newsbot articles` lists them all).", len(articles)-maxListed)
}

// summary is what the coverage is about, article by article: each
// article's lede, oldest first.
func summary(articles []coverageArticle, c *citer, pick picker) string {
	var b strings.Builder
	b.WriteString("The coverage holds " + countArticles(len(articles)))
	var first, last string
	for _, a := range articles {
		if !a.info.Date.IsZero() {
			if first == "" {
				first = bot.DateLabel(a.info.Date)
			}
			last = bot.DateLabel(a.info.Date)
		}
	}
	if first != "" && first != last {
		b.WriteString(", from " + first + " to " + last)
	}
	b.WriteString(". By article, oldest first:")
	shown, more := listed(copiesAfterOriginals(articles))
	for _, a := range shown {
		said := pick(a)
		if len(said) == 0 {
			continue
		}
		d := describe(a.info)
		if a.bounds.copyOf.Source != "" {
			d = a.bounds.label()
		}
		fmt.Fprintf(&b, "\n- %s (%s):", oneLineTitle(a.info.Title), d)
		for _, s := range said {
			fmt.Fprintf(&b, " %s %s", quote(s), c.cite(s))
		}
	}
	b.WriteString(more)
	return b.String()
}

// copiesAfterOriginals orders the articles with each undated copy right
// after the article it copies: where a reader of the list looks for it.
func copiesAfterOriginals(articles []coverageArticle) []coverageArticle {
	copies := copiesIn(articles)
	out := make([]coverageArticle, 0, len(articles))
	for i, a := range articles {
		if _, ok := copies[i]; ok {
			continue
		}
		out = append(out, a)
		for _, c := range slices.Sorted(maps.Keys(copies)) {
			if copies[c] == i {
				out = append(out, articles[c])
			}
		}
	}
	return out
}

func oneLineTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > 100 {
		t = string(r[:99]) + "…"
	}
	return t
}

// articleList lists the articles, one line each, cited by their ledes.
func articleList(articles []coverageArticle, c *citer, head string, entry func(coverageArticle) string) string {
	var b strings.Builder
	b.WriteString(head)
	shown, more := listed(articles)
	for _, a := range shown {
		s := lede(a)
		if s == nil {
			continue
		}
		fmt.Fprintf(&b, "\n- %s %s", entry(a), c.cite(s))
	}
	b.WriteString(more)
	return b.String()
}

// articleEntry describes an article: title, date, outlet, byline, file.
func articleEntry(a coverageArticle) string {
	s := oneLineTitle(a.info.Title) + " (" + describe(a.info)
	if a.info.Dateline != "" {
		s += ", " + a.info.Dateline
	}
	if len(a.info.Bylines) > 0 {
		s += ", " + strings.Join(strings.Fields(strings.Join(a.info.Bylines, "; ")), " ")
	}
	return s + "; " + a.info.Source + ")"
}

// dateEntry gives an article's publication date first.
func dateEntry(a coverageArticle) string {
	d := bot.DateLabel(a.info.Date)
	if !a.info.Date.IsZero() {
		d += " (" + a.info.Date.Format("January 2, 2006") + ")" // as a reader writes it
	}
	return d + ": " + oneLineTitle(a.info.Title) + " (" + a.info.Source + ")"
}

// outlets groups the articles by the outlet their dateline names.
func outlets(articles []coverageArticle, c *citer) string {
	var order []string
	by := make(map[string][]coverageArticle)
	for _, a := range articles {
		o := a.info.Agency
		if o == "" {
			o = "outlet not named"
		}
		if by[o] == nil {
			order = append(order, o)
		}
		by[o] = append(by[o], a)
	}
	var b strings.Builder
	b.WriteString("The articles by outlet:")
	for _, o := range order {
		fmt.Fprintf(&b, "\n- %s:", o)
		for i, a := range by[o] {
			if s := lede(a); s != nil {
				if i > 0 {
					b.WriteString(";")
				}
				fmt.Fprintf(&b, " %s (%s) %s", oneLineTitle(a.info.Title), bot.DateLabel(a.info.Date), c.cite(s))
			}
		}
	}
	return b.String()
}

// picker chooses what an answer quotes of an article.
type picker func(coverageArticle) []*passageSentence

// topicPicker returns a picker of each article's sentences most about
// topic (see topicScorer), in the article's order; an article saying
// nothing of it, or a question without a topic, gets its lede.
func (e *Answerer) topicPicker(articles []coverageArticle, topic string) picker {
	score := e.topicScorer(articles, topic)
	if score == nil {
		return ledeOnly
	}
	// Few articles leave room for more of each.
	each, keep := 1, topicKeep
	switch {
	case len(articles) == 1:
		each, keep = 3, topicKeep/2 // what one article says of it, in more than its best sentence
	case len(articles) <= 3:
		each = 2
	}
	return func(a coverageArticle) []*passageSentence {
		type scored struct {
			s     *passageSentence
			score float64
		}
		var best []scored
		for _, s := range a.sents {
			if sc := score(s); sc > 0 {
				best = append(best, scored{s, sc})
			}
		}
		if len(best) == 0 {
			return ledeOnly(a)
		}
		slices.SortStableFunc(best, func(x, y scored) int { return cmp.Compare(y.score, x.score) })
		var out []*passageSentence
		for _, b := range best {
			if len(out) == each || b.score < keep*best[0].score {
				break
			}
			out = append(out, b.s)
		}
		if len(articles) == 1 {
			// The one article on it tells its story in its opening.
			for _, s := range a.sents {
				if len(out) >= each {
					break
				}
				if !s.headline && !s.byline && !s.caption && !isInterviewQuestion(s.text) && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
		slices.SortStableFunc(out, func(x, y *passageSentence) int { return x.lines[0] - y.lines[0] })
		return out
	}
}

// summaryLede is the least share of the score of an article's sentence
// most about a topic that its lede needs to stand for the article in a
// summary: a report opens on its news, and a line of a summary says what
// each article reported, not the sentence that repeats most words of the
// question.
const summaryLede = 0.5

// summaryPicker picks what a summary quotes of each article: its lede
// when that is about the topic, else what topicPicker picks.
func (e *Answerer) summaryPicker(articles []coverageArticle, topic string) picker {
	pick := e.topicPicker(articles, topic)
	score := e.topicScorer(articles, topic)
	if score == nil {
		return pick
	}
	return func(a coverageArticle) []*passageSentence {
		if len(articles) == 1 {
			return withQuotation(a, pick(a))
		}
		l := lede(a)
		if l == nil {
			return pick(a)
		}
		best := 0.0
		for _, s := range a.sents {
			best = max(best, score(s))
		}
		picked := pick(a)
		if best == 0 || score(l) < summaryLede*best || slices.Contains(picked, l) {
			return picked
		}
		// The lede first, then as many of the others picked as room
		// is left for.
		rest := slices.Clone(picked)
		slices.SortStableFunc(rest, func(x, y *passageSentence) int { return cmp.Compare(score(y), score(x)) })
		out := append([]*passageSentence{l}, rest[:len(rest)-1]...)
		slices.SortStableFunc(out, func(x, y *passageSentence) int { return x.lines[0] - y.lines[0] })
		return out
	}
}

// withQuotation makes the last of the sentences picked of an article,
// when none quotes anyone, its first quotation: a summary of one report
// tells who said what in it.
func withQuotation(a coverageArticle, picked []*passageSentence) []*passageSentence {
	if len(picked) < 2 || slices.ContainsFunc(picked, func(s *passageSentence) bool { return hasQuotation(s.text) }) {
		return picked
	}
	for _, s := range a.sents {
		if hasQuotation(s.text) && !s.headline && !s.caption {
			out := append(slices.Clone(picked[:len(picked)-1]), s)
			slices.SortStableFunc(out, func(x, y *passageSentence) int { return x.lines[0] - y.lines[0] })
			return out
		}
	}
	return picked
}

// ledeOnly picks an article's lede.
func ledeOnly(a coverageArticle) []*passageSentence {
	if s := lede(a); s != nil {
		return []*passageSentence{s}
	}
	return nil
}

// topicScorer returns how much a sentence of the articles is about topic:
// the topic's words it holds, weighted by how few sentences of the
// coverage hold them (years only narrow which articles are asked), with a
// figure of what they name counting again; 0 for a headline, byline,
// caption or interviewer's question. It is nil for a topic without words.
func (e *Answerer) topicScorer(articles []coverageArticle, topic string) func(*passageSentence) float64 {
	var terms []string
	for _, w := range strings.Fields(topic) {
		if _, err := strconv.Atoi(w); err == nil {
			continue
		}
		terms = append(terms, e.terms.Terms(w)...)
	}
	if len(terms) == 0 {
		return nil
	}
	df := make(map[string]int)
	inArticles := make(map[string]int)
	n := 0
	for _, a := range articles {
		seen := make(map[string]bool)
		for _, s := range a.sents {
			n++
			for _, t := range terms {
				if s.terms[t] {
					df[t]++
					seen[t] = true
				}
			}
		}
		for t := range seen {
			inArticles[t]++
		}
	}
	weight := make(map[string]float64)
	for _, t := range terms {
		if df[t] > 0 {
			weight[t] = math.Log(1 + float64(n)/float64(df[t]))
			if len(articles) > 1 && inArticles[t] == len(articles) {
				// The name of the story every article is on tells
				// less of which sentence says what was asked.
				weight[t] *= storyDiscount
			}
		}
	}
	return func(s *passageSentence) float64 {
		if s.headline || s.byline || s.caption || isInterviewQuestion(s.text) {
			return 0
		}
		var sc float64
		for t, w := range weight {
			if s.terms[t] {
				sc += w
			}
		}
		// A figure of what the topic names ("212 players", "8,400
		// pairs of puffins") is what a question of how it changed
		// asks for.
		counted := make(map[string]bool)
		for i, tk := range s.toks {
			if tk.digits == 0 && numberWordValue(tk.lower) == 0 || isYearWord(tk) {
				continue
			}
			for k := i + 1; k < min(len(s.toks), i+1+countedWithin); k++ {
				for _, t := range e.terms.Terms(s.toks[k].text) {
					if w := weight[t]; w > 0 && !counted[t] {
						counted[t] = true
						sc += w
					}
				}
			}
		}
		return sc
	}
}

// countedWithin is how many words after a figure may name what it
// counts.
const countedWithin = 4

// storyDiscount weighs a topic's word that every article holds.
const storyDiscount = 0.5

// topicKeep is the least share of the best sentence's score a second
// sentence of an article needs to be quoted beside it.
const topicKeep = 0.8
