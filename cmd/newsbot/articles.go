package main

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

func cmdArticles(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [--json]")
	asJSON := fs.Bool("json", false, "print a JSON array")
	pos, err := a.parse(fs, c, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{"articles takes no arguments"}
	}
	ix, err := a.openIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := a.syncToAnswer(ctx, ix); err != nil {
		return err
	}
	infos := bot.SortArticleInfos(ix.Articles())
	if *asJSON {
		if infos == nil {
			infos = []retrieval.ArticleInfo{}
		}
		return writeJSON(a.stdout, infos, false)
	}
	fmt.Fprintln(a.stdout, bot.FormatArticles(infos))
	return nil
}
