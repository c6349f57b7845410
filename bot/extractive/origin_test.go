package extractive

import (
	"context"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot"
)

// "Where is X from?" is answered by where they were born or grew up, or
// a "from" after their name, or the reply to the same question in an
// interview; not by another place a sentence naming them gives.
func TestOrigin(t *testing.T) {
	arts := []article{
		{"leaves.txt", "2025-03-03", "Amara Oduya, artistic director of the Old Granary Theatre, will leave in the summer to run the Kelvin Playhouse in Glasgow, the theatre said on Monday.\n\nOduya, who was born in Leeds, joined the Granary from the Bristol Old Vic in 2019.\n"},
		{"open.txt", "2024-06-16", "Top seed Greta Holmqvist retired from her first-round match, trailing to the qualifier Paola Szabo.\n\nSzabo, 19, from Szeged in Hungary, is playing in her first tour-level event.\n"},
		{"hale.txt", "", "Mayor Juniper Hale on the cable car\n\nJuniper Hale has been mayor of Skarvik since 2019. She was born in Tromso and moved to Skarvik to teach.\n"},
		{"dearlove-interview.txt", "", "The farmers' leader on living with lynx\n\nCallum Dearlove has kept sheep at Scarth Head for 31 years.\n\nQ: Where are you from?\nA: Brough, on the far side of the moor. My father farmed there.\n"},
	}
	e := testAnswerer(Options{})
	for _, tt := range []struct{ q, want, not string }{
		{"Where is Amara Oduya from?", "born in Leeds", "Glasgow"},
		{"Where is Paola Szabo from?", "from Szeged", "Holmqvist retired"},
		{"Where was Juniper Hale born?", "born in Tromso", "has been mayor"},
		{"Where did Callum Dearlove grow up?", "Brough", "Scarth Head"},
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

// A "from" after a verb is where someone came from, not their origin.
func TestOriginAt(t *testing.T) {
	for _, tt := range []struct {
		text, name, want string
	}{
		{"Oduya, who was born in Leeds, joined the Granary from the Bristol Old Vic in 2019.", "oduya", "Leeds"},
		{"Oduya joined the Granary from the Bristol Old Vic in 2019.", "oduya", ""},
		{"Szabo, 19, from Szeged in Hungary, is playing.", "szabo", "Szeged"},
		{"Dr Ilse Marwood, who grew up in Kettlewick, said so.", "marwood", "Kettlewick"},
	} {
		s := sentence(tt.text)
		got := ""
		for i := range s.toks {
			if k := originAt(s, i, tt.name); k >= 0 && got == "" {
				got = s.toks[k].text
			}
		}
		if got != tt.want {
			t.Errorf("originAt(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A bare reply to a question of the text decides a yes/no question, with
// the sentence after it that says why; the person's given name may go.
func TestYesNoReply(t *testing.T) {
	arts := []article{
		{"dearlove-interview.txt", "", "The farmers' leader on living with lynx\n\nCallum Dearlove has kept sheep at Scarth Head for 31 years and chairs the Upland Farmers' Association. We asked him about the Brackenmoor lynx.\n\nQ: Have you seen one of the lynx yourself?\nA: Never. I've seen the footprints in the snow, nothing more.\n\nQ: Would you take money if a lynx killed your sheep?\nA: I would take it, but money doesn't bring back a ewe.\n"},
	}
	e := testAnswerer(Options{})
	q := "Has Callum Dearlove ever seen a lynx?"
	a, err := e.Answer(context.Background(), bot.Request{Question: q, Passages: passagesOf(arts...)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, "A: Never.") || !strings.Contains(a.Text, "footprints") {
		t.Errorf("%s\n= %s\nwant the reply \"A: Never.\" first, with the footprints", q, a.Text)
	}
}
