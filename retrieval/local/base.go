package local

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"unsafe"

	"github.com/newsbot/newsbot/retrieval"
)

// The base is the bulk of the index, written whole by a compaction and
// never changed after: contiguous column files that are memory-mapped at
// open, so opening costs the same whatever the size of the corpus, and a
// search walks its vectors and postings in order without decoding them.
// Files of a base, in the folder base-N named by the CURRENT file:
//
//	meta      articles (state, description, passage range), model, totals; CRC-checked
//	vectors   float32 rows, one per passage
//	docs      one docRec per passage
//	text      the passages' texts, back to back
//	termidx   uint32 offsets of the sorted terms in termstr, one more than terms
//	termstr   the terms, back to back
//	postidx   uint64 offsets of each term's postings, one more than terms
//	postdoc   uint32 passage of each posting
//	posttf    uint16 count of each posting
//
// Numbers are little-endian; a big-endian machine rebuilds the index.

const (
	baseMagic   = "NEWSBOTBASE1\n"
	baseVersion = 1
	currentFile = "CURRENT"
)

var baseColumns = []string{"vectors", "docs", "text", "termidx", "termstr", "postidx", "postdoc", "posttf"}

// baseMeta is the small part of a base, decoded at open.
type baseMeta struct {
	Version  int
	Model    string
	Dim      int
	Docs     int
	Terms    int
	TotalLen int64 // keyword terms of all passages, for BM25's average
	Articles []baseArticle
	Sizes    map[string]int64 // expected size of each column file
}

// baseArticle is one article of a base: its passages are First..First+Count-1.
type baseArticle struct {
	State retrieval.FileState
	Info  retrieval.ArticleInfo
	First int32
	Count int32
}

// docRec describes one passage of a base.
type docRec struct {
	Article   int32
	N         int32
	Start     int32
	End       int32
	FirstLine int32
	LastLine  int32
	Len       int32 // keyword terms
	TextLen   int32
	TextOff   int64
}

// base is an open, memory-mapped base.
type base struct {
	name     string
	meta     baseMeta
	bySource map[string]int32 // article index
	vectors  []float32
	docs     []docRec
	text     []byte
	termIdx  []uint32
	termStr  []byte
	postIdx  []uint64
	postDoc  []uint32
	postTF   []uint16

	mu     sync.RWMutex // searches hold it shared; retiring takes it to unmap
	closed bool
	unmap  []func() error
}

// errBaseCorrupt marks a base that cannot be trusted.
var errBaseCorrupt = errors.New("damaged")

// openBase maps the base in dir/name.
func openBase(dir, name string) (_ *base, err error) {
	b := &base{name: name}
	defer func() {
		if err != nil {
			b.release()
		}
	}()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(filepath.Join(path, "meta"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w (%s: meta file missing)", errBaseCorrupt, name)
		}
		return nil, err
	}
	if len(data) < len(baseMagic)+4 || string(data[:len(baseMagic)]) != baseMagic {
		return nil, fmt.Errorf("%w (%s: bad header)", errBaseCorrupt, name)
	}
	body := data[len(baseMagic) : len(data)-4]
	if crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w (%s: checksum mismatch)", errBaseCorrupt, name)
	}
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&b.meta); err != nil {
		return nil, fmt.Errorf("%w (%s: %v)", errBaseCorrupt, name, err)
	}
	if b.meta.Version != baseVersion || !littleEndian() {
		return nil, fmt.Errorf("%w (%s: format %d)", errBaseCorrupt, name, b.meta.Version)
	}
	cols := make(map[string][]byte, len(baseColumns))
	for _, c := range baseColumns {
		f, err := os.Open(filepath.Join(path, c))
		if err != nil {
			return nil, fmt.Errorf("%w (%s: %v)", errBaseCorrupt, name, err)
		}
		info, err := f.Stat()
		if err != nil || info.Size() != b.meta.Sizes[c] {
			f.Close()
			return nil, fmt.Errorf("%w (%s: %s has the wrong size)", errBaseCorrupt, name, c)
		}
		m, unmap, err := mapFile(f, int(info.Size()))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("mapping %s: %w", c, err)
		}
		b.unmap = append(b.unmap, unmap)
		cols[c] = m
	}
	m := &b.meta
	b.vectors = castSlice[float32](cols["vectors"])
	b.docs = castSlice[docRec](cols["docs"])
	b.text = cols["text"]
	b.termIdx = castSlice[uint32](cols["termidx"])
	b.termStr = cols["termstr"]
	b.postIdx = castSlice[uint64](cols["postidx"])
	b.postDoc = castSlice[uint32](cols["postdoc"])
	b.postTF = castSlice[uint16](cols["posttf"])
	if len(b.vectors) != m.Docs*m.Dim || len(b.docs) != m.Docs || len(b.termIdx) != m.Terms+1 ||
		len(b.postIdx) != m.Terms+1 || len(b.postDoc) != len(b.postTF) ||
		(m.Terms > 0 && (int(b.termIdx[m.Terms]) != len(b.termStr) || int(b.postIdx[m.Terms]) != len(b.postDoc))) {
		return nil, fmt.Errorf("%w (%s: inconsistent columns)", errBaseCorrupt, name)
	}
	b.bySource = make(map[string]int32, len(m.Articles))
	for i, a := range m.Articles {
		b.bySource[a.State.Source] = int32(i)
	}
	return b, nil
}

