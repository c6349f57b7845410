package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

func TestFigurePeriod(t *testing.T) {
	e := testAnswerer(Options{})
	date := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	def := figPeriod{year: 2024, quarter: 1}
	for _, tt := range []struct {
		text, figure, want string
	}{
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£38.5 million", "Q1 2023"},
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£41.2 million", "Q1 2024"},
		{"The zoo welcomed 212,000 visitors in 2021, up from 118,000 in 2020.", "118,000", "2020"},
		// Quarters as constraint.go reads them, the year a quarter's
		// last ended before the report where none is written.
		{"Operating profit rose to £4.4 million in the three months to March 31.", "£4.4 million", "Q1 2024"},
		{"Operating profit rose to £4.4 million in the last quarter.", "£4.4 million", "Q4 2023"},
		{"Sales were £9.1 million in Q3, down from £9.8 million in the second quarter of 2023.", "£9.8 million", "Q2 2023"},
		// A change is of the period reported, not of the year before.
		{"Revenue rose 9 percent from a year earlier.", "9 percent", "Q1 2024"},
		// A year in another clause is not the figure's.
		{"The tunnel is budgeted at £1.9 billion and is due to carry its first trains in 2025.", "£1.9 billion", "Q1 2024"},
		{"The budget rose to £2.2 billion last year.", "£2.2 billion", "2023"},
	} {
		s := sentence(tt.text)
		found := false
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.text != tt.figure {
				continue
			}
			found = true
			if p, _ := figurePeriod(s, m, def, date); p.String() != tt.want {
				t.Errorf("figurePeriod(%q, %s) = %s, want %s", tt.text, tt.figure, p, tt.want)
			}
		}
		if !found {
			t.Errorf("no figure %s in %q", tt.figure, tt.text)
		}
	}
}

func TestOtherMeasure(t *testing.T) {
	e := testAnswerer(Options{})
	revenue := map[string]bool{}
	for _, t := range e.terms.Terms("revenue") {
		revenue[t] = true
	}
	for _, tt := range []struct {
		text, figure string
		want         bool
	}{
		{"The brewer made an operating profit of £3.1 million in the quarter.", "£3.1 million", true},
		{"Revenue rose to £41.2 million in the first quarter.", "£41.2 million", false},
		{"Revenue rose to £41.2 million in the first quarter of 2024, from £38.5 million a year earlier.", "£38.5 million", false},
	} {
		s := sentence(tt.text)
		for _, m := range e.lexicon.mentions(s, e.terms.Terms) {
			if m.text == tt.figure {
				if got := e.otherMeasure(s, m, revenue); got != tt.want {
					t.Errorf("otherMeasure(%q, %s) = %v, want %v", tt.text, tt.figure, got, tt.want)
				}
			}
		}
	}
}

// A figure's history leaves out, whether told period by period or report
// by report, a figure foreseen (no one's yet) and one of another measure.
func TestFigureHistoryLeavesOut(t *testing.T) {
	for _, tt := range []struct {
		name, topic string
		articles    []retrieval.ArticlePassages
		want        []string
		not         string
	}{
		{"a forecast is no year's figure", "ferry passengers", []retrieval.ArticlePassages{
			passageArticle("a.txt", "2023-03-01", "The ferry carried 4.1 million passengers in 2022, the operator said."),
			passageArticle("b.txt", "2024-03-01", "The ferry carried 4.6 million passengers in 2023. The operator expects 5.2 million passengers in 2024."),
		}, []string{"- 2022: 4.1 million", "- 2023: 4.6 million"}, "5.2 million"},
		{"another measure is no report's figure", "brewer revenue", []retrieval.ArticlePassages{
			passageArticle("a.txt", "2024-05-02", "The brewer's revenue was £41.2 million, the company said."),
			passageArticle("b.txt", "2024-08-01", "The brewer made an operating profit of £4.4 million."),
			passageArticle("c.txt", "2024-10-31", "The brewer's revenue was £44.0 million, the company said."),
		}, []string{"2024-05-02", "£41.2 million", "The latest report, of 2024-10-31, gives £44.0 million"}, "£4.4 million"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := testAnswerer(Options{}).Answer(t.Context(), bot.Request{Question: "?", Coverage: &bot.Coverage{
				Kind: bot.CoverageTimeline, Trend: true, Topic: tt.topic, Articles: tt.articles}})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("got %s\nwant %q in it", a.Text, w)
				}
			}
			if strings.Contains(a.Text, tt.not) {
				t.Errorf("got %s\nwant no %q", a.Text, tt.not)
			}
		})
	}
}
