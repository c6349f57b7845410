//go:build ignore

// gen writes wordnet.txt.gz, the thesaurus newsbot ships, from the
// WordNet 3.0 database (Debian's wordnet-base package puts it in
// /usr/share/wordnet):
//
//	apt-get install wordnet-base
//	go run gen.go [/usr/share/wordnet]
//
// It keeps the senses people mostly mean: for each word, its first
// senses as tagged in WordNet's corpus (at least the first). Each line is
// one relation between words:
//
//   - "d" words derived one from the other (decide, decision; Afghan,
//     Afghanistan), and verbs with what they cause or entail (kill, die);
//   - "f" the irregular forms of a word (sent, send);
//   - "t" an adjective and the attribute it gives a value of (heavy,
//     weight; tall, height);
//   - "a" opposites (win, lose; open, close), and a verb with the
//     opposites of the verb above it (grow, increase: fall, decrease);
//   - "s" the words of one synset that is a frequent sense of each of
//     them (quake, earthquake; premier, prime minister): synonyms;
//   - "y" a noun, then the words one level below its frequent senses
//     (spokesperson: spokesman, spokeswoman): what the coverage may say
//     for it;
//   - "c" a class and its words (its first field the class), from the
//     frequent senses of each word: WordNet's lexicographer files
//     ("noun.person", "noun.location", "noun.time", "verb.communication"),
//     the dominant part of speech in WordNet's tagged corpus ("pos.n",
//     "pos.v", "pos.a"), the words with a sense as a verb ("verb"), the most frequent verbs of that corpus
//     and those of most senses ("verb.frequent"), adjectives of a place ("adj.place": Canadian,
//     French), names of places (WordNet's instances of locations:
//     "place.name"), and the hyponyms of a few synsets that name kinds of
//     answers ("@money": dollar, euro; "@timespan": week, decade; "@timeunit": hour, day;
//     "@organization"; "@picture"; "@writer"; "@aspect": begin, end,
//     happen; "@measure": number, size, percentage; "@colour": red, white, navy; "@office": premier,
//     mayor, coach, spokesperson; "@text": article, story, speech;
//     "@negative": refuse, reject, deny, stop, end, resign, cancel,
//     destroy, ban, die: verbs that say no to what they take, or end it),
//     and for each family of units below "unit of measurement", "@unit:X"
//     its units (tonne, litre, mile), "@asks:X" the nouns and adjectives
//     that ask for one (heavy, weight) and "@askv:X" the verbs (weigh), X
//     what it measures (see unitClasses).
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// maxSenses is how many of a word's tagged senses are kept.
const maxSenses = 2

// frequentVerb is the least count of tagged senses (in cntlist) of a
// verb among the most frequent ones: be, have, say, make, get, take, go,
// come, give... verbs that say little by themselves.
const frequentVerb = 500

// maxHyponyms is the most kinds a synset may have for its hyponyms to be
// written: "person" has hundreds, which say nothing of each other.
const maxHyponyms = 25

// polysemousVerb is the least number of senses of a verb that means so
// many things (hold, run, carry, draw, break) that it says little alone.
const polysemousVerb = 30

// lexnames are WordNet's lexicographer files, by number (lexnames(5WN)).
var lexnames = strings.Fields(`adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact
noun.attribute noun.body noun.cognition noun.communication noun.event noun.feeling noun.food
noun.group noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant
noun.possession noun.process noun.quantity noun.relation noun.shape noun.state noun.substance
noun.time verb.body verb.change verb.cognition verb.communication verb.competition
verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl`)

// keptLexnames are the lexicographer files written as classes: the kinds
// of things questions ask about and the verbs of saying and paying.
var keptLexnames = map[string]bool{
	"noun.Tops": true, "noun.act": true, "noun.attribute": true, "noun.cognition": true,
	"noun.communication": true, "noun.event": true, "noun.group": true, "noun.location": true,
	"noun.motive": true, "noun.object": true, "noun.person": true, "noun.possession": true,
	"noun.quantity": true, "noun.relation": true, "noun.state": true, "noun.time": true,
	"verb.communication": true, "verb.possession": true, "verb.stative": true, "verb.cognition": true,
	"adj.ppl": true,
}

