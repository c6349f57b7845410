package retrieval

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"white space", " \n\t\n ", nil},
		{"no terminal punctuation", "  just words  ", []string{"just words"}},
		{"simple", "One. Two? Three! Four", []string{"One.", "Two?", "Three!", "Four"}},
		{"titles", "Mr. Smith met Mrs. Jones, Ms. Lee and Dr. Brown. They talked.",
			[]string{"Mr. Smith met Mrs. Jones, Ms. Lee and Dr. Brown.", "They talked."}},
		{"ranks and offices", "Gen. David Petraeus, Sen. John McCain, Rep. Ron Paul, Gov. Sarah Palin and Lt. Col. Oliver North met. It went well.",
			[]string{"Gen. David Petraeus, Sen. John McCain, Rep. Ron Paul, Gov. Sarah Palin and Lt. Col. Oliver North met.", "It went well."}},
		{"dotted abbreviations inside", "The U.S. Army, the U.N. Security Council and the U.K. Foreign Office agreed.",
			[]string{"The U.S. Army, the U.N. Security Council and the U.K. Foreign Office agreed."}},
		{"dotted abbreviation ending a sentence", "Troops returned to the U.S. They were tired.",
			[]string{"Troops returned to the U.S.", "They were tired."}},
		{"U.S.-led", "The U.S.-led force grew. It is large.", []string{"The U.S.-led force grew.", "It is large."}},
		{"St. and Jr.", "He lives on St. Laurent Blvd. in Montreal. Martin Luther King Jr. Day is a holiday.",
			[]string{"He lives on St. Laurent Blvd. in Montreal.", "Martin Luther King Jr. Day is a holiday."}},
		{"company suffixes", "Acme Inc. and Widget Co. merged with Foo Ltd. on Monday. He works for Acme Corp. The company makes widgets.",
			[]string{"Acme Inc. and Widget Co. merged with Foo Ltd. on Monday.", "He works for Acme Corp.", "The company makes widgets."}},
		{"vs.", "It was Canada vs. France. Canada won.", []string{"It was Canada vs. France.", "Canada won."}},
		{"etc.", "Bring tents, food, etc. to the camp. Then wait.", []string{"Bring tents, food, etc. to the camp.", "Then wait."}},
		{"etc. ending a sentence", "Bring tents, food, etc. The rest is here.", []string{"Bring tents, food, etc.", "The rest is here."}},
		{"e.g. and i.e.", "Some allies, e.g. France, will help. Others, i.e. Germany and Italy, will not. Use one, e.g. Ottawa.",
			[]string{"Some allies, e.g. France, will help.", "Others, i.e. Germany and Italy, will not.", "Use one, e.g. Ottawa."}},
		{"No.", "He is No. 2 in the party. No. The answer is no.", []string{"He is No. 2 in the party.", "No.", "The answer is no."}},
		{"months", "The vote is on Feb. 22 in Ottawa. The Sept. 11 attacks and the Jan. 5, 2008, talks followed. It ended in Dec. The end.",
			[]string{"The vote is on Feb. 22 in Ottawa.", "The Sept. 11 attacks and the Jan. 5, 2008, talks followed.", "It ended in Dec.", "The end."}},
		{"initials", "George W. Bush met J. Smith and J.R.R. Tolkien. He left.",
			[]string{"George W. Bush met J. Smith and J.R.R. Tolkien.", "He left."}},
		{"numbers", "Canada has 2,500 troops. Growth was 3.5 percent. The deal is worth $1.5 billion. In 2008. 2009 was worse.",
			[]string{"Canada has 2,500 troops.", "Growth was 3.5 percent.", "The deal is worth $1.5 billion.", "In 2008.", "2009 was worse."}},
		{"ellipsis inside a sentence", "We will win ... and we will stay. He paused... then left.",
			[]string{"We will win ... and we will stay.", "He paused... then left."}},
		{"ellipsis before a new sentence", "Some of them are open ... We are going to have talks. Wait… They came.",
			[]string{"Some of them are open ...", "We are going to have talks.", "Wait…", "They came."}},
		{"ellipsis before a name", "He said Canada ... France would help.", []string{"He said Canada ... France would help."}},
		{"spaced ellipsis", "When the dictators. . . are ready, they strike. The end. . . . Civilization goes on.",
			[]string{"When the dictators. . . are ready, they strike.", "The end. . . .", "Civilization goes on."}},
		{"quote ends after the closing quote", `"We achieved some success." Then he left.`,
			[]string{`"We achieved some success."`, "Then he left."}},
		{"curly quotes", "“We are staying the course.” Cannon said so. ‘Fine.’ He nodded.",
			[]string{"“We are staying the course.”", "Cannon said so.", "‘Fine.’", "He nodded."}},
		{"question in a quote", `"Is it over?" he asked. "No."`, []string{`"Is it over?" he asked.`, `"No."`}},
		{"quote inside a sentence", `He said a decision was "near." Then he left.`,
			[]string{`He said a decision was "near."`, "Then he left."}},
		{"brackets", "He left (for good). Then he came back. The firm (Acme Inc.) said so. (See page 3.) The end.",
			[]string{"He left (for good).", "Then he came back.", "The firm (Acme Inc.) said so.", "(See page 3.)", "The end."}},
		{"footnote mark", "It was done.[1] It is good.", []string{"It was done.[1]", "It is good."}},
		{"numbered items", "We have two goals. 1. Cut taxes. 2. Raise wages.", []string{"We have two goals.", "1. Cut taxes.", "2. Raise wages."}},
		{"run-together words", "had taken no decision on deploying troops or equipment.France has some 1,500 troops, based mostly in the capitalKabul.",
			[]string{"had taken no decision on deploying troops or equipment.", "France has some 1,500 troops, based mostly in the capitalKabul."}},
		{"run-together before a pronoun", "we pass on peace.We will stay.", []string{"we pass on peace.", "We will stay."}},
		{"not run-together", "Visit reuters.com or www.cbc.ca today. The U.S.Army and e.g.France stay.",
			[]string{"Visit reuters.com or www.cbc.ca today.", "The U.S.Army and e.g.France stay."}},
		{"blank line", "Headline\n\nBody text here", []string{"Headline", "Body text here"}},
		{"blank line with spaces", "First part\n  \t\nsecond part", []string{"First part", "second part"}},
		{"newline after terminal punctuation", "Line one ends here.\nLine two starts.", []string{"Line one ends here.", "Line two starts."}},
		{"newline after an abbreviation", "He met Mr.\nSmith today.", []string{"He met Mr.\nSmith today."}},
		{"headline then paragraph", "NATO boss wants Canada to extend Afghan tour: reports\nOTTAWA (Reuters) - The new secretary-general of NATO said on Thursday he wanted Canada to stay.",
			[]string{"NATO boss wants Canada to extend Afghan tour: reports", "OTTAWA (Reuters) - The new secretary-general of NATO said on Thursday he wanted Canada to stay."}},
		{"headline, byline, dateline", "Troops to stay in Kandahar until the end of 2011\nBy Jane Doe\nOTTAWA (Reuters) - Canada will keep its troops.",
			[]string{"Troops to stay in Kandahar until the end of 2011", "By Jane Doe", "OTTAWA (Reuters) - Canada will keep its troops."}},
		{"hard-wrapped prose", "The minister said on Thursday that the government would extend the\nmission in Afghanistan beyond 2011 if other NATO nations sent more\nTroops to Kandahar province, and he met with senior officials from\nCanada and France.",
			[]string{"The minister said on Thursday that the government would extend the\nmission in Afghanistan beyond 2011 if other NATO nations sent more\nTroops to Kandahar province, and he met with senior officials from\nCanada and France."}},
		{"Markdown list", "Key points:\n- Troops stay\n- Talks continue\n1. First\n# Heading\nText", []string{"Key points:", "- Troops stay", "- Talks continue", "1. First", "# Heading", "Text"}},
		{"paragraph separator", "First block\u2029Second block\u2029\u2029", []string{"First block", "Second block"}},
		{"long line without punctuation then a new paragraph", strings.Repeat("a long paragraph line ", 6) + "\nAnother paragraph.",
			[]string{strings.TrimSpace(strings.Repeat("a long paragraph line ", 6)), "Another paragraph."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := SplitSentences(tt.text)
			var got []string
			for _, s := range spans {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("SplitSentences(%q) =\n%q\nwant\n%q", tt.text, got, tt.want)
			}
			checkSpans(t, tt.text, spans)
		})
	}
}

