package extractive

// This file tells what the coverage says of a name that is quoted: whether
// it is a person at all ("Halvorsen Therapeutics said" is the company
// speaking), and the office an article gives the person ("said chief
// executive Ingrid Solvik", "Priya Natarajan, an analyst at Arbroath
// Securities", "Duncan Maclaren of the fishermen's association").

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// organisation reports whether the coverage writes of the quoted name
// full as of a body rather than a person: it "said it would" (a person
// is "he" or "she"), or its first word stands alone as a name outside
// quotation marks ("Kelderwick shares fell", "joined Kelderwick in
// 2015"), as a person's given name does not in news copy.
func (lx *lexicon) organisation(articles []coverageArticle, full string) bool {
	parts := strings.Fields(strings.ToLower(full))
	if len(parts) < 2 {
		return false
	}
	for _, a := range articles {
		for _, s := range a.sents {
			if s.byline || s.headline || firstPerson(s) {
				continue // an interviewee speaks of "Tomasz" as a friend
			}
			toks := s.toks
			for i := 0; i < len(toks); i++ {
				if toks[i].lower != parts[0] || !toks[i].upper || inQuotation(s.text, toks[i].start) {
					continue
				}
				n := matchesAt(toks, i, parts)
				if n == 0 {
					// The first word alone, not the start of another name.
					if i+1 >= len(toks) || !isProperWord(toks[i+1]) || !joinedBySpace(s.text, toks[i], toks[i+1]) {
						return true
					}
					continue
				}
				// "Vantor Blades said it would defend the claim".
				k := i + n
				if k+1 < len(toks) && lx.isReportingVerb(toks[k].lower) && (toks[k+1].lower == "it" || toks[k+1].lower == "its") {
					return true
				}
			}
		}
	}
	return false
}

// matchesAt returns how many words of toks from i are the words parts
// (all of them), or 0.
func matchesAt(toks []textWord, i int, parts []string) int {
	if i+len(parts) > len(toks) {
		return 0
	}
	for k, p := range parts {
		if toks[i+k].lower != p {
			return 0
		}
	}
	return len(parts)
}

// firstPerson reports a sentence in the first person: someone's words,
// not the reporter's, even outside quotation marks (the answers of an
// interview).
func firstPerson(s *passageSentence) bool {
	return slices.ContainsFunc(s.toks, func(t textWord) bool {
		switch t.lower {
		case "i", "we", "my", "our", "me", "us":
			return t.lower != "us" || !t.allCaps
		}
		return false
	})
}

// inQuotation reports whether byte offset at of text lies inside
// quotation marks opened before it.
func inQuotation(text string, at int) bool {
	return quoteMarks(text[:at])%2 == 1
}

// officeBetween reports whether the words between a reporting verb at k
// and a name starting at first are an office in lower case ("said
// coxswain Euan Gillies", "said market manager Alison Reid"): words of
// an office ending in a role.
func (lx *lexicon) officeBetween(toks []textWord, k, first int) bool {
	if first-k < 2 || !lx.isRole(toks[first-1].lower) {
		return false
	}
	for _, t := range toks[k+1 : first] {
		if !lx.officeWord(t) {
			return false
		}
	}
	return true
}

// officeWord reports a word that may stand in an office before a role
// ("chief", "Energy", "French Foreign"): a noun or adjective, no
// grammar word, verb or number.
func (lx *lexicon) officeWord(tk textWord) bool {
	if tk.letters == 0 || tk.digits > 0 || lx.isFunctionWord(tk.lower) || isDeterminer(tk.lower) || isAuxiliary(tk.lower) || lx.isReportingVerb(tk.lower) {
		return false
	}
	p := lx.pos(tk.lower)
	return lx.isRole(tk.lower) || p&(wcNoun|wcAdjective) != 0 || p == 0 || tk.upper // "harbour", spelt as WordNet does not
}

// offices returns the offices the sentences give the person of full
// name full, once each, in the order given; the body a person is "of"
// only when no role is given, and an office inside a longer one
// ("of the union" in "president of the union") not again.
func (lx *lexicon) offices(sents []*passageSentence, full string) []string {
	parts := strings.Fields(strings.ToLower(full))
	var roles, bodies []string
	for _, s := range sents {
		for i := range s.toks {
			n := matchesAt(s.toks, i, parts)
			if n == 0 {
				continue
			}
			o := lx.officeAround(s, i, i+n-1)
			switch {
			case o == "":
			case strings.HasPrefix(o, "of "):
				bodies = append(bodies, o)
			default:
				roles = append(roles, o)
			}
		}
	}
	out := roles
	if len(out) == 0 {
		out = bodies
	}
	var kept []string
	for _, o := range out {
		lo := strings.ToLower(o)
		if slices.ContainsFunc(out, func(p string) bool { return len(p) > len(o) && strings.Contains(strings.ToLower(p), lo) }) ||
			slices.ContainsFunc(kept, func(p string) bool { return strings.EqualFold(p, o) }) {
			continue
		}
		kept = append(kept, o)
	}
	return kept
}

