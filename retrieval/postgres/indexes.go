package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Each model's passages are searched through two indexes of its own: an
// HNSW graph of its vectors (newsbot_passages_hnsw_ID) and a B-tree of its
// postings by term (newsbot_postings_ID). A new model gets them only when
// its first sync has stored its articles (Build): growing an HNSW graph one row at a time costs
// several times more than building it over the rows, and so do B-tree
// inserts in random term order, page by page, against one sorted build.
// Until then searches of that model scan its rows, which gives the same
// results, exactly. Every Put is still its own transaction; building an
// index takes a lock that excludes writers (there is only the one, under
// the advisory lock), never readers.

// maxBuildMemory caps how far Build raises maintenance_work_mem for an
// HNSW build: pgvector builds the graph in memory while it fits there,
// and on disk, a row at a time, after. A higher setting of the server's
// (or of the URL, ?maintenance_work_mem=4GB) is kept.
const maxBuildMemory = 1 << 30

// Commit does nothing: every Put and Remove is its own transaction,
// visible when it returns. The search indexes of a first load are built
// by Build, which a sync runs after Commit.
func (st *Store) Commit(ctx context.Context) error { return nil }

// Build builds the indexes that a model's first load left for last, then
// refreshes the planner's statistics and the visibility map of what it
// loaded. Stopped by ctx, it leaves what it had not finished for the next
// call: each model's indexes are built in one transaction.
func (st *Store) Build(ctx context.Context, start func(passages int64)) error {
	rows, err := st.pool.Query(ctx, `SELECT id, dim, passages FROM newsbot_models WHERE passages > 0 AND
		(to_regclass(format('newsbot_passages_hnsw_%s', id)) IS NULL OR to_regclass(format('newsbot_postings_%s', id)) IS NULL)`)
	if err != nil {
		return fmt.Errorf("database %s: %w", st.name, err)
	}
	type pending struct {
		id       int32
		dim      int
		passages int64
	}
	todo, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pending, error) {
		var p pending
		err := r.Scan(&p.id, &p.dim, &p.passages)
		return p, err
	})
	if err != nil || len(todo) == 0 {
		return err
	}
	if start != nil {
		var n int64
		for _, p := range todo {
			n += p.passages
		}
		start(n)
	}
	for _, p := range todo {
		start := time.Now()
		st.log.Info("building the search indexes", "passages", p.passages)
		if err := st.buildIndexes(ctx, p.id, p.dim, p.passages); err != nil {
			return fmt.Errorf("database %s: building the search indexes: %w", st.name, err)
		}
		st.log.Info("built the search indexes", "passages", p.passages, "took", time.Since(start).Round(time.Millisecond))
	}
	// Not in a transaction: VACUUM cannot be.
	if _, err := st.pool.Exec(ctx, "VACUUM (ANALYZE) newsbot_passages, newsbot_postings, newsbot_articles"); err != nil {
		return fmt.Errorf("database %s: analyzing the tables: %w", st.name, err)
	}
	return nil
}

// buildIndexes creates the missing indexes of model id in one transaction.
func (st *Store) buildIndexes(ctx context.Context, id int32, dim int, passages int64) error {
	return pgx.BeginFunc(ctx, st.pool, func(tx pgx.Tx) error {
		var have int64 // kB
		if err := tx.QueryRow(ctx, "SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'").Scan(&have); err != nil {
			return err
		}
		// A graph element: the vector, up to 2m = 32 neighbours on the
		// ground layer and pgvector's bookkeeping.
		want := min(passages*int64(dim*4+1024)*5/4, maxBuildMemory) >> 10
		if want > have {
			if _, err := tx.Exec(ctx, "SELECT set_config('maintenance_work_mem', $1, true)", fmt.Sprintf("%dkB", want)); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, fmt.Sprintf(
			"CREATE INDEX IF NOT EXISTS newsbot_passages_hnsw_%d ON newsbot_passages USING hnsw ((embedding::vector(%d)) vector_cosine_ops) WHERE model = %d",
			id, dim, id)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, fmt.Sprintf(
			"CREATE INDEX IF NOT EXISTS newsbot_postings_%d ON newsbot_postings (term, passage) INCLUDE (tf, len) WHERE model = %d", id, id))
		return err
	})
}
