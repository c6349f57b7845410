package extractive

import (
	"context"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// A word in a noun's place is no verb: the opposite of a question's
// verb there says nothing of it.
func TestNounSlot(t *testing.T) {
	tests := []struct {
		text string
		word string
		want bool
	}{
		{"Camera traps have recorded two kittens.", "traps", true},
		{"Her last production will be Hedda Gabler.", "last", true},
		{"The theatre would stay open.", "open", false},
		{"Revenue fell 3 percent.", "fell", false},
		{"He said that sales fell.", "sales", false},
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		k := -1
		for i, tk := range s.toks {
			if tk.lower == tt.word {
				k = i
			}
		}
		if got := nounSlot(s.toks, k); got != tt.want {
			t.Errorf("nounSlot(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}

// The predicate of a yes/no question ends before a phrase of reason,
// and its object is a thing the answer must name only with a
// determiner.
func TestYesNoPredicateParts(t *testing.T) {
	e := testAnswerer(Options{})
	tests := []struct {
		q         string
		verb, obj string // "" for none
		aside     []string
	}{
		{"Will the Granary close because of the grant cut?", "close", "", []string{"grant", "cut"}},
		{"Did the trust release any wolves?", "release", "wolves", nil},
		{"Is she still playing tennis?", "playing", "", nil},
		{"Did the union accept the 14 percent offer?", "accept", "offer", nil},
	}
	for _, tt := range tests {
		var verb, obj string
		var aside []string
		for _, term := range e.parseQuestion(tt.q).terms {
			if term.predVerb {
				verb = term.word
			}
			if term.predObj {
				obj = term.word
			}
			if term.aside {
				aside = append(aside, term.word)
			}
		}
		if verb != tt.verb || obj != tt.obj || strings.Join(aside, " ") != strings.Join(tt.aside, " ") {
			t.Errorf("%s: verb %q, object %q, aside %q; want %q, %q, %q", tt.q, verb, obj, aside, tt.verb, tt.obj, tt.aside)
		}
	}
}

// A name's article may call it by the noun that ends it: "the theatre"
// is the Old Granary Theatre.
func TestRefersTo(t *testing.T) {
	e := testAnswerer(Options{})
	sents := e.collectSentences(passagesOf(
		article{"grant.txt", "2024-06-12", "The Old Granary Theatre will lose a third of its grant.\n\nTobias Wenlock said the theatre would stay open.\n\nA theatre in Leeds closed.\n"},
		article{"other.txt", "2024-06-12", "Tobias Wenlock said the theatre would stay open.\n"},
	))
	q := e.parseQuestion("Will the Granary close?")
	var granary qterm
	for _, t := range q.terms {
		if t.name {
			granary = t
		}
	}
	want := map[string]bool{
		"grant.txt/Tobias Wenlock said the theatre would stay open.": true,
		"grant.txt/A theatre in Leeds closed.":                       false, // not the theatre
		"other.txt/Tobias Wenlock said the theatre would stay open.": false, // another article's
	}
	for _, s := range sents {
		w, ok := want[s.source+"/"+s.text]
		if !ok {
			continue
		}
		if got := refersTo(s, granary); got != w {
			t.Errorf("refersTo(%s: %q) = %v, want %v", s.source, s.text, got, w)
		}
	}
}

// Yes/no answers: the deciding sentence names the subject (also as "the
// theatre") and holds the predicate or its opposite as a verb; the side
// that says yes must say it itself; a question whose object nothing
// names is not answered.
func TestYesNoEvidence(t *testing.T) {
	theatre := []article{
		{"grant.html", "2024-06-12", "The Old Granary Theatre will lose a third of its Arts Council grant from April 2025, the council said on Wednesday.\n\nTobias Wenlock said the theatre would stay open but would stage five productions a year instead of eight.\n"},
		{"leaves.txt", "2025-03-03", "Her last production at the Granary will be Hedda Gabler, opening on May 9.\n"},
	}
	lynx := []article{
		{"release.txt", "2024-03-18", "Four lynx were released into Brackenmoor Forest on Sunday, the Brackenmoor Wild Trust said.\n\nCallum Dearlove said sheep farmers had not been properly consulted and that the trust had refused to set up a compensation fund for lost livestock.\n\nThe trust said the project had cost 1.2 million pounds, most of it raised from public donations.\n"},
		{"kittens.txt", "2025-02-11", "Camera traps have recorded two kittens with the female Brenna, the trust said.\n\nThe trust has asked for permission to release six more animals.\n\nTarn will not be released again, the trust said.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		q         string
		arts      []article
		want, not string // want "" for a refusal
	}{
		{"Will the Granary close because of the grant cut?", theatre, "would stay open", "points both ways"},
		{"Did the trust create a compensation fund for farmers?", lynx, "refused to set up a compensation fund", "points both ways"},
		{"Did the trust release any wolves?", lynx, "", ""},
		// The subject sells something else; the building is spoken of
		// otherwise: no answer.
		{"Is the Granary going to sell its building?", []article{
			{"grant.html", "2024-06-12", "The board of the Old Granary Theatre asked Northam council to waive the 45,000-pound annual rent on the building; the council refused.\n"},
			{"leaves.txt", "2025-03-03", "The Granary sold 71 percent of its seats in 2024, up from 64 percent in 2023.\n"},
		}, "", ""},
	} {
		a, err := e.Answer(context.Background(), bot.Request{Question: tt.q, Passages: passagesOf(tt.arts...)})
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == "" {
			if !a.Refused {
				t.Errorf("%s\n= %s\nwant a refusal", tt.q, a.Text)
			}
			continue
		}
		if a.Refused || !strings.HasPrefix(a.Text, "Tobias") && !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
			t.Errorf("%s\n= %s\nwant %q, not %q", tt.q, a.Text, tt.want, tt.not)
		}
	}
}
