package extractive

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCount runs the tests of count.go on one answerer: loading WordNet
// is the slow part.
func TestCount(t *testing.T) {
	e := testAnswerer(Options{})
	t.Run("wanted", func(t *testing.T) { testCountWanted(t, e) })
	t.Run("figures", func(t *testing.T) { testFigureCounts(t, e) })
	t.Run("changes", func(t *testing.T) { testFindChanges(t, e) })
	t.Run("answers", func(t *testing.T) { testCountAnswers(t, e) })
}

func testCountWanted(t *testing.T, e *Answerer) {
	for _, tt := range []struct {
		question string
		change   bool
		pred     string // the predicate's words, spaced
		amount   bool
	}{
		{"How many more brewers will Larchmont hire at Dunmore?", true, "hire", false},
		{"How many additional teachers did Fernhill take on?", true, "", false},
		{"How many extra nurses will the clinic take on?", true, "", false},
		{"How many children were taken to hospital after the crash?", false, "hospital", false},
		{"How many pupils were treated at the scene?", false, "treated", false},
		{"How many teachers does the district employ in all?", false, "employ", false},
		{"How many people work for Kettleby?", false, "", false},
		{"How much beer did Kettleby sell in 2024?", false, "sell", true},
		{"How much does a keg cost?", false, "", false},
		{"How many intensive care beds does the hospital have?", false, "", false},
		{"How much will the series cost?", false, "", false},
		{"How long did the jury deliberate?", false, "", false},
	} {
		w := e.parseQuestion(tt.question).want.count
		var pred []string
		for _, p := range w.pred {
			pred = append(pred, p.word)
		}
		if w.change != tt.change || strings.Join(pred, " ") != tt.pred || w.amount != tt.amount {
			t.Errorf("%q: change %v, pred %q, amount %v; want %v, %q, %v", tt.question, w.change, strings.Join(pred, " "), w.amount, tt.change, tt.pred, tt.amount)
		}
	}
}

