package retrieval

import (
	"maps"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// parseMarkdown sets a.Text to the Markdown text with its front matter
// blanked, and takes the title, date and authors from the front matter or a
// leading heading.
func parseMarkdown(a *Article, text string) {
	if block, end := frontMatter(text); end > 0 {
		applyFrontMatter(a, block)
		a.Text = strings.Repeat("\n", strings.Count(text[:end], "\n")) + text[end:]
	} else {
		a.Text = text
	}
	if a.Title != "" {
		return
	}
	lines := strings.SplitN(strings.TrimLeft(a.Text, " \t\n"), "\n", 3)
	first := strings.TrimSpace(lines[0])
	if h, ok := strings.CutPrefix(first, "#"); ok && !strings.HasPrefix(h, "#") && (h == "" || h[0] == ' ' || h[0] == '\t') {
		a.Title = cleanTitle(strings.TrimRight(h, "# \t"))
	} else if len(lines) > 1 && isSetextRule(lines[1]) {
		a.Title = cleanTitle(first)
	}
}

// frontMatter finds a YAML front matter block ("---" lines around it) at
// the start of text and returns its content and the offset just past its
// closing line, or end 0 when there is none.
func frontMatter(text string) (block string, end int) {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return "", 0
	}
	start := len(first) + 1
	off := start
	for rest != "" {
		line, tail, _ := strings.Cut(rest, "\n")
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			return text[start:off], min(off+len(line)+1, len(text))
		}
		off += len(line) + 1
		rest = tail
	}
	return "", 0
}

// applyFrontMatter takes title, date and author(s) from a YAML block. A
// block that is not valid YAML is ignored: it is still blanked from Text.
func applyFrontMatter(a *Article, block string) {
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(block), &raw); err != nil {
		return
	}
	fm := make(map[string]any, len(raw))
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		fm[strings.ToLower(k)] = raw[k]
	}
	for _, k := range []string{"title", "headline"} {
		if s, ok := fm[k].(string); ok && a.Title == "" {
			a.Title = cleanTitle(s)
		}
	}
	for _, k := range []string{"date", "published", "pubdate", "publishdate"} {
		if !a.Date.IsZero() {
			break
		}
		switch d := fm[k].(type) {
		case time.Time:
			a.Date = d
		case string:
			a.Date, _ = parseDate(d)
		}
	}
	for _, k := range []string{"author", "authors", "byline"} {
		a.Bylines = appendNames(a.Bylines, fm[k])
	}
}

// appendNames appends the author names of a front matter value: a string, a
// list of strings, or maps with a "name".
func appendNames(dst []string, v any) []string {
	switch x := v.(type) {
	case string:
		if s := collapseSpace(x); s != "" {
			dst = append(dst, s)
		}
	case []any:
		for _, e := range x {
			dst = appendNames(dst, e)
		}
	case map[string]any:
		dst = appendNames(dst, x["name"])
	}
	return dst
}

func isSetextRule(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && strings.Trim(line, "=") == ""
}
