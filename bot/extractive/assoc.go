package extractive

import "strings"

// This file gives a question word the sentence lacks weak credit for a
// word it keeps company with in the coverage: a reader asks about "the
// walkout" where the answering report writes "strike", and the coverage,
// whose other report writes "walkout" beside "strike", knows the two go
// together (retrieval.Associations). It is evidence that the sentence is
// about what is asked, never that it meets what the question
// distinguishes: names, titles, figures, dates and the words bound to a
// name are met as written or by sense, never by company, or a question
// about the final would be answered by the opener's report.

// assocScore is what s scores for the question's words it lacks but
// holds the company of: the credit of each by company (assocCredit), in
// proportion to the word's weight in the question. It only ranks: it is
// not part of the share of the question a sentence holds, which decides
// whether the passages answer at all, so that company never makes a
// look-alike question answerable.
func (e *Answerer) assocScore(q questionInfo, s *passageSentence, credit []float64) float64 {
	if q.assoc == nil {
		return 0
	}
	var got, total float64
	focus := q.focus()
	for j, t := range q.terms {
		total += t.weight
		// What is asked (the head noun, the focus, the verb) is not met
		// by its company: "revenue" keeps company with "profit", and a
		// sentence on the profit is no better for it.
		if credit[j] == 0 && !t.head && j != q.asked && j != focus && j != q.verb {
			got += t.weight * e.assocCredit(q, s, t)
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// assocWeight is the credit of a word of perfect company (strength 1): at
// most half a synonym's, so that company ranks sentences but never stands
// for a word that a question requires (see score: those need
// SynonymCredit).
const assocWeight = 0.35

// assocCredit says how well s holds t by company: assocWeight times the
// strength of the strongest of t's associates that s holds, 0 when t is a
// word association may not meet or s holds none. An associate that is
// itself a word of the question is no evidence for t: the sentence is
// credited for it already.
func (e *Answerer) assocCredit(q questionInfo, s *passageSentence, t qterm) float64 {
	if q.assoc == nil || !associable(t) {
		return 0
	}
	for _, a := range q.assoc.Of(t.stem) {
		if !s.terms[a.Term] || q.hasStem(a.Term) {
			continue
		}
		return assocWeight * a.Strength // strongest first
	}
	return 0
}

// associable reports whether company may stand for t: a common word of
// the question, not one that distinguishes it from its look-alikes.
func associable(t qterm) bool {
	return !t.name && !t.figure && !t.title && !t.acronym && !t.required && !t.given &&
		!t.complement && !t.period && !t.ofEdition && len(t.years) == 0 && !strings.ContainsAny(t.stem, "0123456789")
}

// hasStem reports whether a term of q has the stem st.
func (q questionInfo) hasStem(st string) bool {
	for _, t := range q.terms {
		if t.stem == st {
			return true
		}
	}
	return false
}
