package llm

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// markerGroup matches one citation marker: [1], [1, 2], [1-3]. Numbers
// have at most three digits so that a bracketed year is left alone.
var markerGroup = regexp.MustCompile(`\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]`)

// markerRun matches adjacent markers ([1][2], [1] [2], [1], [2]) as one run.
var markerRun = regexp.MustCompile(markerGroup.String() + `(?:[ \t]*,?[ \t]*` + markerGroup.String() + `)*`)

// refusal matches the agreed refusal, however it is spelled.
var refusal = regexp.MustCompile(`(?i)\bthe coverage (?:doesn['’]?t|does not) say\b`)

// markerNumbers returns the numbers of a marker run, ranges expanded.
func markerNumbers(run string) []int {
	var ns []int
	for _, g := range markerGroup.FindAllString(run, -1) {
		g = strings.Trim(g, "[] \t")
		for part := range strings.FieldsFuncSeq(g, func(r rune) bool { return r == ',' || r == ';' }) {
			lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
			a, err := strconv.Atoi(strings.TrimSpace(lo))
			if err != nil {
				continue
			}
			b := a
			if isRange {
				if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a || b-a > 20 {
					b = a
				}
			}
			for n := a; n <= b; n++ {
				ns = append(ns, n)
			}
		}
	}
	return ns
}

// rewriteMarkers replaces every marker run of text by repl(numbers); an
// empty replacement removes the run and the blank before it.
func rewriteMarkers(text string, repl func(ns []int) string) string {
	var b strings.Builder
	last := 0
	for _, m := range markerRun.FindAllStringIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		last = m[1]
		r := repl(markerNumbers(text[m[0]:m[1]]))
		if r != "" {
			b.WriteString(r)
			continue
		}
		// Removing "claim [7]." must give "claim.", and "[7] Claim" at
		// the start of a line must give "Claim".
		kept := strings.TrimRight(b.String(), " \t")
		b.Reset()
		b.WriteString(kept)
		if kept == "" || strings.HasSuffix(kept, "\n") {
			for last < len(text) && (text[last] == ' ' || text[last] == '\t') {
				last++
			}
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// stripMarkers removes all citation markers of text.
func stripMarkers(text string) string {
	return strings.TrimSpace(rewriteMarkers(text, func([]int) string { return "" }))
}

// citedAnswer turns the model's raw text into the Answer: markers that
// point at no passage are dropped, the rest renumbered in order of first
// use, and each cited passage quoted at its sentence closest to the
// answer's claims.
func citedAnswer(req bot.Request, raw string) bot.Answer {
	a := bot.Answer{Question: req.Question, Mode: bot.ModeLLM, Passages: req.Passages}
	var order []int        // passage indexes (0-based) in order of first citation
	renum := map[int]int{} // passage index -> new number
	// The markers kept are written as placeholders (NUL, number, NUL)
	// until the end: dropping the others can join the text around them
	// into a marker the model never wrote ("[ [7] 3]" gives "[ 3]"), and
	// such leftovers must be told from the kept ones to be dropped too.
	raw = strings.ReplaceAll(raw, "\x00", "")
	text := rewriteMarkers(raw, func(ns []int) string {
		var out []int
		for _, n := range ns {
			if n < 1 || n > len(req.Passages) {
				continue
			}
			nn, ok := renum[n-1]
			if !ok {
				order = append(order, n-1)
				nn = len(order)
				renum[n-1] = nn
			}
			out = append(out, nn)
		}
		slices.Sort(out)
		var b strings.Builder
		for _, n := range slices.Compact(out) {
			fmt.Fprintf(&b, "\x00%d\x00", n)
		}
		return b.String()
	})
	for markerRun.MatchString(text) { // each pass shortens text
		text = rewriteMarkers(text, func([]int) string { return "" })
	}
	text = strings.TrimSpace(keptMarker.ReplaceAllString(text, "[$1]"))

	if refusal.MatchString(text) && (len(order) == 0 || isBareRefusal(text)) {
		a.Text = stripMarkers(text)
		a.Refused = true
		return a
	}
	a.Text = text
	if len(order) == 0 {
		a.Note = bot.NoCitationNote
		return a
	}
	claims := claimsByCitation(text)
	for i, pi := range order {
		p := req.Passages[pi]
		quote, lines := bestQuote(p.Chunk, claims[i+1])
		a.Citations = append(a.Citations, bot.Citation{N: i + 1, Source: p.Source, Title: p.Title, Lines: lines, Quote: quote})
	}
	return a
}

// isBareRefusal reports whether text says nothing but the refusal.
func isBareRefusal(text string) bool {
	rest := refusal.ReplaceAllString(stripMarkers(text), "")
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
}

// keptMarker is the placeholder of a marker citedAnswer keeps.
var keptMarker = regexp.MustCompile("\x00(\\d+)\x00")

// citeMarker matches one renumbered marker.
var citeMarker = regexp.MustCompile(`\[(\d+)\]`)

// claimsByCitation maps each marker number of text to the terms of the
// sentences it supports. A marker opening a sentence ("troops. [1] Then")
// belongs to the sentence before it.
func claimsByCitation(text string) map[int][]string {
	claims := map[int][]string{}
	spans := retrieval.SplitSentences(text)
	for i, sp := range spans {
		sentence := text[sp.Start:sp.End]
		for _, m := range citeMarker.FindAllStringSubmatchIndex(sentence, -1) {
			n, _ := strconv.Atoi(sentence[m[2]:m[3]])
			target := sentence
			lead := strings.TrimSpace(citeMarker.ReplaceAllString(sentence[:m[0]], ""))
			if i > 0 && strings.IndexFunc(lead, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
				target = text[spans[i-1].Start:spans[i-1].End]
			}
			claims[n] = append(claims[n], retrieval.Terms(stripMarkers(target))...)
		}
	}
	return claims
}

// bestQuote returns the sentence of c sharing the most distinct terms with
// claim (the first one on a tie), verbatim, and its lines in the source.
func bestQuote(c retrieval.Chunk, claim []string) (string, [2]int) {
	want := map[string]bool{}
	for _, t := range claim {
		want[t] = true
	}
	spans := retrieval.SplitSentences(c.Text)
	if len(spans) == 0 {
		trimmed := strings.TrimSpace(c.Text)
		start := strings.Index(c.Text, trimmed)
		spans = []retrieval.Span{{Start: start, End: start + len(trimmed)}}
	}
	best, bestScore := spans[0], -1
	for _, sp := range spans {
		seen := map[string]bool{}
		score := 0
		for _, t := range retrieval.Terms(c.Text[sp.Start:sp.End]) {
			if want[t] && !seen[t] {
				seen[t] = true
				score++
			}
		}
		if score > bestScore {
			best, bestScore = sp, score
		}
	}
	last := max(best.End-1, best.Start)
	lines := [2]int{
		c.FirstLine + retrieval.LineAt(c.Text, best.Start) - 1,
		c.FirstLine + retrieval.LineAt(c.Text, last) - 1,
	}
	return c.Text[best.Start:best.End], lines
}
