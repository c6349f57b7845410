package thesaurus

import (
	"slices"
	"testing"
)

func TestThesaurus(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word  string
		kinds []byte
		want  string
	}{
		{"sent", []byte{Form}, "send"},
		{"went", []byte{Form}, "go"},
		{"decide", []byte{Derived}, "decision"},
		{"afghan", []byte{Derived}, "afghanistan"},
		{"canada", []byte{Derived}, "canadian"},
		{"quake", []byte{Synonym}, "earthquake"},
		{"premier", []byte{Synonym}, "prime minister"},
		{"win", []byte{Antonym}, "lose"},
		{"open", []byte{Antonym}, "close"},
		{"grow", []byte{Antonym}, "fall"}, // through increase, decrease
		{"accept", []byte{Antonym}, "reject"},
	} {
		if got := th.Related(tt.word, tt.kinds...); !slices.Contains(got, tt.want) {
			t.Errorf("Related(%q, %q) = %q, want it to hold %q", tt.word, tt.kinds, got, tt.want)
		}
	}
	for _, tt := range []struct{ word, want string }{
		{"soldiers", "soldier"}, {"talks", "talk"}, {"wounded", "wound"}, {"sent", "send"}, {"cities", "city"},
	} {
		if got := th.Lemmas(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("Lemmas(%q) = %q, want it to hold %q", tt.word, got, tt.want)
		}
	}
	for _, tt := range []struct {
		word, class string
		want        bool
	}{
		{"spokeswoman", Person, true}, {"minister", Person, true}, {"harbour", Location, true},
		{"week", Timespan, true}, {"decade", Timespan, true}, {"euro", Money, true}, {"yen", Money, true},
		{"say", Saying, true}, {"add", Saying, true}, {"canadian", PlaceAdj, true}, {"french", PlaceAdj, true},
		{"kandahar", PlaceName, true}, {"department", Organization, true}, {"ministry", Group, true}, {"photo", Picture, true},
		{"reporter", Writer, true}, {"start", Aspect, true}, {"take", FrequentVerb, true},
		{"gather", Verb, true}, {"leader", Noun, true}, {"number", Measure, true}, {"percentage", Measure, true}, {"leader", Person, true},
		{"minister", Location, false}, {"week", Money, false}, {"announce", FrequentVerb, false},
	} {
		if got := th.In(tt.word, tt.class); got != tt.want {
			t.Errorf("In(%q, %q) = %v, want %v", tt.word, tt.class, got, tt.want)
		}
	}
	if th.Known("appathurai") {
		t.Error(`Known("appathurai") = true, want false: names of the coverage are in no dictionary`)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCompounds(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, want, not string }{
		{"revenue", "gross revenue", "revenue"},
		{"income", "net income", "income tax return"},
		{"force", "work force", "force"},
	} {
		got := th.Compounds(tt.word)
		if !slices.Contains(got, tt.want) || slices.Contains(got, tt.not) {
			t.Errorf("Compounds(%q) = %q, want it to hold %q, not %q", tt.word, got, tt.want, tt.not)
		}
	}
	// Staying is the opposite of changing, not of every kind of change.
	if got := th.Related("acetylate", Antonym); slices.Contains(got, "stay") {
		t.Errorf("Related(acetylate, Antonym) = %q, want no stay", got)
	}
}

// TestMeasures checks the families of units and the words that ask for
// them, read from WordNet's "unit of measurement" by gen.go.
func TestMeasures(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word, want string
		holds      bool
	}{
		{"tonne", "weight", true}, {"kilogram", "mass", true}, {"pound", "weight", true}, {"pound", "money", true},
		{"mile", "distance", true}, {"metre", "length", true}, {"litre", "volume", true}, {"gallon", "liquid", true},
		{"litre", "liquid", true}, // a liquid unit is a volume unit: what is liquid is measured in litres
		{"megawatt", "power", true}, {"kilowatt hour", "energy", true},
		{"tonne", "length", false}, {"metre", "weight", false}, {"centimetre", "volume", false}, {"ampere", "power", false},
	} {
		if got := slices.Contains(th.Measures(tt.word), tt.want); got != tt.holds {
			t.Errorf("Measures(%q) = %q, holding %q: %v, want %v", tt.word, th.Measures(tt.word), tt.want, got, tt.holds)
		}
	}
	for _, tt := range []struct {
		word, want string
		holds      bool
	}{
		{"heavy", "weight", true}, {"weigh", "weight", false}, {"weight", "weight", true}, {"far", "distance", true},
		{"height", "length", true}, {"width", "length", true}, {"electricity", "energy", true}, {"power", "power", true},
		{"count", "weight", false}, {"tall", "length", false}, // tall asks its attribute, height (Attr)
	} {
		if got := slices.Contains(th.Asks(tt.word), tt.want); got != tt.holds {
			t.Errorf("Asks(%q) = %q, holding %q: %v, want %v", tt.word, th.Asks(tt.word), tt.want, got, tt.holds)
		}
	}
	if got := th.AsksByVerb("weigh"); !slices.Contains(got, "weight") {
		t.Errorf("AsksByVerb(weigh) = %q, want it to hold weight", got)
	}
	if got := th.Related("tall", Attr); !slices.Contains(got, "height") {
		t.Errorf("Related(tall, Attr) = %q, want it to hold height", got)
	}
}
