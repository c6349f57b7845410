package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
	"github.com/newsbot/newsbot/retrieval/postgres"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

func cmdIndex(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [--watch]")
	watch := fs.Bool("watch", false, "keep running and reindex when files change")
	if _, err := a.parse(fs, c, args); err != nil {
		return err
	}
	ix, err := a.openIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := a.sync(ctx, ix, true)
	if err != nil {
		return err
	}
	printReport(a.stdout, rep)
	if !*watch {
		return nil
	}
	fmt.Fprintf(a.stderr, "watching %s for changes (Ctrl-C to stop)\n", a.cfg.Corpus)
	return ix.Watch(ctx, a.cfg.Corpus, a.cfg.Watch.Debounce, func(rep retrieval.SyncReport, err error) {
		switch {
		case errors.Is(err, retrieval.ErrCorpusGone):
			fmt.Fprintf(a.stderr, "%s warning: %s: %v\n", time.Now().Format("15:04:05"), a.cfg.Corpus, err)
		case err != nil:
			fmt.Fprintf(a.stderr, "reindex failed: %v\n", err)
		}
		a.warnSkipped(rep.Skipped, err == nil)
		if rep.Changed() {
			fmt.Fprintf(a.stdout, "%s ", time.Now().Format("15:04:05"))
			printReport(a.stdout, rep)
		}
	})
}

// printReport prints what a sync did, one line.
func printReport(w io.Writer, rep retrieval.SyncReport) {
	fmt.Fprintf(w, "indexed: %d added, %d updated, %d removed, %d unchanged (%d articles, %d passages)\n",
		len(rep.Added), len(rep.Updated), len(rep.Removed), rep.Unchanged, rep.Articles, rep.Chunks)
	for _, s := range rep.Added {
		fmt.Fprintf(w, "  + %s\n", s)
	}
	for _, s := range rep.Updated {
		fmt.Fprintf(w, "  ~ %s\n", s)
	}
	for _, s := range rep.Removed {
		fmt.Fprintf(w, "  - %s\n", s)
	}
}

// embedder builds the configured embedder.
func (a *app) embedder() (retrieval.Embedder, error) {
	e := a.cfg.Embedder
	switch e.Provider {
	case "openai":
		key := e.APIKey
		if key == "" && e.BaseURL == "" {
			return nil, errors.New("embedder openai needs OPENAI_API_KEY (or embedder.base_url for a local server)")
		}
		return retrieval.NewOpenAIEmbedder(retrieval.OpenAIClient(e.BaseURL, key), e.Model,
			retrieval.OpenAIEmbedderOptions{BatchSize: e.BatchSize, Logger: a.log}), nil
	default:
		return retrieval.NewHashEmbedder(e.Dimensions), nil
	}
}

