package bot

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/retrieval"
)

// ExtractiveOptions tune the extractive answerer. A zero field takes its
// default from DefaultExtractiveOptions.
type ExtractiveOptions struct {
	// MaxSentences is the most sentences quoted in one answer.
	MaxSentences int
	// MinCoverage is the share of the question's key terms that must occur
	// somewhere in the passages; below it the answer is a refusal.
	MinCoverage float64
	// MinScore is the score the best sentence must reach; below it the
	// answer is a refusal.
	MinScore float64
	// RelativeScore is the share of the best sentence's score a further
	// sentence needs to be quoted too.
	RelativeScore float64
	// DisagreeCoverage is the share of the question's term weight both
	// sentences of a disagreement must hold, so that only sentences about
	// the same thing are reported as differing.
	DisagreeCoverage float64
	// TypeWeight is added to a sentence on the question's topic that holds
	// what the question asks for (a person, number, date, place or reason)
	// next to the question's terms; half of it when the two are far apart.
	TypeWeight float64
	// RankWeight is added to sentences of the first passage, and a
	// decreasing share of it to the following ones.
	RankWeight float64
	// SynonymCredit is the credit for a question term matched only by a
	// synonym ("soldiers" for "troops").
	SynonymCredit float64
	// DocCredit is the credit for a question term that is not in a sentence
	// but in another passage of the same article ("the 2009 report").
	DocCredit float64
}

// DefaultExtractiveOptions returns the defaults, calibrated on the seed
// questions of extract_test.go.
func DefaultExtractiveOptions() ExtractiveOptions {
	return ExtractiveOptions{
		MaxSentences:     3,
		MinCoverage:      0.5,
		MinScore:         0.45,
		RelativeScore:    0.75,
		DisagreeCoverage: 0.65,
		TypeWeight:       0.8,
		RankWeight:       0.1,
		SynonymCredit:    0.7,
		DocCredit:        0.2,
	}
}

// Extractive answers without a language model by quoting, verbatim and
// cited, the sentences of the passages that best answer the question. It
// never writes a fact of its own, so it can only be wrong by choosing the
// wrong sentence; it refuses when no sentence is good enough.
type Extractive struct {
	opt      ExtractiveOptions
	terms    *retrieval.Analyzer // caches stems: sentences repeat across questions
	forms    map[string][]string // stem -> stems of other forms of the word (send: sent)
	synonyms map[string][]string // stem -> stems that may stand for it
}

// NewExtractive returns an extractive answerer.
func NewExtractive(opt ExtractiveOptions) *Extractive {
	def := DefaultExtractiveOptions()
	if opt.MaxSentences <= 0 {
		opt.MaxSentences = def.MaxSentences
	}
	for _, f := range []struct {
		v *float64
		d float64
	}{
		{&opt.MinCoverage, def.MinCoverage},
		{&opt.MinScore, def.MinScore},
		{&opt.RelativeScore, def.RelativeScore},
		{&opt.DisagreeCoverage, def.DisagreeCoverage},
		{&opt.TypeWeight, def.TypeWeight},
		{&opt.RankWeight, def.RankWeight},
		{&opt.SynonymCredit, def.SynonymCredit},
		{&opt.DocCredit, def.DocCredit},
	} {
		if *f.v == 0 {
			*f.v = f.d
		}
	}
	e := &Extractive{opt: opt, terms: retrieval.NewAnalyzer()}
	e.forms = e.stemGroups(irregularForms())
	e.synonyms = e.stemGroups(synonymGroups())
	return e
}

// synonymGroups are words a question may use for a word of the coverage.
// Kept small and news-specific: each group is a paraphrase seen in real
// questions, not a thesaurus.
func synonymGroups() [][]string {
	return [][]string{
		{"head", "heads", "leads", "leader", "chief", "boss", "secretary"},
		{"soldier", "troop", "force", "forces", "contingent"},
		{"lose", "lost", "losses", "killed", "died", "deaths", "casualties", "toll"},
		{"size", "strong", "strength", "large", "big"},
		{"end", "ending", "finish", "leave", "withdraw", "withdrawal", "pull", "stop", "quit"},
		{"country", "countries", "nation", "nations", "ally", "allies"},
		{"meet", "meeting", "talks", "summit", "conference", "gather", "gathering"},
		// News calls NATO "the alliance".
		{"nato", "alliance"},
		{"say", "said", "tell", "told", "state", "comment", "remark", "remarks", "quoted"},
		{"want", "wants", "ask", "urge", "persuade", "wish"},
		{"help", "support", "assist", "aid", "reinforce"},
		{"extend", "prolong", "prolonging", "continue", "remain", "stay", "staying", "maintain"},
		{"send", "deploy", "deployment", "dispatch", "provide", "sending"},
		{"vote", "motion"},
		{"decide", "decision", "choice", "choose"},
		{"canada", "canadian", "ottawa"},
		{"france", "french", "paris"},
		{"britain", "british", "london"},
		{"germany", "german", "berlin"},
		{"states", "american", "washington"},
		{"south", "southern"},
		{"mission", "tour", "role"},
		{"spokesperson", "spokesman", "spokeswoman"},
		// Paraphrases of phrases: a question seldom uses the article's words.
		{"head of government", "prime minister", "premier"},
		{"head of state", "president", "monarch"},
		{"last word", "final say", "final decision"},
		{"reconsider", "rethink", "change mind", "reverse"},
		{"restate", "reiterate", "repeat", "reaffirm"},
		{"carry", "carries", "shoulder", "shouldering", "bear", "bearing"},
		{"fight", "fighting", "combat", "battle"},
		{"speak", "speaking", "spoke", "say", "said"},
		{"picture", "photo", "photograph", "image"},
		{"adopt", "pass", "passed", "approve", "endorse"},
		{"keep", "extend", "maintain", "stay"},
		{"press", "push", "urge", "want", "persuade"},
		{"past", "beyond"},
		{"pullout", "withdrawal", "withdraw", "pull"},
		{"cabinet", "minister"},
		{"programme", "program", "show"},
	}
}

// irregularForms are the forms of a word that stemming does not join:
// irregular verbs (a question asks what Canada "send"s, the article says
// "sent") and the adjectives of countries.
func irregularForms() [][]string {
	return [][]string{
		{"send", "sent"}, {"lose", "lost"}, {"say", "said"}, {"tell", "told"}, {"meet", "met"},
		{"lead", "led"}, {"win", "won"}, {"hold", "held"}, {"make", "made"}, {"take", "took", "taken"},
		{"leave", "left"}, {"go", "went", "gone"}, {"give", "gave", "given"}, {"pay", "paid"},
		{"bring", "brought"}, {"fight", "fought"}, {"speak", "spoke", "spoken"},
		{"begin", "began", "begun"}, {"come", "came"}, {"know", "knew", "known"},
		{"think", "thought"}, {"seek", "sought"}, {"strike", "struck"}, {"fall", "fell", "fallen"},
		{"rise", "rose", "risen"}, {"choose", "chose", "chosen"}, {"keep", "kept"}, {"run", "ran"},
		{"see", "saw", "seen"}, {"become", "became"}, {"build", "built"}, {"buy", "bought"},
		{"catch", "caught"}, {"feel", "felt"}, {"find", "found"}, {"hear", "heard"},
		{"shoot", "shot"}, {"stand", "stood"}, {"understand", "understood"},
		{"write", "wrote", "written"}, {"drive", "drove", "driven"}, {"fly", "flew", "flown"},
		{"grow", "grew", "grown"}, {"mean", "meant"}, {"sell", "sold"}, {"spend", "spent"},
		{"throw", "threw", "thrown"}, {"withdraw", "withdrew", "withdrawn"}, {"forget", "forgot"},
		{"get", "got", "gotten"}, {"have", "has", "had"}, {"die", "dead", "death"},
		// Countries and their people: "Canadian troops" are Canada's.
		{"canada", "canadian", "canadians"}, {"france", "french"}, {"afghanistan", "afghan", "afghans"},
		{"britain", "british"}, {"germany", "german", "germans"}, {"america", "american", "americans"},
		{"pakistan", "pakistani"}, {"netherlands", "dutch"}, {"russia", "russian"},
	}
}

// stemGroups maps the stem of every word of groups to the stems of the
// other words of its group.
func (e *Extractive) stemGroups(groups [][]string) map[string][]string {
	syn := make(map[string][]string)
	for _, g := range groups {
		var stems []string
		for _, w := range g {
			ws := e.terms.Terms(w)
			if strings.Contains(w, " ") && len(ws) > 1 {
				ws = []string{strings.Join(ws, " ")} // a phrase: all its stems at once
			}
			for _, s := range ws {
				if !slices.Contains(stems, s) {
					stems = append(stems, s)
				}
			}
		}
		for _, s := range stems {
			for _, o := range stems {
				if o != s && !slices.Contains(syn[s], o) {
					syn[s] = append(syn[s], o)
				}
			}
		}
	}
	return syn
}

// Answer quotes the sentences of req.Passages that answer the question, or
// refuses. It uses the standalone rewrite of the question when there is one.
func (e *Extractive) Answer(ctx context.Context, req Request) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	q := req.Standalone
	if strings.TrimSpace(q) == "" {
		q = req.Question
	}
	a := e.answer(q, req.Passages)
	a.Question = req.Question
	a.Mode = ModeExtractive
	a.Passages = req.Passages
	if req.OnToken != nil {
		req.OnToken(a.Text)
	}
	return a, nil
}

func refusedAnswer() Answer {
	return Answer{Text: RefusalText, Refused: true, Citations: []Citation{}}
}

