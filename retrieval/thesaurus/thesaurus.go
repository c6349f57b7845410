// Package thesaurus gives the relations between English words that a
// question and the article answering it use for the same thing: words
// derived one from the other ("decide", "decision"; "Afghan",
// "Afghanistan") and irregular forms ("sent", "send"), which stemming
// does not join. They are sourced from WordNet 3.0 (Princeton University,
// see WORDNET-LICENSE), keeping each word's most frequent senses; gen.go
// writes the data from the WordNet database.
package thesaurus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed wordnet.txt.gz
var wordnet []byte

// Kinds of relations.
const (
	Derived = 'd'
	Form    = 'f'
)

// Thesaurus holds the relations. It is read-only and safe for concurrent
// use.
type Thesaurus struct {
	groups [][]string
	kinds  []byte
	by     map[string][]int32 // word -> groups holding it
}

// Load reads the thesaurus newsbot ships.
func Load() (*Thesaurus, error) {
	zr, err := gzip.NewReader(bytes.NewReader(wordnet))
	if err != nil {
		return nil, fmt.Errorf("reading the thesaurus: %w", err)
	}
	t := &Thesaurus{by: make(map[string][]int32, 1<<15)}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || len(line) < 3 || line[1] != '\t' {
			continue
		}
		words := strings.Split(line[2:], "|")
		id := int32(len(t.groups))
		t.groups = append(t.groups, words)
		t.kinds = append(t.kinds, line[0])
		for _, w := range words {
			t.by[w] = append(t.by[w], id)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the thesaurus: %w", err)
	}
	return t, nil
}

// Related returns the words in a relation of one of kinds with the
// lower-cased word or phrase, without word itself.
func (t *Thesaurus) Related(word string, kinds ...byte) []string {
	var out []string
	seen := map[string]bool{word: true}
	for _, id := range t.by[word] {
		if !bytes.ContainsRune(kinds, rune(t.kinds[id])) {
			continue
		}
		for _, w := range t.groups[id] {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Known reports whether the thesaurus holds the lower-cased word or
// phrase.
func (t *Thesaurus) Known(word string) bool { return len(t.by[word]) > 0 }

// Lemmas returns the base forms of a lower-cased word that the thesaurus
// knows: the word itself, its irregular base ("sent" -> "send") and what
// WordNet's detachment rules give ("soldiers" -> "soldier", "talks" ->
// "talk", "wounded" -> "wound").
func (t *Thesaurus) Lemmas(word string) []string {
	var out []string
	add := func(w string) {
		if t.Known(w) {
			for _, o := range out {
				if o == w {
					return
				}
			}
			out = append(out, w)
		}
	}
	add(word)
	for _, f := range t.Related(word, Form) {
		add(f)
	}
	for _, r := range detachments() {
		if b, ok := strings.CutSuffix(word, r[0]); ok && len(b) >= 2 {
			add(b + r[1])
		}
	}
	return out
}

// detachments are WordNet's rules (morphy) that take the inflection off a
// regular English word: a closed set of suffixes.
func detachments() [][2]string {
	return [][2]string{
		{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
		{"men", "man"}, {"ies", "y"},
		{"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
		{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
	}
}
