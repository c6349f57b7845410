package postgres

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsbot/newsbot/retrieval"
	"github.com/newsbot/newsbot/retrieval/storetest"
)

// testURL returns the database the tests use, from NEWSBOT_TEST_POSTGRES,
// or skips the test when none is set.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("NEWSBOT_TEST_POSTGRES")
	if u == "" {
		t.Skip("no Postgres: set NEWSBOT_TEST_POSTGRES=postgres://postgres:postgres@127.0.0.1:5432/postgres (a server with pgvector, e.g. `npx pglite-server -e @electric-sql/pglite-pgvector:vector -m 8` in .ci/pglite)")
	}
	return u
}

// freshDatabase empties the test database of newsbot's tables and returns
// its URL. Tests run one at a time, and PGlite shares one session among
// its connections, so a schema per test would not isolate them.
func freshDatabase(t testing.TB) string {
	t.Helper()
	u := testURL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatalf("connecting to %s: %v", u, err)
	}
	defer conn.Close(ctx)
	for _, table := range []string{"newsbot_schema", "newsbot_state", "newsbot_models", "newsbot_articles", "newsbot_passages", "newsbot_postings"} {
		if _, err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+table+" CASCADE"); err != nil {
			t.Fatalf("emptying the test database: %v", err)
		}
	}
	return u
}

func TestStore(t *testing.T) {
	skip := map[string]string{}
	if sharedSession(t) {
		why := "the server shares one session among connections (PGlite), so advisory locks cannot exclude a second writer; run against an ordinary Postgres to test it"
		skip["WritersTakeTurns"], skip["SecondWriterWaits"] = why, why
	}
	storetest.Run(t, func(t *testing.T) func() retrieval.Store {
		u := freshDatabase(t)
		return func() retrieval.Store {
			st, err := Open(context.Background(), u, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			return st
		}
	}, skip)
}

// sharedSession reports whether the server runs every connection in one
// session, as PGlite's socket server does: then a second connection gets
// an advisory lock that the first holds.
func sharedSession(t *testing.T) bool {
	ctx := context.Background()
	u := testURL(t)
	a, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	b, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close(ctx)
	var first, second bool
	a.QueryRow(ctx, "SELECT pg_try_advisory_lock(4242)", pgx.QueryExecModeSimpleProtocol).Scan(&first)
	b.QueryRow(ctx, "SELECT pg_try_advisory_lock(4242)", pgx.QueryExecModeSimpleProtocol).Scan(&second)
	a.Exec(ctx, "SELECT pg_advisory_unlock_all()")
	b.Exec(ctx, "SELECT pg_advisory_unlock_all()")
	return first && second
}

func TestOpenErrorsNameTheDatabase(t *testing.T) {
	cases := []struct {
		url, want string
	}{
		{"postgres://newsbot:secret@127.0.0.1:1/archive?connect_timeout=2", "database newsbot@127.0.0.1:1/archive is unreachable"},
		{"postgres://newsbot:secret@127.0.0.1:5432/archive?sslmode=bogus", "not a valid Postgres URL"},
	}
	for _, c := range cases {
		_, err := Open(context.Background(), c.url, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%s) = %v, want an error containing %q", c.url, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "\n")) {
			t.Errorf("Open(%s) error %q shows the password or spans lines", c.url, err)
		}
	}
}

// connect opens a connection of the test's own, with unnamed statements:
// PGlite's connections share one session, and the store's statements.
func connect(t *testing.T, u string) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	conn, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// indexesOf returns which of a model's two search indexes exist.
func indexesOf(t *testing.T, u string, model int) (hnsw, postings bool) {
	t.Helper()
	ctx := context.Background()
	err := connect(t, u).QueryRow(ctx, "SELECT to_regclass(format('newsbot_passages_hnsw_%s', $1::int)) IS NOT NULL, to_regclass(format('newsbot_postings_%s', $1::int)) IS NOT NULL", model).
		Scan(&hnsw, &postings)
	if err != nil {
		t.Fatal(err)
	}
	return hnsw, postings
}

