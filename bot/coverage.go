package bot

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// CoverageKind is what a question about the whole coverage asks for.
type CoverageKind int

// The kinds of questions about the whole coverage.
const (
	CoverageNone     CoverageKind = iota
	CoverageSummary               // "Summarize the coverage."
	CoverageArticles              // "What articles are in the coverage?"
	CoverageDates                 // "When was each article published?"
	CoverageOutlets               // "Which outlets reported these stories?"
	CoverageQuoted                // "Who is quoted in these articles?"
	CoverageDisagree              // "What do the sources disagree about?"
	CoverageTimeline              // "Give me a timeline of the strike."
)

func (k CoverageKind) String() string {
	return [...]string{"none", "summary", "articles", "dates", "outlets", "quoted", "disagree", "timeline"}[k]
}

// Coverage is a question about the whole coverage, or a topic of it,
// with the articles it draws on: an answer to it reads every article, not
// the top passages of a search.
type Coverage struct {
	Kind  CoverageKind
	Topic string // what the question narrows the coverage to; "" for all of it
	// Trend is set for a timeline of how something changed ("How has
	// attendance changed from 2022 to 2024?", "Trace her history with the
	// race"): what each article gives of it, in time; else a timeline is
	// of the events the articles tell.
	Trend bool
	// Stories tells the articles of one story from those of another,
	// measured over the whole coverage the question may draw on; nil on
	// an archive too large to measure.
	Stories *Stories
	// Event is set for a summary of one event ("What happened in the
	// 2020 election?", "What does the coverage say about the June 2025
	// strike?"): a description of it, its figures and what the reports
	// give differently, rather than the articles one by one.
	Event bool
	// Articles are the articles to draw on, oldest first (undated last),
	// each with all its passages.
	Articles []retrieval.ArticlePassages
	// Copies maps each undated article that copies a dated one (a
	// republished wire story) to the article it copies, whose date its
	// events are of.
	Copies map[string]retrieval.ArticleInfo
	// Recalled holds the articles dated after the years a topic names
	// that open on what happened within them (the fine for last
	// September's escape): of the event asked about, though not of its
	// year.
	Recalled map[string]bool
	// Roles are the kinds of people a question about who is quoted asks
	// for ("analysts", "executives"); none for everyone.
	Roles []string
}

// Library lists the articles of the coverage, alone or with their
// passages; *retrieval.Index is one.
type Library interface {
	Articles() []retrieval.ArticleInfo
	Library() []retrieval.ArticlePassages
}

// Articles returns the articles of the coverage, oldest first, or nil
// when the bot's searcher cannot list them.
func (b *Bot) Articles() []retrieval.ArticleInfo {
	if b.library == nil {
		return nil
	}
	return SortArticleInfos(b.library.Articles())
}

// SortArticleInfos orders articles oldest first, the undated last, by
// source among equals.
func SortArticleInfos(as []retrieval.ArticleInfo) []retrieval.ArticleInfo {
	slices.SortStableFunc(as, compareArticles)
	return as
}

// SortArticles orders articles as SortArticleInfos does.
func SortArticles(as []retrieval.ArticlePassages) []retrieval.ArticlePassages {
	slices.SortStableFunc(as, func(a, b retrieval.ArticlePassages) int { return compareArticles(a.Info, b.Info) })
	return as
}

func compareArticles(a, b retrieval.ArticleInfo) int {
	switch {
	case a.Date.IsZero() != b.Date.IsZero():
		if a.Date.IsZero() {
			return 1
		}
		return -1
	case !a.Date.Equal(b.Date):
		return a.Date.Compare(b.Date)
	}
	return strings.Compare(a.Source, b.Source)
}

// coverageQuestion recognises a question about the whole coverage and
// returns its kind and the topic it narrows to ("the Riverton fire"). The
// cues are the words people use to talk about a body of articles and
// what they ask of it, a closed set like the question words, and, with
// wr, the words WordNet gives for agreeing and disagreeing (agreement.go).
func coverageQuestion(question string, wr WordRelations) (CoverageKind, string) {
	words := dropPartOf(questionWords(question)) // "pieces of the wreck" (agreement.go)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if slices.Contains(words, w) {
				return true
			}
		}
		return false
	}
	prefix := func(p string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, p) })
	}
	words = dropPhrase(words, "year", "by", "year")
	series := periodSeries(words)
	words = dropPeriodSeries(words)
	// "Do the reports match?", "where are the accounts at odds?" (agreement.go).
	disagrees, withoutCues := readDisagreement(wr, words)
	about := has("coverage", "articles", "stories", "sources", "reports", "outlets", "pieces", "documents", "these", "all", "each", "they", "corpus", "collection", "news",
		"figures", "numbers", "accounts", "versions", "facts", "dates")
	plural := has("articles", "stories", "reports", "pieces", "documents")
	// "What does the coverage say about the ban?", "what do the
	// sources report on the strike?": what all of it says on a topic.
	saysAbout := has("what") && has("say", "report", "tell", "write") && has("about", "on", "of") &&
		(!has("did") || has("coverage", "reporting", "media", "press")) && // "what did the coverage report about the fine", not "what did the articles say about Rasmussen"
		(has("coverage", "sources", "reports", "articles", "stories", "outlets", "media", "news", "press") || plural)
	// "What is the reporting on the fire about?", "what are the articles
	// on Kelderwick about?": what a body of articles is about.
	isAbout := has("what") && has("is", "are") && len(words) > 0 && words[len(words)-1] == "about" &&
		has("coverage", "reporting", "articles", "stories", "reports", "pieces", "news", "press")
	// "How has the number of players changed?", "trace her history
	// with the race": a topic followed through the articles in time.
	trend := (has("how") && (has("changed", "evolved", "developed", "grown", "shrunk", "risen", "fallen") ||
		verbAfterAux(words, "change", "evolve", "develop", "grow", "rise", "fall", "increase", "decrease", "climb", "shrink"))) ||
		has("trace", "history") || phrase(words, "over", "the", "years") || phrase(words, "over", "time") || series
	// "What happened when?" asks for the order of events; "what happened
	// when the tunnel flooded?" about one event, told by the clause.
	happenedWhen := phrase(words, "what", "happened", "when") && words[len(words)-1] == "when"
	var kind CoverageKind
	switch {
	case trend && !has("why"):
		kind = CoverageTimeline
	case saysAbout && !has("who", "when", "where", "why", "how", "which"):
		kind = CoverageSummary
	case phrase(words, "what", "happened") && !happenedWhen && len(words) > 3:
		kind = CoverageSummary // "What happened at the Open in 2023?": what the articles on it say
	case prefix("summar") || has("overview", "recap", "gist", "digest") || isAbout || phrase(words, "what", "is", "the", "coverage", "about") ||
		plural && (phrase(words, "what", "do", "the") || phrase(words, "what", "do", "these")) && has("say", "report", "tell") && has("about") ||
		phrase(words, "what", "are", "the", "articles", "about") || phrase(words, "what", "are", "these", "articles", "about") ||
		phrase(words, "what", "are", "the", "stories", "about") || phrase(words, "what", "are", "these", "stories", "about"):
		kind = CoverageSummary
	case prefix("timeline") || prefix("chronolog") || phrase(words, "sequence", "of", "events") || happenedWhen ||
		phrase(words, "in", "order") || phrase(words, "what", "order") || phrase(words, "which", "order") ||
		phrase(words, "order", "of", "events") || prefix("unfold"):
		kind = CoverageTimeline
	case (slices.ContainsFunc(words, disagreeCue) || has("agree", "agrees", "consistent") || disagrees) && about:
		kind = CoverageDisagree
		words = withoutCues
	case (has("quoted", "quotes", "quote", "interviewed") || phrase(words, "who", "said", "what") || phrase(words, "who", "speaks") || phrase(words, "who", "spoke") ||
		has("people", "persons") && has("spoke", "speak", "talked", "interviewed")) &&
		!has("saying", "that", "as") && (words[0] == "who" || has("people", "whose", "list", "which")):
		kind = CoverageQuoted
	case (has("outlets", "agencies", "publications", "newspapers", "media", "publishers") || has("outlet", "agency") && (about || has("report", "reported", "covered", "wrote", "published"))) &&
		has("which", "what", "list", "who"):
		// "Which agency is investigating the crash?" asks for a body in
		// the news, not for who reported it.
		kind = CoverageOutlets
	case (has("published", "dated", "written", "dates", "date") && has("each", "every", "these", "articles", "stories", "all")) && !has("how", "why"):
		kind = CoverageDates
	case words[0] == "when" && plural && !has("say", "says", "said", "report", "reported", "tell", "told", "write", "wrote", "mention", "mentioned"):
		// "When did the tunnel stories come out?": when the articles
		// appeared, not when what they tell happened.
		kind = CoverageDates
	case plural && has("which", "what", "list") && has("mention", "mentions", "cover", "covers", "about", "on") && !has("say", "said", "says", "tell", "told"):
		kind = CoverageArticles // "Which articles mention Halvorsen?": those on a topic
	case (has("articles", "stories", "documents", "files", "pieces") || has("sources") && !has("say", "says", "said")) &&
		(has("which", "what", "list", "many", "show") && (has("are", "have", "there", "list", "show", "in", "many"))) &&
		!has("say", "says", "said", "report", "reported", "mention", "mentions", "about"):
		kind = CoverageArticles
	default:
		return CoverageNone, ""
	}
	return kind, coverageTopic(words)
}

