package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// The shapes in which news binds a name to a role: the name bound, not
// the question's own names, nor any name of a sentence on the topic.
func TestRoleNames(t *testing.T) {
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question, text, want string // want "" when the sentence names no one in the role
	}{
		// a title before the name
		{"Who directed Harbour Lights?", "'Harbour Lights', the debut feature of Ghanaian-Canadian director Kofi Mensah, opens on Friday.", "Kofi Mensah"},
		{"Which judge approved the settlement?", "U.S. District Judge Ann Kowal signed off on the deal on Monday.", "Ann Kowal"},
		{"Who produced the album?", "It was recorded in nine days, and producer Tomasz Wilk leaves the creak of the pews in the mix.", "Tomasz Wilk"},
		{"Who was Pablo Ortega's co-driver?", "Pablo Ortega and his co-driver Lucia Benet won the rally.", "Lucia Benet"},
		{"Who was Pablo Ortega's co-driver?", "Pablo Ortega, a driver from Cuenca, won the rally with Lucia Benet.", ""},
		// a "by" phrase
		{"Who founded the festival?", "The festival was founded in 2009 by songwriter Ada Crane.", "Ada Crane"},
		{"Who founded the festival?", "The festival was set up in 2009 by the songwriter Ada Crane.", "Ada Crane"},
		{"Who manages Maren Oakes?", "Oakes, 27, is managed by Deborah Quint, who also looks after two other acts.", "Deborah Quint"},
		{"Which judge approved the sale?", "The sale was approved on Monday by Judge Colm Devane of the Circuit Court.", "Colm Devane"},
		// a relative clause, an appositive
		{"Who founded the festival?", "Ada Crane, who set up the festival in her backyard, said it would go on.", "Ada Crane"},
		{"Who chairs the cooperative?", "Fergal Nash, who chairs the cooperative, said 1,400 listeners had bought shares.", "Fergal Nash"},
		{"Who is the lawyer of Maren Oakes?", "Oakes's lawyer, Simon Hale, said the singer was relieved.", "Simon Hale"},
		{"Who is the lawyer of Maren Oakes?", "Maren Oakes said she was relieved, and Simon Hale agreed.", ""},
		// an organisation: the object, a "by" phrase
		{"Which label signed the singer?", "The singer has signed to Nashville's Bluebird Records.", "Bluebird Records"},
		{"Which team does Luca Brenner ride for?", "The Swiss left Altavia over the winter and now rides for Veloce-Harmon.", "Veloce-Harmon"},
		{"Which company sponsors the rally?", "The rally, which is backed by the regional energy company Enersur, covered 14 stages.", "Enersur"},
		// a predicate
		{"Who won the first derby?", "The first winner was Per Lund, a fisherman from Breivik.", "Per Lund"},
		{"Who is the clerk of the course?", "Its clerk of the course is the former co-driver Marta Sanz, who took over in 2018.", "Marta Sanz"},
		{"Who will start the race as defending champion?", "Luca Brenner will start Saturday's race as the defending champion.", "Luca Brenner"},
		{"Who will start the race as defending champion?", "Luca Brenner, the champion of 2019, will start on Saturday.", ""},
		// a place from the story
		{"Who finished second in 2023?", "Luca Brenner won the race, crossing the line 42 seconds ahead of Danish rider Anders Holm.", "Anders Holm"},
		{"Who finished third in 2023?", "Belgium's Pieter Maes completed the podium, 1 minute 15 seconds down.", "Pieter Maes"},
		{"Who came third?", "Estonian Karl Mets rounded out the top three.", "Karl Mets"},
		{"Who was the runner-up?", "Lehtola had to settle for the runner-up spot.", "Lehtola"},
		{"Who finished third?", "Spanish climber Iker Zubeldia finished third, more than two minutes back.", "Iker Zubeldia"},
		{"Who finished second?", "Spanish climber Iker Zubeldia finished third, more than two minutes back.", ""},
		// the question's own names are never the answer
		{"Who founded Lanternfish Records?", "Lanternfish Records was founded by Lanternfish Records.", ""},
	} {
		q := e.parseQuestion(tt.question)
		s := sentence(tt.text)
		var got []string
		for _, n := range e.roleNames(q, s) {
			got = append(got, tt.text[s.toks[n.first].start:s.toks[n.last].end])
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q in %q: got %q, want no one", tt.question, tt.text, got)
		case tt.want != "" && !strings.Contains(strings.Join(got, "|"), tt.want):
			t.Errorf("%q in %q: got %q, want %q (role %+v)", tt.question, tt.text, got, tt.want, q.role)
		}
	}
}

