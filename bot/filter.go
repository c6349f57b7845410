package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// Filter narrows the coverage a question is answered from: the sources
// whose path matches Source (a part of the path, or a glob; see
// retrieval.MatchSource) and the articles dated in [After, Before). The
// zero Filter keeps everything.
type Filter struct {
	Source string
	After  time.Time // on or after; undated articles are left out when set
	Before time.Time // before; undated articles are left out when set
}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool { return f == Filter{} }

// SearchOptions returns the search options of f for k passages.
func (f Filter) SearchOptions(k int) retrieval.SearchOptions {
	return retrieval.SearchOptions{K: k, Source: f.Source, After: f.After, Before: f.Before}
}

// String describes f for people: `source "reuters", from 2009-06 to 2010`.
func (f Filter) String() string {
	var parts []string
	if f.Source != "" {
		parts = append(parts, fmt.Sprintf("source %q", f.Source))
	}
	switch {
	case !f.After.IsZero() && !f.Before.IsZero():
		parts = append(parts, fmt.Sprintf("dated from %s to before %s", day(f.After), day(f.Before)))
	case !f.After.IsZero():
		parts = append(parts, "dated "+day(f.After)+" or later")
	case !f.Before.IsZero():
		parts = append(parts, "dated before "+day(f.Before))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// ParseDate reads a date bound as people write it: a year ("2009"), a
// month ("2009-06") or a day ("2009-06-13"). It is the start of that
// period: --after 2009 keeps 2009 and later, --before 2009 keeps 2008 and
// earlier.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006", "2006-01", time.DateOnly, "2006/01", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want a year, a month or a day, such as 2009, 2009-06 or 2009-06-13", s)
}

// ParseFilter reads a filter as people give it: a source (a part of the
// path or a glob) and the bounds After and Before as ParseDate reads them,
// each "" when not given. An error names the part at fault ("after: bad
// date ...").
func ParseFilter(source, after, before string) (Filter, error) {
	f := Filter{Source: strings.TrimSpace(source)}
	after, before = strings.TrimSpace(after), strings.TrimSpace(before)
	var err error
	if after != "" {
		if f.After, err = ParseDate(after); err != nil {
			return Filter{}, fmt.Errorf("after: %w", err)
		}
	}
	if before != "" {
		if f.Before, err = ParseDate(before); err != nil {
			return Filter{}, fmt.Errorf("before: %w", err)
		}
	}
	if !f.After.IsZero() && !f.Before.IsZero() && !f.After.Before(f.Before) {
		return Filter{}, fmt.Errorf("after %s is not before %s: no date is both", after, before)
	}
	return f, nil
}

// Keeps reports whether f keeps the article a.
func (f Filter) Keeps(a retrieval.ArticleInfo) bool {
	return (f.Source == "" || retrieval.MatchSource(f.Source, a.Source)) &&
		(f.After.IsZero() || !a.Date.IsZero() && !a.Date.Before(f.After)) &&
		(f.Before.IsZero() || !a.Date.IsZero() && a.Date.Before(f.Before))
}

// Why explains, in one sentence, why f leaves nothing of the coverage
// described by articles to answer from, or returns "" when some article
// passes it.
func (f Filter) Why(articles []retrieval.ArticleInfo) string {
	if f.IsZero() {
		return ""
	}
	var bySource []retrieval.ArticleInfo
	for _, a := range articles {
		if f.Source == "" || retrieval.MatchSource(f.Source, a.Source) {
			bySource = append(bySource, a)
		}
	}
	if len(bySource) == 0 {
		return fmt.Sprintf("No article's file name matches %q.", f.Source)
	}
	dated := 0
	var first, last time.Time
	for _, a := range bySource {
		if a.Date.IsZero() {
			continue
		}
		if (f.After.IsZero() || !a.Date.Before(f.After)) && (f.Before.IsZero() || a.Date.Before(f.Before)) {
			return ""
		}
		dated++
		if first.IsZero() || a.Date.Before(first) {
			first = a.Date
		}
		if a.Date.After(last) {
			last = a.Date
		}
	}
	which := "No article"
	if f.Source != "" {
		which = fmt.Sprintf("No article matching %q", f.Source)
	}
	if dated == 0 {
		return which + " has a date, so none can be " + f.dates() + "; dates come from front matter, meta tags, a Date: line, a dateline or the file name (2009-06-13-story.txt)."
	}
	return fmt.Sprintf("%s is %s: the dated ones run from %s to %s.", which, f.dates(), day(first), day(last))
}

// dates says what f asks of dates: "dated 2009-06-01 or later".
func (f Filter) dates() string {
	g := f
	g.Source = ""
	return g.String()
}

// articleLister is a Searcher that can describe what it searches, so that
// a filter that leaves nothing can say why.
type articleLister interface {
	Articles() []retrieval.ArticleInfo
}
