package bot

import (
	"slices"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/thesaurus"
)

func TestCoverageQuestion(t *testing.T) {
	words, err := thesaurus.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q     string
		kind  CoverageKind
		topic string
	}{
		{"Summarize the coverage.", CoverageSummary, ""},
		{"summarize the coverage", CoverageSummary, ""},
		{"What is the coverage about?", CoverageSummary, ""},
		{"Give me an overview of the Riverton fire.", CoverageSummary, "riverton fire"},
		{"What articles are in the coverage?", CoverageArticles, ""},
		{"Which articles do you have?", CoverageArticles, ""},
		{"List the stories.", CoverageArticles, ""},
		{"When was each article published?", CoverageDates, ""},
		{"When were these stories published?", CoverageDates, ""},
		{"Which outlets reported these stories?", CoverageOutlets, ""},
		{"Who is quoted in these articles?", CoverageQuoted, ""},
		{"Who is quoted about the Riverton fire?", CoverageQuoted, "riverton fire"},
		{"What do the sources disagree about?", CoverageDisagree, ""},
		{"Where do the reports differ on the strike?", CoverageDisagree, "strike"},
		{"Give me a timeline of the Halvorsen fire.", CoverageTimeline, "halvorsen fire"},
		{"How did the strike unfold?", CoverageTimeline, "strike"},
		{"In what order did the events of the strike happen?", CoverageTimeline, "strike"},
		{"What is the reporting on Kelderwick about?", CoverageSummary, "kelderwick"},
		{"What are the articles on the ferry strike about?", CoverageSummary, "ferry strike"},
		{"What did the coverage report about the second escape?", CoverageSummary, "second escape"},
		{"In which order did things happen at the farm?", CoverageTimeline, "things farm"},
		{"What do the articles say about the fire?", CoverageSummary, "fire"},
		{"Which articles mention Halvorsen?", CoverageArticles, "halvorsen"},
		{"Do the sources agree on the death toll?", CoverageDisagree, "death toll"},
		{"What are the conflicting figures?", CoverageDisagree, ""},
		{"Who was interviewed?", CoverageQuoted, ""},
		{"Which people spoke to reporters?", CoverageQuoted, ""},
		{"What does the coverage say about the hosepipe ban?", CoverageSummary, "hosepipe ban"},
		{"What happened at the Norderby Open in 2023?", CoverageSummary, "norderby open 2023"},
		{"What articles are available about the drought?", CoverageArticles, "drought"},
		{"Who has been quoted about the drought?", CoverageQuoted, "drought"},
		{"How has the number of players changed from 2022 to 2024?", CoverageTimeline, "number players 2022 2024"},
		{"How big a pay rise do the teachers get?", CoverageNone, ""}, // a noun before its auxiliary: one figure asked
		{"How did attendance rise?", CoverageTimeline, "attendance rise"},
		{"Trace Tobias Lindqvist's history with the Open year by year.", CoverageTimeline, "tobias lindqvist open"},
		// "What happened when the tunnel flooded?" asks about one event; a
		// bare "what happened when?" for the order of events.
		{"What happened when the tunnel flooded?", CoverageSummary, "tunnel flooded"},
		{"What happened when?", CoverageTimeline, ""},
		// "When did the X stories come out?": their publication dates.
		{"When did the tunnel stories come out?", CoverageDates, "tunnel"},
		{"When did the reports say the strike began?", CoverageNone, ""},
		// A figure followed period by period is a trend.
		{"How did the brewer's operating profit move from quarter to quarter?", CoverageTimeline, "brewer operating profit move"},
		{"How did sales go quarter by quarter?", CoverageTimeline, "sales go"},
		// Questions about one thing are not about the whole coverage.
		{"Who is quoted as saying the fine was too small?", CoverageNone, ""},
		{"What did the articles say about Rasmussen?", CoverageNone, ""},
		{"Who wants Canada to extend its mission in Afghanistan?", CoverageNone, ""},
		{"How many soldiers does Canada have in Kandahar?", CoverageNone, ""},
		{"When was the vote?", CoverageNone, ""},
		{"Which source says France will send troops?", CoverageNone, ""},
		{"What do the reports say the death toll was?", CoverageNone, ""},
		{"Did France agree to send troops?", CoverageNone, ""},
		// Agreeing in WordNet's words: a verb whose opposite is "differ",
		// a synonym of "conflicting" (agreement.go).
		{"On which points do the reports not match?", CoverageDisagree, ""},
		{"Do the figures in the reports tally?", CoverageDisagree, ""},
		{"Do the accounts of the flood correspond?", CoverageDisagree, "flood"},
		{"Where are the accounts at odds?", CoverageDisagree, ""},
		{"Do the stories line up?", CoverageDisagree, ""},
		{"Do the stories about the Kelsby vote line up?", CoverageDisagree, "kelsby vote"},
		{"Do the reports on the strike hang together?", CoverageDisagree, "strike"},
		{"Do the reports on the strike mention the mayor?", CoverageNone, ""},
		{"Which articles cover the ferry dispute?", CoverageArticles, "ferry dispute"}, // a dispute of the story
		{"Do the reports square with each other?", CoverageDisagree, ""},
		{"Which reports cover the match?", CoverageArticles, "match"}, // a noun, not agreeing
		{"Does the price match the budget?", CoverageNone, ""},
		// A part of a thing of the story is no article.
		{"How many other pieces of the wreck have divers found?", CoverageNone, ""},
		{"Which parts of the plan did the council drop?", CoverageNone, ""},
		{"How many pieces of the wreck are there?", CoverageNone, ""},
		{"Which pieces of the coverage mention the wreck?", CoverageArticles, "wreck"},
	} {
		kind, topic := coverageQuestion(tt.q, words)
		if kind != tt.kind || topic != tt.topic {
			t.Errorf("coverageQuestion(%q) = %v, %q, want %v, %q", tt.q, kind, topic, tt.kind, tt.topic)
		}
	}
}

