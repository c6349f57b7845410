// Command synthcorpus writes a larger corpus made by recombining the
// passages of a real one, for scale benchmarks: the same vocabulary and
// sentence shapes, N times the articles, the same files for the same seed.
//
//	go run ./cmd/synthcorpus -src ../shared/corpora/sotu -x 10 -out /tmp/sotu10x
//
// The first copy is the source corpus itself; every other article takes
// the length of a source article and fills it with runs of five sentences
// drawn from anywhere in the corpus.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("synthcorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", "", "source corpus `DIR` (.txt files)")
	out := fs.String("out", "", "output `DIR` (must not exist)")
	times := fs.Int("x", 10, "size as a multiple of the source")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *src == "" || *out == "" || *times < 1 {
		return errors.New("usage: synthcorpus -src DIR -out DIR [-x N] [-seed S]")
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s exists", *out)
	}
	names, err := filepath.Glob(filepath.Join(*src, "*.txt"))
	if err != nil || len(names) == 0 {
		return fmt.Errorf("no .txt files in %s", *src)
	}
	sort.Strings(names)
	var pieces []string // runs of sentences, from every source file
	counts := make([]int, len(names))
	texts := make([][]byte, len(names))
	for i, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return err
		}
		texts[i] = data
		p := split(string(data))
		counts[i] = len(p)
		pieces = append(pieces, p...)
	}
	for c := range *times {
		dir := filepath.Join(*out, fmt.Sprintf("c%03d", c))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		rng := rand.New(rand.NewPCG(*seed, uint64(c)))
		for i, n := range names {
			body := texts[i]
			if c > 0 {
				var b strings.Builder
				fmt.Fprintf(&b, "Address %d of collection %d\n\n", i, c)
				for range counts[i] {
					b.WriteString(pieces[rng.IntN(len(pieces))])
					b.WriteString("\n\n")
				}
				body = []byte(b.String())
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(n)), body, 0o644); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(stderr, "wrote %d articles to %s\n", len(names)**times, *out)
	return nil
}

// split cuts a text into runs of five sentences.
func split(text string) []string {
	var out []string
	words := strings.Fields(text)
	start, sentences := 0, 0
	for i, w := range words {
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") {
			if sentences++; sentences == 5 {
				out = append(out, strings.Join(words[start:i+1], " "))
				start, sentences = i+1, 0
			}
		}
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}