// answer is Answer without its bookkeeping.
func (e *Extractive) answer(question string, passages []retrieval.Result) Answer {
	q := e.parseQuestion(question)
	sents := e.collectSentences(passages)
	if len(q.terms) == 0 || len(sents) == 0 {
		return refusedAnswer()
	}
	cands, ok := e.score(q, sents)
	if !ok || cands[0].score < e.opt.MinScore {
		return refusedAnswer()
	}
	best := cands[0]
	chosen := []*scoredSentence{best}
	for _, c := range cands[1:] {
		if len(chosen) == e.opt.MaxSentences || c.score < e.opt.RelativeScore*best.score {
			break
		}
		// The same wire story filed twice: quote its sentence once.
		if !slices.ContainsFunc(chosen, func(o *scoredSentence) bool { return sameWords(o.s.text, c.s.text) }) {
			chosen = append(chosen, c)
		}
	}
	if other := e.disagreement(q, cands); other != nil {
		return quoteAnswer([]*scoredSentence{best, other}, true)
	}
	chosen = dropHeadlines(chosen)
	if q.kind == kindPerson {
		chosen = e.namePerson(q, chosen, sents)
	}
	return quoteAnswer(chosen, false)
}

// namePerson makes sure the answer to "who" names the person: when the
// best sentence gives only a role ("the new secretary-general of NATO") or
// a surname ("Sarkozy"), it adds the sentence of the same article that
// gives the name in full; when the question asks who wrote the story, the
// article's byline.
func (e *Extractive) namePerson(q questionInfo, chosen []*scoredSentence, sents []*passageSentence) []*scoredSentence {
	best := chosen[0].s
	if q.author {
		if b := byline(best, sents); b != nil && b != best {
			return []*scoredSentence{chosen[0], {s: b}} // the story and who wrote it
		}
		return chosen
	}
	add := fullNameFor(q, best, sents)
	if add == nil || slices.ContainsFunc(chosen, func(c *scoredSentence) bool { return c.s == add }) {
		return chosen
	}
	out := []*scoredSentence{chosen[0], {s: add}}
	out = append(out, chosen[1:]...)
	return out[:min(len(out), e.opt.MaxSentences)]
}

// isDocumentWord reports nouns by which a question asks for a document of
// the coverage ("which address proposed ...", "what story reported ..."):
// the text need not name itself.
func isDocumentWord(w string) bool {
	switch w {
	case "address", "addresses", "message", "messages", "speech", "speeches", "article", "articles",
		"story", "stories", "report", "reports", "document", "documents", "statement", "letter":
		return true
	}
	return false
}

// isPictureWord reports the words, or their stems, of a question about a
// picture.
func isPictureWord(w string) bool {
	switch w {
	case "photo", "photos", "photograph", "photographs", "photographer", "picture", "pictures",
		"pictur", "pictured", "image", "images", "imag", "caption", "photographed":
		return true
	}
	return false
}

// asksAuthor reports whether a question with words asks who wrote or
// edited the story: "which reporter wrote", "who reported the story".
func asksAuthor(words map[string]bool) bool {
	for _, w := range []string{"wrote", "write", "written", "writer", "author", "authored", "byline",
		"reporter", "reporters", "journalist", "journalists", "correspondent", "editor", "edited"} {
		if words[w] {
			return true
		}
	}
	story := words["story"] || words["article"] || words["piece"] || words["report"] || words["dispatch"]
	return story && (words["reported"] || words["filed"])
}

// isAuthorWord reports the words of a question about the author that name
// the writing, not its subject.
func isAuthorWord(w string) bool {
	switch w {
	case "wrote", "write", "written", "writer", "author", "authored", "byline", "reporter",
		"reporters", "journalist", "journalists", "correspondent", "editor", "edited", "reported",
		"filed", "story", "article", "piece", "report", "dispatch", "wire":
		return true
	}
	return false
}

// byline returns the byline of best's article ("Reporting by David
// Ljunggren; editing by Rob Wilson") among sents, or nil.
func byline(best *passageSentence, sents []*passageSentence) *passageSentence {
	for _, s := range sents {
		if s.source == best.source && s.byline {
			return s
		}
	}
	return nil
}

// isByline reports whether a sentence credits the story's reporters
// ("Reporting by David Ljunggren; editing by Rob Wilson", "By Jane Doe").
func isByline(text string, toks []textWord) bool {
	t := strings.ToLower(strings.TrimLeft(text, "(["))
	for _, p := range []string{"reporting by ", "writing by ", "reported by ", "written by ", "additional reporting by ", "by "} {
		if strings.HasPrefix(t, p) && len(toks) <= 30 && len(namesIn(text, toks)) > 0 {
			return true
		}
	}
	return false
}

// fullNameOf returns the first sentence of article that gives one of
// surnames in full, or nil.
func fullNameOf(surnames []string, article []*passageSentence) *passageSentence {
	for _, sn := range surnames {
		for _, s := range article {
			for _, n := range namesIn(s.text, s.toks) {
				if n.full() && n.surname(s.toks) == sn {
					return s
				}
			}
		}
	}
	return nil
}

// fullNameFor returns the sentence of best's article that names in full
// the person best only names by surname or role, or nil when best names
// someone in full already or no such sentence was retrieved.
func fullNameFor(q questionInfo, best *passageSentence, sents []*passageSentence) *passageSentence {
	var surnames []string // the subjects first, then the speakers
	var speakers []string
	for _, n := range namesIn(best.text, best.toks) {
		if q.words[best.toks[n.last].lower] {
			continue // named by the question: not the answer
		}
		if n.full() {
			return nil
		}
		if n.speaker {
			speakers = append(speakers, n.surname(best.toks))
		} else {
			surnames = append(surnames, n.surname(best.toks))
		}
	}
	article := make([]*passageSentence, 0, len(sents))
	for _, s := range sents {
		if s.source == best.source && s != best && !s.caption && !s.headline && !s.byline {
			article = append(article, s)
		}
	}
	sort.SliceStable(article, func(a, b int) bool { return article[a].lines[0] < article[b].lines[0] })
	if s := fullNameOf(surnames, article); s != nil {
		return s
	}
	// A role without a name ("the secretary-general"): the nearest
	// sentence naming someone with no other title, or with the same one;
	// before the speakers, when the question asks about that role.
	var roles []string
	asked := false
	for i, tk := range best.toks {
		plural := strings.HasSuffix(tk.lower, "s") && isPersonTitle(strings.TrimSuffix(tk.lower, "s"))
		if isPersonTitle(tk.lower) && !plural && !(i+1 < len(best.toks) && isProperWord(best.toks[i+1])) {
			roles = append(roles, tk.lower)
			asked = asked || slices.ContainsFunc(q.terms, func(t qterm) bool { return tokenMatches(tk.lower, t) })
		}
	}
	if !asked {
		if s := fullNameOf(speakers, article); s != nil {
			return s
		}
	}
	if len(roles) == 0 {
		return nil
	}
	var found *passageSentence
	dist := 0
	for _, s := range article {
		for _, n := range namesIn(s.text, s.toks) {
			if !n.full() || q.words[n.surname(s.toks)] {
				continue
			}
			if n.titled && !slices.ContainsFunc(s.toks[max(0, n.first-4):n.first], func(tk textWord) bool { return slices.Contains(roles, tk.lower) }) {
				continue
			}
			d := s.lines[0] - best.lines[1]
			if d < 0 {
				d = -d*2 + 1 // the role is named first, then the person
			}
			if found == nil || d < dist {
				found, dist = s, d
			}
		}
	}
	return found
}

// dropHeadlines leaves out a headline quoted next to a sentence of its own
// article, which says the same in full.
func dropHeadlines(chosen []*scoredSentence) []*scoredSentence {
	return slices.DeleteFunc(chosen, func(c *scoredSentence) bool {
		return c.s.headline && slices.ContainsFunc(chosen, func(o *scoredSentence) bool {
			return o != c && !o.s.headline && o.s.source == c.s.source
		})
	})
}

// disagreement returns a chosen sentence of another article that gives a
// different figure or date than the best one for the same question, or nil.
func (e *Extractive) disagreement(q questionInfo, cands []*scoredSentence) *scoredSentence {
	if q.kind != kindNumber && q.kind != kindDate && q.kind != kindPlace {
		return nil
	}
	best := cands[0]
	if len(best.values) == 0 || best.core < e.opt.DisagreeCoverage {
		return nil
	}
	// Each other article speaks through its best sentence on the same
	// thing: the one that holds the question's terms, or all but those
	// of its setting ("in southern Afghanistan" is where the article is).
	heard := map[string]bool{best.s.source: true}
	for _, c := range cands[1:] {
		if c.score < disagreeScore*best.score {
			break
		}
		if heard[c.s.source] || len(c.values) == 0 || c.core < e.opt.DisagreeCoverage || !holdsAll(c.held, best.held) {
			continue
		}
		heard[c.s.source] = true
		if disjointValues(best.values, c.values) {
			return c
		}
	}
	return nil
}

// disagreeScore is the share of the best sentence's score the other side
// of a disagreement needs: less than to be quoted beside it, since it
// speaks for another article.
const disagreeScore = 0.5

// holdsAll reports whether a holds every term b holds: a sentence that
// lacks one ("first") may give the date of something else.
func holdsAll(a, b []bool) bool {
	for j := range b {
		if b[j] && !a[j] {
			return false
		}
	}
	return true
}

func sameWords(a, b string) bool {
	return slices.Equal(strings.Fields(a), strings.Fields(b))
}

