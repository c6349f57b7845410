package bot

import "testing"

func TestLRU(t *testing.T) {
	c := NewLRU[int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a") // now b is the least recently used
	c.Put("c", 3)
	for _, tc := range []struct {
		key    string
		want   int
		wantOK bool
	}{
		{"a", 1, true},
		{"b", 0, false},
		{"c", 3, true},
	} {
		if got, ok := c.Get(tc.key); got != tc.want || ok != tc.wantOK {
			t.Errorf("Get(%q) = %d, %v, want %d, %v", tc.key, got, ok, tc.want, tc.wantOK)
		}
	}
	if got := c.GetOrPut("d", func() int { return 4 }); got != 4 {
		t.Errorf("GetOrPut(new key) = %d, want 4", got)
	}
	if got := c.GetOrPut("d", func() int { return 5 }); got != 4 {
		t.Errorf("GetOrPut(existing key) = %d, want 4", got)
	}
	if n := c.Len(); n != 2 {
		t.Errorf("Len() = %d, want 2 (the bound)", n)
	}
}
