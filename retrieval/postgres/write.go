package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/newsbot/newsbot/retrieval"
)

// modelFor returns the row of model name, creating it on first use. A new
// model's indexes are built by Build, after its first load: building an
// HNSW graph and a B-tree over rows already there is several times faster
// than growing them a row at a time.
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
// Its rows go in one statement and its statistics with it, in one round
// trip: a first load stores thousands of articles.
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
		var (
			ns, starts, ends, firsts, lasts = make([]int32, n), make([]int32, n), make([]int32, n), make([]int32, n), make([]int32, n)
			texts                           = make([]string, n)
			vecs                            = make([]pgvector.Vector, n)
			total                           int64
			terms                           []string
			of, tfs, lens                   []int32 // of: the passage's n
		)
		for i, c := range a.Chunks {
			ns[i], starts[i], ends[i], firsts[i], lasts[i] = int32(c.N), int32(c.Start), int32(c.End), int32(c.FirstLine), int32(c.LastLine)
			texts[i] = c.Text
			vecs[i] = pgvector.NewVector(a.Vector(i))
			total += int64(a.Lens[i])
			for j, local := range a.TermIDs[i] {
				terms = append(terms, a.Vocab[local])
				of = append(of, int32(c.N))
				tfs = append(tfs, int32(a.TermTFs[i][j]))
				lens = append(lens, a.Lens[i])
			}
		}
		var date any
		if !a.Info.Date.IsZero() {
			date = a.Info.Date
		}
		b := &pgx.Batch{}
		b.Queue(`WITH p AS (
				INSERT INTO newsbot_passages (model, source, n, title, date, start_off, end_off, first_line, last_line, text, embedding)
				SELECT $1::int, $2::text, n, $3::text, $4::timestamptz, s, e, f, l, t, v
				FROM unnest($5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::text[], $11::vector[]) AS u(n, s, e, f, l, t, v)
				RETURNING id, n)
			INSERT INTO newsbot_postings (model, term, passage, tf, len)
			SELECT $1::int, u.term, p.id, u.tf, u.len
			FROM unnest($12::text[], $13::int[], $14::int[], $15::int[]) AS u(term, n, tf, len) JOIN p USING (n)`,
			m.id, a.Source, a.Info.Title, date, ns, starts, ends, firsts, lasts, texts, vecs, terms, of, tfs, lens)
		b.Queue(`INSERT INTO newsbot_articles (source, hash, size, mtime_ns, model, info, passages, vocab, total_len)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			a.Source, a.Hash, a.Size, a.ModTime.UnixNano(), a.Model, a.Info, n, a.Vocab, total)
		b.Queue("UPDATE newsbot_models SET articles = articles + 1, passages = passages + $2, total_len = total_len + $3 WHERE id = $1",
			m.id, n, total)
		b.Queue(bumpSQL)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("storing the article: %w", err)
		}
		return nil
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
	// model's index on term, without an index on passage.
	b := &pgx.Batch{}
	b.Queue(fmt.Sprintf(`DELETE FROM newsbot_postings WHERE model = %d AND term = ANY($1)
		AND passage IN (SELECT id FROM newsbot_passages WHERE source = $2)`, m.id), vocab, source)
	b.Queue("DELETE FROM newsbot_passages WHERE source = $1", source)
	b.Queue("DELETE FROM newsbot_articles WHERE source = $1", source)
	b.Queue("UPDATE newsbot_models SET articles = articles - 1, passages = passages - $2, total_len = total_len - $3 WHERE id = $1",
		m.id, passages, total)
	return tx.SendBatch(ctx, b).Close()
}

// bumpSQL raises the generation that readers poll.
const bumpSQL = "UPDATE newsbot_state SET generation = generation + 1"

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
		_, err := tx.Exec(ctx, bumpSQL)
		return err
	})
}
