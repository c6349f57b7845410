package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/newsbot/newsbot/retrieval"
)

// modelFor returns the row of model name, creating it (and its HNSW index,
// whose dimension is fixed) on first use.
func (st *Store) modelFor(ctx context.Context, tx pgx.Tx, name string, dim int) (model, error) {
	st.mu.Lock()
	m, ok := st.models[name]
	st.mu.Unlock()
	if ok {
		return m, nil
	}
	err := tx.QueryRow(ctx, "SELECT id, dim FROM newsbot_models WHERE name = $1", name).Scan(&m.id, &m.dim)
	if errors.Is(err, pgx.ErrNoRows) {
		if dim <= 0 {
			return model{}, nil
		}
		m.dim = dim
		err = tx.QueryRow(ctx, "INSERT INTO newsbot_models (name, dim) VALUES ($1, $2) RETURNING id", name, dim).Scan(&m.id)
		if err == nil {
			// One partial index per model: HNSW needs one dimension.
			_, err = tx.Exec(ctx, fmt.Sprintf(
				"CREATE INDEX newsbot_passages_hnsw_%d ON newsbot_passages USING hnsw ((embedding::vector(%d)) vector_cosine_ops) WHERE model = %d",
				m.id, dim, m.id))
		}
		if err != nil {
			return model{}, fmt.Errorf("model %s: %w", name, err)
		}
		return m, nil // cached once committed, when next read
	}
	if err != nil {
		return model{}, fmt.Errorf("model %s: %w", name, err)
	}
	st.mu.Lock()
	st.models[name] = m
	st.mu.Unlock()
	return m, nil
}

// Put stores an article in one transaction, replacing its old version.
func (st *Store) Put(ctx context.Context, a *retrieval.Indexed) error {
	return pgx.BeginFunc(ctx, st.pool, func(tx pgx.Tx) error {
		if err := st.drop(ctx, tx, a.Source); err != nil {
			return err
		}
		m, err := st.modelFor(ctx, tx, a.Model, a.Dim)
		if err != nil {
			return err
		}
		if m.dim != a.Dim {
			return fmt.Errorf("vectors of %d dimensions in an index of %d", a.Dim, m.dim)
		}
		n := len(a.Chunks)
		ids := make([]int64, 0, n)
		rows, err := tx.Query(ctx, "SELECT nextval('newsbot_passages_id_seq') FROM generate_series(1, $1)", n)
		if err != nil {
			return err
		}
		if ids, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			return err
		}
		var (
			ns, starts, ends, firsts, lasts []int32
			texts                           []string
			vecs                            []pgvector.Vector
			total                           int64
		)
		var terms []string
		var passages []int64
		var tfs, lens []int32
		for i, c := range a.Chunks {
			ns = append(ns, int32(c.N))
			starts = append(starts, int32(c.Start))
			ends = append(ends, int32(c.End))
			firsts = append(firsts, int32(c.FirstLine))
			lasts = append(lasts, int32(c.LastLine))
			texts = append(texts, c.Text)
			vecs = append(vecs, pgvector.NewVector(a.Vector(i)))
			total += int64(a.Lens[i])
			for j, local := range a.TermIDs[i] {
				terms = append(terms, a.Vocab[local])
				passages = append(passages, ids[i])
				tfs = append(tfs, int32(a.TermTFs[i][j]))
				lens = append(lens, a.Lens[i])
			}
		}
		var date any
		if !a.Info.Date.IsZero() {
			date = a.Info.Date
		}
		if _, err := tx.Exec(ctx, `INSERT INTO newsbot_passages
			(id, model, source, n, title, date, start_off, end_off, first_line, last_line, text, embedding)
			SELECT id, $2::int, $3::text, n, $4::text, $5::timestamptz, s, e, f, l, t, v
			FROM unnest($1::bigint[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::text[], $12::vector[])
				AS u(id, n, s, e, f, l, t, v)`,
			ids, m.id, a.Source, a.Info.Title, date, ns, starts, ends, firsts, lasts, texts, vecs); err != nil {
			return fmt.Errorf("storing passages: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO newsbot_postings (model, term, passage, tf, len)
			SELECT $1::int, term, passage, tf, len FROM unnest($2::text[], $3::bigint[], $4::int[], $5::int[]) AS u(term, passage, tf, len)`,
			m.id, terms, passages, tfs, lens); err != nil {
			return fmt.Errorf("storing keyword terms: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO newsbot_articles (source, hash, size, mtime_ns, model, info, passages, vocab, total_len)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			a.Source, a.Hash, a.Size, a.ModTime.UnixNano(), a.Model, a.Info, n, a.Vocab, total); err != nil {
			return fmt.Errorf("storing the article: %w", err)
		}
		if _, err := tx.Exec(ctx, "UPDATE newsbot_models SET articles = articles + 1, passages = passages + $2, total_len = total_len + $3 WHERE id = $1",
			m.id, n, total); err != nil {
			return err
		}
		return bump(ctx, tx)
	})
}

// drop deletes an article's rows and statistics within tx.
func (st *Store) drop(ctx context.Context, tx pgx.Tx, source string) error {
	var (
		name     string
		passages int
		vocab    []string
		total    int64
	)
	err := tx.QueryRow(ctx, "SELECT model, passages, vocab, total_len FROM newsbot_articles WHERE source = $1 FOR UPDATE", source).
		Scan(&name, &passages, &vocab, &total)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	m, err := st.modelFor(ctx, tx, name, 0)
	if err != nil {
		return err
	}
	// The article's own vocabulary finds its postings through the
	// primary key, without an index on passage.
	if _, err := tx.Exec(ctx, `DELETE FROM newsbot_postings WHERE model = $1 AND term = ANY($2)
		AND passage IN (SELECT id FROM newsbot_passages WHERE source = $3)`, m.id, vocab, source); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM newsbot_passages WHERE source = $1", source); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM newsbot_articles WHERE source = $1", source); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE newsbot_models SET articles = articles - 1, passages = passages - $2, total_len = total_len - $3 WHERE id = $1",
		m.id, passages, total)
	return err
}

// bump raises the generation that readers poll.
func bump(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, "UPDATE newsbot_state SET generation = generation + 1")
	return err
}

// Touch records a new size and modification time for an article.
func (st *Store) Touch(ctx context.Context, fs retrieval.FileState) error {
	_, err := st.pool.Exec(ctx, "UPDATE newsbot_articles SET size = $2, mtime_ns = $3 WHERE source = $1 AND hash = $4",
		fs.Source, fs.Size, fs.ModTime.UnixNano(), fs.Hash)
	return err
}

// Remove drops an article in one transaction.
func (st *Store) Remove(ctx context.Context, source string) error {
	return pgx.BeginFunc(ctx, st.pool, func(tx pgx.Tx) error {
		if err := st.drop(ctx, tx, source); err != nil {
			return err
		}
		return bump(ctx, tx)
	})
}