func disjointValues(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// quoteAnswer formats the chosen sentences as a cited answer.
func quoteAnswer(cs []*scoredSentence, differ bool) Answer {
	a := Answer{Citations: make([]Citation, 0, len(cs))}
	var b strings.Builder
	if differ {
		b.WriteString("The sources differ. ")
	}
	for i, c := range cs {
		n := i + 1
		a.Citations = append(a.Citations, Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text,
		})
		if i > 0 {
			b.WriteString(" ")
			if differ {
				b.WriteString(otherReport(cs[0].s.date, c.s.date))
			}
		}
		// Sentences that span lines carry the file's line breaks; the
		// answer reads as prose while the citation keeps them verbatim.
		b.WriteString(strings.Join(strings.Fields(c.s.text), " "))
		b.WriteString(" [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}

// otherReport introduces the second side of a disagreement, dated when the
// two articles' dates are known and differ.
func otherReport(first, other time.Time) string {
	if !first.IsZero() && !other.IsZero() && !sameMonthOf(first, other) {
		return "A report from " + other.Format("January 2006") + " says otherwise: "
	}
	return "Another report says otherwise: "
}

func sameMonthOf(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month()
}

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
	caption       bool            // a photo caption or credit: rarely the answer
	fullNames     map[string]bool // surnames its article gives in full, shared by its sentences
	headline      bool            // the article's headline: the body says it better
	byline        bool
	prev, next    *passageSentence // the sentences around it in its paragraph, when retrieved            // credits the story's reporters
}

// link makes a and b neighbours when only the white space gap of one
// paragraph parts them.
func link(a, b *passageSentence, gap string) {
	if a == nil || a == b || strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") > 1 {
		return
	}
	if a.next == nil && b.prev == nil {
		a.next, b.prev = b, a
	}
}

// joinCredits joins a photo credit ("REUTERS/Jorge Silva") that the
// splitter cut off after a caption's final date back to its caption, on the
// same line: alone it is too short to quote, and it is the answer to "who
// took the picture".
func joinCredits(text string, spans []retrieval.Span) []retrieval.Span {
	out := spans[:0:0]
	for _, sp := range spans {
		t := text[sp.Start:sp.End]
		if n := len(out); n > 0 && isPhotoCredit(t) && len(strings.Fields(t)) <= 6 &&
			!strings.Contains(text[out[n-1].End:sp.Start], "\n") {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

// isHeadline reports whether a sentence is the article's headline: its
// title, without the full stop of a sentence of the body.
func isHeadline(text, title string) bool {
	if title == "" || strings.Join(strings.Fields(text), " ") != title {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?\"”’'", r)
}

// collectSentences splits the passages into sentences, dropping the
// repeats that overlapping chunks produce.
func (e *Extractive) collectSentences(passages []retrieval.Result) []*passageSentence {
	seen := make(map[string]*passageSentence)
	var out []*passageSentence
	for rank, p := range passages {
		var prev *passageSentence // the sentence before, in this passage
		prevEnd := 0
		for _, sp := range joinCredits(p.Text, retrieval.SplitSentences(p.Text)) {
			start, end := trimSentence(p.Text, sp.Start, sp.End)
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
			if sentenceWords(toks) < 3 {
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
				rank:     rank,
				terms:    make(map[string]bool),
				toks:     toks,
				caption:  isPhotoCredit(text),
				headline: isHeadline(text, p.Title),
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
			seen[offKey], seen[textKey] = s, s
			link(prev, s, gap)
			prev = s
			out = append(out, s)
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
		s.byline = isByline(s.text, s.toks)
		for _, n := range namesIn(s.text, s.toks) {
			if n.full() {
				s.fullNames[n.surname(s.toks)] = true
			}
		}
	}
	return out
}

func trimSentence(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
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

// scoredSentence is a scored sentence.
type scoredSentence struct {
	s        *passageSentence
	score    float64
	coverage float64 // share of the question's term weight it holds
	core     float64 // the same, or the share of the terms outside the question's setting, if more
	held     []bool  // the question's terms outside its setting that it holds itself
	matched  int     // question terms it holds itself, not by its article
	// aroundMatched counts the further terms the sentences before and
	// after it hold.
	aroundMatched int
	holdsFocus    bool     // holds the noun or verb the question is about
	values        []string // the figures or dates it gives near the question's terms
}

// score ranks the sentences for q, best first. ok is false when the
// passages lack the question's names or too many of its terms.
func (e *Extractive) score(q questionInfo, sents []*passageSentence) ([]*scoredSentence, bool) {
	// credit[i][j]: how well sentence i holds term j, from 0 to 1.
	credit := make([][]float64, len(sents))
	docBest := make(map[string][]float64) // source -> best credit per term
	for i, s := range sents {
		credit[i] = make([]float64, len(q.terms))
		best := docBest[s.source]
		if best == nil {
			best = make([]float64, len(q.terms))
			docBest[s.source] = best
		}
		headcount := q.kind == kindNumber && isHeadcount(s.toks)
		denied := deniesVerb(q, s)
		if denied && q.kind != kindAny {
			// Who decided, when, how many: not a decision not taken.
			credit[i] = make([]float64, len(q.terms))
			continue
		}
		for j, t := range q.terms {
			c := e.termCredit(s, t)
			if j == q.verb && denied {
				c = 0 // "no decision" is not a decision
			}
			if headcount && t.head && isPeopleNoun(t.stem) {
				c = max(c, e.opt.SynonymCredit) // "the 2,700-strong mission" counts soldiers
			}
			credit[i][j] = c
			best[j] = max(best[j], c)
		}
	}

	// Refuse when the passages lack a name of the question or too many of
	// its terms: then any sentence found would answer another question.
	present := 0
	idf := make([]float64, len(q.terms))
	var total float64
	n := float64(len(sents))
	for j, t := range q.terms {
		df, direct := 0, false
		for i := range sents {
			if credit[i][j] >= e.opt.SynonymCredit {
				df++
			}
			if credit[i][j] == 1 {
				direct = true
			}
		}
		if t.name && !direct || t.head && df == 0 {
			return nil, false
		}
		if df > 0 {
			present++
			// Rare terms tell the sentences apart, but a term found in
			// every sentence (Canada) still counts: the floor of ln 2
			// keeps "Canadian minister" above "French minister".
			idf[j] = t.weight * math.Log(1+(n+1)/(float64(df)+0.5))
			total += idf[j]
		}
	}
	if present == 0 || float64(present) < e.opt.MinCoverage*float64(len(q.terms)) {
		return nil, false
	}

	// A sentence can only answer from an article that names everything
	// the question names: "What did Harper say about Rasmussen?" is not
	// answered by Harper in one article and Rasmussen in another. Names of
	// the setting ("in Kandahar") are spared: a passage of the article may
	// hold them without having been retrieved.
	coherent := make(map[string]bool)
	for src, best := range docBest {
		coherent[src] = true
		for j, t := range q.terms {
			if t.name && t.weight == 1 && best[j] < e.opt.SynonymCredit {
				coherent[src] = false
			}
		}
	}
	focus := q.focus()
	index := make(map[*passageSentence]int, len(sents))
	for i, s := range sents {
		index[s] = i
	}
	cands := make([]*scoredSentence, 0, len(sents))
	for i, s := range sents {
		if !coherent[s.source] || !e.holdsRelation(q, credit[i]) {
			continue
		}
		c := &scoredSentence{s: s, held: make([]bool, len(q.terms))}
		var got, core, coreTotal float64
		for j, t := range q.terms {
			got += idf[j] * max(credit[i][j], e.opt.DocCredit*docBest[s.source][j], neighbourCredit*max(around(index, s.prev, credit, j), around(index, s.next, credit, j)))
			if credit[i][j] >= e.opt.SynonymCredit {
				c.matched++
				c.held[j] = t.weight == 1
				c.holdsFocus = c.holdsFocus || t.head || j == focus
			} else if max(around(index, s.prev, credit, j), around(index, s.next, credit, j)) >= e.opt.SynonymCredit {
				c.aroundMatched++
			}
			if t.weight == 1 {
				coreTotal += idf[j]
				core += idf[j] * min(1, credit[i][j]/e.opt.SynonymCredit)
			}
		}
		c.coverage = got / total
		c.core = c.coverage
		if coreTotal > 0 {
			c.core = max(c.coverage, core/coreTotal)
		}
		c.score = c.coverage + e.opt.RankWeight/float64(1+s.rank)
		spots, near, values, weak := answerEvidence(q, s, idf, total)
		if !spots && (q.kind == kindNumber || q.kind == kindDate) {
			// "How many" and "when" are answered by a figure or a date:
			// a sentence without one is about the topic, not the answer.
			continue
		}
		if q.verb >= 0 && !e.assertsVerb(q, s) &&
			(q.kind == kindDate || q.kind == kindNumber && q.passive && !isPresenceVerb(q.terms[q.verb].stem)) {
			// The date of "when did France decide" is the date of the
			// decision: a date elsewhere, or of a decision not taken,
			// does not answer. Likewise the figure of "how many were
			// wounded" must count the wounded.
			continue
		}
		if spots {
			// Half for holding the kind of answer at all, the rest as
			// the question's terms surround it; and only in full in a
			// sentence on the question's topic: a date in a sentence
			// about something else answers nothing.
			w := e.opt.TypeWeight * (0.5 + 0.5*near) * min(1, c.coverage/onTopic)
			if weak {
				w /= 2 // a role or a surname, not who holds it
			}
			c.score += w
			c.values = values
		}
		if s.caption && !q.photo {
			c.score *= captionWeight
		}
		if s.headline {
			c.score *= headlineWeight
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, false
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	// One shared word is no evidence: a sentence must hold two of the
	// question's terms (when two are in the passages at all), or the noun
	// or verb the question is about when the sentences around it hold the
	// others: "NATO talks are underway. Bernier is among the 26 ministers
	// taking part."
	// When the sentences with such evidence score well below the best,
	// the question is about something the passages do not hold.
	top := cands[0].score
	cands = slices.DeleteFunc(cands, func(c *scoredSentence) bool {
		return c.matched < min(2, present) && !(c.holdsFocus && c.matched+c.aroundMatched >= 2)
	})
	if len(cands) == 0 || cands[0].score < e.opt.RelativeScore*top {
		return nil, false
	}
	return cands, true
}

// neighbourCredit is the credit for a question term that is not in a
// sentence but in the sentence before or after it in its paragraph: "NATO
// talks are underway in Brussels. Canada's minister is among the 26
// ministers taking part."
const neighbourCredit = 0.4

// around returns the credit of term j in s, a neighbour, or 0 for none.
func around(index map[*passageSentence]int, s *passageSentence, credit [][]float64, j int) float64 {
	if s == nil {
		return 0
	}
	return credit[index[s]][j]
}

// holdsRelation reports whether a sentence whose credits per term are
// credit holds the head noun of the question together with its "of"
// complement, when it has one: "President Nicolas Sarkozy" does not answer
// "Who is the president of Afghanistan?".
func (e *Extractive) holdsRelation(q questionInfo, credit []float64) bool {
	head, complement, hasComplement := false, false, false
	for j, t := range q.terms {
		switch {
		case t.head:
			head = credit[j] >= e.opt.SynonymCredit
		case t.complement:
			hasComplement = true
			complement = complement || credit[j] >= e.opt.SynonymCredit
		}
	}
	return !hasComplement || head && complement
}

// termCredit says how well s holds t: 1 for the term itself (also glued to
// a neighbouring word, as in "peacekeepingmission"), SynonymCredit for a
// synonym, 0 otherwise.
func (e *Extractive) termCredit(s *passageSentence, t qterm) float64 {
	if s.holds(t.stem) || gluedIn(s.lower, t.prefix, t.name) {
		return 1
	}
	for _, f := range t.forms {
		if s.terms[f] {
			return 1
		}
	}
	for _, o := range t.syn {
		if s.holds(o) || !strings.Contains(o, " ") && gluedIn(s.lower, strings.TrimSuffix(o, "i"), false) {
			return e.opt.SynonymCredit
		}
	}
	if s.caption && isPictureWord(t.stem) {
		return 1 // a caption is about its picture
	}
	if t.role && slices.ContainsFunc(s.toks, func(tk textWord) bool { return isPersonTitle(tk.lower) }) {
		return e.opt.SynonymCredit // "which official": the spokesperson
	}
	return 0
}

// holds reports whether s holds the stem, or every stem of a phrase ("prime
// minist").
func (s *passageSentence) holds(stem string) bool {
	if !strings.Contains(stem, " ") {
		return s.terms[stem]
	}
	for _, p := range strings.Fields(stem) {
		if !s.terms[p] {
			return false
		}
	}
	return true
}

// gluedIn reports whether stem occurs inside text. Wire copy loses spaces
// at line ends ("peacekeepingmission", "strongNATO-led"); long stems and
// names are distinctive enough to be found inside a glued word.
func gluedIn(lower, stem string, name bool) bool {
	return (len(stem) >= 5 || name && len(stem) >= 4) && strings.Contains(lower, stem)
}

// tokenMatches reports whether a word of a sentence stands for t; it is
// used to find what lies next to the question's terms.
func tokenMatches(lower string, t qterm) bool {
	if lower == t.stem || len(t.prefix) >= 3 && strings.HasPrefix(lower, t.prefix) {
		return true
	}
	if gluedIn(lower, t.prefix, t.name) {
		return true
	}
	related := func(o string) bool {
		for _, p := range strings.Fields(o) { // any word of a phrase
			if lower == p || len(p) >= 4 && strings.HasPrefix(lower, strings.TrimSuffix(p, "i")) {
				return true
			}
		}
		return false
	}
	return related(t.stem) || slices.ContainsFunc(t.forms, related) || slices.ContainsFunc(t.syn, related)
}

// captionWeight scales the score of a photo caption: it is seldom the
// answer, but its names and dates look like one.
const captionWeight = 0.8

// headlineWeight scales the score of a headline: it holds the words of the
// story's main sentence, which says the same with who and when.
const headlineWeight = 0.8

// onTopic is the term coverage from which a sentence is on the
// question's topic.
const onTopic = 0.6

// nearWords is how many words apart an answer and a question term may be
// to count as related.
const nearWords = 5

// answerEvidence finds what q asks for in s. spots is false when s holds
// nothing of the kind. near is the largest share of the question's term
// weight (idf, summing to total) found within a few words of one of them.
// values are the figures or dates with question terms nearby, normalised
// ("1,000" -> "1000", "next February" -> "february").
func answerEvidence(q questionInfo, s *passageSentence, idf []float64, total float64) (spots bool, near float64, values []string, weak bool) {
	if q.kind == kindAny {
		return false, 0, nil, false
	}
	found := findKind(q, s)
	if q.money && !mentionsMoney(s.lower) {
		found = nil // "how much does it cost" is not answered by a head count
	}
	if len(found) == 0 {
		return false, 0, nil, false
	}
	weak = true
	// matched[i]: the question terms word i stands for.
	matched := make([][]int, len(s.toks))
	for i, tk := range s.toks {
		for j, t := range q.terms {
			if idf[j] > 0 && (tokenMatches(tk.lower, t) || t.head && isPeopleNoun(t.stem) && i > 0 && isHeadcount(s.toks[i-1:i+1])) {
				matched[i] = append(matched[i], j)
			}
		}
	}
	focus := q.focus()
	if focus >= 0 && idf[focus] == 0 {
		focus = -1
	}
	for _, f := range found {
		if q.kind == kindNumber && (countsOther(s.toks, matched, f.tok) || qualifiedOther(s.toks, matched, f.tok)) ||
			q.kind == kindPerson && servesOther(s.toks, matched, f.tok) {
			continue
		}
		spots = true
		seen := make(map[int]bool)
		var w float64
		of := total
		focused := true
		if focus >= 0 {
			// The focus counts twice, and from anywhere in the spot's
			// clause: "NATO talks are underway at the organization's
			// headquarters in Brussels". A spot away from it is weak.
			of += idf[focus]
			if focused = sameClause(s, matched, f.tok, focus); focused {
				w += idf[focus]
			}
		}
		weak = weak && (f.weak || !focused)
		for i := max(0, f.tok-nearWords); i <= min(len(s.toks)-1, f.tok+nearWords); i++ {
			if i == f.tok {
				continue
			}
			for _, j := range matched[i] {
				if !seen[j] {
					seen[j] = true
					w += idf[j]
				}
			}
		}
		if w == 0 {
			continue
		}
		near = max(near, min(1, w/of))
		if f.value != "" && !slices.Contains(values, f.value) {
			values = append(values, f.value)
		}
	}
	return spots, near, values, weak
}

// focus returns the index in q.terms of the term the answer must stand
// next to: the counted noun of "how many", the verb of "when" and
// "where" ("when did France decide"); -1 for none.
func (q questionInfo) focus() int {
	switch q.kind {
	case kindNumber:
		for j, t := range q.terms {
			if t.head {
				return j
			}
		}
	case kindDate, kindPlace:
		return q.verb
	}
	return -1
}

// clauseWords is how far in words an answer may stand from the focus of
// the question in the same clause.
const clauseWords = 12

// sameClause reports whether a word standing for term j lies within
// clauseWords of word i with no clause break (a comma, semicolon, colon,
// dash or bracket) between them.
func sameClause(s *passageSentence, matched [][]int, i, j int) bool {
	for k := max(0, i-clauseWords); k <= min(len(s.toks)-1, i+clauseWords); k++ {
		if k == i || !slices.Contains(matched[k], j) {
			continue
		}
		a, b := min(i, k), max(i, k)
		if !strings.ContainsAny(s.text[s.toks[a].end:s.toks[b].start], ",;:()[]—–") && !strings.Contains(s.text[s.toks[a].end:s.toks[b].start], " - ") {
			return true
		}
	}
	return false
}

// mentionsMoney reports whether a lower-cased sentence speaks of money.
func mentionsMoney(lower string) bool {
	return strings.ContainsAny(lower, "$€£") || strings.Contains(lower, "dollar") ||
		strings.Contains(lower, "euro") || strings.Contains(lower, "pound") || strings.Contains(lower, " yen")
}

// asksDuration reports whether the question asks for a span of time: "how
// long", "how much time", "how many years".
func asksDuration(toks []textWord) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "how" {
			continue
		}
		switch next := toks[i+1].lower; {
		case next == "long":
			return true
		case (next == "much" || next == "many") && i+2 < len(toks) && isTimeUnit(toks[i+2].lower):
			return true
		}
	}
	return false
}

// isTimeUnit reports the words of spans of time.
func isTimeUnit(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "time", "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century":
		return true
	}
	return false
}

// findDurations finds spans of time ("18 months", "a two-day meeting")
// and starts ("since 2002", "since first sending troops in late 2002").
func findDurations(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case (tk.digits > 0 || isNumberWord(tk.lower) || tk.lower == "a" || tk.lower == "an") && !isYearWord(tk):
			for k := i + 1; k <= min(i+2, len(toks)-1); k++ {
				if isTimeUnit(toks[k].lower) {
					v := strings.NewReplacer(",", "").Replace(tk.lower)
					if v == "a" || v == "an" {
						v = "" // "a year" is too vague to compare
					}
					out = append(out, answerSpot{tok: i, value: v})
					break
				}
			}
		case tk.lower == "since":
			for k := i + 1; k <= min(i+8, len(toks)-1); k++ {
				if isYearWord(toks[k]) || monthName(toks[k]) != "" {
					out = append(out, answerSpot{tok: k, value: toks[k].lower})
					break
				}
			}
		}
	}
	return out
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

// isMoneyWord reports question words that ask for an amount of money.
func isMoneyWord(w string) bool {
	switch w {
	case "cost", "costs", "costing", "spend", "spent", "spending", "price", "budget", "pay",
		"paid", "worth", "money", "dollars", "funding", "fund", "expensive":
		return true
	}
	return false
}

// countsOther reports whether the figure at word i counts something the
// question does not name: "2,500 Canadian troops" when it asks about
// French ones.
// isHeadcount reports whether a sentence gives the strength of a body of
// people: a figure written with "-strong" ("a 43,000-strong force").
func isHeadcount(toks []textWord) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].lower == "strong" && toks[i-1].digits > 0 && toks[i-1].end == toks[i].start-1 {
			return true
		}
	}
	return false
}

// isPeopleNoun reports the stems of nouns for bodies of people, which a
// headcount measures.
func isPeopleNoun(stem string) bool {
	switch stem {
	case "soldier", "troop", "forc", "personnel", "member", "staff", "worker", "peopl", "polic",
		"conting", "armi", "militari", "men", "women", "offic", "sailor", "marin", "employe":
		return true
	}
	return false
}

// qualifiedOther reports whether the figure at word i is qualified by a
// word the question does not hold: "1,000 extra troops" or "1,000 troops
// needed" are not how many serve, "lost 127 soldiers" not how many were
// wounded.
func qualifiedOther(toks []textWord, matched [][]int, i int) bool {
	for k := max(0, i-2); k <= min(i+2, len(toks)-1); k++ {
		if k != i && isFigureQualifier(toks[k].lower) && len(matched[k]) == 0 &&
			!(toks[k].lower == "more" && k+1 < len(toks) && toks[k+1].lower == "than") {
			return true
		}
	}
	return false
}

// isFigureQualifier reports words that make a head count the count of
// something narrower: an addition, a demand, a loss.
func isFigureQualifier(w string) bool {
	switch w {
	case "extra", "additional", "more", "further", "another", "needed", "required", "requested",
		"sought", "pledged", "promised", "lost", "killed", "died", "dead", "wounded", "injured",
		"captured", "arrested", "missing", "evacuated", "fewer", "less":
		return true
	}
	return false
}

func countsOther(toks []textWord, matched [][]int, i int) bool {
	for k := i + 1; k <= min(i+2, len(toks)-1); k++ {
		w := toks[k]
		if w.upper && w.letters >= 2 && monthName(w) == "" && len(matched[k]) == 0 {
			return true // "2,500 Canadian troops", "43,000-strong NATO-led force"
		}
	}
	return false
}

// servesOther reports whether the person at word i is of a country the
// question does not name: "French Defence Minister Herve Morin" when it
// asks who represented Canada.
func servesOther(toks []textWord, matched [][]int, i int) bool {
	for k := max(0, i-3); k <= i; k++ {
		if isNationality(toks[k].lower) && len(matched[k]) == 0 {
			return true
		}
	}
	return false
}

// isNationality reports the words that tie a person or a figure to a
// country.
func isNationality(w string) bool {
	switch w {
	case "canadian", "french", "british", "german", "american", "afghan", "dutch", "russian",
		"chinese", "italian", "spanish", "polish", "australian", "pakistani", "iranian",
		"iraqi", "israeli", "japanese", "indian", "turkish", "ukrainian", "danish",
		"norwegian", "swedish", "belgian", "romanian", "lithuanian", "european":
		return true
	}
	return false
}

// answerKind is what a question asks for.
type answerKind int

const (
	kindAny answerKind = iota
	kindPerson
	kindNumber
	kindDate
	kindPlace
	kindReason
)

func (k answerKind) String() string {
	return [...]string{"any", "person", "number", "date", "place", "reason"}[k]
}

// questionInfo is a question reduced to what it asks for and its key terms.
type questionInfo struct {
	kind   answerKind
	money  bool // a number question about money ("how much does it cost")
	author bool // asks who wrote or reported the story
	photo  bool // asks about a picture: captions answer it
	// duration is set for "how long" and "how much time": a span of time,
	// or since when, answers it, not any figure.
	duration bool
	// verb is the index in terms of the question's main verb ("did France
	// decide", "have been wounded"), or -1; passive, past and negated
	// ("had not decided") describe it.
	verb                   int
	passive, past, negated bool
	words                  map[string]bool // its words, lower-cased: a name it holds is not the answer
	terms                  []qterm
}

// qterm is a key term of a question.
type qterm struct {
	stem   string   // as retrieval.Terms gives it
	prefix string   // the stem as it begins the written word ("februari" -> "februar")
	forms  []string // stems of its irregular forms
	syn    []string // stems of synonyms
	name   bool     // from a proper noun: the passages must hold it
	head   bool     // the noun the question asks about: the passages must hold it or a synonym
	// complement is set on the words of the head's "of" phrase ("the
	// president of Afghanistan"): a sentence must hold one of them with
	// the head to answer.
	complement bool
	weight     float64 // 1, or contextWeight for the setting of the question ("in Afghanistan")
	role       bool    // names the kind of person asked for ("which official"): any title stands for it
}

// lightWeight is the weight of a verb that says little ("go", "take"):
// sentences hold such verbs in any sense.
const lightWeight = 0.3

// contextWeight is the weight of the question's terms that only set the
// scene ("What number of troops does France have in Afghanistan?"): the
// answer must be about France; Afghanistan is where most sentences are.
const contextWeight = 0.6

func (e *Extractive) parseQuestion(text string) questionInfo {
	toks := splitWords(text)
	q := questionInfo{kind: questionKind(toks), words: make(map[string]bool)}
	q.money = asksHowMuch(toks) && slices.ContainsFunc(toks, func(w textWord) bool { return isMoneyWord(w.lower) })
	for _, tk := range toks {
		q.words[tk.lower] = true
	}
	q.author = q.kind == kindPerson && asksAuthor(q.words)
	q.duration = asksDuration(toks)
	q.photo = slices.ContainsFunc(toks, func(tk textWord) bool { return isPictureWord(tk.lower) })
	head, of := headNoun(toks)
	complement := make([]bool, len(toks)) // the words of "of Toronto"
	if of >= 0 {
		for k := of; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
			complement[k] = true
		}
	}
	index := make(map[string]int) // stem -> position in q.terms
	context := setting(toks)
	verb, passive, past := predicate(toks)
	if head < 0 && verb >= 0 && isLeadVerb(toks[verb].lower) {
		// "Who leads the Canadian army?" asks for the leader of the army:
		// the verb and the noun of its object must go together.
		if obj := lastOfPhrase(toks, verb+1); obj > verb {
			head = verb
			complement[obj] = true
		}
	}
	q.verb, q.passive, q.past = -1, passive, past
	q.negated = verb >= 0 && negatedAt(toks, verb)
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		stems, n := e.phraseAt(toks, i)
		if n == 0 {
			if tk.letters+tk.digits < 2 || questionWord(tk.lower) || markerWord(tk.lower) || q.author && isAuthorWord(tk.lower) ||
				i > 0 && isDocumentWord(tk.lower) && (toks[i-1].lower == "which" || toks[i-1].lower == "what") {
				continue
			}
			stems, n = e.terms.Terms(tk.text), 1
			if w, ok := strings.CutSuffix(tk.lower, "ly"); ok && len(w) > 2 {
				stems = append(stems, e.terms.Terms(w)...) // "newly" is also "new"
			}
		}
		name := isName(toks, i)
		weight := 1.0
		switch {
		case context[i]:
			weight = contextWeight
		case n == 1 && isLightVerb(tk.lower):
			weight = lightWeight // "where French troops go"
		}
		if n > 1 {
			i += n - 1 // the phrase's other words
		}
		for _, st := range stems {
			j, ok := index[st]
			if !ok {
				j = len(q.terms)
				index[st] = j
				prefix := strings.TrimSuffix(st, "i")
				if n > 1 {
					prefix = "" // a phrase is found by its stems, not inside words
				}
				q.terms = append(q.terms, qterm{
					stem: st, prefix: prefix,
					forms: e.forms[st], syn: e.synonyms[st], weight: weight,
				})
			}
			q.terms[j].weight = max(q.terms[j].weight, weight)
			q.terms[j].name = q.terms[j].name || name
			q.terms[j].role = q.terms[j].role || n == 1 && i != head && q.kind == kindPerson && answerNoun(tk.lower) == kindPerson
			for k := i - n + 1; k <= i; k++ {
				q.terms[j].head = q.terms[j].head || k == head
				q.terms[j].complement = q.terms[j].complement || complement[k]
				if k == verb && q.verb < 0 {
					q.verb = j
				}
			}
		}
	}
	return q
}

