package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestAskedOrgNoun(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		question   string
		noun, mods string // "" for a question that asks for no organisation
		verb       string
	}{
		{"Which law firm represented the port authority?", "firm", "law", "represented"},
		{"Which company built the old ticketing system?", "company", "", "built"},
		{"Which team does Anna Rossi ride for?", "team", "", ""},
		{"What record label signed the band?", "label", "record", "signed"},
		{"Which agency is investigating the crash?", "agency", "", ""},
		{"Which court approved the settlement?", "court", "", "approved"},
		{"Which judge approved the settlement?", "", "", ""},
		{"Which city hosts the final?", "", "", ""},
		{"What year did the festival open?", "", "", ""},
		{"How much does a ticket cost?", "", "", ""},
	} {
		toks := splitWords(tt.question)
		head, mods, verb := lx.askedOrgNoun(toks)
		var noun, v string
		if head >= 0 {
			noun = toks[head].lower
		}
		if verb >= 0 {
			v = toks[verb].lower
		}
		if noun != tt.noun || phrase(toks, mods) != tt.mods || v != tt.verb {
			t.Errorf("askedOrgNoun(%q) = %q, %q, %q; want %q, %q, %q", tt.question, noun, phrase(toks, mods), v, tt.noun, tt.mods, tt.verb)
		}
	}
}