// taxonomy are the lexicographer files of the sciences' names (plants,
// animals, substances, body parts, shapes, processes, pertaining
// adjectives), whose synonyms ("zymolytic", "zymotic") no news reader asks
// with; their synsets are not written as synonyms.
var taxonomy = map[string]bool{
	"noun.plant": true, "noun.animal": true, "noun.substance": true, "noun.food": true,
	"noun.body": true, "noun.shape": true, "noun.process": true, "adj.pert": true,
}

// anchor is a synset whose hyponyms make a class: a word belongs when
// one of its frequent senses (any sense, with all) lies below it.
type anchor struct {
	class string
	lemma string
	pos   string
	sense int // 1-based, as in WordNet's index
	all   bool
	below bool // only the hyponyms, not the anchor's own words
}

var anchors = []anchor{
	{"@money", "monetary unit", "n", 1, true, false}, // "30,000 pounds", "yen"
	{"@timeunit", "time unit", "n", 1, false, false},
	{"@timespan", "time unit", "n", 1, false, false},
	{"@timespan", "time period", "n", 1, false, false},
	{"@organization", "organization", "n", 1, false, false},
	{"@picture", "picture", "n", 1, false, false},
	{"@picture", "photograph", "n", 1, false, false},
	{"@writer", "writer", "n", 1, false, false},
	{"@writer", "reporter", "n", 1, false, false},
	{"@writer", "editor", "n", 1, false, false},
	{"@aspect", "begin", "v", 1, false, false}, // start, begin, launch
	{"@aspect", "begin", "v", 3, false, false},
	{"@aspect", "end", "v", 1, false, false},
	{"@aspect", "happen", "v", 1, false, false},
	{"@aspect", "open", "v", 2, false, false},          // "start to operate or function"
	{"@office", "leader", "n", 1, false, true},         // premier, president, coach, chief
	{"@office", "official", "n", 1, false, true},       // mayor, judge, secretary
	{"@office", "representative", "n", 1, false, true}, // ambassador, senator
	{"@office", "head", "n", 4, false, true},
	{"@office", "spokesperson", "n", 1, false, false},
	{"@office", "military officer", "n", 1, false, false},     // general, captain
	{"@text", "written communication", "n", 1, false, false},  // report, letter, document
	{"@text", "message", "n", 1, false, false},                // statement, story, dispatch
	{"@text", "prose", "n", 1, false, false},                  // article, editorial
	{"@text", "auditory communication", "n", 1, false, false}, // speech
	{"@measure", "measure", "n", 2, false, false},             // quantity, amount, count
	{"@measure", "magnitude", "n", 1, false, false},           // size, number, length
	{"@measure", "proportion", "n", 1, false, false},          // percentage, ratio
	{"@colour", "chromatic color", "n", 1, false, true},       // red, dark green, navy: what "what colour" asks
	{"@colour", "achromatic color", "n", 1, false, true},      // white, grey, black
	// Verbs that say no to what they take, or end it: a report that the
	// union "declined" an offer, that a club "demolished" a stand or that
	// a player "retired" answers whether they accepted, kept, still play.
	{"@negative", "refuse", "v", 1, false, false},     // refuse, decline
	{"@negative", "refuse", "v", 2, false, false},     // reject, turn down, pass up
	{"@negative", "reject", "v", 1, false, false},     // repudiate, disown, spurn
	{"@negative", "deny", "v", 1, false, false},       // deny a claim
	{"@negative", "contradict", "v", 2, false, false}, // deny, negate, dispute
	{"@negative", "oppose", "v", 1, false, false},     // oppose, contest, challenge
	{"@negative", "cease", "v", 1, false, false},      // stop, discontinue, give up, quit
	{"@negative", "end", "v", 1, false, false},        // end, stop, finish, terminate
	{"@negative", "resign", "v", 2, false, false},     // leave office, step down, retire
	{"@negative", "fail", "v", 2, false, false},       // fail, go wrong, miscarry
	{"@negative", "cancel", "v", 1, false, false},     // cancel, call off, scrap
	{"@negative", "cancel", "v", 3, false, false},     // annul, quash, revoke, overturn
	{"@negative", "destroy", "v", 1, false, false},    // destroy, demolish, dismantle
	{"@negative", "close", "v", 3, false, false},      // shut down, close down, fold
	{"@negative", "forbid", "v", 1, false, false},     // forbid, prohibit, ban, veto
	{"@negative", "abandon", "v", 2, false, false},    // abandon, give up
	{"@negative", "dismiss", "v", 4, false, false},    // fire, sack, dismiss
	{"@negative", "die", "v", 1, false, false},        // die, perish
}

