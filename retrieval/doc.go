// Package retrieval turns a folder of articles (the coverage) into a
// searchable, durable index: it loads and chunks articles, embeds the chunks,
// keeps them in an in-process chromem-go collection persisted crash-safely on
// disk, and answers hybrid (vector + BM25) searches with file:line provenance.
package retrieval