// castSlice views b as a slice of T without copying; b comes from a
// page-aligned mapping (or a fresh allocation), so it is aligned.
func castSlice[T any](b []byte) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(b) < size {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(b)/size)
}

func littleEndian() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}

// release unmaps the base's files; the caller makes sure no search uses it.
func (b *base) release() {
	for _, u := range b.unmap {
		u()
	}
	b.unmap = nil
}

// retire unmaps the base once the searches using it are done.
func (b *base) retire() {
	go func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.closed = true
		b.release()
	}()
}

// vector returns passage doc's embedding.
func (b *base) vector(doc int32) []float32 {
	d := b.meta.Dim
	return b.vectors[int(doc)*d : (int(doc)+1)*d : (int(doc)+1)*d]
}

// chunk rebuilds passage doc.
func (b *base) chunk(doc int32) retrieval.Chunk {
	r := &b.docs[doc]
	a := &b.meta.Articles[r.Article]
	return retrieval.Chunk{
		ID: a.State.Source + "#" + itoa(int(r.N)), Source: a.State.Source, Title: a.Info.Title, Date: a.Info.Date,
		N: int(r.N), Start: int(r.Start), End: int(r.End), FirstLine: int(r.FirstLine), LastLine: int(r.LastLine),
		Text: string(b.text[r.TextOff : r.TextOff+int64(r.TextLen)]),
	}
}

// term returns the i-th term of the dictionary.
func (b *base) term(i int) string {
	return unsafe.String(unsafe.SliceData(b.termStr[b.termIdx[i]:]), int(b.termIdx[i+1]-b.termIdx[i]))
}

// postings returns the passages and counts of term, if it occurs.
func (b *base) postings(term string) ([]uint32, []uint16) {
	n := b.meta.Terms
	i := sort.Search(n, func(i int) bool { return b.term(i) >= term })
	if i == n || b.term(i) != term {
		return nil, nil
	}
	lo, hi := b.postIdx[i], b.postIdx[i+1]
	return b.postDoc[lo:hi], b.postTF[lo:hi]
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// baseWriter writes the column files of a new base.
type baseWriter struct {
	dir   string
	files map[string]*os.File
	bufs  map[string]*bufio.Writer
	sizes map[string]int64
	err   error
}

func newBaseWriter(dir string) (*baseWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	w := &baseWriter{dir: dir, files: map[string]*os.File{}, bufs: map[string]*bufio.Writer{}, sizes: map[string]int64{}}
	for _, c := range baseColumns {
		f, err := os.Create(filepath.Join(dir, c))
		if err != nil {
			w.abort()
			return nil, err
		}
		w.files[c] = f
		w.bufs[c] = bufio.NewWriterSize(f, 1<<20)
	}
	return w, nil
}

func (w *baseWriter) write(col string, p []byte) {
	if w.err != nil {
		return
	}
	_, w.err = w.bufs[col].Write(p)
	w.sizes[col] += int64(len(p))
}

func (w *baseWriter) u32(col string, v uint32) {
	w.write(col, binary.LittleEndian.AppendUint32(nil, v))
}

func (w *baseWriter) floats(v []float32) {
	buf := make([]byte, 0, 4*len(v))
	for _, f := range v {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(f))
	}
	w.write("vectors", buf)
}

func (w *baseWriter) doc(r docRec) {
	w.write("docs", unsafe.Slice((*byte)(unsafe.Pointer(&r)), unsafe.Sizeof(r)))
}

// finish flushes and syncs the columns and writes the meta file last.
func (w *baseWriter) finish(m *baseMeta) error {
	for _, c := range baseColumns {
		if w.err == nil {
			w.err = w.bufs[c].Flush()
		}
		if w.err == nil {
			w.err = w.files[c].Sync()
		}
	}
	for _, f := range w.files {
		f.Close()
	}
	if w.err != nil {
		return w.err
	}
	m.Sizes = w.sizes
	var buf bytes.Buffer
	buf.WriteString(baseMagic)
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return err
	}
	buf.Write(binary.LittleEndian.AppendUint32(nil, crc32.Checksum(buf.Bytes()[len(baseMagic):], crc32.MakeTable(crc32.Castagnoli))))
	if err := writeFileAtomic(filepath.Join(w.dir, "meta"), buf.Bytes()); err != nil {
		return err
	}
	return syncDir(w.dir)
}

func (w *baseWriter) abort() {
	for _, f := range w.files {
		f.Close()
	}
	os.RemoveAll(w.dir)
}
