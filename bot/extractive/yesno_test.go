package extractive

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

func TestSaysNo(t *testing.T) {
	e := testAnswerer(Options{})
	tests := []struct {
		q, text string
		want    bool
	}{
		{"Did Canada agree to extend its mission?", "Cannon reiterated that Ottawa would not change its mind.", true},
		{"Will Acme cut jobs after the recall?", "Acme, which has a workforce of 4,100, said it would not cut jobs.", true},
		{"Does Doyle plan to leave?", "Doyle: No.", true},
		// A negation in another clause says nothing of what is asked.
		{"Did the cup final set an attendance record?", "The fee was not disclosed, but reports put it at 400,000 pounds, a record for the league.", false},
		{"Did the cup final set an attendance record?", "The final drew 22,600 spectators, a record for a club match.", false},
	}
	for _, tt := range tests {
		if got := e.saysNo(e.parseQuestion(tt.q), sentence(tt.text)); got != tt.want {
			t.Errorf("saysNo(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestAsksItself(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"**Do you plan to build your own factories?**", true},
		{"Q: You came late to conducting. Why?", true},
		{"(Why?)", true},
		{"\"Why should we pay?\" he asked.", false},
		{"Doyle: No.", false},
	}
	for _, tt := range tests {
		if got := asksItself(tt.text); got != tt.want {
			t.Errorf("asksItself(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// The predicate of a yes/no question is its verb and object, without the
// subject, the words that only say when ("still", "ever") or the phrase
// that sets the scene.
func TestYesNoPredicate(t *testing.T) {
	e := testAnswerer(Options{})
	tests := []struct {
		q    string
		want []string // the words of the terms marked pred
	}{
		{"Will Brightwell cut jobs after the recall?", []string{"cut", "jobs"}},
		{"Is Sanna Pelto still playing?", []string{"playing"}},
		{"Did Canada agree to extend its mission?", []string{"agree", "extend", "mission"}},
		{"Did the cup final set an attendance record?", []string{"set", "attendance", "record"}},
		{"Has Harbourside ever won the league?", []string{"won", "league"}},
		{"Did the union accept the 14 percent offer?", []string{"accept", "14", "percent", "offer"}},
		// A verb after a subject of several words; a clause of when
		// sets the scene.
		{"Did the patients with kidney damage recover?", []string{"recover"}},
		{"Was anyone hurt when the storm hit the observatory?", []string{"hurt"}},
		{"Who won the race?", nil}, // not a yes/no question
	}
	for _, tt := range tests {
		var got []string
		for _, term := range e.parseQuestion(tt.q).terms {
			if term.pred {
				got = append(got, term.word)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: predicate %q, want %q", tt.q, got, tt.want)
		}
	}
}

// A yes/no question is answered by the sentence that decides it; "points
// both ways" only when another sentence contradicts it on the same
// thing, and a question asked in the text is answered by its reply.
func TestYesNoDecides(t *testing.T) {
	football := []article{
		{"title.txt", "2024-05-20", "A crowd of 18,400 watched at the Quayside Ground, the third straight record attendance for a league match.\n\nSanna Pelto scored twice to take her tally for the season to 21 goals.\n"},
		{"transfer.md", "2024-07-02", "The fee was not disclosed, but local reports put it at about 400,000 pounds, a record for the Coastal League.\n"},
		{"final.txt", "2024-08-12", "Millbrook Athletic won the League Cup on Sunday, beating Harbourside 2-1.\n\nPlay was held up for 20 minutes when the floodlights failed, but resumed once power was restored.\n\nThe winners take home a cash prize of 250,000 pounds; the losing finalists receive 90,000.\n\nThe final drew 22,600 spectators, a record for a women's club match in the region.\n"},
	}
	interview := []article{
		{"interview.txt", "", "Title: Rhian Doyle: \"We won the league by being boring\"\n\nHarbourside's manager spoke to Coastline Sport after her first season in charge.\n\n**Do you plan to leave Harbourside?**\n\nDoyle: No. I have two years left on my contract and I mean to see them through.\n\n**What changed this season?**\n\nDoyle: We stopped conceding from set pieces.\n"},
	}
	results := []article{
		{"results.html", "2024-04-25", "Brightwell said on Thursday that sales fell 7 percent in the first quarter, as the recall kept its kettles off shelves.\n\nBrightwell, which has a workforce of 4,100, said it would not cut jobs.\n\nChief executive Lena Marsh said the company would build its own testing laboratory rather than rely on outside firms.\n"},
	}
	acme := []article{
		{"acme.txt", "2024-05-02", "Acme said on Thursday that its profit grew 5 percent to 12 million dollars in the first quarter.\n\nRevenue fell 3 percent to 410 million dollars, as orders from carmakers slowed.\n"},
		{"tour.txt", "2024-11-02", "The coastal stage is gone from the 2025 route, organisers said.\n\nThe plant will close in March, the company said.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		q         string
		arts      []article
		want, not string
	}{
		// An opposite says no: "fell" to "grow"; a sentence on another
		// subject ("profit") neither decides nor contradicts.
		{"Did Acme's revenue grow?", acme, "Revenue fell 3 percent", "points both ways"},
		{"Did Acme's profit grow?", acme, "profit grew 5 percent", "Against"},
		{"Is the coastal stage still on the 2025 route?", acme, "is gone from the 2025 route", "points both ways"},
		// A sentence sharing only a modifier of the object ("first")
		// speaks of something else.
		{"Did the musicians accept the first offer?", []article{
			{"opening.txt", "2024-09-14", "The conductor led her first concert as music director of the orchestra on Saturday.\n"},
			{"deal.md", "2024-01-20", "The musicians had turned down a first offer in December that froze pay for two years.\n"},
		}, "turned down a first offer", "points both ways"},
		{"Did the cup final set an attendance record?", football, "a record for a women's club match", "points both ways"},
		{"Does Rhian Doyle plan to leave Harbourside?", interview, "I have two years left", "**Do you plan"},
		{"Will Brightwell cut jobs after the recall?", results, "would not cut jobs", "points both ways"},
		{"Did Harbourside win the League Cup?", football, "Millbrook Athletic won the League Cup", "points both ways"},
	} {
		a, err := e.Answer(context.Background(), bot.Request{Question: tt.q, Passages: passagesOf(tt.arts...)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Refused || !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
			t.Errorf("%s\n= %s\nwant %q, not %q", tt.q, a.Text, tt.want, tt.not)
		}
	}
}

// "Who runs X?" is answered by the person an office of X names, also
// when no sentence holds the question's verb; an office of another name
// is someone else's.
func TestWhoRuns(t *testing.T) {
	arts := []article{
		{"title.txt", "2024-05-20", "Sanna Pelto scored twice to take her tally for the season to 21 goals.\n\nHarbourside manager Rhian Doyle, in her first season in charge, said the squad had grown up.\n\nHarbourside finished four points ahead of Millbrook.\n"},
		{"festival.txt", "2024-10-01", "The festival will screen 112 films this year, festival director Ana Reis said on Monday.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct{ q, want, not string }{
		{"Who runs Harbourside?", "Rhian Doyle", "Pelto"},
		{"Who runs the festival?", "Ana Reis", ""},
		{"Who manages Millbrook?", "", ""},
	} {
		wantAnswer(t, e, tt.q, arts, tt.want, tt.not)
	}
}
