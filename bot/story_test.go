package bot

import (
	"slices"
	"testing"

	"github.com/newsbot/newsbot/retrieval"
)

func TestStoryMates(t *testing.T) {
	article := func(src, text string) retrieval.ArticlePassages {
		return retrieval.ArticlePassages{Info: retrieval.ArticleInfo{Source: src}, Passages: []retrieval.Chunk{{Text: text}}}
	}
	all := []retrieval.ArticlePassages{
		article("strike-wire.txt", "Crews at Tarrow Bay Ferries will strike from June 2, the Maritime Crews Union said. Agnes Kilbride led the walkout."),
		article("strike-talks.txt", "Talks between Tarrow Bay Ferries and Kilbride's union collapsed; islanders face the walkout."),
		article("strike-deal.txt", "The Maritime Crews Union accepted a deal with Tarrow Bay Ferries, Kilbride said."),
		article("fair-2023.txt", "Oskar Brandvold won the Lindenholm Prize as the book fair drew 18,500 visitors."),
		article("fair-2024.txt", "Mira Castell won the Lindenholm Prize; Brandvold chaired the jury of the book fair."),
	}
	st := NewStories(all)
	for _, tt := range []struct {
		top  int
		want []string
	}{
		{0, []string{"strike-wire.txt", "strike-talks.txt", "strike-deal.txt"}},
		{3, []string{"fair-2023.txt", "fair-2024.txt"}},
	} {
		var got []string
		for _, j := range st.mates(tt.top) {
			got = append(got, all[j].Info.Source)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("mates(%s) = %v, want %v", all[tt.top].Info.Source, got, tt.want)
		}
	}
}

func TestStoryQuestion(t *testing.T) {
	for _, tt := range []struct {
		q    string
		kind CoverageKind
		want bool
	}{
		{"Summarize the coverage of the industrial action by the boat crews.", CoverageSummary, true},
		{"Give me a timeline of the Kessling case.", CoverageTimeline, true},
		{"Who was quoted about the trial?", CoverageQuoted, true},
		{"What happened at the Kessling sentencing?", CoverageSummary, false},
		{"What does the coverage say about the June 2025 strike?", CoverageSummary, false},
		{"Summarize the coverage of the 2023 festival.", CoverageSummary, false},
		{"Which articles mention Halvorsen?", CoverageArticles, false},
	} {
		if got := storyQuestion(tt.q, tt.kind); got != tt.want {
			t.Errorf("storyQuestion(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
