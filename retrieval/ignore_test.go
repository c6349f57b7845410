package retrieval

import (
	"slices"
	"testing"
)

func TestIgnorePatterns(t *testing.T) {
	tests := []struct {
		patterns []string
		path     string
		dir      bool
		want     bool
	}{
		{[]string{"*.txt"}, "a.txt", false, true},
		{[]string{"*.txt"}, "deep/er/a.txt", false, true},
		{[]string{"*.txt"}, "a.md", false, false},
		{[]string{"drafts/"}, "drafts", true, true},
		{[]string{"drafts/"}, "x/drafts", true, true},
		{[]string{"drafts/"}, "drafts", false, false}, // a file named drafts
		{[]string{"/notes.md"}, "notes.md", false, true},
		{[]string{"/notes.md"}, "sub/notes.md", false, false},
		{[]string{"sub/*.md"}, "sub/a.md", false, true},
		{[]string{"sub/*.md"}, "sub/x/a.md", false, false},
		{[]string{"**/tmp"}, "a/b/tmp", true, true},
		{[]string{"a/**/b.txt"}, "a/b.txt", false, true},
		{[]string{"a/**/b.txt"}, "a/x/y/b.txt", false, true},
		{[]string{"logs/**"}, "logs/x/y.txt", false, true},
		{[]string{"draft-?.txt"}, "draft-1.txt", false, true},
		{[]string{"draft-?.txt"}, "draft-10.txt", false, false},
		{[]string{"[Rr]eadme*"}, "README.md", false, false},
		{[]string{"[Rr]eadme*"}, "Readme.md", false, true},
		{[]string{"[!a]*.txt"}, "b.txt", false, true},
		{[]string{"[!a]*.txt"}, "a.txt", false, false},
		{[]string{"*.txt", "!keep.txt"}, "keep.txt", false, false},
		{[]string{"!keep.txt", "*.txt"}, "keep.txt", false, true}, // the last match wins
		{[]string{"# comment", "", "  "}, "# comment", false, false},
		{[]string{`\#hash.txt`}, "#hash.txt", false, true},
		{[]string{"trailing.txt   "}, "trailing.txt", false, true},
		{[]string{"a+b (1).txt"}, "a+b (1).txt", false, true}, // regexp characters are literal
	}
	for _, tt := range tests {
		var ig ignorer
		ig.add("", tt.patterns)
		if got := ig.ignored(tt.path, tt.dir); got != tt.want {
			t.Errorf("patterns %q: ignored(%q, dir %v) = %v, want %v", tt.patterns, tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestListCorpusIgnores(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".newsbotignore":      "# not articles\nREADME.md\ndrafts/\n*.csv\n",
		"README.md":           "about this folder",
		"story.txt":           "s",
		"data.csv":            "1,2",
		"drafts/x.txt":        "x",
		"photo.jpg":           "jpeg",
		"2009/.newsbotignore": "*.md\n!keep.md\n",
		"2009/a.md":           "a",
		"2009/keep.md":        "k",
		"2009/b.txt":          "b",
		"archive/old/c.txt":   "c",
		"archive/old/d.txt":   "d",
		"archive/2010/e.txt":  "e",
		"other/2009/notes.md": "the nested ignore file does not reach here",
	})
	files, warns, err := ListCorpus(dir, LoadOptions{Ignore: []string{"archive/old/", "archive/2010/e.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Source)
	}
	want := []string{"2009/b.txt", "2009/keep.md", "other/2009/notes.md", "story.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("listed %q, want %q", got, want)
	}
	// Ignored files are not warned about; an unsupported one still is.
	if w := warningTexts(warns); len(w) != 1 || w[0] != `skipping photo.jpg: unsupported file type ".jpg"` {
		t.Errorf("warnings %q, want only photo.jpg", w)
	}
}
