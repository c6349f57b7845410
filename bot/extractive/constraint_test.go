package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

func TestPeriodsIn(t *testing.T) {
	for _, tt := range []struct {
		text    string
		want    []period
		compare bool
	}{
		{"revenue in the fourth quarter of 2023", []period{{quarter: 4, year: 2023}}, false},
		{"its third-quarter revenue rose", []period{{quarter: 3}}, false},
		{"What was the revenue in Q1?", []period{{quarter: 1}}, false},
		{"in the first three months of 2024, from 15.2 million", []period{{quarter: 1, year: 2024}}, false},
		{"for the last three months of the year", []period{{quarter: 4}}, false},
		{"earning 21.6 million euros between April and June", []period{{quarter: 2}}, false},
		{"from July to September", []period{{quarter: 3}}, false},
		{"up from $33 million in the fourth quarter of 2022", []period{{quarter: 4, year: 2022}}, true},
		{"from April to July", nil, false},
		{"sales in the December quarter of 2023", []period{{quarter: 4, year: 2023}}, false},
		{"the May quarter", nil, false},
		{"the first time in a quarter century", nil, false},
	} {
		got := periodsIn(splitWords(tt.text))
		if len(got) != len(tt.want) {
			t.Errorf("periodsIn(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for i, sp := range got {
			if sp.period.quarter != tt.want[i].quarter || sp.period.year != tt.want[i].year || sp.compared != tt.compare {
				t.Errorf("periodsIn(%q)[%d] = %+v, want %+v (compared %v)", tt.text, i, sp, tt.want[i], tt.compare)
			}
		}
	}
}

func TestReportedYear(t *testing.T) {
	for _, tt := range []struct {
		quarter int
		date    string
		want    int
	}{
		{4, "2024-02-08", 2023},
		{1, "2024-05-08", 2024},
		{3, "2023-10-26", 2023},
		{2, "2024-06-30", 2023}, // not over yet: last year's
	} {
		d, _ := time.Parse(time.DateOnly, tt.date)
		if got := reportedYear(tt.quarter, d); got != tt.want {
			t.Errorf("reportedYear(%d, %s) = %d, want %d", tt.quarter, tt.date, got, tt.want)
		}
	}
	if got := reportedYear(4, time.Time{}); got != 0 {
		t.Errorf("reportedYear of an undated article = %d, want 0", got)
	}
}

func TestOrdinalValue(t *testing.T) {
	for w, want := range map[string]int{"13th": 13, "thirteenth": 13, "2nd": 2, "21st": 21, "first": 1, "tenth": 10, "month": 0, "th": 0, "4x4th": 0} {
		if got := ordinalValue(w); got != want {
			t.Errorf("ordinalValue(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestEditionYears: an edition numbered in one report ("the 15th
// regatta", June 2024) is the one another report of that year tells of
// without its number; a report that numbers editions itself says which.
func TestEditionYears(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d23, d24 := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		dates    []time.Time
		want     string // in the answer; "" for a refusal
	}{
		{"How many yachts took part in the 15th Kerrow regatta?", []string{
			"Blue Heron won the 15th Kerrow regatta by three minutes on Sunday.",
			"A fleet of 58 yachts took part in the Kerrow regatta, on a course cut to 31 nautical miles.",
			"Sixty-one yachts took part in the 14th Kerrow regatta.",
		}, []time.Time{d24, d24, d23}, "58 yachts"},
		{"How many yachts took part in the 16th Kerrow regatta?", []string{
			"Blue Heron won the 15th Kerrow regatta by three minutes on Sunday.",
			"A fleet of 58 yachts took part in the Kerrow regatta, on a course cut to 31 nautical miles.",
		}, []time.Time{d24, d24}, ""},
	} {
		var passages []retrieval.Result
		for i, text := range tt.texts {
			passages = append(passages, dated(string(rune('a'+i))+".txt", text, tt.dates[i]))
		}
		a := e.answer(tt.question, passages)
		switch {
		case tt.want == "" && !a.Refused:
			t.Errorf("%q: got %q, want a refusal", tt.question, a.Text)
		case tt.want != "" && !strings.Contains(a.Text, tt.want):
			t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, tt.want)
		}
	}
}

// TestQuarterEnded: "the quarter ended Dec. 31" in a report of February
// is the fourth quarter of the year before; a quarter names which figure,
// never what: a sentence on revenue does not give the net loss.
func TestQuarterEnded(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	feb := time.Date(2024, 2, 14, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"Corvane said revenue rose to 41.2 million euros in the quarter ended Dec. 31, up from 29.5 million euros a year earlier.",
		"For the full year, revenue reached 138 million euros.",
		"Its net loss in the third quarter had been 6.3 million euros.",
	}
	for _, tt := range []struct {
		question, want string
	}{
		{"What was Corvane's revenue in the fourth quarter of 2023?", "41.2 million"},
		{"What was Corvane's revenue in Q3 2023?", ""},
		{"What was Corvane's net loss in the fourth quarter of 2023?", ""},
	} {
		a := e.answer(tt.question, datedAll(texts, feb))
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
	for text, want := range map[string]period{
		"in the quarter ended Dec. 31":          {quarter: 4},
		"for the three months to June 30, 2024": {quarter: 2, year: 2024},
		"in the quarter ending March 31":        {quarter: 1},
		"in the month ended Dec. 31":            {},
	} {
		var got period
		if ps := periodsIn(splitWords(text)); len(ps) > 0 {
			got = ps[0].period
		}
		if got != want {
			t.Errorf("periodsIn(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// TestImpliedEdition: the editions of a yearly event a year apart: "the
// tenth derby" in a report of 2023 makes the ninth the race of 2022, told
// by a report that numbers none; "first run in 2014" does the same.
func TestImpliedEdition(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d22, d23, d24 := time.Date(2022, 3, 7, 0, 0, 0, 0, time.UTC), time.Date(2023, 3, 6, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 26, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		texts    []string
		dates    []time.Time
		want     string
	}{
		{"How many teams started the ninth Harrowfell Derby?", []string{
			"Fifty-one teams started the Harrowfell Derby on Friday.",
			"Tomas Varga won the tenth Harrowfell Derby on Sunday.",
			"Forty-four teams started the Harrowfell Derby in thin snow.",
		}, []time.Time{d22, d23, d23}, "Fifty-one"},
		{"How many teams entered the eleventh Harrowfell Derby?", []string{
			"The Harrowfell Derby was first run in 2014, when eighteen teams raced.",
			"Sixty-two teams entered the Harrowfell Derby this year.",
			"Forty-four teams entered the Harrowfell Derby in thin snow.",
		}, []time.Time{{}, d24, d23}, "Sixty-two"},
		{"How many teams entered the twelfth Harrowfell Derby?", []string{
			"Tomas Varga won the tenth Harrowfell Derby on Sunday.",
			"Sixty-two teams entered the Harrowfell Derby this year.",
		}, []time.Time{d23, d24}, ""},
	} {
		var passages []retrieval.Result
		for i, text := range tt.texts {
			passages = append(passages, dated(string(rune('a'+i))+".txt", text, tt.dates[i]))
		}
		a := e.answer(tt.question, passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}

// TestPlacing: an ordinal with no noun after it places someone ("Who
// finished second?"), and a margin over someone places them second.
func TestPlacing(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d := time.Date(2022, 3, 7, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"Ingrid Solberg won the Harrowfell Derby on Sunday after two days on the trail.",
		"Solberg finished 42 minutes ahead of Tomas Varga, who lives in Kautokeino.",
		"The prize for the winner was 200,000 kroner.",
	}
	for _, q := range []string{"Who finished second in the 2022 Harrowfell Derby?", "Who was the runner-up in 2022?"} {
		a := e.answer(q, []retrieval.Result{dated("a.txt", strings.Join(texts, "\n\n"), d)})
		checkAnswer(t, q, a.Text, a.Refused, "Tomas Varga")
	}
	for text, want := range map[string]bool{
		"Solberg finished 42 minutes ahead of Tomas Varga.":     true,
		"Feeney finished five points clear of Nora Quill.":      true,
		"His winning margin was 11 minutes over Aino Lehtinen.": true,
		"Kerr beat Donal Feeney into second place.":             true,
		"The route ran over the plateau past Skaidi.":           false,
		"She was ahead of schedule at the Breivik checkpoint.":  false,
	} {
		if got := placesSecond(splitWords(text)); got != want {
			t.Errorf("placesSecond(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestAskedDay: a day the question names is met by a report of that day,
// or a sentence naming it, and by no other.
func TestAskedDay(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d10, d13 := time.Date(2025, 5, 10, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 13, 0, 0, 0, 0, time.UTC)
	passages := []retrieval.Result{
		dated("a.txt", "By the evening the lava field at Mount Orra covered about 2 square kilometres, the agency said.", d10),
		dated("b.txt", "The lava field at Mount Orra reached the sea on Monday, May 12, when it had grown to 5.4 square kilometres.", d13),
	}
	for _, tt := range []struct{ question, want string }{
		{"What area did the lava field cover on May 10?", "2 square kilometres"},
		{"What area did the lava field cover on May 12?", "5.4 square kilometres"},
		{"What area did the lava field cover on May 15?", ""},
	} {
		a := e.answer(tt.question, passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}

// TestEditionYearWritten: an edition named with its year ("the second
// edition, in 2020") is of that year, not of its report's; the report's
// own story is of another edition.
func TestEditionYearWritten(t *testing.T) {
	d := time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC)
	text := "Delphine Okafor won the Harlan poetry prize on Monday for her collection Salt Hours.\n\n" +
		"The prize was founded in 2019; the second edition, in 2020, was won by Amos Reddy."
	a := testAnswerer(Options{}).answer("Who won the second Harlan prize?", []retrieval.Result{dated("a.txt", text, d)})
	if !strings.Contains(a.Text, "Amos Reddy") || strings.Contains(a.Text, "Okafor") {
		t.Errorf("got %q, want Amos Reddy and not Okafor", a.Text)
	}
}

// TestHeadlinedNoAuthor: "Who headlined the festival?" asks for the
// performer, not the author of a headline; "Jazz" in a festival's name
// is no document.
func TestHeadlinedNoAuthor(t *testing.T) {
	e := testAnswerer(Options{})
	for _, q := range []string{"Who headlined the 2024 Marlow Jazz Weekend?", "Who headlined the festival in 2024?"} {
		if e.parseQuestion(q).author {
			t.Errorf("%q: asks for an author, want not", q)
		}
	}
	if !e.parseQuestion("Who wrote the article about the festival?").author {
		t.Errorf("'Who wrote the article' asks for no author, want one")
	}
}

// TestResultOfYear: the margin, the length of the route and the share
// price a question asks about are of the year or edition it names, which
// the reports say through their dates: "finished 38 seconds ahead of" in
// a report of 2022 is the winning margin of 2022, and a report of 2022
// tells of the fifth edition when the sixth was 2023's; "1,180 kilometres" in a preview of
// 2024 is the length of 2024's route; "shares fell 8% to $41.20" in the
// report of February's results is the share price after them.
func TestResultOfYear(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d22, d23, d24 := time.Date(2022, 5, 16, 0, 0, 0, 0, time.UTC), time.Date(2023, 5, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)
	race := []retrieval.Result{
		dated("a.txt", "Ruben Castellan won the Kessen Tour on Sunday.\n\nCastellan finished 38 seconds ahead of Jonas Vliet after six stages and 912 kilometres.", d22),
		dated("b.txt", "Jonas Vliet won the sixth Kessen Tour on Sunday.\n\nThe Dutch rider beat Castellan by 1 minute 12 seconds.\n\nThis year's route was the longest yet: seven stages covering 1,046 kilometres.", d23),
		dated("c.txt", "The seventh Kessen Tour starts on Tuesday and will be the longest edition so far: eight stages and 1,180 kilometres.\n\nThe organisers expect 300,000 spectators along the route.", d24),
	}
	feb, aug := time.Date(2024, 2, 7, 0, 0, 0, 0, time.UTC), time.Date(2024, 8, 6, 0, 0, 0, 0, time.UTC)
	shares := []retrieval.Result{
		dated("d.txt", "Corvane said fourth-quarter revenue rose 18% to $455 million.\n\nShares fell 8% to $41.20 in after-hours trading.", feb),
		dated("e.txt", "Corvane reported second-quarter revenue of $538 million.\n\nShares rose 6% to $47.90 in morning trading.", aug),
	}
	for _, tt := range []struct {
		question string
		passages []retrieval.Result
		want     string
	}{
		{"What was the winning margin in the 2022 Kessen Tour?", race, "38 seconds"},
		{"What was the winning margin in 2023?", race, "1 minute 12 seconds"},
		{"What was the winning margin in the 2024 Kessen Tour?", race, ""},
		{"How long is the 2024 route?", race, "1,180 kilometres"},
		{"How long was the course of the fifth Kessen Tour?", race, "912 kilometres"},
		{"How many stages did the fifth edition have?", race, "six stages"},
		{"What was the margin of victory in the sixth Kessen Tour?", race, "1 minute 12 seconds"},
		{"What was Corvane's share price after its February 2024 results?", shares, "$41.20"},
		{"What was Corvane's share price after the August 2024 results?", shares, "$47.90"},
	} {
		a := e.answer(tt.question, tt.passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}

// TestOtherYear: only a year is of another year than an article's; an
// ordinal of four characters ("15th") is not.
func TestOtherYear(t *testing.T) {
	d := time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		t    qterm
		want bool
	}{
		{qterm{stem: "2023", figure: true}, true},
		{qterm{stem: "2024", figure: true}, false},
		{qterm{stem: "15th", figure: true, forms: []string{ordinalTerm(15)}}, false},
		{qterm{stem: "rout"}, false},
	} {
		if got := otherYear(tt.t, d); got != tt.want {
			t.Errorf("otherYear(%q) = %v, want %v", tt.t.stem, got, tt.want)
		}
	}
}

// TestQuarterNotHalf: a figure of a half year, nine months or the full
// year is of another period than the quarter asked about, though its
// article names that quarter elsewhere.
func TestQuarterNotHalf(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	jul, feb := time.Date(2024, 7, 25, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 12, 0, 0, 0, 0, time.UTC)
	passages := []retrieval.Result{
		dated("a.txt", "Holloway's revenue in the first half of the year rose 7% to £453 million.\n\nIts second-quarter revenue rose 8%, to £241 million.", jul),
		dated("b.txt", "Holloway's full-year revenue reached £940 million.\n\nFourth-quarter revenue was £262 million.", feb),
	}
	for _, tt := range []struct{ question, want, not string }{
		{"What was Holloway's revenue in the second quarter of 2024?", "£241 million", "£453 million"},
		{"What was Holloway's revenue in Q4 2024?", "£262 million", "£940 million"},
		{"What was Holloway's revenue in the third quarter of 2024?", "", ""},
	} {
		a := e.answer(tt.question, passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
		if tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, a figure of another period", tt.question, a.Text)
		}
	}
}

// TestFirstEdition: "the first award" is the inaugural one, or the one
// of the year of the first edition.
func TestFirstEdition(t *testing.T) {
	e := testAnswerer(Options{}) // one answerer: loading WordNet is the slow part
	d19, d21 := time.Date(2019, 8, 20, 0, 0, 0, 0, time.UTC), time.Date(2021, 8, 23, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		question string
		passages []retrieval.Result
		want     string
	}{
		{"Who won the first Brannock award?", []retrieval.Result{
			dated("a.txt", "The inaugural Brannock award went to the painter Mira Sol.", d19),
			dated("b.txt", "The Brannock award went to the sculptor Ed Park.", d21),
		}, "Mira Sol"},
		{"Who won the first Brannock award?", []retrieval.Result{
			dated("a.txt", "The Brannock award, first given in 2019, went to the painter Mira Sol.", d19),
			dated("b.txt", "The third Brannock award went to the sculptor Ed Park.", d21),
		}, "Mira Sol"},
		{"Who won the second Brannock award?", []retrieval.Result{
			dated("a.txt", "The Brannock award went to the painter Mira Sol.", time.Date(2020, 8, 20, 0, 0, 0, 0, time.UTC)),
			dated("b.txt", "The third Brannock award went to the sculptor Ed Park.", d21),
		}, "Mira Sol"},
	} {
		a := e.answer(tt.question, tt.passages)
		checkAnswer(t, tt.question, a.Text, a.Refused, tt.want)
	}
}
