// Package postgres keeps a retrieval.Index in Postgres with pgvector, for
// archives past one machine's memory and for many processes sharing one
// index: one writer (`newsbot index --watch`) and any number of readers.
//
// Passages and their vectors are rows of newsbot_passages, searched
// through an HNSW index per embedding model; their keyword terms (the
// same stemmed terms as the local store's) are rows of newsbot_postings,
// scored by BM25 in SQL with the same formula and statistics as the local
// store; the articles' manifest is newsbot_articles. Each article is
// stored, replaced or removed in one transaction, so a crash leaves its
// old or its new version; writers take an advisory lock; readers never
// wait, thanks to MVCC.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgxvec "github.com/pgvector/pgvector-go/pgx"

	"github.com/newsbot/newsbot/retrieval"
)

// IsURL reports whether an index location names a Postgres database
// rather than a folder.
func IsURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Options configure a Store.
type Options struct {
	Logger *slog.Logger // nil discards
}

// Store is an index in a Postgres database.
type Store struct {
	pool *pgxpool.Pool
	log  *slog.Logger
	name string // the database, for messages: user@host:port/db

	mu     sync.Mutex
	models map[string]model // by name
}

// model is one embedding model's row in newsbot_models.
type model struct {
	id  int32
	dim int
}

// Open connects to the database at url, creating or migrating the schema.
// It fails with a one-line error naming the database when the database is
// unreachable or lacks the pgvector extension.
func Open(ctx context.Context, url string, opt Options) (*Store, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("index %s: not a valid Postgres URL: %w", Redact(url), unwrapParse(err))
	}
	name := fmt.Sprintf("%s@%s/%s", cfg.ConnConfig.User, net.JoinHostPort(cfg.ConnConfig.Host, fmt.Sprint(cfg.ConnConfig.Port)), cfg.ConnConfig.Database)
	if !strings.Contains(url, "default_query_exec_mode") {
		// Unnamed statements: servers that share one session among
		// connections (PGlite's socket server, PgBouncer's transaction
		// pooling) cannot keep each connection's named ones apart.
		cfg.ConnConfig.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return nil, fmt.Errorf("database %s is unreachable: %w", name, shortConnError(err))
	}
	err = migrate(ctx, conn)
	conn.Close(ctx)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		if err := pgxvec.RegisterTypes(ctx, c); err != nil {
			return err
		}
		// Filtered searches go on through the HNSW graph until they have
		// enough rows (pgvector 0.8); older versions ignore it.
		c.Exec(ctx, "SET hnsw.iterative_scan = relaxed_order")
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	return &Store{pool: pool, log: opt.Logger, name: name, models: map[string]model{}}, nil
}

// Redact hides the password of a database URL, for messages.
func Redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 {
		return url
	}
	userinfo := url[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return url[:scheme+3] + userinfo[:i] + ":xxxxx" + url[at:]
	}
	return url
}

func unwrapParse(err error) error {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}

// shortConnError keeps the cause of a failed connection, without the
// connection details that the message names already.
func shortConnError(err error) error {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) && ce.Unwrap() != nil {
		err = ce.Unwrap()
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return errors.New(pe.Message)
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		return oe.Err
	}
	return err
}

// Warnings returns nothing: a database reports damage itself.
func (st *Store) Warnings() []error { return nil }

// Close closes the connections.
func (st *Store) Close() error {
	st.pool.Close()
	return nil
}

// lockKey is the advisory lock of the writer of the schema in use.
const lockSQL = "hashtextextended('newsbot-writer:' || current_schema(), 0)"

// Lock takes the writer's advisory lock on a connection of its own, which
// the server drops when the writer dies.
func (st *Store) Lock(ctx context.Context, wait bool) (func(), error) {
	conn, err := st.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", st.name, err)
	}
	for {
		var ok bool
		if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock("+lockSQL+")").Scan(&ok); err != nil {
			conn.Release()
			return nil, fmt.Errorf("database %s: locking: %w", st.name, err)
		}
		if ok {
			return func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock("+lockSQL+")"); err != nil {
					// The lock dies with the connection.
					conn.Conn().Close(ctx)
				}
				conn.Release()
			}, nil
		}
		if !wait {
			conn.Release()
			return nil, retrieval.ErrLocked
		}
		select {
		case <-ctx.Done():
			conn.Release()
			return nil, errors.Join(retrieval.ErrLocked, ctx.Err())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Generation changes with every committed change, by any process.
func (st *Store) Generation(ctx context.Context) (uint64, error) {
	var g int64
	err := st.pool.QueryRow(ctx, "SELECT generation FROM newsbot_state").Scan(&g)
	return uint64(g), err
}

// Counts returns how many articles and passages of m are stored.
func (st *Store) Counts(ctx context.Context, m string) (int, int, error) {
	var a, p int64
	err := st.pool.QueryRow(ctx, "SELECT articles, passages FROM newsbot_models WHERE name = $1", m).Scan(&a, &p)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, 0, nil
	}
	return int(a), int(p), err
}

// Articles describes the stored articles of m, by source.
func (st *Store) Articles(ctx context.Context, m string) ([]retrieval.ArticleInfo, error) {
	rows, err := st.pool.Query(ctx, "SELECT info FROM newsbot_articles WHERE model = $1 ORDER BY source COLLATE \"C\"", m)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (retrieval.ArticleInfo, error) {
		var a retrieval.ArticleInfo
		err := r.Scan(&a)
		return a, err
	})
}

// Manifest returns the state of every stored article.
func (st *Store) Manifest(ctx context.Context) ([]retrieval.FileState, error) {
	rows, err := st.pool.Query(ctx, "SELECT source, hash, size, mtime_ns, model FROM newsbot_articles ORDER BY source COLLATE \"C\"")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (retrieval.FileState, error) {
		var s retrieval.FileState
		var ns int64
		err := r.Scan(&s.Source, &s.Hash, &s.Size, &ns, &s.Model)
		s.ModTime = time.Unix(0, ns)
		return s, err
	})
}

// Size returns the disk space of newsbot's tables and their indexes.
func (st *Store) Size(ctx context.Context) (int64, error) {
	var n int64
	err := st.pool.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
		WHERE c.relkind = 'r' AND c.relname LIKE 'newsbot\_%' AND c.relnamespace = current_schema()::regnamespace`).Scan(&n)
	return n, err
}
