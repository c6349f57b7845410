package main

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/bot/eval"
)

func cmdEval(ctx context.Context, a *app, args []string) error {
	fs, c := a.flags("[--corpus DIR] [--index DIR] [threshold flags] FILE")
	var th eval.Thresholds
	fs.Float64Var(&th.MinRecall5, "min-recall5", 0, "fail below this retrieval recall@5 (0-1)")
	fs.Float64Var(&th.MinMRR, "min-mrr", 0, "fail below this mean reciprocal rank (0-1)")
	fs.Float64Var(&th.MinSourceCited, "min-source-cited", 0, "fail below this share of answerable questions citing an expected source")
	fs.Float64Var(&th.MinFactHits, "min-facts", 0, "fail below this share of expected facts found in answers")
	fs.Float64Var(&th.MinRefusalAccuracy, "min-refusal", 0, "fail below this refusal accuracy")
	fs.Float64Var(&th.MinCitationPrecision, "min-precision", 0, "fail below this citation precision")
	fs.Float64Var(&th.MinCorrect, "min-right", 0, "fail below this share of questions answered right")
	fs.Float64Var(&th.MinBothSides, "min-both-sides", 0, "fail below this share of conflicts with every side surfaced")
	fs.Float64Var(&th.MinCoverageCited, "min-coverage-cited", 0, "fail below this share of coverage questions citing every article")
	fs.Float64Var(&th.MaxFalseDiffer, "max-false-differ", 0, "fail above this share of answers saying the sources differ where they agree")
	pos, err := a.parse(fs, c, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"eval takes one FILE of questions"}
	}
	cases, err := eval.ReadFile(pos[0])
	if err != nil {
		return err
	}
	b, ix, err := a.newBot(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep := eval.Run(ctx, b, cases)
	if err := rep.WriteText(a.stdout); err != nil {
		return err
	}
	if err := rep.Check(th); err != nil {
		return fmt.Errorf("eval below threshold: %w", err)
	}
	return nil
}
