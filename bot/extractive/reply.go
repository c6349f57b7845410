package extractive

// This file keeps questions asked in the text out of answers: an
// interview's "**Do you plan to build your own factories?**" holds every
// word of the reader's question and answers none of it; the reply after
// it does.

import (
	"slices"
	"strings"
	"unicode"
)

// asksItself reports whether a sentence of the text is a question: it
// ends with a question mark, before any closing quotes, brackets or
// markup ("**Why?**", "(Why?)").
func asksItself(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("*_\"'”’)]", r)
	})
	return strings.HasSuffix(t, "?")
}

// replyLen is the most sentences of a reply quoted for its question.
const replyLen = 2

// replies puts in place of each candidate that is a question of the text
// the reply that follows it (up to replyLen sentences, up to the next
// question), with its score; a question whose reply was not retrieved is
// left out. The order by score is kept.
func replies(cands []*scoredSentence) []*scoredSentence {
	if !slices.ContainsFunc(cands, func(c *scoredSentence) bool { return c.s.asks }) {
		return cands
	}
	out := make([]*scoredSentence, 0, len(cands))
	seen := make(map[*passageSentence]bool)
	for _, c := range cands {
		if !c.s.asks {
			if !seen[c.s] {
				seen[c.s] = true
				out = append(out, c)
			}
			continue
		}
		r := c.s.next
		for n := 0; n < replyLen && r != nil && !r.asks && !r.headline; n++ {
			if !seen[r] {
				seen[r] = true
				rc := *c
				rc.s, rc.values = r, nil
				out = append(out, &rc)
			}
			r = r.next
		}
	}
	return out
}