func TestOrgsIn(t *testing.T) {
	a := testAnswerer(Options{})
	for _, tt := range []struct {
		question, text string
		want           []string // "name=kind"
	}{
		{"Which firm built the lift?", "The gondola was built by the Austrian lift maker Hollmann Seilbahn and cost 38 million euros.", []string{"Hollmann Seilbahn=maker"}},
		{"Which court approved the settlement?", "In a separate case, Judge Helena Strand of the Oslo District Court approved a settlement.", []string{"Oslo District Court=court"}},
		{"Which law firm represented Lumen?", "OSLO, Sept 8 (Finance Wire) - Customers of the online lender Lumen Bank were unable to log in.", nil},
		{"Which company owns the resort?", "Karvik Peak, which has 14 lifts, is owned by Nordvall Leisure, a Bergen-based group.", []string{"Karvik Peak=", "Nordvall Leisure=group"}},
		{"Which company owns Karvik Peak?", "Karvik Peak, which has 14 lifts, is owned by Nordvall Leisure, a Bergen-based group.", []string{"Nordvall Leisure=group"}},
		{"Which club does he run for?", "Kiprono, who runs for the Kaptagat Athletics Club, finished first.", []string{"Kaptagat Athletics Club=club"}},
		{"Which company supplies it?", "Marcus Fell, Lumen's chief executive, apologised.", []string{"Lumen="}},
		{"Which firm advised them?", "The customers were represented by the law firm Pell & Garrow.", []string{"Pell & Garrow=firm"}},
	} {
		q := a.parseQuestion(tt.question)
		s := sentence(tt.text)
		var got []string
		for _, n := range a.orgsIn(q, s) {
			got = append(got, s.text[s.toks[n.first].start:s.toks[n.last].end]+"="+n.kind)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("orgsIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindClockTimes(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // the values, spaced
	}{
		{"The floodlights are switched off at 9 p.m. on Fridays.", "9"},
		{"The race began at 7:30 a.m. from the town hall.", "7"},
		{"Music must stop by 11pm, and the bars close at midnight.", "11 midnight"},
		{"Some 18,500 runners started in 2025, on April 6.", ""},
	} {
		var got []string
		for _, sp := range findClockTimes(splitWords(tt.text)) {
			got = append(got, sp.value)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("findClockTimes(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestKindAnswers: the answer is of the kind and measure asked, or none.
func TestKindAnswers(t *testing.T) {
	for _, tt := range []struct {
		name, question string
		texts          []string
		want           string // in the answer; "" for a refusal
	}{
		{"org: a sentence naming no organisation is no answer", "Which company built the old ticketing system?",
			[]string{"The old ticketing system was built in 2009 and has failed twice this year.", "The city will replace the old ticketing system next spring."}, ""},
		{"org: the one named", "Which company built the old ticketing system?",
			[]string{"The city will replace the old ticketing system next spring.", "The old ticketing system was built by Corvetta Systems in 2009."}, "Corvetta"},
		{"org: the words that restrict the kind asked", "Which law firm represented the port authority?",
			[]string{"The port authority was represented in court by its own lawyers, and the Harbour Court ruled on Monday."}, ""},
		{"org: the kind said of the name", "Which law firm represented the port authority?",
			[]string{"The port authority lost its case on Monday.", "The port authority hired the law firm Pell & Garrow for the appeal."}, "Pell & Garrow"},
		{"org: neither the verb nor the kind asked", "Which company insures the gondola?",
			[]string{"The gondola was built by the lift maker Hollmann Seilbahn and cost 38 million euros."}, ""},
		{"org: of a person the question names", "Which team does Anna Rossi ride for?",
			[]string{"Anna Rossi of Team Vesta won the stage on Sunday."}, "Team Vesta"},
		{"org: a label named only by its city is no answer", "Which record label signed the band?",
			[]string{"The band signed with a Chicago label last year."}, ""},
		{"money: revenue is no salary", "What salary does the chief executive of Acme earn?",
			[]string{"Acme's revenue rose to 410 million dollars, its chief executive said."}, ""},
		{"money: the salary", "What salary does the chief executive of Acme earn?",
			[]string{"Acme's revenue rose to 410 million dollars, its chief executive said.", "Acme's chief executive has a salary of 1.4 million dollars."}, "1.4 million"},
		{"count: the figure of another thing beside the one counted", "How many ski instructors does the resort employ in total?",
			[]string{"The resort employs 310 people in winter and is hiring 45 more ski instructors."}, ""},
		{"count: things of another kind", "How many ski runs does Karvik have?",
			[]string{"Karvik, which has 14 lifts, opened its season on Saturday."}, ""},
		{"count: a body of people and its size", "How many employees does Lumen have?",
			[]string{"Lumen, which has a workforce of 3,800, said it would cut jobs."}, "3,800"},
		{"count: a share is no count", "How many jobs is Lumen cutting?",
			[]string{"Lumen said on Monday it would cut about 6 percent of its jobs."}, ""},
		{"money: another span of the thing priced", "How much does a week-long lift pass at Karvik cost?",
			[]string{"At Karvik an adult day pass now costs 62 euros, while a three-day pass is priced at 165 euros."}, ""},
		{"money: the span asked", "How much does a three-day lift pass at Karvik cost?",
			[]string{"At Karvik an adult day pass now costs 62 euros, while a three-day pass is priced at 165 euros."}, "165 euros"},
		{"money: a rise is no price", "How much does a bus ticket in Riverton cost?",
			[]string{"The price of a bus ticket in Riverton will rise by 10 cents in May."}, ""},
		{"money: the thing priced", "How much does a bus ticket in Riverton cost?",
			[]string{"The new depot in Riverton cost 38 million dollars.", "A bus ticket in Riverton costs 2.10 dollars."}, "2.10 dollars"},
		{"date: of the opposite event", "On what date does the ski season at Karvik end?",
			[]string{"The ski season at Karvik will open on November 29, a week earlier than last year."}, ""},
		{"count: the noun of a phrase counted, not its first word", "How many ski instructors does Karvik employ?",
			[]string{"At Karvik children under seven ski free."}, ""},
		{"money: what a thing costs, asked with 'how much is'", "How much is a single-day ticket at the Riverton fair?",
			[]string{"The Riverton fair opened on Friday with 12,000 visitors.", "A single-day ticket to the Riverton fair costs 18 dollars."}, "18 dollars"},
		{"money: a change, not a sum", "How much did Maplefield's profit increase?",
			[]string{"Maplefield reported a 22 percent rise in first-quarter profit on Thursday."}, "22 percent"},
		{"date: a day of the calendar, not a weekday", "On what date did the Riverton fair open?",
			[]string{"The Riverton fair opened on Friday with 12,000 visitors."}, ""},
		{"date: the day", "On what date did the Riverton fair open?",
			[]string{"The Riverton fair opened on Friday with 12,000 visitors.", "The Riverton fair opened on August 14, its organisers said."}, "August 14"},
		{"clock: the hour", "What time does the music have to stop at the festival?",
			[]string{"The festival opened on Friday with 12,000 fans.", "At the festival the music has to stop at 10 p.m. each night."}, "10 p.m."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := testAnswerer(Options{})
			var passages []retrieval.Result
			for i, text := range tt.texts {
				src := string(rune('a'+i)) + ".txt"
				passages = append(passages, retrieval.Result{Chunk: retrieval.Chunk{ID: src + "#0", Source: src, FirstLine: 1, LastLine: 1, End: len(text), Text: text}})
			}
			got := a.answer(tt.question, passages)
			switch {
			case tt.want == "" && !got.Refused:
				t.Errorf("%q answered %q, want a refusal", tt.question, got.Text)
			case tt.want != "" && !strings.Contains(got.Text, tt.want):
				t.Errorf("%q answered %q, want %q", tt.question, got.Text, tt.want)
			}
		})
	}
}
