package bot

import (
	"strings"
	"testing"
)

func TestLocate(t *testing.T) {
	lines := []string{"Title", "", "The first sentence. The second", "sentence spans  lines.", "The first sentence.", "Ottawa – ça coûte 2 000 $."}
	cases := []struct {
		quote string
		near  int
		at    [2]int
		cols  [2]int
		ok    bool
	}{
		{"The second sentence spans lines.", 1, [2]int{3, 4}, [2]int{21, 22}, true},
		{"The first sentence.", 1, [2]int{3, 3}, [2]int{1, 19}, true},
		{"The first sentence.", 5, [2]int{5, 5}, [2]int{1, 19}, true},
		{"first", 1, [2]int{3, 3}, [2]int{5, 9}, true},
		// Columns count characters, not bytes.
		{"ça coûte 2 000 $.", 1, [2]int{6, 6}, [2]int{10, 26}, true},
		{"Ottawa –", 1, [2]int{6, 6}, [2]int{1, 8}, true},
		{"Not there.", 1, [2]int{}, [2]int{}, false},
		{"", 1, [2]int{}, [2]int{}, false},
	}
	for _, c := range cases {
		at, cols, ok := locate(lines, c.quote, c.near)
		if at != c.at || cols != c.cols || ok != c.ok {
			t.Errorf("locate(%q, near %d) = %v, %v, %v; want %v, %v, %v", c.quote, c.near, at, cols, ok, c.at, c.cols, c.ok)
		}
	}
}

// A quote deep in a line of a whole speech is placed by its columns.
func TestLocateLongLine(t *testing.T) {
	line := strings.Repeat("Filler words of a long address. ", 1000) + "The quoted sentence. " + strings.Repeat("More filler. ", 100)
	at, cols, ok := locate([]string{line}, "The quoted  sentence.", 1)
	want := len(strings.Repeat("Filler words of a long address. ", 1000)) + 1
	if !ok || at != [2]int{1, 1} || cols != [2]int{want, want + 19} {
		t.Fatalf("locate = %v, %v, %v; want line 1, columns %d-%d", at, cols, ok, want, want+19)
	}
	c := Citation{Source: "1862.txt", Lines: at, Columns: cols}
	if got, want := c.Label(), "1862.txt:1.32001-32020"; got != want {
		t.Errorf("Label() = %q, want %q", got, want)
	}
}

func TestCitationSpan(t *testing.T) {
	for _, tc := range []struct {
		lines, cols [2]int
		span, label string
	}{
		{[2]int{5, 6}, [2]int{}, "5-6", "a.txt:5-6"},
		{[2]int{5, 5}, [2]int{}, "5", "a.txt:5"},
		{[2]int{5, 5}, [2]int{10, 80}, "5.10-80", "a.txt:5"},
		{[2]int{5, 6}, [2]int{10, 20}, "5.10-6.20", "a.txt:5-6"},
		{[2]int{1, 1}, [2]int{4000, 4100}, "1.4000-4100", "a.txt:1.4000-4100"},
		{[2]int{3, 4}, [2]int{1500, 20}, "3.1500-4.20", "a.txt:3.1500-4.20"},
	} {
		c := Citation{Source: "a.txt", Lines: tc.lines, Columns: tc.cols}
		if got := c.Span(); got != tc.span {
			t.Errorf("Span() of %v %v = %q, want %q", tc.lines, tc.cols, got, tc.span)
		}
		if got := c.Label(); got != tc.label {
			t.Errorf("Label() of %v %v = %q, want %q", tc.lines, tc.cols, got, tc.label)
		}
		lines, cols, err := ParseSpan(tc.span)
		if err != nil || lines != tc.lines || cols != tc.cols {
			t.Errorf("ParseSpan(%q) = %v, %v, %v; want %v, %v", tc.span, lines, cols, err, tc.lines, tc.cols)
		}
	}
	for _, bad := range []string{"", "x", "0", "-1", "5-", "5-4", "5.", "5.3", "5.10-", "5.10-9", "5.1-6.x", "+5", "5-6.2", "1.2-3-4"} {
		if _, _, err := ParseSpan(bad); err == nil {
			t.Errorf("ParseSpan(%q) = nil error, want one", bad)
		}
	}
}
