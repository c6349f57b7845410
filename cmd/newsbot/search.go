package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/retrieval"
)

func cmdSearch(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [-k N] [--json] [--source TEXT] [--after DATE] [--before DATE] QUERY")
	k := fs.Int("k", 5, "number of passages")
	asJSON := fs.Bool("json", false, "print a JSON array")
	ff := addFilterFlags(fs)
	pos, err := a.parse(fs, c, args)
	if err != nil {
		return err
	}
	query, err := oneArg(pos, "QUERY")
	if err != nil {
		return err
	}
	if *k < 1 {
		return usageError{"-k must be at least 1"}
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	opt := filter.SearchOptions(*k)
	ix, err := a.openIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	a.needArticles = true
	if err := a.syncToAnswer(ctx, ix); err != nil {
		return err
	}
	res, err := ix.Search(ctx, query, opt)
	if err != nil {
		return err
	}
	pages := make(map[string][]int)
	for _, info := range ix.Articles() {
		if info.Pages != nil {
			pages[info.Source] = info.Pages
		}
	}
	if *asJSON {
		if len(res) == 0 {
			if why := filter.Why(ix.Articles()); why != "" {
				fmt.Fprintln(a.stderr, "no passages found. "+why) // stdout stays JSON
			}
		}
		hits := make([]retrieval.SearchHit, 0, len(res))
		for _, r := range res {
			hits = append(hits, r.Display(pages[r.Source]))
		}
		return writeJSON(a.stdout, hits, true)
	}
	if len(res) == 0 {
		if why := filter.Why(ix.Articles()); why != "" {
			fmt.Fprintln(a.stdout, "no passages found. "+why)
			return nil
		}
		fmt.Fprintln(a.stdout, "no passages found")
		return nil
	}
	for i, r := range res {
		fmt.Fprintf(a.stdout, "%d. %.4f  %s  %s\n", i+1, r.Score, retrieval.PassageLabel(r.Source, pages[r.Source], r.FirstLine, r.LastLine), r.Title)
		for _, line := range strings.Split(wrap(strings.Join(strings.Fields(retrieval.DisplayText(r.Text)), " "), 96), "\n") {
			fmt.Fprintf(a.stdout, "   %s\n", line)
		}
		fmt.Fprintln(a.stdout)
	}
	return nil
}