// trendQuestion reports a timeline question about how something changed
// from year to year ("How has attendance changed from 2022 to 2024?",
// "Trace her history with the race year by year", "How has the number of
// players grown?"), rather than about how a story unfolded ("How did the
// case develop?", "Give me a timeline of the strike").
func trendQuestion(question string) bool {
	words := questionWords(question)
	years := 0
	for _, w := range words {
		if isYear(w) {
			years++
		}
	}
	for _, w := range words {
		switch w {
		case "changed", "change", "changes", "grown", "grow", "grew", "shrunk", "shrink", "shrank", "risen", "rise", "rose",
			"fallen", "fall", "fell", "increased", "decreased", "declined", "trace", "history":
			return true
		}
	}
	// "How did the number of evacuees evolve?": a quantity followed in
	// time, where "how did the case develop" asks how a story unfolded.
	quantity := phrase(words, "number", "of") || phrase(words, "amount", "of") || phrase(words, "share", "of") || phrase(words, "count", "of") ||
		phrase(words, "size", "of") || phrase(words, "level", "of")
	if quantity && slices.ContainsFunc(words, func(w string) bool {
		return strings.HasPrefix(w, "evolv") || strings.HasPrefix(w, "develop") || strings.HasPrefix(w, "progress")
	}) {
		return true
	}
	// "How did the quarterly revenue develop?": a figure of each period.
	periodic := slices.ContainsFunc(words, func(w string) bool {
		switch w {
		case "quarterly", "annual", "yearly", "monthly", "weekly":
			return true
		}
		return false
	})
	return years >= 2 || periodSeries(words) || periodic || phrase(words, "each", "year")
}

// periodNouns are the calendar's periods a figure is reported by: a
// closed class, like the months.
var periodNouns = []string{"year", "quarter", "month", "week", "season", "day"}

// periodSeries reports a question asking for something period by period:
// "from quarter to quarter", "month by month", "quarter on quarter",
// "over the months"; not "each week", which asks for a rate.
func periodSeries(words []string) bool {
	return len(dropPeriodSeries(words)) < len(words)
}

// dropPeriodSeries returns words without the phrases periodSeries
// reads, which name no topic.
func dropPeriodSeries(words []string) []string {
	for _, p := range periodNouns {
		ps := p + "s"
		for _, seq := range [][]string{{"from", p, "to", p}, {p, "by", p}, {p, "to", p}, {p, "on", p}, {"over", "the", ps}} {
			words = dropPhrase(words, seq...)
		}
	}
	return words
}

// storyQuestion reports a question about a whole story, whose articles
// need not use its words: a summary, timeline, disagreement or quotes on
// a topic, but not "what happened at the sentencing", "the 2023 race" or
// "which articles mention X", which ask for some articles of it.
func storyQuestion(question string, kind CoverageKind) bool {
	words := questionWords(question)
	if kind == CoverageArticles || kind == CoverageDates || kind == CoverageOutlets || phrase(words, "what", "happened") {
		return false
	}
	return !slices.ContainsFunc(words, func(w string) bool { return isYear(w) || monthNumber(w) > 0 || isOrdinal(w) })
}

