package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Sync brings the index up to date with the corpus folder: new and changed
// files are (re)indexed, removed ones dropped, unchanged ones left alone.
// A file whose size and modification time match the index is not read at
// all; one whose content hash matches is not re-indexed. Each finished
// file is stored at once, so an interrupted sync keeps its progress.
// progress, when non-nil, is called with files done and the number of
// files to (re)index.
//
// Writers of one store take turns: when another process (or Index) is
// syncing the same store, Sync calls Options.OnWait, waits for it to
// finish, and then finds done what it did. Searches never wait.
func (ix *Index) Sync(ctx context.Context, corpus string, progress func(done, total int)) (SyncReport, error) {
	unlock, err := ix.lock(ctx, false)
	if errors.Is(err, ErrLocked) {
		if ix.opt.OnWait != nil {
			ix.opt.OnWait()
		}
		unlock, err = ix.lock(ctx, true)
	}
	if err != nil {
		return SyncReport{}, err
	}
	defer unlock()
	rep, err := ix.sync(ctx, corpus, progress)
	if err == nil && rep.Changed() && !ix.opt.NoExpansion {
		// Remade now, not by the next search: that one should not wait.
		ix.UpdateAssociations(ctx)
	}
	return rep, err
}

func (ix *Index) sync(ctx context.Context, corpus string, progress func(done, total int)) (SyncReport, error) {
	ix.syncMu.Lock()
	defer ix.syncMu.Unlock()
	ix.corpus.Store(corpus)
	var rep SyncReport
	files, warns, err := ListCorpus(corpus, ix.opt.Load)
	if err != nil {
		return rep, fmt.Errorf("reading corpus: %w", err)
	}
	rep.Skipped = append(rep.Skipped, warns...)
	cdir, err := openCorpus(corpus)
	if err != nil {
		return rep, fmt.Errorf("reading corpus: %w", err)
	}
	defer cdir.Close()
	states, err := ix.store.Manifest(ctx)
	if err != nil {
		return rep, fmt.Errorf("reading the index: %w", err)
	}
	stored := make(map[string]FileState, len(states))
	stale := 0
	for _, s := range states {
		stored[s.Source] = s
		if s.Model != ix.model {
			stale++
		}
	}
	if stale > 0 && stale == len(states) {
		rep.Reembed = fmt.Sprintf("the index was built with %s, now %s: re-embedding all articles", embedderOf(states[0].Model), ix.opt.Embedder.ID())
		switch embedderOf(states[0].Model) {
		case ix.opt.Embedder.ID():
			rep.Reembed = "the way articles are read or chunked changed: re-indexing all articles"
		case "":
			rep.Reembed = "the index was made by an older newsbot: re-indexing all articles"
		}
	}

	// Decide what to do with every file. Size and modification time
	// vouch for an unchanged file without reading it; otherwise its hash
	// decides. The bytes are not kept: a worker reads a changed file
	// again, so memory stays bounded by the files in flight.
	type job struct {
		file CorpusFile
		prev bool
	}
	var jobs []*job
	present := make(map[string]bool, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		present[f.Source] = true
		prev, had := stored[f.Source]
		current := had && prev.Model == ix.model
		if current && prev.Size == f.Size && prev.ModTime.Equal(f.ModTime) {
			rep.Unchanged++
			continue
		}
		if current {
			data, err := cdir.ReadFile(f.Source)
			if err != nil {
				// Keep what was indexed: an unreadable file is more likely a
				// passing permission problem than a changed article.
				rep.Skipped = append(rep.Skipped, fmt.Errorf("skipping %s: %w", f.Source, err))
				continue
			}
			if prev.Hash == contentHash(data) {
				rep.Unchanged++
				st := prev
				st.Size, st.ModTime = f.Size, f.ModTime
				if err := ix.store.Touch(ctx, st); err != nil {
					// Harmless: the next sync hashes the file again.
					ix.log.Debug("recording a file's new modification time", "source", f.Source, "err", err)
				}
				continue
			}
		}
		jobs = append(jobs, &job{file: f, prev: had})
	}

	var (
		mu   sync.Mutex
		done int
		fail error
	)
	if progress != nil {
		progress(0, len(jobs))
	}
	// An article that cannot be saved (disk full, read-only file system)
	// ends the sync: the others would fail the same way, after embedding.
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	workers := min(runtime.GOMAXPROCS(0), max(len(jobs), 1))
	next := make(chan *job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				a, err := ix.build(wctx, cdir, j.file)
				if err == nil {
					if err = ix.store.Put(wctx, a); err != nil && wctx.Err() == nil {
						err = &SaveError{Source: j.file.Source, Err: err}
					}
				}
				mu.Lock()
				var save *SaveError
				switch {
				case errors.As(err, &save):
					if fail == nil {
						fail = err
					}
					stop()
				case err != nil && wctx.Err() != nil && fail != nil:
					// ended by another article's SaveError
				case err != nil && ctx.Err() == nil && !errors.Is(err, errSkip):
					if fail == nil {
						fail = err
					}
				case errors.Is(err, errSkip):
					// A file that no longer parses loses its old chunks:
					// they would cite text that is not in it any more.
					rep.Skipped = append(rep.Skipped, errors.Unwrap(err))
					if j.prev {
						if err := ix.store.Remove(ctx, j.file.Source); err != nil {
							if fail == nil {
								fail = &SaveError{Source: j.file.Source, Err: err}
							}
						} else {
							rep.Removed = append(rep.Removed, j.file.Source)
						}
					}
				case err == nil:
					if !j.prev {
						rep.Added = append(rep.Added, j.file.Source)
					} else {
						rep.Updated = append(rep.Updated, j.file.Source)
					}
				}
				done++
				if progress != nil {
					progress(done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-wctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()

	for _, s := range states {
		if !present[s.Source] && ctx.Err() == nil && ix.fileGone(corpus, s.Source) {
			if err := ix.store.Remove(ctx, s.Source); err != nil {
				if fail == nil {
					fail = &SaveError{Source: s.Source, Err: err}
				}
				continue
			}
			rep.Removed = append(rep.Removed, s.Source)
		}
	}
	sort.Strings(rep.Added)
	sort.Strings(rep.Updated)
	sort.Strings(rep.Removed)
	// Publish whatever was finished, even when the sync was cut short, so
	// that searches see what is stored.
	if err := ix.store.Commit(context.WithoutCancel(ctx)); err != nil && fail == nil {
		fail = &SaveError{Err: err}
	}
	// The build is only a speed-up of what is committed, so it may stop
	// with the sync: stopped, it is no failure to save, and the next sync
	// starts it again.
	if b, ok := ix.store.(Builder); ok && fail == nil && ctx.Err() == nil {
		if err := b.Build(ctx, ix.opt.OnBuild); err != nil && ctx.Err() == nil {
			fail = &SaveError{Err: err}
		}
	}
	st := ix.Stats()
	rep.Articles, rep.Chunks = st.Articles, st.Chunks
	if fail != nil {
		return rep, fail
	}
	return rep, ctx.Err()
}

// embedderOf returns the embedder part of a model name.
func embedderOf(model string) string {
	if i := strings.LastIndex(model, "|chunks:"); i >= 0 {
		return model[:i]
	}
	return model
}

// contentHash identifies a file's content.
func contentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// fileGone reports whether source has left the corpus (as opposed to
// being skipped this time, e.g. for being unreadable).
func (ix *Index) fileGone(corpus, source string) bool {
	_, err := os.Stat(filepath.Join(corpus, filepath.FromSlash(source)))
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	// Still there but no longer listed: renamed to an unsupported type,
	// grown past the size limit, or hidden. Either way it is not coverage.
	return err == nil
}

// SaveError is a sync's failure to write to its store: the disk is full,
// the file system read-only, the database refuses. What was saved before
// stays, and searches keep answering from the index as of its last good
// sync; the next sync tries again.
type SaveError struct {
	Source string // the article that could not be saved or removed; "" for the commit
	Err    error
}

func (e *SaveError) Error() string {
	what := "saving the index"
	if e.Source != "" {
		what += " of " + e.Source
	}
	return what + ": " + errReason(e.Err)
}

func (e *SaveError) Unwrap() error { return e.Err }

// errSkip wraps the reason a file is not indexed.
var errSkip = errors.New("skipped")

type skipError struct{ err error }

func (e skipError) Error() string { return e.err.Error() }
func (e skipError) Unwrap() error { return e.err }
func (e skipError) Is(target error) bool {
	return target == errSkip
}

// build parses, chunks, analyses and embeds one file.
func (ix *Index) build(ctx context.Context, cdir *corpusDir, f CorpusFile) (*Indexed, error) {
	data, err := cdir.ReadFile(f.Source)
	if err != nil {
		return nil, skipError{fmt.Errorf("skipping %s: %w", f.Source, err)}
	}
	hash := contentHash(data)
	art, err := ParseArticle(f.Source, data)
	if err != nil {
		return nil, skipError{fmt.Errorf("skipping %w", err)} // err names the file
	}
	chunks := ChunkArticle(art, ix.opt.Chunk)
	if len(chunks) == 0 {
		return nil, skipError{fmt.Errorf("skipping %s: no text", f.Source)}
	}
	texts := make([]string, len(chunks))
	for i, c := range chunks {
		texts[i] = embedText(c)
	}
	vecs, err := ix.opt.Embedder.Embed(ctx, texts)
	if err != nil {
		return nil, fmt.Errorf("embedding %s: %w", f.Source, err)
	}
	if len(vecs) != len(chunks) {
		return nil, fmt.Errorf("embedding %s: got %d vectors for %d chunks", f.Source, len(vecs), len(chunks))
	}
	dim := len(vecs[0])
	flat := make([]float32, 0, dim*len(vecs))
	for _, v := range vecs {
		if len(v) != dim || dim == 0 {
			return nil, fmt.Errorf("embedding %s: vectors of unequal or zero dimension", f.Source)
		}
		flat = append(flat, v...)
	}
	a := &Indexed{
		FileState: FileState{Source: f.Source, Hash: hash, Size: f.Size, ModTime: f.ModTime, Model: ix.model},
		Info: ArticleInfo{
			Source: f.Source, Title: art.Title, Date: art.Date, Dateline: art.Dateline, Agency: art.Agency,
			Bylines: art.Bylines, Passages: len(chunks), Pages: art.Pages,
		},
		Chunks: chunks, Dim: dim, Vectors: flat,
		TermIDs: make([][]uint32, len(chunks)), TermTFs: make([][]uint16, len(chunks)), Lens: make([]int32, len(chunks)),
	}
	vocab := make(map[string]uint32)
	extra := append(ix.terms.Terms(art.Title), ix.terms.Terms(sourceWords(f.Source))...)
	for i, c := range chunks {
		terms := append(ix.terms.Terms(c.Text), extra...)
		a.TermIDs[i], a.TermTFs[i] = termCounts(terms, vocab, &a.Vocab)
		a.Lens[i] = int32(len(terms))
	}
	return a, nil
}

// termCounts turns a term sequence into an article's vocabulary entries:
// distinct local term IDs with their counts, adding new terms to vocab.
func termCounts(terms []string, vocab map[string]uint32, list *[]string) (ids []uint32, tfs []uint16) {
	counts := make(map[uint32]uint16, len(terms))
	order := make([]uint32, 0, len(terms))
	for _, t := range terms {
		id, ok := vocab[t]
		if !ok {
			id = uint32(len(*list))
			vocab[t] = id
			*list = append(*list, t)
		}
		if counts[id] == 0 {
			order = append(order, id)
		}
		if counts[id] < 65535 {
			counts[id]++
		}
	}
	tfs = make([]uint16, len(order))
	for i, id := range order {
		tfs[i] = counts[id]
	}
	return order, tfs
}

// embedText is what is embedded for a chunk: its title gives passages
// that say only "he said" their topic.
func embedText(c Chunk) string {
	if c.N == 0 || c.Title == "" {
		return c.Text
	}
	return c.Title + "\n" + c.Text
}

// sourceWords turns a path like "2008/02/nato-canada_troops.txt" into
// words, so that a search can name an article by its file name.
func sourceWords(source string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '_' || r == '-' || r == '.' {
			return ' '
		}
		return r
	}, strings.TrimSuffix(source, filepath.Ext(source)))
}
