package retrieval

import "testing"

func TestTermCounts(t *testing.T) {
	vocab := map[string]uint32{}
	var list []string
	ids, tfs := termCounts([]string{"a", "b", "a", "c", "a"}, vocab, &list)
	if len(ids) != 3 || list[ids[0]] != "a" || tfs[0] != 3 || tfs[1] != 1 || tfs[2] != 1 {
		t.Errorf("termCounts = %v %v (vocab %v), want a:3 b:1 c:1", ids, tfs, list)
	}
}
