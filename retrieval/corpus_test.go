package retrieval

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree creates files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func warningTexts(warns []error) []string {
	var out []string
	for _, w := range warns {
		out = append(out, w.Error())
	}
	return out
}

func TestListCorpus(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt":                "a",
		"nested/b.md":          "b",
		"nested/deeper/c.html": "c",
		"D.HTM":                "d",
		"e.markdown":           "e",
		"f.Txt":                "f",
		"README.md":            "readme",
		"photo.jpg":            "jpeg",
		"LICENSE":              "license",
		"small.txt":            strings.Repeat("x", 150),
		".hidden.txt":          "hidden",
		".git/config":          "git",
		".newsbot/seg.json":    "{}",
		"nested/.cache/x.txt":  "hidden too",
	})
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 12 MB by its size, nothing on disk.
	if err := big.Truncate(12 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	for link, target := range map[string]string{"link.txt": "a.txt", "dangling.txt": "missing.txt", "dirlink": "nested"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}

	files, warns, err := ListCorpus(dir, LoadOptions{})
	if err != nil {
		t.Fatalf("ListCorpus: %v", err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Source)
	}
	want := []string{"D.HTM", "README.md", "a.txt", "e.markdown", "f.Txt", "link.txt", "nested/b.md", "nested/deeper/c.html", "small.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("sources = %q, want %q", got, want)
	}
	if files[6].Size != 1 || files[6].ModTime.IsZero() {
		t.Errorf("nested/b.md: Size, ModTime = %d, %v; want 1 and a time", files[6].Size, files[6].ModTime)
	}
	if files[5].Size != 1 {
		t.Errorf("link.txt: Size = %d, want 1 (the size of the file it names)", files[5].Size)
	}
	wantWarns := []string{
		"skipping LICENSE: unsupported file type (no extension)",
		"skipping big.txt: 12.0 MB exceeds the 10.0 MB limit",
		"skipping dangling.txt: broken symbolic link",
		"skipping dirlink/: symbolic link to a directory, not followed",
		`skipping photo.jpg: unsupported file type ".jpg"`,
	}
	if got := warningTexts(warns); !slices.Equal(got, wantWarns) {
		t.Errorf("warnings =\n%q\nwant\n%q", got, wantWarns)
	}
	for _, w := range warns {
		var se *SkipError
		if !errors.As(w, &se) || se.Source == "" {
			t.Errorf("warning %v is not a *SkipError with a Source", w)
		}
	}

	t.Run("MaxBytes", func(t *testing.T) {
		_, warns, err := ListCorpus(dir, LoadOptions{MaxBytes: 100})
		if err != nil {
			t.Fatal(err)
		}
		if want := "skipping small.txt: 150 B exceeds the 100 B limit"; !slices.Contains(warningTexts(warns), want) {
			t.Errorf("warnings = %q, want one %q", warningTexts(warns), want)
		}
	})
	t.Run("root through a symbolic link", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "corpus")
		if err := os.Symlink(dir, link); err != nil {
			t.Fatal(err)
		}
		files, _, err := ListCorpus(link, LoadOptions{})
		if err != nil || len(files) != len(want) {
			t.Errorf("ListCorpus(link) = %d files, %v; want %d files", len(files), err, len(want))
		}
	})
}

func TestListCorpusUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read any file: permissions cannot make one unreadable")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"ok.txt": "ok", "secret.txt": "s", "private/x.txt": "x"})
	for _, p := range []string{"secret.txt", "private"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	files, warns, err := ListCorpus(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Source != "ok.txt" {
		t.Errorf("files = %v, want only ok.txt", files)
	}
	want := []string{"skipping private/: permission denied", "skipping secret.txt: permission denied"}
	if got := warningTexts(warns); !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}

func TestListCorpusRootErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"file.txt": "x"})
	for _, root := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file.txt")} {
		if files, _, err := ListCorpus(root, LoadOptions{}); err == nil || !strings.Contains(err.Error(), root) {
			t.Errorf("ListCorpus(%q) = %v, %v; want an error naming it", root, files, err)
		}
	}
	files, warns, err := ListCorpus(t.TempDir(), LoadOptions{})
	if err != nil || len(files) != 0 || len(warns) != 0 {
		t.Errorf("ListCorpus(empty dir) = %v, %v, %v; want nothing", files, warns, err)
	}
}

