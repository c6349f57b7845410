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
