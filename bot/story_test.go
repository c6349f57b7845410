package bot

import (
	"slices"
	"testing"
	"time"

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
		// Like the deal's report, nothing like the strike's call: of the
		// story all the same.
		article("strike-vote.txt", "Members accepted the deal in a ratification ballot."),
		article("fair-2025.txt", "Castell opened the Lindenholm book fair of 2025."),
	}
	st := NewStories(all)
	for _, tt := range []struct {
		top  int
		want []string
	}{
		{0, []string{"strike-wire.txt", "strike-talks.txt", "strike-deal.txt", "strike-vote.txt"}},
		{3, []string{"fair-2023.txt", "fair-2024.txt", "fair-2025.txt"}},
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
		// An ordinal picks one event of the story.
		{"What did the coverage report about the second escape?", CoverageSummary, false},
		{"Summarize the coverage of the 3rd stage.", CoverageSummary, false},
		{"Summarize the coverage of the 3 stages.", CoverageSummary, true},
	} {
		if got := storyQuestion(tt.q, tt.kind); got != tt.want {
			t.Errorf("storyQuestion(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestCopies(t *testing.T) {
	article := func(src string, day int, text string) retrieval.ArticlePassages {
		a := retrieval.ArticlePassages{Info: retrieval.ArticleInfo{Source: src}, Passages: []retrieval.Chunk{{Text: text}}}
		if day > 0 {
			a.Info.Date = time.Date(2023, 9, day, 0, 0, 0, 0, time.UTC)
		}
		return a
	}
	const (
		lede  = "About 48,000 farmed salmon escaped into Brannock Sound after the storm.\n"
		lede2 = "About 52,000 farmed salmon escaped into Brannock Sound after the storm.\n"
		body  = "Divers found a broken mooring line and a split in the netting.\nThe fish had been due for harvest in October.\nShares fell 6 percent in Oslo trading on Monday.\n"
	)
	all := []retrieval.ArticlePassages{
		article("wire.txt", 18, "Salmon escape\n"+lede+body),
		article("update.txt", 19, "Salmon escape\n"+lede+body),
		article("copy.txt", 0, "Salmon escape\n"+lede2+body+"Republished by the Courier.\n"),
		article("other.txt", 0, "Salmon escape\nA fine followed the escape of farmed salmon last September.\nThe fish had been due for harvest in October.\n"),
		article("copy-of-undated.txt", 0, "A fine followed the escape of farmed salmon last September.\nThe fish had been due for harvest in October.\n"),
	}
	got := Copies(all)
	want := map[string]string{"copy.txt": "wire.txt"} // the earliest it copies; an undated one dates nothing
	if len(got) != len(want) {
		t.Errorf("Copies = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k].Source != v {
			t.Errorf("Copies[%s] = %q, want %q", k, got[k].Source, v)
		}
	}
}
