package extractive

import (
	"reflect"
	"sync"
	"testing"
	"time"
)

// gateAnswerer is the answerer of this file's tests, made once: loading
// WordNet is the slow part.
var gateAnswerer = sync.OnceValue(func() *Answerer { return testAnswerer(Options{}) })

// A sentence answers only with the answer its question expects, said of
// what is asked: the story's words around something else are no answer,
// and the coverage that lacks it does not say. Each rule has a look-alike
// to refuse and the sentence that answers.
func TestGateAnswersWhatIsAsked(t *testing.T) {
	e := gateAnswerer()
	d := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		rule, question string
		texts          []string
		want           string // "" for a refusal
	}{
		{"someone", "Who designed the Carrow Point library?", []string{
			"The Carrow Point library ended up costing 12 million pounds, more than planned, after a September storm flooded the base of the library.",
			"The Carrow Point library has 40,000 books on three floors.",
		}, ""},
		{"someone", "Who designed the new Carrow library?", []string{
			"The new Carrow library cost 12 million pounds and opened in May.",
			"The Carrow library was designed by the architect Hanna Kroll.",
		}, "Hanna Kroll"},
		{"doer", "Who trained Lena Holt in Lyon?", []string{
			"After studying in Lyon and working for six years at a bakery in Lyon, Lena Holt joined the Old Mill bakery in 2014.",
			"Lena Holt makes bread in the town where she grew up.",
		}, ""},
		{"doer", "Who founded the Old Mill bakery?", []string{
			"Tomas Berg, who runs the Old Mill bakery, said bread prices would rise.",
			"The Old Mill bakery was founded in 1952 by Ida Berg.",
		}, "Ida Berg"},
		{"colour", "What colour are the new Lindholm trams?", []string{
			"The new Lindholm trams, built by Vossberg Rail, carry 220 passengers each.",
		}, ""},
		{"colour", "What colour are the new Lindholm trams?", []string{
			"The new Lindholm trams, built by Vossberg Rail, carry 220 passengers each.",
			"The Lindholm trams are painted dark blue.",
		}, "blue"},
		{"speed", "How fast can the new Orla ferry go?", []string{
			"The new Orla ferry is 85 metres long and carries 300 cars.",
		}, ""},
		{"speed", "How fast can the new Orla ferry go?", []string{
			"The new Orla ferry is 85 metres long and carries 300 cars.",
			"The Orla ferry can reach 38 kilometres an hour in calm water.",
		}, "38 kilometres"},
		{"span", "How long has Ruth Adler led the Selby orchestra?", []string{
			"Ruth Adler, who leads the Selby orchestra, said the hall had been cold since 2019.",
		}, ""},
		{"span", "How long has Ruth Adler led the Selby orchestra?", []string{
			"Ruth Adler, who leads the Selby orchestra, said the hall had been cold since 2019.",
			"Ruth Adler has led the Selby orchestra since 2015.",
		}, "2015"},
		{"sum", "How much did the visitor centre in the old Brede mill cost?", []string{
			"The old Brede mill now houses a visitor centre and a cafe, and the trust expects about 9,000 visitors a year. " +
				"Tickets cost 5 pounds for adults and 2 pounds for children, and visitors can climb the 120 steps to the top.",
		}, ""},
		{"sum", "How much did the new changing rooms at the Brede pool cost?", []string{
			"The new changing rooms at the Brede pool open in June. Tickets cost 5 pounds for adults, and children swim free.",
			"The changing rooms cost 1.2 million pounds to build, the Brede council said.",
		}, "1.2 million pounds"},
		{"sum", "How much will the Halden boathouse cost?", []string{
			"The club said it would build the Halden boathouse next spring as planned, at a cost of 2.3 million euros.",
		}, "2.3 million euros"}, // a phrase set off by a comma goes on with the clause before
		{"sum", "How much will the Halden boathouse cost?", []string{
			"The new Halden boathouse will hold 12 at a time, the club said.",
		}, ""}, // "at" is a grammar word, not a Laotian coin
		{"measure", "How much compensation did the Ostrava farmers get?", []string{
			"The government set up a 5 million euro relief fund for the Ostrava farmers.",
		}, ""},
		{"measure", "How much compensation did the Ostrava farmers get?", []string{
			"The government set up a 5 million euro relief fund for the Ostrava farmers.",
			"Each of the Ostrava farmers got 4,000 euros in compensation.",
		}, "4,000 euros"},
		{"doer", "Who won the best actor prize at the Selby festival?", []string{
			"The Selby festival sold 38,000 tickets, its director Cormac Byrne said.",
		}, ""},
		{"doer", "Who won the best actor prize at the Selby festival?", []string{
			"The Selby festival sold 38,000 tickets, its director Cormac Byrne said.",
			"The best actor prize at the Selby festival went to Ivo Marek for his role in \"Lodgers\".",
		}, "Ivo Marek"},
		{"sum", "How much is the Harwell Prize worth this year?", []string{
			"The winner said she would use the Harwell Prize money, raised this year to 30,000 pounds, to travel.",
		}, "30,000 pounds"},
		{"sum", "What was Penrow's cider revenue?", []string{
			"Penrow's cider revenue, which now includes the Lark brand, was 19 million pounds.",
		}, "19 million pounds"},
		// A figure in a unit of what is asked (unitkind.go): a mass for
		// "how heavy", a length for "how far", a power for "how much
		// power", of the thing asked.
		{"unit", "How heavy is the Morrow bridge's new steel span?", []string{
			"The new steel span of the Morrow bridge is 86 metres long and cost 14 million euros.",
		}, ""},
		{"unit", "How heavy is the Morrow bridge's new steel span?", []string{
			"The new steel span of the Morrow bridge is 86 metres long and cost 14 million euros.",
			"The Morrow bridge's new span weighs 1,900 tonnes and was floated up the river on a barge.",
		}, "1,900 tonnes"},
		{"unit", "How much power will the Dunlin wind turbines produce?", []string{
			"The council voted to borrow 4 million pounds to build the Dunlin wind turbines.",
		}, ""},
		{"unit", "How much power will the Dunlin wind turbines produce?", []string{
			"The council voted to borrow 4 million pounds to build the Dunlin wind turbines.",
			"Together the Dunlin wind turbines will produce 12 megawatts, enough for 9,000 homes.",
		}, "12 megawatts"},
		{"unit", "How far did the Kestrel balloon drift?", []string{
			"The Kestrel balloon, which weighs 400 kilograms, landed in a field near Orrin.",
		}, ""},
		{"unit", "How far did the Kestrel balloon drift?", []string{
			"The Kestrel balloon, which weighs 400 kilograms, landed in a field near Orrin.",
			"The Kestrel balloon drifted 212 kilometres before it came down.",
		}, "212 kilometres"},
		{"unit", "How much did the Orrin bell's clapper weigh?", []string{
			"The Orrin bell weighs 2.1 tonnes and its clapper is 90 centimetres long.",
		}, ""},
		{"unit", "How much water does the Ashby plant take from the river?", []string{
			"The Ashby plant cost 3 million pounds.",
			"At full flow the Ashby plant takes 900 litres of water a second from the river.",
		}, "900 litres"},
		{"per", "How many visitors came to the Tarn museum in its first week?", []string{
			"The Tarn museum expects about 40,000 visitors a year.",
		}, ""},
		{"count", "How many visitors came to the Tarn museum in its first week?", []string{
			"The Tarn museum, 20 metres tall, first opened in 1990 and reopened this week.",
		}, ""},
		{"count", "How many visitors came to the Tarn museum in its first week?", []string{
			"The Tarn museum expects about 40,000 visitors a year.",
			"In its first week, 3,100 visitors came to the Tarn museum.",
		}, "3,100"},
	}
	for _, tt := range tests {
		a := e.answer(tt.question, datedAll(tt.texts, d))
		t.Run(tt.rule, func(t *testing.T) { checkAnswer(t, tt.question, a.Text, a.Refused, tt.want) })
	}
}

