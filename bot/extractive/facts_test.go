package extractive

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// article is one retrieved passage: a whole short article.
type article struct {
	source, date, text string
}

func passagesOf(arts ...article) []retrieval.Result {
	out := make([]retrieval.Result, len(arts))
	for i, a := range arts {
		d, _ := time.Parse(time.DateOnly, a.date)
		out[i] = retrieval.Result{Chunk: retrieval.Chunk{ID: a.source + "#0", Source: a.source, Date: d, FirstLine: 1,
			LastLine: strings.Count(a.text, "\n") + 1, Text: a.text}}
	}
	return out
}

// wantAnswer checks e's answer to q from arts: one holding want and not
// not, or a refusal when want is "".
func wantAnswer(t *testing.T, e *Answerer, q string, arts []article, want, not string) {
	t.Helper()
	a, err := e.Answer(context.Background(), bot.Request{Question: q, Passages: passagesOf(arts...)})
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case want == "" && !a.Refused:
		t.Errorf("%s\n= %s\nwant a refusal", q, a.Text)
	case want != "" && (a.Refused || !strings.Contains(a.Text, want) || not != "" && strings.Contains(a.Text, not)):
		t.Errorf("%s\n= %s\nwant %q, not %q", q, a.Text, want, not)
	}
}

// Single facts asked otherwise than the articles write them, and the
// constraints of a question (a quarter, an edition) held as values.
func TestSingleFacts(t *testing.T) {
	results := []article{
		{"q1.txt", "2024-05-08", "Acme said on Wednesday its net loss narrowed to 9.4 million euros in the first three months of 2024.\n\nRevenue rose 11 percent to 212 million euros in the quarter.\n"},
		{"q4.txt", "2025-02-12", "Acme posted revenue of 265 million euros for the last three months of the year.\n\nNet profit for the quarter was 3.1 million euros, up from 1.2 million euros in the fourth quarter of 2023.\n"},
		{"rival.txt", "2024-11-06", "Borealis said its third-quarter revenue rose to 410 million euros.\n"},
	}
	people := []article{
		{"director.txt", "2023-05-10", "The Philharmonic named the Dutch conductor Ilse Vandermeer-Kroft as its next music director.\n\nShe succeeds Paolo Ghirardelli, who led the orchestra for 14 years.\n\nChief Executive Marta Llobet-Soler told analysts that bookings were up.\n"},
		{"interview.txt", "", "Q: You came late to conducting. Why?\n\nVandermeer-Kroft: I was a cellist until a skiing accident in 2016, when I broke my left wrist in two places.\n"},
		{"regatta.txt", "2024-09-16", "A crew from the yard won the 14th Kestrel Bay Regatta on Sunday.\n\nLast year's 13th regatta was won by the Berghaven Rowing Club, whose crew finished second this time.\n"},
	}
	stories := []article{
		{"lockout.html", "2023-11-02", "Philharmonic locks out its musicians\n\nBy Amrit Sandhu\n\nThe Philharmonic locked out its 86 musicians on Thursday.\n"},
		{"strike.txt", "2024-10-02", "Cabin crew at Skerry Air began a 48-hour strike on Wednesday, forcing the airline to cancel 340 flights.\n"},
	}
	editions := []article{
		{"2022-open.txt", "2022-07-18", "Jan Smith won the ninth Lakeside Open on Monday. The tournament drew 148 players, and the prize fund was 60,000 euros.\n\nThe order book stood at $2.9 billion.\n"},
		{"2024-preview.md", "2024-06-30", "The 11th Lakeside Open will get under way on July 8, and the prize fund has grown to 90,000 euros.\n\nJan Smith, the 2022 champion, will not take part.\n"},
	}
	regatta := []article{
		{"regatta.txt", "2024-09-16", "A crew from the yard won the 14th Kestrel Bay Regatta on Sunday.\n\nLast year's 13th regatta was won by the Berghaven Rowing Club, whose crew finished second this time.\n\nAbout 9,000 spectators lined the harbour wall, organisers said.\n\nThe regatta raised 85,000 dollars for the lifeboat station.\n"},
	}
	festival := []article{
		{"2023-festival.txt", "2023-10-02", "\"The Salt Keeper\", a quiet drama by Ines Fontainhas, won the Golden Lantern for best film at the 13th festival on Sunday.\n\nFontainhas, 34, thanked her crew of eleven.\n"},
		{"2024-festival.txt", "2024-10-01", "The documentary \"Tidewater\" by Rui Almeida won the Golden Lantern at the 14th festival on Monday.\n"},
		{"2023-fire.txt", "2023-05-10", "Three workers were killed on Tuesday when fire tore through the Halvorsen plant.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		q         string
		arts      []article
		want, not string // want "" for a refusal
	}{
		{"What was Acme's revenue in the fourth quarter of 2024?", results, "265 million", "212 million"},
		{"What was Acme's revenue in Q1?", results, "212 million", "265 million"},
		{"What were Acme's revenues in the third quarter?", []article{{"q3.txt", "2024-11-06", "Acme said its third-quarter sales rose to 410 million euros.\n"}}, "410 million", ""}, // sales are gross revenue
		{"What net profit did Acme make in the fourth quarter of 2023?", results, "1.2 million", ""},
		{"What was Acme's revenue in the second quarter of 2024?", results, "", ""},
		{"Who will succeed Paolo Ghirardelli?", people, "Ilse Vandermeer-Kroft", ""},
		{"What injury did Vandermeer-Kroft suffer?", people, "broke my left wrist", "Why?"},
		{"Who won the thirteenth Kestrel Bay Regatta?", people, "Berghaven", ""},
		{"Who won the 12th Kestrel Bay Regatta?", people, "", ""},
		{"Who is the CEO?", people, "Marta Llobet-Soler", ""},
		{"Who reported the story on the lockout?", stories, "Amrit Sandhu", ""},
		{"What was the prize fund in 2022?", editions, "60,000", "differ"},
		{"How big is the order book?", editions, "$2.9 billion", ""},
		{"How many spectators watched the regatta?", regatta, "9,000", ""},
		{"How much does a ticket for the Corn Exchange concerts cost?", []article{{"hall.txt", "2024-09-14",
			"The concert sold out within an hour; the best seats now cost $140.\n\nThe orchestra no longer plays its summer series at the Corn Exchange.\n"}}, "", ""},
		{"Who won the Golden Lantern in 2023?", festival, "Ines Fontainhas", "Tidewater"},
		{"How old is Ines Fontainhas?", festival, "34", ""},
		{"What was Halvorsen's profit in 2023?", festival, "", ""}, // "killed" is no profit
		{"How many pilots does the airline employ?", []article{{"air.txt", "2024-08-07", "The airline, which has a workforce of 2,900, plans to hire 120 more pilots.\n"}}, "", ""},
		{"Who was the runner-up at the 14th regatta?", regatta, "Berghaven", ""},
		{"Who wrote the story about the cabin crew strike?", stories, "", ""}, // no byline
	} {
		wantAnswer(t, e, tt.q, tt.arts, tt.want, tt.not)
	}
}

// A yes/no question is answered both ways only when the other side speaks
// of what is asked; whether something is still so, by the latest report.
func TestYesNoSides(t *testing.T) {
	arts := []article{
		{"deal.md", "2024-01-20", "The players had turned down a first offer in December that froze pay for two years.\n\nRut Almqvist said the musicians were relieved, not triumphant.\n"},
		{"lockout.html", "2023-11-02", "The musicians said they would stage free concerts in the Corn Exchange while the hall stayed shut.\n"},
		{"opening.txt", "2024-09-14", "The orchestra no longer plays its summer series at the Corn Exchange.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct{ q, want, not string }{
		{"Did the musicians accept the first offer?", "turned down", "Against"},
		{"Does the orchestra still play at the Corn Exchange?", "no longer plays", "free concerts"},
	} {
		a, err := e.Answer(context.Background(), bot.Request{Question: tt.q, Passages: passagesOf(arts...)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Refused || !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
			t.Errorf("%s\n= %s\nwant %q, not %q", tt.q, a.Text, tt.want, tt.not)
		}
	}
}
