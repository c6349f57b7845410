// Package extractive answers offline, without a model: it picks the one to
// three sentences of the retrieved passages that hold what the question
// asks for, quotes them verbatim with citations, and refuses when the
// evidence is too weak.
package extractive

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// Options tune the extractive answerer. A zero field takes its
// default from DefaultOptions.
type Options struct {
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
	// DisagreeCoverage is the share of the question's term weight (or of
	// the terms outside its setting, "in southern Afghanistan") both
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
	// Thesaurus is the word knowledge the answerer reads (WordNet's
	// relations and classes); nil loads the one newsbot embeds. It is
	// read-only, so answerers may share one: loading it is the slow part
	// of New.
	Thesaurus *thesaurus.Thesaurus
}

// DefaultOptions returns the defaults, calibrated on the seed
// questions of extract_test.go.
func DefaultOptions() Options {
	return Options{
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
type Answerer struct {
	*lexicon
	opt   Options
	terms *retrieval.Analyzer // caches stems: sentences repeat across questions
	relMu sync.Mutex
	rel   map[string][3][]string // word -> stems of its forms, synonyms and hyponyms, as relations gives them
}

// New returns an extractive answerer.
func New(opt Options) *Answerer {
	def := DefaultOptions()
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
	e := &Answerer{opt: opt, terms: retrieval.NewAnalyzer()}
	th := opt.Thesaurus
	if th == nil {
		// The thesaurus is embedded: it cannot fail to load unless the
		// build is broken, and then answers just lack synonyms and word
		// classes.
		th, _ = thesaurus.Load()
	}
	e.lexicon = newLexicon(th)
	e.rel = make(map[string][3][]string)
	return e
}

// KnowsWord reports whether word (lower case) is an English word, so that
// the Bot does not take it for a misspelt name (bot.Dictionary).
func (e *Answerer) KnowsWord(word string) bool {
	return e.lexicon.th != nil && e.lexicon.th.KnowsWord(word)
}

// Answer quotes the sentences of req.Passages that answer the question, or
// refuses. It uses the standalone rewrite of the question when there is one.
func (e *Answerer) Answer(ctx context.Context, req bot.Request) (bot.Answer, error) {
	if err := ctx.Err(); err != nil {
		return bot.Answer{}, err
	}
	q := req.Standalone
	if strings.TrimSpace(q) == "" {
		q = req.Question
	}
	var a bot.Answer
	if req.Coverage != nil {
		cov := *req.Coverage
		// "How did the number of evacuees evolve?": a figure's history.
		cov.Trend = cov.Trend || cov.Kind == bot.CoverageTimeline && e.asksFigure(req.Question)
		a = e.answerCoverage(&cov)
	} else {
		a = e.answerAssoc(q, req.Passages, req.Associations)
	}
	a.Question = req.Question
	a.Mode = bot.ModeExtractive
	a.Passages = req.Passages
	if req.OnToken != nil {
		req.OnToken(a.Text)
	}
	return a, nil
}

func refusedAnswer() bot.Answer {
	return bot.Answer{Text: bot.RefusalText, Refused: true, Citations: []bot.Citation{}}
}

// answer is Answer without its bookkeeping.
func (e *Answerer) answer(question string, passages []retrieval.Result) bot.Answer {
	return e.answerAssoc(question, passages, nil)
}

// answerAssoc is answer with the coverage's word associations.
func (e *Answerer) answerAssoc(question string, passages []retrieval.Result, as *retrieval.Associations) bot.Answer {
	q := e.parseQuestion(question)
	q.assoc = as
	sents := e.collectSentences(passages)
	if len(q.terms) == 0 || len(sents) == 0 {
		return refusedAnswer()
	}
	cands, ok := e.score(q, sents)
	if ok {
		cands = replies(cands)
	}
	if a, ok := e.answerDefending(question, q, cands, passages); ok {
		return a // the defending champion: last year's winner
	}
	if ok {
		cands = e.gate(question, q, cands) // a sentence that answers what is asked (gate.go)
	}
	if !ok || len(cands) == 0 || cands[0].score < e.opt.MinScore {
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
	if q.origin {
		if o := e.origin(q, sents); o != nil {
			return quoteAnswer([]*scoredSentence{o}, false)
		}
	}
	if other := e.disagreement(q, cands); other != nil && !e.ageAside(q, best, other) {
		if a, ok := e.updateAnswer(question, q, best, other); ok {
			return a // a figure that changed, not a disagreement
		}
		if a, ok := e.movedDateAnswer(q, best, other, sents); ok {
			return a // a date planned, then given otherwise (eventdate.go)
		}
		return quoteAnswer([]*scoredSentence{best, other}, true)
	}
	if other, how := e.conflictSide(q, best, sents); other != nil && !e.ageAside(q, best, other) {
		switch how {
		case sideRevised:
			return timelineAnswer(newerFirst(best, other)) // a figure revised: the newest, then the earlier, dated
		case sideSpelling:
			return spellingAnswer(best, other)
		}
		if a, ok := e.movedDateAnswer(q, best, other, sents); ok {
			return a // a date planned, then given otherwise (eventdate.go)
		}
		return quoteAnswer([]*scoredSentence{best, other}, true) // the same point the coverage's disagreements list
	}
	if a, ok := e.quotedDateSide(q, chosen, sents); ok {
		return a // another quoted sentence's date, given differently (eventdate.go)
	}
	if q.yesno && e.unasked(q, sents) {
		return refusedAnswer()
	}
	if c := e.latestFigure(question, q, cands); c != nil {
		return timelineAnswer(c, best) // "the final toll": the newest report's, then the earlier
	}
	if q.yesno {
		if q.still {
			// "Is he still racing?": what the newest report says.
			if c := e.stillAnswer(q, cands, sents); c != nil {
				return quoteAnswer(c, false)
			}
		}
		pro, con := e.yesNo(q, cands, sents)
		if con != nil {
			return yesNoAnswer(pro, con)
		}
		chosen = yesNoQuotes(pro, chosen, e.opt.MaxSentences)
	}
	chosen = dropHeadlines(chosen)
	if q.author && byline(chosen[0].s, sents) == nil {
		// Who wrote a story with no byline: the story is no answer.
		return refusedAnswer()
	}
	if q.kind == kindPerson {
		chosen = e.namePerson(q, chosen, sents)
	}
	return quoteAnswer(chosen, false)
}
