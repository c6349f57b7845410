package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/retrieval/pdftest"
)

func TestPDFCitedByPageAndLine(t *testing.T) {
	corpus := t.TempDir()
	doc := pdftest.Doc{Pages: [][]string{
		{"The city council met on Monday to discuss the harbour.", "Nothing was decided about the bridge."},
		{"Harbour master Ingrid Solberg said the bridge will close", "for repairs in May 2009."},
	}}
	if err := os.WriteFile(filepath.Join(corpus, "report.pdf"), doc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--corpus", corpus, "--index", filepath.Join(t.TempDir(), "ix")}

	out, stderr, err := newsbot(t, "", append([]string{"ask", "--json", "Who is the harbour master?"}, args...)...)
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, stderr)
	}
	var got struct {
		Citations []struct {
			Source string `json:"source"`
			Page   int    `json:"page"`
			Lines  [2]int `json:"lines"`
		} `json:"citations"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Citations) == 0 {
		t.Fatalf("ask --json: %v\n%s", err, out)
	}
	if c := got.Citations[0]; c.Source != "report.pdf" || c.Page != 2 || c.Lines != [2]int{1, 2} {
		t.Errorf("citation %+v, want report.pdf page 2 lines 1-2", c)
	}

	out, _, err = newsbot(t, "", append([]string{"ask", "Who is the harbour master?"}, args...)...)
	if err != nil || !strings.Contains(out, "report.pdf:p2:1-2") {
		t.Errorf("ask printed (err %v):\n%s\nwant the source report.pdf:p2:1-2", err, out)
	}
	// The short article is one passage, across the page break.
	out, _, err = newsbot(t, "", append([]string{"search", "-k", "1", "Solberg"}, args...)...)
	if err != nil || !strings.Contains(out, "report.pdf:p1:1-p2:2") {
		t.Errorf("search printed (err %v):\n%s\nwant the passage at report.pdf:p1:1-p2:2", err, out)
	}
}