// predicate finds the main verb of a question, the word that says what
// happened: after "did", "will" and the like the last word of the subject
// and verb ("did France decide to", "will alliance leaders gather in"),
// after "is", "has" and the like the first participle ("have been
// wounded", "is the government planning"). It is -1 for questions with
// none, or with a verb that says little ("did Ottawa say", "has it had").
// passive is set for "were wounded", past for "did", "was" and "has".
func predicate(toks []textWord) (verb int, passive, past bool) {
	aux := -1
	for i, tk := range toks {
		if i > 0 && isAuxiliary(tk.lower) {
			aux = i
			break
		}
	}
	if len(toks) > 1 && toks[0].lower == "who" && !isAuxiliary(toks[1].lower) && !toks[1].upper {
		// "Who leads the army?": the verb follows "who".
		if isLightVerb(toks[1].lower) {
			return -1, false, false
		}
		return 1, false, strings.HasSuffix(toks[1].lower, "ed")
	}
	if aux < 0 {
		return -1, false, false
	}
	a := toks[aux].lower
	past = a == "did" || a == "was" || a == "were" || a == "has" || a == "have" || a == "had"
	verb = -1
	// After "did", "will" and the like the verb is a base form after the
	// subject; after "is" and "has" a participle.
	doSupport := !isCopula(a) && a != "has" && a != "have" && a != "had"
	started := false // past the determiners that open the subject
	for k := aux + 1; k < len(toks); k++ {
		w := toks[k].lower
		if w == "been" || w == "being" || w == "be" {
			passive = passive || !isModal(a) // "might be shifted" is no fact to count
			doSupport, verb = false, -1      // "will the summit be held"
			continue
		}
		if !started && (isDeterminer(w) || isPossessive(w)) {
			continue // "did the US ask", "is the government planning"
		}
		started = true
		if w == "of" && doSupport || toks[k].upper {
			continue // "does a barrel of oil cost", "did the US ask"
		}
		if doSupport && isLightVerb(w) {
			verb = k // "did the alliance chief say"
			break
		}
		if endsNounPhrase(w) || isDeterminer(w) || isQuantifier(w) || w == "but" || questionWord(w) && !isParticiple(w) {
			break
		}
		if toks[k].upper || toks[k].letters < 2 {
			continue
		}
		if doSupport {
			// The last word of the subject and verb that does not look
			// like a noun: "did Canadian lawmakers adopt", "did Ottawa
			// dispatch senior officials", "will alliance leaders gather".
			next := ""
			if k+1 < len(toks) {
				next = toks[k+1].lower
			}
			lastOfRun := next == "" || endsNounPhrase(next) || isDeterminer(next) || isQuantifier(next)
			if !looksLikeNoun(w, lastOfRun) && !isParticiple(w) {
				verb = k
			}
			continue
		}
		if isParticiple(w) || isIrregularParticiple(w) {
			if !isLightVerb(w) {
				verb = k
			}
			break
		}
	}
	if verb < 0 || isLightVerb(toks[verb].lower) {
		return -1, false, past
	}
	w := toks[verb].lower
	// "were wounded", "have been wounded": a participle after "be".
	passive = (passive || isCopula(a)) && !doSupport && !isModal(a) && !strings.HasSuffix(w, "ing") && (isParticiple(w) || isIrregularParticiple(w))
	return verb, passive, past
}