// The answer a question expects, from its wh-word and the noun after it
// (WordNet's colours and speed).
func TestExpectedAnswer(t *testing.T) {
	e := gateAnswerer()
	tests := []struct {
		question string
		want     expected
	}{
		{"Who designed the new terminal?", expected{someone: true}},
		{"Who is Hanna Kroll?", expected{}},
		{"What colour is the new tram?", expected{colour: true}},
		{"What color are the seats?", expected{colour: true}},
		{"How fast can the ferry go?", expected{speed: true}},
		{"What is the ferry's top speed?", expected{speed: true}},
		{"How long has she chaired the board?", expected{span: true}},
		{"How much did the stand cost?", expected{sum: true}},
		{"How many visitors came in the first week?", expected{per: "week"}},
		{"How many visitors came?", expected{}},
		{"How heavy is the lens?", expected{units: []string{"weight"}}},
		{"What does the lens weigh?", expected{units: []string{"weight"}}},
		{"How far did the balloon drift?", expected{units: []string{"distance"}}},
		{"How much electricity did the plant make?", expected{units: []string{"energy"}}},
		{"How strong were the winds?", expected{}}, // a force, a capacity or a speed: none in particular
		{"How long is the route?", expected{}},     // a length or a span: measure.go's
		{"Did the ferry reach its top speed?", expected{}},
	}
	for _, tt := range tests {
		toks := splitWords(tt.question)
		got := e.expectedAnswer(toks, e.parseQuestion(tt.question))
		got.toks, got.unitAt = nil, nil // the question's own words
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %+v, want %+v", tt.question, got, tt.want)
		}
	}
}
