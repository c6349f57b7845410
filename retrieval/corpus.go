package retrieval

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// LoadOptions bounds what the loader accepts.
type LoadOptions struct {
	MaxBytes int64 // files larger than this are skipped; 0 means DefaultMaxBytes
	// Ignore leaves out the files and folders that match these patterns,
	// in gitignore syntax, relative to the corpus root, as if they came
	// first in its .newsbotignore.
	Ignore []string
}

// DefaultMaxBytes is the default size limit of one article file.
const DefaultMaxBytes = 10 << 20

// CorpusFile is a candidate article found in the corpus.
type CorpusFile struct {
	Source  string // slash-separated path relative to the corpus root
	Size    int64
	ModTime time.Time
}

// SkipError is the warning ListCorpus gives for a file or directory it will
// not index. Its message names the path and the reason, e.g.
// `skipping photo.jpg: unsupported file type ".jpg"`.
type SkipError struct {
	Source string // slash-separated path relative to the corpus root; directories end in "/"
	Reason string
	Err    error // the underlying error, if any
}

func (e *SkipError) Error() string { return "skipping " + e.Source + ": " + e.Reason }

func (e *SkipError) Unwrap() error { return e.Err }

// ListCorpus walks root recursively and returns the article files it may
// index, sorted by Source. Files it will not index (unsupported extension,
// oversize, unreadable) are reported in warnings, one error per file naming
// it; hidden files and directories (.git, .newsbot) and what opt.Ignore or
// a .newsbotignore leaves out are passed over silently.
// It fails only when root itself cannot be read.
//
// A symbolic link to a file is indexed under its own name only when the
// file it resolves to lies inside root and outside its hidden folders: a
// shared or contributed folder must not be able to publish /etc/passwd or
// a config file to everyone who can ask the bot. Links to directories are
// never followed (their files inside root are indexed where they are),
// so a link loop cannot trap the walk.
func ListCorpus(root string, opt LoadOptions) (files []CorpusFile, warnings []error, err error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	// A root that is itself a symbolic link is walked where it points.
	top, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", root, err)
	}
	if info, err := os.Stat(top); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", root, err)
	} else if !info.IsDir() {
		return nil, nil, fmt.Errorf("reading %s: not a directory", root)
	}
	skip := func(source, reason string, cause error) {
		warnings = append(warnings, &SkipError{Source: source, Reason: reason, Err: cause})
	}
	// Files the configuration or a .newsbotignore leaves out are not
	// articles: they are passed over without a warning.
	var ig ignorer
	ig.add("", opt.Ignore)
	ig.addFile(top, "")
	err = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if p == top {
			return err
		}
		rel, relErr := filepath.Rel(top, p)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if ig.ignored(rel, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil { // a directory that cannot be listed
			skip(rel+"/", errReason(err), err)
			return nil
		}
		if d.IsDir() {
			ig.addFile(p, rel)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if _, reason, err := resolveLink(top, p); reason != "" {
				skip(rel, reason, err)
				return nil
			}
		}
		info, err := os.Stat(p) // follows a symbolic link to what it names
		switch {
		case err != nil:
			skip(rel, errReason(err), err)
			return nil
		case info.IsDir():
			skip(rel+"/", "symbolic link to a directory, not followed", nil)
			return nil
		case !info.Mode().IsRegular():
			skip(rel, "not a regular file", nil)
			return nil
		}
		if ext := filepath.Ext(d.Name()); !supportedExt(ext) {
			if ext == "" {
				skip(rel, "unsupported file type (no extension)", nil)
			} else {
				skip(rel, fmt.Sprintf("unsupported file type %q", ext), nil)
			}
			return nil
		}
		if info.Size() > limit {
			size, max := byteSize(info.Size()), byteSize(limit)
			if size == max {
				size, max = strconv.FormatInt(info.Size(), 10)+" B", strconv.FormatInt(limit, 10)+" B"
			}
			skip(rel, size+" exceeds the "+max+" limit", nil)
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			skip(rel, errReason(err), err)
			return nil
		}
		f.Close()
		files = append(files, CorpusFile{Source: rel, Size: info.Size(), ModTime: info.ModTime()})
		return nil
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("reading %s: %w", root, err)
	}
	slices.SortFunc(files, func(a, b CorpusFile) int { return strings.Compare(a.Source, b.Source) })
	return files, warnings, nil
}

// resolveLink resolves the symbolic link at p, found under the resolved
// corpus root top, to a slash-separated path relative to top. A link that
// cannot be followed, leaves top or ends in a hidden file or folder gets
// the reason it is skipped.
func resolveLink(top, p string) (real, reason string, err error) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		// A loop or a target that cannot be read says why; a target
		// that is missing is the usual case.
		if _, serr := os.Stat(p); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			return "", errReason(serr), serr
		}
		return "", "broken symbolic link", err
	}
	return inside(top, target)
}

// inside gives the slash-separated path of the resolved path target
// relative to top, or the reason it is not an article of the corpus.
func inside(top, target string) (rel, reason string, err error) {
	rel, err = filepath.Rel(top, target)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", "symbolic link leads outside the corpus", nil
	}
	rel = filepath.ToSlash(rel)
	if hiddenPath(rel) {
		return "", "symbolic link to a hidden file or folder", nil
	}
	return rel, "", nil
}

// hiddenPath reports whether a slash-separated relative path has a part
// starting with a dot, as .git and .newsbot do.
func hiddenPath(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}

// ReadCorpusFile reads the article source (a slash-separated path relative
// to the corpus root) the way the index does: symbolic links are followed
// only while they stay inside the root, even if the file was replaced by
// a link after it was listed.
func ReadCorpusFile(corpus, source string) ([]byte, error) {
	c, err := openCorpus(corpus)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.ReadFile(source)
}

// corpusDir reads the files of a corpus.
type corpusDir struct {
	top  string   // the root with symbolic links resolved
	root *os.Root // refuses any path that leaves top
}

func openCorpus(corpus string) (*corpusDir, error) {
	top, err := filepath.EvalSymlinks(corpus)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(top)
	if err != nil {
		return nil, err
	}
	return &corpusDir{top: top, root: root}, nil
}

func (c *corpusDir) Close() error { return c.root.Close() }

// ReadFile reads source. Its symbolic links are resolved first, so that an
// absolute link within the corpus works too (os.Root refuses those); the
// read itself goes through os.Root, so a link swapped in after the check
// still cannot leave the corpus.
func (c *corpusDir) ReadFile(source string) ([]byte, error) {
	name := filepath.FromSlash(source)
	if !filepath.IsLocal(name) {
		return nil, &fs.PathError{Op: "read", Path: source, Err: fs.ErrInvalid}
	}
	target, err := filepath.EvalSymlinks(filepath.Join(c.top, name))
	if err != nil {
		return nil, err
	}
	real, reason, _ := inside(c.top, target)
	if reason != "" {
		return nil, &fs.PathError{Op: "read", Path: source, Err: errors.New(reason)}
	}
	return c.root.ReadFile(filepath.FromSlash(real))
}

// SupportedKinds names the kinds of file the corpus may hold, for messages.
const SupportedKinds = ".txt, .md, .html and .pdf files"

// supportedExt reports whether a file extension names a format ParseArticle reads.
func supportedExt(ext string) bool {
	switch strings.ToLower(ext) {
	case ".txt", ".md", ".markdown", ".html", ".htm", ".pdf":
		return true
	}
	return false
}

// errReason is the short reason of a file system error, without the path
// that the warning already names.
func errReason(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// byteSize formats a size for people: "512 B", "3.5 KB", "12.0 MB".
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}
