package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestAskedThing(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		question string
		want     string // the object's words, spaced; "" for none
	}{
		{"Who won the sprint classification in 2023?", "sprint classification"},
		{"Who was named best actor?", "best actor"},
		{"Which film won the audience award?", "audience award"},
		{"Who won the cruising class at the regatta in 2024?", "cruising class"},
		{"Who was named sailor of the year?", "sailor"},
		{"Who was elected deputy general secretary of the union?", "deputy general secretary"},
		{"Which judge wrote the majority opinion?", "majority opinion"},
		{"Who won the Golden Lantern in 2022?", ""},
		{"Who won the race last year?", "race"},
		{"What did Marc Dupont say about the weather?", ""},
		{"How many soldiers have been wounded?", ""},
		{"When is the bridge expected to open?", ""},
		{"Who scored two goals for Edmonton?", ""},
		{"Which country privately told Canada it would welcome a longer stay?", ""},
	} {
		toks := splitWords(tt.question)
		verb, _, _ := lx.predicate(toks)
		verb = lx.thingVerb(toks, verb)
		var words []string
		for _, k := range lx.askedThing(toks, verb) {
			words = append(words, toks[k].lower)
		}
		if got := strings.Join(words, " "); got != tt.want {
			t.Errorf("askedThing(%q) = %q, want %q (verb %d)", tt.question, got, tt.want, verb)
		}
	}
}

// TestHoldsThing: an answer must hold the thing asked about; a sentence
// on another prize of the right year does not answer.
func TestHoldsThing(t *testing.T) {
	for _, tt := range []struct {
		question string
		texts    []string
		want     bool // answered at all
	}{
		{"Who won the sprint classification in 2023?", []string{"Anna Rossi won the 2023 race overall, ahead of Marc Dupont."}, false},
		{"Who won the sprint classification in 2023?", []string{"Anna Rossi won the 2023 race overall.", "Marc Dupont won the sprint classification in 2023."}, true},
		{"Who was named best actor?", []string{"The best actress award went to Ilona Varga.", "The jury was chaired by the actor Desmond Achterberg."}, false},
		{"Which judge wrote the majority opinion?", []string{"Writing for the majority, Justice Mahmud Jamal said the law was invalid."}, true},
		// Which document: the object recalls the article in the reader's words.
		{"Which message reported astonishing accounts of gold in the territory?", []string{"The accounts of the abundance of gold in that territory are of such an extraordinary character as would scarcely command belief."}, true},
		{"Which film won the audience award?", []string{"The jury award went to Silent Harbour, a film by Ilona Varga."}, false},
		{"Who scored the winning goal in the cup final?", []string{"Ama Boateng scored the winner in the cup final in the 112th minute.", "Boateng scored six goals last season."}, true},
	} {
		a := testAnswerer(Options{})
		var passages []retrieval.Result
		for i, text := range tt.texts {
			src := string(rune('a'+i)) + ".txt"
			passages = append(passages, retrieval.Result{Chunk: retrieval.Chunk{ID: src + "#0", Source: src, FirstLine: 1, LastLine: 1, End: len(text), Text: text}})
		}
		got := !a.answer(tt.question, passages).Refused
		if got != tt.want {
			t.Errorf("%q answered = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestSaidAbout: "What did X say about T?" is answered by what X said on
// T, not by the first of X's sentences; with nothing on T, by X's.
func TestSaidAbout(t *testing.T) {
	text := `Marc Dupont said the team would reach Lyon by Friday. "The rain has been falling for three days and it will not stop us," Dupont said. The race resumes on Monday.`
	for _, tt := range []struct {
		question, want, not string
	}{
		{"What did Marc Dupont say about the rain?", "The rain has been falling", "reach Lyon"},
		{"What did Marc Dupont say about the team?", "reach Lyon", "The rain"},
	} {
		a := testAnswerer(Options{}).answer(tt.question, []retrieval.Result{{Chunk: retrieval.Chunk{ID: "a.txt#0", Source: "a.txt", FirstLine: 1, LastLine: 1, End: len(text), Text: text}}})
		if !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, want %q and not %q", tt.question, a.Text, tt.want, tt.not)
		}
	}
}