// testFigureCounts: of the figures of a sentence, those that count the
// asked thing in the asked way answer a "how many" or "how much".
func testFigureCounts(t *testing.T, e *Answerer) {
	for _, tt := range []struct {
		question, text string
		want           []string // the figures that answer, as findNumbers gives them
	}{
		// An increment where one is asked, and only then.
		{"How many more brewers will Larchmont hire?", "Larchmont said it would close the bottling line, cutting 130 jobs, but would take on 45 additional brewers at Dunmore.", []string{"45"}},
		{"How many teachers does the district employ in all?", "The district hired 74 extra teachers over the summer, bringing its teaching staff to 1,150.", []string{"1150"}},
		{"How many brewers does the brewery employ?", "The brewery will take on 45 additional brewers at Dunmore.", nil},
		// The figure said with the predicate asked.
		{"How many children were taken to hospital?", "Ambulance crews treated 11 children at the roadside and sent 17 to Fernhill General and St Luke's hospitals.", []string{"17"}},
		{"How many pupils were treated at the scene?", "Ambulance crews treated 11 pupils at the roadside and sent 17 to Fernhill General and St Luke's hospitals.", []string{"11"}},
		// A body of people is no count of a trade, a thing derived from
		// the noun no count of it, a share no count at all.
		{"How many ski instructors does the resort employ in total?", "The resort employs 310 people in winter and is hiring 45 more ski instructors.", nil},
		{"How many brewers does Kettleby have in Dunmore?", "Kettleby employs 940 people at its two breweries in Dunmore and Ashcombe.", nil},
		{"How many teachers voted against the deal?", "The deal gives teachers a rise of 4.5 percent.", nil},
		{"How many teachers voted against the deal?", "Larchmont is paying 14.20 dollars a share to teachers.", nil},
		// A measure of the thing asked, not a sum of money.
		{"How much beer did Kettleby sell in 2024?", "The brewery sold 1.9 million hectolitres of beer in 2024.", []string{"1.9", "million"}},
		{"How much rain fell during the storm?", "A storm dumped 210 millimetres of rain in less than 24 hours, killing four people.", []string{"210"}},
		// A price, not its change or the price it changed from.
		{"How much does a keg of Kettleby Gold cost?", "Pubs will pay 9 dollars more for every keg of Kettleby Gold from June 1.", nil},
		{"How much does a school lunch cost?", "School lunches now cost 3.10 dollars, after a rise of 35 cents.", []string{"3.10"}},
		{"How much does a case of Kettleby Gold cost?", "A case of Kettleby Gold will cost 31.50 dollars, up from 29.90 dollars.", []string{"31.50"}},
	} {
		q := e.parseQuestion(tt.question)
		s := sentence(tt.text)
		matched := make([][]int, len(s.toks))
		for i, tk := range s.toks {
			for j, term := range q.terms {
				if tokenMatches(tk.lower, term) {
					matched[i] = append(matched[i], j)
				}
			}
		}
		var got []string
		for _, f := range e.lexicon.findNumbers(s.toks) {
			if !e.lexicon.figureOfOther(q, s, matched, f.tok, q.focus()) {
				got = append(got, f.value)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q in %q: got %q, want %q", tt.question, tt.text, got, tt.want)
		}
	}
}

func testFindChanges(t *testing.T, e *Answerer) {
	lx := e.lexicon
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Pubs will pay 9 dollars more for every keg from June 1.", []string{"9"}},
		{"The board approved a fare increase of 15 cents on monthly passes.", []string{"15"}},
		{"Lunches cost 3.10 dollars after a rise of 35 cents.", []string{"35"}},
		{"A case will cost 31.50 dollars.", nil},
		{"More than 300 residents packed the meeting.", nil},
		{"Profit rose by 4 percent.", nil}, // "by": findMargins's
	} {
		var got []string
		for _, sp := range lx.findChanges(splitWords(tt.text)) {
			got = append(got, sp.value)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findChanges(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// testCountAnswers: the answer quotes the sentence that counts the asked
// thing in the asked way, or refuses.
func testCountAnswers(t *testing.T, e *Answerer) {
	d := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		want     string // "" for a refusal
		not      string // a figure the answer must not give
	}{
		{"How many brewers does Kettleby have in Dunmore today?", []string{
			"Kettleby employs 940 people at its two breweries in Dunmore and Ashcombe.",
			"There are 38 brewers at Kettleby in Dunmore today, its head brewer said.",
		}, "38 brewers", "940"},
		{"By how much is the price of a keg of Kettleby Gold going up?", []string{
			"Pubs will pay 9 dollars more for every keg of Kettleby Gold from June 1.",
			"Kettleby Gold is brewed in Dunmore.",
		}, "9 dollars more", ""},
		{"How much does a keg of Kettleby Gold cost?", []string{
			"Pubs will pay 9 dollars more for every keg of Kettleby Gold from June 1.",
			"Kettleby Gold is brewed in Dunmore.",
		}, "", ""},
		{"How much does a keg of Kettleby Gold cost?", []string{
			"Pubs will pay 9 dollars more for every keg of Kettleby Gold from June 1. A 24-bottle case of Kettleby Gold in shops will cost 31.50 dollars.",
		}, "", ""},
		{"How much does a keg of Kettleby Gold cost?", []string{
			"Pubs buy Kettleby Gold by the keg. It will cost 180 dollars from June 1.",
		}, "180 dollars", ""},
		// A part of the whole where the coverage gives it.
		{"How many acres of private land burned?", []string{
			"The Ridge fire burned 12,400 acres before crews contained it on Sunday.",
			"About 3,100 acres of the burned land is privately owned, the forest service said.",
		}, "3,100 acres", "12,400"},
		// A share of a group, not a change; a price, not a change.
		{"What share of members backed the contract?", []string{
			"The union said the contract gives members a pay rise of 4 percent a year.",
			"The contract was approved with 71% of members voting in favour.",
		}, "71%", "4 percent"},
		{"What does a monthly bus pass cost now?", []string{
			"The council approved a fare increase of 15 cents on monthly passes from September.",
		}, "", ""},
	} {
		a := e.answer(tt.question, datedAll(tt.texts, d))
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
		if tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, want no %q in it", tt.question, a.Text, tt.not)
		}
	}
}