// openIndex opens the configured index, reporting damaged files. The
// corpus is checked first: a mistyped --corpus makes no index.
func (a *app) openIndex(ctx context.Context) (*retrieval.Index, error) {
	if err := a.checkCorpus(); err != nil {
		return nil, err
	}
	emb, err := a.embedder()
	if err != nil {
		return nil, err
	}
	st, err := a.openStore(ctx)
	if err != nil {
		return nil, err
	}
	ix, err := retrieval.New(st, retrieval.Options{
		Embedder:     emb,
		Load:         retrieval.LoadOptions{MaxBytes: a.cfg.MaxFileBytes, Ignore: a.cfg.Ignore},
		Chunk:        retrieval.ChunkOptions{TargetChars: a.cfg.Chunk.TargetChars, OverlapSentences: a.cfg.Chunk.OverlapSentences},
		VectorWeight: a.cfg.Search.VectorWeight,
		Logger:       a.log,
		OnWait: func() {
			fmt.Fprintf(a.stderr, "waiting for another newsbot to finish updating the index in %s\n", a.indexName())
		},
		OnBuild: func(passages int64) {
			fmt.Fprintf(a.stderr, "building the search indexes of %d passages in %s: on a large corpus this takes minutes (Ctrl-C stops it; the next run finishes it)\n", passages, a.indexName())
		},
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	for _, w := range ix.Warnings() {
		fmt.Fprintf(a.stderr, "warning: %v\n", w)
	}
	return ix, nil
}

// indexName names the index for messages, without a database's password.
func (a *app) indexName() string {
	if postgres.IsURL(a.cfg.Index) {
		return postgres.Redact(a.cfg.Index)
	}
	return a.cfg.Index
}

// openStore opens the store the index is kept in: a Postgres database
// when the index is a postgres:// URL, else a folder.
func (a *app) openStore(ctx context.Context) (retrieval.Store, error) {
	if postgres.IsURL(a.cfg.Index) {
		return postgres.Open(ctx, a.cfg.Index, postgres.Options{Logger: a.log})
	}
	return local.Open(a.cfg.Index, local.Options{Logger: a.log})
}

// sync brings the index up to date with the corpus, showing progress on a
// terminal and warnings for skipped files. Unless verbose (the caller
// prints the full report itself), a sync that changed something says so
// in one line on stderr.
func (a *app) sync(ctx context.Context, ix *retrieval.Index, verbose bool) (retrieval.SyncReport, error) {
	if err := a.checkCorpus(); err != nil {
		return retrieval.SyncReport{}, err
	}
	var bar *progressbar.ProgressBar
	progress := func(done, total int) {
		if total == 0 || !isTerminal(a.termErr) {
			return
		}
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(a.termErr),
				progressbar.OptionSetDescription("indexing"),
				progressbar.OptionShowCount(),
				progressbar.OptionClearOnFinish())
		}
		bar.Set(done)
	}
	rep, err := ix.Sync(ctx, a.cfg.Corpus, progress)
	if bar != nil {
		bar.Finish()
	}
	if rep.Reembed != "" {
		fmt.Fprintln(a.stderr, rep.Reembed)
	}
	if err != nil {
		a.warnSkipped(rep.Skipped, false)
		return rep, fmt.Errorf("indexing %s: %w", a.cfg.Corpus, err)
	}
	a.warnSkipped(rep.Skipped, true)
	if rep.Articles == 0 {
		if a.needArticles {
			return rep, a.errNoArticles()
		}
		fmt.Fprintf(a.stderr, "warning: %s holds no articles (newsbot reads %s)\n", a.cfg.Corpus, retrieval.SupportedKinds)
	}
	if !verbose && rep.Changed() {
		fmt.Fprintf(a.stderr, "indexed %s: %d added, %d updated, %d removed (%d articles)\n",
			a.cfg.Corpus, len(rep.Added), len(rep.Updated), len(rep.Removed), rep.Articles)
	}
	return rep, nil
}

// warnSkipped prints the warnings about skipped files not given before
// (see skipNotes); complete says the sync listed the whole corpus, so
// that its warnings replace the ones remembered.
func (a *app) warnSkipped(skipped []error, complete bool) {
	for _, w := range a.skips.fresh(skipped, complete) {
		fmt.Fprintf(a.stderr, "warning: %v\n", w)
	}
}

// syncToAnswer updates the index before answering from it. A sync that
// could not save its work (disk full, read-only index) leaves the index as
// of its last good sync answering, after one warning; only an index that
// has nothing to answer from makes it an error.
func (a *app) syncToAnswer(ctx context.Context, ix *retrieval.Index) error {
	_, err := a.sync(ctx, ix, false)
	var save *retrieval.SaveError
	if errors.As(err, &save) && ix.Stats().Articles > 0 {
		a.log.Debug("index not saved", "err", err, "cause", save.Err)
		fmt.Fprintf(a.stderr, "warning: could not update the index (%v); answers come from the index as of its last good sync\n", save)
		return nil
	}
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