// isQuantifier reports words that end a question's subject and verb:
// "cost each year".
// isLeadVerb reports verbs that ask for the leader of something: "who
// leads", "who heads", "who runs".
func isLeadVerb(w string) bool {
	switch w {
	case "lead", "leads", "led", "head", "heads", "headed", "run", "runs", "ran", "command",
		"commands", "commanded", "chair", "chairs", "chaired", "govern", "governs", "rule", "rules":
		return true
	}
	return false
}

func isModal(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

func isQuantifier(w string) bool {
	switch w {
	case "each", "every", "per", "any", "all":
		return true
	}
	return false
}

// looksLikeNoun guesses from its ending whether w, in a question's
// subject, is a noun or adjective rather than the verb that follows: a
// plural ("lawmakers"), a noun suffix ("mission", "government"), or -er
// and -or unless last before the object ("minister say" but "leaders
// gather in").
func looksLikeNoun(w string, lastOfRun bool) bool {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true
	}
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ity", "ship", "ence", "ance", "ism", "ist", "ian", "ese", "ary", "ory", "al", "ic", "ive", "ous", "ful"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	if (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or")) && !lastOfRun {
		return true
	}
	switch w {
	case "still", "also", "now", "ever", "already", "just", "even", "only", "again", "first",
		"finally", "elsewhere", "really", "actually", "each", "every", "all", "both", "most",
		"not", "never", "some", "any", "many", "few", "several", "more", "other", "new":
		return true
	}
	return false
}

