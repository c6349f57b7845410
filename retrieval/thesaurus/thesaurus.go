// Package thesaurus gives what newsbot knows of English words, sourced
// from WordNet 3.0 (Princeton University, see WORDNET-LICENSE) by gen.go,
// keeping each word's most frequent senses: the relations between words
// that a question and the article answering it use for the same thing
// (words derived one from the other, "decide", "decision"; irregular
// forms, "sent", "send"; synonyms, "quake", "earthquake"), which
// stemming does not join, and the classes of words (people, places,
// times, sums of money, verbs of saying, the dominant part of speech).
package thesaurus

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

//go:embed wordnet.txt.gz
var wordnet []byte

// Kinds of relations.
const (
	Derived = 'd'
	Form    = 'f'
	Synonym = 's'
	Antonym = 'a' // opposites: win, lose; grow, fall
	Attr    = 't' // an adjective and the attribute it measures: heavy, weight; tall, height
)

// The prefixes of the classes of units and of the words that ask for
// them, by what they measure ("@unit:weight": tonne, pound; "@asks:weight":
// heavy, weight; "@askv:weight": weigh).
const (
	unitPrefix = "@unit:"
	asksPrefix = "@asks:"
	askvPrefix = "@askv:"
)

// Classes of words (see gen.go for how each is made).
const (
	Person        = "noun.person"        // minister, welder, spokeswoman
	Group         = "noun.group"         // troop, staff, union
	Location      = "noun.location"      // city, province, harbour
	Time          = "noun.time"          // year, week, deadline
	Quantity      = "noun.quantity"      // dollar, count, worth
	Attribute     = "noun.attribute"     // size, strength, number
	Motive        = "noun.motive"        // reason, motive
	Possession    = "noun.possession"    // cost, price, revenue, wage
	Communication = "noun.communication" // speech, report, statement
	Cognition     = "noun.cognition"     // view, plan, idea
	State         = "noun.state"         // situation, status, problem
	Act           = "noun.act"           // decision, role, deal
	Event         = "noun.event"         // outcome, result
	Relation      = "noun.relation"      // percentage, difference
	Object        = "noun.object"        // river, bay, island
	Tops          = "noun.Tops"          // thing, location, measure
	Saying        = "verb.communication" // say, tell, add, warn, urge
	Paying        = "verb.possession"    // pay, spend, buy, sell
	Stative       = "verb.stative"       // remain, serve, house, involve
	Thinking      = "verb.cognition"     // believe, estimate, expect
	Participial   = "adj.ppl"            // wounded, detained
	PlaceAdj      = "adj.place"          // Canadian, French: of a place
	PlaceName     = "place.name"         // Canada, Kandahar
	Noun          = "pos.n"              // dominant part of speech, for words of several
	Verb          = "pos.v"
	Adjective     = "pos.a"
	Adverb        = "pos.r"
	HasVerb       = "verb"          // has a sense as a verb, if not the main one
	FrequentVerb  = "verb.frequent" // be, have, say, make, get, take, go, come, give
	Money         = "@money"        // dollar, euro, pound, yen
	Timespan      = "@timespan"     // minute, day, week, decade, season
	TimeUnit      = "@timeunit"     // second, minute, hour, day, month
	Organization  = "@organization" // ministry, company, union, party
	Picture       = "@picture"      // photo, photograph, image
	Writer        = "@writer"       // reporter, journalist, author, editor
	Aspect        = "@aspect"       // begin, start, end, finish, happen, open
	Measure       = "@measure"      // number, amount, size, percentage
	Office        = "@office"       // premier, mayor, judge, coach, spokesperson
	Text          = "@text"         // article, story, report, speech, letter
	Placing       = "@placing"      // put, position, deploy, station
	Colour        = "@colour"       // red, white, dark green, navy
	Negative      = "@negative"     // refuse, reject, deny, stop, end, resign, cancel, ban, die
)

// Thesaurus holds the relations. It is read-only and safe for concurrent
// use.
type Thesaurus struct {
	compoundsOnce sync.Once
	compounds     map[string][]string // last word -> the phrases it ends
	groups        [][]string
	kinds         []byte
	by            map[string][]int32 // word -> groups holding it
	classes       []string
	classOf       map[string][]uint8  // word -> indexes in classes
	below         map[string][]string // word -> the words one level below its senses
}

