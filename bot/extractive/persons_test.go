package extractive

import (
	"slices"
	"testing"
)

func TestOrganisation(t *testing.T) {
	lx := testLexicon(t)
	article := func(texts ...string) coverageArticle {
		var a coverageArticle
		for _, s := range texts {
			a.sents = append(a.sents, sentence(s))
		}
		return a
	}
	for _, tt := range []struct {
		name  string
		sents []string
		want  bool
	}{
		// The first word alone names the body: a company.
		{"Kelderwick Salmon", []string{"Kelderwick Salmon said divers had found a broken mooring line.", "Kelderwick shares fell 6 percent on Monday."}, true},
		// "said it would": the company speaking, not a person.
		{"Vantor Blades", []string{"Vantor Blades said it would defend the claim."}, true},
		// A person's given name alone stands only inside a quotation.
		{"Ingrid Solvik", []string{`"Ingrid built Brannock from nothing," said Graham Ostler.`, "Ingrid Solvik resigned on Tuesday.", "Solvik said she would stay on."}, false},
		{"Duncan Maclaren", []string{"Duncan Maclaren said his members feared the escape.", "Maclaren said it was a pattern."}, false},
		// An interviewee's words name a rival by his first name.
		{"Tomasz Wierzbicki", []string{"Tomasz Wierzbicki said his crew lost the lead.", "Tomasz sailed better than we did."}, false},
		// A first word that starts another name is no use of it alone.
		{"Anna Berg", []string{"Anna Berg said the vote was close.", "Anna Lindqvist won the seat."}, false},
	} {
		if got := lx.organisation([]coverageArticle{article(tt.sents...)}, tt.name); got != tt.want {
			t.Errorf("organisation(%q in %q) = %v, want %v", tt.name, tt.sents, got, tt.want)
		}
	}
}

func TestOffices(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		name  string
		sents []string
		want  []string
	}{
		{"Ingrid Solvik", []string{
			`"We chose Brannock," said Ingrid Solvik, the farm's site manager.`,
			`"This is the event every farmer dreads," said chief executive Ingrid Solvik, who took over in 2022.`,
		}, []string{"the farm's site manager", "chief executive"}},
		{"Rhodri Pask", []string{"Energy minister Rhodri Pask said the project would bring jobs."}, []string{"Energy minister"}},
		{"Priya Natarajan", []string{
			`"Investors will want to know," said Priya Natarajan, an analyst at Arbroath Securities.`,
			`"A second one raises questions," said Priya Natarajan of Arbroath Securities.`,
		}, []string{"an analyst at Arbroath Securities"}}, // the body only where no role is given
		{"Duncan Maclaren", []string{"Duncan Maclaren of the Brannock Inshore Fishermen's Association said the escape was feared."},
			[]string{"of the Brannock Inshore Fishermen's Association"}},
		// A relative clause is no office, nor is a preposition before a title.
		{"Anita Rowe", []string{"Anita Rowe, who runs a market garden, called it the worst summer."}, nil},
		{"Nicolas Sarkozy", []string{"The final decision will lie with President Nicolas Sarkozy."}, []string{"President"}},
		{"Gareth Pryce", []string{`"Nothing was done," said Gareth Pryce, president of Local 512 of the Chemical Workers Union.`},
			[]string{"president of Local 512 of the Chemical Workers Union"}},
	} {
		var sents []*passageSentence
		for _, s := range tt.sents {
			sents = append(sents, sentence(s))
		}
		if got := lx.offices(sents, tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("offices(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOfficeBetween(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{`"The old boat never let us down," said coxswain Euan Gillies.`, true},
		{`"Buyers come here," said market manager Alison Reid.`, true},
		{"The minister said on Thursday France would send troops.", false},
		{"The union said members of Local 88 voted.", false},
	} {
		s := sentence(tt.text)
		k := slices.IndexFunc(s.toks, func(t textWord) bool { return t.lower == "said" })
		got := false
		for first := k + 2; first < len(s.toks) && first <= k+5; first++ {
			got = got || isProperWord(s.toks[first]) && lx.officeBetween(s.toks, k, first)
		}
		if got != tt.want {
			t.Errorf("officeBetween(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