// A first load stores rows without the model's indexes and Build makes
// them; searches find the same passages without them (scanning) as with.
func TestBuildMakesTheIndexesOfAFirstLoad(t *testing.T) {
	u := freshDatabase(t)
	ctx := context.Background()
	st, ix := openIndex(t, u, retrieval.Options{})
	storetest.MustSync(t, ix, storetest.CopySeeds(t))
	if hnsw, postings := indexesOf(t, u, 1); !hnsw || !postings {
		t.Fatalf("after the first sync: HNSW index %v, postings index %v; want both", hnsw, postings)
	}
	queries := []string{"Appathurai", "ceasefire negotiations", "how many civilians were killed"}
	var want [][]string
	for _, q := range queries {
		want = append(want, storetest.Sources(t, ix, q, 3))
	}

	conn := connect(t, u)
	if _, err := conn.Exec(ctx, "DROP INDEX newsbot_passages_hnsw_1, newsbot_postings_1"); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		if got := storetest.Sources(t, ix, q, 3); !slices.Equal(got, want[i]) {
			t.Errorf("Search(%q) without indexes = %v, want %v", q, got, want[i])
		}
	}
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	if err := st.Build(stopped, nil); err == nil {
		t.Errorf("Build(cancelled context) = nil, want the context's error")
	}
	if hnsw, postings := indexesOf(t, u, 1); hnsw || postings {
		t.Errorf("after a stopped Build: HNSW index %v, postings index %v; want neither", hnsw, postings)
	}
	var started int64
	if err := st.Build(ctx, func(n int64) { started = n }); err != nil {
		t.Fatalf("Build: %v", err)
	}
	if hnsw, postings := indexesOf(t, u, 1); !hnsw || !postings {
		t.Errorf("after Build: HNSW index %v, postings index %v; want both rebuilt", hnsw, postings)
	}
	var passages int64
	if err := conn.QueryRow(ctx, "SELECT passages FROM newsbot_models WHERE id = 1").Scan(&passages); err != nil || passages != started {
		t.Errorf("Build said it started on %d passages; the model has %d (%v)", started, passages, err)
	}
	for i, q := range queries {
		if got := storetest.Sources(t, ix, q, 3); !slices.Equal(got, want[i]) {
			t.Errorf("Search(%q) after rebuilding = %v, want %v", q, got, want[i])
		}
	}
}

// An index made by the first schema (postings under one primary key)
// opens, gets its model's postings index and keeps its passages.
func TestMigrateFromSchema1(t *testing.T) {
	u := freshDatabase(t)
	ctx := context.Background()
	conn := connect(t, u)
	for _, sql := range []string{
		"CREATE EXTENSION IF NOT EXISTS vector",
		"CREATE TABLE newsbot_schema (version int NOT NULL)",
		"INSERT INTO newsbot_schema VALUES (1)",
		migrations[0],
		"INSERT INTO newsbot_models (name, dim, articles, passages, total_len) VALUES ('m', 2, 1, 1, 1)",
		"INSERT INTO newsbot_passages (model, source, n, title, start_off, end_off, first_line, last_line, text, embedding) VALUES (1, 'a.txt', 0, 'A', 0, 5, 1, 1, 'hello', '[1,0]')",
		"INSERT INTO newsbot_postings VALUES (1, 'hello', 1, 1, 1)",
	} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	st, err := Open(ctx, u, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer st.Close()
	if _, postings := indexesOf(t, u, 1); !postings {
		t.Error("no postings index for the model after migrating")
	}
	var pkey bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass('newsbot_postings_pkey') IS NOT NULL").Scan(&pkey); err != nil || pkey {
		t.Errorf("postings primary key after migrating: %v, %v; want gone", pkey, err)
	}
	if ok, err := st.HasTerms(ctx, "m", []string{"hello"}); !ok || err != nil {
		t.Errorf("HasTerms(hello) after migrating = %v, %v; want true", ok, err)
	}
}

// Ctrl-C during the build of a first load's indexes stops the sync at
// once, with the context's error rather than a failure to save, and the
// next sync builds them.
func TestSyncStoppedWhileBuilding(t *testing.T) {
	u := freshDatabase(t)
	stopped, stop := context.WithCancel(context.Background())
	defer stop()
	var builds []int64
	_, ix := openIndex(t, u, retrieval.Options{OnBuild: func(n int64) { builds = append(builds, n); stop() }})
	corpus := storetest.CopySeeds(t)
	rep, err := ix.Sync(stopped, corpus, nil)
	var save *retrieval.SaveError
	if !errors.Is(err, context.Canceled) || errors.As(err, &save) {
		t.Fatalf("Sync stopped while building = %v, want context.Canceled and no SaveError", err)
	}
	if len(rep.Added) != 3 || len(builds) != 1 {
		t.Fatalf("stopped sync added %v and started %d builds; want the 3 seeds and 1", rep.Added, len(builds))
	}
	if hnsw, postings := indexesOf(t, u, 1); hnsw || postings {
		t.Errorf("after the stopped sync: HNSW index %v, postings index %v; want neither", hnsw, postings)
	}
	if got := storetest.Sources(t, ix, "Appathurai", 1); len(got) != 1 {
		t.Errorf("search before the build = %v, want the stored articles found", got)
	}
	rep = storetest.MustSync(t, ix, corpus)
	if rep.Changed() || len(builds) != 2 {
		t.Errorf("next sync changed %v and started %d builds in all; want nothing changed and a second build", rep.Changed(), len(builds))
	}
	if hnsw, postings := indexesOf(t, u, 1); !hnsw || !postings {
		t.Errorf("after the next sync: HNSW index %v, postings index %v; want both", hnsw, postings)
	}
}

// openIndex opens an Index (hash embedder unless opt names one) on a
// Store of the database at u, both closed when the test ends.
func openIndex(t *testing.T, u string, opt retrieval.Options) (*Store, *retrieval.Index) {
	t.Helper()
	st, err := Open(context.Background(), u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if opt.Embedder == nil {
		opt.Embedder = retrieval.NewHashEmbedder(0)
	}
	ix, err := retrieval.New(st, opt)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return st, ix
}
