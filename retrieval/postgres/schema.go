package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// migrations bring the schema from one version to the next; newsbot_schema
// records how many have run. Append, never edit.
var migrations = []string{
	// 1: articles, passages, postings, per-model statistics, a generation.
	`CREATE TABLE newsbot_state (
		id         int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
		generation bigint NOT NULL DEFAULT 0
	);
	INSERT INTO newsbot_state DEFAULT VALUES;
	CREATE TABLE newsbot_models (
		id        serial PRIMARY KEY,
		name      text NOT NULL UNIQUE,
		dim       int NOT NULL,
		articles  bigint NOT NULL DEFAULT 0,
		passages  bigint NOT NULL DEFAULT 0,
		total_len bigint NOT NULL DEFAULT 0
	);
	CREATE TABLE newsbot_articles (
		source   text PRIMARY KEY,
		hash     text NOT NULL,
		size     bigint NOT NULL,
		mtime_ns bigint NOT NULL,
		model    text NOT NULL,
		info     jsonb NOT NULL,
		passages int NOT NULL,
		vocab    text[] NOT NULL,
		total_len bigint NOT NULL
	);
	CREATE TABLE newsbot_passages (
		id         bigserial PRIMARY KEY,
		model      int NOT NULL,
		source     text NOT NULL,
		n          int NOT NULL,
		title      text NOT NULL,
		date       timestamptz,
		start_off  int NOT NULL,
		end_off    int NOT NULL,
		first_line int NOT NULL,
		last_line  int NOT NULL,
		text       text NOT NULL,
		embedding  vector NOT NULL
	);
	CREATE INDEX newsbot_passages_source ON newsbot_passages (source);
	CREATE TABLE newsbot_postings (
		model   int NOT NULL,
		term    text NOT NULL,
		passage bigint NOT NULL,
		tf      int NOT NULL,
		len     int NOT NULL,
		PRIMARY KEY (model, term, passage)
	);`,
	// 2: each model's postings get an index of their own, like its HNSW
	// graph, so that Build can make both after a first load (see
	// indexes.go); the index carries tf and len for index-only scans.
	`ALTER TABLE newsbot_postings DROP CONSTRAINT newsbot_postings_pkey;
	DO $$
	DECLARE m record;
	BEGIN
		FOR m IN SELECT id FROM newsbot_models LOOP
			EXECUTE format('CREATE INDEX newsbot_postings_%s ON newsbot_postings (term, passage) INCLUDE (tf, len) WHERE model = %s', m.id, m.id);
		END LOOP;
	END $$;`,
}

// migrate creates the schema or brings it up to date, one process at a
// time.
func migrate(ctx context.Context, conn *pgx.Conn) error {
	var available bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')").Scan(&available); err != nil {
		return fmt.Errorf("checking for pgvector: %w", err)
	}
	if !available {
		return errors.New("the pgvector extension (vector) is not installed on the server; install it (e.g. run the pgvector/pgvector image) and try again")
	}
	if _, err := conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS vector"); err != nil {
		return fmt.Errorf("enabling the pgvector extension (vector): %w; ask the database owner to run CREATE EXTENSION vector", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended('newsbot-migrate:' || current_schema(), 0))"); err != nil {
		return fmt.Errorf("locking the schema: %w", err)
	}
	if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS newsbot_schema (version int NOT NULL)"); err != nil {
		return fmt.Errorf("creating the schema: %w", err)
	}
	var version int
	err = tx.QueryRow(ctx, "SELECT version FROM newsbot_schema").Scan(&version)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = tx.Exec(ctx, "INSERT INTO newsbot_schema VALUES (0)")
	}
	if err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("the index was made by a newer newsbot (schema %d, this one knows %d)", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		if _, err := tx.Exec(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migrating the schema to version %d: %w", i+1, err)
		}
	}
	if _, err := tx.Exec(ctx, "UPDATE newsbot_schema SET version = $1", len(migrations)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
