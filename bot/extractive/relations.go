package extractive

// This file looks up what WordNet relates to a word: its forms,
// synonyms, narrower words, bases and antonyms, cached per answerer.

import (
	"slices"
	"strings"

	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

// relations returns the stems of the words a question's word (or
// phrase) may stand for in the coverage: its other forms ("sent" for
// "send"), which count in full, and the words derived from it ("decision"
// for "decide", "Afghanistan" for "Afghan"), which count as
// SynonymCredit, and its synonyms in its frequent senses ("quake" for
// "earthquake"), which count as SynonymCredit too, all from the
// thesaurus (WordNet).
//
// hypo lists those of syn that are only more particular words (hyponyms,
// "kill" for "profit"): they stand for the word, but do not prove that the
// passages speak of it.
func (e *Answerer) relations(word string, name bool) (forms, syn, hypo []string) {
	key := word
	if name {
		key += "\x00"
	}
	e.relMu.Lock()
	r, ok := e.rel[key]
	e.relMu.Unlock()
	if ok {
		return r[0], r[1], r[2]
	}
	own := map[string]bool{}
	if ts := e.terms.Terms(word); strings.Contains(word, " ") {
		own[strings.Join(ts, " ")] = true // a phrase is one term
	} else {
		for _, st := range ts {
			own[st] = true
		}
	}
	stemOf := func(w string) string {
		ts := e.terms.Terms(w)
		if len(ts) == 0 {
			return ""
		}
		return strings.Join(ts, " ")
	}
	add := func(list []string, w string) []string {
		st := stemOf(w)
		if st == "" || own[st] || slices.Contains(list, st) {
			return list
		}
		return append(list, st)
	}
	if th := e.th; th != nil {
		lemmas := th.Lemmas(word)
		if e.is(word, wcPastForm|wcIngForm) {
			// "led" is "lead", not a light-emitting diode.
			lemmas = slices.DeleteFunc(lemmas, func(l string) bool { return !th.In(l, thesaurus.HasVerb) })
		}
		for _, l := range lemmas {
			forms = add(forms, l)
			for _, f := range th.Related(l, thesaurus.Form) {
				forms = add(forms, f)
			}
		}
		kinds := []byte{thesaurus.Derived, thesaurus.Synonym}
		if name {
			kinds = kinds[:1] // "Chile" is "Chilean", but "Acme" no summit
		}
		for _, l := range lemmas {
			for _, o := range th.Related(l, kinds...) {
				if st := stemOf(o); st != "" && !slices.Contains(forms, st) {
					syn = add(syn, o)
				}
			}
			if name {
				// News names a country by its capital: "Ottawa" for
				// Canada, "Paris" for France.
				for _, p := range append([]string{l}, th.Related(l, thesaurus.Derived)...) {
					for _, o := range th.Related("capital of "+p, thesaurus.Synonym) {
						syn = add(syn, o)
					}
				}
			}
			if name {
				continue
			}
			// A more particular word: "spokesman" for "spokesperson".
			for _, o := range th.Hyponyms(l) {
				if st := stemOf(o); st != "" && !slices.Contains(forms, st) && !slices.Contains(syn, st) {
					syn = add(syn, o)
					hypo = append(hypo, st)
				}
			}
			// Two steps of derivation, from a noun through its verb to
			// another noun: "opposition", oppose, "opponents".
			if e.pos(l) != wcNoun {
				continue
			}
			// A kind of it that one word names: "gross revenue" is
			// sales, "net income" earnings (of a noun the question
			// writes as one: "stationed" is no station).
			if isParticiple(word) {
				continue
			}
			for _, p := range th.Compounds(l) {
				for _, o := range th.Related(p, thesaurus.Synonym) {
					if !strings.Contains(o, " ") && e.pos(o) == wcNoun {
						syn = add(syn, o)
					}
				}
			}
			for _, o := range th.Related(l, thesaurus.Derived) {
				if e.pos(o) != wcVerb {
					continue
				}
				for _, d := range th.Related(o, thesaurus.Derived) {
					if e.pos(d) != wcNoun {
						continue
					}
					if st := stemOf(d); st != "" && !slices.Contains(forms, st) {
						syn = add(syn, d)
					}
				}
			}
		}
	}
	e.relMu.Lock()
	e.rel[key] = [3][]string{forms, syn, hypo}
	e.relMu.Unlock()
	return forms, syn, hypo
}

// baseStems returns the stems of the base forms of an irregular form
// ("broke" -> "break", "men" -> "man"), whose stems differ from its own;
// none for a regular one, whose stem is its base's already.
func (e *Answerer) baseStems(w string) []string {
	if len(w) < 3 || e.th == nil {
		return nil
	}
	return e.cachedStems(w+"\x01", func() []string { return e.bases(w) })
}

// cachedStems returns the stems f gives, once per key: sentences repeat
// their words across questions.
func (e *Answerer) cachedStems(key string, f func() []string) []string {
	e.relMu.Lock()
	r, ok := e.rel[key]
	e.relMu.Unlock()
	if ok {
		return r[0]
	}
	out := f()
	e.relMu.Lock()
	e.rel[key] = [3][]string{out}
	e.relMu.Unlock()
	return out
}

// bases is baseStems without its cache.
func (e *Answerer) bases(w string) []string {
	own := e.terms.Terms(w)
	var out []string
	// The thesaurus links forms both ways: a word that is a verb of its
	// own ("find", "found") is its own base.
	if len(own) == 1 && !e.th.In(w, thesaurus.HasVerb) {
		for _, l := range e.th.Lemmas(w) {
			if l == w || strings.Contains(l, " ") || !e.th.In(l, thesaurus.HasVerb) && !e.th.In(l, thesaurus.Noun) || !slices.Contains(e.th.Related(l, thesaurus.Form), w) {
				continue
			}
			for _, st := range e.terms.Terms(l) {
				if st != own[0] && !slices.Contains(out, st) {
					out = append(out, st)
				}
			}
		}
	}
	return out
}

// antonyms returns the stems of the words opposite to word in the
// thesaurus, in any of its forms ("won": lose).
func (e *Answerer) antonyms(word string) []string {
	if e.th == nil {
		return nil
	}
	return e.cachedStems(word+"\x02", func() []string {
		var out []string
		for _, l := range e.th.Lemmas(word) {
			for _, o := range e.th.Related(l, thesaurus.Antonym) {
				if st := strings.Join(e.terms.Terms(o), " "); st != "" && !strings.Contains(st, " ") && !slices.Contains(out, st) {
					out = append(out, st)
				}
			}
		}
		return out
	})
}

// stems returns the stems of a word or phrase as the index writes them.
func (e *Answerer) stems(w string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ReplaceAll(w, "-", " ")) {
		ts := e.terms.Terms(f)
		if len(ts) == 0 {
			ts = []string{f}
		}
		out = append(out, ts[0])
	}
	return out
}

// stemOf returns the stem the index gives a single word.
func (e *Answerer) stemOf(w string) string {
	if st := e.terms.Terms(w); len(st) == 1 {
		return st[0]
	}
	return w
}
