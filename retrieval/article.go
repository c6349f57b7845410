package retrieval

import "time"

// Article is one file of the coverage, reduced to its text.
//
// Invariant relied on by citations: line N of Text (1-based, counting '\n')
// is line N of the source file, for every format. Formats whose markup is
// removed (HTML) keep their newlines so that the text of a paragraph stays on
// the line where it stood in the file.
type Article struct {
	Source   string    // slash-separated path relative to the corpus root
	Title    string    // headline, or the first sentence when there is none
	Dateline string    // place of the dateline ("OTTAWA"), if any
	Agency   string    // wire agency of the dateline ("Reuters"), if any
	Bylines  []string  // byline lines ("Reporting by David Ljunggren ..."), if any
	Date     time.Time // publication date when one is known, zero otherwise
	Text     string    // full text, valid UTF-8
}

// LoadOptions bounds what the loader accepts.
type LoadOptions struct {
	MaxBytes int64 // files larger than this are skipped; 0 means DefaultMaxBytes
}

// DefaultMaxBytes is the default size limit of one article file.
const DefaultMaxBytes = 10 << 20

// CorpusFile is a candidate article found in the corpus.
type CorpusFile struct {
	Source  string // slash-separated path relative to the corpus root
	Size    int64
	ModTime time.Time
}

// ListCorpus walks root recursively and returns the article files it may
// index, sorted by Source. Files it will not index (unsupported extension,
// oversize, unreadable) are reported in warnings, one error per file naming
// it; hidden files and directories (.git, .newsbot) are ignored silently.
// It fails only when root itself cannot be read.
func ListCorpus(root string, opt LoadOptions) (files []CorpusFile, warnings []error, err error) {
	panic("TODO")
}

// ParseArticle turns the bytes of the file at source (relative path, its
// extension picks the format) into an Article. Invalid UTF-8 is repaired;
// binary content and empty text are errors naming the file.
func ParseArticle(source string, data []byte) (*Article, error) {
	panic("TODO")
}
