package extractive

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// TestDatesOfOneEvent: where the reports disagree pairs the dates two
// reports give for one event told in other words: a plan in an earlier
// report and another date in a later one is listed as a change with both
// dates, two same-day reports' dates as a disagreement; two events (a
// vote and a strike, a reopening and a closure, registration and the
// race) are never paired.
func TestDatesOfOneEvent(t *testing.T) {
	for _, tt := range []struct {
		name   string
		a, b   string
		da, db string
		want   []string
		not    []string
	}{
		{"a vote planned, then held a week later, named with a noun",
			"The Fenwick council will vote on the library budget on June 4, the mayor said.",
			"Members approved the library budget in a vote on June 11 after a long debate.",
			"2025-05-20", "2025-06-12",
			[]string{"June 4 (planned, report of 2025-05-20) then June 11 (report of 2025-06-12, the newer)"}, []string{"The sources differ"}},
		{"a reopening scheduled, then since the reopening",
			"The Millford bridge is scheduled to reopen on Monday, March 2, after repairs.",
			"Traffic through Millford has doubled since the bridge's reopening on March 9.",
			"2025-02-01", "2025-03-20",
			[]string{"March 2 (planned, report of 2025-02-01) then March 9"}, nil},
		{"a wing opening for the first time, then its public debut",
			"The museum's new wing will open to the public for the first time on Saturday, May 9.",
			"Some 4,000 visitors came on the weekend of the new wing's public debut on May 16.",
			"2026-03-01", "2026-05-18",
			[]string{"May 9 (planned, report of 2026-03-01) then May 16"}, nil},
		{"two outlets the same day: a race set for one day, run on another",
			"The Corran Bay regatta is set for July 12, organisers said.",
			"The Corran Bay regatta will be held on Saturday, July 19 on the north shore.",
			"2026-05-02", "2026-05-02",
			[]string{"The sources differ", "July 12", "July 19"}, []string{"planned, report of"}},
		{"an interview's answer against a season scheduled",
			"The Lakers league's season is scheduled to start April 22, the league said.",
			"A: We open the season at home on April 15, against the champions.",
			"2026-02-01", "",
			[]string{"April 22", "April 15"}, nil},
		{"a vote that took place",
			"The Fenwick council will vote on the library budget on June 4, the mayor said.",
			"The vote took place on June 11 after a long debate on the library budget.",
			"2025-05-20", "2025-06-12",
			[]string{"June 4 (planned, report of 2025-05-20) then June 11"}, nil},
		{"a festival kicking off",
			"The Corran Bay folk festival is expected to begin August 3.",
			"The Corran Bay folk festival kicks off on August 10 with a parade.",
			"2026-05-02", "2026-07-20",
			[]string{"August 3 (planned, report of 2026-05-02) then August 10"}, nil},
		{"an opening due, then since it opened, in a clause of its own",
			"The new ferry terminal is due to open on October 1, the port said.",
			"Passenger numbers have climbed since the ferry terminal opened on October 15.",
			"2025-08-01", "2025-11-02",
			[]string{"October 1 (planned, report of 2025-08-01) then October 15"}, nil},
		{"two votes of one council on other things",
			"The council will vote on the budget on June 4.",
			"The council will vote on the zoning plan on June 11.",
			"2026-05-01", "2026-05-01",
			nil, []string{"June 4", "June 11 vs"}},
		{"a race scheduled, then begun two weeks later, named by a kind of it",
			"The Corran half marathon is scheduled to start on September 13.",
			"The race began on September 27 in heavy rain.",
			"2026-05-01", "2026-09-28",
			[]string{"September 13 (planned, report of 2026-05-01) then September 27"}, nil},
		{"two reports of a reopening done, neither a plan: a disagreement",
			"The Millford bridge reopened on March 2 after repairs.",
			"Traffic through Millford has doubled since the bridge's reopening on March 9.",
			"2025-03-10", "2025-03-20",
			[]string{"March 2 vs March 9"}, []string{"planned, report of"}},
		{"two plans reported a day apart: a disagreement",
			"The new aquatics centre will open to the public on Saturday, May 15, the city said.",
			"The city's new aquatics centre will open its doors on Saturday, May 22, officials said.",
			"2026-09-30", "2026-10-01",
			[]string{"The sources differ", "May 15", "May 22"}, []string{"planned, report of"}},
		{"a vote and a strike",
			"The dockers' union will vote on the pay offer on June 4.",
			"Dockers went on strike over the pay offer on June 11.",
			"2025-05-20", "2025-06-12",
			nil, []string{"June 4 (planned", "June 4 vs", "June 11 vs"}},
		{"a reopening and a closure",
			"The Millford bridge is scheduled to reopen on March 2.",
			"The Millford bridge closed again on March 9 after a crack was found.",
			"2025-02-01", "2025-03-20",
			nil, []string{"March 2 (planned", "March 2 vs", "March 9 vs"}},
		{"registration and the race",
			"Registration for the Corran Bay regatta closes on July 5.",
			"The Corran Bay regatta is set for July 12, organisers said.",
			"2026-05-02", "2026-05-02",
			nil, []string{"July 5", "July 12 vs"}},
		{"a plan and another event of the same thing weeks later",
			"The Fenwick council will vote on the library budget on June 4.",
			"The Fenwick library budget will be published on July 1, the clerk said.",
			"2025-05-20", "2025-06-12",
			nil, []string{"June 4 (planned", "June 4 vs", "July 1 vs"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := coverageOf(t, bot.CoverageDisagree, passageArticle("a.txt", tt.da, tt.a), passageArticle("b.txt", tt.db, tt.b))
			for _, w := range tt.want {
				if !strings.Contains(a.Text, w) {
					t.Errorf("got %s\nwant %q in it", a.Text, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(a.Text, n) {
					t.Errorf("got %s\nwant no %q", a.Text, n)
				}
			}
		})
	}
}

// TestMovedDateAnswer: a "when" question over a date planned in an
// earlier report and given otherwise in a later one is answered with
// both, the newer first, each with its report's date; same-day reports
// that differ are a disagreement.
func TestMovedDateAnswer(t *testing.T) {
	d1, d2 := time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 12, 0, 0, 0, 0, time.UTC)
	e := testAnswerer(Options{})
	for _, tt := range []struct {
		question string
		a, b     string
		da, db   time.Time
		want     []string
		not      string
	}{
		{"When did the Fenwick council vote on the library budget?",
			"The Fenwick council will vote on the library budget on June 4, the mayor said.",
			"The Fenwick council approved the library budget in a vote on June 11 after a long debate.",
			d1, d2, []string{"June 11, by the newer report, of 2025-06-12", "planned for June 4", "2025-05-20"}, "differ"},
		{"When is the Corran Bay regatta?",
			"The Corran Bay regatta is set for July 12, organisers said.",
			"The Corran Bay regatta will be held on Saturday, July 19 on the north shore.",
			d1, d1, []string{"The sources differ", "July 12", "July 19"}, "planned for"},
	} {
		a := e.answer(tt.question, []retrieval.Result{dated("a.txt", tt.a, tt.da), dated("b.txt", tt.b, tt.db)})
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("%q: got %q, want %q in it", tt.question, a.Text, w)
			}
		}
		if tt.not != "" && strings.Contains(a.Text, tt.not) {
			t.Errorf("%q: got %q, want no %q", tt.question, a.Text, tt.not)
		}
	}
}

// TestRelatedActions: actions WordNet joins (a verb and its noun, a
// debut and an opening) are one; opposites never.
func TestRelatedActions(t *testing.T) {
	lx := testLexicon(t)
	for _, tt := range []struct {
		a, b      string
		one, oppo bool
	}{
		{"vote", "vote", true, false},
		{"open", "opening", true, false},
		{"debut", "open", true, false},
		{"reopen", "close", false, true},
		{"start", "finish", false, true},
		{"vote", "strike", false, false},
		{"choose", "open", false, false},
	} {
		one := lx.sameAction(tt.a, tt.b) || lx.relatedAction(tt.a, tt.b)
		if one != tt.one || lx.opposedActions(tt.a, tt.b) != tt.oppo {
			t.Errorf("%s, %s: one %v opposed %v, want %v %v", tt.a, tt.b, one, lx.opposedActions(tt.a, tt.b), tt.one, tt.oppo)
		}
	}
}
