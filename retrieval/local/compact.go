package local

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/newsbot/newsbot/retrieval"
)

// compact writes the base and the changes since as a new base, switches
// CURRENT to it and drops the segments it absorbed. A crash at any point
// leaves the old base with its segments, or the new base with segments
// that repeat it, which open to the same articles. Articles built with
// another model than the rest (an interrupted re-embedding) stay in their
// segments until the re-embedding is done.
func (st *Store) compact(ctx context.Context) error {
	st.mu.Lock()
	old, gen := st.base, st.gen
	changes := make(map[string]*change, len(st.delta))
	for k, c := range st.delta {
		changes[k] = c
	}
	st.mu.Unlock()

	// The articles of the new base, by source: the base's that no change
	// hides, and the changed ones.
	type item struct {
		state   retrieval.FileState
		fromOld int32 // article in the old base, or -1
		change  *change
	}
	var items []item
	model := ""
	if old != nil {
		old.mu.RLock()
		defer old.mu.RUnlock()
		for i, a := range old.meta.Articles {
			it := item{state: a.State, fromOld: int32(i)}
			if c := changes[a.State.Source]; c != nil {
				if c.kind != kindTouch || c.state.Hash != a.State.Hash {
					continue
				}
				it.state = c.state
			}
			items = append(items, it)
		}
	}
	for _, c := range changes {
		if c.kind == kindPut {
			items = append(items, item{state: c.state, fromOld: -1, change: c})
		}
	}
	for _, it := range items {
		if it.change != nil && it.change.version != segVersion {
			return nil // older segments wait for their re-indexing
		}
		if model == "" {
			model = it.state.Model
		} else if it.state.Model != model {
			return nil // a re-embedding is under way
		}
	}
	slices.SortFunc(items, func(a, b item) int { return strings.Compare(a.state.Source, b.state.Source) })

	name := "base-" + strconv.FormatUint(gen+1, 10)
	for i := 2; ; i++ {
		if _, err := os.Stat(filepath.Join(st.dir, name)); errors.Is(err, os.ErrNotExist) {
			break
		}
		name = "base-" + strconv.FormatUint(gen+1, 10) + "-" + strconv.Itoa(i)
	}
	w, err := newBaseWriter(filepath.Join(st.dir, name))
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			w.abort()
		}
	}()
	meta := &baseMeta{Version: baseVersion, Model: model}
	var remap []int32 // old base passage -> new, -1 when dropped
	if old != nil {
		remap = make([]int32, old.meta.Docs)
		for i := range remap {
			remap[i] = -1
		}
	}
	terms := map[string][]posting{} // postings of the changed articles
	var doc int32
	var textOff int64
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		ai := int32(len(meta.Articles))
		first := doc
		if it.fromOld >= 0 {
			a := &old.meta.Articles[it.fromOld]
			if meta.Dim == 0 {
				meta.Dim = old.meta.Dim
			}
			if old.meta.Dim != meta.Dim {
				return fmt.Errorf("vectors of %d and %d dimensions", old.meta.Dim, meta.Dim)
			}
			rows := old.vectors[int(a.First)*meta.Dim : int(a.First+a.Count)*meta.Dim]
			if len(rows) > 0 {
				w.write("vectors", unsafe.Slice((*byte)(unsafe.Pointer(&rows[0])), 4*len(rows)))
			}
			for d := a.First; d < a.First+a.Count; d++ {
				r := old.docs[d]
				text := old.text[r.TextOff : r.TextOff+int64(r.TextLen)]
				r.Article, r.TextOff = ai, textOff
				w.doc(r)
				w.write("text", text)
				textOff += int64(len(text))
				meta.TotalLen += int64(r.Len)
				remap[d] = doc
				doc++
			}
			meta.Articles = append(meta.Articles, baseArticle{State: it.state, Info: a.Info, First: first, Count: a.Count})
			continue
		}
		seg, err := st.segment(it.change)
		if err != nil {
			return fmt.Errorf("reading the changes of %s: %w", it.state.Source, err)
		}
		if meta.Dim == 0 {
			meta.Dim = seg.Dim
		}
		if seg.Dim != meta.Dim {
			return fmt.Errorf("vectors of %d and %d dimensions", seg.Dim, meta.Dim)
		}
		w.write("vectors", seg.Vectors)
		for i, c := range seg.Chunks {
			w.doc(docRec{Article: ai, N: int32(c.N), Start: int32(c.Start), End: int32(c.End),
				FirstLine: int32(c.FirstLine), LastLine: int32(c.LastLine), Len: seg.DocLens[i],
				TextLen: int32(len(c.Text)), TextOff: textOff})
			w.write("text", []byte(c.Text))
			textOff += int64(len(c.Text))
			meta.TotalLen += int64(seg.DocLens[i])
			for j, local := range seg.TermIDs[i] {
				t := seg.Vocab[local]
				terms[t] = append(terms[t], posting{doc: doc, tf: seg.TermTFs[i][j]})
			}
			doc++
		}
		meta.Articles = append(meta.Articles, baseArticle{State: it.state, Info: seg.Info, First: first, Count: int32(len(seg.Chunks))})
	}
	meta.Docs = int(doc)

	// The postings: the old dictionary and the new terms, merged in order.
	newTerms := make([]string, 0, len(terms))
	for t := range terms {
		newTerms = append(newTerms, t)
	}
	slices.Sort(newTerms)
	var termOff uint32
	var postOff uint64
	w.u32("termidx", 0)
	w.write("postidx", make([]byte, 8))
	emit := func(t string, oldDocs []uint32, oldTFs []uint16, added []posting) {
		var docs []byte
		var tfs []byte
		n := 0
		for j, d := range oldDocs {
			if nd := remap[d]; nd >= 0 {
				docs = appendU32(docs, uint32(nd))
				tfs = appendU16(tfs, oldTFs[j])
				n++
			}
		}
		for _, p := range added {
			docs = appendU32(docs, uint32(p.doc))
			tfs = appendU16(tfs, p.tf)
			n++
		}
		if n == 0 {
			return
		}
		w.write("postdoc", docs)
		w.write("posttf", tfs)
		w.write("termstr", []byte(t))
		termOff += uint32(len(t))
		postOff += uint64(n)
		w.u32("termidx", termOff)
		w.write("postidx", appendU64(nil, postOff))
		meta.Terms++
	}
	i, j := 0, 0
	nOld := 0
	if old != nil && old.meta.Model == model {
		nOld = old.meta.Terms
	}
	for i < nOld || j < len(newTerms) {
		switch {
		case j == len(newTerms) || (i < nOld && old.term(i) < newTerms[j]):
			lo, hi := old.postIdx[i], old.postIdx[i+1]
			emit(old.term(i), old.postDoc[lo:hi], old.postTF[lo:hi], nil)
			i++
		case i == nOld || newTerms[j] < old.term(i):
			emit(newTerms[j], nil, nil, terms[newTerms[j]])
			j++
		default:
			lo, hi := old.postIdx[i], old.postIdx[i+1]
			emit(newTerms[j], old.postDoc[lo:hi], old.postTF[lo:hi], terms[newTerms[j]])
			i++
			j++
		}
	}
	if err := w.finish(meta); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(st.dir, currentFile), []byte(name+"\n")); err != nil {
		return err
	}
	ok = true
	nb, err := openBase(st.dir, name)
	if err != nil {
		return err
	}

	// The new base is in force: drop the segments it absorbed (unless
	// they changed meanwhile) and the old bases.
	st.mu.Lock()
	for src, c := range changes {
		if st.delta[src] == c {
			st.held -= c.size()
			delete(st.delta, src)
			if err := os.Remove(filepath.Join(st.dir, "segments", segmentName(src))); err != nil && !errors.Is(err, os.ErrNotExist) {
				st.log.Warn("removing a compacted segment", "source", src, "err", err)
			}
		}
	}
	st.base = nb
	st.gen = max(readGeneration(st.dir), st.gen) + 1
	err = writeFileAtomic(filepath.Join(st.dir, genFile), []byte(strconv.FormatUint(st.gen, 10)+"\n"))
	st.mu.Unlock()
	if old != nil {
		old.retire()
	}
	st.removeOldBases(name)
	return err
}

// removeOldBases deletes the bases that CURRENT no longer names, whether
// replaced or left by a crash mid-compaction. Readers that still map one
// keep their mapping until they load the new base.
func (st *Store) removeOldBases(keep string) {
	entries, _ := os.ReadDir(st.dir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "base-") && e.Name() != keep {
			if err := os.RemoveAll(filepath.Join(st.dir, e.Name())); err != nil {
				st.log.Warn("removing an old index base", "dir", e.Name(), "err", err)
			}
		}
	}
}

func appendU32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func appendU16(b []byte, v uint16) []byte { return append(b, byte(v), byte(v>>8)) }

func appendU64(b []byte, v uint64) []byte {
	return appendU32(appendU32(b, uint32(v)), uint32(v>>32))
}
