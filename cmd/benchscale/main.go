// Command benchscale measures an index at scale, as a user meets it: the
// newsbot binary run as whole processes (full index, no-change index, ask)
// and the index opened in process (reopen, search latency). It prints one
// Markdown table row per run: the median of the repeated measures with
// their range, since other work on the machine makes single runs noisy.
//
//	go build -o /tmp/newsbot ./cmd/newsbot
//	go run ./cmd/benchscale -newsbot /tmp/newsbot -corpus DIR -index DIR|postgres://... [-runs 5]
//
// The index must be empty (a fresh folder or database) for the full
// index figure; benchscale does not delete anything.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/local"
	"github.com/newsbot/newsbot/retrieval/postgres"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		os.Exit(1)
	}
}

// queries are searched for the latency figures: topics across the
// centuries of the State of the Union corpus.
var queries = []string{
	"Louisiana purchase treaty with France",
	"abolition of slavery amendment",
	"income tax on the wealthy",
	"war with Mexico Texas annexation",
	"atomic energy and the Soviet Union",
	"Social Security trust fund",
	"railroads across the continent",
	"tariff on imported goods",
	"How many troops were sent to Vietnam?",
	"What did the President say about the national debt?",
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchscale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bin := fs.String("newsbot", "", "newsbot `BINARY` to run")
	corpus := fs.String("corpus", "", "corpus `DIR`")
	index := fs.String("index", "", "index `DIR` or postgres:// URL (empty at the start)")
	runs := fs.Int("runs", 5, "repetitions of each repeated measure")
	searches := fs.Int("searches", 200, "in-process searches for the latency percentiles")
	skipFull := fs.Bool("skip-full", false, "the index is already built: skip the full index")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *corpus == "" || *index == "" {
		return errors.New("usage: benchscale -newsbot BINARY -corpus DIR -index DIR|URL [-runs N]")
	}
	newsbot := func(args ...string) (time.Duration, int64, error) {
		cmd := exec.CommandContext(ctx, *bin, append(args, "--corpus", *corpus, "--index", *index)...)
		cmd.Stdout = io.Discard
		var errb strings.Builder
		cmd.Stderr = &errb
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if err != nil {
			return d, 0, fmt.Errorf("newsbot %s: %v: %s", args[0], err, errb.String())
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
		return d, rss, nil
	}
	var row []string
	full, fullRSS := "—", "—"
	if !*skipFull {
		fmt.Fprintln(stderr, "full index ...")
		d, rss, err := newsbot("index")
		if err != nil {
			return err
		}
		full, fullRSS = seconds(d), megabytes(rss)
	}
	var noChange, ask []time.Duration
	var askRSS []int64
	for i := range *runs {
		fmt.Fprintf(stderr, "run %d of %d ...\n", i+1, *runs)
		d, _, err := newsbot("index")
		if err != nil {
			return err
		}
		noChange = append(noChange, d)
		d, rss, err := newsbot("ask", queries[i%len(queries)])
		if err != nil {
			return err
		}
		ask = append(ask, d)
		askRSS = append(askRSS, rss)
	}

	// In process: reopen, then search latency.
	var reopen []time.Duration
	var ix *retrieval.Index
	for range *runs {
		start := time.Now()
		var err error
		ix, err = open(ctx, *index)
		if err != nil {
			return err
		}
		st := ix.Stats()
		reopen = append(reopen, time.Since(start))
		if st.Chunks == 0 {
			return errors.New("the index is empty")
		}
		ix.Close()
	}
	ix, err := open(ctx, *index)
	if err != nil {
		return err
	}
	defer ix.Close()
	st := ix.Stats()
	var lat []time.Duration
	for i := range *searches {
		start := time.Now()
		if _, err := ix.Search(ctx, queries[i%len(queries)], retrieval.SearchOptions{K: 8}); err != nil {
			return err
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	disk, err := diskUsage(ctx, *index)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "| passages | full index (peak RSS) | no-change index | reopen | ask, whole process (peak RSS) | search p50 / p99 | disk |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|")
	row = append(row, fmt.Sprint(st.Chunks), full+" ("+fullRSS+")", spread(noChange), spread(reopen),
		spread(ask)+" ("+megabytes(median(askRSS))+")",
		fmt.Sprintf("%s / %s", millis(lat[len(lat)/2]), millis(lat[len(lat)*99/100])), megabytes(disk))
	fmt.Fprintln(stdout, "| "+strings.Join(row, " | ")+" |")
	return nil
}

// open opens the index the way newsbot does with its defaults.
func open(ctx context.Context, index string) (*retrieval.Index, error) {
	var st retrieval.Store
	var err error
	if postgres.IsURL(index) {
		st, err = postgres.Open(ctx, index, postgres.Options{})
	} else {
		st, err = local.Open(index, local.Options{})
	}
	if err != nil {
		return nil, err
	}
	return retrieval.New(st, retrieval.Options{Embedder: retrieval.NewHashEmbedder(0)})
}

// diskUsage is the size of an index folder, or of newsbot's tables and
// indexes in a database.
func diskUsage(ctx context.Context, index string) (int64, error) {
	if postgres.IsURL(index) {
		st, err := postgres.Open(ctx, index, postgres.Options{})
		if err != nil {
			return 0, err
		}
		defer st.Close()
		return st.Size(ctx)
	}
	var n int64
	err := filepath.WalkDir(index, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}

func median[T int64 | time.Duration](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// spread formats the median and range of durations.
func spread(d []time.Duration) string {
	s := slices.Clone(d)
	slices.Sort(s)
	return fmt.Sprintf("%s (%s–%s)", seconds(s[len(s)/2]), seconds(s[0]), seconds(s[len(s)-1]))
}

func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.0f s", d.Seconds())
}

func millis(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func megabytes(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }
