package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// TestConflictSide: a single answer over a point the reports give
// differently quotes both sides, found as the list of disagreements
// finds them; a tally as of each report is no disagreement.
func TestConflictSide(t *testing.T) {
	d1, d2 := time.Date(2025, 5, 2, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question string
		texts    []string
		differ   bool
		values   []string
		undated  bool // the second report's
	}{
		{"How many people can the Vessby concert hall seat?", []string{
			"The new concert hall in Vessby seats 1,100 people, the city said.",
			"Every concert in the 1,200-seat Vessby concert hall sold out in its first week.",
		}, true, []string{"1,100", "1,200"}, false},
		{"How much did the new stand at Brack Park cost?", []string{
			"The new stand at Brack Park cost 48 million dollars, the club said.",
			"Built for $52 million, the new stand at Brack Park opens to fans next week.",
		}, true, []string{"48 million", "$52 million"}, false},
		{"How many farms have applied for the frost aid?", []string{
			"By Friday, 350 farms had applied for the frost aid, the council said.",
			"So far, 390 farms have applied for the frost aid, the council said.",
		}, false, nil, false},
		{"How big was the lava field of the Carrow eruption?", []string{
			"Lava from Mount Carrow reached the sea on Monday, when the field had grown to 5.4 square kilometres, volcanologists said.",
			"By the time the Carrow eruption ended, the lava field covered 6.1 square kilometres, volcanologists said.",
		}, false, nil, true},
	} {
		b := dated("b.txt", tt.texts[1], d2)
		if tt.undated {
			b.Date = time.Time{}
		}
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", tt.texts[0], d1), b})
		if got := strings.HasPrefix(a.Text, "The sources differ"); got != tt.differ {
			t.Errorf("%q: got %q, want differ %v", tt.question, a.Text, tt.differ)
		}
		for _, v := range tt.values {
			if !strings.Contains(a.Text, v) {
				t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, v)
			}
		}
	}
}