func TestSpell(t *testing.T) {
	dict, err := thesaurus.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := retrieval.NewVocabulary("NATO spokesperson James Appathurai said. Prime Minister Stephen Harper said. Halvorsen was fined. Goaltender Stuart Skinner made saves.",
		"Gareth Pryce spoke. Pryce said the prize was small; a prize, a prize.",
		"Chief Executive Halvard Nesse said the hall was full.",
		"Mayor Juniper Hale said hail had closed the line.",
		"Eight stages, eight teams, eight days.")
	for _, tt := range []struct {
		q, sure, guess string
		suggest        []string
	}{
		{"who is Apathurai", "who is Appathurai", "who is Appathurai", nil},
		{"Wat did Harpr say", "What did Harper say", "What did Harper say", nil},
		{"How much was Halvorson fined?", "How much was Halvorsen fined?", "How much was Halvorsen fined?", nil},
		// A lowercase word the coverage lacks is likely right: only a guess.
		{"who is appathuray", "who is appathuray", "who is appathurai", nil},
		// A name typed in lower case, as in chat.
		{"wat did harpr say", "what did harpr say", "what did harper say", nil},
		{"When will construction start?", "When will construction start?", "When will construction start?", nil},
		// Asked as a name, a name before a more frequent word.
		{"who is Gareth Price", "who is Gareth Pryce", "who is Gareth Pryce", nil},
		// Too far to change unasked: a suggestion.
		{"What did Apthuraiy say?", "What did Apthuraiy say?", "What did Apthuraiy say?", []string{"Appathurai"}},
		// A short name asked as one, when the coverage names someone so.
		{"What did Halvard Nese say?", "What did Halvard Nesse say?", "What did Halvard Nesse say?", nil},
		{"What did Halvard Hell say?", "What did Halvard Hell say?", "What did Halvard Hell say?", nil},
		// A possessive keeps its ending.
		{"What is Halvard Nese's job?", "What is Halvard Nesse's job?", "What is Halvard Nesse's job?", nil},
		{"What is Apathurai’s role?", "What is Appathurai’s role?", "What is Appathurai’s role?", nil},
		{"Which alliance official spoke to a morning TV show?", "Which alliance official spoke to a morning TV show?", "Which alliance official spoke to a morning TV show?", nil},
		// Two edits from the only name the coverage writes after the
		// given name, though "hail" is a word of the coverage.
		{"Where was Juniper Hail born?", "Where was Juniper Hale born?", "Where was Juniper Hale born?", nil},
		{"Did hail close the line?", "Did hail close the line?", "Did hail close the line?", nil},
		// An ordinal the coverage lacks asks for an edition it may not
		// cover; it is no misspelt number.
		{"Who won the eighth race?", "Who won the eighth race?", "Who won the eighth race?", nil},
		// Two edits from the only given name the coverage writes before
		// the surname, itself misspelt.
		{"What did Harvald Nese say?", "What did Halvard Nesse say?", "What did Halvard Nesse say?", nil},
		{"What did Jamie Appathurai say?", "What did James Appathurai say?", "What did James Appathurai say?", nil},
	} {
		sp := spell(v, dict, tt.q)
		if sp.sure != tt.sure || sp.guess != tt.guess || len(sp.suggest) != len(tt.suggest) || len(tt.suggest) > 0 && sp.suggest[0] != tt.suggest[0] {
			t.Errorf("spell(%q) = %q, %q, %q; want %q, %q, %q", tt.q, sp.sure, sp.guess, sp.suggest, tt.sure, tt.guess, tt.suggest)
		}
	}
}