// isOrdinal reports an ordinal that picks one event of a story ("the
// second escape", "the 3rd stage"): a closed class of English.
func isOrdinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	n := strings.TrimRight(w, "stndrh")
	return n != w && n != "" && strings.Trim(n, "0123456789") == "" && (strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th"))
}

// dropPhrase returns words without the runs of seq.
func dropPhrase(words []string, seq ...string) []string {
	for i := 0; i+len(seq) <= len(words); i++ {
		if slices.Equal(words[i:i+len(seq)], seq) {
			return dropPhrase(append(slices.Clone(words[:i]), words[i+len(seq):]...), seq...)
		}
	}
	return words
}

// phrase reports whether words holds seq, word after word.
func phrase(words []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(words); i++ {
		if slices.Equal(words[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}

// questionWords splits a question into lower-cased words.
func questionWords(question string) []string {
	return strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127 && r != '’' && r != '“' && r != '”')
	})
}

// coverageTopic is what is left of a coverage question once the words
// that ask it are gone: "the Riverton fire" of "Who is quoted about the
// Riverton fire?".
func coverageTopic(words []string) string {
	var topic []string
	for _, w := range words {
		if coverageWord(w) || isQuestionWord(w) || len(retrieval.Terms(w)) == 0 {
			continue
		}
		topic = append(topic, w)
	}
	return strings.Join(topic, " ")
}

