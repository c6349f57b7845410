// Package pdftest writes small PDF files for tests: real PDFs (cross
// reference table, compressed content streams, a standard font in
// WinAnsiEncoding, document information) with a text layer laid out line
// by line, or without any text, as a scan has.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Doc describes a PDF to write.
type Doc struct {
	Title        string     // document information title; "" for none
	CreationDate string     // document information date, e.g. "D:20090613120000Z"; "" for none
	Headline     string     // set in a larger font above the first page's lines; "" for none
	Pages        [][]string // the lines of each page; a nil page has no text
	Scanned      bool       // pages hold a drawing instead of text
}

// Bytes returns the PDF file of d.
func (d Doc) Bytes() []byte {
	var objs []string // object i+1
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	catalog := add("") // filled in below, once the page tree's number is known
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	pagesObj := len(objs) + 1 + 2*len(d.Pages)
	for i, lines := range d.Pages {
		var content bytes.Buffer
		switch {
		case d.Scanned:
			content.WriteString("0.5 g 72 72 450 650 re f\n")
		case lines != nil || (i == 0 && d.Headline != ""):
			content.WriteString("BT\n72 740 Td\n")
			if i == 0 && d.Headline != "" {
				fmt.Fprintf(&content, "/F1 20 Tf (%s) Tj\n0 -30 Td\n", escape(d.Headline))
			}
			content.WriteString("/F1 11 Tf 14 TL\n")
			for _, l := range lines {
				// Words drawn one by one with positioning, as many
				// producers do, and lines advanced with T*.
				fmt.Fprintf(&content, "[(%s)] TJ T*\n", escape(l))
			}
			content.WriteString("ET\n")
		}
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(content.Bytes())
		zw.Close()
		stream := add(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>",
			pagesObj, font, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	info := 0
	if d.Title != "" || d.CreationDate != "" {
		var b strings.Builder
		b.WriteString("<< /Producer (pdftest)")
		if d.Title != "" {
			fmt.Fprintf(&b, " /Title (%s)", escape(d.Title))
		}
		if d.CreationDate != "" {
			fmt.Fprintf(&b, " /CreationDate (%s)", escape(d.CreationDate))
		}
		b.WriteString(" >>")
		info = add(b.String())
	}

	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R", len(objs)+1, catalog)
	if info != 0 {
		fmt.Fprintf(&out, " /Info %d 0 R", info)
	}
	fmt.Fprintf(&out, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes()
}

// escape encodes s in WinAnsiEncoding as the body of a PDF literal string.
func escape(s string) string {
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		b = s
	}
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(b)
}