func TestInYears(t *testing.T) {
	dated := func(src string, y int) retrieval.ArticlePassages {
		return retrieval.ArticlePassages{Info: retrieval.ArticleInfo{Source: src, Date: time.Date(y, 5, 1, 0, 0, 0, 0, time.UTC)}}
	}
	undated := func(src, text string) retrieval.ArticlePassages {
		return retrieval.ArticlePassages{Info: retrieval.ArticleInfo{Source: src}, Passages: []retrieval.Chunk{{Text: text}}}
	}
	later := func(src, lede string) retrieval.ArticlePassages {
		a := dated(src, 2026) // May 1, 2026
		a.Info.Title = "Headline"
		a.Passages = []retrieval.Chunk{{Text: "Headline\n\n" + lede + " Background from 2025 follows.\n"}}
		return a
	}
	articles := []retrieval.ArticlePassages{
		dated("2020.txt", 2020), dated("2021.txt", 2021), dated("2023.txt", 2023),
		undated("wire.txt", "The 2022 winner was hurt in the crash."),
		undated("old.txt", "A look back at 1998."),
		undated("id.txt", "Ticket 120221 and 20225 are no years."),
		undated("copy.txt", "A copy of the 2021 report that names 1998."),
		later("fine.txt", "The farm was fined on Tuesday over the escape of fish last September."),
		later("recall.txt", "The farm was fined on Tuesday over the escape of fish last year."),
		later("named.txt", "The farm was fined on Tuesday over the escape of fish in 2024 at Brannock."),
		later("march.txt", "The farm was fined on Tuesday over the escape of fish last March at Brannock."),
	}
	copies := map[string]retrieval.ArticleInfo{"copy.txt": articles[1].Info}
	for _, tt := range []struct {
		topic    string
		want     []string
		recalled []string
	}{
		{"the race from 2021 to 2024", []string{"2021.txt", "2023.txt", "wire.txt", "copy.txt", "named.txt"}, []string{"named.txt"}},
		{"the race in 2022", []string{"wire.txt"}, nil},
		{"the race in 2020", []string{"2020.txt"}, nil},
		{"the race", []string{"2020.txt", "2021.txt", "2023.txt", "wire.txt", "old.txt", "id.txt", "copy.txt", "fine.txt", "recall.txt", "named.txt", "march.txt"}, nil},
		// A filter that would keep nothing is dropped.
		{"the race in 1950", []string{"2020.txt", "2021.txt", "2023.txt", "wire.txt", "old.txt", "id.txt", "copy.txt", "fine.txt", "recall.txt", "named.txt", "march.txt"}, nil},
		// A copy is of its original's year, not of one it names.
		{"the race in 1998", []string{"old.txt"}, nil},
		// A month with the year: the reports of weeks around it, not of
		// another event that year (the articles are of May 1).
		{"the march 2020 strike", []string{"2020.txt"}, nil},
		{"the october 2020 strike", []string{"2020.txt"}, nil}, // none near: the year's
		// A later report opening on what happened in the year asked: "last
		// September" in May 2026 is of 2025, "last March" of 2026.
		{"the escape in 2025", []string{"fine.txt", "recall.txt"}, []string{"fine.txt", "recall.txt"}},
	} {
		var got, recalled []string
		kept, rec := inYears(articles, tt.topic, copies)
		for _, a := range kept {
			got = append(got, a.Info.Source)
			if rec[a.Info.Source] {
				recalled = append(recalled, a.Info.Source)
			}
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(recalled, tt.recalled) {
			t.Errorf("inYears(%q) = %v (recalled %v), want %v (%v)", tt.topic, got, recalled, tt.want, tt.recalled)
		}
	}
}

func TestTrendQuestion(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"How has festival attendance changed from 2022 to 2024?", true},
		{"Trace Dana Whitcombe's history with Pellham politics.", true},
		{"How has the number of players grown?", true},
		{"What did the festival look like each year?", true},
		{"Give me a timeline of the Kessling case.", false},
		{"How did the Kessling case develop over time?", false},
		{"In what order did events unfold after the vote?", false},
		{"How did the number of evacuees evolve?", true},
		{"How did the share of votes develop?", true},
		{"How did the brewer's operating profit move from quarter to quarter?", true},
		{"What were the sales month by month?", true},
	} {
		if got := trendQuestion(tt.q); got != tt.want {
			t.Errorf("trendQuestion(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestInMonth(t *testing.T) {
	on := func(src, date string) retrieval.ArticlePassages {
		d, _ := time.Parse(time.DateOnly, date)
		return retrieval.ArticlePassages{Info: retrieval.ArticleInfo{Source: src, Date: d}}
	}
	articles := []retrieval.ArticlePassages{
		on("called.txt", "2023-05-20"), on("ends.txt", "2023-06-10"), on("ratified.txt", "2023-07-02"),
		on("second.txt", "2023-11-05"), {Info: retrieval.ArticleInfo{Source: "copy.txt"}},
	}
	copies := map[string]retrieval.ArticleInfo{"copy.txt": articles[3].Info} // a copy of the November report
	var got []string
	kept, _ := inYears(articles, "june 2023 strike", copies)
	for _, a := range kept {
		got = append(got, a.Info.Source)
	}
	if want := []string{"called.txt", "ends.txt", "ratified.txt"}; !slices.Equal(got, want) {
		t.Errorf("inYears(june 2023 strike) = %v, want %v", got, want)
	}
}

// roleNouns is a closed list standing in for the thesaurus.
type roleNouns []string

func (r roleNouns) RoleNoun(w string) bool { return slices.Contains(r, w) }

func TestAskedRoles(t *testing.T) {
	roles := roleNouns{"analysts", "executives", "officials", "farmers"}
	for _, tt := range []struct {
		q             string
		asked, phrase []string
	}{
		{"Which executives and analysts are quoted?", []string{"executives", "analysts"}, []string{"executives", "and", "analysts"}},
		{"Which government officials were interviewed?", []string{"officials"}, []string{"government", "officials"}},
		// A role in the topic, not asked "which" of, is the topic's.
		{"Who is quoted about the farmers' protest?", nil, nil},
		{"Which articles quote farmers?", nil, nil},
	} {
		asked, phrase := askedRoles(tt.q, roles)
		if !slices.Equal(asked, tt.asked) || !slices.Equal(phrase, tt.phrase) {
			t.Errorf("askedRoles(%q) = %q, %q, want %q, %q", tt.q, asked, phrase, tt.asked, tt.phrase)
		}
	}
}
