package retrieval

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval/pdftest"
)

func TestParseArticlePDF(t *testing.T) {
	doc := pdftest.Doc{
		Headline: "Troops to stay in Kandahar",
		Pages: [][]string{
			{"OTTAWA (Reuters) - Canada will keep its troops in Kandahar", "until 2011, the prime minister said on Thursday.", "Critics called the decision “a blank cheque”."},
			nil, // a blank page
			{"The mission costs $1.5 billion a year (officials say).", "Reporting by Jane Doe"},
		},
		CreationDate: "D:20090613142500+02'00'",
	}
	a := mustParse(t, "report.pdf", doc.Bytes())
	wantText := "Troops to stay in Kandahar\n" +
		"OTTAWA (Reuters) - Canada will keep its troops in Kandahar\n" +
		"until 2011, the prime minister said on Thursday.\n" +
		"Critics called the decision “a blank cheque”.\n" +
		"The mission costs $1.5 billion a year (officials say).\n" +
		"Reporting by Jane Doe"
	if a.Text != wantText {
		t.Errorf("Text =\n%s\nwant\n%s", a.Text, wantText)
	}
	if want := []int{1, 5, 5}; !equalInts(a.Pages, want) {
		t.Errorf("Pages = %v, want %v", a.Pages, want)
	}
	if a.Title != "Troops to stay in Kandahar" {
		t.Errorf("Title = %q, want the headline set large", a.Title)
	}
	if a.Dateline != "OTTAWA" || a.Agency != "Reuters" {
		t.Errorf("dateline %q (%q), want OTTAWA (Reuters)", a.Dateline, a.Agency)
	}
	if got := a.Date.Format("2006-01-02"); got != "2009-06-13" {
		t.Errorf("Date = %s, want the creation date 2009-06-13", got)
	}
	chunks := ChunkArticle(a, ChunkOptions{TargetChars: 120})
	if len(chunks) < 2 {
		t.Fatalf("%d chunks, want several", len(chunks))
	}
	last := chunks[len(chunks)-1]
	if page, line := PageLine(a.Pages, last.LastLine); page != 3 || line != 2 {
		t.Errorf("last chunk ends at page %d line %d, want page 3 line 2", page, line)
	}
}

func TestParseArticlePDFInfoTitle(t *testing.T) {
	tests := []struct {
		info, want string
	}{
		{"Budget cuts hit rural schools", "Budget cuts hit rural schools"},
		{"Microsoft Word - draft7.doc", "Schools face cuts."}, // a file name: the text decides
		{"budget.docx", "Schools face cuts."},
	}
	for _, tt := range tests {
		doc := pdftest.Doc{Title: tt.info, Pages: [][]string{{"Schools face cuts.", "The council voted on Monday."}}}
		if got := mustParse(t, "x.pdf", doc.Bytes()).Title; got != tt.want {
			t.Errorf("info title %q: Title = %q, want %q", tt.info, got, tt.want)
		}
	}
}

func TestParseArticlePDFWithoutText(t *testing.T) {
	for name, data := range map[string][]byte{
		"scan.pdf":    pdftest.Doc{Scanned: true, Pages: [][]string{{"x"}, {"y"}}}.Bytes(),
		"blank.pdf":   pdftest.Doc{Pages: [][]string{nil}}.Bytes(),
		"garbage.pdf": []byte("%PDF-1.4\nthis is not really a PDF"),
	} {
		_, err := ParseArticle(name, data)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
		if name != "garbage.pdf" && !errors.Is(err, ErrNoTextLayer) {
			t.Errorf("%s: error %v, want ErrNoTextLayer", name, err)
		}
	}
}

func TestPageLine(t *testing.T) {
	pages := []int{1, 4, 4, 9} // page 2 is blank
	tests := []struct{ line, page, pageLine int }{
		{1, 1, 1}, {3, 1, 3}, {4, 3, 1}, {8, 3, 5}, {9, 4, 1}, {20, 4, 12},
	}
	for _, tt := range tests {
		if p, l := PageLine(pages, tt.line); p != tt.page || l != tt.pageLine {
			t.Errorf("PageLine(%d) = p%d:%d, want p%d:%d", tt.line, p, l, tt.page, tt.pageLine)
		}
	}
	if p, l := PageLine(nil, 7); p != 0 || l != 7 {
		t.Errorf("PageLine without pages = p%d:%d, want 0:7", p, l)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