// officeAround reads the office of the name at words first..last of s.
func (lx *lexicon) officeAround(s *passageSentence, first, last int) string {
	toks := s.toks
	span := func(a, b int) string { return strings.Join(strings.Fields(s.text[toks[a].start:toks[b].end]), " ") }
	// "said chief executive Ingrid Solvik", "Energy minister Rhodri Pask
	// said": a run of words ending in a role, right before the name.
	if k := first - 1; k >= 0 && lx.isRole(toks[k].lower) && joinedBySpace(s.text, toks[k], toks[first]) {
		from := k
		for from > 0 && k-from+1 < maxAppositive && joinedBySpace(s.text, toks[from-1], toks[from]) && lx.officeWord(toks[from-1]) {
			from--
		}
		return span(from, k)
	}
	if last+1 >= len(toks) {
		return ""
	}
	gap := s.text[toks[last].end:toks[last+1].start]
	// "Priya Natarajan, an analyst at Arbroath Securities", "Graham
	// Ostler, the board's chairman": an appositive holding a role.
	if strings.TrimSpace(gap) == "," {
		to := last + 1
		for to+1 < len(toks) && to-last < maxAppositive && !strings.ContainsAny(s.text[toks[to].end:toks[to+1].start], ",;:.()") {
			to++
		}
		w := toks[last+1].lower
		if w == "who" || w == "which" || lx.isReportingVerb(w) || lx.pos(w) == wcVerb && !lx.isRole(w) {
			return ""
		}
		if slices.ContainsFunc(toks[last+1:to+1], func(t textWord) bool { return !t.upper && lx.isRole(t.lower) }) &&
			!slices.ContainsFunc(toks[last+1:to+1], func(t textWord) bool { return lx.isReportingVerb(t.lower) }) {
			return span(last+1, to)
		}
		return ""
	}
	// "Duncan Maclaren of the Brannock Inshore Fishermen's Association
	// said": the body the person speaks for.
	if toks[last+1].lower == "of" && joinedBySpace(s.text, toks[last], toks[last+1]) {
		to := last + 1
		for to+1 < len(toks) && to-last < maxAppositive && (toks[to+1].upper || isDeterminer(toks[to+1].lower) || toks[to+1].lower == "s") &&
			!strings.ContainsAny(s.text[toks[to].end:toks[to+1].start], ",;:.()") {
			to++
		}
		if to > last+1 && toks[to].upper {
			return span(last+1, to)
		}
	}
	return ""
}

// RoleNoun reports a noun that names a kind of person by role or trade
// ("analysts", "executive", "officials"), for bot.RoleNouns.
func (e *Answerer) RoleNoun(word string) bool {
	return e.lexicon.isRole(strings.ToLower(word))
}

// roleDepth is how many levels below a role's senses WordNet's more
// particular roles are looked for ("minister" below "executive").
const roleDepth = 3

// ofRoles keeps the people whose offices (as the sentences give them) are
// of one of the roles: the role's word or its synonym in the office
// ("a beverages analyst at Pellow & Co", "chief executive"), or a more
// particular role below it in WordNet ("government minister" is an
// executive). With no roles, everyone.
func (lx *lexicon) ofRoles(people []*speaker, sents []*passageSentence, roles []string, terms func(string) []string) []*speaker {
	if len(roles) == 0 {
		return people
	}
	want := make(map[string]bool) // stems of the roles' words and the words below them
	offices := false
	for _, r := range roles {
		offices = offices || lx.officeRole(r)
		for _, w := range lx.roleWords(r) {
			for _, t := range terms(w) {
				want[t] = true
			}
			want[w] = true // a phrase: "chief executive"
		}
	}
	return slices.DeleteFunc(slices.Clone(people), func(p *speaker) bool {
		for _, o := range lx.offices(sents, p.name) {
			lo := strings.ToLower(o)
			for _, t := range terms(lo) {
				if want[t] {
					return false
				}
			}
			ws := strings.Fields(lo)
			for i := 0; i+1 < len(ws); i++ {
				if want[ws[i]+" "+ws[i+1]] {
					return false
				}
			}
			if offices && slices.ContainsFunc(ws, func(w string) bool { return lx.is(w, wcOffice) && lx.isRole(w) }) {
				return false
			}
		}
		return true
	})
}

// officeRole reports a role that is an office, or the kind of those
// ("official", "leader"): WordNet's offices are the heads, officials and
// representatives of bodies, which it does not tell apart by the body
// (a board's chairman and a chief executive lead a company alike), so a
// question for one kind of office-holder is answered with every person
// the coverage gives an office.
func (lx *lexicon) officeRole(role string) bool {
	if lx.th == nil {
		return false
	}
	for _, l := range lx.th.Lemmas(role) {
		if lx.is(l, wcOffice) || slices.ContainsFunc(lx.th.Hyponyms(l), func(h string) bool { return lx.is(h, wcOffice) }) {
			return true
		}
	}
	return false
}

// roleWords are a role's base forms, their synonyms, and the roles below
// them down to roleDepth.
func (lx *lexicon) roleWords(role string) []string {
	out := lx.below(role, roleDepth)
	if lx.th == nil {
		return out
	}
	for _, l := range lx.th.Lemmas(role) {
		for _, syn := range lx.th.Related(l, thesaurus.Synonym) {
			if lx.isRole(syn) {
				out = append(out, lx.below(syn, roleDepth-1)...)
			}
		}
	}
	return out
}