func isPossessive(w string) bool {
	switch w {
	case "its", "his", "her", "their", "our", "your", "my", "this", "these", "those", "that":
		return true
	}
	return false
}

func isAuxiliary(w string) bool {
	switch w {
	case "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would",
		"can", "could", "should", "might", "may", "must", "shall":
		return true
	}
	return false
}

// isIrregularParticiple reports participles without -ed ("sent", "lost").
func isIrregularParticiple(w string) bool {
	switch w {
	case "sent", "lost", "held", "made", "taken", "left", "gone", "given", "paid", "brought",
		"fought", "spoken", "begun", "known", "sought", "struck", "fallen", "risen", "chosen",
		"kept", "seen", "built", "bought", "caught", "found", "heard", "shot", "written",
		"driven", "flown", "grown", "meant", "sold", "spent", "thrown", "withdrawn", "hit",
		"hurt", "cut", "put", "set", "won", "led", "met", "told", "said", "done", "had", "been":
		return true
	}
	return false
}

// isLightVerb reports verbs that say too little to be required of an
// answer: "when did Ottawa say", "since when has Canada had".
func isLightVerb(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having",
		"do", "does", "did", "done", "doing", "say", "says", "said", "saying", "tell", "told",
		"get", "got", "gotten", "getting", "make", "made", "making", "take", "took", "taken",
		"taking", "go", "went", "gone", "going", "come", "came", "coming", "happen", "happened",
		"happening", "give", "gave", "given", "put", "let", "become", "became", "hold", "held",
		"holding", "expected", "planned", "scheduled", "due", "set", "see", "seen", "mean", "meant":
		return true
	}
	return false
}

// isPresenceVerb reports participles that only place what is counted
// ("how many troops are deployed", "were stationed"): a head count "in
// Kandahar" answers them without the verb.
func isPresenceVerb(w string) bool {
	for _, p := range []string{"deploy", "station", "base", "post", "sent", "assign", "serv", "locat", "house", "keep", "kept", "remain", "stay", "involv", "employ", "regist", "enrol", "count", "expect", "estimat", "report", "believ", "thought"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// assertsVerb reports whether s states the question's main verb as a fact:
// it holds it (or a synonym), not negated ("had taken no decision"), and,
// when the question asks about the past, not as a prospect ("will make a
// final decision").
func (e *Extractive) assertsVerb(q questionInfo, s *passageSentence) bool {
	t := q.terms[q.verb]
	if e.termCredit(s, t) < e.opt.SynonymCredit {
		return false
	}
	found := false
	for k, tk := range s.toks {
		if !tokenMatches(tk.lower, t) {
			continue
		}
		found = true
		if (q.negated || !negatedAt(s.toks, k)) && !(q.past && prospectAt(s.toks, k)) {
			return true
		}
	}
	return !found // held only as a glued word: take it as stated
}

// deniesVerb reports whether s holds the question's main verb only
// negated ("had taken no decision" for "who decided"), when the question
// does not negate it itself.
func deniesVerb(q questionInfo, s *passageSentence) bool {
	if q.verb < 0 || q.negated {
		return false
	}
	t := q.terms[q.verb]
	found := false
	for k, tk := range s.toks {
		if tokenMatches(tk.lower, t) {
			if !negatedAt(s.toks, k) {
				return false
			}
			found = true
		}
	}
	return found
}

// negatedAt reports whether word k is negated: a negation just before it
// ("no decision", "has not decided", "didn't decide") or, for a noun, in
// the verb just after it ("the choice has not been made").
func negatedAt(toks []textWord, k int) bool {
	isNot := func(i int) bool {
		switch w := toks[i].lower; {
		case w == "not", w == "never":
			return true
		case w == "t" && i > 0 && strings.HasSuffix(toks[i-1].lower, "n"):
			return true // "didn't": the apostrophe splits it
		}
		return false
	}
	for i := max(0, k-3); i < k; i++ {
		switch w := toks[i].lower; {
		case w == "no", w == "nor", w == "without", w == "yet", isNot(i):
			return true
		}
	}
	if k+2 < len(toks) && isAuxiliary(toks[k+1].lower) && isNot(k+2) {
		return true
	}
	return k+3 < len(toks) && isAuxiliary(toks[k+1].lower) && toks[k+2].lower == "n" && isNot(k+3)
}

// prospectAt reports whether a modal stands just before word k: "will
// make a final decision", "may decide", "would welcome a decision".
func prospectAt(toks []textWord, k int) bool {
	for i := max(0, k-4); i < k; i++ {
		switch toks[i].lower {
		case "will", "would", "may", "might", "shall", "should", "could", "ll":
			return true
		}
	}
	return false
}

// phraseAt returns the stems of the phrase of synonymGroups that starts at
// toks[i] ("head of government", "last word"), as one term, and how many
// words it takes; n is 0 when none starts there.
func (e *Extractive) phraseAt(toks []textWord, i int) (stems []string, n int) {
	for n := min(4, len(toks)-i); n >= 2; n-- {
		var b strings.Builder
		for _, tk := range toks[i : i+n] {
			b.WriteString(tk.lower)
			b.WriteByte(' ')
		}
		key := strings.Join(e.terms.Terms(b.String()), " ")
		if strings.Contains(key, " ") && e.synonyms[key] != nil {
			return []string{key}, n
		}
	}
	return nil, 0
}

// setting marks the words of the question's place and time phrases: "in
// southern Afghanistan", "in Kandahar", "according to the 2009 report". Such
// a phrase ends with the question, at a word that ends a noun phrase, or
// after a name ("in Kandahar end").
func setting(toks []textWord) []bool {
	marks := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		switch toks[i].lower {
		case "in", "at", "on", "during", "near", "inside", "within", "across", "since", "according":
		default:
			continue
		}
		for k := i + 1; k < len(toks); k++ {
			w := toks[k]
			if w.lower == "to" && toks[i].lower == "according" {
				continue
			}
			if endsNounPhrase(w.lower) || questionWord(w.lower) && w.lower != "the" && w.lower != "a" && w.lower != "an" {
				break
			}
			if k > i+1 && !w.upper && toks[k-1].upper {
				break
			}
			marks[k] = true
			i = k
		}
	}
	return marks
}

// headNoun returns the index in toks of the noun the question asks about
// ("the population of Toronto", "how many soldiers", "who is the NATO
// spokesperson"), or -1 when it has none that the passages must hold: a
// marker ("what year"), a vague noun ("what is France's position"), or a
// noun that only names the kind of answer ("which official spoke", "what
// danger did he see"), which the text need not spell out. of is the index
// of the first word of its "of" complement ("of Toronto"), or -1.
func headNoun(toks []textWord) (head, of int) {
	head = -1
	for i, tk := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case tk.lower == "how" && (next == "many" || next == "much"):
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "how" && (next == "large" || next == "big" || next == "strong") && i+2 < len(toks) && isCopula(toks[i+2].lower):
			head = lastOfPhrase(toks, i+3)
		case (tk.lower == "what" || tk.lower == "which" || tk.lower == "who") && isCopula(next):
			if i+2 < len(toks) && isParticiple(toks[i+2].lower) {
				return -1, -1 // "who is credited with", "what is expected": a verb
			}
			head = lastOfPhrase(toks, i+2)
		case tk.lower == "name" || tk.lower == "identify":
			head = lastOfPhrase(toks, i+1)
		case tk.lower == "what" || tk.lower == "which" || tk.lower == "who" || tk.lower == "how":
			return -1, -1
		default:
			continue
		}
		break
	}
	if head < 0 || markerWord(toks[head].lower) || vagueNoun(toks[head].lower) || toks[head].letters < 2 {
		return -1, -1
	}
	of = -1
	if head+2 < len(toks) && toks[head+1].lower == "of" {
		of = head + 2
		for of < len(toks)-1 && isDeterminer(toks[of].lower) {
			of++
		}
	}
	return head, of
}

