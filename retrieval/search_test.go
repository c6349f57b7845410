package retrieval

import "testing"

func TestDisplayText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text\nnext line", "plain text\nnext line"},
		{"Title\u2029\nBody", "Title\nBody"},
		{"One.\u2029Two.", "One. Two."},
	}
	for _, c := range cases {
		if got := DisplayText(c.in); got != c.want {
			t.Errorf("DisplayText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
