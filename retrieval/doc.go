// Package retrieval turns a folder of articles (the coverage) into a
// searchable, durable index: it loads and chunks articles, embeds the
// chunks, keeps them in a Store and answers hybrid (vector + BM25)
// searches with file:line provenance. The stores are in subpackages:
// retrieval/local keeps the index in a folder (the default), and
// retrieval/postgres in Postgres with pgvector, shared by many processes.
package retrieval