// checkSpans checks that spans are in order, do not overlap, are not empty
// and are trimmed.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %v out of order or empty (previous end %d, text length %d)", s, prev, len(text))
		}
		sub := text[s.Start:s.End]
		if strings.TrimSpace(sub) != sub {
			t.Errorf("span %v = %q is not trimmed", s, sub)
		}
		prev = s.End
	}
}

// TestSplitSentencesSeeds checks the hard sentences of the seeds exactly.
func TestSplitSentencesSeeds(t *testing.T) {
	want := map[string][]string{
		"000_7b664699113ac3fb.txt": {
			"NATO talks are currently underway at the organization's headquarters in Brussels, Belgium.",
			"Canadian Defence Minister Maxime Bernier is among the 26 ministers taking part.",
			`"We are aware both of the needs of Kandahar in the south and of the east.`,
			`The final decision will lie with President Nicolas Sarkozy and the army."`,
			`He said that Canada should have a decision in the "near future."`,
		},
		"001_b7e1029fb9729208.txt": {
			`"We knocked on a lot of doors.`,
			"Some of them are open andFrance is one of those countries ...",
			`We are going to have somediscussions about logistically how we can make it happen,"Canadian Defence Minister Peter MacKay told reporters.`,
			`There is no confusionwhat the requirements are," he said, pointing to a need formore troops and equipment.`,
			`"We achieved some success."`,
			"French Defence Minister Herve Morin told reporters at theNATO meeting on Thursday that Paris was willing to help Canada,but had taken no decision on deploying troops or equipment.",
			"France has some 1,500 troops, based mostly in the capitalKabul.",
			"(Reporting by Patrick Lannin, Illona Wiessenbach and MarkJohn; Editing by Catherine Evans)",
		},
		"002_6b9d529eae85757d.txt": {
			"NATO boss wants Canada to extend Afghan tour: reports",
			"A Canadian soldier sits inside an armoured vehicle during a night patrol in Kandahar city, June 13 2009.",
			"REUTERS/Jorge Silva",
			"“On the other comments, however, our government is abiding by the motion passed in Parliament in 2008 -- that is that our combat forces will leave by 2011.",
			"We are staying the course.”",
			"Reporting by David Ljunggren; editing by Rob Wilson",
		},
	}
	for name, sents := range want {
		got := sentences(string(loaderSeed(t, name)))
		for _, s := range sents {
			if !slices.Contains(got, s) {
				t.Errorf("%s: sentences lack %q", name, s)
			}
		}
	}
}
