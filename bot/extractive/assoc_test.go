package extractive

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// strikeCompany is a coverage of short reports (a sentence each) in
// which "walkout" and "strike" keep company, as when one outlet calls the
// stoppage a walkout and the other a strike, and "ticket" and "seller"
// too; figures and names are written beside them as well.
func strikeCompany() *retrieval.Associations {
	an := retrieval.NewAnalyzer()
	var reports [][][]string
	for _, s := range []string{
		"The walkout, the first strike at the arena in ten years, began in 2026.",
		"Union leader Paal Hovde said the strike was a walkout of last resort in 2026.",
		"The strike ended after six days, and the walkout cost the operator dearly.",
		"Ticket sellers at the arena earn more than stagehands, Hovde said.",
		"The ticket sellers were not on strike.",
		"Ticket sellers opened the box office at nine.",
		"The championship begins in December with 24 teams.",
		"Spain and Norland play the first game of the championship.",
		"The arena seats 8,500 people for handball.",
		"The roof is made of spruce from the county's forests.",
		"Stagehands build every stage and rig every light.",
		"The operator offered a pay rise of 3.5 percent.",
		"The mayor opened the arena in October.",
		"Steel prices rose over the summer.",
		"A power cut delayed the first game by 20 minutes.",
		"Norland beat Spain 29-26 in front of a full house.",
	} {
		ts := an.Terms(s)
		slices.Sort(ts)
		reports = append(reports, [][]string{slices.Compact(ts)})
	}
	return retrieval.NewAssociations(reports...)
}

func TestAssocCredit(t *testing.T) {
	e := assocAnswerer()
	as := strikeCompany()
	tests := []struct {
		question, word, sentence string
		want                     bool
	}{
		// A common word of the question, met by its company.
		{"How long did the walkout last?", "walkout", "The strike ended after six days.", true},
		// A sentence of other company.
		{"How long did the walkout last?", "walkout", "The roof is made of spruce.", false},
		// A name is met as written, never by company: Hovde's strike
		// is no answer about the walkout's Spain.
		{"What did Hovde say about the walkout?", "hovde", "The strike ended after six days.", false},
		// Neither is a year: a 2024 walkout is not the 2026 strike.
		{"How long did the 2024 walkout last?", "2024", "The strike of 2026 ended after six days.", false},
		// An associate that is itself a word of the question is no
		// evidence for the other: the sentence has its own credit.
		{"How long did the walkout strike last?", "walkout", "The strike ended after six days.", false},
	}
	for _, tt := range tests {
		q := e.parseQuestion(tt.question)
		q.assoc = as
		s := e.collectSentences([]retrieval.Result{dated("a.txt", tt.sentence, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))})[0]
		j := slices.IndexFunc(q.terms, func(t qterm) bool { return t.word == tt.word })
		if j < 0 {
			t.Fatalf("%q: no term %q in %v", tt.question, tt.word, q.terms)
		}
		got := e.assocCredit(q, s, q.terms[j])
		if (got > 0) != tt.want || got >= e.opt.SynonymCredit {
			t.Errorf("%q, %q in %q: credit %.2f, want >0 %v and below a synonym's", tt.question, tt.word, tt.sentence, got, tt.want)
		}
	}
}

// TestAssocRanks checks that company chooses between sentences that hold
// the question's other words alike, and that it cannot make a look-alike
// answerable.
func TestAssocRanks(t *testing.T) {
	e := assocAnswerer()
	d := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	passages := []retrieval.Result{dated("a.txt", "At the Fjord Arena, 60 stagehands were hired for the championship on Monday. "+
		"At the Fjord Arena, 140 stagehands went on strike on Tuesday.", d)}
	tests := []struct {
		question string
		assoc    bool
		want     string // "" for a refusal
	}{
		{"How many stagehands at the Fjord Arena joined the walkout?", true, "140"},
		// Without the coverage's company the hiring, told first, wins.
		{"How many stagehands at the Fjord Arena joined the walkout?", false, "60"},
		// A name the coverage lacks is not met by company.
		{"How many stagehands at the Skarvik Hall joined the walkout?", true, ""},
	}
	for _, tt := range tests {
		var as *retrieval.Associations
		if tt.assoc {
			as = strikeCompany()
		}
		a := e.answerAssoc(tt.question, passages, as)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
		// The best sentence is quoted first.
		if other := strings.Index(a.Text, map[string]string{"140": " 60 ", "60": "140"}[tt.want]); tt.want != "" && other >= 0 && other < strings.Index(a.Text, tt.want) {
			t.Errorf("%q (company %v): got %q, want %q first", tt.question, tt.assoc, a.Text, tt.want)
		}
	}
}

// assocAnswerer is one answerer for this file's tests: loading WordNet
// is slow.
var assocAnswerer = sync.OnceValue(func() *Answerer { return testAnswerer(Options{}) })
