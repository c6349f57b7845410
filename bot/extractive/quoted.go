package extractive

// This file finds who the coverage quotes, and what they said.

import (
	"fmt"
	"slices"
	"strings"
)

// maxQuotesEach is the most sentences quoted for one person.
const maxQuotesEach = 2

// maxOffices is the most offices given beside a person's name: what they
// were when first and when last quoted, say.
const maxOffices = 3

// speaker is a person the coverage quotes.
type speaker struct {
	name  string             // in full when an article gives it
	key   string             // surname, lower-cased
	said  []*passageSentence // what they said, in the order found
	quote bool               // some of it in quotation marks
}

// quoted lists the people the articles quote, each with what they said.
func (e *Answerer) quoted(articles []coverageArticle, c *citer, roles ...string) string {
	lx := e.lexicon
	var people []*speaker
	byKey := make(map[string]*speaker)
	known := lx.coverageNames(articles)
	for _, a := range articles {
		full := lx.fullNames(a.sents)
		last := ""      // the speaker a "he said" refers to
		answering := "" // the interviewee, once the first question is asked
		qa := lx.interviewee(a)
		for _, s := range a.sents {
			if s.headline || s.byline || s.caption {
				continue
			}
			if isInterviewQuestion(s.text) {
				answering = qa
				continue
			}
			who := lx.speakersIn(s, last)
			more, read := lx.moreSpeakers(s, known)
			for _, m := range more {
				if !slices.Contains(who, m) {
					who = append(who, m)
				}
			}
			if len(who) == 0 && answering != "" {
				who = []string{answering} // an answer of the interview
			}
			for _, who := range who {
				last = who
				name := who
				if f := full[who]; f != "" {
					name = f
				} else if f := read[who]; f != "" {
					name = f
				} else if f := known[who]; f != "" {
					name = f
				}
				p := byKey[who]
				if p == nil {
					p = &speaker{name: name, key: who}
					byKey[who] = p
					people = append(people, p)
				}
				if len(strings.Fields(name)) > len(strings.Fields(p.name)) {
					p.name = name
				}
				if !slices.Contains(p.said, s) {
					p.said = append(p.said, s)
					p.quote = p.quote || hasQuotation(s.text)
				}
			}
		}
	}
	// A company or an agency that "said" something is no person quoted.
	people = slices.DeleteFunc(people, func(p *speaker) bool { return lx.organisation(articles, p.name) })
	var all []*passageSentence
	for _, a := range articles {
		all = append(all, a.sents...)
	}
	people = lx.ofRoles(people, all, roles, e.terms.Terms) // "which analysts are quoted"
	if len(people) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The coverage quotes %d %s:", len(people), plural(len(people), "person", "people"))
	for _, p := range people {
		fmt.Fprintf(&b, "\n- %s", p.name)
		if o := lx.offices(all, p.name); len(o) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(o[:min(len(o), maxOffices)], "; "))
		}
		b.WriteString(":")
		// One statement from each article that quotes them (what they
		// said at different times), then a second from the first; their
		// words in quotation marks before a paraphrase of them.
		var picked []*passageSentence
		bySource := make(map[string]int)
		for round := 0; round < 2; round++ {
			for _, want := range []bool{true, false} {
				for _, s := range p.said {
					if hasQuotation(s.text) != want || slices.Contains(picked, s) || bySource[s.source] > round {
						continue
					}
					if round > 0 && containsSentence(picked, s) {
						continue // a copy's words cite its article once, beside the first
					}
					if round > 0 && len(picked) >= maxQuotesEach {
						continue
					}
					bySource[s.source]++
					picked = append(picked, s)
				}
			}
		}
		slices.SortStableFunc(picked, func(x, y *passageSentence) int {
			return slices.Index(p.said, x) - slices.Index(p.said, y)
		})
		// A republished copy's same words are quoted once, citing both.
		for i, s := range picked {
			if slices.ContainsFunc(picked[:i], func(o *passageSentence) bool { return o.text == s.text }) {
				continue
			}
			if o := quoteOpener(s); o != nil && !slices.Contains(picked, o) {
				// A quotation across sentences is quoted from its start.
				b.WriteString(" " + quote(o) + " " + c.cite(o))
			}
			b.WriteString(" " + quote(s) + " " + c.cite(s))
			for _, o := range picked[i+1:] {
				if o.text == s.text {
					b.WriteString(c.cite(o))
				}
			}
		}
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func containsSentence(list []*passageSentence, s *passageSentence) bool {
	for _, o := range list {
		if o == s || o.text == s.text {
			return true
		}
	}
	return false
}

// quoteOpener returns the sentence before s that opens the quotation s
// closes ("\"Eastmere wants to automate. We will not let 450 families
// pay for that,\" Pugh told supporters"), or nil.
func quoteOpener(s *passageSentence) *passageSentence {
	o := s.prev
	if o == nil || o.source != s.source || !closesQuote(s.text) || !opensQuote(o.text) {
		return nil
	}
	return o
}

// closesQuote reports a sentence that ends a quotation it did not open:
// an odd number of quotation marks, the first a closing one.
func closesQuote(text string) bool {
	i := strings.IndexAny(text, "\"“”")
	if i < 0 || quoteMarks(text)%2 == 0 {
		return false
	}
	return strings.HasPrefix(text[i:], "”") || strings.TrimSpace(text[:i]) != ""
}

