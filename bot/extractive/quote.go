package extractive

// This file writes the chosen sentences as the answer: quoted verbatim,
// with citations, the date of another report, and the joins between them.

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// dropHeadlines leaves out a headline quoted next to a sentence of its own
// article, which says the same in full.
func dropHeadlines(chosen []*scoredSentence) []*scoredSentence {
	return slices.DeleteFunc(chosen, func(c *scoredSentence) bool {
		return c.s.headline && slices.ContainsFunc(chosen, func(o *scoredSentence) bool {
			return o != c && !o.s.headline && o.s.source == c.s.source
		})
	})
}

// quoteAnswer formats the chosen sentences as a cited answer. The two
// sides of a disagreement are dated when their articles are, and the
// second says whether it is the later or the earlier report: the age of
// a report often explains the difference.
func quoteAnswer(cs []*scoredSentence, differ bool) bot.Answer {
	a := bot.Answer{Citations: make([]bot.Citation, 0, len(cs))}
	var b strings.Builder
	if differ {
		b.WriteString("The sources differ. ")
		if d := cs[0].s.date; !d.IsZero() && len(cs) > 1 && !cs[1].s.date.IsZero() {
			b.WriteString("A report of " + bot.DateLabel(d) + " says: ")
		}
	}
	for i, c := range cs {
		n := i + 1
		a.Citations = append(a.Citations, bot.Citation{
			N: n, Source: c.s.source, Title: c.s.title, Lines: c.s.lines, Quote: c.s.text, Date: c.s.date,
		})
		if i > 0 {
			b.WriteString(" ")
			if differ {
				b.WriteString(otherReport(cs[0].s.date, c.s.date))
			}
		}
		// Sentences that span lines carry the file's line breaks; the
		// answer reads as prose while the citation keeps them verbatim.
		b.WriteString(strings.Join(strings.Fields(c.s.text), " "))
		b.WriteString(" [" + strconv.Itoa(n) + "]")
	}
	a.Text = b.String()
	return a
}

// otherReport introduces the second side of a disagreement, dated when the
// two articles' dates are known, saying which is newer or that both are
// of one day (then neither is the correction of the other).
func otherReport(first, other time.Time) string {
	switch {
	case first.IsZero() || other.IsZero():
		return "Another report says otherwise: "
	case first.Equal(other):
		return "Another report of the same day says otherwise: "
	case other.After(first):
		return "A later report, of " + bot.DateLabel(other) + ", says otherwise: "
	}
	return "An earlier report, of " + bot.DateLabel(other) + ", says otherwise: "
}

// link makes a and b neighbours when only the white space gap parts them:
// within a paragraph, or across one blank line, as wire copy sets its
// one-sentence paragraphs.
func link(a, b *passageSentence, gap string) {
	if a == nil || a == b || strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") > 2 {
		return
	}
	if a.next == nil && b.prev == nil {
		a.next, b.prev = b, a
	}
}

// joinCredits joins a photo credit ("REUTERS/Jorge Silva") that the
// splitter cut off after a caption's final date back to its caption, on the
// same line: alone it is too short to quote, and it is the answer to "who
// took the picture".
func joinCredits(text string, spans []retrieval.Span) []retrieval.Span {
	out := spans[:0:0]
	for _, sp := range spans {
		t := text[sp.Start:sp.End]
		if n := len(out); n > 0 && isPhotoCredit(t) && len(strings.Fields(t)) <= 6 &&
			!strings.Contains(text[out[n-1].End:sp.Start], "\n") {
			out[n-1].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}
