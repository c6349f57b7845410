package bot

import "testing"

func TestIsFollowUp(t *testing.T) {
	cases := []struct {
		q    string
		want bool
	}{
		{"And what did France say?", true},
		{"What about Germany?", true},
		{"When did he say that?", true},
		{"Why?", true},
		{"Who is the NATO spokesperson?", false},
		{"How many troops does Canada want from its NATO allies?", false},
	}
	for _, c := range cases {
		if got := isFollowUp(c.q, nil); got != c.want {
			t.Errorf("isFollowUp(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}