// lastOfPhrase returns the last word of the noun phrase starting at
// toks[i], or -1 when none starts there.
func lastOfPhrase(toks []textWord, i int) int {
	last := -1
	for k := i; k < len(toks) && !endsNounPhrase(toks[k].lower); k++ {
		w := toks[k]
		// A verb after a plural noun ends the phrase: "how many
		// ministers attended the talks".
		if last >= 0 && !w.upper && strings.HasSuffix(toks[last].lower, "s") && !looksLikeNoun(w.lower, true) {
			break
		}
		switch {
		case w.letters+w.digits < 2, isDeterminer(w.lower):
		default:
			last = k
		}
	}
	return last
}

// isParticiple guesses whether w is a verb form ("credited", "leading")
// rather than a noun; nouns in -ing/-ed that questions ask about are rare.
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an"
}

func isCopula(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were"
}

// vagueNoun reports nouns a question may ask about that the coverage
// seldom spells out ("France's position", "the latest").
func vagueNoun(w string) bool {
	switch w {
	case "position", "positions", "view", "views", "stance", "role", "plan", "plans",
		"reaction", "response", "status", "situation", "opinion", "latest", "news",
		"story", "issue", "problem", "point", "thing", "things", "deal", "outcome",
		"result", "idea", "message", "goal", "aim", "policy", "difference", "state":
		return true
	}
	return false
}

// endsNounPhrase reports whether w ends the noun phrase a question asks
// about: a preposition, an auxiliary or a wh-word.
func endsNounPhrase(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "for", "by", "with", "about", "from", "like", "as",
		"and", "or", "that", "who", "whom", "which", "what", "when", "where", "why", "how",
		"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have",
		"had", "do", "does", "did", "might", "may", "must", "according", "since", "during",
		"per", "after", "before", "under", "over", "into", "than", "be", "been", "there":
		return true
	}
	return false
}

// isName reports whether toks[i] is a proper noun the coverage must
// mention for the question to be answerable: a capitalised word inside the
// question, or an acronym anywhere. Short acronyms (PM, US) are too often
// spelled out in the text to be required, as are titles (Mr, Dr).
func isName(toks []textWord, i int) bool {
	tk := toks[i]
	if !tk.upper || tk.letters < 3 || isHonorific(tk.lower) || answerNoun(tk.lower) != kindAny {
		return false
	}
	if i == 0 {
		return tk.allCaps
	}
	return true
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "sgt", "prof", "rev", "st":
		return true
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

// markerWord reports whether w only names the kind of answer wanted
// ("what year", "which city", "the number of") and so need not occur in
// the passages.
func markerWord(w string) bool {
	switch w {
	case "number", "amount", "count", "total", "figure", "percentage", "numerous", "long",
		"year", "date", "day", "month", "time", "week", "place", "location", "venue", "site",
		"city", "country", "town", "region", "province", "reason", "reasons", "cause",
		"purpose", "motive", "next", "last", "upcoming", "previous", "size", "strength", "name",
		"names":
		return true
	}
	return false
}

// answerNoun returns what a question asks for when it names it with w
// ("which official", "what year", "the size of").
func answerNoun(w string) answerKind {
	switch w {
	case "official", "officials", "minister", "person", "people", "leader", "spokesperson",
		"spokesman", "spokeswoman", "diplomat", "president", "chancellor", "secretary",
		"politician", "reporter", "journalist", "man", "woman", "commander", "ambassador",
		"author", "boss", "chief", "head", "cabinet", "representative", "envoy", "negotiator",
		"lawmaker", "general", "name":
		return kindPerson
	case "city", "country", "place", "town", "region", "province", "capital", "location",
		"venue", "area", "site":
		return kindPlace
	case "year", "date", "day", "month", "time", "deadline", "week":
		return kindDate
	case "number", "amount", "size", "count", "total", "figure", "percentage", "strength",
		"population", "large", "big", "long", "strong", "numerous":
		return kindNumber
	case "reason", "reasons", "cause", "purpose", "motive", "why":
		return kindReason
	}
	return kindAny
}

// questionKind finds what the question asks for: the first wh-word
// decides, and "what"/"which"/"name" look at the noun that follows.
func questionKind(toks []textWord) answerKind {
	for i, tk := range toks {
		switch tk.lower {
		case "who", "whom", "whose":
			return kindPerson
		case "when":
			return kindDate
		case "where", "whereabouts":
			return kindPlace
		case "why":
			return kindReason
		case "how":
			if i+1 < len(toks) {
				switch toks[i+1].lower {
				case "many", "much", "large", "big", "strong", "long", "far", "few", "numerous", "old", "often":
					return kindNumber
				case "soon", "late", "early":
					return kindDate
				}
			}
			return kindAny
		case "what", "which", "name", "identify":
			// The noun phrase right after: "what year", "which Canadian
			// defence minister", "what is the size"; "what did X say"
			// names no kind.
			k := i + 1
			if k < len(toks) && isCopula(toks[k].lower) {
				k++
			}
			for ; k < min(len(toks), i+7) && !endsNounPhrase(toks[k].lower); k++ {
				if kind := answerNoun(toks[k].lower); kind != kindAny {
					return kind
				}
			}
			return kindAny
		}
	}
	// No wh-word ("Tell me the size of ..."): the first answer noun decides.
	for _, tk := range toks {
		if k := answerNoun(tk.lower); k != kindAny {
			return k
		}
	}
	return kindAny
}

// textWord is a word or number of a text.
type textWord struct {
	text    string
	lower   string
	start   int // byte offsets in the text split
	end     int
	letters int
	digits  int
	upper   bool // starts with a capital
	allCaps bool // two or more letters, all capitals
}

// splitWords splits text into words and numbers. Hyphens and apostrophes
// split words ("2,700-strong", "Canada's"), and so does a capital after
// three small letters, where wire copy lost a space ("capitalKabul"); a
// comma or point between digits stays inside the number ("2,500", "3.5").
func splitWords(text string) []textWord {
	var toks []textWord
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		t := textWord{text: w, lower: strings.ToLower(w), start: start, end: end, allCaps: true}
		for i, r := range w {
			switch {
			case unicode.IsLetter(r):
				t.letters++
				if i == 0 {
					t.upper = unicode.IsUpper(r)
				}
				if !unicode.IsUpper(r) {
					t.allCaps = false
				}
			case unicode.IsDigit(r):
				t.digits++
			}
		}
		t.allCaps = t.allCaps && t.letters >= 2
		toks = append(toks, t)
		start = -1
	}
	prevDigit, lowerRun := false, 0
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if lowerRun >= 3 && unicode.IsUpper(r) {
				flush(i) // a lost space: "capitalKabul", "theNATO", but not "MacKay"
			}
			if start < 0 {
				start = i
			}
			prevDigit = unicode.IsDigit(r)
			if unicode.IsLower(r) {
				lowerRun++
			} else {
				lowerRun = 0
			}
			continue
		case (r == ',' || r == '.') && prevDigit && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsDigit(next) {
				continue
			}
		}
		prevDigit, lowerRun = false, 0
		flush(i)
	}
	flush(len(text))
	return toks
}

// answerSpot is one thing of the kind a question asks for, at token tok.
type answerSpot struct {
	tok   int
	value string // normalised figure or date; "" when not comparable
	weak  bool   // only hints at the answer: a role or surname for "who"
}

// findKind finds in s what a question of kind k asks for.
func findKind(q questionInfo, s *passageSentence) []answerSpot {
	switch {
	case q.duration:
		return findDurations(s.toks)
	}
	switch q.kind {
	case kindPerson:
		return findPeople(q, s)
	case kindNumber:
		return findNumbers(s.toks)
	case kindDate:
		return findDates(s.toks)
	case kindPlace:
		return findPlaces(s)
	case kindReason:
		return findReasons(s.toks)
	}
	return nil
}

