package retrieval

import (
	"slices"
	"testing"
)

func TestVocabularyNearest(t *testing.T) {
	v := NewVocabulary("NATO spokesperson James Appathurai said.", "Appathurai told Harper.", "The buses and the buses ran.")
	for _, tt := range []struct {
		word string
		dist int
		want []string
	}{
		{"Apathurai", 2, []string{"appathurai"}},
		{"harpr", 1, []string{"harper"}},
		{"busses", 1, []string{"buses"}},
		{"appathurai", 2, nil}, // itself is not a correction
		{"kandahar", 2, nil},
	} {
		if got := v.Nearest(tt.word, tt.dist); !slices.Equal(got, tt.want) {
			t.Errorf("Nearest(%q, %d) = %q, want %q", tt.word, tt.dist, got, tt.want)
		}
	}
	if !v.IsName("appathurai") || v.IsName("buses") {
		t.Errorf("IsName(appathurai), IsName(buses) = %v, %v, want true, false", v.IsName("appathurai"), v.IsName("buses"))
	}
	if !v.HasForm("spokespersons") || v.HasForm("train") {
		t.Errorf("HasForm(spokespersons), HasForm(train) = %v, %v, want true, false", v.HasForm("spokespersons"), v.HasForm("train"))
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"harper", "harpr", 1},
		{"form", "from", 1}, // a transposition
		{"appathurai", "apathurai", 1},
		{"kitten", "sitting", 3},
		{"abc", "abcdefgh", 3}, // past the limit of 2
		{"talbot", "tabor", 2}, {"gwen", "owen", 1}, {"müller", "muller", 1},
	} {
		if got := EditDistance(tt.a, tt.b, 2); got != min(tt.want, 3) {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, min(tt.want, 3))
		}
	}
}

func TestDiffersInFact(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Twelve other workers were taken to hospital.", "Twenty-one other workers were taken to hospital.", true},
		{"Authority chair Kenneth Moyo said the offer stands.", "Authority chair Helen Okoye said the offer stands.", true},
		{"It had 240 staff.", "It had 210 staff.", true},
		{"The plant employs 240 people.", "The plant employs 240 people, according to the company.", false},
		{"the strike ended", "the strike had ended", false},
	} {
		if got := differsInFact(tt.a, tt.b); got != tt.want {
			t.Errorf("differsInFact(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
