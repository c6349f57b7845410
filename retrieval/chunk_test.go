package retrieval

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata/")

// loaderSeeds names the seed articles in ../seeds.
func loaderSeeds() []string {
	return []string{"000_7b664699113ac3fb.txt", "001_b7e1029fb9729208.txt", "002_6b9d529eae85757d.txt"}
}

// TestSeedsGolden pins the articles, sentences and chunks of the seeds.
// Run with -update to rewrite testdata/loader/seeds.golden after a wanted
// change, and read the diff.
func TestSeedsGolden(t *testing.T) {
	var b strings.Builder
	for _, name := range loaderSeeds() {
		a := mustParse(t, name, loaderSeed(t, name))
		fmt.Fprintf(&b, "== %s\ntitle: %s\ndateline: %q agency: %q date: %s\nbylines: %q\n", a.Source, a.Title, a.Dateline, a.Agency, a.Date.Format("2006-01-02"), a.Bylines)
		for _, s := range SplitSentences(a.Text) {
			fmt.Fprintf(&b, "%d: %s\n", LineAt(a.Text, s.Start), a.Text[s.Start:s.End])
		}
		for _, c := range ChunkArticle(a, DefaultChunkOptions()) {
			fmt.Fprintf(&b, "chunk %s bytes %d-%d lines %d-%d\n", c.ID, c.Start, c.End, c.FirstLine, c.LastLine)
		}
	}
	path := filepath.Join("testdata", "loader", "seeds.golden")
	if *updateGolden {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seeds differ from %s (run with -update and read the diff):\ngot:\n%s", path, got)
	}
}

func TestLineAt(t *testing.T) {
	text := "ab\ncd\n\nef"
	tests := []struct{ off, want int }{
		{-5, 1}, {0, 1}, {2, 1}, {3, 2}, {5, 2}, {6, 3}, {7, 4}, {8, 4}, {9, 4}, {100, 4},
	}
	for _, tt := range tests {
		if got := LineAt(text, tt.off); got != tt.want {
			t.Errorf("LineAt(%q, %d) = %d, want %d", text, tt.off, got, tt.want)
		}
	}
	if got := LineAt("", 0); got != 1 {
		t.Errorf("LineAt(\"\", 0) = %d, want 1", got)
	}
}