// TestListCorpusSymlinks checks that a link is listed only when the file
// it resolves to is an ordinary article of the corpus: a link that leaves
// the corpus (absolute, relative or through another link) or ends in a
// hidden file is skipped with one warning, and directory links, loops
// included, are not followed.
func TestListCorpusSymlinks(t *testing.T) {
	base := t.TempDir()
	corpus, outside := filepath.Join(base, "corpus"), filepath.Join(base, "outside")
	writeTree(t, corpus, map[string]string{"a.txt": "a", "sub/b.txt": "b", ".secret.txt": "token hunter2"})
	writeTree(t, outside, map[string]string{"passwd.txt": "root:x:0:0:hunter2:/root:/bin/bash\n"})
	links := map[string]string{
		"passwd.txt":       filepath.Join(outside, "passwd.txt"),
		"rel.txt":          "../outside/passwd.txt",
		"chain-out.txt":    "rel.txt",
		"sub/up.txt":       "../../outside/passwd.txt",
		"hidden.txt":       ".secret.txt",
		"inside.txt":       "a.txt",
		"abs-inside.txt":   filepath.Join(corpus, "sub", "b.txt"),
		"chain-inside.txt": "inside.txt",
		"outdir":           outside,
		"loop":             ".",
		"sub/parent":       "..",
		"self.txt":         "self.txt",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(corpus, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	files, warns, err := ListCorpus(corpus, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Source)
	}
	want := []string{"a.txt", "abs-inside.txt", "chain-inside.txt", "inside.txt", "sub/b.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("sources = %q, want %q", got, want)
	}
	wantWarns := []string{
		"skipping chain-out.txt: symbolic link leads outside the corpus",
		"skipping hidden.txt: symbolic link to a hidden file or folder",
		"skipping loop/: symbolic link to a directory, not followed",
		"skipping outdir: symbolic link leads outside the corpus",
		"skipping passwd.txt: symbolic link leads outside the corpus",
		"skipping rel.txt: symbolic link leads outside the corpus",
		"skipping self.txt: too many levels of symbolic links",
		"skipping sub/parent/: symbolic link to a directory, not followed",
		"skipping sub/up.txt: symbolic link leads outside the corpus",
	}
	if got := warningTexts(warns); !slices.Equal(got, wantWarns) {
		t.Errorf("warnings =\n%q\nwant\n%q", got, wantWarns)
	}

}

// TestReadCorpusFileSwappedLink replaces an article by a link out of the
// corpus after it was listed, as an attacker racing the indexer would:
// reading it must fail rather than follow the link.
func TestReadCorpusFileSwappedLink(t *testing.T) {
	base := t.TempDir()
	corpus, outside := filepath.Join(base, "corpus"), filepath.Join(base, "outside")
	writeTree(t, corpus, map[string]string{"a.txt": "article", "sub/b.txt": "b"})
	writeTree(t, outside, map[string]string{"passwd.txt": "hunter2"})
	if data, err := ReadCorpusFile(corpus, "a.txt"); err != nil || string(data) != "article" {
		t.Fatalf("ReadCorpusFile(a.txt) = %q, %v; want the article", data, err)
	}
	os.Remove(filepath.Join(corpus, "a.txt"))
	os.Symlink(filepath.Join(outside, "passwd.txt"), filepath.Join(corpus, "a.txt"))
	os.RemoveAll(filepath.Join(corpus, "sub"))
	os.Symlink(outside, filepath.Join(corpus, "sub"))
	for _, source := range []string{"a.txt", "sub/passwd.txt", "../outside/passwd.txt"} {
		if data, err := ReadCorpusFile(corpus, source); err == nil {
			t.Errorf("ReadCorpusFile(%s) = %q, want an error", source, data)
		}
	}
}
