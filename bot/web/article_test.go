package web

import (
	"fmt"
	"strings"
	"testing"
)

// show writes lines compactly: "3:" a line, "~" a gap, "*" a cited line,
// [text] a mark.
func show(lines []lineView) string {
	var b strings.Builder
	for _, l := range lines {
		if l.Gap {
			b.WriteString("~\n")
			continue
		}
		if l.Page > 0 {
			fmt.Fprintf(&b, "page %d\n", l.Page)
		}
		fmt.Fprintf(&b, "%d", l.N)
		if l.Shown != l.N {
			fmt.Fprintf(&b, "(%d)", l.Shown)
		}
		b.WriteString(":")
		if l.Cited {
			b.WriteString("*")
		}
		for _, p := range l.Parts {
			if p.Mark {
				fmt.Fprintf(&b, "[%s]", p.Text)
				if p.ID != "" {
					b.WriteString("#" + p.ID)
				}
			} else {
				b.WriteString(p.Text)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestArticleLines(t *testing.T) {
	text := "Title\n\n\n  \nFirst one. Second one.\nThird – ça va.\n\n\u2029\nLast."
	cases := []struct {
		name        string
		lines, cols [2]int
		want        string
		marked      bool
	}{
		{"nothing cited", [2]int{}, [2]int{}, "1:Title\n~\n5:First one. Second one.\n6:Third – ça va.\n~\n9:Last.\n", false},
		{"a sentence", [2]int{5, 5}, [2]int{12, 22}, "1:Title\n~\n5:*First one. [Second one.]#cited\n6:Third – ça va.\n~\n9:Last.\n", true},
		{"across lines, in characters", [2]int{5, 6}, [2]int{12, 10}, "1:Title\n~\n5:*First one. [Second one.]#cited\n6:*[Third – ça] va.\n~\n9:Last.\n", true},
		{"whole lines", [2]int{5, 6}, [2]int{}, "1:Title\n~\n5:*[First one. Second one.]#cited\n6:*[Third – ça va.]\n~\n9:Last.\n", true},
		{"columns past the line", [2]int{9, 9}, [2]int{40, 50}, "1:Title\n~\n5:First one. Second one.\n6:Third – ça va.\n~\n9:*[Last.]#cited\n", true},
		{"lines past the text", [2]int{40, 41}, [2]int{1, 2}, "1:Title\n~\n5:First one. Second one.\n6:Third – ça va.\n~\n9:Last.\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, marked := articleLines(text, nil, c.lines, c.cols)
			if got := show(lines); got != c.want || marked != c.marked {
				t.Errorf("articleLines(%v, %v) =\n%s(marked %v)\nwant\n%s(marked %v)", c.lines, c.cols, got, marked, c.want, c.marked)
			}
		})
	}
}

// A PDF's lines are numbered by page, and a citation's page line is found.
func TestArticleLinesOfAPDF(t *testing.T) {
	text := "Report\n\nPage one ends.\nPage two starts.\nIt goes on.\n\nThird page."
	pages := []int{1, 4, 7}
	lines, cols, err := parseAt("p2:2.4-5", pages)
	if err != nil || lines != [2]int{5, 5} || cols != [2]int{4, 5} {
		t.Fatalf("parseAt = %v, %v, %v; want line 5, columns 4-5", lines, cols, err)
	}
	got, marked := articleLines(text, pages, lines, cols)
	want := "page 1\n1:Report\n~\n3:Page one ends.\npage 2\n4(1):Page two starts.\n5(2):*It [go]#citedes on.\n~\npage 3\n7(1):Third page.\n"
	if s := show(got); !marked || s != want {
		t.Errorf("articleLines of a PDF =\n%s\nwant\n%s", s, want)
	}
	for _, bad := range []string{"p4:1", "p0:1", "px:1", "p2:0"} {
		if _, _, err := parseAt(bad, pages); err == nil {
			t.Errorf("parseAt(%q) = nil error, want one", bad)
		}
	}
}

func TestCleanPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/": true, "/articles": true, "/articles/a/b.txt": true, "/articles/a..b.txt": true, "/static/": true,
		"": false, "articles": false, "/articles/../x": false, "/articles/./x": false, "/articles//x": false,
		"/articles/x/..": false, "/a\\b": false, "/a\x00b": false,
	} {
		if got := cleanPath(p); got != want {
			t.Errorf("cleanPath(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for p, want := range map[string]string{
		"/articles?x=1": "/articles?x=1", "": "/", "articles": "/", "//evil.example": "/",
		"https://evil.example/": "/", "/\\evil.example": "/", "javascript:alert(1)": "/",
	} {
		if got := localPath(p); got != want {
			t.Errorf("localPath(%q) = %q, want %q", p, got, want)
		}
	}
}