// checkChunks checks the invariants of the chunks of a: text and offsets
// agree, lines are those of the first and last non-space bytes, chunks stay
// within the target unless they are a single sentence, each adds a new
// sentence, overlaps are whole sentences, and every sentence is covered.
func checkChunks(t *testing.T, a *Article, opt ChunkOptions, chunks []Chunk) {
	t.Helper()
	sents := SplitSentences(a.Text)
	if len(sents) > 0 && len(chunks) == 0 {
		t.Fatalf("no chunks for %d sentences", len(sents))
	}
	// The chunker's units: sentences, the longest cut into pieces.
	target := opt.TargetChars
	if opt == (ChunkOptions{}) || target <= 0 {
		target = DefaultChunkOptions().TargetChars
	}
	units := splitLong(a.Text, sents, target)
	starts := map[int]bool{}
	ends := map[int]bool{}
	for _, s := range units {
		starts[s.Start], ends[s.End] = true, true
	}
	covered := make([]bool, len(a.Text))
	for i, c := range chunks {
		for k := c.Start; k < c.End; k++ {
			covered[k] = true
		}
		if c.Text != a.Text[c.Start:c.End] {
			t.Fatalf("chunk %d: Text != a.Text[%d:%d]", i, c.Start, c.End)
		}
		if want := a.Source + "#" + fmt.Sprint(i); c.ID != want || c.N != i {
			t.Errorf("chunk %d: ID, N = %q, %d, want %q, %d", i, c.ID, c.N, want, i)
		}
		if c.Source != a.Source || c.Title != a.Title || !c.Date.Equal(a.Date) {
			t.Errorf("chunk %d: Source, Title, Date = %q, %q, %v; want the article's", i, c.Source, c.Title, c.Date)
		}
		if c.FirstLine != strings.Count(a.Text[:c.Start], "\n")+1 || c.LastLine != strings.Count(a.Text[:c.End-1], "\n")+1 {
			t.Errorf("chunk %d: lines %d-%d, want %d-%d", i, c.FirstLine, c.LastLine,
				strings.Count(a.Text[:c.Start], "\n")+1, strings.Count(a.Text[:c.End-1], "\n")+1)
		}
		if strings.TrimSpace(c.Text) != c.Text || c.Text == "" {
			t.Errorf("chunk %d: %q is empty or not trimmed", i, c.Text)
		}
		if i > 0 {
			p := chunks[i-1]
			if c.Start <= p.Start || c.End <= p.End {
				t.Errorf("chunk %d [%d,%d) does not move past chunk %d [%d,%d)", i, c.Start, c.End, i-1, p.Start, p.End)
			}
			if c.Start < p.End && (!starts[c.Start] || !ends[p.End]) {
				t.Errorf("chunk %d overlaps chunk %d by more or less than whole sentences", i, i-1)
			}
			// No more is repeated than the overlap asks for: its last
			// sentences, within half the target.
			if repeated := sentencesIn(units, Chunk{Start: c.Start, End: p.End}); c.Start < p.End &&
				(repeated > max(opt.OverlapSentences, 0) || p.End-c.Start > target/2) {
				t.Errorf("chunk %d repeats %d sentences (%d bytes) of chunk %d; overlap %d sentences, target %d",
					i, repeated, p.End-c.Start, i-1, opt.OverlapSentences, opt.TargetChars)
			}
		}
		if n := sentencesIn(units, c); len(c.Text) > target && n > 1 {
			t.Errorf("chunk %d has %d bytes, over the target %d, and %d sentences", i, len(c.Text), opt.TargetChars, n)
		}
		if len(c.Text) > 4*target {
			t.Errorf("chunk %d has %d bytes, over 4 times the target %d", i, len(c.Text), opt.TargetChars)
		}
	}
	for _, s := range sents {
		for k, r := range a.Text[s.Start:s.End] {
			if !covered[s.Start+k] && !unicode.IsSpace(r) {
				t.Errorf("byte %d of sentence %.60q is in no chunk", s.Start+k, a.Text[s.Start:s.End])
				break
			}
		}
	}
}

