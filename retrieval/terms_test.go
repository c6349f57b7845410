package retrieval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", []string{}},
		{"punctuation only", " -- ... (!) ", []string{}},
		{"thousands", "an extra 1,000 troops", []string{"extra", "1000", "troop"}},
		{"thousands hyphenated", "the 43,000-strong force", []string{"43000", "strong", "forc"}},
		{"hyphenated number", "the 2,700-strong combat mission", []string{"2700", "strong", "combat", "mission"}},
		{"millions", "$1,000,000.", []string{"1000000"}},
		{"decimal", "3.5 percent", []string{"3.5", "percent"}},
		{"year and sentence end", "in 2011. Then", []string{"2011"}},
		{"not a thousands group", "items 2,3 and 4,56", []string{"item", "2", "3", "4", "56"}},
		{"range", "an April 2-4 summit", []string{"april", "2", "4", "summit"}},
		{"hyphenated words", "peace-keeping", []string{"peac", "keep"}},
		{"possessive", "Canada's minority", []string{"canada", "minor"}},
		{"possessive curly", "Canada’s minority", []string{"canada", "minor"}},
		{"plural possessive", "the soldiers' families", []string{"soldier", "famili"}},
		{"contractions", "We'll see, they're sure I'm right; don’t", []string{"see", "sure", "right"}},
		{"elision joined", "O'Brien", []string{"obrien"}},
		{"stemming", "troops deployed deploying", []string{"troop", "deploy", "deploy"}},
		{"stop words", "the of and to is it a", []string{}},
		{"one letter dropped digits kept", "F-16 a b 7", []string{"16", "7"}},
		{"dotted acronym kept", "U.S.-led forces", []string{"us", "led", "forc"}},
		{"capital acronym kept", "US and WHO officials", []string{"us", "who", "offici"}},
		{"pronoun dropped", "Let us go", []string{"let", "go"}},
		{"unicode", "Québec Zürich", []string{"québec", "zürich"}},
		{"run-together words", "peacekeepingmission", []string{"peacekeepingmiss"}},
		{"too long dropped", strings.Repeat("x", 80) + " mission", []string{"mission"}},
	}
	a := NewAnalyzer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terms(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
			// Twice, so the second call is served by the cache.
			for range 2 {
				if got := a.Terms(tt.text); !slices.Equal(got, tt.want) {
					t.Errorf("(*Analyzer).Terms(%q) = %q, want %q", tt.text, got, tt.want)
				}
			}
		})
	}
}

// TestAnalyzerCacheBounded fills a small cache far past its limit and checks
// that it stays bounded and still answers correctly.
func TestAnalyzerCacheBounded(t *testing.T) {
	a := NewAnalyzer()
	a.limit = 4
	for i := range 1000 {
		w := fmt.Sprintf("word%dx", i)
		if got, want := a.Terms(w), Terms(w); !slices.Equal(got, want) {
			t.Fatalf("(*Analyzer).Terms(%q) = %q, want %q", w, got, want)
		}
	}
	for i := range a.shards {
		s := &a.shards[i]
		if n := len(s.cur) + len(s.prev); n > 2*a.limit {
			t.Errorf("shard %d holds %d words, want at most %d", i, n, 2*a.limit)
		}
	}
}

func TestAnalyzerConcurrent(t *testing.T) {
	text := readSeedsForTerms(t)
	want := Terms(text)
	a := NewAnalyzer()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := a.Terms(text); !slices.Equal(got, want) {
				t.Errorf("concurrent (*Analyzer).Terms(seeds) differs from Terms(seeds)")
			}
		})
	}
	wg.Wait()
}

func readSeedsForTerms(t testing.TB) string {
	t.Helper()
	paths, err := filepath.Glob("../seeds/*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles in ../seeds: %v", err)
	}
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

// readSotu returns the texts of the sotu corpus, skipping the benchmark when
// it is absent.
func readSotu(b *testing.B) []string {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(sotuCorpus(b), "*.txt"))
	texts := make([]string, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// BenchmarkAnalyzerSotu analyses the whole sotu corpus (10.7 MB) with one
// fresh Analyzer per iteration, as a full index build would.
func BenchmarkAnalyzerSotu(b *testing.B) {
	texts := readSotu(b)
	var size int64
	for _, s := range texts {
		size += int64(len(s))
	}
	b.SetBytes(size)
	for b.Loop() {
		a := NewAnalyzer()
		for _, s := range texts {
			a.Terms(s)
		}
	}
}

// BenchmarkTermsNoCache shows what the cache saves.
func BenchmarkTermsNoCache(b *testing.B) {
	texts := readSotu(b)
	text := texts[len(texts)-1]
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Terms(text)
	}
}

func ExampleTerms() {
	fmt.Println(Terms("Canada’s 2,700-strong peace-keeping mission in Kandahar ends in 2011."))
	// Output: [canada 2700 strong peac keep mission kandahar end 2011]
}
