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
// one relation between words: "d" words derived one from the other
// (decide, decision; Afghan, Afghanistan), "f" the irregular forms of a
// word (sent, send). WordNet's synsets ("s") and instances ("i") are left
// out: measured on the evaluation sets, their rarer senses cost more
// answers than they won ("minister" is also a parson).
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

type synset struct {
	words []string
	ptrs  []pointer
}

type pointer struct {
	sym      string
	offset   string
	pos      string
	src, dst int // 1-based word numbers for lexical pointers, 0 for semantic
}

func main() {
	dir := "/usr/share/wordnet"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	poses := map[string]string{"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
	kept := map[string]map[string]bool{} // pos:offset -> words whose frequent sense it is
	data := map[string]*synset{}         // pos:offset
	for name, p := range poses {
		readIndex(filepath.Join(dir, "index."+name), p, kept)
		readData(filepath.Join(dir, "data."+name), p, data)
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
	for key, ws := range kept {
		ss := data[key]
		if ss == nil {
			continue
		}
		for _, p := range ss.ptrs {
			tkey := normPOS(p.pos) + ":" + p.offset
			t := data[tkey]
			if t == nil {
				continue
			}
			switch {
			case (p.sym == "+" || p.sym == "\\") && p.src > 0 && p.dst > 0 && p.src <= len(ss.words) && p.dst <= len(t.words):
				a, b := ss.words[p.src-1], t.words[p.dst-1]
				if ws[a] && kept[tkey][b] {
					emit("d", []string{a, b})
				}

			}
		}
	}
	for name := range poses {
		readExceptions(filepath.Join(dir, name+".exc"), emit)
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
	log.Printf("wrote %d relations", len(lines))
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
// first tagged senses.
func readIndex(path, pos string, kept map[string]map[string]bool) {
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
		n := min(len(offsets), max(1, min(tagged, maxSenses)))
		for _, off := range offsets[:n] {
			key := pos + ":" + off
			if kept[key] == nil {
				kept[key] = map[string]bool{}
			}
			kept[key][lemma] = true
		}
	}
}

// readData reads the synsets of a data file: their words and pointers.
func readData(path, pos string, data map[string]*synset) {
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
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) < 4 {
			continue
		}
		wcnt, _ := strconv.ParseInt(fs[3], 16, 32)
		ss := &synset{}
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
			ss.ptrs = append(ss.ptrs, pointer{sym: fs[k], offset: fs[k+1], pos: fs[k+2], src: int(src), dst: int(dst)})
			k += 4
		}
		data[pos+":"+fs[0]] = ss
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
