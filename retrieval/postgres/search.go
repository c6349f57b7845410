package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/newsbot/newsbot/retrieval"
)

// chunkColumns are the columns that rebuild a retrieval.Chunk.
const chunkColumns = "p.source, p.n, p.title, p.date, p.start_off, p.end_off, p.first_line, p.last_line, p.text"

// Search runs both rankings of q in one read-only transaction, so they
// see the same state, sent together in one round trip.
func (st *Store) Search(ctx context.Context, q retrieval.Query) (vector, keyword []retrieval.Hit, err error) {
	if q.Depth <= 0 {
		return nil, nil, nil
	}
	st.mu.Lock()
	m, ok := st.models[q.Model]
	st.mu.Unlock()
	err = pgx.BeginTxFunc(ctx, st.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if !ok {
			var err error
			if m, err = st.modelFor(ctx, tx, q.Model, 0); err != nil || m.id == 0 {
				return err // nothing stored for this model yet
			}
		}
		if len(q.Vector) != m.dim {
			return fmt.Errorf("a query vector of %d dimensions for an index of %d", len(q.Vector), m.dim)
		}
		b := &pgx.Batch{}
		// HNSW returns at most ef_search rows: ask for the whole depth.
		b.Queue("SELECT set_config('hnsw.ef_search', $1, true)", strconv.Itoa(max(40, q.Depth)))
		filter, args := filterSQL(q.Filter, 3)
		dist := fmt.Sprintf("p.embedding::vector(%d) <=> $1::vector(%d)", m.dim, m.dim)
		b.Queue(fmt.Sprintf(`SELECT %s, 1 - (%s) FROM newsbot_passages p
			WHERE p.model = %d%s ORDER BY %s LIMIT $2`, chunkColumns, dist, m.id, filter, dist),
			append([]any{pgvector.NewVector(q.Vector), q.Depth}, args...)...).Query(func(rows pgx.Rows) error {
			var err error
			if vector, err = pgx.CollectRows(rows, scanHit); err != nil {
				return fmt.Errorf("vector search: %w", err)
			}
			return nil
		})
		if len(q.Terms) > 0 {
			b.Queue(bm25SQL(m.id, filter), append([]any{q.Depth, q.Terms}, args...)...).Query(func(rows pgx.Rows) error {
				var err error
				if keyword, err = pgx.CollectRows(rows, scanHit); err != nil {
					return fmt.Errorf("keyword search: %w", err)
				}
				return nil
			})
		}
		return tx.SendBatch(ctx, b).Close()
	})
	return vector, keyword, err
}

// bm25SQL ranks the passages of model by BM25 for the terms $2, the best
// $1 with filter (on passages p, parameters from $3). The model's id is
// written out, so that its postings index applies. Each term's document
// frequency is counted first (an index-only count), then its postings are
// scored in float8 (numeric arithmetic costs several times more per
// posting); only the passages that can make the cut are read, ties at the
// cut included, each through the primary key: a planner that expects
// many would scan the whole table instead.
func bm25SQL(model int32, filter string) string {
	kept := "SELECT passage, score FROM scored"
	if filter != "" {
		kept = "SELECT s.passage, s.score FROM scored s JOIN newsbot_passages p ON p.id = s.passage WHERE true" + filter
	}
	return fmt.Sprintf(`WITH stats AS (
			SELECT passages::float8 AS n, total_len::float8 / greatest(passages, 1) AS avglen FROM newsbot_models WHERE id = %[1]d),
		df AS (
			SELECT term, ln(1 + ((SELECT n FROM stats) - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM newsbot_postings
			WHERE model = %[1]d AND term = ANY($2::text[]) GROUP BY term),
		scored AS (
			SELECT o.passage, sum(df.idf * o.tf * (%[2]g::float8 + 1)
				/ (o.tf + %[2]g::float8 * (1 - %[3]g::float8 + %[3]g::float8 * o.len / stats.avglen))) AS score
			FROM newsbot_postings o JOIN df USING (term) CROSS JOIN stats
			WHERE o.model = %[1]d AND o.term = ANY($2::text[])
			GROUP BY o.passage),
		kept AS (%[5]s),
		cut AS (SELECT score FROM kept ORDER BY score DESC OFFSET $1 - 1 LIMIT 1)
		SELECT %[4]s, k.score FROM kept k
		CROSS JOIN LATERAL (SELECT * FROM newsbot_passages p WHERE p.id = k.passage OFFSET 0) p
		WHERE k.score >= coalesce((SELECT score FROM cut), '-Infinity')
		ORDER BY k.score DESC, p.source COLLATE "C", p.n LIMIT $1`,
		model, retrieval.BM25K1, retrieval.BM25B, chunkColumns, kept)
}

// filterSQL returns the conditions of f on passages p, numbering its
// parameters from next.
func filterSQL(f retrieval.Filter, next int) (string, []any) {
	var b strings.Builder
	var args []any
	add := func(cond string, v any) {
		fmt.Fprintf(&b, " AND "+cond, next)
		args = append(args, v)
		next++
	}
	if f.SourcePrefix != "" {
		add("starts_with(p.source, $%d)", f.SourcePrefix)
	}
	if f.Sources != nil {
		add("p.source = ANY($%d::text[])", f.Sources)
	}
	if !f.After.IsZero() {
		add("p.date >= $%d", f.After)
	}
	if !f.Before.IsZero() {
		add("p.date < $%d", f.Before)
	}
	return b.String(), args
}

// scanHit reads one passage and its score.
func scanHit(r pgx.CollectableRow) (retrieval.Hit, error) {
	var h retrieval.Hit
	var date *time.Time
	var n, start, end, first, last int32
	if err := r.Scan(&h.Source, &n, &h.Title, &date, &start, &end, &first, &last, &h.Text, &h.Score); err != nil {
		return h, err
	}
	h.N, h.Start, h.End, h.FirstLine, h.LastLine = int(n), int(start), int(end), int(first), int(last)
	h.ID = h.Source + "#" + strconv.Itoa(h.N)
	if date != nil {
		h.Date = date.UTC()
	}
	return h, nil
}

// HasTerms reports whether every term occurs in a passage of model.
func (st *Store) HasTerms(ctx context.Context, model string, terms []string) (bool, error) {
	st.mu.Lock()
	m, ok := st.models[model]
	st.mu.Unlock()
	if !ok {
		err := st.pool.QueryRow(ctx, "SELECT id FROM newsbot_models WHERE name = $1", model).Scan(&m.id)
		if errors.Is(err, pgx.ErrNoRows) {
			return len(terms) == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
	// The model's id written out, so that its postings index applies.
	var missing bool
	err := st.pool.QueryRow(ctx, fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM unnest($1::text[]) AS q(term)
		WHERE NOT EXISTS (SELECT 1 FROM newsbot_postings o WHERE o.model = %d AND o.term = q.term))`, m.id), terms).Scan(&missing)
	return !missing, err
}
