package extractive

// This file finds the speakers that speakersIn, which also serves single
// answers, leaves out: a surname alone whose full name another article
// gives, a name after its title and a comma ("said the tournament
// director, Henrik Aas"), a name with an appositive before its verb
// ("Anita Rowe, who runs a market garden, called it ..."), and the
// interviewee of a question-and-answer interview.

import (
	"slices"
	"strings"
)

// maxAppositive is the most words an appositive between a name and its
// verb, or a title between a verb and its name, runs to.
const maxAppositive = 12

// coverageNames maps each surname that some article gives in full to
// that full name, over the whole coverage.
func (lx *lexicon) coverageNames(articles []coverageArticle) map[string]string {
	out := make(map[string]string)
	for _, a := range articles {
		for sn, full := range lx.fullNames(a.sents) {
			if _, ok := out[sn]; !ok {
				out[sn] = full
			}
		}
	}
	return out
}

// moreSpeakers returns the surnames, lower-cased, of the speakers of s
// that speakersIn does not find, and the full names it reads for them.
// known holds the coverage's full names by surname.
func (lx *lexicon) moreSpeakers(s *passageSentence, known map[string]string) ([]string, map[string]string) {
	toks := s.toks
	var out []string
	names := make(map[string]string)
	add := func(sn, full string) {
		for _, o := range out {
			if o == sn {
				return
			}
		}
		out = append(out, sn)
		if full != "" {
			names[sn] = full
		}
	}
	// "Gallacher, who has led the count since 2012, said": a surname the
	// coverage gives in full, opening the sentence, where namesIn leaves
	// a lone name out.
	if len(toks) > 2 && isProperWord(toks[0]) && known[toks[0].lower] != "" {
		if j := lx.afterAppositive(s, 0); j > 0 && j < len(toks) && lx.isReportingVerb(toks[j].lower) {
			add(toks[0].lower, "")
		}
	}
	for _, n := range lx.namesIn(s) {
		sn := n.surname(toks)
		if !n.full() && known[sn] == "" || isWeekday(toks[n.last].lower) || n.endsInMonth(toks) {
			continue
		}
		if k := n.first - 1; k >= 0 && (isPlacePreposition(toks[k].lower) || toks[k].lower == "of" || toks[k].lower == "on") {
			continue
		}
		// "Abernethy said", where another article names her in full.
		if !n.full() && (n.speaker || lx.reportsAfter(toks, n.last)) {
			add(sn, "")
			continue
		}
		// "Anita Rowe, who runs a market garden near Caldbeck, called the
		// summer "the worst in living memory"", "Lind criticised the
		// descent as "reckless"": a verb of the name's, then their words.
		j := lx.afterAppositive(s, n.last)
		if j == 0 {
			if j = n.last + 1; j < len(toks) && isAuxiliary(toks[j].lower) {
				j++
			}
		}
		if j < len(toks) && (lx.isReportingVerb(toks[j].lower) || hasQuotation(s.text[toks[j].start:]) && lx.pos(toks[j].lower) == wcVerb) {
			add(sn, "")
		}
	}
	// "said the tournament director, Henrik Aas", "said Emeka Obi, a
	// hydrologist": the name after the verb, read from the words alone.
	for k, tk := range toks {
		if !lx.isReportingVerb(tk.lower) {
			continue
		}
		p := k + 1
		for p < len(toks) && p-k <= maxAppositive && !isProperWord(toks[p]) {
			w := toks[p]
			if w.digits > 0 || lx.pos(w.lower) == wcVerb || isWeekday(w.lower) || isPlacePreposition(w.lower) || w.lower == "that" || w.lower == "on" {
				p = len(toks)
				break
			}
			p++
		}
		if p >= len(toks) || p > k+1 && !strings.Contains(s.text[toks[p-1].end:toks[p].start], ",") {
			continue // words between the verb and the name end with a comma: an appositive title
		}
		q := properRun(s, p)
		for q+1 < len(toks) && possessive(s.text[toks[q].end-min(2, toks[q].end-toks[q].start):]) {
			// "said Team Vireo's Jonas Berg": the name after the team's.
			r := q + 1
			if !isProperWord(toks[r]) && r+1 < len(toks) {
				r++ // the "s" of the possessive, read as a word
			}
			if !isProperWord(toks[r]) {
				break
			}
			p, q = r, properRun(s, r)
		}
		for p < q && (lx.isTitleAt(s, p) || isHonorific(toks[p].lower)) {
			p++
		}
		if rest := strings.TrimSpace(s.text[toks[q].end:]); rest != "" && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ".") {
			continue // "said Harrow Water's ...", "said Sarkozy has signalled"
		}
		sn := toks[q].lower
		switch {
		case q > p && lx.th != nil && lx.th.Known(toks[p].lower) && lx.isOrgWord(sn):
			// "said Harrow Water": a first word English knows and an
			// organisation's last, not a person.
		case q > p:
			add(sn, s.text[toks[p].start:toks[q].end])
		case known[sn] != "":
			add(sn, "")
		}
		break
	}
	return out, names
}