type synset struct {
	lex   string
	words []string
	ptrs  []pointer
	inst  bool // an instance (a named person or place), not a class
	gloss string
}

type pointer struct {
	sym      string
	offset   string
	pos      string
	src, dst int // 1-based word numbers for lexical pointers, 0 for semantic
}

type wordnet struct {
	data    map[string]*synset             // pos:offset
	kept    map[string]map[string]bool     // pos:offset -> words whose frequent sense it is
	senses  map[string]map[string][]string // pos -> lemma -> pos:offset of each sense, in order
	counts  map[string]map[string]int      // pos -> lemma -> tagged occurrences (cntlist)
	hyponym map[string][]string            // pos:offset -> its hyponyms and instances
}

func main() {
	dir := "/usr/share/wordnet"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	poses := map[string]string{"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
	wn := &wordnet{
		data: map[string]*synset{}, kept: map[string]map[string]bool{},
		senses: map[string]map[string][]string{}, counts: map[string]map[string]int{},
		hyponym: map[string][]string{},
	}
	for name, p := range poses {
		wn.readIndex(filepath.Join(dir, "index."+name), p)
		wn.readData(filepath.Join(dir, "data."+name), p)
	}
	wn.readCounts(filepath.Join(dir, "cntlist.rev"))
	for key, ss := range wn.data {
		for _, p := range ss.ptrs {
			if p.sym == "@" || p.sym == "@i" {
				t := normPOS(p.pos) + ":" + p.offset
				wn.hyponym[t] = append(wn.hyponym[t], key)
			}
		}
	}
	var lines []string
	seen := map[string]bool{}
	emit := func(kind string, words []string) {
		words = slices.Compact(slices.Sorted(slices.Values(words)))
		if len(words) < 2 {
			return
		}
		l := kind + "\t" + strings.Join(words, "|")
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	classes := map[string][]string{}
	class := func(c, w string) { classes[c] = append(classes[c], w) }
	for key, ws := range wn.kept {
		ss := wn.data[key]
		if ss == nil {
			continue
		}
		var syn []string
		for _, w := range ss.words {
			if ws[w] || ss.inst && ss.lex == "noun.location" {
				syn = append(syn, w) // a place is all its names: Ottawa, capital of Canada
			}
		}
		if (!ss.inst || ss.lex == "noun.location") && !taxonomy[ss.lex] {
			emit("s", syn) // also "Bucharest", "capital of Romania"
		}
		for _, p := range ss.ptrs {
			tkey := normPOS(p.pos) + ":" + p.offset
			t := wn.data[tkey]
			if t == nil {
				continue
			}
			switch {
			case (p.sym == ">" || p.sym == "*") && p.src == 0:
				// A verb and what it causes or entails: kill, die; buy, pay.
				for a := range ws {
					for _, b := range t.words {
						if wn.kept[tkey][b] {
							emit("d", []string{a, b})
						}
					}
				}
			case p.sym == "=" && strings.HasPrefix(key, "a:"):
				// An adjective and the attribute it gives: heavy, weight;
				// tall, stature and height.
				for a := range ws {
					for _, b := range t.words {
						emit("t", []string{a, b})
					}
				}
			case p.sym == "!" && p.src > 0 && p.dst > 0 && p.src <= len(ss.words) && p.dst <= len(t.words):
				// Opposites: win, lose; open, close.
				if a, b := ss.words[p.src-1], t.words[p.dst-1]; ws[a] && wn.kept[tkey][b] {
					emit("a", []string{a, b})
				}
			case p.sym == "@" && strings.HasPrefix(key, "v:") && len(wn.hyponym[tkey]) <= maxHyponyms:
				// A verb is the opposite of what its broader verb's
				// opposites are: grow (increase) and fall (decrease);
				// but not every kind of change the opposite of staying.
				for _, q := range t.ptrs {
					if q.sym != "!" || q.src <= 0 || q.src > len(t.words) {
						continue
					}
					o := wn.data[normPOS(q.pos)+":"+q.offset]
					if o == nil {
						continue
					}
					for a := range ws {
						for _, b := range o.words {
							emit("a", []string{a, b}) // all of decrease's: fall too
						}
					}
				}
			case (p.sym == "+" || p.sym == "\\") && p.src > 0 && p.dst > 0 && p.src <= len(ss.words) && p.dst <= len(t.words):
				a, b := ss.words[p.src-1], t.words[p.dst-1]
				if ws[a] && wn.kept[tkey][b] {
					emit("d", []string{a, b})
				}
				if p.sym == "\\" && ws[a] && strings.HasPrefix(key, "a:") && (t.lex == "noun.location" || t.inst && t.lex == "noun.location") {
					class("adj.place", a) // Canadian: of Canada
				}
			}
		}
		for w := range ws {
			switch {
			case ss.inst && ss.lex == "noun.location":
				class("place.name", w)
			case !ss.inst && keptLexnames[ss.lex]:
				class(ss.lex, w)
			}
		}
	}
	// "y": a noun and the words one level below its frequent senses
	// (spokesperson: spokesman, spokeswoman), for general synsets of
	// not too many kinds; verbs' are manners of doing ("raise": hoist,
	// jack), not what the coverage says for them.
	for key, ws := range wn.kept {
		hs := wn.hyponym[key]
		if len(hs) == 0 || len(hs) > maxHyponyms || !strings.HasPrefix(key, "n:") || taxonomy[wn.data[key].lex] || wn.data[key].inst {
			continue
		}
		var below []string
		for _, h := range hs {
			if t := wn.data[h]; t != nil && !t.inst {
				below = append(below, t.words...)
			}
		}
		below = slices.Compact(slices.Sorted(slices.Values(below)))
		for w := range ws {
			if !strings.Contains(w, " ") && len(below) > 0 {
				l := "y\t" + w + "|" + strings.Join(slices.DeleteFunc(slices.Clone(below), func(b string) bool { return b == w }), "|")
				if !seen[l] {
					seen[l] = true
					lines = append(lines, l)
				}
			}
		}
	}
	for name := range poses {
		readExceptions(filepath.Join(dir, name+".exc"), emit)
	}
	wn.dominantPOS(class)
	for lemma, senses := range wn.senses["v"] {
		if wn.counts["v"][lemma] >= frequentVerb || len(senses) >= polysemousVerb {
			class("verb.frequent", lemma)
		}
	}
	for _, a := range anchors {
		wn.anchorClass(a, class)
	}
	wn.unitClasses(class)
	for c, ws := range classes {
		ws = slices.Compact(slices.Sorted(slices.Values(ws)))
		lines = append(lines, "c\t"+c+"\t"+strings.Join(ws, "|"))
	}
	slices.Sort(lines)
	f, err := os.Create("wordnet.txt.gz")
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# From WordNet 3.0, Copyright 2006 by Princeton University; see WORDNET-LICENSE. Written by gen.go.")
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d lines", len(lines))
}

// dominantPOS classes each single word by its part of speech: for a word
// WordNet knows in more than one, the one its tagged corpus uses most
// ("leaders" a noun, "gather" a verb), or, untagged, the one with most
// senses.
func (wn *wordnet) dominantPOS(class func(c, w string)) {
	all := map[string]bool{}
	for _, m := range wn.senses {
		for w := range m {
			all[w] = true
		}
	}
	for w := range all {
		if strings.ContainsAny(w, " -") {
			continue
		}
		best, bestN, bestS := "", -1, -1
		for _, p := range []string{"n", "v", "a", "r"} {
			s := len(wn.senses[p][w])
			if s == 0 {
				continue
			}
			c := wn.counts[p][w]
			if c > bestN || c == bestN && s > bestS {
				best, bestN, bestS = p, c, s
			}
		}
		class("pos."+best, w)
		if len(wn.senses["v"][w]) > 0 {
			class("verb", w) // has a sense as a verb, if not the main one
		}
	}
}

// anchorClass puts in a.class the words with a sense below a's synset.
func (wn *wordnet) anchorClass(a anchor, class func(c, w string)) {
	ss := wn.senses[a.pos][a.lemma]
	if len(ss) < a.sense {
		log.Fatalf("anchor %s: %s has no sense %d", a.class, a.lemma, a.sense)
	}
	below := map[string]bool{}
	var walk func(string)
	walk = func(k string) {
		if below[k] {
			return
		}
		below[k] = true
		for _, h := range wn.hyponym[k] {
			walk(h)
		}
	}
	walk(ss[a.sense-1])
	if a.below {
		delete(below, ss[a.sense-1]) // "leader" is too general to be an office
	}
	for w, keys := range wn.senses[a.pos] {
		for _, k := range keys {
			if below[k] && (a.all || wn.kept[k][w]) {
				class(a.class, w)
				break
			}
		}
	}
}

func normPOS(p string) string {
	if p == "s" {
		return "a" // adjective satellites live in data.adj
	}
	return p
}

func clean(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i] // "(a)", "(p)" adjective markers
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// readIndex marks, for each lemma of an index file, the synsets of its
// first tagged senses, and lists all its senses.
func (wn *wordnet) readIndex(path, pos string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	wn.senses[pos] = map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // licence header
		}
		fs := strings.Fields(line)
		if len(fs) < 6 {
			continue
		}
		lemma := clean(fs[0])
		pcnt, _ := strconv.Atoi(fs[3])
		i := 4 + pcnt
		if i+2 > len(fs) {
			continue
		}
		tagged, _ := strconv.Atoi(fs[i+1])
		offsets := fs[i+2:]
		for _, off := range offsets {
			wn.senses[pos][lemma] = append(wn.senses[pos][lemma], pos+":"+off)
		}
		n := min(len(offsets), max(1, min(tagged, maxSenses)))
		for _, off := range offsets[:n] {
			key := pos + ":" + off
			if wn.kept[key] == nil {
				wn.kept[key] = map[string]bool{}
			}
			wn.kept[key][lemma] = true
		}
	}
}

