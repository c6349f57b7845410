package bot

import (
	"context"

	"github.com/newsbot/newsbot/retrieval"
)

// Modes of answering.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// RefusalText is the answer, verbatim, to a question the coverage does
// not answer.
const RefusalText = "The coverage doesn't say."

// NoCitationNote is the Answer.Note of an answer that cites nothing.
const NoCitationNote = "This answer cites no source; treat it with care."

// Answer is a cited answer to one question.
type Answer struct {
	Question  string             `json:"question"`
	Text      string             `json:"answer"` // with [N] markers
	Refused   bool               `json:"refused"`
	Mode      string             `json:"mode"`
	Citations []Citation         `json:"citations"`
	Note      string             `json:"note,omitempty"` // e.g. why the LLM was not used
	Passages  []retrieval.Result `json:"-"`              // the evidence behind the answer

	pages map[string][]int // page starts of the PDFs among Passages, for their labels
}

// Turn is one question and answer of a conversation.
type Turn struct {
	Question   string // as asked
	Standalone string // rewritten to stand alone
	Answer     string
}

// Request is what an Answerer answers.
type Request struct {
	Question   string             // as asked
	Standalone string             // the question rewritten to stand alone
	History    []Turn             // earlier turns, oldest first
	Passages   []retrieval.Result // retrieved evidence, best first
	OnToken    func(string)       // receives streamed text when non-nil
	// Coverage is set for a question about the whole coverage (or a topic
	// of it): the answer draws on its articles, and Passages holds the
	// first passage of each.
	Coverage *Coverage
	// Associations are the words that keep company in the coverage, as
	// the index learnt them (see Associator); nil when the searcher has
	// none.
	Associations *retrieval.Associations
}

// Associator is a searcher that learns which words keep company in the
// coverage: *retrieval.Index is one.
type Associator interface {
	Associations() *retrieval.Associations
}

// Answerer turns a question and its evidence into a cited answer.
type Answerer interface {
	Answer(ctx context.Context, req Request) (Answer, error)
}

// Searcher retrieves passages for a query.
type Searcher interface {
	Search(ctx context.Context, query string, opt retrieval.SearchOptions) ([]retrieval.Result, error)
}

// Rewriter turns a follow-up question into one that stands alone, given
// the earlier turns of its conversation.
type Rewriter interface {
	Rewrite(ctx context.Context, history []Turn, question string) (string, error)
}
