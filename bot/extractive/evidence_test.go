package extractive

import (
	"slices"
	"testing"
)

func TestNamesIn(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		text string
		want []string // name, then "+titled" and "+speaker" when so
	}{
		{"French Foreign Minister Bernard Kouchner told reporters.", []string{"Bernard Kouchner+titled+speaker"}},
		{"The final decision will lie with President Nicolas Sarkozy.", []string{"Nicolas Sarkozy+titled"}},
		{"The remarks by Anders Fogh Rasmussen are the most pointed yet.", []string{"Anders Fogh Rasmussen"}},
		{"Appathurai said Sarkozy has signalled he will decide.", []string{"Appathurai+speaker", "Sarkozy"}},
		{"MacKay, speaking on the last day, said it was too early.", []string{"MacKay+speaker"}},
		{"NATO spokesperson James Appathurai said he has hope.", []string{"James Appathurai+titled+speaker"}},
		// Organisations and sentence openers are not people.
		{"A Canadian Defence Ministry spokesman confirmed it.", nil},
		{"Canada has lost 127 soldiers so far.", nil},
		// Names are written next to each other: a comma parts two places.
		{"The summit is in Bucharest, Romania.", []string{"Bucharest", "Romania"}},
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		toks := s.toks
		var got []string
		for _, n := range lx.namesIn(s) {
			g := tt.text[toks[n.first].start:toks[n.last].end]
			if n.titled {
				g += "+titled"
			}
			if n.speaker {
				g += "+speaker"
			}
			got = append(got, g)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("namesIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNegatedAt(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Paris had taken no decision on deploying troops.", "decision", true},
		{"The choice has not been made between the east and Kandahar.", "choice", true},
		{"France didn't decide.", "decide", true},
		{"The final decision will lie with President Nicolas Sarkozy.", "decision", false},
		{"He will make a final decision in April.", "decision", false},
	}
	for _, tt := range tests {
		toks := splitWords(tt.text)
		k := slices.IndexFunc(toks, func(w textWord) bool { return w.lower == tt.word })
		if got := negatedAt(toks, k); got != tt.want {
			t.Errorf("negatedAt(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
	toks := splitWords("he will make a final decision")
	if !prospectAt(toks, 5) {
		t.Errorf("prospectAt(%q, decision) = false, want true", "he will make a final decision")
	}
}

func TestFindDurations(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		text string
		want []string
	}{
		{"The army will need at least 18 months to recover.", []string{"18"}},
		{"MacKay spoke on the last day of a two-day meeting.", []string{"two"}},
		{"Canada has lost 127 soldiers since first sending troops in late 2002.", []string{"2002"}},
		{"Canada has lost 127 soldiers.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range lx.findDurations(splitWords(tt.text)) {
			if sp.value != "" {
				got = append(got, sp.value)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("lx.findDurations(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"the 2,700-strong mission", []string{"the", "2,700", "strong", "mission"}},
		{"Canada's 3.5 troops.", []string{"Canada", "s", "3.5", "troops"}},
		{"in 2011, 127 soldiers", []string{"in", "2011", "127", "soldiers"}},
		{"VILNIUS (Reuters) - Canada", []string{"VILNIUS", "Reuters", "Canada"}},
		{"in the capitalKabul at theNATO meeting", []string{"in", "the", "capital", "Kabul", "at", "the", "NATO", "meeting"}},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range splitWords(tt.text) {
			got = append(got, w.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("splitWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	cases := []struct{ word, want string }{
		{"May", "may"},
		{"September", "september"},
		{"Sept", "september"},
		{"Feb", "february"},
		{"Februaryunless", "february"}, // a space lost in the seeds' copy
		{"Mayor", ""},
		{"Marchetti", ""},
		{"Augustine", ""},
		{"Junes", ""},
		{"may", ""}, // the verb
		{"Mar", "march"},
	}
	for _, c := range cases {
		toks := splitWords(c.word)
		if len(toks) != 1 {
			t.Fatalf("splitWords(%q) = %d words, want 1", c.word, len(toks))
		}
		if got := monthName(toks[0]); got != c.want {
			t.Errorf("monthName(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}
