package retrieval

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// IgnoreFile is the name of the file, in the corpus folder or any folder
// below it, whose gitignore-style patterns leave files out of the corpus.
const IgnoreFile = ".newsbotignore"

// ignoreRule is one pattern of a .newsbotignore or of the configuration,
// in gitignore syntax.
type ignoreRule struct {
	base    string // folder the pattern is relative to ("" for the corpus root)
	re      *regexp.Regexp
	negate  bool // "!pattern" brings back what an earlier pattern left out
	dirOnly bool // "pattern/" matches folders only
}

// ignorer decides which paths of the corpus are left out. Rules are kept in
// the order they apply: later ones win, as in git.
type ignorer struct{ rules []ignoreRule }

// add compiles the patterns of one source (a file's lines or the
// configuration) relative to folder base; blank lines and # comments are
// skipped, as git does.
func (ig *ignorer) add(base string, patterns []string) {
	for _, p := range patterns {
		if r, ok := compileIgnore(base, p); ok {
			ig.rules = append(ig.rules, r)
		}
	}
}

// addFile adds the patterns of the ignore file in folder dir (rel is its
// path relative to the corpus root), if there is one.
func (ig *ignorer) addFile(dir, rel string) {
	data, err := os.ReadFile(filepath.Join(dir, IgnoreFile))
	if err != nil {
		return
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	ig.add(rel, lines)
}

// ignored reports whether rel (slash-separated, relative to the corpus
// root) is left out. The caller checks folders before what they hold, so
// that a left-out folder is not walked at all, as in git.
func (ig *ignorer) ignored(rel string, isDir bool) bool {
	out := false
	for _, r := range ig.rules {
		if r.dirOnly && !isDir {
			continue
		}
		sub := rel
		if r.base != "" {
			var ok bool
			if sub, ok = strings.CutPrefix(rel, r.base+"/"); !ok {
				continue
			}
		}
		if r.re.MatchString(sub) {
			out = !r.negate
		}
	}
	return out
}

// compileIgnore turns one gitignore pattern into a rule.
func compileIgnore(base, p string) (ignoreRule, bool) {
	p = strings.TrimRight(p, "\r")
	// Trailing spaces are dropped unless escaped with a backslash.
	for strings.HasSuffix(p, " ") && !strings.HasSuffix(p, `\ `) {
		p = p[:len(p)-1]
	}
	if p == "" || strings.HasPrefix(p, "#") {
		return ignoreRule{}, false
	}
	r := ignoreRule{base: base}
	if strings.HasPrefix(p, "!") {
		r.negate, p = true, p[1:]
	} else if strings.HasPrefix(p, `\!`) || strings.HasPrefix(p, `\#`) {
		p = p[1:]
	}
	if strings.HasSuffix(p, "/") {
		r.dirOnly, p = true, strings.TrimRight(p, "/")
	}
	if p == "" {
		return ignoreRule{}, false
	}
	// A pattern with a slash other than at its end is relative to its
	// folder; one without matches at any depth.
	anchored := strings.Contains(p, "/")
	p = strings.TrimPrefix(p, "/")
	var re strings.Builder
	re.WriteString("^")
	if !anchored {
		re.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case strings.HasPrefix(p[i:], "**/"):
			re.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(p[i:], "/**") && i+3 == len(p):
			re.WriteString("/.*")
			i += 2
		case strings.HasPrefix(p[i:], "**"):
			re.WriteString(".*")
			i++
		case c == '*':
			re.WriteString("[^/]*")
		case c == '?':
			re.WriteString("[^/]")
		case c == '\\' && i+1 < len(p):
			i++
			re.WriteString(regexp.QuoteMeta(p[i : i+1]))
		case c == '[':
			end := strings.IndexByte(p[i+1:], ']')
			if end < 0 {
				re.WriteString(`\[`)
				continue
			}
			class := p[i+1 : i+1+end]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			re.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += end + 1
		default:
			re.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	re.WriteString("$")
	compiled, err := regexp.Compile(re.String())
	if err != nil {
		return ignoreRule{}, false
	}
	r.re = compiled
	return r, true
}
