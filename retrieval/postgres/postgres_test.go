package postgres

import (
	"context"
	"os"
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
