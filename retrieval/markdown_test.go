package retrieval

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseArticleMarkdown(t *testing.T) {
	tests := []struct {
		name, text    string
		title         string
		date          time.Time
		bylines       []string
		dateline      string
		firstTextLine int // line of the first non-blank text
	}{
		{
			name:  "front matter",
			text:  "---\ntitle: \"NATO boss wants Canada to stay\"\ndate: 2009-06-13\nauthor:\n  - David Ljunggren\n  - Rob Wilson\n---\n\nOTTAWA (Reuters) - The new secretary-general of NATO spoke.\n",
			title: "NATO boss wants Canada to stay", date: date(2009, 6, 13),
			bylines: []string{"David Ljunggren", "Rob Wilson"}, dateline: "OTTAWA", firstTextLine: 9,
		},
		{
			name:  "front matter with a full timestamp",
			text:  "---\ntitle: Talks\ndate: 2008-02-22T10:30:00Z\n---\nBody.\n",
			title: "Talks", date: time.Date(2008, 2, 22, 10, 30, 0, 0, time.UTC), firstTextLine: 5,
		},
		{
			name:  "invalid front matter is still blanked",
			text:  "---\ntitle: [unclosed\n---\nBody text here.\n",
			title: "Body text here.", firstTextLine: 4,
		},
		{
			name:  "leading heading",
			text:  "\n# Canada to extend its mission #\n\nBy Jane Doe\n\nText *with* markup.\n",
			title: "Canada to extend its mission", bylines: []string{"By Jane Doe"}, firstTextLine: 2,
		},
		{
			name:  "setext heading",
			text:  "Canada to extend its mission\n============================\n\nText.\n",
			title: "Canada to extend its mission", firstTextLine: 1,
		},
		{
			name:  "unclosed front matter is text",
			text:  "---\nnot front matter\n",
			title: "---\nnot front matter", firstTextLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "story.md", []byte(tt.text))
			if a.Title != strings.ReplaceAll(tt.title, "\n", " ") {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if !a.Date.Equal(tt.date) {
				t.Errorf("Date = %v, want %v", a.Date, tt.date)
			}
			if !slices.Equal(a.Bylines, tt.bylines) {
				t.Errorf("Bylines = %q, want %q", a.Bylines, tt.bylines)
			}
			if a.Dateline != tt.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tt.dateline)
			}
			if got, want := strings.Count(a.Text, "\n"), strings.Count(tt.text, "\n"); got != want {
				t.Errorf("Text has %d newlines, the file %d", got, want)
			}
			first := len(a.Text) - len(strings.TrimLeft(a.Text, " \n"))
			if got := LineAt(a.Text, first); got != tt.firstTextLine {
				t.Errorf("first text on line %d, want %d", got, tt.firstTextLine)
			}
		})
	}
}
