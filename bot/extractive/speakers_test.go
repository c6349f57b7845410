package extractive

import (
	"os"
	"path/filepath"
	"testing"
)

// The shapes of attribution that wire copy, local papers and interviews
// use, each found as a speaker of the coverage; a team that "said it
// would" is no person, though an interviewee calls a rider by his first
// name.
func TestQuotedShapes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"2023-06-01-stage.txt": `Berg wins opening stage

GRENZACH (Alpine Wire) - Jonas Berg won the opening stage of the Alpine Tour on Sunday, beating Luca Ferri by four seconds.

"The legs were good and the team rode perfectly," said Team Vireo's Jonas Berg.

Karin Holt, the riders' union's secretary-general, said the descent was too dangerous for a race.
`,
		"2024-06-02-stage.txt": `Ferri takes the opening stage

GRENZACH (Alpine Wire) - Luca Ferri won the first stage of the Alpine Tour on Sunday.

"We asked for a safer finish and nobody listened," Holt said.

Race director Marta Keller dismissed the complaint as "noise from the back of the bunch".
`,
		"2024-06-05-stage.txt": `Protest over third stage

LINDAU (Alpine Wire) - Team Vireo said it would protest the result of the third stage.

Holt, who has raced for 12 years, said the finish was unsafe.
`,
		"2024-06-10-interview.md": `---
title: Talking to Luca Ferri
date: 2024-06-10
---

The Alpine Tour's new leader, Luca Ferri, spoke to us after the stage.

**How did you feel on the last climb?**

I was suffering, but I knew Berg was suffering more. Jonas rode well, but I was stronger.

**Will you defend the jersey?**

Every day, until the last stage in Lindau.
`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := offlineBot(t, dir)
	checkCoverage(t, b, "Who is quoted in these articles?",
		[]string{"- Jonas Berg", "- Karin Holt", `"We asked for a safer finish`, "- Luca Ferri", "I knew Berg was suffering more", "- Marta Keller",
			"Holt, who has raced for 12 years, said the finish was unsafe."},
		[]string{"2023-06-01-stage.txt", "2024-06-02-stage.txt", "2024-06-05-stage.txt", "2024-06-10-interview.md"},
		[]string{"Team Vireo:", "Alpine Tour:", "- Team Vireo"})
}

// A surname that begins as a month does ("Marchetti") is a speaker's,
// and a quotation that runs over two sentences is quoted from its start.
func TestQuotedMonthNamesAndLongQuotes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"2024-05-02-harbour.txt": `Harbour to close for dredging

VELLMOUTH (Coastwire) - The harbour will close for three weeks in June for dredging.

"The channel has silted up badly. We cannot let the ferries run aground," harbour director Paolo Marchetti said.

Councillor Ruth Augustine told a news conference that the ferry company would be compensated.
`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b := offlineBot(t, dir)
	checkCoverage(t, b, "Who is quoted in these articles?",
		[]string{"- Paolo Marchetti", `"The channel has silted up badly. [1] We cannot let`, "- Ruth Augustine"},
		[]string{"2024-05-02-harbour.txt"}, nil)
}

func TestQuoteOpener(t *testing.T) {
	for _, tt := range []struct {
		prev, text string
		want       bool
	}{
		{`"The channel has silted up.`, `We cannot wait," Marchetti said.`, true},
		{`"The channel has silted up," Marchetti said.`, `"We cannot wait," he added.`, false},
		{`The channel has silted up.`, `He called it "a disgrace".`, false},
	} {
		p, s := sentence(tt.prev), sentence(tt.text)
		p.source, s.source = "a.txt", "a.txt"
		s.prev = p
		if got := quoteOpener(s) != nil; got != tt.want {
			t.Errorf("quoteOpener(%q after %q) = %v, want %v", tt.text, tt.prev, got, tt.want)
		}
	}
}