// Load reads the thesaurus newsbot ships.
func Load() (*Thesaurus, error) {
	zr, err := gzip.NewReader(bytes.NewReader(wordnet))
	if err != nil {
		return nil, fmt.Errorf("reading the thesaurus: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading the thesaurus: %w", err)
	}
	// One string for all: words are slices of it, not one allocation each.
	text := string(raw)
	t := &Thesaurus{by: make(map[string][]int32, 1<<16), classOf: make(map[string][]uint8, 1<<16), below: make(map[string][]string, 1<<14)}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' || len(line) < 3 || line[1] != '\t' {
			continue
		}
		if line[0] == 'y' {
			w, rest, _ := strings.Cut(line[2:], "|")
			t.below[w] = append(t.below[w], strings.Split(rest, "|")...)
			continue
		}
		if line[0] == 'c' {
			name, words, ok := strings.Cut(line[2:], "\t")
			if !ok || len(t.classes) == 255 {
				continue
			}
			id := uint8(len(t.classes))
			t.classes = append(t.classes, name)
			for w := range strings.SplitSeq(words, "|") {
				t.classOf[w] = append(t.classOf[w], id)
			}
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

// Compounds returns the phrases of two words the thesaurus holds that end
// with the lower-cased word: "gross revenue" and "net revenue" for
// "revenue", "work force" for "force". Their synonyms are the words a
// text may use for what they name ("sales" is gross revenue, "workforce"
// the work force).
func (t *Thesaurus) Compounds(word string) []string {
	t.compoundsOnce.Do(func() {
		t.compounds = make(map[string][]string)
		for w := range t.by {
			if first, last, ok := strings.Cut(w, " "); ok && first != "" && !strings.Contains(last, " ") {
				t.compounds[last] = append(t.compounds[last], w)
			}
		}
		for _, ps := range t.compounds {
			slices.Sort(ps)
		}
	})
	return t.compounds[word]
}

// In reports whether the lower-cased word (as WordNet lists it: a base
// form, see Lemmas) is of class c, one of the class constants.
func (t *Thesaurus) In(word, c string) bool {
	for _, id := range t.classOf[word] {
		if t.classes[id] == c {
			return true
		}
	}
	return false
}

// Measures returns what the lower-cased unit word or phrase measures,
// named by the families of units of WordNet's "unit of measurement"
// ("weight" and "mass" for "tonne"; "length" and "distance" for "mile").
func (t *Thesaurus) Measures(word string) []string { return t.prefixed(word, unitPrefix) }

// Asks returns the measures a lower-cased noun or adjective asks for,
// named as by Measures: "weight" for "heavy" and "weight"; "length" for
// "height" and "width".
func (t *Thesaurus) Asks(word string) []string { return t.prefixed(word, asksPrefix) }

// AsksByVerb returns the measures a lower-cased verb asks for: "weight"
// for "weigh" ("have a certain weight").
func (t *Thesaurus) AsksByVerb(word string) []string { return t.prefixed(word, askvPrefix) }

// prefixed returns the rest of the names of word's classes that begin
// with prefix.
func (t *Thesaurus) prefixed(word, prefix string) []string {
	var out []string
	for _, id := range t.classOf[word] {
		if rest, ok := strings.CutPrefix(t.classes[id], prefix); ok {
			out = append(out, rest)
		}
	}
	return out
}

// Hyponyms returns the words one level below the lower-cased word's
// frequent senses: the more particular words the coverage may use for it
// ("spokesman" for "spokesperson").
func (t *Thesaurus) Hyponyms(word string) []string { return t.below[word] }

// Known reports whether the thesaurus holds the lower-cased word or
// phrase.
func (t *Thesaurus) Known(word string) bool { return len(t.by[word]) > 0 || len(t.classOf[word]) > 0 }

// KnowsWord reports whether a lower-cased word is an English word in one
// of its forms ("starts", "sent").
func (t *Thesaurus) KnowsWord(word string) bool { return len(t.Lemmas(word)) > 0 }

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
