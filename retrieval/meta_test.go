package retrieval

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseArticleTextMetadata(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name, source, text string
		want               Article // Title, Dateline, Agency, Bylines, Date are compared
	}{
		{
			name: "header lines", source: "a.txt",
			text: "Title: Troops to stay\nDate: 2008-02-22\nAuthor: Jane Doe\n\nBody.\n",
			want: Article{Title: "Troops to stay", Bylines: []string{"Jane Doe"}, Date: date(2008, 2, 22)},
		},
		{
			name: "news database export", source: "a.txt",
			text: "Canada to extend mission\n\nBYLINE: Jane Doe\nSECTION: WORLD\nLENGTH: 500 words\nDATELINE: OTTAWA\n\nThe government said so.\n",
			want: Article{Title: "Canada to extend mission", Dateline: "OTTAWA", Bylines: []string{"Jane Doe"}},
		},
		{
			name: "byline line and AP dateline", source: "a.txt",
			text: "Troops to stay\nBy JANE DOE, Associated Press Writer\n\nWASHINGTON (AP) — The Pentagon said so.\n",
			want: Article{Title: "Troops to stay", Dateline: "WASHINGTON", Agency: "AP", Bylines: []string{"By JANE DOE, Associated Press Writer"}},
		},
		{
			name: "dateline with a date and no year", source: "a.txt",
			text: "LONDON, Feb 22 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "LONDON", Agency: "Reuters"},
		},
		{
			name: "dateline date completed by the year of the file name", source: "2008_oil.txt",
			text: "LONDON, Feb 22 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "LONDON", Agency: "Reuters", Date: date(2008, 2, 22)},
		},
		{
			name: "dateline with a full date", source: "a.txt",
			text: "WASHINGTON, Feb. 22, 2008 (Reuters) - Oil rose.\n",
			want: Article{Title: "Oil rose.", Dateline: "WASHINGTON", Agency: "Reuters", Date: date(2008, 2, 22)},
		},
		{
			name: "dateline without agency", source: "a.txt",
			text: "NEW YORK -- Stocks fell on Friday.\n",
			want: Article{Title: "Stocks fell on Friday.", Dateline: "NEW YORK"},
		},
		{
			name: "dateline with region", source: "a.txt",
			text: "KANDAHAR, Afghanistan (Reuters) - A soldier died.\n",
			want: Article{Title: "A soldier died.", Dateline: "KANDAHAR, Afghanistan", Agency: "Reuters"},
		},
		{
			name: "no dateline in a sentence with a dash", source: "a.txt",
			text: "US - China talks resumed on Friday.\n",
			want: Article{Title: "US - China talks resumed on Friday."},
		},
		{
			name: "file name date", source: "2008/2008-02-22-troops.txt",
			text: "Body.",
			want: Article{Title: "Body.", Date: date(2008, 2, 22)},
		},
		{
			name: "file name year only means January 1", source: "1790_george_washington_n.txt",
			text: "Fellow-Citizens: I meet you.",
			want: Article{Title: "1790 George Washington", Date: date(1790, 1, 1)},
		},
		{
			name: "date folders", source: "news/2009/06/13/story.txt",
			text: "Body.",
			want: Article{Title: "Body.", Date: date(2009, 6, 13)},
		},
		{
			name: "a number that is no year", source: "000_7b664699113ac3fb.txt",
			text: "Body in 2008.",
			want: Article{Title: "Body in 2008."},
		},
		{
			name: "credits in a paragraph", source: "a.txt",
			text: "Body. (Additional reporting by Jane Doe in Ottawa; Writing by John Roe)\n",
			want: Article{Title: "Body.", Bylines: []string{"Additional reporting by Jane Doe in Ottawa; Writing by John Roe"}},
		},
		{
			name: "sentences starting with By are no bylines", source: "a.txt",
			text: "By Friday, the troops had left.\n\nBy the numbers\n\nBy Monday\n",
			want: Article{Title: "By Friday, the troops had left."},
		},
		{
			name: "a long first sentence is cut at a word", source: "a.txt",
			text: long + "end.",
			want: Article{Title: strings.TrimSpace(long[:150]) + "…"},
		},
		{
			name: "a title line ending in a period is a sentence", source: "a.txt",
			text: "Troops will stay.\n\nMore text.",
			want: Article{Title: "Troops will stay."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.source, []byte(tt.text))
			got := Article{Title: a.Title, Dateline: a.Dateline, Agency: a.Agency, Bylines: a.Bylines, Date: a.Date}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseArticle(%q, %q) =\n %+v\nwant\n %+v", tt.source, tt.text, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2008-02-22", date(2008, 2, 22)},
		{"2008-02-22T14:30:00Z", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008-02-22T14:30:00.000+0000", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008-02-22 14:30:00", time.Date(2008, 2, 22, 14, 30, 0, 0, time.UTC)},
		{"2008/02/22", date(2008, 2, 22)},
		{"February 22, 2008", date(2008, 2, 22)},
		{"Friday, Feb. 22, 2008 3:04 PM EST", date(2008, 2, 22)},
		{"Sept. 11, 2001", date(2001, 9, 11)},
		{"Fri, 22 Feb 2008 14:30:00 GMT", date(2008, 2, 22)},
		{"2008-02-30", time.Time{}},
		{"yesterday", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if !got.Equal(tt.want) || ok == tt.want.IsZero() {
			t.Errorf("parseDate(%q) = %v, %v, want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestFileNameTitle(t *testing.T) {
	tests := []struct{ source, want string }{
		{"1862_abraham_lincoln_r.txt", "1862 Abraham Lincoln"},
		{"speeches/1961_john_f_kennedy_d.txt", "1961 John F Kennedy"},
		{"2009-06-13-Harbour-bridge-closes.md", "Harbour Bridge Closes"},
		{"nato canada troops.txt", "Nato Canada Troops"},
		{"story.txt", ""},
		{"2008_oil.txt", ""},
		{"20080222_nato_summit.html", "Nato Summit"},
		{"002_6b9d529eae85757d.txt", ""},
		{"article1.txt", ""},
		{"12345.txt", ""},
		{"deadbeef.txt", ""},
	}
	for _, tt := range tests {
		if got := fileNameTitle(tt.source); got != tt.want {
			t.Errorf("fileNameTitle(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}

func TestTitleFromFileNameWithoutHeadline(t *testing.T) {
	tests := []struct{ source, text, want string }{
		// A speech on one long line has no headline: the name tells it.
		{"1862_abraham_lincoln_r.txt", "Fellow-Citizens of the Senate and House of Representatives: Since your last annual assembling another year of health has passed. " + strings.Repeat("More words. ", 50), "1862 Abraham Lincoln"},
		{"2001_george_w_bush_r.txt", "Thank you very much. Mr. Speaker, Mr. Vice President, members of Congress.", "2001 George W Bush"},
		// A headline wins over the name.
		{"1862_abraham_lincoln_r.txt", "Annual Message\n\nFellow-Citizens of the Senate.\n", "Annual Message"},
		// A name that says nothing leaves the first sentence.
		{"002_6b9d529eae85757d.txt", "Thank you very much. We begin.", "Thank you very much."},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.source, []byte(tt.text)).Title; got != tt.want {
			t.Errorf("%s: Title = %q, want %q", tt.source, got, tt.want)
		}
	}
}
