package local

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsbot/newsbot/retrieval"
)

// Articles changed since the last compaction (see base.go) live in
// segment files, one per source article, instead of chromem-go's
// NewPersistentDB, whose 32-bit file names collide, whose writes are not
// atomic and whose one truncated file blocks the whole database from
// opening. A segment is named by the SHA-256 of its source path and holds
// the path itself, so names cannot collide unnoticed; it is written to a
// temporary file, fsynced and renamed into place, so a crash leaves either
// the old or the new segment; and it ends in a CRC-32C, so a damaged
// segment is detected, dropped and re-indexed from its source.

const (
	segMagic   = "NEWSBOTSEG1\n"
	segExt     = ".seg"
	segVersion = 3 // 2: segments describe their article; 3: kinds, the store seam's model
)

// What a segment records about its source.
const (
	kindPut     = iota // the article, whole
	kindTouch          // a new size and time for the base's copy of the article
	kindRemoved        // the article is gone from the base too
)

// segment is one change to the index's articles since the base.
type segment struct {
	Version int
	Kind    int
	Source  string
	Hash    string // hex SHA-256 of the file's bytes
	Size    int64
	ModTime time.Time
	Model   string // retrieval.FileState.Model
	Info    retrieval.ArticleInfo
	Dim     int
	Chunks  []retrieval.Chunk
	Vectors []byte   // len(Chunks)*Dim little-endian float32s
	Vocab   []string // distinct keyword terms of this source
	TermIDs [][]uint32
	TermTFs [][]uint16
	DocLens []int32 // keyword terms per chunk
}

func newSegment(a *retrieval.Indexed) *segment {
	return &segment{
		Version: segVersion, Kind: kindPut, Source: a.Source, Hash: a.Hash, Size: a.Size, ModTime: a.ModTime, Model: a.Model,
		Info: a.Info, Dim: a.Dim, Chunks: a.Chunks, Vectors: encodeVectors(a.Vectors),
		Vocab: a.Vocab, TermIDs: a.TermIDs, TermTFs: a.TermTFs, DocLens: a.Lens,
	}
}

func (s *segment) state() retrieval.FileState {
	return retrieval.FileState{Source: s.Source, Hash: s.Hash, Size: s.Size, ModTime: s.ModTime, Model: s.Model}
}

// vectors decodes the chunks' embeddings.
func (s *segment) vectors() []float32 {
	flat := make([]float32, len(s.Vectors)/4)
	for j := range flat {
		flat[j] = math.Float32frombits(binary.LittleEndian.Uint32(s.Vectors[j*4:]))
	}
	return flat
}

func encodeVectors(v []float32) []byte {
	b := make([]byte, 0, len(v)*4)
	for _, f := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	return b
}

// segmentName returns the file name of source's segment.
func segmentName(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:]) + segExt
}

// writeSegment stores s in dir atomically and durably.
func writeSegment(dir string, s *segment) error {
	var buf bytes.Buffer
	buf.WriteString(segMagic)
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		return fmt.Errorf("encoding segment of %s: %w", s.Source, err)
	}
	sum := crc32.Checksum(buf.Bytes()[len(segMagic):], crc32.MakeTable(crc32.Castagnoli))
	buf.Write(binary.LittleEndian.AppendUint32(nil, sum))
	return writeFileAtomic(filepath.Join(dir, segmentName(s.Source)), buf.Bytes())
}

// errCorrupt marks a segment file that cannot be trusted.
var errCorrupt = errors.New("damaged")

// readSegment loads and verifies one segment file.
func readSegment(path string) (*segment, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < len(segMagic)+4 || string(data[:len(segMagic)]) != segMagic {
		return nil, fmt.Errorf("%w: bad header or truncated", errCorrupt)
	}
	body := data[len(segMagic) : len(data)-4]
	if crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", errCorrupt)
	}
	var s segment
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(&s); err != nil {
		// An older format is not damage: its article is re-indexed.
		var head struct {
			Version int
			Source  string
		}
		if gob.NewDecoder(bytes.NewReader(body)).Decode(&head) == nil && head.Version >= 1 && head.Version < segVersion {
			return &segment{Version: head.Version, Source: head.Source}, nil
		}
		return nil, fmt.Errorf("%w: %v", errCorrupt, err)
	}
	if s.Version != segVersion {
		return &segment{Version: s.Version, Source: s.Source}, nil
	}
	if filepath.Base(path) != segmentName(s.Source) ||
		len(s.Vectors) != len(s.Chunks)*s.Dim*4 || len(s.TermIDs) != len(s.Chunks) ||
		len(s.TermTFs) != len(s.Chunks) || len(s.DocLens) != len(s.Chunks) {
		return nil, fmt.Errorf("%w: inconsistent contents", errCorrupt)
	}
	return &s, nil
}

// writeFileAtomic replaces path with data so that a crash at any moment
// leaves either the old file or the new one, never a torn mix.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename or removal in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some platforms (Windows) cannot fsync a directory; the rename itself
	// is still atomic there, so that error is not worth failing for.
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, os.ErrPermission) {
		return err
	}
	return nil
}

// removeStaleTemps deletes temporary files left by a crash mid-write.
func removeStaleTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".tmp") {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