// readData reads the synsets of a data file: their words and pointers.
func (wn *wordnet) readData(path, pos string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		gloss := ""
		if i := strings.Index(line, " | "); i >= 0 {
			line, gloss = line[:i], line[i+3:]
		}
		fs := strings.Fields(line)
		if len(fs) < 4 {
			continue
		}
		lex, _ := strconv.Atoi(fs[1])
		wcnt, _ := strconv.ParseInt(fs[3], 16, 32)
		ss := &synset{lex: lexnames[lex], gloss: gloss}
		k := 4
		for range wcnt {
			ss.words = append(ss.words, clean(fs[k]))
			k += 2
		}
		pcnt, _ := strconv.Atoi(fs[k])
		k++
		for range pcnt {
			st := fs[k+3]
			src, _ := strconv.ParseInt(st[:2], 16, 32)
			dst, _ := strconv.ParseInt(st[2:], 16, 32)
			p := pointer{sym: fs[k], offset: fs[k+1], pos: fs[k+2], src: int(src), dst: int(dst)}
			ss.ptrs = append(ss.ptrs, p)
			ss.inst = ss.inst || p.sym == "@i"
			k += 4
		}
		wn.data[pos+":"+fs[0]] = ss
	}
}

// readCounts reads how often each sense is tagged in WordNet's corpus
// (cntlist.rev: "sense_key sense_number tag_count"), summed by lemma.
func (wn *wordnet) readCounts(path string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	byType := map[string]string{"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 {
			continue
		}
		lemma, rest, ok := strings.Cut(fs[0], "%")
		if !ok || rest == "" {
			continue
		}
		p := byType[rest[:1]]
		n, _ := strconv.Atoi(fs[2])
		if wn.counts[p] == nil {
			wn.counts[p] = map[string]int{}
		}
		wn.counts[p][clean(lemma)] += n
	}
}