// afterAppositive returns the word after an appositive that follows the
// name ending at last (", who runs a market garden near Caldbeck,"), and
// after an auxiliary; 0 when there is none.
func (lx *lexicon) afterAppositive(s *passageSentence, last int) int {
	toks := s.toks
	if last+1 >= len(toks) || !strings.HasPrefix(s.text[toks[last].end:toks[last+1].start], ",") {
		return 0
	}
	for j := last + 2; j < len(toks) && j-last <= maxAppositive; j++ {
		if strings.Contains(s.text[toks[j-1].end:toks[j].start], ",") {
			if isAuxiliary(toks[j].lower) && j+1 < len(toks) {
				j++
			}
			return j
		}
	}
	return 0
}

// interviewee returns the surname, lower-cased, of the person a
// question-and-answer interview questions: an article with questions set
// apart in bold or after "Q:", whose introduction names that person in
// full; "" for other articles.
func (lx *lexicon) interviewee(a coverageArticle) string {
	questions := 0
	for _, s := range a.sents {
		if isInterviewQuestion(s.text) {
			questions++
		}
	}
	if questions < 2 {
		return ""
	}
	// The person the introduction names in full, the one the title
	// names first ("Q&A with Lakemoor's Harriet Oyelaran"), not the
	// hospital she runs.
	var first string
	title := strings.ToLower(a.info.Title)
	for _, s := range a.sents {
		if s.headline || s.byline || s.caption {
			continue
		}
		if isInterviewQuestion(s.text) {
			break
		}
		for _, n := range lx.namesIn(s) {
			sn := n.surname(s.toks)
			if !n.full() || lx.isOrgWord(sn) && !strings.Contains(title, sn) || lx.is(sn, wcPlaceNoun|wcPlaceName) {
				continue
			}
			if strings.Contains(title, sn) {
				return sn
			}
			if first == "" {
				first = sn
			}
		}
	}
	return first
}

// isInterviewQuestion reports an interviewer's question: a question in
// bold ("**Will there be a ban?**") or after "Q:".
func isInterviewQuestion(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "**") && strings.Contains(t, "?") || strings.HasPrefix(t, "Q:") || strings.HasPrefix(t, "Q.")
}

// properRun returns the last word of the run of capitalised words,
// written next to each other, that starts at word p.
func properRun(s *passageSentence, p int) int {
	q := p
	for q+1 < len(s.toks) && (isProperWord(s.toks[q+1]) || namedLikeMonth(s.toks[q+1])) && joinedBySpace(s.text, s.toks[q], s.toks[q+1]) {
		q++
	}
	return q
}

// possessive reports whether text, the end of a word and what follows
// it, holds a possessive "'s".
func possessive(text string) bool {
	for _, p := range []string{"'s ", "’s "} {
		if i := strings.Index(text, p); i >= 0 && i <= 2 {
			return true
		}
	}
	return false
}

// saidFirst puts first, for "What did X say about Y?", the candidates
// that quote X or report X saying something, when some do and score
// near the best: a sentence that only names X ("Her album will be
// produced by Tomasz Wilk") says nothing X said.
func (e *Answerer) saidFirst(q questionInfo, cands []*scoredSentence) []*scoredSentence {
	lx := e.lexicon
	if len(cands) == 0 || !q.words["what"] {
		return cands
	}
	saying := false
	for w := range q.words {
		saying = saying || lx.isReportingVerb(w)
	}
	if !saying {
		return cands
	}
	var names []string
	for _, t := range q.terms {
		if t.name && !t.given {
			names = append(names, t.word)
		}
	}
	if len(names) == 0 {
		return cands
	}
	said := func(s *passageSentence) bool {
		who := lx.speakersIn(s, pronounSpeaker)
		known := make(map[string]string, len(s.fullNames))
		for sn := range s.fullNames {
			known[sn] = sn // a surname its article gives in full
		}
		more, _ := lx.moreSpeakers(s, known)
		who = append(who, more...)
		if slices.Contains(who, pronounSpeaker) && s.prev != nil && slices.ContainsFunc(names, func(n string) bool {
			return slices.ContainsFunc(s.prev.toks, func(tk textWord) bool { return tk.lower == n })
		}) {
			return true // "he said", after a sentence naming him
		}
		return slices.ContainsFunc(names, func(n string) bool { return slices.Contains(who, n) })
	}
	top := cands[0].score
	var first, rest []*scoredSentence
	for _, c := range cands {
		if c.score >= roleKeep*top && said(c.s) {
			first = append(first, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(first) == 0 || first[0] == cands[0] {
		return cands
	}
	return append(first, rest...)
}