// FuzzChunkArticle splits arbitrary text into sentences and chunks with
// arbitrary sizes: sentences are trimmed, in order and lose no text but
// white space; chunks lose none either, cite their own lines, and repeat
// nothing of the previous chunk beyond the configured overlap.
func FuzzChunkArticle(f *testing.F) {
	f.Add("The U.S. said on Feb. 3 that 2,500 troops (about 3.5%) would go. \"We will,\" he said. Mr. Smith agreed!", 120, 1)
	f.Add("Headline here\n\nOTTAWA (Reuters) - First sentence.Second run-together sentence. Third?\nA hard-wrapped\nline of prose.\n\n\nEnd…", 40, 2)
	f.Add(strings.Repeat("word, ", 400)+"end.", 100, 1)
	f.Add("One.\u2029Two.\u2029\u2029Three — four; five: six, seven", 10, 3)
	f.Add("   \n\t  ", 50, 0)
	f.Add("a b. Ĳ ﬁ. \uFFFD. 1. 2. 3.", 5, 1)
	f.Fuzz(func(t *testing.T, text string, target, overlap int) {
		text = strings.ToValidUTF8(text, "\uFFFD") // what the loader guarantees
		sents := SplitSentences(text)
		checkSpans(t, text, sents)
		covered := make([]bool, len(text))
		for _, s := range sents {
			for k := s.Start; k < s.End; k++ {
				covered[k] = true
			}
		}
		for k, r := range text {
			if !covered[k] && !unicode.IsSpace(r) {
				t.Fatalf("SplitSentences(%q) loses %q at byte %d", text, r, k)
			}
		}
		// Zero options would mean the defaults: sizes from 1, overlaps
		// from none (-1) to three sentences.
		opt := ChunkOptions{TargetChars: 1 + abs(target%3000), OverlapSentences: abs(overlap%5) - 1}
		a := &Article{Source: "f.txt", Title: "T", Text: text}
		checkChunks(t, a, opt, ChunkArticle(a, opt))
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sentencesIn counts the sentences that start in chunk c.
func sentencesIn(sents []Span, c Chunk) int {
	n := 0
	for _, s := range sents {
		if s.Start >= c.Start && s.Start < c.End {
			n++
		}
	}
	return n
}

// syntheticArticle is a long article of sentences of varied length on
// lines of varied shape, with a very long sentence in the middle.
func syntheticArticle() *Article {
	var b strings.Builder
	b.WriteString("A synthetic headline\n\n")
	for i := range 120 {
		fmt.Fprintf(&b, "Sentence %d says%s something about troop number %d,500.", i, strings.Repeat(" more and more", i%17), i)
		switch {
		case i%7 == 6:
			b.WriteString("\n\n")
		case i%3 == 2:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
		if i == 60 {
			b.WriteString(strings.Repeat("an endless clause, ", 250) + "end.\n")
		}
	}
	return &Article{Source: "synthetic.txt", Title: "A synthetic headline", Text: b.String()}
}

func TestChunkArticle(t *testing.T) {
	for _, opt := range []ChunkOptions{DefaultChunkOptions(), {TargetChars: 200, OverlapSentences: 2}, {TargetChars: 50, OverlapSentences: 0}, {TargetChars: 1000, OverlapSentences: 3}} {
		for _, name := range loaderSeeds() {
			t.Run(fmt.Sprintf("%s/%d/%d", name, opt.TargetChars, opt.OverlapSentences), func(t *testing.T) {
				a := mustParse(t, name, loaderSeed(t, name))
				checkChunks(t, a, opt, ChunkArticle(a, opt))
			})
		}
		t.Run(fmt.Sprintf("synthetic/%d/%d", opt.TargetChars, opt.OverlapSentences), func(t *testing.T) {
			a := syntheticArticle()
			checkChunks(t, a, opt, ChunkArticle(a, opt))
		})
	}
}

func TestChunkArticleOverlap(t *testing.T) {
	a := &Article{Source: "s.txt", Text: "One one one. Two two two. Three three three. Four four four. Five five five."}
	chunks := ChunkArticle(a, ChunkOptions{TargetChars: 40, OverlapSentences: 1})
	var got []string
	for _, c := range chunks {
		got = append(got, c.Text)
	}
	want := []string{"One one one. Two two two.", "Two two two. Three three three.", "Three three three. Four four four.", "Four four four. Five five five."}
	if !slices.Equal(got, want) {
		t.Errorf("chunks = %q, want %q", got, want)
	}
	chunks = ChunkArticle(a, ChunkOptions{TargetChars: 40, OverlapSentences: 0})
	if len(chunks) != 3 || chunks[1].Start < chunks[0].End {
		t.Errorf("without overlap: %d chunks, want 3 that do not overlap", len(chunks))
	}
}

func TestChunkArticleLongSentence(t *testing.T) {
	long := "Word " + strings.Repeat("word ", 400) + "end."
	a := &Article{Source: "s.txt", Text: "Short one. " + long + " Short two."}
	chunks := ChunkArticle(a, ChunkOptions{TargetChars: 100, OverlapSentences: 1})
	if len(chunks) < 20 {
		t.Fatalf("%d chunks, want the 2000-byte sentence cut in pieces of about 100", len(chunks))
	}
	for _, c := range chunks {
		if len(c.Text) > 100 {
			t.Errorf("chunk %d has %d bytes, over the target", c.N, len(c.Text))
		}
		if strings.HasPrefix(c.Text, "ord") || strings.HasSuffix(c.Text, " wor") {
			t.Errorf("chunk %d = %q is cut inside a word", c.N, c.Text)
		}
	}
	// A sentence of up to four times the target stays whole.
	mid := "Word " + strings.Repeat("word ", 69) + "end."
	a = &Article{Source: "s.txt", Text: "Short one. " + mid + " Short two."}
	if c := ChunkArticle(a, ChunkOptions{TargetChars: 100}); len(c) != 3 || c[1].Text != mid {
		t.Errorf("ChunkArticle(3x target sentence) = %d chunks, want 3 with the sentence whole", len(c))
	}
}

func TestChunkArticleEdgeCases(t *testing.T) {
	if c := ChunkArticle(&Article{Source: "e.txt", Text: " \n "}, DefaultChunkOptions()); c != nil {
		t.Errorf("ChunkArticle(blank) = %v, want nil", c)
	}
	a := mustParse(t, loaderSeeds()[0], loaderSeed(t, loaderSeeds()[0]))
	if !slices.Equal(ChunkArticle(a, ChunkOptions{}), ChunkArticle(a, DefaultChunkOptions())) {
		t.Errorf("zero ChunkOptions do not chunk as DefaultChunkOptions")
	}
	if !slices.Equal(ChunkArticle(a, DefaultChunkOptions()), ChunkArticle(a, DefaultChunkOptions())) {
		t.Errorf("ChunkArticle is not deterministic")
	}
	// Multi-byte text: cuts never split a rune.
	u := &Article{Source: "u.txt", Text: strings.Repeat("é", 2000)}
	for _, c := range ChunkArticle(u, ChunkOptions{TargetChars: 101}) {
		if strings.ContainsRune(c.Text, unicode.ReplacementChar) || !strings.HasPrefix(c.Text, "é") {
			t.Errorf("chunk %d cuts a rune: %q", c.N, c.Text[:4])
		}
	}
}

func ExampleChunkArticle() {
	a, err := ParseArticle("2008-02-22-troops.txt", []byte(
		"Canada seeks help in Afghanistan\n\n"+
			"OTTAWA (Reuters) - Canada asked NATO for 1,000 more troops on Friday.\n"+
			"The U.S. Defense Secretary said he would help. Mr. Bernier welcomed that.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title, "|", a.Dateline, a.Agency, a.Date.Format("2006-01-02"))
	for _, c := range ChunkArticle(a, ChunkOptions{TargetChars: 160, OverlapSentences: 1}) {
		fmt.Printf("%s lines %d-%d: %s\n", c.ID, c.FirstLine, c.LastLine, strings.ReplaceAll(c.Text, "\n", " / "))
	}
	// Output:
	// Canada seeks help in Afghanistan | OTTAWA Reuters 2008-02-22
	// 2008-02-22-troops.txt#0 lines 1-4: Canada seeks help in Afghanistan /  / OTTAWA (Reuters) - Canada asked NATO for 1,000 more troops on Friday. / The U.S. Defense Secretary said he would help.
	// 2008-02-22-troops.txt#1 lines 4-4: The U.S. Defense Secretary said he would help. Mr. Bernier welcomed that.
}

// BenchmarkChunkArticle parses and chunks one long State of the Union
// address (one 50 KB paragraph line per address).
func BenchmarkChunkArticle(b *testing.B) {
	const name = "1946_harry_s_truman_d.txt" // the longest address, 180 KB
	data, err := os.ReadFile(filepath.Join(sotuCorpus(b), name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		a, err := ParseArticle(name, data)
		if err != nil {
			b.Fatal(err)
		}
		ChunkArticle(a, DefaultChunkOptions())
	}
}

// BenchmarkLoadCorpus lists, reads, parses and chunks the whole scale
// corpus (233 files, 10.7 MB), which a full index does before embedding.
func BenchmarkLoadCorpus(b *testing.B) {
	dir := sotuCorpus(b)
	chunks := 0
	for b.Loop() {
		files, _, err := ListCorpus(dir, LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		chunks = 0
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(dir, f.Source))
			if err != nil {
				b.Fatal(err)
			}
			a, err := ParseArticle(f.Source, data)
			if err != nil {
				b.Fatal(err)
			}
			chunks += len(ChunkArticle(a, DefaultChunkOptions()))
		}
	}
	b.ReportMetric(float64(chunks), "chunks")
}