// readExceptions reads the irregular forms of an exception list: "sent
// send", "men man".
func readExceptions(path string, emit func(string, []string)) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		for i := range fs {
			fs[i] = clean(fs[i])
		}
		emit("f", fs)
	}
}

// measuredLex are the lexicographer files of what a unit measures: a
// property or quantity (weight, length), a phenomenon (energy, power), a
// possession (money) or a substance (liquid).
var measuredLex = map[string]bool{
	"noun.attribute": true, "noun.quantity": true, "noun.phenomenon": true,
	"noun.possession": true, "noun.substance": true,
}

// maxSiblings is the most kinds a property may have for its kinds to be
// measured alike: "dimension" has length, width, height and thickness,
// all measured in linear units; "physical property" has weight, mass
// and temperature, which are not.
const maxSiblings = 12

// unitClasses writes, for each family of units below WordNet's "unit of
// measurement" that says what it measures ("weight unit", "volume unit";
// "linear unit": "a unit of measurement of length"), two classes:
// "@unit:NAME", the words of the units below it (tonne, litre, mile, in
// any sense: "pound" weighs and pays), and "@asks:NAME", the words that
// ask for such a figure: the measured noun's own words and kinds, its
// sibling kinds under a small parent (height and width beside length)
// and the adjectives WordNet gives it as their attribute (heavy: weight;
// far: distance); and "@askv:NAME" the verbs of a state whose gloss
// names it (weigh: "have a certain weight"). A family with fewer than two
// units below it is left out.
func (wn *wordnet) unitClasses(class func(c, w string)) {
	roots := wn.senses["n"]["unit of measurement"]
	if len(roots) == 0 {
		log.Fatal("unit classes: no unit of measurement")
	}
	root := roots[0]
	under := map[string]bool{} // the units and their families
	var down func(string, map[string]bool)
	down = func(k string, m map[string]bool) {
		for _, h := range wn.hyponym[k] {
			if !m[h] {
				m[h] = true
				down(h, m)
			}
		}
	}
	down(root, under)
	above := map[string]bool{} // what a unit is: measure, quantity, amount
	var up func(string)
	up = func(k string) {
		for _, p := range wn.data[k].ptrs {
			if pk := normPOS(p.pos) + ":" + p.offset; p.sym == "@" && !above[pk] {
				above[pk] = true
				up(pk)
			}
		}
	}
	up(root)
	// measured reports a noun whose first sense is a property, quantity,
	// phenomenon, possession or substance, and neither a unit ("angstrom
	// unit") nor what a unit is ("measure").
	measured := func(x string) bool {
		ss := wn.senses["n"][x]
		if len(ss) == 0 || wn.data[ss[0]] == nil || !measuredLex[wn.data[ss[0]].lex] {
			return false
		}
		return !under[ss[0]] && !above[ss[0]] && ss[0] != root
	}
	// A family is a synset of two or more units: it measures the nouns
	// its words or gloss name, or else the one most of its units'
	// glosses name ("kilometre: a metric unit of length"); its units are the
	// words below it, and below any family above it that says what it
	// measures, so that what a "liquid unit" measures is measured in
	// any volume unit (litre), but a "metric weight unit" not in any
	// metric unit.
	below := map[string]map[string]bool{}
	measures := map[string][]string{}
	own := map[string]bool{} // measures what its words or gloss say
	for k := range under {
		b := map[string]bool{}
		down(k, b)
		if len(b) < 2 {
			continue
		}
		below[k] = b
		xs := wn.measuredBy(k, measured)
		own[k] = len(xs) > 0
		if len(xs) == 0 {
			// What most of its units' glosses say they measure; a
			// family of many measures ("metric unit") measures none.
			count, all := map[string]int{}, 0
			for u := range b {
				for _, x := range wn.measuredBy(u, measured) {
					count[x]++
					all++
				}
			}
			for x, n := range count {
				if n >= 2 && 2*n > all {
					xs = append(xs, x)
				}
			}
		}
		measures[k] = xs
	}
	type family struct{ units map[string]bool }
	fams := map[string]*family{} // by measured noun
	for k, xs := range measures {
		for _, x := range xs {
			f := fams[x]
			if f == nil {
				f = &family{units: map[string]bool{}}
				fams[x] = f
			}
			for a := k; a != root && under[a]; {
				for u := range below[a] {
					if a != k && !own[a] {
						break // "metric unit" measures nothing
					}
					for _, w := range wn.data[u].words {
						f.units[w] = true
					}
				}
				next := ""
				for _, p := range wn.data[a].ptrs {
					if p.sym == "@" {
						next = normPOS(p.pos) + ":" + p.offset
						break
					}
				}
				a = next
			}
		}
	}
	owner := map[string]string{} // a measured noun's synset -> its family
	first := map[string]bool{}   // and its first sense
	for name := range fams {
		for i, k := range wn.senses["n"][name] {
			if measuredLex[wn.data[k].lex] {
				owner[k] = name
				first[k] = first[k] || i == 0
			}
		}
	}
	for name, f := range fams {
		if len(f.units) < 2 {
			continue // "poise": a family of one says little
		}
		for w := range f.units {
			class("@unit:"+name, w)
		}
		asks := map[string]bool{}
		for k, o := range owner {
			if o != name {
				continue
			}
			asks[k] = true
			for _, h := range wn.hyponym[k] {
				asks[h] = true // its kinds: altitude, diameter, heaviness
			}
			for _, p := range wn.data[k].ptrs {
				kids := wn.hyponym[normPOS(p.pos)+":"+p.offset]
				if p.sym != "@" || !first[k] || len(kids) > maxSiblings || slices.ContainsFunc(kids, func(c string) bool { return owner[c] != "" && owner[c] != name }) {
					continue
				}
				for _, c := range kids {
					asks[c] = true // height and width beside length
				}
			}
		}
		words, verbs := map[string]bool{}, map[string]bool{}
		for k := range asks {
			for _, w := range wn.data[k].words {
				if wn.kept[k][w] || owner[k] == name {
					words[w] = true
				}
			}
		}
		for key, ss := range wn.data {
			switch {
			case strings.HasPrefix(key, "a:"):
				// Adjectives whose attribute it is: heavy, far, deep.
				for _, p := range ss.ptrs {
					if p.sym == "=" && asks[normPOS(p.pos)+":"+p.offset] {
						for w := range wn.kept[key] {
							words[w] = true
						}
					}
				}
			case ss.lex == "verb.stative" && len(wn.kept[key]) > 0:
				// Verbs of a state whose gloss names it: weigh ("have a
				// certain weight"), not a noun as well ("count": "have
				// weight"), which asks for other things.
				if slices.Contains(glossWords(ss.gloss), name) {
					for w := range wn.kept[key] {
						if len(wn.senses["n"][w]) == 0 {
							verbs[w] = true
						}
					}
				}
			}
		}
		for w := range words {
			class("@asks:"+name, w)
		}
		for w := range verbs {
			class("@askv:"+name, w) // asked by the question's verb
		}
	}
}