// The answer names the one in the role asked, from the sentence that
// binds them to it, though another sentence says more of the topic.
func TestRoleAnswers(t *testing.T) {
	d23, d24 := time.Date(2023, 6, 12, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	race23 := "Luca Brenner won the Tour of Morvane on Sunday, 42 seconds ahead of Danish rider Anders Holm.\n\n" +
		"Belgium's Pieter Maes completed the podium, 1 minute 15 seconds down.\n\n" +
		"Race director Helene Marchal said 310,000 spectators had lined the route."
	race24 := "Anders Holm of Denmark won the Tour of Morvane on Sunday after a duel on the Col de Sarre.\n\n" +
		"Spanish climber Iker Zubeldia finished third, more than two minutes back."
	claim := "A High Court judge on Tuesday dismissed a songwriting claim by the guitarist Rob Tennant that he had co-written three songs.\n\n" +
		"Judge Felicity Awdry found that Tennant had offered no evidence beyond his own recollection.\n\n" +
		"\"I never doubted the songs were hers,\" Ashby said about the ruling."
	label := "Maren Oakes has signed to Lanternfish Records, founded in 2011 by the former DJ Ruth Ashby."
	passages := []retrieval.Result{dated("race23.txt", race23, d23), dated("race24.txt", race24, d24)}
	music := []retrieval.Result{dated("claim.txt", claim, d24), dated("label.txt", label, d23)}
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question string
		passages []retrieval.Result
		want     string
	}{
		{"Who finished second in the 2023 Tour of Morvane?", passages, "Anders Holm"},
		{"Who came third in the 2023 Tour of Morvane?", passages, "Pieter Maes"},
		{"Who started the 2024 Tour of Morvane as defending champion?", passages, "Luca Brenner"},
		{"Which judge dismissed the songwriting claim?", music, "Felicity Awdry"},
		{"What did Ruth Ashby say about the ruling?", music, "never doubted"},
		{"Who leads the Lupus Patients Network?", []retrieval.Result{dated("lupus.txt", "Members of the Lupus Patients Network marched with the nurse Tom Reyes through the city centre on Saturday.\n\n"+
			"Maria Sol, president of the Lupus Patients Network, said the drug was too costly for most members.", d24)}, "Maria Sol"},
	} {
		a := e.answer(tt.question, tt.passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}

func TestLastWinnerQuestion(t *testing.T) {
	for _, tt := range [][2]string{
		{"Who started the 2024 Tour of Morvane as defending champion?", "Who won the 2023 Tour of Morvane?"},
		{"Who was the defending champion at the 2024 Sierra Rally?", "Who won the 2023 Sierra Rally?"},
		{"Who is the reigning champion of the Greyfell Derby?", "Who won the Greyfell Derby?"},
	} {
		if got := lastWinnerQuestion(tt[0]); got != tt[1] {
			t.Errorf("%q: got %q, want %q", tt[0], got, tt[1])
		}
	}
}

// "What did X say about Y?" quotes X on Y, not a sentence that only
// names X beside Y.
func TestSaidFirst(t *testing.T) {
	d := time.Date(2024, 9, 5, 0, 0, 0, 0, time.UTC)
	text := "The album of Maren Oakes, produced by Tomasz Wilk in a church over nine days in the spring, is her first.\n\n" +
		"\"We left the doors open and let the gulls in,\" Wilk said of the church."
	a := testAnswerer(Options{}).answer("What did Tomasz Wilk say about the church?", []retrieval.Result{dated("a.txt", text, d)})
	if !strings.HasPrefix(a.Text, "\"We left the doors open") {
		t.Errorf("got %q, want Wilk's words first", a.Text)
	}
}
