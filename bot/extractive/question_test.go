package extractive

import (
	"testing"
)

func TestQuestionKind(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		question string
		want     answerKind
	}{
		{"Who heads NATO?", kindPerson},
		{"Which official spoke for NATO?", kindPerson},
		{"Name the French foreign minister.", kindPerson},
		{"Whose troops are in Kabul?", kindPerson},
		{"How many soldiers has Canada lost?", kindNumber},
		{"How much help does Canada need?", kindNumber},
		{"How large is the NATO force?", kindNumber},
		{"What number of troops does France have?", kindNumber},
		{"What is the size of the NATO-led force?", kindNumber},
		{"Tell me the number of French troops.", kindNumber},
		{"When will the mission end?", kindDate},
		{"By when must NATO provide troops?", kindDate},
		{"What year will the mission end?", kindDate},
		{"On what date is the summit?", kindDate},
		{"How soon will France decide?", kindDate},
		{"Where is NATO's headquarters?", kindPlace},
		{"Which city hosts the summit?", kindPlace},
		{"In what country are the talks?", kindPlace},
		{"Why does Canada want more troops?", kindReason},
		{"For what reason is Canada leaving?", kindReason},
		{"What did Rasmussen say?", kindAny},
		{"How did France respond?", kindAny},
	}
	for _, tt := range tests {
		if got := lx.questionKind(splitWords(tt.question)); got != tt.want {
			t.Errorf("lx.questionKind(%q) = %v, want %v", tt.question, got, tt.want)
		}
	}
}

func TestHeadNoun(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct{ question, want, of string }{
		{"What is the population of Toronto?", "population", "Toronto"},
		{"Who is the president of Afghanistan?", "president", "Afghanistan"},
		{"How many soldiers has Canada lost?", "soldiers", ""},
		{"How many Canadian troops are in southern Afghanistan?", "troops", ""},
		{"Who is the NATO spokesperson?", "spokesperson", ""},
		{"Who is Canada's foreign minister?", "minister", ""},
		{"How large is the NATO force?", "force", ""},
		{"Name the French foreign minister.", "minister", ""},
		// The noun only names the kind of answer; the text need not use it.
		{"Which official spoke for NATO?", "", ""},
		{"What danger did the alliance chief warn of?", "", ""},
		{"What number of troops does France have?", "", ""},
		{"What year will the mission end?", "", ""},
		// A measure is answered by a figure, not by the word.
		{"What is the size of the NATO-led force?", "", ""},
		{"What is the name of the NATO secretary-general?", "", ""},
		{"What did Rasmussen say?", "", ""},
		{"Who heads NATO?", "", ""},
		{"What is France's view on the mission?", "", ""},
		{"How much does a barrel of oil cost?", "", ""},
	}
	for _, tt := range tests {
		toks := splitWords(tt.question)
		got, gotOf := "", ""
		if i, of := lx.headNoun(toks); i >= 0 {
			got = toks[i].text
			if of >= 0 {
				gotOf = toks[of].text
			}
		}
		if got != tt.want || gotOf != tt.of {
			t.Errorf("lx.headNoun(%q) = %q of %q, want %q of %q", tt.question, got, gotOf, tt.want, tt.of)
		}
	}
}

func TestPredicate(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		question      string
		verb          string // "" for none
		passive, past bool
	}{
		{"On what date did France decide to send its troops to Kandahar?", "decide", false, true},
		{"How many Canadian soldiers have been wounded in Afghanistan?", "wounded", true, true},
		{"How many NATO soldiers were wounded?", "wounded", true, true},
		{"In what year did Canadian lawmakers adopt the motion?", "adopt", false, true},
		{"To which city did Ottawa dispatch senior officials?", "dispatch", false, true},
		{"When will alliance leaders gather in Romania's capital?", "gather", false, false},
		{"When is the minority government planning a confidence vote?", "planning", false, false},
		{"When did the US ask Canada to stay?", "ask", false, true},
		{"How much does a barrel of oil cost?", "cost", false, false},
		{"How many soldiers has Canada lost?", "lost", false, true},
		{"Who leads the Canadian army?", "leads", false, false},
		// A hypothesis is not passive: "might be shifted" counts nothing.
		{"How many French troops might be shifted to the south?", "shifted", false, false},
		// Verbs that say little are no verb to require.
		{"By when did Ottawa say it would stop fighting?", "", false, true},
		{"Since when has Canada had troops in Afghanistan?", "", false, true},
		{"Where will the NATO summit be held?", "", false, false},
		{"What is the population of Toronto?", "", false, false},
	}
	for _, tt := range tests {
		toks := splitWords(tt.question)
		i, passive, past := lx.predicate(toks)
		got := ""
		if i >= 0 {
			got = toks[i].text
		}
		if got != tt.verb || i >= 0 && (passive != tt.passive || past != tt.past) {
			t.Errorf("lx.predicate(%q) = %q (passive %v, past %v), want %q (passive %v, past %v)",
				tt.question, got, passive, past, tt.verb, tt.passive, tt.past)
		}
	}
}