// opensQuote reports a sentence that opens a quotation it does not
// close.
func opensQuote(text string) bool {
	t := strings.TrimSpace(text)
	return quoteMarks(t)%2 == 1 && (strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“"))
}

func quoteMarks(text string) int {
	return strings.Count(text, "\"") + strings.Count(text, "“") + strings.Count(text, "”")
}

// hasQuotation reports whether text holds words in quotation marks.
func hasQuotation(text string) bool {
	return strings.ContainsAny(text, "\"“”")
}

// fullNames maps each surname an article gives in full to the full name
// ("appathurai" -> "James Appathurai").
func (lx *lexicon) fullNames(sents []*passageSentence) map[string]string {
	out := make(map[string]string)
	for _, s := range sents {
		for _, n := range lx.namesIn(s) {
			if !n.full() {
				continue
			}
			sn := n.surname(s.toks)
			if _, ok := out[sn]; !ok {
				out[sn] = s.text[s.toks[n.first].start:s.toks[n.last].end]
			}
		}
	}
	return out
}

// speakersIn returns the surnames, lower-cased, of the people s quotes or
// reports as saying something: "Appathurai said", "Harper has said",
// "Judge Miriam Solberg of the provincial court said", "said Gareth Pryce",
// "quoted Rasmussen as saying"; "he said" is last, the speaker before.
func (lx *lexicon) speakersIn(s *passageSentence, last string) []string {
	toks := s.toks
	var out []string
	add := func(who string) {
		for _, o := range out {
			if o == who {
				return
			}
		}
		out = append(out, who)
	}
	names := lx.namesIn(s)
	for _, n := range names {
		if isWeekday(toks[n.last].lower) || n.endsInMonth(toks) {
			continue
		}
		if k := n.first - 1; k >= 0 && joinedBySpace(s.text, toks[k], toks[n.first]) && (isPlacePreposition(toks[k].lower) || toks[k].lower == "of" || toks[k].lower == "on") {
			// "the Government at Buenos Ayres declared": a place, not a
			// speaker; but "let the gulls in," Wilk said" is Wilk's.
			continue
		}
		if (n.speaker || lx.reportsAfter(toks, n.last)) && (n.full() || s.fullNames[n.surname(toks)]) {
			add(n.surname(toks))
		}
	}
	for k, tk := range toks {
		if !lx.isReportingVerb(tk.lower) && tk.lower != "quoted" && tk.lower != "according" {
			continue
		}
		// "said Foreign Minister Lawrence Cannon", "quoted Rasmussen as
		// saying", "according to Fire Chief Dana Okafor".
		for _, n := range names {
			if n.first > k && n.first <= k+5 && !n.speaker && (titlesBetween(toks, k, n.first) || lx.officeBetween(toks, k, n.first)) && (tk.lower != "quoted" || quotedAs(toks, n.last)) &&
				(n.full() || s.fullNames[n.surname(toks)]) && !subjectOfClause(s.text, toks, n.last) {
				add(n.surname(toks))
				break
			}
		}
		if last != "" && k+1 < len(toks) && (tk.lower == "quoted" || k > 0) {
			// "he said", "quoted him as saying": the speaker before.
			prev, next := "", toks[min(k+1, len(toks)-1)].lower
			if k > 0 {
				prev = toks[k-1].lower
			}
			if isPronoun(prev) && tk.lower != "quoted" || tk.lower == "quoted" && isPronoun(next) {
				add(last)
			}
		}
	}
	if len(out) == 0 && last != "" && isOnlyQuote(s.text) {
		// A paragraph that is only a quotation continues the speaker
		// before it: wire copy sets each quoted sentence apart.
		add(last)
	}
	return out
}

// subjectOfClause reports whether a verb follows the name ending at last,
// which makes it the subject of what was said ("said Sarkozy has
// signalled") rather than the one saying it ("said Gareth Pryce, the
// union's president").
func subjectOfClause(text string, toks []textWord, last int) bool {
	if last+1 >= len(toks) || strings.ContainsAny(text[toks[last].end:toks[last+1].start], ",;:") {
		return false
	}
	next := toks[last+1]
	if next.upper {
		return false
	}
	switch next.lower {
	case "as", "of", "in", "on", "at", "to", "during", "after", "before", "from", "for", "who", "when", "while", "with", "and":
		return false
	}
	return true
}

// titlesBetween reports whether only the words of a title ("Foreign
// Minister", "the union's president") stand between a reporting verb at
// k and the name starting at first: "said Foreign Minister Lawrence
// Cannon", not "said on Thursday France".
func titlesBetween(toks []textWord, k, first int) bool {
	for _, t := range toks[k+1 : first] {
		if !t.upper && !isDeterminer(t.lower) {
			return false
		}
		if isWeekday(t.lower) || monthName(t) != "" {
			return false
		}
	}
	return true
}

// isOnlyQuote reports whether text is wholly in quotation marks.
func isOnlyQuote(text string) bool {
	t := strings.TrimSpace(text)
	return (strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“")) && (strings.HasSuffix(t, "\"") || strings.HasSuffix(t, "”"))
}

// quotedAs reports whether "as saying" follows a name after "quoted".
func quotedAs(toks []textWord, last int) bool {
	return last+2 < len(toks) && toks[last+1].lower == "as" && toks[last+2].lower == "saying"
}

// reportsAfter reports whether a reporting verb follows the name ending
// at last: after an auxiliary ("has said"), or after the appositive that
// places the speaker ("of the provincial court said", ", president of
// Local 88, said").
func (lx *lexicon) reportsAfter(toks []textWord, last int) bool {
	k := last + 1
	if k < len(toks) && isAuxiliary(toks[k].lower) {
		k++
	}
	if k < len(toks) && lx.isReportingVerb(toks[k].lower) {
		return true
	}
	if last+1 < len(toks) && toks[last+1].lower == "of" {
		for j := last + 2; j < min(len(toks), last+9); j++ {
			if lx.isReportingVerb(toks[j].lower) {
				return true
			}
		}
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "him", "her", "they", "them":
		return true
	}
	return false
}
