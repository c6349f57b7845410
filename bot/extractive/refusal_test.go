package extractive

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// yesNoAnswerer is the answerer of this file's tests, made once: loading
// WordNet is the slow part, slower still with -race.
var yesNoAnswerer = sync.OnceValue(func() *Answerer { return testAnswerer(Options{}) })

// A sentence says no in other words: its verb refuses, denies, ends or
// undoes what the question asks (WordNet's verbs below refuse, deny,
// stop, end, quit, cancel, destroy...), or its subject keeps itself out
// of it ("distanced itself from"). The question's own verb of that kind
// ("did the union reject it?") is said, not denied, by such a sentence.
func TestRefusalSaysNo(t *testing.T) {
	e := yesNoAnswerer()
	tests := []struct {
		q, text string
		want    bool
	}{
		{"Did the minister approve the merger?", "The minister rejected the merger on Monday.", true},
		{"Did the players' union accept the league's offer?", "The union declined the offer, saying it was too low.", true},
		{"Did the council take responsibility for the flooding?", "The council distanced itself from the decision that led to the flooding.", true},
		{"Is Marta Ruiz still competing?", "Ruiz retired at the end of last season and now coaches juniors.", true},
		{"Did the club keep the old stand?", "The club has demolished the old stand.", true},
		{"Did the firm admit responsibility for the leak?", "The firm denied responsibility for the leak.", true},
		{"Was anyone hurt in the fire?", "Nobody was hurt in the fire.", true},
		// The question's verb is itself one of refusing: the sentence says yes.
		{"Did the union reject the offer?", "The union rejected the offer.", false},
		// Another's refusal of something else says nothing of it.
		{"Did the university sue the government?", "The government turned down the university's request for money.", false},
		{"Did Acme win the contract?", "Acme said it would bid for the contract.", false},
	}
	for _, tt := range tests {
		if got := e.saysNo(e.parseQuestion(tt.q), sentence(tt.text)); got != tt.want {
			t.Errorf("saysNo(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

// What someone wants, asks or urges another to do is not done: "NATO
// wanted Canada to extend its mission" does not say Canada extended it.
func TestWishedIsNotDone(t *testing.T) {
	e := yesNoAnswerer()
	tests := []struct {
		q, text string
		want    bool
	}{
		{"Did Canada extend its mission?", "The secretary-general said he wanted Canada to extend its mission.", false},
		{"Did the organisers close the road?", "Residents asked the organisers to close the road before the race.", false},
		{"Did the city pay for the repairs?", "The club asked the city for money to pay for the repairs.", false},
		{"Did the organisers close the road?", "The organisers closed the road at dawn.", true},
		{"Did Canada agree to extend its mission?", "Canada agreed to extend its mission by a year.", true},
	}
	for _, tt := range tests {
		if got := e.affirms(e.parseQuestion(tt.q), sentence(tt.text)); got != tt.want {
			t.Errorf("affirms(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

// A yes/no question answered by implication: the answer leads with the
// sentence that decides it, and quotes no wish or request as the other
// side.
func TestYesNoByImplication(t *testing.T) {
	strike := []article{
		{"2024-03-02-offer.txt", "2024-03-02", "The league offered the players a 4 percent rise on Friday.\n\nThe players' union rejected the offer within hours, calling it an insult.\n"},
		{"2024-03-20-strike.txt", "2024-03-20", "The walkout on Saturday was the biggest disruption to the league since a 24-hour strike in June 2023.\n\nOrganisers had asked the city to close the ring road before the final. \"We asked them to close it and they said no,\" said the league's director, Ana Bell.\n"},
	}
	career := []article{
		{"2023-05-01-ruiz.txt", "2023-05-01", "Marta Ruiz is competing at the national championships in Seville this week, her tenth.\n\nRuiz, 31, won the title in 2019 and 2021.\n"},
		{"2025-02-10-ruiz.txt", "2025-02-10", "Marta Ruiz retired at the end of last season and now coaches juniors at her old club in Seville.\n"},
	}
	trial := []article{
		{"2024-06-01-drug.txt", "2024-06-01", "Three patients in the trial suffered kidney damage and were taken off the drug.\n\nAll three recovered after the drug was stopped, the company said.\n"},
	}
	nato := []article{
		{"nato.txt", "2009-07-30", "The new secretary-general of NATO said on Thursday he wanted Canada to extend its military mission in southern Afghanistan beyond 2011.\n\nNATO is working to persuade Ottawa to change its mind about ending the mission.\n\nForeign Minister Lawrence Cannon quickly reiterated that Ottawa would not change its mind.\n"},
	}
	hall := []article{
		{"2024-05-02-hall.txt", "2024-05-02", "The Riverside club will hold its final at the town hall on Saturday.\n\n\"We asked the council to waive the hire fee and it refused,\" said the club secretary, Tom Hale.\n"},
		{"2024-05-09-hall.txt", "2024-05-09", "The Riverside club had asked the council to waive the hire fee for the final at the town hall. The council refused, citing its budget.\n"},
	}
	depot := []article{
		{"2024-04-08-depot.txt", "2024-04-08", "A fire broke out at the Kettle Hill bus depot on Sunday night, destroying four buses.\n\nNobody was hurt.\n\nIt was the worst damage at the depot since a flood in 2011 left it closed for a month.\n"},
		{"2024-10-02-depot.txt", "2024-10-02", "The Kettle Hill depot reopened on Tuesday, its first day of service since the April fire damaged it.\n"},
	}
	e := yesNoAnswerer()
	for _, tt := range []struct {
		q         string
		arts      []article
		lead, not string // lead: what the answer opens with
	}{
		{"Did the council waive the hire fee for the final?", hall[:1], "it refused", "points both ways"},
		{"Did the council waive the hire fee for the final?", hall[1:], "The council refused", "points both ways"},
		{"Was anyone hurt when the fire broke out at the depot?", depot, "Nobody was hurt", ""},
		{"Was the April fire the first time the Kettle Hill depot had been damaged?", depot, "since a flood in 2011", ""},
		{"Did the players' union accept the league's 4 percent offer?", strike, "The players' union rejected the offer", "points both ways"},
		{"Did the city close the ring road before the final?", strike, "they said no", "points both ways"},
		{"Was the Saturday walkout the first in years?", strike, "since a 24-hour strike in June 2023", "points both ways"},
		{"Is Marta Ruiz still competing?", career, "Marta Ruiz retired", "points both ways"},
		{"Did the patients with kidney damage recover?", trial, "All three recovered", "points both ways"},
		{"Did Canada agree to extend its mission?", nato, "Foreign Minister Lawrence Cannon", "For:"},
	} {
		a, err := e.Answer(context.Background(), bot.Request{Question: tt.q, Passages: passagesOf(tt.arts...)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Refused || !strings.Contains(firstQuote(a.Text), tt.lead) || tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%s\n= %s\nwant it to open with %q, without %q", tt.q, a.Text, tt.lead, tt.not)
		}
	}
}

// firstQuote returns an answer's text up to its first citation mark.
func firstQuote(text string) string {
	before, _, _ := strings.Cut(text, "[1]")
	return before
}

// "The worst since 2011" says there was one before: no first, no worst
// ever; "the first images since the April storm" measures something else
// by the event asked about.
func TestSinceRecord(t *testing.T) {
	e := yesNoAnswerer()
	tests := []struct {
		q, text string
		want    bool
	}{
		{"Was the 2024 stoppage the first in years?", "It was the biggest stoppage since a 24-hour walkout in June 2023.", true},
		{"Were the hive losses the worst ever?", "The hive losses were the heaviest since 2013.", true},
		{"Was the comet the first found from the observatory?", "The comet was the first found from the observatory since 1998.", true},
		{"Was the April storm the first to damage the observatory?", "The observatory took its first images since the April storm on Tuesday.", false},
		{"Was the 2024 stoppage the first in years?", "The stoppage was the first of the season.", false},
	}
	for _, tt := range tests {
		q := e.parseQuestion(tt.q)
		if !q.record {
			t.Errorf("%q asks no record", tt.q)
		}
		if got := e.sinceRecord(q, sentence(tt.text)); got != tt.want {
			t.Errorf("sinceRecord(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

// A sentence that negates the predicate's verb, or a verb after it,
// decides the question: it is quoted before sentences that only name
// what is asked.
func TestDeniesDecides(t *testing.T) {
	e := yesNoAnswerer()
	tests := []struct {
		q, text string
		want    bool
	}{
		{"Was anyone hurt when the storm hit?", "Nobody was hurt.", true},
		{"Did the crew manage to shut the hatch?", "The hatch had jammed and could not be shut.", true},
		{"Was anyone hurt when the storm hit?", "The roof was not insured.", false},
	}
	for _, tt := range tests {
		if got := e.denies(e.parseQuestion(tt.q), sentence(tt.text)); got != tt.want {
			t.Errorf("denies(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}
