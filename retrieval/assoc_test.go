package retrieval

import (
	"slices"
	"testing"
)

// reports returns texts as articles, each as the terms of its sentences.
func reports(texts ...string) [][][]string {
	var out [][][]string
	for _, text := range texts {
		var art [][]string
		for _, sp := range SplitSentences(text) {
			ts := Terms(text[sp.Start:sp.End])
			slices.Sort(ts)
			art = append(art, slices.Compact(ts))
		}
		out = append(out, art)
	}
	return out
}

func TestAssociations(t *testing.T) {
	filler := []string{
		"The mayor opened the library.", "Steel prices rose.", "The roof is spruce.", "Rain fell all week.",
		"The ferry was late.", "Schools reopen in August.", "The museum doubled its visitors.", "Bus fares went up.",
	}
	tests := []struct {
		name     string
		texts    []string
		term     string
		want     string // an associate of term
		wantNone bool   // want is none of term's associates
	}{
		{"written together by two reports", []string{"The walkout, the first strike in years.", "The strike became a walkout."}, "walkout", "strike", false},
		{"only one report writes them together", []string{"The walkout, the first strike in years. The strike became a walkout."}, "walkout", "strike", true},
		{"a single shared sentence is chance", []string{"The walkout, the first strike in years.", "A walkout ended."}, "walkout", "strike", true},
		{"a figure is no company", []string{"The walkout of 2026 lasted six days.", "Another walkout in 2026."}, "walkout", "2026", true},
	}
	for _, tt := range tests {
		as := NewAssociations(reports(append(tt.texts, filler...)...)...)
		got := slices.ContainsFunc(as.Of(tt.term), func(a Associate) bool { return a.Term == tt.want })
		if got == tt.wantNone {
			t.Errorf("%s: %s among %s's associates %v, want %v (%v)", tt.name, tt.want, tt.term, got, !tt.wantNone, as.Of(tt.term))
		}
	}
	as := NewAssociations(reports(append([]string{"The walkout, the first strike in years.", "The strike became a walkout.", "A strike and a walkout."}, filler...)...)...)
	if got := as.Of("2026"); got != nil {
		t.Errorf("Of(2026) = %v, want none: a figure has no company", got)
	}
	exp := as.Expand([]string{"walkout"}, 1)
	if len(exp) != 1 || exp[0].Term != "strike" || exp[0].Weight <= 0 || exp[0].Weight > expandWeight {
		t.Errorf("Expand(walkout) = %v, want strike at a weight in (0, %v]", exp, expandWeight)
	}
	if exp := as.Expand([]string{"walkout", "strike"}, 1); len(exp) != 0 {
		t.Errorf("Expand(walkout strike) = %v, want nothing: the query holds both", exp)
	}
	if exp := as.Expand([]string{"walkout"}, as.Sentences()+1); len(exp) != 0 {
		t.Errorf("Expand(walkout) = %v in a coverage below the least size, want nothing", exp)
	}
}