// coverageWord reports the words that ask about the coverage rather than
// name a topic of it.
func coverageWord(w string) bool {
	for _, p := range []string{"summar", "overview", "recap", "gist", "digest", "timeline", "chronolog", "disagree", "differ",
		"contradict", "conflict", "inconsisten", "discrepan", "quot", "outlet", "agenc", "publication", "newspaper", "publisher"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	switch w {
	case "coverage", "article", "articles", "story", "stories", "source", "sources", "report", "reports", "pieces", "piece",
		"documents", "document", "files", "these", "all", "each", "every", "they", "them", "corpus", "collection", "news",
		"give", "me", "list", "show", "tell", "please", "about", "on", "over", "people", "person", "speaks", "spoke",
		"published", "dated", "written", "dates", "date", "sequence", "events", "happened", "media", "there", "have",
		"you", "in", "of", "the", "a", "an", "brief", "briefly", "short", "key", "main", "points", "say", "said",
		"whose", "which", "many", "one", "ones", "regarding", "concerning", "around", "for", "by", "whom",
		"reported", "reporting", "covered", "cover", "covering", "carried", "wrote", "write",
		"gave", "gives", "figures", "numbers", "accounts", "versions", "facts", "agree", "agrees", "consistent", "mention",
		"mentions", "covers", "interviewed", "talked", "order", "unfold", "unfolded", "do", "does", "did", "put",
		"reporters", "journalists", "available", "has", "been", "trace", "history", "changed", "change",
		"evolved", "evolve", "developed", "develop", "time", "years", "from", "to", "at", "with", "during",
		"happen", "happens", "press", "other", "come", "came", "out", "appear", "appeared", // "when did they come out"
		"anything", "something", "everything", "nothing", "any", "some", "where", "point", "matters": // indefinites: no topic
		return true
	}
	return false
}

// askCoverage answers a question about the whole coverage, or a topic of
// it, from every article concerned that the conversation's filter keeps.
func (b *Bot) askCoverage(ctx context.Context, conv *Conversation, question string, kind CoverageKind, topic string, onToken func(string)) (Answer, error) {
	var filter Filter
	if conv != nil {
		filter = conv.Filter()
	}
	all := b.library.Library()
	if !filter.IsZero() {
		var kept []retrieval.ArticlePassages
		for _, a := range all {
			if filter.Keeps(a.Info) {
				kept = append(kept, a)
			}
		}
		if all = kept; len(all) == 0 {
			a := Answer{Text: RefusalText, Refused: true, Mode: ModeExtractive, Note: filter.Why(b.library.Articles())}
			return b.finish(conv, question, question, a), nil
		}
	}
	var stories *Stories
	if len(all) <= maxStoryArticles {
		stories = NewStories(all)
	}
	copies := Copies(all)
	articles := all
	var roles []string
	if kind == CoverageQuoted {
		// "Which analysts are quoted?": the people of a role, from all
		// the coverage, not the articles that use the word.
		rn, _ := b.dict.(RoleNouns)
		var phrase []string
		roles, phrase = askedRoles(question, rn)
		topic = withoutWords(topic, phrase)
	}
	var recalled map[string]bool
	if topic != "" {
		var err error
		var whole *Stories
		if storyQuestion(question, kind) {
			whole = stories
		}
		articles, err = b.topicArticles(ctx, all, topic, filter, whole)
		if err != nil {
			return Answer{}, err
		}
		articles, recalled = inYears(articles, topic, copies)
	}
	articles = SortArticles(articles)
	req := Request{
		Question: question, Standalone: question, OnToken: onToken,
		Coverage: &Coverage{Kind: kind, Topic: topic, Articles: articles, Trend: kind == CoverageTimeline && trendQuestion(question),
			Event: kind == CoverageSummary && topic != "" && !storyQuestion(question, kind), Stories: stories,
			Copies: copies, Recalled: recalled, Roles: roles},
	}
	for _, a := range articles {
		if len(a.Passages) > 0 {
			req.Passages = append(req.Passages, retrieval.Result{Chunk: a.Passages[0]})
		}
	}
	if len(articles) == 0 {
		a := Answer{Text: RefusalText, Refused: true, Mode: b.Mode(), Citations: []Citation{}}
		return b.finish(conv, question, question, a), nil
	}
	a, err := b.answerWith(ctx, req)
	if err != nil {
		return Answer{}, err
	}
	if !filter.IsZero() {
		// "The coverage holds 2 articles" is of the filtered coverage.
		a.Note = strings.TrimSpace(a.Note + " Filter: " + filter.String() + ".")
	}
	return b.finish(conv, question, question, a), nil
}

// topicArticles returns the articles of all that a search for topic
// under filter finds: those whose best passage scores above a floor, down
// to the first cliff in the scores, where the articles on the topic end
// and those that merely share a word begin; with stories (of all), the
// other articles of the best one's story too.
func (b *Bot) topicArticles(ctx context.Context, all []retrieval.ArticlePassages, topic string, filter Filter, stories *Stories) ([]retrieval.ArticlePassages, error) {
	res, err := b.search.Search(ctx, topic, filter.SearchOptions(max(4*b.k, 30)))
	if err != nil {
		return nil, fmt.Errorf("searching the coverage: %w", err)
	}
	if len(res) == 0 {
		return nil, nil
	}
	keep := make(map[string]bool)
	prev := res[0].Score
	for _, r := range res {
		if keep[r.Source] {
			continue
		}
		if r.Score < topicFloor*res[0].Score || r.Score < topicCliff*prev {
			break
		}
		keep[r.Source] = true
		prev = r.Score
	}
	// An article holding the topic's words counts too, whatever its
	// rank: when the topic is what the whole coverage is about, search
	// scores cannot tell the articles on it from the rest.
	for _, src := range holdingTopic(all, topic) {
		keep[src] = true
	}
	// So does every article of the story the topic's best match tells,
	// when the question is about a story rather than one event of it:
	// its articles need not use the question's words.
	if stories != nil {
		if top := slices.IndexFunc(all, func(a retrieval.ArticlePassages) bool { return a.Info.Source == res[0].Source }); top >= 0 {
			for _, j := range stories.mates(top) {
				keep[all[j].Info.Source] = true
			}
		}
	}
	var out []retrieval.ArticlePassages
	for _, a := range all {
		if keep[a.Info.Source] {
			out = append(out, a)
		}
	}
	return out, nil
}

// topicShare is the share of a topic's weight (its words weighted by how
// few articles hold them) that an article must hold to be on the topic.
const topicShare = 0.75

// holdingTopic returns the articles of all that hold most of topic's
// words, the rarer words weighing more; years are left to inYears.
func holdingTopic(all []retrieval.ArticlePassages, topic string) []string {
	var terms []string
	for _, w := range strings.Fields(topic) {
		if isYear(w) {
			continue
		}
		for _, t := range retrieval.Terms(w) {
			if !slices.Contains(terms, t) {
				terms = append(terms, t)
			}
		}
	}
	if len(terms) == 0 || len(all) == 0 {
		return nil
	}
	holds := make([]map[string]bool, len(all))
	df := make(map[string]int)
	for i, a := range all {
		holds[i] = make(map[string]bool)
		for _, p := range a.Passages {
			for _, t := range retrieval.Terms(a.Info.Title + "\n" + p.Text) {
				if slices.Contains(terms, t) && !holds[i][t] {
					holds[i][t] = true
					df[t]++
				}
			}
		}
	}
	var total float64
	weight := make(map[string]float64)
	missing := 0
	for _, t := range terms {
		if df[t] == 0 {
			missing++ // a word of the question's own ("the number of players")
			continue
		}
		weight[t] = math.Log(1 + float64(len(all))/float64(df[t]))
		total += weight[t]
	}
	if missing == len(terms) {
		return nil // in no article: not a topic of this coverage
	}
	var out []string
	for i, a := range all {
		var got float64
		for t := range holds[i] {
			got += weight[t]
		}
		if got >= topicShare*total {
			out = append(out, a.Info.Source)
		}
	}
	return out
}

// inYears keeps the articles of the years a topic names ("in 2023",
// "from 2022 to 2024"): dated within them; dated later but opening on
// what happened within them ("was fined on February 26 over the escape
// last September"), which it returns as recalled too; or undated and
// copying an article dated within them, or naming one of them. A filter
// that would keep none is dropped.
func inYears(articles []retrieval.ArticlePassages, topic string, copies map[string]retrieval.ArticleInfo) ([]retrieval.ArticlePassages, map[string]bool) {
	var years []int
	for _, w := range strings.Fields(topic) {
		if isYear(w) {
			y, _ := strconv.Atoi(w)
			years = append(years, y)
		}
	}
	if len(years) == 0 {
		return articles, nil
	}
	lo, hi := slices.Min(years), slices.Max(years)
	in := func(y int) bool { return y >= lo && y <= hi }
	var out []retrieval.ArticlePassages
	recalled := make(map[string]bool)
	for _, a := range articles {
		if d := a.Info.Date; !d.IsZero() {
			if in(d.Year()) {
				out = append(out, a)
			} else if d.Year() > hi && slices.ContainsFunc(ledeYears(a), in) {
				out = append(out, a)
				recalled[a.Info.Source] = true
			}
			continue
		}
		if orig, ok := copies[a.Info.Source]; ok {
			if in(orig.Date.Year()) {
				out = append(out, a)
			}
			continue // a copy is of its original's year, whatever it names
		}
		// "From 2021 to 2024" takes in 2022 and 2023 too.
		if slices.ContainsFunc(a.Passages, func(p retrieval.Chunk) bool { return namesYearIn(p.Text, lo, hi) }) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return articles, nil
	}
	if from, to, ok := topicMonth(topic); ok {
		// "The June 2023 strike": not the November one. Reports come
		// weeks before an event (the strike called) and after it.
		var near []retrieval.ArticlePassages
		for _, a := range out {
			d := a.Info.Date
			if orig, ok := copies[a.Info.Source]; ok {
				d = orig.Date
			}
			if d.IsZero() || recalled[a.Info.Source] || !d.Before(from.Add(-monthReach)) && !d.After(to.Add(monthReach)) {
				near = append(near, a)
			}
		}
		if len(near) > 0 {
			out = near
		}
	}
	return out, recalled
}

// monthReach is how far before or after the month a topic names ("the
// June 2023 strike") a report of it may be dated.
const monthReach = 45 * 24 * time.Hour

// topicMonth returns the month a topic names with its year ("june 2023"),
// as its first and last day.
func topicMonth(topic string) (time.Time, time.Time, bool) {
	words := strings.Fields(topic)
	for i := 0; i+1 < len(words); i++ {
		if m := monthNumber(words[i]); m > 0 && isYear(words[i+1]) {
			y, _ := strconv.Atoi(words[i+1])
			from := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			return from, from.AddDate(0, 1, -1), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// ledeYears are the years of what a dated article's opening sentence
// tells: the years it names, and those "last September" and "last year"
// point to from its date. A report opens on its news; a year named
// further down is background ("the second escape, after one in 2023").
func ledeYears(a retrieval.ArticlePassages) []int {
	words := questionWords(ledeText(a))
	var out []int
	for i, w := range words {
		switch {
		case isYear(w):
			y, _ := strconv.Atoi(w)
			out = append(out, y)
		case i == 0 || words[i-1] != "last":
		case w == "year":
			out = append(out, a.Info.Date.Year()-1)
		case monthNumber(w) > 0:
			y := a.Info.Date.Year()
			if time.Month(monthNumber(w)) >= a.Info.Date.Month() {
				y-- // "last September" in February is of the year before
			}
			out = append(out, y)
		}
	}
	return out
}

// ledeWords is the least number of words of a line that opens an
// article's body: its headline, a "Date:" line and a byline are shorter.
const ledeWords = 8

// ledeText is the first sentence of an article's body: of its first line
// of ledeWords words or more that is not its headline.
func ledeText(a retrieval.ArticlePassages) string {
	title := strings.Join(strings.Fields(a.Info.Title), " ")
	for _, p := range a.Passages {
		for line := range strings.Lines(p.Text) {
			l := strings.Join(strings.Fields(line), " ")
			if l == title || len(strings.Fields(l)) < ledeWords {
				continue
			}
			if i := strings.Index(l, ". "); i > 0 {
				l = l[:i+1]
			}
			return l
		}
	}
	return ""
}

// namesYearIn reports whether text names a year from lo to hi.
func namesYearIn(text string, lo, hi int) bool {
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return r < '0' || r > '9' }) {
		if y, _ := strconv.Atoi(w); isYear(w) && y >= lo && y <= hi {
			return true
		}
	}
	return false
}

// isYear reports a word that is a year of the news: four digits from 1800.
func isYear(w string) bool {
	y, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && y >= 1800 && y <= 2200
}

// An article is on a coverage question's topic when its best passage
// scores at least topicFloor of the best one's, and no more than a cliff
// (a drop to below topicCliff of the article before) lies between them.
const (
	topicFloor = 0.15
	topicCliff = 0.35
)

// FormatArticles renders the list of articles for a terminal: one line
// each with its date, outlet, title, file and bylines.
func FormatArticles(infos []retrieval.ArticleInfo) string {
	if len(infos) == 0 {
		return "The coverage holds no articles."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles:\n", len(infos))
	for _, a := range infos {
		b.WriteString(ArticleLine(a))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// ArticleLine describes one article on a line: "2009-07-23 Reuters
// (OTTAWA) - NATO boss wants Canada to extend Afghan tour (002.txt; by
// David Ljunggren)".
func ArticleLine(a retrieval.ArticleInfo) string {
	var b strings.Builder
	b.WriteString(DateLabel(a.Date))
	if a.Agency != "" {
		b.WriteString(" " + a.Agency)
	}
	if a.Dateline != "" {
		b.WriteString(" (" + a.Dateline + ")")
	}
	b.WriteString(" - " + shortTitle(oneLine(a.Title), 90) + " (" + a.Source)
	if len(a.Bylines) > 0 {
		b.WriteString("; " + shortTitle(oneLine(strings.Join(a.Bylines, "; ")), 80))
	}
	b.WriteString(")")
	return b.String()
}

// DateLabel is a date as a reader sees it next to a source, "2009-07-23",
// or "undated".
func DateLabel(d time.Time) string {
	if d.IsZero() {
		return "undated"
	}
	return d.Format(time.DateOnly)
}

// verbAfterAux reports one of verbs after "did", "does" or "do": "how
// did attendance rise" asks how it rose, but in "how big a pay rise do
// teachers get" the word comes before its auxiliary, a noun.
func verbAfterAux(words []string, verbs ...string) bool {
	aux := slices.IndexFunc(words, func(w string) bool { return w == "did" || w == "does" || w == "do" })
	return aux >= 0 && slices.ContainsFunc(words[aux+1:], func(w string) bool { return slices.Contains(verbs, w) })
}