// findPeople finds the people a sentence names, but not those the
// question names: a full name is the answer to "who", a role or a surname
// only a weak one.
func findPeople(q questionInfo, s *passageSentence) []answerSpot {
	var out []answerSpot
	for _, n := range namesIn(s.text, s.toks) {
		if sn := n.surname(s.toks); !q.words[sn] {
			out = append(out, answerSpot{tok: n.first, weak: !n.full() && !s.fullNames[sn]})
		}
	}
	for i, tk := range s.toks {
		if isPersonTitle(tk.lower) {
			out = append(out, answerSpot{tok: i, weak: true})
		}
	}
	return out
}

func isProperWord(tk textWord) bool {
	return tk.upper && !tk.allCaps && tk.letters >= 2 && monthName(tk) == "" && !isWeekday(tk.lower)
}

func isPersonTitle(w string) bool {
	switch w {
	case "minister", "ministers", "spokesperson", "spokesman", "spokeswoman", "president",
		"chancellor", "secretary", "official", "officials", "diplomat", "diplomats", "boss",
		"chief", "leader", "leaders", "commander", "ambassador", "premier", "king", "queen",
		"senator", "mayor", "governor":
		return true
	}
	return false
}

func findNumbers(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		if i+1 < len(toks) && isTimeUnit(toks[i+1].lower) {
			continue // "a two-day meeting" lasts, it counts nothing
		}
		switch {
		case tk.digits > 0 && tk.letters == 0:
			if isYearWord(tk) || i > 0 && (monthName(toks[i-1]) != "" || i > 1 && monthName(toks[i-2]) != "" && toks[i-1].digits > 0) {
				continue // a date, not a figure
			}
			out = append(out, answerSpot{tok: i, value: strings.NewReplacer(",", "").Replace(tk.text)})
		case isNumberWord(tk.lower):
			out = append(out, answerSpot{tok: i, value: tk.lower})
		}
	}
	return out
}

func isYearWord(tk textWord) bool {
	if len(tk.text) != 4 || tk.digits != 4 {
		return false
	}
	y, err := strconv.Atoi(tk.text)
	return err == nil && y >= 1900 && y <= 2099
}

func isNumberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
		"thousand", "thousands", "million", "millions", "dozen", "dozens", "half", "double":
		return true
	}
	return false
}

func findDates(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch {
		case isYearWord(tk):
			out = append(out, answerSpot{tok: i, value: tk.text})
		case monthName(tk) != "":
			out = append(out, answerSpot{tok: i, value: monthName(tk)})
		case isWeekday(tk.lower):
			// Wire stories date every remark by weekday; it seldom answers "when".
			out = append(out, answerSpot{tok: i})
		case isRelativeDate(tk.lower):
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}

// monthName returns the month a capitalised word names, also when a missing
// space glued it to the next word ("Februaryunless").
func monthName(tk textWord) string {
	if !tk.upper {
		return ""
	}
	for _, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if strings.HasPrefix(tk.lower, m) || len(tk.lower) == 3 && tk.lower == m[:3] && m != "may" {
			return m
		}
	}
	if tk.lower == "sept" {
		return "september"
	}
	return ""
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func isRelativeDate(w string) bool {
	switch w {
	case "yesterday", "today", "tomorrow", "tonight", "weeks", "months", "years", "spring",
		"summer", "autumn", "fall", "winter", "deadline", "schedule", "future", "soon", "shortly":
		return true
	}
	return false
}

func findPlaces(s *passageSentence) []answerSpot {
	var out []answerSpot
	toks := s.toks
	if len(toks) > 1 && toks[0].allCaps && strings.Contains(s.text[:min(len(s.text), 40)], "(") {
		out = append(out, answerSpot{tok: 0, value: toks[0].lower}) // dateline: "VILNIUS (Reuters) -"
	}
	for i, tk := range toks {
		if !isPlacePreposition(tk.lower) {
			continue
		}
		// "in Kandahar", "in the capital Kabul", "at the southern city
		// of Kandahar": a capitalised word after words that describe a
		// place, but not "to help Canada".
		for k := i + 1; k < min(len(toks), i+5); k++ {
			if isProperWord(toks[k]) {
				if !isNationality(toks[k].lower) {
					out = append(out, answerSpot{tok: k, value: toks[k].lower})
				}
				break
			}
			if !isDeterminer(toks[k].lower) && !isPlaceWord(toks[k].lower) && toks[k].lower != "of" {
				break
			}
		}
	}
	return out
}

// isPlaceWord reports words that stand between a preposition and the name
// of a place: "in the capital Kabul", "in the southern city of Kandahar".
func isPlaceWord(w string) bool {
	switch w {
	case "capital", "city", "town", "village", "province", "region", "district", "state",
		"country", "southern", "northern", "eastern", "western", "central", "nearby", "port",
		"neighbouring", "neighboring", "headquarters", "border", "island", "county", "area",
		"restive", "volatile", "troubled", "war", "torn", "embattled", "besieged":
		return true
	}
	return false
}

func isPlacePreposition(w string) bool {
	switch w {
	case "in", "at", "from", "near", "to", "outside", "inside", "into", "across", "around":
		return true
	}
	return false
}

func findReasons(toks []textWord) []answerSpot {
	var out []answerSpot
	for i, tk := range toks {
		switch tk.lower {
		case "because", "since", "due", "reason", "so", "too", "must", "need", "needs", "needed",
			"requirements", "burden", "security", "interest", "order", "unless", "if":
			out = append(out, answerSpot{tok: i})
		}
	}
	return out
}

// personName is a person a sentence names: words first..last of its
// tokens, the name proper without the title before it.
type personName struct {
	first, last int
	titled      bool // a title stands before it ("Foreign Minister Lawrence Cannon")
	speaker     bool // a reporting verb follows it ("Appathurai said"): the source, not the subject
}

func (n personName) full() bool { return n.last > n.first }

// surname returns the last word of the name, lower-cased.
func (n personName) surname(toks []textWord) string { return toks[n.last].lower }

// namesIn finds the people a sentence names: runs of capitalised words,
// written next to each other, after any title or nationality that leads
// them ("French Foreign Minister Bernard Kouchner" -> "Bernard Kouchner").
// A single word is kept as a surname ("Sarkozy"); places also pass for
// names here, which callers allow for.
func namesIn(text string, toks []textWord) []personName {
	var out []personName
	for i := 0; i < len(toks); {
		if !isProperWord(toks[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && isProperWord(toks[j+1]) && joinedBySpace(text, toks[j], toks[j+1]) {
			j++
		}
		n := personName{first: i, last: j}
		if slices.ContainsFunc(toks[i:j+1], func(tk textWord) bool { return isOrgWord(tk.lower) }) {
			i = j + 1
			continue // "Defence Ministry", "Canadian Broadcasting Corp"
		}
		for k := i; k <= j; k++ {
			if isPersonTitle(toks[k].lower) || isHonorific(toks[k].lower) || isNationality(toks[k].lower) || isFunctionWord(toks[k].lower) {
				n.first = k + 1
				n.titled = n.titled || isPersonTitle(toks[k].lower) || isHonorific(toks[k].lower)
			}
		}
		for k := max(0, i-3); k < i && !n.titled; k++ {
			n.titled = isPersonTitle(toks[k].lower)
		}
		if j+1 < len(toks) && isReportingVerb(toks[j+1].lower) ||
			j+2 < len(toks) && text[toks[j].end:toks[j+1].start] == ", " && isReportingVerb(toks[j+2].lower) {
			n.speaker = true
		}
		if n.first <= n.last && !(n.first == 0 && !n.speaker && !n.full()) {
			out = append(out, n)
		}
		i = j + 1
	}
	return out
}

// isOrgWord reports words that make a run of capitalised words the name
// of an organisation or a thing rather than of a person.
func isOrgWord(w string) bool {
	switch w {
	case "ministry", "department", "office", "corp", "corporation", "inc", "ltd", "company",
		"party", "government", "council", "bank", "university", "agency", "news", "broadcasting",
		"association", "organization", "organisation", "union", "league", "committee",
		"parliament", "congress", "senate", "house", "army", "forces", "force", "navy", "court",
		"commission", "institute", "foundation", "group", "times", "post", "press", "network",
		"city", "county", "province", "state", "states", "republic", "kingdom", "nations",
		"summit", "treaty", "act", "war", "day", "street", "river", "island", "islands":
		return true
	}
	return false
}

// joinedBySpace reports whether two words are separated by one space or a
// hyphen only, as the words of one name are.
func joinedBySpace(text string, a, b textWord) bool {
	gap := text[a.end:b.start]
	return gap == " " || gap == "-"
}

// isFunctionWord reports the small words that start sentences in capitals
// ("The remarks by ...") and so do not begin names.
func isFunctionWord(w string) bool {
	switch w {
	case "the", "a", "an", "in", "on", "at", "of", "for", "by", "with", "from", "to", "and",
		"but", "or", "if", "as", "after", "before", "when", "while", "this", "that", "these",
		"those", "there", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
		"our", "some", "many", "most", "all", "diplomats", "officials", "reporting", "editing",
		"writing", "speaking", "according", "meanwhile", "however", "also", "yet", "so":
		return true
	}
	return false
}

// isReportingVerb reports the verbs that follow the name of a speaker.
func isReportingVerb(w string) bool {
	switch w {
	case "said", "says", "say", "told", "tells", "added", "adds", "stated", "noted", "explained",
		"argued", "insisted", "warned", "wrote", "writes", "speaking", "declared", "announced":
		return true
	}
	return false
}
