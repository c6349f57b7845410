package eval

import (
	"regexp"
	"slices"
	"strings"
)

// Kinds are the kinds a case may declare. The coverage kinds ask about
// the coverage as a whole; their answers must cite every expected source.
var Kinds = []string{
	"single", "yesno", "typo", "constraint", "shape",
	"coverage-summary", "coverage-articles", "coverage-quoted",
	"coverage-disagree", "coverage-timeline", "coverage-dates",
}

// IsCoverageKind reports whether kind asks about the whole coverage.
func IsCoverageKind(kind string) bool {
	return strings.HasPrefix(kind, "coverage-")
}

// differRe matches the ways an answer says that its sources disagree: "The
// sources differ", "another report says otherwise", "the reports
// disagree", "conflicting figures".
var differRe = regexp.MustCompile(`(?i)\b(sources|reports|articles|outlets|accounts) (differ|disagree|conflict)|\b(says|say|said) otherwise\b|\bconflicting (figures|reports|accounts|dates|numbers)\b|\bdisagree(s)? (on|about)\b`)

// SaysDiffer reports whether an answer says that the sources differ.
func SaysDiffer(text string) bool {
	return differRe.MatchString(text)
}

// Correct reports whether the case was answered right: a question to
// refuse was refused; any other was answered with every expected fact,
// citing an expected source (every one, for a coverage question),
// surfacing every value of a conflict, and not saying the sources differ
// when they agree.
func (r Result) Correct() bool {
	switch {
	case r.Err != nil:
		return false
	case r.Case.Refuse:
		return r.Answer.Refused
	case r.Answer.Refused || len(r.FactsMissing) > 0 || !r.SourceCited:
		return false
	case IsCoverageKind(r.Case.Kind) && !r.AllSourcesCited:
		return false
	case r.Case.Conflict:
		return len(r.ValuesMissing) == 0
	}
	return !r.SaysDiffer
}

// KindTotal is how the cases of one kind were answered.
type KindTotal struct {
	Kind    string
	Correct Rate
}

// ByKind returns the share answered right per kind, in the order of
// Kinds, with unanswerable questions as "refuse" and cases without a kind
// as "single".
func (rep Report) ByKind() []KindTotal {
	rates := make(map[string]*Rate)
	for _, r := range rep.Results {
		k := r.Case.Kind
		switch {
		case r.Case.Refuse && k == "":
			k = "refuse"
		case k == "":
			k = "single"
		}
		if rates[k] == nil {
			rates[k] = &Rate{}
		}
		rates[k].add(r.Correct())
	}
	var out []KindTotal
	for _, k := range append(slices.Clone(Kinds), "refuse") {
		if r := rates[k]; r != nil {
			out = append(out, KindTotal{Kind: k, Correct: *r})
		}
	}
	return out
}
