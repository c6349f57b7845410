package bot

import "testing"

func TestLocate(t *testing.T) {
	lines := []string{"Title", "", "The first sentence. The second", "sentence spans lines.", "The first sentence."}
	cases := []struct {
		quote       string
		near        int
		first, last int
		ok          bool
	}{
		{"The second sentence spans lines.", 1, 3, 4, true},
		{"The first sentence.", 1, 3, 3, true},
		{"The first sentence.", 5, 5, 5, true},
		{"Not there.", 1, 0, 0, false},
		{"", 1, 0, 0, false},
	}
	for _, c := range cases {
		first, last, ok := locate(lines, c.quote, c.near)
		if first != c.first || last != c.last || ok != c.ok {
			t.Errorf("locate(%q, near %d) = %d, %d, %v; want %d, %d, %v", c.quote, c.near, first, last, ok, c.first, c.last, c.ok)
		}
	}
}
