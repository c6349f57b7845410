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
// see the same state.
func (st *Store) Search(ctx context.Context, q retrieval.Query) (vector, keyword []retrieval.Hit, err error) {
	if q.Depth <= 0 {
		return nil, nil, nil
	}
	st.mu.Lock()
	m, ok := st.models[q.Model]
	st.mu.Unlock()
	err = pgx.BeginTxFunc(ctx, st.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if !ok {
			var err error
			if m, err = st.modelFor(ctx, tx, q.Model, 0); err != nil || m.id == 0 {
				return err // nothing stored for this model yet
			}
		}
		if len(q.Vector) != m.dim {
			return fmt.Errorf("a query vector of %d dimensions for an index of %d", len(q.Vector), m.dim)
		}
		filter, args := filterSQL(q.Filter, 3)
		// HNSW returns at most ef_search rows: ask for the whole depth.
		if _, err := tx.Exec(ctx, "SELECT set_config('hnsw.ef_search', $1, true)", strconv.Itoa(max(40, q.Depth))); err != nil {
			return err
		}
		dist := fmt.Sprintf("p.embedding::vector(%d) <=> $1::vector(%d)", m.dim, m.dim)
		rows, err := tx.Query(ctx, fmt.Sprintf(`SELECT %s, 1 - (%s) FROM newsbot_passages p
			WHERE p.model = %d%s ORDER BY %s LIMIT $2`, chunkColumns, dist, m.id, filter, dist),
			append([]any{pgvector.NewVector(q.Vector), q.Depth}, args...)...)
		if err != nil {
			return fmt.Errorf("vector search: %w", err)
		}
		if vector, err = pgx.CollectRows(rows, scanHit); err != nil {
			return fmt.Errorf("vector search: %w", err)
		}
		if len(q.Terms) == 0 {
			return nil
		}
		filter, args = filterSQL(q.Filter, 3)
		rows, err = tx.Query(ctx, fmt.Sprintf(`WITH q AS (SELECT DISTINCT unnest($2::text[]) AS term),
			stats AS (SELECT passages::float8 AS n, total_len::float8 / greatest(passages, 1) AS avglen FROM newsbot_models WHERE id = %[1]d),
			df AS (SELECT o.term, count(*)::float8 AS df FROM newsbot_postings o JOIN q USING (term) WHERE o.model = %[1]d GROUP BY o.term),
			scored AS (
				SELECT o.passage, sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * o.tf * (%[2]g + 1)
					/ (o.tf + %[2]g * (1 - %[3]g + %[3]g * o.len / stats.avglen))) AS score
				FROM newsbot_postings o JOIN df USING (term) CROSS JOIN stats
				WHERE o.model = %[1]d AND o.term = ANY($2::text[]) -- through its postings index, whatever the estimates
				GROUP BY o.passage)
			SELECT %[4]s, s.score FROM scored s JOIN newsbot_passages p ON p.id = s.passage
			WHERE true%[5]s ORDER BY s.score DESC, p.source COLLATE "C", p.n LIMIT $1`,
			m.id, retrieval.BM25K1, retrieval.BM25B, chunkColumns, filter),
			append([]any{q.Depth, q.Terms}, args...)...)
		if err != nil {
			return fmt.Errorf("keyword search: %w", err)
		}
		if keyword, err = pgx.CollectRows(rows, scanHit); err != nil {
			return fmt.Errorf("keyword search: %w", err)
		}
		return nil
	})
	return vector, keyword, err
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
