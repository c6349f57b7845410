package extractive

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// TestSameQuantityWorded holds the shapes in which two reports give one
// quantity or the date of one event differently, each worded its own
// way, and the shapes that are no disagreement: two quantities, a figure
// and its later update, two events of a story.
func TestSameQuantityWorded(t *testing.T) {
	type art struct{ date, text string }
	e := testAnswerer(Options{}) // WordNet loads once
	for _, tt := range []struct {
		name string
		arts []art
		want []string // in the answer
		not  []string // not in it
	}{
		{"a sum with a sign and a scale run on",
			[]art{{"2025-03-10", "The tram strike cost the city 2.3 million euros in lost fares, the transport authority said."},
				{"2025-03-11", "The walkout meant €2.5m in lost fares for the city's trams, officials said."}},
			[]string{"2.3 million euros vs €2.5m"}, nil},
		{"a sum with a sign and with its name",
			[]art{{"2025-03-10", "The new stand at Brack Park cost 48 million dollars to build."},
				{"2025-03-12", "Built for $52 million, the new stand at Brack Park opens next week."}},
			[]string{"48 million dollars vs $52 million"}, nil},
		{"jobs and positions",
			[]art{{"2025-02-10", "Orvin Paper will cut 350 jobs at its mill in Dunmore, the company said on Tuesday."},
				{"2025-02-10", "At the Dunmore mill, 400 positions will go, Orvin Paper told staff."}},
			[]string{"350 jobs vs 400 positions"}, nil},
		{"a figure in words",
			[]art{{"2025-02-10", "Orvin Paper will cut 350 jobs at its mill in Dunmore, the company said on Tuesday."},
				{"2025-02-10", "Orvin Paper is to cut three hundred jobs at its mill in Dunmore."}},
			[]string{"350 jobs vs three hundred jobs"}, nil},
		{"a count and the verb that takes the other",
			[]art{{"2025-05-02", "The new concert hall in Vessby seats 1,100 people."},
				{"2025-05-20", "Every concert in the 1,200-seat Vessby hall sold out in its first week."}},
			[]string{"1,100 people vs 1,200-seat"}, nil},
		{"a count of films, one a round figure",
			[]art{{"2025-09-01", "The Lisk film festival will screen 112 films from 41 countries this year."},
				{"2025-09-02", "Some 120 films will be shown at the Lisk festival, its director said."}},
			[]string{"112 films vs 120 films"}, []string{"41 countries vs"}},
		{"the opening of a fair, told in a preview",
			[]art{{"2025-05-28", "The Harlow book fair opens on June 3 at the exhibition centre."},
				{"2025-05-20", "The Harlow book fair gets under way on Friday, June 5, with 300 publishers."}},
			[]string{"June 3", "June 5"}, nil},
		{"the end of production, five days apart",
			[]art{{"2025-02-10", "Production at the Dunmore mill will stop on September 25, Orvin Paper said."},
				{"2025-02-10", "A letter to workers said production at the mill would end on September 30."}},
			[]string{"September 25", "September 30"}, nil},
		{"results in an undated copy",
			[]art{{"2025-05-06", "The election commission will announce the results on May 8."},
				{"", "The election commission is due to announce the results on May 9."}},
			[]string{"May 8", "May 9"}, nil},
		{"an opening and a closing are two events",
			[]art{{"2025-07-01", "The Tallis jazz festival opens on July 8 on the harbour stage."},
				{"2025-07-02", "The Tallis jazz festival closes on July 12 with a gala on the harbour stage."}},
			nil, []string{"July 8 vs", "July 12 vs", "differ on"}},
		{"this year's attendance and last year's record",
			[]art{{"2025-07-13", "The Tallis jazz festival drew 31,000 people this year."},
				{"2025-07-14", "Attendance at the Tallis jazz festival fell short of last year's record of 36,500 people."}},
			nil, []string{"31,000 people vs", "36,500 people vs"}},
		{"two measures in one sentence, as sure: the words right by each tell",
			[]art{{"2021-08-14", "The United States Geological Survey said the quake struck at a depth of 12 kilometres near Puerto Lima."},
				{"2021-08-14", "The quake was centred 14 kilometres south of the town of Puerto Lima at a depth of 10 kilometres, the agency said."}},
			[]string{"12 kilometres vs 10 kilometres"}, []string{"vs 14 kilometres"}},
		{"an offer and the rise agreed weeks later",
			[]art{{"2025-05-20", "Ferry crews will strike from June 2 after rejecting a pay offer of 4.5 percent, the union said."},
				{"2025-06-10", "Ferry crews returned to work after the union accepted a pay rise of 5.2 percent."}},
			nil, []string{"4.5 percent vs", "5.2 percent vs"}},
		{"a figure and its later update",
			[]art{{"2025-02-10", "Orvin Paper will cut 350 jobs at its Dunmore mill."},
				{"2025-03-03", "After talks with the union, Orvin Paper said 280 jobs would now go at its Dunmore mill."}},
			nil, []string{"350 jobs vs", "280 jobs vs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var arts []retrieval.ArticlePassages
			for i, a := range tt.arts {
				arts = append(arts, passageArticle(string(rune('a'+i))+".txt", a.date, a.text))
			}
			a, err := e.Answer(t.Context(), bot.Request{Question: "?", Coverage: &bot.Coverage{Kind: bot.CoverageDisagree, Articles: arts}})
			if err != nil {
				t.Fatal(err)
			}
			got := a.Text
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %s\nwant %q in it", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("got %s\nwant no %q", got, n)
				}
			}
		})
	}
}