// glossWords splits a gloss into its lower-case words, up to its first
// example.
func glossWords(gloss string) []string {
	gloss, _, _ = strings.Cut(gloss, ";")
	return strings.FieldsFunc(strings.ToLower(gloss), func(r rune) bool { return (r < 'a' || r > 'z') && r != '-' })
}

// measuredBy returns the nouns a family of units says it measures: the
// noun before "unit" or "measure" in its words ("weight unit", "capacity
// measure"), or else the noun after "unit of" in its gloss ("a unit of
// measurement of length", "a unit of money"), as measured reports them.
func (wn *wordnet) measuredBy(k string, measured func(string) bool) []string {
	var out []string
	for _, w := range wn.data[k].words {
		for _, suf := range []string{" unit", " measure"} {
			if x, ok := strings.CutSuffix(w, suf); ok && measured(x) && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	gl := glossWords(wn.data[k].gloss)
	for i := 0; i+2 < len(gl); i++ {
		if gl[i] != "unit" {
			continue
		}
		j := i + 1
		if gl[j] == "of" && j+2 < len(gl) && gl[j+1] == "measurement" {
			j += 2
		}
		if (gl[j] == "of" || gl[j] == "for") && measured(gl[j+1]) {
			return []string{gl[j+1]}
		}
		break
	}
	return nil
}
